"""Page 04's trio role-play, every page's recap and the time in every exercise's header, driven
without a browser; and the trio block on the course leader's timer."""

import pytest

from course import timing
from course.room import RoomStore
from course.session import PageRequest
from course.workbook import WorkbookStore
from tests.widgets.test_facilitator import CODE, Clock, participant
from widgets import WIDGETS, CoursePage, FacilitatorPage
from widgets.markup import esc
from widgets.recap import Recap
from widgets.role_play import TrioRolePlay


class Now:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def saved(workbook, exercise_id):
    return WorkbookStore(workbook.path.parent).open(workbook.id).answer(exercise_id)


@pytest.fixture
def trio(content, workbook):
    widget = TrioRolePlay(content.exercise("sparring_trio"), workbook)
    widget.clock = Now()
    return widget


def test_every_exercise_shows_its_minutes_and_social_form_in_its_header(content, workbook):
    for definition in content.exercises.values():
        widget = WIDGETS[definition.kind](definition, workbook, content=content)
        header = widget.children[0].value
        meta = timing.meta_text(definition)
        assert f"{definition.minutes} min." in meta, definition.id
        assert esc(meta) in header, definition.id
        assert ("nk-after-course" in header) == definition.after_course, definition.id


def test_choosing_a_letter_shows_the_role_in_each_round(trio):
    assert "Vælg dit bogstav i trioen" in trio.you.value
    assert "Person C" in trio.round_view.value and "(dig)" not in trio.round_view.value
    trio.person.value = "C"
    assert "I runde 1 er du <b>observatør</b>." in trio.you.value
    assert "<li class=\"nk-you\"><span class='nk-seat-role'>Observatør:</span>" in (
        trio.round_view.value
    )
    assert "det er dig i denne runde" in trio.sheet_head.value
    trio.round.value = "r2"
    assert "I runde 2 er du <b>sparringsgiver</b>." in trio.you.value
    assert "Casekort til runde 2: »Hun får aldrig et job«" in trio.round_view.value
    assert "Udfyldes af observatøren (person B)." in trio.sheet_head.value
    trio.round.value = "r3"
    assert "I runde 3 er du <b>sparringstager</b>." in trio.you.value


def test_each_rounds_sheet_is_kept_in_the_logbog_and_restored(trio, content, workbook):
    trio.person.value = "C"
    trio.ticks["ugu"]["undersoeg_behov"].value = True
    trio.ticks["tomm"]["antropologen"].value = True
    trio.note.value = "»Hvordan tror du, Ali oplever det?« åbnede samtalen"
    trio.round.value = "r2"
    assert not any(box.value for boxes in trio.ticks.values() for box in boxes.values())
    assert trio.note.value == ""
    trio.ticks["ugu"]["giv"].value = True
    expected = {
        "person": "C",
        "round": "r2",
        "sheets": {
            "r1": {
                "ugu": ["undersoeg_behov"],
                "tomm": ["antropologen"],
                "note": "»Hvordan tror du, Ali oplever det?« åbnede samtalen",
            },
            "r2": {"ugu": ["giv"], "tomm": [], "note": ""},
        },
    }
    assert saved(workbook, "sparring_trio") == expected == trio.value
    again = TrioRolePlay(
        content.exercise("sparring_trio"), WorkbookStore(workbook.path.parent).open(workbook.id)
    )
    assert again.value == expected
    assert again.person.value == "C" and again.round.value == "r2"
    assert again.ticks["ugu"]["giv"].value and not again.ticks["ugu"]["undersoeg_behov"].value
    again.round.value = "r1"
    assert again.ticks["tomm"]["antropologen"].value
    assert again.note.value.startswith("»Hvordan tror du")


def test_the_round_timer_counts_on_ticks_from_the_browser_and_never_blocks(trio):
    clock = trio.clock
    assert ">8:00<" in trio.clock_view.value and "Klar – runden tager 8 minutter." in (
        trio.clock_view.value
    )
    assert not trio.ticker.playing and trio.pause_button.disabled
    trio.start_button.click()
    assert trio.ticker.playing and trio.start_button.disabled
    clock.now += 4 * 60 + 30
    trio.ticker.value += 1
    assert ">3:30<" in trio.clock_view.value and "Sparringen er i gang." in trio.clock_view.value
    clock.now += 60
    trio.ticker.value += 1
    assert ">2:30<" in trio.clock_view.value
    assert "Observatørens feedback" in trio.clock_view.value and "nk-low" in trio.clock_view.value
    trio.pause_button.click()
    assert not trio.ticker.playing
    clock.now += 600
    trio.ticker.value += 1
    assert ">2:30<" in trio.clock_view.value and "Uret står stille." in trio.clock_view.value
    trio.start_button.click()
    clock.now += 200
    trio.ticker.value += 1
    assert ">0:00<" in trio.clock_view.value and "nk-up" in trio.clock_view.value
    assert "Tiden er gået – skift roller" in trio.clock_view.value
    assert not trio.ticker.playing and not trio.start_button.disabled
    trio.round.value = "r2"  # a new round starts at full time
    assert ">8:00<" in trio.clock_view.value and "Runde 2" in trio.clock_view.value
    trio.start_button.click()
    clock.now += 10
    trio.reset_button.click()
    assert ">8:00<" in trio.clock_view.value and not trio.ticker.playing


