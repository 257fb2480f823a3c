"""Pictures as PNG bytes, and the one way every picture of the course is made.

Matplotlib is imported only when a picture is drawn. Every picture (here, in
``plan_charts``, ``roomcharts`` and ``models``) starts with ``blank_figure`` or ``figure`` and
ends in ``png``, which draws participant text literally.
"""

from __future__ import annotations

import io
import re
import textwrap
import warnings
from typing import NamedTuple

# Colours readable on a projector and for the common colour-vision deficiencies.
GOOD, BAD, INK = "#1b7837", "#c2570c", "#1a1a1a"
DPI = 110


def blank_figure(width: float, height: float):
    """A figure without axes, in inches."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=DPI)


def figure(width: float, height: float, projection: str | None = None):
    """A figure with one set of axes: (figure, axes)."""
    fig = blank_figure(width, height)
    return fig, fig.add_subplot(projection=projection)


_UNDRAWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def _drawable(text) -> str:
    return _UNDRAWABLE.sub("\ufffd", str(text))


def _literal_ticks(formatter):
    """A tick formatter whose labels (made while drawing) are cleaned like every other text."""
    from matplotlib.ticker import Formatter

    class Literal(Formatter):
        def __call__(self, x, pos=None):
            return _drawable(formatter(x, pos))

        def format_ticks(self, values):
            return [_drawable(label) for label in formatter.format_ticks(values)]

        def set_locs(self, locs):
            formatter.set_locs(locs)

        def get_offset(self):
            return formatter.get_offset()

        def format_data(self, value):
            return formatter.format_data(value)

        def format_data_short(self, value):
            return formatter.format_data_short(value)

    return Literal()


def png(fig) -> bytes:
    """The figure as PNG bytes, every text in it drawn as typed.

    No mathtext for "$" (»Pris pr. deltager $x^{2$« would not draw at all), and characters
    no font can draw (control characters, half an emoji) become a visible replacement mark.
    Tick labels are made while drawing: their formatters are cleaned, and mathtext is off
    for the whole drawing.
    """
    from matplotlib import rc_context
    from matplotlib.text import Text

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_formatter(_literal_ticks(axis.get_major_formatter()))
            axis.set_minor_formatter(_literal_ticks(axis.get_minor_formatter()))
    for text in fig.findobj(Text):
        text.set_parse_math(False)
        text.set_text(_drawable(text.get_text()))
    buffer = io.BytesIO()
    with rc_context({"text.parse_math": False}), warnings.catch_warnings():
        warnings.simplefilter(
            "ignore"
        )  # a glyph missing from the font (an emoji) is drawn as a box
        fig.savefig(buffer, format="png", bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def sorting_matrix(categories: list[tuple[str, str]], pairs: list[tuple[str, str]]) -> bytes:
    """Where the answers landed: rows are the right category, columns the answer given.

    ``categories`` is [(id, title)], ``pairs`` is [(right_id, answered_id)].
    """
    ids = [c for c, _ in categories]
    titles = ["\n".join(textwrap.wrap(t, 14)) for _, t in categories]
    counts = [[0] * len(ids) for _ in ids]
    for right, answered in pairs:
        counts[ids.index(right)][ids.index(answered)] += 1
    n = len(ids)
    fig, ax = figure(1.9 * n + 2.2, 1.2 * n + 1.6)
    for r in range(n):
        for c in range(n):
            value = counts[r][c]
            colour = GOOD if r == c else BAD
            alpha = 0.15 + 0.85 * value / max(1, max(max(row) for row in counts)) if value else 0.04
            count_cell(ax, c, r, value, colour, alpha, 18)
    ax.set_xlim(0, n)
    ax.set_ylim(n, 0)
    ax.set_xticks([i + 0.5 for i in range(n)], titles, fontsize=12)
    ax.set_yticks([i + 0.5 for i in range(n)], titles, fontsize=12)
    ax.xaxis.tick_top()
    ax.set_xlabel("Dit svar", fontsize=13)
    ax.xaxis.set_label_position("top")
    ax.set_ylabel("Rigtig kategori", fontsize=13)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig.text(
        0.5,
        -0.02,
        "Grøn diagonal: rigtige svar. Orange felter: svar, der landede et andet sted.",
        ha="center",
        fontsize=11,
        color=INK,
    )
    return png(fig)


def centred(ax, x, y, text, size, colour=None, bold=False, **options):
    """A text centred on (x, y): a number in a cell, a title in a box, a month on the wheel."""
    if bold:
        options["fontweight"] = "bold"
    return ax.text(x, y, text, ha="center", va="center", fontsize=size, color=colour, **options)


def count_cell(ax, x, y, count: int, colour: str, alpha: float, size: float) -> None:
    """Cell (x, y) of a table of counts: a square, as strong as ``alpha``, with the count on it."""
    from matplotlib.patches import Rectangle

    ax.add_patch(
        Rectangle((x + 0.03, y + 0.03), 0.94, 0.94, color=colour, alpha=alpha, linewidth=0)
    )
    centred(
        ax,
        x + 0.5,
        y + 0.5,
        str(count),
        size,
        colour="white" if count and alpha > 0.55 else INK,
        bold=True,
    )


class GridCell(NamedTuple):
    """One cell of a model drawn as a grid: a title, a short note, numbered dots or a text."""

    title: str
    note: str = ""
    dots: tuple[tuple[int, bool], ...] = ()  # (number, right?) per answer placed here
    text: str = ""


CELL_W, DOTS_PER_ROW, DOT_STEP, DOT_R = 1.6, 8, 0.165, 0.066


def grid_chart(
    rows: list[str], columns: list[str], cells: list[list[GridCell]], footnote: str = ""
) -> bytes:
    """A model such as Tomm's 2×2: row labels on the left, column labels below each column.

    A cell shows its title, a note, and either numbered dots (green circle = right, orange
    square = wrong; shape as well as colour, for colour-blind readers) or a wrapped text.
    """
    from matplotlib.patches import Circle, Rectangle

    n_rows, n_cols = len(rows), len(columns)
    foot = textwrap.wrap(footnote, 90)
    bottom = n_rows + 0.25 + 0.12 * len(foot)
    fig, ax = figure(3 * (n_cols * CELL_W + 0.3), 3 * bottom)
    ax.set_aspect("equal")
    for r, row in enumerate(cells):
        for c, cell in enumerate(row):
            x0, y0 = c * CELL_W, r
            ax.add_patch(
                Rectangle(
                    (x0 + 0.02, y0 + 0.02),
                    CELL_W - 0.04,
                    0.96,
                    facecolor="#eef5fa",
                    edgecolor="#0b3d5c",
                    linewidth=1.5,
                )
            )
            ax.text(
                x0 + 0.07,
                y0 + 0.1,
                cell.title,
                fontsize=17,
                fontweight="bold",
                color="#0b3d5c",
                va="center",
            )
            if cell.note:
                ax.text(x0 + 0.07, y0 + 0.22, cell.note, fontsize=12.5, color=INK, va="center")
            for i, (number, right) in enumerate(cell.dots):
                x = x0 + 0.07 + DOT_R + (i % DOTS_PER_ROW) * DOT_STEP
                y = y0 + 0.39 + (i // DOTS_PER_ROW) * DOT_STEP
                if right:
                    ax.add_patch(Circle((x, y), DOT_R, color=GOOD))
                else:
                    ax.add_patch(Rectangle((x - DOT_R, y - DOT_R), 2 * DOT_R, 2 * DOT_R, color=BAD))
                centred(ax, x, y, str(number), 10.5, colour="white", bold=True)
            if cell.text:
                lines = textwrap.wrap(cell.text, 27)
                if len(lines) > 6:
                    lines = lines[:5] + [lines[5][:24] + " …"]
                top = y0 + (0.32 if cell.note else 0.2)
                ax.text(
                    x0 + 0.07,
                    top,
                    "\n".join(lines),
                    fontsize=14.5,
                    color=INK,
                    va="top",
                    linespacing=1.3,
                )
    for r, label in enumerate(rows):
        ax.text(
            -0.08,
            r + 0.5,
            "\n".join(textwrap.wrap(label, 16)),
            rotation=90,
            ha="right",
            va="center",
            fontsize=15,
            fontweight="bold",
            color=INK,
            multialignment="center",
        )
    for c, label in enumerate(columns):
        ax.text(
            c * CELL_W + CELL_W / 2,
            n_rows + 0.06,
            label,
            ha="center",
            va="top",
            fontsize=15,
            fontweight="bold",
            color=INK,
        )
    if foot:
        ax.text(-0.3, n_rows + 0.25, "\n".join(foot), va="top", fontsize=12, color=INK)
    ax.set_xlim(-0.3, n_cols * CELL_W)
    ax.set_ylim(bottom, 0)
    ax.axis("off")
    return png(fig)


PLAN, OVER, FRAME = "#0b6ea8", BAD, "#555555"


def agenda_timeline(
    slots: list[tuple[str, int, int]], frame: tuple[int, int] | None = None
) -> bytes:
    """The agenda as labelled blocks along the clock, one row per item.

    ``slots`` is [(title, start, end)] in minutes after midnight; ``frame`` is the meeting's
    (start, end). Blocks (or parts of them) after the frame's end are drawn in orange.
    """
    from matplotlib.patches import Rectangle

    def hhmm(minutes: float) -> str:
        m = round(minutes) % (24 * 60)
        return f"{m // 60:02d}.{m % 60:02d}"

    n = max(1, len(slots))
    fig, ax = figure(9.5, 0.85 * n + 1.7)
    end_of_frame = frame[1] if frame else None
    first = min([s for _, s, _ in slots] + ([frame[0]] if frame else []))
    last = max([e for _, _, e in slots] + ([frame[1]] if frame else []))
    span = max(last - first, 10)
    for row, (_, start, end) in enumerate(slots):
        inside_end = min(end, end_of_frame) if end_of_frame is not None else end
        if inside_end > start:
            ax.add_patch(Rectangle((start, row + 0.12), inside_end - start, 0.76, color=PLAN))
        if end_of_frame is not None and end > end_of_frame:
            over_start = max(start, end_of_frame)
            ax.add_patch(
                Rectangle(
                    (over_start, row + 0.12),
                    end - over_start,
                    0.76,
                    facecolor=OVER,
                    hatch="//",
                    edgecolor="white",
                    linewidth=0,
                )
            )
        ax.text(
            end + span * 0.01,
            row + 0.5,
            f"{hhmm(start)}–{hhmm(end)} ({end - start} min)",
            va="center",
            ha="left",
            fontsize=14,
            color=INK,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
            zorder=5,
        )
    if frame:
        ax.axvline(frame[1], color=FRAME, linestyle="--", linewidth=2, zorder=3)
        ax.text(
            frame[1],
            -0.15,
            f"Slut kl. {hhmm(frame[1])}",
            ha="center",
            va="bottom",
            fontsize=14,
            color=FRAME,
            fontweight="bold",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 2},
        )

    ax.set_xlim(first, last + span * 0.42)  # room for the times right of the last block
    ax.set_ylim(n, -0.6)
    labels = [
        "\n".join(textwrap.wrap(f"{i}. {title or '(uden overskrift)'}", 26)) or str(i)
        for i, (title, _, _) in enumerate(slots, start=1)
    ]
    ax.set_yticks([i + 0.5 for i in range(len(slots))], labels, fontsize=14)
    step = next((s for s in (5, 10, 15, 30, 60, 120) if span / s <= 8), 240)
    ticks = [t for t in range(first, last + 1) if t % step == 0]
    if not ticks or ticks[0] - first >= step * 0.8:
        ticks.insert(0, first)  # the meeting's start, unless a round time is right next to it
    ax.set_xticks(ticks, [hhmm(t) for t in ticks], fontsize=14)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#d5e1ea", linewidth=1)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    over = frame is not None and last > frame[1]
    ax.set_xlabel(
        "Klokkeslæt"
        + (
            "\nOrange, skraveret: den del af dagsordenen, der ligger efter tidsrammens slut."
            if over
            else ""
        ),
        fontsize=14,
    )
    return png(fig)


SERIES = ("#0b6ea8", "#c2570c", "#1b7837", "#6a3d9a")  # one colour per occasion or team
MARKERS = ("o", "s", "^", "D", "v", "P", "X")  # so that lines tell teams apart in grey print too
BLUE, PALE, EDGE = "#0b6ea8", "#eef5fa", "#6b8aa0"


def learning_cycle(steps: list[str], current: int | None, centre: str) -> bytes:
    """The steps clockwise on a circle; step ``current`` (0-based) highlighted."""
    import math

    n = len(steps)
    r = 1.65  # the circle's radius; the boxes keep their size in points
    fig, ax = figure(6.8, 5.9)
    ax.set_xlim(-2.35, 2.35)
    ax.set_ylim(-2.05, 2.05)
    ax.set_aspect("equal")
    ax.axis("off")
    from matplotlib.patches import Circle

    ax.add_patch(Circle((0, 0), r, fill=False, color=EDGE, linewidth=2.5, zorder=1))
    # Clockwise, the first step top left, so that no arrowhead hides behind a box.
    angle = lambda i: math.pi / 2 + math.pi / n - 2 * math.pi * i / n  # noqa: E731
    for i in range(n):
        # An arrowhead half-way to the next step shows the direction of travel.
        mid = (angle(i) + angle(i + 1)) / 2
        x, y = r * math.cos(mid), r * math.sin(mid)
        dx, dy = math.sin(mid) * 0.01, -math.cos(mid) * 0.01
        ax.annotate(
            "",
            xy=(x + dx, y + dy),
            xytext=(x - dx, y - dy),
            zorder=2,
            arrowprops={
                "arrowstyle": "-|>,head_length=0.9,head_width=0.5",
                "color": EDGE,
                "linewidth": 2.5,
            },
        )
    for i, title in enumerate(steps):
        a = angle(i)
        here = i == current
        label = f"{i + 1}. " + "\n".join(textwrap.wrap(title, 17))
        centred(
            ax,
            r * math.cos(a),
            r * math.sin(a),
            label,
            13,
            colour="white" if here else INK,
            fontweight="bold" if here else "normal",
            zorder=3,
            linespacing=1.25,
            bbox={
                "boxstyle": "round,pad=0.5",
                "facecolor": BLUE if here else PALE,
                "edgecolor": BLUE if here else EDGE,
                "linewidth": 3 if here else 1.5,
            },
        )
    centred(ax, -0.3, 0.2, centre, 12.5, colour="#0b3d5c", bold=True, linespacing=1.4)
    return png(fig)


def _axes_style(ax):
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=12)
    ax.grid(axis="y", color="#d5e1ea", linewidth=1)
    ax.set_axisbelow(True)


def _danish_ticks(axis, percent: bool):
    from matplotlib.ticker import FuncFormatter

    def fmt(value, _):
        text = f"{value:.0f} %" if percent else f"{value:g}"
        return text.replace(".", ",").replace("-", "−")

    axis.set_major_formatter(FuncFormatter(fmt))


class TeamChart(NamedTuple):
    """What a picture of teams' key figures shows besides the values: the value axis (its label,
    whether it is a percentage, its limits), the caption, and a fixed colour per team."""

    axis_label: str
    percent: bool
    limits: tuple[float, float] | None
    caption: str
    colours: dict[str, int] | None = None

    def colour(self, team: str, default: int) -> int:
        return (self.colours or {}).get(team, default)


def _team_axes(ax, value_axis, chart: TeamChart) -> None:
    """The value axis in Danish numbers, the axes' style and the caption."""
    _danish_ticks(value_axis, chart.percent)
    _axes_style(ax)
    ax.set_title(chart.caption, loc="left", fontsize=12, color="#444")


