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


def note_html(state: Sharing, workshop: str = "", can_be_anonymous: bool = False) -> str:
    """What the participant reads about the sharing, above the exercise."""
    if state is Sharing.NOT_CHOSEN:
        text = (
            "Du bestemmer selv, om dit svar deles med rummet. Sæt kryds i »Del med rummet«, "
            "hvis kursuslederen må tælle det med i workshoppens samlede billede."
        )
        return f'<p class="nk-share-note"><b>Deles ikke.</b> {esc(text)}</p>'
    if state is Sharing.NO_WORKSHOP:
        text = (
            "Dit svar deles med rummet, når du er med i en workshop: Skriv workshopkoden "
            "fra kursuslederen på startsiden. Indtil da gemmes det kun i din logbog."
        )
    else:
        how = "uden dit navn" if state is Sharing.ANONYMOUS else "med dit navn"
        text = (
            f"Dit svar deles med rummet i workshoppen »{workshop}«: kursuslederen kan vise det "
            f"på skærmen, {how}."
        )
        if state is Sharing.NAMED and can_be_anonymous:
            text += " Sæt kryds i »Del anonymt«, hvis dit navn ikke skal vises."
    return f'<p class="nk-share-note"><b>Deles med rummet.</b> {esc(text)}</p>'


class RoomSharing(ipw.VBox):
    """The room's side of one shared exercise, given the room's store by the page.

    The exercise calls ``share(value)`` after each save of its answer. A choice the participant
    makes here is kept in the workbook and reported through ``on_choice(withdrawn)``: the
    exercise then saves (and so shares) its answer again, or shows that it was withdrawn.
    ``report(text)`` shows a handler's failure.
    """

    state = traitlets.UseEnum(Sharing, default_value=Sharing.NO_WORKSHOP)

    def __init__(self, definition, room: RoomStore, on_choice, report=None):
        self.definition, self.room, self.on_choice = definition, room, on_choice
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
            self.state, (workshop or {}).get("name", ""), self.anonymous is not None
        )

    def share(self, value) -> tuple[SaveState, str]:
        """Record a just-saved answer in the room: the save state, and a problem in Danish."""
        workshop = self.workbook.workshop
        if workshop is None or not self.chosen:
            return SaveState.SAVED, ""
        try:
            self.room.record(
                workshop["code"],
                self.definition.id,
                self.workbook.id,
                None if self.without_name else self.workbook.name,
                value,
            )
        except RoomError as e:
            return SaveState.NOT_SHARED, str(e)
        except Exception:  # the room's database; the workbook save has already succeeded
            log.exception("Svaret på %s kunne ikke deles med rummet", self.definition.id)
            return SaveState.NOT_SHARED, "Rummets database svarer ikke lige nu."
        return (SaveState.SHARED_ANONYMOUSLY if self.without_name else SaveState.SHARED), ""

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
