"""Every widget handler runs through ``safe``: a failure is logged on the server, never sent
to the browser, and the participant reads a short Danish message instead."""

from __future__ import annotations

import functools
import logging
import os
import sys

FRIENDLY_ERROR = (
    "Der skete en fejl på siden. Det, du har skrevet, er ikke tabt. "
    "Prøv igen, eller spørg kursuslederen."
)

log = logging.getLogger("noeglepersonkursus")


def _server_log() -> None:
    """Log to the server's terminal, never to the page.

    In a kernel, ``sys.stderr`` is forwarded to the browser; its ``fileno()`` is the
    kernel process's original stderr, which ends in the server log.
    """
    if log.handlers:
        return
    try:
        stream = os.fdopen(os.dup(sys.stderr.fileno()), "w", buffering=1, encoding="utf-8")
    except (OSError, ValueError, AttributeError):
        stream = sys.__stderr__
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


_server_log()


def safe(handler, report=None):
    """Run a widget callback; on failure log the detail and show a Danish message.

    An exception escaping a callback would send its traceback over the websocket to
    the browser, so every handler goes through here. ``report(text)`` shows the message.
    """

    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except Exception:
            log.exception("Fejl i %s", getattr(handler, "__qualname__", handler))
            if report is not None:
                try:
                    report(FRIENDLY_ERROR)
                except Exception:
                    log.exception("Fejlbeskeden kunne ikke vises")
            return None

    return wrapper
