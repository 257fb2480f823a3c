"""10 Fra BIP til praksis in Voilà: the sorting quiz and the guided case reflection."""

from playwright.sync_api import expect

from course.content import load_course
from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS, open_page
from widgets.sorting import item_order


def test_sorting_feedback_and_the_case_through_four_types_survive_a_reload(server, page):
    workbook = WorkbookStore(server.folder).create("Lise Bak", "Jobcenter Horsens")
    open_page(page, f"{server.base}10_fra_bip_til_praksis.ipynb?logbog={workbook.id}")

    quiz = page.locator(".nk-exercise").filter(
        has=page.get_by_role(
            "heading", name="Fire typer refleksion: hvad er spørgsmålet nysgerrigt på?"
        )
    )
    bank = load_course().exercise("refleksionstyper")
    first_id = item_order([i.id for i in bank.items], f"{bank.id}:{workbook.id}")[0]
    first = next(i for i in bank.items if i.id == first_id)
    right = next(c.title for c in bank.categories if c.id == first.category)
    quiz.get_by_role("radio", name=right).check()
    expect(quiz).to_contain_text("✔ Rigtigt.")
    expect(quiz).to_contain_text("Du har svaret på 1 af 20")

    case = page.locator(".nk-exercise", has_text="Én borger, fire typer refleksion")
    expect(case.locator(".nk-case")).to_contain_text("Lone er 52 år")
    expect(case.locator(".nk-questions li").nth(1)).to_have_text("Hvad betyder min forforståelse?")
    own = case.get_by_label("Selvrefleksion – nysgerrighed på dig som professionel")
    own.fill("Jeg læste »umotiveret« og forventede for lidt – æøå")
    expect(case).to_contain_text("Gemt i din logbog")
    case.screenshot(path=str(ARTIFACTS / "10_case_reflection.png"))

    expectation = page.locator(".nk-exercise", has_text="Dine forventninger til Lones jobchancer")
    expectation.locator(".nk-scale").first.get_by_role("radio", name="2", exact=True).click()
    expect(expectation.locator(".nk-advice")).to_contain_text("i BIP hang sagsbehandlerens tro")

    page.reload()
    expect(
        page.get_by_label("Selvrefleksion – nysgerrighed på dig som professionel")
    ).to_have_value("Jeg læste »umotiveret« og forventede for lidt – æøå", timeout=60_000)
    # Back on the page, the quiz goes on at the first statement not yet answered.
    expect(quiz).to_contain_text("Udsagn 2 af 20")
    expect(quiz).to_contain_text("Du har svaret på 1 af 20. Første svar: 1 rigtige.")
    expect(page.locator(".nk-nav")).to_contain_text("På denne side har du besvaret 3 af 6 øvelser")
