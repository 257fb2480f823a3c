"""The course in Voilà, in headless Chromium: every page, and the exercises end to end."""

import io

import docx
import pytest
from playwright.sync_api import expect

from course.content import load_course
from course.workbook import WorkbookStore
from tests.browser.conftest import assert_danish_page, open_page

# The participants' pages; the facilitator's page has its own test (test_facilitator.py).
SESSIONS = [s for s in load_course().programme.sessions() if s.notebook]
NOTEBOOKS = sorted(s.notebook for s in SESSIONS)
TITLES = {s.notebook: s.title for s in SESSIONS}


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_page_renders_without_errors_and_asks_who_you_are(server, page, notebook):
    # The page fixture also fails on any request to a host other than the course's server.
    documents = []
    page.on(
        "response", lambda r: documents.append(r) if r.request.resource_type == "document" else None
    )
    open_page(page, server.base + notebook)
    assert_danish_page(page, documents[0].text(), TITLES[notebook])
    expect(page.get_by_label("Dit navn")).to_be_visible()
    expect(page.get_by_label("Dit jobcenter")).to_be_visible()
    expect(page.locator(".nk-exercise").first).to_be_visible()
    expect(page.locator("h1").first).to_be_visible()
    assert "Traceback" not in page.content()


def test_start_page_sign_in_checkin_and_personal_address(server, page):
    open_page(page, server.base + "00_velkommen.ipynb")
    expect(page.locator(".nk-programme")).to_contain_text("Frokost")
    page.get_by_role("button", name="Start min logbog").click()
    expect(page.locator(".nk-page")).to_contain_text("Skriv dit navn.")
    # A name of its own: the server refuses a silent second logbog for a name it knows.
    page.get_by_label("Dit navn").fill("Åse Ørsted")
    page.get_by_label("Dit jobcenter").fill("Jobcenter Marstal")
    page.get_by_role("button", name="Start min logbog").click()
    expect(page.locator(".nk-identity")).to_contain_text(
        "Din logbog: Åse Ørsted, Jobcenter Marstal"
    )
    answer = page.get_by_label("Hvad ser du frem til?")
    answer.fill("At facilitere læringsmøder <b>med</b> mod")
    expect(page.locator(".nk-exercise", has_text="Tjek ind")).to_contain_text("Gemt i din logbog")
    page.locator(".nk-identity").get_by_role("link", name="startsiden med din logbog").click()
    expect(page.get_by_label("Hvad ser du frem til?")).to_have_value(
        "At facilitere læringsmøder <b>med</b> mod"
    )
    assert "logbog=" in page.url
    # The programme's link to 01 carries the participant on.
    page.locator(".nk-programme").get_by_role("link", name="Rollen som nøgleperson").click()
    expect(page.locator(".nk-identity")).to_contain_text("Åse Ørsted, Jobcenter Marstal")


def test_sign_in_works_by_keyboard_alone(server, page):
    open_page(page, server.base + "00_velkommen.ipynb")
    page.get_by_label("Dit navn").focus()
    page.keyboard.type("Per Hansen")
    page.keyboard.press("Tab")
    page.keyboard.type("Jobcenter Fredericia")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Workshopkode (hvis kursuslederen har givet jer en)")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Start min logbog")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".nk-identity")).to_contain_text(
        "Din logbog: Per Hansen, Jobcenter Fredericia"
    )


def test_role_page_exercises_survive_reload_and_server_restart(server, page):
    workbook = WorkbookStore(server.folder).create("Karen Jensen", "Jobcenter Århus")
    url = f"{server.base}01_rollen_som_noegleperson.ipynb?logbog={workbook.id}"
    open_page(page, url)
    expect(page.locator(".nk-identity")).to_contain_text("Karen Jensen")

    ranking = page.locator(".nk-ranking")
    ranking.get_by_role("button", name="Ned").first.click()
    expect(ranking.locator(".nk-rank-text").first).to_contain_text("Sparring til kolleger")

    first_scale = page.locator(".nk-scale").first
    first_scale.get_by_role("radio", name="1", exact=True).click()
    expect(page.locator(".nk-advice").first).to_contain_text("Sørg for en grundig afstemning")

    text = "Vi ser rollen som en brobygger – æøå ÆØÅ 🙂"
    page.get_by_label("Hvordan ser I rollen?").fill(text)
    group = page.locator(".nk-exercise", has_text="Refleksion i grupper")
    expect(group).to_contain_text("Gemt i din logbog")

    for step in ("reload", "restart"):
        if step == "restart":
            page.goto("about:blank")  # leave first: a page whose server vanishes logs errors
            server.restart()
            page.goto(url)
        else:
            page.reload()
        expect(page.get_by_label("Hvordan ser I rollen?")).to_have_value(text, timeout=60_000)
        expect(page.locator(".nk-ranking .nk-rank-text").first).to_contain_text(
            "Sparring til kolleger"
        )
        expect(page.locator(".nk-advice").first).to_contain_text("Sørg for en grundig afstemning")


def test_task_description_downloads_as_word(server, page, tmp_path):
    workbook = WorkbookStore(server.folder).create("Ida Holm", "Jobcenter Odense")
    open_page(page, f"{server.base}01_rollen_som_noegleperson.ipynb?logbog={workbook.id}")
    page.get_by_role("button", name="Lav dokumentet").click()
    expect(
        page.locator(".nk-exercise", has_text="Udkast til min opgavebeskrivelse")
    ).to_contain_text("Planen er ikke færdig endnu")
    page.get_by_label("Formålet med min rolle som nøgleperson *").fill(
        "At forankre <script>x</script>"
    )
    page.get_by_label("Mine opgaver under projektet *").fill("Læringsgruppemøder")
    page.get_by_label("Timer om måneden til rollen *").fill("8")
    page.get_by_label("Hvem afstemmer jeg opgaver og ansvar med? *").select_option("Teamleder")
    page.get_by_role("button", name="Lav dokumentet").click()
    expect(page.locator(".nk-preview")).to_contain_text("At forankre <script>x</script>")
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent som Word").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.name.endswith("Ida-Holm.docx")
    texts = [p.text for p in docx.Document(io.BytesIO(target.read_bytes())).paragraphs]
    assert "At forankre <script>x</script>" in texts and "Jobcenter: Jobcenter Odense" in texts
