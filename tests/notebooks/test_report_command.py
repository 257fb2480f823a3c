"""The README's report command, as a course leader types it: both files land where it says,
relative to the folder it was run in, and the terminal shows Danish only."""

import os
import subprocess
import sys

from tests.conftest import ROOT
from tests.unit.test_report import seed


def test_the_report_command_writes_both_files_where_it_was_run_without_english(tmp_path):
    _, workshop = seed(tmp_path / "rum")
    here = tmp_path / "kursusleder"
    here.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "course.report",
            "--workshop",
            workshop.code,
            "--out",
            "rapporter",
            "--mappe",
            str(tmp_path / "rum"),
        ],
        cwd=here,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    stem = f"rapport-{workshop.code}-2026-11-20"
    page, word = here / "rapporter" / f"{stem}.html", here / "rapporter" / f"{stem}.docx"
    assert page.exists() and word.exists()
    assert result.stdout == f"Rapporten er lavet:\n    {page}\n    {word}\n"
    assert result.stderr == ""  # no kernel warnings (»Kernel is running over TCP …«)
    assert not (ROOT / "reports" / "rapporter").exists()
