"""Page 03's exercises driven without a browser: set values, click, read what is saved."""

import base64
import io
import random
import re

import docx
import pytest

from course.workbook import WorkbookStore
from widgets import BridgingQuestions, DialogueBoard, MeetingPlanner, Sorting


def saved(workbook, exercise_id):
    """What is on disk, read through a fresh store (not the widget's memory)."""
    return WorkbookStore(workbook.path.parent).open(workbook.id).answer(exercise_id)


# --- the I DO ART meeting plan ----------------------------------------------------------


@pytest.fixture
def plan(content, workbook):
    return MeetingPlanner(content.exercise("moedeplan"), workbook)


def fill_agenda(plan, rows):
    for i, (title, minutes) in enumerate(rows):
        if i >= len(plan.row_controls):
            plan.add_button.click()
        plan.row_controls[i]["title"].value = title
        plan.row_controls[i]["minutes"].value = minutes


def test_the_agenda_is_timed_live_and_says_how_many_minutes_too_long(plan, workbook):
    fill_agenda(plan, [("Velkommen og I DO ART", "10"), ("Runde om jobaftaler", "40")])
    assert "Dagsordenen fylder 50 minutter. Udfyld tidsrammen nedenfor" in plan.fit_view.value
    assert "0–10 min" in plan.row_times[0].value and "10–50 min" in plan.row_times[1].value
    plan.start.value = "09.30"
    plan.total.value = "45"
    assert "09.40–10.20" in plan.row_times[1].value
    assert (
        "Dagsordenen er 5 minutter for lang" in plan.fit_view.value
        and "nk-warn" in plan.fit_view.value
    )
    assert "Tidsrammen: Kl. 09.30–10.15 (45 minutter)." in plan.frame_view.value
    plan.total.value = "5"
    assert "helt antal minutter mellem 10 og 480" in plan.fit_view.value
    plan.total.value = "60"
    assert "Der er 10 minutter til overs" in plan.fit_view.value and "nk-ok" in plan.fit_view.value
    assert saved(workbook, "moedeplan")["agenda"] == [
        {"title": "Velkommen og I DO ART", "minutes": "10"},
        {"title": "Runde om jobaftaler", "minutes": "40"},
    ]


def test_rows_are_added_moved_and_removed_with_buttons(plan, workbook):
    fill_agenda(plan, [("A", "5"), ("B", "10"), ("C", "15")])
    first = plan.row_controls[0]
    assert (
        first["up"].disabled
        and not first["down"].disabled
        and plan.row_controls[2]["down"].disabled
    )
    plan.row_controls[2]["up"].click()
    assert [r["title"] for r in saved(workbook, "moedeplan")["agenda"]] == ["A", "C", "B"]
    plan.row_controls[0]["remove"].click()
    assert [c["title"].value for c in plan.row_controls] == ["C", "B"]
    assert [r["title"] for r in saved(workbook, "moedeplan")["agenda"]] == ["C", "B"]
    for _ in range(30):
        plan.add_button.click()
    assert len(plan.row_controls) == 20 and "højst have 20 punkter" in plan.agenda_message.value


def test_making_the_plan_lists_problems_then_gives_word_markdown_and_a_timeline(plan, workbook):
    plan.make_button.click()
    assert "Mødeplanen er ikke færdig endnu" in plan.result.value
    assert "Skriv mindst ét punkt på dagsordenen." in plan.result.value
    fill_agenda(plan, [("Velkommen <b>og</b> I DO ART", "10"), ("Runde", "40")])
    plan.start.value, plan.total.value = "09.30", "45"
    plan.texts["intention"].value = "At blive klogere"
    plan.texts["desired_outcome"].value = "Én ting hver"
    plan.texts["rules_roles"].value = "Vi lytter færdigt"
    plan.make_button.click()
    assert "Dagsordenen er 5 minutter for lang" in plan.result.value
    assert re.search(
        r'<img class="nk-picture" alt="Tidslinje for mødet: 09.30–09.40 Velkommen '
        r'&lt;b&gt;og&lt;/b&gt; I DO ART; 09.40–10.20 Runde\. Tidsrammen slutter kl\. 10.15\."',
        plan.result.value,
    )
    plan.total.value = "50"
    assert plan.result.value == ""  # the old result no longer matches the form
    plan.make_button.click()
    assert "Mødeplanen er klar" in plan.result.value and "<b>og</b>" not in plan.result.value
    link = re.search(
        r'download="([^"]+\.docx)" href="data:[^;]+;base64,([^"]+)"', plan.result.value
    )
    assert link.group(1) == "Mødeplan-I-DO-ART-Karen-Jensen.docx"
    word = docx.Document(io.BytesIO(base64.b64decode(link.group(2))))
    assert [c.text for c in word.tables[0].rows[1].cells] == [
        "09.30–09.40",
        "Velkommen <b>og</b> I DO ART",
        "10",
    ]
    assert len(word.inline_shapes) == 1  # the timeline
    markdown = re.search(
        r'download="[^"]+\.md" href="data:[^"]*?;base64,([^"]+)"', plan.result.value
    )
    assert "| 09\\.30–09.40 | Velkommen \\<b\\>og\\</b\\> I DO ART | 10 |" in (
        base64.b64decode(markdown.group(1)).decode("utf-8")
    )


