"""Page 07 without a browser: the action plan and the gathered plan with Word and calendar files."""

import base64
import io
import re
from datetime import date, timedelta

import docx
import icalendar

from course.session import PageRequest
from course.workbook import WorkbookStore
from tests.unit.test_first_plan import A_DAY
from tests.widgets.test_exercises import saved
from widgets import ActionPlan, CoursePage, FirstPlan

SOON = date.today() + timedelta(days=14)


def fill(ex, group, number, **values):
    controls, _ = ex.controls(group, number)
    for field_id, value in values.items():
        controls[field_id].value = value


def test_actions_are_added_per_period_checked_and_saved(content, workbook):
    ex = ActionPlan(content.exercise("handleplan"), workbook)
    assert set(ex.add_buttons) == {"projektperioden", "naeste_aar"}
    ex.check_button.click()
    assert "Planen har endnu ingen rækker" in ex.feedback.value
    ex.add_buttons["projektperioden"].click()
    ex.add_buttons["naeste_aar"].click()
    fill(
        ex,
        "projektperioden",
        1,
        hvad="Læringsmøder om UGU",
        hvem="Mig",
        start=SOON,
        slut=SOON - timedelta(days=1),
        hvordan="Flere jobaftaler",
    )
    ex.check_button.click()
    assert (
        "Projektperioden, række 1: »Slut«" in ex.feedback.value
        and "ligger før »Start«" in ex.feedback.value
    )
    assert "Det næste år, række 1: Udfyld feltet »Hvad«." in ex.feedback.value
    fill(ex, "projektperioden", 1, slut=SOON + timedelta(days=60))
    fill(
        ex,
        "naeste_aar",
        1,
        hvad="Årshjulet i drift",
        hvem="Teamet",
        start=SOON + timedelta(days=100),
        slut=SOON + timedelta(days=400),
        hvordan="Fremmøde",
    )
    ex.check_button.click()
    assert "Planen er udfyldt, og datoerne hænger sammen." in ex.feedback.value
    assert 'alt="Tidslinje over handleplanen' in ex.feedback.value + ex.picture.value
    rows = saved(workbook, "handleplan")["rows"]
    assert [(r["group"], r["fields"]["hvad"], r["fields"]["start"]) for r in rows] == [
        ("projektperioden", "Læringsmøder om UGU", SOON.isoformat()),
        ("naeste_aar", "Årshjulet i drift", (SOON + timedelta(days=100)).isoformat()),
    ]


def test_a_date_in_the_past_is_reported_against_the_injected_today(content, workbook):
    ex = ActionPlan(content.exercise("handleplan"), workbook)
    ex.today = date(2026, 11, 24)
    ex.add_buttons["projektperioden"].click()
    fill(
        ex,
        "projektperioden",
        1,
        hvad="Møde",
        hvem="Mig",
        start=date(2026, 11, 1),
        slut=date(2026, 12, 1),
        hvordan="Fremmøde",
    )
    ex.check_button.click()
    assert "»Start« (01.11.2026) ligger før i dag." in ex.feedback.value
    ex.today = date(2026, 10, 1)
    ex.check_button.click()
    assert "Planen er udfyldt" in ex.feedback.value


def test_rows_are_restored_and_removed_with_their_button(content, workbook):
    ex = ActionPlan(content.exercise("handleplan"), workbook)
    for _ in range(2):
        ex.add_buttons["projektperioden"].click()
    fill(ex, "projektperioden", 1, hvad="Første", start=SOON)
    fill(ex, "projektperioden", 2, hvad="Anden")
    again = ActionPlan(content.exercise("handleplan"), workbook)
    controls, remove = again.controls("projektperioden", 1)
    assert controls["hvad"].value == "Første" and controls["start"].value == SOON
    assert remove.tooltip == "Fjern »Første«"
    remove.click()
    assert [r["fields"]["hvad"] for r in saved(workbook, "handleplan")["rows"]] == ["Anden"]


def test_the_overview_links_to_the_pages_and_names_what_is_missing(content, workbook):
    ex = FirstPlan(
        content.exercise("min_foerste_plan"),
        workbook,
        content=content,
        session="min_plan",
        href=lambda notebook: f"{notebook}?logbog=KODE",
    )
    overview = ex.overview.value
    assert (
        '<a href="01_rollen_som_noegleperson.ipynb?logbog=KODE">Rollen som nøgleperson</a>'
        in overview
    )
    assert '<a href="06_laeringsgryden.ipynb?logbog=KODE">' in overview
    assert "ovenfor på denne side" in overview  # the action plan is on the same page
    assert overview.count("Ikke lavet endnu.") == 6 and "✔ Klar" not in overview
    workbook.save_answer("opgavebeskrivelse", A_DAY["opgavebeskrivelse"])
    assert ex.poll()  # the page looks at the workbook every few seconds; no button
    assert ex.overview.value.count("✔ Klar") == 1
    assert not ex.poll()  # nothing new: nothing redrawn


def test_another_tab_s_work_shows_without_a_button(content, store, workbook):
    ex = FirstPlan(content.exercise("min_foerste_plan"), workbook, content=content)
    assert not [b for b in ex.children if getattr(b, "description", "") == "Opdater oversigten"]
    other_tab = WorkbookStore(store.folder).open(workbook.id)
    other_tab.save_answer("aarshjul", A_DAY["aarshjul"])
    assert "2 aktiviteter" not in ex.overview.value
    assert ex.poll()
    assert "2 aktiviteter i 2 af årets 12 måneder" in ex.overview.value


def test_the_page_gives_the_plan_links_that_keep_the_participant(content, store, workbook):
    page = CoursePage("min_plan", folder=str(store.folder), request=PageRequest(True, workbook.id))
    plan = page.exercise("min_foerste_plan")
    assert (
        f'href="05_introduktion_af_nye_medarbejdere.ipynb?logbog={workbook.id}"'
        in plan.overview.value
    )


