"""11 Beskæftigelsesfaglighed i praksis, headless: the ranking with a right order, the wheel,
the radar."""

from course.ranking import start_order
from course.workbook import WorkbookStore
from widgets import Ranking, Rating, Reflection

RIGHT = [
    "metadesigns",
    "rct",
    "kvasi",
    "register",
    "tvaersnit",
    "proces",
    "kvalitativ",
    "god_praksis",
    "ekspert",
    "bruger",
]


def saved(workbook, exercise_id):
    return WorkbookStore(workbook.path.parent).open(workbook.id).answer(exercise_id)


def descendants(widget):
    found = []
    for child in getattr(widget, "children", ()):
        found += [child, *descendants(child)]
    return found


def put_in_order(ex, ids):
    for target, item_id in enumerate(ids):
        index = next(i for i, e in enumerate(ex.order) if e["id"] == item_id)
        while index > target:
            ex.move(index, -1)
            index -= 1


def test_the_evidence_hierarchy_starts_shuffled_and_has_no_own_items(content, workbook):
    ex = Ranking(content.exercise("evidenshierarki"), workbook)
    ids = [e["id"] for e in ex.order]
    assert [i.id for i in content.exercise("evidenshierarki").items] == RIGHT
    assert ids == start_order(RIGHT, "evidenshierarki") and ids != RIGHT
    assert ex.result.value == "" and ex.value["checked"] is False
    assert ex.add_button not in descendants(ex)  # a right order leaves no room for own items


def test_checking_shows_the_right_order_the_flattening_and_follows_later_moves(content, workbook):
    ex = Ranking(content.exercise("evidenshierarki"), workbook)
    ex.check_button.click()
    right_now = sum(a == b for a, b in zip([e["id"] for e in ex.order], RIGHT))
    assert f"Du har {right_now} af 10 på den rigtige plads." in ex.result.value
    assert ex.result.value.index("Metadesigns") < ex.result.value.index("Brugervurderinger")
    assert "du havde den som nr." in ex.result.value
    assert (
        "Evidenshierarkiet udjævnes" in ex.result.value
        and "man får det, man måler på" in ex.result.value
    )
    assert saved(workbook, "evidenshierarki")["checked"] is True
    put_in_order(ex, RIGHT)
    assert "Du har 10 af 10 på den rigtige plads. Flot" in ex.result.value
    assert "nk-right" in ex.result.value and "du havde den som nr." not in ex.result.value
    assert [e["id"] for e in saved(workbook, "evidenshierarki")["order"]] == RIGHT


def test_a_saved_ranking_restores_order_and_check_and_tolerates_odd_values(content, workbook):
    workbook.save_answer(
        "evidenshierarki",
        {
            "order": [{"id": "bruger"}, {"id": "egen-1", "own": True, "text": "Egen"}],
            "checked": True,
        },
    )
    ex = Ranking(content.exercise("evidenshierarki"), workbook)
    ids = [e["id"] for e in ex.order]
    assert (
        ids[0] == "bruger" and len(ids) == 10 and ex.checked
    )  # no own items where none are allowed
    assert (
        "Brugervurderinger</b> – <span class='nk-miss-mark'>✘ du havde den som nr. 1"
        in ex.result.value
    )
    workbook.save_answer("evidenshierarki", {"order": "forkert", "checked": "ja"})
    again = Ranking(content.exercise("evidenshierarki"), workbook)
    assert [e["id"] for e in again.order] == start_order(RIGHT, "evidenshierarki")
    assert not again.checked and again.result.value == ""


def test_the_conversation_styles_wheel_is_drawn_and_redrawn(content, workbook):
    ex = Rating(content.exercise("samtalestile"), workbook)
    ex.picture_button.click()
    assert "Vælg mindst én vurdering først" in ex.picture.value
    ex.ratings["inspirerende"].value = 5
    ex.picture_button.click()
    first = ex.picture.value
    assert (
        'alt="Billede af dine svar på en skala fra 1 til 5. Rammesættende: ikke besvaret' in first
    )
    assert "Inspirerende: 5" in first
    ex.ratings["raadgivende"].value = 2  # the picture follows the answers once it is shown
    assert ex.picture.value != first and "Rådgivende: 2" in ex.picture.value


def test_progression_goals_are_rated_per_occasion_and_drawn_as_one_radar(content, workbook):
    ex = Rating(content.exercise("progressionsmaal"), workbook)
    assert list(ex.by_occasion) == ["marts", "juni"] and len(ex.by_occasion["marts"]) == 15
    assert "<b>1</b> = I meget lille grad" in ex.children[1].value
    assert "<b>5</b> = I meget høj grad" in ex.children[1].value
    assert ex.items_box.children[0] is ex.by_occasion["marts"]["arbejdsmarkedsparathed"]
    ex.by_occasion["marts"]["optimisme"].value = 1
    ex.occasion.value = "juni"
    assert "Du vurderer nu: <b>Efter tre måneder (juni)</b>" in ex.now_rating.value
    assert ex.items_box.children[0] is ex.by_occasion["juni"]["arbejdsmarkedsparathed"]
    ex.by_occasion["juni"]["optimisme"].value = 4
    value = saved(workbook, "progressionsmaal")
    assert (
        value["ratings"]["marts"]["optimisme"] == 1 and value["ratings"]["juni"]["optimisme"] == 4
    )
    assert value["ratings"]["juni"]["realisme"] is None
    ex.picture_button.click()
    alt = ex.picture.value
    assert "Første samtale (marts): Arbejdsmarkedsparathed: ikke besvaret" in alt
    assert "Efter tre måneder (juni): " in alt and 'src="data:image/png;base64,iVBOR' in alt


def test_progression_goals_restore_per_occasion_and_ignore_bad_values(content, workbook):
    workbook.save_answer(
        "progressionsmaal",
        {
            "ratings": {
                "marts": "forkert",
                "juni": {"optimisme": 9, "initiativ": 2, "realisme": True},
            },
            "texts": {"tvivl": "Helbredet"},
        },
    )
    ex = Rating(content.exercise("progressionsmaal"), workbook)
    assert all(b.value is None for b in ex.by_occasion["marts"].values())
    juni = ex.by_occasion["juni"]
    assert (juni["optimisme"].value, juni["initiativ"].value, juni["realisme"].value) == (
        None,
        2,
        None,
    )
    assert ex.texts["tvivl"].value == "Helbredet"


def test_the_offensive_practitioner_prompt_lists_the_slides_questions(content, workbook):
    ex = Reflection(content.exercise("offensiv_praktiker"), workbook)
    assert "<li>Hvordan måles den?</li>" in ex.boxes["hvem"].description
    ex.boxes["bud"].value = "At kunne skifte stil"
    assert saved(workbook, "offensiv_praktiker")["bud"] == "At kunne skifte stil"
