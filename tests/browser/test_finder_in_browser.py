"""The finder at /haku/ in Chromium, served on 127.0.0.1: on the shipped catalogue (grown by
tests/growth.py) and, for queries that must find a known entry, on the fixture site
(tests/fixtures/site/).

Queries and Finnish inflection, a facet, facet counts checked against counts computed here from
the catalogue's own files (front matter read with PyYAML, not with the generator), browsing
newest first, URL state (open, reload, back, forward), the header search, the keyboard alone,
the status line, Material's instant navigation, and no console or page errors anywhere.

Waiting is never a sleep: finder.js dispatches ``kk-finder:rendered`` on #kk-finder after every
render and sets ``data-state="ready"``; an init script records every such event's detail.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.browser.conftest import RECORD_RENDERS
from tests.samples import title_word, translated_experiment

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

RENDERED_AFTER = """([count, query]) => {
  const renders = window.__kkRendered || [];
  const finder = document.getElementById('kk-finder');
  return renders.length > count && finder !== null && finder.dataset.state === 'ready'
    && (query === null || renders[renders.length - 1].query === query);
}"""

RESULT_PATHS = "els => els.map(a => new URL(a.href).pathname)"


# -- the catalogue, read independently of the generator and of finder.js ----------------------


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    _, head, _ = text.split("---\n", 2)
    return yaml.safe_load(head)


def _entries(root: Path, folder: str) -> dict[str, dict]:
    """The entries of a folder; not their translated bodies (``x.sv.md``, no front matter)."""
    return {
        path.stem: _front_matter(path)
        for path in sorted((root / folder).glob("*.md"))
        if path.name != "index.md" and "." not in path.stem
    }


@pytest.fixture(scope="module")
def experiments(shipped_root) -> dict[str, dict]:
    return _entries(shipped_root, "experiments")


@pytest.fixture(scope="module")
def learnings(shipped_root) -> dict[str, dict]:
    return _entries(shipped_root, "content/opit")


@pytest.fixture(scope="module")
def fixture_experiments(fixture_site) -> dict[str, dict]:
    return _entries(fixture_site, "experiments")


@pytest.fixture(scope="module")
def fixture_learnings(fixture_site) -> dict[str, dict]:
    return _entries(fixture_site, "content/opit")


# Entries of the fixture site the queries below must find.
BASIC_INCOME = "/kokeilut/perustulokoe-tyottomille/"  # "Perustulokoe", translated (sv, en)
VILLAGE_SCHOOL = "/kokeilut/kylakoulu-iltaisin/"  # untranslated; its summary says "Kunta"
COMPOUND = "/opit/kuntakokeilun-tilat-sovittava/"  # "Kuntakokeilun" in its title


def _year(value) -> str:
    """The start/date year as text, or "tuntematon"."""
    text = str(value) if value is not None else "tuntematon"
    return text[:4] if re.match(r"\d{4}", text) else "tuntematon"


# -- driving the finder -----------------------------------------------------------------------


class Session:
    """One browser context: every page's console errors and page errors, and its requests."""

    def __init__(self, browser, base: str, width: int) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.context.add_init_script(RECORD_RENDERS)
        self.errors: list[str] = []
        self.requests: list[str] = []

    def open(self, path: str, *, finder: bool = True):
        page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.goto(self.base + path)
        if finder:
            wait_rendered(page, 0)
        return page

    def serve_sitemap(self, paths: list[str]) -> None:
        """Answer sitemap.xml with these pages at the test server's address.

        Material's instant navigation only intercepts links to pages in sitemap.xml, whose
        URLs come from site_url: none here, and never this server's random port.
        """
        urls = "".join(f"<url><loc>{self.base}{path}</loc></url>" for path in paths)
        body = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        self.context.route(
            "**/sitemap.xml", lambda route: route.fulfill(body=body, content_type="application/xml")
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def session(browser, site_server):
    s = Session(browser, site_server, 1280)
    yield s
    s.close()


@pytest.fixture
def fixture_session(browser, fixture_server):
    s = Session(browser, fixture_server, 1280)
    yield s
    s.close()


def renders(page) -> int:
    return page.evaluate("(window.__kkRendered || []).length")


def wait_rendered(page, after: int, query: str | None = None) -> dict:
    """Wait for a render after the first ``after`` (of ``query``, if given); return its detail."""
    page.wait_for_function(RENDERED_AFTER, arg=[after, query])
    return page.evaluate("window.__kkRendered[window.__kkRendered.length - 1]")


def search(page, text: str) -> dict:
    before = renders(page)
    page.fill("#kk-finder-q", text)
    return wait_rendered(page, before, text)


def toggle(page, param: str, value: str) -> dict:
    before = renders(page)
    page.click(f'#kk-finder input[name="{param}"][value="{value}"]')
    return wait_rendered(page, before)


def shown(page) -> list[str]:
    return page.eval_on_selector_all("#kk-finder-results > li a", RESULT_PATHS)


def all_results(page) -> list[str]:
    """Every result: "Näytä lisää" until it hides."""
    while page.is_visible("#kk-finder-more"):
        before = renders(page)
        page.click("#kk-finder-more")
        wait_rendered(page, before)
    return shown(page)


def status(page) -> str:
    return page.inner_text("#kk-finder-status")


def counts(page) -> dict[str, dict[str, int]]:
    """The count beside every facet value, as shown."""
    return page.evaluate(
        """() => {
          const out = {};
          for (const box of document.querySelectorAll('#kk-finder .kk-filter input[type=checkbox]')) {
            const text = box.closest('label').querySelector('.kk-filter__count').textContent;
            (out[box.name] = out[box.name] || {})[box.value] = Number(text.replace(/[()]/g, ''));
          }
          return out;
        }"""
    )


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def wait_for_query(page, expected: dict[str, list[str]]) -> None:
    """The URL's query parameters become ``expected`` (typing updates it after a short delay)."""
    page.wait_for_function(
        """(expected) => {
          const params = new URLSearchParams(location.search);
          const keys = [...new Set([...params.keys()])];
          return keys.length === Object.keys(expected).length
            && keys.every(k => JSON.stringify(params.getAll(k)) === JSON.stringify(expected[k]));
        }""",
        arg=expected,
    )


def finder_url_of(query: str):
    """A predicate for ``page.wait_for_url``: the finder's URL with exactly this query (whatever
    its letters, percent-encoded or not)."""
    return lambda url: (
        urlsplit(url).path.endswith("/haku/") and parse_qs(urlsplit(url).query) == {"q": [query]}
    )


def count_text(n: int) -> str:
    return "1 tulos" if n == 1 else f"{n} tulosta"


# -- tests --------------------------------------------------------------------------------------


def test_a_query_finds_the_experiment_and_puts_it_in_the_url(fixture_session):
    session = fixture_session
    page = session.open("haku/")
    detail = search(page, "perustulo")
    assert BASIC_INCOME in shown(page)
    assert detail["count"] == len(shown(page))
    assert status(page) == f"{count_text(detail['count'])} haulla ”perustulo”"
    wait_for_query(page, {"q": ["perustulo"]})
    assert session.errors == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # "perustulon" (genitive) → stem "perustulo" → the title word "Perustulokoe".
        ("perustulon", BASIC_INCOME),
        # "kunnissa" (inessive plural) and "kuntien" (genitive plural) → "kun", like "kunta"
        # itself: the summary of this experiment says "Kunta avasi".
        ("kunnissa", VILLAGE_SCHOOL),
        ("kuntien", VILLAGE_SCHOOL),
        # ... and the compound "Kuntakokeilun" in a title.
        ("kuntien", COMPOUND),
    ],
)
def test_an_inflected_query_finds_other_forms_of_the_word(fixture_session, query, expected):
    page = fixture_session.open("haku/")
    search(page, query)
    assert expected in all_results(page)
    assert fixture_session.errors == []


