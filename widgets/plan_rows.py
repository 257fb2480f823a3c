"""Plans made of rows of fields from data/ (the year wheel, the action plan).

Rows are added and removed with buttons (no dragging); each field has a visible label.
Subclasses add what comes before the rows (a catalogue), the groups, the picture and the
document.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as ipw

from course import plan_rows
from widgets.base import Exercise
from widgets.controls import (
    button_row,
    control_value,
    field_input,
    required_note,
    row,
    set_control,
)
from widgets.markup import esc, message_html, picture_html, problems_html


class RowPlanner(Exercise):
    blank_rows = True  # a button per group that adds an empty row
    picture_label = "Tjek og tegn planen"
    complete_message = "Planen er udfyldt."
    message_above_rows = False  # True when rows are added from above (a catalogue), not below

    def _build(self):
        self.today: date | None = None  # None: the real today; tests may fix it
        self.rows: list[plan_rows.Row] = []
        self.group_boxes: dict[str, ipw.VBox] = {}
        self.add_buttons: dict[str, ipw.Button] = {}
        self.messages: dict[str, ipw.HTML] = {}
        self._views: dict[
            int, tuple[dict, ipw.Button]
        ] = {}  # id(row) -> its controls, its remove button
        children = self._before_rows()
        for group, title in self.groups():
            box = ipw.VBox()
            box.add_class("nk-plan-rows")
            self.group_boxes[group] = box
            self.messages[group] = ipw.HTML()
            if title:
                children.append(ipw.HTML(f'<h4 class="nk-group">{esc(title)}</h4>'))
            if self.message_above_rows:
                children.append(self.messages[group])
            children.append(box)
            if self.blank_rows:
                add = self._button(
                    f"Tilføj en handling – {title}" if title else "Tilføj en række",
                    "plus",
                    f"Tilføj en tom række{' i ' + title if title else ''}",
                    lambda _, g=group: self.add_row(g),
                )
                self.add_buttons[group] = add
                children.append(button_row(add))
            if not self.message_above_rows:
                children.append(self.messages[group])
        self.check_button = self._button(
            self.picture_label, "bar-chart", "Tjek rækkerne og tegn planen", self._check
        )
        self.make_button = self._make_button()
        self.feedback = ipw.HTML()
        self.picture = ipw.HTML()
        self.result = ipw.HTML()
        self._render()
        return children + [
            required_note(),
            button_row(self.check_button, self.make_button),
            self.feedback,
            self.picture,
            self.result,
        ]

    # --- for subclasses ----------------------------------------------------------------
    def groups(self) -> list[tuple[str, str]]:
        """The plan's groups of rows as (id, title); one unnamed group unless overridden."""
        return list(plan_rows.ONE_GROUP)

    def _before_rows(self) -> list:
        return []

    def _picture(self) -> tuple[bytes, str] | None:
        """The plan's picture and its text alternative, or None when there is nothing to draw."""
        raise NotImplementedError

    def _sections(self) -> list:
        raise NotImplementedError

    # --- state -------------------------------------------------------------------------
    def _read(self) -> dict:
        return {"rows": [r.as_value() for r in self.rows]}

    def _restore(self, value) -> None:
        self.rows = plan_rows.rows(self.definition, value, self.groups())
        self._render()

    def problems(self) -> list[str]:
        return plan_rows.validate(self.definition, self.rows, self.today, self.groups())

    # --- actions -----------------------------------------------------------------------
    def add_row(self, group: str = "", item: str = "", fields: dict | None = None) -> bool:
        if sum(r.group == group for r in self.rows) >= plan_rows.MAX_ROWS:
            self.messages[group].value = message_html(
                f"Der kan højst være {plan_rows.MAX_ROWS} rækker her.", "warn"
            )
            return False
        empty = {f.id: None if f.type == "dato" else "" for f in self.definition.fields}
        row = self._new_row(group, item, {**empty, **(fields or {})})
        if row is None:
            return False
        self.rows.append(row)
        self.messages[group].value = ""
        self._render(group)
        self._changed()
        return True

    def _new_row(self, group: str, item: str, fields: dict) -> plan_rows.Row | None:
        """The row to add; None when it cannot be added (the group's message says why)."""
        return plan_rows.Row(group, item, fields)

    def remove_row(self, row: plan_rows.Row) -> None:
        self.rows = [r for r in self.rows if r is not row]
        self._render(row.group)
        self._changed()

    def controls(self, group: str = "", number: int = 1) -> tuple[dict, ipw.Button]:
        """The controls (by field id) and the remove button of a group's row, counted from 1."""
        row = [r for r in self.rows if r.group == group][number - 1]
        return self._views[id(row)]

    def _set(self, row: plan_rows.Row, field_id: str, control) -> None:
        row.fields[field_id] = control_value(control)
        self._changed()

    # --- view --------------------------------------------------------------------------
    def _render(self, only: str | None = None) -> None:
        for group, box in self.group_boxes.items():
            if only is None or group == only:
                in_group = [r for r in self.rows if r.group == group]
                box.children = [self._row_view(n, r) for n, r in enumerate(in_group, start=1)]
        self._views = {k: v for k, v in self._views.items() if k in {id(r) for r in self.rows}}

    def _row_view(self, number: int, plan_row: plan_rows.Row):
        controls = {}
        for f in self.definition.fields:
            control = field_input(f)
            set_control(control, f, plan_row.fields.get(f.id))
            control.add_class(f"nk-field-{f.type}")
            if f.id == self._title_field():
                control.add_class("nk-field-title")
            self._on_change(
                control, lambda _, r=plan_row, fid=f.id, c=control: self._set(r, fid, c)
            )
            controls[f.id] = control
        what = str(plan_row.fields.get(self._title_field(), "") or "").strip() or f"række {number}"
        remove = self._remove_button(f"Fjern »{what}«", lambda _, r=plan_row: self.remove_row(r))
        head = ipw.HTML(f'<span class="nk-rank">{number}.</span>')
        self._views[id(plan_row)] = (controls, remove)
        view = ipw.VBox(
            [
                ipw.HBox([head, remove], layout={"justify_content": "space-between"}),
                row(controls.values(), "nk-plan-fields"),
            ]
        )
        view.add_class("nk-plan-row")
        return view

    def _title_field(self) -> str:
        return self.definition.fields[0].id

    def _refresh(self) -> None:
        # A value can reach the kernel after a click on the check button (the browser buffers
        # it): a check already shown follows the plan instead of going stale or vanishing.
        if self.feedback.value:
            self._check()
        self.result.value = ""  # a made document no longer matches the plan

    def _check(self, *_):
        problems = self.problems()
        self.feedback.value = (
            problems_html(problems) if problems else message_html(self.complete_message, "ok")
        )
        drawn = self._picture()
        self.picture.value = picture_html(*drawn) if drawn else ""

    def _make(self, *_):
        if self._not_ready(self.result, self.problems()):
            return
        self._offer(self.result, self._document(self._sections()))
