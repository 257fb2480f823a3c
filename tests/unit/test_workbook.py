"""The workbook: answers kept safely, whatever happens to the process or the file."""

import json
import multiprocessing
import os

import pytest

from course import workbook as wbmod
from course.workbook import FORMAT_VERSION, WorkbookError, WorkbookStore, personal_code_text


def test_a_new_workbook_keeps_name_job_centre_and_answers(store, workbook):
    workbook.save_answer("tjek_ind", {"ser_frem_til": "Æbler, øl og ål"})
    again = store.open(workbook.id)
    assert (again.name, again.job_centre) == ("Karen Jensen", "Jobcenter Århus")
    assert again.answer("tjek_ind") == {"ser_frem_til": "Æbler, øl og ål"}
    assert "Æbler, øl og ål" in workbook.path.read_text(encoding="utf-8")  # readable UTF-8 on disk


def test_the_file_is_named_by_a_random_code_not_by_the_name(store):
    a = store.create("../../etc/passwd", "Jobcenter/..\\x")
    b = store.create("../../etc/passwd", "Jobcenter/..\\x")
    assert a.id != b.id
    assert sorted(p.name for p in store.folder.glob("*.json")) == sorted(
        [f"{a.id}.json", f"{b.id}.json"]
    )


@pytest.mark.parametrize(
    "code", ["../x", "abc", "a" * 65, "", "x/" + "a" * 20, "a" * 15 + ".", None]
)
def test_codes_that_could_be_paths_are_refused(store, code):
    with pytest.raises(WorkbookError, match="gyldig logbogskode"):
        store.open(code)


@pytest.mark.parametrize(
    "name, centre, message",
    [
        ("", "Jobcenter Aarhus", "Skriv dit navn"),
        ("   ", "Jobcenter Aarhus", "Skriv dit navn"),
        ("Karen", "\t", "Skriv dit jobcenter"),
        ("K" * 121, "Jobcenter", "for langt"),
    ],
)
def test_missing_or_absurd_names_get_a_danish_message(store, name, centre, message):
    with pytest.raises(WorkbookError, match=message):
        store.create(name, centre)


def test_names_are_trimmed(store):
    wb = store.create("  Karen   Jensen ", " Jobcenter  Aarhus")
    assert (wb.name, wb.job_centre) == ("Karen Jensen", "Jobcenter Aarhus")


def test_two_tabs_editing_different_exercises_lose_neither_edit(store, workbook):
    tab_a, tab_b = store.open(workbook.id), store.open(workbook.id)
    tab_a.save_answer("a", "fra fane A")
    tab_b.save_answer("b", "fra fane B")  # tab B never saw A's answer in memory
    final = store.open(workbook.id)
    assert final.answer("a") == "fra fane A" and final.answer("b") == "fra fane B"


def _write_many(folder, code, key, n):
    wb = WorkbookStore(folder).open(code)
    for i in range(n):
        wb.save_answer(f"{key}-{i}", i)


