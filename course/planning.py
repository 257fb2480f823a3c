"""Planner forms: validation and the document a plan becomes. No widgets here."""

from __future__ import annotations

from datetime import date

from course.content import Exercise, Field
from course.danish import danish_today, date_text, parse_clock
from course.document import Document, Section

MAX_TEXT = 20_000
NOT_FILLED = "(ikke udfyldt)"


def field_text(field: Field, value) -> str:
    if value in (None, ""):
        return ""
    if field.type == "dato":
        return date_text(date.fromisoformat(value))
    return str(value)


def parse_date(value) -> date | None:
    """An ISO date from a form or a workbook; None when empty or not a date."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def whole_number(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() and text.isascii() else None


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate_fields(
    fields: tuple[Field, ...], values: dict, today: date | None = None
) -> list[str]:
    """Danish messages for every problem in one set of field values (a form or a plan row)."""
    problems = []
    labels = {f.id: f.label for f in fields}
    for f in fields:
        value = values.get(f.id)
        if is_empty(value):
            if f.required:
                problems.append(
                    {
                        "valg": f"Vælg en af mulighederne i »{f.label}«.",
                        "dato": f"Vælg en dato i »{f.label}«.",
                    }.get(f.type, f"Udfyld feltet »{f.label}«.")
                )
            continue
        if f.type == "tal":
            number = whole_number(value)
            if number is None:
                problems.append(f"»{f.label}« skal være et helt tal, fx 4.")
            elif (f.min is not None and number < f.min) or (f.max is not None and number > f.max):
                problems.append(f"»{f.label}« skal ligge mellem {f.min} og {f.max}.")
        elif f.type == "klokkeslæt" and parse_clock(value) is None:
            problems.append(f"»{f.label}« skal være et klokkeslæt som 10.00.")
        elif f.type == "valg" and value not in f.options:
            problems.append(f"Vælg en af mulighederne i »{f.label}«.")
        elif f.type == "dato":
            day = parse_date(value)
            if day is None:
                problems.append(f"»{f.label}« er ikke en gyldig dato.")
                continue
            if f.not_past and day < (today or danish_today()):
                problems.append(f"»{f.label}« ({date_text(day)}) ligger før i dag.")
            other = parse_date(values.get(f.not_before)) if f.not_before else None
            if other is not None and day < other:
                problems.append(
                    f"»{f.label}« ({date_text(day)}) ligger før "
                    f"»{labels[f.not_before]}« ({date_text(other)})."
                )
        elif isinstance(value, str) and len(value) > MAX_TEXT:
            problems.append(f"»{f.label}« er for lang (højst {MAX_TEXT:,} tegn).".replace(",", "."))
    return problems


def validate(exercise: Exercise, values: dict, today: date | None = None) -> list[str]:
    """Danish messages for every problem in the form; empty when the plan is complete."""
    return validate_fields(exercise.fields, values, today)


def filled(exercise: Exercise, values: dict) -> list[str]:
    """The labels of the fields that have an answer."""
    return [f.label for f in exercise.fields if not is_empty(values.get(f.id))]


def field_sections(exercise: Exercise, values: dict, level: int = 1) -> list[Section]:
    """One section per field, the participant's text as written."""
    sections = []
    for f in exercise.fields:
        try:
            text = field_text(f, values.get(f.id))
        except (TypeError, ValueError):
            text = str(values.get(f.id))  # a hand-edited date: keep what is there
        sections.append(Section(heading=f.label, paragraphs=[text or NOT_FILLED], level=level))
    return sections


def form_values(value) -> dict:
    """The field values of a saved form (``{"fields": {...}}``), or none."""
    values = value.get("fields") if isinstance(value, dict) else None
    return values if isinstance(values, dict) else {}


def part_status(exercise: Exercise, value, today: date | None = None) -> tuple[str, list[str]]:
    """As a part of the gathered plan: how much is filled in, and what is missing."""
    values = form_values(value)
    done = filled(exercise, values)
    return (
        f"{len(done)} af {len(exercise.fields)} felter er udfyldt.",
        validate(exercise, values, today) if done else ["Intet er udfyldt endnu."],
    )


def document_sections(
    exercise: Exercise, value, heading: str, today=None, milestones=()
) -> list[Section]:
    """The form as a document's part: its heading, then one section per field."""
    return [Section(heading)] + field_sections(exercise, form_values(value), level=2)


def document_meta(name: str, job_centre: str, today: date | None = None) -> list[str]:
    return [
        f"Nøgleperson: {name}",
        f"Jobcenter: {job_centre}",
        f"Dato: {date_text(today or danish_today())}",
    ]


def build_document(
    exercise: Exercise, values: dict, name: str, job_centre: str, today: date | None = None
) -> Document:
    return Document(
        title=exercise.document_title or exercise.title,
        meta=document_meta(name, job_centre, today),
        sections=field_sections(exercise, values),
    )
