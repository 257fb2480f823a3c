"""The live room in Voilà: one facilitator and three participants on one server, in parallel."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, VoilaServer

CODE = "K7M4QXPR2D"
CHECKIN = "Hvad ser du frem til?"
PEOPLE = [
    ("Åse Ørsted", 2, "Sparring med kollegaer"),
    ("Per Hansen", 4, "Sparring og læringsmøder"),
    ("Ida <b>Holm</b>", 4, "<script>alert('x')</script> sparring"),
]


@pytest.fixture(scope="module")
def facilitator_server(tmp_path_factory):
    srv = VoilaServer(
        tmp_path_factory.mktemp("voila-rum"),
        env={"NOEGLEPERSONKURSUS_FACILITATORKODE": CODE},
        log_name="voila-rum.log",
    )
    srv.start()
    yield srv
    srv.stop()


def screenshot(pg, name):
    ARTIFACTS.mkdir(exist_ok=True)
    height = pg.evaluate(
        "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    pg.set_viewport_size(
        {"width": pg.viewport_size["width"], "height": min(max(900, height), 12000)}
    )
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    pg.set_viewport_size({"width": pg.viewport_size["width"], "height": 900})


def open_dashboard(pg, server):
    pg.goto(server.base + "90_facilitator.ipynb")
    expect(pg.get_by_label("Facilitatorkode")).to_be_visible(timeout=60_000)
    pg.get_by_label("Facilitatorkode").fill(CODE)
    pg.get_by_role("button", name="Lås op").click()
    expect(pg.locator(".nk-dashboard")).to_contain_text("Rummets svar")


def test_the_dashboard_shows_nothing_without_the_facilitator_code(facilitator_server, new_page):
    pg = new_page()
    pg.goto(facilitator_server.base + "90_facilitator.ipynb")
    expect(pg.get_by_label("Facilitatorkode")).to_be_visible(timeout=60_000)
    expect(pg.locator(".nk-lock")).to_contain_text("Denne side er til kursuslederen")
    pg.get_by_label("Facilitatorkode").fill("GAETTET123")
    pg.get_by_role("button", name="Lås op").click()
    expect(pg.locator(".nk-lock")).to_contain_text("Koden passer ikke. Prøv igen.")
    expect(pg.get_by_label("Facilitatorkode")).to_have_value("")
    for hidden in ("Rummets svar", "Timer til gruppearbejde", "Opret workshop", "Modeller"):
        expect(pg.get_by_text(hidden, exact=True)).to_have_count(0)
    expect(pg.locator(".nk-dashboard")).to_have_count(0)
    screenshot(pg, "facilitator_locked")


def test_a_facilitator_and_three_participants_run_a_checkin_and_a_scale_live(
    facilitator_server, new_page
):
    server = facilitator_server
    board = new_page()
    open_dashboard(board, server)
    board.get_by_label("Navn på en ny workshop").fill("Kursusdag Aarhus")
    board.get_by_role("button", name="Opret workshop").click()
    expect(board.locator(".nk-roombar")).to_contain_text("Kursusdag Aarhus")
    code = board.locator(".nk-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{6}", code)
    screenshot(board, "facilitator_workshop")
    board.get_by_role("radio", name="Rummets svar").click()
    answers = board.locator(".nk-room-answers")
    expect(answers).to_contain_text("0 har svaret")
    expect(answers).to_contain_text("Resultaterne er skjult")
    board.get_by_role("button", name="Vis resultaterne").first.click()
    expect(answers).to_contain_text("Ingen svar endnu")

    # Three people, each in their own browser context, all open at once.
    people = [new_page() for _ in PEOPLE]
    for pg in people:
        pg.goto(server.base + "00_velkommen.ipynb")
    for pg, (name, _, text) in zip(people, PEOPLE):
        expect(pg.locator(".nk-identity")).to_be_visible(timeout=60_000)
        pg.get_by_label("Dit navn").fill(name)
        pg.get_by_label("Dit jobcenter").fill("Jobcenter Ærø")
        pg.get_by_label("Workshopkode (hvis kursuslederen har givet jer en)").fill(code.lower())
        pg.get_by_role("button", name="Start min logbog").click()
        expect(pg.locator(".nk-identity")).to_contain_text("Workshop: Kursusdag Aarhus")
        checkin = pg.locator(".nk-exercise", has_text="Tjek ind")
        expect(checkin).to_contain_text(
            "Dit svar deles med rummet i workshoppen »Kursusdag Aarhus«"
        )
        if name.startswith("Ida"):
            checkin.get_by_label("Del anonymt (uden mit navn)").check()
        pg.get_by_label(CHECKIN).fill(text)
        expect(checkin).to_contain_text("delt med rummet")
    screenshot(people[2], "facilitator_participant_checkin")

    # The facilitator's page updates by itself: no reload.
    expect(answers).to_contain_text("3 af 3 deltagere har svaret", timeout=20_000)
    expect(answers).to_contain_text("Åse Ørsted: Sparring med kollegaer")
    expect(answers).to_contain_text("Anonym: <script>alert('x')</script> sparring")
    expect(answers).not_to_contain_text("Ida")
    expect(answers.locator("img[alt*='sparring (3)']")).to_have_count(1)
    assert board.evaluate("typeof window.x") == "undefined"
    screenshot(board, "facilitator_checkin_live")

    board.get_by_label("Øvelse på skærmen").select_option(
        label="At gå foran uden en ledelsesrolle: hvordan står det til?"
    )
    expect(answers).to_contain_text("0 af 3 deltagere har svaret")
    board.get_by_role("button", name="Vis resultaterne").first.click()
    expect(answers).to_contain_text("Ingen svar endnu")
    for pg, (_, rating, _) in zip(people, PEOPLE):
        pg.locator(".nk-programme").get_by_role("link", name="Rollen som nøgleperson").click()
        scale = pg.locator(".nk-exercise", has_text="At gå foran uden en ledelsesrolle")
        expect(scale).to_contain_text("Dit svar deles med rummet", timeout=60_000)
        scale.locator(".nk-scale").first.get_by_role("radio", name=str(rating), exact=True).click()
        expect(scale).to_contain_text("delt med rummet")
    expect(answers).to_contain_text("3 af 3 deltagere har svaret", timeout=20_000)
    expect(answers.locator("img[alt*='3 svar, gennemsnit 3,3']")).to_have_count(1)
    screenshot(board, "facilitator_scale_live")

    board.get_by_role("button", name="Projektorvisning").click()
    expect(board.locator(".nk-dashboard.nk-projector")).to_have_count(1)
    screenshot(board, "facilitator_scale_projector")


def test_timer_and_models_on_the_projector(facilitator_server, new_page):
    board = new_page()
    open_dashboard(board, facilitator_server)
    board.get_by_role("button", name="Projektorvisning").click()
    board.get_by_role("radio", name="Timer", exact=True).click()
    clock = board.locator(".nk-clock")
    expect(clock).to_have_text("10:00")
    board.get_by_role("button", name="15 min").click()
    expect(clock).to_have_text("15:00")
    board.get_by_role("button", name="Start").click()
    expect(clock).to_have_text(re.compile(r"14:5\d"), timeout=10_000)  # counting by itself
    board.get_by_role("button", name="Pause").click()
    expect(board.locator(".nk-clock-note")).to_contain_text("På pause")
    paused = clock.inner_text()
    board.get_by_role("button", name="Nulstil").click()
    expect(clock).to_have_text("15:00")
    assert paused.startswith("14:")
    size = board.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.nk-clock')).fontSize)"
    )
    assert size > 200, "readable from the back of the room"
    screenshot(board, "facilitator_timer_projector")
    board.get_by_role("radio", name="Modeller").click()
    board.get_by_label("Model", exact=True).select_option(label="Fire gode spørgsmålstyper")
    expect(board.locator("img[alt*='Detektiven']")).to_have_count(1)
    expect(board.locator(".nk-model-note")).to_contain_text("Karl Tomm (1988)")
    screenshot(board, "facilitator_model_projector")