def test_concurrent_writers_from_separate_processes_lose_nothing(store, workbook):
    ctx = multiprocessing.get_context("spawn")
    procs = [
        ctx.Process(target=_write_many, args=(store.folder, workbook.id, f"p{k}", 15))
        for k in range(4)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    answers = store.open(workbook.id).answers()
    assert len(answers) == 60


def test_a_crash_during_a_write_leaves_the_previous_version(store, workbook, monkeypatch):
    workbook.save_answer("a", "første version")
    before = workbook.path.read_bytes()

    def crash(*args):
        raise OSError("disken døde midt i skrivningen")

    monkeypatch.setattr(wbmod.os, "replace", crash)
    with pytest.raises(OSError):
        workbook.save_answer("a", "anden version")
    monkeypatch.undo()
    assert workbook.path.read_bytes() == before
    assert not list(store.folder.glob(".tmp-*")), "the half-written temporary file is removed"
    assert store.open(workbook.id).answer("a") == "første version"


def test_a_process_killed_mid_write_leaves_the_previous_version(store, workbook):
    workbook.save_answer("a", "gemt før")
    ctx = multiprocessing.get_context("spawn")
    proc = ctx.Process(target=_write_forever, args=(store.folder, workbook.id))
    proc.start()
    for _ in range(400):  # until the writer is busy writing, then kill it mid-stream
        if WorkbookStore(store.folder).open(workbook.id).answer("b") is not None:
            break
        proc.join(0.05)
    proc.join(0.2)
    proc.kill()
    proc.join(10)
    wb = store.open(workbook.id)  # must still be a whole, valid file
    assert wb.answer("a") == "gemt før"
    assert wb.answer("b").startswith("x" * 50_000)


def _write_forever(folder, code):
    wb = WorkbookStore(folder).open(code)
    i = 0
    while True:
        wb.save_answer("b", "x" * 50_000 + str(i))
        i += 1


def test_a_corrupt_file_gives_a_danish_message_and_keeps_a_backup(store, workbook):
    workbook.path.write_text('{"format": 1, "id": "halv', encoding="utf-8")
    with pytest.raises(WorkbookError, match="beskadiget") as error:
        store.open(workbook.id)
    backups = list(store.folder.glob(f"{workbook.id}.beskadiget-*.json"))
    assert len(backups) == 1 and backups[0].name in str(error.value)
    assert backups[0].read_text(encoding="utf-8") == '{"format": 1, "id": "halv'


def test_a_missing_workbook_is_reported(store):
    with pytest.raises(WorkbookError, match="findes ikke"):
        store.open("A" * 22)


def test_download_and_load_again_keeps_everything(store, workbook, tmp_path):
    workbook.save_answer("tjek_ind", {"x": "<script>alert(1)</script> =1+1 ✨"})
    other = WorkbookStore(tmp_path / "binder-ny-session")
    loaded = other.import_bytes(workbook.to_bytes())
    assert loaded.id != workbook.id
    assert loaded.name == "Karen Jensen"
    assert loaded.answer("tjek_ind") == {"x": "<script>alert(1)</script> =1+1 ✨"}


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\xff\xfe not utf8", "kunne ikke læses"),
        (b"[1, 2, 3]", "ikke en logbog"),
        (
            json.dumps({"format": 1, "participant": {"name": "A"}, "answers": {}}).encode(),
            "navn eller jobcenter",
        ),
        (b"x" * 5_000_001, "for stor"),
    ],
)
def test_a_wrong_file_to_load_gets_a_danish_message(store, content, message):
    with pytest.raises(WorkbookError, match=message):
        store.import_bytes(content)
    assert not list(store.folder.glob("*.json")) if store.folder.exists() else True


def test_the_last_workbook_is_remembered_for_a_single_user(store, workbook):
    assert store.last() is None
    store.remember(workbook)
    assert store.last().id == workbook.id


def test_the_folder_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NOEGLEPERSONKURSUS_LOGBOG", str(tmp_path / "her"))
    assert WorkbookStore().folder == tmp_path / "her"
    monkeypatch.delenv("NOEGLEPERSONKURSUS_LOGBOG")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert WorkbookStore().folder == tmp_path / "xdg" / "noeglepersonkursus" / "logbog"


def test_visits_are_recorded(workbook):
    workbook.mark_visited("rollen")
    assert "rollen" in workbook.visited()


def test_an_answer_that_is_not_json_is_refused_before_the_file_is_touched(workbook):
    before = workbook.path.read_bytes()
    with pytest.raises(TypeError):
        workbook.save_answer("a", {1, 2})
    assert workbook.path.read_bytes() == before
    assert os.path.exists(workbook.path)


FORMAT_1 = {  # a workbook as the first release wrote it (and as participants downloaded it)
    "format": 1,
    "id": "A" * 22,
    "participant": {"name": "Åse Ørsted", "job_centre": "Jobcenter Ærø"},
    "created": "2026-11-24T09:00:00+01:00",
    "updated": "2026-11-24T09:30:00+01:00",
    "answers": {"tjek_ind": {"value": {"ser_frem_til": "At lære"}}},
}


def test_a_format_1_file_is_upgraded_on_import_not_rejected(store):
    wb = store.import_bytes(json.dumps(FORMAT_1).encode("utf-8"))
    assert wb.answer("tjek_ind") == {"ser_frem_til": "At lære"}
    assert wb.saved_at("tjek_ind") == "2026-11-24T09:30:00+01:00"
    assert wb.visited() == {} and wb.workshop is None
    assert json.loads(wb.path.read_text(encoding="utf-8"))["format"] == FORMAT_VERSION


def test_a_format_1_file_on_the_server_is_read_and_saved_in_the_current_format(store):
    store.folder.mkdir(parents=True)
    path = store.folder / f"{FORMAT_1['id']}.json"
    path.write_text(json.dumps(FORMAT_1), encoding="utf-8")
    wb = store.open(FORMAT_1["id"])
    assert wb.answer("tjek_ind") == {"ser_frem_til": "At lære"} and wb.name == "Åse Ørsted"
    wb.save_answer("rolle_gruppe", {"rollen": "ny"})
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["format"] == FORMAT_VERSION and set(on_disk["answers"]) == {
        "tjek_ind",
        "rolle_gruppe",
    }
    assert not list(store.folder.glob("*.beskadiget-*"))


