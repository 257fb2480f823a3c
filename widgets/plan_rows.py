"""Plans made of rows of fields from data/ (the year wheel, the action plan).

Rows are added and removed with buttons (no dragging); each field has a visible label.
Subclasses add what comes before the rows (a catalogue), the picture and the document.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as ipw

from course import plan_rows, planning
from course.document import Document
from widgets.base import Exercise, button_row, esc, labelled, message_html, picture_html
from widgets.planner import (control_value, document_links, document_stem, field_control, not_ready,
                             problems_html)


class RowPlanner(Exercise):
    blank_rows = True  # a button per group that adds an empty row
    picture_label = "Tjek og tegn planen"
    complete_message = "Planen er udfyldt."
    message_above_rows = False  # True when rows are added from above (a catalogue), not below

    def _build(self):
        d = self.definition
        self.today: date | None = None  # None: the real today; tests may fix it
        self.rows: list[plan_rows.Row] = []
        self.group_boxes: dict[str, ipw.VBox] = {}
        self.add_buttons: dict[str, ipw.Button] = {}
        self.messages: dict[str, ipw.HTML] = {}
        self._views: dict[int, tuple[dict, ipw.Button]] = {}  # id(row) -> its controls, its remove button
        children = self._before_rows()
        for group, title in plan_rows.groups(d):
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
                add = ipw.Button(description=f"Tilføj en handling – {title}" if title else "Tilføj en række",
                                 icon="plus", tooltip=f"Tilføj en tom række{' i ' + title if title else ''}")
                add.add_class("nk-button")
                self._on_click(add, lambda _, g=group: self.add_row(g))
                self.add_buttons[group] = add
                children.append(button_row(add))
            if not self.message_above_rows:
                children.append(self.messages[group])
        self.check_button = ipw.Button(description=self.picture_label, icon="bar-chart",
                                       tooltip="Tjek rækkerne og tegn planen")
        self.make_button = ipw.Button(description="Lav dokumentet", icon="file-text",
                                      tooltip="Tjek planen og lav den som Word-fil og tekstfil")
        for button, handler in ((self.check_button, self._check), (self.make_button, self._make)):
            button.add_class("nk-button")
            self._on_click(button, handler)
        actions = button_row(self.check_button, self.make_button)
        self.feedback = ipw.HTML()
        self.picture = ipw.HTML()
        self.result = ipw.HTML()
        self._render()
        required = ipw.HTML('<p class="nk-help">Felter med * skal udfyldes.</p>')
        return children + [required, actions, self.feedback, self.picture, self.result]

    # --- for subclasses ----------------------------------------------------------------
    def _before_rows(self) -> list:
        return []

    def _picture(self) -> tuple[bytes, str] | None:
        """The plan's picture and its text alternative, or None when there is nothing to draw."""
        raise NotImplementedError

    def _sections(self) -> list:
        raise NotImplementedError

    # --- state -------------------------------------------------------------------------
    @property
    def value(self) -> dict:
        return {"rows": [r.as_value() for r in self.rows]}

    def _restore(self, value) -> None:
        self.rows = plan_rows.rows(self.definition, value)
        self._render()

    def problems(self) -> list[str]:
        return plan_rows.validate(self.definition, self.rows, self.today)

    # --- actions -----------------------------------------------------------------------
    def add_row(self, group: str = "", item: str = "", fields: dict | None = None) -> bool:
        if sum(r.group == group for r in self.rows) >= plan_rows.MAX_ROWS:
            self.messages[group].value = message_html(
                f"Der kan højst være {plan_rows.MAX_ROWS} rækker her.", "warn")
            return False
        empty = {f.id: None if f.type == "dato" else "" for f in self.definition.fields}
        self.rows.append(plan_rows.Row(group, item, {**empty, **(fields or {})}))
        self.messages[group].value = ""
        self._render(group)
        self._changed()
        return True

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

    def _row_view(self, number: int, row: plan_rows.Row):
        controls = {}
        for f in self.definition.fields:
            control = field_control(f)
            value = row.fields.get(f.id)
            if f.type == "dato":
                control.value = date.fromisoformat(value) if value else None
            else:
                control.value = value or ""
            labelled(control, f.label + (" *" if f.required else ""))
            control.add_class(f"nk-field-{f.type}")
            if f.id == self._title_field():
                control.add_class("nk-field-title")
            self._on_change(control, lambda _, r=row, fid=f.id, c=control: self._set(r, fid, c))
            controls[f.id] = control
        what = str(row.fields.get(self._title_field(), "") or "").strip() or f"række {number}"
        remove = ipw.Button(description="Fjern", icon="trash", tooltip=f"Fjern »{what}«")
        remove.add_class("nk-small")
        self._on_click(remove, lambda _, r=row: self.remove_row(r))
        head = ipw.HTML(f'<span class="nk-rank">{number}.</span>')
        self._views[id(row)] = (controls, remove)
        fields = ipw.HBox(list(controls.values()))
        fields.add_class("nk-row")
        fields.add_class("nk-plan-fields")
        view = ipw.VBox([ipw.HBox([head, remove], layout={"justify_content": "space-between"}), fields])
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
        self.feedback.value = problems_html(problems) if problems else message_html(self.complete_message, "ok")
        drawn = self._picture()
        self.picture.value = picture_html(*drawn) if drawn else ""

    def _make(self, *_):
        if not_ready(self, self.problems()):
            return
        d = self.definition
        doc = Document(title=d.document_title or d.title,
                       meta=planning.document_meta(self.workbook.name, self.workbook.job_centre),
                       sections=self._sections())
        links = document_links(doc, document_stem(d.document_title or d.title, self.workbook.name))
        self.result.value = f'<div class="nk-msg nk-ok" role="status">Dokumentet er klar. {links}</div>'
