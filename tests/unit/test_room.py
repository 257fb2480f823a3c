"""The room's store: workshops, shared answers, anonymity, isolation and many writers at once."""

import multiprocessing
import sqlite3

import pytest

from course.room import (
    CODE_ALPHABET,
    RoomError,
    RoomStore,
    clean_code,
    database_url,
    facilitator_code_matches,
    new_code,
    new_facilitator_code,
)

WB = ["wb-" + "a" * 20, "wb-" + "b" * 20, "wb-" + "c" * 20]


def db_bytes(room) -> bytes:
    path = room.url.split("///", 1)[1]
    return b"".join(
        open(p, "rb").read() for p in (path, path + "-wal") if __import__("os").path.exists(p)
    )


def test_codes_are_six_unambiguous_characters():
    codes = {new_code() for _ in range(300)}
    assert len(codes) > 290
    for code in codes:
        assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
        assert not set(code) & set("0O1I")
    assert len(new_facilitator_code()) == 10


@pytest.mark.parametrize(
    "typed, expected", [(" k7m4qx ", "K7M4QX"), ("K7M-4QX", "K7M4QX"), ("k7 m4 qx", "K7M4QX")]
)
def test_a_typed_code_is_cleaned(typed, expected):
    assert clean_code(typed) == expected


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Skriv workshopkoden"),
        ("K7M4Q", "ikke en workshopkode"),
        ("K7M4QO", "ikke en workshopkode"),
        ("<script>", "ikke en workshopkode"),
    ],
)
def test_a_malformed_code_gets_a_danish_message(typed, message):
    with pytest.raises(RoomError, match=message):
        clean_code(typed)


def test_create_and_join_a_workshop(room, workshop):
    assert len(workshop.code) == 6 and workshop.label == "Kursusdag Aarhus (20.11.2026)"
    assert room.workshop(workshop.code.lower()) == workshop
    assert room.join(f" {workshop.code.lower()} ", WB[0]) == workshop
    room.join(workshop.code, WB[0])  # joining twice counts once
    room.join(workshop.code, WB[1])
    assert room.member_count(workshop.code) == 2
    assert room.workshops() == [workshop]


def test_an_unknown_code_is_refused_in_danish(room, workshop):
    other = "".join(c for c in CODE_ALPHABET if c not in workshop.code)[:6]
    with pytest.raises(RoomError, match=f"ingen workshop med koden {other}"):
        room.join(other, WB[0])


@pytest.mark.parametrize(
    "name, day, message",
    [
        ("  ", "2026-11-20", "Giv workshoppen et navn"),
        ("x" * 121, "2026-11-20", "for langt"),
        ("Kursusdag", "i morgen", "Vælg workshoppens dato"),
        ("Kursusdag", None, "Vælg workshoppens dato"),
    ],
)
def test_a_workshop_needs_a_name_and_a_date(room, name, day, message):
    with pytest.raises(RoomError, match=message):
        room.create_workshop(name, day)


def test_record_replace_and_read_back(room, workshop):
    room.record(workshop.code, "tjek_ind", WB[0], "Karen", {"brug_for": "Tid"})
    room.record(workshop.code, "tjek_ind", WB[1], "Per", {"brug_for": "Opbakning"})
    room.record(workshop.code, "tjek_ind", WB[0], "Karen", {"brug_for": "Tid og ro"})
    answers = room.answers(workshop.code, "tjek_ind")
    assert [(a.name, a.value) for a in answers] == [
        ("Per", {"brug_for": "Opbakning"}),
        ("Karen", {"brug_for": "Tid og ro"}),
    ]
    assert room.answers(workshop.code, "rolle_opgaver") == []


def test_the_fingerprint_changes_with_every_new_answer(room, workshop):
    before = room.fingerprint(workshop.code)
    room.record(workshop.code, "tjek_ind", WB[0], "Karen", {"brug_for": "Tid"})
    first = room.fingerprint(workshop.code)
    room.record(workshop.code, "tjek_ind", WB[0], "Karen", {"brug_for": "Tid og ro"})
    assert len({before, first, room.fingerprint(workshop.code)}) == 3


def test_anonymous_answers_store_no_name_and_no_workbook_id(room, workshop):
    room.record(workshop.code, "tjek_ind", WB[2], None, {"brug_for": "Hemmeligt svar"})
    [answer] = room.answers(workshop.code, "tjek_ind")
    assert answer.name == "" and answer.value == {"brug_for": "Hemmeligt svar"}
    path = room.url.split("///", 1)[1]
    with sqlite3.connect(path) as db:
        assert db.execute("select name from answers").fetchall() == [(None,)]
    room.record(workshop.code, "rolle_opgaver", WB[0], "Karen Jensen", {"order": []})
    stored = db_bytes(room)
    assert b"Hemmeligt svar" in stored  # the check can see what is stored
    assert not any(wb.encode() in stored for wb in WB), "a workbook id is a key to a workbook"


def test_switching_to_anonymous_replaces_the_named_answer(room, workshop):
    room.record(workshop.code, "tjek_ind", WB[0], "Karen", {"brug_for": "Tid"})
    room.record(workshop.code, "tjek_ind", WB[0], None, {"brug_for": "Tid"})
    assert [a.name for a in room.answers(workshop.code, "tjek_ind")] == [""]


def test_anonymous_answers_to_different_exercises_cannot_be_linked(room, workshop):
    room.record(workshop.code, "tjek_ind", WB[0], "Karen", {"brug_for": "Tid"})
    room.record(workshop.code, "rolle_betingelser", WB[0], None, {"ratings": {"tid": 1}})
    path = room.url.split("///", 1)[1]
    with sqlite3.connect(path) as db:
        keys = db.execute("select participant from answers").fetchall()
    assert len(set(keys)) == 2


