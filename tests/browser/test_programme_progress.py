"""The start page in Voilà: the self-study track beside the course day, with progress per page."""

from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS, open_page


def test_start_page_shows_both_tracks_with_progress_that_follows_the_answers(server, page):
    workbook = WorkbookStore(server.folder).create("Pia Holm", "Jobcenter Ringkøbing")
    workbook.save_answer("refleksionstyper", {"answers": {"r01": "selv"}})
    workbook.save_answer("bip_case", {"selv": "Min rolle er …", "kritisk": ""})
    workbook.save_answer("bip_parallel", {"virkeligheden": "   "})  # blank: not an answer
    open_page(page, f"{server.base}00_velkommen.ipynb?logbog={workbook.id}")

    programme = page.locator(".nk-programme")
    selfstudy = programme.locator(".nk-track-selvstudium")
    expect(selfstudy.get_by_role("heading", name="Selvstudium – baggrundsviden")).to_be_visible()
    bip = selfstudy.locator("tr", has_text="Fra BIP til praksis")
    expect(bip.locator(".nk-time")).to_have_text("ca. 60 min.")
    expect(bip.locator(".nk-count")).to_have_text("2 af 6")
    expect(
        selfstudy.locator("tr", has_text="Vidensmobilisering").locator(".nk-count")
    ).to_have_text("0 af 3")
    expect(selfstudy).to_contain_text("Du har besvaret 2 af 19 øvelser")
    expect(selfstudy.locator("th").first).to_have_text("Varighed")

    day = programme.locator(".nk-track-kursusdag")
    expect(day.locator("tr", has_text="Velkommen").locator(".nk-count")).to_have_text("0 af 2")
    expect(day.locator("tr", has_text="Frokost").locator(".nk-time")).to_have_text("12.15–13.00")
    page.get_by_label("Hvad ser du frem til?").fill("At møde kollegaer")
    expect(day.locator("tr", has_text="Velkommen").locator(".nk-count")).to_have_text("1 af 2")
    page.get_by_label("Det tager jeg med").fill("Jeg er frontløber for projektet")
    expect(day.locator("tr", has_text="Velkommen").locator(".nk-count")).to_have_text("2 af 2")
    expect(day.locator("tr", has_text="Velkommen")).to_contain_text("✔ færdig")
    page.set_viewport_size({"width": 1280, "height": 3000})  # the whole programme in one picture
    programme.screenshot(path=str(ARTIFACTS / "00_programme_progress.png"))

    selfstudy.get_by_role("link", name="Fra BIP til praksis").click()
    expect(page.locator(".nk-identity")).to_contain_text("Pia Holm", timeout=60_000)
    expect(page.locator(".nk-nav")).to_contain_text("På denne side har du besvaret 2 af 6 øvelser")
