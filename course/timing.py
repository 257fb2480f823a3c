"""Time and social form as data: what a page takes, and whether it fits its slot.

Every exercise has ``minutes`` and a ``social_form`` (alene, par, gruppe, plenum); an exercise
with ``after_course: true`` is in the page's »Øv mere efter kurset« section and not in the
course day's time. A page's time is its session's ``reading_minutes`` (the course leader's
presentation in the room, reading in self-study) plus its exercises' minutes.

The loader (course/content.py) checks with ``check_pages`` that the in-room part of each
course-day page fits its slot in the programme, and that a self-study page's ``minutes`` in
the programme is the sum of its page.

How the minutes were estimated (see also the report of issue 14): reading at
``READING_WORDS_PER_MINUTE`` for the participant's own reading; a presentation in the room
at ``PRESENTING_WORDS_PER_MINUTE`` of the page's text (the course leader says about twice as
much as the page holds, at about 120 words a minute); about half a minute per sorting item
(read it, choose, read the explanation); two to three minutes per written answer; the times
the slides give for group and pair work (»15 min sammen«, »10 min sammen«). No exercise may
take less than the time it takes to read its text at ``FASTEST_WORDS_PER_MINUTE``: the tests
hold every exercise to that floor.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path

from course.content import Course, Exercise, Session

SOCIAL_FORMS = {  # id in data -> how a page says it
    "alene": "Alene",
    "par": "I par",
    "gruppe": "I grupper",
    "plenum": "I plenum",
}
AFTER_COURSE = "Øv mere efter kurset"

READING_WORDS_PER_MINUTE = 150
PRESENTING_WORDS_PER_MINUTE = 60
FASTEST_WORDS_PER_MINUTE = 200
MAX_EXERCISE_MINUTES = 240

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Fields that name or point, and are never read by the participant.
_NOT_READ = {"id", "kind", "source", "category", "file", "exercise", "session", "not_before"}


def words(value) -> int:
    """The number of words a participant reads in a piece of content (any dataclass)."""
    if isinstance(value, str):
        return len(_WORD.findall(value))
    if dataclasses.is_dataclass(value):
        return sum(
            words(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _NOT_READ
        )
    if isinstance(value, (tuple, list)):
        return sum(words(v) for v in value)
    return 0


_DETAILS = re.compile(r"<details[^>]*>(.*?)</details>", re.S)
_AFTER_SECTION = re.compile(rf"^## {AFTER_COURSE}$.*?(?=^## |\Z)", re.S | re.M)


def page_words(notebook: Path) -> tuple[int, int]:
    """A page's own words (its Markdown cells): (the text, the background notes that fold out).

    The text of a course-day page's »Øv mere efter kurset« section is read after the course and
    is not counted."""
    cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    text = _AFTER_SECTION.sub("", text)
    background = sum(words(block) for block in _DETAILS.findall(text))
    return words(_DETAILS.sub("", text)), background


def reading_floor(exercise: Exercise) -> int:
    """The fewest minutes an exercise can take: reading its text at the fastest pace."""
    return words(exercise) // FASTEST_WORDS_PER_MINUTE


def clock_minutes(text: str) -> int:
    """»09.30« as minutes after midnight."""
    hours, minutes = text.split(".")
    return int(hours) * 60 + int(minutes)


def slot_minutes(session: Session) -> int | None:
    """The minutes of a session's slot in the programme (None without start and end)."""
    if not (session.start and session.end):
        return None
    return clock_minutes(session.end) - clock_minutes(session.start)


def meta_text(exercise: Exercise) -> str:
    """What an exercise's header says about it: »Øv mere efter kurset · 10 min. · I par«."""
    parts = [AFTER_COURSE] if exercise.after_course else []
    if exercise.minutes:
        parts.append(f"{exercise.minutes} min.")
    if exercise.social_form in SOCIAL_FORMS:
        parts.append(SOCIAL_FORMS[exercise.social_form])
    return " · ".join(parts)


@dataclass(frozen=True)
class PagePlan:
    """A page's planned time: its text, its exercises in the room and after the course."""

    session: Session
    reading: int  # the page's own text (presentation or reading)
    in_room: int  # exercises in the room (or, in self-study, all of them)
    after_course: int  # exercises in »Øv mere efter kurset«
    slot: int | None  # the slot in the programme; None in self-study

    @property
    def planned(self) -> int:
        """The page's time in the room, or in self-study its whole time."""
        return self.reading + self.in_room

    @property
    def fits(self) -> bool:
        return self.slot is None or self.planned <= self.slot

    @property
    def text(self) -> str:
        """»42 af 45 min.«, or in self-study »ca. 60 min.«."""
        if self.slot is None:
            return f"ca. {self.planned} min."
        return f"{self.planned} af {self.slot} min."


def page_plan(session: Session, exercises: list[Exercise]) -> PagePlan:
    """The plan of a session's page from its exercises (in the order of its file)."""
    in_room = sum(e.minutes or 0 for e in exercises if not e.after_course)
    after = sum(e.minutes or 0 for e in exercises if e.after_course)
    return PagePlan(session, session.reading_minutes or 0, in_room, after, slot_minutes(session))


def page_plans(content: Course) -> dict[str, PagePlan]:
    """Every session that has a page of exercises: its plan."""
    sessions = {s.id: s for s in content.programme.sessions()}
    return {
        session_id: page_plan(sessions[session_id], [content.exercises[e] for e in ids])
        for session_id, ids in content.pages.items()
        if session_id in sessions
    }


def check_pages(content: Course, files: dict[str, str], programme_file: str) -> None:
    """Each page fits its slot (course day) or matches its ``minutes`` (self-study).

    ``files`` maps a session id to the exercise file that names it, so an error names the file
    and the field to change. Raises ContentError.
    """
    from course.content import Where  # the loader's error builder

    for session_id, plan in page_plans(content).items():
        s = plan.session
        where = Where(files[session_id])
        if s.reading_minutes is None:
            Where(programme_file).at(f"session '{s.id}'").fail(
                "felt 'reading_minutes' mangler: tiden til sidens egen tekst (oplæg i rummet, "
                "læsning i selvstudiet)"
            )
        parts = f"tekst {plan.reading} min. + øvelser {plan.in_room} min."
        if plan.slot is not None and not plan.fits:
            where.fail(
                f"felt 'minutes': sidens del i rummet tager {plan.planned} min. ({parts}), men "
                f"sessionen '{s.id}' har {plan.slot} min. ({s.start}–{s.end}) i {programme_file}. "
                f"Flyt øvelser til »{AFTER_COURSE}« (after_course: true), eller skær ned."
            )
        if plan.slot is None and plan.after_course:
            late = next(e for e in content.pages[session_id] if content.exercises[e].after_course)
            where.at(f"øvelse '{late}'").fail(
                f"felt 'after_course': selvstudiet har ingen kursusdag – »{AFTER_COURSE}« "
                "gælder kun kursusdagens sider"
            )
        if plan.slot is None and s.minutes is not None and s.minutes != plan.planned:
            Where(programme_file).at(f"session '{s.id}'").fail(
                f"felt 'minutes': {s.minutes} passer ikke med siden: {parts} = {plan.planned} "
                f"min. (øvelsernes minutter står i {files[session_id]})"
            )
