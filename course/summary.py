"""What the room answered: pure functions from shared answers to a summary per exercise.

The facilitator's dashboard draws these; the tests call them directly. Values come from the
participants' pages and may be old or odd, so every reader is tolerant.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from course import action_plan
from course.content import Exercise
from course.danish import MONTHS
from course.planning import parse_date
from course.room import SharedAnswer

ANONYMOUS = "Anonym"
TOP_WORDS = 12
# Common Danish function words (after the Snowball/NLTK list) and filler words of answers.
STOP_WORDS = frozenset(
    [
        "ad",
        "af",
        "alle",
        "alt",
        "anden",
        "at",
        "blev",
        "blive",
        "bliver",
        "bare",
        "både",
        "da",
        "de",
        "dem",
        "den",
        "denne",
        "der",
        "deres",
        "det",
        "dette",
        "dig",
        "din",
        "dine",
        "disse",
        "dog",
        "du",
        "efter",
        "eller",
        "en",
        "end",
        "er",
        "et",
        "for",
        "fra",
        "fx",
        "få",
        "får",
        "godt",
        "ham",
        "han",
        "hans",
        "har",
        "havde",
        "have",
        "hende",
        "hendes",
        "her",
        "hos",
        "hun",
        "hvad",
        "hvem",
        "hver",
        "hvilke",
        "hvilken",
        "hvis",
        "hvor",
        "hvordan",
        "i",
        "ikke",
        "ind",
        "jeg",
        "jer",
        "jo",
        "kan",
        "kunne",
        "lidt",
        "man",
        "mange",
        "med",
        "meget",
        "men",
        "mere",
        "mig",
        "min",
        "mine",
        "mit",
        "mod",
        "ned",
        "noget",
        "nogle",
        "nu",
        "når",
        "og",
        "også",
        "om",
        "op",
        "os",
        "over",
        "på",
        "sig",
        "sin",
        "sine",
        "sit",
        "skal",
        "skulle",
        "selv",
        "som",
        "så",
        "sådan",
        "thi",
        "til",
        "ud",
        "under",
        "var",
        "vi",
        "vil",
        "ville",
        "vor",
        "være",
        "været",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class RatingRow:
    text: str
    counts: tuple[int, ...]  # one per value from the scale's min to its max
    mean: float | None

    @property
    def n(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class RankRow:
    text: str
    mean_rank: float | None  # 1 = most important
    n: int


@dataclass(frozen=True)
class SortRow:
    number: int
    text: str
    right: str  # the right category's id
    counts: dict  # category id -> how many put the item there


@dataclass(frozen=True)
class TextGroup:
    title: str
    texts: tuple[tuple[str, str], ...]  # (name or "Anonym", text)
    words: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class PlanCounts:
    """Shared action plans counted: no plan's text, only how many actions, of which kind, when."""

    actions: int
    groups: tuple[tuple[str, int], ...]  # (the plan's period, actions in it)
    months: tuple[tuple[str, int], ...]  # ("januar 2027", actions starting that month), in order
    words: tuple[tuple[str, int], ...]  # the most frequent words of what the actions are


@dataclass(frozen=True)
class RoomSummary:
    exercise: Exercise
    answered: int
    ratings: tuple[RatingRow, ...] = ()
    ranks: tuple[RankRow, ...] = ()
    sorts: tuple[SortRow, ...] = ()
    texts: tuple[TextGroup, ...] = ()
    plans: PlanCounts | None = None


def word_frequencies(texts, top: int = TOP_WORDS) -> list[tuple[str, int]]:
    """The most frequent words of the texts, lower case, Danish stop words left out."""
    counts = Counter(
        w
        for text in texts
        for w in _WORD.findall(str(text).lower())
        if len(w) > 1 and w not in STOP_WORDS
    )
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def _dict(value, key=None) -> dict:
    if key is not None:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, dict) else {}


def _text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _name(answer: SharedAnswer) -> str:
    return answer.name or ANONYMOUS


def _text_groups(prompts, answers: list[SharedAnswer], texts_of) -> tuple[TextGroup, ...]:
    groups = []
    for prompt in prompts:
        texts = tuple((_name(a), t) for a in answers if (t := _text(texts_of(a).get(prompt.id))))
        groups.append(TextGroup(prompt.text, texts, tuple(word_frequencies(t for _, t in texts))))
    return tuple(groups)


def has_content(exercise: Exercise, value) -> bool:
    """Whether a shared value holds an answer at all (not only emptied fields)."""
    room = _room(exercise)
    return room is not None and room.answered(exercise, value)