def team_trend(months: list[str], series: dict[str, list[float]], chart: TeamChart) -> bytes:
    """One line per team over the months (values already in the unit shown); a team keeps its
    colour and marker from ``chart.colours``, whichever teams are shown."""
    fig, ax = figure(9.5, 5.0)
    for i, (team, values) in enumerate(series.items()):
        c = chart.colour(team, i)
        ax.plot(
            range(len(months)),
            values,
            label=team,
            color=SERIES[c % len(SERIES)],
            marker=MARKERS[c % len(MARKERS)],
            markersize=7,
            linewidth=2.4,
        )
    ax.set_xticks(range(len(months)), months, fontsize=12)
    ax.set_ylabel(chart.axis_label, fontsize=13)
    if chart.limits:
        ax.set_ylim(*chart.limits)
    _team_axes(ax, ax.yaxis, chart)
    ax.legend(
        fontsize=13,
        frameon=False,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.1),
        ncol=3,
        handlelength=2.5,
    )
    return png(fig)


def team_bars(bars: list[tuple[str, float, str]], chart: TeamChart) -> bytes:
    """One horizontal bar per team: (label, value, text written at the bar's end)."""
    fig, ax = figure(9.5, 0.75 * len(bars) + 1.6)
    labels = ["\n".join(textwrap.wrap(label, 22)) for label, _, _ in bars]
    values = [v for _, v, _ in bars]
    index = [chart.colour(label, i) for i, (label, _, _) in enumerate(bars)]
    ax.barh(range(len(bars)), values, color=[SERIES[c % len(SERIES)] for c in index], height=0.6)
    for i, (_, value, text) in enumerate(bars):
        ax.text(value, i, f"  {text}", va="center", fontsize=13, color=INK, fontweight="bold")
    ax.set_yticks(range(len(bars)), labels, fontsize=12)
    ax.invert_yaxis()
    ax.set_xlabel(chart.axis_label, fontsize=13)
    if chart.limits:
        ax.set_xlim(chart.limits[0], chart.limits[1] * 1.12)
    _team_axes(ax, ax.xaxis, chart)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#d5e1ea", linewidth=1)
    return png(fig)


