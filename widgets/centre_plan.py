"""fællesplan: a job centre's action plan, made together in a workshop from each participant's
own page. How changes from two people merge is in course/centre_plan.py; here are the rows,
the notices, and a button that fetches the colleagues' changes.

Colleagues' changes are fetched when the participant asks (or after a change of theirs that
met one): replacing a field's text while someone types in it would throw their typing away.
Text fields send their value when the participant leaves the field, not at every keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import ipywidgets as ipw

from course import centre_plan, plan_rows
from course.centre_plan import Address, CentrePlans, Edit
from course.planning import field_text
from course.room import RoomError, _now
from widgets.action_plan import ActionPlan
from widgets.base import exercise_kind
from widgets.controls import button_row, control_value, set_control
from widgets.handlers import safe
from widgets.markup import esc, message_html
from widgets.ticker import Ticker

WATCH_MS = 4000
WATCH_MINUTES = 45


@dataclass
class SharedRow(plan_rows.Row):
    """A row of the plan with its id and the versions the participant has seen."""

    id: str = ""
    version: int = 0  # the row's version in the plan (0: not in a shared plan)
    versions: dict = field(default_factory=dict)  # field id -> the version seen

    def as_value(self) -> dict:
        return {**super().as_value(), "id": self.id}


def _shown(f, value) -> str:
    try:
        return field_text(f, value) or "(tomt)"
    except (TypeError, ValueError):
        return str(value)


def _clock(stamp: str) -> str:
    try:
        return f"{datetime.fromisoformat(stamp):%H.%M}"
    except (TypeError, ValueError):
        return ""


@exercise_kind("fællesplan")
class CentrePlan(ActionPlan):
    picture_label = "Tjek og tegn tidslinjen"
    complete_message = "Planen er udfyldt, og datoerne hænger sammen."

    # --- building -----------------------------------------------------------------------
    def _before_rows(self) -> list:
        self.at: Address | None = None  # the plan shared with the job centre, in a workshop
        self.me = ""  # the participant's key as a writer in the plan
        self.authors: list[str] = []
        self._since = ""  # when the participant last fetched the plan
        self._applying = False
        self.where = ipw.HTML()
        self.notice = ipw.HTML()
        self.sync_button = self._button(
            "Hent kollegernes ændringer",
            "refresh",
            "Vis planen, som den ser ud nu, med dine kollegers ændringer",
            lambda _: self.sync(),
        )
        self.ticker = Ticker(WATCH_MS, WATCH_MINUTES, "Planens status")
        self.ticker.observe(safe(self._tick, self._show_error), names="value")
        return [self.where, self.notice, button_row(self.sync_button), self.ticker]

    def _row_view(self, number: int, plan_row):
        view = super()._row_view(number, plan_row)
        for control in self._views[id(plan_row)][0].values():
            if hasattr(control, "continuous_update"):
                control.continuous_update = False  # sent when the participant leaves the field
        return view

    # --- the value ----------------------------------------------------------------------
    def _read(self) -> dict:
        marker = (
            None if self.at is None else {"workshop": self.at.workshop, "centre": self.at.centre}
        )
        return {
            "plan": marker,
            "authors": list(self.authors),
            "rows": [r.as_value() for r in self.rows],
        }

    def _restore(self, value) -> None:
        self._saved = value
        self.authors = (
            [a for a in (value.get("authors") or []) if isinstance(a, str)]
            if isinstance(value, dict)
            else []
        )
        known = {g for g, _ in self.groups()}
        self.rows = [self._row_from(r) for r in centre_plan.saved_rows(value) if r.group in known]
        self._render()

    def _row_from(self, plan_row: centre_plan.PlanRow) -> SharedRow:
        empty = {f.id: None if f.type == "dato" else "" for f in self.definition.fields}
        cleaned = {
            f.id: plan_rows.clean_field(f, plan_row.cells[f.id].value)
            for f in self.definition.fields
            if f.id in plan_row.cells
        }
        return SharedRow(
            plan_row.group,
            "",
            {**empty, **cleaned},
            id=plan_row.id,
            version=plan_row.version,
            versions={fid: c.version for fid, c in plan_row.cells.items()},
        )

    # --- joining the job centre's plan -----------------------------------------------------
    def bind(self, workbook) -> None:
        self._saved = None
        super().bind(workbook)
        self._join_plan()

    def show_sharing(self) -> None:
        super().show_sharing()
        self._join_plan()

    def _plans(self) -> CentrePlans | None:
        return CentrePlans(self.room) if self.room is not None else None

    def _join_plan(self) -> None:
        at = centre_plan.address(self.workbook, self.definition.id)
        if at is None or self.room is None:
            self.at = None
            self.ticker.playing = False
            self.where.value = (
                '<p class="nk-share-note">Planen er din egen, så længe du ikke er med i en '
                "workshop. Er du med i en workshop, skriver du og dine kolleger fra samme "
                "jobcenter i den samme plan.</p>"
                if self.workbook is not None
                else ""
            )
            return
        self.at = at
        self.me = centre_plan.writer_key(self.workbook, at)
        plans = self._plans()
        if centre_plan.made_alone(self._saved) and self.rows:
            known = plans.known(at)  # rows written before joining go into the shared plan
            for r in self.rows:
                if r.id not in known:
                    plans.add_row(at, r.id, r.group, self.workbook.name, self.me, r.fields)
        self.sync()

    def sync(self) -> None:
        """Show the plan as the job centre holds it now, and keep a copy in the workbook."""
        if self.at is None:
            self._render()
            return
        plans = self._plans()
        since = _now()
        rows = plans.rows(self.at)
        self.authors = plans.authors(self.at)
        self._since = since
        known = {g for g, _ in self.groups()}
        self.rows = [self._row_from(r) for r in rows if r.group in known]
        self._render()
        self.notice.value = ""
        for message in self.messages.values():
            message.value = ""
        self._show_where()
        if self.workbook is not None and self.workbook.answer(self.definition.id) != self._read():
            self._save()
        self._refresh()
        self.ticker.start()

    def _show_where(self) -> None:
        names = ", ".join(self.authors) if self.authors else "ingen endnu"
        self.where.value = (
            f'<p class="nk-share-note"><b>Fælles plan for {esc(self.workbook.job_centre)}</b> '
            f"i workshoppen »{esc(self.workbook.workshop.get('name', ''))}«. Alle, der har "
            "skrevet samme jobcenter som dig, skriver i denne plan. Har skrevet i planen: "
            f"{esc(names)}.</p>"
        )

    def _tick(self, _change) -> None:
        if self.at is None:
            self.ticker.playing = False
            return
        count, when, who = self._plans().changes_by_others(self.at, self.me, self._since)
        if not count:
            self.notice.value = ""
            return
        what = "en ændring" if count == 1 else f"{count} ændringer"
        self.notice.value = message_html(
            f"{who or 'En kollega'} har ændret planen kl. {_clock(when)} ({what}). Tryk på »Hent "
            "kollegernes ændringer« for at se dem. Det, du selv skriver, gemmes stadig.",
            "info",
        )

    # --- changes --------------------------------------------------------------------------
    def _field(self, field_id: str):
        return next(f for f in self.definition.fields if f.id == field_id)

    def _number(self, row: SharedRow) -> int:
        return [r for r in self.rows if r.group == row.group].index(row) + 1

    def _tell(self, row: SharedRow, text: str, tone: str = "warn") -> None:
        self.messages[row.group].value = message_html(text, tone)

    def _set(self, row, field_id: str, control) -> None:
        if self._applying:
            return
        value = control_value(control)
        if self.at is None:
            row.fields[field_id] = value
            self._changed()
            return
        f = self._field(field_id)
        try:
            result = self._plans().set_cell(
                self.at,
                row.id,
                field_id,
                value,
                row.versions.get(field_id, 0),
                f.type,
                self.workbook.name,
                self.me,
            )
        except RoomError as e:
            self._tell(row, str(e))
            return
        cell = result.row.cells.get(field_id, centre_plan.Cell())
        row.fields[field_id] = plan_rows.clean_field(f, cell.value)
        row.versions[field_id] = cell.version
        if result.row.version == row.version + 1:  # nobody else changed the row meanwhile
            row.version = result.row.version
        where = f"»{f.label}« i række {self._number(row)}"
        if result.edit is Edit.MERGED:
            self._tell(
                row,
                f"{result.by or 'En kollega'} ændrede {where}, mens du skrev. Begge tekster er "
                "bevaret i feltet – ret det til, så det passer.",
            )
        elif result.edit is Edit.KEPT_THEIRS:
            self._tell(
                row,
                f"{result.by or 'En kollega'} ændrede {where}, mens du skrev, og det står nu: "
                f"{_shown(f, cell.value)}. Du valgte {_shown(f, value)} – vælg det igen, hvis "
                "det skal være dit.",
            )
        elif result.edit is Edit.REVIVED:
            self._tell(
                row,
                f"{result.by or 'En kollega'} havde fjernet række {self._number(row)}. Din "
                "ændring har sat den ind i planen igen.",
            )
        if control_value(control) != row.fields[field_id]:
            self._applying = True
            try:
                set_control(control, f, row.fields[field_id])
            finally:
                self._applying = False
        if self.workbook.name not in self.authors:
            self.authors.append(self.workbook.name)
        self._changed()

    def _new_row(self, group: str, item: str, fields: dict) -> SharedRow | None:
        row = SharedRow(group, "", fields, id=centre_plan.new_row_id())
        if self.at is not None:
            try:
                stored = self._plans().add_row(
                    self.at, row.id, group, self.workbook.name, self.me, row.fields
                )
            except RoomError as e:
                self.messages[group].value = message_html(str(e), "warn")
                return None
            row.version = stored.version
            row.versions = {fid: c.version for fid, c in stored.cells.items()}
            if self.workbook.name not in self.authors:
                self.authors.append(self.workbook.name)
        return row

    def remove_row(self, row) -> None:
        if self.at is not None:
            result = self._plans().remove_row(
                self.at, row.id, row.version, self.workbook.name, self.me
            )
            if result.edit is Edit.NOT_REMOVED:
                number = self._number(row)
                self.sync()
                self.messages[row.group].value = message_html(
                    f"{result.by or 'En kollega'} har ændret række {number}, efter du sidst "
                    "hentede planen, så den er ikke fjernet. Planen er hentet igen: se "
                    "ændringen, og fjern rækken igen, hvis den skal væk.",
                    "warn",
                )
                return
        super().remove_row(row)

    def _sections(self) -> list:
        return centre_plan.document_sections(
            self.definition, self._read(), self.definition.title, today=self.today or None
        )
