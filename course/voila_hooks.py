"""Server-side hooks of the served course, named in ``etc/jupyter/voila.py``.

Imported only by the Voilà server process, never by a page's kernel.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from jinja2 import BytecodeCache
from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float, Integer

COURSE_NAME = "Nøglepersonkursus"
log = logging.getLogger("noeglepersonkursus.server")


@lru_cache(maxsize=1)
def page_titles() -> dict[str, str]:
    """Each notebook's Danish title from the programme, for the browser's tab."""
    from course.content import course

    programme = course().programme
    return {
        s.notebook: s.title
        for s in programme.sessions() + list(programme.facilitator)
        if s.notebook
    }


def page_title(notebook_name: str) -> str:
    try:
        title = page_titles().get(notebook_name)
    except Exception:  # broken content: the page itself says so in Danish
        log.exception("Sidens titel kunne ikke findes i programmet")
        title = None
    return f"{title} – {COURSE_NAME}" if title else COURSE_NAME


def prelaunch(request, notebook, cwd):
    """Before a page's kernel starts: give the page its Danish title, and set the XSRF cookie.

    Voilà's front end sends the cookie's value when a page is left so that the page's kernel
    is shut down at once; the render page alone never sets it (voila-dashboards/voila#1458),
    and without it every left page's kernel would live until the idle cull.
    """
    request.xsrf_token  # noqa: B018 - reading the token sets the cookie
    notebook.metadata["title"] = page_title(Path(request.request.path).name)
    return notebook


class CompiledTemplates(BytecodeCache):
    """Page templates compiled once per server, not once per page view.

    Voilà renders every page view with a new exporter and so a new Jinja environment, which
    compiled the same page templates again: 0.16 of the server's 0.26 CPU-s per view of a
    course page, when a room opens its pages together. Jinja's bytecode cache (in memory
    here) keeps the compiled code; a changed template file is compiled again (its checksum).
    """

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source):
        # Async and plain environments compile a template differently.
        return super().get_bucket(environment, f"{name}|{environment.is_async}", filename, source)

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def keep_compiled_templates() -> None:
    """Give every page view's Jinja environment one shared ``CompiledTemplates``."""
    from voila.exporter import VoilaExporter

    if getattr(VoilaExporter, "_nk_compiled", None):
        return
    create = VoilaExporter._create_environment
    cache = CompiledTemplates()

    def _create_environment(self):
        environment = create(self)
        environment.bytecode_cache = cache
        return environment

    VoilaExporter._create_environment = _create_environment
    VoilaExporter._nk_compiled = cache


class CourseKernelManager(AsyncMappingKernelManager):
    """Culls kernels as jupyter_server does (``cull_idle_timeout``, for pages that are gone),
    and also a kernel whose page is still connected but idle for ``cull_connected_timeout``:
    a ceiling for tabs left open all day. Answers are saved per change, and the page tells
    the participant in Danish to reload."""

    cull_connected_timeout = Integer(
        3600, config=True, help="Seconds of inactivity after which a connected kernel is culled"
    )

    settle_seconds = Float(0.5, config=True, help="Quiet time before a left page's kernel stops")
    settle_max_seconds = Float(3.0, config=True, help="Longest wait for that quiet time")
    stopping_allowance = Integer(
        4, config=True, help="Kernels still stopping that a new kernel does not wait for"
    )
    stop_wait_seconds = Float(5.0, config=True, help="Longest wait of a new kernel for those")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._stopping: set[str] = set()

    async def start_kernel(self, *args, **kwargs):
        """When a room changes page together, the left pages' kernels stop first: a new page
        waits (a little) for them, so the server holds one kernel per open page, not two."""
        deadline = time.monotonic() + self.stop_wait_seconds
        while len(self._stopping) > self.stopping_allowance and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return await super().start_kernel(*args, **kwargs)

    async def shutdown_kernel(self, kernel_id, now=False, restart=False):
        self._stopping.add(kernel_id)
        try:
            return await self._settle_and_stop(kernel_id, restart)
        finally:
            self._stopping.discard(kernel_id)

    async def _settle_and_stop(self, kernel_id, restart):
        """Stop a kernel as soon as it has handled what the page sent last, without the
        graceful stop that takes seconds on a busy server (during which a room changing page
        holds two kernels per participant). Every answer is written atomically when it is
        handled, so the kernel has nothing else to flush.

        A page being left stays on the screen until the next page's first bytes arrive; its
        kernel waits for that (its socket closes), so the page never shows a lost connection
        or sends to a kernel that is gone in its last moment."""
        kernel = self._kernels.get(kernel_id)
        deadline = time.monotonic() + self.settle_max_seconds
        while (
            kernel is not None
            and time.monotonic() < deadline
            and (
                getattr(kernel, "execution_state", None) == "busy"
                or utcnow() - getattr(kernel, "last_activity", utcnow() - timedelta(days=1))
                < timedelta(seconds=self.settle_seconds)
                or self._kernel_connections.get(kernel_id, 0) > 0
            )
        ):
            await asyncio.sleep(0.05)  # the last keystrokes may still be on their way in
        return await super().shutdown_kernel(kernel_id, now=True, restart=restart)

    async def cull_kernel_if_idle(self, kernel_id):
        kernel = self._kernels.get(kernel_id)
        if (
            kernel is not None
            and self._kernel_connections.get(kernel_id, 0)
            and hasattr(kernel, "last_activity")
            and getattr(kernel, "execution_state", None) != "busy"
        ):
            idle = utcnow() - kernel.last_activity
            if idle > timedelta(seconds=self.cull_connected_timeout):
                self.log.warning(
                    "Culling connected kernel %s after %d s of inactivity",
                    kernel_id,
                    idle.total_seconds(),
                )
                await self.shutdown_kernel(kernel_id)
                return
        await super().cull_kernel_if_idle(kernel_id)
