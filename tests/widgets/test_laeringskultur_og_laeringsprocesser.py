"""Notebook 02's exercises, driven without a browser: steps, card, key figures, scales."""

import base64
import io
import re

import docx
import pytest

from course.workbook import WorkbookStore
from widgets import LearningCycle, Rating, Sorting, TeamKeyFigures
from widgets.status import SaveState


def saved(workbook, exercise_id):
    """What is on disk, read through a fresh store (not the widget's memory)."""
    return WorkbookStore(workbook.path.parent).open(workbook.id).answer(exercise_id)


# --- læringscyklus ---------------------------------------------------------------------


@pytest.fixture
def cycle(content, workbook):
    return LearningCycle(content.exercise("laeringscyklus"), workbook)


def test_the_cycle_starts_with_an_overview_and_no_picture(cycle):
    assert cycle.position == 0 and cycle.back.disabled and not cycle.next.disabled
    assert cycle.next.description == "Start: trin 1"
    assert "Refleksion og beslutning om at eksperimentere" in cycle.overview.value
    assert cycle.stage.children == (cycle.overview,) and cycle.picture.value == ""
    assert cycle.picture.layout.display == "none"


def test_next_and_back_walk_one_step_at_a_time_with_the_picture_highlighting_it(cycle, workbook):
    cycle.next.click()
    assert (
        cycle.position == 1 and "Trin 1 af 5: Erfaring – handling og oplevelse" in cycle.where.value
    )
    assert cycle.stage.children == (cycle.boxes["erfaring"],)
    assert cycle.boxes["erfaring"].description.startswith("Beskriv situationen")
    assert 'src="data:image/png;base64,iVBOR' in cycle.picture.value
    assert "Du er ved trin 1: Erfaring – handling og oplevelse." in cycle.picture.value
    assert cycle.picture.layout.display is None
    cycle.next.click()
    cycle.next.click()
    assert "Trin 3 af 5: Refleksion og beslutning om at eksperimentere" in cycle.where.value
    assert "Du er ved trin 3" in cycle.picture.value
    cycle.back.click()
    assert cycle.position == 2 and saved(workbook, "laeringscyklus")["position"] == 2
    for _ in range(3):
        cycle.next.click()
    assert cycle.position == 5 and cycle.next.description == "Til eksperimentkortet"
    cycle.next.click()
    assert cycle.stage.children == (cycle.card,) and cycle.next.disabled
    assert cycle.picture.value == "" and cycle.picture.layout.display == "none"  # full width
    cycle.next.click()  # a disabled button cannot move further; go() clamps anyway
    cycle.go(1)
    assert cycle.position == 6


def test_answers_are_saved_and_restored_at_the_same_step(content, cycle, workbook):
    cycle.next.click()
    cycle.boxes["erfaring"].value = "En samtale, hvor jeg talte mest selv – æøå"
    cycle.next.click()
    cycle.boxes["analyse"].value = "Jeg ville hjælpe hurtigt"
    assert saved(workbook, "laeringscyklus")["answers"]["erfaring"].endswith("æøå")
    again = LearningCycle(content.exercise("laeringscyklus"), workbook)
    assert again.position == 2 and again.stage.children == (again.boxes["analyse"],)
    assert again.boxes["erfaring"].value == "En samtale, hvor jeg talte mest selv – æøå"
    assert "Du er ved trin 2" in again.picture.value
    assert again.save_state is SaveState.RESTORED


def test_a_hand_edited_saved_cycle_is_tolerated(content, workbook):
    workbook.save_answer(
        "laeringscyklus",
        {
            "position": "tre",
            "answers": ["ikke", "et", "kort"],
            "card": {"proeve": 42, "ukendt": "x"},
        },
    )
    ex = LearningCycle(content.exercise("laeringscyklus"), workbook)
    assert ex.position == 0 and ex.boxes["erfaring"].value == ""
    assert ex.controls["proeve"].value == "42"
    workbook.save_answer("laeringscyklus", ["ikke", "en", "tabel"])
    workbook.save_answer("datainformeret_laering", "tekst")
    assert LearningCycle(content.exercise("laeringscyklus"), workbook).position == 0
    figures = TeamKeyFigures(content.exercise("datainformeret_laering"), workbook)
    assert len(figures.chosen()) == 5


