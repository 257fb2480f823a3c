"""Course content as data: load and validate the YAML files in ``data/``.

One generic builder turns YAML mappings into frozen dataclasses, using the
dataclass fields as the schema. Every error names the file, the item and the
field, in Danish, because content editors read them.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import logging
import os
import pickle
import re
import sys
import types
import typing
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
NOTEBOOK_DIR = DATA_DIR.parent / "notebooks"
# Every page's kernel needs the loaded course; the checked result is kept here, as Python keeps
# byte code, so a kernel reads one file instead of parsing and checking all of data/ again.
CACHE_DIR = Path(__file__).resolve().parent / "__pycache__"

log = logging.getLogger(__name__)

# The kinds of exercise, with what each needs, are in course/kinds.py.
FIELD_TYPES = ("tekst", "langtekst", "tal", "valg", "dato", "klokkeslæt")  # and a kind's own
MEASURE_UNITS = ("andel", "antal", "skala")
DATASET_KEYS = ("team", "maaned")  # columns every key-figure data set must have


class ContentError(ValueError):
    """Bad course content; the message names file, item and field."""


# --- the schema -----------------------------------------------------------------


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str
    hint: str = ""
    questions: tuple[str, ...] = ()  # shown with the prompt as questions to start from


@dataclass(frozen=True)
class Hint:
    """A gentle hint on what a participant writes; it never blocks.

    Shown when none of ``missing`` occurs in the text, or when one of ``present`` does.
    Words match at the start of a word, so "forestil" also finds "forestille".
    """

    text: str
    missing: tuple[str, ...] = ()
    present: tuple[str, ...] = ()


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str = ""
    examples: tuple[str, ...] = ()  # shown as inspiration where the participant writes
    hints: tuple[Hint, ...] = ()


@dataclass(frozen=True)
class Grid:
    """Draw the categories as a table of cells, e.g. a 2×2 model with two axes."""

    rows: tuple[str, ...]  # row labels, top to bottom
    columns: tuple[str, ...]  # column labels, left to right
    cells: tuple[tuple[str, ...], ...]  # category ids, one list per row


@dataclass(frozen=True)
class Option:
    """A candidate utterance in a conversation phase; ``correct`` = it fits the phase."""

    id: str
    text: str
    correct: bool
    explanation: str


@dataclass(frozen=True)
class Phase:
    """One phase of a conversation (e.g. the first U in UGU)."""

    id: str
    title: str
    description: str = ""
    situation: str = ""  # what has happened in the case when this phase begins
    examples: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    hints: tuple[Hint, ...] = ()


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    category: str = ""
    explanation: str = ""
    advice: str = ""
    short: str = ""  # a short name for pictures


@dataclass(frozen=True)
class Attribute:
    """A choice the participant makes per item in a ranking (e.g. level)."""

    id: str
    label: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Occasion:
    """A named point in time at which a skala is answered (e.g. first and later meeting)."""

    id: str
    label: str


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    type: str = "tekst"
    required: bool = False
    help: str = ""
    options: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    not_before: str = ""  # a date field: not before the date in this other field
    not_past: bool = False  # a date field: not before today


@dataclass(frozen=True)
class Scale:
    min: int = 1
    max: int = 10
    low_label: str = ""
    high_label: str = ""
    low_at: int | None = None  # ratings at or below this show the item's advice
    labels: tuple[str, ...] = ()  # one text per step, from min to max


@dataclass(frozen=True)
class Step:
    """One step of a learning cycle: its name and the question the participant answers."""

    id: str
    title: str
    text: str
    hint: str = ""


@dataclass(frozen=True)
class Measure:
    """A column of a key-figure data set, as the participant sees it."""

    id: str  # the column name in the CSV file
    label: str
    unit: str = "andel"  # andel (share 0-1), antal (count) or skala (a mean on a scale)
    description: str = ""


@dataclass(frozen=True)
class Dataset:
    file: str  # a CSV file in data/; the loader replaces it with its full path
    measures: tuple[Measure, ...] = ()


@dataclass(frozen=True)
class Part:
    """One part of a combined plan: another exercise's answer, from the page of a session."""

    exercise: str
    session: str
    heading: str


