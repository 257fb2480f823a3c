"""A job centre's plan made together: per-field versions, merges, and two writers at once."""

import multiprocessing
import threading

import pytest

from course import centre_plan
from course.centre_plan import Address, CentrePlans, Edit
from course.room import RoomStore


@pytest.fixture
def room(tmp_path):
    return RoomStore(tmp_path / "logbog")


@pytest.fixture
def at(room):
    workshop = room.create_workshop("Kursusdag", "2026-11-20")
    return Address(workshop.code, centre_plan.centre_key("Jobcenter Ærø"), "jobcenterplan")


def test_the_same_job_centre_however_it_is_typed():
    key = centre_plan.centre_key
    assert key("Jobcenter Aarhus") == key("aarhus jobcenter") == key(" Jobcenter  Århus ")
    assert key("Jobcentret i Ærø") == key("ÆRØ") != key("Jobcenter Odense")
    assert key("Jobcenter") == "-" and key("<script>") == "script"


def test_text_merges_keep_both_and_never_repeat():
    merge = centre_plan.merge_text
    assert merge("Temadag", "Læringsmøde", "tekst") == "Temadag / Læringsmøde"
    assert merge("Temadag", "Læringsmøde", "langtekst") == "Temadag\nLæringsmøde"
    assert merge("Temadag i marts", "Temadag", "tekst") == "Temadag i marts"
    assert merge("Temadag", "Temadag i marts", "tekst") == "Temadag i marts"
    assert merge("Temadag", "", "tekst") == "Temadag"  # an emptied field keeps the other's text
    assert merge(None, "Ny", "tekst") == "Ny"


def test_two_writers_on_different_fields_and_rows_keep_both(room, at):
    plans = CentrePlans(room)
    row = plans.add_row(at, "a" * 16, "projektperioden", "Åse", "k-ase", {"hvad": "Temadag"})
    assert row.version == 1 and row.cells["hvad"].version == 1
    # Per and Åse both loaded the row at version 1 and change a field each.
    per = plans.set_cell(at, row.id, "hvem", "Per", 0, "tekst", "Per", "k-per")
    ase = plans.set_cell(at, row.id, "hvordan", "Fremmøde", 0, "langtekst", "Åse", "k-ase")
    assert per.edit is Edit.SAVED and ase.edit is Edit.SAVED
    plans.add_row(at, "b" * 16, "naeste_aar", "Per", "k-per", {"hvad": "Læringsgrupper"})
    [first, second] = plans.rows(at)
    assert first.values() == {"hvad": "Temadag", "hvem": "Per", "hvordan": "Fremmøde"}
    assert second.group == "naeste_aar" and second.values() == {"hvad": "Læringsgrupper"}
    assert plans.authors(at) == ["Åse", "Per"]


def test_the_same_field_at_once_merges_text_and_keeps_the_first_date(room, at):
    plans = CentrePlans(room)
    row = plans.add_row(at, "a" * 16, "projektperioden", "Åse", "k-ase", {"hvad": "Temadag"})
    first = plans.set_cell(at, row.id, "hvad", "Temadag i marts", 1, "tekst", "Per", "k-per")
    late = plans.set_cell(at, row.id, "hvad", "Læringsmøde", 1, "tekst", "Åse", "k-ase")
    assert first.edit is Edit.SAVED
    assert late.edit is Edit.MERGED and late.by == "Per"
    assert late.row.cells["hvad"].value == "Temadag i marts / Læringsmøde"
    plans.set_cell(at, row.id, "start", "2027-01-11", 0, "dato", "Per", "k-per")
    kept = plans.set_cell(at, row.id, "start", "2027-02-01", 0, "dato", "Åse", "k-ase")
    assert kept.edit is Edit.KEPT_THEIRS and kept.by == "Per" and kept.mine == "2027-02-01"
    assert kept.row.cells["start"].value == "2027-01-11"
    again = plans.set_cell(
        at, row.id, "start", "2027-02-01", kept.row.cells["start"].version, "dato", "Åse", "k-ase"
    )
    assert again.edit is Edit.SAVED and again.row.cells["start"].value == "2027-02-01"


def test_removing_a_row_a_colleague_changed_is_refused_and_an_edit_brings_it_back(room, at):
    plans = CentrePlans(room)
    row = plans.add_row(at, "a" * 16, "projektperioden", "Åse", "k-ase", {"hvad": "Temadag"})
    plans.set_cell(at, row.id, "hvem", "Per", 0, "tekst", "Per", "k-per")  # row version 2
    refused = plans.remove_row(at, row.id, row.version, "Åse", "k-ase")
    assert refused.edit is Edit.NOT_REMOVED and refused.by == "Per"
    assert len(plans.rows(at)) == 1
    removed = plans.remove_row(at, row.id, refused.row.version, "Åse", "k-ase")
    assert removed.edit is Edit.REMOVED and plans.rows(at) == []
    assert plans.known(at) == {row.id}  # removed rows are remembered, never pushed again
    revived = plans.set_cell(at, row.id, "hvordan", "Alle deltog", 0, "langtekst", "Per", "k-per")
    assert revived.edit is Edit.REVIVED
    assert [r.values()["hvordan"] for r in plans.rows(at)] == ["Alle deltog"]