def download(html, mime):
    match = re.search(rf'download="([^"]+)" href="data:{re.escape(mime)};base64,([^"]+)"', html)
    return match.group(1), base64.b64decode(match.group(2))


def test_one_button_makes_the_word_document_of_the_whole_day(content, workbook):
    for exercise_id, answer in A_DAY.items():
        if exercise_id != "min_foerste_plan":
            workbook.save_answer(exercise_id, answer)
    ex = FirstPlan(
        content.exercise("min_foerste_plan"), workbook, content=content, session="min_plan"
    )
    assert ex.overview.value.count("✔ Klar") == 6
    ex.make_button.click()
    assert "Dokumentet er klar." in ex.result.value and "Bemærk" not in ex.result.value
    name, data = download(
        ex.result.value, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert name == "Min-første-plan-som-nøgleperson-Karen-Jensen.docx"
    word = docx.Document(io.BytesIO(data))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Opgavebeskrivelse",
        "Introduktionsplan",
        "Læringskontrakt",
        "Årshjul",
        "Handleplan",
        "Jobcentrets fælles handleplan",
    ]
    assert "Nøgleperson: Karen Jensen" in [p.text for p in word.paragraphs]
    assert len(word.inline_shapes) == 4
    name, md = download(ex.result.value, "text/markdown;charset=utf-8")
    assert name.endswith(".md") and "## Læringskontrakt" in md.decode()


def test_an_unfinished_plan_is_still_made_with_a_note(content, workbook):
    ex = FirstPlan(content.exercise("min_foerste_plan"), workbook, content=content)
    ex.make_button.click()
    assert (
        "Bemærk: Opgavebeskrivelse, Introduktionsplan, Læringskontrakt, Årshjul, Handleplan, "
        "Jobcentrets fælles handleplan er ikke færdig"
    ) in ex.result.value


def test_the_calendar_file_needs_a_start_date_and_holds_plan_and_follow_ups(content, workbook):
    workbook.save_answer("handleplan", A_DAY["handleplan"])
    ex = FirstPlan(content.exercise("min_foerste_plan"), workbook, content=content)
    ex.calendar_button.click()
    assert "Vælg først en startdato" in ex.calendar_result.value
    assert "Vælg en startdato, så beregnes" in ex.follow_ups.value
    ex.controls["start"].value = date(2026, 12, 1)
    ex.controls["tidspunkt"].value = "kvart over ti"
    assert (
        "»Tidspunkt for opfølgningssamtalerne« skal være et klokkeslæt som 10.00."
        in ex.follow_ups.value
    )
    ex.calendar_button.click()
    assert "klokkeslæt som 10.00" in ex.calendar_result.value
    ex.controls["tidspunkt"].value = "9.30"
    assert (
        "<b>04.01.2027 kl. 09.30</b>: Opfølgning med teamleder efter 30 dage "
        "(flyttet fra nytårsaftensdag 31.12.2026)" in ex.follow_ups.value
    )
    assert "flyttet til den næste arbejdsdag" in ex.follow_ups.value
    ex.calendar_button.click()
    assert (
        "Kalenderfilen har 3 opfølgningssamtaler og 4 påmindelser om, hvornår dine handlinger "
        "begynder og slutter." in ex.calendar_result.value
    )
    name, data = download(ex.calendar_result.value, "text/calendar;charset=utf-8")
    assert name == "Min-første-plan-som-nøgleperson-Karen-Jensen.ics"
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events][:2] == [
        "Start: Læringsgruppemøde om UGU",
        "Slut: Læringsgruppemøde om UGU",
    ]
    assert events[4].decoded("DTSTART").isoformat() == "2027-01-04T09:30:00+01:00"
    assert saved(workbook, "min_foerste_plan") == {
        "fields": {"start": "2026-12-01", "tidspunkt": "9.30"}
    }


def test_hand_edited_answers_never_break_the_plan_pages(content, workbook):
    from widgets import WIDGETS

    garbage = [
        [1, 2],
        "tekst",
        {"rows": [1, {"group": None}], "weeks": [], "own": {"id": 1}},
        {"fields": ["x"], "rows": {"a": 1}},
        None,
    ]
    ids = ["introduktionsplan", "aarshjul", "handleplan", "min_foerste_plan", "laeringskontrakt"]
    for value in garbage:
        for exercise_id in ids:
            workbook.save_answer(exercise_id, value)
        for exercise_id in ids:
            definition = content.exercise(exercise_id)
            widget = WIDGETS[definition.kind](definition, workbook, content=content)
            assert (
                widget.value in ({"weeks": {}, "own": []}, {"rows": []}) or "fields" in widget.value
            )
        plan = FirstPlan(content.exercise("min_foerste_plan"), workbook, content=content)
        plan.make_button.click()
        assert "Dokumentet er klar." in plan.result.value


def test_a_shown_check_follows_a_value_that_arrives_after_the_click(content, workbook):
    ex = ActionPlan(content.exercise("handleplan"), workbook)
    ex.add_buttons["projektperioden"].click()
    fill(
        ex,
        "projektperioden",
        1,
        hvad="Møde",
        hvem="Mig",
        start=SOON,
        slut=SOON - timedelta(days=1),
        hvordan="Fremmøde",
    )
    ex.check_button.click()
    assert "ligger før »Start«" in ex.feedback.value
    fill(ex, "projektperioden", 1, slut=SOON + timedelta(days=10))  # the browser's late value
    assert "Planen er udfyldt" in ex.feedback.value and "ligger før" not in ex.feedback.value
    assert 'alt="Tidslinje over handleplanen' in ex.feedback.value + ex.picture.value
