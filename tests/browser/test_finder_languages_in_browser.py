"""finder.js in each language, in Chromium, on a small site of its own: the fixture site's
finder data (tests/fixtures/site/, whose entries are known) in Finnish, Swedish and English
(generator/search/index.py), the shared scripts, and a bare page per language with the finder's
element, served on 127.0.0.1.

It needs no MkDocs and no page templates, so it tests the data contract between
generator/search/index.py and finder.js alone: the data folder and the result links follow
``data-lang`` (a missing one is Finnish), the query runs in the language's pipeline and then
in Finnish, messages are in the language, and a result shown in another language than the
page's says so with ``lang``. tests/browser/test_finder_in_browser.py drives the real pages.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.content.catalogue import Catalogue
from generator.content.check import load_catalogue
from generator.search.index import SearchData, finder_assets, search_data
from tests.browser.conftest import serve
from tests.browser.test_finder_in_browser import Session, search, shown, status, wait_rendered

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>finder {lang}</title><link rel="icon" href="data:,"></head>
<body>
<div class="kk-finder" id="kk-finder" data-version="{version}" data-root="{root}"{data_lang}>
<form class="kk-finder__search" role="search" action="./" method="get">
<input id="kk-finder-q" type="search" name="q" autocomplete="off">
<button type="submit">Hae</button>
{facets}
</form>
<p class="kk-finder__status" id="kk-finder-status" role="status" aria-live="polite"></p>
<ol class="kk-finder__results" id="kk-finder-results"></ol>
<button type="button" class="kk-finder__more" id="kk-finder-more" hidden>+</button>
</div>
<script src="{root}assets/haku/finder.js"></script>
</body></html>
"""


def _facets(data: SearchData) -> str:
    counts = data.counts()
    out = []
    for facet in data.facets:
        values = "".join(
            f'<label class="kk-filter__value"><input type="checkbox" name="{facet.param}" '
            f'value="{html.escape(value)}"> {html.escape(label)} '
            f'<span class="kk-filter__count">({counts[facet.param][value]})</span></label>'
            for value, label in facet.values
        )
        out.append(
            f'<fieldset class="kk-filter" data-facet="{facet.param}">'
            f"<legend>{html.escape(facet.label)}</legend>{values}</fieldset>"
        )
    return "\n".join(out)


# The fixture site's entries the queries must find.
BASIC_INCOME = "kokeilut/perustulokoe-tyottomille/"  # translated: title, summary and body
ITS_LEARNING = "opit/perustulo-ei-lisannyt-tyollisyytta/"  # translated: title and summary
VILLAGE_SCHOOL = "kokeilut/kylakoulu-iltaisin/"  # untranslated; its summary says "Kunta"


@pytest.fixture(scope="module")
def catalogue(fixture_site) -> Catalogue:
    return load_catalogue(fixture_site)


@pytest.fixture(scope="module")
def small_site(catalogue, tmp_path_factory) -> Path:
    """The three languages' data, the shared scripts once, and one page per language; the
    Finnish page has no data-lang (the default)."""
    folder = tmp_path_factory.mktemp("finder-languages")
    files = list(finder_assets())
    for language in ("fi", "sv", "en"):
        data = search_data(catalogue, language)
        files += data.files()
        prefix = "" if language == "fi" else f"{language}/"
        page = folder / prefix / "haku" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            PAGE.format(
                lang=language,
                version=data.version,
                root="../" if language == "fi" else "../../",
                data_lang="" if language == "fi" else f' data-lang="{language}"',
                facets=_facets(data),
            ),
            encoding="utf-8",
        )
    names = [f.src_uri for f in files]
    assert len(names) == len(set(names)), "a file published twice"
    for file in files:
        target = folder / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    return folder


@pytest.fixture(scope="module")
def small_server(small_site):
    yield from serve(small_site)


@pytest.fixture
def session(browser, small_server):
    s = Session(browser, small_server, 1280)
    yield s
    s.close()


def _fetched(session: Session, part: str) -> list[str]:
    return [urlsplit(u).path for u in session.requests if part in u]


def test_a_swedish_query_finds_the_basic_income_experiment_in_swedish(session, catalogue):
    page = session.open("sv/haku/")
    detail = search(page, "basinkomst")
    paths = shown(page)
    assert paths == [f"/sv/{ITS_LEARNING}", f"/sv/{BASIC_INCOME}"]  # as in Python (lunr.py)
    assert all(p.startswith(("/sv/kokeilut/", "/sv/opit/")) for p in paths)
    n = detail["count"]
    assert status(page) == ("1 träff" if n == 1 else f"{n} träffar") + " för ”basinkomst”"
    link = page.locator(f'a[href$="/sv/{BASIC_INCOME}"]')
    entry = catalogue.experiments[BASIC_INCOME.split("/")[1]]
    assert (
        link.inner_text() == entry.values["translations"]["sv"]["title"] == "Basinkomstförsök för arbetslösa"
    )
    item = page.locator("#kk-finder-results > li", has=link)
    assert item.locator("[lang]").count() == 0  # translated: all in the page's language
    assert item.locator(".kk-result__meta").inner_text().startswith("Försök · ")
    # Only the Swedish data, and lunr.sv.js for the Swedish words, lunr.fi.js for the Finnish ones.
    assert _fetched(session, "/haku/data/") and all(
        p.startswith("/sv/haku/data/") for p in _fetched(session, "/haku/data/")
    )
    assert {"/assets/haku/lunr.sv.js", "/assets/haku/lunr.fi.js"} <= set(_fetched(session, "/assets/haku/"))
    assert session.errors == []


