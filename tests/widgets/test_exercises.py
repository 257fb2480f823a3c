"""Each exercise kind, driven without a browser: set values, click, read the saved state."""

import io
import json
import re

import docx
import pytest

from course.content import load_course
from tests.conftest import ROOT
from widgets import Planner, Ranking, Rating, Reflection, Sorting
from widgets.handlers import safe
from widgets.status import SaveState


def saved(workbook, exercise_id):
    """What is on disk, read through a fresh store (not the widget's memory)."""
    from course.workbook import WorkbookStore

    return WorkbookStore(workbook.path.parent).open(workbook.id).answer(exercise_id)


def test_reflection_saves_as_the_participant_types(content, workbook):
    ex = Reflection(content.exercise("tjek_ind"), workbook)
    ex.boxes["ser_frem_til"].value = "At blive klogere på facilitering – æøå"
    assert saved(workbook, "tjek_ind")["ser_frem_til"] == "At blive klogere på facilitering – æøå"
    assert ex.save_state is SaveState.SAVED and ex.saved_at == workbook.saved_at("tjek_ind")


def test_reflection_is_restored_when_the_page_opens_again(content, workbook):
    Reflection(content.exercise("tjek_ind"), workbook).boxes["brug_for"].value = "Tid"
    again = Reflection(content.exercise("tjek_ind"), workbook)
    assert again.boxes["brug_for"].value == "Tid"
    assert again.save_state is SaveState.RESTORED and again.value["brug_for"] == "Tid"


def test_text_typed_before_signing_in_is_saved_when_the_workbook_arrives(content, workbook):
    ex = Reflection(content.exercise("tjek_ind"), None)
    ex.boxes["ser_frem_til"].value = "Skrevet før navnet"
    assert ex.save_state is SaveState.NOT_SAVED
    ex.bind(workbook)
    assert ex.save_state is SaveState.SAVED
    assert saved(workbook, "tjek_ind")["ser_frem_til"] == "Skrevet før navnet"


def test_html_typed_by_a_participant_is_never_live_html(content, workbook):
    ex = Ranking(content.exercise("rolle_opgaver"), workbook)
    ex.new_item.value = "<img src=x onerror=alert(1)>"
    ex.add_button.click()
    html_out = " ".join(w.value for w in _all_html(ex))
    assert "<img src=x" not in html_out and "&lt;img src=x onerror=alert(1)&gt;" in html_out


def _all_html(widget):
    import ipywidgets as ipw

    found = [widget] if isinstance(widget, ipw.HTML) else []
    for child in getattr(widget, "children", ()):
        found += _all_html(child)
    return found


def test_rating_shows_advice_only_for_low_ratings_and_saves(content, workbook):
    ex = Rating(content.exercise("rolle_betingelser"), workbook)
    ex.ratings["tid"].value = 1
    ex.ratings["legitimitet"].value = 4
    assert "Aftal et konkret antal timer" in ex.advice["tid"].value
    assert ex.advice["legitimitet"].value == ""
    ex.texts["vigtigst"].value = "Opbakning fra lederen"
    assert saved(workbook, "rolle_betingelser") == {
        "ratings": {"legitimitet": 4, "opbakning": None, "tid": 1, "anerkendelse": None},
        "texts": {"vigtigst": "Opbakning fra lederen"},
    }
    again = Rating(content.exercise("rolle_betingelser"), workbook)
    assert again.ratings["tid"].value == 1 and "Aftal et konkret" in again.advice["tid"].value


SORTING_YAML = """\
exercises:
  - id: quiz
    kind: sortering
    minutes: 5
    social_form: alene
    title: Domæner
    categories:
      - {id: a, title: Produktion}
      - {id: b, title: Refleksion}
    items:
      - {id: p1, text: "Sådan gør vi her", category: a, explanation: "Handlingsorienteret."}
      - {id: p2, text: "Hvordan ser borgeren det?", category: b,
         explanation: "Et andet perspektiv."}
      - {id: p3, text: "Reglen siger", category: a, explanation: "Regler og love."}
"""


@pytest.fixture
def quiz(tmp_path):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "exercises" / "99_quiz.yaml").write_text(SORTING_YAML, encoding="utf-8")
    return load_course(tmp_path / "data").exercise("quiz")


def test_sorting_gives_immediate_feedback_with_explanation_and_a_score(quiz, workbook):
    ex = Sorting(quiz, workbook)
    ex.answer("p1", "a")
    assert "✔ Rigtigt." in ex.feedback.value and "Handlingsorienteret." in ex.feedback.value
    ex.answer("p2", "a")
    assert "✘ Ikke helt." in ex.feedback.value and "<b>Refleksion</b>" in ex.feedback.value
    ex.jump.value = "p3"  # the card of an item not yet answered has no feedback
    assert ex.feedback.value == "" and ex.choice.value is None
    assert (ex.answered, ex.correct) == (2, 1)
    assert "Du har svaret på 2 af 3. Første svar: <b>1 rigtige</b>" in ex.score.value
    assert saved(workbook, "quiz") == {
        "answers": {"p1": "a", "p2": "a"},
        "first": {"p1": "a", "p2": "a"},
    }


