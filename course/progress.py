"""How far a participant has come: answered exercises per session, from the workbook.

A session's exercises are the ones its notebook shows (parsed from the notebook, so
the count can never drift from the page). An answer counts when it holds something:
a text that is not blank, a choice, a number, or a list with something in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.content import NOTEBOOK_DIR, Course, notebook_exercises


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def done(self) -> bool:
        return self.total > 0 and self.answered >= self.total

    @property
    def text(self) -> str:
        return f"{self.answered} af {self.total}"


def is_answered(value) -> bool:
    """True when the saved value holds something the participant chose or wrote."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (int, float)):
        return True
    if isinstance(value, dict):
        return any(is_answered(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(is_answered(v) for v in value)
    return False


def session_exercises(content: Course, notebook_dir: Path | None = None) -> dict[str, list[str]]:
    """Each session with a notebook: the ids of the exercises its page shows."""
    folder = Path(notebook_dir) if notebook_dir is not None else NOTEBOOK_DIR
    found = {}
    for session in content.programme.sessions():
        path = folder / session.notebook if session.notebook else None
        if path is not None and path.exists():
            found[session.id] = [e for e in notebook_exercises(path) if e in content.exercises]
    return found


def progress(
    content: Course, answers: dict, notebook_dir: Path | None = None
) -> dict[str, Progress]:
    """Answered and total exercises per session that has any exercises.

    ``answers`` maps exercise ids to saved values (``Workbook.answers()``).
    """
    return {
        session_id: Progress(sum(is_answered(answers.get(e)) for e in ids), len(ids))
        for session_id, ids in session_exercises(content, notebook_dir).items()
        if ids
    }
