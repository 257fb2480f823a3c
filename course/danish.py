"""How the course writes and reads months, dates, times of day and decimals: the Danish way."""

from __future__ import annotations

import re
from datetime import date

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