@dataclass(frozen=True)
class Role:
    """A role in a role-play (e.g. the observer) and what the one who has it does."""

    id: str
    title: str
    task: str


@dataclass(frozen=True)
class Round:
    """One round of a role-play: its case card."""

    id: str
    title: str
    case: str
    source: str = ""  # where in the seeds the case comes from


@dataclass(frozen=True)
class Look:
    """One thing the observer of a role-play listens for, with the answers to tick."""

    id: str
    title: str
    options: tuple[Category, ...]


@dataclass(frozen=True)
class RolePlay:
    """Roles rotated over rounds, one case card per round, an observation sheet."""

    roles: tuple[Role, ...]
    rounds: tuple[Round, ...]
    round_minutes: int  # the time of one round, the observer's feedback included
    observation: tuple[Look, ...]
    feedback_minutes: int = 0  # the last minutes of a round: the observer gives feedback
    note: str = ""  # the label of the observer's free note, if the sheet has one


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str
    title: str
    minutes: int | None = None  # the time the exercise takes (required, see _check_exercise)
    social_form: str = ""  # alene, par, gruppe or plenum (course/timing.py; required)
    after_course: bool = False  # in »Øv mere efter kurset«, not in the course day's time
    intro: str = ""
    source: str = ""  # where in the seeds the exercise comes from
    case: str = ""  # a (fictitious) case the exercise works on, shown above it
    prompts: tuple[Prompt, ...] = ()
    items: tuple[Item, ...] = ()
    categories: tuple[Category, ...] = ()
    grid: Grid | None = None
    phases: tuple[Phase, ...] = ()
    scale: Scale | None = None
    attributes: tuple[Attribute, ...] = ()
    fields: tuple[Field, ...] = ()
    allow_own: bool = False
    own_label: str = ""
    document_title: str = ""
    caption: str = ""  # a short text in or under the exercise's picture
    steps: tuple[Step, ...] = ()
    dataset: Dataset | None = None
    occasions: tuple[Occasion, ...] = ()  # a skala answered once per occasion
    chart: str = ""  # a skala's picture of its answers: one of kinds.CHARTS
    correct_order: bool = False  # a rangering whose items are listed in the right order
    explanation: str = ""  # shown when a rangering with correct_order is checked
    periods: tuple[str, ...] = ()  # columns of a plan over time: weeks or months
    parts: tuple[Part, ...] = ()  # samleplan: the exercises it gathers
    role_play: RolePlay | None = None  # rollespil: roles, rounds and the observation sheet
    followup_days: tuple[int, ...] = ()  # samleplan: follow-up talks, days after a start date
    shared: bool = False  # the answer is also shown to the room (facilitator's dashboard)
    anonymous: bool = False  # the participant may choose to share it without a name
    opt_in: bool = False  # shared only when the participant ticks »Del med rummet«
    recalls: str = ""  # tjekud: the earlier exercise whose answer the participant sees again

    def category(self, category_id: str) -> Category:
        return next(c for c in self.categories if c.id == category_id)

    def phase(self, phase_id: str) -> Phase:
        return next(p for p in self.phases if p.id == phase_id)


@dataclass(frozen=True)
class Session:
    id: str
    title: str
    start: str = ""
    end: str = ""
    notebook: str = ""
    goals: tuple[str, ...] = ()
    minutes: int | None = None  # estimated time for a session without clock times
    # The page's own text: the course leader's presentation in the room, or reading in
    # self-study. Its exercises' minutes come on top (course/timing.py).
    reading_minutes: int | None = None


@dataclass(frozen=True)
class Track:
    id: str
    title: str
    intro: str = ""
    sessions: tuple[Session, ...] = ()


@dataclass(frozen=True)
class Programme:
    title: str
    subtitle: str = ""
    note: str = ""
    tracks: tuple[Track, ...] = ()
    facilitator: tuple[Session, ...] = ()  # the facilitator's pages, never in a track

    def sessions(self) -> list[Session]:
        return [s for t in self.tracks for s in t.sessions]

    def session(self, session_id: str) -> Session:
        for s in self.sessions():
            if s.id == session_id:
                return s
        raise KeyError(session_id)


