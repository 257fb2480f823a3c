"""The dashboard's report button: runs the report notebook and offers HTML and Word."""

import base64
import io
import re

from docx import Document as Word

from tests.unit.test_report import SECRET, seed
from widgets import FacilitatorPage
from widgets.markup import DOCX_MIME

CODE = "K7M4QXPR2D"


def dashboard(store):
    page = FacilitatorPage("facilitator", folder=str(store.folder), expected_code=CODE)
    page.code.value = CODE
    return page.dashboard


def test_the_button_asks_for_a_workshop_first(store):
    board = dashboard(store)
    board.choose.value = ""
    board.report_button.click()
    assert "Vælg først en workshop" in board.report_view.value


def test_the_button_offers_the_report_as_html_and_word(store):
    _, workshop = seed(store.folder)
    board = dashboard(store)
    assert board.choose.value == workshop.code  # the newest workshop is chosen
    assert board.report_button.description == "Lav rapporten (HTML og Word)"
    board.report_button.click()
    view = board.report_view.value
    assert "Rapporten for »Kursusdag Ærø« er klar" in view and not board.report_button.disabled
    links = dict(re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', view))
    html = base64.b64decode(links[f"rapport-{workshop.code}-2026-11-20.html"]).decode("utf-8")
    assert "Bruttoopgavebeskrivelse – Kursusdag Ærø" in html and SECRET not in html
    assert "report.show" not in html
    assert f'href="data:{DOCX_MIME};base64,' in view
    word = Word(io.BytesIO(base64.b64decode(links[f"rapport-{workshop.code}-2026-11-20.docx"])))
    assert word.paragraphs[0].text == "Bruttoopgavebeskrivelse – Kursusdag Ærø"
    board.choose.value = ""  # another workshop: the old files go
    assert board.report_view.value == ""


def test_a_failing_run_is_a_danish_message(store):
    seed(store.folder, [])

    def broken(*_args, **_kwargs):
        raise OSError("no kernel")

    board = dashboard(store)
    board.report_maker = broken
    board.report_button.click()
    assert "Rapporten kunne ikke laves" in board.report_view.value
    assert not board.report_button.disabled
