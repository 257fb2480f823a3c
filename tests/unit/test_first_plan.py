"""»Min første plan som nøgleperson«: the day's parts gathered into one Word document and one
calendar."""

import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import docx
import icalendar

from course import first_plan
from course.document import to_docx, to_markdown
from course.ics import to_ics

TODAY = date(2026, 11, 24)
TYPED = "<script>alert('æøå')</script> =1+1 **ikke fed**"

A_DAY = {
    "opgavebeskrivelse": {
        "fields": {
            "formaal": TYPED,
            "opgaver_under": "Læringsgruppemøder hver anden uge",
            "timer": "8",
            "afstemt_med": "Teamleder",
            "samtale_dato": "2026-12-01",
        }
    },
    "introduktionsplan": {
        "weeks": {
            "introduktionsmoede": [1],
            "laese": [1, 2],
            "observation_a": [2, 3],
            "observation_b": [4],
            "laeringsgrupper": [3, 4, 5, 6, 7, 8],
        }
    },
    "laeringskontrakt": {
        "fields": {
            "ny_kollega": "Jens",
            "oeve": "Åbne spørgsmål",
            "aflaere": "Råd for tidligt",
            "observation_a": "Uge 2: to samtaler",
            "observation_b": "Uge 4: feedback",
        }
    },
    "aarshjul": {
        "rows": [
            {
                "group": "",
                "item": "temadag",
                "fields": {
                    "aktivitet": "Temadag med virksomheder",
                    "maaned": "Marts",
                    "ansvarlig": "Åse",
                },
            },
            {
                "group": "",
                "item": "",
                "fields": {
                    "aktivitet": "Morgenmad; jobaftaler, data",
                    "maaned": "September",
                    "ansvarlig": "Læringsgruppen",
                },
            },
        ]
    },
    "handleplan": {
        "rows": [
            {
                "group": "projektperioden",
                "item": "",
                "fields": {
                    "hvad": "Læringsgruppemøde om UGU",
                    "hvem": "Åse",
                    "start": "2026-12-01",
                    "slut": "2027-03-31",
                    "med_hvem": "Projektleder",
                    "hvordan": "Flere jobaftaler",
                },
            },
            {
                "group": "naeste_aar",
                "item": "",
                "fields": {
                    "hvad": "Årshjulet i drift",
                    "hvem": "Teamet",
                    "start": "2027-04-01",
                    "slut": "2028-03-31",
                    "med_hvem": "",
                    "hvordan": "Fremmøde over 8",
                },
            },
        ]
    },
    "jobcenterplan": {
        "plan": {"workshop": "K7M4QX", "centre": "ærø"},
        "authors": ["Åse Ørsted", "Per Hansen"],
        "rows": [
            {
                "id": "0123456789abcdef",
                "group": "projektperioden",
                "item": "",
                "fields": {
                    "hvad": "Fælles temadag",
                    "hvem": "Per",
                    "start": "2027-01-11",
                    "slut": "2027-01-11",
                    "hvordan": "Alle kolleger deltog",
                },
            },
            {
                "id": "fedcba9876543210",
                "group": "naeste_aar",
                "item": "",
                "fields": {
                    "hvad": "Læringsgrupper i alle teams",
                    "hvem": "Åse",
                    "start": "2027-04-01",
                    "slut": "2027-12-31",
                    "hvordan": "Fire møder pr. team",
                },
            },
        ],
    },
    "min_foerste_plan": {"fields": {"start": "2026-12-01", "tidspunkt": "10.00"}},
}


def plan(content):
    return content.exercise("min_foerste_plan")


def test_an_empty_workbook_says_what_is_missing_for_every_part(content):
    statuses = first_plan.part_statuses(content, plan(content), {}, today=TODAY)
    assert [s.part.heading for s in statuses] == [
        "Opgavebeskrivelse",
        "Introduktionsplan",
        "Læringskontrakt",
        "Årshjul",
        "Handleplan",
        "Jobcentrets fælles handleplan",
    ]
    assert [s.notebook for s in statuses] == [
        "01_rollen_som_noegleperson.ipynb",
        "05_introduktion_af_nye_medarbejdere.ipynb",
        "05_introduktion_af_nye_medarbejdere.ipynb",
        "06_laeringsgryden.ipynb",
        "07_min_foerste_plan.ipynb",
        "07_min_foerste_plan.ipynb",
    ]
    assert all(s.missing == ["Ikke lavet endnu."] and not s.complete for s in statuses)


