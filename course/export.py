"""A workshop's shared answers as an Excel file, for the course leader: one sheet per shared
exercise, one row per answer.

Names only where the participant shared with a name (»Anonym« otherwise); answers the course
leader hid are there, marked »Skjult«. Action plans are counted, never quoted, as on the screen
and in the report. Every cell is text or a number: a participant's »=…« stays text, never a
formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import datetime

from course.content import Course, Exercise
from course.danish import date_text, iso_date_text
from course.room import RoomStore, SharedAnswer, Workshop
from course.summary import ANONYMOUS, has_content

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_CELL = 32_000  # Excel holds 32,767 characters in a cell
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(value) -> str:
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    text = _CONTROL.sub("", text.encode("utf-8", "replace").decode("utf-8"))
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _dict(value, key=None) -> dict:
    if key is not None:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, dict) else {}


def answer_cells(exercise: Exercise) -> tuple[list[str], Callable]:
    """The exercise's own columns, and how one answer fills them (also the course leader's
    list of single answers)."""
    kind = exercise.kind
    if kind in ("refleksion", "tjekud"):
        return [p.text for p in exercise.prompts], lambda v: [
            _dict(v).get(p.id, "") for p in exercise.prompts
        ]
    if kind == "skala":
        heads = [i.text for i in exercise.items] + [p.text for p in exercise.prompts]
        return (
            heads,
            lambda v: (
                [
                    r if isinstance(r := _dict(v, "ratings").get(i.id), int) else ""
                    for i in exercise.items
                ]
                + [_dict(v, "texts").get(p.id, "") for p in exercise.prompts]
            ),
        )
    if kind == "rangering":
        heads = [f"Plads {n}" for n in range(1, len(exercise.items) + 1)] + ["Egne opgaver"]

        def ranked(v):
            order = [e for e in (_dict(v).get("order") or []) if isinstance(e, dict)]
            known = {i.id: i.text for i in exercise.items}
            places = [
                e.get("text", "") if e.get("own") else known.get(e.get("id"), "") for e in order
            ]
            own = [e.get("text", "") for e in order if e.get("own")]
            return (places + [""] * len(exercise.items))[: len(exercise.items)] + [
                "\n".join(str(o) for o in own)
            ]

        return heads, ranked
    if kind == "sortering":
        titles = {c.id: c.title for c in exercise.categories}
        heads = [i.text for i in exercise.items] + ["Rigtige"]

        def sorted_(v):
            given = _dict(v, "answers")
            cells = [titles.get(given.get(i.id), "") for i in exercise.items]
            right = sum(given.get(i.id) == i.category for i in exercise.items)
            return [*cells, right]

        return heads, sorted_
    if kind == "handleplan":
        from course import action_plan

        groups = action_plan.groups(exercise)

        def counted(v):
            rows = [r for r in action_plan.rows(exercise, v) if str(r.fields.get("hvad")).strip()]
            return [sum(r.group == g for r in rows) for g, _ in groups]

        return [f"Handlinger: {title}" for _, title in groups], counted
    return ["Svar"], lambda v: [str(v)]


def sheet_title(title: str, taken: set[str]) -> str:
    """An Excel sheet name (at most 31 characters, none of []:*?/\\), unique in the file."""
    base = " ".join(_BAD_SHEET.sub(" ", title).split())[:28].strip() or "Øvelse"
    name, n = base, 2
    while name.casefold() in taken:
        name, n = f"{base[:26]} {n}", n + 1
    taken.add(name.casefold())
    return name


def _write_row(sheet, number: int, values: list) -> None:
    for col, value in enumerate(values, start=1):
        cell = sheet.cell(row=number, column=col)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            cell.value = value
        else:
            cell.value = _text(value)
            cell.data_type = "s"  # a participant's »=1+1« stays text


def workbook_bytes(
    content: Course,
    workshop: Workshop,
    answers: dict[str, list[SharedAnswer]],
    made: datetime | None = None,
) -> bytes:
    """The Excel file of one workshop; ``answers`` by exercise id, hidden ones included."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    made = made or datetime.now()
    book = Workbook()
    overview = book.active
    overview.title = "Oversigt"
    bold = Font(bold=True)
    _write_row(overview, 1, ["Workshop", workshop.name])
    _write_row(overview, 2, ["Dato", iso_date_text(workshop.date)])
    _write_row(overview, 3, ["Workshopkode", workshop.code])
    _write_row(overview, 4, ["Hentet", f"{date_text(made)} kl. {made:%H.%M}"])
    _write_row(overview, 6, ["Øvelse", "Fane", "Svar", "Heraf skjult"])
    for cell in overview[6]:
        cell.font = bold
    taken = {"oversigt"}
    shared = [ex for ex in content.exercises.values() if ex.shared]
    for n, exercise in enumerate(shared, start=7):
        given = [a for a in answers.get(exercise.id, []) if has_content(exercise, a.value)]
        title = sheet_title(exercise.title, taken)
        _write_row(overview, n, [exercise.title, title, len(given), sum(a.hidden for a in given)])
        sheet = book.create_sheet(title)
        heads, cells = answer_cells(exercise)
        _write_row(sheet, 1, ["Navn", "Tidspunkt", "Skjult af kursuslederen", *heads])
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row, answer in enumerate(given, start=2):
            _write_row(
                sheet,
                row,
                [
                    answer.name or ANONYMOUS,
                    _time(answer.saved),
                    "Skjult" if answer.hidden else "",
                    *cells(answer.value),
                ],
            )
        sheet.freeze_panes = "A2"
        for col in range(4, 4 + len(heads)):
            sheet.column_dimensions[sheet.cell(row=1, column=col).column_letter].width = 40
        sheet.column_dimensions["A"].width = 24
        sheet.column_dimensions["B"].width = 18
    overview.column_dimensions["A"].width = 60
    overview.column_dimensions["B"].width = 32
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _time(stamp: str) -> str:
    try:
        return f"{datetime.fromisoformat(stamp):%d.%m.%Y %H.%M}"
    except (TypeError, ValueError):
        return ""


def export(content: Course, room: RoomStore, code: str) -> tuple[str, bytes]:
    """The file name and the bytes of a workshop's Excel file."""
    workshop = room.workshop(code)
    answers = {
        ex.id: room.answers(workshop.code, ex.id, with_hidden=True)
        for ex in content.exercises.values()
        if ex.shared
    }
    return f"svar-{workshop.code}-{workshop.date}.xlsx", workbook_bytes(content, workshop, answers)
