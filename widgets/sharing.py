"""Sharing one exercise's answer with the room: the note, »Del med rummet« and »Del anonymt«."""

from __future__ import annotations

import enum

import ipywidgets as ipw
import traitlets

from course.room import RoomError, RoomStore
from widgets.handlers import log, safe
from widgets.markup import esc
from widgets.status import SaveState


class Sharing(enum.Enum):
    """How a shared exercise's answer reaches the room right now: ``RoomSharing.state``."""

    NOT_CHOSEN = "not chosen"  # opt_in: the participant has not ticked »Del med rummet«
    NO_WORKSHOP = "no workshop"  # shared once the participant joins a workshop
    NAMED = "named"  # shared with the participant's name
    ANONYMOUS = "anonymous"  # shared without the name


def note_html(
    state: Sharing,
    workshop: str = "",
    can_be_anonymous: bool = False,
    seen: tuple[str, bool] = ("", True),
) -> str:
    """What the participant reads about the sharing, above the exercise.

    ``seen`` is what the course leader sees of the answer, by its kind (``Room.seen`` in
    course/kinds.py), and whether any of it is shown with the participant's name.
    """
    sees, named = seen
    after = f" {sees}." if sees else ""
    if state is Sharing.NOT_CHOSEN:
        text = (
            "Du bestemmer selv, om dit svar deles med rummet. Sæt kryds i »Del med rummet«, "
            "hvis kursuslederen må tælle det med i workshoppens samlede billede." + after
        )
        return f'<p class="nk-share-note"><b>Deles ikke.</b> {esc(text)}</p>'
    if state is Sharing.NO_WORKSHOP:
        text = (
            "Dit svar deles med rummet, når du er med i en workshop: Skriv workshopkoden "
            "fra kursuslederen på startsiden. Så deles også det, du allerede har skrevet. "
            "Indtil da gemmes det kun i din logbog." + after
        )
    else:
        how = "uden dit navn" if state is Sharing.ANONYMOUS else "med dit navn"
        if sees:
            text = f"Dit svar deles med rummet i workshoppen »{workshop}«. {sees}" + (
                f", {how}." if named else "."
            )
        else:
            text = (
                f"Dit svar deles med rummet i workshoppen »{workshop}«: kursuslederen kan vise "
                f"det på skærmen, {how}."
            )
        if state is Sharing.NAMED and can_be_anonymous and named:
            text += " Sæt kryds i »Del anonymt«, hvis dit navn ikke skal vises."
    return f'<p class="nk-share-note"><b>Deles med rummet.</b> {esc(text)}</p>'


def record(room: RoomStore, definition, workbook, value, anonymous: bool) -> tuple[SaveState, str]:
    """Record one saved answer in the room of the workbook's workshop: the save state, and a
    problem in Danish when the room could not take it."""
    try:
        room.record(
            workbook.workshop["code"],
            definition.id,
            workbook.id,
            None if anonymous else workbook.name,
            value,
        )
    except RoomError as e:
        return SaveState.NOT_SHARED, str(e)
    except Exception:  # the room's database; the workbook save has already succeeded
        log.exception("Svaret på %s kunne ikke deles med rummet", definition.id)
        return SaveState.NOT_SHARED, "Rummets database svarer ikke lige nu."
    return (SaveState.SHARED_ANONYMOUSLY if anonymous else SaveState.SHARED), ""


def share_saved_answers(room: RoomStore, workbook, definitions) -> dict[str, tuple[SaveState, str]]:
    """On joining a workshop: share the answers already saved to shared exercises, as each
    exercise shares a new answer – an opt-in answer only when the participant chose to share
    it, without the name when they chose to share anonymously. By exercise id: (state,
    problem)."""
    if workbook.workshop is None:
        return {}
    shared = {}
    for d in definitions:
        value = workbook.answer(d.id)
        if not d.shared or value is None or (d.opt_in and not workbook.choice("share", d.id)):
            continue
        anonymous = d.anonymous and workbook.shares_anonymously(d.id)
        shared[d.id] = record(room, d, workbook, value, anonymous)
    return shared


