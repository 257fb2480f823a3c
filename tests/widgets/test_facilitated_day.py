"""The facilitated day without a browser: pacing on the participants' pages, the course
leader's pacing and moderation, the QR code, the Excel file, tjek ud and the job centre's plan."""

import base64
import io
import re

import docx
import ipywidgets as ipw
import openpyxl
import pytest

from course.session import PageRequest
from tests.widgets.test_exercises import saved
from tests.widgets.test_page import find
from widgets import CoursePage, FacilitatorPage
from widgets.facilitator import join_html
from widgets.status import SaveState

CODE = "K7M4QXPR2D"
WORKSHOP_LABEL = "Workshopkode (hvis kursuslederen har givet jer en)"


def person(store, room, workshop, name, centre="Jobcenter Ærø"):
    wb = store.create(name, centre)
    room.join(workshop.code, wb.id)
    wb.join_workshop(workshop.as_dict())
    return wb


def page_of(store, session, wb):
    return CoursePage(session, folder=str(store.folder), request=PageRequest(True, wb.id))


@pytest.fixture
def board(store, workshop):
    page = FacilitatorPage("facilitator", folder=str(store.folder), expected_code=CODE)
    page.code.value = CODE
    page.dashboard.choose.value = workshop.code
    return page.dashboard


def test_the_start_page_fills_in_the_workshop_code_from_the_qr_code_s_address(store):
    page = CoursePage(
        "velkommen", folder=str(store.folder), request=PageRequest(True, "", "K7M4QX")
    )
    field = next(t for t in find(page.identity, ipw.Text) if t.description == WORKSHOP_LABEL)
    assert field.value == "K7M4QX"
    other = CoursePage("rollen", folder=str(store.folder), request=PageRequest(True, "", "K7M4QX"))
    assert WORKSHOP_LABEL not in [t.description for t in find(other.identity, ipw.Text)]


def test_a_closed_exercise_keeps_the_answer_and_shares_it_when_reopened(store, room, workshop):
    wb = person(store, room, workshop, "Åse Ørsted")
    checkin = page_of(store, "velkommen", wb).exercise("tjek_ind")
    checkin.boxes["ser_frem_til"].value = "Første svar"
    assert checkin.save_state is SaveState.SHARED
    room.set_open(workshop.code, "tjek_ind", False)
    checkin.sharing.ticker.value += 1  # the browser's next count
    assert "Lukket for svar." in checkin.sharing.note.value
    checkin.boxes["ser_frem_til"].value = "Skrevet, mens der var lukket"
    assert checkin.save_state is SaveState.CLOSED
    assert "Kursuslederen har lukket for svar på øvelsen" in checkin.status.value
    assert saved(wb, "tjek_ind")["ser_frem_til"] == "Skrevet, mens der var lukket"
    [kept] = room.answers(workshop.code, "tjek_ind")
    assert kept.value["ser_frem_til"] == "Første svar"
    room.set_open(workshop.code, "tjek_ind", True)
    checkin.sharing.ticker.value += 1
    assert "Lukket for svar" not in checkin.sharing.note.value
    assert checkin.save_state is SaveState.SHARED
    [shared] = room.answers(workshop.code, "tjek_ind")
    assert shared.value["ser_frem_til"] == "Skrevet, mens der var lukket"


def test_revealed_results_show_on_the_participant_s_page_without_names(store, room, workshop):
    pages = []
    for name, text in (("Åse Ørsted", "Værktøjer"), ("Per <b>Hansen</b>", "<i>Sparring</i>")):
        wb = person(store, room, workshop, name)
        checkin = page_of(store, "velkommen", wb).exercise("tjek_ind")
        checkin.boxes["ser_frem_til"].value = text
        pages.append(checkin)
    mine = pages[0]
    mine.sharing.ticker.value += 1
    assert mine.sharing.results.value == ""  # held back
    assert "uden navne" in mine.sharing.note.value
    room.set_revealed(workshop.code, "tjek_ind", True)
    mine.sharing.ticker.value += 1
    results = mine.sharing.results.value
    assert "Rummets svar" in results and "2 har svaret" in results
    assert "Værktøjer" in results and "&lt;i&gt;Sparring&lt;/i&gt;" in results
    assert "Åse" not in results and "Hansen" not in results
    per = next(a for a in room.answers(workshop.code, "tjek_ind") if a.name.startswith("Per"))
    room.set_hidden(workshop.code, "tjek_ind", per.key, True)
    mine.sharing.ticker.value += 1
    assert "Sparring" not in mine.sharing.results.value
    assert "1 har svaret" in mine.sharing.results.value


