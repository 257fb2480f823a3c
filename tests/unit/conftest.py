"""Fixtures of the unit tests."""

import shutil

import pytest

from tests.conftest import ROOT


@pytest.fixture
def data(tmp_path):
    """A copy of the real data folder that a test can break."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target
