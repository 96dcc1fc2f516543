"""The build is reproducible and all-or-nothing.

- Two builds of the same commit are byte-identical, even from two checkout paths and on two
  days: the only dates are git's, JSON is sorted, no absolute path leaks into the output.
- A failed build (an invalid catalogue, a strict-mode warning) leaves the previous output
  exactly as it was, and an interrupted one (the process killed mid-write) leaves no mix of old
  and new files: MkDocs writes into a staging folder that replaces the output only at the end.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import assert_same_files, copy_fixture_site, folder_files

pytestmark = pytest.mark.e2e

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Toimittaja",
    "GIT_AUTHOR_EMAIL": "toimittaja@example.invalid",
    "GIT_COMMITTER_NAME": "Toimittaja",
    "GIT_COMMITTER_EMAIL": "toimittaja@example.invalid",
}


def git(repo: Path, *args: str, date: str = "2024-03-05T10:00:00+00:00") -> str:
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    ).stdout


def checkout(path: Path) -> Path:
    """The fixture site as a git repository: one commit, then one that touches a single entry."""
    copy_fixture_site(path)
    with (path / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nsite_url: https://www.example.fi/katalogi/\n")  # so there is a sitemap
    git(path, "init", "-q", "-b", "main")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "base")
    entry = next(iter(sorted((path / "experiments").glob("*.md"))))
    entry.write_text(entry.read_text(encoding="utf-8") + "\nLisätty kappale.\n", encoding="utf-8")
    git(path, "commit", "-q", "-am", "touch", date="2024-06-07T10:00:00+00:00")
    return path


def mkdocs_build(root: Path, out: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` as a user runs it, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out), *extra],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder``: its digest and modification time."""
    return {
        path.relative_to(folder).as_posix(): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name)


# --- reproducible ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path, Path, Path]:
    base = tmp_path_factory.mktemp("reproducible")
    first = checkout(base / "eka" / "kokeilukatalogi")
    second = checkout(base / "toinen-polku" / "klooni")
    assert git(first, "rev-parse", "HEAD") == git(second, "rev-parse", "HEAD")  # the same commit
    out_first, out_second = base / "out-1" / "site", base / "out-2" / "sivusto"
    # Two days apart, as far as MkDocs' clock is concerned (it reads SOURCE_DATE_EPOCH).
    for root, out, clock in ((first, out_first, "1700000000"), (second, out_second, "1800000000")):
        result = mkdocs_build(root, out, env={"SOURCE_DATE_EPOCH": clock})
        assert result.returncode == 0, result.stderr
    return first, second, out_first, out_second


def test_two_checkouts_of_one_commit_build_byte_identical_sites(two_builds):
    _, _, out_first, out_second = two_builds
    first = assert_same_files(out_first, out_second)
    assert "sitemap.xml.gz" in first and "haku/data/meta.json" in first


def test_no_absolute_path_or_build_time_in_the_output(two_builds):
    first_root, second_root, out_first, _ = two_builds
    needles = [str(first_root), str(second_root), str(out_first), str(Path.home()), "/tmp/"]
    for name, data in folder_files(out_first).items():
        text = data.decode("utf-8", "replace")
        for needle in needles:
            assert needle not in text, f"{name} contains {needle}"


def test_page_dates_come_from_git(two_builds):
    root, _, out, _ = two_builds
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    dates = sorted(set(part.split("<")[0] for part in sitemap.split("<lastmod>")[1:]))
    # The touched entry changed in the second commit; everything else is as of the base commit
    # or, for listings that depend on every entry, the newest commit.
    assert dates == ["2024-03-05", "2024-06-07"]
    touched = next(iter(sorted((root / "experiments").glob("*.md")))).stem
    entry = sitemap.split(f"/kokeilut/{touched}/</loc>")[1].split("</lastmod>")[0]
    assert entry.strip().endswith("2024-06-07")


def test_json_output_is_sorted(two_builds):
    _, _, out, _ = two_builds

    def sorted_keys(value) -> bool:
        if isinstance(value, dict):
            return list(value) == sorted(value) and all(sorted_keys(v) for v in value.values())
        if isinstance(value, list):
            return all(sorted_keys(v) for v in value)
        return True

    files = sorted(out.rglob("*.json"))
    assert files
    for path in files:
        assert sorted_keys(json.loads(path.read_text(encoding="utf-8"))), path


# --- all or nothing ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> Path:
    """The fixture site and its strict build, once: each test gets a copy of both."""
    folder = tmp_path_factory.mktemp("all-or-nothing")
    copy_fixture_site(folder / "katalogi")
    result = mkdocs_build(folder / "katalogi", folder / "julkaisu" / "site")
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def built(first_build, tmp_path) -> tuple[Path, Path, dict]:
    """A catalogue and its previous output (copied with their modification times)."""
    shutil.copytree(first_build, tmp_path, dirs_exist_ok=True)
    root, out = tmp_path / "katalogi", tmp_path / "julkaisu" / "site"
    return root, out, snapshot(out)


def test_an_invalid_catalogue_leaves_the_previous_output_exactly(built):
    root, out, before = built
    (root / "experiments/rikki.md").write_text(
        "---\ntitle: Rikki\nlevel: kansainvalinen\n---\n\nx\n", encoding="utf-8"
    )
    result = mkdocs_build(root, out)
    assert result.returncode == 1
    assert "experiments/rikki.md:" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(out) == before
    assert siblings(out) == []


def test_a_strict_mode_warning_leaves_the_previous_output_exactly(built):
    root, out, before = built
    # A warning of MkDocs' own: a broken link in a page is kokeilu check's (tests/content/test_page_links.py),
    # a nav entry in mkdocs.yml is not.
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("  - Puuttuu: ei-ole.md\n")
    result = mkdocs_build(root, out)
    assert result.returncode == 1
    assert "'ei-ole.md'" in result.stderr and "Aborted with 1 warnings" in result.stdout + result.stderr
    assert snapshot(out) == before
    assert siblings(out) == []


KILLER = """\
import os, signal

count = 0


def on_post_page(output, page, config):
    # Dies without any cleanup, as a killed or powered-off build would, after some pages.
    global count
    count += 1
    if count == int(os.environ["KOKEILU_KILL_AT"]):
        os.kill(os.getpid(), signal.SIGKILL)
    return output
"""


def test_a_killed_build_leaves_the_previous_output_and_the_next_build_cleans_up(built):
    root, out, before = built
    (root / "killer.py").write_text(KILLER, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config + "\nhooks:\n  - killer.py\n", encoding="utf-8")
    experiment = next(iter(sorted((root / "experiments").glob("*.md"))))
    experiment.write_text(experiment.read_text(encoding="utf-8") + "\nUusi kappale.\n", encoding="utf-8")
    result = mkdocs_build(root, out, env={"KOKEILU_KILL_AT": "5"})
    assert result.returncode == -9  # SIGKILL: no handler, no cleanup ran
    assert snapshot(out) == before  # the old site, untouched
    (leftover,) = siblings(out)  # the half-written new one is beside it, never inside it
    assert leftover.startswith(".site.kokeilu-staging-")
    assert any((out.parent / leftover).rglob("*.html"))
    result = mkdocs_build(root, out, env={"KOKEILU_KILL_AT": "0"})
    assert result.returncode == 0, result.stderr
    assert siblings(out) == []
    assert snapshot(out) != before and "Uusi kappale." in (
        out / "kokeilut" / experiment.stem / "index.html"
    ).read_text(encoding="utf-8")
