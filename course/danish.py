"""How the course writes and reads months, dates, times of day and decimals: the Danish way."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
SHORT_MONTHS = tuple(month[:3] for month in MONTHS)  # jan, feb, … as on an axis
DAY = 24 * 60  # minutes

_CLOCK = re.compile(r"^\s*(\d{1,2})(?:[.:](\d{2}))?\s*$")


def date_text(day: date) -> str:
    """20.11.2026"""
    return f"{day:%d.%m.%Y}"


def iso_date_text(text: str) -> str:
    """An ISO date (2026-11-20) written the Danish way; any other text as it is."""
    try:
        return date_text(date.fromisoformat(text))
    except (TypeError, ValueError):
        return text


def decimal(x: float) -> str:
    """One decimal with a comma: 1,3."""
    return f"{x:.1f}".replace(".", ",")


def parse_clock(text) -> int | None:
    """Minutes after midnight from '9.30', '09:30' or '9'; None when it is not a time of day."""
    match = _CLOCK.match(text) if isinstance(text, str) else None
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    return hours * 60 + minutes if hours < 24 and minutes < 60 else None


def clock(minutes: int) -> str:
    """A time of day, minutes after midnight, as the Danes write it: 09.30."""
    return f"{minutes // 60:02d}.{minutes % 60:02d}"


# --- Danish time: the clock participants read, whatever the server's time zone ------------------

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


def danish_now() -> datetime:
    """Now, in Danish time (a cloud server may run in UTC)."""
    return datetime.now(DANISH_TIME)


def danish_today() -> date:
    """Today's date in Denmark."""
    return danish_now().date()


def danish_clock(stamp) -> str:
    """An ISO time stamp (with its offset) as a Danish time of day: 14.05.09; "" if no stamp.

    A stamp without an offset is taken as the server's local time.
    """
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return ""
    return f"{moment.astimezone(DANISH_TIME):%H.%M.%S}"


# --- working days: weekends, the public holidays and the days public workplaces close --------


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    r = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * r) // 433
    month, day = divmod(h + r - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holidays(year: int) -> dict[date, str]:
    """The days in ``year`` a job centre is closed besides weekends, with their Danish names.

    The public holidays (helligdage), Store bededag until it was abolished in 2024, and the
    days public workplaces close by agreement: Grundlovsdag, juleaftensdag and nytårsaftensdag.
    """
    sunday = easter(year)
    days = {
        date(year, 1, 1): "nytårsdag",
        sunday - timedelta(days=3): "skærtorsdag",
        sunday - timedelta(days=2): "langfredag",
        sunday: "påskedag",
        sunday + timedelta(days=1): "2. påskedag",
        sunday + timedelta(days=39): "Kristi himmelfartsdag",
        sunday + timedelta(days=49): "pinsedag",
        sunday + timedelta(days=50): "2. pinsedag",
        date(year, 6, 5): "grundlovsdag",
        date(year, 12, 24): "juleaftensdag",
        date(year, 12, 25): "juledag",
        date(year, 12, 26): "2. juledag",
        date(year, 12, 31): "nytårsaftensdag",
    }
    if year < 2024:
        days[sunday + timedelta(days=26)] = "store bededag"
    return days


def closed_because(day: date) -> str:
    """Why ``day`` is not a working day (»lørdag«, »juledag«, …); "" on a working day."""
    holiday = holidays(day.year).get(day)
    if holiday:
        return holiday
    return {5: "lørdag", 6: "søndag"}.get(day.weekday(), "")


def is_working_day(day: date) -> bool:
    return not closed_because(day)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
