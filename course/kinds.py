"""Every kind of exercise in one place.

A kind is the ``kind:`` of an exercise in data/exercises: »refleksion«, »skala«, …. Each has
one ``Kind`` in ``KINDS``: what its data must hold, what the loader checks beyond the schema
and, where the kind has them, how the room summarises shared answers (``room``) and how a
samleplan gathers it (``plan_part``). Whatever a kind needs is read from here: the loader
(course/content.py), the room (course/summary.py) and the gathered plan (course/first_plan.py)
hold no list of kinds of their own.

The widget that shows a kind registers its class with ``@exercise_kind("…")``
(widgets/base.py); a kind without a widget, or a widget without a kind, fails when the widgets
are imported. A new kind touches three files: a ``Kind`` here, its widget in widgets/ (imported
in widgets/__init__.py) and its exercises in data/exercises.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from course import action_plan, centre_plan, onboarding, planning, role_play, summary, year_wheel
from course.dialogue import PLACEHOLDERS, placeholders

CHARTS = ("søjler", "hjul", "radar")  # pictures a skala can draw of its answers
MEETING_PARTS = ("dagsorden", "tidsramme")  # the parts of a mødeplan that are not text
RECAP_POINTS = (3, 5)  # the fewest and the most points of a page's »Det vigtigste«


@dataclass(frozen=True)
class Room:
    """How the facilitator's screen and the report count a kind's shared answers."""

    answered: Callable  # (exercise, value) -> bool: the value holds an answer, not only blanks
    summarise: Callable  # (exercise, answered shared answers) -> summary.RoomSummary
    # (exercise, in the report?) -> (what the course leader sees of a shared answer, in Danish,
    # for the note above the exercise; whether any of it is shown with the participant's name)
    seen: Callable


@dataclass(frozen=True)
class PlanPart:
    """How a samleplan (»Min første plan«) reads a kind's saved answer."""

    status: Callable  # (exercise, value, today) -> (what it holds, [what is missing])
    sections: Callable  # (exercise, value, heading, today, milestones) -> [document.Section]
    events: Callable | None = None  # (exercise, value, uid) -> [ics.CalendarEvent]
    # (exercise, room, workbook) -> the value as it is now outside the workbook (a plan a job
    # centre makes together), or None: the workbook's copy is used then
    latest: Callable | None = None


@dataclass(frozen=True)
class Kind:
    needs: tuple[str, ...] = ()  # exercise fields the kind cannot do without
    only: tuple[str, ...] = ()  # optional exercise fields no other kind may use
    fields: dict[str, str] = field(default_factory=dict)  # field id -> type, read by the code
    field_types: tuple[str, ...] = ()  # field types no other kind may use
    check: Callable | None = None  # (exercise, where): further checks, where.fail(...) on error
    room: Room | None = None  # the answer can be shared with the room
    report: tuple[str, ...] = ()  # how the facilitator's report can show it (data/report.yaml)
    plan_part: PlanPart | None = None  # a samleplan can gather the answer


# --- checks beyond the schema, by kind ----------------------------------------------------


def _known(ex, where, item) -> None:
    known = [c.id for c in ex.categories]
    if item.category not in known:
        where.at(f"punkt '{item.id}'").fail(
            f"felt 'category': kategorien '{item.category}' findes ikke "
            f"(kendte: {', '.join(known)})"
        )


def _items_in_categories(ex, where) -> None:
    for item in ex.items:
        _known(ex, where, item)


def _check_sorting(ex, where) -> None:
    for item in ex.items:
        _known(ex, where, item)
        if not item.explanation:
            where.at(f"punkt '{item.id}'").fail(
                "felt 'explanation' mangler (hvert punkt skal forklares)"
            )


def _check_rating(ex, where) -> None:
    if not ex.chart:
        return
    if ex.chart not in CHARTS:
        where.fail(f"felt 'chart': ukendt billede '{ex.chart}' (kendte: {', '.join(CHARTS)})")
    if ex.chart in ("hjul", "radar") and len(ex.items) < 3:
        article = {"hjul": "et hjul", "radar": "en radar"}[ex.chart]
        where.fail(f"felt 'chart': {article} kræver mindst 3 punkter")
    if ex.occasions and ex.chart != "radar":
        where.fail("felt 'chart': en skala med flere tidspunkter tegnes som radar")


def _check_ranking(ex, where) -> None:
    if not ex.correct_order:
        return
    if ex.allow_own:
        where.fail(
            "felt 'correct_order': kan ikke bruges sammen med allow_own "
            "(egne punkter har ingen rigtig plads)"
        )
    if len(ex.items) < 3:
        where.fail("felt 'correct_order': en rigtig rækkefølge kræver mindst 3 punkter")


