"""Shared test setup: every test run writes workbooks to a temporary folder only."""

import asyncio
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_async(coroutine):
    """Run a coroutine in a thread of its own: the browser tests leave an event loop in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


# Set before any kernel starts (nbval, papermill), so no test writes to the home folder.
os.environ["NOEGLEPERSONKURSUS_LOGBOG"] = tempfile.mkdtemp(prefix="logbog-test-")


@pytest.fixture
def store(tmp_path):
    from course.workbook import WorkbookStore

    return WorkbookStore(tmp_path / "logbog")


@pytest.fixture
def workbook(store):
    return store.create("Karen Jensen", "Jobcenter Århus")


@pytest.fixture
def room(store):
    """The room's store (workshops and shared answers) beside the workbooks."""
    from course.room import RoomStore

    return RoomStore(store.folder)


@pytest.fixture
def workshop(room):
    return room.create_workshop("Kursusdag Aarhus", "2026-11-20")


@pytest.fixture(scope="session")
def content():
    from course.content import load_course

    return load_course()
