"""The participant's workbook (logbog): every answer, saved safely on disk.

A workbook is one JSON file named by a random id, never by the participant's
name, so names and codes typed in a page are never used as paths. Each save
re-reads the file under a lock and replaces only one exercise's answer, so two
tabs of the same participant that edit different exercises lose neither edit.
Writes go to a temporary file that replaces the old one atomically, so a crash
mid-write leaves the previous version intact.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import tempfile
from datetime import datetime
from pathlib import Path

try:  # POSIX only; on Windows a single local user needs no lock
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

# Format history: 1 = participant, answers (the first release); 2 = also the pages visited,
# the joined workshop and the choices to share anonymously, always present; 3 = also the
# participant's personal code (None in an upgraded file until the workbook is next opened).
FORMAT_VERSION = 3
ENV_FOLDER = "NOEGLEPERSONKURSUS_LOGBOG"
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")
MAX_NAME = 120
MAX_IMPORT_BYTES = 5_000_000
POINTER = "seneste-logbog.txt"
# The personal code: 8 signs without the look-alikes 0/O, 1/I/L, shown as K7M4-QXP2.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class WorkbookError(Exception):
    """A problem the participant should read about, in Danish."""


def default_folder() -> Path:
    """The folder from the environment, or a per-user default."""
    if os.environ.get(ENV_FOLDER):
        return Path(os.environ[ENV_FOLDER]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "noeglepersonkursus" / "logbog"


def make_private_folder(folder: Path, what: str, error: type[Exception]) -> None:
    """Create the folder (readable by this user only), or raise ``error`` saying so in Danish."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as e:
        raise error(f"Mappen til {what} kan ikke oprettes: {folder} ({e.strerror}).") from None


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def clean_name(value: str, what: str) -> str:
    """A participant or job-centre name: trimmed, present, not absurdly long."""
    value = " ".join(str(value).split())
    if not value:
        raise WorkbookError(f"Skriv dit {what}.")
    if len(value) > MAX_NAME:
        raise WorkbookError(f"Dit {what} er for langt (højst {MAX_NAME} tegn).")
    return value


def _upgrade_1_to_2(data: dict) -> dict:
    if not isinstance(data.get("visited"), dict):
        data["visited"] = {}
    if not isinstance(data.get("anonymous"), dict):
        data["anonymous"] = {}
    if not isinstance(data.get("workshop"), dict):
        data["workshop"] = None
    for entry in data.get("answers", {}).values():
        if isinstance(entry, dict):
            entry.setdefault("saved", data.get("updated", ""))
    return data


def _upgrade_2_to_3(data: dict) -> dict:
    if not isinstance(data.get("personal_code"), str):
        data["personal_code"] = None
    return data


# One step per older format; a workbook is upgraded on reading and saved as the new
# format with its next change, so no participant's file is ever rejected for its age.
_UPGRADES = {1: _upgrade_1_to_2, 2: _upgrade_2_to_3}


def new_personal_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_personal_code(text) -> str:
    """A typed personal code as stored: upper case, without spaces and dashes."""
    return "".join(str(text).split()).replace("-", "").replace("–", "").upper()


def personal_code_text(code: str) -> str:
    """K7M4QXP2 as the participant reads and writes it: K7M4-QXP2."""
    return f"{code[:4]}-{code[4:]}" if len(code) == CODE_LENGTH else code


def same_person(a: str, b: str) -> bool:
    """Whether two typed names (or job centres) are the same, whatever the case and spaces."""
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def _is_later(stamp, than) -> bool:
    """Whether the ISO time stamp ``stamp`` is later than ``than`` (unreadable: it is not)."""
    try:
        return datetime.fromisoformat(stamp) > datetime.fromisoformat(than)
    except (TypeError, ValueError):
        return than is None and isinstance(stamp, str)


