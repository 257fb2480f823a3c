"""The live room: workshops and the answers participants share with them.

One small store behind one class, ``RoomStore``. By default it is a SQLite file in WAL mode
beside the workbooks (many kernels read while one writes); a database URL in
``NOEGLEPERSONKURSUS_RUM_URL`` (e.g. ``postgresql+psycopg://kursus:…@db/kursus``) moves it to
PostgreSQL for several servers. SQLAlchemy Core gives both the same queries and the same
upsert; it is imported only when a store is first used, so pages without shared exercises
never pay for it.

What is stored per answer: the workshop code, the exercise id, a participant key, the name
(empty when shared anonymously), the answer's JSON value and the time. The key is a hash of
the workbook id, the workshop and the exercise: the workbook id itself gives access to a
workbook, so it is never stored, and an anonymous answer cannot be linked to the same
person's named answers to other exercises.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from course.danish import iso_date_text
from course.workbook import default_folder, make_private_folder

try:  # POSIX only; used once per process to set up a SQLite file safely
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

ENV_FOLDER = "NOEGLEPERSONKURSUS_RUM"
ENV_URL = "NOEGLEPERSONKURSUS_RUM_URL"
ENV_FACILITATOR = "NOEGLEPERSONKURSUS_FACILITATORKODE"
DATABASE_FILE = "rum.sqlite3"
# Six characters without the look-alikes 0/O and 1/I: read aloud and typed without doubt.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 6
MAX_WORKSHOP_NAME = 120


class RoomError(Exception):
    """A problem the participant or facilitator should read about, in Danish."""


@dataclass(frozen=True)
class Workshop:
    code: str
    name: str
    date: str  # ISO date, e.g. 2026-11-20

    def as_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "date": self.date}

    @property
    def label(self) -> str:
        return f"{self.name} ({iso_date_text(self.date)})"


@dataclass(frozen=True)
class SharedAnswer:
    exercise: str
    name: str  # "" when anonymous
    value: object
    saved: str
    key: str = ""  # the participant key: how the facilitator points at one answer
    hidden: bool = False  # hidden by the facilitator: never on the screen or in the report


@dataclass(frozen=True)
class ExerciseState:
    """How the facilitator paces one shared exercise in one workshop."""

    open: bool = True  # the room takes answers
    revealed: bool = False  # the room's results are shown: on the screen and participants' pages


class ClosedError(RoomError):
    """The facilitator has closed the exercise for answers: the answer stays in the workbook."""


CLOSED_MESSAGE = (
    "Kursuslederen har lukket for svar på denne øvelse. Dit svar er gemt i din logbog, men "
    "deles ikke med rummet, før der bliver åbnet igen."
)


@dataclass(frozen=True)
class _Database:
    """One engine and its tables."""

    engine: object
    workshops: object
    members: object
    answers: object
    states: object
    hidden: object
    plan_rows: object
    plan_cells: object


# --- codes -----------------------------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(text: str) -> str:
    """A workshop code as typed (any case, spaces or dashes) in its canonical form."""
    code = re.sub(r"[\s-]+", "", str(text)).upper()
    if not code:
        raise RoomError("Skriv workshopkoden, som kursuslederen viser.")
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        raise RoomError(
            f"»{code[:20]}« er ikke en workshopkode. En kode har {CODE_LENGTH} "
            "tegn, store bogstaver og tal, fx K7M4QX. Spørg kursuslederen."
        )
    return code


def participant_key(workbook_id: str, workshop: str, exercise: str) -> str:
    return hashlib.sha256(f"{workbook_id}\n{workshop}\n{exercise}".encode()).hexdigest()


# --- the facilitator's code ---------------------------------------------------------------


def new_facilitator_code() -> str:
    """Ten characters from the unambiguous alphabet: about 50 bits, easy to type."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


