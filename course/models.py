"""The models the facilitator shows full-screen: their text from data/models.yaml, drawn large.

Each layout is one drawing function returning PNG bytes; matplotlib is imported inside them.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from course.charts import INK, blank_figure, centred, png
from course.content import ContentError, Where, build, data_dir, read_yaml, unique

LAYOUTS = ("cyklus", "liste", "gamemaster", "firefelt", "hjul")
COLOURS = ("#0b6ea8", "#1b7837", "#c2570c", "#6a3d9a", "#8c6d00", "#0b3d5c", "#b3261e", "#2f6f6f")


@dataclass(frozen=True)
class Part:
    title: str
    text: str = ""


@dataclass(frozen=True)
class Model:
    id: str
    title: str
    layout: str
    source: str
    parts: tuple[Part, ...]
    center: str = ""
    notes: tuple[str, ...] = ()
    levels: tuple[Part, ...] = ()
    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    background: str = ""


def _check(model: Model, where: Where) -> None:
    where = where.at(f"model '{model.id}'")
    if model.layout not in LAYOUTS:
        where.fail(f"felt 'layout': ukendt layout '{model.layout}' (kendte: {', '.join(LAYOUTS)})")
    need = {"gamemaster": 3, "firefelt": 4}.get(model.layout)
    if need and len(model.parts) != need:
        where.fail(f"felt 'parts': et {model.layout}-layout skal have præcis {need} dele")
    if len(model.parts) < 2:
        where.fail("felt 'parts': en model skal have mindst to dele")
    if model.layout == "gamemaster" and len(model.levels) != 2:
        where.fail("felt 'levels': gamemaster-layoutet skal have præcis to niveauer")
    if model.layout == "firefelt" and (len(model.rows) != 2 or len(model.columns) != 2):
        where.fail("felt 'rows' og 'columns': et firefelt skal have to rækker og to kolonner")


def load_models(root: Path | None = None) -> dict[str, Model]:
    root = Path(root) if root is not None else data_dir()
    name, raw = read_yaml(root / "models.yaml", root)
    where = Where(name)
    if not isinstance(raw, dict) or set(raw) != {"models"} or not isinstance(raw["models"], list):
        where.fail("filen skal have præcis ét felt øverst: 'models' (en liste)")
    models = [build(Model, entry, where, "model") for entry in raw["models"]]
    unique([m.id for m in models], "model-id", where)
    for model in models:
        _check(model, where)
    return {m.id: m for m in models}


@lru_cache(maxsize=2)
def models(root: str | None = None) -> dict[str, Model]:
    return load_models(Path(root) if root else None)


# --- drawings ------------------------------------------------------------------------------


def _canvas(width: float, height: float):
    fig = blank_figure(width, height)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    return fig, ax


def _box(ax, x, y, w, h, colour, fill=True):
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(
        FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle="round,pad=0.02,rounding_size=0.15",
            facecolor=colour if fill else "white",
            edgecolor=colour,
            linewidth=3,
            alpha=0.95,
        )
    )


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width))


def _arrow(ax, start, end, colour=INK, rad=0.0):
    from matplotlib.patches import FancyArrowPatch

    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=28,
            linewidth=3,
            color=colour,
            connectionstyle=f"arc3,rad={rad}",
        )
    )


def draw(model: Model) -> bytes:
    """The model as a large picture with the slide's labels."""
    return {
        "cyklus": _cycle,
        "liste": _letters,
        "gamemaster": _gamemaster,
        "firefelt": _quadrants,
        "hjul": _wheel,
    }[model.layout](model)


def _title(ax, model: Model, width: float, height: float):
    centred(ax, width / 2, height - 0.45, model.title, 26, colour="#0b3d5c", bold=True)


def _cycle(model: Model) -> bytes:
    W, H = 14.0, 11.0
    fig, ax = _canvas(W, H)
    _title(ax, model, W, H)
    cx, cy, r = W / 2, H / 2 + 0.3, 3.3
    n = len(model.parts)
    points = []
    for i, part in enumerate(model.parts):
        angle = math.pi / 2 - 2 * math.pi * i / n
        x, y = cx + r * 1.25 * math.cos(angle), cy + r * math.sin(angle)
        points.append((x, y))
        _box(ax, x - 2.2, y - 0.8, 4.4, 1.6, COLOURS[i % len(COLOURS)])
        centred(ax, x, y + 0.3, _wrap(part.title, 24), 19, colour="white", bold=True)
        centred(ax, x, y - 0.4, _wrap(part.text, 34), 12.5, colour="white")
    for i in range(n):
        (x1, y1), (x2, y2) = points[i], points[(i + 1) % n]
        _arrow(
            ax,
            (x1 + (x2 - x1) * 0.3, y1 + (y2 - y1) * 0.3),
            (x1 + (x2 - x1) * 0.7, y1 + (y2 - y1) * 0.7),
            rad=-0.25,
        )
    if model.center:
        centred(ax, cx, cy, model.center, 22, colour=INK, bold=True)
    if model.notes:
        centred(ax, W / 2, 0.45, "   ·   ".join(model.notes), 15, colour=INK, style="italic")
    return png(fig)


