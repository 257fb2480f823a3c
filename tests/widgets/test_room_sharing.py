"""Participants join a workshop on the start page and share answers with the room."""

import ipywidgets as ipw

from course.room import RoomStore
from course.session import PageRequest
from course.workbook import WorkbookStore
from tests.widgets.test_page import find
from widgets import CoursePage
from widgets.sharing import Sharing
from widgets.status import SaveState

CODE_LABEL = "Workshopkode (hvis kursuslederen har givet jer en)"


def voila_page(store, session="velkommen", code=""):
    return CoursePage(session, folder=str(store.folder), request=PageRequest(True, code))


def text(page, label):
    return next(t for t in find(page.identity, ipw.Text) if t.description == label)


def sign_in(page, name="Karen Jensen", code=""):
    text(page, "Dit navn").value = name
    text(page, "Dit jobcenter").value = "Jobcenter Århus"
    text(page, CODE_LABEL).value = code
    find(page.identity, ipw.Button, "Start min logbog")[0].click()


def test_join_with_the_code_when_signing_in_and_share_the_checkin(store, room, workshop):
    page = voila_page(store)
    checkin = page.exercise("tjek_ind")
    assert checkin.sharing.state is Sharing.NO_WORKSHOP
    sign_in(page, code=f" {workshop.code.lower()} ")
    assert page.workbook.workshop["code"] == workshop.code
    assert "Du er med i workshoppen »Kursusdag Aarhus«" in page.message.value
    assert "<b>Workshop:</b> Kursusdag Aarhus" in page.identity.children[0].value
    assert checkin.sharing.state is Sharing.NAMED
    assert "i workshoppen »Kursusdag Aarhus«" in checkin.sharing.note.value
    checkin.boxes["ser_frem_til"].value = "Sparring"
    assert checkin.save_state is SaveState.SHARED
    [answer] = room.answers(workshop.code, "tjek_ind")
    assert (answer.name, answer.value["ser_frem_til"]) == ("Karen Jensen", "Sparring")
    assert room.member_count(workshop.code) == 1
    # The joined workshop is in the workbook, so every later page knows it.
    later = voila_page(store, session="rollen", code=page.workbook.id)
    assert "Kursusdag Aarhus" in later.identity.children[0].value
    later.exercise("rolle_betingelser").ratings["tid"].value = 2
    assert room.answers(workshop.code, "rolle_betingelser")[0].value["ratings"]["tid"] == 2


def test_an_unknown_code_creates_nothing_and_says_so_in_danish(store, workshop):
    page = voila_page(store)
    sign_in(page, code="ZZZZZZ" if workshop.code != "ZZZZZZ" else "YYYYYY")
    assert page.workbook is None and "Der er ingen workshop med koden" in page.message.value
    assert list(store.folder.glob("*.json")) == []
    sign_in(page, code="K0O1")
    assert page.workbook is None and "er ikke en workshopkode" in page.message.value
    sign_in(page, code="")  # no code: a workbook without a workshop
    assert page.workbook is not None and page.workbook.workshop is None


def test_join_after_signing_in_and_switch_workshop(store, room, workshop, workbook):
    page = voila_page(store, code=workbook.id)
    checkin = page.exercise("tjek_ind")
    field = text(page, "Workshopkode fra kursuslederen")
    field.value = "ABCDEF"
    find(page.identity, ipw.Button, "Deltag i workshoppen")[0].click()
    assert "ingen workshop med koden ABCDEF" in page.message.value and workbook.workshop is None
    text(page, "Workshopkode fra kursuslederen").value = workshop.code
    find(page.identity, ipw.Button, "Deltag i workshoppen")[0].click()
    assert WorkbookStore(store.folder).open(workbook.id).workshop["code"] == workshop.code
    assert (
        checkin.sharing.state is Sharing.NAMED and "Kursusdag Aarhus" in checkin.sharing.note.value
    )
    other = room.create_workshop("Kursusdag Odense", "2026-11-21")
    text(page, "Skift til en anden workshop (kode)").value = other.code
    find(page.identity, ipw.Button, "Skift workshop")[0].click()
    checkin.boxes["brug_for"].value = "Tid"
    assert room.answers(workshop.code, "tjek_ind") == []
    assert len(room.answers(other.code, "tjek_ind")) == 1


def test_the_join_field_is_only_on_the_start_page(store, workbook):
    page = voila_page(store, session="rollen", code=workbook.id)
    assert not [t for t in find(page.identity, ipw.Text) if "Workshop" in t.description]
    assert not find(page.identity, ipw.Button, "Deltag i workshoppen")


