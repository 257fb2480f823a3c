"""10 Fra BIP til praksis, headless: the case, the questions per reflection type, the
expectations."""

import dataclasses

from course.content import Prompt
from course.workbook import WorkbookStore
from widgets import Rating, Reflection, Sorting


def saved(workbook, exercise_id):
    return WorkbookStore(workbook.path.parent).open(workbook.id).answer(exercise_id)


def test_the_case_reflection_shows_the_case_and_each_types_questions(content, workbook):
    ex = Reflection(content.exercise("bip_case"), workbook)
    header = ex.children[0].value
    assert '<div class="nk-case"><p class="nk-case-title">Casen</p><p>Lone er 52 år' in header
    assert header.count("<p>") >= 3  # the case's three paragraphs stay paragraphs
    assert list(ex.boxes) == ["selv", "kritisk", "perspektiverende", "instrumentel", "nyt"]
    selv = ex.boxes["selv"]
    assert selv.description_allow_html
    assert selv.description == (
        "Selvrefleksion – nysgerrighed på dig som professionel<ul class='nk-questions'>"
        "<li>Hvad er min rolle?</li><li>Hvad betyder min forforståelse?</li></ul>"
    )
    assert ex.boxes["kritisk"].description.count("<li>") == 3
    assert not ex.boxes["nyt"].description_allow_html  # a prompt without questions stays plain text
    selv.value = "Min forforståelse: »umotiveret«"
    ex.boxes["instrumentel"].value = "Tale med virksomhedskonsulenten"
    assert saved(workbook, "bip_case") == {
        "selv": "Min forforståelse: »umotiveret«",
        "kritisk": "",
        "perspektiverende": "",
        "instrumentel": "Tale med virksomhedskonsulenten",
        "nyt": "",
    }


def test_case_and_questions_are_escaped(content, workbook):
    definition = dataclasses.replace(
        content.exercise("bip_case"),
        case="<img src=x onerror=alert(1)>\n\nAnden del",
        prompts=(Prompt("p", "Tekst <b>fed</b>", questions=("<script>alert(1)</script>",)),),
    )
    ex = Reflection(definition, workbook)
    assert "<img" not in ex.children[0].value and "&lt;img src=x" in ex.children[0].value
    assert "<p>Anden del</p>" in ex.children[0].value
    assert ex.boxes["p"].description == (
        "Tekst &lt;b&gt;fed&lt;/b&gt;<ul class='nk-questions'>"
        "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li></ul>"
    )


def test_a_low_expectation_gets_advice_and_the_reflection_is_saved(content, workbook):
    ex = Rating(content.exercise("bip_forventning"), workbook)
    ex.ratings["job"].value = 3
    ex.ratings["lone_selv"].value = 8
    assert "i BIP hang sagsbehandlerens tro" in ex.advice["job"].value
    assert ex.advice["lone_selv"].value == ""
    ex.texts["viden"].value = "Journalen siger umotiveret"
    assert saved(workbook, "bip_forventning") == {
        "ratings": {"job": 3, "lone_selv": 8},
        "texts": {"op": "", "ned": "", "viden": "Journalen siger umotiveret", "former": ""},
    }


def test_the_reflection_types_quiz_explains_each_answer(content, workbook):
    ex = Sorting(content.exercise("refleksionstyper"), workbook)
    ex.answer("r03", "instrumentel")
    assert "✔ Rigtigt." in ex.feedback.value
    ex.answer("r06", "selv")
    assert "<b>Perspektiverende refleksion</b>" in ex.feedback.value
    answers = {"r03": "instrumentel", "r06": "selv"}
    assert saved(workbook, "refleksionstyper") == {"answers": answers, "first": answers}