def test_sorting_shows_one_item_at_a_time_in_an_order_of_the_participants_own(
    quiz, workbook, store
):
    ex = Sorting(quiz, workbook)
    assert sorted(ex.order) == ["p1", "p2", "p3"]
    assert ex.choice.description == f"1. {ex.items[ex.order[0]].text}"  # the group's name
    assert "Udsagn 1 af 3" in ex.where.value and ex.previous.disabled
    ex.next.click()
    assert ex.current == ex.order[1] and "Udsagn 2 af 3" in ex.where.value
    ex.previous.click()
    assert ex.current == ex.order[0]
    # The same participant gets the same order after a reload; others get their own.
    assert Sorting(quiz, store.open(workbook.id)).order == ex.order
    orders = {tuple(Sorting(quiz, store.create(f"P{n}", "J")).order) for n in range(12)}
    assert len(orders) > 1


def test_sorting_counts_the_first_answer_and_shows_a_changed_one(quiz, workbook, store):
    ex = Sorting(quiz, workbook)
    ex.answer("p2", "a")  # wrong first
    ex.answer("p2", "b")  # then right
    assert "✔ Rigtigt." in ex.feedback.value
    assert "Dit første svar, »Produktion«, var forkert" in ex.feedback.value
    assert (ex.answered, ex.correct) == (1, 0)
    assert "p2" in ex.jump.value and "✘" in {v: k for k, v in ex.jump.options}["p2"]
    again = Sorting(quiz, store.open(workbook.id))
    assert again.answers == {"p2": "b"} and again.first == {"p2": "a"} and again.correct == 0


def test_sorting_draws_where_the_answers_landed(quiz, workbook):
    ex = Sorting(quiz, workbook)
    ex.picture_button.click()
    assert "Besvar mindst ét punkt først" in ex.score.value
    for item_id, answer in {"p1": "a", "p2": "b", "p3": "b"}.items():
        ex.answer(item_id, answer)
    assert "Alle er besvaret" in ex.score.value
    ex.picture_button.click()
    assert re.search(
        r'<img class="nk-picture" alt="[^"]*Produktion: 1 af 2 rigtige; Refleksion: 1 af 1 rigtige',
        ex.picture.value,
    )
    assert 'src="data:image/png;base64,iVBOR' in ex.picture.value


def test_sorting_ignores_a_saved_answer_for_a_category_that_no_longer_exists(quiz, workbook):
    workbook.save_answer("quiz", {"answers": {"p1": "slettet", "p2": "b"}})
    ex = Sorting(quiz, workbook)
    assert ex.answers == {"p2": "b"} and ex.first == {"p2": "b"}  # older answers count as first
    ex.jump.value = "p1"
    assert ex.choice.value is None


def test_ranking_moves_adds_tags_and_removes(content, workbook):
    ex = Ranking(content.exercise("rolle_opgaver"), workbook)
    ex.move(3, -1)  # "Holde læringsgryden i kog" one place up
    assert [e["id"] for e in ex.order] == [
        "facilitering",
        "sparring",
        "laeringsgryden",
        "introduktion",
    ]
    ex.new_item.value = "   "
    ex.add_button.click()
    assert "Skriv først opgaven" in ex.add_message.value
    ex.new_item.value = "Oplæring i Joblog"
    ex.add_button.click()
    assert ex.new_item.value == "" and ex.order[-1] == {
        "id": "egen-1",
        "text": "Oplæring i Joblog",
        "own": True,
        "attrs": {},
    }
    first_row_controls = ex.rows.children[0].children[1].children
    up, down, level, _phase = first_row_controls
    assert up.disabled and not down.disabled
    level.value = "Gruppe"
    down.click()
    order = saved(workbook, "rolle_opgaver")["order"]
    assert [e["id"] for e in order][:2] == ["sparring", "facilitering"]
    assert order[1]["attrs"] == {"niveau": "Gruppe"}
    remove = ex.rows.children[-1].children[1].children[-1]
    assert remove.description == "Fjern"
    remove.click()
    assert [e["id"] for e in saved(workbook, "rolle_opgaver")["order"]] == [
        "sparring",
        "facilitering",
        "laeringsgryden",
        "introduktion",
    ]


def test_ranking_restores_order_and_own_items_and_drops_unknown_ones(content, workbook):
    workbook.save_answer(
        "rolle_opgaver",
        {
            "order": [
                {
                    "id": "introduktion",
                    "own": False,
                    "attrs": {"niveau": "Individuelt", "fase": "Ukendt"},
                },
                {"id": "fjernet-fra-indholdet", "own": False},
                {"id": "egen-1", "text": "Eget <b>punkt</b>", "own": True, "attrs": "forkert"},
            ]
        },
    )
    ex = Ranking(content.exercise("rolle_opgaver"), workbook)
    assert [e["id"] for e in ex.order] == [
        "introduktion",
        "egen-1",
        "facilitering",
        "sparring",
        "laeringsgryden",
    ]
    assert ex.order[0]["attrs"] == {"niveau": "Individuelt"}
    assert "Eget &lt;b&gt;punkt&lt;/b&gt;" in ex.rows.children[1].children[0].value


