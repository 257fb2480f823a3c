"""Sparring in trios (course/role_play.py) and the recap of every page (course/recap.py):
roles rotated so everyone has each role once, observation sheets read tolerantly and counted for
the room without their notes, and »Det tager jeg med« gathered in Min første plan."""

import io
from datetime import date

import docx
import pytest

from course import first_plan, recap, role_play
from course.content import ContentError, load_course
from course.document import to_docx, to_markdown
from course.room import SharedAnswer


@pytest.fixture
def trio(content):
    return content.exercise("sparring_trio")


def shared(value, name="Åse"):
    return SharedAnswer(exercise="sparring_trio", name=name, value=value, saved="")


def test_everyone_has_every_role_once_over_the_three_rounds(trio):
    play = trio.role_play
    assert [r.title for r in play.roles] == ["Sparringsgiver", "Sparringstager", "Observatør"]
    for person in range(3):
        assert sorted(role_play.role_index(person, r) for r in range(3)) == [0, 1, 2]
    for r in range(3):
        assert sorted(s.person for s in role_play.seats(play, r)) == ["A", "B", "C"]
    assert [role_play.observer(play, r) for r in range(3)] == ["C", "B", "A"]
    assert role_play.seats(play, 0)[0] == role_play.Seat("A", "Sparringsgiver")
    assert role_play.person_index("B") == 1 and role_play.person_index("D") is None


def test_the_case_cards_and_the_sheet_come_from_the_sources(trio):
    play = trio.role_play
    assert [r.source.split(":")[0] for r in play.rounds] == ["000", "000", "002"]
    assert [look.id for look in play.observation] == ["ugu", "tomm"]
    assert [o.title for o in play.observation[1].options] == [
        "Detektiven",
        "Kaptajnen",
        "Antropologen",
        "Fremtidsforskeren",
    ]
    assert trio.minutes >= len(play.rounds) * play.round_minutes
    assert trio.shared and trio.anonymous


@pytest.mark.parametrize(
    "value",
    [None, "tekst", [], {"sheets": "x"}, {"sheets": {"r1": ["giv"]}}, {"sheets": {"r1": {}}}],
)
def test_odd_saved_values_give_an_empty_sheet(trio, value):
    one = role_play.sheet(trio.role_play, value, "r1")
    assert one == {"ugu": [], "tomm": [], "note": ""}
    assert not role_play.answered(trio, value)


def test_a_sheet_keeps_known_options_only_in_the_sheets_order(trio):
    value = {
        "sheets": {"r1": {"ugu": ["undersoeg_brug", "findes_ikke", "giv"], "tomm": "x", "note": 3}}
    }
    assert role_play.sheet(trio.role_play, value, "r1") == {
        "ugu": ["giv", "undersoeg_brug"],
        "tomm": [],
        "note": "",
    }
    assert role_play.answered(trio, value)
    assert role_play.answered(trio, {"sheets": {"r2": {"note": "Et godt spørgsmål"}}})


def test_the_room_counts_ticks_per_round_and_never_reads_notes(trio):
    values = [
        {"sheets": {"r1": {"ugu": ["undersoeg_behov", "giv"], "tomm": ["detektiven"]}}},
        {"sheets": {"r1": {"ugu": ["giv"], "note": "Navnet på min kollega"}}},
        {"sheets": {"r2": {"tomm": ["kaptajnen", "antropologen"]}}},
        "ødelagt",
    ]
    r1, r2, r3 = role_play.tallies(trio, values)
    assert (r1.sheets, r2.sheets, r3.sheets) == (2, 1, 0)
    assert r1.counts["ugu"] == {"undersoeg_behov": 1, "giv": 2, "undersoeg_brug": 0}
    assert r1.counts["tomm"]["detektiven"] == 1
    assert r2.counts["tomm"] == {
        "detektiven": 0,
        "kaptajnen": 1,
        "antropologen": 1,
        "fremtidsforskeren": 0,
    }
    summary = role_play.summarise(trio, [shared(v) for v in values[:3]] + [shared(values[0], "")])
    first = summary.texts[0]
    assert first.title == "Runde 1: Virksomheden med fra starten"
    assert first.texts == (
        (
            "Åse",
            "Hvilke UGU-faser hørte du? Undersøg behovet, Giv sparring · "
            "Hvilke af Tomms spørgsmålstyper hørte du? Detektiven",
        ),
        (
            "Åse",
            "Hvilke UGU-faser hørte du? Giv sparring · Hvilke af Tomms spørgsmålstyper hørte du? –",
        ),
        (
            "Anonym",
            "Hvilke UGU-faser hørte du? Undersøg behovet, Giv sparring · "
            "Hvilke af Tomms spørgsmålstyper hørte du? Detektiven",
        ),
    )
    assert "Navnet på min kollega" not in repr(summary)


