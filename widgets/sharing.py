"""Sharing one exercise's answer with the room: the note, »Del med rummet« and »Del anonymt«."""

from __future__ import annotations

import enum

import ipywidgets as ipw
import traitlets

from course.room import ClosedError, ExerciseState, RoomError, RoomStore
from course.summary import summarise
from widgets.handlers import log, safe
from widgets.markup import esc
from widgets.room_results import results_html
from widgets.status import SaveState
from widgets.ticker import Ticker

WATCH_MS = 5000  # how often a page asks whether the facilitator opened, closed or revealed
WATCH_MINUTES = 45  # a page watches this long after it opened or the participant last acted


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
    paced: ExerciseState | None = None,
) -> str:
    """What the participant reads about the sharing, above the exercise.

    ``seen`` is what the course leader sees of the answer, by its kind (``Room.seen`` in
    course/kinds.py), and whether any of it is shown with the participant's name; ``paced`` is
    how the facilitator paces the exercise in the workshop (closed, results revealed).
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
        text += " Når kursuslederen viser rummets svar, ser du dem også her – uden navne."
    note = f'<p class="nk-share-note"><b>Deles med rummet.</b> {esc(text)}</p>'
    if paced is not None and not paced.open and state in (Sharing.NAMED, Sharing.ANONYMOUS):
        closed = (
            "Kursuslederen har lukket for svar på denne øvelse. Du kan stadig skrive: Det gemmes "
            "i din logbog, og det deles af sig selv, hvis kursuslederen åbner igen."
        )
        note += (
            f'<p class="nk-share-note nk-share-closed" role="status"><b>Lukket for svar.</b> '
            f"{esc(closed)}</p>"
        )
    return note


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
    except ClosedError:
        return SaveState.CLOSED, ""
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
        self.paced = ExerciseState()  # as the facilitator paces the exercise, last we looked
        self.pending = False  # an answer the room refused while closed: shared when reopened
        self._seen: tuple | None = None  # the room's fingerprint of the exercise, last we looked
        self.results = ipw.HTML()  # the room's results, shown under the exercise once revealed
        self.results.add_class("nk-room-results")
        # The browser counts; each count asks the room whether anything changed. It stops
        # after WATCH_MINUTES so an idle page can be culled (widgets/ticker.py).
        self.ticker = Ticker(WATCH_MS, WATCH_MINUTES, "Rummets status")
        self.ticker.observe(safe(self._tick, report), names="value")
        self.note = ipw.HTML()
        self.opt_in = self.anonymous = None
        if definition.opt_in:
            self.opt_in = ipw.Checkbox(description="Del med rummet", value=False, indent=False)
            self.opt_in.observe(safe(self._opt_in_changed, report), names="value")
        if definition.anonymous:
            self.anonymous = ipw.Checkbox(description="Del anonymt (uden mit navn)", indent=False)
            self.anonymous.observe(safe(self._anonymous_changed, report), names="value")
        super().__init__(
            [
                self.note,
                *(c for c in (self.opt_in, self.anonymous) if c is not None),
                self.ticker,
            ]
        )
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

    @property
    def workshop_code(self) -> str:
        workshop = self.workbook.workshop if self.workbook is not None else None
        return workshop["code"] if workshop else ""

    def show(self) -> None:
        """Say how the answer is shared now (after signing in, joining, or a choice), and
        follow the facilitator's pacing from now on."""
        if self.workshop_code:
            self.look()
            self.watch()
        self._show_note()

    def watch(self) -> None:
        """(Re)start watching the room: after the page opens and after each answer."""
        if self.workshop_code:
            self.ticker.start()

    def _tick(self, _change) -> None:
        if not self.workshop_code:
            self.ticker.playing = False
            return
        self.look()

    def look(self) -> None:
        """Ask the room whether the facilitator opened, closed, revealed or hid something, or
        new answers came; follow it on the page."""
        code = self.workshop_code
        try:
            seen = self.room.exercise_fingerprint(code, self.definition.id)
            if seen == self._seen:
                return
            paced = self.room.state(code, self.definition.id)
            answers = self.room.answers(code, self.definition.id) if paced.revealed else None
        except Exception:
            log.exception("Rummets status for %s kunne ikke hentes", self.definition.id)
            return  # the next look tries again; the page goes on as before
        reopened = not self.paced.open and paced.open
        self._seen, self.paced = seen, paced
        self._show_note()
        self.results.value = (
            results_html(summarise(self.definition, answers)) if answers is not None else ""
        )
        written = self.workbook.answer(self.definition.id) if self.workbook is not None else None
        if reopened and self.pending and written is not None:
            self.on_choice(withdrawn=False)  # share what was written while it was closed

    def _show_note(self) -> None:
        workshop = self.workbook.workshop if self.workbook is not None else None
        if not self.chosen:
            self.state = Sharing.NOT_CHOSEN
        elif workshop is None:
            self.state = Sharing.NO_WORKSHOP
        else:
            self.state = Sharing.ANONYMOUS if self.without_name else Sharing.NAMED
        self.note.value = note_html(
            self.state,
            (workshop or {}).get("name", ""),
            self.anonymous is not None,
            self.seen,
            self.paced if workshop else None,
        )

    def share(self, value) -> tuple[SaveState, str]:
        """Record a just-saved answer in the room: the save state, and a problem in Danish."""
        if self.workbook.workshop is None or not self.chosen:
            return SaveState.SAVED, ""
        state, problem = record(self.room, self.definition, self.workbook, value, self.without_name)
        if state is SaveState.NOT_SHARED:
            return state, problem
        # Refused while the course leader has closed the exercise: shared when it reopens.
        self.pending = state is SaveState.CLOSED
        if self.pending:
            self.paced = ExerciseState(open=False, revealed=self.paced.revealed)
            self._show_note()
        self.watch()
        return state, problem

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
