"""The onboarding plan: grips in weeks, the balance of the three kinds of learning, the document."""

import io

import docx

from course import onboarding
from course.document import Document, to_docx


def test_grips_come_from_data_with_their_kind_and_saved_weeks(content):
    ex = content.exercise("introduktionsplan")
    plan = onboarding.grips(ex, {"weeks": {"observation_a": [2, 1, 2]}})
    assert [g.id for g in plan][:2] == ["introduktionsmoede", "laese"]
    observation = next(g for g in plan if g.id == "observation_a")
    assert observation.category == "mesterlaere" and observation.weeks == (1, 2)
    assert {g.category for g in plan} == {"teoretisk", "aktionslaering", "mesterlaere"}


def test_a_hand_edited_value_is_cleaned_not_trusted(content):
    ex = content.exercise("introduktionsplan")
    value = {
        "weeks": {"laese": [0, 1, 9, "3", True, 8], "findes_ikke": [1]},
        "own": [
            {"id": "egen-1", "text": "Frokost med mentor", "category": "mesterlaere"},
            {"id": "egen-1", "text": "Dublet", "category": "mesterlaere"},
            {"id": "../x", "text": "Sti", "category": "teoretisk"},
            {"id": "egen-2", "text": "   ", "category": "teoretisk"},
            {"id": "egen-3", "text": "Ukendt type", "category": "ukendt"},
            "ikke en tabel",
        ],
    }
    plan = onboarding.grips(ex, value)
    assert next(g for g in plan if g.id == "laese").weeks == (1, 8)
    assert [g.text for g in plan if g.own] == ["Frokost med mentor"]
    assert onboarding.grips(ex, "forkert") == onboarding.grips(ex, {})
    assert onboarding.next_own_id(ex, value) == "egen-2"


def test_the_balance_counts_grips_per_week_and_kind(content):
    ex = content.exercise("introduktionsplan")
    value = {
        "weeks": {
            "introduktionsmoede": [1],
            "laese": [1, 2],
            "observation_a": [2],
            "laeringsgrupper": [2, 3, 4],
            "egen-1": [4],
        },
        "own": [{"id": "egen-1", "text": "Eget greb", "category": "mesterlaere"}],
    }
    plan = onboarding.grips(ex, value)
    counts = onboarding.counts(ex, plan)
    assert counts == [[2, 1, 0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 0, 0, 0, 0], [0, 1, 0, 1, 0, 0, 0, 0]]
    assert onboarding.summary(ex, plan) == (
        "8 greb fordelt på ugerne. Teoretisk læring: 3 (38 %), "
        "Aktionslæring: 3 (38 %), Mesterlære: 2 (25 %)."
    )
    assert onboarding.advice(ex, plan) == []


def test_advice_names_a_missing_kind_with_an_example(content):
    ex = content.exercise("introduktionsplan")
    assert "Placér mindst ét greb" in onboarding.advice(ex, onboarding.grips(ex, {}))[0]
    tips = onboarding.advice(ex, onboarding.grips(ex, {"weeks": {"laese": [1]}}))
    assert tips == [
        (
            "Planen har endnu ingen greb med aktionslæring – "
            "fx »Lave læringskontrakt: Hvad skal især øves og styrkes? Hvad skal aflæres?«."
        ),
        (
            "Planen har endnu ingen greb med mesterlære – "
            "fx »Kollegial observation A: Den nye kollega deltager i dine samtaler og stiller "
            "spørgsmål«."
        ),
    ]


def test_the_document_has_a_week_table_and_the_balance_picture(content):
    ex = content.exercise("introduktionsplan")
    value = {"weeks": {"introduktionsmoede": [1], "observation_b": [1, 3]}}
    [section] = onboarding.document_sections(ex, value, "Introduktionsplan")
    assert section.table == [
        ["Uge", "Teoretisk læring", "Aktionslæring", "Mesterlære"],
        [
            "Uge 1",
            "Introduktionsmøde om projektet og den jobrettede tilgang",
            "",
            "Kollegial observation B: Du deltager i den nye kollegas samtaler og giver feedback",
        ],
        [
            "Uge 3",
            "",
            "",
            ("Kollegial observation B: Du deltager i den nye kollegas samtaler og giver feedback"),
        ],
    ]
    assert section.images[0].startswith(b"\x89PNG") and "Mesterlære: 2" in section.captions[0]
    word = docx.Document(io.BytesIO(to_docx(Document("Plan", sections=[section]))))
    assert len(word.inline_shapes) == 1
    empty = onboarding.document_sections(ex, {}, "Introduktionsplan")[0]
    assert empty.paragraphs == ["Ingen greb er placeret i ugerne endnu."] and not empty.images
