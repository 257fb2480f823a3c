"""A plan made together: one action plan per job centre and workshop (»Sæt jer sammen i hvert
jobcenter«), which each of the job centre's participants edits from their own page.

The plan lives in the room's database (course/room.py), row by row and field by field. Every
row and every field has a version. A writer sends the version it last saw with each change:

- two people who change different rows or different fields never touch each other's work;
- a field changed by a colleague since the writer last saw it is merged: two texts are both
  kept (the colleague's first, then the writer's), a date or a choice keeps the colleague's
  value and the writer is told what they chose, so they can choose it again;
- a row a colleague removed comes back when someone changes it (the change is newer);
- a row a colleague changed since the remover last saw it is not removed.

Nothing anyone typed disappears without a word. Each participant's workbook keeps a copy of
the plan (its value: ``{"plan": {...} | None, "authors": [...], "rows": [...]}``, rows as in
course/plan_rows.py plus an ``id``), so the plan goes home in the workbook file and into each
person's »Min første plan«. Outside a workshop the plan is the participant's own.
"""

from __future__ import annotations

import enum
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from course import action_plan, planning
from course.content import Exercise
from course.document import Section
from course.room import RoomError, RoomStore, _insert, _now, _storable, participant_key

TEXT_TYPES = ("tekst", "langtekst")
SEPARATOR = {"tekst": " / ", "langtekst": "\n"}
MAX_PLAN_ROWS = 60  # a job centre's plan: room for everyone's rows, not for a flood
_CENTRE_WORDS = re.compile(r"\b(?:jobcenter|jobcentret|jobcentre|jobcentrene|kommune|i|på)\b")


class Edit(enum.Enum):
    """What happened to one change."""

    SAVED = "saved"
    MERGED = "merged"  # a colleague changed the text meanwhile: both texts are kept
    KEPT_THEIRS = "kept theirs"  # a colleague chose a date or option meanwhile: theirs is kept
    REVIVED = "revived"  # the row had been removed by a colleague: the change brought it back
    REMOVED = "removed"
    NOT_REMOVED = "not removed"  # a colleague changed the row meanwhile: it stays


@dataclass
class Cell:
    value: object = None
    version: int = 0
    author: str = ""


@dataclass
class PlanRow:
    id: str
    group: str
    version: int = 0
    deleted: bool = False
    author: str = ""
    cells: dict[str, Cell] = field(default_factory=dict)

    def values(self) -> dict:
        return {fid: c.value for fid, c in self.cells.items()}


@dataclass(frozen=True)
class Result:
    edit: Edit
    row: PlanRow  # the row as the store holds it now
    by: str = ""  # the colleague whose change was there first (merged, kept, revived)
    mine: object = None  # what the writer sent


@dataclass(frozen=True)
class Address:
    """Which plan: the workshop, the job centre (its key) and the exercise."""

    workshop: str
    centre: str
    exercise: str


def centre_key(job_centre: str) -> str:
    """The job centre as typed, made comparable: »Jobcenter Aarhus« and »aarhus jobcenter« are
    the same centre, and so are »Århus« and »Aarhus«."""
    text = unicodedata.normalize("NFC", str(job_centre)).casefold().replace("aa", "å")
    text = _CENTRE_WORDS.sub(" ", text)
    words = re.findall(r"[^\W_]+", text, flags=re.UNICODE)
    return " ".join(words)[:200] or "-"


def new_row_id() -> str:
    return secrets.token_hex(8)


def merge_text(theirs, mine, field_type: str) -> str:
    """Both texts, the colleague's first; one of them alone when it holds the other."""
    theirs = theirs if isinstance(theirs, str) else ""
    mine = mine if isinstance(mine, str) else ""
    if not mine.strip() or mine.strip() in theirs:
        return theirs
    if not theirs.strip() or theirs.strip() in mine:
        return mine
    return theirs.rstrip() + SEPARATOR.get(field_type, " / ") + mine.strip()


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=True)


def _key(at: Address, row_id: str | None = None) -> dict:
    """The columns that pick out a plan, or one row of it, in the room's plan tables."""
    key = {"workshop": at.workshop, "plan": at.centre, "exercise": at.exercise}
    if row_id is not None:
        key["row"] = row_id
    return key


def _signed(author: str, me: str) -> dict:
    """Who saves a row or a field, now: the name as stored, the writer's key and the time."""
    return {"author": _storable(author) or "", "author_key": me, "saved": _now()}