def test_changes_by_colleagues_are_counted_for_the_notice(room, at):
    plans = CentrePlans(room)
    since = "2000-01-01"
    plans.add_row(at, "a" * 16, "projektperioden", "Åse", "k-ase", {"hvad": "Temadag"})
    assert plans.changes_by_others(at, "k-ase", since)[0] == 0
    count, when, who = plans.changes_by_others(at, "k-per", since)
    assert count == 2 and who == "Åse" and when > since  # the row and its field


def test_plans_never_mix_between_job_centres_or_workshops(room, at):
    plans = CentrePlans(room)
    plans.add_row(at, "a" * 16, "projektperioden", "Åse", "k-ase", {"hvad": "Ærø"})
    odense = Address(at.workshop, centre_plan.centre_key("Jobcenter Odense"), at.exercise)
    other = room.create_workshop("Anden dag", "2026-11-21")
    elsewhere = Address(other.code, at.centre, at.exercise)
    assert plans.rows(odense) == [] and plans.rows(elsewhere) == []


def _writer(url, at, name, rows, barrier):
    plans = CentrePlans(RoomStore(url=url))
    barrier.wait()
    for n in range(rows):
        row_id = f"{name[:1].lower()}{n:015x}".replace("å", "a")
        made = plans.add_row(at, row_id, "projektperioden", name, f"k-{name}", {})
        plans.set_cell(at, made.id, "hvad", f"{name} {n}", 0, "tekst", name, f"k-{name}")
        # Both write the same shared row's text, each from version 1 as loaded.
        plans.set_cell(at, "f" * 16, "hvordan", f"{name} {n}", 1, "langtekst", name, f"k-{name}")


def test_two_writers_at_once_in_two_processes_lose_nothing(room, at):
    plans = CentrePlans(room)
    plans.add_row(at, "f" * 16, "naeste_aar", "Åse", "k-ase", {"hvordan": "Start"})
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    writers = [
        ctx.Process(target=_writer, args=(room.url, at, name, 15, barrier))
        for name in ("Åse", "Per")
    ]
    for w in writers:
        w.start()
    for w in writers:
        w.join(120)
        assert w.exitcode == 0
    rows = {r.id: r for r in plans.rows(at)}
    texts = sorted(r.values().get("hvad") for r in rows.values() if r.group == "projektperioden")
    assert texts == sorted([f"Åse {n}" for n in range(15)] + [f"Per {n}" for n in range(15)])
    shared = rows["f" * 16].values()["hvordan"]
    for name in ("Åse", "Per"):
        for n in range(15):
            assert f"{name} {n}" in shared  # every concurrent text of one field is kept


def test_two_writers_at_once_in_threads_merge_one_field(room, at):
    plans = CentrePlans(room)
    row = plans.add_row(at, "a" * 16, "projektperioden", "Åse", "k-ase", {"hvad": "Start"})
    barrier = threading.Barrier(2)
    results = {}

    def write(name):
        mine = CentrePlans(RoomStore(url=room.url))
        barrier.wait()
        results[name] = mine.set_cell(at, row.id, "hvad", f"{name}s idé", 1, "tekst", name, name)

    threads = [threading.Thread(target=write, args=(n,)) for n in ("Åse", "Per")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {r.edit for r in results.values()} == {Edit.SAVED, Edit.MERGED}
    value = plans.rows(at)[0].values()["hvad"]
    assert "Åses idé" in value and "Pers idé" in value


def test_the_workbook_copy_keeps_address_authors_and_rows(room, at):
    plans = CentrePlans(room)
    plans.add_row(at, "a" * 16, "projektperioden", "Åse", "k-ase", {"hvad": "Temadag"})
    value = centre_plan.plan_value(at, plans.rows(at), plans.authors(at))
    assert value == {
        "plan": {"workshop": at.workshop, "centre": "ærø"},
        "authors": ["Åse"],
        "rows": [
            {"id": "a" * 16, "group": "projektperioden", "item": "", "fields": {"hvad": "Temadag"}}
        ],
    }
    assert not centre_plan.made_alone(value) and centre_plan.made_alone({"rows": []})
    [row] = centre_plan.saved_rows(value)
    assert row.id == "a" * 16 and row.values() == {"hvad": "Temadag"}
    assert len(centre_plan.saved_rows({"rows": [{"id": "../x", "fields": {}}]})[0].id) == 16
