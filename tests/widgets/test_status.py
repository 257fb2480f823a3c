"""The one function that says an exercise's save state in Danish, and the sharing note."""

import pytest

from widgets.handlers import FRIENDLY_ERROR
from widgets.sharing import Sharing, note_html
from widgets.status import SaveState, status_html

AT = "2026-11-20T10:15:42+01:00"


@pytest.mark.parametrize(
    "state, tone, text",
    [
        (
            SaveState.NOT_SIGNED_IN,
            "info",
            "Skriv dit navn og jobcenter øverst på siden, så gemmes dine svar i din logbog.",
        ),
        (
            SaveState.NOT_SAVED,
            "warn",
            "Ikke gemt endnu: Skriv dit navn og jobcenter øverst på siden.",
        ),
        (SaveState.RESTORED, "ok", "Dit svar er hentet fra din logbog kl. 10.15.42."),
        (SaveState.SAVED, "ok", "Gemt i din logbog kl. 10.15.42."),
        (SaveState.SHARED, "ok", "Gemt i din logbog kl. 10.15.42 og delt med rummet."),
        (
            SaveState.SHARED_ANONYMOUSLY,
            "ok",
            "Gemt i din logbog kl. 10.15.42 og delt med rummet uden dit navn.",
        ),
        (
            SaveState.NOT_SHARED,
            "warn",
            "Gemt i din logbog kl. 10.15.42, men ikke delt med rummet: "
            "Rummet svarer ikke. Dit svar deles, næste gang du ændrer det.",
        ),
        (SaveState.WITHDRAWN, "ok", "Dit svar er ikke længere delt med rummet."),
        (SaveState.TOO_LONG, "error", "Svaret er for langt til at blive gemt (over 200.000 tegn)."),
        (SaveState.FAILED, "error", "Dit svar kunne ikke gemmes lige nu."),
        (SaveState.ERROR, "error", FRIENDLY_ERROR),
    ],
)
def test_each_state_is_said_in_danish(state, tone, text):
    html = status_html(state, AT, "Rummet svarer ikke.")
    assert f'class="nk-msg nk-{tone}"' in html and text in html


def test_a_new_exercise_says_nothing_and_a_missing_time_is_left_out():
    assert status_html(SaveState.NEW) == ""
    assert "Gemt i din logbog." in status_html(SaveState.SAVED, "")


def test_every_state_has_its_words():
    for state in SaveState:
        assert state is SaveState.NEW or status_html(state, AT)


@pytest.mark.parametrize(
    "state, text",
    [
        (Sharing.NOT_CHOSEN, "<b>Deles ikke.</b> Du bestemmer selv"),
        (Sharing.NO_WORKSHOP, "når du er med i en workshop"),
        (
            Sharing.NAMED,
            "i workshoppen »Dag &lt;1&gt;«: kursuslederen kan vise det på skærmen, med dit navn. "
            "Sæt kryds i »Del anonymt«",
        ),
        (Sharing.ANONYMOUS, "kan vise det på skærmen, uden dit navn."),
    ],
)
def test_each_sharing_state_is_said_in_danish(state, text):
    assert text in note_html(state, "Dag <1>", can_be_anonymous=True)
