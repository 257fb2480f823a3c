"""The served course's server-side hooks: page titles, the XSRF cookie, and kernel culling."""

import asyncio
import time
from datetime import timedelta
from types import SimpleNamespace

import nbformat
import pytest
from jupyter_server._tz import utcnow

from course.voila_hooks import CourseKernelManager, page_title, prelaunch
from tests.conftest import run_async as run


class FakeRequest:
    """What the prelaunch hook uses of Voilà's request handler."""

    def __init__(self, path):
        self.request = SimpleNamespace(path=path)
        self.token_read = False

    @property
    def xsrf_token(self):
        self.token_read = True  # tornado sets the _xsrf cookie when the token is read
        return b"token"


def test_prelaunch_sets_the_xsrf_cookie_and_the_danish_title_from_the_programme():
    request = FakeRequest("/voila/render/02_laeringskultur_og_laeringsprocesser.ipynb")
    notebook = prelaunch(request, notebook=nbformat.v4.new_notebook(), cwd="notebooks")
    assert request.token_read
    assert notebook.metadata["title"] == "Læringskultur og læringsprocesser – Nøglepersonkursus"


def test_every_page_and_an_unknown_page_get_a_title():
    assert page_title("90_facilitator.ipynb").startswith("Kursuslederens skærm")
    assert page_title("findes_ikke.ipynb") == "Nøglepersonkursus"


@pytest.fixture
def manager():
    km = CourseKernelManager(cull_idle_timeout=600, cull_connected_timeout=3600)
    shut = []

    async def shutdown_kernel(kernel_id, *args, **kwargs):
        shut.append(kernel_id)

    km.shutdown_kernel = shutdown_kernel
    km.shut = shut
    return km


def idle_kernel(km, kernel_id, seconds, connections):
    km._kernels[kernel_id] = SimpleNamespace(
        last_activity=utcnow() - timedelta(seconds=seconds),
        execution_state="idle",
        kernel_name="python3",
        kernel_spec=SimpleNamespace(metadata={}),
    )
    km._kernel_connections[kernel_id] = connections


@pytest.mark.parametrize(
    ("seconds", "connections", "culled"),
    [
        (300, 0, False),  # a page just left: the idle cull waits its 10 minutes
        (700, 0, True),  # a closed laptop: culled after 10 idle minutes
        (700, 1, False),  # a page still open and connected: kept
        (3700, 1, True),  # a tab left open all day: culled after 60 idle minutes
    ],
)
def test_connected_kernels_have_a_ceiling_and_gone_pages_the_idle_cull(
    manager, seconds, connections, culled
):
    idle_kernel(manager, "k1", seconds, connections)
    run(manager.cull_kernel_if_idle("k1"))
    assert manager.shut == (["k1"] if culled else [])


def test_a_busy_kernel_is_never_culled(manager):
    idle_kernel(manager, "k1", 9999, 1)
    manager._kernels["k1"].execution_state = "busy"
    run(manager.cull_kernel_if_idle("k1"))
    assert manager.shut == []


def test_a_kernel_is_stopped_at_once_not_after_a_graceful_wait(monkeypatch):
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    calls = []

    async def stop(self, kernel_id, now=False, restart=False):
        calls.append((kernel_id, now))

    monkeypatch.setattr(AsyncMappingKernelManager, "shutdown_kernel", stop)
    run(CourseKernelManager().shutdown_kernel("k1"))
    assert calls == [("k1", True)]


def test_a_left_page_s_kernel_first_handles_what_the_page_sent_last(monkeypatch):
    """Busy with the last keystrokes when the page is left: stopped only once it is quiet."""
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    km = CourseKernelManager(settle_seconds=0.2, settle_max_seconds=5)
    idle_kernel(km, "k1", 0, 1)
    km._kernels["k1"].execution_state = "busy"
    seen = []

    async def stop(self, kernel_id, now=False, restart=False):
        seen.append(km._kernels["k1"].execution_state)

    async def leave_then_finish_saving():
        task = asyncio.ensure_future(km.shutdown_kernel("k1"))
        await asyncio.sleep(0.3)
        assert not seen, "stopped while still handling the page's last message"
        km._kernels["k1"].execution_state = "idle"
        km._kernels["k1"].last_activity = utcnow()
        km._kernel_connections["k1"] = 0  # the next page has come: the left one's socket closes
        await task

    monkeypatch.setattr(AsyncMappingKernelManager, "shutdown_kernel", stop)
    start = time.monotonic()
    run(leave_then_finish_saving())
    assert seen == ["idle"] and time.monotonic() - start < 2


