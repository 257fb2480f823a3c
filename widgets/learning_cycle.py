"""læringscyklus: one of your own experiences through a learning cycle, to an experiment card."""

from __future__ import annotations

import ipywidgets as ipw

from course import charts, planning
from course.learning_cycle import clamp, experiment_card, last_position
from widgets.base import Exercise, esc, file_stem, labelled, message_html, paragraphs, picture_html
from widgets.planner import control_value, document_links, field_control, set_control


class LearningCycle(Exercise):
    """Positions: 0 the overview, 1..n the steps, n + 1 the experiment card."""

    def _build(self):
        d = self.definition
        self.position = 0
        self._pictures: dict[int | None, bytes] = {}
        self._shown = None
        self.boxes = {}
        for step in d.steps:
            box = labelled(ipw.Textarea(placeholder=step.hint or "Skriv her …", rows=6,
                                        layout=ipw.Layout(width="100%")), step.text)
            self._on_change(box, self._changed)
            self.boxes[step.id] = box
        self.controls = {}
        card = [ipw.HTML('<h4 class="nk-step-title">Dit eksperimentkort</h4>')]
        for f in d.fields:
            control = labelled(field_control(f), f.label + (" *" if f.required else ""))
            self._on_change(control, self._changed)
            self.controls[f.id] = control
            card.append(control)
        card.append(ipw.HTML('<p class="nk-help">Felter med * skal udfyldes.</p>'))
        self.make_button = ipw.Button(description="Lav eksperimentkortet", icon="id-card",
                                      tooltip="Tjek kortet og lav det som Word-fil og tekstfil")
        self.make_button.add_class("nk-button")
        self._on_click(self.make_button, self._make)
        self.result = ipw.HTML()
        self.card = ipw.VBox(card + [self.make_button, self.result])

        steps = "".join(f"<li><b>{esc(s.title)}</b></li>" for s in d.steps)
        self.overview = ipw.HTML(f'<ol class="nk-steps">{steps}</ol>')
        self.where = ipw.HTML()
        self.picture = ipw.HTML()
        self.picture.add_class("nk-cycle-picture")
        self.stage = ipw.VBox([self.overview])
        self.stage.add_class("nk-cycle-stage")
        self.back = ipw.Button(description="Tilbage", icon="arrow-left", tooltip="Forrige trin")
        self.next = ipw.Button(description="Næste", icon="arrow-right", tooltip="Næste trin")
        for button, step in ((self.back, -1), (self.next, 1)):
            button.add_class("nk-button")
            self._on_click(button, lambda _, step=step: self.go(step))
        nav = ipw.HBox([self.back, self.next])
        nav.add_class("nk-row")
        body = ipw.HBox([self.stage, self.picture])
        body.add_class("nk-cycle")
        self._show()
        return [self.where, body, nav]

    # --- state --------------------------------------------------------------------
    @property
    def value(self) -> dict:
        return {"position": self.position,
                "answers": {sid: box.value for sid, box in self.boxes.items()},
                "card": {fid: control_value(c) for fid, c in self.controls.items()}}

    def _restore(self, value: dict) -> None:
        if not isinstance(value, dict):
            return  # a hand-edited workbook: start afresh rather than fail
        self.position = clamp(self.definition, value.get("position"))
        answers = value.get("answers") if isinstance(value.get("answers"), dict) else {}
        for step_id, box in self.boxes.items():
            box.value = str(answers.get(step_id) or "")
        card = value.get("card") if isinstance(value.get("card"), dict) else {}
        for f in self.definition.fields:
            set_control(self.controls[f.id], f, card.get(f.id))

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
            self.where.value = (f'<p class="nk-where" role="status"><b>Til sidst:</b> saml din '
                                f'beslutning i et eksperimentkort.</p>')
            self.stage.children = [self.card]
        else:
            step = d.steps[p - 1]
            self.where.value = (f'<p class="nk-where" role="status"><b>Trin {p} af {n}: '
                                f'{esc(step.title)}</b></p>')
            self.stage.children = [self.boxes[step.id]]
        # The picture needs matplotlib: draw it only on the steps, where it shows the way; the
        # overview and the card get the whole width.
        on_step = 0 < p < last
        self.picture.value = self._picture_html(p - 1) if on_step else ""
        self.picture.layout.display = None if on_step else "none"
        self.back.disabled = p == 0
        self.next.disabled = p == last
        self.next.description = ("Start: trin 1" if p == 0 else
                                 "Til eksperimentkortet" if p == n else "Næste")
        self._shown = p

    def _picture_png(self, current: int | None) -> bytes:
        if current not in self._pictures:
            self._pictures[current] = charts.learning_cycle(
                [s.title for s in self.definition.steps], current, self.definition.caption)
        return self._pictures[current]

    def _picture_html(self, current: int) -> str:
        d = self.definition
        steps = "; ".join(f"{i}. {s.title}" for i, s in enumerate(d.steps, start=1))
        caption = " ".join(d.caption.split())
        return picture_html(self._picture_png(current),
                            f"{caption}: {len(d.steps)} trin i en cirkel med uret: {steps}. "
                            f"Du er ved trin {current + 1}: {d.steps[current].title}.")

    # --- the card -----------------------------------------------------------------
    def problems(self) -> list[str]:
        return planning.validate(self.definition, self.value["card"])

    def _make(self, *_):
        problems = self.problems()
        if problems:
            items = "".join(f"<li>{esc(p)}</li>" for p in problems)
            self.result.value = (f'<div class="nk-msg nk-warn" role="alert"><b>Kortet er ikke '
                                 f'færdigt endnu:</b><ul>{items}</ul></div>')
            return
        if self.workbook is None:
            self.result.value = message_html("Skriv dit navn og jobcenter øverst på siden først.", "warn")
            return
        d, value = self.definition, self.value
        doc = experiment_card(d, value["answers"], value["card"], self.workbook.name,
                              self.workbook.job_centre, picture=self._picture_png(None))
        stem = f"{file_stem(d.document_title or d.title)}-{file_stem(self.workbook.name)}"
        rows = "".join(f'<div class="nk-card-label">{esc(s.heading)}</div>'
                       f"<div>{paragraphs(s.paragraphs[0])}</div>"
                       for s in doc.sections[:len(d.fields)])
        self.result.value = (
            f'<div class="nk-msg nk-ok" role="status">Dit eksperimentkort er klar. '
            f'{document_links(doc, stem)}</div>'
            f'<div class="nk-card"><h3>{esc(doc.title)}</h3>'
            f'<p class="nk-help">{"<br>".join(esc(m) for m in doc.meta)}</p>{rows}</div>')
