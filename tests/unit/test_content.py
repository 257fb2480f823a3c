"""The content loader: the shipped content is valid, and bad content fails loudly."""

import json
import textwrap

import pytest

from course.content import ContentError, check_notebooks, load_course
from tests.conftest import ROOT

GOOD_SORTING = """\
exercises:
  - id: quiz
    kind: sortering
    minutes: 5
    social_form: alene
    title: En quiz
    categories:
      - id: a
        title: Kategori A
      - id: b
        title: Kategori B
    items:
      - id: p1
        text: Første punkt
        category: a
        explanation: Fordi det hører til A.
"""


def write(data, name, text):
    (data / "exercises" / name).write_text(textwrap.dedent(text), encoding="utf-8")


def test_shipped_content_is_valid_and_used_by_the_notebooks(content):
    assert content.programme.session("velkommen").notebook == "00_velkommen.ipynb"
    assert content.exercise("tjek_ind").kind == "refleksion"
    check_notebooks(content, ROOT / "notebooks")


def test_every_linked_notebook_exists(content):
    for session in content.programme.sessions():
        if session.notebook:
            assert (ROOT / "notebooks" / session.notebook).exists(), session.notebook


def test_every_sorting_item_is_explained_and_quizzes_are_large_enough(content):
    for ex in content.exercises.values():
        if ex.kind == "sortering":
            assert len(ex.items) >= 12, ex.id
            assert all(len(i.explanation) > 20 for i in ex.items), ex.id


