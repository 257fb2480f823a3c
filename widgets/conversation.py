"""samtaletræner: a case worked through phase by phase (e.g. UGU).

In each phase the participant chooses one of several utterances and learns at once whether it
fits the phase and why, or writes an own utterance and gets gentle hints. The lines add up to
the participant's conversation, shown at the end.
"""

from __future__ import annotations

import ipywidgets as ipw

from course.conversation import chosen_option, dialogue, hints_for
from widgets.base import Exercise, exercise_kind
from widgets.controls import labelled, text_area
from widgets.markup import esc, feedback_html, hints_html, message_html


@exercise_kind("samtaletræner")
class ConversationTrainer(Exercise):
    def _build(self):
        d = self.definition
        children = []  # the case is in the exercise's header
        self.choices, self.feedback, self.own, self.own_hints = {}, {}, {}, {}
        for n, phase in enumerate(d.phases, start=1):
            head = f'<h4 class="nk-phase">{n}. {esc(phase.title)}</h4>'
            if phase.description:
                head += f'<p class="nk-intro">{esc(phase.description)}</p>'
            if phase.situation:
                head += f'<p class="nk-situation">{esc(phase.situation)}</p>'
            choice = labelled(
                ipw.RadioButtons(
                    options=[(o.text, o.id) for o in phase.options],
                    index=None,
                    layout={"width": "100%"},
                ),
                f"Fase {n}: Hvad siger du? Vælg en replik",
            )
            choice.add_class("nk-replies")
            self._on_change(choice, self._changed)
            examples = " ".join(f"»{esc(e)}«" for e in phase.examples)
            own = text_area(
                f"Fase {n}: Eller skriv din egen replik",
                "Skriv det, du ville sige til kollegaen …",
                "4.5em",
            )
            self._on_change(own, lambda _, pid=phase.id: self._edited(pid))
            check = self._button(
                "Tjek min replik",
                "check",
                f"Få tips til din egen replik i fase {n}",
                lambda _, pid=phase.id: self.check(pid),
            )
            self.choices[phase.id], self.own[phase.id] = choice, own
            self.feedback[phase.id], self.own_hints[phase.id] = ipw.HTML(), ipw.HTML()
            inspiration = (
                f'<p class="nk-help">Til inspiration, fra slidet: {examples}</p>'
                if examples
                else ""
            )
            box = ipw.VBox(
                [
                    ipw.HTML(head),
                    choice,
                    self.feedback[phase.id],
                    ipw.HTML(inspiration),
                    own,
                    check,
                    self.own_hints[phase.id],
                ]
            )
            box.add_class("nk-phase-box")
            children.append(box)
        self.summary = ipw.HTML()
        return children + [self.summary]

    def _read(self) -> dict:
        return {
            "phases": {
                pid: {"choice": self.choices[pid].value, "own": self.own[pid].value}
                for pid in self.choices
            }
        }

    def _restore(self, value: dict) -> None:
        phases = value.get("phases", {}) if isinstance(value, dict) else {}
        for phase in self.definition.phases:
            answer = phases.get(phase.id)
            answer = answer if isinstance(answer, dict) else {}
            option = chosen_option(phase, answer)
            self.choices[phase.id].value = option.id if option else None
            self.own[phase.id].value = str(answer.get("own") or "")

    def _edited(self, phase_id: str) -> None:
        # Saved per keystroke so nothing typed is lost. Keystrokes can reach the kernel after
        # a click on "Tjek min replik", so hints already shown follow the text as it arrives.
        if self.own_hints[phase_id].value:
            self.check(phase_id)
        self._changed()

    def check(self, phase_id: str) -> None:
        """Gentle hints on the participant's own utterance; never a verdict, never blocking."""
        text = self.own[phase_id].value
        if not text.strip():
            self.own_hints[phase_id].value = message_html("Skriv først din egen replik i feltet.")
            return
        phase = self.definition.phase(phase_id)
        self.own_hints[phase_id].value = hints_html(
            hints_for(text, phase.hints),
            "Din replik er gemt. Sammenlign den med slidets formuleringer: passer den til fasen?",
        )

    def _refresh(self) -> None:
        d = self.definition
        fitting = 0
        for phase in d.phases:
            option = chosen_option(phase, {"choice": self.choices[phase.id].value})
            if option is None:
                self.feedback[phase.id].value = ""
            elif option.correct:
                fitting += 1
                self.feedback[phase.id].value = feedback_html(
                    True, "Passer til fasen.", esc(option.explanation)
                )
            else:
                self.feedback[phase.id].value = feedback_html(
                    False, "Passer ikke til fasen.", esc(option.explanation)
                )
        lines = dialogue(d, self._read()["phases"])
        if not lines:
            self.summary.value = ""
            return
        chosen = sum(self.choices[p.id].value is not None for p in d.phases)
        rows = "".join(
            f"<li><b>{esc(phase.title)}:</b> »{esc(text)}«"
            f"{' <i>(din egen replik)</i>' if own else ''}</li>"
            for phase, text, own in lines
        )
        score = (
            f'<p class="nk-score">Du har valgt en replik i {chosen} af {len(d.phases)} faser – '
            f"<b>{fitting} passer til fasen</b>.</p>"
            if chosen
            else ""
        )
        self.summary.value = (
            f'<div class="nk-preview" role="status"><h4>Din samtale</h4>'
            f"<ol>{rows}</ol>{score}</div>"
        )
