"""What every exercise shares: one safe-handler wrapper, saving to the workbook, status line."""

from __future__ import annotations

import base64
import functools
import html
import json
import logging
import os
import re
import sys
from datetime import datetime
from urllib.parse import quote

import ipywidgets as ipw

from course.content import Exercise as ExerciseDefinition
from course.workbook import Workbook, WorkbookError

MAX_ANSWER_CHARS = 200_000
FRIENDLY_ERROR = ("Der skete en fejl på siden. Det, du har skrevet, er ikke tabt. "
                  "Prøv igen, eller spørg kursuslederen.")

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


def esc(text) -> str:
    """Participant or content text as HTML text, never as markup."""
    return html.escape(str(text), quote=True)


def paragraphs(text: str) -> str:
    """Escaped text with its line breaks kept."""
    return "<br>".join(esc(line) for line in str(text).splitlines())


def blocks(text: str) -> str:
    """Escaped text as HTML paragraphs: a blank line starts a new one."""
    parts = [p for p in str(text).split("\n\n") if p.strip()]
    return "".join(f"<p>{paragraphs(p.strip())}</p>" for p in parts)


def safe(handler, report=None):
    """Run a widget callback; on failure log the detail and show a Danish message.

    An exception escaping a callback would send its traceback over the websocket to
    the browser, so every handler goes through here.
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


def message_html(text: str, tone: str = "info") -> str:
    return f'<div class="nk-msg nk-{tone}" role="status" aria-live="polite">{esc(text)}</div>'


def feedback_html(right: bool, verdict: str, explanation_html: str) -> str:
    """Immediate feedback on one answer: a mark and verdict (not colour alone), then why."""
    mark, tone = ("✔", "right") if right else ("✘", "wrong")
    return (f'<div class="nk-feedback nk-{tone}" role="status"><b>{mark} {esc(verdict)}</b> '
            f"{explanation_html}</div>")


def download_link(content: bytes, filename: str, mime: str, label: str) -> str:
    """A link that saves a file in any browser, in Voilà and in JupyterLab."""
    data = base64.b64encode(content).decode("ascii")
    return (f'<a class="nk-download" download="{esc(filename)}" '
            f'href="data:{mime};base64,{data}">⬇ {esc(label)}</a>')


def position(items: list, item) -> int | None:
    """Where ``item`` — the very object a row was drawn for — is in ``items`` now; None if gone.

    Row buttons act on the item they were drawn for, never on a position: a double click, or a
    click that arrives after the list has changed, must not hit a neighbouring item.
    """
    return next((i for i, x in enumerate(items) if x is item), None)


def picture_html(png: bytes, alt: str) -> str:
    """A PNG picture with a text alternative for screen readers."""
    data = base64.b64encode(png).decode("ascii")
    return f'<img class="nk-picture" alt="{esc(alt)}" src="data:image/png;base64,{data}">'


def grid_html(definition: ExerciseDefinition, cell) -> str:
    """The exercise's categories as a table laid out like its grid (e.g. Tomm's 2×2).

    ``cell(category)`` gives the HTML inside each cell.
    """
    grid = definition.grid
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in grid.columns)
    body = "".join(
        f'<tr><th scope="row">{esc(label)}</th>'
        + "".join(f"<td>{cell(definition.category(c))}</td>" for c in row) + "</tr>"
        for label, row in zip(grid.rows, grid.cells))
    return (f'<table class="nk-grid"><thead><tr><td></td>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def file_stem(name: str) -> str:
    """A safe file-name part from a participant's name (no paths, no odd signs)."""
    stem = re.sub(r"[^\w-]+", "-", name, flags=re.UNICODE).strip("-_")
    return stem[:60] or "deltager"


def row(children, *classes) -> ipw.HBox:
    """Controls side by side that wrap on narrow screens."""
    box = ipw.HBox(children)
    for c in ("nk-row",) + classes:
        box.add_class(c)
    return box
def button_row(*buttons) -> ipw.HBox:
    """Buttons side by side at their natural width (a VBox would stretch them)."""
    return row(list(buttons))


def labelled(widget, label: str):
    """A visible label above a control that screen readers also read."""
    widget.description = label
    widget.style.description_width = "initial"
    widget.add_class("nk-stacked")
    return widget


def prompt_box(prompt, height: str = "7.5em"):
    """A text box for a prompt; its questions (if any) are part of the visible label."""
    box = ipw.Textarea(placeholder=prompt.hint or "Skriv dine tanker her …",
                       layout=ipw.Layout(width="100%", height=height))
    labelled(box, prompt.text)
    if prompt.questions:
        # The browser sanitises the label to inline tags plus lists; all text is escaped here.
        box.description = (f"{esc(prompt.text)}<ul class='nk-questions'>"
                           + "".join(f"<li>{esc(q)}</li>" for q in prompt.questions) + "</ul>")
        box.description_allow_html = True
    return box


