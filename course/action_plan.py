"""The action plan (handleplan): what, who, when, with whom and how we will know it
worked, for each period (the project period and the next year). Rows as in
``course.plan_rows``, one group per period (the exercise's categories); the fields
``hvad``, ``start`` and ``slut`` are required by the kind (course/kinds.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from course import plan_rows
from course.content import Exercise
from course.danish import date_text
from course.document import Section
from course.ics import CalendarEvent
from course.planning import is_empty, parse_date

OWN_FIELDS = ("hvad", "start", "slut")  # what every action plan has; the rest is description
REMINDER = timedelta(hours=9)  # an action's reminder: at 9.00 on its day


def groups(exercise: Exercise) -> list[tuple[str, str]]:
    """The plan's periods as (id, title)."""
    return [(c.id, c.title) for c in exercise.categories]


def rows(exercise: Exercise, value) -> list[plan_rows.Row]:
    return plan_rows.rows(exercise, value, groups(exercise))


def validate(exercise: Exercise, plan: list[plan_rows.Row], today: date | None = None) -> list[str]:
    return plan_rows.validate(exercise, plan, today, groups(exercise))


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
    for g, title in groups(exercise):
        n = sum(r.group == g for r in rows)
        counts.append(f"{title}: {n} {'handling' if n == 1 else 'handlinger'}")
    return "; ".join(counts) + "."


def picture(
    exercise: Exercise, rows: list[plan_rows.Row], today: date | None = None, milestones=()
) -> bytes:
    from course.plan_charts import timeline

    ready = dated(rows)
    lanes = [
        (title, [(str(r.fields["hvad"]), s, e) for r, s, e in ready if r.group == g])
        for g, title in groups(exercise)
    ]
    return timeline(lanes, today=today, milestones=list(milestones))


def document_sections(
    exercise: Exercise, value, heading: str, today: date | None = None, milestones=()
) -> list[Section]:
    plan = rows(exercise, value)
    sections = [
        Section(
            heading,
            paragraphs=[summary(exercise, plan)]
            if plan
            else ["Handleplanen har endnu ingen handlinger."],
        )
    ]
    for group, title in groups(exercise):
        in_group = [r for r in plan if r.group == group]
        if in_group:
            sections.append(Section(title, table=plan_rows.table(exercise, in_group), level=2))
    if dated(plan):
        sections[0].images.append(picture(exercise, plan, today, milestones))
        sections[0].captions.append(f"Tidslinje over handleplanen. {summary(exercise, plan)}")
    return sections


def part_status(exercise: Exercise, value, today: date | None = None) -> tuple[str, list[str]]:
    """As a part of the gathered plan: the actions per period, and what is missing."""
    plan = rows(exercise, value)
    empty = [
        f"Der er endnu ingen handlinger for »{title}«."
        for g, title in groups(exercise)
        if not any(r.group == g for r in plan)
    ]
    problems = validate(exercise, plan, today) if plan else []
    return summary(exercise, plan), empty + problems


def calendar_events(exercise: Exercise, value, uid) -> list[CalendarEvent]:
    """The dated actions as reminders: a one-day event on the day an action starts and one on
    the day it ends, each with a reminder at 9.00 that day – never a block of weeks in the
    calendar. ``uid(key)`` makes each event's unique id."""
    labels = {f.id: f.label for f in exercise.fields}
    titles = dict(groups(exercise))
    events = []
    for n, (row, start, end) in enumerate(dated(rows(exercise, value)), start=1):
        what = str(row.fields["hvad"]).strip()
        details = [
            titles.get(row.group, ""),
            f"{labels['start']}: {date_text(start)}, {labels['slut']}: {date_text(end)}",
        ] + [
            f"{labels[f]}: {row.fields[f]}"
            for f in labels
            if f not in OWN_FIELDS and not is_empty(row.fields.get(f))
        ]
        description = "\n".join(d for d in details if d)
        days = [("start", start)] + ([("slut", end)] if end != start else [])
        for key, day in days:
            events.append(
                CalendarEvent(
                    uid=uid(f"handling-{n}-{key}"),
                    summary=f"{labels[key]}: {what}",
                    start=day,
                    description=description,
                    reminder=REMINDER,
                )
            )
    return events
