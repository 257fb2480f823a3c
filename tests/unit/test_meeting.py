"""The I DO ART meeting plan: time arithmetic, the fit of the agenda, checks and the document."""

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course import charts, danish, meeting
from course.document import to_markdown


@pytest.fixture
def plan_exercise(content):
    return content.exercise("moedeplan")


def complete_plan(**changes):
    plan = {
        "fields": {
            "intention": "At blive klogere på jobaftaler",
            "desired_outcome": "Én ting, hver især vil prøve",
            "rules_roles": "Vi lytter færdigt. Anne skriver på flipoveren.",
        },
        "agenda": [
            {"title": "Velkommen og I DO ART", "minutes": "10"},
            {"title": "Runde: erfaringer med jobaftaler", "minutes": "40"},
        ],
        "start": "09.30",
        "minutes": "50",
    }
    plan.update(changes)
    return plan


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("9.30", 570),
        ("09.30", 570),
        ("09:30", 570),
        (" 9 ", 540),
        ("00.00", 0),
        ("23.59", 1439),
        ("24.00", None),
        ("9.60", None),
        ("9,30", None),
        ("ni", None),
        ("", None),
        (None, None),
        ("9.3", None),
    ],
)
def test_clock_times_are_read_the_danish_way(text, minutes):
    assert danish.parse_clock(text) == minutes


def test_clock_and_minutes_are_written_in_danish():
    assert danish.clock(570) == "09.30" and danish.clock(0) == "00.00"
    assert meeting.minutes_text(1) == "1 minut" and meeting.minutes_text(5) == "5 minutter"


def test_the_schedule_runs_the_agenda_from_the_start_time():
    slots = meeting.schedule(complete_plan())
    assert [(s.title, s.times, s.minutes) for s in slots] == [
        ("Velkommen og I DO ART", "09.30–09.40", 10),
        ("Runde: erfaringer med jobaftaler", "09.40–10.20", 40),
    ]
    assert meeting.schedule(complete_plan(start="")) == []


def test_a_row_with_bad_minutes_takes_no_time_and_is_reported(plan_exercise):
    plan = complete_plan(
        agenda=[
            {"title": "A", "minutes": "ti"},
            {"title": "B", "minutes": "0"},
            {"title": "C", "minutes": "15"},
        ]
    )
    assert [s.times for s in meeting.schedule(plan)] == [
        "09.30–09.30",
        "09.30–09.30",
        "09.30–09.45",
    ]
    problems = meeting.problems(plan_exercise, plan)
    assert "Punkt 1 på dagsordenen: skriv antal minutter som et helt tal fra 1 til 480." in problems
    assert any(p.startswith("Punkt 2 på dagsordenen: skriv antal minutter") for p in problems)


def test_an_agenda_longer_than_the_time_frame_says_by_how_many_minutes(plan_exercise):
    plan = complete_plan(minutes="45")
    fit = meeting.fit(plan_exercise, plan)
    assert (fit.planned, fit.total, fit.over, fit.tone) == (50, 45, 5, "warn")
    assert fit.message().startswith(
        "Dagsordenen er 5 minutter for lang: punkterne fylder 50 minutter, "
        "men tidsrammen er 45 minutter."
    )
    assert fit.message() in meeting.problems(plan_exercise, plan)
    assert meeting.Fit(46, 45).message().startswith("Dagsordenen er 1 minut for lang")


def test_an_agenda_that_fits_is_not_a_problem(plan_exercise):
    assert meeting.fit(plan_exercise, complete_plan()).message() == (
        "Dagsordenen passer præcis til tidsrammen på 50 minutter."
    )
    roomy = meeting.fit(plan_exercise, complete_plan(minutes="60"))
    assert roomy.tone == "ok" and "Der er 10 minutter til overs" in roomy.message()
    assert meeting.problems(plan_exercise, complete_plan(minutes="60")) == []


