"""The group-work timer, driven by a fake clock."""

import pytest

from course.timer import GroupTimer


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_start_pause_resume_reset_and_finish():
    clock = Clock()
    timer = GroupTimer(10, clock=clock)
    assert timer.display() == "10:00" and not timer.running
    clock.now += 30  # nothing happens before start
    assert timer.display() == "10:00"
    timer.start()
    clock.now += 61.5
    assert timer.display() == "8:59" and timer.running
    timer.pause()
    clock.now += 300
    assert timer.display() == "8:59" and not timer.running
    timer.start()
    clock.now += 538.4
    assert timer.display() == "0:01"
    clock.now += 1
    assert timer.display() == "0:00" and timer.finished and not timer.running
    timer.reset()
    assert timer.display() == "10:00" and not timer.finished


def test_set_changes_the_duration_and_stops():
    clock = Clock()
    timer = GroupTimer(10, clock=clock)
    timer.start()
    clock.now += 5
    timer.set(15)
    assert timer.display() == "15:00" and not timer.running
    timer.set(2.5)
    assert timer.display() == "2:30"


@pytest.mark.parametrize("minutes", [0, -1, 181])
def test_impossible_durations_are_refused(minutes):
    with pytest.raises(ValueError, match="minutter"):
        GroupTimer(minutes)