def facilitator_code_matches(given: str, expected: str | None = None) -> bool:
    """Constant-time comparison with the server's code; no code on the server means locked."""
    expected = os.environ.get(ENV_FACILITATOR, "") if expected is None else expected
    expected = expected.strip()
    if not expected:
        return False
    return hmac.compare_digest(str(given).strip().encode("utf-8"), expected.encode("utf-8"))


# --- the store ---------------------------------------------------------------------------


def database_url(folder: Path | str | None = None) -> str:
    """The URL from the environment, else a SQLite file in the room folder."""
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    if os.environ.get(ENV_FOLDER):
        folder = os.environ[ENV_FOLDER]
    if folder is None:
        folder = default_folder()
    return f"sqlite:///{Path(folder).expanduser().resolve() / DATABASE_FILE}"


_ENGINES: dict = {}


def _tables():
    import sqlalchemy as sa

    meta = sa.MetaData()

    def key(name, length):  # one part of a table's primary key
        return sa.Column(name, sa.String(length), primary_key=True)

    def required(name, kind):
        return sa.Column(name, kind, nullable=False)

    def time(name):  # a time as ISO text with its UTC offset
        return required(name, sa.String(40))

    def of_workshop(name, *columns):
        """A table of one workshop's things: the workshop's code leads the primary key."""
        workshop = sa.Column(
            "workshop", sa.String(CODE_LENGTH), sa.ForeignKey("workshops.code"), primary_key=True
        )
        return sa.Table(name, meta, workshop, *columns)

    def exercise():
        return key("exercise", 100)

    def participant():
        return key("participant", 64)

    workshops = sa.Table(
        "workshops",
        meta,
        key("code", CODE_LENGTH),
        required("name", sa.String(MAX_WORKSHOP_NAME)),
        required("day", sa.String(10)),
        time("created"),
    )
    members = of_workshop("members", participant(), time("joined"))
    answers = of_workshop(
        "answers",
        exercise(),
        participant(),
        sa.Column("name", sa.String(200), nullable=True),
        required("value", sa.Text),
        time("saved"),
    )
    # Tables added after the first release live beside the old ones (create_all adds them to
    # an existing database; no column of an old table changes).
    states = of_workshop(
        "exercise_states",
        exercise(),
        required("open", sa.Boolean),
        required("revealed", sa.Boolean),
        time("changed"),  # also bumped by hiding an answer
    )
    hidden = of_workshop("hidden_answers", exercise(), participant(), time("hidden"))

    # A plan made together (course/centre_plan.py): its rows, and each field of a row with a
    # version of its own, so two writers merge per field.
    def plan_row_key():
        return key("plan", 200), exercise(), key("row", 32)

    def authored():  # the version, and who wrote it
        return (
            required("version", sa.Integer),
            required("author", sa.String(200)),
            required("author_key", sa.String(64)),
        )

    plan_rows = of_workshop(
        "plan_rows",
        *plan_row_key(),
        required("grp", sa.String(100)),
        required("deleted", sa.Boolean),
        *authored(),
        time("created"),
        time("saved"),
    )
    plan_cells = of_workshop(
        "plan_cells",
        *plan_row_key(),
        key("field", 100),
        required("value", sa.Text),
        *authored(),
        time("saved"),
    )
    return meta, workshops, members, answers, states, hidden, plan_rows, plan_cells


