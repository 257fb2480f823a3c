"""The learning cycle exercise without widgets: where the participant is, and the card it ends in.

Positions: 0 is the overview, 1..n the cycle's steps, n + 1 the experiment card.
"""

from __future__ import annotations

from datetime import date

from course import planning
from course.content import Exercise
from course.document import Document, Section


def last_position(exercise: Exercise) -> int:
    return len(exercise.steps) + 1


def clamp(exercise: Exercise, position) -> int:
    """A saved position that may be hand-edited or out of date: a valid one."""
    if not isinstance(position, int) or isinstance(position, bool):
        return 0
    return min(max(position, 0), last_position(exercise))


def cycle_text(exercise: Exercise) -> str:
    """What the picture of the whole cycle shows, in words: its caption and text alternative."""
    steps = "; ".join(f"{i}. {s.title}" for i, s in enumerate(exercise.steps, start=1))
    caption = " ".join(exercise.caption.split())
    return f"{caption}: {len(exercise.steps)} trin i en cirkel med uret: {steps}."


def experiment_card(
    exercise: Exercise,
    answers: dict,
    card: dict,
    name: str,
    job_centre: str,
    today: date | None = None,
    picture: bytes | None = None,
) -> Document:
    """The experiment card: the card's fields first, then the way through the cycle."""
    doc = Document(
        title=exercise.document_title or exercise.title,
        meta=planning.document_meta(name, job_centre, today),
    )
    for f in exercise.fields:
        text = planning.field_text(f, card.get(f.id))
        doc.sections.append(Section(heading=f.label, paragraphs=[text or planning.NOT_FILLED]))
    doc.sections.append(
        Section(
            heading="Sådan kom jeg frem til eksperimentet",
            paragraphs=["Mine svar trin for trin gennem læringscyklussen."],
            images=[picture] if picture else [],
            captions=[cycle_text(exercise)] if picture else [],
        )
    )
    for n, step in enumerate(exercise.steps, start=1):
        text = str(answers.get(step.id) or "").strip()
        doc.sections.append(
            Section(
                heading=f"Trin {n}: {step.title}",
                paragraphs=[step.text, text or planning.NOT_FILLED],
            )
        )
    return doc
