"""Which workbook a page belongs to, in Voilà, in JupyterLab and under papermill.

- Voilà (possibly a shared server): the page address carries the workbook code
  (``?logbog=…``); links between pages carry it on. Nothing else is trusted.
- JupyterLab or papermill (one user): the last workbook used on this machine.
- Papermill parameters (name and job centre) create or reuse a workbook.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import parse_qs, quote

from course.workbook import Workbook, WorkbookError, WorkbookStore

QUERY_KEY = "logbog"
WORKSHOP_KEY = "workshop"  # the workshop code in a join address (course/join.py)


@dataclass(frozen=True)
class PageRequest:
    in_voila: bool
    code: str  # the workbook code from the address, or ""
    workshop: str = ""  # a workshop code from the address (the QR code), to fill in; or ""


def current_request(environ=None) -> PageRequest:
    env = os.environ if environ is None else environ
    in_voila = env.get("SERVER_SOFTWARE", "").startswith("voila") or "VOILA_PREHEAT" in env
    query = env.get("QUERY_STRING", "")
    if in_voila and env.get("VOILA_PREHEAT") == "True" and environ is None:
        # A preheated kernel runs before the request exists: wait for it.
        from voila.utils import get_query_string

        query = get_query_string() or ""
    params = parse_qs(query)
    codes = params.get(QUERY_KEY, [""])
    workshop = " ".join(params.get(WORKSHOP_KEY, [""])[0].split())[:20]
    return PageRequest(in_voila=in_voila, code=codes[0].strip(), workshop=workshop)


def find_workbook(
    store: WorkbookStore,
    request: PageRequest,
    *,
    code: str = "",
    name: str = "",
    job_centre: str = "",
) -> tuple[Workbook | None, str]:
    """The page's workbook (or None) and a Danish message when something went wrong."""
    code = code or request.code
    try:
        if code:
            return store.open(code), ""
        if request.in_voila:
            return None, ""
        last = store.last()
        if name or job_centre:
            if last and (last.name, last.job_centre) == (name.strip(), job_centre.strip()):
                return last, ""
            workbook = store.create(name, job_centre)
            store.remember(workbook)
            return workbook, ""
        return last, ""
    except WorkbookError as e:
        return None, str(e)


def page_link(notebook: str, workbook: Workbook | None, request: PageRequest) -> str:
    """A relative link to another page that keeps the participant's workbook."""
    if workbook is not None and request.in_voila:
        return f"{quote(notebook)}?{QUERY_KEY}={quote(workbook.id)}"
    return quote(notebook)