@dataclass(frozen=True)
class ReportSection:
    """A part of the facilitator's report (data/report.yaml): one shared exercise, shown as
    one of the views its kind has in the report (course/kinds.py, course/report.py)."""

    exercise: str
    show: str


@dataclass(frozen=True)
class Report:
    sections: tuple[ReportSection, ...] = ()


@dataclass(frozen=True)
class Course:
    programme: Programme
    exercises: dict[str, Exercise]
    report: tuple[ReportSection, ...] = ()  # the facilitator's report, in order
    # session id -> the ids of the exercises on its page, from the file that names the session
    pages: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)

    def exercise(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise ContentError(f"Øvelsen '{exercise_id}' findes ikke i data/exercises.") from None


# --- the generic builder --------------------------------------------------------

_TIME = re.compile(r"^([01]\d|2[0-3])\.[0-5]\d$")
_TYPE_NAMES = {str: "tekst", int: "heltal", bool: "ja/nej (true/false)"}


class Where:
    """Where we are in a file, for error messages."""

    def __init__(self, file: str, path: tuple[str, ...] = ()):
        self.file, self.path = file, path

    def at(self, part: str) -> Where:
        return Where(self.file, self.path + (part,))

    def fail(self, message: str) -> typing.NoReturn:
        where = ", ".join(self.path)
        raise ContentError(f"{self.file}: {where + ': ' if where else ''}{message}")


_NOUNS = {
    "exercises": "øvelse",
    "items": "punkt",
    "prompts": "prompt",
    "categories": "kategori",
    "fields": "felt-id",
    "attributes": "egenskab",
    "tracks": "spor",
    "sessions": "session",
    "phases": "fase",
    "options": "valgmulighed",
    "hints": "tip",
    "steps": "trin",
    "measures": "nøgletal",
    "occasions": "tidspunkt",
    "parts": "del",
    "facilitator": "facilitatorside",
    "sections": "afsnit",
    "roles": "rolle",
    "rounds": "runde",
    "observation": "observationspunkt",
}


def _entry_noun(noun: str, raw, index: int) -> str:
    has_id = isinstance(raw, dict) and isinstance(raw.get("id"), str)
    return noun if has_id else f"{noun} nr. {index + 1}"


def build(cls, raw, where: Where, noun: str = ""):
    if noun and isinstance(raw, dict) and isinstance(raw.get("id"), str) and "nr." not in noun:
        where = where.at(f"{noun} '{raw['id']}'")
    elif noun:
        where = where.at(noun)
    if not isinstance(raw, dict):
        where.fail(f"forventede en tabel med felter, fik {type(raw).__name__}")
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(map(str, raw)) - set(fields))
    if unknown:
        where.fail(f"ukendt felt '{unknown[0]}' (tilladte felter: {', '.join(fields)})")
    values = {}
    for name, field in fields.items():
        if name not in raw:
            if field.default is dataclasses.MISSING:
                where.fail(f"feltet '{name}' mangler")
            continue
        values[name] = _convert(hints[name], raw[name], where, name)
    return cls(**values)


@cache
def _hints(cls) -> dict:
    # Evaluating the string annotations is most of the cost of a build: once per class.
    return typing.get_type_hints(cls)


def _convert(tp, value, where: Where, name: str):
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return None if value is None else _convert(options[0], value, where, name)
    if origin is tuple:
        (inner, _) = typing.get_args(tp)
        if not isinstance(value, list):
            where.fail(f"felt '{name}': forventede en liste")
        noun = _NOUNS.get(name, name)
        out = []
        for i, v in enumerate(value):
            if dataclasses.is_dataclass(inner):
                out.append(build(inner, v, where, _entry_noun(noun, v, i)))
            else:
                out.append(_convert(inner, v, where, f"{name} nr. {i + 1}"))
        return tuple(out)
    if dataclasses.is_dataclass(tp):
        return build(tp, value, where.at(f"felt '{name}'"))
    # bool is a subclass of int: check the exact type so `true` is never a number.
    if type(value) is not tp:
        where.fail(f"felt '{name}': forventede {_TYPE_NAMES[tp]}, fik {value!r}")
    if tp is str and not value.strip():
        where.fail(f"felt '{name}': må ikke være tom")
    return value


