"""Voilà in a real browser: the server as `make serve` starts it, and headless Chromium."""

import os
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from course.serve import command
from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Voilà 0.5's bundled front end warns about JupyterLab package versions; harmless. When a page
# is left, its kernel-shutdown request is refused (403, missing XSRF token: an open Voilà issue);
# the served app culls idle kernels instead (voila.json).
HARMLESS = re.compile(r"Unsatisfied version|No satisfying version|Available versions")
KNOWN_403 = re.compile(r"/voila/api/shutdown/[0-9a-f-]+$")

expect.set_options(timeout=30_000)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
        env = dict(os.environ, NOEGLEPERSONKURSUS_LOGBOG=str(self.folder), **self.env)
        self.process = subprocess.Popen(command("127.0.0.1", self.port), cwd=ROOT, env=env,
                                        stdout=self.log.open("a"), stderr=subprocess.STDOUT)
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


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    srv = VoilaServer(tmp_path_factory.mktemp("voila-logbog"))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run the README's test command (make test), "
                    "which installs it")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  locale="da-DK")
    pg = context.new_page()
    pg.route("https://cdn.jsdelivr.net/**", lambda route: route.abort())
    errors = watch_console(pg, [])
    pg.console_errors = errors
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    # Voilà scrolls inside a container, so grow the viewport to the content for a whole-page picture.
    height = pg.evaluate("Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))")
    pg.set_viewport_size({"width": 1280, "height": min(max(900, height), 12000)})
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()
    assert errors == [], f"console errors: {errors}"


def watch_console(pg, errors: list) -> list:
    """Collect the page's console errors, leaving out the known harmless ones."""
    def on_console(msg):
        location = (msg.location or {}).get("url", "")
        known = "403" in msg.text and KNOWN_403.search(location)
        if (msg.type == "error" and "cdn.jsdelivr.net" not in location and not known
                and not HARMLESS.search(msg.text)):
            errors.append(f"{msg.text} [{location}]")

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def open_page(page, url):
    """Open a course page and wait until its widgets are there."""
    page.goto(url)
    expect(page.locator(".nk-identity")).to_be_visible(timeout=60_000)
    expect(page.locator("text=There was an error when executing cell")).to_have_count(0)
    expect(page.locator(".jp-OutputArea-output[data-mime-type*='stderr']")).to_have_count(0)