def test_odd_saved_values_restore_to_an_empty_trio(content, workbook):
    workbook.save_answer("sparring_trio", {"person": "Q", "round": "r9", "sheets": ["x"]})
    trio = TrioRolePlay(content.exercise("sparring_trio"), workbook)
    assert trio.person.value is None and trio.round.value == "r1"
    assert trio.value == {"person": "", "round": "r1", "sheets": {}}


def test_the_recap_keeps_the_line_and_shows_the_points_as_text(content, workbook):
    recap = Recap(content.exercise("opsamling_sparring"), workbook)
    assert '<p class="nk-part">Det vigtigste</p><ul class="nk-recap-points">' in (
        recap.points.value
    )
    assert recap.points.value.count("<li>") == 4
    assert recap.line.description == "Det tager jeg med"
    recap.line.value = "<b>Undersøg</b> før jeg giver"
    assert saved(workbook, "opsamling_sparring") == {"tager_med": "<b>Undersøg</b> før jeg giver"}
    again = Recap(content.exercise("opsamling_sparring"), workbook)
    assert again.line.value == "<b>Undersøg</b> før jeg giver"
    workbook.save_answer("opsamling_rollen", {"tager_med": ["ikke", "tekst"]})
    assert Recap(content.exercise("opsamling_rollen"), workbook).line.value == ""


def test_the_programme_shows_each_pages_planned_time_against_its_slot(store):
    page = CoursePage("velkommen", folder=str(store.folder), request=PageRequest(True, ""))
    html = page.programme().value
    assert '<th scope="col">Planlagt i rummet</th>' in html
    sparring = html[html.index("Nøglepersonen som sparringspartner") :]
    sparring = sparring[: sparring.index("</tr>")]
    assert "<span class='nk-plan-count'>43 af 45 min.</span>" in sparring
    assert "<small>+ 48 min. »Øv mere efter kurset«</small>" in sparring
    rollen = html[html.index("Rollen som nøgleperson") :]
    assert "58 af 60 min." in rollen[: rollen.index("</tr>")]
    assert "Øv mere efter kurset" not in rollen[: rollen.index("</tr>")]
    self_study = html[html.index("Selvstudium – baggrundsviden") :]
    assert "Planlagt i rummet" not in self_study
    assert "<td class='nk-time'>ca. 60 min.</td>" in self_study


def test_the_course_leaders_timer_runs_the_rounds_and_counts_the_shared_sheets(store):
    clock = Clock()
    room = RoomStore(store.folder)
    workshop = room.create_workshop("Kursusdag", "2026-11-20")
    facilitator = FacilitatorPage(
        "facilitator", folder=str(store.folder), expected_code=CODE, clock=clock
    )
    facilitator.code.value = CODE
    board = facilitator.dashboard
    board.views.value = "timer"
    [panel] = [c for c in board.panels["timer"].children if "nk-trio-panel" in c._dom_classes]
    buttons = panel.children[1].children
    assert [b.description for b in buttons] == [
        "Runde 1 (8 min)",
        "Runde 2 (8 min)",
        "Runde 3 (8 min)",
    ]
    buttons[1].click()
    assert ">8:00<" in board.clock_view.value
    assert "Casekort til runde 2: »Hun får aldrig et job«" in panel.view.value
    assert "Observatøren lytter efter" in panel.view.value and "Fremtidsforskeren" in (
        panel.view.value
    )
    count = panel.children[3].children[0]
    board.choose.value = ""  # the dashboard opened on the newest workshop
    count.click()
    assert "Vælg en workshop" in panel.tally.value
    board.choose.value = workshop.code
    count.click()
    assert "Ingen observationsark endnu" in panel.tally.value

    people = []
    for name, letter in (("Åse", "C"), ("Per", "A")):
        page, _ = participant(store, name, workshop.code, session="sparring")
        people.append(page.exercise("sparring_trio"))
        people[-1].person.value = letter
    people[0].ticks["ugu"]["giv"].value = True
    people[0].ticks["tomm"]["detektiven"].value = True
    people[0].note.value = "Hemmelig note om Per"
    people[1].round.value = "r3"
    people[1].ticks["ugu"]["giv"].value = True
    count.click()
    tally = panel.tally.value
    assert "Runde 1<br><span class='nk-sheets'>1 ark</span>" in tally
    assert "Runde 2<br><span class='nk-sheets'>0 ark</span>" in tally
    assert "Runde 3<br><span class='nk-sheets'>1 ark</span>" in tally
    giv = tally[tally.index("Giv sparring") :]
    assert giv[: giv.index("</tr>")].count("1 af 1") == 2 and "<td>–</td>" in giv
    assert "Hemmelig note" not in tally
    # »Rummets svar« shows what each observer ticked, never the notes.
    board.views.value = "svar"
    board.exercise.value = "sparring_trio"
    assert "Resultaterne er skjult" in board.answers_view.value  # until the leader shows them
    board.reveal_button.click()
    answers = board.answers_view.value
    assert "<b>2</b> af 2 deltagere har svaret" in answers
    assert (
        "<li><b>Åse:</b> Hvilke UGU-faser hørte du? Giv sparring · Hvilke af Tomms "
        "spørgsmålstyper hørte du? Detektiven</li>"
    ) in answers
    assert "Hemmelig note" not in answers