def unique(ids, what: str, where: Where):
    seen = set()
    for i in ids:
        if i in seen:
            where.fail(f"{what} '{i}' findes to gange")
        seen.add(i)


def _check_exercise(ex: Exercise, where: Where, root: Path) -> Exercise:
    """Check what the schema alone cannot; return the exercise with its data file resolved."""
    from course.kinds import KINDS, shareable  # course.kinds builds on this module: import late

    where = where.at(f"øvelse '{ex.id}'")
    if ex.kind not in KINDS:
        where.fail(f"felt 'kind': ukendt slags '{ex.kind}' (kendte: {', '.join(KINDS)})")
    kind = KINDS[ex.kind]
    _check_time(ex, where)
    unique([p.id for p in ex.prompts], "prompt-id", where)
    unique([i.id for i in ex.items], "punkt-id", where)
    unique([c.id for c in ex.categories], "kategori-id", where)
    unique([f.id for f in ex.fields], "felt-id", where)
    unique([a.id for a in ex.attributes], "egenskabs-id", where)
    unique([o.id for o in ex.occasions], "tidspunkt-id", where)
    for name in kind.needs:
        if not getattr(ex, name):
            where.fail(f"felt '{name}' mangler (det skal en {ex.kind} have)")
    fields = {f.id: f for f in ex.fields}
    for field_id, field_type in kind.fields.items():
        if field_id not in fields or fields[field_id].type != field_type:
            where.fail(f"et {ex.kind} skal have et felt med id '{field_id}' af typen {field_type}")
    if any(days <= 0 for days in ex.followup_days):
        where.fail("felt 'followup_days': antal dage skal være større end 0")
    if ex.followup_days and (len(ex.items) != len(ex.followup_days) or not ex.categories):
        where.fail(
            "felt 'followup_days': hver opfølgning skal have et punkt i 'items' (samme antal), "
            "og 'categories' skal give overskriften"
        )
    if ex.grid is not None:
        _check_grid(ex, where.at("felt 'grid'"))
    unique([p.id for p in ex.phases], "fase-id", where)
    for phase in ex.phases:
        at = where.at(f"fase '{phase.id}'")
        unique([o.id for o in phase.options], "valgmuligheds-id", at)
        if len({o.correct for o in phase.options}) < 2:
            at.fail(
                "felt 'options': en fase skal have mindst én valgmulighed, der passer "
                "(correct: true), og mindst én, der ikke gør (correct: false)"
            )
    for owner, at in [(c, where.at(f"kategori '{c.id}'")) for c in ex.categories] + [
        (p, where.at(f"fase '{p.id}'")) for p in ex.phases
    ]:
        for n, hint in enumerate(owner.hints, start=1):
            if bool(hint.missing) == bool(hint.present):
                at.at(f"tip nr. {n}").fail(
                    "brug enten 'missing' (ord, der mangler) eller 'present' (ord, der findes)"
                )
    if ex.scale is not None:
        s = ex.scale
        if not s.min < s.max:
            where.fail(f"felt 'scale': min ({s.min}) skal være mindre end max ({s.max})")
        if s.low_at is not None and not s.min <= s.low_at <= s.max:
            where.fail(f"felt 'scale': low_at ({s.low_at}) skal ligge mellem min og max")
        steps = s.max - s.min + 1
        if s.labels and len(s.labels) != steps:
            where.fail(
                f"felt 'scale': labels skal have én tekst pr. trin ({steps}), "
                f"men har {len(s.labels)}"
            )
    for name, owner in {n: k for k, spec in KINDS.items() for n in spec.only}.items():
        if getattr(ex, name) and ex.kind != owner:
            where.fail(f"felt '{name}': kan kun bruges i en {owner}, ikke i en {ex.kind}")
    if ex.explanation and not ex.correct_order:
        where.fail("felt 'explanation': vises kun, når en rangering har correct_order: true")
    _check_fields(ex, where, KINDS)
    for a in ex.attributes:
        if not a.options:
            where.at(f"egenskab '{a.id}'").fail("felt 'options' må ikke være tom")
    unique([s.id for s in ex.steps], "trin-id", where)
    if ex.dataset is not None:
        ex = dataclasses.replace(
            ex, dataset=_check_dataset(ex.dataset, where.at("felt 'dataset'"), root)
        )
    if ex.shared and kind.room is None:
        where.fail(
            f"felt 'shared': en {ex.kind} kan ikke deles med rummet "
            f"(kan deles: {', '.join(shareable())})"
        )
    if ex.anonymous and not ex.shared:
        where.fail("felt 'anonymous': giver kun mening sammen med 'shared: true'")
    if ex.opt_in and not ex.shared:
        where.fail("felt 'opt_in': giver kun mening sammen med 'shared: true'")
    if kind.check is not None:
        kind.check(ex, where)
    return ex


