"""tjekud: the close of the day. The participant sees the morning's check-in answers and the
day's goals again, and writes what they take with them; shared with the room like a refleksion."""

from __future__ import annotations

import ipywidgets as ipw

from course.progress import session_exercises
from widgets.base import Exercise, exercise_kind
from widgets.controls import prompt_box
from widgets.markup import esc, paragraphs


@exercise_kind("tjekud")
class CheckOut(Exercise):
    """Reads the recalled exercise from the page's content (``content=``) and the workbook."""

    def _build(self):
        d = self.definition
        goals = "".join(f"<li>{esc(item.text)}</li>" for item in d.items)
        self.goals = ipw.HTML(
            f'<h4 class="nk-group">Dagens {_count(len(d.items))} mål</h4><ol>{goals}</ol>'
        )
        self.recalled = ipw.HTML()
        self.boxes = {}
        for prompt in d.prompts:
            box = prompt_box(prompt)
            self._on_change(box, self._changed)
            self.boxes[prompt.id] = box
        return [self.goals, self.recalled, *self.boxes.values()]

    def _read(self) -> dict:
        return {pid: box.value for pid, box in self.boxes.items()}

    def _restore(self, value: dict) -> None:
        for pid, box in self.boxes.items():
            box.value = str(value.get(pid, "")) if isinstance(value, dict) else ""

    def bind(self, workbook) -> None:
        super().bind(workbook)
        self._show_recalled()

    def _recalled_page(self) -> str:
        """The notebook of the page the recalled exercise is on ("" when not on a page)."""
        if self.content is None:
            return ""
        for session_id, ids in session_exercises(self.content).items():
            if self.definition.recalls in ids:
                return self.content.programme.session(session_id).notebook
        return ""

    def _show_recalled(self) -> None:
        d = self.definition
        title = "Dine svar fra tjek ind i morges"
        if self.workbook is None:
            self.recalled.value = (
                f'<div class="nk-recalled"><h4>{esc(title)}</h4><p>Skriv dit navn og jobcenter '
                "øverst på siden, så henter siden dine svar fra logbogen.</p></div>"
            )
            return
        self.workbook.reload()  # written on another page, maybe in another tab
        answer = self.workbook.answer(d.recalls)
        recalled = self.content.exercise(d.recalls) if self.content is not None else None
        texts = [
            (p.text, str(answer.get(p.id, "")).strip())
            for p in (recalled.prompts if recalled is not None else ())
            if isinstance(answer, dict)
        ]
        if not any(text for _, text in texts):
            page = self._recalled_page()
            link = f' <a href="{esc(self.href(page))}">Gå til tjek ind</a>.' if page else ""
            self.recalled.value = (
                f'<div class="nk-recalled"><h4>{esc(title)}</h4><p>Du skrev ikke noget ved tjek '
                f"ind i morges. Tænk tilbage på dine forventninger til dagen.{link}</p></div>"
            )
            return
        items = "".join(
            f"<p><b>{esc(prompt)}</b><br>"
            f"{paragraphs(text) if text else '<i>Ikke besvaret.</i>'}</p>"
            for prompt, text in texts
        )
        self.recalled.value = f'<div class="nk-recalled"><h4>{esc(title)}</h4>{items}</div>'


def _count(n: int) -> str:
    words = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}
    return words.get(n, str(n))
