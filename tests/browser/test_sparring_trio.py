"""Issue 14 in Voilà: the trio role-play on page 04 with its ticking timer and observation sheet,
time and social form on every exercise, the recap, background notes that fold out by keyboard,
the planned times on the start page and the trio rounds on the course leader's timer."""

import re

import pytest
from playwright.sync_api import expect

from course.room import RoomStore
from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS, VoilaServer, open_page, watch_page

NOTEBOOK = "04_noeglepersonen_som_sparringspartner.ipynb"
CODE = "K7M4QXPR2D"
SIZES = [(1366, 768), (1920, 1080), (360, 800)]


def picture(page, locator, name, width=1280, height=900):
    """A screenshot of one part of the page at a viewport size; Voilà scrolls inside a
    container, so the viewport grows to the content first."""
    page.set_viewport_size({"width": width, "height": height})
    full = page.evaluate(
        "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": width, "height": min(full, 16000)})
    locator.screenshot(path=str(ARTIFACTS / name))
    page.set_viewport_size({"width": width, "height": height})


def test_trio_role_play_ticks_in_the_browser_and_keeps_the_observation_sheet(server, page):
    workbook = WorkbookStore(server.folder).create("Karen Jensen", "Jobcenter Århus")
    open_page(page, f"{server.base}{NOTEBOOK}?logbog={workbook.id}")

    # Every exercise says how long it takes and how it is done.
    exercises = page.locator(".nk-exercise")
    expect(exercises).to_have_count(7)
    expect(page.locator(".nk-exercise .nk-meta")).to_have_count(7)
    expect(page.locator(".nk-meta.nk-after-course")).to_have_count(4)

    trio = page.locator(".nk-exercise", has_text="Sparring i trioer")
    expect(trio.locator(".nk-meta")).to_have_text("27 min. · I grupper")
    trio.get_by_role("radio", name="Person B").click()
    expect(trio.locator(".nk-your-role")).to_have_text("I runde 1 er du sparringstager.")
    trio.get_by_role("radio", name="Runde 2").click()
    expect(trio.locator(".nk-your-role")).to_have_text("I runde 2 er du observatør.")
    expect(trio.locator(".nk-case-card")).to_contain_text("»Hun får aldrig et job«")

    clock = trio.locator(".nk-board-timer")
    expect(clock).to_have_text("8:00")
    trio.get_by_role("button", name="Start runden").click()
    expect(clock).to_have_text(re.compile(r"7:5\d"), timeout=10_000)  # ticking by itself
    expect(trio.locator(".nk-board-note")).to_contain_text("Sparringen er i gang.")

    # The observer ticks by keyboard: Tab to a box, Space to tick it.
    first = trio.get_by_label("Undersøg behovet")
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("Tab")
    expect(trio.get_by_label("Giv sparring")).to_be_focused()
    trio.get_by_label("Fremtidsforskeren").check()
    trio.get_by_label("Det lagde jeg mærke til").fill("»Forestil dig, at Lene er i job« – æøå")
    expect(trio).to_contain_text("Gemt i din logbog")
    for width, height in SIZES:
        picture(page, trio, f"04_sparring_trio_{width}x{height}.png", width, height)
    trio.get_by_role("button", name="Pause").click()
    expect(trio.get_by_role("button", name="Start runden")).to_be_enabled()

    page.reload()
    trio = page.locator(".nk-exercise", has_text="Sparring i trioer")
    expect(trio.locator(".nk-your-role")).to_have_text(
        "I runde 2 er du observatør.", timeout=60_000
    )
    expect(trio.get_by_label("Undersøg behovet")).to_be_checked()
    expect(trio.get_by_label("Fremtidsforskeren")).to_be_checked()
    expect(trio.get_by_label("Giv sparring")).not_to_be_checked()
    expect(trio.get_by_label("Det lagde jeg mærke til")).to_have_value(
        "»Forestil dig, at Lene er i job« – æøå"
    )
    saved = WorkbookStore(server.folder).open(workbook.id).answer("sparring_trio")
    assert saved["sheets"]["r2"]["tomm"] == ["fremtidsforskeren"]


