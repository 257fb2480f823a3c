"""Pictures of the room's answers for the facilitator's screen, as PNG bytes.

Large type for a projector. Matplotlib is imported only inside the drawing helpers.
"""

from __future__ import annotations

import textwrap

from course.charts import BAD, GOOD, INK, blank_figure, count_cell, figure, png
from course.danish import decimal
from course.summary import RankRow, RatingRow, SortRow

BAR = "#0b6ea8"


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)[:3])


def rating_histograms(rows: tuple[RatingRow, ...], low: int) -> bytes:
    """One bar chart per item: how many chose each value; the mean in the title."""
    n = len(rows)
    width = max(len(r.counts) for r in rows)
    fig = blank_figure(max(7.5, 0.75 * width + 3), 2.7 * n)
    axes = fig.subplots(n, 1, squeeze=False)[:, 0]
    top = max([max(r.counts) for r in rows] + [1])
    for ax, row in zip(axes, rows):
        values = list(range(low, low + len(row.counts)))
        ax.bar(values, row.counts, color=BAR, width=0.75)
        for x, count in zip(values, row.counts):
            if count:
                ax.text(
                    x,
                    count + top * 0.03,
                    str(count),
                    ha="center",
                    va="bottom",
                    fontsize=16,
                    fontweight="bold",
                    color=INK,
                )
        mean = f"   –   gennemsnit {decimal(row.mean)}" if row.mean is not None else ""
        ax.set_title(
            f"{_wrap(row.text, 60)}\n{row.n} svar{mean}", fontsize=15, loc="left", color=INK
        )
        ax.set_xticks(values, [str(v) for v in values], fontsize=16)
        ax.set_ylim(0, top * 1.25)
        ax.set_yticks([])
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
    fig.set_layout_engine("tight", h_pad=1.5)  # laid out while drawing, when the texts are clean
    return png(fig)


def rank_bars(rows: tuple[RankRow, ...]) -> bytes:
    """Average place per task; the shortest bar is the room's most important task."""
    rows = [r for r in rows if r.mean_rank is not None]
    fig, ax = figure(10, 1.1 * len(rows) + 1.2)
    labels = [_wrap(r.text, 34) for r in rows]
    y = list(range(len(rows)))
    ax.barh(y, [r.mean_rank for r in rows], color=BAR, height=0.6)
    for i, r in enumerate(rows):
        ax.text(
            r.mean_rank + 0.05,
            i,
            f" {decimal(r.mean_rank)}",
            va="center",
            fontsize=16,
            fontweight="bold",
            color=INK,
        )
    ax.set_yticks(y, labels, fontsize=14)
    ax.invert_yaxis()
    top = max(r.mean_rank for r in rows)
    ax.set_xlim(0, top * 1.2 + 0.5)
    ax.set_xticks(range(int(top * 1.2 + 0.5) + 1))
    ax.set_xlabel("Gennemsnitlig plads (1 = vigtigst)", fontsize=14)
    ax.tick_params(axis="x", labelsize=13)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return png(fig)


def sorting_counts(rows: tuple[SortRow, ...], categories: list[tuple[str, str]]) -> bytes:
    """One row per item, one column per category: how many put it there; green = right."""
    ids = [c for c, _ in categories]
    n, m = len(rows), len(ids)
    fig, ax = figure(2.0 * m + 6.5, 0.62 * n + 1.6)
    top = max([max(r.counts.values() or [0]) for r in rows] + [1])
    for i, row in enumerate(rows):
        for j, cid in enumerate(ids):
            count = row.counts.get(cid, 0)
            colour = GOOD if cid == row.right else BAD
            alpha = 0.2 + 0.8 * count / top if count else 0.04
            count_cell(ax, j, i, count, colour, alpha, 15)
    ax.set_xlim(0, m)
    ax.set_ylim(n, 0)
    ax.set_xticks([j + 0.5 for j in range(m)], [_wrap(t, 14) for _, t in categories], fontsize=13)
    ax.xaxis.tick_top()
    ax.set_yticks(
        [i + 0.5 for i in range(n)],
        [f"{r.number}. {textwrap.shorten(r.text, 42, placeholder=' …')}" for r in rows],
        fontsize=12,
    )
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig.text(
        0.5,
        0.0,
        "Grøn: den rigtige kategori. Orange: svar, der landede et andet sted.",
        ha="center",
        fontsize=12,
        color=INK,
    )
    return png(fig)


def word_bars(words: tuple[tuple[str, int], ...]) -> bytes:
    """The most frequent words of the texts, the most frequent on top."""
    fig, ax = figure(8, 0.55 * len(words) + 1)
    y = list(range(len(words)))
    ax.barh(y, [c for _, c in words], color=BAR, height=0.65)
    for i, (_, count) in enumerate(words):
        ax.text(count, i, f" {count}", va="center", fontsize=15, fontweight="bold", color=INK)
    ax.set_yticks(y, [w for w, _ in words], fontsize=16)
    ax.invert_yaxis()
    ax.set_xlim(0, max(c for _, c in words) * 1.2 + 0.3)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    return png(fig)
