"""The report notebook run through papermill: HTML without code, a Word file, Danish intact."""

import io
import json

from docx import Document as Word

from course import report
from course.room import RoomStore
from tests.unit.test_report import SECRET, seed


def test_the_report_notebook_is_thin_and_outside_the_participants_pages():
    cells = json.loads(report.NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert [c["metadata"].get("tags", []) for c in code] == [["parameters"], []]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert report.NOTEBOOK.parent.name == "reports"


def test_the_command_makes_html_and_word_from_a_seeded_room(tmp_path, capsys):
    _, workshop = seed(tmp_path / "rum")
    out = tmp_path / "ud"
    assert (
        report.main(
            [
                "--workshop",
                workshop.code.lower(),
                "--out",
                str(out),
                "--mappe",
                str(tmp_path / "rum"),
            ]
        )
        == 0
    )
    page = out / f"rapport-{workshop.code}-2026-11-20.html"
    word_file = page.with_suffix(".docx")
    assert str(page) in capsys.readouterr().out
    html = page.read_text(encoding="utf-8")
    assert "<title>Bruttoopgavebeskrivelse – Kursusdag Ærø</title>" in html
    assert '<html lang="da">' in html
    assert "Rummets rangering af opgaverne" in html and "20.11.2026" in html
    assert "report.show" not in html and "from course import" not in html  # no code shown
    assert "store_url" not in html and "output_folder" not in html
    assert SECRET not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    word = Word(io.BytesIO(word_file.read_bytes()))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Bruttoopgavebeskrivelse – Kursusdag Ærø"
    assert word.core_properties.language == "da-DK"
    for expected in (
        "Rummets rangering af opgaverne",
        "Opgaverne efter niveau og tidspunkt",
        "Opmærksomhedspunkter: at gå foran uden en ledelsesrolle",
        "Råd til de lavest vurderede punkter",
        "Læringskulturen i jobcentrene",
        "Deltagernes handleplaner",
        "Forventninger ved tjek ind",
    ):
        assert expected in headings
    first = word.tables[0]
    assert [c.text for c in first.rows[0].cells][:4] == ["Nr.", "Opgave", "Gns. plads", "Nævnt af"]
    assert first.rows[1].cells[1].text.startswith("Facilitering")
    assert len(word.tables) >= 8
    every = " ".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert SECRET not in every and "Karen Ærøskøbing" in every


def test_an_empty_workshop_gives_the_message_not_a_crash(tmp_path):
    room = RoomStore(tmp_path / "rum")
    workshop = room.create_workshop("Tom dag", "2026-12-01")
    page, word_file = report.make_report(workshop.code, tmp_path / "ud", store_url=room.url)
    assert report.EMPTY_MESSAGE in page.read_text(encoding="utf-8")
    word = Word(io.BytesIO(word_file.read_bytes()))
    assert report.EMPTY_MESSAGE in [p.text for p in word.paragraphs]


def test_an_unknown_workshop_is_a_danish_message(tmp_path, capsys):
    RoomStore(tmp_path / "rum").workshops()
    assert (
        report.main(
            [
                "--workshop",
                "K7M4QX",
                "--mappe",
                str(tmp_path / "rum"),
                "--out",
                str(tmp_path / "ud"),
            ]
        )
        == 1
    )
    assert "Der er ingen workshop med koden K7M4QX" in capsys.readouterr().err


def test_the_html_holds_only_the_report_not_the_notebooks_note(tmp_path):
    room, workshop = seed(tmp_path / "rum")
    page, _ = report.make_report(workshop.code, tmp_path / "ud", store_url=room.url)
    html = page.read_text(encoding="utf-8")
    assert "Rapport til kursuslederne" not in html and "python -m course.report" not in html
    assert "1 opgave er tilføjet af deltagerne selv" in html
