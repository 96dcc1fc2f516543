"""The page cache's storage (generator/engines/page_store.py): an entry is trusted only when the
index is ours and whole and the entry has the digest the index gives; a build keeps only the
entries it used."""

from __future__ import annotations

import json

import pytest

from generator.engines.page_store import FORMAT, INDEX, PageStore, UnreadableCache, key_of


def _filled(folder):
    store = PageStore(folder)
    store.open()
    store.put(key_of("a"), b"<html>a</html>")
    store.put(key_of("b"), b"<html>b</html>")
    store.finish()
    return folder


def _reopened(folder) -> PageStore:
    store = PageStore(folder)
    store.open()
    return store


def test_an_entry_comes_back_as_it_was_stored(tmp_path):
    store = _reopened(_filled(tmp_path))
    assert store.get(key_of("a")) == b"<html>a</html>"
    assert store.get(key_of("c")) is None
    assert (store.hits, store.misses) == (1, 1)


def test_a_build_keeps_only_the_entries_it_used_and_leaves_no_temporary_file(tmp_path):
    store = _reopened(_filled(tmp_path))
    store.get(key_of("a"))
    store.put(key_of("d"), b"<html>d</html>")
    assert store.finish() == 1  # b went
    names = sorted(p.name for p in (tmp_path / "objects").rglob("*") if p.is_file())
    assert names == sorted([key_of("a"), key_of("d")])
    index = json.loads((tmp_path / INDEX).read_text(encoding="utf-8"))
    assert index["format"] == FORMAT and sorted(index["entries"]) == names


@pytest.mark.parametrize(
    "index",
    ['{"format": "kokeilu-page-cache/1", "entries": {', '{"format": "other/1", "entries": {}}', "[]", "\xff"],
    ids=["cut short", "another format", "not a mapping", "not text"],
)
def test_an_index_that_is_not_ours_or_not_whole_is_refused(tmp_path, index):
    (tmp_path / INDEX).write_bytes(index.encode("utf-8", errors="surrogateescape"))
    with pytest.raises(UnreadableCache):
        _reopened(tmp_path)


def test_an_entry_changed_after_it_was_written_is_refused(tmp_path):
    _filled(tmp_path)
    entry = tmp_path / "objects" / key_of("a")[:2] / key_of("a")
    entry.write_bytes(b"<html>A</html>")
    with pytest.raises(UnreadableCache, match="digest"):
        _reopened(tmp_path).get(key_of("a"))


def test_an_entry_the_index_names_but_that_is_gone_is_refused(tmp_path):
    _filled(tmp_path)
    (tmp_path / "objects" / key_of("b")[:2] / key_of("b")).unlink()
    with pytest.raises(UnreadableCache, match="missing"):
        _reopened(tmp_path).get(key_of("b"))


def test_keys_tell_apart_how_parts_are_split():
    assert key_of("ab", "c") != key_of("a", "bc")
    assert key_of({"x": 1, "y": 2}) == key_of({"y": 2, "x": 1})
