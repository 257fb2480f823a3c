"""A participant's day in Voilà: the task description (01), the onboarding plan and contract (05),
the year wheel (06) and the action plan (07) – downloaded as one Word file and a calendar file."""

import io
import re
import time
from datetime import date, timedelta

import docx
import icalendar
from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS, open_page

START = date.today() + timedelta(days=7)
TYPED = "At forankre samtalen <script>alert(1)</script> =1+1"


def iso(days: int) -> str:
    return (START + timedelta(days=days)).isoformat()


def saved_in(exercise):
    expect(exercise.locator(".nk-msg.nk-ok").last).to_contain_text("Gemt i din logbog")


def on_disk(server, workbook, exercise_id: str, found) -> None:
    """Wait until the page's kernel has saved the last thing typed (``found(answer)``), before
    the test leaves the page: a left page's kernel ends at once, with what it has not done."""
    deadline = time.monotonic() + 30
    while not found(WorkbookStore(server.folder).open(workbook.id).answer(exercise_id) or {}):
        assert time.monotonic() < deadline, f"{exercise_id} was not saved within 30 s"
        time.sleep(0.2)  # poll the logbog file, not the page


def test_a_day_of_work_becomes_one_word_document_and_a_calendar(server, page, tmp_path):
    workbook = WorkbookStore(server.folder).create("Åse Ørsted", "Jobcenter Ærø")
    base = f"?logbog={workbook.id}"

    open_page(page, f"{server.base}01_rollen_som_noegleperson.ipynb{base}")
    task = page.locator(".nk-exercise", has_text="Udkast til min opgavebeskrivelse")
    task.get_by_label("Formålet med min rolle som nøgleperson *").fill(TYPED)
    task.get_by_label("Mine opgaver under projektet *").fill("Læringsgruppemøder hver anden uge")
    task.get_by_label("Timer om måneden til rollen *").fill("8")
    task.get_by_label("Hvem afstemmer jeg opgaver og ansvar med? *").select_option("Teamleder")
    saved_in(task)
    on_disk(server, workbook, "opgavebeskrivelse", lambda a: a.get("fields", {}).get("afstemt_med"))

    open_page(page, f"{server.base}05_introduktion_af_nye_medarbejdere.ipynb{base}")
    planner = page.locator(".nk-exercise", has_text="Introduktionsplan for en ny kollega")
    for grip, week in (
        ("Introduktionsmøde", re.compile("Uge 1$")),
        ("Lave læringskontrakt", re.compile("Uge 1$")),
        ("Kollegial observation A", re.compile("Uge 2$")),
        ("Deltagelse i læringsgrupper", re.compile("Uge 3$")),
    ):
        planner.locator(".nk-rank-row", has_text=grip).get_by_role("button", name=week).click()
    expect(planner.locator(".nk-score")).to_contain_text("4 greb fordelt på ugerne")
    contract = page.locator(".nk-exercise", has_text="Læringskontrakt for den nye kollega")
    contract.get_by_label("Hvad skal især øves og styrkes? *").fill("Åbne, jobrettede spørgsmål")
    contract.get_by_label("Hvad skal aflæres? *").fill("At give råd, før borgeren har talt")
    contract.get_by_label(re.compile("^Kollegial observation A")).fill("Uge 2: to samtaler")
    contract.get_by_label(re.compile("^Kollegial observation B")).fill("Uge 4: feedback med UGU")
    saved_in(contract)
    on_disk(
        server, workbook, "laeringskontrakt", lambda a: a.get("fields", {}).get("observation_b")
    )

    open_page(page, f"{server.base}06_laeringsgryden.ipynb{base}")
    wheel = page.locator(".nk-exercise", has_text="Mit årshjul for læringsgryden")
    wheel.locator(".nk-catalogue-entry", has_text="Data, nøgletal").get_by_role(
        "button", name="Sæt i årshjulet"
    ).click()
    row = wheel.locator(".nk-plan-row").first
    row.get_by_label("Måned *").select_option("Oktober")
    row.get_by_label("Ansvarlig *").fill("Læringsgruppen")
    saved_in(wheel)
    on_disk(
        server,
        workbook,
        "aarshjul",
        lambda a: any(r.get("fields", {}).get("ansvarlig") for r in a.get("rows", [])),
    )

    open_page(page, f"{server.base}07_min_foerste_plan.ipynb{base}")
    plan = page.locator(".nk-exercise", has_text="Min handleplan")
    plan.get_by_role("button", name="Tilføj en handling – Projektperioden").click()
    plan.get_by_role("button", name="Tilføj en handling – Det næste år").click()
    for n, (what, start, end) in enumerate(
        (("Læringsmøder om UGU", iso(0), iso(90)), ("Årshjulet i drift", iso(100), iso(400)))
    ):
        action = plan.locator(".nk-plan-row").nth(n)
        action.get_by_label("Hvad *").fill(what)
        action.get_by_label("Hvem har ansvaret? *").fill("Åse")
        action.get_by_label("Start *").fill(start)
        action.get_by_label("Slut *").fill(end)
        action.get_by_label("Hvordan ved vi, at det virkede? *").fill("Flere jobaftaler")
    plan.locator(".nk-plan-row").nth(1).get_by_label("Slut *").fill(iso(50))  # before its start
    plan.get_by_role("button", name="Tjek og tegn tidslinjen").click()
    expect(plan.locator(".nk-warn[role=alert]")).to_contain_text("Det næste år, række 1: »Slut«")
    plan.locator(".nk-plan-row").nth(1).get_by_label("Slut *").fill(iso(400))
    plan.get_by_role("button", name="Tjek og tegn tidslinjen").click()
    expect(plan).to_contain_text("Planen er udfyldt, og datoerne hænger sammen.")
    expect(plan.get_by_role("img", name=re.compile("Tidslinje over handleplanen"))).to_be_visible()

    gathered = page.locator(".nk-exercise", has_text="Det har du lavet i løbet af dagen")
    # The overview follows the logbog by itself: the action plan just made is there, no button.
    expect(gathered.get_by_role("button", name="Opdater oversigten")).to_have_count(0)
    expect(gathered.locator(".nk-done")).to_have_count(5, timeout=15_000)
    expect(gathered.get_by_role("link", name="Rollen som nøgleperson")).to_have_attribute(
        "href", f"01_rollen_som_noegleperson.ipynb{base}"
    )
    gathered.get_by_label("Startdato for opfølgningen").fill(START.isoformat())
    gathered.get_by_label("Tidspunkt for opfølgningssamtalerne").fill("10.00")
    expect(gathered.locator(".nk-follow-ups")).to_contain_text(
        "Opfølgning med teamleder efter 90 dage"
    )
    gathered.get_by_role("button", name="Lav min første plan").click()
    ready = gathered.locator(".nk-msg", has_text="Dokumentet er klar.")
    expect(ready.get_by_role("link", name="Hent som tekstfil")).to_be_visible()
    ready.scroll_into_view_if_needed()
    ready.screenshot(path=str(ARTIFACTS / "07_min_foerste_plan_klar.png"))
    with page.expect_download() as download:
        gathered.get_by_role("link", name="Hent Min første plan som Word").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.name == "Min-første-plan-som-nøgleperson-Åse-Ørsted.docx"

    word = docx.Document(io.BytesIO(target.read_bytes()))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Opgavebeskrivelse",
        "Introduktionsplan",
        "Læringskontrakt",
        "Årshjul",
        "Handleplan",
        "Jobcentrets fælles handleplan",  # not made here: the document says so
        "Opfølgning med teamleder",
    ]
    texts = [p.text for p in word.paragraphs]
    assert "Nøgleperson: Åse Ørsted" in texts and "Jobcenter: Jobcenter Ærø" in texts
    assert TYPED in texts and "Åbne, jobrettede spørgsmål" in texts
    cells = [[c.text for c in r.cells] for t in word.tables for r in t.rows]
    assert ["Data og nøgletal", "Data, nøgletal", "Oktober", "Læringsgruppen"] in cells
    assert [
        "Årshjulet i drift",
        "Åse",
        (START + timedelta(days=100)).strftime("%d.%m.%Y"),
        (START + timedelta(days=400)).strftime("%d.%m.%Y"),
        "",
        "Flere jobaftaler",
    ] in cells
    assert len(word.inline_shapes) == 3

    gathered.get_by_role("button", name="Lav kalenderfil").click()
    with page.expect_download() as download:
        gathered.get_by_role("link", name="Hent kalenderfilen (.ics)").click()
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert summaries == [
        "Start: Læringsmøder om UGU",
        "Slut: Læringsmøder om UGU",
        "Start: Årshjulet i drift",
        "Slut: Årshjulet i drift",
        "Opfølgning med teamleder efter 30 dage",
        "Opfølgning med teamleder efter 60 dage",
        "Opfølgning med teamleder efter 90 dage",
    ]
    talks = [e.decoded("DTSTART") for e in calendar.walk("VEVENT")][4:]
    assert all(t.tzinfo is not None and t.weekday() < 5 for t in talks)  # Danish time, weekdays

    page.reload()
    plan = page.locator(".nk-exercise", has_text="Min handleplan")
    expect(plan.locator(".nk-plan-row").nth(1).get_by_label("Hvad *")).to_have_value(
        "Årshjulet i drift", timeout=60_000
    )
    expect(page.get_by_label("Tidspunkt for opfølgningssamtalerne")).to_have_value("10.00")
