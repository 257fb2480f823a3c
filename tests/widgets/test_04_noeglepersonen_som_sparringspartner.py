"""Notebook 04's exercises driven without a browser: the UGU trainer, the question builder and
the sorting quizzes drawn on Tomm's 2×2."""

import base64
import re

from course.workbook import WorkbookStore
from widgets import ConversationTrainer, QuestionBuilder, Sorting
from widgets.status import SaveState


def saved(workbook, exercise_id):
    """What is on disk, read through a fresh store (not the widget's memory)."""
    return WorkbookStore(workbook.path.parent).open(workbook.id).answer(exercise_id)


def png_of(html):
    return base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1))


def test_ugu_trainer_explains_why_advice_does_not_fit_the_first_phase(content, workbook):
    ex = ConversationTrainer(content.exercise("ugu_traener"), workbook)
    ex.choices["undersoeg_behov"].value = "raad_for_tidligt"
    feedback = ex.feedback["undersoeg_behov"].value
    assert "✘ Passer ikke til fasen." in feedback and "kommer for tidligt" in feedback
    ex.choices["undersoeg_behov"].value = "allerede_proevet"
    assert "✔ Passer til fasen." in ex.feedback["undersoeg_behov"].value
    ex.choices["giv"].value = "bliver_ved_at_spoerge"
    assert "holdt hen" in ex.feedback["giv"].value
    assert ex.feedback["undersoeg_brug"].value == ""
    assert "Du har valgt en replik i 2 af 3 faser – <b>1 passer til fasen</b>" in ex.summary.value
    assert saved(workbook, "ugu_traener") == {
        "phases": {
            "undersoeg_behov": {"choice": "allerede_proevet", "own": ""},
            "giv": {"choice": "bliver_ved_at_spoerge", "own": ""},
            "undersoeg_brug": {"choice": None, "own": ""},
        }
    }


def test_ugu_trainer_saves_an_own_utterance_and_gives_gentle_hints_on_request(content, workbook):
    ex = ConversationTrainer(content.exercise("ugu_traener"), workbook)
    ex.check("undersoeg_behov")
    assert "Skriv først din egen replik" in ex.own_hints["undersoeg_behov"].value
    ex.own[
        "undersoeg_behov"
    ].value = "Du skal prøve at ringe til en virksomhed <b>sammen</b> med ham"
    assert saved(workbook, "ugu_traener")["phases"]["undersoeg_behov"]["own"].startswith(
        "Du skal prøve"
    )
    ex.check("undersoeg_behov")
    hints = ex.own_hints["undersoeg_behov"].value
    assert (
        "Til overvejelse" in hints
        and "intet spørgsmålstegn" in hints
        and "Gem det til Giv-fasen" in hints
    )
    # Keystrokes that reach the kernel after the click: the hints follow the latest text.
    ex.own["undersoeg_behov"].value = "Hvad har du allerede prøvet med ham?"
    assert "Din replik er gemt" in ex.own_hints["undersoeg_behov"].value
    assert "intet spørgsmålstegn" not in ex.own_hints["undersoeg_behov"].value
    # the own line is the participant's conversation, shown as text, never as HTML
    ex.own["giv"].value = "Et råd kunne være <script>x</script>"
    assert (
        "»Et råd kunne være &lt;script&gt;x&lt;/script&gt;« <i>(din egen replik)</i>"
        in ex.summary.value
    )
    assert "Din samtale" in ex.summary.value and "<script>" not in ex.summary.value


def test_ugu_trainer_restores_and_ignores_options_that_no_longer_exist(content, workbook):
    workbook.save_answer(
        "ugu_traener",
        {
            "phases": {
                "undersoeg_behov": {"choice": "slettet_replik", "own": "Hvordan kan jeg hjælpe?"},
                "giv": {"choice": "nogle_kolleger"},
                "undersoeg_brug": "ikke en tabel",
            }
        },
    )
    ex = ConversationTrainer(content.exercise("ugu_traener"), workbook)
    assert ex.choices["undersoeg_behov"].value is None
    assert ex.own["undersoeg_behov"].value == "Hvordan kan jeg hjælpe?"
    assert (
        ex.choices["giv"].value == "nogle_kolleger"
        and "✔ Passer til fasen." in ex.feedback["giv"].value
    )
    assert ex.choices["undersoeg_brug"].value is None and ex.own["undersoeg_brug"].value == ""
    assert ex.save_state is SaveState.RESTORED


