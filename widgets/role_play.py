"""rollespil: sparring in trios – your role in each round, the round's case card, a timer per
round and the observer's sheet, kept in the logbog (see course/role_play.py).

The timer never blocks the kernel and uses no thread: a hidden ``ipywidgets.Play`` in the
browser ticks once a second while a round runs, and each tick asks ``GroupTimer`` how much time
is left by the kernel's monotonic clock (as widgets/dialogue_board.py does). Tests replace
``clock`` and send ticks by hand.
"""

from __future__ import annotations

import time

import ipywidgets as ipw

from course import role_play
from course.timer import GroupTimer
from widgets.base import Exercise, exercise_kind
from widgets.controls import button, labelled, row, text_area, tick_source
from widgets.handlers import safe
from widgets.markup import blocks, esc

TICK_MS = 1000


def seats_html(play, round_index: int, person: str = "") -> str:
    """Who has which role in a round, with each role's task; ``person`` is marked »dig«.
    A list, not a table, so it reads on a phone as on a projector."""
    items = []
    for seat, role in zip(role_play.seats(play, round_index), play.roles):
        you = seat.person == person
        mark = ' class="nk-you"' if you else ""
        who = f"Person {seat.person}" + (" (dig)" if you else "")
        items.append(
            f"<li{mark}><span class='nk-seat-role'>{esc(role.title)}:</span> "
            f"<span class='nk-seat-who'>{who}</span><br>{esc(role.task)}</li>"
        )
    return (
        f'<p class="nk-part">Runde {round_index + 1} af {len(play.rounds)}: roller</p>'
        f'<ul class="nk-seats">{"".join(items)}</ul>'
    )


def case_card_html(play, round_index: int) -> str:
    rnd = play.rounds[round_index]
    return (
        f'<div class="nk-case nk-case-card"><p class="nk-case-title">Casekort til runde '
        f"{round_index + 1}: {esc(rnd.title)}</p>{blocks(rnd.case)}</div>"
    )


def looks_html(look) -> str:
    """The heading of one part of the observation sheet, with what each option sounds like."""
    legend = "".join(
        f"<li><b>{esc(o.title)}:</b> {esc(o.description)}</li>" if o.description else ""
        for o in look.options
    )
    return f'<p class="nk-part">{esc(look.title)}</p>' + (
        f'<ul class="nk-look-legend">{legend}</ul>' if legend else ""
    )


