"""The fictitious key figures: reproducible, plausible, and summed up correctly."""

import csv
import io
import statistics

import pytest

from course import teamdata

N_MONTHS = 12


def table(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def shipped():
    return table(teamdata.DATA_FILE.read_text(encoding="utf-8"))


def test_same_seed_gives_identical_csv_and_another_seed_does_not():
    assert teamdata.generate(11) == teamdata.generate(11)
    assert teamdata.generate(11) != teamdata.generate(12)


def test_the_shipped_file_is_a_fresh_generation_with_the_default_seed():
    assert teamdata.DATA_FILE.read_bytes() == teamdata.generate().encode("utf-8")


def test_the_command_line_writes_the_same_file(tmp_path, capsys):
    out = tmp_path / "tal.csv"
    assert teamdata.main(["--seed", "5", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == teamdata.generate(5)
    assert "60 rækker" in capsys.readouterr().out


def test_every_team_has_every_month_once(shipped):
    assert list(shipped[0]) == list(teamdata.COLUMNS)
    pairs = [(r["team"], r["maaned"]) for r in shipped]
    teams = {t.name for t in teamdata.TEAMS}
    months = {f"{teamdata.YEAR}-{m:02d}" for m in range(1, N_MONTHS + 1)}
    assert len(teams) >= 4 and len(pairs) == len(set(pairs)) == len(teams) * N_MONTHS
    assert set(pairs) == {(t, m) for t in teams for m in months}


@pytest.mark.parametrize("seed", [teamdata.SEED, 1, 99])
def test_values_are_plausible_for_any_seed(seed):
    for row in table(teamdata.generate(seed)):
        assert 0 < int(row["borgere"]) <= int(row["jobrettede_samtaler"]) * 2
        assert int(row["jobrettede_samtaler"]) > 0
        for column in teamdata.COLUMNS:
            if column.startswith("andel_"):
                assert 0 <= float(row[column]) <= 1, (column, row)
        assert 1 <= float(row["progression"]) <= 5
    # A job agreement needs a conversation: far fewer agreements than conversations overall.
    rows = table(teamdata.generate(seed))
    assert statistics.mean(float(r["andel_jobaftale"]) for r in rows) < 0.5


def test_the_built_in_patterns_are_there(shipped):
    def series(team, column):
        return [float(r[column]) for r in shipped if r["team"] == team]

    for team in teamdata.TEAMS:
        talks = series(team.name, "jobrettede_samtaler")
        assert talks.index(min(talks)) == 6, team.name  # July: summer holidays
        for tool in ("andel_selvbooking", "andel_joblog"):
            values = series(team.name, tool)
            assert statistics.mean(values[-3:]) > statistics.mean(values[:3]), (team.name, tool)
        contact = series(team.name, "andel_virksomhedskontakt")
        agreement = series(team.name, "andel_jobaftale")
        assert statistics.correlation(contact, agreement) > 0, team.name
    means = {t.name: statistics.mean(series(t.name, "andel_jobaftale")) for t in teamdata.TEAMS}
    assert min(means, key=means.get) == "Særlige udfordringer"


def test_overview_reads_teams_and_months_without_pandas(shipped):
    teams, months = teamdata.overview()
    assert teams[0] == ("Kontanthjælp Nord", "Jobparate kontanthjælpsmodtagere")
    assert len(teams) == len(teamdata.TEAMS) and months == sorted({r["maaned"] for r in shipped})


def test_compare_filters_teams_and_an_inclusive_period(shipped):
    result = teamdata.compare(
        "andel_jobaftale", ["Forsikrede Øst", "Kontanthjælp Nord"], "2025-03", "2025-05"
    )
    assert result.months == ["2025-03", "2025-04", "2025-05"]
    assert [r["team"] for r in result.rows] == ["Forsikrede Øst", "Kontanthjælp Nord"]
    expected = [
        float(r["andel_jobaftale"])
        for r in shipped
        if r["team"] == "Forsikrede Øst" and "2025-03" <= r["maaned"] <= "2025-05"
    ]
    assert result.series["Forsikrede Øst"] == expected
    row = result.rows[0]
    assert row["mean"] == pytest.approx(statistics.mean(expected))
    assert (row["first"], row["last"]) == (expected[0], expected[-1])
    assert row["change"] == pytest.approx(expected[-1] - expected[0])
    assert row["group"] == "Forsikrede ledige"


def test_compare_turns_a_reversed_period_around():
    forward = teamdata.compare("progression", ["Forsikrede Vest"], "2025-02", "2025-04")
    backward = teamdata.compare("progression", ["Forsikrede Vest"], "2025-04", "2025-02")
    assert forward == backward


@pytest.mark.parametrize(
    "value, unit, signed, expected",
    [
        (0.3456, "andel", False, "35 %"),
        (0.052, "andel", True, "+5 pct.-point"),
        (-0.06, "andel", True, "−6 pct.-point"),
        (-0.004, "andel", True, "0 pct.-point"),
        (212.4, "antal", False, "212"),
        (3.156, "skala", False, "3,16"),
        (-0.123, "skala", True, "−0,12"),
    ],
)
def test_figures_are_written_the_danish_way(value, unit, signed, expected):
    assert teamdata.format_value(value, unit, signed) == expected


def test_month_labels_are_danish():
    assert teamdata.month_label("2025-03") == "marts 2025"
    assert teamdata.month_label("2025-12") == "december 2025"