def test_a_facet_narrows_the_results_and_updates_the_url(fixture_session):
    session = fixture_session
    page = session.open("haku/?q=kunnissa")
    before = all_results(page)
    assert page.input_value("#kk-finder-q") == "kunnissa"
    detail = toggle(page, "laji", "oppi")
    after = all_results(page)
    assert page.is_checked('#kk-finder input[name="laji"][value="oppi"]')
    assert 0 < len(after) < len(before)
    assert detail["count"] == len(after)
    assert all(path.startswith("/opit/") for path in after)
    assert [p for p in before if p.startswith("/opit/")] == after  # relevance order kept
    assert query_of(page) == {"q": ["kunnissa"], "laji": ["oppi"]}
    assert status(page) == f"{count_text(len(after))} haulla ”kunnissa”"
    assert session.errors == []


def test_facet_counts_equal_the_catalogue(session, experiments, learnings):
    page = session.open("haku/")
    assert counts(page)["laji"] == {"kokeilu": len(experiments), "oppi": len(learnings)}
    assert status(page) == count_text(len(experiments) + len(learnings))

    # Only experiments: every other facet counts experiments by their own front matter.
    toggle(page, "laji", "kokeilu")
    shown_counts = counts(page)
    assert status(page) == count_text(len(experiments))
    # Own facet: what ticking gives (OR): "oppi" as well would give both kinds.
    assert shown_counts["laji"] == {"kokeilu": len(experiments), "oppi": len(experiments) + len(learnings)}
    levels = Counter(e["level"] for e in experiments.values())
    assert {k: v for k, v in shown_counts["taso"].items() if v} == dict(levels)
    statuses = Counter(e["status"] for e in experiments.values())
    assert {k: v for k, v in shown_counts["tila"].items() if v} == dict(statuses)
    themes = Counter(t for e in experiments.values() for t in e["themes"])
    assert {k: v for k, v in shown_counts["teema"].items() if v} == dict(themes)
    years = Counter(_year(e.get("start")) for e in experiments.values())
    assert {k: v for k, v in shown_counts["vuosi"].items() if v} == dict(years)

    # Experiments at grassroots level: the level facet still counts every level (a value of
    # the same facet widens the selection); the status facet counts grassroots experiments.
    toggle(page, "taso", "ruohonjuuri")
    shown_counts = counts(page)
    grassroots = [e for e in experiments.values() if e["level"] == "ruohonjuuri"]
    assert status(page) == count_text(len(grassroots))
    assert len(all_results(page)) == len(grassroots)
    # Each other level: what ticking it as well gives (the grassroots ones and its own).
    assert {k: v for k, v in shown_counts["taso"].items() if v} == {
        k: v if k == "ruohonjuuri" else v + len(grassroots) for k, v in levels.items()
    }
    assert {k: v for k, v in shown_counts["tila"].items() if v} == dict(
        Counter(e["status"] for e in grassroots)
    )
    assert query_of(page) == {"laji": ["kokeilu"], "taso": ["ruohonjuuri"]}
    assert session.errors == []


