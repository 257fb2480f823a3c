"""Shared test setup: every test run writes workbooks to a temporary folder only."""

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Set before any kernel starts (nbval, papermill), so no test writes to the home folder.
os.environ["NOEGLEPERSONKURSUS_LOGBOG"] = tempfile.mkdtemp(prefix="logbog-test-")


@pytest.fixture
def store(tmp_path):
    from course.workbook import WorkbookStore

    return WorkbookStore(tmp_path / "logbog")


@pytest.fixture
def workbook(store):
    return store.create("Karen Jensen", "Jobcenter Århus")


@pytest.fixture(scope="session")
def content():
    from course.content import load_course

    return load_course()
