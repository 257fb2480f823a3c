"""Fictitious key figures per team for a made-up job centre, and the sums the course shows.

The data set behind the exercise on data-informed learning (seed 002, "DATAINFORMERET
LÆRING"). Nothing in it is real: "Jobcenter Fjordby" and its five teams are invented. Regenerate
the shipped file with

    python -m course.teamdata            # writes data/team_noegletal.csv (seed 2017)
    python -m course.teamdata --seed 7 --out /tmp/andre_tal.csv

Generation uses only the standard library's ``random.Random(seed)``, whose sequence is stable
across Python versions, and writes fixed decimals, so one seed always gives the same bytes.

One row per team and month (12 months of 2025), columns:

- ``team``, ``maalgruppe`` (target group), ``maaned`` (``YYYY-MM``)
- ``borgere``: citizens with at least one conversation that month
- ``jobrettede_samtaler``: job-focused conversations held
- ``andel_virksomhedskontakt``: share of conversations with a concrete employer contact
- ``andel_selvbooking``: share of the citizens who booked a meeting through Selvbooking
- ``andel_joblog``: share of the citizens who logged job searches in Joblog
- ``andel_jobaftale``: share of conversations that ended with a concrete job agreement
- ``progression``: the citizens' mean progression in their job search, 1 (lowest) to 5

Patterns built in, for facilitators (the page does not reveal them; finding them, and seeing
what the figures cannot explain, is the exercise):

1. Within a team, months with more employer contact also have more job agreements.
2. Selvbooking and Joblog spread through the year; Kontanthjælp Syd joins the project in April
   and starts from a lower level.
3. July has fewer conversations and less employer contact (summer holidays), December fewer
   conversations.
4. "Særlige udfordringer" works with citizens who are further from a job: lower levels, but the
   steadiest rise in progression. Its team is small, so its shares jump more from month to month.
5. Forsikrede Øst has fewer conversations in September and October (two colleagues on leave);
   nothing in the data says why.
6. The two Forsikrede teams serve the same target group but differ in employer contact.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import random
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from course.danish import MONTHS

SEED = 2017  # the year Jobrettet samtale's second wave started
YEAR = 2025
DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "team_noegletal.csv"
TEAM, GROUP, MONTH, CITIZENS = "team", "maalgruppe", "maaned", "borgere"
COLUMNS = (
    TEAM,
    GROUP,
    MONTH,
    CITIZENS,
    "jobrettede_samtaler",
    "andel_virksomhedskontakt",
    "andel_selvbooking",
    "andel_joblog",
    "andel_jobaftale",
    "progression",
)


@dataclass(frozen=True)
class TeamProfile:
    name: str
    group: str
    citizens: int  # citizens seen in an ordinary month
    visits: float  # conversations per citizen per month
    contact: float  # share of conversations with employer contact in January
    contact_gain: float  # rise over the year once the team is in the project
    agreement: float  # share ending with a job agreement at the team's January contact level
    selfbooking: tuple[float, float]  # share at project start and by December
    joblog: tuple[float, float]
    progression: tuple[float, float]  # mean progression in January and December
    joins: int = 0  # month index (0 = January) when the team joins the project


TEAMS = (
    TeamProfile(
        "Kontanthjælp Nord",
        "Jobparate kontanthjælpsmodtagere",
        150,
        1.25,
        0.28,
        0.14,
        0.22,
        (0.15, 0.45),
        (0.35, 0.70),
        (2.6, 3.1),
    ),
    TeamProfile(
        "Kontanthjælp Syd",
        "Jobparate kontanthjælpsmodtagere",
        130,
        1.20,
        0.24,
        0.12,
        0.19,
        (0.08, 0.35),
        (0.25, 0.60),
        (2.5, 2.9),
        joins=3,
    ),
    TeamProfile(
        "Forsikrede Vest",
        "Forsikrede ledige",
        180,
        1.10,
        0.40,
        0.10,
        0.32,
        (0.40, 0.70),
        (0.55, 0.85),
        (3.2, 3.5),
    ),
    TeamProfile(
        "Forsikrede Øst",
        "Forsikrede ledige",
        170,
        1.15,
        0.30,
        0.12,
        0.26,
        (0.35, 0.65),
        (0.50, 0.80),
        (3.1, 3.4),
    ),
    TeamProfile(
        "Særlige udfordringer",
        "Forsikrede ledige med særlige udfordringer",
        45,
        1.50,
        0.15,
        0.12,
        0.10,
        (0.05, 0.20),
        (0.15, 0.40),
        (1.9, 2.7),
    ),
)

# Month effects on the number of conversations and on employer contact (index 0 = January).
VOLUME = (1.0, 1.0, 1.05, 0.95, 1.0, 0.95, 0.6, 0.9, 1.05, 1.05, 1.0, 0.85)
CONTACT = (0.0, 0.0, 0.0, 0.0, 0.01, 0.0, -0.08, -0.02, 0.01, 0.01, 0.0, -0.03)
LEAVE = {("Forsikrede Øst", 8): 0.7, ("Forsikrede Øst", 9): 0.75}


def _clip(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def _binomial(rng: random.Random, n: int, p: float) -> int:
    return sum(rng.random() < p for _ in range(n))


def _ramp(month: int, joins: int) -> float:
    """0 before the team joins, rising smoothly to 1 by December."""
    if month < joins:
        return 0.0
    x = (month - joins + 1) / (12 - joins)
    return 1 / (1 + math.exp(-7 * (x - 0.45)))


def rows(seed: int = SEED) -> list[dict]:
    """The data set as rows (dicts keyed by COLUMNS), one per team and month."""
    rng = random.Random(seed)
    out = []
    for team in TEAMS:
        for m in range(12):
            ramp = _ramp(m, team.joins)
            citizens = max(5, round(team.citizens * (0.8 + 0.2 * VOLUME[m]) * rng.gauss(1, 0.04)))
            talks = max(
                5,
                round(
                    citizens
                    * team.visits
                    * VOLUME[m]
                    * LEAVE.get((team.name, m), 1)
                    * rng.gauss(1, 0.04)
                ),
            )
            p_contact = _clip(
                team.contact + team.contact_gain * ramp + CONTACT[m] + rng.gauss(0, 0.02),
                0.02,
                0.95,
            )
            contact = _binomial(rng, talks, p_contact) / talks
            # Job agreements follow this month's employer contact (pattern 1).
            p_agree = _clip(
                team.agreement + 0.6 * (contact - team.contact) + rng.gauss(0, 0.015), 0.01, 0.9
            )
            start, end = team.selfbooking
            p_book = _clip(start + (end - start) * ramp + rng.gauss(0, 0.015), 0, 1)
            start, end = team.joblog
            p_log = _clip(start + (end - start) * ramp + rng.gauss(0, 0.015), 0, 1)
            low, high = team.progression
            progression = _clip(low + (high - low) * m / 11 + rng.gauss(0, 0.05), 1, 5)
            out.append(
                {
                    TEAM: team.name,
                    GROUP: team.group,
                    MONTH: f"{YEAR}-{m + 1:02d}",
                    CITIZENS: citizens,
                    "jobrettede_samtaler": talks,
                    "andel_virksomhedskontakt": round(contact, 3),
                    "andel_selvbooking": round(_binomial(rng, citizens, p_book) / citizens, 3),
                    "andel_joblog": round(_binomial(rng, citizens, p_log) / citizens, 3),
                    "andel_jobaftale": round(_binomial(rng, talks, p_agree) / talks, 3),
                    "progression": round(progression, 2),
                }
            )
    return out


def to_csv(table: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in table:
        writer.writerow(
            {
                k: (
                    f"{v:.3f}"
                    if k.startswith("andel_")
                    else f"{v:.2f}"
                    if k == "progression"
                    else v
                )
                for k, v in row.items()
            }
        )
    return buffer.getvalue()


def generate(seed: int = SEED) -> str:
    """The whole data set as CSV text."""
    return to_csv(rows(seed))


# --- reading and summing up (for the exercise) -------------------------------------


def month_label(month: str) -> str:
    """'2025-03' -> 'marts 2025'."""
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def overview(path: Path | str = DATA_FILE) -> tuple[list[tuple[str, str]], list[str]]:
    """The teams [(team, target group)] and the months in a data file, without pandas."""
    with open(path, encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    teams = list(dict.fromkeys((r[TEAM], r[GROUP]) for r in table))
    months = sorted({r[MONTH] for r in table})
    return teams, months


@lru_cache(maxsize=4)
def _frame(path: str):
    import pandas as pd

    return pd.read_csv(path, dtype={TEAM: str, GROUP: str, MONTH: str})


def load(path: Path | str = DATA_FILE):
    """The data set as a pandas DataFrame (a copy; pandas is imported here, not at start-up)."""
    return _frame(str(path)).copy()


@dataclass
class Comparison:
    """One key figure for the chosen teams and months, ready to draw and to tabulate."""

    measure: str
    months: list[str]
    series: dict[str, list[float]]  # team -> one value per month in ``months``
    rows: list[dict]  # per team: team, group, mean, first, last, change, citizens


def compare(
    measure: str, teams: list[str], start: str, end: str, path: Path | str = DATA_FILE
) -> Comparison:
    """Filter to the teams and the months from ``start`` to ``end`` (inclusive) and sum up."""
    if start > end:
        start, end = end, start
    frame = load(path)
    chosen = frame[frame[TEAM].isin(teams) & frame[MONTH].between(start, end)]
    wide = chosen.pivot(index=MONTH, columns=TEAM, values=measure).sort_index()
    order = [t for t in teams if t in wide.columns]
    by_team = chosen.groupby(TEAM)
    summary = []
    for team in order:
        values = wide[team]
        summary.append(
            {
                "team": team,
                "group": by_team.get_group(team)[GROUP].iloc[0],
                "mean": float(values.mean()),
                "first": float(values.iloc[0]),
                "last": float(values.iloc[-1]),
                "change": float(values.iloc[-1] - values.iloc[0]),
                "citizens": float(by_team.get_group(team)[CITIZENS].mean()),
            }
        )
    return Comparison(
        measure=measure,
        months=list(wide.index),
        series={t: [float(v) for v in wide[t]] for t in order},
        rows=summary,
    )


def format_value(value: float, unit: str, signed: bool = False) -> str:
    """A figure the Danish way: '34 %', '212', '3,15' (decimal comma); changes with a sign."""
    sign = "+" if signed else ""
    if unit == "andel":
        number, suffix = f"{value * 100:{sign}.0f}", " pct.-point" if signed else " %"
    elif unit == "antal":
        number, suffix = f"{value:{sign}.0f}", ""
    else:
        number, suffix = f"{value:{sign}.2f}", ""
    if float(number) == 0:
        number = number.lstrip("+-")  # no "−0" or "+0"
    return number.replace(".", ",").replace("-", "−") + suffix


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Lav de fiktive nøgletal til kurset.")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=DATA_FILE)
    args = parser.parse_args(argv)
    args.out.write_text(generate(args.seed), encoding="utf-8", newline="")
    print(f"Skrev {len(TEAMS) * 12} rækker til {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
