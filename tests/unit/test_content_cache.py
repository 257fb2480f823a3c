"""The checked course is kept between kernels and read again only while nothing it depends on
has changed."""

import os
import shutil

import pytest

from course import content as loader
from course.content import ContentError, load_course, load_course_cached


@pytest.fixture
def data(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(loader.DATA_DIR, root)
    return root


def test_the_second_kernel_reads_the_cache_not_the_files(data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = load_course_cached(data, cache)
    assert first == load_course(data)
    [kept] = cache.glob("content-*.pickle")
    monkeypatch.setattr(loader, "load_course", lambda root: pytest.fail("parsed again"))
    assert load_course_cached(data, cache) == first
    assert list(cache.glob("content-*.pickle")) == [kept]


def test_a_changed_file_is_loaded_again_and_replaces_the_cache(data, tmp_path):
    cache = tmp_path / "cache"
    load_course_cached(data, cache)
    programme = data / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    programme.write_text(text.replace("Velkommen", "Velkommen til dagen", 1), encoding="utf-8")
    changed = load_course_cached(data, cache)
    assert changed.programme.sessions()[0].title == "Velkommen til dagen"
    assert len(list(cache.glob("content-*.pickle"))) == 1  # the old one is gone


def test_a_broken_file_is_never_cached_and_still_named(data, tmp_path):
    cache = tmp_path / "cache"
    (data / "programme.yaml").write_text("tracks: [", encoding="utf-8")
    with pytest.raises(ContentError, match=r"programme\.yaml"):
        load_course_cached(data, cache)
    assert not cache.exists() or not list(cache.glob("content-*.pickle"))


def test_a_damaged_cache_or_one_that_cannot_be_written_is_ignored(data, tmp_path):
    cache = tmp_path / "cache"
    load_course_cached(data, cache)
    [kept] = cache.glob("content-*.pickle")
    kept.write_bytes(b"not a pickle")
    assert load_course_cached(data, cache) == load_course(data)
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):  # root writes anyway: a file where the folder should be
            locked = tmp_path / "a-file"
            locked.write_text("x")
        assert load_course_cached(data, locked) == load_course(data)
    finally:
        os.chmod(tmp_path / "locked", 0o700)