def test_share_anonymously_replaces_the_named_answer(store, room, workshop, workbook):
    room.join(workshop.code, workbook.id)
    workbook.join_workshop(workshop.as_dict())
    page = voila_page(store, session="rollen", code=workbook.id)
    scale = page.exercise("rolle_betingelser")
    scale.ratings["legitimitet"].value = 4
    assert [a.name for a in room.answers(workshop.code, "rolle_betingelser")] == ["Karen Jensen"]
    scale.sharing.anonymous.value = True
    assert (
        scale.sharing.state is Sharing.ANONYMOUS
        and scale.save_state is SaveState.SHARED_ANONYMOUSLY
    )
    assert [a.name for a in room.answers(workshop.code, "rolle_betingelser")] == [""]
    # The choice is kept in the workbook for the next visit.
    again = voila_page(store, session="rollen", code=workbook.id).exercise("rolle_betingelser")
    assert again.sharing.anonymous.value is True
    again.ratings["tid"].value = 1
    assert [a.name for a in room.answers(workshop.code, "rolle_betingelser")] == [""]


def test_anonymous_ticked_before_signing_in_is_kept(store, room, workshop):
    page = voila_page(store)
    checkin = page.exercise("tjek_ind")
    checkin.sharing.anonymous.value = True
    checkin.boxes["brug_for"].value = "Ro"
    sign_in(page, code=workshop.code)
    checkin.boxes["brug_for"].value = "Ro og tid"
    assert [a.name for a in room.answers(workshop.code, "tjek_ind")] == [""]


def test_unshared_exercises_show_no_sharing(store, workbook):
    page = voila_page(store, session="rollen", code=workbook.id)
    group = page.exercise("opgavebeskrivelse")
    assert group.sharing is None
    assert not [c for c in group.children if "nk-share" in c._dom_classes]


def test_a_failing_room_never_loses_the_workbook_save(store, room, workshop, workbook, monkeypatch):
    room.join(workshop.code, workbook.id)
    workbook.join_workshop(workshop.as_dict())
    page = voila_page(store, code=workbook.id)
    checkin = page.exercise("tjek_ind")

    def broken(*_args, **_kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr(RoomStore, "record", broken)
    checkin.boxes["brug_for"].value = "Mit svar"
    assert checkin.save_state is SaveState.NOT_SHARED
    assert checkin.share_problem == "Rummets database svarer ikke lige nu."
    assert (
        WorkbookStore(store.folder).open(workbook.id).answer("tjek_ind")["brug_for"] == "Mit svar"
    )
    monkeypatch.undo()
    checkin.boxes["brug_for"].value = "Mit svar igen"
    assert room.answers(workshop.code, "tjek_ind")[0].value["brug_for"] == "Mit svar igen"


def test_a_deleted_workshop_is_reported_and_the_answer_kept(store, workbook):
    workbook.join_workshop({"code": "ABCDEF", "name": "Gammel workshop", "date": "2025-01-01"})
    page = voila_page(store, code=workbook.id)
    checkin = page.exercise("tjek_ind")
    checkin.boxes["brug_for"].value = "Tid"
    assert checkin.save_state is SaveState.NOT_SHARED
    assert "Workshoppen ABCDEF findes ikke længere" in checkin.share_problem
    assert WorkbookStore(store.folder).open(workbook.id).answer("tjek_ind")["brug_for"] == "Tid"


def test_a_loaded_workbook_file_keeps_the_anonymous_choice_but_not_the_workshop(
    store, workshop, workbook
):
    workbook.join_workshop(workshop.as_dict())
    workbook.set_anonymous("tjek_ind", True)
    loaded = WorkbookStore(store.folder / "en-anden-server").import_bytes(workbook.to_bytes())
    assert loaded.shares_anonymously("tjek_ind") and loaded.workshop is None


def test_a_plan_is_shared_only_when_the_participant_ticks_it_and_can_be_withdrawn(
    content, store, room, workshop
):
    from tests.widgets.test_07_min_foerste_plan import SOON, fill
    from widgets import ActionPlan

    workbook = store.create("Karen Jensen", "Jobcenter Århus")
    workbook.join_workshop(workshop.as_dict())
    plan = ActionPlan(content.exercise("handleplan"), workbook, room=room)
    plan.add_buttons["projektperioden"].click()
    fill(plan, "projektperioden", 1, hvad="Læringsmøder om UGU", hvem="Mig", start=SOON)
    assert room.answers(workshop.code, "handleplan") == []  # written, but not chosen to share
    assert plan.sharing.state is Sharing.NOT_CHOSEN and not plan.sharing.opt_in.value
    plan.sharing.opt_in.value = True
    [shared] = room.answers(workshop.code, "handleplan")
    assert (
        shared.name == "Karen Jensen"
        and shared.value["rows"][0]["fields"]["hvad"] == "Læringsmøder om UGU"
    )
    again = ActionPlan(
        content.exercise("handleplan"), WorkbookStore(store.folder).open(workbook.id), room=room
    )
    assert again.sharing.opt_in.value  # the choice is kept in the workbook
    again.sharing.opt_in.value = False
    assert room.answers(workshop.code, "handleplan") == []
    assert again.save_state is SaveState.WITHDRAWN