def test_an_empty_plan_lists_everything_that_is_missing(plan_exercise):
    problems = meeting.problems(plan_exercise, {})
    assert problems == [
        "Udfyld feltet »Intentionen: Hvad er det overordnede formål med processen?«.",
        "Udfyld feltet »Desired outcome: Hvad vil vi konkret opnå med processen?«.",
        "Udfyld feltet »Rules and roles: Hvad er vores spilleregler? Hvordan skal vi samarbejde? "
        "Hvem gør hvad?«.",
        "Skriv mindst ét punkt på dagsordenen.",
        "Skriv, hvornår mødet starter, fx 09.30.",
        "Skriv mødets samlede tid i minutter, fx 60.",
    ]
    assert meeting.fit(plan_exercise, {}) is None


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"start": "9,30"}, "»9,30« er ikke et klokkeslæt. Skriv det som fx 09.30."),
        ({"minutes": "5"}, "Mødets samlede tid skal være et helt antal minutter mellem 10 og 480."),
        (
            {"minutes": "en time"},
            "Mødets samlede tid skal være et helt antal minutter mellem 10 og 480.",
        ),
        ({"start": "23.30", "minutes": "60"}, "Mødet slutter efter midnat."),
        (
            {"agenda": [{"title": "  ", "minutes": "10"}, {"title": "B", "minutes": "10"}]},
            "Punkt 1 på dagsordenen mangler en overskrift (eller fjern punktet).",
        ),
        (
            {"agenda": [{"title": "x" * 201, "minutes": "10"}]},
            "Punkt 1 på dagsordenen er for langt",
        ),
    ],
)
def test_each_kind_of_mistake_gets_its_own_danish_message(plan_exercise, changes, expected):
    problems = meeting.problems(plan_exercise, complete_plan(**changes))
    assert any(p.startswith(expected) for p in problems), problems


def test_hand_edited_values_are_normalised():
    value = meeting.normalise(
        {
            "fields": {"intention": None},
            "agenda": ["x", {"title": 7, "minutes": 15}],
            "start": None,
            "minutes": 60,
        }
    )
    assert value == {
        "fields": {"intention": ""},
        "agenda": [{"title": "7", "minutes": "15"}],
        "start": "",
        "minutes": "60",
    }
    assert meeting.normalise("ødelagt") == {"fields": {}, "agenda": [], "start": "", "minutes": ""}
    assert len(meeting.normalise({"agenda": [{"title": "a"}] * 50})["agenda"]) == meeting.MAX_ITEMS


def test_the_document_follows_i_do_art_with_an_agenda_table_and_the_timeline(plan_exercise):
    png = b"\x89PNG fake"
    doc = meeting.build_document(
        plan_exercise,
        complete_plan(),
        "Åse Ørsted",
        "Jobcenter Ærø",
        today=date(2026, 11, 24),
        picture=png,
    )
    assert doc.title == "Mødeplan – I DO ART"
    assert doc.meta == ["Nøgleperson: Åse Ørsted", "Jobcenter: Jobcenter Ærø", "Dato: 24.11.2026"]
    assert [s.heading.split(":")[0] for s in doc.sections] == [
        "Intentionen",
        "Desired outcome",
        "Agenda",
        "Rules and roles",
        "Time",
    ]
    agenda = doc.sections[2]
    assert agenda.table == [
        ["Tid", "Punkt", "Minutter"],
        ["09.30–09.40", "Velkommen og I DO ART", "10"],
        ["09.40–10.20", "Runde: erfaringer med jobaftaler", "40"],
    ]
    assert agenda.images == [png]
    assert doc.sections[4].paragraphs == ["Kl. 09.30–10.20 (50 minutter)"]
    markdown = to_markdown(doc)
    assert "| Tid | Punkt | Minutter |" in markdown and "Velkommen og I DO ART" in markdown


def test_the_timeline_is_a_png_for_a_plan_that_fits_and_one_that_does_not():
    slots = [("Velkommen", 570, 580), ("Runde", 580, 620)]
    for frame in ((570, 630), (570, 600), None):
        png = charts.agenda_timeline(slots, frame)
        assert png.startswith(b"\x89PNG") and len(png) > 5_000


@given(
    st.lists(st.integers(min_value=1, max_value=meeting.MAX_ITEM_MINUTES), min_size=1, max_size=12),
    st.integers(min_value=10, max_value=480),
    st.integers(min_value=0, max_value=23 * 60),
)
def test_slots_follow_each_other_and_the_fit_counts_every_minute(lengths, total, start):
    from course.content import course

    exercise = course().exercise("moedeplan")  # loaded once per process
    plan = complete_plan(
        agenda=[{"title": f"P{i}", "minutes": str(n)} for i, n in enumerate(lengths)],
        start=danish.clock(start),
        minutes=str(total),
    )
    slots = meeting.schedule(plan)
    assert slots[0].start == start and slots[-1].end == start + sum(lengths)
    assert all(a.end == b.start for a, b in pairwise(slots))
    fit = meeting.fit(exercise, plan)
    assert fit.over == sum(lengths) - total
    assert (fit.message() in meeting.problems(exercise, plan)) == (fit.over > 0)
