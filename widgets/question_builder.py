"""spørgsmålsbygger: write one question of each type for a case; gentle hints; the questions
shown together on the model's grid (e.g. Tomm's 2×2)."""

from __future__ import annotations

import ipywidgets as ipw

from course import charts
from course.conversation import grid_layout, hints_for
from widgets.base import Exercise, exercise_kind
from widgets.controls import text_area
from widgets.markup import esc, hints_html, message_html, picture_html

NO_HINTS = "Ingen tips her. Sammenlign selv med slidets eksempler: passer spørgsmålet til typen?"


@exercise_kind("spørgsmålsbygger")
class QuestionBuilder(Exercise):
    def _build(self):
        d = self.definition
        children = []  # the case is in the exercise's header
        self.questions, self.hints = {}, {}
        places = {
            c: (row, col)
            for row, ids in zip(d.grid.rows, d.grid.cells)
            for col, c in zip(d.grid.columns, ids)
        }
        for category in d.categories:
            row, col = places[category.id]
            examples = " ".join(f"»{esc(e)}«" for e in category.examples)
            head = ipw.HTML(
                f'<h4 class="nk-phase">{esc(category.title)} <span class="nk-axes">'
                f"({esc(row)} · {esc(col)})</span></h4>"
                + (
                    f'<p class="nk-intro">{esc(category.description)}</p>'
                    if category.description
                    else ""
                )
                + (f'<p class="nk-help">Eksempler fra slidet: {examples}</p>' if examples else "")
            )
            box = text_area(
                f"{category.title}: dit spørgsmål", "Skriv dit spørgsmål til kollegaen …", "3.6em"
            )
            self._on_change(box, lambda _, cid=category.id: self._edited(cid))
            self.questions[category.id], self.hints[category.id] = box, ipw.HTML()
            part = ipw.VBox([head, box, self.hints[category.id]])
            part.add_class("nk-phase-box")
            children.append(part)
        self.check_button = self._button(
            "Tjek mine spørgsmål og vis dem på modellen",
            "check",
            "Få tips til dine spørgsmål og se dem samlet",
            self.check,
            button_style="primary",
        )
        self.overview = ipw.HTML()
        self.picture = ipw.HTML()
        return children + [self.check_button, self.overview, self.picture]

    def _read(self) -> dict:
        return {"questions": {cid: box.value for cid, box in self.questions.items()}}

    def _restore(self, value: dict) -> None:
        saved = value.get("questions", {}) if isinstance(value, dict) else {}
        saved = saved if isinstance(saved, dict) else {}
        for cid, box in self.questions.items():
            box.value = str(saved.get(cid) or "")

    def _edited(self, category_id: str) -> None:
        # Saved per keystroke so nothing typed is lost. Keystrokes can reach the kernel after
        # a click on the check button, so hints already shown follow the text as it arrives.
        if self.picture.value:
            self.check()
        self._changed()

    @property
    def written(self) -> int:
        return sum(bool(box.value.strip()) for box in self.questions.values())

    def check(self, *_) -> None:
        """Hints per question (never blocking) and all questions on the grid."""
        d = self.definition
        for category in d.categories:
            text = self.questions[category.id].value
            self.hints[category.id].value = (
                hints_html(hints_for(text, category.hints), NO_HINTS)
                if text.strip()
                else message_html(f"Du har ikke skrevet et spørgsmål som {category.title} endnu.")
            )
        self.overview.value = (
            f'<p class="nk-score" role="status">Du har skrevet '
            f"<b>{self.written} af {len(d.categories)}</b> spørgsmål.</p>"
        )
        layout = [
            [
                charts.GridCell(
                    c.title,
                    "" if self.questions[c.id].value.strip() else "ikke skrevet endnu",
                    text=self.questions[c.id].value.strip(),
                )
                for c in row
            ]
            for row in grid_layout(d)
        ]
        png = charts.grid_chart(list(d.grid.rows), list(d.grid.columns), layout)
        summary = "; ".join(
            f"{c.title}: »{self.questions[c.id].value.strip()}«"
            if self.questions[c.id].value.strip()
            else f"{c.title}: ikke skrevet endnu"
            for c in d.categories
        )
        self.picture.value = picture_html(png, f"Dine spørgsmål på modellen. {summary}.")