def summarise(exercise: Exercise, answers: list[SharedAnswer]) -> RoomSummary:
    """The room's answers to one shared exercise, counted per item, prompt or category."""
    room = _room(exercise)
    if room is None:
        raise ValueError(f"{exercise.id}: a {exercise.kind} cannot be shared")
    return room.summarise(exercise, [a for a in answers if room.answered(exercise, a.value)])


def _room(exercise: Exercise):
    from course.kinds import KINDS  # course.kinds names the summaries below: import it late

    return KINDS[exercise.kind].room


# --- per kind: whether a value holds an answer, and the answered values summarised ----------


def reflection_answered(exercise: Exercise, value) -> bool:
    return any(_text(v) for v in _dict(value).values())


def reflection(exercise: Exercise, answers: list[SharedAnswer]) -> RoomSummary:
    return RoomSummary(
        exercise,
        len(answers),
        texts=_text_groups(exercise.prompts, answers, lambda a: _dict(a.value)),
    )


def rating_answered(exercise: Exercise, value) -> bool:
    return any(isinstance(v, int) for v in _dict(value, "ratings").values()) or any(
        _text(v) for v in _dict(value, "texts").values()
    )


def rating(exercise: Exercise, answers: list[SharedAnswer]) -> RoomSummary:
    scale = exercise.scale
    rows = []
    for item in exercise.items:
        values = [
            v
            for a in answers
            if isinstance(v := _dict(a.value, "ratings").get(item.id), int)
            and not isinstance(v, bool)
            and scale.min <= v <= scale.max
        ]
        counts = tuple(values.count(x) for x in range(scale.min, scale.max + 1))
        rows.append(RatingRow(item.text, counts, sum(values) / len(values) if values else None))
    return RoomSummary(
        exercise,
        len(answers),
        ratings=tuple(rows),
        texts=_text_groups(exercise.prompts, answers, lambda a: _dict(a.value, "texts")),
    )


def ranking_answered(exercise: Exercise, value) -> bool:
    order = _dict(value).get("order")
    return isinstance(order, list) and bool(order)


def _order(value) -> list[dict]:
    order = _dict(value).get("order")
    return [e for e in order if isinstance(e, dict)] if isinstance(order, list) else []


def ranking(exercise: Exercise, answers: list[SharedAnswer]) -> RoomSummary:
    rows = []
    for item in exercise.items:
        places = [
            place
            for a in answers
            for place, entry in enumerate(_order(a.value), start=1)
            if entry.get("id") == item.id and not entry.get("own")
        ]
        rows.append(RankRow(item.text, sum(places) / len(places) if places else None, len(places)))
    ranks = tuple(sorted(rows, key=lambda r: (r.mean_rank is None, r.mean_rank or 0)))
    return RoomSummary(exercise, len(answers), ranks=ranks, texts=_own_items(answers))


def _own_items(answers) -> tuple[TextGroup, ...]:
    texts = tuple(
        (_name(a), _text(e.get("text")))
        for a in answers
        for e in _order(a.value)
        if e.get("own") and _text(e.get("text"))
    )
    if not texts:
        return ()
    return (
        TextGroup(
            "Egne opgaver, som deltagerne har tilføjet",
            texts,
            tuple(word_frequencies(t for _, t in texts)),
        ),
    )


def sorting_answered(exercise: Exercise, value) -> bool:
    return bool(_dict(value, "answers"))


def sorting(exercise: Exercise, answers: list[SharedAnswer]) -> RoomSummary:
    known = [c.id for c in exercise.categories]
    rows = []
    for number, item in enumerate(exercise.items, start=1):
        given = [_dict(a.value, "answers").get(item.id) for a in answers]
        rows.append(SortRow(number, item.text, item.category, {c: given.count(c) for c in known}))
    return RoomSummary(exercise, len(answers), sorts=tuple(rows))


def _actions(exercise: Exercise, value) -> list:
    return [r for r in action_plan.rows(exercise, value) if _text(r.fields.get("hvad"))]


def plan_answered(exercise: Exercise, value) -> bool:
    return bool(_actions(exercise, value))


def action_plans(exercise: Exercise, answers: list[SharedAnswer]) -> RoomSummary:
    """Counted, never quoted: how many actions, in which period, starting when, which words."""
    rows = [r for a in answers for r in _actions(exercise, a.value)]
    groups = tuple(
        (title, sum(r.group == g for r in rows)) for g, title in action_plan.groups(exercise)
    )
    starts = Counter((d.year, d.month) for r in rows if (d := parse_date(r.fields.get("start"))))
    months = tuple((f"{MONTHS[m - 1]} {y}", n) for (y, m), n in sorted(starts.items()))
    plans = PlanCounts(
        len(rows),
        groups,
        months,
        tuple(word_frequencies(_text(r.fields.get("hvad")) for r in rows)),
    )
    return RoomSummary(exercise, len(answers), plans=plans)
