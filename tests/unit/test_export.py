"""The course leader's Excel file of a workshop's answers, read back with openpyxl."""

import io

import openpyxl
import pytest

from course.export import export, sheet_title
from tests.bad_input import BAD_TEXTS

WB = ["wb-" + "a" * 20, "wb-" + "b" * 20, "wb-" + "c" * 20]


@pytest.fixture
def workshop(room):
    return room.create_workshop("Kursusdag Ærø", "2026-11-20")


def read(content, room, code):
    name, data = export(content, room, code)
    return name, openpyxl.load_workbook(io.BytesIO(data))


def rows(sheet):
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_one_sheet_per_shared_exercise_names_only_where_shared_with_a_name(content, room, workshop):
    room.record(workshop.code, "tjek_ind", WB[0], "Åse Ørsted", {"ser_frem_til": "Værktøjer"})
    room.record(workshop.code, "tjek_ind", WB[1], None, {"brug_for": "Tid"})
    room.record(workshop.code, "tjek_ind", WB[2], "Per", {"ser_frem_til": "Sparring"})
    per = next(a for a in room.answers(workshop.code, "tjek_ind") if a.name == "Per")
    room.set_hidden(workshop.code, "tjek_ind", per.key, True)
    room.record(
        workshop.code,
        "rolle_betingelser",
        WB[0],
        None,
        {"ratings": {"legitimitet": 2, "tid": 5}, "texts": {"vigtigst": "Opbakning"}},
    )
    name, book = read(content, room, workshop.code)
    assert name == f"svar-{workshop.code}-2026-11-20.xlsx"
    shared = [ex for ex in content.exercises.values() if ex.shared]
    assert len(book.sheetnames) == 1 + len(shared)
    overview = rows(book["Oversigt"])
    assert overview[0] == ["Workshop", "Kursusdag Ærø", None, None]
    assert overview[2][:2] == ["Workshopkode", workshop.code]
    assert [
        "Tjek ind: dine forventninger til rollen som nøgleperson",
        book.sheetnames[1],
        3,
        1,
    ] in (overview)
    checkin = rows(book[book.sheetnames[1]])
    assert checkin[0][:4] == [
        "Navn",
        "Tidspunkt",
        "Skjult af kursuslederen",
        "Hvad ser du frem til?",
    ]
    assert [r[0] for r in checkin[1:]] == ["Åse Ørsted", "Anonym", "Per"]
    assert [r[2] for r in checkin[1:]] == [None, None, "Skjult"]
    assert checkin[1][3] == "Værktøjer" and checkin[2][5] == "Tid"
    scale = rows(book[next(s for s in book.sheetnames if s.startswith("At gå foran"))])
    assert scale[0][3].startswith("Legitimitet") and scale[1][:4] == [
        "Anonym",
        scale[1][1],
        None,
        2,
    ]
    assert scale[1][-1] == "Opbakning"


def test_action_plans_are_counted_never_quoted(content, room, workshop):
    plan = {
        "rows": [
            {"group": "projektperioden", "fields": {"hvad": "HEMMELIG HANDLING"}},
            {"group": "naeste_aar", "fields": {"hvad": "Årshjul"}},
            {"group": "naeste_aar", "fields": {"hvad": "Temadag"}},
        ]
    }
    room.record(workshop.code, "handleplan", WB[0], "Åse", plan)
    _, book = read(content, room, workshop.code)
    sheet = rows(book["Min handleplan"])
    assert sheet[0][3:] == ["Handlinger: Projektperioden", "Handlinger: Det næste år"]
    assert sheet[1][3:] == [1, 2]
    every = str([rows(book[s]) for s in book.sheetnames])
    assert "HEMMELIG" not in every


def test_participant_text_stays_text_never_a_formula(content, room, workshop):
    for i, (case, text) in enumerate(BAD_TEXTS.items()):
        room.record(
            workshop.code, "tjek_ind", f"wb-{i:03d}" + "x" * 16, case, {"ser_frem_til": text}
        )
    room.record(workshop.code, "tjek_ind", "wb-formel" + "x" * 16, "=1+1", {"brug_for": "=SUM(1)"})
    _, book = read(content, room, workshop.code)
    sheet = book[book.sheetnames[1]]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert "=1+1" in values and "=SUM(1)" in values


def test_sheet_titles_are_short_unique_and_legal():
    taken = set()
    first = sheet_title("Refleksion i par: Planlæg et læringsgruppemøde [A/B]?", taken)
    second = sheet_title("Refleksion i par: Planlæg et læringsgruppemøde [A/B]?", taken)
    assert len(first) <= 31 and len(second) <= 31 and first != second
    assert not set(first) & set("[]:*?/\\")
    assert sheet_title("???", set()) == "Øvelse"