def _load(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return None


class CentrePlans:
    """The plans made together, in the room's database."""

    def __init__(self, room: RoomStore):
        self.room = room

    def _tables(self):
        db = self.room._db()
        return db, db.plan_rows, db.plan_cells

    @staticmethod
    def _where(table, at: Address, row: str | None = None):
        return [table.c[name] == value for name, value in _key(at, row).items()]

    def _row(self, conn, at: Address, row_id: str) -> PlanRow | None:
        _, rows, cells = self._tables()
        found = conn.execute(rows.select().where(*self._where(rows, at, row_id))).first()
        if found is None:
            return None
        plan_row = PlanRow(found.row, found.grp, found.version, bool(found.deleted), found.author)
        for c in conn.execute(cells.select().where(*self._where(cells, at, row_id))).all():
            plan_row.cells[c.field] = Cell(_load(c.value), c.version, c.author)
        return plan_row

    def rows(self, at: Address) -> list[PlanRow]:
        """The plan's rows that are not removed, in the order they were added."""
        _, rows, cells = self._tables()
        with self.room._read() as conn:
            found = conn.execute(
                rows.select()
                .where(*self._where(rows, at), rows.c.deleted.is_(False))
                .order_by(rows.c.created, rows.c.row)
            ).all()
            all_cells = conn.execute(cells.select().where(*self._where(cells, at))).all()
        out = {r.row: PlanRow(r.row, r.grp, r.version, False, r.author) for r in found}
        for c in all_cells:
            if c.row in out:
                out[c.row].cells[c.field] = Cell(_load(c.value), c.version, c.author)
        return list(out.values())

    def known(self, at: Address) -> set[str]:
        """The ids of every row the plan has had, removed ones included."""
        import sqlalchemy as sa

        _, rows, _ = self._tables()
        with self.room._read() as conn:
            return set(conn.execute(sa.select(rows.c.row).where(*self._where(rows, at))).scalars())

    def authors(self, at: Address) -> list[str]:
        """Everyone who has written in the plan, in the order they first did."""
        _, rows, cells = self._tables()
        with self.room._read() as conn:
            found = conn.execute(
                rows.select().where(*self._where(rows, at)).order_by(rows.c.created)
            ).all()
            more = conn.execute(
                cells.select().where(*self._where(cells, at)).order_by(cells.c.saved)
            ).all()
        names = []
        for name in [r.author for r in found] + [c.author for c in more]:
            if name and name not in names:
                names.append(name)
        return names

    def changes_by_others(self, at: Address, me: str, since: str) -> tuple[int, str, str]:
        """Changes colleagues made after ``since`` (an ISO time): how many, the last one's
        time and author. ``me`` is the writer's key (``author_key``)."""
        import sqlalchemy as sa

        _, rows, cells = self._tables()
        found = []
        with self.room._read() as conn:
            for table in (rows, cells):
                found += conn.execute(
                    sa.select(table.c.saved, table.c.author).where(
                        *self._where(table, at), table.c.saved > since, table.c.author_key != me
                    )
                ).all()
        if not found:
            return 0, "", ""
        last = max(found, key=lambda r: r.saved)
        return len(found), last.saved, last.author

    def add_row(
        self, at: Address, row_id: str, group: str, author: str, me: str, values: dict
    ) -> PlanRow:
        """A new row (its id made by the writer), with the values it starts with."""
        import sqlalchemy as sa

        db, rows, cells = self._tables()
        signed = _signed(author, me)
        with self.room._write() as conn:
            count = conn.execute(
                sa.select(sa.func.count())
                .select_from(rows)
                .where(*self._where(rows, at), rows.c.deleted.is_(False))
            ).scalar_one()
            if count >= MAX_PLAN_ROWS:
                raise RoomError(f"Planen kan højst have {MAX_PLAN_ROWS} handlinger.")
            conn.execute(
                _insert(db.engine)(rows)
                .values(
                    **_key(at, row_id),
                    grp=group,
                    deleted=False,
                    version=1,
                    created=signed["saved"],
                    **signed,
                )
                .on_conflict_do_nothing()
            )
            for fid, value in values.items():
                if planning.is_empty(value):
                    continue
                conn.execute(
                    _insert(db.engine)(cells)
                    .values(**_key(at, row_id), field=fid, value=_dump(value), version=1, **signed)
                    .on_conflict_do_nothing()
                )
            return self._row(conn, at, row_id)

    def set_cell(
        self,
        at: Address,
        row_id: str,
        field_id: str,
        value,
        seen: int,
        field_type: str,
        author: str,
        me: str,
    ) -> Result:
        """Change one field of one row; ``seen`` is the field's version the writer last saw."""
        db, rows, cells = self._tables()
        signed = _signed(author, me)
        if isinstance(value, str):
            value = _storable(value)
        with self.room._write() as conn:
            row = self._row(conn, at, row_id)
            if row is None:
                raise RoomError("Rækken findes ikke i planen længere. Tryk på »Hent ændringerne«.")
            cell = row.cells.get(field_id, Cell())
            edit, by = Edit.SAVED, ""
            if cell.version == seen or cell.value == value:
                new = value
            elif field_type in TEXT_TYPES:
                new, edit, by = merge_text(cell.value, value, field_type), Edit.MERGED, cell.author
            else:
                return Result(Edit.KEPT_THEIRS, row, cell.author, value)
            if row.deleted:
                edit, by = Edit.REVIVED, row.author
            if new != cell.value or row.deleted:
                insert = _insert(db.engine)(cells).values(
                    **_key(at, row_id),
                    field=field_id,
                    value=_dump(new),
                    version=cell.version + 1,
                    **signed,
                )
                conn.execute(
                    insert.on_conflict_do_update(
                        index_elements=["workshop", "plan", "exercise", "row", "field"],
                        set_={
                            k: insert.excluded[k]
                            for k in ("value", "version", "author", "author_key", "saved")
                        },
                    )
                )
                conn.execute(
                    rows.update()
                    .where(*self._where(rows, at, row_id))
                    .values(version=rows.c.version + 1, deleted=False, **signed)
                )
            return Result(edit, self._row(conn, at, row_id), by, value)

    def remove_row(self, at: Address, row_id: str, seen: int, author: str, me: str) -> Result:
        """Remove a row, unless a colleague changed it after ``seen`` (the row's version)."""
        _, rows, _ = self._tables()
        with self.room._write() as conn:
            row = self._row(conn, at, row_id)
            if row is None or row.deleted:
                return Result(Edit.REMOVED, row or PlanRow(row_id, "", deleted=True))
            if row.version != seen:
                return Result(Edit.NOT_REMOVED, row, row.author)
            conn.execute(
                rows.update()
                .where(*self._where(rows, at, row_id))
                .values(version=row.version + 1, deleted=True, **_signed(author, me))
            )
            return Result(Edit.REMOVED, self._row(conn, at, row_id))


# --- where a participant's plan is ------------------------------------------------------------


def address(workbook, exercise_id: str) -> Address | None:
    """The plan a participant shares with their job centre: None outside a workshop."""
    workshop = workbook.workshop if workbook is not None else None
    if not workshop:
        return None
    return Address(workshop["code"], centre_key(workbook.job_centre), exercise_id)


def writer_key(workbook, at: Address) -> str:
    """The writer's key in the plan (never the workbook id itself)."""
    return participant_key(workbook.id, at.workshop, f"plan:{at.centre}:{at.exercise}")


def plan_value(at: Address | None, rows: list[PlanRow], authors: list[str]) -> dict:
    """The value a workbook keeps: the plan's address, who wrote in it, and its rows."""
    return {
        "plan": None if at is None else {"workshop": at.workshop, "centre": at.centre},
        "authors": list(authors),
        "rows": [
            {"id": r.id, "group": r.group, "item": "", "fields": r.values()}
            for r in rows
            if not r.deleted
        ],
    }


def saved_rows(value) -> list[PlanRow]:
    """The rows of a workbook's copy, with their ids (made up for rows that have none)."""
    entries = value.get("rows") if isinstance(value, dict) else None
    out = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        given = entry.get("fields") if isinstance(entry.get("fields"), dict) else {}
        row_id = entry.get("id")
        if not (isinstance(row_id, str) and re.fullmatch(r"[0-9a-f]{16}", row_id)):
            row_id = new_row_id()
        group = entry.get("group") if isinstance(entry.get("group"), str) else ""
        out.append(PlanRow(row_id, group, cells={k: Cell(v) for k, v in given.items()}))
    return out


def made_alone(value) -> bool:
    """Whether a workbook's copy was made outside a shared plan (its rows are the person's)."""
    return not (isinstance(value, dict) and isinstance(value.get("plan"), dict))


def latest_value(exercise: Exercise, room: RoomStore | None, workbook):
    """The plan as the job centre holds it now, for »Min første plan«; None outside a
    workshop or when the room cannot be read (the workbook's copy is used then)."""
    at = address(workbook, exercise.id)
    if at is None or room is None:
        return None
    plans = CentrePlans(room)
    return plan_value(at, plans.rows(at), plans.authors(at))


# --- as a part of »Min første plan« ------------------------------------------------------------


def authors_text(value) -> str:
    authors = value.get("authors") if isinstance(value, dict) else None
    names = [a for a in authors if isinstance(a, str) and a.strip()] if authors else []
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]
    return f"Lavet sammen af {listed}."


def part_status(exercise: Exercise, value, today: date | None = None) -> tuple[str, list[str]]:
    found, missing = action_plan.part_status(exercise, value, today)
    who = authors_text(value)
    return (f"{found} {who}" if who else found), missing


def document_sections(
    exercise: Exercise, value, heading: str, today: date | None = None, milestones=()
) -> list[Section]:
    sections = action_plan.document_sections(exercise, value, heading, today, milestones)
    who = authors_text(value)
    if who:
        sections[0].paragraphs.insert(0, who)
    return sections


def calendar_events(exercise: Exercise, value, uid) -> list:
    """The plan's dated actions; their ids differ from those of the person's own plan."""
    return action_plan.calendar_events(exercise, value, lambda key: uid(f"faelles-{key}"))
