"""The Finnish analyses kept on disk between builds (generator/search/analyses.py): a rebuild
reads them instead of running the analyser, and a broken or foreign file changes nothing."""

from __future__ import annotations

import json
import sys

import pytest

from generator.search import morphology
from generator.search.analyses import CACHE_ENV, DEFAULT_DIR, PREFIX, analyser_key
from generator.search.morphology import forget_analyses, related_words, save_analyses

WORD = "esiopetuksen"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache folder of its own, and no analysis remembered by the process before or after."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    forget_analyses()
    yield folder
    forget_analyses()


def _without_analyser(monkeypatch):
    def refuse():
        raise AssertionError("the analyser was run")

    monkeypatch.setattr(morphology, "_analyser", refuse)


def _cache_file(folder):
    return folder / f"{PREFIX}{analyser_key()}.json"


def test_a_rebuild_takes_the_analyses_from_disk_without_running_the_analyser(cache, monkeypatch):
    analysed = related_words(WORD)
    assert "esiopetus" in analysed
    save_analyses()
    forget_analyses()  # as a new build process
    _without_analyser(monkeypatch)
    assert related_words(WORD) == analysed


def test_a_broken_file_is_ignored_and_replaced(cache, monkeypatch):
    cache.mkdir()
    _cache_file(cache).write_text('{"esiopetuksen": "not a list"', encoding="utf-8")
    assert "esiopetus" in related_words(WORD)
    save_analyses()
    assert WORD in json.loads(_cache_file(cache).read_text(encoding="utf-8"))
    assert [p.name for p in cache.iterdir()] == [_cache_file(cache).name]  # no temporary left


def test_a_file_of_another_analyser_or_code_is_not_read_and_is_removed(cache):
    cache.mkdir()
    other = cache / f"{PREFIX}0123456789abcdef0123.json"
    other.write_text(json.dumps({WORD: ["väärä"]}), encoding="utf-8")
    assert "väärä" not in related_words(WORD)
    save_analyses()
    assert not other.exists()
    assert _cache_file(cache).exists()


def test_the_folder_is_dot_cache_kokeilu_where_the_build_runs(tmp_path, monkeypatch):
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    forget_analyses()
    try:
        related_words(WORD)
        save_analyses()
    finally:
        forget_analyses()
    assert _cache_file(tmp_path / DEFAULT_DIR).exists()


def test_an_empty_setting_keeps_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, "")
    monkeypatch.chdir(tmp_path)
    forget_analyses()
    try:
        assert "esiopetus" in related_words(WORD)
        save_analyses()
    finally:
        forget_analyses()
    assert list(tmp_path.iterdir()) == []


def test_the_analyser_let_go_after_a_build_comes_back_for_the_next_word(tmp_path, monkeypatch):
    """mkdocs build lets the analyser's dictionary go once the index is built (about 200 MiB of a
    build's peak memory); a word analysed after that loads it again and gets the same answer."""
    monkeypatch.setenv(CACHE_ENV, "")  # every word analysed, none read from a file
    forget_analyses()
    try:
        before = related_words(WORD)
        assert "esiopetus" in before
        morphology.release_analyser()
        assert "pyvoikko" not in sys.modules
        forget_analyses()
        assert related_words(WORD) == before
        assert "pyvoikko" in sys.modules
    finally:
        forget_analyses()
