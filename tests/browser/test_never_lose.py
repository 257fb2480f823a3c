"""Never lose a participant (issue 15), in Voilà and Chromium: the personal address stays in the
address bar, the same name twice is not a silent second logbog, what was typed before signing in
is kept, a lost kernel is said at once in Danish, and joining a workshop shares earlier answers."""

import re

from playwright.sync_api import expect

from course.room import RoomStore
from course.workbook import WorkbookStore, personal_code_text
from tests.browser.conftest import ARTIFACTS, open_page
from tests.browser.test_served_app import kernel_ids

ROLE_PAGE = "01_rollen_som_noegleperson.ipynb"
ROLE_ANSWER = "Hvordan ser I rollen?"


def sign_in(page, name: str, centre: str) -> None:
    page.get_by_label("Dit navn").fill(name)
    page.get_by_label("Dit jobcenter").fill(centre)
    page.get_by_role("button", name="Start min logbog").click()


def logbog_files(server, name: str) -> list:
    return [w.id for w in WorkbookStore(server.folder).find(name, "Jobcenter Ringsted")]


def test_a_reload_of_the_start_page_after_signing_in_keeps_the_logbog(server, page):
    open_page(page, server.base + "00_velkommen.ipynb")
    assert "logbog=" not in page.url
    sign_in(page, "Lotte Reload", "Jobcenter Ringsted")
    expect(page.locator(".nk-identity")).to_contain_text("Din logbog: Lotte Reload")
    [code] = logbog_files(server, "Lotte Reload")
    # The personal address is in the address bar at once, on the page in front of you.
    page.wait_for_url(re.compile(rf"/00_velkommen\.ipynb\?logbog={re.escape(code)}$"))
    expect(page.locator(".nk-personal-code")).to_have_text(
        personal_code_text(WorkbookStore(server.folder).open(code).personal_code)
    )
    page.get_by_label("Hvad ser du frem til?").fill("At komme tilbage efter en genindlæsning")
    expect(page.locator(".nk-exercise", has_text="Tjek ind")).to_contain_text("Gemt i din logbog")
    page.reload()
    expect(page.locator(".nk-identity")).to_contain_text("Din logbog: Lotte Reload", timeout=60_000)
    expect(page.get_by_label("Hvad ser du frem til?")).to_have_value(
        "At komme tilbage efter en genindlæsning"
    )
    assert logbog_files(server, "Lotte Reload") == [code]


def test_the_same_name_twice_is_offered_its_logbog_not_a_silent_second_one(server, page):
    first = WorkbookStore(server.folder).create("Mette Dobbelt", "Jobcenter Ringsted")
    first.save_answer("tjek_ind", {"ser_frem_til": "Mit svar fra i morges"})
    open_page(page, server.base + "00_velkommen.ipynb")
    sign_in(page, "Mette Dobbelt", "Jobcenter Ringsted")
    offer = page.locator(".nk-msg.nk-warn")
    expect(offer).to_contain_text("Der findes allerede en logbog for Mette Dobbelt")
    expect(page.get_by_role("button", name="Start en ny logbog")).to_be_visible()
    expect(page.get_by_label("Hvad ser du frem til?")).to_have_value("")  # nothing shown
    assert logbog_files(server, "Mette Dobbelt") == [first.id]
    page.screenshot(path=str(ARTIFACTS / "samme_navn_to_gange.png"))
    page.get_by_label("Din personlige kode (fra din logbog)").fill(
        personal_code_text(first.personal_code).lower()
    )
    page.get_by_role("button", name="Fortsæt min logbog").click()
    expect(page.locator(".nk-identity")).to_contain_text("Din logbog: Mette Dobbelt")
    expect(page.get_by_label("Hvad ser du frem til?")).to_have_value("Mit svar fra i morges")
    page.wait_for_url(re.compile(rf"logbog={re.escape(first.id)}$"))
    assert logbog_files(server, "Mette Dobbelt") == [first.id]


