"""The facilitated day in Voilà: a course leader and three participants. They join through the
address in the QR code, answer while the exercise is open, are refused while it is closed; the
course leader hides one answer and reveals the rest, which reach a participant's page; the
report and the Excel file leave the hidden answer out or mark it; two colleagues of one job
centre write one plan at the same time; the tjek ud appears beside the morning's tjek ind."""

import base64
import io
import re
from datetime import date, timedelta

import docx
import openpyxl
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, VoilaServer

CODE = "K7M4QXPR2D"
PEOPLE = [
    ("Åse Ørsted", "Jobcenter Ærø", "Værktøjer til læringsmøder"),
    ("Per Hansen", "Ærø Jobcenter", "EN PINLIG JOKE"),
    ("Ida Holm", "Jobcenter Odense", "Sparring med kolleger"),
]
# Two colleagues from one job centre; not the people above, whose logbooks the first test made
# on the same server (a name that has a logbog is offered that logbog, not a new one).
COLLEAGUES = [
    ("Karen Ørsted", "Jobcenter Ærø", "Værktøjer til læringsmøder"),
    ("Mikkel Hansen", "Ærø Jobcenter", "Sparring med kolleger"),
]
SOON = date.today() + timedelta(days=14)


@pytest.fixture(scope="module")
def day_server(tmp_path_factory):
    srv = VoilaServer(
        tmp_path_factory.mktemp("voila-dag"),
        env={"NOEGLEPERSONKURSUS_FACILITATORKODE": CODE},
        log_name="voila-dag.log",
    )
    srv.start()
    yield srv
    srv.stop()


def shot(pg, name, full=False, at=None):
    """A screenshot at the page's size; ``full``: the whole page (Voilà scrolls inside a
    container, so the viewport grows to the content for it); ``at``: scrolled to a locator."""
    ARTIFACTS.mkdir(exist_ok=True)
    size = dict(pg.viewport_size)
    if at is not None:
        at.scroll_into_view_if_needed()
    if full:
        height = pg.evaluate(
            "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
        )
        pg.set_viewport_size(
            {"width": size["width"], "height": min(max(size["height"], height), 12000)}
        )
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    pg.set_viewport_size(size)


def data_uri(link) -> bytes:
    href = link.get_attribute("href")
    return base64.b64decode(href.split(",", 1)[1])


def open_board(pg, server):
    pg.goto(server.base + "90_facilitator.ipynb")
    expect(pg.get_by_label("Facilitatorkode")).to_be_visible(timeout=60_000)
    pg.get_by_label("Facilitatorkode").fill(CODE)
    pg.get_by_role("button", name="Lås op").click()
    expect(pg.locator(".nk-dashboard")).to_contain_text("Rummets svar")


def qr_address(pg) -> str:
    """Read the QR code on the course leader's screen, as a phone's camera would."""
    import zxingcpp
    from PIL import Image

    qr = pg.locator("img.nk-qr")
    expect(qr).to_be_visible()
    image = Image.open(io.BytesIO(qr.screenshot())).convert("L")
    found = {b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)}
    assert len(found) == 1, f"the QR code on the screen reads as one address: {found}"
    return found.pop()


def join_by_qr(pg, address, name, centre):
    pg.goto(address)
    field = pg.get_by_label("Workshopkode (hvis kursuslederen har givet jer en)")
    expect(field).to_be_visible(timeout=60_000)
    pg.get_by_label("Dit navn").fill(name)
    pg.get_by_label("Dit jobcenter").fill(centre)
    pg.get_by_label("Dit jobcenter").press("Tab")
    return field


