"""13 Case: Jobkompagniet in Voilà: the reflection and the learning-goals plan as Word."""

import io

import docx
from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import open_page


def test_learning_goals_become_a_word_document_and_the_reflection_survives_a_reload(
    server, page, tmp_path
):
    workbook = WorkbookStore(server.folder).create("Ole Krogh", "Jobcenter Silkeborg")
    open_page(page, f"{server.base}13_case_jobkompagniet.ipynb?logbog={workbook.id}")

    reflection = page.get_by_label("Hvilke faggrupper arbejder med borgerne hos jer")
    reflection.fill("Jobkonsulenter, mentorer og en psykolog – vi mangler et fælles sprog")
    expect(
        page.locator(".nk-exercise", has_text="Hvad kan I lære af Jobkompagniet?")
    ).to_contain_text("Gemt i din logbog")

    plan = page.locator(".nk-exercise", has_text="Mine individuelle læringsmål")
    plan.get_by_role("button", name="Lav dokumentet").click()
    expect(plan).to_contain_text("Udfyld feltet »Mit vigtigste læringsmål«")
    plan.get_by_label("Mit vigtigste læringsmål *").fill("At give sparring med UGU")
    plan.get_by_label("Sådan vil jeg øve mig i hverdagen *").fill("I læringsgruppen hver 14. dag")
    plan.get_by_label("Sådan kan jeg se, at jeg er lykkedes *").fill(
        "Kollegaerne finder selv svaret"
    )
    plan.get_by_label("Hvordan følger vi op? *").select_option("Samtale med min leder")
    plan.get_by_role("button", name="Lav dokumentet").click()
    expect(plan.locator(".nk-preview")).to_contain_text("At give sparring med UGU")
    with page.expect_download() as download:
        plan.get_by_role("link", name="Hent som Word").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    texts = [p.text for p in docx.Document(io.BytesIO(target.read_bytes())).paragraphs]
    assert "Mine individuelle læringsmål" in texts and "Samtale med min leder" in texts

    page.reload()
    expect(page.get_by_label("Hvilke faggrupper arbejder med borgerne hos jer")).to_have_value(
        "Jobkonsulenter, mentorer og en psykolog – vi mangler et fælles sprog", timeout=60_000
    )
    expect(page.get_by_label("Mit vigtigste læringsmål *")).to_have_value(
        "At give sparring med UGU"
    )