def _engine(url: str):
    """One engine per database and process; the SQLite file set up under a file lock."""
    if url in _ENGINES:
        return _ENGINES[url]
    import sqlalchemy as sa

    meta, *tables = _tables()
    if url.startswith("sqlite"):
        path = Path(url.split("///", 1)[1])
        make_private_folder(path.parent, "rummets svar", RoomError)
        # Wait up to 30 s for another kernel's write instead of failing at once.
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _connect(dbapi, _record):
            dbapi.isolation_level = None  # we issue BEGIN ourselves, below
            dbapi.execute("PRAGMA synchronous=NORMAL")
            dbapi.execute("PRAGMA foreign_keys=ON")

        @sa.event.listens_for(engine, "begin")
        def _begin(conn):
            # Writers take the write lock at once, so the busy timeout applies; a deferred
            # transaction that upgrades later can fail at once under WAL.
            write = conn.get_execution_options().get("write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        with _file_lock(path.with_name(path.name + ".lock")):
            import sqlite3

            # WAL is a property of the file: set once, outside any transaction.
            with contextlib.closing(sqlite3.connect(path, timeout=30)) as raw:
                raw.execute("PRAGMA journal_mode=WAL")
            meta.create_all(engine)
    else:
        engine = sa.create_engine(url, pool_pre_ping=True)
        with contextlib.suppress(sa.exc.IntegrityError, sa.exc.ProgrammingError):
            meta.create_all(engine)  # a concurrent server may create them first
    _ENGINES[url] = _Database(engine, *tables)
    return _ENGINES[url]


@contextlib.contextmanager
def _file_lock(path: Path):
    if fcntl is None:
        yield
        return
    with open(path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _insert(engine):
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="microseconds")


class RoomStore:
    """Workshops and their shared answers in one database."""

    def __init__(self, folder: Path | str | None = None, url: str | None = None):
        self.url = url or database_url(folder)

    def _db(self) -> _Database:
        return _engine(self.url)

    @contextlib.contextmanager
    def _write(self):
        with self._db().engine.connect() as conn:
            conn = conn.execution_options(write=True)
            with conn.begin():
                yield conn

    @contextlib.contextmanager
    def _read(self):
        with self._db().engine.connect() as conn:
            yield conn

    # --- workshops ------------------------------------------------------------------
    def create_workshop(self, name: str, day: str | date) -> Workshop:
        import sqlalchemy as sa

        name = " ".join(str(name).split())
        if not name:
            raise RoomError("Giv workshoppen et navn, fx »Kursusdag Aarhus«.")
        if len(name) > MAX_WORKSHOP_NAME:
            raise RoomError(f"Navnet er for langt (højst {MAX_WORKSHOP_NAME} tegn).")
        try:
            day = day if isinstance(day, date) else date.fromisoformat(str(day))
        except ValueError:
            raise RoomError("Vælg workshoppens dato.") from None
        workshops = self._db().workshops
        for _ in range(20):  # a clash among 10^9 codes is rare; try another
            code = new_code()
            try:
                with self._write() as conn:
                    conn.execute(
                        workshops.insert().values(
                            code=code, name=name, day=day.isoformat(), created=_now()
                        )
                    )
                return Workshop(code, name, day.isoformat())
            except sa.exc.IntegrityError:
                continue
        raise RoomError("Der kunne ikke laves en ny workshopkode. Prøv igen.")

    def workshop(self, code: str) -> Workshop:
        """The workshop with this code; RoomError in Danish when there is none."""
        code = clean_code(code)
        workshops = self._db().workshops
        with self._read() as conn:
            row = conn.execute(workshops.select().where(workshops.c.code == code)).first()
        if row is None:
            raise RoomError(
                f"Der er ingen workshop med koden {code} på denne server. Tjek koden "
                "på kursuslederens skærm, og prøv igen."
            )
        return Workshop(row.code, row.name, row.day)

    def workshops(self) -> list[Workshop]:
        """All workshops, the newest first."""
        workshops = self._db().workshops
        with self._read() as conn:
            rows = conn.execute(
                workshops.select().order_by(workshops.c.day.desc(), workshops.c.created.desc())
            ).all()
        return [Workshop(r.code, r.name, r.day) for r in rows]

    def join(self, code: str, workbook_id: str) -> Workshop:
        """Check the code and count the participant in; joining twice counts once."""
        workshop = self.workshop(code)
        db = self._db()
        key = participant_key(workbook_id, workshop.code, "")
        with self._write() as conn:
            conn.execute(
                _insert(db.engine)(db.members)
                .values(workshop=workshop.code, participant=key, joined=_now())
                .on_conflict_do_nothing()
            )
        return workshop

    def member_count(self, code: str) -> int:
        import sqlalchemy as sa

        members = self._db().members
        with self._read() as conn:
            return conn.execute(
                sa.select(sa.func.count()).select_from(members).where(members.c.workshop == code)
            ).scalar_one()

    # --- answers ----------------------------------------------------------------------
    def record(self, code: str, exercise: str, workbook_id: str, name: str | None, value) -> None:
        """The participant's current answer; a new answer replaces the old one.

        ``name=None`` shares anonymously: no name is stored. ClosedError when the facilitator
        has closed the exercise (the answer already in the room stays).
        """
        db = self._db()
        text = json.dumps(value, ensure_ascii=True)
        row = {
            "workshop": code,
            "exercise": exercise,
            "participant": participant_key(workbook_id, code, exercise),
            "name": _storable(name) or None,
            "value": text,
            "saved": _now(),
        }
        insert = _insert(db.engine)(db.answers).values(**row)
        upsert = insert.on_conflict_do_update(
            index_elements=["workshop", "exercise", "participant"],
            set_={
                "name": insert.excluded.name,
                "value": insert.excluded.value,
                "saved": insert.excluded.saved,
            },
        )
        with self._write() as conn:
            workshops = db.workshops
            if conn.execute(workshops.select().where(workshops.c.code == code)).first() is None:
                raise RoomError(f"Workshoppen {code} findes ikke længere på serveren.")
            if not self._state(conn, code, exercise).open:
                raise ClosedError(CLOSED_MESSAGE)
            conn.execute(upsert)

    def withdraw(self, code: str, exercise: str, workbook_id: str) -> None:
        """Remove the participant's answer from the room (they chose not to share it)."""
        answers = self._db().answers
        key = participant_key(workbook_id, code, exercise)
        with self._write() as conn:
            conn.execute(
                answers.delete().where(
                    answers.c.workshop == code,
                    answers.c.exercise == exercise,
                    answers.c.participant == key,
                )
            )

    def answers(self, code: str, exercise: str, *, with_hidden: bool = False) -> list[SharedAnswer]:
        """The room's current answers to one exercise, the oldest first.

        Answers the facilitator has hidden are left out, unless ``with_hidden`` (the export
        and the facilitator's list of answers to moderate); they are marked ``hidden`` then.
        """
        import sqlalchemy as sa

        db = self._db()
        answers, hidden = db.answers, db.hidden
        joined = answers.outerjoin(
            hidden,
            (hidden.c.workshop == answers.c.workshop)
            & (hidden.c.exercise == answers.c.exercise)
            & (hidden.c.participant == answers.c.participant),
        )
        query = (
            sa.select(*answers.c, hidden.c.hidden)
            .select_from(joined)
            .where(answers.c.workshop == code, answers.c.exercise == exercise)
            .order_by(answers.c.saved, answers.c.participant)
        )
        if not with_hidden:
            query = query.where(hidden.c.hidden.is_(None))
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [
            SharedAnswer(
                r.exercise,
                r.name or "",
                _loads(r.value),
                r.saved,
                r.participant,
                r.hidden is not None,
            )
            for r in rows
        ]

    def fingerprint(self, code: str) -> tuple:
        """Changes whenever an answer in the workshop is added or replaced, someone joins, or
        the facilitator opens, closes, reveals or hides something (cheap to poll)."""
        import sqlalchemy as sa

        db = self._db()
        answers, members, states = db.answers, db.members, db.states
        with self._read() as conn:
            count, last = conn.execute(
                sa.select(sa.func.count(), sa.func.max(answers.c.saved)).where(
                    answers.c.workshop == code
                )
            ).one()
            joined = conn.execute(
                sa.select(sa.func.count()).select_from(members).where(members.c.workshop == code)
            ).scalar_one()
            paced = conn.execute(
                sa.select(sa.func.max(states.c.changed)).where(states.c.workshop == code)
            ).scalar_one()
        return count, last, joined, paced

    def exercise_fingerprint(self, code: str, exercise: str) -> tuple:
        """Changes whenever one exercise's answers or its pacing change (a participant's page)."""
        import sqlalchemy as sa

        db = self._db()
        answers, states = db.answers, db.states
        with self._read() as conn:
            count, last = conn.execute(
                sa.select(sa.func.count(), sa.func.max(answers.c.saved)).where(
                    answers.c.workshop == code, answers.c.exercise == exercise
                )
            ).one()
            paced = conn.execute(
                sa.select(states.c.changed).where(
                    states.c.workshop == code, states.c.exercise == exercise
                )
            ).scalar_one_or_none()
        return count, last, paced

    # --- pacing: open or closed, results revealed, single answers hidden ----------------
    def _state(self, conn, code: str, exercise: str) -> ExerciseState:
        states = self._db().states
        row = conn.execute(
            states.select().where(states.c.workshop == code, states.c.exercise == exercise)
        ).first()
        return ExerciseState() if row is None else ExerciseState(bool(row.open), bool(row.revealed))

    def state(self, code: str, exercise: str) -> ExerciseState:
        """Open and not revealed until the facilitator says otherwise."""
        with self._read() as conn:
            return self._state(conn, code, exercise)

    def states(self, code: str) -> dict[str, ExerciseState]:
        """The exercises the facilitator has paced in the workshop; others are at the default."""
        states = self._db().states
        with self._read() as conn:
            rows = conn.execute(states.select().where(states.c.workshop == code)).all()
        return {r.exercise: ExerciseState(bool(r.open), bool(r.revealed)) for r in rows}

    def _pace(self, conn, code: str, exercise: str, **change) -> ExerciseState:
        db = self._db()
        state = self._state(conn, code, exercise)
        values = {"open": state.open, "revealed": state.revealed, **change}
        insert = _insert(db.engine)(db.states).values(
            workshop=code, exercise=exercise, changed=_now(), **values
        )
        conn.execute(
            insert.on_conflict_do_update(
                index_elements=["workshop", "exercise"],
                set_={"changed": insert.excluded.changed, **change},
            )
        )
        return ExerciseState(values["open"], values["revealed"])

    def set_open(self, code: str, exercise: str, is_open: bool) -> ExerciseState:
        """Open or close the exercise for answers; answers already shared stay."""
        self.workshop(code)
        with self._write() as conn:
            return self._pace(conn, code, exercise, open=bool(is_open))

    def set_revealed(self, code: str, exercise: str, revealed: bool) -> ExerciseState:
        """Show or hide the room's results on the screen and on the participants' pages."""
        self.workshop(code)
        with self._write() as conn:
            return self._pace(conn, code, exercise, revealed=bool(revealed))

    def set_hidden(self, code: str, exercise: str, key: str, hidden: bool) -> None:
        """Hide one answer (by its participant key) from the screen and the report, or show it
        again. A hidden answer stays in the store, and in the export marked as hidden; it stays
        hidden when the participant changes it."""
        db = self._db()
        with self._write() as conn:
            if hidden:
                conn.execute(
                    _insert(db.engine)(db.hidden)
                    .values(workshop=code, exercise=exercise, participant=key, hidden=_now())
                    .on_conflict_do_nothing()
                )
            else:
                conn.execute(
                    db.hidden.delete().where(
                        db.hidden.c.workshop == code,
                        db.hidden.c.exercise == exercise,
                        db.hidden.c.participant == key,
                    )
                )
            self._pace(conn, code, exercise)  # the screen and the pages redraw


def _storable(text: str | None) -> str | None:
    """Text a database can hold: a browser can send half an emoji (a lone surrogate)."""
    return None if text is None else text.encode("utf-8", "replace").decode("utf-8")


def _loads(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return None