def test_the_plan_is_restored_and_a_hand_edited_plan_does_not_break_the_page(
    content, plan, workbook
):
    fill_agenda(plan, [("Velkommen", "10"), ("Runde", "40")])
    plan.start.value = "13.00"
    plan.texts["intention"].value = "Formålet"
    again = MeetingPlanner(content.exercise("moedeplan"), workbook)
    assert [c["title"].value for c in again.row_controls] == ["Velkommen", "Runde"]
    assert again.start.value == "13.00" and again.texts["intention"].value == "Formålet"
    assert "13.10–13.50" in again.row_times[1].value
    workbook.save_answer(
        "moedeplan", {"fields": "x", "agenda": [{"title": 5, "minutes": None}, "y"], "minutes": 30}
    )
    broken = MeetingPlanner(content.exercise("moedeplan"), workbook)
    assert [c["title"].value for c in broken.row_controls] == ["5"]
    assert broken.total.value == "30" and broken.texts["intention"].value == ""


# --- the dialogue board --------------------------------------------------------------------


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def board(content, workbook):
    b = DialogueBoard(content.exercise("struktureret_dialog"), workbook)
    b.clock = FakeClock()
    return b


def tick(board, seconds):
    """Time passes, then the browser's Play widget sends a tick."""
    board.clock.now += seconds
    board.ticker.value += 1


def test_names_are_checked_before_they_go_on_the_board(board):
    board.use_button.click()
    assert "Skriv mindst 2 navne" in board.names_message.value
    board.names_box.value = "Kirsten\nPer\nkirsten\n" + "L" * 45
    board.use_button.click()
    assert "»kirsten« står flere gange" in board.names_message.value
    assert "er for langt (højst 40 tegn)" in board.names_message.value
    assert board.order.names == [] and "Ingen navne på tavlen" in board.speaker_view.value
    board.shuffle_button.click()
    assert "tryk på »Brug navnene« først" in board.names_message.value


def test_the_round_highlights_the_speaker_and_the_timer_runs_on_ticks(board, workbook):
    board.names_box.value = "Kirsten\nPer\nAnne"
    board.use_button.click()
    assert "Nu taler" in board.speaker_view.value and ">Kirsten<" in board.speaker_view.value
    assert "Derefter: Per" in board.speaker_view.value and ">2:00<" in board.timer_view.value
    assert (
        "nk-current" in board.rows.children[0]._dom_classes
        and "▶ Taler nu" in board.row_labels[0][1].value
    )
    assert board.start_button.disabled is False and board.pause_button.disabled
    board.start_button.click()
    assert board.ticker.playing and board.timer.running
    tick(board, 0.5)
    assert ">2:00<" in board.timer_view.value
    tick(board, 45)
    assert ">1:15<" in board.timer_view.value and "nk-low" not in board.timer_view.value
    tick(board, 60)
    assert ">0:15<" in board.timer_view.value and "nk-low" in board.timer_view.value
    tick(board, 20)
    assert ">0:00<" in board.timer_view.value and "Tiden er gået" in board.timer_view.value
    assert not board.ticker.playing and not board.timer.running and board.start_button.disabled
    board.next_button.click()  # the round goes on: the next speaker's time starts at once
    assert ">Per<" in board.speaker_view.value and ">2:00<" in board.timer_view.value
    assert board.ticker.playing and "nk-current" in board.rows.children[1]._dom_classes
    assert "nk-current" not in board.rows.children[0]._dom_classes
    assert "✓ har talt" in board.row_labels[0][1].value
    assert saved(workbook, "struktureret_dialog")["current"] == 1


