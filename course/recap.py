"""opsamling: the end of every page – »Det vigtigste« (three to five points from the sources)
and the participant's own »Det tager jeg med« line, gathered in »Min første plan«.

A saved answer is ``{"tager_med": text}``.
"""

from __future__ import annotations

from course.content import Course
from course.document import Section

KIND = "opsamling"
KEY = "tager_med"
LABEL = "Det tager jeg med"
HEADING = "Det tager jeg med fra kurset"


def line(value) -> str:
    """The participant's line from a saved answer, spaces tidied; "" when there is none."""
    text = value.get(KEY) if isinstance(value, dict) else None
    return " ".join(text.split()) if isinstance(text, str) else ""


def takeaways(content: Course, answers: dict) -> list[tuple[str, str]]:
    """(page title, line) for every page whose recap has a line, in programme order."""
    out = []
    for session in content.programme.sessions():
        for exercise_id in content.pages.get(session.id, ()):
            if content.exercises[exercise_id].kind == KIND:
                text = line(answers.get(exercise_id))
                if text:
                    out.append((session.title, text))
    return out


def document_sections(content: Course, answers: dict) -> list[Section]:
    """The lines as one part of a document; none when no line is written yet."""
    rows = takeaways(content, answers)
    if not rows:
        return []
    return [
        Section(
            HEADING,
            paragraphs=["Det, du skrev under »Det tager jeg med« nederst på kursets sider."],
            table=[["Side", LABEL]] + [[title, text] for title, text in rows],
        )
    ]
