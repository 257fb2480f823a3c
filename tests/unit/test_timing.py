"""Time and social form as data (issue 14, Deliver 1): every exercise has minutes and a social
form, each course-day page's in-room part fits its slot, a self-study page's minutes are the sum
of its page, and the loader says in Danish which file and field to change when they do not."""

import math
import re

import pytest

from course.content import ContentError, load_course
from course.timing import (
    FASTEST_WORDS_PER_MINUTE,
    PRESENTING_WORDS_PER_MINUTE,
    READING_WORDS_PER_MINUTE,
    SOCIAL_FORMS,
    meta_text,
    page_plans,
    page_words,
    reading_floor,
    slot_minutes,
    words,
)
from tests.conftest import ROOT


def test_every_exercise_has_minutes_a_social_form_and_is_on_a_page(content):
    on_pages = {e for ids in content.pages.values() for e in ids}
    for ex in content.exercises.values():
        assert ex.minutes and ex.minutes > 0, ex.id
        assert ex.social_form in SOCIAL_FORMS, ex.id
        assert ex.id in on_pages, ex.id


def test_every_page_has_a_plan_and_every_course_day_page_fits_its_slot(content):
    plans = page_plans(content)
    pages = [s for s in content.programme.sessions() if s.notebook]
    assert set(plans) == {s.id for s in pages}
    for plan in plans.values():
        if plan.slot is not None:
            assert plan.planned <= plan.slot, plan.session.id
        else:
            assert plan.session.minutes == plan.planned, plan.session.id
            assert plan.after_course == 0, plan.session.id


def test_the_planned_times_of_the_day(content):
    """The estimates of the issue's report: in-room minutes against the slot, and how much
    moved to »Øv mere efter kurset«. Changing an estimate means changing this table."""
    plans = page_plans(content)
    assert {k: (p.planned, p.slot, p.after_course) for k, p in plans.items()} == {
        "velkommen": (22, 30, 0),
        "rollen": (58, 60, 0),
        "laeringskultur": (42, 45, 31),
        "facilitering": (55, 60, 17),
        "sparring": (43, 45, 48),
        "introduktion": (44, 45, 0),
        "laeringsgryden": (35, 45, 0),
        "min_plan": (44, 45, 0),
        "bip": (60, None, 0),
        "beskaeftigelsesfaglighed": (55, None, 0),
        "vidensmobilisering": (20, None, 0),
        "jobkompagniet": (30, None, 0),
    }
    assert plans["sparring"].text == "43 af 45 min."
    assert plans["bip"].text == "ca. 60 min."


def test_no_exercise_takes_less_than_reading_its_text(content):
    for ex in content.exercises.values():
        assert ex.minutes >= reading_floor(ex), (ex.id, words(ex), ex.minutes)


def test_no_sorting_quiz_is_faster_than_a_third_of_a_minute_per_item(content):
    for ex in content.exercises.values():
        if ex.kind == "sortering":
            assert ex.minutes >= len(ex.items) / 3, ex.id


def test_each_page_has_time_for_its_own_text(content):
    """A course-day page's text is presented (about 60 of its words a minute); a self-study
    page is read, background notes included (about 150 words a minute)."""
    for session in content.programme.sessions():
        if not session.notebook:
            continue
        main, background = page_words(ROOT / "notebooks" / session.notebook)
        if session.start:
            need = main / PRESENTING_WORDS_PER_MINUTE
        else:
            need = (main + background) / READING_WORDS_PER_MINUTE
        assert session.reading_minutes >= math.floor(need), (session.id, main, background)
        assert session.reading_minutes >= (main + background) / FASTEST_WORDS_PER_MINUTE


def test_a_self_study_page_says_the_minutes_of_the_programme(content):
    for session in content.programme.sessions():
        if session.minutes is None or not session.notebook:
            continue
        text = (ROOT / "notebooks" / session.notebook).read_text(encoding="utf-8")
        assert f"ca. {session.minutes} minutter" in text, session.id


def test_slots_and_the_header_text(content):
    sparring = content.programme.session("sparring")
    assert slot_minutes(sparring) == 45
    assert slot_minutes(content.programme.session("bip")) is None
    assert meta_text(content.exercise("sparring_trio")) == "27 min. · I grupper"
    assert meta_text(content.exercise("ugu_traener")) == "Øv mere efter kurset · 12 min. · Alene"
    assert meta_text(content.exercise("refleksion_laeringsgruppemoede")) == "15 min. · I par"


# --- the loader says what to change ---------------------------------------------------------


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_page_over_its_slot_is_rejected_naming_file_and_field(data):
    edit(
        data / "exercises" / "04_sparring.yaml",
        "  - id: sparring_erfaringer\n    kind: refleksion\n    minutes: 5\n",
        "  - id: sparring_erfaringer\n    kind: refleksion\n    minutes: 15\n",
    )
    with pytest.raises(ContentError) as error:
        load_course(data)
    message = str(error.value)
    assert message.startswith("data/exercises/04_sparring.yaml: felt 'minutes': ")
    assert "sidens del i rummet tager 53 min. (tekst 9 min. + øvelser 44 min.)" in message
    assert "sessionen 'sparring' har 45 min. (13.00–13.45) i data/programme.yaml" in message
    assert "»Øv mere efter kurset« (after_course: true)" in message