def _check_time(ex: Exercise, where: Where) -> None:
    """Every exercise says how long it takes and how it is done (course/timing.py)."""
    from course.timing import MAX_EXERCISE_MINUTES, SOCIAL_FORMS  # builds on this module

    if ex.minutes is None:
        where.fail("feltet 'minutes' mangler (hvor mange minutter øvelsen tager)")
    if not 0 < ex.minutes <= MAX_EXERCISE_MINUTES:
        where.fail(
            f"felt 'minutes': {ex.minutes} skal være et antal minutter mellem 1 og "
            f"{MAX_EXERCISE_MINUTES}"
        )
    if not ex.social_form:
        where.fail(f"feltet 'social_form' mangler (en af: {', '.join(SOCIAL_FORMS)})")
    if ex.social_form not in SOCIAL_FORMS:
        where.fail(
            f"felt 'social_form': ukendt arbejdsform '{ex.social_form}' "
            f"(kendte: {', '.join(SOCIAL_FORMS)})"
        )


def _check_fields(ex: Exercise, where: Where, kinds: dict) -> None:
    """Field types exist, and a kind's own field types (a mødeplan's agenda) stay with it."""
    owners = {t: name for name, spec in kinds.items() for t in spec.field_types}
    types = FIELD_TYPES + tuple(owners)
    for f in ex.fields:
        at = where.at(f"felt-id '{f.id}'")
        if f.type not in types:
            at.fail(f"felt 'type': ukendt felttype '{f.type}' (kendte: {', '.join(types)})")
        if f.type == "valg" and not f.options:
            at.fail("felt 'options' mangler (et valg-felt skal have valgmuligheder)")
        if f.type in owners and owners[f.type] != ex.kind:
            at.fail(f"felt 'type': felttypen '{f.type}' kan kun bruges i en {owners[f.type]}")
        if (f.not_before or f.not_past) and f.type != "dato":
            at.fail("felterne 'not_before' og 'not_past' gælder kun for felter af typen dato")
        if f.not_before and f.not_before not in {g.id for g in ex.fields if g.type == "dato"}:
            at.fail(f"felt 'not_before': '{f.not_before}' er ikke et dato-felt i øvelsen")


def _check_dataset(ds: Dataset, where: Where, root: Path) -> Dataset:
    if not re.fullmatch(r"[\w-]+\.csv", ds.file):
        where.fail(f"felt 'file': '{ds.file}' skal være navnet på en .csv-fil i data/")
    path = root / ds.file
    if not path.is_file():
        where.fail(f"felt 'file': filen data/{ds.file} findes ikke")
    if not ds.measures:
        where.fail("felt 'measures' mangler (vælg mindst ét nøgletal)")
    unique([m.id for m in ds.measures], "nøgletal", where)
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f), [])
    for key in DATASET_KEYS:
        if key not in header:
            where.fail(f"data/{ds.file} mangler kolonnen '{key}'")
    for m in ds.measures:
        at = where.at(f"nøgletal '{m.id}'")
        if m.unit not in MEASURE_UNITS:
            at.fail(f"felt 'unit': ukendt enhed '{m.unit}' (kendte: {', '.join(MEASURE_UNITS)})")
        if m.id not in header:
            at.fail(f"kolonnen '{m.id}' findes ikke i data/{ds.file}")
    return dataclasses.replace(ds, file=str(path))