def test_an_english_query_finds_the_basic_income_experiment_in_english(session):
    page = session.open("en/haku/")
    detail = search(page, "basic income")
    assert shown(page) == [f"/en/{ITS_LEARNING}", f"/en/{BASIC_INCOME}"]  # as in Python (lunr.py)
    n = detail["count"]
    assert status(page) == ("1 result" if n == 1 else f"{n} results") + " for “basic income”"
    assert page.locator("#kk-finder-results > li h2").all_inner_texts() == [
        "Basic income did not increase employment, but wellbeing improved",
        "Basic income trial for the unemployed",
    ]
    assert "/assets/haku/lunr.sv.js" not in _fetched(session, "/assets/haku/")
    assert all(p.startswith("/en/haku/data/") for p in _fetched(session, "/haku/data/"))
    assert session.errors == []


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_finnish_word_finds_an_untranslated_entry_which_says_it_is_finnish(session, language):
    page = session.open(f"{language}/haku/")
    search(page, "kunnissa")
    target = f"/{language}/{VILLAGE_SCHOOL}"
    while target not in shown(page) and page.is_visible("#kk-finder-more"):
        before = page.evaluate("window.__kkRendered.length")
        page.click("#kk-finder-more")
        wait_rendered(page, before)
    link = page.locator(f'a[href$="{target}"]')
    item = page.locator("#kk-finder-results > li", has=link)
    assert item.locator("h2").get_attribute("lang") == "fi"
    assert item.locator(".kk-result__summary").get_attribute("lang") == "fi"
    assert item.locator(".kk-result__meta").get_attribute("lang") is None  # the page's own words
    # "perustulon" is Finnish only: the Finnish pass finds the (translated) experiment.
    search(page, "perustulon")
    assert f"/{language}/{BASIC_INCOME}" in shown(page)
    assert session.errors == []


def test_facets_and_browsing_are_in_the_language(session, catalogue):
    page = session.open("sv/haku/")
    total = len(catalogue.experiments) + len(catalogue.learnings)
    assert status(page) == f"{total} träffar"
    assert page.locator('[data-facet="laji"] legend').inner_text() == "Typ"
    before = page.evaluate("window.__kkRendered.length")
    page.click('#kk-finder input[name="laji"][value="oppi"]')
    wait_rendered(page, before)
    assert status(page) == f"{len(catalogue.learnings)} träffar"
    assert all(p.startswith("/sv/opit/") for p in shown(page))
    search(page, "xyzzyqw")
    assert status(page) == "Inga träffar för ”xyzzyqw”. Pröva ett annat ord eller ta bort några val."
    assert session.errors == []


def test_without_data_lang_the_finder_is_finnish(session):
    page = session.open("haku/")
    detail = search(page, "perustulon")
    assert f"/{BASIC_INCOME}" in shown(page)
    n = detail["count"]
    assert status(page) == ("1 tulos" if n == 1 else f"{n} tulosta") + " haulla ”perustulon”"
    assert page.locator("#kk-finder-results [lang]").count() == 0
    assert all(p.startswith("/haku/data/") for p in _fetched(session, "/haku/data/"))
    assert "/assets/haku/lunr.sv.js" not in _fetched(session, "/assets/haku/")
    assert session.errors == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("sv", "Sökningen kunde inte laddas. Kontrollera nätverksanslutningen och ladda om sidan."),
        ("en", "The search did not load. Check your network connection and reload the page."),
    ],
)
def test_a_failed_download_is_reported_in_the_language(session, language, message):
    session.context.route("**/haku/data/terms/**", lambda route: route.abort())
    page = session.open(f"{language}/haku/")
    page.fill("#kk-finder-q", "kommun" if language == "sv" else "income")
    page.wait_for_selector('#kk-finder[data-state="error"]')
    assert status(page) == message
    assert [e for e in session.errors if "net::ERR_FAILED" not in e] == []


def test_the_three_languages_publish_distinct_data_and_shared_scripts(small_site):
    versions = {
        language: json.loads((small_site / prefix / "haku/data/meta.json").read_text(encoding="utf-8"))[
            "version"
        ]
        for language, prefix in (("fi", ""), ("sv", "sv"), ("en", "en"))
    }
    assert len(set(versions.values())) == 3
    assert sorted(p.name for p in (small_site / "assets/haku").iterdir()) == sorted(
        f.src_uri.rsplit("/", 1)[1] for f in finder_assets()
    )
