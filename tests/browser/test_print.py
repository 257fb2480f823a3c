"""Printing a page from the browser gives the whole page, readably (not one cut-off sheet)."""

import io

from pypdf import PdfReader

from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS, open_page


def test_a_printed_page_has_all_of_the_page_on_as_many_sheets_as_it_needs(server, page):
    workbook = WorkbookStore(server.folder).create("Birgit Print", "Jobcenter Ringsted")
    open_page(page, f"{server.base}01_rollen_som_noegleperson.ipynb?logbog={workbook.id}")
    answer = "Et langt svar, der skal med på papiret. " * 40 + "SLUTNINGEN AF SVARET"
    page.get_by_label("Hvordan ser I rollen?").fill(answer)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    (ARTIFACTS / "udskrift_01.pdf").write_bytes(pdf)
    pages = PdfReader(io.BytesIO(pdf)).pages
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert len(pages) > 2
    last_title = page.locator(".nk-exercise .nk-title").last.inner_text()
    assert " ".join(last_title.split()) in text  # the end of the page is on paper too
    assert "SLUTNINGEN AF SVARET" in text  # a text area prints all that was written
    assert "Hent min logbog som fil" not in text  # buttons are left out
