"""Talking and listening positions: structured dialogue and bridging questions. No widgets here.

- ``parse_names`` checks the participants' names a facilitator types.
- ``TurnOrder`` is the structured dialogue's round: who speaks, in which order, notes per speaker.
- ``SpeakerTimer`` measures a speaker's time from clock readings passed in, so it can be
  driven by any tick source (in the page: the browser) and tested without waiting.
- ``bridging_questions`` fills the slide's question patterns with the participants' names.
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass, field

MAX_NAME = 40
MAX_NAMES = 20
# What a bridging-question pattern may contain: the name of the one who just spoke, of
# another participant, of the one you ask, and the first two in the genitive (Kirstens).
PLACEHOLDERS = ("navn", "navns", "anden", "andens", "til")


# --- names ---------------------------------------------------------------------------


def parse_names(text: str, minimum: int = 1) -> tuple[list[str], list[str]]:
    """Names from text (one per line or separated by commas) and Danish messages on problems."""
    names = [" ".join(part.split()) for part in re.split(r"[\n,;]", str(text or ""))]
    names = [n for n in names if n]
    problems = []
    if len(names) < minimum:
        problems.append(
            "Skriv mindst ét navn."
            if minimum == 1
            else f"Skriv mindst {minimum} navne – ét pr. linje."
        )
    if len(names) > MAX_NAMES:
        problems.append(f"Der kan højst være {MAX_NAMES} navne (du har skrevet {len(names)}).")
    seen = {}
    for name in names:
        if len(name) > MAX_NAME:
            problems.append(
                f"»{name[:MAX_NAME]}…« er for langt (højst {MAX_NAME} tegn). "
                "Skriv fx kun fornavnet."
            )
        key = name.casefold()
        if key in seen and seen[key] == 1:
            problems.append(
                f"»{name}« står flere gange. Skriv fx forbogstavet i efternavnet med "
                f"(»{name} H.« og »{name} S.«), så I kan skelne dem."
            )
        seen[key] = seen.get(key, 0) + 1
    return names, problems


def genitive(name: str) -> str:
    """Danish genitive: Kirstens, but Lars' and Max'."""
    return f"{name}'" if name[-1:].lower() in ("s", "x", "z") else f"{name}s"


# --- the round of a structured dialogue -----------------------------------------------


@dataclass
class TurnOrder:
    """Who speaks in which order; ``current`` is the speaker's place, len(names) when done."""

    names: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    current: int = 0

    @property
    def done(self) -> bool:
        return bool(self.names) and self.current >= len(self.names)

    @property
    def speaker(self) -> str | None:
        return self.names[self.current] if 0 <= self.current < len(self.names) else None

    @property
    def up_next(self) -> str | None:
        i = self.current + 1
        return self.names[i] if i < len(self.names) else None

    def set_names(self, names: list[str]) -> None:
        """A new list of participants; notes of those still there are kept; the round restarts."""
        self.names = list(names)
        self.notes = {n: t for n, t in self.notes.items() if n in self.names}
        self.current = 0

    def shuffle(self, rng) -> None:
        rng.shuffle(self.names)
        self.current = 0

    def move(self, index: int, step: int) -> bool:
        """Swap a name with its neighbour; the current speaker stays the same person."""
        target = index + step
        if not (0 <= index < len(self.names) and 0 <= target < len(self.names)):
            return False
        speaker = self.speaker
        self.names[index], self.names[target] = self.names[target], self.names[index]
        if speaker is not None:
            self.current = self.names.index(speaker)
        return True

    def next(self) -> None:
        if self.current < len(self.names):
            self.current += 1

    def restart(self) -> None:
        self.current = 0

    def to_value(self) -> dict:
        return {
            "names": list(self.names),
            "notes": {n: self.notes.get(n, "") for n in self.names},
            "current": self.current,
        }

    @classmethod
    def from_value(cls, value) -> TurnOrder:
        """Tolerant of hand-edited values: drops duplicates, bad names and bad notes."""
        value = value if isinstance(value, dict) else {}
        raw = value.get("names") if isinstance(value.get("names"), list) else []
        names, seen = [], set()
        for name in raw:
            name = " ".join(str(name).split())[:MAX_NAME]
            if name and name.casefold() not in seen:
                names.append(name)
                seen.add(name.casefold())
        names = names[:MAX_NAMES]
        notes = value.get("notes") if isinstance(value.get("notes"), dict) else {}
        current = value.get("current")
        current = current if isinstance(current, int) and not isinstance(current, bool) else 0
        return cls(
            names=names,
            notes={n: str(notes.get(n) or "") for n in names},
            current=min(max(current, 0), len(names)),
        )


# --- the speaker's timer --------------------------------------------------------------


@dataclass
class SpeakerTimer:
    """A countdown measured from clock readings (seconds) that the caller passes in."""

    seconds: int = 120
    used: float = 0.0  # seconds spent before the latest start
    started: float | None = None  # clock reading at the latest start, while running

    @property
    def running(self) -> bool:
        return self.started is not None

    def start(self, now: float) -> None:
        if self.started is None and not self.expired(now):
            self.started = now

    def pause(self, now: float) -> None:
        if self.started is not None:
            self.used += now - self.started
            self.started = None

    def reset(self, now: float, seconds: int | None = None) -> None:
        """Full time again (for the next speaker); keeps running if it was running."""
        if seconds is not None:
            self.seconds = seconds
        self.used = 0.0
        if self.started is not None:
            self.started = now

    def elapsed(self, now: float) -> float:
        return self.used + (now - self.started if self.started is not None else 0.0)

    def remaining(self, now: float) -> int:
        """Whole seconds left, rounded up, so 2:00 shows for the whole first second."""
        return max(0, math.ceil(self.seconds - self.elapsed(now) - 1e-9))

    def expired(self, now: float) -> bool:
        return self.remaining(now) == 0

    def tick(self, now: float) -> bool:
        """Stop when the time is up; True when the time ran out at this tick."""
        if self.started is not None and self.expired(now):
            self.pause(now)
            return True
        return False


def clock_text(seconds: int) -> str:
    """A countdown as the room reads it: 2:00, 0:45."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def duration_text(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} sekunder"
    whole = "1 minut" if minutes == 1 else f"{minutes} minutter"
    return (
        whole if not rest else f"{minutes}½ minut" if rest == 30 else f"{whole} og {rest} sekunder"
    )


# --- bridging questions -----------------------------------------------------------------


def placeholders(template: str) -> list[str]:
    """The names a pattern asks for; raises ValueError on broken braces."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def fill_pattern(
    template: str, speaker: str = "", other: str = "", addressee: str = ""
) -> str | None:
    """A pattern filled with the chosen people, or None when it cannot be.

    None when it needs a person who is not chosen, or when it would name the same person
    twice (nobody builds a bridge to themselves).
    """
    people = {"navn": speaker, "anden": other, "til": addressee}
    needed = {
        p.removesuffix("s") if p in ("navns", "andens") else p for p in placeholders(template)
    }
    chosen = [people[p] for p in needed]
    if not all(chosen) or len({c.casefold() for c in chosen}) < len(chosen):
        return None
    return template.format(
        navn=speaker,
        navns=genitive(speaker) if speaker else "",
        anden=other,
        andens=genitive(other) if other else "",
        til=addressee,
    )


def bridging_questions(
    templates: list[str], speaker: str = "", other: str = "", addressee: str = ""
) -> list[str]:
    """Every pattern that can be filled with the chosen people, filled in, without repeats."""
    out = []
    for template in templates:
        question = fill_pattern(template, speaker, other, addressee)
        if question is not None and question not in out:
            out.append(question)
    return out