def _check_grid(ex: Exercise, where: Where) -> None:
    grid = ex.grid
    if not grid.rows or not grid.columns:
        where.fail("felterne 'rows' og 'columns' må ikke være tomme")
    if len(grid.cells) != len(grid.rows):
        where.fail(
            f"felt 'cells': har {len(grid.cells)} rækker, men 'rows' har {len(grid.rows)} navne"
        )
    for n, row in enumerate(grid.cells, start=1):
        if len(row) != len(grid.columns):
            where.fail(
                f"felt 'cells': række {n} har {len(row)} felter, men 'columns' har "
                f"{len(grid.columns)} navne"
            )
    known = [c.id for c in ex.categories]
    placed = [c for row in grid.cells for c in row]
    for category_id in placed:
        if category_id not in known:
            where.fail(
                f"felt 'cells': kategorien '{category_id}' findes ikke (kendte: {', '.join(known)})"
            )
    unique(placed, "felt 'cells': kategorien", where)
    missing = [c for c in known if c not in placed]
    if missing:
        where.fail(f"felt 'cells': kategorien '{missing[0]}' har ingen plads i gitteret")


def _check_parts(
    programme: Programme, exercises: dict[str, Exercise], origin: dict[str, str]
) -> None:
    """A samleplan's parts name exercises and sessions that exist, on pages that exist."""
    from course.kinds import KINDS, gatherable  # course.kinds builds on this module: import late

    for ex in exercises.values():
        for part in ex.parts:
            at = Where(origin[ex.id]).at(f"øvelse '{ex.id}'").at(f"del '{part.exercise}'")
            if part.exercise not in exercises:
                at.fail(f"felt 'exercise': øvelsen '{part.exercise}' findes ikke")
            if KINDS[exercises[part.exercise].kind].plan_part is None:
                at.fail(
                    f"felt 'exercise': en samleplan kan kun samle øvelser af slagsen "
                    f"{', '.join(gatherable())}"
                )
            try:
                session = programme.session(part.session)
            except KeyError:
                at.fail(f"felt 'session': sessionen '{part.session}' findes ikke i programmet")
            if not session.notebook:
                at.fail(f"felt 'session': sessionen '{part.session}' har ingen side (notebook)")


def _check_recalls(exercises: dict[str, Exercise], origin: dict[str, str]) -> None:
    """An exercise that shows an earlier answer again names a refleksion that exists."""
    for ex in exercises.values():
        if not ex.recalls:
            continue
        at = Where(origin[ex.id]).at(f"øvelse '{ex.id}'")
        recalled = exercises.get(ex.recalls)
        if recalled is None:
            at.fail(f"felt 'recalls': øvelsen '{ex.recalls}' findes ikke")
        if recalled.kind != "refleksion":
            at.fail(f"felt 'recalls': '{ex.recalls}' skal være en refleksion")


