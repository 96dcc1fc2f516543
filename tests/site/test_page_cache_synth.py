"""The page cache on a synthetic catalogue (``kokeilu synth``: three languages, the shipped
theme and mkdocs.yml): after one experiment is edited, a build with the warm cache renders only
what the edit touched and is byte-identical to a build without the cache."""

from __future__ import annotations

import pytest

from tests.site.test_page_cache import build, hits_and_misses
from tests.site.test_synth import synth
from tests.support import assert_same_files

pytestmark = pytest.mark.e2e


def test_a_warm_build_after_an_edited_experiment_is_identical_to_a_cold_build(tmp_path):
    root = tmp_path / "catalogue"
    code, out, _ = synth(root, 12, 5)
    assert code == 0, out
    first = next(
        line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("Ensimmäinen kokeilu")
    )
    build(root, tmp_path / "first")  # fills the cache
    entry = root / first
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text + "\nLisätty kappale välimuistin kokeeseen.\n", encoding="utf-8")

    log = build(root, tmp_path / "warm")
    build(root, tmp_path / "cold", cache="off")

    slug = entry.stem
    page = (tmp_path / "warm" / "kokeilut" / slug / "index.html").read_text(encoding="utf-8")
    assert "Lisätty kappale välimuistin kokeeseen." in page
    assert_same_files(tmp_path / "warm", tmp_path / "cold")
    hits, misses = hits_and_misses(log)
    assert 0 < misses < hits