def test_the_course_leader_opens_closes_reveals_and_hides(store, room, workshop, board):
    for name in ("Åse Ørsted", "Per Hansen"):
        wb = person(store, room, workshop, name)
        page_of(store, "velkommen", wb).exercise("tjek_ind").boxes[
            "ser_frem_til"
        ].value = f"Svar fra {name}"
    board.views.value = "svar"
    assert "Resultaterne er skjult" in board.answers_view.value
    assert "Åben for svar" in board.pace_view.value
    assert "Svar fra" not in board.answers_view.value
    board.open_button.click()
    assert not room.state(workshop.code, "tjek_ind").open
    assert board.open_button.description == "Åbn for svar"
    assert "Lukket for svar" in board.pace_view.value
    board.reveal_button.click()
    assert board.reveal_button.description == "Skjul resultaterne"
    assert "<b>Per Hansen:</b> Svar fra Per Hansen" in board.answers_view.value
    board.views.value = "styring"
    assert "Tjek ind" in board.pacing_overview.value and "Lukket" in board.pacing_overview.value
    rows = board.moderate_view.children
    assert len(rows) == 2 and "Svar fra Per Hansen" in rows[1].children[0].value
    hide = rows[1].children[1]
    assert hide.description == "Skjul" and hide.tooltip == "Skjul – svar fra Per Hansen"
    hide.click()
    assert "(skjult)" in board.moderate_view.children[1].children[0].value
    assert board.moderate_view.children[1].children[1].description == "Vis igen"
    board.views.value = "svar"
    assert "Per Hansen" not in board.answers_view.value
    assert "<b>1</b> af 2 deltagere har svaret" in board.answers_view.value
    board.views.value = "styring"
    board.moderate_view.children[1].children[1].click()  # »Vis igen«
    board.views.value = "svar"
    assert "Svar fra Per Hansen" in board.answers_view.value


def test_tjek_ud_is_shown_beside_the_morning_s_tjek_ind(store, room, workshop, board):
    wb = person(store, room, workshop, "Åse Ørsted")
    page_of(store, "velkommen", wb).exercise("tjek_ind").boxes["ser_frem_til"].value = "Værktøjer"
    page_of(store, "min_plan", wb).exercise("tjek_ud").boxes["tager_med"].value = "UGU"
    board.views.value = "svar"
    board.exercise.value = "tjek_ud"
    board.reveal_button.click()
    view = board.answers_view.value
    assert 'class="nk-side"' in view
    assert view.index("Tjek ud: det tager du med dig") < view.index("I morges: Tjek ind")
    assert "<b>Åse Ørsted:</b> UGU" in view and "<b>Åse Ørsted:</b> Værktøjer" in view


def test_the_excel_file_downloads_and_reads_back(store, room, workshop, board):
    wb = person(store, room, workshop, "Åse Ørsted")
    page_of(store, "velkommen", wb).exercise("tjek_ind").boxes["brug_for"].value = "=1+1"
    board.export_button.click()
    match = re.search(
        r'download="([^"]+\.xlsx)" href="data:[^;]+;base64,([^"]+)"', board.export_view.value
    )
    name, data = match.group(1), base64.b64decode(match.group(2))
    assert name == f"svar-{workshop.code}-2026-11-20.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book[book.sheetnames[1]]
    assert sheet["A2"].value == "Åse Ørsted" and sheet["F2"].value == "=1+1"
    assert sheet["F2"].data_type != "f"


def test_the_qr_code_and_address_on_the_course_leader_s_screen():
    html = join_html("K7M4QX", {"NOEGLEPERSONKURSUS_ADRESSE": "http://10.0.0.5:8866"})
    assert '<img class="nk-qr" src="data:image/svg+xml' in html
    assert "10.0.0.5:8866/voila/render/00_velkommen.ipynb?workshop=K7M4QX" in html
    assert "peger på denne computer" not in html
    local = join_html("K7M4QX", {"VOILA_REQUEST_URL": "http://127.0.0.1:8866/voila/render/x"})
    assert "peger på denne computer" in local and "nk-qr" in local
    assert "kendes ikke her" in join_html("K7M4QX", {})


def test_tjek_ud_shows_the_morning_s_answers_and_the_day_s_goals(store, room, workshop):
    wb = person(store, room, workshop, "Åse Ørsted")
    empty = page_of(store, "min_plan", wb).exercise("tjek_ud")
    assert "Dagens fire mål" in empty.goals.value
    assert "enkle værktøjer til at facilitere" in empty.goals.value
    assert "Du skrev ikke noget ved tjek ind" in empty.recalled.value
    assert f'href="00_velkommen.ipynb?logbog={wb.id}"' in empty.recalled.value
    page_of(store, "velkommen", wb).exercise("tjek_ind").boxes[
        "ser_frem_til"
    ].value = "At <b>lære</b> at facilitere"
    checkout = page_of(store, "min_plan", wb).exercise("tjek_ud")
    assert "Hvad ser du frem til?" in checkout.recalled.value
    assert "At &lt;b&gt;lære&lt;/b&gt; at facilitere" in checkout.recalled.value
    checkout.boxes["tager_med"].value = "Struktureret dialog"
    assert checkout.save_state is SaveState.SHARED
    assert room.answers(workshop.code, "tjek_ud")[0].value["tager_med"] == "Struktureret dialog"


def fill_row(plan, group, number, **values):
    controls, _ = plan.controls(group, number)
    for field_id, value in values.items():
        controls[field_id].value = value


