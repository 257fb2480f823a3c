"""Pictures as PNG bytes. Matplotlib is imported only when a picture is drawn."""

from __future__ import annotations

import io
import textwrap

# Colours readable on a projector and for the common colour-vision deficiencies.
GOOD, BAD, INK = "#1b7837", "#c2570c", "#1a1a1a"


def _figure(width: float, height: float):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=110)
    return fig, fig.add_subplot()


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
