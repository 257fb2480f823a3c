"""A meeting plan made with I DO ART: time arithmetic, checks and the document. No widgets here.

A plan's value (as saved in the workbook) is
``{"fields": {id: text}, "agenda": [{"title": str, "minutes": str}], "start": "09.30",
"minutes": "60"}``: the text parts of I DO ART by field id, the agenda rows in order, and the
time frame (start and total minutes). Numbers stay as typed, so a half-typed number is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from course.content import Exercise
from course.danish import DAY, clock, parse_clock
from course.document import Document, Section
from course.planning import NOT_FILLED, document_meta, field_text, validate_fields, whole_number

MAX_ITEMS = 20
MAX_TITLE = 200
MAX_ITEM_MINUTES = 480
TEXT_TYPES = ("tekst", "langtekst")


def minutes_text(n: int) -> str:
    return f"{n} minut" if n == 1 else f"{n} minutter"


def empty_row() -> dict:
    return {"title": "", "minutes": "10"}


def normalise(value) -> dict:
    """A plan value with the right shape, from anything saved or hand-edited."""
    value = value if isinstance(value, dict) else {}
    fields = value.get("fields") if isinstance(value.get("fields"), dict) else {}
    agenda = []
    for row in value.get("agenda") if isinstance(value.get("agenda"), list) else []:
        if isinstance(row, dict):
            agenda.append(
                {
                    "title": str(row.get("title") or ""),
                    "minutes": str(row.get("minutes") if row.get("minutes") is not None else ""),
                }
            )
    return {
        "fields": {str(k): str(v or "") for k, v in fields.items()},
        "agenda": agenda[:MAX_ITEMS],
        "start": str(value.get("start") or ""),
        "minutes": str(value.get("minutes") if value.get("minutes") is not None else ""),
    }


def row_minutes(row: dict) -> int | None:
    n = whole_number(row.get("minutes", ""))
    return n if n is not None and 1 <= n <= MAX_ITEM_MINUTES else None


@dataclass(frozen=True)
class Slot:
    title: str
    start: int  # minutes after midnight
    end: int

    @property
    def times(self) -> str:
        return f"{clock(self.start % DAY)}–{clock(self.end % DAY)}"

    @property
    def minutes(self) -> int:
        return self.end - self.start


def schedule(value: dict) -> list[Slot]:
    """Each agenda row with its start and end, from the meeting's start.

    Rows with no valid number of minutes take no time (they are reported by ``problems``).
    Empty when the start time is missing or wrong.
    """
    start = parse_clock(value.get("start"))
    if start is None:
        return []
    slots = []
    for row in value.get("agenda", []):
        length = row_minutes(row) or 0
        slots.append(Slot(row.get("title", "").strip(), start, start + length))
        start += length
    return slots


@dataclass(frozen=True)
class Fit:
    """How the agenda fits the time frame."""

    planned: int
    total: int

    @property
    def over(self) -> int:
        return self.planned - self.total

    @property
    def tone(self) -> str:
        return "warn" if self.over > 0 else "ok"

    def message(self) -> str:
        if self.over > 0:
            return (
                f"Dagsordenen er {minutes_text(self.over)} for lang: punkterne fylder "
                f"{minutes_text(self.planned)}, men tidsrammen er {minutes_text(self.total)}. "
                "Forkort eller fjern et punkt – eller udvid tidsrammen."
            )
        if self.over == 0:
            return f"Dagsordenen passer præcis til tidsrammen på {minutes_text(self.total)}."
        return (
            f"Dagsordenen fylder {self.planned} af {minutes_text(self.total)}. "
            f"Der er {minutes_text(-self.over)} til overs – "
            "fx til en pause eller en runde til sidst."
        )


def planned_minutes(value: dict) -> int:
    return sum(row_minutes(row) or 0 for row in value.get("agenda", []))


def total_minutes(exercise: Exercise, value: dict) -> int | None:
    """The time frame in minutes, when it is a whole number inside the field's bounds."""
    frame = time_field(exercise)
    n = whole_number(value.get("minutes", ""))
    if n is None or n < (frame.min if frame.min is not None else 1):
        return None
    if frame.max is not None and n > frame.max:
        return None
    return n


def fit(exercise: Exercise, value: dict) -> Fit | None:
    """None until the time frame is a valid number."""
    total = total_minutes(exercise, value)
    return None if total is None else Fit(planned_minutes(value), total)