def test_recap_background_notes_and_the_planned_times(server, page):
    workbook = WorkbookStore(server.folder).create("Per Hansen", "Jobcenter Vejle")
    open_page(
        page, f"{server.base}02_laeringskultur_og_laeringsprocesser.ipynb?logbog={workbook.id}"
    )

    # Background notes are closed, and open and close with the keyboard.
    notes = page.locator("details.nk-background")
    expect(notes).to_have_count(6)
    note = notes.filter(has_text="Baggrund: Donald Schön")
    text = note.get_by_text("The Reflective Practitioner")
    expect(note).not_to_have_attribute("open", re.compile(".*"))
    expect(text).to_be_hidden()
    note.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(note).to_have_attribute("open", "")
    expect(text).to_be_visible()
    picture(page, note, "02_baggrund_aaben.png")
    page.keyboard.press("Space")
    expect(text).to_be_hidden()

    # The in-room part, then »Øv mere efter kurset«, then the recap at the very end.
    after = page.get_by_role("heading", name="Øv mere efter kurset")
    expect(after).to_be_visible()
    recap = page.locator(".nk-exercise.nk-recap")
    expect(recap).to_have_count(1)
    expect(recap).to_contain_text("Det vigtigste")
    expect(recap.locator(".nk-recap-points li")).to_have_count(5)
    recap.get_by_label("Det tager jeg med").fill("Spørg, før jeg giver et råd")
    expect(recap).to_contain_text("Gemt i din logbog")
    for width, height in SIZES:
        picture(page, recap, f"02_det_vigtigste_{width}x{height}.png", width, height)
    assert page.evaluate(
        """() => {
            const boxes = [...document.querySelectorAll('.nk-exercise')];
            return boxes[boxes.length - 1].classList.contains('nk-recap');
        }"""
    )

    page.locator(".nk-nav").get_by_role("link", name="Programmet").click()
    programme = page.locator(".nk-programme")
    expect(programme).to_contain_text("Planlagt i rummet", timeout=60_000)
    row = programme.locator("tr", has_text="Nøglepersonen som sparringspartner")
    expect(row.locator(".nk-plan-time")).to_contain_text("43 af 45 min.")
    expect(row.locator(".nk-plan-time")).to_contain_text("+ 48 min. »Øv mere efter kurset«")
    for width, height in SIZES:
        picture(page, programme, f"00_program_tider_{width}x{height}.png", width, height)


@pytest.fixture(scope="module")
def room_server(tmp_path_factory):
    srv = VoilaServer(
        tmp_path_factory.mktemp("voila-trio"),
        env={"NOEGLEPERSONKURSUS_FACILITATORKODE": CODE},
        log_name="voila-trio.log",
    )
    srv.start()
    yield srv
    srv.stop()


def test_the_course_leaders_timer_runs_the_rounds_and_counts_the_sheets(room_server, browser):
    room = RoomStore(room_server.folder)
    workshop = room.create_workshop("Kursusdag Vejle", "2026-11-20")
    workbook = WorkbookStore(room_server.folder).create("Åse Ørsted", "Jobcenter Ærø")
    room.join(workshop.code, workbook.id)
    workbook.join_workshop(workshop.as_dict())
    errors, contexts = [], []
    try:
        pages = []
        for _ in range(2):
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
            contexts.append(context)
            pg = context.new_page()
            watch_page(pg, errors)
            pages.append(pg)
        board, participant = pages

        open_page(participant, f"{room_server.base}{NOTEBOOK}?logbog={workbook.id}")
        trio = participant.locator(".nk-exercise", has_text="Sparring i trioer")
        expect(trio).to_contain_text("Dit svar deles med rummet i workshoppen »Kursusdag Vejle«")
        trio.get_by_role("radio", name="Person C").click()
        trio.get_by_label("Giv sparring").check()
        trio.get_by_label("Antropologen").check()
        expect(trio).to_contain_text("delt med rummet")

        board.goto(room_server.base + "90_facilitator.ipynb")
        expect(board.get_by_label("Facilitatorkode")).to_be_visible(timeout=60_000)
        board.get_by_label("Facilitatorkode").fill(CODE)
        board.get_by_role("button", name="Lås op").click()
        board.get_by_role("radio", name="Timer", exact=True).click()
        panel = board.locator(".nk-trio-panel")
        expect(panel).to_contain_text("Sparring i trioer")
        panel.get_by_role("button", name="Runde 1 (8 min)").click()
        expect(board.locator(".nk-clock")).to_have_text("8:00")
        expect(panel).to_contain_text("Casekort til runde 1: Virksomheden med fra starten")
        expect(panel).to_contain_text("Observatøren lytter efter")
        panel.get_by_role("button", name="Tæl observationerne").click()
        giv = panel.locator(".nk-tally tr", has_text="Giv sparring")
        expect(giv.locator("td").first).to_have_text("1 af 1")
        expect(
            panel.locator(".nk-tally tr", has_text="Antropologen").locator("td").first
        ).to_have_text("1 af 1")
        board.get_by_role("button", name="Projektorvisning").click()
        for width, height in SIZES[:2]:
            picture(board, panel, f"90_trio_timer_{width}x{height}.png", width, height)
    finally:
        for context in contexts:
            for pg in context.pages:
                pg.goto("about:blank")  # leave before the server stops, as a closed tab would
            context.close()
    assert errors == [], f"console errors: {errors}"
