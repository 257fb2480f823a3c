"""What every exercise shares: its header, its value and save state as traits, saving to the
workbook, and the registry that finds the widget for an exercise's kind."""

from __future__ import annotations

import json
from urllib.parse import quote

import ipywidgets as ipw
import traitlets

from course import planning, timing
from course.content import Exercise as ExerciseDefinition
from course.document import Document
from course.kinds import KINDS, missing_widgets
from course.room import RoomStore
from course.workbook import Workbook, WorkbookError
from widgets.controls import button, field_input
from widgets.handlers import log, safe
from widgets.markup import (
    case_html,
    document_links,
    document_stem,
    esc,
    message_html,
    paragraphs,
    problems_html,
    ready_html,
)
from widgets.sharing import RoomSharing
from widgets.status import SaveState, status_html

MAX_ANSWER_CHARS = 200_000
NEEDS_WORKBOOK = "Skriv dit navn og jobcenter øverst på siden først."

WIDGETS: dict[str, type] = {}  # kind -> the widget class that shows it


def exercise_kind(name: str):
    """Register the decorated class as the widget for exercises of kind ``name``.

    The kind must have a spec in course/kinds.py; ``check_widgets`` (run when the widgets
    are imported) makes sure that every kind has its widget.
    """

    def register(cls):
        if name not in KINDS:
            raise LookupError(f"{cls.__name__}: kind '{name}' has no spec in course/kinds.py")
        if name in WIDGETS:
            raise LookupError(
                f"{cls.__name__}: kind '{name}' already has the widget {WIDGETS[name].__name__}"
            )
        WIDGETS[name] = cls
        return cls

    return register


def kind_class(kind: str) -> str:
    """The CSS class of an exercise's kind, in ASCII: »årshjul« -> »nk-ex-aarshjul«."""
    ascii_kind = kind.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return f"nk-ex-{ascii_kind}"


def check_widgets() -> None:
    problem = missing_widgets(WIDGETS)
    if problem:
        raise ImportError(problem)


