"""tavle: a facilitator's board for a structured dialogue: names, turn order, notes, a timer.

The timer never blocks the kernel and uses no thread. A hidden ``ipywidgets.Play`` in the
browser sends a tick every half second while the timer runs; each tick asks
``SpeakerTimer`` how much time is left by the kernel's monotonic clock. So the time shown is
right even when ticks arrive late (a busy laptop), nothing runs in the kernel when nobody
looks, and closing the page stops the ticks. Tests replace ``clock`` and send ticks by hand.
"""

from __future__ import annotations

import random
import time

import ipywidgets as ipw

from course.dialogue import SpeakerTimer, TurnOrder, clock_text, duration_text, parse_names
from widgets.base import Exercise, exercise_kind
from widgets.controls import labelled, row, text_area, tick_source
from widgets.markup import esc, message_html, problems_html

SPEAKING_TIMES = (30, 60, 90, 120, 180, 240, 300)  # seconds
DEFAULT_SECONDS = 120
TICK_MS = 500
LOW_SECONDS = 15  # the last seconds are shown in orange


@exercise_kind("tavle")
class DialogueBoard(Exercise):
    def _build(self):
        self.clock = time.monotonic
        self.rng = random.Random()
        self.order = TurnOrder()
        self.timer = SpeakerTimer(DEFAULT_SECONDS)
        self.names_box = text_area(
            "Deltagernes navne – ét navn pr. linje", "Fx:\nKirsten\nPer\nAnne", "8.5em"
        )
        self.use_button = self._button(
            "Brug navnene",
            "check",
            "Sæt navnene på tavlen i den rækkefølge, de står",
            self._use_names,
        )
        self.shuffle_button = self._button(
            "Bland rækkefølgen", "random", "Giv tavlen en tilfældig talerækkefølge", self._shuffle
        )
        self.names_message = ipw.HTML()
        self.speaker_view = ipw.HTML()
        self.timer_view = ipw.HTML()
        self.seconds = labelled(
            ipw.Dropdown(
                options=[(duration_text(s), s) for s in SPEAKING_TIMES], value=DEFAULT_SECONDS
            ),
            "Taletid pr. person",
        )
        self.start_button = self._button(
            "Start uret", "play", "Start taletiden for den, der taler nu", self._start
        )
        self.pause_button = self._button("Pause", "pause", "Stop uret et øjeblik", self._pause)
        self.again_button = self._button(
            "Forfra", "undo", "Giv den, der taler nu, den fulde taletid igen", self._again
        )
        self.next_button = self._button(
            "Næste",
            "forward",
            "Giv ordet videre til den næste på tavlen",
            self._next,
            button_style="primary",
        )
        self.restart_button = self._button(
            "Start runden forfra", "repeat", "Begynd igen fra den første på tavlen", self._restart
        )
        # The browser's tick source; hidden, driven only from here.
        self.ticker = tick_source(TICK_MS)
        self.rows = ipw.VBox()
        self.rows.add_class("nk-board-rows")
        self._on_change(self.seconds, self._set_seconds)
        self._on_change(self.ticker, self._tick)
        stage = ipw.VBox(
            [
                self.speaker_view,
                self.timer_view,
                row(
                    [
                        self.next_button,
                        self.start_button,
                        self.pause_button,
                        self.again_button,
                        self.restart_button,
                    ],
                    "nk-board-controls",
                ),
            ]
        )
        stage.add_class("nk-board")
        self._render_rows()
        return [
            self.names_box,
            row([self.use_button, self.shuffle_button]),
            self.names_message,
            self.seconds,
            stage,
            self.ticker,
            ipw.HTML('<p class="nk-part">Talerækkefølge og noter</p>'),
            self.rows,
        ]

    # --- state ------------------------------------------------------------------------
    def _read(self) -> dict:
        return dict(self.order.to_value(), seconds=self.timer.seconds)

    def _restore(self, value) -> None:
        self.order = TurnOrder.from_value(value)
        seconds = value.get("seconds") if isinstance(value, dict) else None
        seconds = seconds if seconds in SPEAKING_TIMES else DEFAULT_SECONDS
        self.timer = SpeakerTimer(seconds)
        self.ticker.playing = False
        self.names_box.value = "\n".join(self.order.names)
        self._render_rows()
        self.seconds.value = seconds

    # --- names and order ---------------------------------------------------------------------
    def _use_names(self, *_):
        names, problems = parse_names(self.names_box.value, minimum=2)
        if problems:
            self.names_message.value = problems_html(problems, "Tjek navnene:")
            return
        self.order.set_names(names)
        self._new_round(f"Tavlen er klar med {len(names)} navne.")

    def _shuffle(self, *_):
        if not self.order.names:
            self.names_message.value = message_html(
                "Skriv navnene, og tryk på »Brug navnene« først.", "warn"
            )
            return
        self.order.shuffle(self.rng)
        self._new_round("Rækkefølgen er blandet.")

    def _new_round(self, said: str) -> None:
        self._stop_timer()
        self.names_message.value = message_html(
            f"{said} {self.order.speaker} starter. Tryk på »Start uret«, når {self.order.speaker} "
            "begynder at tale.",
            "ok",
        )
        self._render_rows()
        self._changed()

    def move(self, name: str, step: int) -> None:
        # By name (names are unique): a late click must not move a neighbour.
        if name in self.order.names and self.order.move(self.order.names.index(name), step):
            self._render_rows()
            self._changed()

    def _set_note(self, name: str, text: str) -> None:
        self.order.notes[name] = text
        self._changed()

    # --- the round and the timer ----------------------------------------------------------
    def _next(self, *_):
        now = self.clock()
        keep_going = self.timer.running or self.timer.expired(now)
        self.order.next()
        self.timer.reset(now)
        if keep_going and not self.order.done:
            self.timer.start(now)
        else:
            self.timer.pause(now)
        self._sync_ticker()
        self._render_current()
        self._changed()

    def _restart(self, *_):
        self.order.restart()
        self._stop_timer()
        self._render_current()
        self._changed()

    def _start(self, *_):
        self.timer.start(self.clock())
        self._sync_ticker()
        self._render_current()

    def _pause(self, *_):
        self.timer.pause(self.clock())
        self._sync_ticker()
        self._render_current()

    def _again(self, *_):
        self.timer.reset(self.clock())
        self._render_current()

    def _set_seconds(self, change) -> None:
        self.timer.reset(self.clock(), change["new"])
        self._render_current()
        self._changed()

    def _stop_timer(self) -> None:
        now = self.clock()
        self.timer.pause(now)
        self.timer.reset(now)
        self._sync_ticker()

    def _sync_ticker(self) -> None:
        self.ticker.playing = self.timer.running

    def _tick(self, *_):
        if self.timer.tick(self.clock()):
            self._sync_ticker()
            self._render_current()
        else:
            self._render_timer()

    # --- views --------------------------------------------------------------------------
    def _render_rows(self) -> None:
        rows, self.row_labels, self.row_controls = [], [], []
        last = len(self.order.names) - 1
        for i, name in enumerate(self.order.names):
            label = ipw.HTML()
            label.add_class("nk-board-name-cell")
            up, down = self._move_buttons(
                f"{name} en plads",
                i == 0,
                i == last,
                lambda step, n=name: self.move(n, step),
                "nk-button",
                "nk-small",
            )
            notes = text_area(
                f"Noter: {name}",
                f"Det vigtigste, {name} siger …",
                "4.2em",
                value=self.order.notes.get(name, ""),
            )
            self._on_change(notes, lambda change, n=name: self._set_note(n, change["new"]))
            self.row_controls.append({"up": up, "down": down, "notes": notes})
            entry = ipw.VBox([row([label, up, down]), notes])
            entry.add_class("nk-board-row")
            self.row_labels.append((entry, label))
            rows.append(entry)
        if not rows:
            rows = [
                ipw.HTML(
                    '<p class="nk-help">Tavlen er tom. Skriv navnene ovenfor, og tryk på '
                    "»Brug navnene«.</p>"
                )
            ]
        self.rows.children = rows
        self._render_current()

    def _render_current(self) -> None:
        order = self.order
        for i, (entry, label) in enumerate(getattr(self, "row_labels", [])[: len(order.names)]):
            now_speaking = i == order.current
            (entry.add_class if now_speaking else entry.remove_class)("nk-current")
            marker = '<span class="nk-now">▶ Taler nu</span>' if now_speaking else ""
            done = ' <span class="nk-done">✓ har talt</span>' if i < order.current else ""
            label.value = (
                f'<span class="nk-rank">{i + 1}.</span> <b>{esc(order.names[i])}</b> {marker}{done}'
            )
        if not order.names:
            speaker = '<div class="nk-board-label">Ingen navne på tavlen endnu</div>'
        elif order.done:
            speaker = (
                '<div class="nk-board-label">Runden er slut</div>'
                '<div class="nk-board-name">Alle har været på</div>'
                '<div class="nk-board-next">Saml op på tavlen – eller stil et brobyggende '
                "spørgsmål.</div>"
            )
        else:
            after = f"Derefter: {esc(order.up_next)}" if order.up_next else "Den sidste i runden"
            speaker = (
                f'<div class="nk-board-label">Nu taler</div>'
                f'<div class="nk-board-name">{esc(order.speaker)}</div>'
                f'<div class="nk-board-next">{after}</div>'
            )
        self.speaker_view.value = (
            f'<div class="nk-board-speaker" aria-live="polite">{speaker}</div>'
        )
        live = bool(order.names) and not order.done
        now = self.clock()
        self.start_button.disabled = not live or self.timer.running or self.timer.expired(now)
        self.pause_button.disabled = not self.timer.running
        self.again_button.disabled = not live
        self.next_button.disabled = not live
        self.restart_button.disabled = not order.names or order.current == 0
        self._render_timer()

    def _render_timer(self) -> None:
        if not self.order.names or self.order.done:
            self.timer_view.value = ""
            return
        left = self.timer.remaining(self.clock())
        if left == 0:
            tone, note = (
                "nk-up",
                (
                    '<div class="nk-board-note" role="status">Tiden er gået – giv ordet '
                    "videre med »Næste«.</div>"
                ),
            )
        else:
            tone = "nk-low" if left <= LOW_SECONDS else ""
            note = (
                "" if self.timer.running else '<div class="nk-board-note">Uret står stille.</div>'
            )
        self.timer_view.value = (
            f'<div class="nk-board-timer {tone}" role="timer" '
            f'aria-label="Tid tilbage: {clock_text(left)}">{clock_text(left)}</div>{note}'
        )