def test_a_page_without_the_code_says_how_to_get_back_and_keeps_what_was_typed(server, page):
    open_page(page, server.base + ROLE_PAGE)
    # Before anything is typed, the top of the page says how to get back to one's logbog.
    way_back = page.locator(".nk-identity .nk-way-back")
    expect(way_back).to_contain_text("Har du allerede en logbog?")
    expect(way_back).to_contain_text("personlige adresse")
    expect(way_back).to_contain_text("personlige kode")
    expect(way_back).to_contain_text("logbogsfil")
    answer = page.get_by_label(ROLE_ANSWER)
    answer.fill("Skrevet, før jeg skrev mit navn")
    exercise = page.locator(".nk-exercise", has_text="Refleksion i grupper")
    expect(exercise).to_contain_text("Ikke gemt endnu")
    sign_in(page, "Jens Uden Kode", "Jobcenter Ringsted")
    expect(page.locator(".nk-page")).to_contain_text(
        "Det, du allerede havde skrevet på siden, er gemt i din logbog."
    )
    expect(exercise).to_contain_text("Gemt i din logbog")
    page.wait_for_url(re.compile(r"logbog="))
    page.reload()
    expect(page.get_by_label(ROLE_ANSWER)).to_have_value(
        "Skrevet, før jeg skrev mit navn", timeout=60_000
    )


def test_a_killed_kernel_is_said_at_once_in_danish_to_eyes_and_screen_readers(server, page):
    workbook = WorkbookStore(server.folder).create("Karen Forbindelse", "Jobcenter Ringsted")
    ids = kernel_ids(page)
    open_page(page, f"{server.base}{ROLE_PAGE}?logbog={workbook.id}")
    page.get_by_label(ROLE_ANSWER).fill("Gemt før frokost")
    expect(page.locator(".nk-exercise", has_text="Refleksion i grupper")).to_contain_text("Gemt")
    server.kill_kernel(ids[-1])
    notice = page.get_by_role("alert").filter(has_text="Forbindelsen er afbrudt")
    expect(notice).to_be_visible(timeout=10_000)
    expect(notice).to_contain_text(re.compile(r"Det, du skrev før kl\. \d\d\.\d\d, er gemt"))
    # The focus is on »Genindlæs siden«, which a screen reader reads with the message.
    reload = notice.get_by_role("button", name="Genindlæs siden")
    expect(reload).to_be_focused()
    expect(reload).to_have_accessible_description(re.compile("Forbindelsen er afbrudt"))
    # Nothing typed after this moment can look saved: the page takes no input.
    assert page.evaluate("document.getElementById('rendered_cells').inert")


def test_joining_a_workshop_shares_the_answers_written_before(server, page):
    room = RoomStore(server.folder)
    workshop = room.create_workshop("Kursusdag Ringsted", "2026-11-20")
    workbook = WorkbookStore(server.folder).create("Pia Før Workshop", "Jobcenter Ringsted")
    workbook.save_answer("tjek_ind", {"ser_frem_til": "Skrevet før workshoppen"})
    open_page(page, f"{server.base}00_velkommen.ipynb?logbog={workbook.id}")
    checkin = page.locator(".nk-exercise", has_text="Tjek ind")
    expect(checkin).to_contain_text("Så deles også det, du allerede har skrevet.")
    page.get_by_label("Workshopkode fra kursuslederen").fill(workshop.code.lower())
    page.get_by_role("button", name="Deltag i workshoppen").click()
    expect(page.locator(".nk-page")).to_contain_text("også det svar, du allerede havde skrevet")
    expect(checkin).to_contain_text("delt med rummet")
    [shared] = room.answers(workshop.code, "tjek_ind")
    assert shared.name == "Pia Før Workshop"
    assert shared.value == {"ser_frem_til": "Skrevet før workshoppen"}