@exercise_kind("rollespil")
class TrioRolePlay(Exercise):
    def _build(self):
        play = self.definition.role_play
        self.clock = time.monotonic
        self._loading = False
        self.sheets: dict[str, dict] = {}
        self.timer = GroupTimer(play.round_minutes, clock=lambda: self.clock())
        self.person = labelled(
            ipw.ToggleButtons(
                options=[(f"Person {p}", p) for p in role_play.PERSONS],
                index=None,
                tooltips=[f"Jeg er person {p} i trioen" for p in role_play.PERSONS],
                style={"button_width": "auto"},
            ),
            "Dit bogstav i trioen",
        )
        self.round = labelled(
            ipw.ToggleButtons(
                options=[(f"Runde {n}", r.id) for n, r in enumerate(play.rounds, start=1)],
                value=play.rounds[0].id,
                tooltips=[f"Vis runde {n}" for n in range(1, len(play.rounds) + 1)],
                style={"button_width": "auto"},
            ),
            "Runde",
        )
        self.you = ipw.HTML()
        self.round_view = ipw.HTML()
        self.clock_view = ipw.HTML()
        self.start_button = self._button(
            "Start runden", "play", "Start nedtællingen for runden", self._start
        )
        self.pause_button = self._button("Pause", "pause", "Sæt nedtællingen på pause", self._pause)
        self.reset_button = self._button(
            "Forfra", "undo", "Stil uret tilbage til rundens fulde tid", self._reset
        )
        self.ticker = tick_source(TICK_MS)
        stage = ipw.VBox(
            [
                self.clock_view,
                row([self.start_button, self.pause_button, self.reset_button], "nk-board-controls"),
            ]
        )
        stage.add_class("nk-board")
        stage.add_class("nk-trio-timer")
        self.sheet_head = ipw.HTML()
        self.sheet_head.add_class("nk-observation")
        self.ticks: dict[str, dict[str, ipw.Checkbox]] = {}
        sheet = [self.sheet_head]
        for look in play.observation:
            boxes = {
                o.id: ipw.Checkbox(description=o.title, value=False, indent=False)
                for o in look.options
            }
            for box in boxes.values():
                self._on_change(box, self._sheet_changed)
            self.ticks[look.id] = boxes
            sheet += [ipw.HTML(looks_html(look)), row(boxes.values(), "nk-ticks")]
        self.note = None
        if play.note:
            self.note = text_area(play.note, "Skriv kort – fx et spørgsmål, der åbnede samtalen …")
            self._on_change(self.note, self._sheet_changed)
            sheet.append(self.note)
        self._on_change(self.person, self._person_changed)
        self._on_change(self.round, self._round_changed)
        self._on_change(self.ticker, self._tick)
        self._render()
        return [self.person, self.round, self.you, self.round_view, stage, self.ticker, *sheet]

    # --- state ------------------------------------------------------------------------
    @property
    def round_index(self) -> int:
        ids = [r.id for r in self.definition.role_play.rounds]
        return ids.index(self.round.value) if self.round.value in ids else 0

    def _read(self) -> dict:
        self._keep_sheet()
        play = self.definition.role_play
        sheets = {
            r.id: s
            for r in play.rounds
            if role_play.sheet_filled(
                play, s := role_play.sheet(play, {"sheets": self.sheets}, r.id)
            )
        }
        return {"person": self.person.value or "", "round": self.round.value, "sheets": sheets}

    def _restore(self, value) -> None:
        play = self.definition.role_play
        value = value if isinstance(value, dict) else {}
        self.sheets = {r.id: role_play.sheet(play, value, r.id) for r in play.rounds}
        self._loading = True
        try:
            person = value.get("person")
            self.person.value = person if person in role_play.PERSONS else None
            ids = [r.id for r in play.rounds]
            self.round.value = value.get("round") if value.get("round") in ids else ids[0]
        finally:
            self._loading = False
        self._new_round()

    # --- the participant's choices ---------------------------------------------------
    def _person_changed(self, _change) -> None:
        self._render()
        if not self._loading:
            self._changed()

    def _round_changed(self, _change) -> None:
        self._new_round()
        if not self._loading:
            self._changed()

    def _sheet_changed(self, _change) -> None:
        if self._loading:
            return
        self._keep_sheet()
        self._changed()

    def _keep_sheet(self) -> None:
        """The controls' ticks and note into ``sheets`` (for the round on screen)."""
        if self._loading:
            return
        one = {
            look: [o for o, box in boxes.items() if box.value] for look, boxes in self.ticks.items()
        }
        one[role_play.NOTE] = self.note.value if self.note is not None else ""
        self.sheets[self.round.value] = one

    def _new_round(self) -> None:
        """Show the chosen round: its seats and card, its sheet, and a timer at full time."""
        play = self.definition.role_play
        one = role_play.sheet(play, {"sheets": self.sheets}, self.round.value)
        self._loading = True
        try:
            for look, boxes in self.ticks.items():
                for option, box in boxes.items():
                    box.value = option in one[look]
            if self.note is not None:
                self.note.value = one[role_play.NOTE]
        finally:
            self._loading = False
        self.timer.reset()
        self._sync_ticker()
        self._render()

    # --- the timer ----------------------------------------------------------------------
    def _start(self, *_):
        if self.timer.finished:
            self.timer.reset()
        self.timer.start()
        self._sync_ticker()
        self._render_clock()

    def _pause(self, *_):
        self.timer.pause()
        self._sync_ticker()
        self._render_clock()

    def _reset(self, *_):
        self.timer.reset()
        self._sync_ticker()
        self._render_clock()

    def _sync_ticker(self) -> None:
        self.ticker.playing = self.timer.running

    def _tick(self, *_):
        if not self.timer.running:
            self._sync_ticker()
        self._render_clock()

    # --- views --------------------------------------------------------------------------
    def _render(self) -> None:
        play = self.definition.role_play
        i = self.round_index
        person = self.person.value or ""
        observer = role_play.observer(play, i)
        if person:
            role = play.roles[role_play.role_index(role_play.person_index(person), i)]
            self.you.value = (
                f'<p class="nk-your-role" role="status">I runde {i + 1} er du '
                f"<b>{esc(role.title.lower())}</b>.</p>"
            )
        else:
            self.you.value = (
                '<p class="nk-help">Vælg dit bogstav i trioen, så viser siden din rolle i hver '
                "runde.</p>"
            )
        self.round_view.value = seats_html(play, i, person) + case_card_html(play, i)
        mine = " – det er dig i denne runde" if person == observer else ""
        self.sheet_head.value = (
            f'<h4 class="nk-group">Observationsark for runde {i + 1}</h4>'
            f'<p class="nk-help">Udfyldes af observatøren (person {esc(observer)}{mine}). '
            "Sæt kryds ved det, du hørte.</p>"
        )
        self._render_clock()

    def _render_clock(self) -> None:
        play = self.definition.role_play
        t = self.timer
        left = t.remaining()
        feedback = play.feedback_minutes * 60
        later = (
            f" De sidste {play.feedback_minutes} minutter giver observatøren feedback."
            if feedback
            else ""
        )
        if t.finished:
            note, tone = "Tiden er gået – skift roller, og gå videre til næste runde.", " nk-up"
        elif t.running and feedback and left <= feedback:
            note, tone = "Observatørens feedback: Begynd med det, der virkede.", " nk-low"
        elif t.running:
            note, tone = "Sparringen er i gang." + later, ""
        elif left == t.duration:
            note, tone = f"Klar – runden tager {play.round_minutes} minutter." + later, ""
        else:
            note, tone = "Uret står stille.", ""
        self.start_button.disabled = t.running
        self.pause_button.disabled = not t.running
        self.reset_button.disabled = left == t.duration and not t.running
        self.clock_view.value = (
            f'<div class="nk-board-label">Runde {self.round_index + 1}</div>'
            f'<div class="nk-board-timer{tone}" role="timer" aria-label="Tid tilbage i runden: '
            f'{t.display()}">{t.display()}</div>'
            f'<div class="nk-board-note" role="status">{esc(note)}</div>'
        )