def test_the_card_lists_what_is_missing_then_shows_and_downloads(cycle, workbook):
    for _ in range(6):
        cycle.next.click()
    cycle.make_button.click()
    assert "Kortet er ikke færdigt endnu" in cycle.result.value
    assert "Udfyld feltet »Det vil jeg prøve«" in cycle.result.value
    cycle.controls["proeve"].value = "Spørge ind til borgerens egne jobønsker <b>først</b>"
    cycle.controls["hvornaar"].value = "Mandag i uge 48"
    cycle.controls["vide"].value = "Borgeren foreslår selv virksomheder"
    cycle.make_button.click()
    result = cycle.result.value
    assert "Dit eksperimentkort er klar" in result and '<div class="nk-card">' in result
    assert "&lt;b&gt;først&lt;/b&gt;" in result and "<b>først</b>" not in result
    assert '<div class="nk-card-label">Med hvem</div><div>(ikke udfyldt)</div>' in result
    link = re.search(r'download="([^"]+\.docx)" href="data:[^;]+;base64,([^"]+)"', result)
    assert link.group(1) == "Mit-eksperimentkort-Karen-Jensen.docx"
    word = docx.Document(io.BytesIO(base64.b64decode(link.group(2))))
    texts = [p.text for p in word.paragraphs]
    assert "Spørge ind til borgerens egne jobønsker <b>først</b>" in texts
    assert "Trin 4: Eksperimenteren" in texts and len(word.inline_shapes) == 1
    assert re.search(r'download="Mit-eksperimentkort-Karen-Jensen\.md"', result)
    assert saved(workbook, "laeringscyklus")["card"]["hvornaar"] == "Mandag i uge 48"
    cycle.controls["hvem"].value = "Min læringsgruppe"
    assert cycle.result.value == ""  # the card shown no longer matches


def test_the_card_asks_for_a_name_without_a_workbook(content):
    ex = LearningCycle(content.exercise("laeringscyklus"), None)
    ex.controls["proeve"].value = ex.controls["hvornaar"].value = ex.controls["vide"].value = "x"
    ex.make_button.click()
    assert "Skriv dit navn og jobcenter" in ex.result.value


# --- nøgletal ---------------------------------------------------------------------------


@pytest.fixture
def figures(content, workbook):
    return TeamKeyFigures(content.exercise("datainformeret_laering"), workbook)


def test_key_figures_are_labelled_as_fictitious_and_drawn_only_when_asked(figures):
    assert "Alle tal her er fiktive" in figures.children[0].value
    assert figures.picture.value == "" and figures.table.value == ""
    assert [c.description for c in figures.teams.values()] == [
        "Kontanthjælp Nord",
        "Kontanthjælp Syd",
        "Forsikrede Vest",
        "Forsikrede Øst",
        "Særlige udfordringer",
    ]
    assert figures.measure.description == "Nøgletal" and figures.start.description == "Fra måned"
    assert "virksomhed" in figures.about.value  # what the chosen figure means


def test_showing_filtering_and_comparing_teams(figures, workbook):
    figures.show_button.click()
    assert (
        'alt="Graf, måned for måned: Samtaler med virksomhedskontakt, januar 2025 – december 2025.'
        in figures.picture.value
    )
    assert "Fiktive" not in figures.table.value and figures.table.value.count("<tr>") == 6
    figures.measure.value = "andel_jobaftale"
    figures.teams["Kontanthjælp Nord"].value = False
    figures.teams["Kontanthjælp Syd"].value = False
    figures.start.value = "2025-06"
    figures.end.value = "2025-08"
    table = figures.table.value
    assert "<caption>Samtaler med en konkret jobaftale</caption>" in table
    assert "Kontanthjælp" not in table and table.count("<tr>") == 4
    assert "juni 2025" in table and "august 2025" in table and "pct.-point" in table
    figures.view.value = "teams"
    assert "gennemsnit pr. team" in figures.picture.value
    assert saved(workbook, "datainformeret_laering") == {
        "measure": "andel_jobaftale",
        "view": "teams",
        "teams": ["Forsikrede Vest", "Forsikrede Øst", "Særlige udfordringer"],
        "start": "2025-06",
        "end": "2025-08",
        "texts": {"ser": "", "fortaeller_ikke": "", "laeringssituationer": ""},
    }


def test_no_team_and_a_reversed_period_give_a_message(figures):
    figures.show_button.click()
    figures.start.value = "2025-09"
    figures.end.value = "2025-04"
    assert "perioden er vendt om" in figures.message.value
    assert "april 2025" in figures.table.value and "september 2025" in figures.table.value
    for box in figures.teams.values():
        box.value = False
    assert "Vælg mindst ét team" in figures.message.value and figures.picture.value == ""


