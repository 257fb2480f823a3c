"""rollespil: sparring practised in trios – roles rotated over rounds, one case card per round,
and the observer's sheet (which UGU phases and which of Tomm's question types were heard).

The trio's three people are »Person A«, »Person B« and »Person C«: each participant picks the
letter the trio gave them, so no colleague's name is stored or shared. In round r, person p
has role (p + r) mod 3, so over three rounds everyone has every role once.

A saved answer is ``{"person": "A", "round": "r1", "sheets": {round id: sheet}}``, a sheet
``{look id: [option ids], "note": text}``. Shared with the room, the sheets are counted on the
course leader's timer: how many observers heard each phase and type, never their notes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from course.content import Exercise, RolePlay, Round
from course.room import SharedAnswer
from course.summary import ANONYMOUS, RoomSummary, TextGroup

PERSONS = ("A", "B", "C")
ROLES = len(PERSONS)
NOTE = "note"  # the key of the observer's note in a sheet


def duplicate_ids(play: RolePlay) -> str:
    """A Danish message when ids repeat inside a role-play (roles, rounds, looks, options)."""
    groups = [
        ("rolle-id", [r.id for r in play.roles]),
        ("runde-id", [r.id for r in play.rounds]),
        ("observationspunkt-id", [look.id for look in play.observation]),
    ] + [
        (f"valgmuligheds-id i '{look.id}'", [o.id for o in look.options])
        for look in play.observation
    ]
    for what, ids in groups:
        twice = [i for i, n in Counter(ids).items() if n > 1]
        if twice:
            return f"{what} '{twice[0]}' findes to gange"
    if NOTE in {look.id for look in play.observation}:
        return f"observationspunkt-id '{NOTE}' er reserveret til observatørens note"
    return ""


def role_index(person: int, round_index: int) -> int:
    """The role (index into ``roles``) that person number ``person`` has in a round."""
    return (person + round_index) % ROLES


def person_index(letter) -> int | None:
    """»A« -> 0 …; None for anything else (no person chosen yet)."""
    return PERSONS.index(letter) if letter in PERSONS else None


@dataclass(frozen=True)
class Seat:
    """Who has which role in a round."""

    person: str  # "A", "B" or "C"
    role: str  # the role's title


def seats(play: RolePlay, round_index: int) -> list[Seat]:
    """The three people and their roles in a round, in the order of the roles."""
    by_role = {role_index(p, round_index): PERSONS[p] for p in range(ROLES)}
    return [Seat(by_role[i], role.title) for i, role in enumerate(play.roles)]


def observer(play: RolePlay, round_index: int) -> str:
    """The letter of the person who observes in a round (the last role is the observer)."""
    return seats(play, round_index)[-1].person


# --- saved answers --------------------------------------------------------------------------


def sheet(play: RolePlay, value, round_id: str) -> dict:
    """One round's sheet from a saved answer, cleaned: known options only, a text note."""
    sheets = value.get("sheets") if isinstance(value, dict) else None
    raw = sheets.get(round_id) if isinstance(sheets, dict) else None
    raw = raw if isinstance(raw, dict) else {}
    clean = {}
    for look in play.observation:
        ticked = raw.get(look.id)
        known = [o.id for o in look.options]
        clean[look.id] = [o for o in known if isinstance(ticked, list) and o in ticked]
    note = raw.get(NOTE)
    clean[NOTE] = note if isinstance(note, str) else ""
    return clean


def sheet_filled(play: RolePlay, one: dict) -> bool:
    return any(one.get(look.id) for look in play.observation) or bool(one.get(NOTE, "").strip())


def answered(exercise: Exercise, value) -> bool:
    """The answer holds a filled-in observation sheet (what the room counts)."""
    play = exercise.role_play
    return any(sheet_filled(play, sheet(play, value, r.id)) for r in play.rounds)


@dataclass(frozen=True)
class RoundTally:
    """What the room's observers heard in one round: sheets filled in, and per option how many
    ticked it (look id -> option id -> count)."""

    round: Round
    sheets: int
    counts: dict


def tallies(exercise: Exercise, values: list) -> list[RoundTally]:
    """The shared sheets counted per round; notes are never read."""
    play = exercise.role_play
    out = []
    for rnd in play.rounds:
        filled = [s for v in values if sheet_filled(play, s := sheet(play, v, rnd.id))]
        counts = {
            look.id: {o.id: sum(o.id in s[look.id] for s in filled) for o in look.options}
            for look in play.observation
        }
        out.append(RoundTally(rnd, len(filled), counts))
    return out


def summarise(exercise: Exercise, answers: list[SharedAnswer]) -> RoomSummary:
    """For »Rummets svar«: per round, what each observer ticked (never the notes)."""
    play = exercise.role_play
    groups = []
    for number, rnd in enumerate(play.rounds, start=1):
        texts = []
        for a in answers:
            one = sheet(play, a.value, rnd.id)
            heard = [
                f"{look.title} "
                + (", ".join(o.title for o in look.options if o.id in one[look.id]) or "–")
                for look in play.observation
            ]
            if any(one[look.id] for look in play.observation):
                texts.append((a.name or ANONYMOUS, " · ".join(heard)))
        groups.append(TextGroup(f"Runde {number}: {rnd.title}", tuple(texts), ()))
    return RoomSummary(exercise, len(answers), texts=tuple(groups))
