"""Notebook 02 in Voilà: the learning cycle to an experiment card, and the fictitious key
figures."""

import io
import re

import docx
from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS, open_page

NOTEBOOK = "02_laeringskultur_og_laeringsprocesser.ipynb"
FIRST_STEP = "Beskriv situationen: Hvad skete der, hvad gjorde du, og hvordan oplevede du det?"


def test_learning_cycle_by_keyboard_and_clicks_to_a_downloaded_card(server, page, tmp_path):
    page.set_viewport_size(
        {"width": 1280, "height": 2000}
    )  # whole exercises in the element pictures
    workbook = WorkbookStore(server.folder).create("Åse Ørsted", "Jobcenter Ærø")
    open_page(page, f"{server.base}{NOTEBOOK}?logbog={workbook.id}")
    cycle = page.locator(".nk-exercise", has_text="din egen læringscyklus")
    expect(cycle.locator(".nk-steps")).to_contain_text(
        "Refleksion og beslutning om at eksperimentere"
    )

    cycle.get_by_role("button", name="Start: trin 1").click()
    expect(cycle.locator(".nk-where")).to_contain_text(
        "Trin 1 af 5: Erfaring – handling og oplevelse"
    )
    expect(cycle.locator("img.nk-picture")).to_have_attribute(
        "alt", re.compile(r"^Revans' læringscyklus.*Du er ved trin 1")
    )
    cycle.get_by_label(FIRST_STEP).fill(
        "Samtale med en borger – jeg gav råd uden at spørge <først>"
    )
    # Keyboard: Tab from the text to "Tilbage", on to "Næste", and Enter.
    cycle.get_by_label(FIRST_STEP).press("Tab")
    page.keyboard.press("Tab")
    expect(cycle.get_by_role("button", name="Næste")).to_be_focused()
    page.keyboard.press("Enter")
    expect(cycle.locator(".nk-where")).to_contain_text("Trin 2 af 5: Refleksion og analyse")
    expect(cycle.locator("img.nk-picture")).to_have_attribute(
        "alt", re.compile(r".*Du er ved trin 2")
    )
    cycle.screenshot(path=str(ARTIFACTS / "02_laeringscyklus_trin.png"))
    for _ in range(3):
        cycle.get_by_role("button", name="Næste").click()
    expect(cycle.locator(".nk-where")).to_contain_text("Trin 5 af 5: Nye handlinger")
    cycle.get_by_role("button", name="Til eksperimentkortet").click()

    cycle.get_by_role("button", name="Lav eksperimentkortet").click()
    expect(cycle).to_contain_text("Kortet er ikke færdigt endnu")
    cycle.get_by_label("Det vil jeg prøve *").fill("Spørge ind til borgerens egne jobønsker først")
    cycle.get_by_label("Hvornår *").fill("I mine samtaler i næste uge")
    cycle.get_by_label("Sådan ved jeg, om det virker *").fill("Borgeren foreslår selv virksomheder")
    cycle.get_by_role("button", name="Lav eksperimentkortet").click()
    expect(cycle.locator(".nk-card")).to_contain_text(
        "Spørge ind til borgerens egne jobønsker først"
    )
    cycle.screenshot(path=str(ARTIFACTS / "02_laeringscyklus_kort.png"))
    with page.expect_download() as download:
        cycle.get_by_role("link", name="Hent som Word").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.name == "Mit-eksperimentkort-Åse-Ørsted.docx"
    texts = [p.text for p in docx.Document(io.BytesIO(target.read_bytes())).paragraphs]
    assert "Samtale med en borger – jeg gav råd uden at spørge <først>" in texts

    page.reload()
    cycle = page.locator(".nk-exercise", has_text="din egen læringscyklus")
    expect(cycle.get_by_label("Hvornår *")).to_have_value(
        "I mine samtaler i næste uge", timeout=60_000
    )
    for _ in range(5):
        cycle.get_by_role("button", name="Tilbage").click()
    expect(cycle.get_by_label(FIRST_STEP)).to_have_value(
        "Samtale med en borger – jeg gav råd uden at spørge <først>"
    )


def test_key_figures_and_the_learning_culture_scale_survive_a_reload(server, page):
    page.set_viewport_size({"width": 1280, "height": 2000})
    workbook = WorkbookStore(server.folder).create("Per Hansen", "Jobcenter Vejle")
    open_page(page, f"{server.base}{NOTEBOOK}?logbog={workbook.id}")
    figures = page.locator(".nk-exercise", has_text="Datainformeret læring")
    expect(figures).to_contain_text("Alle tal her er fiktive")
    figures.get_by_label("Nøgletal").select_option(label="Samtaler med en konkret jobaftale")
    figures.get_by_label("Kontanthjælp Nord").uncheck()
    figures.get_by_label("Fra måned").select_option(label="marts 2025")
    figures.get_by_role("button", name="Vis tallene").click()
    table = figures.locator("table.nk-figures")
    expect(table).to_contain_text("Samtaler med en konkret jobaftale")
    expect(table).to_contain_text("marts 2025")
    expect(table).not_to_contain_text("Kontanthjælp Nord")
    figures.screenshot(path=str(ARTIFACTS / "02_noegletal.png"))
    figures.get_by_role("radio", name="Gennemsnit pr. team").click()
    expect(figures.locator("img.nk-picture")).to_have_attribute(
        "alt", re.compile(r"^Graf, gennemsnit pr\. team.*")
    )
    figures.get_by_label("Hvad fortæller tallene ikke?", exact=False).fill(
        "Målgrupperne er forskellige"
    )

    culture = page.locator(".nk-exercise", has_text="Hvordan er jeres læringskultur?")
    culture.get_by_role("radio", name="7", exact=True).click()
    culture.get_by_label("Hvad er allerede godt?").fill("Vi deler erfaringer på møderne")
    expect(culture).to_contain_text("Gemt i din logbog")

    page.reload()
    figures = page.locator(".nk-exercise", has_text="Datainformeret læring")
    expect(figures.get_by_label("Hvad fortæller tallene ikke?", exact=False)).to_have_value(
        "Målgrupperne er forskellige", timeout=60_000
    )
    expect(figures.get_by_label("Kontanthjælp Nord")).not_to_be_checked()
    expect(figures.get_by_label("Nøgletal")).to_have_value("Samtaler med en konkret jobaftale")
    culture = page.locator(".nk-exercise", has_text="Hvordan er jeres læringskultur?")
    expect(culture.get_by_label("Hvad er allerede godt?")).to_have_value(
        "Vi deler erfaringer på møderne"
    )
    expect(culture.locator(".mod-active")).to_have_text("7")
    # Show the chart again so the screenshot shows the restored view.
    figures.get_by_role("button", name="Vis tallene").click()
    expect(figures.locator("table.nk-figures")).not_to_contain_text("Kontanthjælp Nord")
