"""Never lose a participant (issue 15): one logbog per person, found again safely; what was
typed before signing in goes into the logbog; a logbog file continues its logbog; joining a
workshop shares what was already written; the note under a shared exercise tells the truth."""

import io
import json
from datetime import datetime

import docx
import ipywidgets as ipw

from course.workbook import WorkbookStore, personal_code_text
from tests.unit.test_first_plan import A_DAY
from tests.widgets.test_07_min_foerste_plan import download
from tests.widgets.test_page import find
from tests.widgets.test_room_sharing import text, voila_page
from widgets import FirstPlan
from widgets.markup import DOCX_MIME
from widgets.page import MAX_CODE_TRIES
from widgets.sharing import Sharing
from widgets.status import SaveState


def click(page, label):
    find(page.identity, ipw.Button, label)[0].click()


def fill(page, name="Karen Jensen", centre="Jobcenter Århus", code=""):
    text(page, "Dit navn").value = name
    text(page, "Dit jobcenter").value = centre
    text(page, "Din personlige kode (fra din logbog)").value = code


def upload(page, content: bytes):
    find(page.identity, ipw.FileUpload)[0].set_trait(
        "value",
        (
            {
                "name": "logbog.json",
                "type": "application/json",
                "size": len(content),
                "content": memoryview(content),
                "last_modified": datetime.now(),
            },
        ),
    )


def files(store):
    return sorted(p.stem for p in store.folder.glob("*.json"))


def test_a_new_logbog_shows_its_personal_address_and_code(store):
    page = voila_page(store)
    fill(page)
    click(page, "Start min logbog")
    wb = page.workbook
    code = personal_code_text(wb.personal_code)
    assert f"Din personlige kode er {code} – skriv den ned." in page.message.value
    assert f'href="00_velkommen.ipynb?logbog={wb.id}"' in page.message.value
    top = page.identity.children[0].value
    # The course template puts the code in the address bar from this marker.
    assert f'data-nk-logbog="{wb.id}"' in top and "Din personlige kode: " in top
    assert code in top


def test_the_same_name_twice_offers_the_logbog_and_never_makes_a_silent_second(store):
    first = voila_page(store)
    fill(first)
    click(first, "Start min logbog")
    karen = first.workbook
    karen.save_answer("rolle_gruppe", {"rollen": "Mit svar fra i morges"})

    again = voila_page(store, session="rollen")
    exercise = again.exercise("rolle_gruppe")
    fill(again, name=" karen  jensen", centre="jobcenter århus")
    click(again, "Start min logbog")
    assert again.workbook is None and files(store) == [karen.id]  # nothing made
    message = again.message.value
    assert "Der findes allerede en logbog for karen jensen, jobcenter århus" in message
    assert "Mit svar fra i morges" not in message + str(exercise.value)  # nothing shown
    offer = find(again.identity, ipw.Button, "Start en ny logbog")[0]
    assert offer.layout.display is None  # offered now, hidden before
    # With the personal code the participant continues the logbog.
    text(again, "Din personlige kode (fra din logbog)").value = karen.personal_code.lower()
    click(again, "Fortsæt min logbog")
    assert again.workbook.id == karen.id
    assert "Velkommen tilbage. Du fortsætter i din logbog." in again.message.value
    assert exercise.boxes["rollen"].value == "Mit svar fra i morges"
    assert files(store) == [karen.id]


def test_a_namesake_can_still_start_a_logbog_of_their_own(store):
    store.create("Karen Jensen", "Jobcenter Århus")
    page = voila_page(store)
    fill(page)
    click(page, "Start min logbog")
    assert page.workbook is None
    click(page, "Start en ny logbog")
    assert page.workbook is not None and len(files(store)) == 2


def test_wrong_personal_codes_show_nothing_and_stop_after_a_few_tries(store):
    karen = store.create("Karen Jensen", "Jobcenter Århus")
    page = voila_page(store)
    for _ in range(MAX_CODE_TRIES):
        fill(page, code="AAAA-AAAA")
        click(page, "Fortsæt min logbog")
        assert page.workbook is None
        assert "Der er ingen logbog med det navn, det jobcenter og den kode" in page.message.value
    fill(page, code=karen.personal_code)  # even the right code: the page has stopped trying
    click(page, "Fortsæt min logbog")
    assert page.workbook is None and "for mange gange" in page.message.value
    fill(page, code="")
    other = voila_page(store)
    fill(other)
    click(other, "Fortsæt min logbog")
    assert "Skriv din personlige kode" in other.message.value


def test_what_was_typed_before_signing_in_moves_into_the_logbog_continued(store):
    karen = store.create("Karen Jensen", "Jobcenter Århus")
    page = voila_page(store, session="rollen")
    assert "Har du allerede en logbog?" in page.identity.children[3].value
    exercise = page.exercise("rolle_gruppe")
    exercise.boxes["rollen"].value = "Skrevet, før jeg fandt min logbog"
    assert exercise.save_state is SaveState.NOT_SAVED
    fill(page, code=karen.personal_code)
    click(page, "Fortsæt min logbog")
    assert "Det, du allerede havde skrevet på siden, er gemt i din logbog." in page.message.value
    saved = WorkbookStore(store.folder).open(karen.id).answer("rolle_gruppe")
    assert saved["rollen"] == "Skrevet, før jeg fandt min logbog"


