"""12 Vidensmobilisering in Voilà: the knowledge sources as a scale with advice and a bar
picture."""

from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS, open_page


def test_knowledge_sources_give_advice_draw_bars_and_survive_a_reload(server, page):
    workbook = WorkbookStore(server.folder).create("Nina Berg", "Jobcenter Kolding")
    url = f"{server.base}12_vidensmobilisering.ipynb?logbog={workbook.id}"
    open_page(page, url)

    sources = page.locator(".nk-exercise", has_text="Hvor kommer din viden fra?")
    expect(sources).to_contain_text("1 = Næsten ikke")
    colleagues = sources.locator(".nk-scale", has_text="Når du taler og reflekterer med kolleger")
    colleagues.get_by_role("radio", name="1", exact=True).click()
    expect(sources.locator(".nk-advice")).to_contain_text(
        "Læringsgruppemøder og kollegial sparring"
    )
    sources.locator(".nk-scale", has_text="rapporter om effektfulde metoder").get_by_role(
        "radio", name="4", exact=True
    ).click()
    sources.get_by_role("button", name="Vis billedet af dine svar").click()
    picture = sources.locator("img.nk-picture")
    expect(picture).to_be_visible()
    assert "Refleksion med kolleger: 1" in picture.get_attribute("alt")
    sources.screenshot(path=str(ARTIFACTS / "12_knowledge_sources.png"))

    broker = page.get_by_label("Hvilket dilemma i jeres praksis kunne du sætte spot på")
    broker.fill("Hvornår er en borger »klar« til en praktik?")
    expect(page.locator(".nk-exercise", has_text="Dig som vidensmægler")).to_contain_text(
        "Gemt i din logbog"
    )

    page.reload()
    expect(
        page.get_by_label("Hvilket dilemma i jeres praksis kunne du sætte spot på")
    ).to_have_value("Hvornår er en borger »klar« til en praktik?", timeout=60_000)
    sources = page.locator(".nk-exercise", has_text="Hvor kommer din viden fra?")
    expect(sources.locator(".nk-advice")).to_contain_text(
        "Læringsgruppemøder og kollegial sparring"
    )
    expect(page.locator(".nk-nav")).to_contain_text("2 af 3 øvelser")
    page.get_by_label("Det tager jeg med").fill("Jeg vil spørge til kollegernes erfaringer")
    expect(page.locator(".nk-nav")).to_contain_text("3 af 3 øvelser")
    expect(page.locator(".nk-nav")).to_contain_text("✔ færdig")
