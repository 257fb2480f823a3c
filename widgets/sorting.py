"""sortering: place each item in a category, one item at a time, with immediate feedback.

The items come in an order of the participant's own (shuffled per logbog, the same after a
reload), so the position in the list never gives the answer. The first answer to each item
is what the score counts; changing an answer later is allowed and shown. One card holds the
current item, so a bank of 40 items costs a page no more than one of 4.

With a ``grid`` in its definition the categories are shown and drawn as that model
(e.g. Tomm's 2×2), with each answer as a numbered dot where it was placed.
"""

from __future__ import annotations

import random

import ipywidgets as ipw

from course import charts
from course.conversation import grid_layout
from widgets.base import Exercise, exercise_kind
from widgets.controls import button_row, labelled
from widgets.markup import esc, feedback_html, grid_html, picture_html

DOTS_LEGEND = (
    "● Grøn cirkel: rigtigt placeret.  ■ Orange firkant: hører til en anden kategori. "
    "Tallet er punktets nummer."
)
QUESTION = "Hvor hører udsagnet hjemme?"


def item_order(item_ids: list[str], seed: str) -> list[str]:
    """The items in the order one participant sees them: shuffled, the same for one seed."""
    order = list(item_ids)
    random.Random(seed).shuffle(order)
    return order


