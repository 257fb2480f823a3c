"""11 Beskæftigelsesfaglighed i praksis in Voilà: ranking with a right order, the two-time radar."""

from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS, open_page


def test_evidence_ranking_check_and_progression_radar_survive_a_reload(server, page):
    workbook = WorkbookStore(server.folder).create("Mads Lund", "Jobcenter Viborg")
    open_page(
        page, f"{server.base}11_beskaeftigelsesfaglighed_i_praksis.ipynb?logbog={workbook.id}"
    )

    ranking = page.locator(".nk-exercise", has_text="Evidenshierarkiet: sæt")
    expect(ranking.locator(".nk-rank-text")).to_have_count(10)
    ranking.get_by_role("button", name="Tjek min rækkefølge").click()
    expect(ranking).to_contain_text("på den rigtige plads")
    expect(ranking.locator(".nk-right-order li").first).to_contain_text("Metadesigns")
    expect(ranking).to_contain_text("Evidenshierarkiet udjævnes")
    ranking.screenshot(path=str(ARTIFACTS / "11_evidence_ranking.png"))

    radar = page.locator(".nk-exercise", has_text="Progressionsmål for Jonas")
    expect(radar).to_contain_text("Du vurderer nu: Første samtale (marts)")
    radar.locator(".nk-scale", has_text="Optimisme").get_by_role(
        "radio", name="1", exact=True
    ).click()
    radar.get_by_role("radio", name="Efter tre måneder (juni)").click()
    expect(radar).to_contain_text("Du vurderer nu: Efter tre måneder (juni)")
    radar.locator(".nk-scale", has_text="Optimisme").get_by_role(
        "radio", name="4", exact=True
    ).click()
    expect(radar).to_contain_text("Gemt i din logbog")
    radar.get_by_role("button", name="Vis billedet af dine svar").click()
    picture = radar.locator("img.nk-picture")
    expect(picture).to_be_visible()
    alt = picture.get_attribute("alt")
    assert "Første samtale (marts): " in alt and "Efter tre måneder (juni): " in alt
    assert alt.count("Optimisme: 1") == 1 and alt.count("Optimisme: 4") == 1
    page.set_viewport_size({"width": 1280, "height": 4200})  # the whole exercise in one picture
    radar.screenshot(path=str(ARTIFACTS / "11_progression_radar.png"))
    page.set_viewport_size({"width": 1280, "height": 900})

    page.reload()
    ranking = page.locator(".nk-exercise", has_text="Evidenshierarkiet: sæt")
    expect(ranking).to_contain_text("på den rigtige plads", timeout=60_000)
    radar = page.locator(".nk-exercise", has_text="Progressionsmål for Jonas")
    expect(
        radar.locator(".nk-scale", has_text="Optimisme").locator("button.mod-active")
    ).to_have_text("1")
    radar.get_by_role("radio", name="Efter tre måneder (juni)").click()
    expect(
        radar.locator(".nk-scale", has_text="Optimisme").locator("button.mod-active")
    ).to_have_text("4")
