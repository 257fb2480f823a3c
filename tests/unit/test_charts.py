"""The pictures of a skala's answers are PNGs, also with unanswered items."""

import io

import pytest

from course import charts

LABELS = ["Rammesættende", "Tilknyttende", "Inspirerende", "Problemløsende"]


def size(png: bytes) -> tuple[int, int]:
    from PIL import Image

    return Image.open(io.BytesIO(png)).size


@pytest.mark.parametrize(
    "draw",
    [
        lambda: charts.rating_bars(LABELS, [1, None, 5, 3], 1, 5, ("a", "b", "c", "d", "e")),
        lambda: charts.rating_bars(LABELS, [None] * 4, 1, 10),
        lambda: charts.rating_wheel(LABELS, [4, None, 2, 5], 1, 5),
        lambda: charts.rating_radar(
            LABELS, [("Marts", [1, 2, None, 3]), ("Juni", [3, 4, 4, 5])], 1, 5
        ),
    ],
)
def test_each_picture_is_a_png_large_enough_for_a_projector(draw):
    png = draw()
    assert png.startswith(b"\x89PNG")
    width, height = size(png)
    assert width >= 700 and height >= 250