def _check_meeting(ex, where) -> None:
    allowed = MEETING_PARTS + ("tekst", "langtekst")
    for f in ex.fields:
        if f.type not in allowed:
            where.at(f"felt-id '{f.id}'").fail(
                f"felt 'type': en mødeplan kan ikke have felttypen '{f.type}' "
                f"(kun tekst, langtekst, {' og '.join(MEETING_PARTS)})"
            )
    for part in MEETING_PARTS:
        count = sum(f.type == part for f in ex.fields)
        if count != 1:
            where.fail(
                f"felt 'fields': en mødeplan skal have præcis ét felt af typen '{part}' "
                f"(har {count})"
            )


def _check_patterns(ex, where) -> None:
    known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
    for item in ex.items:
        at = where.at(f"punkt '{item.id}'")
        try:
            names = placeholders(item.text)
        except ValueError:
            at.fail("felt 'text': en { eller } står alene (pladsholdere skrives som {navn})")
        for name in names:
            if name not in PLACEHOLDERS:
                at.fail(f"felt 'text': ukendt pladsholder '{{{name}}}' (kendte: {known})")


def _check_cycle(ex, where) -> None:
    if len(ex.steps) < 3:
        where.fail("felt 'steps': en læringscyklus skal have mindst 3 trin")


def _check_check_out(ex, where) -> None:
    if len(ex.items) < 2:
        where.fail("felt 'items': et tjek ud viser dagens mål, mindst 2")


def _check_wheel(ex, where) -> None:
    if len(ex.periods) != 12:
        where.fail(f"felt 'periods': et årshjul skal have 12 måneder, fik {len(ex.periods)}")
    if next(f for f in ex.fields if f.id == "maaned").options != ex.periods:
        where.fail("felt-id 'maaned': felt 'options' skal være de samme 12 måneder som 'periods'")
    _items_in_categories(ex, where)


def _check_recap(ex, where) -> None:
    low, high = RECAP_POINTS
    if not low <= len(ex.items) <= high:
        where.fail(
            f"felt 'items': »Det vigtigste« skal have {low} til {high} punkter, har {len(ex.items)}"
        )
    if ex.after_course:
        where.fail("felt 'after_course': en opsamling hører til sidens afslutning i rummet")


def _check_role_play(ex, where) -> None:
    at = where.at("felt 'role_play'")
    play = ex.role_play
    unique = role_play.duplicate_ids(play)
    if unique:
        at.fail(unique)
    if len(play.roles) != role_play.ROLES:
        at.fail(
            f"felt 'roles': et rollespil i trioer har {role_play.ROLES} roller, har "
            f"{len(play.roles)}"
        )
    if len(play.rounds) != len(play.roles):
        at.fail(
            f"felt 'rounds': der skal være én runde pr. rolle ({len(play.roles)}), så alle har "
            f"hver rolle én gang – har {len(play.rounds)}"
        )
    if not 0 < play.round_minutes <= 60:
        at.fail(f"felt 'round_minutes': {play.round_minutes} skal være mellem 1 og 60")
    if not 0 <= play.feedback_minutes < play.round_minutes:
        at.fail(
            f"felt 'feedback_minutes': {play.feedback_minutes} skal være mindre end en runde "
            f"({play.round_minutes} min.)"
        )
    if not play.observation:
        at.fail("felt 'observation' mangler: hvad observatøren lytter efter")
    for look in play.observation:
        if len(look.options) < 2:
            at.at(f"observationspunkt '{look.id}'").fail(
                "felt 'options': mindst to ting at sætte kryds ved"
            )
    rounds = len(play.rounds) * play.round_minutes
    if ex.minutes is not None and ex.minutes < rounds:
        where.fail(
            f"felt 'minutes': {ex.minutes} er mindre end rundernes tid "
            f"({len(play.rounds)} × {play.round_minutes} = {rounds} min.)"
        )


# --- what the course leader sees of a shared answer, by kind ------------------------------


def _shown(in_report: bool) -> str:
    return "kan vises på kursuslederens skærm" + (
        " og i rapporten efter dagen" if in_report else ""
    )


def _seen_reflection(ex, in_report: bool) -> tuple[str, bool]:
    return f"Dit svar {_shown(in_report)}", True


def _seen_rating(ex, in_report: bool) -> tuple[str, bool]:
    counted = "Kursuslederen ser kun, hvor mange der har valgt hvert trin – ikke hvem"
    if ex.prompts:
        return f"{counted}. Det, du skriver i tekstfelterne, {_shown(in_report)}", True
    return counted, False


def _seen_ranking(ex, in_report: bool) -> tuple[str, bool]:
    mean = "Kursuslederen ser rummets gennemsnitlige rækkefølge – ikke din"
    if ex.allow_own:
        return f"{mean}. Opgaver, du selv tilføjer, {_shown(in_report)}", True
    return mean, False


def _seen_sorting(ex, in_report: bool) -> tuple[str, bool]:
    return (
        "Kursuslederen ser kun, hvor mange der har placeret hvert punkt i hver kategori – "
        "ikke hvem",
        False,
    )


def _seen_role_play(ex, in_report: bool) -> tuple[str, bool]:
    return (
        f"Det, du sætter kryds ved i observationsskemaet, {_shown(in_report)} – dine noter "
        "vises aldrig",
        True,
    )