class RoomSharing(ipw.VBox):
    """The room's side of one shared exercise, given the room's store by the page.

    The exercise calls ``share(value)`` after each save of its answer. A choice the participant
    makes here is kept in the workbook and reported through ``on_choice(withdrawn)``: the
    exercise then saves (and so shares) its answer again, or shows that it was withdrawn.
    ``report(text)`` shows a handler's failure.
    """

    state = traitlets.UseEnum(Sharing, default_value=Sharing.NO_WORKSHOP)

    def __init__(self, definition, room: RoomStore, on_choice, report=None, seen=("", True)):
        self.definition, self.room, self.on_choice = definition, room, on_choice
        self.seen = seen  # what the course leader sees of the answer (see note_html)
        self.workbook = None
        self._restoring = False
        self.note = ipw.HTML()
        self.opt_in = self.anonymous = None
        if definition.opt_in:
            self.opt_in = ipw.Checkbox(description="Del med rummet", value=False, indent=False)
            self.opt_in.observe(safe(self._opt_in_changed, report), names="value")
        if definition.anonymous:
            self.anonymous = ipw.Checkbox(description="Del anonymt (uden mit navn)", indent=False)
            self.anonymous.observe(safe(self._anonymous_changed, report), names="value")
        super().__init__([self.note, *(c for c in (self.opt_in, self.anonymous) if c is not None)])
        self.add_class("nk-share")
        self.show()

    @property
    def chosen(self) -> bool:
        """Whether the participant lets the answer be shared (always, unless it is opt-in)."""
        return self.opt_in is None or self.opt_in.value

    @property
    def without_name(self) -> bool:
        return self.anonymous is not None and self.anonymous.value

    def bind(self, workbook) -> None:
        """Take the choices from the workbook; a choice ticked before signing in is kept."""
        self.workbook = workbook
        if workbook is not None:
            exercise_id = self.definition.id
            self._restoring = True
            try:
                if self.opt_in is not None:
                    if self.opt_in.value:
                        workbook.set_choice("share", exercise_id, True)
                    self.opt_in.value = workbook.choice("share", exercise_id)
                if self.anonymous is not None:
                    if self.anonymous.value:
                        workbook.set_anonymous(exercise_id, True)
                    self.anonymous.value = workbook.shares_anonymously(exercise_id)
            finally:
                self._restoring = False
        self.show()

    def show(self) -> None:
        """Say how the answer is shared now (after signing in, joining, or a choice)."""
        workshop = self.workbook.workshop if self.workbook is not None else None
        if not self.chosen:
            self.state = Sharing.NOT_CHOSEN
        elif workshop is None:
            self.state = Sharing.NO_WORKSHOP
        else:
            self.state = Sharing.ANONYMOUS if self.without_name else Sharing.NAMED
        self.note.value = note_html(
            self.state, (workshop or {}).get("name", ""), self.anonymous is not None, self.seen
        )

    def share(self, value) -> tuple[SaveState, str]:
        """Record a just-saved answer in the room: the save state, and a problem in Danish."""
        if self.workbook.workshop is None or not self.chosen:
            return SaveState.SAVED, ""
        return record(self.room, self.definition, self.workbook, value, self.without_name)

    def _anonymous_changed(self, _change) -> None:
        self.show()
        if self._restoring or self.workbook is None:
            return
        self.workbook.set_anonymous(self.definition.id, self.anonymous.value)
        if self.workbook.answer(self.definition.id) is not None:
            self.on_choice(withdrawn=False)  # replace the room's copy, now with or without the name

    def _opt_in_changed(self, _change) -> None:
        self.show()
        if self._restoring or self.workbook is None:
            return
        self.workbook.set_choice("share", self.definition.id, self.opt_in.value)
        workshop = self.workbook.workshop
        if self.opt_in.value:
            if self.workbook.answer(self.definition.id) is not None:
                self.on_choice(withdrawn=False)  # share what is already written
        elif workshop is not None:
            self.room.withdraw(workshop["code"], self.definition.id, self.workbook.id)
            self.on_choice(withdrawn=True)
