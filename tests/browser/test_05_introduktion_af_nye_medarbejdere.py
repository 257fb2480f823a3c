"""Page 05 in Voilà: weeks clicked (and pressed by keyboard), the balance, the contract – after
a reload."""

import re

from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import open_page

PRESSED = re.compile(r"mod-active")


def week(n: int):
    # A chosen week also shows a check mark icon, which is part of the button's name.
    return re.compile(rf"Uge {n}$")


def test_onboarding_plan_balance_and_contract_survive_a_reload(server, page):
    workbook = WorkbookStore(server.folder).create("Karen Jensen", "Jobcenter Århus")
    url = f"{server.base}05_introduktion_af_nye_medarbejdere.ipynb?logbog={workbook.id}"
    open_page(page, url)
    planner = page.locator(".nk-exercise", has_text="Introduktionsplan for en ny kollega")
    observation = planner.locator(".nk-rank-row", has_text="Kollegial observation A")
    observation.get_by_role("button", name=week(2)).click()
    expect(planner.locator(".nk-score")).to_contain_text("Mesterlære: 1 (100 %)")
    expect(planner.locator(".nk-advice").first).to_contain_text("ingen greb med teoretisk læring")

    # Keyboard only: focus a week and press the space bar.
    meeting_week = planner.locator(".nk-rank-row", has_text="Introduktionsmøde").get_by_role(
        "button", name=week(1)
    )
    meeting_week.focus()
    page.keyboard.press("Space")
    expect(meeting_week).to_have_class(PRESSED)
    expect(planner.locator(".nk-score")).to_contain_text("Teoretisk læring: 1 (50 %)")
    planner.get_by_role("button", name="Tegn balancen").click()
    expect(planner.get_by_role("img", name=re.compile("Søjler for hver uge"))).to_be_visible()

    planner.get_by_label("Tilføj dit eget greb").fill("Frokost med en erfaren kollega")
    planner.get_by_label("Type af læring").select_option("Mesterlære")
    planner.get_by_role("button", name="Tilføj grebet").click()
    expect(planner).to_contain_text(
        "»Frokost med en erfaren kollega« er tilføjet nederst i planen."
    )
    own = planner.locator(".nk-rank-row", has_text="Frokost med en erfaren kollega")
    own.get_by_role("button", name=week(3)).click()
    expect(planner.locator(".nk-score")).to_contain_text("Mesterlære: 2 (67 %)")

    contract = page.locator(".nk-exercise", has_text="Læringskontrakt for den nye kollega")
    contract.get_by_label("Hvad skal især øves og styrkes? *").fill(
        "Åbne spørgsmål – æøå <b>fed</b>"
    )
    expect(contract).to_contain_text("Gemt i din logbog")

    page.reload()
    expect(page.get_by_label("Hvad skal især øves og styrkes? *")).to_have_value(
        "Åbne spørgsmål – æøå <b>fed</b>", timeout=60_000
    )
    planner = page.locator(".nk-exercise", has_text="Introduktionsplan for en ny kollega")
    expect(
        planner.locator(".nk-rank-row", has_text="Kollegial observation A").get_by_role(
            "button", name=week(2)
        )
    ).to_have_class(PRESSED)
    expect(
        planner.locator(".nk-rank-row", has_text="Frokost med en erfaren kollega").get_by_role(
            "button", name=week(3)
        )
    ).to_have_class(PRESSED)
    expect(planner.locator(".nk-score")).to_contain_text("3 greb fordelt på ugerne")