def test_join_by_qr_pace_hide_reveal_report_and_excel(day_server, new_page):
    board = new_page("laptop")
    open_board(board, day_server)
    board.get_by_label("Navn på en ny workshop").fill("Kursusdag Ærø")
    board.get_by_role("button", name="Opret workshop").click()
    expect(board.locator(".nk-roombar")).to_contain_text("Kursusdag Ærø")
    code = board.locator(".nk-code").inner_text().strip()
    address = qr_address(board)
    assert address == (
        f"http://127.0.0.1:{day_server.port}/voila/render/00_velkommen.ipynb?workshop={code}"
    )
    expect(board.locator(".nk-join-url")).to_have_text(address.removeprefix("http://"))
    shot(board, "dag_kursusleder_qr_laptop", at=board.locator(".nk-join"))
    board.get_by_role("button", name="Projektorvisning").click()
    board.set_viewport_size({"width": 1920, "height": 1080})
    expect(board.locator(".nk-dashboard.nk-projector")).to_have_count(1)
    expect(board.locator("img.nk-qr")).to_be_visible()
    board.wait_for_function(
        "document.querySelector('img.nk-qr').getBoundingClientRect().width > 500"
    )  # scannable from the back of the room
    shot(board, "dag_kursusleder_qr_projektor", at=board.locator(".nk-join"))
    assert qr_address(board) == address
    board.get_by_role("button", name="Projektorvisning").click()
    board.set_viewport_size({"width": 1366, "height": 768})

    # Three participants join through the QR code's address: the code is filled in.
    people = [new_page("mobil" if i == 2 else "laptop") for i in range(3)]
    for pg, (name, centre, _) in zip(people, PEOPLE):
        field = join_by_qr(pg, address, name, centre)
        expect(field).to_have_value(code)
    shot(people[2], "dag_deltager_qr_mobil", full=True)
    for pg in people:
        pg.get_by_role("button", name="Start min logbog").click()
        expect(pg.locator(".nk-identity")).to_contain_text("Workshop: Kursusdag Ærø")

    # Answers while open reach the screen; the results are held back.
    board.get_by_role("radio", name="Rummets svar").click()
    answers = board.locator(".nk-room-answers")
    for pg, (_, _, text) in zip(people[:2], PEOPLE[:2]):
        pg.get_by_label("Hvad ser du frem til?").fill(text)
        expect(pg.locator(".nk-exercise", has_text="Tjek ind")).to_contain_text("delt med rummet")
    expect(answers).to_contain_text("2 af 3 deltagere har svaret", timeout=20_000)
    expect(answers).to_contain_text("Resultaterne er skjult")
    expect(answers).not_to_contain_text(PEOPLE[0][2])

    # Closed: the participant's page says so, and an answer is kept but refused.
    board.get_by_role("button", name="Luk for svar").click()
    expect(board.locator(".nk-pace").first).to_contain_text("Lukket for svar")
    late = people[2]
    checkin = late.locator(".nk-exercise", has_text="Tjek ind")
    expect(checkin.locator(".nk-share-closed")).to_contain_text("Lukket for svar", timeout=20_000)
    late.get_by_label("Hvad ser du frem til?").fill(PEOPLE[2][2])
    expect(checkin).to_contain_text("Kursuslederen har lukket for svar på øvelsen")
    shot(late, "dag_deltager_lukket_mobil", full=True)
    expect(answers).to_contain_text("2 af 3 deltagere har svaret")

    # Hide Per's answer, then reveal: gone from the screen, shown on a participant's page.
    board.get_by_role("radio", name="Styring").click()
    moderate = board.locator(".nk-moderate")
    expect(moderate).to_contain_text(PEOPLE[1][2])
    shot(board, "dag_kursusleder_styring_laptop", full=True)
    moderate.locator(".nk-moderate-row", has_text="Per Hansen").get_by_role(
        "button", name="Skjul"
    ).click()
    expect(moderate.locator(".nk-is-hidden")).to_contain_text("(skjult)")
    board.get_by_role("button", name="Vis resultaterne").first.click()
    board.get_by_role("radio", name="Rummets svar").click()
    expect(answers).to_contain_text(f"Åse Ørsted: {PEOPLE[0][2]}")
    expect(answers).not_to_contain_text(PEOPLE[1][2])
    expect(answers).not_to_contain_text("Per Hansen")
    board.get_by_role("button", name="Projektorvisning").click()
    board.set_viewport_size({"width": 1920, "height": 1080})
    shot(board, "dag_kursusleder_resultater_projektor")
    board.get_by_role("button", name="Projektorvisning").click()
    board.set_viewport_size({"width": 1366, "height": 768})
    results = people[0].locator(".nk-results")
    expect(results).to_contain_text(PEOPLE[0][2], timeout=20_000)
    expect(results).not_to_contain_text(PEOPLE[1][2])
    expect(results).not_to_contain_text("Åse Ørsted")
    shot(people[0], "dag_deltager_resultater_laptop", full=True)

    # Opened again: what was written while closed is shared by itself.
    board.get_by_role("button", name="Åbn for svar").click()
    expect(checkin).to_contain_text("delt med rummet", timeout=20_000)
    expect(answers).to_contain_text("Ida Holm: Sparring med kolleger", timeout=20_000)

    # The report leaves the hidden answer out; the Excel file marks it.
    board.get_by_role("radio", name="Workshop", exact=True).click()
    board.get_by_role("button", name="Hent svarene som Excel").click()
    excel = board.get_by_role("link", name="Hent Excel-filen")
    expect(excel).to_be_visible()
    book = openpyxl.load_workbook(io.BytesIO(data_uri(excel)))
    sheet = book[book.sheetnames[1]]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Per Hansen"][2] == "Skjult" and rows["Per Hansen"][3] == PEOPLE[1][2]
    assert rows["Åse Ørsted"][2] is None and rows["Ida Holm"][3] == PEOPLE[2][2]
    board.get_by_role("button", name="Lav rapporten (HTML og Word)").click()
    report = board.get_by_role("link", name="Hent rapporten som HTML")
    expect(report).to_be_visible(timeout=90_000)
    html = data_uri(report).decode("utf-8")
    assert PEOPLE[0][2] in html and PEOPLE[1][2] not in html and "Per Hansen" not in html