class Exercise(ipw.VBox):
    """An exercise from ``data/``: builds its controls, saves its value to the workbook.

    Subclasses implement ``_build()`` (the children), ``_read()`` (the answer, a JSON value,
    from the controls) and ``_restore(value)``. They call ``self._changed()`` after each user
    action; the answer is then saved, and ``value`` and ``save_state`` follow.
    """

    value = traitlets.Any(None)  # the answer, set after it was saved (or restored)
    save_state = traitlets.UseEnum(SaveState, default_value=SaveState.NEW)
    saved_at = traitlets.Unicode("")  # the time stamp of the last save or restore
    share_problem = traitlets.Unicode("")  # with NOT_SHARED: why the room did not take it

    def __init__(
        self,
        definition: ExerciseDefinition,
        workbook: Workbook | None = None,
        *,
        room: RoomStore | None = None,
        content=None,
        href=None,
        session: str = "",
    ):
        self.definition = definition
        self.content = content  # the page's course content, for exercises that read others
        # A link to another course page that keeps the participant (the page's own mechanism).
        self.href = href or quote
        self.session = session  # the id of the page's session, when shown on a course page
        self.workbook: Workbook | None = None
        self.room = room  # the room's store, when the page has one
        self._restoring = False
        self._touched = False
        self.status = ipw.HTML()
        # Shared with the room only when the page gives the exercise the room's store.
        self.sharing = (
            RoomSharing(
                definition, room, self._sharing_choice, self._show_error, self._seen(definition)
            )
            if definition.shared and room is not None
            else None
        )
        meta = timing.meta_text(definition)  # »Øv mere efter kurset · 10 min. · I par«
        after = " nk-after-course" if definition.after_course else ""
        header = ipw.HTML(
            f'<h3 class="nk-title">{esc(definition.title)}</h3>'
            + (f'<p class="nk-meta{after}">{esc(meta)}</p>' if meta else "")
            + (
                f'<p class="nk-intro">{paragraphs(definition.intro)}</p>'
                if definition.intro
                else ""
            )
            + (case_html(definition.case) if definition.case else "")
        )
        sharing = [self.sharing] if self.sharing is not None else []
        results = [self.sharing.results] if self.sharing is not None else []
        super().__init__([header, *sharing, *self._build(), self.status, *results])
        self.add_class("nk-exercise")
        self.add_class(kind_class(definition.kind))  # which kind, for the page's tests and styles
        self.observe(self._show_status, names=["save_state", "saved_at", "share_problem"])
        self.value = self._read()
        self.bind(workbook)

    def _seen(self, definition: ExerciseDefinition) -> tuple[str, bool]:
        """What the course leader sees of this exercise's shared answer (see note_html)."""
        in_report = self.content is not None and any(
            s.exercise == definition.id for s in self.content.report
        )
        return KINDS[definition.kind].room.seen(definition, in_report)

    @property
    def touched(self) -> bool:
        """Whether the participant has changed the answer on this page."""
        return self._touched

    # --- for subclasses ---------------------------------------------------------
    def _build(self) -> list:
        raise NotImplementedError

    def _read(self):
        """The answer as the controls hold it now, as a JSON value."""
        raise NotImplementedError

    def _restore(self, value) -> None:
        raise NotImplementedError

    def _refresh(self) -> None:
        """Update feedback after the value changed (optional)."""

    # --- wiring -----------------------------------------------------------------
    def _on_change(self, widget, handler, names="value"):
        widget.observe(safe(handler, self._show_error), names=names)

    def _on_click(self, control, handler):
        control.on_click(safe(handler, self._show_error))

    def _button(self, description: str, icon: str, tooltip: str, handler, *classes, **options):
        """A button (see widgets.controls.button) whose clicks run ``handler`` safely."""
        control = button(description, icon, tooltip, *classes, **options)
        self._on_click(control, handler)
        return control

    def _show_error(self, _text: str) -> None:
        self._set_state(SaveState.ERROR)

    def _form(self, fields) -> tuple[dict, list]:
        """A form of fields from data/: the controls by field id, each change saved, and the
        children to show (the controls, and the help of fields that have no placeholder)."""
        controls, children = {}, []
        for f in fields:
            controls[f.id] = field_input(f)
            self._on_change(controls[f.id], self._changed)
            children.append(controls[f.id])
            if f.help and f.type not in ("tekst", "langtekst"):
                children.append(ipw.HTML(f'<p class="nk-help">{esc(f.help)}</p>'))
        return controls, children

    def _move_buttons(self, what: str, first: bool, last: bool, move, *classes):
        """»Op« and »Ned« for a row of a list, ``what`` named in their tooltips; ``move(step)``
        moves the row (-1 up, +1 down). Styled »nk-small« unless ``classes`` are given."""
        classes = classes or ("nk-small",)
        return (
            self._button(
                "Op", "arrow-up", f"Flyt {what} op", lambda _: move(-1), *classes, disabled=first
            ),
            self._button(
                "Ned", "arrow-down", f"Flyt {what} ned", lambda _: move(+1), *classes, disabled=last
            ),
        )

    def _remove_button(self, tooltip: str, remove) -> ipw.Button:
        """»Fjern« for a row of a list; ``remove`` runs on its click."""
        return self._button("Fjern", "trash", tooltip, remove, "nk-small")

    def _make_button(
        self,
        description: str = "Lav dokumentet",
        tooltip: str = "Tjek planen og lav den som Word-fil og tekstfil",
        icon: str = "file-text",
    ) -> ipw.Button:
        """The button that makes the exercise's document (its ``_make``)."""
        return self._button(description, icon, tooltip, self._make)

    def _needs_workbook(self, view: ipw.HTML) -> bool:
        """Say in ``view`` that a document needs the participant's name first; True if so."""
        if self.workbook is None:
            view.value = message_html(NEEDS_WORKBOOK, "warn")
        return self.workbook is None

    def _not_ready(
        self, view: ipw.HTML, problems: list[str], title: str = "Planen er ikke færdig endnu:"
    ) -> bool:
        """Show in ``view`` why a document cannot be made yet (problems, no workbook); True if
        so."""
        if problems:
            view.value = problems_html(problems, title)
            return True
        return self._needs_workbook(view)

    def _document(self, sections: list) -> Document:
        """A document of the participant's own, titled by the exercise."""
        d = self.definition
        return Document(
            title=d.document_title or d.title,
            meta=planning.document_meta(self.workbook.name, self.workbook.job_centre),
            sections=sections,
        )

    def _offer(
        self,
        view: ipw.HTML,
        doc: Document,
        message: str = "Dokumentet er klar.",
        word_label: str = "Hent som Word",
        after: str = "",
    ) -> None:
        """Show in ``view`` that the document is made, with its downloads (Word, Markdown)."""
        d = self.definition
        stem = document_stem(d.document_title or d.title, self.workbook.name)
        view.value = ready_html(message, document_links(doc, stem, word_label)) + after

    # --- the save state -----------------------------------------------------------
    def _set_state(self, state: SaveState, saved_at: str = "", problem: str = "") -> None:
        with self.hold_trait_notifications():
            self.save_state, self.saved_at, self.share_problem = state, saved_at, problem

    def _show_status(self, _change=None) -> None:
        self.status.value = status_html(self.save_state, self.saved_at, self.share_problem)

    # --- sharing with the room ----------------------------------------------------
    def show_sharing(self, shared: tuple[SaveState, str] | None = None) -> None:
        """Tell the participant whether and how the answer is shared (after joining);
        ``shared`` is how the saved answer was just shared with the room, if it was."""
        if self.sharing is None:
            return
        self.sharing.show()
        if shared is not None and self.workbook is not None:
            state, problem = shared
            self.sharing.pending = state is SaveState.CLOSED  # shared when it is reopened
            self._set_state(state, self.workbook.saved_at(self.definition.id) or "", problem)

    def _sharing_choice(self, withdrawn: bool) -> None:
        if withdrawn:
            self._set_state(SaveState.WITHDRAWN)
        else:
            self._save()  # the room gets the answer again, with or without the name

    # --- saving -------------------------------------------------------------------
    def bind(self, workbook: Workbook | None) -> None:
        """Attach to a workbook: restore its answer, or save what was typed before."""
        self.workbook = workbook
        if self.sharing is not None:
            self.sharing.bind(workbook)
        if workbook is None:
            self._set_state(SaveState.NOT_SIGNED_IN)
            return
        saved = workbook.answer(self.definition.id)
        if saved is not None and not self._touched:
            self._restoring = True
            try:
                self._restore(saved)
            finally:
                self._restoring = False
            self._refresh()
            self._set_state(SaveState.RESTORED, workbook.saved_at(self.definition.id) or "")
            self.value = self._read()
        elif self._touched:
            self._save()
        else:
            self._set_state(SaveState.NEW)

    def _changed(self, *_):
        if self._restoring:
            return
        self._touched = True
        # Save first: feedback a participant sees is never ahead of the logbog (a page reloaded
        # right after »Planen er udfyldt« ends its kernel, maybe in the middle of a handler).
        self._save()
        self._refresh()

    def _save(self) -> None:
        value = self._read()
        self._set_state(*self._store(value))
        self.value = value  # last: whoever observes the value finds it in the workbook

    def _store(self, value) -> tuple[SaveState, str, str]:
        """Save to the workbook and share with the room: (state, time stamp, problem)."""
        if self.workbook is None:
            return SaveState.NOT_SAVED, "", ""
        if len(json.dumps(value, ensure_ascii=False)) > MAX_ANSWER_CHARS:
            return SaveState.TOO_LONG, "", ""
        try:
            stamp = self.workbook.save_answer(self.definition.id, value)
        except (OSError, WorkbookError) as e:
            log.error("Kunne ikke gemme %s: %s", self.definition.id, e)
            return SaveState.FAILED, "", ""
        if self.sharing is None:
            return SaveState.SAVED, stamp, ""
        state, problem = self.sharing.share(value)
        return state, stamp, problem