def _check_data(data) -> dict:
    """Validate a workbook's JSON structure (upgrading older formats); Danish errors."""
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("format"), int)
        or isinstance(data.get("format"), bool)
    ):
        raise WorkbookError("Filen er ikke en logbog fra Nøglepersonkurset.")
    if data["format"] > FORMAT_VERSION:
        raise WorkbookError(
            "Logbogen er lavet med en nyere udgave af kurset. Bed kursuslederen "
            "om at opdatere kurset, og indlæs så filen igen."
        )
    while data["format"] < FORMAT_VERSION:
        if data["format"] not in _UPGRADES:
            raise WorkbookError("Filen er ikke en logbog fra Nøglepersonkurset.")
        data = _UPGRADES[data["format"]](data)
        data["format"] += 1
    participant = data.get("participant")
    if not isinstance(participant, dict) or not isinstance(data.get("answers"), dict):
        raise WorkbookError("Logbogen mangler deltager eller svar.")
    for key in ("name", "job_centre"):
        if not isinstance(participant.get(key), str) or not participant[key].strip():
            raise WorkbookError("Logbogen mangler deltagerens navn eller jobcenter.")
    for entry in data["answers"].values():
        if not isinstance(entry, dict) or "value" not in entry:
            raise WorkbookError("Et af svarene i logbogen har et forkert format.")
    return data


