"""An exercise's save state, and the one function that says it in Danish under the exercise."""

from __future__ import annotations

import enum

from course.danish import danish_clock
from widgets.handlers import FRIENDLY_ERROR
from widgets.markup import message_html


class SaveState(enum.Enum):
    """Where an exercise's answer is: the value of ``Exercise.save_state``."""

    NEW = "new"  # in a workbook, nothing saved or typed yet
    NOT_SIGNED_IN = "not signed in"  # no workbook on the page yet
    NOT_SAVED = "not saved"  # typed before signing in: saved when the workbook arrives
    RESTORED = "restored"  # the saved answer was brought back from the workbook
    SAVED = "saved"  # saved in the workbook (not shared)
    SHARED = "shared"  # saved, and shared with the room with the participant's name
    SHARED_ANONYMOUSLY = "shared anonymously"  # saved, and shared without the name
    NOT_SHARED = "not shared"  # saved, but the room could not take it (``share_problem`` says why)
    CLOSED = "closed"  # saved, but the facilitator has closed the exercise: shared when reopened
    WITHDRAWN = "withdrawn"  # the participant took the shared answer back from the room
    TOO_LONG = "too long"  # not saved: over MAX_ANSWER_CHARS; the text stays on the page
    FAILED = "failed"  # not saved: the workbook could not be written; the text stays on the page
    ERROR = "error"  # a handler failed; the detail is in the server's log


def _at(stamp: str) -> str:
    """» kl. 14.05.09« in Danish time (the server may run in UTC), or "" without a stamp."""
    clock = danish_clock(stamp)
    return f" kl. {clock}" if clock else ""


def status_html(state: SaveState, saved_at: str = "", problem: str = "") -> str:
    """The status line under an exercise; ``saved_at`` is the save's ISO time stamp."""
    at = _at(saved_at)
    if state is SaveState.NEW:
        return ""
    if state is SaveState.NOT_SIGNED_IN:
        return message_html(
            "Skriv dit navn og jobcenter øverst på siden, så gemmes dine svar i din logbog."
        )
    if state is SaveState.NOT_SAVED:
        return message_html("Ikke gemt endnu: Skriv dit navn og jobcenter øverst på siden.", "warn")
    if state is SaveState.RESTORED:
        return message_html(f"Dit svar er hentet fra din logbog{at}.", "ok")
    if state is SaveState.NOT_SHARED:
        return message_html(
            f"Gemt i din logbog{at}, men ikke delt med rummet: {problem} "
            "Dit svar deles, næste gang du ændrer det.",
            "warn",
        )
    if state is SaveState.CLOSED:
        return message_html(
            f"Gemt i din logbog{at}. Kursuslederen har lukket for svar på øvelsen, så dit svar "
            "er ikke delt med rummet. Det deles af sig selv, hvis kursuslederen åbner igen.",
            "warn",
        )
    if state is SaveState.WITHDRAWN:
        return message_html("Dit svar er ikke længere delt med rummet.", "ok")
    if state is SaveState.TOO_LONG:
        return message_html(
            "Svaret er for langt til at blive gemt (over 200.000 tegn). Forkort "
            "teksten – den står stadig på siden.",
            "error",
        )
    if state is SaveState.FAILED:
        return message_html(
            "Dit svar kunne ikke gemmes lige nu. Teksten står stadig på siden; "
            "prøv igen om lidt, eller hent din logbog som fil.",
            "error",
        )
    if state is SaveState.ERROR:
        return message_html(FRIENDLY_ERROR, "error")
    shared = {
        SaveState.SAVED: "",
        SaveState.SHARED: " og delt med rummet",
        SaveState.SHARED_ANONYMOUSLY: " og delt med rummet uden dit navn",
    }[state]
    return message_html(f"Gemt i din logbog{at}{shared}.", "ok")