def test_pause_forfra_and_a_new_speaking_time(board):
    board.names_box.value = "Kirsten, Per"
    board.use_button.click()
    board.start_button.click()
    tick(board, 30)
    board.pause_button.click()
    assert not board.ticker.playing and "Uret står stille" in board.timer_view.value
    tick(board, 300)  # a late tick while paused changes nothing
    assert ">1:30<" in board.timer_view.value
    board.again_button.click()
    assert ">2:00<" in board.timer_view.value
    board.seconds.value = 60
    assert ">1:00<" in board.timer_view.value and board.value["seconds"] == 60
    board.next_button.click()  # paused: the next speaker waits for »Start uret«
    assert not board.ticker.playing and ">1:00<" in board.timer_view.value


def test_the_end_of_the_round_and_starting_again(board):
    board.names_box.value = "Kirsten\nPer"
    board.use_button.click()
    board.next_button.click()
    assert "Den sidste i runden" in board.speaker_view.value
    board.next_button.click()
    assert "Runden er slut" in board.speaker_view.value and board.timer_view.value == ""
    assert board.next_button.disabled and not board.restart_button.disabled
    board.restart_button.click()
    assert ">Kirsten<" in board.speaker_view.value and board.restart_button.disabled


def test_order_is_shuffled_or_moved_and_notes_follow_the_person(board, workbook):
    board.names_box.value = "A\nB\nC\nD"
    board.use_button.click()
    board.rng = random.Random(1)
    board.shuffle_button.click()
    expected = ["A", "B", "C", "D"]
    random.Random(1).shuffle(expected)
    assert board.order.names == expected and "Rækkefølgen er blandet" in board.names_message.value
    board.names_box.value = "Kirsten\nPer\nAnne"
    board.use_button.click()
    board.row_controls[1]["notes"].value = "Vil prøve <i>selvbooking</i>"
    board.row_controls[1]["up"].click()
    assert board.order.names == ["Per", "Kirsten", "Anne"] and board.order.speaker == "Kirsten"
    assert board.row_controls[0]["notes"].value == "Vil prøve <i>selvbooking</i>"
    assert saved(workbook, "struktureret_dialog") == {
        "names": ["Per", "Kirsten", "Anne"],
        "notes": {"Per": "Vil prøve <i>selvbooking</i>", "Kirsten": "", "Anne": ""},
        "current": 1,
        "seconds": 120,
    }


def test_the_board_is_restored_without_a_running_timer(content, board, workbook):
    board.names_box.value = "Kirsten\n<b>Per</b>\nAnne"
    board.use_button.click()
    board.seconds.value = 180
    board.start_button.click()
    board.next_button.click()
    again = DialogueBoard(content.exercise("struktureret_dialog"), workbook)
    assert (
        again.order.speaker == "<b>Per</b>" and "&lt;b&gt;Per&lt;/b&gt;" in again.speaker_view.value
    )
    assert "<b>Per</b>" not in again.speaker_view.value
    assert (
        again.seconds.value == 180
        and not again.ticker.playing
        and ">3:00<" in again.timer_view.value
    )
    assert again.names_box.value == "Kirsten\n<b>Per</b>\nAnne"
    workbook.save_answer("struktureret_dialog", {"names": "Per", "seconds": 7, "current": -3})
    broken = DialogueBoard(content.exercise("struktureret_dialog"), workbook)
    assert broken.order.names == [] and broken.seconds.value == 120


# --- bridging questions ---------------------------------------------------------------------


@pytest.fixture
def helper(content, workbook):
    return BridgingQuestions(content.exercise("brobygning"), workbook)


def suggestions(helper):
    return {
        row.children[1].value: row.children[0]
        for row in helper.suggestions.children
        if len(getattr(row, "children", ())) == 2
    }


