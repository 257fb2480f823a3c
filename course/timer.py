"""The group-work timer on the facilitator's screen: start, pause, reset, from a clock.

The clock is injected so tests drive time; the dashboard reads ``remaining()`` on each tick.
"""

from __future__ import annotations

import time

MAX_MINUTES = 180


class GroupTimer:
    def __init__(self, minutes: float = 10, clock=time.monotonic):
        self.clock = clock
        self.set(minutes)

    def set(self, minutes: float) -> None:
        """A new duration; stops and rewinds the timer."""
        if not 0 < minutes <= MAX_MINUTES:
            raise ValueError(f"Vælg mellem 1 og {MAX_MINUTES} minutter.")
        self.duration = float(minutes) * 60
        self.reset()

    def reset(self) -> None:
        self._left, self._since = self.duration, None

    def start(self) -> None:
        if self._since is None and self._left > 0:
            self._since = self.clock()

    def pause(self) -> None:
        if self._since is not None:
            self._left, self._since = self.remaining(), None

    @property
    def running(self) -> bool:
        return self._since is not None and self.remaining() > 0

    @property
    def finished(self) -> bool:
        return self.remaining() <= 0

    def remaining(self) -> float:
        if self._since is None:
            return max(0.0, self._left)
        return max(0.0, self._left - (self.clock() - self._since))

    def display(self) -> str:
        """Minutes and seconds left, rounded up: 10:00 … 0:01, then 0:00."""
        seconds = int(-(-self.remaining() // 1))
        return f"{seconds // 60}:{seconds % 60:02d}"
