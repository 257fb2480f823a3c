"""The content loader: the shipped content is valid, and bad content fails loudly."""

import json
import shutil
import textwrap

import pytest

from course.content import ContentError, check_notebooks, load_course
from tests.conftest import ROOT

GOOD_SORTING = """\
exercises:
  - id: quiz
    kind: sortering
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


@pytest.fixture
def data(tmp_path):
    """A copy of the real data folder that a test can break."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


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


@pytest.mark.parametrize("change, expected", [
    (("kind: sortering", "kind: sortering\n    colour: red"),
     ["99_extra.yaml", "øvelse 'quiz'", "ukendt felt 'colour'"]),
    (("    title: En quiz\n", ""), ["99_extra.yaml", "øvelse 'quiz'", "feltet 'title' mangler"]),
    (("text: Første punkt", "text: 42"), ["punkt 'p1'", "felt 'text'", "forventede tekst"]),
    (("category: a\n", "category: c\n"), ["øvelse 'quiz'", "punkt 'p1'", "felt 'category'",
                                          "kategorien 'c' findes ikke"]),
    (("        explanation: Fordi det hører til A.\n", ""), ["punkt 'p1'", "felt 'explanation' mangler"]),
    (("kind: sortering", "kind: quiz"), ["øvelse 'quiz'", "ukendt slags 'quiz'"]),
    (("      - id: b\n", "      - id: a\n"), ["øvelse 'quiz'", "kategori-id 'a' findes to gange"]),
    (("title: En quiz", "title: \"  \""), ["felt 'title'", "må ikke være tom"]),
    (("title: En quiz", "title: [En, quiz]"), ["felt 'title'", "forventede tekst"]),
    (("title: En quiz", "title: 'En: quiz"), ["99_extra.yaml", "ikke gyldig YAML", "linje"]),
])
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
    with pytest.raises(ContentError, match=r"99_b\.yaml: øvelse 'quiz': id'et findes allerede i .*98_a\.yaml"):
        load_course(data)


def test_a_boolean_is_not_accepted_as_a_number(data):
    write(data, "99_extra.yaml", """\
        exercises:
          - id: skala
            kind: skala
            title: En skala
            scale: {min: true, max: 5}
            items: [{id: i1, text: Et udsagn}]
        """)
    with pytest.raises(ContentError, match=r"felt 'scale'.*felt 'min': forventede heltal"):
        load_course(data)


def test_a_scale_without_items_is_rejected(data):
    write(data, "99_extra.yaml", """\
        exercises:
          - id: skala
            kind: skala
            title: En skala
            scale: {min: 1, max: 5}
        """)
    with pytest.raises(ContentError, match="øvelse 'skala': felt 'items' mangler"):
        load_course(data)


def test_a_planner_field_of_unknown_type_is_rejected(data):
    write(data, "99_extra.yaml", """\
        exercises:
          - id: plan
            kind: planlægger
            title: En plan
            fields: [{id: f1, label: Felt, type: farve}]
        """)
    with pytest.raises(ContentError, match="felt-id 'f1': felt 'type': ukendt felttype 'farve'"):
        load_course(data)


def test_programme_errors_name_the_session(data):
    path = data / "programme.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('start: "09.30"', 'start: "halv ti"', 1),
                    encoding="utf-8")
    with pytest.raises(ContentError, match=r"data/programme.yaml: session 'rollen': felt 'start'"):
        load_course(data)


def test_a_file_not_in_utf8_is_reported(data):
    (data / "exercises" / "99_extra.yaml").write_bytes(GOOD_SORTING.replace("Første", "F\xf8rste").encode("latin-1"))
    with pytest.raises(ContentError, match="99_extra.yaml: filen er ikke gemt som UTF-8"):
        load_course(data)


def test_a_notebook_using_an_undefined_exercise_is_reported(content, tmp_path):
    notebook = {"cells": [{"cell_type": "code", "source": ['page.exercise("findes_ikke")'],
                           "metadata": {}, "outputs": [], "execution_count": None}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "50_test.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    with pytest.raises(ContentError, match="notebooks/50_test.ipynb: bruger øvelsen 'findes_ikke'"):
        check_notebooks(content, tmp_path)


# --- sharing with the room and the facilitator's pages --------------------------------------

@pytest.mark.parametrize("change, expected", [
    (("kind: sortering", "kind: sortering\n    shared: ja"), ["øvelse 'quiz'", "felt 'shared'",
                                                            "forventede ja/nej"]),
    (("kind: sortering", "kind: sortering\n    anonymous: 1"), ["felt 'anonymous'", "forventede ja/nej"]),
    (("kind: sortering", "kind: sortering\n    anonymous: true"),
     ["øvelse 'quiz'", "felt 'anonymous'", "sammen med 'shared: true'"]),
])
def test_bad_sharing_fields_are_named(data, change, expected):
    old, new = change
    write(data, "99_extra.yaml", GOOD_SORTING.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    for part in expected:
        assert part in str(error.value)


def test_a_planner_cannot_be_shared_with_the_room(data):
    write(data, "99_extra.yaml", """\
        exercises:
          - id: plan
            kind: planlægger
            title: En plan
            shared: true
            fields: [{id: f1, label: Felt}]
        """)
    with pytest.raises(ContentError, match="øvelse 'plan': felt 'shared': en planlægger kan ikke deles"):
        load_course(data)


def test_the_shipped_shared_exercises(content):
    shared = {ex.id for ex in content.exercises.values() if ex.shared}
    assert {"tjek_ind", "rolle_opgaver", "rolle_betingelser"} <= shared
    assert all(content.exercise(i).anonymous for i in ("tjek_ind", "rolle_betingelser"))
    assert not content.exercise("opgavebeskrivelse").shared


@pytest.mark.parametrize("facilitator, expected", [
    ("  - id: facilitator\n    title: Skærm\n", "facilitatorside 'facilitator': felt 'notebook' mangler"),
    ("  - id: velkommen\n    title: Skærm\n    notebook: 90_skaerm.ipynb\n",
     "session-id 'velkommen' findes to gange"),
    ("  - id: skaerm\n    title: Skærm\n    notebook: 00_velkommen.ipynb\n",
     "'00_velkommen.ipynb' er også en deltagerside"),
    ("  - id: skaerm\n    title: Skærm\n    notebook: Facilitator.ipynb\n",
     "felt 'notebook': 'Facilitator.ipynb' skal hedde som NN_navn.ipynb"),
])
def test_bad_facilitator_pages_are_named(data, facilitator, expected):
    path = data / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("facilitator:\n")
    path.write_text(text[:start] + "facilitator:\n" + facilitator, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_course(data)
    assert "data/programme.yaml" in str(error.value) and expected in str(error.value)
