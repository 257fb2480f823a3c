"""The Word plan as another program lays it out: LibreOffice converts it to PDF, and no word in
any of its tables is broken in the middle (»Opstartsm|øde«).

LibreOffice is installed by the README's test command (`make test`), like chromium.
"""

import copy
import io
import re
import shutil
import subprocess

import docx
import pytest
from pypdf import PdfReader

from course import first_plan
from course.document import Document, Section, to_docx
from tests.unit.test_first_plan import A_DAY, TODAY

WORD = re.compile(r"\w+")
LONG_WORDS = (
    "Beskæftigelsesfaglighed, opstartsmøde og introduktionsforløbet med "
    "læringsgruppemødet i Jobcenter Ringkøbing-Skjern"
)


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail(
            "LibreOffice is missing: run the README's test command (make test), which installs "
            "libreoffice-writer-nogui"
        )
    return found


def as_pdf_text(data: bytes, folder) -> str:
    """The text of ``data`` (a .docx) as LibreOffice lays it out, page by page."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "plan.docx"
    source.write_bytes(data)
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{folder}/profil",  # a profile of its own, no locks
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = folder / "plan.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def broken_words(doc: Document, pdf_text: str) -> list[str]:
    """The words of the document's tables that do not come out whole in the PDF's text."""
    laid_out = set(WORD.findall(pdf_text))
    words = {
        word
        for section in doc.sections
        for row in section.table
        for cell in row
        for word in WORD.findall(str(cell))
        if len(word) > 1
    }
    return sorted(words - laid_out)


def a_long_day() -> dict:
    """A day's answers with long Danish words in every table of the plan."""
    answers = copy.deepcopy(A_DAY)
    first, second = answers["handleplan"]["rows"]
    first["fields"].update(
        hvad="Opstartsmøde om beskæftigelsesfaglighed og introduktionsforløbet",
        hvem="Læringsgruppekoordinatoren",
        med_hvem="Projektlederen og teamlederen",
        hvordan="Flere jobaftaler\nFærre aflyste samtaler\nLæringsgruppemøderne holdes",
    )
    second["fields"].update(med_hvem="Beskæftigelseskonsulenterne", hvordan=LONG_WORDS)
    for row in answers["aarshjul"]["rows"]:
        row["fields"]["ansvarlig"] = "Læringsgruppekoordinatoren"
    return answers


def test_no_word_breaks_in_the_middle_in_the_tables_of_the_word_plan(content, tmp_path):
    plan = content.exercise("min_foerste_plan")
    doc = first_plan.build_document(
        content, plan, a_long_day(), "Åse Ørsted", "Jobcenter Ringkøbing-Skjern", today=TODAY
    )
    tables = [s.table for s in doc.sections if s.table]
    assert len(tables) >= 5  # introduction, year wheel, both periods, follow-ups
    # Several items in one cell are separate lines in Word, never run together.
    word = docx.Document(io.BytesIO(to_docx(doc)))
    cells = [c for t in word.tables for row in t.rows for c in row.cells]
    answer = next(c for c in cells if c.text.startswith("Flere jobaftaler"))
    assert [p.text for p in answer.paragraphs] == [
        "Flere jobaftaler",
        "Færre aflyste samtaler",
        "Læringsgruppemøderne holdes",
    ]
    text = as_pdf_text(to_docx(doc), tmp_path)
    assert "Opstartsmøde" in text and "Beskæftigelsesfaglighed" in text
    assert broken_words(doc, text) == []


def test_the_check_sees_a_word_broken_in_the_middle(tmp_path):
    """The control: equal columns, as python-docx makes them unless told otherwise, break the
    long words of a six-column plan, and the check finds them."""
    header = ["Hvad", "Hvem har ansvaret?", "Start", "Slut", "Med hvem?", "Hvordan?"]
    row = [
        "Opstartsmøde",
        "Læringsgruppekoordinatoren",
        "01.12.2026",
        "31.03.2027",
        "Beskæftigelseskonsulenterne",
        "Introduktionsforløbet",
    ]
    doc = Document("Kontrol", sections=[Section("Tabel", table=[header, row])])
    naive = docx.Document()
    table = naive.add_table(rows=0, cols=len(header))
    for cells in (header, row):
        for cell, text in zip(table.add_row().cells, cells):
            cell.text = text
    buffer = io.BytesIO()
    naive.save(buffer)
    broken = broken_words(doc, as_pdf_text(buffer.getvalue(), tmp_path))
    assert "Læringsgruppekoordinatoren" in broken and "Beskæftigelseskonsulenterne" in broken
    # The course's own export of the same table keeps every word whole.
    assert broken_words(doc, as_pdf_text(to_docx(doc), tmp_path / "kursus")) == []
