"""The same catalogue built by MkDocs, ProperDocs and Zensical: the same site, differences named.

Each of the repository and the fixture site is built once per session by each engine
(tests/engines.py, fixture ``engine_site``); the MkDocs build with our plugin is the reference.
The pages to look for come from the page plan, not from a list written here, so pages the plan
gains (other languages, new taxonomies) are compared too. Everything a build may show
differently is a named difference in ``tests.engines.DIFFERENCES``, with a test of its own below
and a line in docs/engines.md; anything else that differs fails. The finder is driven in Chromium
in tests/browser/test_engines_in_browser.py.
"""

from __future__ import annotations

import json
import re

import pytest

from generator.content.check import load_catalogue
from generator.content.taxonomy import group_taxonomies
from tests.conftest import SITES
from tests.engines import (
    DIFFERENCE_IDS,
    DIFFERENCES,
    ENGINES,
    OTHER_ENGINES,
    article,
    data_files,
    differs,
    head,
    html_pages,
    nav_links,
    page_file,
    site_plan,
    site_root,
    sitemap,
)
from tests.links import broken_links
from tests.site.test_third_party import CSS_URL, MATERIAL_FETCHES, page_fetches, script_addresses
from tests.support import REPO_ROOT

pytestmark = pytest.mark.e2e

ENGINES_PAGE = (REPO_ROOT / "docs/engines.md").read_text(encoding="utf-8")
BUILDS = [(site, engine) for site in SITES for engine in ENGINES]
OTHER_BUILDS = [(site, engine) for site in SITES for engine in OTHER_ENGINES]


def _ids(value) -> str:
    return "-".join(value) if isinstance(value, tuple) else str(value)


@pytest.fixture(scope="module")
def plans(site_source):
    return {site: site_plan(site_source(site)) for site in SITES}


# -- the same site ----------------------------------------------------------------------------


@pytest.mark.parametrize(("site", "engine"), BUILDS, ids=_ids)
def test_every_experiment_learning_and_term_url_exists_in_every_build(
    site, engine, plans, site_source, engine_site
):
    plan = plans[site]
    catalogue = load_catalogue(site_source(site))
    planned = {page.url for page in plan.pages}
    expected = {e.url for e in catalogue.experiments.values()} | {e.url for e in catalogue.learnings.values()}
    experiments = list(catalogue.experiments.values())
    taxonomies = group_taxonomies(catalogue.schema.taxonomies, catalogue.vocabularies, experiments)
    expected |= {taxonomy.spec.url for taxonomy in taxonomies.values()}
    expected |= {term.url for taxonomy in taxonomies.values() for term in taxonomy.terms}
    assert expected <= planned  # the plan is where the comparison looks
    built = engine_site(site, engine)
    missing = sorted(url for url in planned if not page_file(built, url).is_file())
    assert missing == [], f"{engine} did not build these pages of the plan: {missing}"


@pytest.mark.parametrize(("site", "engine"), OTHER_BUILDS, ids=_ids)
def test_every_build_has_the_same_pages(site, engine, engine_site):
    reference, built = engine_site(site, "mkdocs"), engine_site(site, engine)
    assert html_pages(built) == html_pages(reference)


