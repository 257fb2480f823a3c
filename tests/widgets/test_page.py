"""The page bar: signing in, loading a workbook file, programme links."""

import re
from datetime import datetime

from course.session import PageRequest
from course.workbook import WorkbookStore
from widgets import CoursePage
from widgets.status import SaveState


def find(widget, cls, description=None):
    found = (
        [widget] if isinstance(widget, cls) and description in (None, widget.description) else []
    )
    for child in getattr(widget, "children", ()):
        found += find(child, cls, description)
    return found


def voila_page(store, session="velkommen", code=""):
    return CoursePage(session, folder=str(store.folder), request=PageRequest(True, code))


def test_signing_in_creates_a_workbook_and_binds_the_exercises(store):
    import ipywidgets as ipw

    page = voila_page(store)
    checkin = page.exercise("tjek_ind")
    checkin.boxes["ser_frem_til"].value = "Før jeg skrev mit navn"
    name, centre, workshop, code = find(page.identity, ipw.Text)
    assert workshop.description.startswith("Workshopkode")  # optional on the start page
    assert code.description == "Din personlige kode (fra din logbog)"
    start = find(page.identity, ipw.Button, "Start min logbog")[0]
    start.click()
    assert "Skriv dit navn" in page.message.value and page.workbook is None
    name.value, centre.value = "Åse <b>Ørsted</b>", "Jobcenter Ærø"
    start.click()
    assert page.workbook is not None
    assert "Åse &lt;b&gt;Ørsted&lt;/b&gt;" in page.identity.children[0].value
    assert f"00_velkommen.ipynb?logbog={page.workbook.id}" in page.identity.children[0].value
    assert (
        WorkbookStore(store.folder).open(page.workbook.id).answer("tjek_ind")["ser_frem_til"]
        == "Før jeg skrev mit navn"
    )


def test_the_programme_links_carry_the_code_after_signing_in(store, workbook):
    page = voila_page(store)
    programme = page.programme()
    assert 'href="01_rollen_som_noegleperson.ipynb"' in programme.value
    page._attach(workbook)
    assert f'href="01_rollen_som_noegleperson.ipynb?logbog={workbook.id}"' in programme.value
    assert "Frokost" in programme.value and "12.15" in programme.value


def test_a_page_opened_with_a_code_restores_answers(store, workbook):
    workbook.save_answer("tjek_ind", {"brug_for": "Tid"})
    page = voila_page(store, code=workbook.id)
    assert page.exercise("tjek_ind").boxes["brug_for"].value == "Tid"
    assert "rollen" not in workbook.visited()
    voila_page(store, session="rollen", code=workbook.id)
    assert "rollen" in WorkbookStore(store.folder).open(workbook.id).visited()


def test_a_bad_code_shows_the_sign_in_and_a_message(store):
    page = voila_page(store, code="A" * 22)
    assert page.workbook is None and "findes ikke" in page.message.value


def test_loading_a_workbook_file(store, workbook, tmp_path):
    import ipywidgets as ipw

    workbook.save_answer("tjek_ind", {"brug_for": "Opbakning"})
    page = CoursePage("velkommen", folder=str(tmp_path / "andet"), request=PageRequest(True, ""))
    upload = find(page.identity, ipw.FileUpload)[0]
    upload.set_trait(
        "value",
        (
            {
                "name": "x.json",
                "type": "application/json",
                "size": 3,
                "content": memoryview(b"{ikke json"),
                "last_modified": datetime.now(),
            },
        ),
    )
    assert "kunne ikke læses" in page.message.value and page.workbook is None
    upload = find(page.identity, ipw.FileUpload)[0]
    upload.set_trait(
        "value",
        (
            {
                "name": "x.json",
                "type": "application/json",
                "size": 3,
                "content": memoryview(workbook.to_bytes()),
                "last_modified": datetime.now(),
            },
        ),
    )
    assert page.workbook.name == "Karen Jensen"
    assert page.exercise("tjek_ind").boxes["brug_for"].value == "Opbakning"


def test_the_workbook_can_be_downloaded(store, workbook):
    import base64
    import json

    import ipywidgets as ipw

    page = voila_page(store, code=workbook.id)
    find(page.identity, ipw.Button, "Hent min logbog som fil")[0].click()
    link = find(page.identity, ipw.HTML)[-1].value
    data = re.search(
        r'download="logbog-Karen-Jensen.json" href="data:application/json;base64,([^"]+)"', link
    )
    assert json.loads(base64.b64decode(data.group(1)))["participant"]["name"] == "Karen Jensen"


def test_an_unknown_exercise_shows_a_danish_message(store):
    widget = voila_page(store).exercise("findes_ikke")
    assert "kan ikke vises" in widget.value


def test_navigation_links_previous_programme_and_next(store):
    nav = voila_page(store, session="rollen").navigation().value
    assert "← Velkommen" in nav and 'href="00_velkommen.ipynb">Programmet' in nav


def test_a_corrupt_workbook_gives_a_message_keeps_a_backup_and_the_page_works(store, workbook):
    workbook.path.write_text("{ikke længere json", encoding="utf-8")
    page = voila_page(store, session="rollen", code=workbook.id)
    assert "beskadiget" in page.message.value and page.workbook is None
    assert list(store.folder.glob(f"{workbook.id}.beskadiget-*.json"))
    exercise = page.exercise("rolle_gruppe")  # the page still works: answer, then sign in again
    exercise.boxes["rollen"].value = "Skrevet efter fejlen"
    assert exercise.save_state is SaveState.NOT_SAVED