def test_two_colleagues_write_one_plan_and_tjek_ud_meets_tjek_ind(day_server, new_page):
    board = new_page("laptop")
    open_board(board, day_server)
    board.get_by_label("Navn på en ny workshop").fill("Plandag")
    board.get_by_role("button", name="Opret workshop").click()
    expect(board.locator(".nk-roombar")).to_contain_text("Plandag")
    address = qr_address(board)
    people = [new_page("laptop") for _ in range(2)]
    for pg, (name, centre, text) in zip(people, COLLEAGUES):
        join_by_qr(pg, address, name, centre)
        pg.get_by_role("button", name="Start min logbog").click()
        expect(pg.locator(".nk-identity")).to_contain_text("Workshop: Plandag")
        pg.get_by_label("Hvad ser du frem til?").fill(f"Morgen: {text}")
        expect(pg.locator(".nk-exercise", has_text="Tjek ind")).to_contain_text("delt med rummet")
        pg.locator(".nk-programme").get_by_role(
            "link", name="Min første plan som nøgleperson"
        ).click()
    plans = [
        pg.locator(".nk-exercise", has=pg.get_by_role("button", name="Hent kollegernes ændringer"))
        for pg in people
    ]
    for plan in plans:
        expect(plan).to_contain_text("Fælles plan for", timeout=60_000)

    # At the same time: each adds a row and writes in it, and both write one shared field.
    for plan, group in zip(plans, ("Projektperioden", "Det næste år")):
        plan.get_by_role("button", name=f"Tilføj en handling – {group}").click()
    for plan, what in zip(plans, ("Temadag med virksomheder", "Læringsgrupper i alle teams")):
        row = plan.locator(".nk-plan-row").first
        row.get_by_label("Hvad *").fill(what)
        row.get_by_label("Hvad *").press("Tab")
        row.get_by_label("Hvem har ansvaret? *").fill("Os")
        row.get_by_label("Hvem har ansvaret? *").press("Tab")
        row.get_by_label("Start *").fill(SOON.isoformat())
        row.get_by_label("Slut *").fill((SOON + timedelta(days=60)).isoformat())
        row.get_by_label("Hvordan ved vi, at det virkede? *").fill("Fremmøde")
        row.get_by_label("Hvordan ved vi, at det virkede? *").press("Tab")
    for plan in plans:
        expect(plan.locator(".nk-msg").first).to_contain_text("har ændret planen", timeout=20_000)
        plan.get_by_role("button", name="Hent kollegernes ændringer").click()
        expect(plan.locator(".nk-plan-row")).to_have_count(2)
        expect(plan.get_by_label("Hvad *").first).to_have_value("Temadag med virksomheder")
        expect(plan.get_by_label("Hvad *").last).to_have_value("Læringsgrupper i alle teams")
    # Both change the same field before fetching the other's change: both texts are kept.
    for plan, text in zip(plans, ("I marts", "Med teamlederen")):
        field = plan.get_by_label("Hvordan ved vi, at det virkede? *").first
        field.fill(text)
        field.press("Tab")
    expect(plans[1]).to_contain_text("Begge tekster er bevaret")
    expect(plans[1].get_by_label("Hvordan ved vi, at det virkede? *").first).to_have_value(
        "I marts\nMed teamlederen"
    )
    shot(people[1], "dag_faelles_plan_laptop", full=True)

    # Each person's Word document holds the whole plan.
    for pg in people:
        gathered = pg.locator(
            ".nk-exercise", has=pg.get_by_role("button", name="Lav min første plan")
        )
        gathered.get_by_role("button", name="Lav min første plan").click()
        link = gathered.get_by_role("link", name="Hent Min første plan som Word")
        expect(link).to_be_visible(timeout=30_000)
        document = docx.Document(io.BytesIO(data_uri(link)))
        cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "Temadag med virksomheder" in cells and "Læringsgrupper i alle teams" in cells
        assert "I marts\nMed teamlederen" in cells

    # Tjek ud beside the morning's tjek ind, on the screen and in the report.
    people[0].get_by_label("Hvad tager du med dig fra i dag?").fill("Struktureret dialog")
    checkout = people[0].locator(".nk-exercise", has_text="Tjek ud")
    expect(checkout).to_contain_text("Morgen: Værktøjer til læringsmøder")
    expect(checkout).to_contain_text("delt med rummet")
    shot(people[0], "dag_tjek_ud_laptop", full=True)
    board.get_by_role("radio", name="Rummets svar").click()
    board.get_by_label("Øvelse på skærmen").select_option(label="Tjek ud: det tager du med dig")
    board.get_by_role("button", name="Vis resultaterne").first.click()
    side = board.locator(".nk-side")
    expect(side).to_contain_text("Karen Ørsted: Struktureret dialog", timeout=20_000)
    expect(side).to_contain_text("I morges: Tjek ind")
    expect(side).to_contain_text("Karen Ørsted: Morgen: Værktøjer til læringsmøder")
    shot(board, "dag_tjek_ud_kursusleder_laptop", full=True)
    board.get_by_role("radio", name="Workshop", exact=True).click()
    board.get_by_role("button", name="Lav rapporten (HTML og Word)").click()
    report = board.get_by_role("link", name="Hent rapporten som HTML")
    expect(report).to_be_visible(timeout=90_000)
    html = data_uri(report).decode("utf-8")
    assert "Tjek ud: det tager deltagerne med sig" in html and "Struktureret dialog" in html
    assert html.index("Forventninger ved tjek ind") < html.index("Tjek ud: det tager")
    assert re.search(r"Tjek ind i morges</th>\s*<th>Tjek ud", html)
