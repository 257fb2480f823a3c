"""One place per exercise kind: every kind has a spec and a widget, and a kind on one side only
fails with a message that says what is missing."""

import dataclasses
import subprocess
import sys

import pytest

from course import report
from course.content import Exercise
from course.kinds import KINDS, Kind, missing_widgets
from tests.conftest import ROOT
from widgets import WIDGETS
from widgets.base import Exercise as ExerciseWidget
from widgets.base import exercise_kind


def test_every_kind_has_a_spec_and_a_widget():
    assert set(WIDGETS) == set(KINDS)
    assert missing_widgets(WIDGETS) == ""
    assert all(issubclass(cls, ExerciseWidget) for cls in WIDGETS.values())


def test_a_spec_without_a_widget_fails_when_the_widgets_are_imported():
    code = (
        "from course import kinds; kinds.KINDS['flervalg'] = kinds.Kind(needs=('items',)); "
        "import widgets"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode != 0
    assert "ImportError: kind 'flervalg' has a spec in course/kinds.py but no widget" in run.stderr


def test_the_message_names_every_kind_on_one_side_only():
    kinds = {**KINDS, "flervalg": Kind()}
    widgets = {k: v for k, v in WIDGETS.items() if k != "tavle"}
    widgets["trio"] = WIDGETS["tavle"]
    message = missing_widgets(widgets, kinds)
    assert "kind 'tavle' has a spec" in message and "kind 'flervalg' has a spec" in message
    assert "widget DialogueBoard is registered for kind 'trio', which has no spec" in message


def test_a_widget_for_a_kind_without_a_spec_fails_at_import():
    with pytest.raises(LookupError, match=r"Trio: kind 'trio' has no spec in course/kinds\.py"):

        @exercise_kind("trio")
        class Trio(ExerciseWidget):
            pass

    assert "trio" not in WIDGETS


def test_a_kind_cannot_have_two_widgets():
    with pytest.raises(LookupError, match="kind 'tavle' already has the widget DialogueBoard"):
        exercise_kind("tavle")(type("AnotherBoard", (ExerciseWidget,), {}))


def test_a_spec_names_only_exercise_fields():
    names = {f.name for f in dataclasses.fields(Exercise)}
    for name, kind in KINDS.items():
        assert set(kind.needs) <= names and set(kind.only) <= names, name


def test_every_report_view_of_a_kind_has_a_builder_and_a_shareable_kind():
    views = [view for kind in KINDS.values() for view in kind.report]
    assert sorted(views) == sorted([*report.VIEWS, *report.PAIRED_VIEWS])
    assert all(kind.room is not None for kind in KINDS.values() if kind.report)


def test_the_course_uses_every_kind(content):
    assert {ex.kind for ex in content.exercises.values()} == set(KINDS)
