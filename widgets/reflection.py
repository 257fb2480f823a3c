"""refleksion: prompted free text, saved as the participant types."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.base import Exercise, prompt_box


class Reflection(Exercise):
    def _build(self):
        self.boxes = {}
        for prompt in self.definition.prompts:
            box = prompt_box(prompt)
            self._on_change(box, self._changed)
            self.boxes[prompt.id] = box
        return list(self.boxes.values())

    @property
    def value(self) -> dict:
        return {pid: box.value for pid, box in self.boxes.items()}

    def _restore(self, value: dict) -> None:
        for pid, box in self.boxes.items():
            box.value = str(value.get(pid, ""))