def _letters(model: Model) -> bytes:
    W, n = 14.0, len(model.parts)
    H = 1.6 * n + 1.4
    fig, ax = _canvas(W, H)
    _title(ax, model, W, H)
    for i, part in enumerate(model.parts):
        y = H - 1.6 - 1.6 * i
        _box(ax, 0.4, y - 0.6, 2.0, 1.3, COLOURS[i % len(COLOURS)])
        centred(ax, 1.4, y + 0.05, part.title, 32, colour="white", bold=True)
        ax.text(2.9, y + 0.05, _wrap(part.text, 62), ha="left", va="center", fontsize=19, color=INK)
    return png(fig)


def _gamemaster(model: Model) -> bytes:
    W, H = 14.0, 8.5
    fig, ax = _canvas(W, H)
    _title(ax, model, W, H)
    process, content = model.levels
    for y, level, colour in ((4.3, process, "#0b6ea8"), (0.6, content, "#1b7837")):
        _box(ax, 0.3, y, W - 0.6, 2.6, colour, fill=False)
        ax.text(
            0.6,
            y + 2.25,
            f"{level.title} – {level.text}",
            ha="left",
            va="center",
            fontsize=17,
            fontweight="bold",
            color=colour,
        )
    ax.text(W - 1.0, 1.65, "Samtalen", ha="right", va="center", fontsize=18, color=INK)
    _arrow(ax, (0.8, 1.2), (W - 0.8, 1.2), colour="#1b7837")
    xs = (2.6, W / 2, W - 2.6)
    for i, (x, part) in enumerate(zip(xs, model.parts)):
        _box(ax, x - 2.0, 4.55, 4.0, 1.45, COLOURS[(i + 2) % len(COLOURS)])
        centred(ax, x, 5.5, part.title, 20, colour="white", bold=True)
        centred(ax, x, 4.95, _wrap(part.text, 34), 12, colour="white")
        _arrow(ax, (x, 1.35), (x, 4.45), colour=INK)
    return png(fig)


def _quadrants(model: Model) -> bytes:
    W, H = 14.0, 10.0
    fig, ax = _canvas(W, H)
    _title(ax, model, W, H)
    left, bottom, cw, ch = 2.2, 0.9, 5.6, 3.9
    for r, row in enumerate(model.rows):
        centred(ax, 1.1, bottom + ch * (1.5 - r), row, 19, colour=INK, bold=True, rotation=90)
    for c, column in enumerate(model.columns):
        centred(
            ax, left + cw * (c + 0.5), bottom + 2 * ch + 0.35, column, 19, colour=INK, bold=True
        )
    for i, part in enumerate(model.parts):
        r, c = divmod(i, 2)
        x, y = left + cw * c, bottom + ch * (1 - r)
        _box(ax, x + 0.1, y + 0.1, cw - 0.2, ch - 0.2, COLOURS[i % len(COLOURS)])
        centred(ax, x + cw / 2, y + ch - 0.8, part.title, 24, colour="white", bold=True)
        centred(ax, x + cw / 2, y + ch / 2 - 0.4, _wrap(part.text, 36), 15, colour="white")
    return png(fig)


def _wheel(model: Model) -> bytes:
    from matplotlib.patches import Circle, Wedge

    W, H = 14.0, 12.0
    fig, ax = _canvas(W, H)
    _title(ax, model, W, H)
    cx, cy, r = W / 2, H / 2 - 0.5, 5.0
    n = len(model.parts)
    for i, part in enumerate(model.parts):
        start = 90 - 360 * (i + 1) / n
        ax.add_patch(
            Wedge(
                (cx, cy),
                r,
                start,
                start + 360 / n,
                width=r - 1.5,
                facecolor=COLOURS[i % len(COLOURS)],
                edgecolor="white",
                linewidth=4,
            )
        )
        mid = math.radians(start + 180 / n)
        x, y = cx + (r + 1.5) / 2 * math.cos(mid), cy + (r + 1.5) / 2 * math.sin(mid)
        centred(ax, x, y + 0.3, _wrap(part.title, 14), 15, colour="white", bold=True)
        centred(
            ax,
            x,
            y - 0.55,
            "\n".join(_wrap(t, 16) for t in part.text.split(" · ")),
            12.5,
            colour="white",
        )
    ax.add_patch(Circle((cx, cy), 1.45, facecolor="white", edgecolor="#0b3d5c", linewidth=3))
    centred(ax, cx, cy, _wrap(model.center, 10), 20, colour="#0b3d5c", bold=True)
    return png(fig)


def alt_text(model: Model) -> str:
    """What the picture shows, for screen readers."""
    parts = "; ".join(f"{p.title}: {p.text}" if p.text else p.title for p in model.parts)
    extra = ""
    if model.levels:
        extra = " Niveauer: " + "; ".join(f"{lv.title}: {lv.text}" for lv in model.levels) + "."
    if model.rows:
        extra = f" Rækker: {', '.join(model.rows)}. Kolonner: {', '.join(model.columns)}."
    return f"Modellen {model.title}. {parts}.{extra}"


__all__ = ["ContentError", "Model", "alt_text", "draw", "load_models", "models"]
