"""Danish time and Danish working days: save times in Danish time whatever the server's clock,
and follow-ups never on a weekend or a holiday (computed, no network)."""

import os
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from course.danish import (
    closed_because,
    danish_clock,
    easter,
    holidays,
    is_working_day,
    next_working_day,
)
from widgets.status import SaveState, status_html


@pytest.mark.parametrize(
    "year, sunday",
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year, sunday):
    assert easter(year) == sunday


def test_the_danish_holidays_of_2027():
    assert holidays(2027) == {
        date(2027, 1, 1): "nytårsdag",
        date(2027, 3, 25): "skærtorsdag",
        date(2027, 3, 26): "langfredag",
        date(2027, 3, 28): "påskedag",
        date(2027, 3, 29): "2. påskedag",
        date(2027, 5, 6): "Kristi himmelfartsdag",
        date(2027, 5, 16): "pinsedag",
        date(2027, 5, 17): "2. pinsedag",
        date(2027, 6, 5): "grundlovsdag",
        date(2027, 12, 24): "juleaftensdag",
        date(2027, 12, 25): "juledag",
        date(2027, 12, 26): "2. juledag",
        date(2027, 12, 31): "nytårsaftensdag",
    }
    # Store bededag was abolished from 2024.
    assert "store bededag" not in holidays(2024).values()
    assert holidays(2023)[date(2023, 5, 5)] == "store bededag"


def test_the_next_working_day_skips_weekends_and_holidays():
    assert next_working_day(date(2027, 1, 5)) == date(2027, 1, 5)  # a Tuesday stays
    assert next_working_day(date(2026, 12, 31)) == date(2027, 1, 4)
    assert next_working_day(date(2027, 3, 25)) == date(2027, 3, 30)  # the Easter days
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 28)
    assert closed_because(date(2027, 1, 30)) == "lørdag"
    assert closed_because(date(2027, 1, 31)) == "søndag"
    assert closed_because(date(2027, 5, 6)) == "Kristi himmelfartsdag"
    day = date(2026, 1, 1)
    for _ in range(3 * 366):
        assert is_working_day(next_working_day(day))
        assert next_working_day(day) - day < timedelta(days=6)
        day += timedelta(days=1)


@pytest.fixture
def utc_server():
    """The process runs in UTC, as a cloud server may."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_a_save_time_is_shown_in_danish_time_on_a_utc_server(utc_server, workbook):
    assert danish_clock("2026-11-20T09:15:42+00:00") == "10.15.42"  # winter: UTC+1
    assert danish_clock("2027-06-01T09:15:42+00:00") == "11.15.42"  # summer: UTC+2
    assert danish_clock("2026-11-20T09:15:42") == "10.15.42"  # no offset: the server's (UTC)
    assert danish_clock("") == "" and danish_clock(None) == ""
    stamp = workbook.save_answer("tjek_ind", {"a": "b"})
    assert stamp.endswith("+00:00")  # the server's clock
    expected = datetime.fromisoformat(stamp).astimezone(ZoneInfo("Europe/Copenhagen"))
    assert f"kl. {expected:%H.%M.%S}" in status_html(SaveState.SAVED, stamp)
