"""Accessible controls on every kind of exercise, as assistive technology meets them.

Every single choice is a radio group named by its question, each choice a radio with its
checked state, one tab stop per group and the arrow keys to move the choice; a toggle
button has its pressed state; no element carries title="null". The course template gives
every widget this (controls.html.j2), so a kind needs no code of its own for it – and a new
kind (or a rebuilt one, e.g. sorting with RadioButtons) is checked here the moment it is on a
page.
"""

import pytest
from playwright.sync_api import expect

from course.content import NOTEBOOK_DIR, load_course, notebook_exercises
from course.kinds import KINDS
from course.workbook import WorkbookStore
from tests.browser.conftest import open_page
from widgets.base import kind_class

CONTENT = load_course()
# Each kind of exercise on the first page that shows it.
FIRST_PAGE: dict[str, str] = {}
for session in CONTENT.programme.sessions():
    if session.notebook:
        for exercise_id in notebook_exercises(NOTEBOOK_DIR / session.notebook):
            kind = CONTENT.exercises[exercise_id].kind
            FIRST_PAGE.setdefault(kind, session.notebook)
PAGES = sorted(set(FIRST_PAGE.values()))

SINGLE_CHOICES = ".widget-toggle-buttons, .widget-radio"

# Per radio group of an exercise: its accessible name (its aria-labelledby resolved), the
# texts that name it on screen (its own label, the question shown just above it), its radios.
GROUPS = """(exercise) => [...exercise.querySelectorAll("[role=radiogroup]")].map((group) => {
  const ids = (group.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean);
  const text = (e) => (e ? e.textContent.trim().replace(/\\s+/g, " ") : "");
  const widget = group.parentElement;
  const before = widget.previousElementSibling;
  const question = before && (before.matches(".nk-item, .nk-question") ? before
    : before.querySelector(".nk-item, .nk-question"));
  const radios = [...group.querySelectorAll("[role=radio], input[type=radio]")];
  return {
    name: ids.map((id) => text(document.getElementById(id))).join(" "),
    label: text(widget.querySelector(":scope > .widget-label")),
    question: text(question),
    radios: radios.length,
    checkedKnown: radios.every((r) => r.type === "radio" || ["true", "false"].includes(
      r.getAttribute("aria-checked"))),
    names: new Set(radios.filter((r) => r.type === "radio").map((r) => r.name)).size,
  };
})"""


def test_every_kind_of_exercise_is_on_a_page_checked_here():
    assert set(FIRST_PAGE) == set(KINDS)


@pytest.fixture(scope="module")
def workbook(server):
    return WorkbookStore(server.folder).create("Rasmus Radio", "Jobcenter Ringsted")


@pytest.mark.parametrize("notebook", PAGES)
def test_single_choices_are_named_radio_groups_that_work_by_arrow_keys(
    server, page, workbook, notebook
):
    open_page(page, f"{server.base}{notebook}?logbog={workbook.id}")
    expect(page.locator('[title="null"]')).to_have_count(0)
    kinds = [k for k, first in FIRST_PAGE.items() if first == notebook]
    for kind in kinds:
        exercise = page.locator(f".nk-exercise.{kind_class(kind)}").first
        expect(exercise).to_be_visible()
        choices = exercise.locator(SINGLE_CHOICES)
        # Every single choice of the exercise is a radio group (none left as loose buttons).
        expect(exercise.locator("[role=radiogroup]")).to_have_count(choices.count())
        groups = exercise.evaluate(GROUPS)
        for group in groups:
            # Named by its question: the text above it, if any, and its own label.
            assert group["name"], f"{kind}: a radio group without a name"
            assert group["question"] in group["name"] and group["label"] in group["name"], group
            assert group["radios"] >= 2 and group["checkedKnown"], f"{kind}: {group}"
            assert group["names"] <= 1, f"{kind}: native radios of one group share one name"
        toggles = exercise.locator(".widget-toggle-buttons [role=radio]")
        assert all(t.get_attribute("tabindex") in ("0", "-1") for t in toggles.all())
        for button in exercise.locator("button.widget-toggle-button:not([role=radio])").all():
            expect(button).to_have_attribute("aria-pressed", "false")
        if groups:
            arrow_keys_move_the_choice(page, exercise, kind)


def arrow_keys_move_the_choice(page, exercise, kind: str) -> None:
    """In the exercise's first group: choose the first radio, then ArrowRight (as a native
    radio group): the second is chosen, focused, and the answer is saved."""
    group = exercise.get_by_role("radiogroup").first
    radios = group.get_by_role("radio")
    radios.first.click()
    expect(radios.first).to_be_checked()
    expect(radios.first).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(radios.nth(1)).to_be_checked()
    expect(radios.nth(1)).to_be_focused()
    expect(radios.first).not_to_be_checked()
    # Only the chosen radio is a tab stop (a native group handles that itself).
    if radios.first.evaluate("r => r.type !== 'radio'"):
        expect(radios.nth(1)).to_have_attribute("tabindex", "0")
        expect(radios.first).to_have_attribute("tabindex", "-1")
    if kind != "nøgletal":  # the key figures' view is a choice of picture, not an answer
        expect(exercise).to_contain_text("Gemt i din logbog")


def test_the_question_names_the_group_for_assistive_technology(server, page, workbook):
    """As a screen reader hears it: the scale's statement names its group of five steps."""
    page_of_scale = FIRST_PAGE["skala"]
    open_page(page, f"{server.base}{page_of_scale}?logbog={workbook.id}")
    scale = next(
        CONTENT.exercises[e]
        for e in notebook_exercises(NOTEBOOK_DIR / page_of_scale)
        if CONTENT.exercises[e].kind == "skala"
    )
    statement = scale.items[0].text
    group = page.get_by_role("radiogroup", name=statement, exact=True)
    expect(group).to_have_count(1)
    expect(group.get_by_role("radio")).to_have_count(scale.scale.max - scale.scale.min + 1)
    group.get_by_role("radio", name="3").click()
    expect(group.get_by_role("radio", checked=True)).to_have_count(1)
    expect(group.get_by_role("radio", name="3")).to_be_checked()
