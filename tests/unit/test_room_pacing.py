"""The course leader paces the room: open and close, reveal, hide single answers."""

import pytest

from course.report import build, collect
from course.room import ClosedError, ExerciseState, RoomError

WB = ["wb-" + "a" * 20, "wb-" + "b" * 20, "wb-" + "c" * 20]


def test_an_exercise_is_open_and_its_results_held_back_until_the_course_leader_says(room, workshop):
    assert room.state(workshop.code, "tjek_ind") == ExerciseState(open=True, revealed=False)
    assert room.states(workshop.code) == {}
    assert room.set_revealed(workshop.code, "tjek_ind", True) == ExerciseState(True, True)
    assert room.set_open(workshop.code, "tjek_ind", False) == ExerciseState(False, True)
    assert room.states(workshop.code) == {"tjek_ind": ExerciseState(False, True)}
    assert room.state(workshop.code, "rolle_gruppe") == ExerciseState()  # per exercise
    other = room.create_workshop("Kursusdag Odense", "2026-11-21")
    assert room.state(other.code, "tjek_ind") == ExerciseState()  # per workshop


def test_a_closed_exercise_refuses_new_answers_and_keeps_the_old_ones(room, workshop):
    room.record(workshop.code, "tjek_ind", WB[0], "Åse", {"ser_frem_til": "Før lukning"})
    room.set_open(workshop.code, "tjek_ind", False)
    with pytest.raises(ClosedError, match="lukket for svar"):
        room.record(workshop.code, "tjek_ind", WB[0], "Åse", {"ser_frem_til": "Efter"})
    with pytest.raises(ClosedError):
        room.record(workshop.code, "tjek_ind", WB[1], "Per", {"ser_frem_til": "Ny"})
    assert [a.value for a in room.answers(workshop.code, "tjek_ind")] == [
        {"ser_frem_til": "Før lukning"}
    ]
    room.record(workshop.code, "rolle_gruppe", WB[1], "Per", {"rollen": "Åben"})  # others open
    room.set_open(workshop.code, "tjek_ind", True)
    room.record(workshop.code, "tjek_ind", WB[1], "Per", {"ser_frem_til": "Ny"})
    assert len(room.answers(workshop.code, "tjek_ind")) == 2


def test_pacing_needs_a_workshop_that_exists(room):
    with pytest.raises(RoomError, match="ingen workshop med koden"):
        room.set_open("K7M4QX", "tjek_ind", False)


def test_a_hidden_answer_stays_in_the_store_marked_and_comes_back(room, workshop):
    for wb, name in zip(WB, ("Åse", "Per", None)):
        room.record(workshop.code, "tjek_ind", wb, name, {"ser_frem_til": f"Svar fra {name}"})
    per = next(a for a in room.answers(workshop.code, "tjek_ind") if a.name == "Per")
    before = room.exercise_fingerprint(workshop.code, "tjek_ind")
    room.set_hidden(workshop.code, "tjek_ind", per.key, True)
    room.set_hidden(workshop.code, "tjek_ind", per.key, True)  # twice is once
    assert room.exercise_fingerprint(workshop.code, "tjek_ind") != before  # pages redraw
    assert [a.name for a in room.answers(workshop.code, "tjek_ind")] == ["Åse", ""]
    every = room.answers(workshop.code, "tjek_ind", with_hidden=True)
    assert [(a.name, a.hidden) for a in every] == [("Åse", False), ("Per", True), ("", False)]
    # A hidden answer stays hidden when its author changes it.
    room.record(workshop.code, "tjek_ind", WB[1], "Per", {"ser_frem_til": "Rettet"})
    assert "Per" not in [a.name for a in room.answers(workshop.code, "tjek_ind")]
    room.set_hidden(workshop.code, "tjek_ind", per.key, False)
    assert [a.name for a in room.answers(workshop.code, "tjek_ind")] == ["Åse", "", "Per"]


def test_the_fingerprint_follows_pacing_so_every_screen_redraws(room, workshop):
    first = room.fingerprint(workshop.code)
    room.set_revealed(workshop.code, "tjek_ind", True)
    second = room.fingerprint(workshop.code)
    assert second != first
    room.set_open(workshop.code, "tjek_ind", False)
    assert room.fingerprint(workshop.code) != second


def test_hidden_answers_never_reach_the_report(content, room, workshop):
    room.record(workshop.code, "tjek_ind", WB[0], "Åse", {"ser_frem_til": "Værktøjer"})
    room.record(workshop.code, "tjek_ind", WB[1], "Per", {"ser_frem_til": "PINLIGT PRIVAT"})
    per = next(a for a in room.answers(workshop.code, "tjek_ind") if a.name == "Per")
    room.set_hidden(workshop.code, "tjek_ind", per.key, True)
    doc = build(content, *collect(content, room, workshop.code))
    text = str([(s.heading, s.paragraphs, s.table) for s in doc.sections])
    assert "Værktøjer" in text and "PINLIGT PRIVAT" not in text and "Per" not in text