def _outcome(entry: dict) -> str | None:
    return (entry.get("result") or {}).get("outcome")


def test_the_evidence_facets_count_designs_and_outcomes_and_find_what_did_not_work(
    session, experiments, learnings
):
    page = session.open("haku/")
    toggle(page, "laji", "kokeilu")
    shown_counts = counts(page)
    designs = Counter(e["evaluation"]["design"] for e in experiments.values() if e.get("evaluation"))
    assert {k: v for k, v in shown_counts["arviointi"].items() if v} == dict(designs)
    outcomes = Counter(_outcome(e) for e in experiments.values() if _outcome(e))
    assert {k: v for k, v in shown_counts["tulos"].items() if v} == dict(outcomes)

    # "Did not work": the experiments whose outcome says so ...
    toggle(page, "tulos", "ei-toiminut")
    failed = {slug for slug, e in experiments.items() if _outcome(e) == "ei-toiminut"}
    assert failed
    assert set(all_results(page)) == {f"/kokeilut/{slug}/" for slug in failed}
    assert query_of(page) == {"laji": ["kokeilu"], "tulos": ["ei-toiminut"]}
    # ... and, with learnings back in, the learnings drawn from them.
    toggle(page, "laji", "kokeilu")
    drawn = {slug for slug, learning in learnings.items() if failed & set(learning["experiments"])}
    assert set(all_results(page)) == {f"/kokeilut/{s}/" for s in failed} | {f"/opit/{s}/" for s in drawn}
    assert query_of(page) == {"tulos": ["ei-toiminut"]}
    assert status(page) == count_text(len(failed) + len(drawn))
    assert session.errors == []


