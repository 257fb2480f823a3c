"""Conversation exercises without widgets: gentle hints on what a participant writes, the
dialogue an UGU trainer builds, and where answers land on a model drawn as a grid."""

from __future__ import annotations

import re

from course.content import Category, Exercise, Hint, Phase


def contains(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text``, ignoring case; a word must begin a word there.

    "forestil" finds "Forestil dig", but "vil" does not find "svilt"; signs such as "?"
    match anywhere.
    """
    start = r"(?<!\w)" if word[:1].isalnum() else ""
    return re.search(start + re.escape(word.lower()), text.lower()) is not None


def hints_for(text: str, hints: tuple[Hint, ...]) -> list[str]:
    """The hints that apply to a non-empty text, in the order the content gives them."""
    if not text.strip():
        return []
    found = []
    for hint in hints:
        if (hint.missing and not any(contains(text, w) for w in hint.missing)) or (
            hint.present and any(contains(text, w) for w in hint.present)
        ):
            found.append(hint.text)
    return found


def chosen_option(phase: Phase, answer: dict):
    """The option a participant chose in a phase, or None."""
    return next((o for o in phase.options if o.id == answer.get("choice")), None)


def dialogue(exercise: Exercise, answers: dict) -> list[tuple[Phase, str, bool]]:
    """Per phase with an answer: (phase, the line, written by the participant?).

    An own utterance wins over a chosen one: it is what the participant would say.
    """
    lines = []
    for phase in exercise.phases:
        answer = answers.get(phase.id, {})
        own = answer.get("own", "").strip()
        option = chosen_option(phase, answer)
        if own:
            lines.append((phase, own, True))
        elif option is not None:
            lines.append((phase, option.text, False))
    return lines


def grid_layout(exercise: Exercise) -> list[list[Category]]:
    """The exercise's categories in the rows and columns of its grid."""
    return [[exercise.category(c) for c in row] for row in exercise.grid.cells]
