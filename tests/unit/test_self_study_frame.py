"""The self-study track in its own frame (issue 14, Deliver 5).

Seeds 000 and 003 describe Væksthuset's own course for key persons (its kick-off, its
workshop for management, its digital knowledge package). The pages present them as
background knowledge, say what they mean for Jobrettet samtale's target groups, and never
offer Væksthuset's course as the participant's own. The Jobkompagniet case (seed 004)
keeps its named voices.
"""

import json

import pytest

from tests.conftest import ROOT

SELF_STUDY = {
    "bip": ("10_fra_bip_til_praksis.ipynb", "10_fra_bip_til_praksis.yaml"),
    "vidensmobilisering": ("12_vidensmobilisering.ipynb", "12_vidensmobilisering.yaml"),
}
# Phrases that made Væksthuset's course the participant's own.
BORROWED = [
    "Til kick-off arbejder I",
    "før kick-off",
    "til kick-off",
    "Forløbets digitale videnspakke",
    "Den digitale videnspakke",
    "Forløbets tre læringsmål",
    "Forløbets elementer",
    "Derfor handler forløbet om",
    "Det er netop nøglepersonernes opgave",
]


def markdown(notebook: str) -> str:
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def self_study_text() -> str:
    parts = [(ROOT / "data" / "programme.yaml").read_text(encoding="utf-8")]
    for notebook in (
        "10_fra_bip_til_praksis.ipynb",
        "11_beskaeftigelsesfaglighed_i_praksis.ipynb",
        "12_vidensmobilisering.ipynb",
        "13_case_jobkompagniet.ipynb",
    ):
        parts.append(markdown(notebook))
    for exercises in (
        "10_fra_bip_til_praksis.yaml",
        "11_beskaeftigelsesfaglighed.yaml",
        "12_vidensmobilisering.yaml",
        "13_case_jobkompagniet.yaml",
    ):
        parts.append((ROOT / "data" / "exercises" / exercises).read_text(encoding="utf-8"))
    return "\n".join(parts)


@pytest.mark.parametrize("phrase", BORROWED)
def test_no_page_offers_vaeksthusets_course_as_the_participants_own(phrase):
    assert phrase.lower() not in self_study_text().lower()


@pytest.mark.parametrize("session", sorted(SELF_STUDY))
def test_the_page_is_background_and_speaks_to_jobrettet_samtales_target_groups(content, session):
    notebook, _ = SELF_STUDY[session]
    text = markdown(notebook)
    assert "baggrundsviden" in text.lower()
    assert "## Hvad betyder det i Jobrettet samtale?" in text
    section = text.split("## Hvad betyder det i Jobrettet samtale?")[1]
    assert "jobparate kontanthjælpsmodtagere" in section and "forsikrede ledige" in section


def test_the_self_study_track_is_background_not_a_kick_off(content):
    track = next(t for t in content.programme.tracks if t.id == "selvstudium")
    assert track.title == "Selvstudium – baggrundsviden"
    assert "kick-off" not in track.intro.lower()


def test_the_jobkompagniet_case_quotes_its_three_voices_with_name_and_role():
    text = " ".join(markdown("13_case_jobkompagniet.ipynb").split())
    pull_quote = "»Der er behov for en beskæftigelsesfaglig identitet og en fælles referenceramme«"
    assert f"### {pull_quote}" in text
    assert "*Grethe Ahlmann Olesen, afdelingsleder*" in text
    for voice in (
        "Afdelingsleder Grethe Ahlmann Olesen",
        "Projektkoordinator Elin Sonne",
        "Afdelingsleder Michael Højlund",
        "Elin Sonne, der har evalueret projektet",
    ):
        assert voice in text
    for quote in (
        "»Når der er flere fagligheder er der behov for et fælles fagligt fundament.",
        "Det lever efter processen, også når eksperterne er gået ud ad døren.«",
        "»Vores organisation har det som sit mål at udvikle sig",
        "»Vi har fået en sammenhængskraft i organisationen ud af projektet.",
        "Efterbearbejdningen af det man har lært, er det der for alvor giver læring.«",
    ):
        assert quote in text
