"""The facilitator's report: a seeded room with known answers, counted, ordered and exported."""

import io
from datetime import datetime

import pytest

from course import report
from course.document import to_docx
from course.room import RoomStore
from course.summary import ANONYMOUS

SECRET = "Ulla Ukendtsen"  # shares everything anonymously: her name must never appear


def plan(*actions):
    return {
        "rows": [
            {
                "group": group,
                "item": "",
                "fields": {
                    "hvad": what,
                    "hvem": "mig",
                    "start": start,
                    "slut": "2027-06-30",
                    "hvordan": "Vi spørger kollegaerne",
                },
            }
            for group, what, start in actions
        ]
    }


def task(item_id, level="", phase="", own_text=None):
    if own_text is not None:
        return {
            "id": item_id,
            "text": own_text,
            "own": True,
            "attrs": {"niveau": level, "fase": phase},
        }
    return {"id": item_id, "text": "", "own": False, "attrs": {"niveau": level, "fase": phase}}


# (workbook id, name shared with, answers per exercise)
PARTICIPANTS = [
    (
        "wb-karen",
        "Karen Ærøskøbing",
        {
            "tjek_ind": {"ser_frem_til": "Værktøjer til læringsmøder"},
            "rolle_opgaver": {
                "order": [
                    task("sparring", "Individuelt", "Under projektet"),
                    task("facilitering", "Gruppe", "Både under og efter"),
                    task("introduktion", "Individuelt", "Efter projektet"),
                    task("laeringsgryden", "Organisation", "Efter projektet"),
                    task(
                        "egen-1",
                        "Organisation",
                        "Efter projektet",
                        own_text="Koordinere med <ledelsen> & IT",
                    ),
                ]
            },
            "rolle_betingelser": {
                "ratings": {"legitimitet": 2, "opbakning": 4, "tid": 1, "anerkendelse": 5},
                "texts": {"vigtigst": "Tid i kalenderen"},
            },
            "laeringskultur_skala": {
                "ratings": {"laeringskultur": 7},
                "texts": {"godt": "Vi deler erfaringer", "bedre": "Mere tid"},
            },
            "handleplan": plan(
                ("projektperioden", "Læringsgruppemøde om spørgsmål", "2027-01-11"),
                ("naeste_aar", "Introduktion af nye kollegaer", "2027-03-01"),
            ),
        },
    ),
    (
        "wb-ulla",
        None,
        {
            "tjek_ind": {"ser_frem_til": "Ro til at øve <script>alert(1)</script>"},
            "rolle_opgaver": {
                "order": [
                    task("facilitering", "Gruppe", "Under projektet"),
                    task("sparring", "Individuelt", "Under projektet"),
                    task(
                        "egen-1",
                        "Organisation",
                        "Efter projektet",
                        own_text="koordinere  med <ledelsen> & it",
                    ),
                    task("laeringsgryden", "Organisation", "Efter projektet"),
                    task("introduktion"),
                ]
            },
            "rolle_betingelser": {
                "ratings": {"legitimitet": 3, "opbakning": 4, "tid": 2, "anerkendelse": 4}
            },
            "laeringskultur_skala": {
                "ratings": {"laeringskultur": 4},
                "texts": {"bedre": "Faste møder"},
            },
        },
    ),
    (
        "wb-per",
        "Per Ørsted",
        {
            "rolle_opgaver": {
                "order": [
                    task("facilitering", "Gruppe", "Under projektet"),
                    task("sparring", "Gruppe", "Under projektet"),
                    task("laeringsgryden", "Organisation", "Både under og efter"),
                    task("introduktion", "Individuelt", "Efter projektet"),
                ]
            },
            "rolle_betingelser": {
                "ratings": {"legitimitet": 1, "opbakning": 5, "tid": 2, "anerkendelse": 3}
            },
            "laeringskultur_skala": {"ratings": {"laeringskultur": 7}},
            "handleplan": plan(("projektperioden", "Sparring med teamet", "2027-01-20")),
        },
    ),
]


def seed(folder, participants=PARTICIPANTS, name="Kursusdag Ærø", day="2026-11-20"):
    room = RoomStore(folder)
    workshop = room.create_workshop(name, day)
    for workbook_id, shared_name, given in participants:
        room.join(workshop.code, workbook_id)
        for exercise, value in given.items():
            room.record(workshop.code, exercise, workbook_id, shared_name, value)
    return room, workshop


