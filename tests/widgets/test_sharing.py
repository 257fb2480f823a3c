"""RoomSharing on its own: it is given its store, keeps the participant's choices in the
workbook and records, replaces and withdraws the answer in that store only."""

from course.room import RoomError
from widgets.sharing import RoomSharing, Sharing
from widgets.status import SaveState

WORKSHOP = {"code": "K7M4QX", "name": "Kursusdag Aarhus", "date": "2026-11-20"}


class FakeRoom:
    """A store that remembers what it was asked to do."""

    def __init__(self, fail=None):
        self.answers, self.fail = {}, fail

    def record(self, code, exercise, workbook_id, name, value):
        if self.fail:
            raise self.fail
        self.answers[(code, exercise, workbook_id)] = (name, value)

    def withdraw(self, code, exercise, workbook_id):
        self.answers.pop((code, exercise, workbook_id), None)


def sharing(definition, room, workbook=None):
    choices = []
    shared = RoomSharing(definition, room, lambda withdrawn: choices.append(withdrawn))
    shared.bind(workbook)
    return shared, choices


def test_without_a_workshop_nothing_reaches_the_store(content, workbook):
    room = FakeRoom()
    shared, _ = sharing(content.exercise("tjek_ind"), room, workbook)
    assert shared.state is Sharing.NO_WORKSHOP
    assert shared.share({"brug_for": "Tid"}) == (SaveState.SAVED, "")
    assert room.answers == {}


def test_a_named_answer_then_an_anonymous_one(content, workbook):
    workbook.join_workshop(WORKSHOP)
    room = FakeRoom()
    shared, choices = sharing(content.exercise("tjek_ind"), room, workbook)
    assert shared.state is Sharing.NAMED
    assert shared.share({"brug_for": "Tid"}) == (SaveState.SHARED, "")
    key = ("K7M4QX", "tjek_ind", workbook.id)
    assert room.answers[key] == ("Karen Jensen", {"brug_for": "Tid"})
    workbook.save_answer("tjek_ind", {"brug_for": "Tid"})
    shared.anonymous.value = True
    assert shared.state is Sharing.ANONYMOUS and choices == [False]  # the exercise shares again
    assert workbook.shares_anonymously("tjek_ind")
    assert shared.share({"brug_for": "Tid"}) == (SaveState.SHARED_ANONYMOUSLY, "")
    assert room.answers[key] == (None, {"brug_for": "Tid"})


def test_an_opt_in_answer_is_shared_only_when_ticked_and_withdrawn_when_unticked(content, workbook):
    workbook.join_workshop(WORKSHOP)
    room = FakeRoom()
    shared, choices = sharing(content.exercise("handleplan"), room, workbook)
    assert shared.state is Sharing.NOT_CHOSEN
    assert shared.share({"rows": []}) == (SaveState.SAVED, "") and room.answers == {}
    shared.opt_in.value = True
    assert workbook.choice("share", "handleplan") and choices == []  # nothing written yet
    assert shared.share({"rows": []}) == (SaveState.SHARED, "")
    assert room.answers == {("K7M4QX", "handleplan", workbook.id): ("Karen Jensen", {"rows": []})}
    workbook.save_answer("handleplan", {"rows": []})
    shared.opt_in.value = False
    assert room.answers == {} and choices == [True] and shared.state is Sharing.NOT_CHOSEN


def test_choices_ticked_before_signing_in_are_kept(content, workbook):
    shared, _ = sharing(content.exercise("tjek_ind"), FakeRoom())
    shared.anonymous.value = True
    shared.bind(workbook)
    assert workbook.shares_anonymously("tjek_ind") and shared.anonymous.value


def test_a_room_that_says_no_or_fails_is_reported_not_raised(content, workbook):
    workbook.join_workshop(WORKSHOP)
    refused, _ = sharing(
        content.exercise("tjek_ind"), FakeRoom(RoomError("Workshoppen findes ikke.")), workbook
    )
    assert refused.share({}) == (SaveState.NOT_SHARED, "Workshoppen findes ikke.")
    broken, _ = sharing(content.exercise("tjek_ind"), FakeRoom(OSError("disk I/O error")), workbook)
    assert broken.share({}) == (SaveState.NOT_SHARED, "Rummets database svarer ikke lige nu.")
