"""Calendar files (iCalendar, RFC 5545) that Outlook and other calendars import.

Hand-written because the course needs only a few events: one-day events (a plan action's
start or end, as a dated reminder) and timed events in Danish time, written with the time
zone Europe/Copenhagen (and its VTIMEZONE), so a follow-up at 10.00 is at 10.00 in Denmark
whatever the time zone of the calendar that imports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from course.danish import DANISH_TIME

PRODID = "-//Noeglepersonkursus Jobrettet samtale//Min foerste plan//DA"
TZID = "Europe/Copenhagen"
# Danish time since 1996: CET, and CEST from the last Sunday of March to the last of October.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
MAX_OCTETS = 75  # a content line's length, without its CRLF (RFC 5545, 3.1)

# TEXT may not hold control characters other than tab (RFC 5545, 3.3.11); a lone
# surrogate (half an emoji from a browser) cannot be written as UTF-8.
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: date | datetime  # a date: an all-day event; a datetime: a timed event (Danish time)
    end: date | datetime | None = None  # all-day: the last day (inclusive); timed: the end time
    description: str = ""
    # A reminder this long after the start (an all-day event starts at midnight), or None.
    reminder: timedelta | None = None


def escape_text(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _NOT_TEXT.sub("\ufffd", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded at 75 octets, never inside a UTF-8 character."""
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = MAX_OCTETS if not parts else MAX_OCTETS - 1  # a continuation starts with a space
        if size + width > limit:
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _date(day: date) -> str:
    return day.strftime("%Y%m%d")


def _danish_time(moment: datetime) -> str:
    """A time of day in Danish time; an aware moment is converted, a naive one is Danish."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(DANISH_TIME)
    return moment.strftime("%Y%m%dT%H%M%S")


def _duration(span: timedelta) -> str:
    """A DURATION value (RFC 5545, 3.3.6) in whole minutes: PT9H, -PT15M, P1DT2H."""
    minutes = int(span.total_seconds() // 60)
    sign, minutes = ("-" if minutes < 0 else ""), abs(minutes)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    time = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if not days and not time:
        time = "0M"
    return f"{sign}P{f'{days}D' if days else ''}{'T' + time if time else ''}"


def _event_lines(event: CalendarEvent, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{escape_text(event.uid)}", f"DTSTAMP:{stamp}"]
    if isinstance(event.start, datetime):
        end = event.end if isinstance(event.end, datetime) else event.start + timedelta(hours=1)
        lines += [
            f"DTSTART;TZID={TZID}:{_danish_time(event.start)}",
            f"DTEND;TZID={TZID}:{_danish_time(end)}",
        ]
    else:
        last = (
            event.end if isinstance(event.end, date) and event.end >= event.start else event.start
        )
        # DTEND of an all-day event is the day after the last day (it is exclusive).
        lines += [
            f"DTSTART;VALUE=DATE:{_date(event.start)}",
            f"DTEND;VALUE=DATE:{_date(last + timedelta(days=1))}",
            "TRANSP:TRANSPARENT",
        ]  # a reminder of a plan's date should not block the calendar
    lines.append(f"SUMMARY:{escape_text(event.summary)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.reminder is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(event.summary)}",
            f"TRIGGER;RELATED=START:{_duration(event.reminder)}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def to_ics(events: list[CalendarEvent], name: str = "", now: datetime | None = None) -> bytes:
    """The calendar as UTF-8 bytes with CRLF line endings and folded lines."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    stamp = moment.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    if any(isinstance(e.start, datetime) for e in events):
        lines += VTIMEZONE
    for event in events:
        lines += _event_lines(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")
