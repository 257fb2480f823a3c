"""The action plan (handleplan): what, who, when, with whom and how we will know it
worked, for each period (the project period and the next year). Rows as in
``course.plan_rows``; the fields ``hvad``, ``start`` and ``slut`` are checked in
``course.content``.
"""

from __future__ import annotations

from datetime import date

from course import plan_rows
from course.content import Exercise
from course.document import Section
from course.planning import is_empty, parse_date


def dated(rows: list[plan_rows.Row]) -> list[tuple[plan_rows.Row, date, date]]:
    """Rows with a what and a possible start and end, for the timeline and the calendar."""
    out = []
    for row in rows:
        start, end = parse_date(row.fields.get("start")), parse_date(row.fields.get("slut"))
        if start and end and end >= start and not is_empty(row.fields.get("hvad")):
            out.append((row, start, end))
    return out


def summary(exercise: Exercise, rows: list[plan_rows.Row]) -> str:
    counts = []
    for g, title in plan_rows.groups(exercise):
        n = sum(r.group == g for r in rows)
        counts.append(f"{title}: {n} {'handling' if n == 1 else 'handlinger'}")
    return "; ".join(counts) + "."


def picture(exercise: Exercise, rows: list[plan_rows.Row], today: date | None = None,
            milestones=()) -> bytes:
    from course.plan_charts import timeline

    ready = dated(rows)
    groups = [(title, [(str(r.fields["hvad"]), s, e) for r, s, e in ready if r.group == g])
              for g, title in plan_rows.groups(exercise)]
    return timeline(groups, today=today, milestones=list(milestones))


def document_sections(exercise: Exercise, value, heading: str, with_picture: bool = True,
                      today: date | None = None, milestones=()) -> list[Section]:
    rows = plan_rows.rows(exercise, value)
    sections = [Section(heading, paragraphs=[summary(exercise, rows)] if rows else
                        ["Handleplanen har endnu ingen handlinger."])]
    for group, title in plan_rows.groups(exercise):
        in_group = [r for r in rows if r.group == group]
        if in_group:
            sections.append(Section(title, table=plan_rows.table(exercise, in_group), level=2))
    if with_picture and dated(rows):
        sections[0].images.append(picture(exercise, rows, today, milestones))
        sections[0].captions.append(f"Tidslinje over handleplanen. {summary(exercise, rows)}")
    return sections
