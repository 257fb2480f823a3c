"""»Min første plan som nøgleperson«: the parts a participant built during the day, gathered
from the workbook into one document and one calendar. Nothing is typed twice.

The plan (an exercise of kind ``samleplan``) names its parts in ``data/``; each part is
another exercise's saved answer, read-only here. The samleplan's own value holds the
start date and time of the follow-up talks with the team leader.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from course import action_plan, onboarding, plan_rows, planning, year_wheel
from course.content import Course, Exercise, Part
from course.document import Document, Section
from course.ics import CalendarEvent


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


def _planner_status(ex: Exercise, answer, today) -> tuple[str, list[str]]:
    values = answer.get("fields") if isinstance(answer, dict) else None
    values = values if isinstance(values, dict) else {}
    done = planning.filled(ex, values)
    return (f"{len(done)} af {len(ex.fields)} felter er udfyldt.",
            planning.validate(ex, values, today) if done else ["Intet er udfyldt endnu."])


def _onboarding_status(ex: Exercise, answer, today) -> tuple[str, list[str]]:
    plan = onboarding.grips(ex, answer)
    return onboarding.summary(ex, plan), onboarding.advice(ex, plan)


def _wheel_status(ex: Exercise, answer, today) -> tuple[str, list[str]]:
    rows = plan_rows.rows(ex, answer)
    return year_wheel.summary(ex, rows, detail=False), plan_rows.validate(ex, rows)


def _action_status(ex: Exercise, answer, today) -> tuple[str, list[str]]:
    rows = plan_rows.rows(ex, answer)
    empty = [f"Der er endnu ingen handlinger for »{title}«." for g, title in plan_rows.groups(ex)
             if not any(r.group == g for r in rows)]
    problems = [p for p in plan_rows.validate(ex, rows, today) if rows]
    return action_plan.summary(ex, rows), empty + problems


STATUS = {"planlægger": _planner_status, "introduktionsplan": _onboarding_status,
          "årshjul": _wheel_status, "handleplan": _action_status}


def part_statuses(content: Course, plan: Exercise, answers: dict,
                  today: date | None = None) -> list[PartStatus]:
    out = []
    for part in plan.parts:
        ex = content.exercise(part.exercise)
        session = content.programme.session(part.session)
        answer = answers.get(part.exercise)
        if answer is None:
            found, missing = "", ["Ikke lavet endnu."]
        else:
            found, missing = STATUS[ex.kind](ex, answer, today)
        out.append(PartStatus(part, session.title, session.notebook, found, missing))
    return out


# --- follow-up with the team leader -----------------------------------------------------

@dataclass(frozen=True)
class FollowUp:
    day: date
    title: str
    description: str


def follow_ups(plan: Exercise, values: dict) -> list[FollowUp]:
    """The follow-up talks after the start date (none until a start date is chosen)."""
    start = planning.parse_date(values.get("start"))
    if start is None:
        return []
    return [FollowUp(start + timedelta(days=days), item.text, item.explanation)
            for days, item in zip(plan.followup_days, plan.items)]


def plan_values(answer) -> dict:
    values = answer.get("fields") if isinstance(answer, dict) else None
    return values if isinstance(values, dict) else {}


def _action_part(content: Course, plan: Exercise):
    return next((p for p in plan.parts if content.exercise(p.exercise).kind == "handleplan"), None)


# --- the document ---------------------------------------------------------------------------

def _part_sections(content: Course, part: Part, answer, today, milestones) -> list[Section]:
    ex = content.exercise(part.exercise)
    if answer is None:
        page = content.programme.session(part.session).title
        return [Section(part.heading, paragraphs=[f"Ikke lavet endnu – se siden »{page}«."])]
    if ex.kind == "planlægger":
        return [Section(part.heading)] + planning.field_sections(ex, plan_values(answer), level=2)
    if ex.kind == "introduktionsplan":
        return onboarding.document_sections(ex, answer, part.heading)
    if ex.kind == "årshjul":
        return year_wheel.document_sections(ex, answer, part.heading)
    if ex.kind == "handleplan":
        return action_plan.document_sections(ex, answer, part.heading, today=today, milestones=milestones)
    raise ValueError(f"a samleplan cannot gather an exercise of kind {ex.kind}")  # content.py prevents it


def build_document(content: Course, plan: Exercise, answers: dict, name: str, job_centre: str,
                   today: date | None = None) -> Document:
    today = today or date.today()
    values = plan_values(answers.get(plan.id))
    talks = follow_ups(plan, values)
    milestones = [(t.title, t.day) for t in talks]
    doc = Document(title=plan.document_title or plan.title,
                   meta=planning.document_meta(name, job_centre, today))
    for part in plan.parts:
        doc.sections += _part_sections(content, part, answers.get(part.exercise), today, milestones)
    if talks and plan.categories:
        clock = planning.parse_clock(values.get("tidspunkt"))
        at = f" kl. {clock[0]:02d}.{clock[1]:02d}" if clock else ""
        heading = plan.categories[0]
        doc.sections.append(Section(heading.title, paragraphs=[heading.description] if heading.description else [],
                                    table=[["Dato", "Samtale", "Indhold"]] + [
                                        [planning.danish_date(t.day) + at, t.title, t.description]
                                        for t in talks]))
    return doc


# --- the calendar ----------------------------------------------------------------------------

def _uid(workbook_id: str, key: str) -> str:
    # The workbook code opens the workbook: never put it in a file that may be shared.
    digest = hashlib.sha256(f"{workbook_id}:{key}".encode()).hexdigest()[:32]
    return f"{digest}@noeglepersonkursus"


def calendar_events(content: Course, plan: Exercise, answers: dict, workbook_id: str) -> list[CalendarEvent]:
    """The action plan's rows as all-day events and the follow-up talks (timed when a time is set)."""
    events = []
    part = _action_part(content, plan)
    if part is not None:
        ex = content.exercise(part.exercise)
        rows = plan_rows.rows(ex, answers.get(part.exercise))
        labels = {f.id: f.label for f in ex.fields}
        titles = dict(plan_rows.groups(ex))
        for n, (row, start, end) in enumerate(action_plan.dated(rows), start=1):
            details = [titles.get(row.group, "")] + [
                f"{labels[f]}: {row.fields[f]}" for f in labels
                if f not in ("hvad", "start", "slut") and not planning.is_empty(row.fields.get(f))]
            events.append(CalendarEvent(uid=_uid(workbook_id, f"handling-{n}"),
                                        summary=str(row.fields["hvad"]).strip(), start=start, end=end,
                                        description="\n".join(d for d in details if d)))
    values = plan_values(answers.get(plan.id))
    clock = planning.parse_clock(values.get("tidspunkt"))
    for days, talk in zip(plan.followup_days, follow_ups(plan, values)):
        start = datetime.combine(talk.day, datetime.min.time()).replace(hour=clock[0], minute=clock[1]) \
            if clock else talk.day
        events.append(CalendarEvent(uid=_uid(workbook_id, f"opfoelgning-{days}"), summary=talk.title,
                                    start=start, description=talk.description))
    return events