def test_question_builder_hints_never_block_and_the_questions_land_on_the_2x2(content, workbook):
    ex = QuestionBuilder(content.exercise("spoergsmaalsbygger"), workbook)
    ex.questions["kaptajnen"].value = "Hvordan har samtalerne med Sara været"
    ex.questions["antropologen"].value = "Hvordan tror du, Sara selv oplever jeres samtaler?"
    assert (
        saved(workbook, "spoergsmaalsbygger")["questions"]["kaptajnen"]
        == "Hvordan har samtalerne med Sara været"
    )
    ex.check_button.click()
    kaptajn = ex.hints["kaptajnen"].value
    assert "intet spørgsmålstegn" in kaptajn and "fremadrettede og handlingsorienterede" in kaptajn
    assert "Ingen tips her" in ex.hints["antropologen"].value
    assert "Du har ikke skrevet et spørgsmål som Detektiven endnu" in ex.hints["detektiven"].value
    assert "Du har skrevet <b>2 af 4</b> spørgsmål" in ex.overview.value
    alt = re.search(r'alt="([^"]+)"', ex.picture.value).group(1)
    assert "Antropologen: »Hvordan tror du, Sara selv oplever jeres samtaler?«" in alt
    assert "Fremtidsforskeren: ikke skrevet endnu" in alt
    assert png_of(ex.picture.value).startswith(b"\x89PNG")
    ex.questions["kaptajnen"].value = "Hvad vil du konkret gøre på tirsdag?"
    # no stale advice: hints and the picture follow the latest text
    assert "intet spørgsmålstegn" not in ex.hints["kaptajnen"].value
    assert "Kaptajnen: »Hvad vil du konkret gøre på tirsdag?«" in re.search(
        r'alt="([^"]+)"', ex.picture.value
    ).group(1)
    again = QuestionBuilder(content.exercise("spoergsmaalsbygger"), workbook)
    assert again.questions["kaptajnen"].value == "Hvad vil du konkret gøre på tirsdag?"


def test_question_builder_shows_the_slides_examples_and_axes(content, workbook):
    ex = QuestionBuilder(content.exercise("spoergsmaalsbygger"), workbook)
    text = " ".join(
        getattr(w, "value", "")
        for box in ex.children
        for w in getattr(box, "children", [box])
        if isinstance(getattr(w, "value", None), str)
    )
    assert "Sara på 42" in text
    assert (
        "(Cirkulære · Fremtid)" in text
        and "»Prøv at forestille dig den næste samtale – hvad sker der?«" in text
    )
    assert ex.questions["fremtidsforskeren"].description == "Fremtidsforskeren: dit spørgsmål"


def test_tomm_sorting_shows_the_2x2_and_draws_each_answer_where_it_was_placed(content, workbook):
    ex = Sorting(content.exercise("tomms_spoergsmaal"), workbook)
    legend = ex.children[1].value
    assert '<table class="nk-grid">' in legend
    assert re.search(
        r'<th scope="row">Lineære</th><td><b>Detektiven</b>.*?<td><b>Kaptajnen</b>', legend
    )
    ex.answer("t01", "kaptajnen")  # right
    ex.answer("t02", "detektiven")  # wrong: it is Antropologen
    ex.answer("t04", "fremtidsforskeren")
    ex.picture_button.click()
    alt = re.search(r'alt="([^"]+)"', ex.picture.value).group(1)
    # Dots carry the item's number in the participant's own order.
    assert f"Detektiven: 1 svar · 0 rigtige (forkert placeret: nr. {ex.number('t02')})" in alt
    assert "Kaptajnen: 1 svar · 1 rigtige" in alt and "Antropologen: ingen svar her" in alt
    assert png_of(ex.picture.value).startswith(b"\x89PNG")
    answers = {"t01": "kaptajnen", "t02": "detektiven", "t04": "fremtidsforskeren"}
    assert saved(workbook, "tomms_spoergsmaal") == {"answers": answers, "first": answers}


def test_knowing_sorting_without_a_grid_keeps_the_matrix_picture(content, workbook):
    ex = Sorting(content.exercise("vidende_ikke_vidende"), workbook)
    assert '<ul class="nk-categories">' in ex.children[1].value
    ex.answer("v01", "vidende")
    ex.answer("v03", "vidende")
    assert "✘ Ikke helt." in ex.feedback.value and "Spejling" in ex.feedback.value
    ex.picture_button.click()
    assert (
        "Vidende position: 1 af 1 rigtige; Ikke-vidende position: 0 af 1 rigtige"
        in ex.picture.value
    )


def test_the_case_is_shown_once_above_the_trainer_and_the_question_builder(content, workbook):
    import ipywidgets as ipw

    def html_of(widget):
        own = [widget.value] if isinstance(widget, ipw.HTML) else []
        return own + [h for child in getattr(widget, "children", ()) for h in html_of(child)]

    for cls, exercise_id in (
        (ConversationTrainer, "ugu_traener"),
        (QuestionBuilder, "spoergsmaalsbygger"),
    ):
        ex = cls(content.exercise(exercise_id), workbook)
        page = "".join(html_of(ex))
        assert page.count('class="nk-case"') == 1, exercise_id
        assert 'class="nk-case"' in ex.children[0].value  # in the header, above the exercise
