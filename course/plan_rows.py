"""Plans made of rows (the year wheel, the action plan): the saved value, checks and tables.

A row is ``{"group": <category id or "">, "item": <catalogue item id or "">,
"fields": {<field id>: <text, ISO date or choice>}}``; the plan's value is
``{"rows": [row, ...]}``. Rows read from a workbook are cleaned, never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from course.content import Exercise
from course.planning import field_text, validate_fields

MAX_ROWS = 30  # per group: more than a plan for one person needs
ONE_GROUP = (("", ""),)  # the groups of a plan whose rows are not grouped: (id, title)


@dataclass
class Row:
    group: str = ""
    item: str = ""
    fields: dict = field(default_factory=dict)

    def as_value(self) -> dict:
        return {"group": self.group, "item": self.item, "fields": dict(self.fields)}


def clean_field(f, raw):
    """A field value from a workbook as the form would hold it."""
    if f.type == "valg":
        return raw if raw in f.options else ""
    if f.type == "dato":
        try:
            return date.fromisoformat(raw).isoformat()
        except (TypeError, ValueError):
            return None
    return raw if isinstance(raw, str) else ""


def rows(exercise: Exercise, value, groups=ONE_GROUP) -> list[Row]:
    """The rows of a saved plan; unknown groups, items and broken values are dropped.

    ``groups`` are the plan's groups as (id, title), e.g. the action plan's periods.
    """
    known_groups = {g for g, _ in groups}
    known_items = {i.id for i in exercise.items}
    entries = value.get("rows") if isinstance(value, dict) else None
    out, per_group = [], {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        group = entry.get("group", "")
        if group not in known_groups or per_group.get(group, 0) >= MAX_ROWS:
            continue
        given = entry.get("fields") if isinstance(entry.get("fields"), dict) else {}
        item = entry.get("item") if entry.get("item") in known_items else ""
        out.append(
            Row(group, item, {f.id: clean_field(f, given.get(f.id)) for f in exercise.fields})
        )
        per_group[group] = per_group.get(group, 0) + 1
    return out


def validate(
    exercise: Exercise, plan_rows: list[Row], today: date | None = None, groups=ONE_GROUP
) -> list[str]:
    """Danish messages for every incomplete or impossible row, naming group and row number."""
    problems = []
    for group, title in groups:
        in_group = [r for r in plan_rows if r.group == group]
        for n, row in enumerate(in_group, start=1):
            where = f"{title}, række {n}" if title else f"Række {n}"
            problems += [
                f"{where}: {p}" for p in validate_fields(exercise.fields, row.fields, today)
            ]
    if not plan_rows:
        problems.append("Planen har endnu ingen rækker. Tilføj mindst én.")
    return problems


def cell(exercise: Exercise, field_id: str, row: Row) -> str:
    f = next(f for f in exercise.fields if f.id == field_id)
    try:
        return field_text(f, row.fields.get(field_id))
    except (TypeError, ValueError):
        return ""


def table(exercise: Exercise, plan_rows: list[Row], first=()) -> list[list[str]]:
    """A table with a header row: optional leading columns, then one column per field."""
    header = [title for title, _ in first] + [f.label for f in exercise.fields]
    body = [
        [get(row) for _, get in first] + [cell(exercise, f.id, row) for f in exercise.fields]
        for row in plan_rows
    ]
    return [header, *body]
