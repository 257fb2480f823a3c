"""The optional content features of the self-study pages: each bad use fails with a Danish
message."""

import shutil
import textwrap

import pytest

from course.content import ContentError, load_course, notebook_exercises
from tests.conftest import ROOT

SKALA = """\
exercises:
  - id: stile
    kind: skala
    minutes: 5
    social_form: alene
    title: Stile
    scale: {min: 1, max: 5, labels: [a, b, c, d, e]}
    chart: radar
    occasions:
      - {id: t1, label: Første gang}
      - {id: t2, label: Anden gang}
    items:
      - {id: i1, text: Et, short: Et kort navn}
      - {id: i2, text: To}
      - {id: i3, text: Tre}
"""

RANGERING = """\
exercises:
  - id: orden
    kind: rangering
    minutes: 5
    social_form: alene
    title: Orden
    correct_order: true
    explanation: Sådan er rækkefølgen.
    items:
      - {id: a, text: A}
      - {id: b, text: B}
      - {id: c, text: C}
"""


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def write(data, text):
    (data / "exercises" / "99_extra.yaml").write_text(textwrap.dedent(text), encoding="utf-8")


def test_good_options_load(data):
    write(data, SKALA + RANGERING.replace("exercises:\n", ""))
    course = load_course(data)
    skala = course.exercise("stile")
    assert [o.label for o in skala.occasions] == ["Første gang", "Anden gang"]
    assert (
        skala.scale.labels == ("a", "b", "c", "d", "e") and skala.items[0].short == "Et kort navn"
    )
    assert course.exercise("orden").correct_order is True


@pytest.mark.parametrize(
    "text, change, expected",
    [
        (
            SKALA,
            ("labels: [a, b, c, d, e]", "labels: [a, b]"),
            "øvelse 'stile': felt 'scale': labels skal have én tekst pr. trin (5), men har 2",
        ),
        (SKALA, ("chart: radar", "chart: lagkage"), "felt 'chart': ukendt billede 'lagkage'"),
        (
            SKALA,
            ("chart: radar", "chart: hjul"),
            "felt 'chart': en skala med flere tidspunkter tegnes som radar",
        ),
        (
            SKALA,
            ("      - {id: t2, label: Anden gang}", "      - {id: t1, label: Anden gang}"),
            "tidspunkt-id 't1' findes to gange",
        ),
        (
            SKALA,
            ("      - {id: i2, text: To}\n      - {id: i3, text: Tre}\n", ""),
            "felt 'chart': en radar kræver mindst 3 punkter",
        ),
        (
            SKALA,
            ("      - {id: t1, label: Første gang}", "      - {id: t3}"),
            "tidspunkt 't3': feltet 'label' mangler",
        ),
        (
            SKALA,
            ("kind: skala", "kind: refleksion\n    prompts: [{id: p, text: P}]"),
            "felt 'occasions': kan kun bruges i en skala, ikke i en refleksion",
        ),
        (
            RANGERING,
            ("correct_order: true", "correct_order: true\n    allow_own: true"),
            "felt 'correct_order': kan ikke bruges sammen med allow_own",
        ),
        (
            RANGERING,
            ("    correct_order: true\n", ""),
            "felt 'explanation': vises kun, når en rangering har correct_order: true",
        ),
        (
            RANGERING,
            ("correct_order: true", "correct_order: ja"),
            "felt 'correct_order': forventede ja/nej",
        ),
        (
            RANGERING,
            ("      - {id: c, text: C}\n", ""),
            "felt 'correct_order': en rigtig rækkefølge kræver mindst 3 punkter",
        ),
        (
            RANGERING,
            ("kind: rangering", "kind: skala\n    scale: {min: 1, max: 5}"),
            "felt 'correct_order': kan kun bruges i en rangering, ikke i en skala",
        ),
    ],
)
def test_bad_options_name_the_exercise_and_the_field(data, text, change, expected):
    old, new = change
    assert old in text
    write(data, text.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    assert "99_extra.yaml" in str(error.value) and expected in str(error.value)


def test_prompt_questions_must_be_a_list_of_texts(data):
    write(
        data,
        """\
        exercises:
          - id: r
            kind: refleksion
            minutes: 5
            social_form: alene
            title: R
            prompts: [{id: p, text: P, questions: Hvad er min rolle}]
        """,
    )
    with pytest.raises(ContentError, match="prompt 'p': felt 'questions': forventede en liste"):
        load_course(data)


@pytest.mark.parametrize("minutes", ["0", "601", "'en time'"])
def test_a_session_needs_a_sensible_estimated_time(data, minutes):
    path = data / "programme.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("minutes: 60", f"minutes: {minutes}", 1),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"data/programme.yaml: .*session 'bip'.*felt 'minutes'"):
        load_course(data)


def test_the_self_study_track_has_estimated_times_and_no_clock_times(content):
    track = next(t for t in content.programme.tracks if t.id == "selvstudium")
    assert [s.id for s in track.sessions] == [
        "bip",
        "beskaeftigelsesfaglighed",
        "vidensmobilisering",
        "jobkompagniet",
    ]
    assert all(s.minutes and not s.start and not s.end for s in track.sessions)


def test_notebook_exercises_lists_each_id_once_in_page_order():
    ids = notebook_exercises(ROOT / "notebooks" / "11_beskaeftigelsesfaglighed_i_praksis.ipynb")
    assert ids == [
        "evidenshierarki",
        "offensiv_praktiker",
        "dur_dur_ikke",
        "samtalestile",
        "progressionsmaal",
        "afsluttende_spoergsmaal",
        "opsamling_beskaeftigelsesfaglighed",
    ]
