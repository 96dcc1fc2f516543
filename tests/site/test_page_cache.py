"""The page cache of ``mkdocs build`` (generator/engines/page_cache.py): a build with a warm cache
is byte-identical to a cold build, after an edit of each kind, and a cache that cannot be
trusted is ignored.

One cold build of the fixture site fills a cache (module fixture); each test copies the site with
that cache, changes something, builds with the cache, and compares every file of its site with
a build of the same files with the cache off ($KOKEILU_PAGE_CACHE=off).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.engines.page_store import INDEX
from tests.support import assert_same_files, copy_fixture_site

pytestmark = pytest.mark.e2e

CACHE = Path(".cache/kokeilu/pages")
# Builds on different days are the same: MkDocs' own dates come from here (no git in the copies).
EPOCH = "1709632800"


def build(root: Path, site: Path, cache: str | None = None) -> str:
    """``mkdocs build --strict`` of ``root`` into ``site``, in a child process (the cache is for
    the command only); its log. ``cache``: $KOKEILU_PAGE_CACHE, else the default folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("KOKEILU_PAGE_CACHE", None)
    if cache is not None:
        env["KOKEILU_PAGE_CACHE"] = cache
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


def hits_and_misses(log: str) -> tuple[int, int]:
    line = next(line for line in log.splitlines() if "Page cache " in line and " hits, " in line)
    hits, misses = line.split(": ", 2)[-1].split("; ")[0].split(", ")
    return int(hits.split()[0]), int(misses.split()[0])


@pytest.fixture(scope="module")
def cold(tmp_path_factory) -> tuple[Path, Path]:
    """The fixture site with the cache its cold build filled, and that build's site."""
    folder = tmp_path_factory.mktemp("page-cache")
    root = copy_fixture_site(folder / "source")
    log = build(root, folder / "site")
    assert hits_and_misses(log)[0] == 0
    return root, folder / "site"


@pytest.fixture
def warm_copy(cold, tmp_path) -> Path:
    """A copy of the fixture site with the warm cache, to change."""
    root, _ = cold
    shutil.copytree(root, tmp_path / "source")
    return tmp_path / "source"


def test_a_warm_build_renders_no_page_and_is_identical(cold, warm_copy, tmp_path):
    log = build(warm_copy, tmp_path / "site")
    hits, misses = hits_and_misses(log)
    assert hits > 0 and misses == 0
    assert_same_files(tmp_path / "site", cold[1])


def _edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = {
    # An experiment's title (its listings and neighbours show it) and body.
    "experiment": (
        "experiments/aanestys-koulussa.md",
        "title: Äänestyskokeilu koulussa\n",
        "title: Äänestyskokeilu koulussa ja kirjastossa\n",
        "kokeilut/aanestys-koulussa/index.html",
        "Äänestyskokeilu koulussa ja kirjastossa",
    ),
    "learning": (
        "content/opit/keraysta-kannattaa-jatkaa.md",
        "Keräyspisteiden määrää kannattaa lisätä.",
        "Keräyspisteiden määrää kannattaa lisätä myös kirjastoihin.",
        "opit/keraysta-kannattaa-jatkaa/index.html",
        "myös kirjastoihin",
    ),
    # A theme's Finnish label: shown on every page that names the theme.
    "vocabulary label": (
        "content/sanastot/teemat.yml",
        "fi: Osallisuus ja demokratia\n",
        "fi: Osallisuus ja kansanvalta\n",
        "kokeilut/aanestys-koulussa/index.html",
        "Osallisuus ja kansanvalta",
    ),
    # A theme template: every page changes.
    "template": (
        "theme/partials/kk-footer.html",
        "  </p>\n</div>",
        '  </p>\n  <p class="kk-test-edit">Sivuston alatunniste muuttui</p>\n</div>',
        "index.html",
        "Sivuston alatunniste muuttui",
    ),
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_a_warm_build_after_an_edit_shows_it_and_is_identical_to_a_cold_build(
    kind, cold, warm_copy, tmp_path
):
    path, old, new, page, shown = EDITS[kind]
    _edit(warm_copy, path, old, new)
    log = build(warm_copy, tmp_path / "warm")
    build(warm_copy, tmp_path / "cold", cache="off")
    assert shown in (tmp_path / "warm" / page).read_text(encoding="utf-8")
    assert_same_files(tmp_path / "warm", tmp_path / "cold")
    hits, misses = hits_and_misses(log)
    assert misses > 0
    if kind == "template":
        assert hits == 0  # the theme is in every page's key
    else:
        assert hits > misses  # only the pages the edit touched were rendered


def _corrupt_entry(root: Path) -> None:
    entry = next(p for p in sorted((root / CACHE / "objects").glob("*/*")))
    entry.write_bytes(entry.read_bytes()[:-10] + b"corrupted!")


def _foreign_index(root: Path) -> None:
    index = root / CACHE / INDEX
    data = json.loads(index.read_text(encoding="utf-8"))
    index.write_text(json.dumps({**data, "format": "some-other-cache/7"}), encoding="utf-8")


@pytest.mark.parametrize("spoil", [_corrupt_entry, _foreign_index], ids=lambda f: f.__name__[1:])
def test_a_cache_that_cannot_be_trusted_is_ignored_without_a_warning(spoil, cold, warm_copy, tmp_path):
    spoil(warm_copy)
    log = build(warm_copy, tmp_path / "site")  # --strict: a warning would have failed it
    assert_same_files(tmp_path / "site", cold[1])
    assert "WARNING" not in log
    assert "was ignored" in log
    if spoil is _corrupt_entry:
        # The build wrote a whole cache again, which the next build trusts.
        again = build(warm_copy, tmp_path / "again")
        assert hits_and_misses(again)[1] == 0
        assert "was ignored" not in again
