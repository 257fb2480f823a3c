"""Which workbook a page belongs to."""

from course.session import PageRequest, current_request, find_workbook, page_link

VOILA = {"SERVER_SOFTWARE": "voila/0.5.13", "VOILA_PREHEAT": "False"}


def test_voila_is_recognised_and_the_code_read_from_the_address():
    request = current_request({**VOILA, "QUERY_STRING": "logbog=abcDEF_-1234567890&x=1"})
    assert request == PageRequest(in_voila=True, code="abcDEF_-1234567890")
    assert current_request({}) == PageRequest(in_voila=False, code="")


def test_in_voila_the_address_decides_and_no_shared_pointer_is_used(store, workbook):
    store.remember(workbook)  # another user's last workbook on the same server
    assert find_workbook(store, PageRequest(True, "")) == (None, "")
    found, problem = find_workbook(store, PageRequest(True, workbook.id))
    assert found.id == workbook.id and problem == ""


def test_a_bad_code_in_the_address_gives_a_message_not_a_crash(store):
    found, problem = find_workbook(store, PageRequest(True, "../../etc/passwd"))
    assert found is None and "gyldig logbogskode" in problem


def test_in_jupyterlab_the_last_workbook_is_used(store, workbook):
    assert find_workbook(store, PageRequest(False, ""))[0] is None
    store.remember(workbook)
    assert find_workbook(store, PageRequest(False, ""))[0].id == workbook.id


def test_papermill_parameters_create_once_then_reuse(store):
    first, _ = find_workbook(
        store, PageRequest(False, ""), name="Ida", job_centre="Jobcenter Vejle"
    )
    again, _ = find_workbook(
        store, PageRequest(False, ""), name="Ida", job_centre="Jobcenter Vejle"
    )
    other, _ = find_workbook(
        store, PageRequest(False, ""), name="Per", job_centre="Jobcenter Vejle"
    )
    assert first.id == again.id != other.id


def test_links_carry_the_code_in_voila_only(workbook):
    assert (
        page_link("01_x.ipynb", workbook, PageRequest(True, ""))
        == f"01_x.ipynb?logbog={workbook.id}"
    )
    assert page_link("01_x.ipynb", workbook, PageRequest(False, "")) == "01_x.ipynb"
    assert page_link("01_x.ipynb", None, PageRequest(True, "")) == "01_x.ipynb"
