"""Planner forms: validation and the document a plan becomes. No widgets here."""

from __future__ import annotations

from datetime import date

from course.content import Exercise, Field
from course.document import Document, Section

MAX_TEXT = 20_000


def field_text(field: Field, value) -> str:
    if value in (None, ""):
        return ""
    if field.type == "dato":
        return date.fromisoformat(value).strftime("%d.%m.%Y")
    return str(value)


def whole_number(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() and text.isascii() else None


def validate(exercise: Exercise, values: dict) -> list[str]:
    """Danish messages for every problem in the form; empty when the plan is complete."""
    return validate_fields(exercise.fields, values)


def validate_fields(fields, values: dict) -> list[str]:
    """The checks of ``validate`` for any list of fields (a meeting plan has its own parts too)."""
    problems = []
    for f in fields:
        value = values.get(f.id)
        empty = value is None or (isinstance(value, str) and not value.strip())
        if empty:
            if f.required:
                problems.append(f"Udfyld feltet »{f.label}«.")
            continue
        if f.type == "tal":
            number = whole_number(value)
            if number is None:
                problems.append(f"»{f.label}« skal være et helt tal, fx 4.")
            elif (f.min is not None and number < f.min) or (f.max is not None and number > f.max):
                problems.append(f"»{f.label}« skal ligge mellem {f.min} og {f.max}.")
        elif f.type == "valg" and value not in f.options:
            problems.append(f"Vælg en af mulighederne i »{f.label}«.")
        elif f.type == "dato":
            try:
                date.fromisoformat(value)
            except (TypeError, ValueError):
                problems.append(f"»{f.label}« er ikke en gyldig dato.")
        elif isinstance(value, str) and len(value) > MAX_TEXT:
            problems.append(f"»{f.label}« er for lang (højst {MAX_TEXT:,} tegn).".replace(",", "."))
    return problems


def build_document(exercise: Exercise, values: dict, name: str, job_centre: str,
                   today: date | None = None) -> Document:
    today = today or date.today()
    doc = Document(
        title=exercise.document_title or exercise.title,
        meta=[f"Nøgleperson: {name}", f"Jobcenter: {job_centre}",
              f"Dato: {today.strftime('%d.%m.%Y')}"],
    )
    for f in exercise.fields:
        text = field_text(f, values.get(f.id))
        doc.sections.append(Section(heading=f.label, paragraphs=[text or "(ikke udfyldt)"]))
    return doc
