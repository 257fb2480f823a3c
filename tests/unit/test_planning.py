"""Planner validation and the document a plan becomes."""

from datetime import date

from course.planning import build_document, validate


def test_an_empty_plan_lists_every_required_field(content):
    ex = content.exercise("opgavebeskrivelse")
    problems = validate(ex, {})
    required = [f.label for f in ex.fields if f.required]
    assert len(problems) == len(required) and all(
        f"»{label}«" in " ".join(problems) for label in required
    )


def test_numbers_choices_and_dates_are_checked(content):
    ex = content.exercise("opgavebeskrivelse")
    values = {
        "formaal": "x",
        "opgaver_under": "y",
        "timer": "mange",
        "afstemt_med": "Borgmesteren",
        "samtale_dato": "31-02-2026",
    }
    problems = " ".join(validate(ex, values))
    assert "skal være et helt tal" in problems
    assert "Vælg en af mulighederne" in problems
    assert "ikke en gyldig dato" in problems
    assert "mellem 0 og 160" in " ".join(validate(ex, dict(values, timer="500")))


def test_a_complete_plan_becomes_a_document(content):
    ex = content.exercise("opgavebeskrivelse")
    values = {
        "formaal": "At forankre",
        "opgaver_under": "Læringsmøder",
        "timer": "8",
        "afstemt_med": "Teamleder",
        "samtale_dato": "2026-12-01",
    }
    assert validate(ex, values) == []
    doc = build_document(ex, values, "Åse", "Jobcenter Ærø", today=date(2026, 11, 24))
    assert doc.title == "Opgavebeskrivelse – nøgleperson i Jobrettet samtale"
    assert doc.meta == ["Nøgleperson: Åse", "Jobcenter: Jobcenter Ærø", "Dato: 24.11.2026"]
    sections = {s.heading: s.paragraphs[0] for s in doc.sections}
    assert sections["Timer om måneden til rollen"] == "8"
    assert (
        sections["Dato for samtalen med teamleder eller projektleder om opgavebeskrivelsen"]
        == "01.12.2026"
    )
    assert sections["Mine opgaver efter projektet"] == "(ikke udfyldt)"


def test_dates_can_be_kept_out_of_the_past_and_in_order_with_an_injected_today():
    from course.content import Field
    from course.planning import validate_fields

    fields = (
        Field("start", "Start", "dato", required=True, not_past=True),
        Field("slut", "Slut", "dato", required=True, not_before="start"),
        Field("kl", "Tidspunkt", "klokkeslæt"),
    )
    today = date(2026, 11, 24)
    assert (
        validate_fields(fields, {"start": "2026-11-24", "slut": "2026-11-24", "kl": "9:30"}, today)
        == []
    )
    assert validate_fields(
        fields, {"start": "2026-11-23", "slut": "2026-11-20", "kl": "25.00"}, today
    ) == [
        "»Start« (23.11.2026) ligger før i dag.",
        "»Slut« (20.11.2026) ligger før »Start« (23.11.2026).",
        "»Tidspunkt« skal være et klokkeslæt som 10.00.",
    ]
    assert validate_fields(fields, {}, today) == [
        "Vælg en dato i »Start«.",
        "Vælg en dato i »Slut«.",
    ]