@pytest.fixture
def seeded(tmp_path):
    return seed(tmp_path / "rum")


def document(content, room, workshop):
    workshop, answers = report.collect(content, room, getattr(workshop, "code", workshop))
    return report.build(content, workshop, answers, made=datetime(2026, 11, 21))


def section(doc, heading):
    return next(s for s in doc.sections if s.heading == heading)


def test_tasks_are_ordered_by_average_place_then_mentions_with_the_rooms_own_wording(
    content, seeded
):
    room, workshop = seeded
    rows = report.task_rows(
        content.exercise("rolle_opgaver"), room.answers(workshop.code, "rolle_opgaver")
    )
    # facilitering 2,1,1; sparring 1,2,2; gryden 4,4,3; introduktion 3,5,4; own 5,3 (fewer mentions)
    assert [r.text.split()[0] for r in rows] == [
        "Facilitering",
        "Sparring",
        "Holde",
        "Introduktion",
        "Koordinere",
    ]
    assert [r.mentions for r in rows] == [3, 3, 3, 3, 2]
    assert rows[0].mean_rank == pytest.approx(4 / 3)
    own = rows[-1]
    assert own.own and own.text == "Koordinere med <ledelsen> & IT"  # the first wording, as typed
    assert own.levels == (("Organisation", 2),) and own.phase == "Efter projektet"
    assert rows[1].levels == (("Individuelt", 2), ("Gruppe", 1)) and rows[1].level == "Individuelt"
    assert rows[3].phases == (("Efter projektet", 2),)  # one left it empty


def test_the_document_counts_groups_and_advises_on_the_lowest_rated(content, seeded):
    doc = document(content, *seeded)
    assert doc.title == "Bruttoopgavebeskrivelse – Kursusdag Ærø"
    assert "20.11.2026" in doc.meta[0]
    tasks = section(doc, "Rummets rangering af opgaverne")
    assert tasks.table[0] == ["Nr.", "Opgave", "Gns. plads", "Nævnt af", "Niveau", "Hvornår"]
    assert tasks.table[1][1:4] == [
        "Facilitering af læringsgruppemøder og andre arrangementer",
        "1,3",
        "3",
    ]
    assert tasks.table[5][1] == "Koordinere med <ledelsen> & IT (tilføjet af deltagerne)"
    assert tasks.images and tasks.images[0].startswith(b"\x89PNG")
    grouped = section(doc, "Opgaverne efter niveau og tidspunkt").table
    cells = {
        (row[0], col): cell for row in grouped[1:] for col, cell in zip(grouped[0][1:], row[1:])
    }
    assert "Koordinere med <ledelsen> & IT" in cells[("Organisation", "Efter projektet")]
    assert "Facilitering" in cells[("Gruppe", "Under projektet")]
    conditions = section(doc, "Opmærksomhedspunkter: at gå foran uden en ledelsesrolle").table
    assert [row[0].split(":")[0] for row in conditions[1:]] == [
        "Tid og ressourcer",
        "Legitimitet",
        "Anerkendelse",
        "Ledelsesopbakning",
    ]
    assert conditions[1][1:] == ["1,7", "3", "3"]
    advice = " ".join(section(doc, "Råd til de lavest vurderede punkter").paragraphs)
    assert "Aftal et konkret antal timer" in advice and "grundig afstemning" in advice
    assert "personalemøde" not in advice
    culture = section(doc, "Læringskulturen i jobcentrene")
    assert culture.table[1] == ["Antal", "0", "0", "0", "1", "0", "0", "2", "0", "0", "0"]
    assert "gennemsnittet er 6,0" in culture.paragraphs[0]
    assert section(doc, "Hvad kunne gøre den endnu bedre?").table[1:] == [
        ["Karen Ærøskøbing", "Mere tid"],
        [ANONYMOUS, "Faste møder"],
    ]
    plans = section(doc, "Deltagernes handleplaner")
    assert "2 deltagere har delt deres handleplan med i alt 3 handlinger" in plans.paragraphs[0]
    assert plans.table[1:] == [["Projektperioden", "2"], ["Det næste år", "1"]]
    assert section(doc, "Hvornår handlingerne begynder").table[1:] == [
        ["januar 2027", "2"],
        ["marts 2027", "1"],
    ]
    assert "Sparring med teamet" not in str(doc)  # plans are counted, never quoted
    checkin = section(doc, "Hvad ser du frem til?").table
    assert checkin[1:] == [
        ["Karen Ærøskøbing", "Værktøjer til læringsmøder"],
        [ANONYMOUS, "Ro til at øve <script>alert(1)</script>"],
    ]