@exercise_kind("sortering")
class Sorting(Exercise):
    def _build(self):
        d = self.definition
        self.items = {i.id: i for i in d.items}
        # Before a logbog is known the order is random for this page; bind() makes it the
        # participant's own.
        self.order = item_order(list(self.items), f"{d.id}:{random.random()}")
        self.answers: dict[str, str] = {}
        self.first: dict[str, str] = {}
        self.current = self.order[0]
        if d.grid is not None:
            legend = grid_html(d, lambda c: f"<b>{esc(c.title)}</b><br>{esc(c.description)}")
        else:
            legend = (
                '<ul class="nk-categories">'
                + "".join(
                    f"<li><b>{esc(c.title)}</b>"
                    f"{': ' + esc(c.description) if c.description else ''}</li>"
                    for c in d.categories
                )
                + "</ul>"
            )
        self.where = ipw.HTML()
        self.choice = labelled(
            ipw.RadioButtons(options=[(c.title, c.id) for c in d.categories], value=None), ""
        )
        self.choice.add_class("nk-sort-choice")
        self.choice.add_class("nk-replies")  # large answers to click, as in the UGU trainer
        self._on_change(self.choice, self._answered)
        self.feedback = ipw.HTML()
        self.previous = self._button(
            "Forrige", "arrow-left", "Gå til forrige udsagn", lambda _: self._step(-1)
        )
        self.next = self._button(
            "Næste udsagn",
            "arrow-right",
            "Gå til næste udsagn",
            lambda _: self._step(+1),
            button_style="primary",
        )
        self.jump = labelled(ipw.Dropdown(options=[]), "Gå til udsagn")
        self.jump.add_class("nk-jump")
        self._on_change(self.jump, self._jumped)
        self.score = ipw.HTML()
        self.picture_button = self._button(
            "Vis hvor dine svar landede", "bar-chart", "Tegn et billede af dine svar", self._draw
        )
        self.picture = ipw.HTML()
        card = ipw.VBox(
            [self.where, self.choice, self.feedback, button_row(self.previous, self.next)]
        )
        card.add_class("nk-card-item")
        self._show_card()
        return [ipw.HTML(legend), card, self.jump, self.score, self.picture_button, self.picture]

    # --- the answer -------------------------------------------------------------------
    def _read(self) -> dict:
        return {"answers": dict(self.answers), "first": dict(self.first)}

    def _restore(self, value: dict) -> None:
        known = {c.id for c in self.definition.categories}

        def valid(part):
            given = value.get(part, {}) if isinstance(value, dict) else {}
            return {i: c for i, c in given.items() if i in self.items and c in known}

        self.answers = valid("answers")
        # Answers saved before first answers were kept count as first answers.
        self.first = {**self.answers, **valid("first")}
        open_items = [i for i in self.order if i not in self.answers]
        self.current = open_items[0] if open_items else self.order[0]
        self._show_card()

    def bind(self, workbook) -> None:
        if workbook is not None and not self._touched:
            self.order = item_order(list(self.items), f"{self.definition.id}:{workbook.id}")
            self.current = self.order[0]
            self._show_card()
        super().bind(workbook)

    # --- what the participant does -------------------------------------------------------
    def _answered(self, change) -> None:
        if self._restoring or change["new"] is None:
            return
        self.answers[self.current] = change["new"]
        self.first.setdefault(self.current, change["new"])
        self._changed()

    def _step(self, step: int) -> None:
        position = self.order.index(self.current) + step
        if 0 <= position < len(self.order):
            self.current = self.order[position]
            self._show_card()

    def _jumped(self, change) -> None:
        if self._restoring:
            return
        if change["new"] in self.items and change["new"] != self.current:
            self.current = change["new"]
            self._show_card()

    def answer(self, item_id: str, category: str) -> None:
        """Go to an item and choose a category, as a participant does (for tests and tools)."""
        self.current = item_id
        self._show_card()
        self.choice.value = category

    # --- what the participant sees -------------------------------------------------------
    def number(self, item_id: str) -> int:
        return self.order.index(item_id) + 1

    def _show_card(self) -> None:
        item = self.items[self.current]
        n, total = self.number(item.id), len(self.order)
        self.where.value = f'<p class="nk-where" role="status">Udsagn {n} af {total}</p>'
        self._restoring = True
        try:
            # The statement is the radio group's label: a screen reader names the group by it.
            self.choice.description = f"{n}. {item.text}"
            self.choice.value = self.answers.get(item.id)
        finally:
            self._restoring = False
        self.previous.disabled = n == 1
        self.next.disabled = n == total
        self._refresh()

    def _update_jump(self) -> None:
        """The list of items with a mark for each first answer, on the current item."""
        self._restoring = True
        try:
            self.jump.options = [(self._entry(i), i) for i in self.order]
            self.jump.value = self.current
        finally:
            self._restoring = False

    def _entry(self, item_id: str) -> str:
        text = self.items[item_id].text
        short = text if len(text) <= 60 else text[:57].rstrip() + " …"
        first = self.first.get(item_id)
        mark = "" if first is None else (" ✔" if first == self.items[item_id].category else " ✘")
        return f"{self.number(item_id)}. {short}{mark}"

    @property
    def correct(self) -> int:
        """Items whose first answer was right: what the score counts."""
        return sum(self.items[i].category == c for i, c in self.first.items())

    @property
    def answered(self) -> int:
        return len(self.first)

    def _refresh(self) -> None:
        d, item = self.definition, self.items[self.current]
        answer, first = self.answers.get(item.id), self.first.get(item.id)
        if answer is None:
            self.feedback.value = ""
        else:
            verdict = (
                ("Rigtigt.", "")
                if answer == item.category
                else (
                    "Ikke helt.",
                    f"Det hører til <b>{esc(d.category(item.category).title)}</b>. ",
                )
            )
            changed = ""
            if first != answer:
                was = "rigtigt" if first == item.category else "forkert"
                changed = (
                    f'<p class="nk-help">Du har ændret dit svar. Dit første svar, '
                    f"»{esc(d.category(first).title)}«, var {was} – det er det, der "
                    "tæller i scoren.</p>"
                )
            self.feedback.value = (
                feedback_html(
                    answer == item.category, verdict[0], verdict[1] + esc(item.explanation)
                )
                + changed
            )
        self._update_jump()
        total = len(d.items)
        done = (
            " Alle er besvaret – se billedet af, hvor dine svar landede."
            if self.answered == total
            else ""
        )
        self.score.value = (
            f'<p class="nk-score" role="status">Du har svaret på {self.answered} af {total}. '
            f"Første svar: <b>{self.correct} rigtige</b>.{done}</p>"
        )

    # --- the picture ------------------------------------------------------------------
    def _draw(self, *_):
        d = self.definition
        pairs = [(self.items[i].category, c) for i, c in self.answers.items()]
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
        layout, summary = [], []
        for row in grid_layout(d):
            cells = []
            for category in row:
                dots = tuple(
                    (self.number(i), self.items[i].category == category.id)
                    for i in self.order
                    if self.answers.get(i) == category.id
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
