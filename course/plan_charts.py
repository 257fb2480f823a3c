"""Pictures of the plans as PNG bytes: learning balance, year wheel and timeline.

Matplotlib is imported only when a picture is drawn. Colours are the Okabe–Ito
set (readable with the common colour-vision deficiencies); hatches and marker
shapes tell the groups apart in grey print too.
"""

from __future__ import annotations

import math
import re
import textwrap
from datetime import date, timedelta

from course.charts import INK, blank_figure, centred, png
from course.danish import SHORT_MONTHS, danish_today

NAVY = "#0b3d5c"
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7a7a7a", "#000000"]
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "--", "oo"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def label_text(text: str, limit: int) -> str:
    """Participant text as a one-line label: no control signs, shortened with an ellipsis."""
    text = " ".join(_UNPRINTABLE.sub(" ", str(text)).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plain(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def learning_balance(periods: list[str], kinds: list[str], counts: list[list[int]]) -> bytes:
    """Stacked bars per period (week) and the totals per kind of learning.

    ``counts[k][p]`` is the number of grips of kind ``k`` in period ``p``.
    """
    from matplotlib.ticker import MaxNLocator

    fig = blank_figure(11.5, 5.4)
    grid = fig.add_gridspec(1, 2, width_ratios=[2.4, 1], wspace=0.45)
    ax, totals_ax = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
    x = list(range(len(periods)))
    bottom = [0] * len(periods)
    for k, (title, row) in enumerate(zip(kinds, counts)):
        ax.bar(
            x,
            row,
            bottom=bottom,
            width=0.72,
            color=PALETTE[k],
            hatch=HATCHES[k],
            edgecolor="white",
            linewidth=1.2,
            label=title,
        )
        bottom = [b + v for b, v in zip(bottom, row)]
    ax.set_xticks(x, periods, fontsize=13)
    ax.tick_params(axis="y", labelsize=12)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max(bottom + [1]) + 0.5)
    ax.set_ylabel("Antal greb i ugen", fontsize=13)
    ax.set_title("Uge for uge", fontsize=15, loc="left", color=NAVY, fontweight="bold")
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=len(kinds), fontsize=13, frameon=False
    )
    _plain(ax)

    totals = [sum(row) for row in counts]
    whole = sum(totals) or 1
    y = list(range(len(kinds)))
    totals_ax.barh(
        y,
        totals,
        color=PALETTE[: len(kinds)],
        hatch=HATCHES[: len(kinds)],
        edgecolor="white",
        linewidth=1.2,
        height=0.65,
    )
    totals_ax.set_yticks(y, ["\n".join(textwrap.wrap(k, 14)) for k in kinds], fontsize=13)
    totals_ax.invert_yaxis()
    for i, total in enumerate(totals):
        totals_ax.text(
            total + 0.15,
            i,
            f"{total} ({round(100 * total / whole)} %)",
            va="center",
            fontsize=13,
            color=INK,
        )
    totals_ax.set_xlim(0, max(totals + [1]) * 1.6 + 0.5)
    totals_ax.xaxis.set_visible(False)  # each bar carries its number
    totals_ax.spines["bottom"].set_visible(False)
    totals_ax.set_title("I alt", fontsize=15, loc="left", color=NAVY, fontweight="bold")
    _plain(totals_ax)
    return png(fig)


def _tangent_rotation(clockwise: float) -> float:
    """Text along the circle at an angle (clockwise from the top), never upside down."""
    return -clockwise if not 90 < clockwise < 270 else 180 - clockwise