def test_workshops_never_mix(room, workshop):
    other = room.create_workshop("Kursusdag Odense", "2026-11-21")
    room.join(workshop.code, WB[0])
    room.record(workshop.code, "tjek_ind", WB[0], "Karen", {"brug_for": "Aarhus"})
    room.record(other.code, "tjek_ind", WB[0], "Karen", {"brug_for": "Odense"})
    room.record(other.code, "tjek_ind", WB[1], "Per", {"brug_for": "Odense"})
    assert [a.value["brug_for"] for a in room.answers(workshop.code, "tjek_ind")] == ["Aarhus"]
    assert [a.value["brug_for"] for a in room.answers(other.code, "tjek_ind")] == ["Odense"] * 2
    assert (room.member_count(workshop.code), room.member_count(other.code)) == (1, 0)
    assert [w.code for w in room.workshops()] == [other.code, workshop.code]  # newest first


def test_recording_to_a_missing_workshop_is_refused(room, workshop):
    with pytest.raises(RoomError, match="findes ikke længere"):
        room.record("ABCDEF", "tjek_ind", WB[0], "Karen", {"brug_for": "Tid"})


def test_the_database_is_sqlite_in_wal_mode_beside_the_workbooks(room, workshop, tmp_path):
    assert room.url == f"sqlite:///{tmp_path / 'logbog' / 'rum.sqlite3'}"
    with sqlite3.connect(tmp_path / "logbog" / "rum.sqlite3") as db:
        assert db.execute("pragma journal_mode").fetchone() == ("wal",)


def test_the_database_location_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("NOEGLEPERSONKURSUS_RUM_URL", raising=False)
    monkeypatch.setenv("NOEGLEPERSONKURSUS_RUM", str(tmp_path / "rum"))
    assert database_url(tmp_path / "logbog") == f"sqlite:///{tmp_path / 'rum' / 'rum.sqlite3'}"
    monkeypatch.setenv("NOEGLEPERSONKURSUS_RUM_URL", "postgresql+psycopg://kursus@db/kursus")
    assert RoomStore(tmp_path).url == "postgresql+psycopg://kursus@db/kursus"


def test_the_facilitator_code_compares_exactly_and_unset_means_locked(monkeypatch):
    assert facilitator_code_matches(" K7M4QXPR2D ", "K7M4QXPR2D")
    assert not facilitator_code_matches("K7M4QXPR2", "K7M4QXPR2D")
    assert not facilitator_code_matches("k7m4qxpr2d", "K7M4QXPR2D")
    assert not facilitator_code_matches("", "")
    monkeypatch.delenv("NOEGLEPERSONKURSUS_FACILITATORKODE", raising=False)
    assert not facilitator_code_matches("")
    monkeypatch.setenv("NOEGLEPERSONKURSUS_FACILITATORKODE", "HEMMELIG22")
    assert facilitator_code_matches("HEMMELIG22")


# --- 40 kernels writing at once ----------------------------------------------------------------

WRITERS = 40


def _writer(folder, code, index, barrier):
    store = RoomStore(folder)
    workbook = f"wb-{index:03d}-" + "x" * 16
    barrier.wait(60)
    store.join(code, workbook)
    for version in range(3):  # a participant typing: each save replaces the last
        store.record(
            code,
            "tjek_ind",
            workbook,
            f"Deltager {index}",
            {"brug_for": f"svar {index} v{version}"},
        )
    store.record(
        code,
        "rolle_betingelser",
        workbook,
        None if index % 2 else f"Deltager {index}",
        {"ratings": {"tid": index % 5 + 1}, "texts": {}},
    )


def test_forty_concurrent_writers_lose_nothing_and_duplicate_nothing(tmp_path):
    folder = tmp_path / "logbog"
    workshop = RoomStore(folder).create_workshop("Stor workshop", "2026-11-20")
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WRITERS)
    writers = [
        context.Process(target=_writer, args=(str(folder), workshop.code, i, barrier))
        for i in range(WRITERS)
    ]
    for w in writers:
        w.start()
    for w in writers:
        w.join(180)
    assert [w.exitcode for w in writers] == [0] * WRITERS
    room = RoomStore(folder)
    checkins = room.answers(workshop.code, "tjek_ind")
    assert sorted(a.value["brug_for"] for a in checkins) == sorted(
        f"svar {i} v2" for i in range(WRITERS)
    )
    assert len({a.name for a in checkins}) == WRITERS
    scales = room.answers(workshop.code, "rolle_betingelser")
    assert len(scales) == WRITERS
    assert sum(a.name == "" for a in scales) == WRITERS // 2
    assert room.member_count(workshop.code) == WRITERS


def test_serve_makes_a_facilitator_code_when_none_is_set_and_keeps_a_given_one():
    from course.serve import facilitator_url, server_environment

    made = server_environment({"PATH": "/bin"})["NOEGLEPERSONKURSUS_FACILITATORKODE"]
    assert len(made) == 10 and set(made) <= set(CODE_ALPHABET)
    assert server_environment({"PATH": "/bin"})["NOEGLEPERSONKURSUS_FACILITATORKODE"] != made
    given = server_environment({"NOEGLEPERSONKURSUS_FACILITATORKODE": "VORES-KODE"})
    assert given["NOEGLEPERSONKURSUS_FACILITATORKODE"] == "VORES-KODE"
    assert facilitator_url("127.0.0.1", 8866).endswith("/voila/render/90_facilitator.ipynb")
