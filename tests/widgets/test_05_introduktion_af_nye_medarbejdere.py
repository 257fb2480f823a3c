"""Page 05 without a browser: the onboarding planner, the learning contract and the reflection."""

import base64
import io
import re
from datetime import date

import docx

from tests.widgets.test_exercises import saved
from widgets import OnboardingPlanner, Planner, Reflection
from widgets.status import SaveState


def rows_by_text(ex):
    return {row.children[0].value: row for row in ex.rows.children}


def week_toggle(ex, grip_text, week):
    row = next(r for label, r in rows_by_text(ex).items() if grip_text in label)
    return next(t for t in row.children[1].children if t.description == f"Uge {week}")


def test_clicking_weeks_places_grips_saves_and_shows_the_balance(content, workbook):
    ex = OnboardingPlanner(content.exercise("introduktionsplan"), workbook)
    assert (
        "Ingen greb er placeret" in ex.balance.value and "Placér mindst ét greb" in ex.balance.value
    )
    week_toggle(ex, "Introduktionsmøde", 1).value = True
    week_toggle(ex, "Kollegial observation A", 2).value = True
    assert week_toggle(ex, "Introduktionsmøde", 1).icon == "check"  # not colour alone
    assert week_toggle(ex, "Introduktionsmøde", 2).icon == ""
    assert saved(workbook, "introduktionsplan") == {
        "weeks": {"introduktionsmoede": [1], "observation_a": [2]},
        "own": [],
    }
    assert (
        "Teoretisk læring: 1 (50 %)" in ex.balance.value
        and "Mesterlære: 1 (50 %)" in ex.balance.value
    )
    assert "ingen greb med aktionslæring" in ex.balance.value
    week_toggle(ex, "Deltagelse i læringsgrupper", 3).value = True
    assert "nk-advice" not in ex.balance.value
    week_toggle(ex, "Introduktionsmøde", 1).value = False
    assert week_toggle(ex, "Introduktionsmøde", 1).icon == ""
    assert saved(workbook, "introduktionsplan")["weeks"] == {
        "observation_a": [2],
        "laeringsgrupper": [3],
    }


def test_the_plan_is_restored_with_its_own_grips(content, workbook):
    ex = OnboardingPlanner(content.exercise("introduktionsplan"), workbook)
    week_toggle(ex, "Læse håndbog", 2).value = True
    ex.new_text.value = "Frokost med <b>mentor</b>"
    ex.new_kind.value = "mesterlaere"
    ex.add_button.click()
    week_toggle(ex, "Frokost med", 4).value = True
    again = OnboardingPlanner(content.exercise("introduktionsplan"), workbook)
    assert (
        week_toggle(again, "Læse håndbog", 2).value
        and not week_toggle(again, "Læse håndbog", 1).value
    )
    assert week_toggle(again, "Frokost med", 4).value
    label = next(label for label in rows_by_text(again) if "Frokost" in label)
    assert "Frokost med &lt;b&gt;mentor&lt;/b&gt;" in label and "(eget greb)" in label
    assert again.save_state is SaveState.RESTORED


def test_own_grips_need_text_and_a_kind_and_can_be_removed(content, workbook):
    ex = OnboardingPlanner(content.exercise("introduktionsplan"), workbook)
    ex.add_button.click()
    assert "Skriv først grebet" in ex.add_message.value
    ex.new_text.value = "Buddy-ordning"
    ex.add_button.click()
    assert (
        "Vælg, hvilken type af læring" in ex.add_message.value
        and ex.new_text.value == "Buddy-ordning"
    )
    ex.new_kind.value = "aktionslaering"
    ex.add_button.click()
    assert "»Buddy-ordning« er tilføjet" in ex.add_message.value and ex.new_text.value == ""
    assert saved(workbook, "introduktionsplan")["own"] == [
        {"id": "egen-1", "text": "Buddy-ordning", "category": "aktionslaering"}
    ]
    week_toggle(ex, "Buddy-ordning", 1).value = True
    row = next(r for label, r in rows_by_text(ex).items() if "Buddy" in label)
    remove = row.children[1].children[-1]
    assert remove.description == "Fjern"
    remove.click()
    assert saved(workbook, "introduktionsplan") == {"weeks": {}, "own": []}


def test_the_balance_picture_and_the_document(content, workbook):
    ex = OnboardingPlanner(content.exercise("introduktionsplan"), workbook)
    ex.picture_button.click()
    assert "Placér mindst ét greb" in ex.picture.value
    for grip, week in (
        ("Introduktionsmøde", 1),
        ("Lave læringskontrakt", 1),
        ("Kollegial observation B", 3),
    ):
        week_toggle(ex, grip, week).value = True
    ex.picture_button.click()
    assert re.search(
        r'<img class="nk-picture" alt="Søjler for hver uge[^"]*Aktionslæring: 1 \(33 %\)',
        ex.picture.value,
    )
    ex.make_button.click()
    link = re.search(r'download="([^"]+\.docx)" href="data:[^;]+;base64,([^"]+)"', ex.result.value)
    assert (
        link.group(1) == "Introduktionsplan-ny-kollega-i-den-jobrettede-samtale-Karen-Jensen.docx"
    )
    word = docx.Document(io.BytesIO(base64.b64decode(link.group(2))))
    rows = [[c.text for c in r.cells] for r in word.tables[0].rows]
    assert rows[1] == [
        "Uge 1",
        "Introduktionsmøde om projektet og den jobrettede tilgang",
        "Lave læringskontrakt: Hvad skal især øves og styrkes? Hvad skal aflæres?",
        "",
    ]
    assert len(word.inline_shapes) == 1
    week_toggle(ex, "Introduktionsmøde", 2).value = True
    assert ex.result.value == "" and ex.picture.value == ""  # stale pictures and links go away


def test_the_learning_contract_builds_a_document(content, workbook):
    ex = Planner(content.exercise("laeringskontrakt"), workbook)
    ex.make_button.click()
    assert "Udfyld feltet »Hvad skal især øves og styrkes?«" in ex.result.value
    ex.controls["oeve"].value = "Åbne spørgsmål =1+1"
    ex.controls["aflaere"].value = "At give råd for tidligt"
    ex.controls["observation_a"].value = "Uge 1 og 2"
    ex.controls["observation_b"].value = "Uge 3: <i>feedback</i>"
    ex.controls["opfoelgning"].value = date(2027, 2, 1)
    ex.make_button.click()
    assert (
        "Dokumentet er klar" in ex.result.value
        and "Uge 3: &lt;i&gt;feedback&lt;/i&gt;" in ex.result.value
    )
    assert saved(workbook, "laeringskontrakt")["fields"]["opfoelgning"] == "2027-02-01"


def test_the_reflection_has_the_slides_three_questions(content, workbook):
    ex = Reflection(content.exercise("introduktion_refleksion"), workbook)
    labels = [box.description for box in ex.boxes.values()]
    assert labels[0].startswith(
        "Hvordan ville I bedst selv kunne lære den jobrettede samtale som tilgang"
    )
    assert labels[1].startswith("På baggrund af dette") and labels[2].startswith(
        "Find frem til de konkrete"
    )
    ex.boxes["aktiviteter"].value = "Mesterlære i uge 1"
    assert saved(workbook, "introduktion_refleksion")["aktiviteter"] == "Mesterlære i uge 1"