# --- pictures of a skala's answers ---------------------------------------------------


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def _ticks(low: int, high: int, labels: tuple[str, ...] | list[str]) -> list[str]:
    return list(labels) if labels else [str(n) for n in range(low, high + 1)]


def rating_bars(
    labels: list[str],
    values: list[int | None],
    low: int,
    high: int,
    tick_labels: tuple[str, ...] = (),
) -> bytes:
    """One horizontal bar per item; unanswered items get no bar and say so."""
    n = len(labels)
    fig, ax = figure(9, 0.8 * n + 1.4)
    start = low - 1  # so that the lowest rating still has a visible bar
    for row, value in enumerate(values):
        if value is None:
            ax.text(start, row, "  ikke besvaret", va="center", fontsize=13, color="#555")
        else:
            ax.barh(row, value - start, left=start, height=0.6, color=SERIES[0])
            ax.text(
                value, row, f"  {value}", va="center", fontsize=15, fontweight="bold", color=INK
            )
    ax.set_yticks(range(n), [_wrap(label, 34) for label in labels], fontsize=14)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlim(start, high + 0.6)
    ax.set_xticks(
        range(low, high + 1), [_wrap(t, 12) for t in _ticks(low, high, tick_labels)], fontsize=12
    )
    ax.grid(axis="x", color="#c9d7e1", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return png(fig)


def _polar_axes(ax, labels: list[str], low: int, high: int, width: int) -> list[float]:
    import math

    n = len(labels)
    ax.set_theta_zero_location("N")  # the first item at the top, then clockwise
    ax.set_theta_direction(-1)
    angles = [2 * math.pi * i / n for i in range(n)]
    ax.set_xticks(angles, [_wrap(label, width) for label in labels], fontsize=14)
    for label, angle in zip(ax.get_xticklabels(), angles):
        # Labels on the right start at their spoke, on the left end there: no overlap at the foot.
        side = math.sin(angle)
        label.set_horizontalalignment(
            "center" if abs(side) < 0.01 else "left" if side > 0 else "right"
        )
    ax.set_ylim(low - 1, high)
    ax.set_yticks(
        range(low, high + 1), [str(v) for v in range(low, high + 1)], fontsize=10, color="#444"
    )
    ax.set_rlabel_position(180 / n)  # the numbers between the first two spokes
    ax.tick_params(axis="x", pad=20)
    ax.grid(color="#c9d7e1")
    ax.spines["polar"].set_color("#9fb6c7")
    return angles


def rating_wheel(labels: list[str], values: list[int | None], low: int, high: int) -> bytes:
    """A wheel: one wedge per item, as long as its rating (e.g. conversation styles)."""
    import math

    fig, ax = figure(8.5, 8.5, "polar")
    angles = _polar_axes(ax, labels, low, high, 16)
    width = 2 * math.pi / len(labels) * 0.9
    for angle, value in zip(angles, values):
        if value is not None:
            ax.bar(
                angle,
                value - low + 1,
                width=width,
                bottom=low - 1,
                color=SERIES[0],
                alpha=0.8,
                edgecolor="white",
                linewidth=2,
            )
            centred(ax, angle, value - 0.45, str(value), 14, colour="white", bold=True)
    return png(fig)


def rating_radar(
    labels: list[str], series: list[tuple[str, list[int | None]]], low: int, high: int
) -> bytes:
    """A radar: one outline per occasion over the same items (unanswered points are gaps)."""
    fig, ax = figure(9, 9, "polar")
    angles = _polar_axes(ax, labels, low, high, 14)
    for colour, (name, values) in zip(SERIES, series):
        points = [(a, v) for a, v in zip(angles, values)]
        points.append(points[0])  # close the outline
        xs = [a for a, _ in points]
        ys = [float("nan") if v is None else v for _, v in points]
        ax.plot(xs, ys, color=colour, linewidth=3, marker="o", markersize=7, label=name)
        if None not in values:
            ax.fill(xs, ys, color=colour, alpha=0.12)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08),
        fontsize=13,
        frameon=False,
        ncol=min(2, len(series)),
    )
    return png(fig)
