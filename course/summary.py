"""What the room answered: pure functions from shared answers to a summary per exercise.

The facilitator's dashboard draws these; the tests call them directly. Values come from the
participants' pages and may be old or odd, so every reader is tolerant.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from course.content import Exercise
from course.room import SharedAnswer

ANONYMOUS = "Anonym"
TOP_WORDS = 12
# Common Danish function words (after the Snowball/NLTK list) and filler words of answers.
STOP_WORDS = frozenset("""
ad af alle alt anden at blev blive bliver bare både da de dem den denne der deres det dette dig
din dine disse dog du efter eller en end er et for fra fx få får godt ham han hans har havde have
hende hendes her hos hun hvad hvem hver hvilke hvilken hvis hvor hvordan i ikke ind jeg jer jo
kan kunne lidt man mange med meget men mere mig min mine mit mod ned noget nogle nu når og også
om op os over på sig sin sine sit skal skulle selv som så sådan thi til ud under var vi vil ville
vor være været
""".split())
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
    counts = Counter(w for text in texts for w in _WORD.findall(str(text).lower())
                     if len(w) > 1 and w not in STOP_WORDS)
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
    if exercise.kind == "refleksion":
        return any(_text(v) for v in _dict(value).values())
    if exercise.kind == "skala":
        return (any(isinstance(v, int) for v in _dict(value, "ratings").values())
                or any(_text(v) for v in _dict(value, "texts").values()))
    if exercise.kind == "sortering":
        return bool(_dict(value, "answers"))
    if exercise.kind == "rangering":
        return isinstance(_dict(value).get("order"), list) and bool(value["order"])
    if exercise.kind == "handleplan":
        return bool(_plan_rows(exercise, value))
    return False


def summarise(exercise: Exercise, answers: list[SharedAnswer]) -> RoomSummary:
    """The room's answers to one shared exercise, counted per item, prompt or category."""
    answers = [a for a in answers if has_content(exercise, a.value)]
    kind, n = exercise.kind, len(answers)
    if kind == "refleksion":
        return RoomSummary(exercise, n, texts=_text_groups(exercise.prompts, answers, lambda a: _dict(a.value)))
    if kind == "skala":
        return RoomSummary(exercise, n, ratings=_ratings(exercise, answers),
                           texts=_text_groups(exercise.prompts, answers,
                                              lambda a: _dict(a.value, "texts")))
    if kind == "rangering":
        return RoomSummary(exercise, n, ranks=_ranks(exercise, answers), texts=_own_items(answers))
    if kind == "sortering":
        return RoomSummary(exercise, n, sorts=_sorts(exercise, answers))
    if kind == "handleplan":
        return RoomSummary(exercise, n, plans=_plans(exercise, answers))
    raise ValueError(f"{exercise.id}: a {kind} cannot be shared")


def _ratings(exercise: Exercise, answers) -> tuple[RatingRow, ...]:
    scale = exercise.scale
    rows = []
    for item in exercise.items:
        values = [v for a in answers
                  if isinstance(v := _dict(a.value, "ratings").get(item.id), int)
                  and not isinstance(v, bool) and scale.min <= v <= scale.max]
        counts = tuple(values.count(x) for x in range(scale.min, scale.max + 1))
        rows.append(RatingRow(item.text, counts, sum(values) / len(values) if values else None))
    return tuple(rows)


def _order(value) -> list[dict]:
    order = _dict(value).get("order")
    return [e for e in order if isinstance(e, dict)] if isinstance(order, list) else []


def _ranks(exercise: Exercise, answers) -> tuple[RankRow, ...]:
    rows = []
    for item in exercise.items:
        places = [place for a in answers
                  for place, entry in enumerate(_order(a.value), start=1)
                  if entry.get("id") == item.id and not entry.get("own")]
        rows.append(RankRow(item.text, sum(places) / len(places) if places else None, len(places)))
    return tuple(sorted(rows, key=lambda r: (r.mean_rank is None, r.mean_rank or 0)))


def _own_items(answers) -> tuple[TextGroup, ...]:
    texts = tuple((_name(a), _text(e.get("text"))) for a in answers for e in _order(a.value)
                  if e.get("own") and _text(e.get("text")))
    if not texts:
        return ()
    return (TextGroup("Egne opgaver, som deltagerne har tilføjet", texts,
                      tuple(word_frequencies(t for _, t in texts))),)


def _sorts(exercise: Exercise, answers) -> tuple[SortRow, ...]:
    known = [c.id for c in exercise.categories]
    rows = []
    for number, item in enumerate(exercise.items, start=1):
        given = [_dict(a.value, "answers").get(item.id) for a in answers]
        rows.append(SortRow(number, item.text, item.category,
                            {c: given.count(c) for c in known}))
    return tuple(rows)


MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")


def _plan_rows(exercise: Exercise, value) -> list:
    from course import plan_rows

    return [r for r in plan_rows.rows(exercise, value) if _text(r.fields.get("hvad"))]


def _plans(exercise: Exercise, answers) -> PlanCounts:
    from course import plan_rows
    from course.planning import parse_date

    rows = [r for a in answers for r in _plan_rows(exercise, a.value)]
    groups = tuple((title, sum(r.group == g for r in rows)) for g, title in plan_rows.groups(exercise))
    starts = Counter((d.year, d.month) for r in rows if (d := parse_date(r.fields.get("start"))))
    months = tuple((f"{MONTHS[m - 1]} {y}", n) for (y, m), n in sorted(starts.items()))
    return PlanCounts(len(rows), groups, months,
                      tuple(word_frequencies(_text(r.fields.get("hvad")) for r in rows)))