def time_field(exercise: Exercise):
    return next(f for f in exercise.fields if f.type == "tidsramme")


def text_fields(exercise: Exercise) -> list:
    return [f for f in exercise.fields if f.type in TEXT_TYPES]


def time_problem(exercise: Exercise, value: dict) -> str | None:
    """What is wrong with the meeting's total minutes, or None when they are fine."""
    if not str(value.get("minutes", "")).strip():
        return "Skriv mødets samlede tid i minutter, fx 60."
    if total_minutes(exercise, value) is None:
        frame = time_field(exercise)
        low = frame.min if frame.min is not None else 1
        high = f" og {frame.max}" if frame.max is not None else ""
        return f"Mødets samlede tid skal være et helt antal minutter mellem {low}{high}."
    return None


def problems(exercise: Exercise, value: dict) -> list[str]:
    """Danish messages for everything that keeps the plan from being complete."""
    value = normalise(value)
    found = validate_fields(text_fields(exercise), value["fields"])
    agenda = value["agenda"]
    if not any(row["title"].strip() for row in agenda):
        found.append("Skriv mindst ét punkt på dagsordenen.")
    for n, row in enumerate(agenda, start=1):
        title = row["title"].strip()
        if not title:
            found.append(f"Punkt {n} på dagsordenen mangler en overskrift (eller fjern punktet).")
        elif len(title) > MAX_TITLE:
            found.append(f"Punkt {n} på dagsordenen er for langt (højst {MAX_TITLE} tegn).")
        if row_minutes(row) is None:
            found.append(
                f"Punkt {n} på dagsordenen: skriv antal minutter som et helt tal "
                f"fra 1 til {MAX_ITEM_MINUTES}."
            )
    start = parse_clock(value["start"])
    if not value["start"].strip():
        found.append("Skriv, hvornår mødet starter, fx 09.30.")
    elif start is None:
        found.append(f"»{value['start'].strip()}« er ikke et klokkeslæt. Skriv det som fx 09.30.")
    total = total_minutes(exercise, value)
    if total is None:
        found.append(time_problem(exercise, value))
    else:
        result = Fit(planned_minutes(value), total)
        if result.over > 0:
            found.append(result.message())
        if start is not None and start + total > DAY:
            found.append(
                "Mødet slutter efter midnat. Vælg et tidligere starttidspunkt eller en kortere tid."
            )
    return found


def frame_text(value: dict, total: int | None) -> str:
    start = parse_clock(value.get("start"))
    if start is None or total is None:
        return ""
    return f"Kl. {clock(start)}–{clock((start + total) % DAY)} ({minutes_text(total)})"


def timeline_text(exercise: Exercise, value: dict) -> str:
    """What the meeting's timeline shows, in words: its caption and its text alternative."""
    value = normalise(value)
    slots = schedule(value)
    text = (
        "Tidslinje for mødet: "
        + "; ".join(f"{s.times} {s.title or 'punkt uden overskrift'}" for s in slots)
        + "."
    )
    total = total_minutes(exercise, value)
    if slots and total is not None:
        text += f" Tidsrammen slutter kl. {clock((slots[0].start + total) % DAY)}."
    return text


def build_document(
    exercise: Exercise,
    value: dict,
    name: str,
    job_centre: str,
    today: date | None = None,
    picture: bytes | None = None,
) -> Document:
    """The plan in I DO ART order; the agenda as a table with times (and the timeline in Word)."""
    value = normalise(value)
    doc = Document(
        title=exercise.document_title or exercise.title,
        meta=document_meta(name, job_centre, today),
    )
    for f in exercise.fields:
        if f.type == "dagsorden":
            rows = [["Tid", "Punkt", "Minutter"]]
            rows += [[s.times, s.title, str(s.minutes)] for s in schedule(value)]
            doc.sections.append(
                Section(
                    heading=f.label,
                    table=rows,
                    images=[picture] if picture else [],
                    captions=[timeline_text(exercise, value)] if picture else [],
                )
            )
        elif f.type == "tidsramme":
            text = frame_text(value, total_minutes(exercise, value))
            doc.sections.append(Section(heading=f.label, paragraphs=[text or NOT_FILLED]))
        else:
            text = field_text(f, value["fields"].get(f.id))
            doc.sections.append(Section(heading=f.label, paragraphs=[text or NOT_FILLED]))
    return doc
