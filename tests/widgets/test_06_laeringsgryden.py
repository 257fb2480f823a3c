"""Page 06 without a browser: the catalogue and the year wheel."""

import base64
import io
import re

import docx

from tests.widgets.test_exercises import saved
from widgets import YearWheel

SLIDE_OPTIONS = [
    "fokus på et værktøj",
    "litteratur",
    "reflekterende metoder",
    "Event",
    "Temadag med deltagere udefra",
    "Video med optagelse af samtaler",
    "Data, nøgletal",
    "Interview eller fokusgrupper med borgere",
    "Plancher i samtalerummet",
    "Tjeklister",
    "Samtalekort",
    "Citater fra virksomheder",
    "Brev til borgeren",
]


def test_every_option_on_the_slide_is_in_the_catalogue_with_a_description(content):
    ex = content.exercise("aarshjul")
    texts = [i.text for i in ex.items]
    for option in SLIDE_OPTIONS:
        assert any(option in t for t in texts), option
    assert all(len(i.explanation) > 40 for i in ex.items)
    assert ex.periods[0] == "Januar" and len(ex.periods) == 12


def test_an_activity_from_the_catalogue_needs_a_month_and_an_owner(content, workbook):
    ex = YearWheel(content.exercise("aarshjul"), workbook)
    ex.catalogue_buttons["temadag"].click()
    assert "»Temadag med deltagere udefra« er sat i årshjulet" in ex.messages[""].value
    assert saved(workbook, "aarshjul") == {
        "rows": [
            {
                "group": "",
                "item": "temadag",
                "fields": {
                    "aktivitet": "Temadag med deltagere udefra",
                    "maaned": "",
                    "ansvarlig": "",
                },
            }
        ]
    }
    ex.check_button.click()
    assert "Række 1: Vælg en af mulighederne i »Måned«." in ex.feedback.value
    assert "Række 1: Udfyld feltet »Ansvarlig«." in ex.feedback.value
    ex.make_button.click()
    assert "Planen er ikke færdig endnu" in ex.result.value
    controls, _ = ex.controls()
    controls["maaned"].value = "Marts"
    controls["ansvarlig"].value = "Åse"
    ex.check_button.click()
    assert "Planen er udfyldt." in ex.feedback.value and "datoerne" not in ex.feedback.value
    assert re.search(
        r'alt="Årshjul med årets 12 måneder. 1 aktivitet i 1 af årets 12 måneder. '
        r"Marts: Temadag med deltagere udefra.",
        ex.picture.value,
    )
    assert saved(workbook, "aarshjul")["rows"][0]["fields"] == {
        "aktivitet": "Temadag med deltagere udefra",
        "maaned": "Marts",
        "ansvarlig": "Åse",
    }


def test_own_activities_rows_are_restored_and_removed(content, workbook):
    ex = YearWheel(content.exercise("aarshjul"), workbook)
    ex.own_button.click()
    assert "Skriv først din aktivitet" in ex.messages[""].value
    ex.own_text.value = "Julefrokost med <script>quiz</script>"
    ex.own_button.click()
    ex.catalogue_buttons["tjeklister"].click()
    controls, _ = ex.controls(number=1)
    controls["maaned"].value = "December"
    again = YearWheel(content.exercise("aarshjul"), workbook)
    first, _ = again.controls(number=1)
    assert first["aktivitet"].value == "Julefrokost med <script>quiz</script>"
    assert first["maaned"].value == "December"
    assert again.controls(number=2)[0]["aktivitet"].value == "Tjeklister"
    _, remove = again.controls(number=1)
    remove.click()
    assert [r["fields"]["aktivitet"] for r in saved(workbook, "aarshjul")["rows"]] == ["Tjeklister"]
    assert "<script>quiz" not in again.messages[""].value


def test_the_year_wheel_document_has_the_table_and_the_wheel(content, workbook):
    ex = YearWheel(content.exercise("aarshjul"), workbook)
    for item, month, owner in (("data", "September", "Karen"), ("brev", "Januar", "Teamet")):
        ex.catalogue_buttons[item].click()
        controls, _ = ex.controls(number=len(ex.rows))
        controls["maaned"].value, controls["ansvarlig"].value = month, owner
    ex.make_button.click()
    link = re.search(r'download="([^"]+\.docx)" href="data:[^;]+;base64,([^"]+)"', ex.result.value)
    assert link.group(1).startswith("Årshjul-sådan-holder-vi-læringsgryden-i-kog-Karen-Jensen")
    word = docx.Document(io.BytesIO(base64.b64decode(link.group(2))))
    rows = [[c.text for c in r.cells] for r in word.tables[0].rows]
    assert rows == [
        ["Type", "Aktivitet", "Måned", "Ansvarlig"],
        ["Nudging", "Brev til borgeren", "Januar", "Teamet"],
        ["Data og nøgletal", "Data, nøgletal", "September", "Karen"],
    ]
    assert len(word.inline_shapes) == 1
    md = re.search(r'href="data:text/markdown;charset=utf-8;base64,([^"]+)"', ex.result.value)
    assert (
        "| Nudging | Brev til borgeren | Januar | Teamet |"
        in base64.b64decode(md.group(1)).decode()
    )