# --- the loader's checks of the two kinds ---------------------------------------------------


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "        - id: r3\n",
            "        - id: r2\n",
            "felt 'role_play': runde-id 'r2' findes to gange",
        ),
        (
            "      round_minutes: 8\n",
            "      round_minutes: 10\n",
            "felt 'minutes': 27 er mindre end rundernes tid (3 × 10 = 30 min.)",
        ),
        (
            "      feedback_minutes: 3\n",
            "      feedback_minutes: 8\n",
            "felt 'feedback_minutes': 8 skal være mindre end en runde (8 min.)",
        ),
        (
            "          title: Hvilke UGU-faser hørte du?\n",
            "          title: Hvilke UGU-faser hørte du?\n          colour: red\n",
            "observationspunkt 'ugu': ukendt felt 'colour'",
        ),
        (
            "            nøglepersonen: »Er det overhovedet umagen værd?«\n",
            "            nøglepersonen: »Er det overhovedet umagen værd?«\n        - id: r4\n"
            "          title: En runde for meget\n          case: Endnu en sag.\n",
            "felt 'rounds': der skal være én runde pr. rolle (3)",
        ),
    ],
)
def test_a_bad_role_play_names_file_exercise_and_field(data, old, new, expected):
    edit(data / "exercises" / "04_sparring.yaml", old, new)
    with pytest.raises(ContentError) as error:
        load_course(data)
    message = str(error.value)
    assert message.startswith("data/exercises/04_sparring.yaml: øvelse 'sparring_trio'")
    assert expected in message


def test_role_play_fields_belong_to_a_role_play_only(data):
    edit(
        data / "exercises" / "00_velkommen.yaml",
        "    social_form: par\n",
        "    social_form: par\n    role_play:\n      roles: []\n      rounds: []\n"
        "      round_minutes: 5\n      observation: []\n",
    )
    with pytest.raises(ContentError, match="felt 'role_play': kan kun bruges i en rollespil"):
        load_course(data)


def test_a_recap_has_three_to_five_points(data):
    path = data / "exercises" / "04_sparring.yaml"
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.rpartition("      - id: p3\n")  # keep p1 and p2 only
    path.write_text(head, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_course(data)
    assert str(error.value) == (
        "data/exercises/04_sparring.yaml: øvelse 'opsamling_sparring': felt 'items': "
        "»Det vigtigste« skal have 3 til 5 punkter, har 2"
    )


def test_a_recap_stays_in_the_room(data):
    edit(
        data / "exercises" / "04_sparring.yaml",
        "    kind: opsamling\n",
        "    kind: opsamling\n    after_course: true\n",
    )
    with pytest.raises(
        ContentError,
        match="øvelse 'opsamling_sparring': felt 'after_course': en opsamling hører til",
    ):
        load_course(data)


# --- »Det tager jeg med« in Min første plan -------------------------------------------------


def test_the_lines_are_gathered_in_programme_order_tidied_and_only_when_written(content):
    answers = {
        "opsamling_sparring": {"tager_med": "  UGU:\nundersøg  først "},
        "opsamling_velkommen": {"tager_med": "Jeg er frontløber"},
        "opsamling_rollen": {"tager_med": "   "},
        "opsamling_bip": {"tager_med": 42},
        "opsamling_min_plan": "ødelagt",
    }
    assert recap.takeaways(content, answers) == [
        ("Velkommen", "Jeg er frontløber"),
        ("Nøglepersonen som sparringspartner", "UGU: undersøg først"),
    ]
    assert recap.document_sections(content, {}) == []


def test_the_first_plan_document_holds_the_lines_as_text(content):
    typed = "<script>alert('æøå')</script> **ikke fed**"
    answers = {"opsamling_sparring": {"tager_med": typed}}
    plan = content.exercise("min_foerste_plan")
    doc = first_plan.build_document(
        content, plan, answers, "Åse", "Jobcenter Ærø", date(2026, 11, 24)
    )
    [section] = [s for s in doc.sections if s.heading == recap.HEADING]
    assert section.table == [
        ["Side", "Det tager jeg med"],
        ["Nøglepersonen som sparringspartner", typed],
    ]
    assert "\\<script\\>" in to_markdown(doc)
    word = docx.Document(io.BytesIO(to_docx(doc)))
    text = "\n".join(cell.text for t in word.tables for row in t.rows for cell in row.cells)
    assert typed in text
