"""Voilà in a real browser: the server as `make serve` starts it, and headless Chromium."""

import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from course.kernel_fork import kernel_processes
from course.serve import (
    CHROMIUM,
    command,
    free_port,
    launch_chromium,
    voila_environment,
)
from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
# Voilà 0.5's bundled front end warns about JupyterLab package versions; harmless.
HARMLESS = re.compile(r"Unsatisfied version|No satisfying version|Available versions")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

expect.set_options(timeout=30_000)


class VoilaServer:
    def __init__(self, folder: Path, env: dict | None = None, log_name: str = "voila.log"):
        self.folder = folder
        self.env = env or {}
        self.port = free_port()
        self.process = None
        self.log = ARTIFACTS / log_name

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/"

    def start(self) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        env = voila_environment(
            dict(os.environ, NOEGLEPERSONKURSUS_LOGBOG=str(self.folder), **self.env)
        )
        self.process = subprocess.Popen(
            command("127.0.0.1", self.port),
            cwd=ROOT,
            env=env,
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)  # poll the port until the server accepts connections
        raise RuntimeError("Voilà did not start within 60 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def restart(self) -> None:
        self.stop()
        self.start()

    def kernel_processes(self) -> dict[int, bytes]:
        """The server's kernels now: their process ids and command lines."""
        return kernel_processes(self.process.pid)

    def wait_for_kernels(self, count: int, timeout: float = 15) -> None:
        """Poll the server's kernel count until it is ``count``; fail after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        while (now := len(self.kernel_processes())) != count:
            assert time.monotonic() < deadline, f"{now} kernels, expected {count}"
            time.sleep(0.2)  # poll the process table, not the page

    def kill_kernel(self, kernel_id: str) -> None:
        """Kill one page's kernel process, as a crash would."""
        [pid] = [pid for pid, cmd in self.kernel_processes().items() if kernel_id.encode() in cmd]
        os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    srv = VoilaServer(tmp_path_factory.mktemp("voila-logbog"))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is missing: run the README's test command (make test), "
            "which installs it"
        )
    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="da-DK"
    )
    pg = context.new_page()
    errors = watch_page(pg, [])
    pg.console_errors = errors
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    # Voilà scrolls inside a container: grow the viewport to the content for a whole-page picture.
    height = pg.evaluate(
        "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    pg.set_viewport_size({"width": 1280, "height": min(max(900, height), 12000)})
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()
    assert errors == [], f"console errors: {errors}"


SIZES = {"laptop": (1366, 768), "projektor": (1920, 1080), "mobil": (360, 800)}


@pytest.fixture
def new_page(browser):
    """Pages in their own browser contexts (separate people, each at a size from SIZES),
    checked for console errors and outside requests."""
    contexts, errors = [], []

    def make(size="laptop"):
        width, height = SIZES[size]
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="da-DK", accept_downloads=True
        )
        contexts.append(context)
        pg = context.new_page()
        watch_page(pg, errors)
        return pg

    yield make
    for context in contexts:
        for pg in context.pages:
            pg.goto("about:blank")  # leave before the server stops, as a closed tab would
        context.close()
    assert errors == [], f"console errors: {errors}"


def outside(url: str) -> bool:
    """A request that would leave the course's server (the app runs on a closed network)."""
    parts = urlsplit(url)
    return parts.scheme not in ("data", "blob", "about") and parts.hostname not in LOOPBACK


def watch_page(pg, errors: list) -> list:
    """Collect the page's console errors (leaving out the known harmless ones) and every
    request, web socket included, to a host other than the course's own server."""

    def on_console(msg):
        location = (msg.location or {}).get("url", "")
        if msg.type == "error" and not HARMLESS.search(msg.text):
            errors.append(f"{msg.text} [{location}]")

    def on_request(url):
        if outside(url):
            errors.append(f"request to a host outside the server: {url}")

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("request", lambda request: on_request(request.url))
    pg.on("websocket", lambda ws: on_request(ws.url))
    return errors


def open_page(page, url):
    """Open a course page and wait until its widgets are there."""
    page.goto(url)
    expect(page.locator(".nk-identity")).to_be_visible(timeout=60_000)
    expect(page.locator(".nk-cell-error")).to_have_count(0)
    expect(page.locator(".jp-OutputArea-output[data-mime-type*='stderr']")).to_have_count(0)


def assert_danish_page(page, served_html: str, title: str) -> None:
    """Danish from the first pixel: the served loading screen, the language, the tab's title,
    and the button icons drawn from the server's own icon font."""
    loading = re.search(r'id="loading_text">([^<]*)<', served_html)
    assert loading and loading.group(1).startswith("Siden gøres klar"), loading
    # Each cell's progress replaces Voilà's "Executing i of n" with Danish text.
    assert 'update_loading_text(i, n, "Siden gøres klar … (" + i + " af " + n + ")")' in served_html
    assert "Running " not in served_html and "There was an error" not in served_html
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page).to_have_title(f"{title} – Nøglepersonkursus")
    if page.locator(".fa").count():
        page.wait_for_function(ICON_FONT_LOADED)


ICON_FONT_LOADED = """() => [...document.fonts].some(
    f => f.family.includes("Font Awesome 5 Free") && f.status === "loaded")"""