class Exercise(ipw.VBox):
    """An exercise from ``data/``: builds its controls, saves its value to the workbook.

    Subclasses implement ``_build()`` (children), ``value`` (a JSON value) and
    ``_restore(value)``. They call ``self._changed()`` after each user action.
    """

    def __init__(self, definition: ExerciseDefinition, workbook: Workbook | None = None, *,
                 href=None, session: str = ""):
        self.definition = definition
        # A link to another course page that keeps the participant (the page's own mechanism).
        self.href = href or quote
        self.session = session  # the id of the page's session, when shown on a course page
        self.workbook: Workbook | None = None
        self._restoring = False
        self._touched = False
        self.saved_listeners: list = []  # called after each save (e.g. the page's progress)
        self.status = ipw.HTML()
        header = ipw.HTML(
            f'<h3 class="nk-title">{esc(definition.title)}</h3>'
            + (f'<p class="nk-intro">{paragraphs(definition.intro)}</p>' if definition.intro else "")
            + (f'<div class="nk-case"><p class="nk-case-title">Casen</p>{blocks(definition.case)}</div>'
               if definition.case else "")
        )
        super().__init__([header, *self._sharing(), *self._build(), self.status])
        self.add_class("nk-exercise")
        self.bind(workbook)

    # --- for subclasses ---------------------------------------------------------
    def _build(self) -> list:
        raise NotImplementedError

    @property
    def value(self):
        raise NotImplementedError

    def _restore(self, value) -> None:
        raise NotImplementedError

    def _refresh(self) -> None:
        """Update feedback after the value changed (optional)."""

    # --- wiring -----------------------------------------------------------------
    def _on_change(self, widget, handler, names="value"):
        widget.observe(safe(handler, self._show_error), names=names)

    def _on_click(self, button, handler):
        button.on_click(safe(handler, self._show_error))

    def _show_error(self, text: str) -> None:
        self.status.value = message_html(text, "error")

    # --- sharing with the room ----------------------------------------------------
    def _sharing(self) -> list:
        """For a shared exercise: a note that the room sees the answer, and »Del anonymt«."""
        self.share_note, self.anonymous, self.opt_in = ipw.HTML(), None, None
        if not self.definition.shared:
            return []
        children = [self.share_note]
        if self.definition.opt_in:
            self.opt_in = ipw.Checkbox(description="Del med rummet", value=False, indent=False)
            self._on_change(self.opt_in, self._opt_in_changed)
            children.append(self.opt_in)
        if self.definition.anonymous:
            self.anonymous = ipw.Checkbox(description="Del anonymt (uden mit navn)", indent=False)
            self._on_change(self.anonymous, self._anonymous_changed)
            children.append(self.anonymous)
        box = ipw.VBox(children)
        box.add_class("nk-share")
        return [box]

    def show_sharing(self) -> None:
        """Tell the participant whether and how the answer is shared (after join or bind)."""
        if not self.definition.shared:
            return
        workshop = self.workbook.workshop if self.workbook is not None else None
        if self.opt_in is not None and not self.opt_in.value:
            text = ("Du bestemmer selv, om dit svar deles med rummet. Sæt kryds i »Del med rummet«, "
                    "hvis kursuslederen må tælle det med i workshoppens samlede billede.")
            self.share_note.value = f'<p class="nk-share-note"><b>Deles ikke.</b> {esc(text)}</p>'
            return
        if workshop is None:
            text = ("Dit svar deles med rummet, når du er med i en workshop: Skriv workshopkoden "
                    "fra kursuslederen på startsiden. Indtil da gemmes det kun i din logbog.")
        else:
            how = ("uden dit navn" if self.anonymous is not None and self.anonymous.value
                   else "med dit navn")
            text = (f"Dit svar deles med rummet i workshoppen »{workshop.get('name', '')}«: "
                    f"Kursuslederen kan vise det på skærmen, {how}.")
            if self.anonymous is not None and not self.anonymous.value:
                text += " Sæt kryds i »Del anonymt«, hvis dit navn ikke skal vises."
        self.share_note.value = f'<p class="nk-share-note"><b>Deles med rummet.</b> {esc(text)}</p>'

    def _anonymous_changed(self, *_):
        if self._restoring or self.workbook is None:
            self.show_sharing()
            return
        self.workbook.set_anonymous(self.definition.id, self.anonymous.value)
        self.show_sharing()
        if self.workbook.answer(self.definition.id) is not None:
            self._save()  # replace the room's copy, now with or without the name

    def _opt_in_changed(self, *_):
        self.show_sharing()
        if self._restoring or self.workbook is None:
            return
        self.workbook.set_choice("share", self.definition.id, self.opt_in.value)
        workshop = self.workbook.workshop
        if self.opt_in.value:
            if self.workbook.answer(self.definition.id) is not None:
                self._save()  # share what is already written
        elif workshop is not None:
            from course.room import RoomStore

            RoomStore(self.workbook.path.parent).withdraw(workshop["code"], self.definition.id,
                                                          self.workbook.id)
            self.status.value = message_html("Dit svar er ikke længere delt med rummet.", "ok")

    def _share(self, value) -> str | None:
        """Record the answer in the room; None when not shared, else a Danish problem or ""."""
        workshop = self.workbook.workshop if self.definition.shared else None
        if workshop is None or (self.opt_in is not None and not self.opt_in.value):
            return None
        from course.room import RoomError, RoomStore

        anonymous = self.anonymous is not None and self.anonymous.value
        try:
            RoomStore(self.workbook.path.parent).record(
                workshop["code"], self.definition.id, self.workbook.id,
                None if anonymous else self.workbook.name, value)
        except RoomError as e:
            return str(e)
        except Exception:  # the room's database; the workbook save has already succeeded
            log.exception("Svaret på %s kunne ikke deles med rummet", self.definition.id)
            return "Rummets database svarer ikke lige nu."
        return ""

    # --- saving -------------------------------------------------------------------
    def bind(self, workbook: Workbook | None) -> None:
        """Attach to a workbook: restore its answer, or save what was typed before."""
        self.workbook = workbook
        if self.opt_in is not None and workbook is not None:
            if self.opt_in.value:  # ticked before signing in: keep the choice
                workbook.set_choice("share", self.definition.id, True)
            self._restoring = True
            try:
                self.opt_in.value = workbook.choice("share", self.definition.id)
            finally:
                self._restoring = False
        if self.anonymous is not None and workbook is not None:
            if self.anonymous.value:  # ticked before signing in: keep the choice
                workbook.set_anonymous(self.definition.id, True)
            self._restoring = True
            try:
                self.anonymous.value = workbook.shares_anonymously(self.definition.id)
            finally:
                self._restoring = False
        self.show_sharing()
        if workbook is None:
            self.status.value = message_html(
                "Skriv dit navn og jobcenter øverst på siden, så gemmes dine svar i din logbog.")
            return
        saved = workbook.answer(self.definition.id)
        if saved is not None and not self._touched:
            self._restoring = True
            try:
                self._restore(saved)
            finally:
                self._restoring = False
            self._refresh()
            stamp = workbook.saved_at(self.definition.id) or ""
            self.status.value = message_html(f"Dit svar er hentet fra din logbog{_when(stamp)}.", "ok")
        elif self._touched:
            self._save()
        else:
            self.status.value = ""

    def _changed(self, *_):
        if self._restoring:
            return
        self._touched = True
        self._refresh()
        self._save()

    def _save(self) -> None:
        if self.workbook is None:
            self.status.value = message_html(
                "Ikke gemt endnu: Skriv dit navn og jobcenter øverst på siden.", "warn")
            return
        value = self.value
        if len(json.dumps(value, ensure_ascii=False)) > MAX_ANSWER_CHARS:
            self.status.value = message_html(
                "Svaret er for langt til at blive gemt (over 200.000 tegn). Forkort teksten – "
                "den står stadig på siden.", "error")
            return
        try:
            stamp = self.workbook.save_answer(self.definition.id, value)
        except (OSError, WorkbookError) as e:
            log.error("Kunne ikke gemme %s: %s", self.definition.id, e)
            self.status.value = message_html(
                "Dit svar kunne ikke gemmes lige nu. Teksten står stadig på siden; "
                "prøv igen om lidt, eller hent din logbog som fil.", "error")
            return
        problem = self._share(value)
        if problem:
            self.status.value = message_html(
                f"Gemt i din logbog{_when(stamp)}, men ikke delt med rummet: {problem} "
                "Dit svar deles, næste gang du ændrer det.", "warn")
        else:
            shared = ("" if problem is None else " og delt med rummet"
                      + (" uden dit navn" if self.anonymous is not None and self.anonymous.value else ""))
            self.status.value = message_html(f"Gemt i din logbog{_when(stamp)}{shared}.", "ok")
        for listener in self.saved_listeners:
            safe(listener)()


def _when(stamp: str) -> str:
    try:
        return f" kl. {datetime.fromisoformat(stamp):%H.%M.%S}"
    except ValueError:
        return ""