def test_moving_an_exercise_after_the_course_makes_the_page_fit_again(data):
    path = data / "exercises" / "04_sparring.yaml"
    edit(
        path,
        "  - id: sparring_erfaringer\n    kind: refleksion\n    minutes: 5\n",
        "  - id: sparring_erfaringer\n    kind: refleksion\n    minutes: 15\n",
    )
    with pytest.raises(ContentError):
        load_course(data)
    edit(path, "    minutes: 15\n", "    minutes: 15\n    after_course: true\n")
    plan = page_plans(load_course(data))["sparring"]
    assert (plan.planned, plan.after_course) == (38, 63)


def test_a_page_without_time_for_its_text_is_rejected(data):
    edit(data / "programme.yaml", "        reading_minutes: 9\n", "")
    with pytest.raises(
        ContentError,
        match=r"data/programme.yaml: session 'sparring': felt 'reading_minutes' mangler",
    ):
        load_course(data)


def test_self_study_minutes_must_be_the_sum_of_the_page(data):
    edit(data / "programme.yaml", "        minutes: 60\n", "        minutes: 45\n")
    with pytest.raises(ContentError) as error:
        load_course(data)
    assert str(error.value) == (
        "data/programme.yaml: session 'bip': felt 'minutes': 45 passer ikke med siden: tekst "
        "9 min. + øvelser 51 min. = 60 min. (øvelsernes minutter står i "
        "data/exercises/10_fra_bip_til_praksis.yaml)"
    )


def test_self_study_has_no_after_course_section(data):
    edit(
        data / "exercises" / "12_vidensmobilisering.yaml",
        "    minutes: 7\n    social_form: alene\n",
        "    minutes: 7\n    social_form: alene\n    after_course: true\n",
    )
    with pytest.raises(
        ContentError,
        match=r"12_vidensmobilisering.yaml: øvelse 'videnskilder': felt 'after_course': "
        r"selvstudiet har ingen kursusdag",
    ):
        load_course(data)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("    minutes: 10\n", "", "øvelse 'tjek_ind': feltet 'minutes' mangler"),
        ("    minutes: 10\n", "    minutes: 0\n", "felt 'minutes': 0 skal være et antal minutter"),
        ("    minutes: 10\n", "    minutes: ti\n", "felt 'minutes': forventede heltal"),
        ("    social_form: par\n", "", "øvelse 'tjek_ind': feltet 'social_form' mangler"),
        (
            "    social_form: par\n",
            "    social_form: to og to\n",
            "ukendt arbejdsform 'to og to' (kendte: alene, par, gruppe, plenum)",
        ),
        ("session: velkommen\n", "session: morgen\n", "felt 'session': sessionen 'morgen' findes"),
        ("session: velkommen\n", "session: frokost\n", "sessionen 'frokost' har ingen side"),
        (
            "session: velkommen\n",
            "session: rollen\n",
            "01_rollen_som_noegleperson.yaml: felt 'session': sessionen 'rollen' har allerede "
            "sine øvelser i data/exercises/00_velkommen.yaml",
        ),
        ("session: velkommen\n", "sessions: velkommen\n", "filen skal have feltet 'exercises'"),
    ],
)
def test_bad_time_or_page_fields_name_file_and_field(data, old, new, expected):
    edit(data / "exercises" / "00_velkommen.yaml", old, new)
    with pytest.raises(ContentError) as error:
        load_course(data)
    assert str(error.value).startswith("data/exercises/0")  # the file, then the field
    assert expected in str(error.value)


# --- the notebooks follow the data ----------------------------------------------------------

AFTER_HEADING = "## Øv mere efter kurset"
RECAP_HEADING = "## Det vigtigste"


def cells(path):
    import json

    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_each_notebook_shows_its_pages_exercises_in_room_then_after_then_the_recap(content):
    call = re.compile(r'page\.exercise\("([^"]+)"\)')
    for session in content.programme.sessions():
        if not session.notebook:
            continue
        order = []  # "AFTER", "RECAP" and exercise ids, in page order
        for cell in cells(ROOT / "notebooks" / session.notebook):
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                order += [m for m in (AFTER_HEADING, RECAP_HEADING) if m in source.split("\n")]
            else:
                order += call.findall(source)
        page = content.pages[session.id]
        shown = [o for o in order if o not in (AFTER_HEADING, RECAP_HEADING)]
        assert sorted(shown) == sorted(page), session.id
        after = [e for e in page if content.exercises[e].after_course]
        [recap] = [e for e in page if content.exercises[e].kind == "opsamling"]
        assert order[-2:] == [RECAP_HEADING, recap], session.id  # the page ends with its recap
        if after:
            start = order.index(AFTER_HEADING)
            assert sorted(order[start + 1 : -2]) == sorted(after), session.id
            assert not set(after) & set(order[:start]), session.id
        else:
            assert AFTER_HEADING not in order, session.id


def test_background_notes_fold_out_closed_and_keyboard_operable():
    """A native <details>/<summary>: closed by default, opened with Enter or Space."""
    found = 0
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in cells(path):
            source = "".join(cell["source"])
            assert "> **Baggrund" not in source, path.name  # no long open blocks left
            for block in re.findall(r"<details[^>]*>.*?</details>", source, re.S):
                found += 1
                assert block.startswith('<details class="nk-background">'), path.name
                assert re.match(
                    r'<details class="nk-background">\n<summary>Baggrund: [^<]+</summary>\n\n',
                    block,
                ), path.name
                assert block.endswith("\n\n</details>"), path.name  # Markdown inside renders
    assert found == 22