def test_a_day_of_work_is_complete_and_partial_work_names_what_is_missing(content):
    statuses = first_plan.part_statuses(content, plan(content), A_DAY, today=TODAY)
    assert [s.missing for s in statuses] == [[]] * 6
    assert statuses[0].found == "5 af 8 felter er udfyldt."
    assert statuses[5].found == (
        "Projektperioden: 1 handling; Det næste år: 1 handling. "
        "Lavet sammen af Åse Ørsted og Per Hansen."
    )
    assert statuses[3].found == "2 aktiviteter i 2 af årets 12 måneder."
    partial = dict(
        A_DAY,
        laeringskontrakt={"fields": {"oeve": "Åbne spørgsmål"}},
        handleplan={"rows": A_DAY["handleplan"]["rows"][:1]},
    )
    statuses = first_plan.part_statuses(content, plan(content), partial, today=TODAY)
    assert statuses[2].missing == [
        "Udfyld feltet »Hvad skal aflæres?«.",
        (
            "Udfyld feltet »Kollegial observation A: den nye kollega deltager i dine "
            "samtaler og stiller spørgsmål«."
        ),
        (
            "Udfyld feltet »Kollegial observation B: du deltager i den nye kollegas "
            "samtaler og giver feedback«."
        ),
    ]
    assert statuses[4].missing == ["Der er endnu ingen handlinger for »Det næste år«."]
    late = first_plan.part_statuses(content, plan(content), A_DAY, today=date(2027, 1, 1))
    assert late[4].missing == ["Projektperioden, række 1: »Start« (01.12.2026) ligger før i dag."]


def test_follow_ups_come_30_60_and_90_days_after_the_start_on_the_next_working_day(content):
    talks = first_plan.follow_ups(plan(content), {"start": "2026-12-01"})
    # 31.12.2026 is New Year's Eve (then New Year's Day and a weekend), 30.01.2027 a Saturday.
    assert [(t.day, t.title, t.moved) for t in talks] == [
        (date(2027, 1, 4), "Opfølgning med teamleder efter 30 dage", "nytårsaftensdag"),
        (date(2027, 2, 1), "Opfølgning med teamleder efter 60 dage", "lørdag"),
        (date(2027, 3, 1), "Opfølgning med teamleder efter 90 dage", ""),
    ]
    assert first_plan.moved_text(talks[0]) == " (flyttet fra nytårsaftensdag 31.12.2026)"
    assert first_plan.moved_text(talks[2]) == ""
    assert first_plan.follow_ups(plan(content), {"start": "snart"}) == []
    # Easter 2027: 30 days after 26.02 is Easter Sunday; Monday is 2. påskedag too.
    easter = first_plan.follow_ups(plan(content), {"start": "2027-02-26"})
    assert (easter[0].day, easter[0].moved) == (date(2027, 3, 30), "påskedag")


def word(content, answers):
    doc = first_plan.build_document(
        content, plan(content), answers, "Åse Ørsted", "Jobcenter Ærø", today=TODAY
    )
    return doc, docx.Document(io.BytesIO(to_docx(doc)))


def test_the_word_document_gathers_every_part_with_tables_and_pictures(content):
    _, document = word(content, A_DAY)
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[0] == ("Title", "Min første plan som nøgleperson")
    level1 = [text for style, text in headings if style == "Heading 1"]
    assert level1 == [
        "Opgavebeskrivelse",
        "Introduktionsplan",
        "Læringskontrakt",
        "Årshjul",
        "Handleplan",
        "Jobcentrets fælles handleplan",
        "Opfølgning med teamleder",
    ]
    assert ("Heading 2", "Det næste år") in headings and (
        "Heading 2",
        "Hvad skal aflæres?",
    ) in headings
    texts = [p.text for p in document.paragraphs]
    assert texts[1:4] == ["Nøgleperson: Åse Ørsted", "Jobcenter: Jobcenter Ærø", "Dato: 24.11.2026"]
    assert TYPED in texts  # typed markup and formulas stay literal text
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    assert tables[0][0] == ["Uge", "Teoretisk læring", "Aktionslæring", "Mesterlære"]
    assert ["Events", "Temadag med virksomheder", "Marts", "Åse"] in tables[1]
    assert [
        "Egen aktivitet",
        "Morgenmad; jobaftaler, data",
        "September",
        "Læringsgruppen",
    ] in tables[1]
    assert tables[2][1][:4] == ["Læringsgruppemøde om UGU", "Åse", "01.12.2026", "31.03.2027"]
    assert tables[-1][1] == [
        "04.01.2027 kl. 10.00 (flyttet fra nytårsaftensdag 31.12.2026)",
        "Opfølgning med teamleder efter 30 dage",
        next(i.explanation for i in plan(content).items),
    ]
    assert tables[4][1][:4] == ["Fælles temadag", "Per", "11.01.2027", "11.01.2027"]
    assert "Lavet sammen af Åse Ørsted og Per Hansen." in texts
    assert len(document.inline_shapes) == 4  # balance, year wheel, two timelines
    descriptions = [s._inline.docPr.get("descr") for s in document.inline_shapes]
    assert descriptions[0].startswith("Balancen mellem de tre typer af læring")
    assert descriptions[1].startswith("Årshjulet.") and descriptions[2].startswith(
        "Tidslinje over handleplanen"
    )


