"""Progress per session: which exercises a page shows, and which of them are answered."""

import json

import pytest

from course.progress import Progress, is_answered, progress, session_exercises
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, False),
        ("", False),
        ("  \n ", False),
        ({}, False),
        ([], False),
        (False, False),
        ({"a": "", "b": None}, False),
        ({"ratings": {"x": None}, "texts": {"p": " "}}, False),  # an untouched skala
        ({"answers": {}}, False),  # an untouched sortering
        ({"fields": {"maal": "", "dato": None}}, False),  # an untouched planlægger
        ({"ratings": {"marts": {"x": None}, "juni": {"x": 3}}, "texts": {}}, True),
        ("Tekst", True),
        (0, True),
        (True, True),
        ({"answers": {"r01": "selv"}}, True),
        ({"order": [{"id": "a", "text": "A", "own": False, "attrs": {}}], "checked": False}, True),
    ],
)
def test_an_answer_counts_when_it_holds_something(value, expected):
    assert is_answered(value) is expected


def notebook(folder, name, calls):
    cells = [{"cell_type": "markdown", "source": ['page.exercise("i_markdown")'], "metadata": {}}]
    cells += [
        {"cell_type": "code", "source": [c], "metadata": {}, "outputs": [], "execution_count": None}
        for c in calls
    ]
    (folder / name).write_text(
        json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}),
        encoding="utf-8",
    )


def test_session_exercises_come_from_the_notebooks_in_page_order(content, tmp_path):
    notebook(
        tmp_path,
        "10_fra_bip_til_praksis.ipynb",
        [
            'page.exercise("bip_case")',
            "page.exercise('refleksionstyper')",
            'page.exercise("bip_case")',
            'page.exercise("findes_ikke")',
            "page.navigation()",
        ],
    )
    found = session_exercises(content, tmp_path)
    # Only notebooks that exist count; repeats, markdown and unknown ids do not.
    assert found == {"bip": ["bip_case", "refleksionstyper"]}


def test_the_shipped_notebooks_give_every_self_study_page_its_exercises(content):
    found = session_exercises(content, ROOT / "notebooks")
    assert found["bip"] == [
        "refleksionstyper",
        "bip_case",
        "bip_forventning",
        "bip_parallel",
        "bip_kickoff",
        "opsamling_bip",
    ]
    assert found["beskaeftigelsesfaglighed"][0] == "evidenshierarki"
    assert set(found) >= {
        "velkommen",
        "rollen",
        "bip",
        "beskaeftigelsesfaglighed",
        "vidensmobilisering",
        "jobkompagniet",
    }


def test_progress_counts_answered_of_total_per_session(content, tmp_path):
    notebook(
        tmp_path,
        "10_fra_bip_til_praksis.ipynb",
        [
            'page.exercise("refleksionstyper")',
            'page.exercise("bip_case")',
            'page.exercise("bip_forventning")',
        ],
    )
    notebook(tmp_path, "00_velkommen.ipynb", ["page.programme()"])  # no exercises: not listed
    answers = {
        "refleksionstyper": {"answers": {"r01": "selv"}},
        "bip_case": {"selv": " ", "kritisk": ""},
        "bip_forventning": {"ratings": {"job": 3}, "texts": {}},
        "tjek_ind": {"ser_frem_til": "Noget"},
    }
    assert progress(content, answers, tmp_path) == {"bip": Progress(2, 3)}


def test_progress_text_and_done():
    assert Progress(2, 5).text == "2 af 5" and not Progress(2, 5).done
    assert Progress(5, 5).done and not Progress(0, 0).done