def test_a_url_with_both_evidence_facets_opens_the_randomised_trial(fixture_session, fixture_experiments):
    session, experiments = fixture_session, fixture_experiments
    page = session.open("haku/?arviointi=satunnaistettu&tulos=osittain&laji=kokeilu")
    assert page.is_checked('#kk-finder input[name="arviointi"][value="satunnaistettu"]')
    assert page.is_checked('#kk-finder input[name="tulos"][value="osittain"]')
    expected = {
        f"/kokeilut/{slug}/"
        for slug, e in experiments.items()
        if (e.get("evaluation") or {}).get("design") == "satunnaistettu" and _outcome(e) == "osittain"
    }
    assert BASIC_INCOME in expected
    assert set(all_results(page)) == expected
    # A change rewrites the URL in the finder's order: laji, …, arviointi, tulos, vuosi.
    toggle(page, "tulos", "toimi")
    wait_for_query(
        page, {"laji": ["kokeilu"], "arviointi": ["satunnaistettu"], "tulos": ["toimi", "osittain"]}
    )
    assert urlsplit(page.url).query == "laji=kokeilu&arviointi=satunnaistettu&tulos=toimi&tulos=osittain"
    assert session.errors == []


def test_an_empty_query_browses_everything_newest_first(session, experiments, learnings):
    page = session.open("haku/")
    assert len(shown(page)) == 10
    assert page.is_visible("#kk-finder-more")
    # Only the display records of the results on screen were fetched.
    chunks = {urlsplit(u).path for u in session.requests if "/haku/data/docs/" in u}
    assert chunks == {"/haku/data/docs/0.json"}

    # "Näytä lisää" shows 10 more and moves the focus to the first of them.
    before = renders(page)
    page.click("#kk-finder-more")
    wait_rendered(page, before)
    assert len(shown(page)) == 20
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('#kk-finder-results > li a')[10]"
    )

    paths = all_results(page)
    assert not page.is_visible("#kk-finder-more")
    assert len(paths) == len(set(paths)) == len(experiments) + len(learnings)
    years = []
    for path in paths:
        kind, slug = path.strip("/").split("/")
        entry = experiments[slug] if kind == "kokeilut" else learnings[slug]
        years.append(_year(entry.get("start" if kind == "kokeilut" else "date")))
    known = [y for y in years if y != "tuntematon"]
    assert known == sorted(known, reverse=True)
    assert years == known + ["tuntematon"] * (len(years) - len(known))  # unknown dates last
    assert session.errors == []


def test_the_url_reproduces_the_view_on_open_reload_back_and_forward(fixture_session):
    session = fixture_session
    page = session.open("haku/?q=kunta&teema=maaseutu")
    assert page.input_value("#kk-finder-q") == "kunta"
    assert page.is_checked('#kk-finder input[name="teema"][value="maaseutu"]')
    first = all_results(page)
    first_status = status(page)
    assert first and first_status.endswith("haulla ”kunta”")

    page.reload()
    wait_rendered(page, 0)
    assert page.input_value("#kk-finder-q") == "kunta"
    assert page.is_checked('#kk-finder input[name="teema"][value="maaseutu"]')
    assert all_results(page) == first

    toggle(page, "laji", "kokeilu")
    second = all_results(page)
    assert second != first
    assert query_of(page) == {"q": ["kunta"], "teema": ["maaseutu"], "laji": ["kokeilu"]}

    before = renders(page)
    page.go_back()
    wait_rendered(page, before)
    assert query_of(page) == {"q": ["kunta"], "teema": ["maaseutu"]}
    assert not page.is_checked('#kk-finder input[name="laji"][value="kokeilu"]')
    assert all_results(page) == first
    assert status(page) == first_status

    before = renders(page)
    page.go_forward()
    wait_rendered(page, before)
    assert page.is_checked('#kk-finder input[name="laji"][value="kokeilu"]')
    assert all_results(page) == second
    assert session.errors == []


def test_the_header_search_leads_to_the_finder(fixture_session):
    session = fixture_session
    page = session.open(BASIC_INCOME.lstrip("/"), finder=False)
    # A page without the finder loads none of it.
    assert not [u for u in session.requests if "/haku/data/" in u or "/lunr" in u]
    page.fill("#kk-header-q", "perustulon")
    page.press("#kk-header-q", "Enter")
    page.wait_for_url("**/haku/?q=perustulon")
    wait_rendered(page, 0, "perustulon")
    assert page.input_value("#kk-finder-q") == "perustulon"
    assert BASIC_INCOME in shown(page)

    # On /haku/ itself the header search updates the finder without reloading the page.
    page.evaluate("window.__samePage = true")
    before = renders(page)
    page.fill("#kk-header-q", "kiertotalous")
    page.press("#kk-header-q", "Enter")
    wait_rendered(page, before, "kiertotalous")
    assert page.evaluate("window.__samePage") is True
    assert query_of(page) == {"q": ["kiertotalous"]}
    assert page.input_value("#kk-finder-q") == "kiertotalous"
    assert shown(page)
    assert session.errors == []


