"""The learning cycle without widgets: positions, the experiment card and its picture."""

from datetime import date

import pytest

from course import charts
from course.document import to_markdown
from course.learning_cycle import clamp, experiment_card, last_position

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def cycle(content):
    return content.exercise("laeringscyklus")


def test_the_cycle_has_the_slides_five_steps_in_order(cycle):
    assert [s.title for s in cycle.steps] == [
        "Erfaring – handling og oplevelse",
        "Refleksion og analyse",
        "Refleksion og beslutning om at eksperimentere",
        "Eksperimenteren",
        "Nye handlinger",
    ]
    assert last_position(cycle) == 6


@pytest.mark.parametrize(
    "saved, expected", [(3, 3), (-2, 0), (99, 6), ("3", 0), (None, 0), (True, 0), (2.5, 0)]
)
def test_a_saved_position_is_made_valid(cycle, saved, expected):
    assert clamp(cycle, saved) == expected


def test_the_experiment_card_puts_the_card_first_and_then_the_way_there(cycle):
    doc = experiment_card(
        cycle,
        {"erfaring": "Samtale med Per", "analyse": "  "},
        {"proeve": "Spørge før jeg råder", "hvornaar": "Mandag", "vide": "Borgeren taler mere"},
        "Karen Jensen",
        "Jobcenter Århus",
        today=date(2026, 11, 24),
        picture=PNG,
    )
    assert doc.title == "Mit eksperimentkort"
    assert doc.meta == [
        "Nøgleperson: Karen Jensen",
        "Jobcenter: Jobcenter Århus",
        "Dato: 24.11.2026",
    ]
    headings = [s.heading for s in doc.sections]
    assert headings[:4] == [
        "Det vil jeg prøve",
        "Hvornår",
        "Med hvem",
        "Sådan ved jeg, om det virker",
    ]
    assert headings[5:] == [f"Trin {n}: {s.title}" for n, s in enumerate(cycle.steps, start=1)]
    assert doc.sections[2].paragraphs == ["(ikke udfyldt)"]
    assert doc.sections[4].images == [PNG]
    assert doc.sections[5].paragraphs == [cycle.steps[0].text, "Samtale med Per"]
    assert doc.sections[6].paragraphs[1] == "(ikke udfyldt)"  # only blanks
    assert "Spørge før jeg råder" in to_markdown(doc)


def test_the_cycle_picture_is_a_png_for_every_position(cycle):
    titles = [s.title for s in cycle.steps]
    pictures = {charts.learning_cycle(titles, current, cycle.caption) for current in (None, 0, 4)}
    assert len(pictures) == 3 and all(p.startswith(PNG) for p in pictures)
