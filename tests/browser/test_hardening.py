"""Voilà hardened: a failing handler shows Danish text; no traceback reaches the browser."""

from pathlib import Path

from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import VoilaServer, open_page

FAULTS = Path(__file__).parent / "faults"
SECRET = "injiceret-fejl-4711"


def test_a_failing_handler_sends_no_traceback_over_the_websocket(tmp_path, page):
    server = VoilaServer(tmp_path, env={"PYTHONPATH": str(FAULTS)}, log_name="voila-faults.log")
    server.log.unlink(missing_ok=True)
    server.start()
    try:
        frames = []
        page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(f)))
        workbook = WorkbookStore(tmp_path).create("Karen Jensen", "Jobcenter Århus")
        open_page(page, f"{server.base}01_rollen_som_noegleperson.ipynb?logbog={workbook.id}")
        page.get_by_label("Mine opgaver under projektet *").fill("Læringsgruppemøder")
        page.get_by_role("button", name="Lav dokumentet").click()
        planner = page.locator(".nk-exercise", has_text="Udkast til min opgavebeskrivelse")
        expect(planner).to_contain_text("Der skete en fejl på siden. Det, du har skrevet, er ikke tabt.")
        expect(page.get_by_label("Mine opgaver under projektet *")).to_have_value("Læringsgruppemøder")
        received = "\n".join(f.decode("utf-8", "replace") if isinstance(f, bytes) else f for f in frames)
        assert "Dit svar" in received or "Gemt" in received  # frames were captured at all
        for leak in (SECRET, "Traceback", "RuntimeError", "_broken_make"):
            assert leak not in received, f"{leak} reached the browser"
        assert SECRET not in page.content()
    finally:
        page.goto("about:blank")  # leave before the server stops, as a closed tab would
        server.stop()
    assert SECRET in server.log.read_text(encoding="utf-8"), "the detail belongs in the server log"
