"""Pictures as PNG bytes. Matplotlib is imported only when a picture is drawn."""

from __future__ import annotations

import io
import textwrap

# Colours readable on a projector and for the common colour-vision deficiencies.
GOOD, BAD, INK = "#1b7837", "#c2570c", "#1a1a1a"


def _figure(width: float, height: float, projection: str | None = None):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=110)
    return fig, fig.add_subplot(projection=projection)


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
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
    fig, ax = _figure(1.9 * n + 2.2, 1.2 * n + 1.6)
    for r in range(n):
        for c in range(n):
            value = counts[r][c]
            colour = GOOD if r == c else BAD
            alpha = 0.15 + 0.85 * value / max(1, max(max(row) for row in counts)) if value else 0.04
            ax.add_patch(_rect(c, r, colour, alpha))
            ax.text(c + 0.5, r + 0.5, str(value), ha="center", va="center", fontsize=18,
                    color="white" if value and alpha > 0.55 else INK, fontweight="bold")
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
    fig.text(0.5, -0.02, "Grøn diagonal: rigtige svar. Orange felter: svar, der landede et andet sted.",
             ha="center", fontsize=11, color=INK)
    return _png(fig)


def _rect(x, y, colour, alpha):
    from matplotlib.patches import Rectangle

    return Rectangle((x + 0.03, y + 0.03), 0.94, 0.94, color=colour, alpha=alpha, linewidth=0)


# --- pictures of a skala's answers ---------------------------------------------------

SERIES = ("#0b6ea8", "#c2570c", "#1b7837", "#6a3d9a")  # one colour per occasion


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def _ticks(low: int, high: int, labels: tuple[str, ...] | list[str]) -> list[str]:
    return list(labels) if labels else [str(n) for n in range(low, high + 1)]


def rating_bars(labels: list[str], values: list[int | None], low: int, high: int,
                tick_labels: tuple[str, ...] = ()) -> bytes:
    """One horizontal bar per item; unanswered items get no bar and say so."""
    n = len(labels)
    fig, ax = _figure(9, 0.8 * n + 1.4)
    start = low - 1  # so that the lowest rating still has a visible bar
    for row, value in enumerate(values):
        if value is None:
            ax.text(start, row, "  ikke besvaret", va="center", fontsize=13, color="#555")
        else:
            ax.barh(row, value - start, left=start, height=0.6, color=SERIES[0])
            ax.text(value, row, f"  {value}", va="center", fontsize=15, fontweight="bold", color=INK)
    ax.set_yticks(range(n), [_wrap(label, 34) for label in labels], fontsize=14)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlim(start, high + 0.6)
    ax.set_xticks(range(low, high + 1), [_wrap(t, 12) for t in _ticks(low, high, tick_labels)],
                  fontsize=12)
    ax.grid(axis="x", color="#c9d7e1", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _png(fig)


def _polar_axes(ax, labels: list[str], low: int, high: int, width: int) -> list[float]:
    import math

    n = len(labels)
    ax.set_theta_zero_location("N")  # the first item at the top, then clockwise
    ax.set_theta_direction(-1)
    angles = [2 * math.pi * i / n for i in range(n)]
    ax.set_xticks(angles, [_wrap(label, width) for label in labels], fontsize=14)
    for label, angle in zip(ax.get_xticklabels(), angles):
        # Labels on the right start at their spoke, on the left end there: no overlaps at the bottom.
        side = math.sin(angle)
        label.set_horizontalalignment("center" if abs(side) < 0.01 else "left" if side > 0 else "right")
    ax.set_ylim(low - 1, high)
    ax.set_yticks(range(low, high + 1), [str(v) for v in range(low, high + 1)], fontsize=10,
                  color="#444")
    ax.set_rlabel_position(180 / n)  # the numbers between the first two spokes
    ax.tick_params(axis="x", pad=20)
    ax.grid(color="#c9d7e1")
    ax.spines["polar"].set_color("#9fb6c7")
    return angles


def rating_wheel(labels: list[str], values: list[int | None], low: int, high: int) -> bytes:
    """A wheel: one wedge per item, as long as its rating (e.g. conversation styles)."""
    import math

    fig, ax = _figure(8.5, 8.5, "polar")
    angles = _polar_axes(ax, labels, low, high, 16)
    width = 2 * math.pi / len(labels) * 0.9
    for angle, value in zip(angles, values):
        if value is not None:
            ax.bar(angle, value - low + 1, width=width, bottom=low - 1, color=SERIES[0],
                   alpha=0.8, edgecolor="white", linewidth=2)
            ax.text(angle, value - 0.45, str(value), ha="center", va="center", fontsize=14,
                    fontweight="bold", color="white")
    return _png(fig)


def rating_radar(labels: list[str], series: list[tuple[str, list[int | None]]], low: int,
                 high: int) -> bytes:
    """A radar: one outline per occasion over the same items (unanswered points are gaps)."""
    fig, ax = _figure(9, 9, "polar")
    angles = _polar_axes(ax, labels, low, high, 14)
    for colour, (name, values) in zip(SERIES, series):
        points = [(a, v) for a, v in zip(angles, values)]
        points.append(points[0])  # close the outline
        xs = [a for a, _ in points]
        ys = [float("nan") if v is None else v for _, v in points]
        ax.plot(xs, ys, color=colour, linewidth=3, marker="o", markersize=7, label=name)
        if None not in values:
            ax.fill(xs, ys, color=colour, alpha=0.12)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), fontsize=13, frameon=False,
              ncol=min(2, len(series)))
    return _png(fig)