def read_yaml(path: Path, root: Path):
    name = _display_name(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ContentError(f"{name}: filen er ikke gemt som UTF-8 ({e.reason})") from None
    try:
        # libyaml's loader where available: every page start loads all content files.
        return name, yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" (linje {mark.line + 1})" if mark else ""
        raise ContentError(
            f"{name}: filen er ikke gyldig YAML{line}: {getattr(e, 'problem', e)}"
        ) from None


def _display_name(path: Path, root: Path) -> str:
    try:
        return str(Path("data") / path.relative_to(root))
    except ValueError:
        return str(path)


def load_programme(root: Path) -> Programme:
    name, raw = read_yaml(root / "programme.yaml", root)
    programme = build(Programme, raw, Where(name))
    where = Where(name)
    unique([t.id for t in programme.tracks], "spor-id", where)
    unique([s.id for s in programme.sessions() + list(programme.facilitator)], "session-id", where)
    for s in programme.facilitator:
        if not s.notebook:
            where.at(f"facilitatorside '{s.id}'").fail("felt 'notebook' mangler")
        if s.notebook in {p.notebook for p in programme.sessions()}:
            where.at(f"facilitatorside '{s.id}'").fail(
                f"felt 'notebook': '{s.notebook}' er også en deltagerside i programmet"
            )
    for s in programme.sessions() + list(programme.facilitator):
        for label in ("start", "end"):
            value = getattr(s, label)
            if value and not _TIME.match(value):
                where.at(f"session '{s.id}'").fail(
                    f"felt '{label}': '{value}' er ikke et klokkeslæt som 09.30"
                )
        if s.notebook and not re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", s.notebook):
            where.at(f"session '{s.id}'").fail(
                f"felt 'notebook': '{s.notebook}' skal hedde som NN_navn.ipynb"
            )
        if s.minutes is not None and not 0 < s.minutes <= 600:
            where.at(f"session '{s.id}'").fail(
                f"felt 'minutes': {s.minutes} skal være et antal minutter mellem 1 og 600"
            )
        if s.reading_minutes is not None and not 0 <= s.reading_minutes <= 600:
            where.at(f"session '{s.id}'").fail(
                f"felt 'reading_minutes': {s.reading_minutes} skal være et antal minutter "
                "mellem 0 og 600"
            )
    return programme


@dataclass(frozen=True)
class _Exercises:
    """What the exercise files hold: the exercises, the file of each, and the pages."""

    exercises: dict[str, Exercise]
    origin: dict[str, str]  # exercise id -> its file
    pages: dict[str, tuple[str, ...]]  # session id -> the exercises of its page
    page_files: dict[str, str]  # session id -> the file that names it


def _load_exercises(root: Path, programme: Programme) -> _Exercises:
    """The exercises, the file each one came from, and the page each file fills."""
    exercises: dict[str, Exercise] = {}
    origin: dict[str, str] = {}
    pages: dict[str, tuple[str, ...]] = {}
    page_files: dict[str, str] = {}
    sessions = {s.id: s for s in programme.sessions()}
    files = sorted((root / "exercises").glob("*.yaml"))
    if not files:
        raise ContentError(f"{_display_name(root / 'exercises', root)}: ingen øvelsesfiler fundet")
    for path in files:
        name, raw = read_yaml(path, root)
        where = Where(name)
        if (
            not isinstance(raw, dict)
            or "exercises" not in raw
            or set(raw) - {"exercises", "session"}
        ):
            where.fail(
                "filen skal have feltet 'exercises' (en liste) øverst og højst ét felt mere: "
                "'session' (sessionen i data/programme.yaml, hvis side viser øvelserne)"
            )
        if not isinstance(raw["exercises"], list):
            where.fail("felt 'exercises': forventede en liste")
        ids = []
        for i, entry in enumerate(raw["exercises"]):
            ex = build(Exercise, entry, where, _entry_noun("øvelse", entry, i))
            if ex.id in exercises:
                where.fail(f"øvelse '{ex.id}': id'et findes allerede i {origin[ex.id]}")
            exercises[ex.id] = _check_exercise(ex, where, root)
            origin[ex.id] = name
            ids.append(ex.id)
        if "session" in raw:
            session = raw["session"]
            if not isinstance(session, str) or session not in sessions:
                where.fail(f"felt 'session': sessionen {session!r} findes ikke i programmet")
            if not sessions[session].notebook:
                where.fail(f"felt 'session': sessionen '{session}' har ingen side (notebook)")
            if session in page_files:
                where.fail(
                    f"felt 'session': sessionen '{session}' har allerede sine øvelser i "
                    f"{page_files[session]}"
                )
            pages[session], page_files[session] = tuple(ids), name
    return _Exercises(exercises, origin, pages, page_files)


def load_report(root: Path, exercises: dict[str, Exercise]) -> tuple[ReportSection, ...]:
    """The report's sections: shared exercises, each shown the way its kind allows."""
    from course.kinds import KINDS  # course.kinds builds on this module: import it late

    name, raw = read_yaml(root / "report.yaml", root)
    report = build(Report, raw, Where(name))
    views = [v for spec in KINDS.values() for v in spec.report]
    for n, section in enumerate(report.sections, start=1):
        at = Where(name).at(f"afsnit nr. {n}")
        ex = exercises.get(section.exercise)
        if ex is None:
            at.fail(f"felt 'exercise': øvelsen '{section.exercise}' findes ikke i data/exercises")
        if not ex.shared:
            at.fail(
                f"felt 'exercise': øvelsen '{ex.id}' deles ikke med rummet (den har ikke "
                "shared: true), så rapporten har intet at vise"
            )
        if section.show not in views:
            at.fail(f"felt 'show': ukendt visning '{section.show}' (kendte: {', '.join(views)})")
        allowed = KINDS[ex.kind].report
        if section.show not in allowed:
            at.fail(
                f"felt 'show': en {ex.kind} kan ikke vises som '{section.show}' "
                f"(en {ex.kind} kan vises som: {', '.join(allowed) or 'intet'})"
            )
    return report.sections


def data_dir() -> Path:
    return Path(os.environ.get("NOEGLEPERSONKURSUS_DATA", DATA_DIR))


def load_course(root: Path | None = None) -> Course:
    root = Path(root) if root is not None else data_dir()
    from course.timing import check_pages  # course.timing builds on this module: import late

    programme = load_programme(root)
    loaded = _load_exercises(root, programme)
    exercises = loaded.exercises
    _check_parts(programme, exercises, loaded.origin)
    _check_recalls(exercises, loaded.origin)
    content = Course(
        programme=programme,
        exercises=exercises,
        report=load_report(root, exercises),
        pages=loaded.pages,
    )
    check_pages(content, loaded.page_files, _display_name(root / "programme.yaml", root))
    return content


def fingerprint(root: Path) -> str:
    """What a loaded course depends on: the content files under ``root`` and the loader's code
    (by path, size and time of change), and the Python version."""
    h = hashlib.sha256(sys.version.encode())
    files = [p for p in Path(root).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += Path(__file__).resolve().parent.glob("*.py")
    for path in sorted(files):
        st = path.stat()
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def load_course_cached(root: Path, cache_dir: Path = CACHE_DIR) -> Course:
    """``load_course(root)``, read from the cache while nothing it depends on has changed. Only a
    course that passed every check is kept; a cache that cannot be read or written is ignored."""
    path = Path(cache_dir) / f"content-{fingerprint(root)}.pickle"
    try:
        with open(path, "rb") as f:
            content = pickle.load(f)
        if isinstance(content, Course):
            return content
    except FileNotFoundError:
        pass
    except Exception as e:  # a damaged or foreign file: load afresh and replace it
        log.warning("Kursets mellemlager %s kunne ikke læses: %s", path, e)
    content = load_course(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("content-*.pickle"):
            old.unlink(missing_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)  # whole or not at all, also with 40 kernels starting at once
    except OSError as e:
        log.info("Kursets mellemlager kunne ikke gemmes: %s", e)
    return content


@lru_cache(maxsize=4)
def _cached(root: str) -> Course:
    return load_course_cached(Path(root))


def course(root: Path | None = None) -> Course:
    """The course content, loaded once per process."""
    return _cached(str(root if root is not None else data_dir()))


# --- notebooks use only defined exercises -----------------------------------------

_CALL = re.compile(r"""\.exercise\(\s*["']([^"']+)["']""")
_PAGE = re.compile(r"""(?:CoursePage|FacilitatorPage)\.show\(\s*["']([^"']+)["']""")


def _code(path: Path) -> str:
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def notebook_exercises(path: Path) -> list[str]:
    """The exercise ids a notebook shows, in page order, each once."""
    return list(dict.fromkeys(_CALL.findall(_code(path))))


def check_notebooks(content: Course, notebook_dir: Path) -> None:
    """Every exercise and session a notebook names must be defined in data/."""
    sessions = {s.id for s in content.programme.sessions() + list(content.programme.facilitator)}
    for path in sorted(Path(notebook_dir).glob("*.ipynb")):
        source = _code(path)
        for exercise_id in _CALL.findall(source):
            if exercise_id not in content.exercises:
                raise ContentError(
                    f"notebooks/{path.name}: bruger øvelsen '{exercise_id}', "
                    "som ikke er defineret i data/exercises"
                )
        for session_id in _PAGE.findall(source):
            if session_id not in sessions:
                raise ContentError(
                    f"notebooks/{path.name}: bruger sessionen '{session_id}', "
                    "som ikke findes i data/programme.yaml"
                )
