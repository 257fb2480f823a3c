"""The served app on the day: kernels end with their pages, a lost kernel is never silent,
Danish chrome everywhere, and the address cannot change how the app is served."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import VoilaServer, assert_danish_page, open_page, watch_page

FAULTS = Path(__file__).parent / "faults"
KERNEL_ID = re.compile(r"/api/kernels/([0-9a-f-]+)/channels")


@pytest.fixture
def own_server(tmp_path):
    """A server of its own, so that no other test's kernels are counted."""
    srv = VoilaServer(tmp_path, log_name="voila-kernels.log")
    srv.start()
    yield srv
    srv.stop()


def kernel_ids(page) -> list:
    """The ids of the kernels this page connects to, in order."""
    ids = []
    page.on("websocket", lambda ws: ids.extend(KERNEL_ID.findall(ws.url)))
    return ids


def test_kernels_end_with_their_pages_through_navigation_reloads_and_closed_tabs(
    own_server, browser
):
    server = own_server
    workbook = WorkbookStore(server.folder).create("Karen Jensen", "Jobcenter Århus")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    errors = []
    first = context.new_page()
    watch_page(first, errors)
    try:
        for notebook in (
            "00_velkommen.ipynb",
            "01_rollen_som_noegleperson.ipynb",
            "02_laeringskultur_og_laeringsprocesser.ipynb",
        ):
            open_page(first, f"{server.base}{notebook}?logbog={workbook.id}")
        for _ in range(3):
            first.reload()
            expect(first.locator(".nk-identity")).to_contain_text("Karen Jensen", timeout=60_000)
        # Following the page's own link to the next page, as a participant does.
        first.get_by_role("link", name=re.compile("Facilitering af lærende møder")).last.click()
        expect(first.locator(".nk-identity")).to_contain_text("Karen Jensen", timeout=60_000)
        server.wait_for_kernels(1)
        second = context.new_page()
        watch_page(second, errors)
        open_page(
            second,
            f"{server.base}04_noeglepersonen_som_sparringspartner.ipynb?logbog={workbook.id}",
        )
        server.wait_for_kernels(2)
        second.close(run_before_unload=True)  # a closed tab
        server.wait_for_kernels(1)
        first.goto("about:blank")
        server.wait_for_kernels(0)
    finally:
        context.close()
    assert errors == [], errors
    # A refused shutdown is logged with its status; a kernel id may hold »403« by chance.
    assert not re.search(r"\b403\b", server.log.read_text(encoding="utf-8"))


def test_a_page_whose_kernel_is_gone_says_so_at_once_and_the_reload_shows_everything(server, page):
    workbook = WorkbookStore(server.folder).create("Karen Jensen", "Jobcenter Århus")
    ids = kernel_ids(page)
    open_page(page, f"{server.base}01_rollen_som_noegleperson.ipynb?logbog={workbook.id}")
    answer = page.get_by_label("Hvordan ser I rollen?")
    answer.fill("Skrevet før forbindelsen forsvandt")
    expect(page.locator(".nk-exercise", has_text="Refleksion i grupper")).to_contain_text("Gemt")
    expect(page.locator("#nk-connection")).to_have_count(0)
    server.kill_kernel(ids[-1])  # as the idle cull, a crash or a server restart would
    notice = page.get_by_role("alert").filter(has_text="Forbindelsen er afbrudt")
    expect(notice).to_be_visible(timeout=10_000)
    expect(notice).to_contain_text("genindlæs siden")
    expect(notice).to_contain_text("er gemt i din logbog")
    expect(notice).to_contain_text("Det, du skriver nu, bliver ikke gemt")
    # Nothing can be typed after that moment, so nothing can look saved that is not.
    assert page.evaluate("document.getElementById('rendered_cells').inert")
    page.screenshot(path=str(server.log.parent / "forbindelsen_er_afbrudt.png"))
    notice.get_by_role("button", name="Genindlæs siden").click()
    expect(page.get_by_label("Hvordan ser I rollen?")).to_have_value(
        "Skrevet før forbindelsen forsvandt", timeout=60_000
    )
    expect(page.locator("#nk-connection")).to_have_count(0)


def test_without_a_logbog_the_notice_says_that_nothing_was_saved(server, page):
    ids = kernel_ids(page)
    open_page(page, server.base + "01_rollen_som_noegleperson.ipynb")
    server.kill_kernel(ids[-1])
    notice = page.get_by_role("alert").filter(has_text="Forbindelsen er afbrudt")
    expect(notice).to_contain_text("Du havde ikke startet din logbog", timeout=10_000)
    expect(notice).not_to_contain_text("er gemt")


def test_the_course_leaders_page_is_danish_too(server, page):
    documents = []
    page.on(
        "response", lambda r: documents.append(r) if r.request.resource_type == "document" else None
    )
    page.goto(server.base + "90_facilitator.ipynb")
    expect(page.get_by_label("Facilitatorkode")).to_be_visible(timeout=60_000)
    assert_danish_page(
        page, documents[0].text(), "Kursuslederens skærm – rummets svar, timer og modeller"
    )


def test_the_address_cannot_change_the_template_or_the_theme(server, page):
    open_page(page, server.base + "00_velkommen.ipynb?template=classic&theme=dark")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.locator("body")).to_have_class(re.compile(r"\btheme-light\b"))
    expect(page.locator("body")).not_to_have_class(re.compile(r"theme-dark"))


def test_a_missing_page_and_the_bare_server_address_answer_in_danish(server, page):
    response = page.goto(server.base + "findes_ikke.ipynb")
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("heading")).to_have_text("Siden findes ikke")
    # The browser logs the expected 404 of the page itself; anything else still fails the test.
    page.console_errors[:] = [e for e in page.console_errors if "findes_ikke.ipynb" not in e]
    page.get_by_role("link", name="Gå til kursets startside").click()
    expect(page.get_by_label("Dit navn")).to_be_visible(timeout=60_000)
    # The server's bare address leads to the start page, not to a list of files.
    page.goto(server.base.replace("/voila/render/", "/"))
    expect(page.get_by_label("Dit navn")).to_be_visible(timeout=60_000)
    expect(page).to_have_title("Velkommen – Nøglepersonkursus")


def test_a_failing_cell_shows_a_short_danish_message_and_no_detail(tmp_path, page):
    server = VoilaServer(
        tmp_path,
        env={"PYTHONPATH": str(FAULTS), "NK_FAULTS": "navigation"},
        log_name="voila-faults.log",
    )
    server.log.unlink(missing_ok=True)
    server.start()
    try:
        page.goto(server.base + "01_rollen_som_noegleperson.ipynb")
        error = page.locator(".nk-cell-error")
        expect(error).to_have_text(
            re.compile("Denne del af siden kunne ikke vises"), timeout=60_000
        )
        expect(error).to_have_attribute("role", "alert")
        expect(page.get_by_label("Dit navn")).to_be_visible()  # the cells before it work
        html = page.content()
        for leak in ("injiceret-fejl-4711", "Traceback", "There was an error", "RuntimeError"):
            assert leak not in html, leak
        error.scroll_into_view_if_needed()
        page.screenshot(path=str(server.log.parent / "celle_fejl.png"))
    finally:
        page.goto("about:blank")
        server.stop()