def test_questions_are_built_from_the_names_chosen(helper):
    assert any(
        "Hvad er der af fællestræk i de ting, vi taler om her?" in text
        for text in suggestions(helper)
    )
    assert "Skriv deltagernes navne" in helper.suggestions.children[-1].value
    helper.names_box.value = "Kirsten, Per, Lars"
    assert [v for _, v in helper.speaker.options] == ["", "Kirsten", "Per", "Lars"]
    helper.speaker.value, helper.addressee.value, helper.other.value = "Kirsten", "Per", "Lars"
    texts = " ".join(suggestions(helper))
    assert "Hvad tænker I andre om det, som Kirsten fortæller?" in texts
    assert "Per, vil du prøve at komme med dit perspektiv på det, Kirsten taler om?" in texts
    assert "Hvor ligner Kirstens og Lars&#x27; ideer hinanden, og hvor er de forskellige?" in texts
    assert (
        len(suggestions(helper)) == len(helper.suggestions.children) == 10
    )  # every pattern, no hint
    helper.addressee.value = "Kirsten"  # the same person twice: those patterns are left out
    assert "Kirsten, vil du prøve" not in " ".join(suggestions(helper))


def test_names_are_checked_and_escaped(helper):
    helper.names_box.value = "Per, per, <img src=x>"
    assert "»per« står flere gange" in helper.names_message.value
    assert [v for _, v in helper.speaker.options] == ["", "Per", "<img src=x>"]
    helper.speaker.value = "<img src=x>"
    texts = " ".join(suggestions(helper))
    assert "<img src=x>" not in texts and "&lt;img src=x&gt;" in texts


def test_the_chosen_list_takes_suggestions_and_own_questions_and_is_saved(helper, workbook):
    helper.names_box.value = "Kirsten, Per"
    helper.speaker.value, helper.addressee.value = "Kirsten", "Per"
    question = "Per, vil du prøve at komme med dit perspektiv på det, Kirsten taler om?"
    button = next(b for text, b in suggestions(helper).items() if question in text)
    button.click()
    assert helper.chosen == [question] and "er sat på din liste" in helper.list_message.value
    assert next(b for text, b in suggestions(helper).items() if question in text).disabled
    helper.own_button.click()
    assert "Skriv først spørgsmålet" in helper.list_message.value
    helper.own.value = "x" * 301
    helper.own_button.click()
    assert "højst 300 tegn" in helper.list_message.value and helper.own.value == "x" * 301
    helper.own.value = "  Hvad  tager du med, Per?  "
    helper.own_button.click()
    assert helper.own.value == "" and helper.chosen[-1] == "Hvad tager du med, Per?"
    helper.own.value = question
    helper.own_button.click()
    assert "står allerede på din liste" in helper.list_message.value and len(helper.chosen) == 2
    assert saved(workbook, "brobygning") == {
        "names": "Kirsten, Per",
        "speaker": "Kirsten",
        "addressee": "Per",
        "other": "",
        "chosen": [question, "Hvad tager du med, Per?"],
    }
    helper.chosen_view.children[0].children[1].click()  # Fjern
    assert saved(workbook, "brobygning")["chosen"] == ["Hvad tager du med, Per?"]


def test_the_helper_is_restored_and_tolerates_a_hand_edited_value(content, helper, workbook):
    helper.names_box.value = "Kirsten, Per"
    helper.speaker.value = "Per"
    helper.choose("Hvad tænker I andre om det, som Per fortæller?")
    again = BridgingQuestions(content.exercise("brobygning"), workbook)
    assert again.speaker.value == "Per" and again.chosen == [
        "Hvad tænker I andre om det, som Per fortæller?"
    ]
    workbook.save_answer(
        "brobygning", {"names": None, "speaker": "Ukendt", "chosen": ["a", "a", 3, "", None]}
    )
    broken = BridgingQuestions(content.exercise("brobygning"), workbook)
    assert broken.speaker.value == "" and broken.chosen == ["a", "3", "None"]


# --- the two sorting quizzes of the page ----------------------------------------------------------


@pytest.mark.parametrize("exercise_id", ["gamemaster_traek", "aabne_lukke"])
def test_the_page_sorting_quizzes_score_and_explain(content, workbook, exercise_id):
    definition = content.exercise(exercise_id)
    quiz = Sorting(definition, workbook)
    first, *rest = definition.items
    wrong = next(c.id for c in definition.categories if c.id != first.category)
    quiz.answer(first.id, wrong)
    assert "✘ Ikke helt." in quiz.feedback.value
    for item in rest:
        quiz.answer(item.id, item.category)
    assert (
        f"{len(definition.items) - 1} rigtige" in quiz.score.value
        and "Alle er besvaret" in quiz.score.value
    )
    assert saved(workbook, exercise_id)["answers"][first.id] == wrong
