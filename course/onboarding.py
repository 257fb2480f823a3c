"""The onboarding plan: grips placed in the first weeks of a new colleague, each grip one
of the three kinds of learning. The saved value:

``{"weeks": {<grip id>: [1, 3, ...]}, "own": [{"id": "egen-1", "text": ..., "category": ...}]}``

Week numbers count from 1. Grips and kinds come from the exercise in ``data/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from course.content import Exercise
from course.document import Section

MAX_OWN = 10
MAX_OWN_CHARS = 300
_OWN_ID = re.compile(r"egen-\d{1,3}")


@dataclass(frozen=True)
class Grip:
    id: str
    text: str
    category: str
    own: bool = False
    weeks: tuple[int, ...] = ()


def own_grips(exercise: Exercise, value) -> list[dict]:
    """The participant's own grips, cleaned: known kind, short text, unique id."""
    kinds = {c.id for c in exercise.categories}
    out, seen = [], set()
    entries = value.get("own") if isinstance(value, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or len(out) >= MAX_OWN:
            continue
        grip_id, text = entry.get("id"), entry.get("text")
        if not (isinstance(grip_id, str) and _OWN_ID.fullmatch(grip_id) and grip_id not in seen):
            continue
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_OWN_CHARS:
            continue
        if entry.get("category") not in kinds:
            continue
        out.append({"id": grip_id, "text": text, "category": entry["category"]})
        seen.add(grip_id)
    return out


def grips(exercise: Exercise, value) -> list[Grip]:
    """Every grip (the exercise's, then the participant's own) with its weeks."""
    given = value.get("weeks") if isinstance(value, dict) else None
    given = given if isinstance(given, dict) else {}
    count = len(exercise.periods)

    def weeks(grip_id):
        raw = given.get(grip_id)
        numbers = raw if isinstance(raw, list) else []
        return tuple(
            sorted(
                {
                    w
                    for w in numbers
                    if isinstance(w, int) and not isinstance(w, bool) and 1 <= w <= count
                }
            )
        )

    out = [Grip(i.id, i.text, i.category, False, weeks(i.id)) for i in exercise.items]
    out += [
        Grip(o["id"], o["text"], o["category"], True, weeks(o["id"]))
        for o in own_grips(exercise, value)
    ]
    return out


def next_own_id(exercise: Exercise, value) -> str:
    numbers = [int(o["id"].split("-")[1]) for o in own_grips(exercise, value)]
    return f"egen-{max(numbers + [0]) + 1}"


def counts(exercise: Exercise, plan: list[Grip]) -> list[list[int]]:
    """counts[k][w]: how many grips of kind k lie in week w + 1."""
    kinds = [c.id for c in exercise.categories]
    table = [[0] * len(exercise.periods) for _ in kinds]
    for grip in plan:
        for week in grip.weeks:
            table[kinds.index(grip.category)][week - 1] += 1
    return table


def totals(exercise: Exercise, plan: list[Grip]) -> list[tuple[str, int]]:
    return [(c.title, sum(row)) for c, row in zip(exercise.categories, counts(exercise, plan))]


def summary(exercise: Exercise, plan: list[Grip]) -> str:
    """The balance in words: also the pictures' text alternative."""
    pairs = totals(exercise, plan)
    whole = sum(n for _, n in pairs)
    if not whole:
        return "Ingen greb er placeret i ugerne endnu."
    shares = ", ".join(f"{title}: {n} ({round(100 * n / whole)} %)" for title, n in pairs)
    return f"{whole} greb fordelt på ugerne. {shares}."


def advice(exercise: Exercise, plan: list[Grip]) -> list[str]:
    """Danish pointers where the plan is missing a kind of learning or has nothing at all."""
    if not any(g.weeks for g in plan):
        return ["Placér mindst ét greb i en uge: klik på ugerne ud for grebet."]
    out = []
    for category, (_, total) in zip(exercise.categories, totals(exercise, plan)):
        if total == 0:
            ideas = [g.text for g in plan if g.category == category.id][:2]
            out.append(
                f"Planen har endnu ingen greb med {category.title.lower()}"
                + (f" – fx »{ideas[0]}«." if ideas else ".")
            )
    return out


def week_table(exercise: Exercise, plan: list[Grip]) -> list[list[str]]:
    """The plan week by week: one column per kind of learning."""
    header = ["Uge"] + [c.title for c in exercise.categories]
    rows = []
    for w, week in enumerate(exercise.periods, start=1):
        cells = [
            "\n".join(g.text for g in plan if g.category == c.id and w in g.weeks)
            for c in exercise.categories
        ]
        if any(cells):
            rows.append([week, *cells])
    return [header, *rows]


def picture(exercise: Exercise, plan: list[Grip]) -> bytes:
    from course.plan_charts import learning_balance

    return learning_balance(
        list(exercise.periods), [c.title for c in exercise.categories], counts(exercise, plan)
    )


def document_sections(
    exercise: Exercise, value, heading: str, today=None, milestones=()
) -> list[Section]:
    """The plan as a document's part (``today`` and ``milestones`` are not used here)."""
    plan = grips(exercise, value)
    if not any(g.weeks for g in plan):
        return [Section(heading, paragraphs=["Ingen greb er placeret i ugerne endnu."])]
    section = Section(
        heading, paragraphs=[summary(exercise, plan)], table=week_table(exercise, plan)
    )
    section.images.append(picture(exercise, plan))
    section.captions.append(
        f"Balancen mellem de tre typer af læring uge for uge. {summary(exercise, plan)}"
    )
    return [section]


def part_status(exercise: Exercise, value, today=None) -> tuple[str, list[str]]:
    """As a part of the gathered plan: the balance, and the advice as what is missing."""
    plan = grips(exercise, value)
    return summary(exercise, plan), advice(exercise, plan)
