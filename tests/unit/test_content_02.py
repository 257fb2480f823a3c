"""Content schema of the learning-cycle and key-figure exercises (notebook 02)."""

import pytest

from course.content import ContentError, load_course
from tests.unit.test_content import write

GOOD_CYCLE = """\
exercises:
  - id: cyklus
    kind: læringscyklus
    minutes: 5
    social_form: alene
    title: En cyklus
    steps:
      - {id: s1, title: Erfaring, text: "Hvad skete der?"}
      - {id: s2, title: Refleksion, text: "Hvorfor?"}
      - {id: s3, title: Eksperiment, text: "Hvad prøver du?"}
    fields:
      - {id: f1, label: Det vil jeg prøve, type: langtekst, required: true}
"""

GOOD_FIGURES = """\
exercises:
  - id: tal
    kind: nøgletal
    minutes: 5
    social_form: alene
    title: Nøgletal
    dataset:
      file: tal.csv
      measures:
        - {id: andel_x, label: Andel X, unit: andel}
    prompts:
      - {id: p1, text: "Hvad ser du?"}
"""


def test_good_cycle_and_key_figure_exercises_load(data):
    write(data, "98_cyklus.yaml", GOOD_CYCLE)
    (data / "tal.csv").write_text("team,maaned,andel_x\nA,2025-01,0.5\n", encoding="utf-8")
    write(data, "99_tal.yaml", GOOD_FIGURES)
    course = load_course(data)
    assert [s.title for s in course.exercise("cyklus").steps] == [
        "Erfaring",
        "Refleksion",
        "Eksperiment",
    ]
    assert course.exercise("tal").dataset.file == str(data / "tal.csv")  # resolved in data/


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ('      - {id: s3, title: Eksperiment, text: "Hvad prøver du?"}\n', ""),
            ["øvelse 'cyklus'", "felt 'steps'", "mindst 3 trin"],
        ),
        (("{id: s2,", "{id: s1,"), ["øvelse 'cyklus'", "trin-id 's1' findes to gange"]),
        (
            (
                "    fields:\n"
                "      - {id: f1, label: Det vil jeg prøve, type: langtekst, required: true}\n",
                "",
            ),
            ["øvelse 'cyklus'", "felt 'fields' mangler"],
        ),
        (('text: "Hvorfor?"}', 'tekst: "Hvorfor?"}'), ["trin 's2'", "ukendt felt 'tekst'"]),
    ],
)
def test_bad_cycles_name_the_exercise_step_and_field(data, change, expected):
    old, new = change
    assert old in GOOD_CYCLE
    write(data, "99_cyklus.yaml", GOOD_CYCLE.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    for part in expected:
        assert part in str(error.value)


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ("file: tal.csv", "file: ../tal.csv"),
            ["øvelse 'tal'", "felt 'dataset'", "skal være navnet på en .csv-fil"],
        ),
        (
            ("file: tal.csv", "file: mangler.csv"),
            ["felt 'dataset'", "data/mangler.csv findes ikke"],
        ),
        (("unit: andel", "unit: procent"), ["nøgletal 'andel_x'", "ukendt enhed 'procent'"]),
        (
            ("{id: andel_x,", "{id: andel_y,"),
            ["nøgletal 'andel_y'", "kolonnen 'andel_y' findes ikke i data/tal.csv"],
        ),
        (
            ("      measures:\n        - {id: andel_x, label: Andel X, unit: andel}\n", ""),
            ["felt 'dataset'", "felt 'measures' mangler"],
        ),
        (
            ('    prompts:\n      - {id: p1, text: "Hvad ser du?"}\n', ""),
            ["øvelse 'tal'", "felt 'prompts' mangler"],
        ),
    ],
)
def test_bad_key_figure_exercises_name_the_exercise_and_field(data, change, expected):
    old, new = change
    assert old in GOOD_FIGURES
    (data / "tal.csv").write_text("team,maaned,andel_x\nA,2025-01,0.5\n", encoding="utf-8")
    write(data, "99_tal.yaml", GOOD_FIGURES.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    for part in expected:
        assert part in str(error.value)


def test_a_data_set_without_the_month_column_is_rejected(data):
    (data / "tal.csv").write_text("team,andel_x\nA,0.5\n", encoding="utf-8")
    write(data, "99_tal.yaml", GOOD_FIGURES)
    with pytest.raises(ContentError, match=r"data/tal\.csv mangler kolonnen 'maaned'"):
        load_course(data)