# --- on the course leader's timer -----------------------------------------------------------


def tally_html(exercise, tallies: list[role_play.RoundTally]) -> str:
    """The room's shared observation sheets counted: per option, how many observers heard it
    in each round (never their notes)."""
    play = exercise.role_play
    if not any(t.sheets for t in tallies):
        return (
            '<p class="nk-help">Ingen observationsark endnu. Arkene tælles her, når '
            "observatørerne har sat kryds (deltagere, der er med i workshoppen).</p>"
        )
    head = "".join(
        f"<th scope='col'>Runde {n}<br><span class='nk-sheets'>{t.sheets} ark</span></th>"
        for n, t in enumerate(tallies, start=1)
    )
    body = ""
    for look in play.observation:
        body += f"<tr class='nk-look-row'><th scope='rowgroup' colspan='{len(tallies) + 1}'>"
        body += f"{esc(look.title)}</th></tr>"
        for option in look.options:
            cells = "".join(
                f"<td>{t.counts[look.id][option.id]} af {t.sheets}</td>"
                if t.sheets
                else "<td>–</td>"
                for t in tallies
            )
            body += f"<tr><th scope='row'>{esc(option.title)}</th>{cells}</tr>"
    return (
        '<table class="nk-table nk-tally"><caption>Det hørte observatørerne i rummet</caption>'
        f"<thead><tr><td></td>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def round_html(exercise, round_index: int) -> str:
    """One round for the whole room: who has which role, the case card and what the observer
    listens for."""
    play = exercise.role_play
    sheet = "".join(
        f"<li><b>{esc(look.title)}</b> " + ", ".join(esc(o.title) for o in look.options) + "</li>"
        for look in play.observation
    )
    return (
        seats_html(play, round_index)
        + case_card_html(play, round_index)
        + f'<p class="nk-part">Observatøren lytter efter</p><ul>{sheet}</ul>'
    )


class TrioTimerPanel(ipw.VBox):
    """»Sparring i trioer« on the course leader's timer: a button per round sets the timer to
    the round's minutes and shows the round; the room's observation sheets are counted on
    demand. ``workshop()`` gives the chosen workshop (or None), ``set_timer(minutes)`` sets the
    timer, and ``report(text)`` shows a handler's failure."""

    def __init__(self, exercise, room, workshop, set_timer, report=None):
        self.exercise, self.room, self.workshop = exercise, room, workshop
        play = exercise.role_play
        self.view = ipw.HTML()
        self.tally = ipw.HTML()
        rounds = []
        for i in range(len(play.rounds)):
            b = button(
                f"Runde {i + 1} ({play.round_minutes} min)",
                "users",
                f"Sæt timeren til runde {i + 1} af sparringen i trioer",
            )
            b.on_click(safe(lambda _, n=i: (set_timer(play.round_minutes), self.show(n)), report))
            rounds.append(b)
        count = button(
            "Tæl observationerne",
            "bar-chart",
            "Tæl de observationsark, deltagerne har delt i workshoppen",
        )
        count.on_click(safe(lambda _: self.count(), report))
        super().__init__(
            [
                ipw.HTML(
                    f"<h3>Sparring i trioer</h3><p>{len(play.rounds)} runder à "
                    f"{play.round_minutes} minutter – de sidste {play.feedback_minutes} minutter "
                    "giver observatøren feedback. En runde-knap sætter timeren og viser runden "
                    "for rummet.</p>"
                ),
                row(rounds),
                self.view,
                row([count]),
                self.tally,
            ]
        )
        self.add_class("nk-trio-panel")

    def show(self, round_index: int) -> None:
        self.view.value = round_html(self.exercise, round_index)

    def count(self) -> None:
        workshop = self.workshop()
        if workshop is None:
            self.tally.value = '<p class="nk-help">Vælg en workshop under »Workshop« først.</p>'
            return
        answers = self.room.answers(workshop.code, self.exercise.id)
        self.tally.value = tally_html(
            self.exercise, role_play.tallies(self.exercise, [a.value for a in answers])
        )
