"""Page 03 in Voilà: the I DO ART plan, the dialogue board's timer and the bridging questions."""

import io
import re

import docx
from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS, open_page

PAGE = "03_facilitering_af_laerende_moeder.ipynb"


def picture(exercise, name):
    """A picture of one exercise (the whole page is too long for one picture).

    Voilà scrolls inside a container, so the viewport grows to the page for the picture.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    page = exercise.page
    size = page.viewport_size
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": size["width"], "height": min(height, 30_000)})
    exercise.screenshot(path=str(ARTIFACTS / f"03_{name}.png"))
    page.set_viewport_size(size)


def open_with_workbook(server, page, name):
    workbook = WorkbookStore(server.folder).create(name, "Jobcenter Horsens")
    url = f"{server.base}{PAGE}?logbog={workbook.id}"
    open_page(page, url)
    expect(page.locator(".nk-identity")).to_contain_text(name)
    return url


def test_meeting_plan_says_how_much_too_long_survives_reload_and_exports_word(
    server, page, tmp_path
):
    open_with_workbook(server, page, "Mette Lund")
    plan = page.locator(".nk-exercise", has_text="Planlæg et lærende møde med I DO ART")
    plan.get_by_label("Overskrift til punkt 1").fill("Velkommen og I DO ART")
    plan.get_by_label("Minutter til punkt 1").fill("10")
    plan.get_by_role("button", name="Tilføj punkt").click()
    plan.get_by_label("Overskrift til punkt 2").fill("Runde: erfaringer med jobaftaler")
    plan.get_by_label("Minutter til punkt 2").fill("40")
    plan.get_by_label("Mødet starter kl.").fill("09.30")
    plan.get_by_label("Mødets samlede tid i minutter").fill("45")
    expect(plan.locator(".nk-msg").filter(has_text="Dagsordenen er")).to_contain_text(
        "Dagsordenen er 5 minutter for lang"
    )
    expect(plan.locator(".nk-slot").nth(1)).to_contain_text("09.40–10.20")
    plan.get_by_role("button", name="Lav mødeplanen").click()
    expect(plan).to_contain_text("Mødeplanen er ikke færdig endnu")
    expect(plan.locator("img.nk-picture")).to_have_attribute("alt", re.compile("09.40–10.20 Runde"))
    expect(plan).to_contain_text("Gemt i din logbog")
    picture(plan, "moedeplan_for_lang")

    page.reload()
    plan = page.locator(".nk-exercise", has_text="Planlæg et lærende møde med I DO ART")
    expect(plan.get_by_label("Overskrift til punkt 2")).to_have_value(
        "Runde: erfaringer med jobaftaler", timeout=60_000
    )
    expect(plan).to_contain_text("Dagsordenen er 5 minutter for lang")

    plan.get_by_label("Intentionen: Hvad er det overordnede formål med processen? *").fill(
        "At blive klogere på jobaftaler"
    )
    plan.get_by_label("Desired outcome: Hvad vil vi konkret opnå med processen? *").fill(
        "Én ting hver især vil prøve"
    )
    plan.get_by_label(re.compile("^Rules and roles")).fill(
        "Vi lytter færdigt. Anne skriver på flipoveren."
    )
    plan.get_by_label("Mødets samlede tid i minutter").fill("50")
    expect(plan).to_contain_text("Dagsordenen passer præcis til tidsrammen på 50 minutter")
    plan.get_by_role("button", name="Lav mødeplanen").click()
    expect(plan).to_contain_text("Mødeplanen er klar")
    picture(plan, "moedeplan_klar")
    with page.expect_download() as download:
        plan.get_by_role("link", name="Hent som Word").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    word = docx.Document(io.BytesIO(target.read_bytes()))
    rows = [[c.text for c in r.cells] for r in word.tables[0].rows]
    assert rows == [
        ["Tid", "Punkt", "Minutter"],
        ["09.30–09.40", "Velkommen og I DO ART", "10"],
        ["09.40–10.20", "Runde: erfaringer med jobaftaler", "40"],
    ]


def test_dialogue_board_checks_names_counts_down_in_the_browser_and_keeps_the_round(server, page):
    open_with_workbook(server, page, "Bo Riis")
    board = page.locator(".nk-exercise", has_text="Tavle til struktureret dialog")
    board.get_by_label("Deltagernes navne – ét navn pr. linje").fill("Kirsten\nPer\nkirsten")
    board.get_by_role("button", name="Brug navnene").click()
    expect(board).to_contain_text("»kirsten« står flere gange")
    board.get_by_label("Deltagernes navne – ét navn pr. linje").fill("Kirsten\nPer\nAnne")
    board.get_by_role("button", name="Brug navnene").click()
    expect(board.locator(".nk-board-name")).to_have_text("Kirsten")
    board.get_by_label("Taletid pr. person").select_option("30 sekunder")
    expect(board.locator(".nk-board-timer")).to_have_text("0:30")
    board.get_by_role("button", name="Start uret").click()
    # The browser's ticks drive the countdown: wait for it to pass below 0:30.
    expect(board.locator(".nk-board-timer")).to_have_text(re.compile(r"^0:2\d$"))
    picture(board, "tavle_uret_koerer")
    board.get_by_role("button", name="Næste").click()
    expect(board.locator(".nk-board-name")).to_have_text("Per")
    expect(board.locator(".nk-current")).to_contain_text("Per")
    board.get_by_label("Noter: Per").fill("Vil prøve selvbooking i næste uge")
    expect(board).to_contain_text("Gemt i din logbog")
    board.get_by_role("button", name="Pause").click()
    expect(board).to_contain_text("Uret står stille")

    page.reload()
    board = page.locator(".nk-exercise", has_text="Tavle til struktureret dialog")
    expect(board.locator(".nk-board-name")).to_have_text("Per", timeout=60_000)
    expect(board.get_by_label("Noter: Per")).to_have_value("Vil prøve selvbooking i næste uge")
    expect(board.locator(".nk-board-timer")).to_have_text("0:30")


def test_bridging_questions_are_built_from_names_and_the_list_is_kept(server, page):
    open_with_workbook(server, page, "Lise Krog")
    helper = page.locator(".nk-exercise", has_text="Find dine brobyggende spørgsmål")
    helper.get_by_label("Deltagernes navne – adskilt med komma").fill("Kirsten, Per, Anne")
    helper.get_by_label("Deltagernes navne – adskilt med komma").press("Enter")
    helper.get_by_label("Hvem har lige fortalt noget?").select_option("Kirsten")
    helper.get_by_label("Hvem vil du spørge?").select_option("Per")
    question = "Per, vil du prøve at komme med dit perspektiv på det, Kirsten taler om?"
    suggestion = helper.locator(".nk-suggestion", has_text=question)
    suggestion.get_by_role("button", name="Vælg").click()
    expect(helper.locator(".nk-chosen")).to_contain_text(question)
    helper.get_by_label("Dit eget spørgsmål").fill("Anne, hvad vil du tage med fra det, Per siger?")
    helper.get_by_role("button", name="Tilføj til min liste").click()
    expect(helper.locator(".nk-chosen")).to_contain_text("Anne, hvad vil du tage med")
    expect(helper).to_contain_text("Gemt i din logbog")

    page.reload()
    helper = page.locator(".nk-exercise", has_text="Find dine brobyggende spørgsmål")
    expect(helper.locator(".nk-chosen")).to_contain_text(question, timeout=60_000)
    expect(helper.get_by_label("Hvem vil du spørge?")).to_have_value("Per")
    expect(
        helper.locator(".nk-suggestion", has_text=question).get_by_role("button")
    ).to_be_disabled()
    picture(helper, "brobygning")
