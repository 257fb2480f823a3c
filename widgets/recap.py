"""opsamling: the end of a page – »Det vigtigste« and the participant's »Det tager jeg med«."""

from __future__ import annotations

import ipywidgets as ipw

from course import recap
from widgets.base import Exercise, exercise_kind
from widgets.controls import labelled
from widgets.markup import esc


@exercise_kind("opsamling")
class Recap(Exercise):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_class("nk-recap")

    def _build(self):
        points = "".join(f"<li>{esc(item.text)}</li>" for item in self.definition.items)
        self.points = ipw.HTML(
            f'<p class="nk-part">Det vigtigste</p><ul class="nk-recap-points">{points}</ul>'
        )
        self.line = labelled(
            ipw.Text(
                placeholder="Skriv én linje – fx det, du vil prøve først",
                layout={"width": "100%"},
            ),
            recap.LABEL,
        )
        self._on_change(self.line, self._changed)
        return [self.points, self.line]

    def _read(self) -> dict:
        return {recap.KEY: self.line.value}

    def _restore(self, value) -> None:
        text = value.get(recap.KEY) if isinstance(value, dict) else None
        self.line.value = text if isinstance(text, str) else ""
