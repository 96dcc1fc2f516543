"""The finder in Chromium on every engine's build: the same answers as on the MkDocs build.

The builds are the session's (fixture ``engine_site``, tests/engines.py), each served on
127.0.0.1. The finder is our own page, index and script, so it must work the same on every
engine: a query typed into it, the header search that leads to it, and Material's instant
navigation (on in the repository's mkdocs.yml; Zensical has its own) that reaches it without a
page load. No page may log an error or request anything off 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import serve
from tests.browser.test_finder_in_browser import (
    Session,
    all_results,
    finder_url_of,
    search,
    wait_for_query,
    wait_rendered,
)
from tests.conftest import SITES
from tests.engines import ENGINES, OTHER_ENGINES
from tests.samples import title_word, translated_experiment

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@pytest.fixture(scope="module")
def queries(shipped) -> dict[str, tuple[str, str]]:
    """A word in each site's catalogue and the experiment it must find: in the shipped one, a
    word of the title of an experiment chosen by its properties (tests/samples.py)."""
    entry = translated_experiment(shipped)
    return {
        "repo": (title_word(entry.title), entry.url),
        "fixture": ("kiertotalous", "/kokeilut/kiertotalous-tampere/"),
    }


@pytest.fixture(scope="module")
def servers(engine_site) -> Iterator:
    """``servers(site, engine)``: the base URL of that build, served for the module."""
    running: dict[tuple[str, str], tuple[Iterator[str], str]] = {}

    def base(site: str, engine: str) -> str:
        if (site, engine) not in running:
            generator = serve(engine_site(site, engine))
            running[(site, engine)] = (generator, next(generator))
        return running[(site, engine)][1]

    yield base
    for generator, _ in running.values():
        generator.close()


def _session(browser, base: str) -> Session:
    return Session(browser, base, 1280)


def _off_host(session: Session) -> list[str]:
    return [url for url in session.requests if urlsplit(url).hostname != "127.0.0.1"]


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("engine", ENGINES)
def test_the_finder_answers_a_query_as_on_the_mkdocs_build(browser, servers, queries, site, engine):
    query, expected = queries[site]
    answers = {}
    for which in dict.fromkeys(("mkdocs", engine)):
        session = _session(browser, servers(site, which))
        try:
            page = session.open("haku/")
            detail = search(page, query)
            answers[which] = (detail["count"], all_results(page))
            wait_for_query(page, {"q": [query]})
            assert session.errors == [] and _off_host(session) == [], which
        finally:
            session.close()
    count, results = answers[engine]
    assert expected in results and count == len(results)
    assert answers[engine] == answers["mkdocs"]


@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_the_header_search_leads_to_the_finder(browser, servers, queries, engine):
    query, expected = queries["repo"]
    session = _session(browser, servers("repo", engine))
    try:
        page = session.open(expected.lstrip("/"), finder=False)
        page.fill("#kk-header-q", query)
        page.press("#kk-header-q", "Enter")
        page.wait_for_url(finder_url_of(query))
        wait_rendered(page, 0, query)
        assert page.input_value("#kk-finder-q") == query
        assert expected in all_results(page)
        assert session.errors == [] and _off_host(session) == []
    finally:
        session.close()


@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_instant_navigation_reaches_the_finder_without_a_page_load(browser, servers, queries, engine):
    query, expected = queries["repo"]
    session = _session(browser, servers("repo", engine))
    try:
        session.serve_sitemap(["", "haku/", expected.lstrip("/")])
        page = session.open("", finder=False)
        page.wait_for_load_state("networkidle")  # the theme has read the sitemap
        page.evaluate("window.__samePage = true")
        page.locator('nav a[href$="haku/"]:visible').first.click()
        page.wait_for_url("**/haku/")
        wait_rendered(page, 0)
        assert page.evaluate("window.__samePage === true"), f"{engine}: the finder page was loaded anew"
        search(page, query)
        assert expected in all_results(page)
        assert session.errors == [] and _off_host(session) == []
    finally:
        session.close()
