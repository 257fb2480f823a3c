"""refleksion: prompted free text, saved as the participant types."""

from __future__ import annotations

from widgets.base import Exercise, exercise_kind
from widgets.controls import prompt_box


@exercise_kind("refleksion")
class Reflection(Exercise):
    def _build(self):
        self.boxes = {}
        for prompt in self.definition.prompts:
            box = prompt_box(prompt)
            self._on_change(box, self._changed)
            self.boxes[prompt.id] = box
        return list(self.boxes.values())

    def _read(self) -> dict:
        return {pid: box.value for pid, box in self.boxes.items()}

    def _restore(self, value: dict) -> None:
        for pid, box in self.boxes.items():
            box.value = str(value.get(pid, ""))
