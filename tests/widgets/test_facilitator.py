"""The facilitator's screen without a browser: the lock, workshops, live answers, timer, models."""

import re

import pytest

from course.room import RoomStore
from course.session import PageRequest
from tests.widgets.test_page import find
from widgets import CoursePage, FacilitatorPage
from widgets.facilitator import REDRAW_SECONDS

CODE = "K7M4QXPR2D"


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def facilitator(store, clock):
    return FacilitatorPage("facilitator", folder=str(store.folder), expected_code=CODE, clock=clock)


def participant(store, name, code, session="velkommen"):
    page = CoursePage(session, folder=str(store.folder), request=PageRequest(True, ""))
    exercises = {ex: page.exercise(ex) for ex in ("tjek_ind",)} if session == "velkommen" else {}
    wb = page.store.create(name, "Jobcenter Ærø")
    assert page._join(code, wb)
    page._attach(wb)
    return page, exercises


def texts(widget):
    """Every text a widget tree shows (HTML values and descriptions)."""
    own = [str(getattr(widget, a, "")) for a in ("value", "description")]
    return " ".join(own + [texts(c) for c in getattr(widget, "children", ())])


def test_the_page_shows_nothing_but_the_lock_until_the_code_matches(facilitator):
    assert facilitator.dashboard is None and facilitator.children[1] is facilitator.lock
    assert "Rummets svar" not in texts(facilitator)
    facilitator.code.value = "forkert"
    assert "Koden passer ikke" in facilitator.message.value and facilitator.code.value == ""
    assert facilitator.dashboard is None and not facilitator.ticker.playing
    facilitator.code.value = CODE.lower()  # case matters
    assert facilitator.dashboard is None
    facilitator.code.value = CODE
    assert facilitator.dashboard is not None and facilitator.ticker.playing
    assert facilitator.lock not in facilitator.children
    assert "Rummets svar" in texts(facilitator) and "Timer til gruppearbejde" in texts(facilitator)


def test_a_server_without_a_code_keeps_the_page_locked(store, monkeypatch):
    monkeypatch.delenv("NOEGLEPERSONKURSUS_FACILITATORKODE", raising=False)
    page = FacilitatorPage("facilitator", folder=str(store.folder))
    page.code.value = ""
    page.unlock_button.click()
    assert "serveren er startet uden en facilitatorkode" in page.message.value
    assert page.dashboard is None
    monkeypatch.setenv("NOEGLEPERSONKURSUS_FACILITATORKODE", CODE)
    page.unlock_button.click()  # the field is empty: still locked
    assert page.dashboard is None
    page.code.value = CODE
    assert page.dashboard is not None


def test_create_a_workshop_and_show_its_code_large(facilitator, store):
    facilitator.code.value = CODE
    board = facilitator.dashboard
    board.new_name.value = ""
    board.create_button.click()
    assert "Giv workshoppen et navn" in board.message.value
    board.new_name.value = "Kursusdag <Aarhus>"
    board.create_button.click()
    [workshop] = RoomStore(store.folder).workshops()
    assert board.choose.value == workshop.code and board.workshop == workshop
    assert (
        f'<div class="nk-code" aria-label="Workshopkode">{workshop.code}</div>'
        in board.code_view.value
    )
    assert "Kursusdag &lt;Aarhus&gt;" in board.roombar.value
    # A second dashboard (another tab) finds the workshop and chooses the newest.
    other = FacilitatorPage("facilitator", folder=str(store.folder), expected_code=CODE)
    other.code.value = CODE
    assert other.dashboard.workshop == workshop


def test_the_room_answers_appear_on_the_next_tick(facilitator, store, clock):
    room = RoomStore(store.folder)
    workshop = room.create_workshop("Kursusdag", "2026-11-20")
    facilitator.code.value = CODE
    board = facilitator.dashboard
    board.views.value = "svar"
    assert board.exercise.value == "tjek_ind"
    assert "Resultaterne er skjult" in board.answers_view.value  # held back until revealed
    board.reveal_button.click()
    assert (
        "<b>0</b> har svaret" in board.answers_view.value
        and "Ingen svar endnu" in board.answers_view.value
    )
    pages = [participant(store, f"Deltager {i}", workshop.code) for i in range(3)]
    for i, (_, exercises) in enumerate(pages):
        exercises["tjek_ind"].boxes["ser_frem_til"].value = f"Sparring med kollegaer nr. {i}"
    facilitator.ticker.value += 1  # too soon after the last picture: nothing redrawn yet
    assert "<b>0</b> har svaret" in board.answers_view.value
    clock.now += REDRAW_SECONDS
    facilitator.ticker.value += 1
    assert "<b>3</b> af 3 deltagere har svaret" in board.answers_view.value
    assert "<b>3</b> deltagere er med" in board.roombar.value
    assert "<b>Deltager 2:</b> Sparring med kollegaer nr. 2" in board.answers_view.value
    assert re.search(r'alt="De hyppigste ord: [^"]*sparring \(3\)', board.answers_view.value)
    # Nothing new: the picture is not redrawn.
    before = board.answers_view.value
    clock.now += REDRAW_SECONDS
    board.answers_view.value = "sentinel"
    facilitator.ticker.value += 1
    assert board.answers_view.value == "sentinel"
    board.refresh(force=True)
    assert board.answers_view.value == before


