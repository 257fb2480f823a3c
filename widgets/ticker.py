"""A hidden ``Play`` that counts in the browser, so a page can follow the room without a thread.

ipywidgets' Play starts counting only when its drawn view sees ``playing`` change from false
to true. A page's widgets are built in the kernel before the browser draws them, so a ticker
started while the page is built would never count. ``start()`` therefore flips ``playing``
again every few seconds on the kernel's own event loop until the first count arrives (or it
gives up after a minute: the page was closed). Each count runs the observers of ``value`` in
the kernel like any other widget event; the ticker stops after ``minutes`` so an idle page can
be culled.
"""

from __future__ import annotations

import asyncio

import ipywidgets as ipw

from widgets.handlers import log

RETRY_SECONDS = 2.0
RETRIES = 30


class Ticker(ipw.Play):
    def __init__(self, interval_ms: int, minutes: int, description: str):
        super().__init__(
            value=0,
            min=0,
            max=max(1, minutes * 60_000 // interval_ms),
            interval=interval_ms,
            repeat=False,
            playing=False,
            show_repeat=False,
            description=description,
            layout={"display": "none"},
        )
        self.counted = False  # a count has come from the browser: the view is drawn
        self._retries = 0
        self.observe(self._count, names="value")

    def _count(self, change) -> None:
        if change["new"]:
            self.counted = True

    def start(self) -> None:
        """Count from the beginning again (after the page opened, or after an answer)."""
        self.value = 0
        self.playing = False
        self.playing = True
        if not self.counted:
            self._retries = 0
            self._later()

    def stop(self) -> None:
        self.playing = False

    def _later(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a test): nothing to wait for
            return
        if self._retries < RETRIES:
            self._retries += 1
            loop.call_later(RETRY_SECONDS, self._again)

    def _again(self) -> None:
        if self.counted or not self.playing:
            return
        try:
            self.playing = False
            self.playing = True
        except Exception:  # the page is gone
            log.exception("Tælleren kunne ikke startes")
            return
        self._later()