@pytest.mark.parametrize("site", SITES)
def test_properdocs_builds_the_mkdocs_site_byte_for_byte(site, engine_site):
    reference, built = engine_site(site, "mkdocs"), engine_site(site, "properdocs")
    files = sorted(p.relative_to(reference).as_posix() for p in reference.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')  # difference "generator"
    different = [
        name
        for name in files
        if generator.sub(b"", (built / name).read_bytes())
        != generator.sub(b"", (reference / name).read_bytes())
    ]
    assert different == []


@pytest.mark.parametrize(("site", "engine"), BUILDS, ids=_ids)
def test_no_internal_link_is_broken(site, engine, site_source, engine_site):
    assert broken_links(engine_site(site, engine), site_root(site_source(site))) == []


@pytest.mark.parametrize(("site", "engine"), OTHER_BUILDS, ids=_ids)
def test_every_page_shows_the_same_content(site, engine, engine_site):
    reference, built = engine_site(site, "mkdocs"), engine_site(site, engine)
    different = [
        page
        for page in sorted(html_pages(reference))
        if article(built / page, engine) != article(reference / page, engine)
    ]
    assert different == [], f"{engine} shows other content on {len(different)} pages: {different[:10]}"


@pytest.mark.parametrize(("site", "engine"), OTHER_BUILDS, ids=_ids)
def test_every_head_carries_the_same_title_description_and_sharing_data(site, engine, engine_site):
    reference, built = engine_site(site, "mkdocs"), engine_site(site, engine)
    for page in sorted(html_pages(reference)):
        ours, theirs = head(reference / page, reference).values, head(built / page, built).values
        for values in (ours, theirs):
            values.pop("generator", None)  # difference "generator"
            if differs(engine, "language-chrome") and _translated(page):
                values.pop("og:site_name", None)
                values["title"] = values.get("title", "").rsplit(" - ", 1)[0]
        assert theirs == ours, page


def _translated(page: str) -> bool:
    """A page of the Swedish or English version (difference "language-chrome")."""
    return page.startswith(("sv/", "en/", "/sv/", "/en/"))


@pytest.mark.parametrize(("site", "engine"), OTHER_BUILDS, ids=_ids)
def test_the_navigation_is_the_same(site, engine, plans, engine_site):
    reference, built = engine_site(site, "mkdocs"), engine_site(site, engine)
    plan = plans[site]
    samples = ["/", plan.pages[-1].url, *(p.url for p in plan.pages if p.source)][:6]
    if differs(engine, "language-chrome"):
        samples = [url for url in samples if not _translated(url)]
        samples += [p.url for p in plan.pages if p.source and p.language == "fi"][:3]
    for url in samples:
        assert nav_links(built, page_file(built, url)) == nav_links(reference, page_file(reference, url)), url


@pytest.mark.parametrize(("site", "engine"), OTHER_BUILDS, ids=_ids)
def test_the_finder_index_open_data_and_feed_are_byte_for_byte_the_same(site, engine, engine_site):
    reference, built = data_files(engine_site(site, "mkdocs")), data_files(engine_site(site, engine))
    assert "haku/data/meta.json" in reference and "assets/haku/finder.js" in reference
    assert built.keys() == reference.keys()
    assert [name for name in reference if built[name] != reference[name]] == []


@pytest.mark.parametrize(("site", "engine"), BUILDS, ids=_ids)
def test_every_page_has_the_header_search_and_no_other_search(site, engine, engine_site):
    # The header field is a template override (theme/partials/header.html). Zensical 0.0.x reads
    # Material-style overrides from custom_dir; one that stops doing so fails here, by name.
    built = engine_site(site, engine)
    for page in sorted(html_pages(built)):
        text = (built / page).read_text(encoding="utf-8")
        assert '<form class="kk-header-search" role="search"' in text, f"{engine}: no header search on {page}"
        assert 'data-md-component="search"' not in text, f"{engine}: the engine's own search on {page}"


# Absolute addresses in Zensical's bundle, and the element each needs, which this site never has
# (the body check refuses those classes: generator/content/body.py RESERVED_CLASSES).
ZENSICAL_FETCHES = {
    "https://unpkg.com/mermaid@": "mermaid",
    "https://unpkg.com/glightbox@": "glightbox",
    "https://unpkg.com/ace-builds@": "pyodide",
    "https://cdn.jsdelivr.net/pyodide/": "pyodide",
    "https://unpkg.com/pyodide@": "pyodide",
}


@pytest.mark.parametrize(("site", "engine"), BUILDS, ids=_ids)
def test_no_build_makes_a_browser_fetch_from_another_host(site, engine, engine_site):
    built = engine_site(site, engine)
    needed: set[str] = set()
    for script in sorted(built.rglob("*.js")):
        for url in script_addresses(script.read_text(encoding="utf-8")):
            known = [k for k in (*MATERIAL_FETCHES, *ZENSICAL_FETCHES) if url.startswith(k)]
            assert known and script.name.startswith("bundle."), (
                f"{engine}: {script.relative_to(built)}: {url}"
            )
            needed |= {ZENSICAL_FETCHES[k] for k in known if k in ZENSICAL_FETCHES}
    for sheet in sorted(built.rglob("*.css")):
        assert CSS_URL.findall(sheet.read_text(encoding="utf-8")) == [], f"{engine}: {sheet}"
    for page in sorted(html_pages(built)):
        text = (built / page).read_text(encoding="utf-8")
        found, _ = page_fetches(text)
        assert found == [], f"{engine}: {page}: {found}"
        classes = {c for value in re.findall(r'class="([^"]*)"', text) for c in value.split()}
        assert not classes & (needed | {"mermaid"}), f"{engine}: {page} would fetch a script"


# -- the named differences --------------------------------------------------------------------


def _entry_pages(plan) -> list[str]:
    return [page.url for page in plan.pages if page.json_ld]


def check_generator(engine_site, plans) -> None:
    expected = {"mkdocs": "mkdocs-1.", "properdocs": "ProperDocs", "zensical": "zensical-"}
    for engine in ENGINES:
        built = engine_site("fixture", engine)
        generator = head(built / "index.html").values["generator"]
        assert expected[engine] in generator, (engine, generator)


def check_json_ld(engine_site, plans) -> None:
    for site in SITES:
        urls = _entry_pages(plans[site])
        assert urls
        reference = {url: head(page_file(engine_site(site, "mkdocs"), url)).json_ld for url in urls}
        assert all(len(found) == 1 for found in reference.values())
        for engine in OTHER_ENGINES:
            theirs = {url: head(page_file(engine_site(site, engine), url)).json_ld for url in urls}
            if differs(engine, "json-ld"):
                assert all(found == [] for found in theirs.values()), engine
            else:
                assert theirs == reference, engine
    data = json.loads(reference[urls[0]][0])
    assert data["@context"] == "https://schema.org"


def check_sitemap_dates(engine_site, plans) -> None:
    reference = engine_site("repo", "mkdocs")
    pages, dated = sitemap(reference)
    assert pages and dated == len(pages) and (reference / "sitemap.xml.gz").is_file()
    for engine in OTHER_ENGINES:
        built = engine_site("repo", engine)
        theirs, theirs_dated = sitemap(built)
        assert theirs == pages, engine
        if differs(engine, "sitemap-dates"):
            assert theirs_dated == 0 and not (built / "sitemap.xml.gz").exists(), engine
        else:
            assert theirs_dated == dated and (built / "sitemap.xml.gz").is_file(), engine


_STYLESHEET = re.compile(
    r'<link rel="stylesheet" href="(?:\./|(?:\.\./)*)assets/stylesheets/([^"]*main\.[0-9a-f]+\.min\.css)"'
)
_CREDIT = re.compile(r'<a href="(https://[^"]+)" target="_blank" rel="noopener">\s*([^<]+?)\s*</a>')


def check_theme_assets(engine_site, plans) -> None:
    credits = {}
    for engine in ENGINES:
        text = (engine_site("fixture", engine) / "index.html").read_text(encoding="utf-8")
        (stylesheet,) = _STYLESHEET.findall(text)
        credits[engine] = _CREDIT.findall(text)[-1][1]
        if differs(engine, "theme-assets"):
            assert stylesheet.startswith("classic/"), (engine, stylesheet)
        else:
            assert "/" not in stylesheet, (engine, stylesheet)
    assert credits == {
        "mkdocs": "Material for MkDocs",
        "properdocs": "Material for MkDocs",
        "zensical": "Zensical",
    }


def check_skip_anchor(engine_site, plans) -> None:
    skip = re.compile(r'<a href="([^"]*)" class="md-skip">')
    for engine in ENGINES:
        built = engine_site("fixture", engine)
        entry = (built / "kokeilut/kiertotalous-tampere/index.html").read_text(encoding="utf-8")
        listing = (built / "kokeilut/index.html").read_text(encoding="utf-8")
        if differs(engine, "skip-anchor"):
            assert skip.findall(entry) == skip.findall(listing) == ["#__skip"], engine
            assert '<a id="__skip" tabindex="-1"></a>' in entry, engine
        else:
            assert skip.findall(entry) == ["#opit"] and skip.findall(listing) == [], engine
            assert 'id="__skip"' not in entry, engine


def check_code_highlighting(engine_site, plans) -> None:
    # The contributor guide (content/osallistu/index.md) shows commands in fenced code.
    for engine in ENGINES:
        text = (engine_site("repo", engine) / "osallistu/index.html").read_text(encoding="utf-8")
        highlighted = '<div class="highlight"><pre>' in text
        assert highlighted is differs(engine, "code-highlighting"), engine
        assert "<pre>" in text or "<pre " in text, engine


def check_language_chrome(engine_site, plans) -> None:
    for engine in ENGINES:
        built = engine_site("repo", engine)
        swedish = page_file(built, "/sv/teemat/")
        links = nav_links(built, swedish)
        html = swedish.read_text(encoding="utf-8")
        assert '<html lang="sv"' in html, engine  # the same everywhere: the page's own language
        assert 'hreflang="en"' in html, engine
        if differs(engine, "language-chrome"):
            assert links[0][0] == "/" and "<title>Teman - Kokeilukatalogi</title>" in html, engine
        else:
            assert links[0][0] == "/sv/" and "<title>Teman - Försökskatalogen</title>" in html, engine


def check_empty_search_index(engine_site, plans) -> None:
    for engine in ENGINES:
        built = engine_site("fixture", engine)
        index = built / "search.json"
        if differs(engine, "empty-search-index"):
            assert json.loads(index.read_text(encoding="utf-8"))["items"] == [], engine
            assert not [
                p for p in html_pages(built) if "search.json" in (built / p).read_text(encoding="utf-8")
            ]
        else:
            assert not index.exists() and not (built / "search/search_index.json").exists(), engine


CHECKS = {
    "generator": check_generator,
    "json-ld": check_json_ld,
    "sitemap-dates": check_sitemap_dates,
    "theme-assets": check_theme_assets,
    "skip-anchor": check_skip_anchor,
    "code-highlighting": check_code_highlighting,
    "language-chrome": check_language_chrome,
    "empty-search-index": check_empty_search_index,
}


@pytest.mark.parametrize("difference", [d.id for d in DIFFERENCES])
def test_each_named_difference_is_there_and_only_where_it_is_named(difference, engine_site, plans):
    CHECKS[difference](engine_site, plans)


def test_every_difference_has_a_check_and_a_line_in_the_engines_page():
    assert set(CHECKS) == DIFFERENCE_IDS
    missing = [d.id for d in DIFFERENCES if f"`{d.id}`" not in ENGINES_PAGE]
    assert missing == [], f"document these engine differences in docs/engines.md: {missing}"
    for command in ("properdocs build --strict", "kokeilu render --out", "zensical build --strict"):
        assert command in ENGINES_PAGE, command
