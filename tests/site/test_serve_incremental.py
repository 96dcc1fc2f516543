"""``mkdocs serve``: an edit to an entry re-plans only the pages it touches (the entry in every
language, its term listings, its neighbours, the listings and the home page), and those are
the pages a full planning makes; anything else falls back to a full rebuild and says so."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.check import load_catalogue
from generator.site.planner import plan_site
from tests.support import copy_fixture_site

ENTRY = "experiments/aanestys-koulussa.md"
LEARNING = "content/opit/etatyon-mittarit-ensin.md"
# The finder's data (and so its page, which names the data's version) and the open data are
# kept until a full rebuild: remaking them is most of a rebuild's time.
FINDER = {"haku/index.md", "sv/haku/index.md", "en/haku/index.md"}
KEPT = ("data/", "haku/data/", "sv/haku/data/", "en/haku/data/")
# Two entries a page: pagination and its shifts are exercised.
OPTIONS = ("https://github.com/o/r/edit/main/", 2, "https://example.fi/kk/")


def replace(root: Path, path: str, old: str, new: str) -> str:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


EDITS: dict[str, Callable[[Path], str]] = {
    "body": lambda root: replace(root, ENTRY, "puolet oppilaista.", "puolet oppilaista. Uusi kappale."),
    "title": lambda root: replace(
        root, ENTRY, "title: Äänestyskokeilu koulussa", "title: Aivan uusi otsikko"
    ),
    "themes": lambda root: replace(
        root, ENTRY, "themes: [lapset-ja-nuoret, osallisuus]", "themes: [osallisuus]"
    ),
    "start": lambda root: replace(root, ENTRY, "start: 2020\nend: 2021", "start: 2009\nend: 2010"),
    "learning": lambda root: replace(root, LEARNING, "title: ", "title: Uusi ja "),
}


@pytest.mark.parametrize("kind", EDITS)
def test_an_incremental_plan_is_the_full_plan(tmp_path, kind):
    root = copy_fixture_site(tmp_path / "katalogi")
    before = plan_site(load_catalogue(root), *OPTIONS, remember=True)
    edited = EDITS[kind](root)
    catalogue = load_catalogue(root)
    incremental = plan_site(catalogue, *OPTIONS, remember=True, previous=before, edited=frozenset({edited}))
    full = plan_site(catalogue, *OPTIONS)

    assert [p.src_uri for p in incremental.pages] == [p.src_uri for p in full.pages]
    differing = [a.src_uri for a, b in zip(incremental.pages, full.pages, strict=True) if a != b]
    assert set(differing) <= FINDER
    # The feeds are made again; the finder's data and the open data are kept.
    made = {f.src_uri: f for f in incremental.files if not f.src_uri.startswith(KEPT)}
    assert made == {f.src_uri: f for f in full.files if not f.src_uri.startswith(KEPT)}
    assert {"feed.xml", "feed.sv.xml", "feed.en.xml"} <= made.keys()
    assert {f.src_uri for f in incremental.files} >= {
        f.src_uri for f in before.files if f.src_uri.startswith(KEPT)
    }
    # The edit shows on the entry's own page in every language ...
    old = {p.src_uri: p for p in before.pages}
    remade = {p.src_uri for p in incremental.pages if p is not old.get(p.src_uri)}
    changed = {p.src_uri for p in full.pages if p != old.get(p.src_uri)} - FINDER
    page = edited.removeprefix("content/").removeprefix("experiments/")
    page = page if edited.startswith("content/") else f"kokeilut/{page}"
    assert {page, f"sv/{page}", f"en/{page}"} <= changed <= remade
    # ... and most pages were handed back from the last plan, not rendered again.
    assert len(remade) < len(incremental.pages) / 2


def test_a_plan_with_nothing_edited_renders_no_entry_or_term_page_again(fixture_site):
    catalogue = load_catalogue(fixture_site)
    before = plan_site(catalogue, *OPTIONS, remember=True)
    again = plan_site(catalogue, *OPTIONS, remember=True, previous=before)
    assert again.pages == before.pages
    kept = [p.src_uri for p, q in zip(again.pages, before.pages, strict=True) if p is q]
    entries = [p.src_uri for p in before.pages if p.source.startswith(("experiments/", "content/opit/"))]
    terms = [p.src_uri for p in before.pages if "/teemat/" in f"/{p.src_uri}" and not p.in_nav]
    assert entries and terms and set(entries + terms) <= set(kept)


def serve_build(root: Path, site: Path, config=None):
    """One build as ``mkdocs serve --dirty`` makes it, in one process with the same plugin."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    fresh = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    if config is None:
        fresh.plugins.on_startup(command="serve", dirty=True)
    else:
        fresh.plugins = config.plugins  # mkdocs serve keeps the plugin instances between builds
    build(fresh, dirty=True)
    return fresh


def newest_on_home(site: Path) -> str:
    """The slug of an experiment the home page lists."""
    home = (site / "index.html").read_text(encoding="utf-8")
    return re.search(r'href="kokeilut/([a-z0-9-]+)/"', home)[1]


@pytest.mark.e2e
def test_an_edit_under_serve_shows_on_its_page_its_terms_and_the_home_page(tmp_path, caplog):
    root = copy_fixture_site(tmp_path / "katalogi")
    site = tmp_path / "site"
    caplog.set_level(logging.INFO)
    config = serve_build(root, site)
    try:
        slug = newest_on_home(site)
        entry = root / "experiments" / f"{slug}.md"
        text = entry.read_text(encoding="utf-8")
        title = re.search(r"^title: (.+)$", text, re.MULTILINE)[1].strip('"')
        theme = re.search(r"^themes: \[([a-z0-9-]+)", text, re.MULTILINE)[1]
        time.sleep(0.01)
        entry.write_text(text.replace(f"title: {title}", "title: Aivan uusi otsikko", 1), encoding="utf-8")
        caplog.clear()
        serve_build(root, site, config)
        assert "Incremental rebuild: experiments/" in caplog.text
        for page in (f"kokeilut/{slug}/", f"teemat/{theme}/", "", f"sv/teemat/{theme}/", "en/"):
            shown = (site / page / "index.html").read_text(encoding="utf-8")
            assert "Aivan uusi otsikko" in shown, page
            assert title not in shown, page

        # A vocabulary is not planned incrementally: the whole site again, and the log says why.
        vocabulary = root / "content/sanastot/teemat.yml"
        words = vocabulary.read_text(encoding="utf-8")
        label = re.search(rf"- id: {theme}\n  fi: (.+)\n", words)[1]
        vocabulary.write_text(words.replace(f"fi: {label}\n", "fi: Uusi teeman nimi\n", 1), encoding="utf-8")
        caplog.clear()
        serve_build(root, site, config)
        assert "Full rebuild: content/sanastot/teemat.yml changed" in caplog.text
        assert "Uusi teeman nimi" in (site / f"teemat/{theme}/index.html").read_text(encoding="utf-8")
    finally:
        config.plugins.on_shutdown()
