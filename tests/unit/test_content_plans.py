"""The content schema of the plan kinds (05–07): bad content fails with file, item and field."""

import pytest

from course.content import ContentError, load_course
from tests.unit.test_content import write

WHEEL = """\
exercises:
  - id: hjul
    kind: årshjul
    minutes: 5
    social_form: alene
    title: Et årshjul
    periods: [Jan, Feb, Mar, Apr, Maj, Jun, Jul, Aug, Sep, Okt, Nov, Dec]
    categories: [{id: m, title: Møder}]
    items: [{id: a, text: Et møde, category: m, explanation: Et godt møde.}]
    fields:
      - {id: aktivitet, label: Aktivitet, type: tekst, required: true}
      - {id: maaned, label: Måned, type: valg,
         options: [Jan, Feb, Mar, Apr, Maj, Jun, Jul, Aug, Sep, Okt, Nov, Dec]}
      - {id: ansvarlig, label: Ansvarlig, type: tekst}
"""

ACTION = """\
exercises:
  - id: plan
    kind: handleplan
    minutes: 5
    social_form: alene
    title: En handleplan
    categories: [{id: nu, title: Nu}]
    fields:
      - {id: hvad, label: Hvad, type: tekst}
      - {id: start, label: Start, type: dato, not_past: true}
      - {id: slut, label: Slut, type: dato, not_before: start}
"""

GATHERED = """\
exercises:
  - id: samlet
    kind: samleplan
    minutes: 5
    social_form: alene
    title: Samlet
    parts: [{exercise: opgavebeskrivelse, session: rollen, heading: Opgavebeskrivelse}]
    categories: [{id: o, title: Opfølgning}]
    fields:
      - {id: start, label: Start, type: dato}
      - {id: tidspunkt, label: Tidspunkt, type: klokkeslæt}
    followup_days: [30]
    items: [{id: d30, text: Efter 30 dage}]
"""


@pytest.mark.parametrize(
    "text", [WHEEL, ACTION, GATHERED], ids=["årshjul", "handleplan", "samleplan"]
)
def test_good_plan_definitions_load(data, text):
    write(data, "99_extra.yaml", text)
    load_course(data)


@pytest.mark.parametrize(
    "base, change, expected",
    [
        (
            WHEEL,
            ("Nov, Dec]\n    categories", "Nov]\n    categories"),
            [
                "99_extra.yaml",
                "øvelse 'hjul'",
                "felt 'periods': et årshjul skal have 12 måneder, fik 11",
            ],
        ),
        (
            WHEEL,
            ("id: maaned", "id: month"),
            ["øvelse 'hjul'", "felt med id 'maaned' af typen valg"],
        ),
        (
            WHEEL,
            ("options: [Jan, Feb", "options: [Januar, Feb"),
            ["felt-id 'maaned'", "de samme 12 måneder som 'periods'"],
        ),
        (WHEEL, ("category: m,", "category: x,"), ["punkt 'a'", "kategorien 'x' findes ikke"]),
        (
            WHEEL,
            ("    categories: [{id: m, title: Møder}]\n", ""),
            ["øvelse 'hjul'", "felt 'categories' mangler (det skal en årshjul have)"],
        ),
        (
            ACTION,
            ("id: slut, label: Slut, type: dato", "id: slut, label: Slut, type: tekst"),
            ["felt med id 'slut' af typen dato"],
        ),
        (
            ACTION,
            ("not_before: start", "not_before: hvad"),
            ["felt-id 'slut'", "felt 'not_before': 'hvad' er ikke et dato-felt"],
        ),
        (
            ACTION,
            ("type: tekst}", "type: tekst, not_past: true}"),
            ["felt-id 'hvad'", "gælder kun for felter af typen dato"],
        ),
        (
            GATHERED,
            ("exercise: opgavebeskrivelse", "exercise: findes_ikke"),
            [
                "99_extra.yaml",
                "øvelse 'samlet'",
                "del 'findes_ikke'",
                "øvelsen 'findes_ikke' findes ikke",
            ],
        ),
        (
            GATHERED,
            (
                "exercise: opgavebeskrivelse, session: rollen",
                "exercise: tjek_ind, session: velkommen",
            ),
            ["del 'tjek_ind'", "kan kun samle øvelser af slagsen planlægger"],
        ),
        (
            GATHERED,
            ("session: rollen", "session: frokost"),
            ["del 'opgavebeskrivelse'", "sessionen 'frokost' har ingen side"],
        ),
        (
            GATHERED,
            ("session: rollen", "session: ukendt"),
            ["sessionen 'ukendt' findes ikke i programmet"],
        ),
        (
            GATHERED,
            ("followup_days: [30]", "followup_days: [30, 60]"),
            ["felt 'followup_days': hver opfølgning skal have et punkt"],
        ),
        (
            GATHERED,
            ("followup_days: [30]", "followup_days: [0]"),
            ["antal dage skal være større end 0"],
        ),
        (
            GATHERED,
            ("type: klokkeslæt", "type: tekst"),
            ["felt med id 'tidspunkt' af typen klokkeslæt"],
        ),
        (GATHERED, ("heading: Opgavebeskrivelse}", "}"), ["del nr. 1", "feltet 'heading' mangler"]),
    ],
)
def test_bad_plan_content_names_file_item_and_field(data, base, change, expected):
    old, new = change
    assert old in base
    write(data, "99_extra.yaml", base.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    for part in expected:
        assert part in str(error.value)