def test_ranking_limits_own_items(content, workbook):
    ex = Ranking(content.exercise("rolle_opgaver"), workbook)
    for i in range(11):
        ex.new_item.value = f"Opgave {i}"
        ex.add_button.click()
    assert sum(e["own"] for e in ex.order) == 10 and "højst tilføje 10" in ex.add_message.value
    ex.new_item.value = "x" * 301
    assert ex.new_item.value  # not cleared when refused


def fill_plan(ex):
    ex.controls["formaal"].value = "At forankre den jobrettede samtale"
    ex.controls[
        "opgaver_under"
    ].value = "Læringsgruppemøder hver 14. dag\n<script>alert(1)</script>"
    ex.controls["timer"].value = "8"
    ex.controls["afstemt_med"].value = "Teamleder"


def test_planner_lists_what_is_missing_then_builds_word_and_markdown(content, workbook):
    ex = Planner(content.exercise("opgavebeskrivelse"), workbook)
    ex.make_button.click()
    assert "Planen er ikke færdig endnu" in ex.result.value
    assert "Udfyld feltet »Formålet med min rolle som nøgleperson«" in ex.result.value
    fill_plan(ex)
    ex.controls["timer"].value = "otte"
    ex.make_button.click()
    assert "skal være et helt tal" in ex.result.value
    ex.controls["timer"].value = "8"
    ex.make_button.click()
    assert "Dokumentet er klar" in ex.result.value
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in ex.result.value
        and "<script>" not in ex.result.value
    )
    link = re.search(r'download="([^"]+\.docx)" href="data:[^;]+;base64,([^"]+)"', ex.result.value)
    assert link.group(1) == "Opgavebeskrivelse-nøgleperson-i-Jobrettet-samtale-Karen-Jensen.docx"
    import base64

    word = docx.Document(io.BytesIO(base64.b64decode(link.group(2))))
    texts = [p.text for p in word.paragraphs]
    assert "Nøgleperson: Karen Jensen" in texts and "Jobcenter: Jobcenter Århus" in texts
    assert "Læringsgruppemøder hver 14. dag\n<script>alert(1)</script>" in texts
    assert saved(workbook, "opgavebeskrivelse")["fields"]["timer"] == "8"


def test_planner_restores_a_date_and_ignores_a_broken_one(content, workbook):
    from datetime import date

    ex = Planner(content.exercise("opgavebeskrivelse"), workbook)
    ex.controls["samtale_dato"].value = date(2026, 12, 1)
    assert saved(workbook, "opgavebeskrivelse")["fields"]["samtale_dato"] == "2026-12-01"
    assert Planner(content.exercise("opgavebeskrivelse"), workbook).controls[
        "samtale_dato"
    ].value == date(2026, 12, 1)
    workbook.save_answer(
        "opgavebeskrivelse", {"fields": {"samtale_dato": "i morgen", "afstemt_med": "x"}}
    )
    again = Planner(content.exercise("opgavebeskrivelse"), workbook)
    assert (
        again.controls["samtale_dato"].value is None and again.controls["afstemt_med"].value == ""
    )


def test_a_save_that_fails_keeps_the_text_and_says_so(content, workbook, monkeypatch):
    ex = Reflection(content.exercise("tjek_ind"), workbook)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(workbook), "save_answer", disk_full)
    ex.boxes["ser_frem_til"].value = "Vigtig tekst"
    assert ex.save_state is SaveState.FAILED and ex.boxes["ser_frem_til"].value == "Vigtig tekst"


def test_very_long_text_is_kept_on_the_page_with_a_message(content, workbook):
    ex = Reflection(content.exercise("tjek_ind"), workbook)
    ex.boxes["ser_frem_til"].value = "ord " * 5000  # 20,000 characters are fine
    assert len(saved(workbook, "tjek_ind")["ser_frem_til"]) == 20_000
    ex.boxes["ser_frem_til"].value = "x" * 250_000
    assert ex.save_state is SaveState.TOO_LONG
    assert len(ex.boxes["ser_frem_til"].value) == 250_000


def test_a_failing_handler_shows_a_danish_message_and_no_traceback(caplog):
    shown = []

    def broken(_):
        raise RuntimeError("intern detalje")

    safe(broken, shown.append)(None)
    assert shown == [
        "Der skete en fejl på siden. Det, du har skrevet, er ikke tabt. "
        "Prøv igen, eller spørg kursuslederen."
    ]


def test_every_exercise_in_the_content_builds(content, workbook):
    from widgets import WIDGETS

    for definition in content.exercises.values():
        widget = WIDGETS[definition.kind](definition, workbook, content=content)
        json.dumps(widget.value)  # a value the workbook can store
