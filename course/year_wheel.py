"""The year wheel (årshjul): activities from the catalogue, or the participant's own,
placed in months with an owner. Rows as in ``course.plan_rows``; the fields
``aktivitet``, ``maaned`` and ``ansvarlig`` are checked in ``course.content``.
"""

from __future__ import annotations

from course import plan_rows
from course.content import Exercise
from course.document import Section

OWN_GROUP = "Egen aktivitet"


def month_index(exercise: Exercise, row: plan_rows.Row) -> int | None:
    month = row.fields.get("maaned")
    return exercise.periods.index(month) if month in exercise.periods else None


def group_titles(exercise: Exercise) -> list[str]:
    return [c.title for c in exercise.categories] + [OWN_GROUP]


def group_of(exercise: Exercise, row: plan_rows.Row) -> int:
    """The colour group: the catalogue item's category, or the last group for own activities."""
    if row.item:
        category = next(i.category for i in exercise.items if i.id == row.item)
        return [c.id for c in exercise.categories].index(category)
    return len(exercise.categories)


def placed(exercise: Exercise, rows: list[plan_rows.Row]) -> list[plan_rows.Row]:
    """Rows with an activity and a month, in the order of the year."""
    ok = [
        r
        for r in rows
        if month_index(exercise, r) is not None and str(r.fields.get("aktivitet") or "").strip()
    ]
    return sorted(ok, key=lambda r: month_index(exercise, r))


def summary(exercise: Exercise, rows: list[plan_rows.Row], detail: bool = True) -> str:
    """The wheel in words (also the picture's text alternative); ``detail`` lists each month."""
    shown = placed(exercise, rows)
    if not shown:
        return "Årshjulet har endnu ingen aktiviteter med en måned."
    months = sorted({month_index(exercise, r) for r in shown})
    per_month = "; ".join(
        f"{exercise.periods[m]}: "
        + ", ".join(
            str(r.fields["aktivitet"]).strip() for r in shown if month_index(exercise, r) == m
        )
        for m in months
    )
    noun = "aktivitet" if len(shown) == 1 else "aktiviteter"
    count = f"{len(shown)} {noun} i {len(months)} af årets 12 måneder."
    return f"{count} {per_month}." if detail else count


def picture(exercise: Exercise, rows: list[plan_rows.Row]) -> bytes:
    from course.plan_charts import year_wheel

    entries = [
        (month_index(exercise, r), str(r.fields["aktivitet"]), group_of(exercise, r))
        for r in placed(exercise, rows)
    ]
    return year_wheel(list(exercise.periods), entries, group_titles(exercise))


def table(exercise: Exercise, rows: list[plan_rows.Row]) -> list[list[str]]:
    kinds = group_titles(exercise)
    ordered = sorted(
        rows, key=lambda r: (month_index(exercise, r) is None, month_index(exercise, r) or 0)
    )
    return plan_rows.table(
        exercise, ordered, first=[("Type", lambda r: kinds[group_of(exercise, r)])]
    )


def document_sections(
    exercise: Exercise, value, heading: str, today=None, milestones=()
) -> list[Section]:
    """The wheel as a document's part (``today`` and ``milestones`` are not used here)."""
    rows = plan_rows.rows(exercise, value)
    if not rows:
        return [Section(heading, paragraphs=["Årshjulet har endnu ingen aktiviteter."])]
    section = Section(heading, table=table(exercise, rows))
    if placed(exercise, rows):
        section.images.append(picture(exercise, rows))
        section.captions.append(f"Årshjulet. {summary(exercise, rows)}")
    return [section]


def part_status(exercise: Exercise, value, today=None) -> tuple[str, list[str]]:
    """As a part of the gathered plan: the activities and their months, and what is missing."""
    rows = plan_rows.rows(exercise, value)
    return summary(exercise, rows, detail=False), plan_rows.validate(exercise, rows)
