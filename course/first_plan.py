"""»Min første plan som nøgleperson«: the parts a participant built during the day, gathered
from the workbook into one document and one calendar. Nothing is typed twice.

The plan (an exercise of kind ``samleplan``) names its parts in ``data/``; each part is
another exercise's saved answer, read-only here. The samleplan's own value holds the
start date and time of the follow-up talks with the team leader.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from course import planning, recap
from course.content import Course, Exercise, Part
from course.danish import (
    clock,
    closed_because,
    danish_today,
    date_text,
    next_working_day,
    parse_clock,
)
from course.document import Document, Section
from course.ics import CalendarEvent
from course.kinds import KINDS


@dataclass
class PartStatus:
    """What one part holds, in Danish, and what is still missing."""

    part: Part
    page_title: str
    notebook: str
    found: str
    missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


def part_statuses(
    content: Course, plan: Exercise, answers: dict, today: date | None = None
) -> list[PartStatus]:
    out = []
    for part in plan.parts:
        ex = content.exercise(part.exercise)
        session = content.programme.session(part.session)
        answer = answers.get(part.exercise)
        if answer is None:
            found, missing = "", ["Ikke lavet endnu."]
        else:
            found, missing = KINDS[ex.kind].plan_part.status(ex, answer, today)
        out.append(PartStatus(part, session.title, session.notebook, found, missing))
    return out


# --- follow-up with the team leader -----------------------------------------------------


@dataclass(frozen=True)
class FollowUp:
    day: date  # a working day
    title: str
    description: str
    moved: str = ""  # why the talk left its planned day (»lørdag«, »nytårsaftensdag«), or ""
    planned: date | None = None  # the planned day when the talk was moved


def clock_text(values: dict) -> str:
    """» kl. 10.00« when the plan's follow-ups have a time of day, else ""."""
    minutes = parse_clock(values.get("tidspunkt"))
    return "" if minutes is None else f" kl. {clock(minutes)}"


def follow_ups(plan: Exercise, values: dict) -> list[FollowUp]:
    """The follow-up talks after the start date (none until a start date is chosen), each on
    the planned day or, when that is a weekend or a holiday, on the next working day."""
    start = planning.parse_date(values.get("start"))
    if start is None:
        return []
    talks = []
    for days, item in zip(plan.followup_days, plan.items):
        planned = start + timedelta(days=days)
        day = next_working_day(planned)
        moved = closed_because(planned)
        talks.append(FollowUp(day, item.text, item.explanation, moved, planned if moved else None))
    return talks


def moved_text(talk: FollowUp) -> str:
    """» (flyttet fra lørdag 02.01.2027)« for a moved talk, else ""."""
    return f" (flyttet fra {talk.moved} {date_text(talk.planned)})" if talk.moved else ""


# --- the document ---------------------------------------------------------------------------


def _part_sections(content: Course, part: Part, answer, today, milestones) -> list[Section]:
    ex = content.exercise(part.exercise)
    if answer is None:
        page = content.programme.session(part.session).title
        return [Section(part.heading, paragraphs=[f"Ikke lavet endnu – se siden »{page}«."])]
    return KINDS[ex.kind].plan_part.sections(ex, answer, part.heading, today, milestones)


def build_document(
    content: Course,
    plan: Exercise,
    answers: dict,
    name: str,
    job_centre: str,
    today: date | None = None,
    personal_code: str = "",
) -> Document:
    """The plan as a document; ``personal_code`` (K7M4-QXP2) is printed so that the participant
    finds the logbog again on the course's server."""
    today = today or danish_today()
    values = planning.form_values(answers.get(plan.id))
    talks = follow_ups(plan, values)
    milestones = [(t.title, t.day) for t in talks]
    doc = Document(
        title=plan.document_title or plan.title,
        meta=planning.document_meta(name, job_centre, today)
        + (
            [f"Personlig kode til din logbog på kursets server: {personal_code}"]
            if personal_code
            else []
        ),
    )
    for part in plan.parts:
        doc.sections += _part_sections(content, part, answers.get(part.exercise), today, milestones)
    doc.sections += recap.document_sections(content, answers)  # »Det tager jeg med«, per page
    if talks and plan.categories:
        at = clock_text(values)
        heading = plan.categories[0]
        doc.sections.append(
            Section(
                heading.title,
                paragraphs=[heading.description] if heading.description else [],
                table=[["Dato", "Samtale", "Indhold"]]
                + [[date_text(t.day) + at + moved_text(t), t.title, t.description] for t in talks],
            )
        )
    return doc


# --- the calendar ----------------------------------------------------------------------------


def _uid(workbook_id: str, key: str) -> str:
    # The workbook code opens the workbook: never put it in a file that may be shared.
    digest = hashlib.sha256(f"{workbook_id}:{key}".encode()).hexdigest()[:32]
    return f"{digest}@noeglepersonkursus"


def calendar_events(
    content: Course, plan: Exercise, answers: dict, workbook_id: str
) -> list[CalendarEvent]:
    """The dated rows of the parts (the action plan's) as dated reminders, and the follow-up
    talks on working days (timed in Danish time when a time is set, else all-day)."""
    events = []
    for part in plan.parts:
        ex = content.exercise(part.exercise)
        to_events = KINDS[ex.kind].plan_part.events
        if to_events is not None:
            events += to_events(ex, answers.get(part.exercise), lambda key: _uid(workbook_id, key))
    values = planning.form_values(answers.get(plan.id))
    minutes = parse_clock(values.get("tidspunkt"))
    for days, talk in zip(plan.followup_days, follow_ups(plan, values)):
        start = (
            talk.day if minutes is None else datetime.combine(talk.day, time(*divmod(minutes, 60)))
        )
        events.append(
            CalendarEvent(
                uid=_uid(workbook_id, f"opfoelgning-{days}"),
                summary=talk.title,
                start=start,
                description=talk.description,
            )
        )
    return events
