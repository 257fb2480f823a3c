"""Every exercise under the bad-input catalogue: nothing crashes, nothing is lost,
nothing a participant typed reaches the page as live HTML."""

import base64
import re

import ipywidgets as ipw
import pytest

from course.session import PageRequest
from course.workbook import WorkbookStore
from tests.bad_input import BAD_NAMES, BAD_TEXTS
from widgets import WIDGETS, CoursePage
from widgets.handlers import FRIENDLY_ERROR
from widgets.markup import esc, file_stem


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def text_controls(widget):
    return [w for w in walk(widget) if isinstance(w, (ipw.Text, ipw.Textarea))]


def buttons(widget):
    return [w for w in walk(widget) if isinstance(w, ipw.Button) and not w.disabled]


def page_html(widget) -> str:
    return "\n".join(w.value for w in walk(widget) if isinstance(w, ipw.HTML))


def assert_not_live(html: str, text: str) -> None:
    """The participant's text may appear escaped, never as markup."""
    # A tag with the text that follows it is the participant's own (our markup never has it).
    for match in re.finditer(r"<(?:script|img|a|b)\b[^>]*>[^<]{0,8}", text):
        assert match.group(0) not in html, f"live HTML from participant text: {match.group(0)}"


@pytest.mark.parametrize("case", BAD_TEXTS, ids=list(BAD_TEXTS))
def test_every_exercise_survives_every_bad_text(content, store, case):
    text = BAD_TEXTS[case]
    workbook = store.create("Karen Jensen", "Jobcenter Århus")
    for definition in content.exercises.values():
        exercise = WIDGETS[definition.kind](definition, workbook, content=content)
        for control in text_controls(exercise):
            control.value = text
            for button in buttons(exercise):
                button.click()
        html = page_html(exercise)
        assert esc(FRIENDLY_ERROR) not in html, f"{definition.id} crashed on {case}"
        assert_not_live(html, text)
        # Nothing lost: what the exercise holds is exactly what a reopened page shows.
        reopened = WIDGETS[definition.kind](
            definition, WorkbookStore(store.folder).open(workbook.id), content=content
        )
        assert reopened.value == exercise.value, f"{definition.id} lost input for {case}"


def test_reflection_keeps_each_bad_text_literally(content, store):
    workbook = store.create("Karen Jensen", "Jobcenter Århus")
    for case, text in BAD_TEXTS.items():
        exercise = WIDGETS["refleksion"](content.exercise("tjek_ind"), workbook)
        exercise.boxes["ser_frem_til"].value = text
        again = WorkbookStore(store.folder).open(workbook.id)
        assert (again.answer("tjek_ind") or {}).get("ser_frem_til", "") == text, case


@pytest.mark.parametrize("name", BAD_NAMES)
def test_odd_names_are_kept_as_text_and_never_become_paths(store, name):
    page = CoursePage("velkommen", folder=str(store.folder), request=PageRequest(True, ""))
    name_box, centre_box = [
        w
        for w in walk(page.identity)
        if isinstance(w, ipw.Text) and w.description in ("Dit navn", "Dit jobcenter")
    ]
    name_box.value, centre_box.value = name, name
    next(b for b in buttons(page.identity) if b.description == "Start min logbog").click()
    wb = page.workbook
    assert wb.name == " ".join(name.split())
    assert [p.parent for p in store.folder.rglob("*.json")] == [store.folder]
    assert_not_live(page_html(page), name)
    stem = file_stem(wb.name)
    assert re.fullmatch(r"[\w-]+", stem) and ".." not in stem
    next(b for b in buttons(page.identity) if b.description == "Hent min logbog som fil").click()
    link = page_html(page)
    data = re.search(r'href="data:application/json;base64,([^"]+)"', link).group(1)
    assert (
        WorkbookStore(store.folder / "andet").import_bytes(base64.b64decode(data)).name == wb.name
    )


@pytest.mark.parametrize("case", list(BAD_TEXTS))
def test_a_bad_workshop_code_gets_a_danish_message_and_creates_nothing(store, case):
    page = CoursePage("velkommen", folder=str(store.folder), request=PageRequest(True, ""))
    boxes = {w.description: w for w in walk(page.identity) if isinstance(w, ipw.Text)}
    boxes["Dit navn"].value, boxes["Dit jobcenter"].value = "Karen", "Jobcenter Århus"
    boxes["Workshopkode (hvis kursuslederen har givet jer en)"].value = BAD_TEXTS[case]
    next(b for b in buttons(page.identity) if b.description == "Start min logbog").click()
    if BAD_TEXTS[case].strip():
        assert page.workbook is None and "workshop" in page.message.value.lower()
        assert_not_live(page.message.value, BAD_TEXTS[case])
        assert list(store.folder.glob("*.json")) == []