def test_the_scale_shows_a_histogram_and_anonymous_answers_no_name(facilitator, store, clock):
    room = RoomStore(store.folder)
    workshop = room.create_workshop("Kursusdag", "2026-11-20")
    facilitator.code.value = CODE
    board = facilitator.dashboard
    board.views.value = "svar"
    board.exercise.value = "rolle_betingelser"
    board.reveal_button.click()
    for i, rating in enumerate((1, 4, 4)):
        page, _ = participant(store, f"Deltager {i}", workshop.code)
        scale = CoursePage(
            "rollen", folder=str(store.folder), request=PageRequest(True, page.workbook.id)
        ).exercise("rolle_betingelser")
        scale.sharing.anonymous.value = i == 0
        scale.ratings["legitimitet"].value = rating
        scale.texts["vigtigst"].value = f"Svar fra nr. {i}"
    clock.now += REDRAW_SECONDS
    facilitator.ticker.value += 1
    view = board.answers_view.value
    assert "<b>3</b> af 3 deltagere har svaret" in view
    assert (
        'alt="Søjlediagram over rummets svar. Legitimitet: Jeg har legitimiteten til at løfte '
        "de opgaver, vi aftaler: 3 svar, gennemsnit 3,0" in view
    )
    assert "<b>Anonym:</b> Svar fra nr. 0" in view and "Deltager 0" not in view


def test_participant_html_is_shown_as_text(facilitator, store, clock):
    room = RoomStore(store.folder)
    workshop = room.create_workshop("Kursusdag", "2026-11-20")
    room.record(
        workshop.code,
        "tjek_ind",
        "x" * 22,
        "<img src=x onerror=alert(1)>",
        {"brug_for": "<script>alert('rum')</script> & <b>fed</b>"},
    )
    facilitator.code.value = CODE
    board = facilitator.dashboard
    board.views.value = "svar"
    board.reveal_button.click()
    view = board.answers_view.value
    assert "<script>" not in view and "<img src=x" not in view and "<b>fed</b>" not in view
    assert (
        "&lt;script&gt;alert(&#x27;rum&#x27;)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;" in view
    )
    assert "&lt;img src=x onerror=alert(1)&gt;" in view


def test_the_ranking_shows_the_average_place(facilitator, store, clock):
    room = RoomStore(store.folder)
    workshop = room.create_workshop("Kursusdag", "2026-11-20")
    page, _ = participant(store, "Karen", workshop.code)
    ranking = CoursePage(
        "rollen", folder=str(store.folder), request=PageRequest(True, page.workbook.id)
    ).exercise("rolle_opgaver")
    ranking.move(1, -1)  # sparring first
    facilitator.code.value = CODE
    board = facilitator.dashboard
    board.views.value = "svar"
    board.exercise.value = "rolle_opgaver"
    board.reveal_button.click()
    assert (
        "Sparring til kolleger i den jobrettede samtale: gennemsnitlig plads 1,0"
        in board.answers_view.value
    )


def test_the_timer_counts_down_on_ticks(facilitator, clock):
    facilitator.code.value = CODE
    board = facilitator.dashboard
    board.views.value = "timer"
    assert ">10:00<" in board.clock_view.value and "Klar" in board.clock_view.value
    find(board, type(board.start_button), "15 min")[0].click()
    assert ">15:00<" in board.clock_view.value
    board.own_minutes.value = 3
    find(board, type(board.start_button), "Sæt")[0].click()
    board.start_button.click()
    clock.now += 65
    facilitator.ticker.value += 1
    assert ">1:55<" in board.clock_view.value and "i gang" in board.clock_view.value
    board.pause_button.click()
    clock.now += 500
    facilitator.ticker.value += 1
    assert ">1:55<" in board.clock_view.value and "På pause" in board.clock_view.value
    board.start_button.click()
    clock.now += 115
    facilitator.ticker.value += 1
    assert ">0:00<" in board.clock_view.value and "Tiden er gået!" in board.clock_view.value
    assert "nk-done" in board.clock_view.value
    board.reset_button.click()
    assert ">3:00<" in board.clock_view.value


def test_views_projector_and_models(facilitator):
    facilitator.code.value = CODE
    board = facilitator.dashboard
    assert "nk-hidden" in board.panels["modeller"]._dom_classes
    board.views.value = "modeller"
    assert "nk-hidden" not in board.panels["modeller"]._dom_classes
    assert "nk-hidden" in board.panels["workshop"]._dom_classes
    assert 'alt="Modellen Revans&#x27; læringscyklus.' in board.model_view.value
    board.model.value = "tomm"
    assert "Detektiven" in board.model_view.value and "Baggrund:" in board.model_view.value
    assert "data:image/png;base64," in board.model_view.value
    board.projector.value = True
    assert "nk-projector" in board._dom_classes
    board.projector.value = False
    assert "nk-projector" not in board._dom_classes


def test_every_bad_text_from_the_bad_input_catalogue_stays_text(facilitator, store):
    from tests.bad_input import BAD_TEXTS
    from tests.widgets.test_bad_input import assert_not_live

    room = RoomStore(store.folder)
    workshop = room.create_workshop("Kursusdag", "2026-11-20")
    for i, (case, text) in enumerate(BAD_TEXTS.items()):
        room.record(
            workshop.code,
            "tjek_ind",
            f"wb-{i:03d}" + "x" * 16,
            text[:100] or None,
            {"ser_frem_til": text, "brug_for": case},
        )
        room.record(
            workshop.code,
            "rolle_opgaver",
            f"wb-{i:03d}" + "x" * 16,
            "Karen",
            {"order": [{"id": "egen-1", "text": text, "own": True}]},
        )
    facilitator.code.value = CODE
    board = facilitator.dashboard
    board.views.value = "svar"
    for exercise in ("tjek_ind", "rolle_opgaver"):
        board.exercise.value = exercise
        board.reveal_button.click()
        view = board.answers_view.value
        assert "har svaret" in view and "data:image/png" in view
        for text in BAD_TEXTS.values():
            assert_not_live(view, text)
    assert board.message.value == ""
