"""``mkdocs serve --dirty``: an edit re-renders only the pages it changes, under strict: true.

MkDocs deems every generated file modified, so without the plugin's bookkeeping a dirty build
would still render every generated page; and its "dirty build" warning would abort a strict
build. The plugin compares each generated page with the last build's and marks unchanged ones
as not modified.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support import copy_fixture_site

pytestmark = pytest.mark.e2e


def mtimes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def rebuild_after(tmp_path: Path, edit) -> tuple[Path, Path, dict[str, int], dict[str, int]]:
    """Build the fixture site as ``mkdocs serve --dirty`` does, apply ``edit`` to its first
    experiment file, rebuild; the site folder, the file and the pages' mtimes before and after."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = copy_fixture_site(tmp_path / "katalogi")
    site = tmp_path / "site"
    entry = sorted((root / "experiments").glob("*.md"))[0]
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, dirty=True)
        before = mtimes(site)
        time.sleep(0.01)
        entry.write_text(edit(entry.read_text(encoding="utf-8")), encoding="utf-8")
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
        build(config, dirty=True)  # strict, yet not aborted by MkDocs' dirty-build warning
        after = mtimes(site)
    finally:
        config.plugins.on_shutdown()
    return site, entry, before, after


def test_a_dirty_rebuild_renders_only_the_changed_pages(tmp_path):
    site, entry, before, after = rebuild_after(tmp_path, lambda text: text + "\nUusi kappale kuvauksessa.\n")
    page = f"kokeilut/{entry.stem}/index.html"
    assert "Uusi kappale kuvauksessa." in (site / page).read_text(encoding="utf-8")
    rebuilt = sorted(name for name in after if after[name] != before.get(name))
    # The body is on the entry's own page in each language (untranslated, the Swedish and English
    # pages show it in Finnish); 404.html is a theme template MkDocs always renders. Listings show
    # title and summary, which did not change, so they were not rendered again; under serve the
    # finder's data is kept until a full rebuild (generator/site/incremental.py).
    assert rebuilt == sorted(["404.html", page] + [f"{code}/{page}" for code in ("en", "sv")])
    assert len(before) > 20


def test_a_title_change_re_renders_the_listings_that_show_it(tmp_path):
    titles: list[str] = []

    def retitle(text: str) -> str:
        titles.append(next(line for line in text.splitlines() if line.startswith("title:")))
        return text.replace(titles[0], "title: Aivan uusi otsikko", 1)

    site, entry, before, after = rebuild_after(tmp_path, retitle)
    title = titles[0]
    rebuilt = {name for name in after if after[name] != before.get(name)}
    assert f"kokeilut/{entry.stem}/index.html" in rebuilt
    assert any(
        name.startswith("kokeilut/") and name.count("/") <= 2 and entry.stem not in name for name in rebuilt
    )
    rebuilt.discard("404.html")  # a theme template MkDocs always renders
    # Every page that shows the new title was rendered again (a listing whose order changed
    # too); no stale page still shows the old one; and most pages were left alone.
    showing = {n for n in after if "Aivan uusi otsikko" in (site / n).read_text(encoding="utf-8")}
    assert showing <= rebuilt
    old_title = title.removeprefix("title:").strip().strip('"')
    assert not any(
        old_title in (site / n).read_text(encoding="utf-8") for n in after if n.startswith("kokeilut/")
    )
    unchanged = [name for name in after if name not in rebuilt]
    assert unchanged and not any(
        "Aivan uusi otsikko" in (site / n).read_text(encoding="utf-8") for n in unchanged
    )