def test_anonymous_answers_carry_no_name_in_html_or_word(content, seeded):
    doc = document(content, *seeded)
    page = report.to_html(doc)
    assert SECRET not in page and "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Koordinere med &lt;ledelsen&gt; &amp; IT" in page
    from docx import Document as Word

    word = Word(io.BytesIO(to_docx(doc)))
    text = " ".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert SECRET not in text and "Ro til at øve <script>alert(1)</script>" in text
    assert "Karen Ærøskøbing" in text  # shared with her name


def test_an_empty_workshop_gives_a_clear_message(content, tmp_path):
    room = RoomStore(tmp_path / "rum")
    workshop = room.create_workshop("Tom dag", "2026-12-01")
    doc = document(content, room, workshop.code)
    assert [s.heading for s in doc.sections] == ["Ingen svar endnu"]
    assert doc.sections[0].paragraphs == [report.EMPTY_MESSAGE]
    assert "ingen delte svar" in report.to_html(doc)
    assert to_docx(doc)


def test_a_workshop_without_plans_or_rankings_says_so(content, tmp_path):
    room, workshop = seed(tmp_path / "rum", [("wb-1", None, {"tjek_ind": {"brug_for": "Tid"}})])
    doc = document(content, room, workshop.code)
    assert section(doc, "Deltagernes handleplaner").paragraphs == [
        "Ingen deltagere har delt en handleplan med rummet."
    ]
    assert section(doc, "Rummets rangering af opgaverne").paragraphs == [
        "Ingen har delt deres rangering af opgaverne."
    ]


def forty():
    items = ["facilitering", "sparring", "introduktion", "laeringsgryden"]
    levels, phases = (
        ["Organisation", "Gruppe", "Individuelt"],
        ["Under projektet", "Efter projektet"],
    )
    people = []
    for i in range(40):
        order = items[i % 4 :] + items[: i % 4]
        given = {
            "tjek_ind": {"ser_frem_til": f"Sparring og værktøjer nr. {i}"},
            "rolle_opgaver": {
                "order": [task(x, levels[(i + j) % 3], phases[i % 2]) for j, x in enumerate(order)]
                + [task("egen-1", "Gruppe", "Under projektet", own_text=f"Opgave {i % 5}")]
            },
            "rolle_betingelser": {
                "ratings": {
                    "legitimitet": 1 + i % 5,
                    "opbakning": 1 + (i * 3) % 5,
                    "tid": 1 + (i * 7) % 5,
                    "anerkendelse": 5 - i % 5,
                }
            },
            "laeringskultur_skala": {
                "ratings": {"laeringskultur": 1 + i % 10},
                "texts": {"godt": f"Godt {i}", "bedre": f"Bedre {i}"},
            },
            "handleplan": plan(("projektperioden", f"Møde {i}", f"2027-{1 + i % 12:02d}-01")),
        }
        people.append((f"wb-{i}", None if i % 2 else f"Deltager {i}", given))
    return people


def test_forty_participants(content, tmp_path):
    room, workshop = seed(tmp_path / "rum", forty())
    doc = document(content, room, workshop.code)
    tasks = section(doc, "Rummets rangering af opgaverne").table
    assert len(tasks) == 1 + 4 + 5  # four tasks and five own wordings
    assert sum(int(row[3]) for row in tasks[1:5]) == 160
    assert "40 deltagere har delt deres handleplan med i alt 40 handlinger" in " ".join(
        section(doc, "Deltagernes handleplaner").paragraphs
    )
    assert len(section(doc, "Hvad ser du frem til?").table) == 41
    page = report.to_html(doc)
    assert not [i for i in range(1, 40, 2) if f">Deltager {i}<" in page]  # odd ones are anonymous
    assert all(f">Deltager {i}<" in page for i in range(0, 40, 2))
    assert to_docx(doc)


def test_html_cells_keep_line_breaks_and_escape_everything_else():
    from course.document import Document, Section

    doc = Document("T", sections=[Section("S", table=[["<h>", "B"], ["a\nb & <i>", "c"]])])
    page = report.to_html(doc)
    assert "a<br>b &amp; &lt;i&gt;" in page and "&lt;h&gt;" in page and "<i>" not in page