def test_when_a_room_changes_page_the_new_kernels_wait_for_the_left_ones_to_stop(monkeypatch):
    """Five pages left at once, five opened: no new kernel starts while more than the
    allowance of left kernels is still stopping, so the server never holds both sets."""
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    km = CourseKernelManager(stopping_allowance=1, stop_wait_seconds=5)
    events = []

    async def stop(self, kernel_id, now=False, restart=False):
        await asyncio.sleep(0.2)
        events.append(("stopped", kernel_id))

    async def start(self, *args, **kwargs):
        events.append(("started", len(km._stopping)))
        return "new"

    async def wave():
        for n in range(5):
            idle_kernel(km, f"old{n}", 60, 0)
        stops = [asyncio.ensure_future(km.shutdown_kernel(f"old{n}")) for n in range(5)]
        await asyncio.sleep(0)
        await asyncio.gather(*stops, *(km.start_kernel() for _ in range(5)))

    monkeypatch.setattr(AsyncMappingKernelManager, "shutdown_kernel", stop)
    monkeypatch.setattr(AsyncMappingKernelManager, "start_kernel", start)
    run(wave())
    started = [n for what, n in events if what == "started"]
    assert len(started) == 5 and max(started) <= 1


def test_a_stop_that_hangs_delays_a_new_page_only_so_long(monkeypatch):
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    km = CourseKernelManager(stopping_allowance=0, stop_wait_seconds=0.3)
    km._stopping.add("stuck")

    async def start(self, *args, **kwargs):
        return "new"

    monkeypatch.setattr(AsyncMappingKernelManager, "start_kernel", start)
    begin = time.monotonic()
    assert run(km.start_kernel()) == "new"
    assert 0.3 <= time.monotonic() - begin < 2


def test_page_templates_are_compiled_once_per_server_and_again_when_changed(tmp_path, monkeypatch):
    import jinja2

    from course.voila_hooks import CompiledTemplates

    (tmp_path / "page.html").write_text("<title>{{ title }}</title>", encoding="utf-8")
    cache = CompiledTemplates()
    compiled = []
    compile_ = jinja2.Environment.compile

    def counting(self, source, *args, **kwargs):
        compiled.append(source)
        return compile_(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)

    def view(title):  # a new environment per page view, as Voilà makes
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
        return env.get_template("page.html").render(title=title)

    assert view("Læringskultur") == "<title>Læringskultur</title>"
    assert view("Sparring") == "<title>Sparring</title>"
    assert len(compiled) == 1
    (tmp_path / "page.html").write_text("<title lang=da>{{ title }}</title>", encoding="utf-8")
    assert view("Sparring") == "<title lang=da>Sparring</title>"
    assert len(compiled) == 2


def test_every_page_view_of_the_served_course_shares_the_compiled_templates():
    from voila.exporter import VoilaExporter

    from course.voila_hooks import CompiledTemplates, keep_compiled_templates

    keep_compiled_templates()
    keep_compiled_templates()  # the config may be read twice: still one cache
    first, second = VoilaExporter()._create_environment(), VoilaExporter()._create_environment()
    assert first is not second
    assert isinstance(first.bytecode_cache, CompiledTemplates)
    assert first.bytecode_cache is second.bytecode_cache


def test_a_left_page_s_kernel_lives_until_the_page_is_off_the_screen(monkeypatch):
    """The page stays on the screen until the next one arrives: its kernel stops only when
    its socket closes (or after settle_max_seconds), never under a page still shown."""
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    km = CourseKernelManager(settle_seconds=0.05, settle_max_seconds=5)
    idle_kernel(km, "k1", 60, 1)
    stopped = []

    async def stop(self, kernel_id, now=False, restart=False):
        stopped.append(km._kernel_connections["k1"])

    async def leave_then_next_page_arrives():
        task = asyncio.ensure_future(km.shutdown_kernel("k1"))
        await asyncio.sleep(0.3)
        assert not stopped, "stopped while the left page was still on the screen"
        km._kernel_connections["k1"] = 0
        await task

    monkeypatch.setattr(AsyncMappingKernelManager, "shutdown_kernel", stop)
    run(leave_then_next_page_arrives())
    assert stopped == [0]
