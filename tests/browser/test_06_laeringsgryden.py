"""Page 06 in Voilà: an activity from the catalogue into the year wheel, checked, drawn, after a
reload."""

import re

from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import open_page


def test_year_wheel_from_the_catalogue_is_checked_drawn_and_kept(server, page):
    workbook = WorkbookStore(server.folder).create("Karen Jensen", "Jobcenter Århus")
    url = f"{server.base}06_laeringsgryden.ipynb?logbog={workbook.id}"
    open_page(page, url)
    wheel = page.locator(".nk-exercise", has_text="Mit årshjul for læringsgryden")
    wheel.locator(".nk-catalogue-entry", has_text="Temadag med deltagere udefra").get_by_role(
        "button", name="Sæt i årshjulet"
    ).click()
    expect(wheel).to_contain_text("»Temadag med deltagere udefra« er sat i årshjulet nederst.")
    wheel.get_by_role("button", name="Tjek og tegn årshjulet").click()
    expect(wheel.locator(".nk-warn[role=alert]")).to_contain_text(
        "Række 1: Udfyld feltet »Ansvarlig«."
    )

    row = wheel.locator(".nk-plan-row").first
    row.get_by_label("Måned *").select_option("Marts")
    row.get_by_label("Ansvarlig *").fill("Åse Ørsted")
    wheel.get_by_label("Din egen aktivitet").fill("Morgenmad om gode jobaftaler")
    wheel.get_by_role("button", name="Tilføj egen aktivitet").click()
    second = wheel.locator(".nk-plan-row").nth(1)
    expect(second.get_by_label("Aktivitet *")).to_have_value("Morgenmad om gode jobaftaler")
    second.get_by_label("Måned *").select_option("September")
    second.get_by_label("Ansvarlig *").fill("Læringsgruppen")
    wheel.get_by_role("button", name="Tjek og tegn årshjulet").click()
    expect(wheel.get_by_text("Planen er udfyldt.", exact=True)).to_be_visible()
    expect(
        wheel.get_by_role("img", name=re.compile("Årshjul med årets 12 måneder. 2 aktiviteter"))
    ).to_be_visible()

    page.reload()
    wheel = page.locator(".nk-exercise", has_text="Mit årshjul for læringsgryden")
    expect(wheel.locator(".nk-plan-row").first.get_by_label("Måned *")).to_have_value(
        "Marts", timeout=60_000
    )
    expect(wheel.locator(".nk-plan-row").nth(1).get_by_label("Ansvarlig *")).to_have_value(
        "Læringsgruppen"
    )
