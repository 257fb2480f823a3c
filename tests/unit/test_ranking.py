"""Rankings with a right order: a stable shuffled start and the comparison."""

from hypothesis import given
from hypothesis import strategies as st

from course.ranking import Placement, compare, start_order

IDS = [f"niveau{n}" for n in range(1, 11)]


def test_the_start_order_is_shuffled_the_same_way_for_the_same_seed():
    first = start_order(IDS, "evidenshierarki")
    assert first != IDS and sorted(first) == sorted(IDS)
    assert start_order(IDS, "evidenshierarki") == first
    assert start_order(IDS, "en anden øvelse") != first


@given(st.lists(st.text(min_size=1), min_size=2, max_size=12, unique=True), st.text())
def test_the_start_order_is_never_the_right_order(ids, seed):
    order = start_order(ids, seed)
    assert order != ids and sorted(order) == sorted(ids)


def test_one_item_stays_as_it_is():
    assert start_order(["a"], "x") == ["a"]


def test_compare_gives_each_item_its_right_and_given_place():
    placements = compare(["a", "b", "c"], ["b", "a", "c"])
    assert placements == [Placement("a", 1, 2), Placement("b", 2, 1), Placement("c", 3, 3)]
    assert [p.correct for p in placements] == [False, False, True]
    assert compare(["a", "b"], ["a"])[1] == Placement("b", 2, None)
