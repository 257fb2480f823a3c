"""Course content as data: load and validate the YAML files in ``data/``.

One generic builder turns YAML mappings into frozen dataclasses, using the
dataclass fields as the schema. Every error names the file, the item and the
field, in Danish, because content editors read them.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

KINDS = ("refleksion", "skala", "sortering", "rangering", "planlægger")
FIELD_TYPES = ("tekst", "langtekst", "tal", "valg", "dato")
SHAREABLE = ("refleksion", "skala", "sortering", "rangering")  # kinds the room can picture


class ContentError(ValueError):
    """Bad course content; the message names file, item and field."""


# --- the schema -----------------------------------------------------------------


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str
    hint: str = ""


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    category: str = ""
    explanation: str = ""
    advice: str = ""


@dataclass(frozen=True)
class Attribute:
    """A choice the participant makes per item in a ranking (e.g. level)."""

    id: str
    label: str
    options: tuple[str, ...]


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


@dataclass(frozen=True)
class Scale:
    min: int = 1
    max: int = 10
    low_label: str = ""
    high_label: str = ""
    low_at: int | None = None  # ratings at or below this show the item's advice


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str
    title: str
    intro: str = ""
    source: str = ""  # where in the seeds the exercise comes from
    prompts: tuple[Prompt, ...] = ()
    items: tuple[Item, ...] = ()
    categories: tuple[Category, ...] = ()
    scale: Scale | None = None
    attributes: tuple[Attribute, ...] = ()
    fields: tuple[Field, ...] = ()
    allow_own: bool = False
    own_label: str = ""
    document_title: str = ""
    shared: bool = False  # the answer is also shown to the room (facilitator's dashboard)
    anonymous: bool = False  # the participant may choose to share it without a name

    def category(self, category_id: str) -> Category:
        return next(c for c in self.categories if c.id == category_id)


@dataclass(frozen=True)
class Session:
    id: str
    title: str
    start: str = ""
    end: str = ""
    notebook: str = ""
    goals: tuple[str, ...] = ()


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
class Course:
    programme: Programme
    exercises: dict[str, Exercise]

    def exercise(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise ContentError(f"Øvelsen '{exercise_id}' findes ikke i data/exercises.") from None


# --- the generic builder --------------------------------------------------------

_TIME = re.compile(r"^([01]\d|2[0-3])\.[0-5]\d$")
_TYPE_NAMES = {str: "tekst", int: "heltal", bool: "ja/nej (true/false)"}


class _Where:
    """Where we are in a file, for error messages."""

    def __init__(self, file: str, path: tuple[str, ...] = ()):
        self.file, self.path = file, path

    def at(self, part: str) -> _Where:
        return _Where(self.file, self.path + (part,))

    def fail(self, message: str) -> typing.NoReturn:
        where = ", ".join(self.path)
        raise ContentError(f"{self.file}: {where + ': ' if where else ''}{message}")


_NOUNS = {"exercises": "øvelse", "items": "punkt", "prompts": "prompt", "categories": "kategori",
          "fields": "felt-id", "attributes": "egenskab", "tracks": "spor", "sessions": "session",
          "facilitator": "facilitatorside"}


def _entry_noun(noun: str, raw, index: int) -> str:
    has_id = isinstance(raw, dict) and isinstance(raw.get("id"), str)
    return noun if has_id else f"{noun} nr. {index + 1}"


def _build(cls, raw, where: _Where, noun: str = ""):
    if noun and isinstance(raw, dict) and isinstance(raw.get("id"), str) and "nr." not in noun:
        where = where.at(f"{noun} '{raw['id']}'")
    elif noun:
        where = where.at(noun)
    if not isinstance(raw, dict):
        where.fail(f"forventede en tabel med felter, fik {type(raw).__name__}")
    hints = typing.get_type_hints(cls)
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


def _convert(tp, value, where: _Where, name: str):
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
                out.append(_build(inner, v, where, _entry_noun(noun, v, i)))
            else:
                out.append(_convert(inner, v, where, f"{name} nr. {i + 1}"))
        return tuple(out)
    if dataclasses.is_dataclass(tp):
        return _build(tp, value, where.at(f"felt '{name}'"))
    # bool is a subclass of int: check the exact type so `true` is never a number.
    if type(value) is not tp:
        where.fail(f"felt '{name}': forventede {_TYPE_NAMES[tp]}, fik {value!r}")
    if tp is str and not value.strip():
        where.fail(f"felt '{name}': må ikke være tom")
    return value


def _unique(ids, what: str, where: _Where):
    seen = set()
    for i in ids:
        if i in seen:
            where.fail(f"{what} '{i}' findes to gange")
        seen.add(i)


def _check_exercise(ex: Exercise, where: _Where) -> None:
    where = where.at(f"øvelse '{ex.id}'")
    if ex.kind not in KINDS:
        where.fail(f"felt 'kind': ukendt slags '{ex.kind}' (kendte: {', '.join(KINDS)})")
    _unique([p.id for p in ex.prompts], "prompt-id", where)
    _unique([i.id for i in ex.items], "punkt-id", where)
    _unique([c.id for c in ex.categories], "kategori-id", where)
    _unique([f.id for f in ex.fields], "felt-id", where)
    _unique([a.id for a in ex.attributes], "egenskabs-id", where)
    needs = {
        "refleksion": ["prompts"],
        "skala": ["scale", "items"],
        "sortering": ["categories", "items"],
        "rangering": ["items"],
        "planlægger": ["fields"],
    }[ex.kind]
    for name in needs:
        if not getattr(ex, name):
            where.fail(f"felt '{name}' mangler (det skal en {ex.kind} have)")
    if ex.kind == "sortering":
        known = [c.id for c in ex.categories]
        for item in ex.items:
            at = where.at(f"punkt '{item.id}'")
            if item.category not in known:
                at.fail(f"felt 'category': kategorien '{item.category}' findes ikke "
                        f"(kendte: {', '.join(known)})")
            if not item.explanation:
                at.fail("felt 'explanation' mangler (hvert punkt skal forklares)")
    if ex.scale is not None:
        s = ex.scale
        if not s.min < s.max:
            where.fail(f"felt 'scale': min ({s.min}) skal være mindre end max ({s.max})")
        if s.low_at is not None and not s.min <= s.low_at <= s.max:
            where.fail(f"felt 'scale': low_at ({s.low_at}) skal ligge mellem min og max")
    for f in ex.fields:
        at = where.at(f"felt-id '{f.id}'")
        if f.type not in FIELD_TYPES:
            at.fail(f"felt 'type': ukendt felttype '{f.type}' (kendte: {', '.join(FIELD_TYPES)})")
        if f.type == "valg" and not f.options:
            at.fail("felt 'options' mangler (et valg-felt skal have valgmuligheder)")
    for a in ex.attributes:
        if not a.options:
            where.at(f"egenskab '{a.id}'").fail("felt 'options' må ikke være tom")
    if ex.shared and ex.kind not in SHAREABLE:
        where.fail(f"felt 'shared': en {ex.kind} kan ikke deles med rummet "
                   f"(kan deles: {', '.join(SHAREABLE)})")
    if ex.anonymous and not ex.shared:
        where.fail("felt 'anonymous': giver kun mening sammen med 'shared: true'")


def _read_yaml(path: Path, root: Path):
    name = _display_name(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ContentError(f"{name}: filen er ikke gemt som UTF-8 ({e.reason})") from None
    try:
        return name, yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" (linje {mark.line + 1})" if mark else ""
        raise ContentError(f"{name}: filen er ikke gyldig YAML{line}: {getattr(e, 'problem', e)}") from None


def _display_name(path: Path, root: Path) -> str:
    try:
        return str(Path("data") / path.relative_to(root))
    except ValueError:
        return str(path)


def load_programme(root: Path) -> Programme:
    name, raw = _read_yaml(root / "programme.yaml", root)
    programme = _build(Programme, raw, _Where(name))
    where = _Where(name)
    _unique([t.id for t in programme.tracks], "spor-id", where)
    _unique([s.id for s in programme.sessions() + list(programme.facilitator)], "session-id", where)
    for s in programme.facilitator:
        if not s.notebook:
            where.at(f"facilitatorside '{s.id}'").fail("felt 'notebook' mangler")
        if s.notebook in {p.notebook for p in programme.sessions()}:
            where.at(f"facilitatorside '{s.id}'").fail(
                f"felt 'notebook': '{s.notebook}' er også en deltagerside i programmet")
    for s in programme.sessions() + list(programme.facilitator):
        for label in ("start", "end"):
            value = getattr(s, label)
            if value and not _TIME.match(value):
                where.at(f"session '{s.id}'").fail(
                    f"felt '{label}': '{value}' er ikke et klokkeslæt som 09.30")
        if s.notebook and not re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", s.notebook):
            where.at(f"session '{s.id}'").fail(
                f"felt 'notebook': '{s.notebook}' skal hedde som NN_navn.ipynb")
    return programme


def load_exercises(root: Path) -> dict[str, Exercise]:
    exercises: dict[str, Exercise] = {}
    origin: dict[str, str] = {}
    files = sorted((root / "exercises").glob("*.yaml"))
    if not files:
        raise ContentError(f"{_display_name(root / 'exercises', root)}: ingen øvelsesfiler fundet")
    for path in files:
        name, raw = _read_yaml(path, root)
        where = _Where(name)
        if not isinstance(raw, dict) or set(raw) != {"exercises"}:
            where.fail("filen skal have præcis ét felt øverst: 'exercises' (en liste)")
        if not isinstance(raw["exercises"], list):
            where.fail("felt 'exercises': forventede en liste")
        for i, entry in enumerate(raw["exercises"]):
            ex = _build(Exercise, entry, where, _entry_noun("øvelse", entry, i))
            if ex.id in exercises:
                where.fail(f"øvelse '{ex.id}': id'et findes allerede i {origin[ex.id]}")
            _check_exercise(ex, where)
            exercises[ex.id] = ex
            origin[ex.id] = name
    return exercises


def data_dir() -> Path:
    return Path(os.environ.get("NOEGLEPERSONKURSUS_DATA", DATA_DIR))


def load_course(root: Path | None = None) -> Course:
    root = Path(root) if root is not None else data_dir()
    return Course(programme=load_programme(root), exercises=load_exercises(root))


@lru_cache(maxsize=4)
def _cached(root: str) -> Course:
    return load_course(Path(root))


def course(root: Path | None = None) -> Course:
    """The course content, loaded once per process."""
    return _cached(str(root if root is not None else data_dir()))


# --- notebooks use only defined exercises -----------------------------------------

_CALL = re.compile(r"""\.exercise\(\s*["']([^"']+)["']""")
_PAGE = re.compile(r"""(?:CoursePage|FacilitatorPage)\.show\(\s*["']([^"']+)["']""")


def check_notebooks(content: Course, notebook_dir: Path) -> None:
    """Every exercise and session a notebook names must be defined in data/."""
    sessions = {s.id for s in content.programme.sessions() + list(content.programme.facilitator)}
    for path in sorted(Path(notebook_dir).glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        for exercise_id in _CALL.findall(source):
            if exercise_id not in content.exercises:
                raise ContentError(f"notebooks/{path.name}: bruger øvelsen '{exercise_id}', "
                                   "som ikke er defineret i data/exercises")
        for session_id in _PAGE.findall(source):
            if session_id not in sessions:
                raise ContentError(f"notebooks/{path.name}: bruger sessionen '{session_id}', "
                                   "som ikke findes i data/programme.yaml")
