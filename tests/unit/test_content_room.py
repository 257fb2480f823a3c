"""Content schema of sharing with the room and of the facilitator's pages."""

import pytest

from course.content import ContentError, load_course
from tests.unit.test_content import GOOD_SORTING, write

# --- sharing with the room and the facilitator's pages --------------------------------------


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ("kind: sortering", "kind: sortering\n    shared: ja"),
            ["øvelse 'quiz'", "felt 'shared'", "forventede ja/nej"],
        ),
        (
            ("kind: sortering", "kind: sortering\n    anonymous: 1"),
            ["felt 'anonymous'", "forventede ja/nej"],
        ),
        (
            ("kind: sortering", "kind: sortering\n    anonymous: true"),
            ["øvelse 'quiz'", "felt 'anonymous'", "sammen med 'shared: true'"],
        ),
    ],
)
def test_bad_sharing_fields_are_named(data, change, expected):
    old, new = change
    write(data, "99_extra.yaml", GOOD_SORTING.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    for part in expected:
        assert part in str(error.value)


def test_a_planner_cannot_be_shared_with_the_room(data):
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
            shared: true
            fields: [{id: f1, label: Felt}]
        """,
    )
    with pytest.raises(
        ContentError, match="øvelse 'plan': felt 'shared': en planlægger kan ikke deles"
    ):
        load_course(data)


def test_the_shipped_shared_exercises(content):
    shared = {ex.id for ex in content.exercises.values() if ex.shared}
    assert {"tjek_ind", "rolle_opgaver", "rolle_betingelser"} <= shared
    assert all(content.exercise(i).anonymous for i in ("tjek_ind", "rolle_betingelser"))
    assert content.exercise("handleplan").shared and content.exercise("handleplan").anonymous
    assert not content.exercise("opgavebeskrivelse").shared


@pytest.mark.parametrize(
    "facilitator, expected",
    [
        (
            "  - id: facilitator\n    title: Skærm\n",
            "facilitatorside 'facilitator': felt 'notebook' mangler",
        ),
        (
            "  - id: velkommen\n    title: Skærm\n    notebook: 90_skaerm.ipynb\n",
            "session-id 'velkommen' findes to gange",
        ),
        (
            "  - id: skaerm\n    title: Skærm\n    notebook: 00_velkommen.ipynb\n",
            "'00_velkommen.ipynb' er også en deltagerside",
        ),
        (
            "  - id: skaerm\n    title: Skærm\n    notebook: Facilitator.ipynb\n",
            "felt 'notebook': 'Facilitator.ipynb' skal hedde som NN_navn.ipynb",
        ),
    ],
)
def test_bad_facilitator_pages_are_named(data, facilitator, expected):
    path = data / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("facilitator:\n")
    path.write_text(text[:start] + "facilitator:\n" + facilitator, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_course(data)
    assert "data/programme.yaml" in str(error.value) and expected in str(error.value)


def test_opt_in_needs_a_shared_exercise(data):
    write(
        data,
        "99_extra.yaml",
        GOOD_SORTING.replace("kind: sortering", "kind: sortering\n    opt_in: true", 1),
    )
    with pytest.raises(
        ContentError, match="øvelse 'quiz': felt 'opt_in': giver kun mening sammen med"
    ):
        load_course(data)