def test_a_logbog_file_from_this_server_continues_it_and_says_which_address_is_theirs(store):
    karen = store.create("Karen Jensen", "Jobcenter Århus")
    karen.save_answer("tjek_ind", {"brug_for": "Tid"})
    page = voila_page(store)
    upload(page, karen.to_bytes())
    assert page.workbook.id == karen.id and files(store) == [karen.id]
    assert "du fortsætter i den – der er ikke lavet en kopi" in page.message.value
    assert f'href="00_velkommen.ipynb?logbog={karen.id}"' in page.message.value


def test_a_logbog_file_from_elsewhere_becomes_new_here_with_its_new_address(store, tmp_path):
    elsewhere = WorkbookStore(tmp_path / "binder").create("Karen Jensen", "Jobcenter Århus")
    page = voila_page(store)
    upload(page, elsewhere.to_bytes())
    assert page.workbook.id != elsewhere.id
    assert "indlæst som en ny logbog på denne server" in page.message.value
    assert f'href="00_velkommen.ipynb?logbog={page.workbook.id}"' in page.message.value


def test_joining_shares_the_answers_written_before_respecting_anonymous_and_opt_in(
    store, room, workshop
):
    wb = store.create("Karen Jensen", "Jobcenter Århus")
    wb.save_answer("tjek_ind", {"ser_frem_til": "Sparring"})
    wb.save_answer("rolle_betingelser", {"ratings": {"tid": 2}, "texts": {}})
    wb.set_anonymous("rolle_betingelser", True)
    wb.save_answer("handleplan", {"rows": []})  # written, but never chosen to be shared
    page = voila_page(store, code=wb.id)
    checkin = page.exercise("tjek_ind")
    text(page, "Workshopkode fra kursuslederen").value = workshop.code
    click(page, "Deltag i workshoppen")
    assert "også de 2 svar, du allerede havde skrevet" in page.message.value
    [named] = room.answers(workshop.code, "tjek_ind")
    assert (named.name, named.value) == ("Karen Jensen", {"ser_frem_til": "Sparring"})
    [anonymous] = room.answers(workshop.code, "rolle_betingelser")
    assert anonymous.name == "" and anonymous.value["ratings"] == {"tid": 2}
    assert room.answers(workshop.code, "handleplan") == []
    assert checkin.save_state is SaveState.SHARED  # the status under the exercise says so too


def test_the_note_says_what_the_course_leader_sees_for_each_kind(content, store, room, workshop):
    wb = store.create("Karen Jensen", "Jobcenter Århus")
    wb.join_workshop(workshop.as_dict())
    page = voila_page(store, session="min_plan", code=wb.id)
    plan = page.exercise("handleplan")
    assert plan.sharing.state is Sharing.NOT_CHOSEN
    note = plan.sharing.note.value
    assert "Kursuslederen ser kun optællinger for hele rummet" in note
    assert "Din plan vises aldrig." in note
    plan.sharing.opt_in.value = True
    assert "Din plan vises aldrig." in plan.sharing.note.value
    assert "med dit navn" not in plan.sharing.note.value  # nothing of it carries the name
    rating = voila_page(store, session="rollen", code=wb.id).exercise("rolle_betingelser")
    note = rating.sharing.note.value
    assert "ser kun, hvor mange der har valgt hvert trin – ikke hvem" in note
    assert (
        "Det, du skriver i tekstfelterne, kan vises på kursuslederens skærm og i rapporten "
        "efter dagen, med dit navn." in note
    )
    checkin = voila_page(store, code=wb.id).exercise("tjek_ind")
    assert (
        "Dit svar kan vises på kursuslederens skærm og i rapporten efter dagen, med dit navn."
        in (checkin.sharing.note.value)
    )
    before = voila_page(store, code=store.create("Per", "Jobcenter Vejle").id)
    note = before.exercise("tjek_ind").sharing.note.value
    assert "Så deles også det, du allerede har skrevet." in note


def test_a_downloaded_file_is_json_with_the_personal_code(store):
    wb = store.create("Karen Jensen", "Jobcenter Århus")
    assert json.loads(wb.to_bytes())["personal_code"] == wb.personal_code


def test_the_word_plan_prints_the_personal_code(content, store):
    wb = store.create("Karen Jensen", "Jobcenter Århus")
    for exercise_id, value in A_DAY.items():
        wb.save_answer(exercise_id, value)
    plan = FirstPlan(content.exercise("min_foerste_plan"), wb, content=content)
    plan.make_button.click()
    _, data = download(plan.result.value, DOCX_MIME)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    code = personal_code_text(wb.personal_code)
    assert f"Personlig kode til din logbog på kursets server: {code}" in texts
