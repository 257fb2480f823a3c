"""læringscyklus: one of your own experiences through a learning cycle, to an experiment card."""

from __future__ import annotations

import ipywidgets as ipw

from course import charts, planning
from course.learning_cycle import clamp, experiment_card, last_position
from widgets.base import Exercise, exercise_kind
from widgets.controls import (
    form_values,
    required_note,
    restore_form,
    row,
    text_area,
)
from widgets.markup import esc, paragraphs, picture_html


@exercise_kind("læringscyklus")
class LearningCycle(Exercise):
    """Positions: 0 the overview, 1..n the steps, n + 1 the experiment card."""

    def _build(self):
        d = self.definition
        self.position = 0
        self._pictures: dict[int | None, bytes] = {}
        self._shown = None
        self.boxes = {}
        for step in d.steps:
            box = text_area(step.text, step.hint or "Skriv her …", rows=6)
            self._on_change(box, self._changed)
            self.boxes[step.id] = box
        self.controls, fields = self._form(d.fields)
        card = [
            ipw.HTML('<h4 class="nk-step-title">Dit eksperimentkort</h4>'),
            *fields,
            required_note(),
        ]
        self.make_button = self._make_button(
            "Lav eksperimentkortet", "Tjek kortet og lav det som Word-fil og tekstfil", "id-card"
        )
        self.result = ipw.HTML()
        self.card = ipw.VBox(card + [self.make_button, self.result])

        steps = "".join(f"<li><b>{esc(s.title)}</b></li>" for s in d.steps)
        self.overview = ipw.HTML(f'<ol class="nk-steps">{steps}</ol>')
        self.where = ipw.HTML()
        self.picture = ipw.HTML(layout=ipw.Layout())  # its own: shown and hidden by step
        self.picture.add_class("nk-cycle-picture")
        self.stage = ipw.VBox([self.overview])
        self.stage.add_class("nk-cycle-stage")
        self.back = self._button("Tilbage", "arrow-left", "Forrige trin", lambda _: self.go(-1))
        self.next = self._button("Næste", "arrow-right", "Næste trin", lambda _: self.go(1))
        body = ipw.HBox([self.stage, self.picture])
        body.add_class("nk-cycle")
        self._show()
        return [self.where, body, row([self.back, self.next])]

    # --- state --------------------------------------------------------------------
    def _read(self) -> dict:
        return {
            "position": self.position,
            "answers": {sid: box.value for sid, box in self.boxes.items()},
            "card": form_values(self.controls),
        }

    def _restore(self, value: dict) -> None:
        if not isinstance(value, dict):
            return  # a hand-edited workbook: start afresh rather than fail
        self.position = clamp(self.definition, value.get("position"))
        answers = value.get("answers") if isinstance(value.get("answers"), dict) else {}
        for step_id, box in self.boxes.items():
            box.value = str(answers.get(step_id) or "")
        card = value.get("card") if isinstance(value.get("card"), dict) else {}
        restore_form(self.controls, self.definition.fields, card)

    def go(self, step: int) -> None:
        """Move one step forward (1) or back (-1)."""
        self.position = clamp(self.definition, self.position + step)
        self._changed()

    def _refresh(self) -> None:
        self.result.value = ""  # a card shown earlier may no longer match the answers
        self._show()

    # --- the view -----------------------------------------------------------------
    def _show(self) -> None:
        if self._shown == self.position:
            return
        d, p = self.definition, self.position
        n, last = len(d.steps), last_position(d)
        if p == 0:
            self.where.value = '<p class="nk-where">Sådan kommer du gennem cyklussen:</p>'
            self.stage.children = [self.overview]
        elif p == last:
            self.where.value = (
                '<p class="nk-where" role="status"><b>Til sidst:</b> saml din '
                "beslutning i et eksperimentkort.</p>"
            )
            self.stage.children = [self.card]
        else:
            step = d.steps[p - 1]
            self.where.value = (
                f'<p class="nk-where" role="status"><b>Trin {p} af {n}: {esc(step.title)}</b></p>'
            )
            self.stage.children = [self.boxes[step.id]]
        # The picture needs matplotlib: draw it only on the steps, where it shows the way; the
        # overview and the card get the whole width.
        on_step = 0 < p < last
        self.picture.value = self._picture_html(p - 1) if on_step else ""
        self.picture.layout.display = None if on_step else "none"
        self.back.disabled = p == 0
        self.next.disabled = p == last
        self.next.description = (
            "Start: trin 1" if p == 0 else "Til eksperimentkortet" if p == n else "Næste"
        )
        self._shown = p

    def _picture_png(self, current: int | None) -> bytes:
        if current not in self._pictures:
            self._pictures[current] = charts.learning_cycle(
                [s.title for s in self.definition.steps], current, self.definition.caption
            )
        return self._pictures[current]

    def _picture_html(self, current: int) -> str:
        d = self.definition
        steps = "; ".join(f"{i}. {s.title}" for i, s in enumerate(d.steps, start=1))
        caption = " ".join(d.caption.split())
        return picture_html(
            self._picture_png(current),
            f"{caption}: {len(d.steps)} trin i en cirkel med uret: {steps}. "
            f"Du er ved trin {current + 1}: {d.steps[current].title}.",
        )

    # --- the card -----------------------------------------------------------------
    def problems(self) -> list[str]:
        return planning.validate(self.definition, self._read()["card"])

    def _make(self, *_):
        if self._not_ready(self.result, self.problems(), "Kortet er ikke færdigt endnu:"):
            return
        d, value = self.definition, self._read()
        doc = experiment_card(
            d,
            value["answers"],
            value["card"],
            self.workbook.name,
            self.workbook.job_centre,
            picture=self._picture_png(None),
        )
        rows = "".join(
            f'<div class="nk-card-label">{esc(s.heading)}</div>'
            f"<div>{paragraphs(s.paragraphs[0])}</div>"
            for s in doc.sections[: len(d.fields)]
        )
        self._offer(
            self.result,
            doc,
            "Dit eksperimentkort er klar.",
            after=f'<div class="nk-card"><h3>{esc(doc.title)}</h3>'
            f'<p class="nk-help">{"<br>".join(esc(m) for m in doc.meta)}</p>{rows}</div>',
        )
