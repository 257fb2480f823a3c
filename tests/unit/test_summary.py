"""The room's answers summarised per exercise kind, and the pictures drawn from them."""

import pytest

from course import roomcharts
from course.room import SharedAnswer
from course.summary import ANONYMOUS, has_content, summarise, word_frequencies

PNG = b"\x89PNG"


def answers(exercise_id, *pairs):
    return [
        SharedAnswer(exercise_id, name, value, f"2026-11-20T10:00:0{i}")
        for i, (name, value) in enumerate(pairs)
    ]


def test_word_frequencies_leave_out_danish_stop_words_and_count_case_blind():
    words = dict(
        word_frequencies(
            [
                "Jeg ser frem til sparring og SPARRING med kollegaer",
                "Tid til sparring, og at lære af kollegaer – også i 2027",
            ]
        )
    )
    assert words == {"sparring": 3, "kollegaer": 2, "ser": 1, "frem": 1, "tid": 1, "lære": 1}


def test_word_frequencies_keep_the_most_frequent_first_and_stop_at_top():
    words = word_frequencies(["tid ro tid kage ro tid a b"], top=2)
    assert words == [("tid", 3), ("ro", 2)]


def test_a_reflection_collects_texts_per_prompt_with_names(content):
    checkin = content.exercise("tjek_ind")
    summary = summarise(
        checkin,
        answers(
            "tjek_ind",
            ("Karen", {"ser_frem_til": "Nye  værktøjer", "brug_for": ""}),
            ("", {"ser_frem_til": "Værktøjer <b>til</b> møder"}),
            ("Per", {"ser_frem_til": "", "brug_for": "   "}),  # emptied: not an answer
            ("Ida", "ikke en tabel"),
        ),
    )
    assert summary.answered == 2
    first = summary.texts[0]
    assert first.title == "Hvad ser du frem til?"
    assert first.texts == (("Karen", "Nye værktøjer"), (ANONYMOUS, "Værktøjer <b>til</b> møder"))
    assert dict(first.words)["værktøjer"] == 2
    assert summary.texts[2].texts == ()


def test_a_scale_counts_each_value_and_averages(content):
    scale = content.exercise("rolle_betingelser")
    summary = summarise(
        scale,
        answers(
            "rolle_betingelser",
            ("A", {"ratings": {"legitimitet": 1, "tid": 5}, "texts": {"vigtigst": "Opbakning"}}),
            ("B", {"ratings": {"legitimitet": 2, "tid": 5}, "texts": {}}),
            ("C", {"ratings": {"legitimitet": 9, "tid": True, "opbakning": None}}),  # out of range
            ("D", {"ratings": {}, "texts": {"vigtigst": "Tid"}}),
        ),
    )
    legitimacy, support, time, _ = summary.ratings
    assert summary.answered == 4
    assert legitimacy.counts == (1, 1, 0, 0, 0) and legitimacy.mean == 1.5 and legitimacy.n == 2
    assert support.counts == (0,) * 5 and support.mean is None
    assert time.counts == (0, 0, 0, 0, 2) and time.mean == 5
    assert summary.texts[0].texts == (("A", "Opbakning"), ("D", "Tid"))
    assert roomcharts.rating_histograms(summary.ratings, 1).startswith(PNG)


def test_a_ranking_averages_the_place_of_each_task_and_lists_own_tasks(content):
    ranking = content.exercise("rolle_opgaver")

    def order(*ids):
        return {"order": [{"id": i, "text": "x", "own": i.startswith("egen")} for i in ids]}

    value = order("sparring", "facilitering", "introduktion", "laeringsgryden")
    own = order("facilitering", "egen-1", "sparring", "introduktion", "laeringsgryden")
    own["order"][1]["text"] = "Kaffe   med nye kolleger"
    summary = summarise(ranking, answers("rolle_opgaver", ("A", value), ("", own)))
    ranks = {r.text.split()[0]: r.mean_rank for r in summary.ranks}
    assert ranks == {"Sparring": 2.0, "Facilitering": 1.5, "Introduktion": 3.5, "Holde": 4.5}
    assert summary.ranks[0].text.startswith("Facilitering")  # the most important first
    assert summary.texts[0].texts == ((ANONYMOUS, "Kaffe med nye kolleger"),)
    assert roomcharts.rank_bars(summary.ranks).startswith(PNG)


def test_a_sorting_counts_where_each_item_landed(content):
    sorting = next(ex for ex in content.exercises.values() if ex.kind == "sortering")
    first, second = sorting.items[:2]
    wrong = next(c.id for c in sorting.categories if c.id != first.category)
    summary = summarise(
        sorting,
        answers(
            sorting.id,
            ("A", {"answers": {first.id: first.category, second.id: second.category}}),
            ("B", {"answers": {first.id: wrong}}),
            ("C", {"answers": {}}),
        ),
    )
    assert summary.answered == 2
    row = summary.sorts[0]
    assert (
        row.counts[first.category] == 1 and row.counts[wrong] == 1 and row.right == first.category
    )
    assert sum(summary.sorts[2].counts.values()) == 0
    categories = [(c.id, c.title) for c in sorting.categories]
    assert roomcharts.sorting_counts(summary.sorts, categories).startswith(PNG)


def test_a_planner_has_no_room_summary(content):
    planner = content.exercise("opgavebeskrivelse")
    assert not has_content(planner, {"fields": {"formaal": "x"}})
    with pytest.raises(ValueError):
        summarise(planner, [])


def test_word_bars_draw_a_picture():
    assert roomcharts.word_bars((("sparring", 3), ("tid", 1))).startswith(PNG)


def test_shared_action_plans_are_counted_per_period_and_month_never_quoted(content):
    from widgets.facilitator import summary_html

    plan = content.exercise("handleplan")

    def row(group, what, start):
        return {"group": group, "fields": {"hvad": what, "start": start}}

    summary = summarise(
        plan,
        answers(
            "handleplan",
            (
                "Karen",
                {
                    "rows": [
                        row("projektperioden", "Møde om <spørgsmål>", "2027-02-03"),
                        row("naeste_aar", "Møde med teamet", "2027-09-01"),
                        row("naeste_aar", "", "2027-09-01"),
                    ]
                },
            ),  # no what: not an action
            ("", {"rows": [row("projektperioden", "Sparring", "ikke en dato")]}),
            ("Per", {"rows": []}),
        ),
    )
    assert summary.answered == 2
    assert summary.plans.actions == 3
    assert summary.plans.groups == (("Projektperioden", 2), ("Det næste år", 1))
    assert summary.plans.months == (("februar 2027", 1), ("september 2027", 1))
    assert dict(summary.plans.words)["møde"] == 2
    html = summary_html(summary, 4)
    assert "<b>3</b> handlinger i alt" in html and "Projektperioden: <b>2</b>" in html
    assert "februar 2027 (1)" in html and "spørgsmål" not in html
