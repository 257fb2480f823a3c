"""planlægger: a form that becomes a document (Word and Markdown), with validation."""

from __future__ import annotations

import ipywidgets as ipw

from course import planning
from widgets.base import Exercise, exercise_kind
from widgets.controls import (
    form_values,
    required_note,
    restore_form,
)
from widgets.markup import esc, paragraphs


@exercise_kind("planlægger")
class Planner(Exercise):
    def _build(self):
        self.controls, children = self._form(self.definition.fields)
        children.append(required_note())
        self.make_button = self._make_button()
        self.result = ipw.HTML()
        return children + [self.make_button, self.result]

    def _read(self) -> dict:
        return {"fields": form_values(self.controls)}

    def _restore(self, value: dict) -> None:
        restore_form(self.controls, self.definition.fields, planning.form_values(value))

    def problems(self) -> list[str]:
        return planning.validate(self.definition, self._read()["fields"])

    def _refresh(self) -> None:
        self.result.value = ""  # the document no longer matches the form

    def _make(self, *_):
        if self._not_ready(self.result, self.problems()):
            return
        doc = planning.build_document(
            self.definition, self._read()["fields"], self.workbook.name, self.workbook.job_centre
        )
        preview = "".join(
            f"<h4>{esc(s.heading)}</h4><p>{paragraphs(s.paragraphs[0])}</p>" for s in doc.sections
        )
        self._offer(
            self.result,
            doc,
            after=f'<div class="nk-preview"><h3>{esc(doc.title)}</h3>'
            f"<p>{'<br>'.join(esc(m) for m in doc.meta)}</p>{preview}</div>",
        )