def year_wheel(months: list[str], entries: list[tuple[int, str, int]], groups: list[str]) -> bytes:
    """A circular year wheel: 12 month sectors, each activity a labelled spoke in its month.

    ``entries`` is [(month index 0–11, label, group index)]; ``groups`` names the colours.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle, Wedge

    size = 11.0
    fig = blank_figure(size, size + 1.2)
    ax = fig.add_axes([0.02, 0.1, 0.96, 0.88])
    ax.set_xlim(-1.2, 1.2)
    ax.set_ylim(-1.2, 1.2)
    ax.set_aspect("equal")
    ax.axis("off")
    inches_per_unit = size * 0.96 / 2.4
    inner, outer, band = 0.2, 1.0, 0.17
    font = 12.5
    line_gap = 1.35 * font / 72 / inches_per_unit  # the distance two labels need, in units

    for m, name in enumerate(months):
        start, end = 30 * m, 30 * (m + 1)
        ax.add_patch(
            Wedge(
                (0, 0),
                outer,
                90 - end,
                90 - start,
                width=outer - inner,
                facecolor="#eef4f8" if m % 2 else "#ffffff",
                edgecolor="#8aa3b5",
                linewidth=1.2,
            )
        )
        ax.add_patch(
            Wedge(
                (0, 0),
                outer + band,
                90 - end,
                90 - start,
                width=band,
                facecolor=NAVY,
                edgecolor="white",
                linewidth=2,
            )
        )
        mid = math.radians(start + 15)
        r = outer + band / 2
        x, y = r * math.sin(mid), r * math.cos(mid)
        centred(
            ax, x, y, name, 15, colour="white", bold=True, rotation=_tangent_rotation(start + 15)
        )

        here = [e for e in entries if e[0] == m]
        shown = here if len(here) <= 5 else here[:4]
        lanes = len(shown) + (len(here) > 5)
        if not lanes:
            continue
        step = 26 / lanes
        # Labels start where neighbouring spokes are far enough apart to be read.
        r0 = max(inner + 0.1, line_gap / math.radians(step))
        chars = max(8, int((outer - 0.03 - r0) * inches_per_unit * 72 / (0.53 * font)))
        two_lines = lanes <= 2  # room for a second line when the spokes are far apart
        for lane in range(lanes):
            angle = start + 2 + step * (lane + 0.5)
            a = math.radians(angle)
            if lane < len(shown):
                _, label, group = shown[lane]
                text = label_text(label, 2 * chars if two_lines else chars)
                if len(text) > chars:
                    text = "\n".join(textwrap.wrap(text, chars)[:2])
                g = group % len(PALETTE)
                ax.add_line(
                    Line2D(
                        [inner * math.sin(a), (r0 - 0.03) * math.sin(a)],
                        [inner * math.cos(a), (r0 - 0.03) * math.cos(a)],
                        color=PALETTE[g],
                        linewidth=2,
                    )
                )
                ax.plot(
                    [(r0 - 0.035) * math.sin(a)],
                    [(r0 - 0.035) * math.cos(a)],
                    marker=MARKERS[g],
                    markersize=9,
                    color=PALETTE[g],
                    markeredgecolor="white",
                )
            else:
                text = f"+ {len(here) - 4} flere"
            right = angle <= 180
            ax.text(
                r0 * math.sin(a),
                r0 * math.cos(a),
                text,
                fontsize=font,
                color=INK,
                rotation=(90 - angle) if right else (270 - angle),
                rotation_mode="anchor",
                ha="left" if right else "right",
                va="center",
            )

    ax.add_patch(Circle((0, 0), inner, facecolor="white", edgecolor="#8aa3b5", linewidth=1.2))
    centred(ax, 0, 0, "Årshjul", 17, colour=NAVY, bold=True)
    handles = [
        Line2D(
            [],
            [],
            marker=MARKERS[i % len(MARKERS)],
            color=PALETTE[i % len(PALETTE)],
            linewidth=2,
            markersize=10,
            label=title,
        )
        for i, title in enumerate(groups)
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=min(3, max(1, len(groups))),
        fontsize=13,
        frameon=False,
        bbox_to_anchor=(0.5, 0.0),
    )
    return png(fig)


def _month_label(value, _pos=None) -> str:
    from matplotlib.dates import num2date

    day = num2date(value)
    return (
        f"{SHORT_MONTHS[day.month - 1]}\n{day.year}"
        if day.month == 1 or _pos == 0
        else SHORT_MONTHS[day.month - 1]
    )


def timeline(
    groups: list[tuple[str, list[tuple[str, date, date]]]],
    today: date | None = None,
    milestones: list[tuple[str, date]] = (),
) -> bytes:
    """A Gantt-like timeline: one bar per action from its start to its end, grouped by period.

    ``groups`` is [(title, [(label, start, end)])]; ``milestones`` are dotted lines (follow-ups).
    """
    from matplotlib.dates import AutoDateLocator, MonthLocator, date2num
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    lines = []  # (label, start, end, group index) or (title, None, None, group index) for a header
    for g, (title, rows) in enumerate(groups):
        if rows:
            lines.append((title, None, None, g))
            lines += [(label, start, end, g) for label, start, end in rows]
    days = [d for _, s, e, _ in lines if s for d in (s, e)] + [d for _, d in milestones]
    first, last = (min(days), max(days)) if days else (today or danish_today(),) * 2
    span = max((last - first).days, 20)
    fig = blank_figure(11.5, 1.8 + 0.52 * max(len(lines), 2))
    ax = fig.add_subplot()
    labels = []
    for y, (label, start, end, g) in enumerate(lines):
        if start is None:
            labels.append(label_text(label, 40))
            continue
        left = date2num(start)
        ax.barh(
            y,
            date2num(end + timedelta(days=1)) - left,
            left=left,
            height=0.6,
            color=PALETTE[g % len(PALETTE)],
            hatch=HATCHES[g % len(HATCHES)],
            edgecolor="white",
        )
        labels.append("\n".join(textwrap.wrap(label_text(label, 60), 32)[:2]))
    ax.set_yticks(range(len(lines)), labels, fontsize=12)
    for tick, (_, start, _, _) in zip(ax.get_yticklabels(), lines):
        if start is None:
            tick.set_fontweight("bold")
            tick.set_color(NAVY)
            tick.set_fontsize(13)
    ax.set_ylim(len(lines) - 0.4, -0.6)
    ax.set_xlim(
        date2num(first - timedelta(days=max(3, span // 30))),
        date2num(last + timedelta(days=max(4, span // 25))),
    )
    ax.xaxis.set_major_locator(MonthLocator() if span <= 500 else AutoDateLocator())
    ax.xaxis.set_major_formatter(FuncFormatter(_month_label))
    ax.tick_params(axis="x", labelsize=12)
    ax.grid(axis="x", color="#d5e1ea")
    ax.set_axisbelow(True)
    # Follow-up labels above the plot, moved up a row when they would run into each other.
    axis_days = span + max(3, span // 30) + max(4, span // 25)
    days_per_char = axis_days / (11.5 * 0.77 * 72 / (0.6 * 11))
    row_ends: list[float] = []
    for text, day in sorted(milestones, key=lambda m: m[1]):
        text = label_text(text, 30)
        x = date2num(day)
        ax.axvline(x, color=PALETTE[5], linestyle=":", linewidth=2)
        row = next((i for i, end in enumerate(row_ends) if x > end), len(row_ends))
        end = x + (len(text) + 2) * days_per_char
        row_ends[row : row + 1] = [end]
        ax.text(
            x,
            -0.6 - 0.55 * row,
            " " + text,
            color=PALETTE[5],
            fontsize=11,
            va="bottom",
            ha="left",
            clip_on=False,
        )
    if today is not None and first <= today <= last:
        ax.axvline(date2num(today), color=INK, linestyle="--", linewidth=1.5)
        ax.text(date2num(today), len(lines) - 0.45, " I dag", fontsize=11, va="bottom", color=INK)
    handles = [
        Patch(
            facecolor=PALETTE[g % len(PALETTE)],
            hatch=HATCHES[g % len(HATCHES)],
            edgecolor="white",
            label=title,
        )
        for g, (title, rows) in enumerate(groups)
        if rows
    ]
    if handles:
        axes_height = fig.get_figheight() * (fig.subplotpars.top - fig.subplotpars.bottom)
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.75 / axes_height),
            ncol=len(handles),
            fontsize=13,
            frameon=False,
        )
    _plain(ax)
    return png(fig)