def test_the_header_search_is_a_labelled_get_form(session):
    page = session.open("", finder=False)
    form = page.locator("form.kk-header-search")
    assert form.get_attribute("method") == "get"
    assert form.get_attribute("role") == "search"
    assert page.get_by_label("Hae kokeiluista ja opeista").first.get_attribute("name") == "q"
    assert page.get_by_role("button", name="Hae").first.is_visible()
    assert session.errors == []


def test_the_keyboard_alone_searches_and_filters(fixture_session):
    session = fixture_session
    page = session.open("haku/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "kk-finder-q":
            break
    else:
        pytest.fail("Tab never reached the finder's search field")

    before = renders(page)
    page.keyboard.type("perustulo")
    wait_rendered(page, before, "perustulo")
    assert page.evaluate("document.activeElement.id") == "kk-finder-q"  # focus stays while typing

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hae"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Siirry tuloksiin"
    page.keyboard.press("Tab")
    box = page.evaluate(
        "[document.activeElement.type, document.activeElement.name, document.activeElement.value]"
    )
    assert box[0] == "checkbox"
    before = renders(page)
    page.keyboard.press("Space")
    wait_rendered(page, before)
    assert page.evaluate("document.activeElement.checked") is True
    assert query_of(page) == {"q": ["perustulo"], box[1]: [box[2]]}

    # No focus trap: Tab goes through the facets and the results and out of the finder.
    seen_result = False
    for _ in range(300):
        page.keyboard.press("Tab")
        inside, in_results = page.evaluate(
            """() => [!!document.activeElement.closest('#kk-finder'),
                      !!document.activeElement.closest('#kk-finder-results')]"""
        )
        seen_result = seen_result or in_results
        if not inside:
            break
    else:
        pytest.fail("Tab never left the finder")
    assert seen_result
    assert session.errors == []


def test_the_status_line_announces_the_count(fixture_session):
    session = fixture_session
    page = session.open("haku/")
    live = page.locator("#kk-finder-status")
    assert live.get_attribute("role") == "status"
    assert live.get_attribute("aria-live") == "polite"
    detail = search(page, "perustulo")
    assert re.fullmatch(r"\d+ tulos(ta)? haulla ”perustulo”", status(page))
    assert status(page).startswith(f"{detail['count']} ")

    detail = search(page, "xyzzyqw")
    assert detail["count"] == 0
    assert status(page).startswith("Ei tuloksia haulla ”xyzzyqw”.")
    assert shown(page) == []
    assert not page.is_visible("#kk-finder-more")
    assert session.errors == []


def test_a_failed_download_is_reported_in_finnish_without_a_script_error(session):
    session.context.route("**/haku/data/terms/**", lambda route: route.abort())
    page = session.open("haku/")
    page.fill("#kk-finder-q", "perustulo")
    page.wait_for_selector('#kk-finder[data-state="error"]')
    assert status(page) == "Haku ei latautunut. Tarkista verkkoyhteys ja lataa sivu uudelleen."
    # The aborted requests themselves are logged by the browser; nothing else is.
    assert [e for e in session.errors if "net::ERR_FAILED" not in e] == []


def test_the_finder_works_with_instant_navigation(session, shipped_root, shipped):
    config = yaml.safe_load((shipped_root / "mkdocs.yml").read_text(encoding="utf-8"))
    instant = "navigation.instant" in (config["theme"].get("features") or [])
    # A query from a title (of an entry chosen by its properties); every experiment and learning
    # is in the sitemap, so whichever result comes first is reached by instant navigation.
    query = title_word(translated_experiment(shipped).title)
    entries = [*shipped.experiments.values(), *shipped.learnings.values()]
    session.serve_sitemap(["", "haku/", *(e.url.lstrip("/") for e in entries)])
    page = session.open("", finder=False)
    page.wait_for_load_state("networkidle")  # Material has read the sitemap
    page.evaluate("window.__samePage = true")
    page.locator('.md-nav a[href$="haku/"]').first.click()
    page.wait_for_url("**/haku/")
    wait_rendered(page, 0)
    assert len(shown(page)) == 10
    assert (page.evaluate("window.__samePage === true")) is instant

    search(page, query)
    wait_for_query(page, {"q": [query]})
    results = shown(page)
    assert results
    page.locator(f'#kk-finder-results a[href$="{results[0]}"]').first.click()
    page.wait_for_url(f"**{results[0]}")
    page.wait_for_selector("#kk-finder", state="detached")
    assert page.evaluate("window.__samePage === true") is instant

    # Back to the finder: it initialises again, from the URL.
    before = renders(page)
    page.go_back()
    page.wait_for_url(finder_url_of(query))
    wait_rendered(page, before, query)
    assert page.input_value("#kk-finder-q") == query
    assert shown(page) == results
    assert session.errors == []


def test_the_finder_fits_a_phone_screen(browser, site_server):
    s = Session(browser, site_server, 360)
    try:
        page = s.open("haku/?q=kunta")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        # On a phone the header search is a magnifier linking to the finder (issue 22).
        assert page.is_visible(".kk-header-search__link") and not page.is_visible("#kk-header-q")
        assert s.errors == []
    finally:
        s.close()


def test_a_hostile_title_is_shown_as_text(browser, fixture_server):
    s = Session(browser, fixture_server, 1280)
    try:
        page = s.open("haku/?teema=kulttuuri")
        link = page.locator('#kk-finder-results a[href$="/kokeilut/erikoismerkit/"]')
        title = link.inner_text()
        assert "<b>lihavoitu</b>" in title and "</title><script>" in title
        assert page.locator("#kk-finder-results b, #kk-finder-results script").count() == 0
        assert page.evaluate("window.kkInjected") is None
        assert s.errors == []
    finally:
        s.close()


# -- the Swedish and English finders (issue 9) ----------------------------------------------------

LANGUAGE_FINDERS = [
    # (language, a query in it, the laji facet's legend, a status value's label, the count's words)
    ("sv", "basinkomst", "Typ", ("paattynyt", "Avslutat"), ("träff", "träffar"), " för ”{}”"),
    ("en", "basic income", "Kind", ("paattynyt", "Completed"), ("result", "results"), " for “{}”"),
]


def _count_in(words: tuple[str, str], n: int) -> str:
    return f"{n} {words[0] if n == 1 else words[1]}"


@pytest.mark.parametrize(
    ("language", "query", "legend", "status_value", "words", "for_query"), LANGUAGE_FINDERS
)
def test_each_language_s_finder_finds_the_basic_income_experiment_in_its_language(
    fixture_session,
    fixture_experiments,
    fixture_learnings,
    language,
    query,
    legend,
    status_value,
    words,
    for_query,
):
    session, experiments, learnings = fixture_session, fixture_experiments, fixture_learnings
    page = session.open(f"{language}/haku/")
    assert status(page) == _count_in(words, len(experiments) + len(learnings))
    assert page.locator('#kk-finder [data-facet="laji"] legend').inner_text().strip() == legend
    value, label = status_value
    box_label = page.locator(f'#kk-finder input[name="tila"][value="{value}"]').locator("xpath=..")
    assert label in box_label.inner_text()

    detail = search(page, query)
    paths = shown(page)
    assert f"/{language}{BASIC_INCOME}" in paths[:3]
    assert all(p.startswith((f"/{language}/kokeilut/", f"/{language}/opit/")) for p in paths)
    assert status(page) == _count_in(words, detail["count"]) + for_query.format(query)
    wait_for_query(page, {"q": [query]})
    # The Finnish words of the catalogue still find it (the finder's Finnish pass).
    search(page, "perustulon")
    assert f"/{language}{BASIC_INCOME}" in shown(page)
    assert session.errors == []


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_result_shown_in_finnish_on_another_language_s_finder_says_so(fixture_session, language):
    session = fixture_session
    page = session.open(f"{language}/haku/?q=kunnissa")
    paths = all_results(page)
    assert paths and all(p.startswith(f"/{language}/") for p in paths)
    items = page.locator("#kk-finder-results > li").filter(has=page.locator('h2[lang="fi"]'))
    assert items.count() > 0  # untranslated entries, found by a Finnish word
    assert f"/{language}{VILLAGE_SCHOOL}" in paths
    item = items.first
    assert item.locator(".kk-result__summary").get_attribute("lang") == "fi"
    assert item.locator(".kk-result__meta").get_attribute("lang") is None
    assert page.evaluate("document.documentElement.lang") == language
    assert session.errors == []