def test_two_colleagues_edit_one_plan_and_both_documents_hold_both_edits(store, room, workshop):
    ase_wb = person(store, room, workshop, "Åse Ørsted", "Jobcenter Ærø")
    per_wb = person(store, room, workshop, "Per Hansen", "ærø jobcenter")
    odense = person(store, room, workshop, "Ida Holm", "Jobcenter Odense")
    ase = page_of(store, "min_plan", ase_wb).exercise("jobcenterplan")
    per = page_of(store, "min_plan", per_wb).exercise("jobcenterplan")
    assert "Fælles plan for Jobcenter Ærø" in ase.where.value
    # Both add a row at the same time, each on their own page.
    ase.add_buttons["projektperioden"].click()
    per.add_buttons["naeste_aar"].click()
    fill_row(ase, "projektperioden", 1, hvad="Temadag", hvem="Åse")
    fill_row(per, "naeste_aar", 1, hvad="Læringsgrupper", hvem="Per")
    per.ticker.value += 1
    assert "Åse Ørsted har ændret planen" in per.notice.value
    per.sync_button.click()
    assert [r.fields["hvad"] for r in per.rows] == ["Temadag", "Læringsgrupper"]
    ase.sync()
    # The same field at the same time: both texts are kept, and Åse is told.
    fill_row(per, "projektperioden", 1, hvad="Temadag i marts")
    fill_row(ase, "projektperioden", 1, hvad="Temadag med virksomheder")
    assert "Per Hansen ændrede »Hvad« i række 1, mens du skrev" in (
        ase.messages["projektperioden"].value
    )
    controls, _ = ase.controls("projektperioden", 1)
    assert controls["hvad"].value == "Temadag i marts / Temadag med virksomheder"
    # Ida of another job centre has a plan of her own.
    assert page_of(store, "min_plan", odense).exercise("jobcenterplan").rows == []
    # Each person's »Min første plan« holds the plan as the job centre has it now.
    for wb in (ase_wb, per_wb):
        plan = page_of(store, "min_plan", wb).exercise("min_foerste_plan")
        plan.make_button.click()
        data = base64.b64decode(
            re.search(r'\.docx" href="data:[^;]+;base64,([^"]+)"', plan.result.value).group(1)
        )
        document = docx.Document(io.BytesIO(data))
        cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "Temadag i marts / Temadag med virksomheder" in cells and "Læringsgrupper" in cells
        texts = [p.text for p in document.paragraphs]
        assert "Lavet sammen af Åse Ørsted og Per Hansen." in texts
    assert saved(per_wb, "jobcenterplan")["plan"]["workshop"] == workshop.code


def test_a_plan_made_before_joining_goes_into_the_job_centre_s_plan(store, room, workshop):
    wb = store.create("Åse Ørsted", "Jobcenter Ærø")
    alone = page_of(store, "min_plan", wb).exercise("jobcenterplan")
    assert "Planen er din egen" in alone.where.value
    alone.add_buttons["projektperioden"].click()
    fill_row(alone, "projektperioden", 1, hvad="Min egen idé")
    room.join(workshop.code, wb.id)
    wb.join_workshop(workshop.as_dict())
    colleague = person(store, room, workshop, "Per Hansen")
    joined = page_of(store, "min_plan", wb).exercise("jobcenterplan")
    assert [r.fields["hvad"] for r in joined.rows] == ["Min egen idé"]
    assert [
        r.fields["hvad"]
        for r in page_of(store, "min_plan", colleague).exercise("jobcenterplan").rows
    ] == ["Min egen idé"]
    # Opened again, nothing is pushed twice.
    again = page_of(store, "min_plan", wb).exercise("jobcenterplan")
    assert len(again.rows) == 1


def test_an_answer_written_before_joining_a_closed_exercise_is_shared_when_reopened(
    store, room, workshop
):
    wb = store.create("Åse Ørsted", "Jobcenter Ærø")
    page = page_of(store, "velkommen", wb)
    checkin = page.exercise("tjek_ind")
    checkin.boxes["ser_frem_til"].value = "Skrevet før workshoppen"
    assert checkin.save_state is SaveState.SAVED
    room.set_open(workshop.code, "tjek_ind", False)
    field = next(
        t
        for t in find(page.identity, ipw.Text)
        if t.description == "Workshopkode fra kursuslederen"
    )
    field.value = workshop.code
    next(
        b for b in find(page.identity, ipw.Button) if b.description == "Deltag i workshoppen"
    ).click()
    assert checkin.save_state is SaveState.CLOSED
    assert "Lukket for svar." in checkin.sharing.note.value
    assert room.answers(workshop.code, "tjek_ind") == []
    room.set_open(workshop.code, "tjek_ind", True)
    checkin.sharing.ticker.value += 1  # the browser's next count
    assert checkin.save_state is SaveState.SHARED
    [shared] = room.answers(workshop.code, "tjek_ind")
    assert shared.value["ser_frem_til"] == "Skrevet før workshoppen"
