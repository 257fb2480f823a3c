"""Row plans: the year wheel and the action plan – cleaning, checks with an injected today,
tables."""

from datetime import date

from course import action_plan, plan_rows, year_wheel

TODAY = date(2026, 11, 24)


def row(group="", item="", **fields):
    return {"group": group, "item": item, "fields": fields}


def test_saved_rows_are_cleaned_against_the_definition(content):
    ex = content.exercise("aarshjul")
    value = {
        "rows": [
            row(item="temadag", aktivitet="Temadag", maaned="Marts", ansvarlig="Åse"),
            row(item="findes_ikke", aktivitet="Egen", maaned="Marts-ish", ansvarlig=7),
            row(group="ukendt", aktivitet="Forkert gruppe"),
            "ikke en række",
        ]
    }
    rows = plan_rows.rows(ex, value)
    assert [r.as_value() for r in rows] == [
        row(item="temadag", aktivitet="Temadag", maaned="Marts", ansvarlig="Åse"),
        row(aktivitet="Egen", maaned="", ansvarlig=""),
    ]
    assert plan_rows.rows(ex, None) == [] and plan_rows.rows(ex, {"rows": "x"}) == []


def test_year_wheel_rows_need_activity_month_and_owner(content):
    ex = content.exercise("aarshjul")
    rows = plan_rows.rows(ex, {"rows": [row(aktivitet="Temadag", maaned="", ansvarlig=" ")]})
    assert plan_rows.validate(ex, rows) == [
        "Række 1: Vælg en af mulighederne i »Måned«.",
        "Række 1: Udfyld feltet »Ansvarlig«.",
    ]
    assert plan_rows.validate(ex, []) == ["Planen har endnu ingen rækker. Tilføj mindst én."]


def test_the_year_wheel_is_ordered_by_month_with_the_type_of_each_activity(content):
    ex = content.exercise("aarshjul")
    rows = plan_rows.rows(
        ex,
        {
            "rows": [
                row(item="tjeklister", aktivitet="Tjeklister", maaned="Oktober", ansvarlig="Karen"),
                row(aktivitet="Julefrokost med <b>quiz</b>", maaned="December", ansvarlig="Alle"),
                row(
                    item="temadag",
                    aktivitet="Temadag med virksomheder",
                    maaned="Marts",
                    ansvarlig="Åse",
                ),
            ]
        },
    )
    assert year_wheel.table(ex, rows) == [
        ["Type", "Aktivitet", "Måned", "Ansvarlig"],
        ["Events", "Temadag med virksomheder", "Marts", "Åse"],
        ["Nudging", "Tjeklister", "Oktober", "Karen"],
        ["Egen aktivitet", "Julefrokost med <b>quiz</b>", "December", "Alle"],
    ]
    assert year_wheel.summary(ex, rows).startswith(
        "3 aktiviteter i 3 af årets 12 måneder. Marts: Temadag"
    )
    [section] = year_wheel.document_sections(ex, {"rows": [r.as_value() for r in rows]}, "Årshjul")
    assert section.images[0].startswith(b"\x89PNG") and section.captions[0].startswith(
        "Årshjulet. 3 aktiviteter"
    )


def test_action_rows_are_checked_for_missing_fields_order_of_dates_and_the_past(content):
    ex = content.exercise("handleplan")
    rows = action_plan.rows(
        ex,
        {
            "rows": [
                row(
                    "projektperioden",
                    hvad="Læringsmøder",
                    hvem="Mig",
                    start="2026-12-01",
                    slut="2026-11-30",
                    hvordan="Flere jobaftaler",
                ),
                row(
                    "naeste_aar",
                    hvad="Årshjul",
                    hvem="Teamet",
                    start="2026-11-01",
                    slut="2027-11-01",
                    hvordan="",
                ),
                row("naeste_aar", hvad="", hvem="", start="ikke en dato", slut=None, hvordan="x"),
            ]
        },
    )
    assert action_plan.validate(ex, rows, today=TODAY) == [
        "Projektperioden, række 1: »Slut« (30.11.2026) ligger før »Start« (01.12.2026).",
        "Det næste år, række 1: »Start« (01.11.2026) ligger før i dag.",
        "Det næste år, række 1: Udfyld feltet »Hvordan ved vi, at det virkede?«.",
        "Det næste år, række 2: Udfyld feltet »Hvad«.",
        "Det næste år, række 2: Udfyld feltet »Hvem har ansvaret?«.",
        "Det næste år, række 2: Vælg en dato i »Start«.",
        "Det næste år, række 2: Vælg en dato i »Slut«.",
    ]
    # The same plan checked on an earlier day has no date in the past.
    assert not any(
        "før i dag" in p for p in action_plan.validate(ex, rows, today=date(2026, 10, 1))
    )


def test_the_action_plan_document_has_a_table_per_period_and_a_timeline(content):
    ex = content.exercise("handleplan")
    value = {
        "rows": [
            row(
                "projektperioden",
                hvad="Læringsmøder =1+1",
                hvem="Mig",
                start="2026-12-01",
                slut="2027-03-31",
                med_hvem="Projektleder",
                hvordan="Flere jobaftaler",
            ),
            row(
                "naeste_aar",
                hvad="Årshjul i drift",
                hvem="Teamet",
                start="2027-04-01",
                slut="2027-03-01",
                hvordan="Fremmøde",
            ),
        ]
    }
    rows = action_plan.rows(ex, value)
    assert [r.fields["hvad"] for r, _, _ in action_plan.dated(rows)] == ["Læringsmøder =1+1"]
    sections = action_plan.document_sections(ex, value, "Handleplan", today=TODAY)
    assert [(s.heading, s.level) for s in sections] == [
        ("Handleplan", 1),
        ("Projektperioden", 2),
        ("Det næste år", 2),
    ]
    assert sections[1].table == [
        [
            "Hvad",
            "Hvem har ansvaret?",
            "Start",
            "Slut",
            "Med hvem?",
            "Hvordan ved vi, at det virkede?",
        ],
        [
            "Læringsmøder =1+1",
            "Mig",
            "01.12.2026",
            "31.03.2027",
            "Projektleder",
            "Flere jobaftaler",
        ],
    ]
    assert sections[0].paragraphs == ["Projektperioden: 1 handling; Det næste år: 1 handling."]
    assert sections[0].images[0].startswith(b"\x89PNG")
