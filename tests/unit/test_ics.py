"""Calendar files: RFC 5545 line endings, folding, escaping; read back with the icalendar
package."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from course.ics import CalendarEvent, escape_text, fold, to_ics

NOW = datetime(2026, 11, 24, 15, 30, tzinfo=UTC)
DANISH = ZoneInfo("Europe/Copenhagen")


def test_text_values_escape_backslash_semicolon_comma_and_newlines():
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    assert escape_text("før\x07efter") == "før\ufffdefter"  # no control characters in TEXT


def test_long_lines_fold_at_75_octets_without_splitting_a_letter():
    line = "SUMMARY:" + "æøå" * 40  # two octets per letter
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    for part in parts:
        part.encode("utf-8").decode("utf-8")  # every piece is whole UTF-8
    assert "".join([parts[0]] + [p[1:] for p in parts[1:]]) == line
    assert fold("SUMMARY:kort") == "SUMMARY:kort"


def calendar():
    return to_ics(
        [
            CalendarEvent(
                "a@test",
                "Læringsgruppemøde; UGU, spørgsmål",
                date(2026, 12, 1),
                date(2026, 12, 3),
                description="Ansvarlig: Åse\nMed hvem: Ærø\\Ørsted",
            ),
            CalendarEvent(
                "b@test", "Opfølgning med teamleder efter 30 dage", datetime(2026, 12, 31, 10, 0)
            ),
        ],
        name="Min første plan",
        now=NOW,
    )


def test_the_file_has_crlf_lines_and_the_required_properties():
    data = calendar()
    text = data.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")  # no bare line feeds
    lines = text.split("\r\n")
    assert lines[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0", lines[2]] and lines[2].startswith(
        "PRODID:"
    )
    assert lines[-2:] == ["END:VCALENDAR", ""]
    assert text.count("BEGIN:VEVENT") == 2 and text.count("DTSTAMP:20261124T153000Z") == 2
    assert (
        "DTSTART;VALUE=DATE:20261201" in text and "DTEND;VALUE=DATE:20261204" in text
    )  # exclusive end
    assert "DTSTART;TZID=Europe/Copenhagen:20261231T100000" in text
    assert "DTEND;TZID=Europe/Copenhagen:20261231T110000" in text
    assert text.count("BEGIN:VTIMEZONE") == 1 and "TZID:Europe/Copenhagen" in text
    assert "SUMMARY:Læringsgruppemøde\\; UGU\\, spørgsmål" in text


def test_a_calendar_program_reads_the_events_back_with_danish_letters_intact():
    parsed = icalendar.Calendar.from_ical(calendar())
    assert str(parsed["VERSION"]) == "2.0" and "Min foerste plan" in str(parsed["PRODID"])
    events = parsed.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["a@test", "b@test"]
    first, second = events
    assert str(first["SUMMARY"]) == "Læringsgruppemøde; UGU, spørgsmål"
    assert str(first["DESCRIPTION"]) == "Ansvarlig: Åse\nMed hvem: Ærø\\Ørsted"
    assert first.decoded("DTSTART") == date(2026, 12, 1) and first.decoded("DTEND") == date(
        2026, 12, 4
    )
    assert second.decoded("DTSTART") == datetime(2026, 12, 31, 10, 0, tzinfo=DANISH)
    assert first.decoded("DTSTAMP") == NOW


@settings(max_examples=60, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_summary_survives_escaping_and_folding(text):
    data = to_ics([CalendarEvent("x@test", text, date(2027, 1, 4))], now=NOW)
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = "".join(
        "\ufffd" if (ord(c) < 32 and c not in "\t\n") or c == "\x7f" else c for c in expected
    )
    assert str(event["SUMMARY"]) == expected


def test_times_are_danish_time_in_summer_and_winter_and_aware_times_are_converted():
    events = [
        CalendarEvent("s@test", "Sommer", datetime(2027, 6, 1, 10, 0)),
        CalendarEvent("w@test", "Vinter", datetime(2027, 1, 4, 10, 0)),
        CalendarEvent("u@test", "Fra UTC", datetime(2027, 6, 1, 8, 0, tzinfo=UTC)),
    ]
    parsed = icalendar.Calendar.from_ical(to_ics(events, now=NOW)).walk("VEVENT")
    starts = [e.decoded("DTSTART") for e in parsed]
    assert [s.astimezone(UTC).hour for s in starts] == [8, 9, 8]
    assert starts[2] == datetime(2027, 6, 1, 10, 0, tzinfo=DANISH)


def test_a_reminder_is_an_alarm_at_its_time_and_an_all_day_calendar_needs_no_time_zone():
    data = to_ics(
        [CalendarEvent("r@test", "Start: Møde", date(2027, 1, 4), reminder=timedelta(hours=9))],
        now=NOW,
    )
    assert b"VTIMEZONE" not in data
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]) == "Start: Møde"
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)
    assert event.decoded("DTEND") == date(2027, 1, 5)
