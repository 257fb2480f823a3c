"""12 Vidensmobilisering, headless: named steps, advice for little-used sources, bars."""

from course.workbook import WorkbookStore
from widgets import Rating, Reflection


def saved(workbook, exercise_id):
    return WorkbookStore(workbook.path.parent).open(workbook.id).answer(exercise_id)


def test_knowledge_sources_give_advice_and_draw_bars(content, workbook):
    ex = Rating(content.exercise("videnskilder"), workbook)
    assert "<b>1</b> = Næsten ikke · <b>2</b> = Lidt" in ex.children[1].value
    assert ex.ratings["borgere"].tooltips[0] == (
        "Når du lytter til borgernes erfaringer, perspektiver eller meninger: 1 – Næsten ikke"
    )
    ex.ratings["kollegaer"].value = 2
    ex.ratings["rapporter"].value = 5
    assert (
        "Læringsgruppemøder" in ex.advice["kollegaer"].value and ex.advice["rapporter"].value == ""
    )
    ex.picture_button.click()
    assert "Refleksion med kolleger: 2" in ex.picture.value
    assert "Rapporter om effektfulde metoder: 5" in ex.picture.value
    assert saved(workbook, "videnskilder")["ratings"]["kollegaer"] == 2


def test_the_broker_reflection_is_saved(content, workbook):
    ex = Reflection(content.exercise("vidensmaegler"), workbook)
    ex.boxes["dilemma"].value = "Hvornår er en borger klar?"
    assert saved(workbook, "vidensmaegler") == {
        "dilemma": "Hvornår er en borger klar?",
        "viden": "",
        "procedure": "",
    }
