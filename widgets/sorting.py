"""sortering: place each item in a category; immediate feedback, a score and a picture.

With a ``grid`` in its definition the categories are shown and drawn as that model
(e.g. Tomm's 2×2), with each answer as a numbered dot where it was placed.
"""

from __future__ import annotations

import ipywidgets as ipw

from course import charts
from course.conversation import grid_layout
from widgets.base import Exercise, exercise_kind
from widgets.markup import esc, feedback_html, grid_html, picture_html

DOTS_LEGEND = (
    "● Grøn cirkel: rigtigt placeret.  ■ Orange firkant: hører til en anden kategori. "
    "Tallet er punktets nummer."
)


@exercise_kind("sortering")
class Sorting(Exercise):
    def _build(self):
        d = self.definition
        if d.grid is not None:
            rows = [
                ipw.HTML(grid_html(d, lambda c: f"<b>{esc(c.title)}</b><br>{esc(c.description)}"))
            ]
        else:
            legend = "".join(
                f"<li><b>{esc(c.title)}</b>"
                f"{': ' + esc(c.description) if c.description else ''}</li>"
                for c in d.categories
            )
            rows = [ipw.HTML(f'<ul class="nk-categories">{legend}</ul>')]
        self.choices, self.feedback = {}, {}
        for n, item in enumerate(d.items, start=1):
            text = ipw.HTML(
                f'<p class="nk-item"><span class="nk-num">{n}.</span> {esc(item.text)}</p>'
            )
            buttons = ipw.ToggleButtons(
                options=[(c.title, c.id) for c in d.categories],
                index=None,
                description=f"Svar til nr. {n}",
                tooltips=[f"Nr. {n}: {c.title}" for c in d.categories],
                style={"button_width": "auto", "description_width": "initial"},
            )
            buttons.add_class("nk-choice")
            self._on_change(buttons, self._changed)
            self.choices[item.id], self.feedback[item.id] = buttons, ipw.HTML()
            rows.append(
                ipw.VBox([text, buttons, self.feedback[item.id]], layout={"margin": "0 0 0.8em 0"})
            )
        self.score = ipw.HTML()
        self.picture_button = self._button(
            "Vis hvor dine svar landede", "bar-chart", "Tegn et billede af dine svar", self._draw
        )
        self.picture = ipw.HTML()
        return rows + [self.score, self.picture_button, self.picture]

    def _read(self) -> dict:
        return {"answers": {i: b.value for i, b in self.choices.items() if b.value is not None}}

    def _restore(self, value: dict) -> None:
        known = {c.id for c in self.definition.categories}
        for item_id, buttons in self.choices.items():
            answer = value.get("answers", {}).get(item_id)
            buttons.value = answer if answer in known else None

    @property
    def correct(self) -> int:
        return sum(self.choices[i.id].value == i.category for i in self.definition.items)

    @property
    def answered(self) -> int:
        return sum(b.value is not None for b in self.choices.values())

    def _refresh(self) -> None:
        d = self.definition
        for item in d.items:
            answer = self.choices[item.id].value
            if answer is None:
                self.feedback[item.id].value = ""
            elif answer == item.category:
                self.feedback[item.id].value = feedback_html(
                    True, "Rigtigt.", esc(item.explanation)
                )
            else:
                self.feedback[item.id].value = feedback_html(
                    False,
                    "Ikke helt.",
                    f"Det hører til <b>{esc(d.category(item.category).title)}</b>. "
                    f"{esc(item.explanation)}",
                )
        total = len(d.items)
        done = (
            " Alle er besvaret – se billedet af, hvor dine svar landede."
            if self.answered == total
            else ""
        )
        self.score.value = (
            f'<p class="nk-score" role="status">Du har svaret på {self.answered} af {total}: '
            f"<b>{self.correct} rigtige</b>.{done}</p>"
        )

    def _draw(self, *_):
        d = self.definition
        pairs = [
            (i.category, self.choices[i.id].value) for i in d.items if self.choices[i.id].value
        ]
        if not pairs:
            self.score.value = '<p class="nk-score" role="status">Besvar mindst ét punkt først.</p>'
            return
        if d.grid is not None:
            self._draw_grid()
            return
        png = charts.sorting_matrix([(c.id, c.title) for c in d.categories], pairs)
        summary = "; ".join(
            f"{c.title}: {sum(1 for right, given in pairs if right == c.id and given == c.id)} af "
            f"{sum(1 for right, _ in pairs if right == c.id)} rigtige"
            for c in d.categories
        )
        self.picture.value = picture_html(png, f"Billede af dine svar. {summary}.")

    def _draw_grid(self) -> None:
        """Each answer as a numbered dot in the cell the participant chose."""
        d = self.definition
        numbers = {item.id: n for n, item in enumerate(d.items, start=1)}
        layout, summary = [], []
        for row in grid_layout(d):
            cells = []
            for category in row:
                dots = tuple(
                    (numbers[i.id], i.category == category.id)
                    for i in d.items
                    if self.choices[i.id].value == category.id
                )
                right = sum(ok for _, ok in dots)
                note = f"{len(dots)} svar · {right} rigtige" if dots else "ingen svar her"
                cells.append(charts.GridCell(category.title, note, dots))
                wrong = [str(n) for n, ok in dots if not ok]
                summary.append(
                    f"{category.title}: {note}"
                    + (f" (forkert placeret: nr. {', '.join(wrong)})" if wrong else "")
                )
            layout.append(cells)
        png = charts.grid_chart(list(d.grid.rows), list(d.grid.columns), layout, DOTS_LEGEND)
        self.picture.value = picture_html(
            png, f"Dine svar placeret på modellen. {'; '.join(summary)}."
        )
