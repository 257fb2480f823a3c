"""Participant text in pictures is drawn literally and never breaks the drawing."""

from course.charts import GridCell, figure, grid_chart, png


def test_undrawable_characters_and_dollar_signs_do_not_break_a_picture():
    tricky = "Koster det 5$ eller $x^2$? \ud83d halv emoji \x00\x1b[31m <script>"
    png = grid_chart(["A"], ["B"], [[GridCell("Titel", text=tricky)]])
    assert png.startswith(b"\x89PNG")


def test_text_is_kept_literal_apart_from_undrawable_characters():
    fig, ax = figure(2, 1)
    label = ax.text(0, 0, "$x$ \ud83d\x07 ok")
    png(fig)
    assert label.get_text() == "$x$ \ufffd\ufffd ok" and not label.get_parse_math()