def test_missing_parts_say_so_in_the_document_and_point_to_their_page(content):
    _, document = word(content, {"opgavebeskrivelse": A_DAY["opgavebeskrivelse"]})
    texts = [p.text for p in document.paragraphs]
    assert "Ikke lavet endnu – se siden »Hvordan holder vi læringsgryden i kog?«." in texts
    assert "Opfølgning med teamleder" not in texts and len(document.inline_shapes) == 0


def test_the_markdown_version_has_the_same_parts_and_escapes_typed_text(content):
    doc, _ = word(content, A_DAY)
    md = to_markdown(doc)
    assert md.startswith("# Min første plan som nøgleperson\n")
    for heading in (
        "## Opgavebeskrivelse",
        "## Introduktionsplan",
        "## Læringskontrakt",
        "## Årshjul",
        "## Handleplan",
        "## Jobcentrets fælles handleplan",
        "### Projektperioden",
        "## Opfølgning med teamleder",
    ):
        assert f"\n{heading}\n" in md
    assert "\\<script\\>" in md and "\\*\\*ikke fed\\*\\*" in md and "<script>" not in md
    assert md.count("*Billede i Word-udgaven: ") == 4


def test_the_calendar_has_the_plan_and_the_follow_ups_without_the_workbook_code(content):
    events = first_plan.calendar_events(content, plan(content), A_DAY, "HemmeligKode1234567890")
    data = to_ics(events, "Min første plan", now=datetime(2026, 11, 24, 12, tzinfo=UTC))
    assert b"HemmeligKode" not in data
    parsed = icalendar.Calendar.from_ical(data).walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in parsed]
    assert summaries == [
        "Start: Læringsgruppemøde om UGU",
        "Slut: Læringsgruppemøde om UGU",
        "Start: Årshjulet i drift",
        "Slut: Årshjulet i drift",
        "Start: Fælles temadag",  # the job centre's plan: one day, one reminder
        "Start: Læringsgrupper i alle teams",
        "Slut: Læringsgrupper i alle teams",
        "Opfølgning med teamleder efter 30 dage",
        "Opfølgning med teamleder efter 60 dage",
        "Opfølgning med teamleder efter 90 dage",
    ]
    # An action is a dated reminder on its first and its last day, never a block of months.
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in parsed[:2]] == [
        (date(2026, 12, 1), date(2026, 12, 2)),
        (date(2027, 3, 31), date(2027, 4, 1)),
    ]
    [alarm] = parsed[0].walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)  # 9.00 that day
    assert str(parsed[0]["DESCRIPTION"]) == (
        "Projektperioden\nStart: 01.12.2026, Slut: 31.03.2027\nHvem har ansvaret?: Åse\n"
        "Med hvem?: Projektleder\nHvordan ved vi, at det virkede?: Flere jobaftaler"
    )
    # The talks are in Danish time, whatever the time zone of the calendar that opens the file.
    talk = parsed[7].decoded("DTSTART")
    assert talk == datetime(2027, 1, 4, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
    assert talk.astimezone(UTC).hour == 9
    winter = parsed[9].decoded("DTSTART")  # 01.03.2027: still winter time, UTC+1
    assert winter.utcoffset() == timedelta(hours=1)
    assert parsed[7].decoded("DTEND") - talk == timedelta(hours=1)
    assert len({str(e["UID"]) for e in parsed}) == 10
    all_day = first_plan.calendar_events(
        content,
        plan(content),
        dict(A_DAY, min_foerste_plan={"fields": {"start": "2026-12-01"}}),
        "k",
    )
    assert all_day[-1].start == date(2027, 3, 1) and all_day[-1].reminder is None
