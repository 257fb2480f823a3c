"""The bad-input catalogue against every picture and every document the course makes.

Participant text reaches the pictures of the question builder (grid), the meeting plan
(agenda), the year wheel and the action plan (timeline): those take every bad text. Every
other picture draws content text, which may hold a "$" too: those take the dollar cases.
"""

import dataclasses
import io
from datetime import date

import docx
import pytest

from course import charts, plan_charts, report, roomcharts
from course.document import Document, Section, to_docx, to_markdown
from course.ics import CalendarEvent, to_ics
from course.models import draw, models
from course.summary import RankRow, RatingRow, SortRow
from tests.bad_input import BAD_TEXTS

DOLLARS = {case: text for case, text in BAD_TEXTS.items() if "$" in text}
PNG = b"\x89PNG"


def participant_pictures(text):
    """The pictures that draw what a participant typed."""
    return {
        "grid_chart": lambda: charts.grid_chart(
            ["A"], ["B"], [[charts.GridCell("Titel", text=text)]]
        ),
        "agenda_timeline": lambda: charts.agenda_timeline(
            [(text, 540, 560), ("To", 560, 600)], (540, 590)
        ),
        "year_wheel": lambda: plan_charts.year_wheel(
            ["jan"] * 12, [(0, text, 0), (5, "Temadag", 1)], ["Fagligt", "Egen aktivitet"]
        ),
        "timeline": lambda: plan_charts.timeline(
            [("Projektperioden", [(text, date(2027, 1, 4), date(2027, 2, 1))])],
            today=date(2027, 1, 10),
            milestones=[(text, date(2027, 1, 20))],
        ),
    }


def content_pictures(text):
    """The pictures that draw course content (and the room's counts of it)."""
    return {
        "sorting_matrix": lambda: charts.sorting_matrix([("a", text), ("b", "B")], [("a", "b")]),
        "learning_cycle": lambda: charts.learning_cycle([text, "To", "Tre"], 0, text),
        "team_trend": lambda: charts.team_trend(
            ["jan", "feb"], {text: [1.0, 2.0]}, charts.TeamChart(text, False, None, text)
        ),
        "team_bars": lambda: charts.team_bars(
            [(text, 1.0, text)], charts.TeamChart(text, True, (0, 100), text)
        ),
        "rating_bars": lambda: charts.rating_bars([text, "To"], [3, None], 1, 5, (text,) * 5),
        "rating_wheel": lambda: charts.rating_wheel([text, "To", "Tre"], [3, None, 5], 1, 5),
        "rating_radar": lambda: charts.rating_radar(
            [text, "To", "Tre"], [(text, [3, 4, None])], 1, 5
        ),
        "learning_balance": lambda: plan_charts.learning_balance(["Uge 1"], [text], [[2]]),
        "rating_histograms": lambda: roomcharts.rating_histograms(
            (RatingRow(text, (1, 2), 1.7),), 1
        ),
        "rank_bars": lambda: roomcharts.rank_bars((RankRow(text, 1.5, 2),)),
        "sorting_counts": lambda: roomcharts.sorting_counts(
            (SortRow(1, text, "a", {"a": 1}),), [("a", text)]
        ),
        "word_bars": lambda: roomcharts.word_bars(((text, 3),)),
    }


@pytest.mark.parametrize("case", list(BAD_TEXTS))
def test_every_picture_of_participant_text_draws_every_bad_text(case):
    for name, picture in participant_pictures(BAD_TEXTS[case]).items():
        assert picture().startswith(PNG), name


@pytest.mark.parametrize("case", list(DOLLARS))
def test_every_other_picture_draws_dollars_and_mathtext_literally(case):
    for name, picture in content_pictures(DOLLARS[case]).items():
        assert picture().startswith(PNG), name


@pytest.mark.parametrize("case", list(DOLLARS))
def test_every_model_draws_dollars_literally(case):
    for model in models().values():
        odd = dataclasses.replace(
            model,
            title=DOLLARS[case],
            parts=tuple(dataclasses.replace(p, title=DOLLARS[case]) for p in model.parts),
        )
        assert draw(odd).startswith(PNG), model.id


@pytest.mark.parametrize("case", list(BAD_TEXTS))
def test_every_document_format_takes_every_bad_text(case):
    text = BAD_TEXTS[case]
    picture = plan_charts.timeline([("P", [(text, date(2027, 1, 4), date(2027, 2, 1))])])
    doc = Document(
        text or "Titel",
        meta=[text],
        sections=[
            Section(
                text,
                paragraphs=[text],
                table=[[text, "B"], ["a", text]],
                images=[picture],
                captions=[text],
            ),
            Section("Del", level=2, paragraphs=[text]),
        ],
    )
    word = docx.Document(io.BytesIO(to_docx(doc)))
    assert word.paragraphs
    assert to_markdown(doc).startswith("# ")
    assert "<script>" not in report.to_html(doc)
    event = CalendarEvent(
        uid="x@noeglepersonkursus", summary=text, start=date(2027, 1, 4), description=text
    )
    assert to_ics([event], text).startswith(b"BEGIN:VCALENDAR")