def _seen_plan(ex, in_report: bool) -> tuple[str, bool]:
    return (
        "Kursuslederen ser kun optællinger for hele rummet: hvor mange handlinger, i hvilke "
        "perioder og hvornår de begynder, og de hyppigste ord. Din plan vises aldrig",
        False,
    )


# --- the kinds ------------------------------------------------------------------------------

KINDS: dict[str, Kind] = {
    "refleksion": Kind(
        needs=("prompts",),
        room=Room(summary.reflection_answered, summary.reflection, _seen_reflection),
        report=("forventninger", "bruttoopgavebeskrivelse"),
    ),
    "skala": Kind(
        needs=("scale", "items"),
        only=("occasions", "chart"),
        check=_check_rating,
        room=Room(summary.rating_answered, summary.rating, _seen_rating),
        report=("opmærksomhedspunkter", "læringskultur"),
    ),
    "sortering": Kind(
        needs=("categories", "items"),
        check=_check_sorting,
        room=Room(summary.sorting_answered, summary.sorting, _seen_sorting),
    ),
    "rangering": Kind(
        needs=("items",),
        only=("correct_order",),
        check=_check_ranking,
        room=Room(summary.ranking_answered, summary.ranking, _seen_ranking),
        report=("opgaver",),
    ),
    "planlægger": Kind(
        needs=("fields",), plan_part=PlanPart(planning.part_status, planning.document_sections)
    ),
    "samtaletræner": Kind(needs=("phases", "case")),
    "spørgsmålsbygger": Kind(needs=("categories", "case", "grid")),
    "mødeplan": Kind(needs=("fields",), field_types=MEETING_PARTS, check=_check_meeting),
    "tavle": Kind(),
    "brobygning": Kind(needs=("items",), check=_check_patterns),
    "læringscyklus": Kind(needs=("steps", "fields"), check=_check_cycle),
    "nøgletal": Kind(needs=("dataset", "prompts")),
    "introduktionsplan": Kind(
        needs=("categories", "items", "periods"),
        check=_items_in_categories,
        plan_part=PlanPart(onboarding.part_status, onboarding.document_sections),
    ),
    "årshjul": Kind(
        needs=("categories", "items", "fields", "periods"),
        fields={"aktivitet": "tekst", "maaned": "valg", "ansvarlig": "tekst"},
        check=_check_wheel,
        plan_part=PlanPart(year_wheel.part_status, year_wheel.document_sections),
    ),
    "handleplan": Kind(
        needs=("categories", "fields"),
        fields={"hvad": "tekst", "start": "dato", "slut": "dato"},
        room=Room(summary.plan_answered, summary.action_plans, _seen_plan),
        report=("handleplaner",),
        plan_part=PlanPart(
            action_plan.part_status, action_plan.document_sections, action_plan.calendar_events
        ),
    ),
    "samleplan": Kind(needs=("parts",), fields={"start": "dato", "tidspunkt": "klokkeslæt"}),
    "opsamling": Kind(needs=("items",), check=_check_recap),
    "rollespil": Kind(
        needs=("role_play",),
        only=("role_play",),
        check=_check_role_play,
        room=Room(role_play.answered, role_play.summarise, _seen_role_play),
    ),
    # A job centre's action plan, made together in a workshop (course/centre_plan.py).
    "fællesplan": Kind(
        needs=("categories", "fields"),
        fields={"hvad": "tekst", "start": "dato", "slut": "dato"},
        plan_part=PlanPart(
            centre_plan.part_status,
            centre_plan.document_sections,
            centre_plan.calendar_events,
            centre_plan.latest_value,
        ),
    ),
    # The close of the day: the morning's answers (``recalls``) and the day's goals (``items``)
    # again, and what the participant takes with them; shared like a refleksion.
    "tjekud": Kind(
        needs=("prompts", "items", "recalls"),
        only=("recalls",),
        check=_check_check_out,
        room=Room(summary.reflection_answered, summary.reflection, _seen_reflection),
        report=("tjek ud",),
    ),
}


def shareable() -> list[str]:
    """The kinds the room can picture, in the order of ``KINDS``."""
    return [name for name, k in KINDS.items() if k.room is not None]


def gatherable() -> list[str]:
    """The kinds a samleplan can gather, in the order of ``KINDS``."""
    return [name for name, k in KINDS.items() if k.plan_part is not None]


def missing_widgets(widgets: dict, kinds: dict | None = None) -> str:
    """A developer's message when a kind has no widget or a widget has no kind; "" if none."""
    kinds = KINDS if kinds is None else kinds
    without_widget = [k for k in kinds if k not in widgets]
    without_kind = [k for k in widgets if k not in kinds]
    problems = [
        f"kind '{k}' has a spec in course/kinds.py but no widget registered with "
        f"@exercise_kind('{k}') (and imported in widgets/__init__.py)"
        for k in without_widget
    ]
    problems += [
        f"widget {widgets[k].__name__} is registered for kind '{k}', which has no spec in "
        "course/kinds.py"
        for k in without_kind
    ]
    return "; ".join(problems)