def test_a_good_extra_file_loads(data):
    write(data, "99_extra.yaml", GOOD_SORTING)
    assert load_course(data).exercise("quiz").category("a").title == "Kategori A"


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ("kind: sortering", "kind: sortering\n    colour: red"),
            ["99_extra.yaml", "øvelse 'quiz'", "ukendt felt 'colour'"],
        ),
        (
            ("    title: En quiz\n", ""),
            ["99_extra.yaml", "øvelse 'quiz'", "feltet 'title' mangler"],
        ),
        (("text: Første punkt", "text: 42"), ["punkt 'p1'", "felt 'text'", "forventede tekst"]),
        (
            ("category: a\n", "category: c\n"),
            ["øvelse 'quiz'", "punkt 'p1'", "felt 'category'", "kategorien 'c' findes ikke"],
        ),
        (
            ("        explanation: Fordi det hører til A.\n", ""),
            ["punkt 'p1'", "felt 'explanation' mangler"],
        ),
        (("kind: sortering", "kind: quiz"), ["øvelse 'quiz'", "ukendt slags 'quiz'"]),
        (
            ("      - id: b\n", "      - id: a\n"),
            ["øvelse 'quiz'", "kategori-id 'a' findes to gange"],
        ),
        (("title: En quiz", 'title: "  "'), ["felt 'title'", "må ikke være tom"]),
        (("title: En quiz", "title: [En, quiz]"), ["felt 'title'", "forventede tekst"]),
        (("title: En quiz", "title: 'En: quiz"), ["99_extra.yaml", "ikke gyldig YAML", "linje"]),
    ],
)
def test_bad_content_names_file_item_and_field(data, change, expected):
    old, new = change
    assert old in GOOD_SORTING
    write(data, "99_extra.yaml", GOOD_SORTING.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    for part in expected:
        assert part in str(error.value)


def test_a_duplicate_exercise_id_across_files_names_both_files(data):
    write(data, "98_a.yaml", GOOD_SORTING)
    write(data, "99_b.yaml", GOOD_SORTING)
    with pytest.raises(
        ContentError, match=r"99_b\.yaml: øvelse 'quiz': id'et findes allerede i .*98_a\.yaml"
    ):
        load_course(data)


def test_a_boolean_is_not_accepted_as_a_number(data):
    write(
        data,
        "99_extra.yaml",
        """\
        exercises:
          - id: skala
            kind: skala
            minutes: 5
            social_form: alene
            title: En skala
            scale: {min: true, max: 5}
            items: [{id: i1, text: Et udsagn}]
        """,
    )
    with pytest.raises(ContentError, match=r"felt 'scale'.*felt 'min': forventede heltal"):
        load_course(data)


def test_a_scale_without_items_is_rejected(data):
    write(
        data,
        "99_extra.yaml",
        """\
        exercises:
          - id: skala
            kind: skala
            minutes: 5
            social_form: alene
            title: En skala
            scale: {min: 1, max: 5}
        """,
    )
    with pytest.raises(ContentError, match="øvelse 'skala': felt 'items' mangler"):
        load_course(data)


def test_a_planner_field_of_unknown_type_is_rejected(data):
    write(
        data,
        "99_extra.yaml",
        """\
        exercises:
          - id: plan
            kind: planlægger
            minutes: 5
            social_form: alene
            title: En plan
            fields: [{id: f1, label: Felt, type: farve}]
        """,
    )
    with pytest.raises(ContentError, match="felt-id 'f1': felt 'type': ukendt felttype 'farve'"):
        load_course(data)


def test_programme_errors_name_the_session(data):
    path = data / "programme.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('start: "09.30"', 'start: "halv ti"', 1),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"data/programme.yaml: session 'rollen': felt 'start'"):
        load_course(data)


def test_a_file_not_in_utf8_is_reported(data):
    (data / "exercises" / "99_extra.yaml").write_bytes(
        GOOD_SORTING.replace("Første", "F\xf8rste").encode("latin-1")
    )
    with pytest.raises(ContentError, match=r"99_extra\.yaml: filen er ikke gemt som UTF-8"):
        load_course(data)


def test_a_notebook_using_an_undefined_exercise_is_reported(content, tmp_path):
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "source": ['page.exercise("findes_ikke")'],
                "metadata": {},
                "outputs": [],
                "execution_count": None,
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (tmp_path / "50_test.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    with pytest.raises(
        ContentError, match=r"notebooks/50_test\.ipynb: bruger øvelsen 'findes_ikke'"
    ):
        check_notebooks(content, tmp_path)


GOOD_CONVERSATION = """\
exercises:
  - id: model
    kind: sortering
    minutes: 5
    social_form: alene
    title: En model
    grid:
      rows: [Lineære, Cirkulære]
      columns: [Fortid, Fremtid]
      cells:
        - [a, b]
        - [c, d]
    categories:
      - {id: a, title: A}
      - {id: b, title: B}
      - {id: c, title: C}
      - {id: d, title: D, hints: [{missing: ["?"], text: Et tip.}]}
    items:
      - {id: p1, text: Et punkt, category: a, explanation: Fordi det hører til A.}
  - id: traener
    kind: samtaletræner
    minutes: 5
    social_form: alene
    title: En træner
    case: En kollega spørger.
    phases:
      - id: u1
        title: Undersøg
        options:
          - {id: o1, text: "Hvad har du prøvet?", correct: true, explanation: Det undersøger.}
          - {id: o2, text: "Gør sådan her.", correct: false, explanation: Det giver for tidligt.}
"""


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ("        - [c, d]\n", "        - [c, a]\n"),
            ["øvelse 'model'", "felt 'grid'", "kategorien 'a' findes to gange"],
        ),
        (
            ("        - [c, d]\n", "        - [c, e]\n"),
            ["øvelse 'model'", "felt 'grid'", "kategorien 'e' findes ikke"],
        ),
        (
            ("        - [c, d]\n", "        - [c]\n"),
            ["felt 'grid'", "række 2 har 1 felter", "'columns' har 2 navne"],
        ),
        (("        - [c, d]\n", ""), ["felt 'grid'", "har 1 rækker, men 'rows' har 2 navne"]),
        (
            (
                "      - {id: d, title: D, hints",
                "      - {id: e, title: E}\n      - {id: d, title: D, hints",
            ),
            ["felt 'grid'", "kategorien 'e' har ingen plads i gitteret"],
        ),
        (
            ('hints: [{missing: ["?"], text: Et tip.}]', "hints: [{text: Et tip.}]"),
            ["kategori 'd'", "tip nr. 1", "brug enten 'missing'"],
        ),
        (
            ("correct: false", "correct: true"),
            ["øvelse 'traener'", "fase 'u1'", "mindst én valgmulighed, der passer"],
        ),
        (("correct: false", "correct: nej"), ["valgmulighed 'o2'", "felt 'correct'", "ja/nej"]),
        (("id: o2", "id: o1"), ["fase 'u1'", "valgmuligheds-id 'o1' findes to gange"]),
        (("    case: En kollega spørger.\n", ""), ["øvelse 'traener'", "felt 'case' mangler"]),
        (
            ("explanation: Det giver for tidligt.", "forklaring: x"),
            ["valgmulighed 'o2'", "ukendt felt 'forklaring'"],
        ),
    ],
)
def test_bad_grid_phases_and_hints_name_exercise_and_field(data, change, expected):
    old, new = change
    assert old in GOOD_CONVERSATION
    write(data, "99_extra.yaml", GOOD_CONVERSATION.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    for part in expected:
        assert part in str(error.value)


def test_the_good_conversation_content_loads_and_a_builder_needs_a_grid(data):
    write(data, "99_extra.yaml", GOOD_CONVERSATION)
    course = load_course(data)
    assert course.exercise("model").grid.cells == (("a", "b"), ("c", "d"))
    assert course.exercise("traener").phase("u1").options[0].correct is True
    write(
        data,
        "99_extra.yaml",
        """\
        exercises:
          - id: bygger
            kind: spørgsmålsbygger
            minutes: 5
            social_form: alene
            title: En bygger
            case: En sag.
            categories: [{id: a, title: A}]
        """,
    )
    with pytest.raises(ContentError, match="øvelse 'bygger': felt 'grid' mangler"):
        load_course(data)


MEETING_PLAN = """\
exercises:
  - id: plan
    kind: mødeplan
    minutes: 5
    social_form: alene
    title: En mødeplan
    fields:
      - {id: formaal, label: Formål, type: langtekst}
      - {id: agenda, label: Agenda, type: dagsorden}
      - {id: tid, label: Tid, type: tidsramme, min: 10, max: 480}
"""


def test_a_good_meeting_plan_loads(data):
    write(data, "99_extra.yaml", MEETING_PLAN)
    assert [f.type for f in load_course(data).exercise("plan").fields] == [
        "langtekst",
        "dagsorden",
        "tidsramme",
    ]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "      - {id: agenda, label: Agenda, type: dagsorden}\n",
            "",
            "øvelse 'plan': felt 'fields': en mødeplan skal have præcis ét felt "
            "af typen 'dagsorden' (har 0)",
        ),
        (
            "      - {id: agenda, label: Agenda, type: dagsorden}\n",
            "      - {id: agenda, label: Agenda, type: dagsorden}\n"
            "      - {id: a2, label: Mere, type: dagsorden}\n",
            "præcis ét felt af typen 'dagsorden' (har 2)",
        ),
        (
            "type: tidsramme, min: 10, max: 480",
            "type: tekst",
            "præcis ét felt af typen 'tidsramme' (har 0)",
        ),
        (
            "type: langtekst",
            "type: tal",
            "felt-id 'formaal': felt 'type': en mødeplan kan ikke have felttypen 'tal'",
        ),
        (
            "kind: mødeplan",
            "kind: planlægger",
            "felt-id 'agenda': felt 'type': felttypen 'dagsorden' kan kun bruges i en mødeplan",
        ),
    ],
)
def test_a_meeting_plan_needs_one_agenda_and_one_time_frame(data, old, new, expected):
    assert old in MEETING_PLAN
    write(data, "99_extra.yaml", MEETING_PLAN.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    assert "99_extra.yaml" in str(error.value) and expected in str(error.value)


BRIDGING = """\
exercises:
  - id: bro
    kind: brobygning
    minutes: 5
    social_form: alene
    title: Brobygning
    items:
      - {id: b1, text: "Hvad tænker I andre om det, som {navn} fortæller?"}
"""


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "{navn} fortæller",
            "{navnet} fortæller",
            "punkt 'b1': felt 'text': ukendt pladsholder '{navnet}' "
            "(kendte: {navn}, {navns}, {anden}, {andens}, {til})",
        ),
        ("{navn} fortæller", "{navn fortæller", "punkt 'b1': felt 'text': en { eller } står alene"),
        (
            "    items:\n"
            '      - {id: b1, text: "Hvad tænker I andre om det, som {navn} fortæller?"}\n',
            "",
            "øvelse 'bro': felt 'items' mangler",
        ),
    ],
)
def test_bridging_patterns_may_only_use_the_known_names(data, old, new, expected):
    write(data, "99_extra.yaml", BRIDGING)
    assert load_course(data).exercise("bro").items[0].text.endswith("{navn} fortæller?")
    write(data, "99_extra.yaml", BRIDGING.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    assert expected in str(error.value)