def test_reflections_are_saved_without_redrawing_on_every_keystroke(figures, workbook, monkeypatch):
    figures.show_button.click()
    calls = []
    monkeypatch.setattr(figures, "_draw", lambda: calls.append(1))
    figures.texts["fortaeller_ikke"].value = "Hvorfor er juli lav? Ferie?"
    figures.texts["fortaeller_ikke"].value = "Hvorfor er juli lav? Ferie? Sygdom?"
    assert calls == []
    assert saved(workbook, "datainformeret_laering")["texts"]["fortaeller_ikke"].endswith("Sygdom?")


def test_key_figure_choices_are_restored_and_bad_ones_ignored(content, workbook):
    workbook.save_answer(
        "datainformeret_laering",
        {
            "measure": "progression",
            "view": "ukendt",
            "teams": ["Forsikrede Øst", "Findes ikke"],
            "start": "2025-13",
            "end": "2025-10",
            "texts": {"ser": "Et mønster"},
        },
    )
    ex = TeamKeyFigures(content.exercise("datainformeret_laering"), workbook)
    assert ex.measure.value == "progression" and ex.view.value == "tid"
    assert ex.chosen() == ["Forsikrede Øst"]
    assert (ex.start.value, ex.end.value) == ("2025-01", "2025-10")
    assert ex.texts["ser"].value == "Et mønster" and ex.picture.value == ""
    ex.show_button.click()
    assert (
        "Forsikrede Øst" in ex.table.value and "3," in ex.table.value
    )  # a 1-5 mean, decimal comma


def test_the_data_can_be_downloaded_as_csv(figures):
    from course.teamdata import DATA_FILE

    link = next(c.value for c in figures.children if "download=" in getattr(c, "value", ""))
    data = re.search(
        r'download="team_noegletal.csv" href="data:text/csv;charset=utf-8;base64,([^"]+)"', link
    )
    assert base64.b64decode(data.group(1)) == DATA_FILE.read_bytes()


# --- the scales and sortings of the page -------------------------------------------------------


def test_plc_self_assessment_gives_advice_for_low_ratings(content, workbook):
    ex = Rating(content.exercise("plc_selvvurdering"), workbook)
    assert len(ex.ratings) == 5
    ex.ratings["metoder"].value = 1
    ex.ratings["vaerdier"].value = 4
    assert "observerer hinandens samtaler" in ex.advice["metoder"].value
    assert ex.advice["vaerdier"].value == ""
    ex.texts["foerste_skridt"].value = "Kollegial observation i januar"
    assert saved(workbook, "plc_selvvurdering")["ratings"]["metoder"] == 1


def test_the_learning_culture_scale_runs_from_1_to_10_with_two_prompts(content, workbook):
    ex = Rating(content.exercise("laeringskultur_skala"), workbook)
    buttons = ex.ratings["laeringskultur"]
    assert [v for _, v in buttons.options] == list(range(1, 11))
    assert buttons.description == "På en skala fra 1-10, hvor god er jeres læringskultur i dag?"
    buttons.value = 6
    ex.texts["godt"].value = "Vi deler erfaringer"
    ex.texts["bedre"].value = "Faste læringsmøder"
    assert saved(workbook, "laeringskultur_skala") == {
        "ratings": {"laeringskultur": 6},
        "texts": {"godt": "Vi deler erfaringer", "bedre": "Faste læringsmøder"},
    }


@pytest.mark.parametrize(
    "exercise_id, categories",
    [
        ("tre_domaener", ["personligt", "produktion", "refleksion"]),
        ("kulturelle_logikker", ["funktionalitet", "familie", "laering"]),
    ],
)
def test_the_page_sortings_cover_every_category_with_feedback(
    content, workbook, exercise_id, categories
):
    definition = content.exercise(exercise_id)
    assert [c.id for c in definition.categories] == categories
    assert {i.category for i in definition.items} == set(categories)
    ex = Sorting(definition, workbook)
    first = definition.items[0]
    wrong = next(c for c in categories if c != first.category)
    ex.answer(first.id, wrong)
    assert "✘ Ikke helt." in ex.feedback.value
    ex.answer(first.id, first.category)
    assert "✔ Rigtigt." in ex.feedback.value
    assert saved(workbook, exercise_id) == {
        "answers": {first.id: first.category},
        "first": {first.id: wrong},
    }
