"""The build's memory measures (generator/engines/memory.py: pages' Markdown read from the plan's
packed copy, data files held packed, each page's HTML packed until its template is rendered)
change nothing a visitor gets: the site is byte-identical, file for file, to the one built with
every page's text held as MkDocs holds it by default."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.files import File

from generator.engines import memory
from tests.support import assert_same_files, build_site, synthetic_catalogue


def _unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs' default: a generated page holds its Markdown as text, a page its HTML."""

    def plain_file(cls, config, page, inclusion):
        return File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)

    def plain_data(cls, config, data):
        file = File.generated(config, data.src_uri, content=data.content)
        file.packed = data.content  # what the plugin compares in a dirty build
        return file

    monkeypatch.setattr(memory.PackedPage, "of", classmethod(plain_file))
    monkeypatch.setattr(memory.PackedData, "of", classmethod(plain_data))
    monkeypatch.setattr(memory.HeldContents, "hold", lambda self, page, html: html)
    monkeypatch.setattr(memory.HeldContents, "give_back", lambda self, page: None)
    monkeypatch.setattr(memory.HeldContents, "drop", staticmethod(lambda page: None))


def _assert_same_site(packed: Path, plain: Path) -> None:
    files = assert_same_files(packed, plain)
    assert any(path.endswith("index.html") for path in files)


def test_fixture_site_is_the_same_as_without_the_measures(
    built_fixture_site: Path, fixture_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _unpacked(monkeypatch)
    plain = build_site(fixture_site / "mkdocs.yml", tmp_path / "site")
    _assert_same_site(built_fixture_site, plain)


def test_synthetic_site_is_the_same_as_without_the_measures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "catalogue"
    synthetic_catalogue(root, 60, 3)  # listings of several pages in each language
    packed = build_site(root / "mkdocs.yml", tmp_path / "packed")
    with monkeypatch.context() as patched:
        _unpacked(patched)
        plain = build_site(root / "mkdocs.yml", tmp_path / "plain")
    _assert_same_site(packed, plain)
