"""Voilà hardened: a failing handler shows Danish text; no traceback reaches the browser."""

from pathlib import Path

from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import VoilaServer, open_page, watch_page

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
        expect(planner).to_contain_text(
            "Der skete en fejl på siden. Det, du har skrevet, er ikke tabt."
        )
        expect(page.get_by_label("Mine opgaver under projektet *")).to_have_value(
            "Læringsgruppemøder"
        )
        received = "\n".join(
            f.decode("utf-8", "replace") if isinstance(f, bytes) else f for f in frames
        )
        assert "Dit svar" in received or "Gemt" in received  # frames were captured at all
        for leak in (SECRET, "Traceback", "RuntimeError", "_broken_make"):
            assert leak not in received, f"{leak} reached the browser"
        assert SECRET not in page.content()
    finally:
        page.goto("about:blank")  # leave before the server stops, as a closed tab would
        server.stop()
    assert SECRET in server.log.read_text(encoding="utf-8"), "the detail belongs in the server log"


SEND_FROM_PAGE = """async ({kernelId, code}) => {
  const ws = new WebSocket(`ws://${location.host}/api/kernels/${kernelId}/channels`);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
  const replies = [];
  const done = new Promise(resolve => ws.onmessage = (event) => {
    const msg = JSON.parse(event.data);
    replies.push(msg.header.msg_type);
    if (msg.header.msg_type === "kernel_info_reply") resolve();
  });
  const message = (id, type, content) => JSON.stringify({
    header: {msg_id: id, msg_type: type, username: "", session: "angriber", date: "",
             version: "5.3"},
    parent_header: {}, metadata: {}, content, channel: "shell", buffers: []});
  ws.send(message("a1", "execute_request", {code, silent: false, store_history: false,
                                             user_expressions: {}, allow_stdin: false,
                                             stop_on_error: true}));
  ws.send(message("a2", "kernel_info_request", {}));
  await done;
  ws.close();
  return replies;
}"""


def test_the_page_cannot_run_code_in_its_kernel(server, page, tmp_path):
    """Even with the page's own kernel connection, an execute_request is dropped by the server."""
    kernels = []
    page.on(
        "websocket",
        lambda ws: (
            kernels.append(ws.url.split("/api/kernels/")[1].split("/")[0])
            if "/api/kernels/" in ws.url
            else None
        ),
    )
    open_page(page, server.base + "00_velkommen.ipynb")
    marker = tmp_path / "angreb.txt"
    code = f"open({str(marker)!r}, 'w').write('kode kørte')"
    replies = page.evaluate(SEND_FROM_PAGE, {"kernelId": kernels[0], "code": code})
    assert "kernel_info_reply" in replies  # the channel works: later messages were answered
    assert "execute_reply" not in replies and not marker.exists()


def test_html_typed_by_a_participant_never_becomes_live_in_the_page(server, page):
    open_page(page, server.base + "00_velkommen.ipynb")
    page.get_by_label("Dit navn").fill("<img src=x onerror=\"document.title='hacket'\">Ida")
    page.get_by_label("Dit jobcenter").fill(
        "<b>Jobcenter</b> <script>document.title='hacket'</script>"
    )
    page.get_by_role("button", name="Start min logbog").click()
    identity = page.locator(".nk-identity")
    expect(identity).to_contain_text("<img src=x onerror=\"document.title='hacket'\">Ida")
    expect(identity).to_contain_text("<b>Jobcenter</b> <script>")
    expect(
        page.locator(".nk-identity img, .nk-identity script, .nk-identity b:text('Jobcenter')")
    ).to_have_count(0)
    assert page.title() != "hacket"


def test_two_tabs_of_one_participant_lose_neither_edit(server, browser):
    workbook = WorkbookStore(server.folder).create("Karen Jensen", "Jobcenter Århus")
    url = f"{server.base}01_rollen_som_noegleperson.ipynb?logbog={workbook.id}"
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    errors = [watch_page(tab, []) for tab in (first, second)]
    try:
        for tab in (first, second):
            open_page(tab, url)
        first.get_by_label("Hvordan ser I rollen?").fill("Skrevet i fane 1")
        expect(first.locator(".nk-exercise", has_text="Refleksion i grupper")).to_contain_text(
            "Gemt"
        )
        second.get_by_label("Hvad er vigtigt, hvis du skal lykkes i rollen som nøgleperson?").fill(
            "Skrevet i fane 2"
        )
        expect(second.locator(".nk-exercise", has_text="At gå foran")).to_contain_text("Gemt")
        saved = WorkbookStore(server.folder).open(workbook.id)
        assert saved.answer("rolle_gruppe")["rollen"] == "Skrevet i fane 1"
        assert saved.answer("rolle_betingelser")["texts"]["vigtigst"] == "Skrevet i fane 2"
        first.reload()
        expect(first.get_by_label("Hvordan ser I rollen?")).to_have_value(
            "Skrevet i fane 1", timeout=60_000
        )
        expect(
            first.get_by_label("Hvad er vigtigt, hvis du skal lykkes i rollen som nøgleperson?")
        ).to_have_value("Skrevet i fane 2")
    finally:
        for tab in (first, second):
            tab.goto("about:blank")
        context.close()
    assert errors == [[], []], f"console errors or outside requests: {errors}"
