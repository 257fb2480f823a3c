"""Notebook 04 in Voilà: the UGU trainer, Tomm's 2×2 sorting and the question builder."""

import re

from playwright.sync_api import expect

from course.content import load_course
from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS, open_page
from widgets.sorting import item_order

NOTEBOOK = "04_noeglepersonen_som_sparringspartner.ipynb"
ADVICE_TOO_EARLY = (
    "Prøv at lade ham booke den næste samtale selv, mens I sidder sammen. Det virker tit."
)
OWN_LINE = "Et råd kunne være at spørge, hvad han har været god til – æøå ÆØÅ"
QUESTION = "Hvordan har samtalerne med Sara været"


def picture(page, locator, name):
    """A screenshot of one exercise to look at: grow the viewport so all of it is drawn."""
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": 1280, "height": min(height, 16000)})
    locator.screenshot(path=str(ARTIFACTS / name))
    page.set_viewport_size({"width": 1280, "height": 900})


def test_ugu_trainer_question_builder_and_2x2_survive_a_reload(server, page):
    workbook = WorkbookStore(server.folder).create("Karen Jensen", "Jobcenter Århus")
    open_page(page, f"{server.base}{NOTEBOOK}?logbog={workbook.id}")
    expect(page.locator(".nk-identity")).to_contain_text("Karen Jensen")

    trainer = page.locator(".nk-exercise", has_text="UGU-træneren")
    trainer.get_by_role("radio", name=ADVICE_TOO_EARLY).check()
    expect(trainer).to_contain_text(
        "✘ Passer ikke til fasen. Det er et råd – og det kommer for tidligt."
    )
    trainer.get_by_label("Fase 2: Eller skriv din egen replik").fill(OWN_LINE)
    trainer.get_by_role("button", name="Tjek min replik").nth(1).click()
    expect(trainer).to_contain_text("Din replik er gemt")
    expect(trainer.locator(".nk-preview")).to_contain_text(f"»{OWN_LINE}« (din egen replik)")
    expect(trainer).to_contain_text("Gemt i din logbog")
    picture(page, trainer, "04_ugu_traener.png")

    quiz = page.locator(".nk-exercise", has_text="Karl Tomms fire spørgsmålstyper")
    tomm = load_course().exercise("tomms_spoergsmaal")
    first, second = (
        next(i for i in tomm.items if i.id == item_id)
        for item_id in item_order([i.id for i in tomm.items], f"{tomm.id}:{workbook.id}")[:2]
    )
    title = {c.id: c.title for c in tomm.categories}
    # Wrong for the second, and not where the first (right) answer landed: one answer there.
    wrong = next(c for c in title if c not in (first.category, second.category))
    # One statement at a time, named by its text, in the participant's own order.
    expect(quiz.locator(".nk-sort-choice")).to_contain_text(f"1. {first.text}")
    quiz.get_by_role("radio", name=title[first.category]).check()
    expect(quiz).to_contain_text("✔ Rigtigt.")
    quiz.get_by_role("button", name="Næste udsagn").click()
    expect(quiz).to_contain_text("Udsagn 2 af 28")
    quiz.get_by_role("radio", name=title[wrong]).check()
    expect(quiz).to_contain_text(f"Det hører til {title[second.category]}.")
    quiz.get_by_role("button", name="Vis hvor dine svar landede").click()
    expect(quiz.locator("img.nk-picture")).to_have_attribute(
        "alt", re.compile(rf"{title[wrong]}: 1 svar · 0 rigtige \(forkert placeret: nr\. 2\)")
    )
    picture(page, quiz.locator(".nk-grid"), "04_tomm_grid_legend.png")
    picture(page, quiz.locator("img.nk-picture"), "04_tomm_grid_picture.png")

    builder = page.locator(".nk-exercise", has_text="Byg dine egne spørgsmål")
    builder.get_by_label("Kaptajnen: dit spørgsmål").fill(QUESTION)
    builder.get_by_role("button", name="Tjek mine spørgsmål og vis dem på modellen").click()
    expect(builder).to_contain_text(
        "Kaptajnens spørgsmål er fremadrettede og handlingsorienterede."
    )
    expect(builder).to_contain_text("Du har skrevet 1 af 4 spørgsmål.")
    expect(builder.locator("img.nk-picture")).to_have_attribute(
        "alt",
        f"Dine spørgsmål på modellen. "
        f"Detektiven: ikke skrevet endnu; Kaptajnen: »{QUESTION}«; "
        "Antropologen: ikke skrevet endnu; Fremtidsforskeren: ikke skrevet endnu.",
    )
    expect(builder).to_contain_text("Gemt i din logbog")
    picture(page, builder, "04_spoergsmaalsbygger.png")

    page.reload()
    trainer = page.locator(".nk-exercise", has_text="UGU-træneren")
    expect(trainer.get_by_role("radio", name=ADVICE_TOO_EARLY)).to_be_checked(timeout=60_000)
    expect(trainer.get_by_label("Fase 2: Eller skriv din egen replik")).to_have_value(OWN_LINE)
    expect(trainer).to_contain_text("✘ Passer ikke til fasen.")
    expect(
        page.locator(".nk-exercise", has_text="Karl Tomms fire spørgsmålstyper")
    ).to_contain_text("Du har svaret på 2 af 28. Første svar: 1 rigtige.")
    expect(page.get_by_label("Kaptajnen: dit spørgsmål")).to_have_value(QUESTION)


def test_ugu_trainer_works_by_keyboard(server, page):
    workbook = WorkbookStore(server.folder).create("Per Hansen", "Jobcenter Vejle")
    open_page(page, f"{server.base}{NOTEBOOK}?logbog={workbook.id}")
    trainer = page.locator(".nk-exercise", has_text="UGU-træneren")
    own = trainer.get_by_label("Fase 1: Eller skriv din egen replik")
    own.focus()
    page.keyboard.type("Du skal ringe til en virksomhed")
    page.keyboard.press("Tab")
    expect(trainer.get_by_role("button", name="Tjek min replik").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(trainer).to_contain_text("Gem det til Giv-fasen")
