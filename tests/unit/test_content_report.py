"""data/report.yaml: the facilitator's report declared as data, checked by the loader."""

import pytest

from course.content import ContentError, load_course

REPORT = """\
sections:
  - exercise: rolle_opgaver
    show: opgaver
  - exercise: tjek_ind
    show: forventninger
"""


def write_report(data, text):
    (data / "report.yaml").write_text(text, encoding="utf-8")


def test_the_shipped_report_shows_shared_exercises_in_order(content):
    assert [(s.exercise, s.show) for s in content.report] == [
        ("rolle_gruppe", "bruttoopgavebeskrivelse"),
        ("rolle_opgaver", "opgaver"),
        ("rolle_betingelser", "opmærksomhedspunkter"),
        ("laeringskultur_skala", "læringskultur"),
        ("handleplan", "handleplaner"),
        ("tjek_ind", "forventninger"),
        ("tjek_ud", "tjek ud"),
    ]


def test_a_report_of_other_sections_loads(data):
    write_report(data, REPORT)
    assert [s.exercise for s in load_course(data).report] == ["rolle_opgaver", "tjek_ind"]


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ("tjek_ind", "findes_ikke"),
            ["afsnit nr. 2", "felt 'exercise'", "øvelsen 'findes_ikke' findes ikke"],
        ),
        (
            ("tjek_ind", "opgavebeskrivelse"),
            ["afsnit nr. 2", "felt 'exercise'", "'opgavebeskrivelse' deles ikke med rummet"],
        ),
        (
            ("show: forventninger", "show: ordsky"),
            [
                "afsnit nr. 2",
                "felt 'show'",
                "ukendt visning 'ordsky'",
                "kendte: forventninger, bruttoopgavebeskrivelse, opmærksomhedspunkter",
            ],
        ),
        (
            ("show: opgaver", "show: forventninger"),
            [
                "afsnit nr. 1",
                "felt 'show'",
                "en rangering kan ikke vises som 'forventninger'",
                "kan vises som: opgaver",
            ],
        ),
        (
            ("show: opgaver", "show: opgaver\n    heading: X"),
            ["afsnit nr. 1", "ukendt felt 'heading'"],
        ),
        (("    show: opgaver\n", ""), ["afsnit nr. 1", "feltet 'show' mangler"]),
        (("sections:", "afsnit:"), ["ukendt felt 'afsnit'"]),
    ],
)
def test_a_bad_report_names_file_section_and_field(data, change, expected):
    old, new = change
    write_report(data, REPORT.replace(old, new, 1))
    with pytest.raises(ContentError) as error:
        load_course(data)
    assert str(error.value).startswith("data/report.yaml: ")
    for part in expected:
        assert part in str(error.value)