def test_a_workbook_from_a_newer_course_gets_a_clear_message(store):
    newer = dict(FORMAT_1, format=99)
    with pytest.raises(WorkbookError, match="nyere udgave af kurset"):
        store.import_bytes(json.dumps(newer).encode("utf-8"))


# --- one logbog per person: the personal code, finding a logbog again, a file that continues --


def test_every_new_workbook_has_a_personal_code_without_look_alike_signs(store):
    codes = {store.create("Karen Jensen", "Jobcenter Århus").personal_code for _ in range(20)}
    assert len(codes) == 20
    for code in codes:
        assert len(code) == 8 and not set(code) & set("0O1IL")
    assert personal_code_text("K7M4QXP2") == "K7M4-QXP2"


def test_a_format_2_workbook_gets_its_personal_code_when_it_is_next_opened(store):
    store.folder.mkdir(parents=True)
    path = store.folder / f"{'B' * 22}.json"
    path.write_text(json.dumps(dict(FORMAT_1, id="B" * 22, format=2)), encoding="utf-8")
    wb = store.open("B" * 22)
    code = wb.personal_code
    assert len(code) == 8
    assert json.loads(path.read_text(encoding="utf-8"))["personal_code"] == code
    assert store.open("B" * 22).personal_code == code  # made once, then kept


def test_a_workbook_is_found_again_only_with_its_name_job_centre_and_personal_code(store):
    karen = store.create("Karen Jensen", "Jobcenter Århus")
    namesake = store.create("Karen Jensen", "Jobcenter Århus")
    store.create("Karen Jensen", "Jobcenter Vejle")
    store.create("Per Hansen", "Jobcenter Århus")
    found = store.find("  karen  JENSEN ", "jobcenter århus")
    assert {w.id for w in found} == {karen.id, namesake.id}
    typed = personal_code_text(karen.personal_code).lower()  # »k7m4-qxp2« is the same code
    assert store.recover("Karen Jensen", "Jobcenter Århus", typed).id == karen.id
    assert store.recover("Karen Jensen", "Jobcenter Vejle", karen.personal_code) is None
    assert store.recover("Karen Jensen", "Jobcenter Århus", "") is None
    assert store.recover("Karen Jensen", "Jobcenter Århus", "AAAA-AAAA") is None
    assert store.find("Ukendt", "Jobcenter Århus") == []


def test_a_file_from_this_server_continues_its_workbook_and_takes_the_newer_answers(store):
    workbook = store.create("Karen Jensen", "Jobcenter Århus")
    workbook.save_answer("tjek_ind", {"a": "gammel"})
    workbook.save_answer("rolle", {"a": "på serveren"})
    copy = json.loads(workbook.to_bytes())
    copy["answers"]["tjek_ind"] = {
        "value": {"a": "nyere i filen"},
        "saved": "2099-01-01T10:00:00+01:00",
    }
    copy["answers"]["rolle"] = {
        "value": {"a": "ældre i filen"},
        "saved": "2000-01-01T10:00:00+01:00",
    }
    copy["answers"]["kun_i_filen"] = {"value": 3, "saved": "2026-11-20T10:00:00+01:00"}
    copy["anonymous"] = {"tjek_ind": True}
    loaded, continued = store.load_file(json.dumps(copy).encode("utf-8"))
    assert continued and loaded.id == workbook.id
    assert len(list(store.folder.glob("*.json"))) == 1  # no fork
    assert loaded.answers() == {
        "tjek_ind": {"a": "nyere i filen"},
        "rolle": {"a": "på serveren"},
        "kun_i_filen": 3,
    }
    assert loaded.shares_anonymously("tjek_ind")
    assert loaded.personal_code == workbook.personal_code


def test_a_file_from_another_server_becomes_a_new_workbook_with_its_personal_code(store, tmp_path):
    elsewhere = WorkbookStore(tmp_path / "binder").create("Karen Jensen", "Jobcenter Århus")
    loaded, continued = store.load_file(elsewhere.to_bytes())
    assert not continued and loaded.id != elsewhere.id
    assert loaded.personal_code == elsewhere.personal_code
    forged = json.loads(elsewhere.to_bytes())
    forged["personal_code"] = "../../x"
    other, _ = store.load_file(json.dumps(forged).encode("utf-8"))
    assert other.personal_code != "../../x" and len(other.personal_code) == 8