class Workbook:
    """One participant's answers, backed by one JSON file."""

    def __init__(self, path: Path, data: dict):
        self.path = Path(path)
        self._data = data

    @property
    def id(self) -> str:
        return self._data["id"]

    @property
    def name(self) -> str:
        return self._data["participant"]["name"]

    @property
    def job_centre(self) -> str:
        return self._data["participant"]["job_centre"]

    @property
    def personal_code(self) -> str:
        """The participant's personal code (K7M4QXP2), made when a workbook has none yet.

        With it, the name and the job centre, the participant finds the workbook again on this
        server (``WorkbookStore.recover``); it is shown on the participant's own pages and
        printed in Min første plan.
        """
        code = self._data.get("personal_code")
        if isinstance(code, str) and code:
            return code
        new = new_personal_code()

        def give(data, _stamp):
            if not (isinstance(data.get("personal_code"), str) and data["personal_code"]):
                data["personal_code"] = new

        self._update(give)
        return self._data["personal_code"]

    def matches(self, code: str) -> bool:
        """Whether a typed personal code is this workbook's (compared in constant time)."""
        own = self._data.get("personal_code")
        typed = clean_personal_code(code)
        return bool(own and typed) and secrets.compare_digest(own.encode(), typed.encode())

    def merge(self, data: dict) -> int:
        """Take in a downloaded copy of this workbook: an answer saved later in the copy than
        here replaces the one here, pages visited and sharing choices are added. The number
        of answers taken from the copy."""
        taken = []

        def change(mine, _stamp):
            answers = mine["answers"]
            for exercise_id, entry in data.get("answers", {}).items():
                here = answers.get(exercise_id)
                if here is None or _is_later(entry.get("saved"), here.get("saved")):
                    answers[exercise_id] = entry
                    taken.append(exercise_id)
            for key in ("visited", "anonymous", "share"):
                theirs = data.get(key)
                if isinstance(theirs, dict):
                    if not isinstance(mine.get(key), dict):
                        mine[key] = {}
                    for k, v in theirs.items():
                        mine[key].setdefault(k, v)

        self._update(change)
        return len(taken)

    def answer(self, exercise_id: str, default=None):
        entry = self._data["answers"].get(exercise_id)
        return default if entry is None else entry["value"]

    def saved_at(self, exercise_id: str) -> str | None:
        entry = self._data["answers"].get(exercise_id)
        return None if entry is None else entry.get("saved")

    def answers(self) -> dict:
        return {k: v["value"] for k, v in self._data["answers"].items()}

    def visited(self) -> dict:
        return dict(self._data.get("visited", {}))

    @property
    def workshop(self) -> dict | None:
        """The workshop the participant joined ({"code", "name", "date"}), or None."""
        workshop = self._data.get("workshop")
        ok = isinstance(workshop, dict) and isinstance(workshop.get("code"), str)
        return dict(workshop) if ok else None

    def join_workshop(self, workshop: dict) -> str:
        return self._update(
            lambda data, stamp: data.__setitem__("workshop", dict(workshop, joined=stamp))
        )

    def choice(self, kind: str, exercise_id: str) -> bool:
        """A participant's yes/no choice about an exercise, e.g. "anonymous" or "share"."""
        choices = self._data.get(kind)
        return isinstance(choices, dict) and choices.get(exercise_id) is True

    def set_choice(self, kind: str, exercise_id: str, value: bool) -> str:
        def change(data, _stamp):
            if not isinstance(data.get(kind), dict):
                data[kind] = {}
            data[kind][exercise_id] = bool(value)

        return self._update(change)

    def shares_anonymously(self, exercise_id: str) -> bool:
        return self.choice("anonymous", exercise_id)

    def set_anonymous(self, exercise_id: str, anonymous: bool) -> str:
        return self.set_choice("anonymous", exercise_id, anonymous)

    def save_answer(self, exercise_id: str, value) -> str:
        """Store one answer; returns the time stamp. Other answers on disk are kept."""
        entry = {"value": value}
        json.dumps(entry, ensure_ascii=False)  # fail before touching the file
        return self._update(
            lambda data, stamp: data["answers"].__setitem__(exercise_id, dict(entry, saved=stamp))
        )

    def mark_visited(self, page_id: str) -> str:
        return self._update(
            lambda data, stamp: data.setdefault("visited", {}).__setitem__(page_id, stamp)
        )

    def _update(self, change) -> str:
        """Re-read the file under the lock, apply one change, write it atomically."""
        stamp = now()
        with self._locked():
            data = self._read_disk() or self._data
            change(data, stamp)
            data["updated"] = stamp
            _write_atomic(self.path, data)
            self._data = data
        return stamp

    def reload(self) -> None:
        with self._locked():
            self._data = self._read_disk() or self._data

    def to_bytes(self) -> bytes:
        return _json_text(self._data).encode("utf-8")

    def _read_disk(self) -> dict | None:
        try:
            return _check_data(json.loads(self.path.read_text(encoding="utf-8")))
        except (OSError, ValueError, WorkbookError):
            return None

    @contextlib.contextmanager
    def _locked(self):
        if fcntl is None:
            yield
            return
        with open(self.path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _json_text(data: dict) -> str:
    """Readable UTF-8 JSON; ASCII escapes when the text holds lone surrogates.

    A browser can send half an emoji (a lone surrogate), which UTF-8 cannot hold;
    escaped, it still round-trips unchanged.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, indent=2)
    return text


def _write_atomic(path: Path, data: dict) -> None:
    text = _json_text(data)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class WorkbookStore:
    """The folder that holds the workbooks on this machine or server."""

    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder).expanduser() if folder else default_folder()

    def _path(self, workbook_id: str) -> Path:
        if not isinstance(workbook_id, str) or not ID_PATTERN.fullmatch(workbook_id):
            raise WorkbookError("Adressen indeholder ikke en gyldig logbogskode.")
        return self.folder / f"{workbook_id}.json"

    def _prepare(self) -> None:
        make_private_folder(self.folder, "logbøger", WorkbookError)

    def create(self, name: str, job_centre: str) -> Workbook:
        participant = {
            "name": clean_name(name, "navn"),
            "job_centre": clean_name(job_centre, "jobcenter"),
        }
        return self._new(participant, {})

    def _new(self, participant: dict, answers: dict, extra: dict | None = None) -> Workbook:
        self._prepare()
        workbook_id = secrets.token_urlsafe(16)
        stamp = now()
        data = {
            "format": FORMAT_VERSION,
            "id": workbook_id,
            "participant": participant,
            "created": stamp,
            "updated": stamp,
            "answers": answers,
            "visited": {},
            "anonymous": {},
            "workshop": None,
            "personal_code": new_personal_code(),
            **(extra or {}),
        }
        path = self._path(workbook_id)
        _write_atomic(path, data)
        return Workbook(path, data)

    def open(self, workbook_id: str) -> Workbook:
        path = self._path(workbook_id)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise WorkbookError(
                "Logbogen findes ikke på denne server. Start forfra på "
                "startsiden, eller indlæs din gemte logbogsfil."
            ) from None
        try:
            data = _check_data(json.loads(text))
        except (ValueError, WorkbookError):
            backup = path.with_name(f"{path.stem}.beskadiget-{datetime.now():%Y%m%d-%H%M%S}.json")
            os.replace(path, backup)
            raise WorkbookError(
                "Din logbog kunne ikke læses, fordi filen er beskadiget. "
                f"En kopi er gemt som {backup.name}. Start en ny logbog, "
                "eller indlæs en fil, du har hentet tidligere."
            ) from None
        return Workbook(path, data)

    def import_bytes(self, content: bytes) -> Workbook:
        """A downloaded workbook file, loaded again here (see ``load_file``)."""
        return self.load_file(content)[0]

    def load_file(self, content: bytes) -> tuple[Workbook, bool]:
        """A downloaded workbook file, and whether it continues a workbook of this server.

        A file downloaded from this server continues the workbook it came from: answers saved
        later in the file than on the server are taken in, and the workbook keeps its code
        (its personal address). Any other file becomes a new workbook here, with a new code.
        """
        if len(content) > MAX_IMPORT_BYTES:
            raise WorkbookError("Filen er for stor til at være en logbog.")
        try:
            data = _check_data(json.loads(content.decode("utf-8")))
        except (UnicodeDecodeError, ValueError):
            raise WorkbookError(
                "Filen kunne ikke læses. Vælg den .json-fil, du hentede fra kurset."
            ) from None
        participant = {
            "name": clean_name(data["participant"]["name"], "navn"),
            "job_centre": clean_name(data["participant"]["job_centre"], "jobcenter"),
        }
        known = data.get("id")
        if (
            isinstance(known, str)
            and ID_PATTERN.fullmatch(known)
            and (self.folder / f"{known}.json").exists()
        ):
            workbook = self.open(known)
            workbook.merge(data)
            return workbook, True
        # The choices to share anonymously and the personal code travel with the file; the
        # workshop is this server's.
        extra = {}
        if isinstance(data.get("anonymous"), dict):
            extra["anonymous"] = data["anonymous"]
        code = data.get("personal_code")
        if isinstance(code, str) and len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET):
            extra["personal_code"] = code
        return self._new(participant, data["answers"], extra), False

    def find(self, name: str, job_centre: str) -> list[Workbook]:
        """The workbooks on this server with this participant's name and job centre."""
        if not self.folder.is_dir():
            return []
        name, job_centre = " ".join(str(name).split()), " ".join(str(job_centre).split())
        found = []
        for path in sorted(self.folder.glob("*.json")):
            if not ID_PATTERN.fullmatch(path.stem):
                continue  # temporary files and damaged copies
            try:
                text = path.read_text(encoding="utf-8")
                if "\\u" not in text and name.casefold() not in text.casefold():
                    continue  # not this participant: no need to read it as JSON
                data = _check_data(json.loads(text))
            except (OSError, ValueError, WorkbookError):
                continue
            person = data["participant"]
            if same_person(person["name"], name) and same_person(person["job_centre"], job_centre):
                found.append(Workbook(path, data))
        return found

    def recover(self, name: str, job_centre: str, code: str) -> Workbook | None:
        """The workbook of this name and job centre whose personal code was typed, or None."""
        return next((w for w in self.find(name, job_centre) if w.matches(code)), None)

    # The pointer remembers the last workbook for a single user in JupyterLab.
    # Voilà never uses it: on a shared server every page carries its own code.
    def remember(self, workbook: Workbook) -> None:
        self._prepare()
        pointer = self.folder / POINTER
        tmp = pointer.with_suffix(".tmp")
        tmp.write_text(workbook.id, encoding="utf-8")
        os.replace(tmp, pointer)

    def last(self) -> Workbook | None:
        try:
            workbook_id = (self.folder / POINTER).read_text(encoding="utf-8").strip()
            return self.open(workbook_id)
        except (OSError, WorkbookError):
            return None
