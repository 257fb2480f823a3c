"""The bad-input catalogue in the plans' pictures and documents, made from the page's buttons.

The general bad-input test fills every text box and clicks every button, but a plan draws
and exports only once its dates and choices are set: here they are, so every picture and
every document of a plan is made with each bad text.
"""

import base64
import io
import re
from datetime import date, timedelta

import docx
import pytest

from tests.bad_input import BAD_TEXTS
from tests.widgets.test_07_min_foerste_plan import fill
from widgets import ActionPlan, FirstPlan, MeetingPlanner, QuestionBuilder, YearWheel
from widgets.handlers import FRIENDLY_ERROR
from widgets.markup import DOCX_MIME, esc
from widgets.status import SaveState

SOON = date.today() + timedelta(days=14)
DOLLAR = BAD_TEXTS["dollar og mathtext"]


def word_text(html: str) -> str:
    data = re.search(rf'href="data:{re.escape(DOCX_MIME)};base64,([^"]+)"', html).group(1)
    word = docx.Document(io.BytesIO(base64.b64decode(data)))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def filled(text: str) -> str:
    """The bad text, or a word where a blank text would leave a required field empty."""
    return text if text.strip() else "Læringsmøde"


def action_plan(content, workbook, text):
    plan = ActionPlan(content.exercise("handleplan"), workbook)
    for group in plan.add_buttons:
        plan.add_buttons[group].click()
        fill(
            plan,
            group,
            1,
            hvad=filled(text),
            hvem=filled(text),
            start=SOON,
            slut=SOON + timedelta(days=30),
            hvordan=filled(text),
        )
    return plan


def test_an_action_with_dollars_draws_its_timeline_and_exports(content, workbook):
    plan = action_plan(content, workbook, DOLLAR)
    plan.check_button.click()
    assert "datoerne hænger sammen" in plan.feedback.value
    assert plan.picture.value.startswith('<img class="nk-picture" alt="Tidslinje over handleplanen')
    plan.make_button.click()
    assert "Dokumentet er klar." in plan.result.value
    assert DOLLAR in word_text(plan.result.value)
    assert plan.save_state is SaveState.SAVED


@pytest.mark.parametrize("case", list(BAD_TEXTS))
def test_every_plan_picture_and_document_takes_every_bad_text(content, store, case):
    text = BAD_TEXTS[case]
    workbook = store.create("Karen Jensen", "Jobcenter Århus")
    plan = action_plan(content, workbook, text)
    wheel = YearWheel(content.exercise("aarshjul"), workbook)
    wheel.own_text.value = filled(text)
    wheel.own_button.click()
    if wheel.rows:
        fill(wheel, "", 1, maaned="Marts", ansvarlig=filled(text))
    meeting = MeetingPlanner(
        content.exercise(next(e.id for e in content.exercises.values() if e.kind == "mødeplan")),
        workbook,
    )
    meeting.row_controls[0]["title"].value = text
    meeting.start.value, meeting.total.value = "09.00", "60"
    questions = QuestionBuilder(
        content.exercise(
            next(e.id for e in content.exercises.values() if e.kind == "spørgsmålsbygger")
        ),
        workbook,
    )
    for box in questions.questions.values():
        box.value = text
    first = FirstPlan(content.exercise("min_foerste_plan"), workbook, content=content)
    first.controls["start"].value = SOON
    for exercise, buttons in (
        (plan, ("check_button", "make_button")),
        (wheel, ("check_button", "make_button")),
        (meeting, ("make_button",)),
        (questions, ("check_button",)),
        (first, ("make_button", "calendar_button")),
    ):
        for name in buttons:
            getattr(exercise, name).click()
        assert exercise.save_state is not SaveState.ERROR, f"{type(exercise).__name__} on {case}"
        html = "\n".join(w.value for w in _html(exercise))
        assert esc(FRIENDLY_ERROR) not in html, f"{type(exercise).__name__} on {case}"
    assert 'alt="Tidslinje over handleplanen' in plan.picture.value
    assert (
        "Dokumentet er klar." in plan.result.value and "Dokumentet er klar." in first.result.value
    )
    assert "Kalenderfilen har" in first.calendar_result.value
    assert "<img" in questions.picture.value


def _html(widget):
    import ipywidgets as ipw

    found = [widget] if isinstance(widget, ipw.HTML) else []
    for child in getattr(widget, "children", ()):
        found += _html(child)
    return found
