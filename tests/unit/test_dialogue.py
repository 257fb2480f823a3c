"""Structured dialogue and bridging questions: names, the round, the timer and the patterns."""

import random

import pytest

from course.dialogue import (
    MAX_NAMES,
    SpeakerTimer,
    TurnOrder,
    bridging_questions,
    clock_text,
    duration_text,
    fill_pattern,
    genitive,
    parse_names,
    placeholders,
)


def test_names_come_one_per_line_or_separated_by_commas():
    names, problems = parse_names("Kirsten\n  Per   Hansen ,Anne;\n\n Bo ", minimum=2)
    assert names == ["Kirsten", "Per Hansen", "Anne", "Bo"] and problems == []


@pytest.mark.parametrize(
    "text, minimum, expected",
    [
        ("", 2, "Skriv mindst 2 navne – ét pr. linje."),
        (" \n ,", 1, "Skriv mindst ét navn."),
        (
            "Per\nKirsten\nper",
            2,
            "»per« står flere gange. Skriv fx forbogstavet i efternavnet med "
            "(»per H.« og »per S.«), så I kan skelne dem.",
        ),
        (
            "Per\n" + "x" * 41,
            2,
            "»" + "x" * 40 + "…« er for langt (højst 40 tegn). Skriv fx kun fornavnet.",
        ),
        (
            "\n".join(f"Deltager {i}" for i in range(MAX_NAMES + 1)),
            2,
            f"Der kan højst være {MAX_NAMES} navne (du har skrevet {MAX_NAMES + 1}).",
        ),
    ],
)
def test_bad_names_get_a_danish_message(text, minimum, expected):
    assert expected in parse_names(text, minimum)[1]


def test_a_name_written_three_times_is_reported_once():
    assert len(parse_names("Per\nPer\nPER")[1]) == 1


@pytest.mark.parametrize(
    "name, expected", [("Kirsten", "Kirstens"), ("Lars", "Lars'"), ("Max", "Max'"), ("Per", "Pers")]
)
def test_danish_genitive(name, expected):
    assert genitive(name) == expected


def test_the_round_moves_on_until_everyone_has_spoken():
    order = TurnOrder()
    order.set_names(["Kirsten", "Per", "Anne"])
    assert (order.speaker, order.up_next, order.done) == ("Kirsten", "Per", False)
    order.next()
    order.next()
    assert (order.speaker, order.up_next) == ("Anne", None)
    order.next()
    assert order.done and order.speaker is None
    order.next()  # nothing after the end
    assert order.current == 3
    order.restart()
    assert order.speaker == "Kirsten"


def test_moving_a_name_keeps_the_current_speaker_and_new_names_keep_old_notes():
    order = TurnOrder()
    order.set_names(["Kirsten", "Per", "Anne"])
    order.next()  # Per speaks
    assert (
        order.move(0, +1) and order.names == ["Per", "Kirsten", "Anne"] and order.speaker == "Per"
    )
    assert not order.move(2, +1) and not order.move(0, -1)
    order.notes = {"Per": "Selvbooking", "Anne": "Joblog"}
    order.set_names(["Anne", "Bo"])
    assert order.notes == {"Anne": "Joblog"} and order.current == 0


def test_shuffling_uses_the_random_source_given_and_starts_the_round_again():
    order = TurnOrder()
    order.set_names(["A", "B", "C", "D", "E"])
    order.next()
    order.shuffle(random.Random(3))
    expected = ["A", "B", "C", "D", "E"]
    random.Random(3).shuffle(expected)
    assert order.names == expected and order.current == 0


def test_a_saved_round_is_read_back_and_broken_values_are_tolerated():
    order = TurnOrder()
    order.set_names(["Kirsten", "Per"])
    order.notes["Per"] = "Vil prøve UGU"
    order.next()
    assert (
        TurnOrder.from_value(order.to_value()).to_value()
        == order.to_value()
        == {
            "names": ["Kirsten", "Per"],
            "notes": {"Kirsten": "", "Per": "Vil prøve UGU"},
            "current": 1,
        }
    )
    broken = TurnOrder.from_value(
        {"names": ["Per", "per", "", 7, "x" * 80], "notes": {"Per": None}, "current": 99}
    )
    assert broken.names == ["Per", "7", "x" * 40] and broken.notes["Per"] == "" and broken.done
    assert TurnOrder.from_value({"current": True}).current == 0
    assert TurnOrder.from_value("ødelagt") == TurnOrder()


def test_the_timer_counts_down_from_clock_readings_without_waiting():
    timer = SpeakerTimer(120)
    assert timer.remaining(0) == 120 and not timer.running
    timer.start(10.0)
    assert timer.remaining(10.5) == 120  # 2:00 stays for the whole first second
    assert timer.remaining(11.0) == 119
    timer.pause(40.0)
    assert not timer.running and timer.remaining(1000) == 90
    timer.start(100.0)
    assert not timer.tick(189.5) and timer.remaining(189.5) == 1
    assert timer.tick(190.0) and not timer.running and timer.expired(500)
    timer.start(200.0)  # an expired timer does not start again
    assert not timer.running


def test_reset_gives_full_time_and_keeps_a_running_timer_running():
    timer = SpeakerTimer(60)
    timer.start(0)
    timer.reset(45, seconds=30)
    assert timer.running and timer.remaining(45) == 30 and timer.remaining(60) == 15
    timer.pause(60)
    timer.reset(70)
    assert not timer.running and timer.remaining(999) == 30


def test_times_are_shown_as_the_room_reads_them():
    assert [clock_text(s) for s in (120, 65, 9, 0)] == ["2:00", "1:05", "0:09", "0:00"]
    assert [duration_text(s) for s in (30, 60, 90, 120, 150)] == [
        "30 sekunder",
        "1 minut",
        "1½ minut",
        "2 minutter",
        "2½ minut",
    ]


SLIDE = [
    "Hvad tænker I andre om det, som {navn} fortæller?",
    "{til}, vil du prøve at komme med dit perspektiv på det, {navn} taler om?",
    "Hvor ligner {navns} og {andens} ideer hinanden?",
    "Hvad er der af fællestræk i de ting, vi taler om her?",
]


def test_bridging_questions_fill_the_patterns_with_the_chosen_people():
    assert bridging_questions(SLIDE, speaker="Kirsten", other="Lars", addressee="Per") == [
        "Hvad tænker I andre om det, som Kirsten fortæller?",
        "Per, vil du prøve at komme med dit perspektiv på det, Kirsten taler om?",
        "Hvor ligner Kirstens og Lars' ideer hinanden?",
        "Hvad er der af fællestræk i de ting, vi taler om her?",
    ]


def test_a_pattern_needing_someone_not_chosen_or_the_same_person_twice_is_left_out():
    assert bridging_questions(SLIDE) == ["Hvad er der af fællestræk i de ting, vi taler om her?"]
    assert fill_pattern(SLIDE[1], speaker="Per", addressee="per") is None
    assert bridging_questions(SLIDE, speaker="Kirsten") == [
        SLIDE[0].format(navn="Kirsten"),
        SLIDE[3],
    ]


def test_placeholders_are_listed_and_broken_braces_raise():
    assert placeholders("{til}, hvad siger {navns} idé dig?") == ["til", "navns"]
    with pytest.raises(ValueError):
        placeholders("Hvad siger {navn?")
