"""Conversation exercises without widgets: hints, the UGU dialogue, and the grid picture."""

import io

import pytest

from course.charts import GridCell, grid_chart
from course.content import Hint
from course.conversation import contains, dialogue, grid_layout, hints_for


@pytest.mark.parametrize(
    "text, word, found",
    [
        ("Forestil dig næste samtale", "forestil", True),
        ("Hvad vil du gøre?", "vil", True),
        ("Hvad ville der ske?", "vil", True),  # a word may go on: "vil" begins "ville"
        ("Det er svilt", "vil", False),  # but it must begin a word
        ("Hvad oplevede Åse?", "åse", True),  # Danish letters are word letters
        ("Hvad tror du, hun oplever", "?", False),
        ("Hvad oplever hun?", "?", True),  # a sign matches anywhere
        ("HVORDAN TROR DU", "tror du", True),
    ],
)
def test_contains_matches_at_the_start_of_a_word_ignoring_case(text, word, found):
    assert contains(text, word) is found


def test_hints_for_a_missing_or_a_present_word_in_content_order():
    hints = (
        Hint(text="Intet spørgsmålstegn.", missing=("?",)),
        Hint(text="Peger ikke fremad.", missing=("vil", "næste")),
        Hint(text="Lyder som en ordre.", present=("du skal",)),
    )
    assert hints_for("Du skal ringe til ham", hints) == [
        "Intet spørgsmålstegn.",
        "Peger ikke fremad.",
        "Lyder som en ordre.",
    ]
    assert hints_for("Hvad vil du gøre i næste samtale?", hints) == []
    assert hints_for("Hvad har du prøvet?", hints) == ["Peger ikke fremad."]
    assert hints_for("   ", hints) == []  # an empty text gets no hints, only a note from the page


def test_shipped_hints_catch_a_kaptajn_question_without_action_and_advice_in_the_first_u(content):
    kaptajnen = content.exercise("spoergsmaalsbygger").category("kaptajnen")
    assert any(
        "handlingsorienterede" in h for h in hints_for("Hvordan har det været?", kaptajnen.hints)
    )
    assert hints_for("Hvad vil du konkret gøre herfra?", kaptajnen.hints) == []
    first_u = content.exercise("ugu_traener").phase("undersoeg_behov")
    advice = hints_for("Et råd kunne være at ringe til en virksomhed.", first_u.hints)
    assert len(advice) == 2 and "intet spørgsmålstegn" in advice[0] and "Giv-fasen" in advice[1]
    assert hints_for("Hvad har du allerede prøvet med ham?", first_u.hints) == []


def test_every_slide_example_passes_its_own_types_hints(content):
    for category in content.exercise("spoergsmaalsbygger").categories:
        for example in category.examples:
            assert hints_for(example, category.hints) == [], (category.id, example)


def test_the_dialogue_prefers_the_own_utterance_and_skips_unanswered_phases(content):
    ugu = content.exercise("ugu_traener")
    lines = dialogue(
        ugu,
        {
            "undersoeg_behov": {"choice": "allerede_proevet", "own": ""},
            "giv": {
                "choice": "ordre",
                "own": "  Et råd kunne være at spørge, hvad han er god til.  ",
            },
            "undersoeg_brug": {"choice": "findes_ikke", "own": ""},
        },
    )
    assert [(p.id, text, own) for p, text, own in lines] == [
        ("undersoeg_behov", "Hvad har du allerede overvejet og prøvet med ham?", False),
        ("giv", "Et råd kunne være at spørge, hvad han er god til.", True),
    ]


def test_the_grid_layout_follows_the_slide(content):
    layout = grid_layout(content.exercise("tomms_spoergsmaal"))
    assert [[c.title for c in row] for row in layout] == [
        ["Detektiven", "Kaptajnen"],
        ["Antropologen", "Fremtidsforskeren"],
    ]


def test_grid_chart_draws_dots_and_texts_as_a_png():
    from matplotlib.image import imread

    cells = [
        [
            GridCell("A", "2 svar · 1 rigtige", ((1, True), (2, False))),
            GridCell("B", text="Et spørgsmål?"),
        ],
        [GridCell("C", "ingen svar her"), GridCell("D", text="ord " * 80)],
    ]
    png = grid_chart(["Lineære", "Cirkulære"], ["Fortid", "Fremtid"], cells, "Forklaring")
    assert png.startswith(b"\x89PNG")
    height, width, _ = imread(io.BytesIO(png)).shape
    assert width > 800 and height > 500  # large enough to read on a projector


def test_no_sorting_question_gets_a_hint_against_its_own_type(content):
    """The builder's hints never contradict the answer key of the sorting quiz."""
    quiz = content.exercise("tomms_spoergsmaal")
    for item in quiz.items:
        assert hints_for(item.text, quiz.category(item.category).hints) == [], item.id
