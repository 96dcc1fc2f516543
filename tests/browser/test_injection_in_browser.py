"""The injection corpus built and loaded in Chromium: no payload runs, every accepted one shows.

tests/injection/corpus.py writes the fixture site plus every payload in every field and body
that the checker accepts; this module builds it once (strict MkDocs) and serves it on 127.0.0.1.
Every page that carries a payload (found in the built HTML), in every language, is parsed by
Chromium's HTML parser and its DOM checked (below). Then, with their scripts, it visits every
such page but the entries' Swedish and English ones (the same scripts as the Finnish entry
pages, visited with every payload), and the finder: browsing everything, a query, facets, and a
search for each payload, with "Näytä lisää" until every result is shown. On every visited page
each element gets the events inline handlers listen to (mouseover, focus, toggle, load, error,
…) and every link in the content is focused; then:

- ``window.kkPwned`` is still undefined (every payload sets it to its id if it runs);
- no dialog opened, no page error, no request left 127.0.0.1;
- no element has an inline event handler, no frame, no script of a payload, and no link or
  source is javascript:, data: or vbscript: as the browser reads the address;
- the payloads are on the page as text: titles, summaries and other fields exactly, addresses as
  links, bodies as their text or attributes. A payload that were silently dropped fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator.i18n.languages import CODES, PRIMARY
from tests.browser.conftest import RECORD_RENDERS, serve
from tests.injection.corpus import MARKER_WORD, Corpus, normalise
from tests.injection.payloads import BY_ID, FLAG, Payload

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

OTHER_LANGUAGES = tuple(code for code in CODES if code != PRIMARY)
# Pages loading at once: their renderers work in parallel while the test probes them in turn.
PARALLEL = 3
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffd]")

# Every event an inline handler in a payload listens to; dispatched to every element. (Clicks
# are not: a javascript: link would navigate. No link may be one, which the probe checks.)
EVENTS = [
    "mouseover",
    "mouseenter",
    "mousemove",
    "mouseout",
    "pointerover",
    "pointerenter",
    "focus",
    "focusin",
    "blur",
    "toggle",
    "animationstart",
    "transitionend",
    "load",
    "error",
]

# The checks of one document's DOM, as the browser parsed it: no inline handler, no frame, no
# script of a payload or from another origin, no address that runs code. A JavaScript function
# body (``doc``, ``flag``) returning the problems; the live probe and the parsed pass share it.
DOM_CHECKS = """
  const problems = [];
  const describe = (el) => el.outerHTML.slice(0, 160);
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push('handler: ' + describe(el));
      if (name === 'srcdoc') problems.push('srcdoc: ' + describe(el));
      if (!['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'cite'].includes(name)) continue;
      // The address the way the browser reads it: controls and spaces stripped at the start,
      // tabs and newlines dropped, the scheme lower-cased (the URL parser does all of it).
      const raw = attr.value.replace(/^[\\u0000-\\u0020]+/, '').replace(/[\\t\\n\\r]/g, '').toLowerCase();
      let protocol = '';
      try { protocol = new URL(attr.value, location.href).protocol; } catch (e) { protocol = ''; }
      if (/^(javascript|data|vbscript):/.test(raw) || ['javascript:', 'data:', 'vbscript:'].includes(protocol)) {
        problems.push('address: ' + describe(el));
      }
    }
  }
  for (const el of doc.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv]')) {
    problems.push('element: ' + describe(el));
  }
  for (const script of doc.querySelectorAll('script')) {
    if (script.type === 'application/ld+json') {
      // Structured data carries the title and summary as JSON text, never run; it must parse
      // whole (a payload that ended the element early would leave broken JSON behind).
      try { JSON.parse(script.textContent); } catch (error) { problems.push('json-ld: ' + describe(script)); }
      continue;
    }
    if (script.textContent.includes(flag)) problems.push('script: ' + describe(script));
    const src = script.getAttribute('src');
    if (src !== null && new URL(src, location.href).origin !== location.origin) problems.push('script: ' + src);
  }
  return problems;
"""

PROBE = (
    """([flag, events, scope]) => {
  const all = Array.from(document.querySelectorAll(scope));
  for (const el of all) for (const type of events) el.dispatchEvent(new Event(type));
  for (const el of document.querySelectorAll('article a[href]')) el.focus({preventScroll: true});
  const problems = ((doc, flag) => {"""
    + DOM_CHECKS
    + """})(document, flag);
  const text = (selector) => { const el = document.querySelector(selector); return el ? el.textContent : null; };
  const article = document.querySelector('article') || document.body;
  return {
    flag: typeof window[flag] === 'undefined' ? null : String(window[flag]),
    problems: problems,
    title: document.title,
    h1: text('article h1'),
    lead: text('article .kk-lead'),
    article: article.textContent,
    hrefs: Array.from(article.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')),
    finder: document.querySelector('[data-kk-finder]') !== null,
  };
}"""
)

# Many pages parsed by the browser's own HTML parser (DOMParser: the DOM a visit would build,
# with no script run, no request and no layout), each through the same checks. Problems by path.
PARSED = (
    """async ([flag, paths]) => {
  const check = (doc) => {"""
    + DOM_CHECKS
    + """};
  const found = {};
  for (const path of paths) {
    const response = await fetch(path);
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const problems = response.ok ? check(doc) : ['HTTP ' + response.status];
    if (problems.length) found[path] = problems;
  }
  return found;
}"""
)

# The body of an entry or intro: from its "Injektiotesti pNN." paragraph to the next generated
# section (h2 with an id of the template's) or the end. Its text and the attributes a payload
# may end up in (href, src, alt, title).
BODY = """(marker) => {
  const start = Array.from(document.querySelectorAll('article p')).find((p) => p.textContent.trim() === marker);
  if (!start) return null;
  const parts = [];
  for (let node = start.nextElementSibling; node; node = node.nextElementSibling) {
    if (node.matches('h2#opit, h2#kokeilut, h2#samankaltaisia, aside.kk-facts')) break;
    parts.push(node.textContent);
    for (const el of [node, ...node.querySelectorAll('*')]) {
      for (const name of ['href', 'src', 'alt', 'title']) if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
    }
  }
  return parts.join('\\n');
}"""

RENDERED = """(count) => {
  const renders = window.__kkRendered || [];
  const finder = document.getElementById('kk-finder');
  const input = document.getElementById('kk-finder-q');
  return renders.length > count && finder.dataset.state === 'ready'
    && renders[renders.length - 1].query === input.value;
}"""


def visible(text: str) -> str:
    """Text as the page shows it, for comparing: without control characters (the HTML parser
    drops NUL, document.title others) and with whitespace runs as one space."""
    return normalise("".join(ch for ch in text if ch in "\t\n\r\f " or not _CONTROL.match(ch)))


def shows(payload: Payload, body: str) -> bool:
    """The body text or its attributes carry the payload: its script, or its text as it is (an
    encoded data: address shows only as itself). An unused reference definition shows nothing."""
    return not payload.body_shows or payload.script in body or payload.text in body


# -- the site and the browser --------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_site(injection_site) -> tuple[Corpus, Path, Path]:
    """The corpus, its catalogue and its built site: the session's strict MkDocs build."""
    return injection_site("mkdocs")


@pytest.fixture(scope="module")
def corpus(corpus_site) -> Corpus:
    return corpus_site[0]


@pytest.fixture(scope="module")
def built(corpus_site) -> Path:
    return corpus_site[2]


@pytest.fixture(scope="module")
def site_name(corpus_site) -> str:
    return yaml.safe_load((corpus_site[1] / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]


@pytest.fixture(scope="module")
def base(built) -> Iterator[str]:
    yield from serve(built)


class Browsing:
    """One browser context with a few pages that load in parallel; dialogs, page errors and
    requests to other hosts are recorded across every visit."""

    def __init__(self, browser, base: str, pages: int = PARALLEL) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(RECORD_RENDERS)
        self.context.on("request", self._request)
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.failures: list[str] = []
        self.pages = [self._page() for _ in range(pages)]

    def front(self):
        """The first page, in front: a page behind others gets no animation frames, which
        Playwright's clicks wait for."""
        self.pages[0].bring_to_front()
        return self.pages[0]

    def _page(self):
        page = self.context.new_page()
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        return page

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _request(self, request) -> None:
        if urlsplit(request.url).hostname not in {"127.0.0.1", None}:
            self.foreign.append(request.url)

    def visit(self, paths: list[str]) -> Iterator[tuple[str, dict, Any]]:
        """Load every path (several at a time), probe it, and yield (path, probe, page)."""
        for start in range(0, len(paths), len(self.pages)):
            batch = list(zip(self.pages, paths[start : start + len(self.pages)], strict=False))
            for page, path in batch:
                page.evaluate("url => { location.href = url; }", self.base + path)
            for page, path in batch:
                page.wait_for_url(self.base + path, wait_until="load")
                yield path, self.probe(page, path), page

    def probe(self, page, where: str, scope: str = "body *") -> dict:
        """Events to the elements in ``scope``, then the checks of the whole page."""
        found = page.evaluate(PROBE, [FLAG, EVENTS, scope])
        if found["flag"] is not None:
            self.failures.append(f"{where}: payload {found['flag']} ran")
        self.failures.extend(f"{where}: {problem}" for problem in found["problems"])
        return found

    def check(self, what: str, ok: bool) -> None:
        if not ok:
            self.failures.append(what)

    def assert_clean(self) -> None:
        assert not self.failures, "\n".join(self.failures)
        assert self.dialogs == []
        assert self.errors == []
        assert self.foreign == []

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def browsing(browser, base) -> Iterator[Browsing]:
    b = Browsing(browser, base)
    yield b
    b.close()


def payload_pages(site: Path) -> list[str]:
    """Every built page whose HTML carries a payload's script text, as a site path."""
    return sorted(
        "" if path.parent == site else path.parent.relative_to(site).as_posix() + "/"
        for path in site.rglob("index.html")
        if FLAG in path.read_text(encoding="utf-8")
    )


# -- tests ---------------------------------------------------------------------------------------


def test_entry_pages_show_every_payload_as_text_and_run_none(browsing, corpus, site_name):
    shown_at = {shown.url.lstrip("/"): shown for shown in corpus.shown}
    for path, found, page in browsing.visit(list(shown_at)):
        shown = shown_at[path]
        payload = BY_ID[shown.payload]
        where = f"{path} ({payload.id}, {payload.note})"
        browsing.check(f"{where}: h1", visible(found["h1"] or "") == visible(shown.title))
        browsing.check(
            f"{where}: <title>", visible(found["title"]) == f"{visible(shown.title)} - {site_name}"
        )
        browsing.check(f"{where}: summary", visible(found["lead"] or "") == visible(shown.summary or ""))
        article = visible(found["article"])
        for text in shown.texts:
            browsing.check(f"{where}: text {text[:40]!r}", visible(text) in article)
        for href in shown.hrefs:
            browsing.check(f"{where}: link {href[:40]!r}", href in found["hrefs"])
        # A body may name an element kk-finder ({: #kk-finder }, "## kk-finder"): the finder
        # still starts only on its own page.
        browsing.check(f"{where}: the finder started", not found["finder"])
        body = page.evaluate(BODY, f"{MARKER_WORD} {payload.id}.")
        browsing.check(f"{where}: body", body is not None)
        if shown.body:
            browsing.check(f"{where}: the body shows the payload", shows(payload, body or ""))
    browsing.assert_clean()


def test_every_page_with_a_payload_parses_to_a_dom_that_runs_none(browsing, built):
    """All of them, in every language, through Chromium's HTML parser: the DOM a visit builds."""
    pages = payload_pages(built)
    page = browsing.front()
    page.goto(browsing.base + "404.html")
    found: dict[str, list[str]] = {}
    for start in range(0, len(pages), 100):
        found.update(page.evaluate(PARSED, [FLAG, ["/" + path for path in pages[start : start + 100]]]))
    for path, problems in sorted(found.items()):
        browsing.failures.extend(f"{path}: {problem}" for problem in problems)
    browsing.assert_clean()


def _translated_entry(path: str, entries: set[str]) -> bool:
    language, _, rest = path.partition("/")
    return language in OTHER_LANGUAGES and rest in entries


def test_every_other_page_with_a_payload_runs_none(browsing, corpus, built):
    """Visited, with their scripts: every page with a payload but the entries' Swedish and
    English pages. Those share the Finnish pages' scripts (visited above, with every payload),
    and their DOM is checked with the rest by the parsed pass."""
    pages = payload_pages(built)
    entries = {shown.url.lstrip("/") for shown in corpus.shown}
    others = [path for path in pages if path not in entries and not _translated_entry(path, entries)]
    # The home page, the listings, the theme pages with their intros, related experiments on the
    # fixture's own pages, the finder's facets: all of them carry payload titles, labels or bodies.
    for expected in ("", "kokeilut/", "opit/", "teemat/", "haku/", "osallistu/kentat/"):
        assert expected in others
        assert all(f"{language}/{expected}" in others for language in OTHER_LANGUAGES)
    for taxonomy in ("alueet/", "tasot/"):
        assert any(path.startswith(taxonomy) for path in others)
    assert any(_translated_entry(path, entries) for path in pages)  # the parsed pass has them
    themes = {f"teemat/{theme}/": theme for theme in corpus.themes}
    assert set(themes) <= set(others)
    for path, found, page in browsing.visit(others):
        finders = ("haku/", "sv/haku/", "en/haku/")  # the finder of each language
        browsing.check(f"{path}: the finder started", not found["finder"] or path in finders)
        theme = themes.get(path)
        if theme is None:
            continue
        browsing.check(f"{path}: h1", visible(found["h1"] or "") == visible(corpus.themes[theme]))
        for payload in corpus.intros[theme]:
            body = page.evaluate(BODY, f"{MARKER_WORD} {payload.id}.")
            browsing.check(f"{path}: the intro shows {payload.id}", shows(payload, body or ""))
    browsing.assert_clean()


def _wait_rendered(page, before: int) -> dict:
    page.wait_for_function(RENDERED, arg=before)
    return page.evaluate("window.__kkRendered[window.__kkRendered.length - 1]")


def _renders(page) -> int:
    return page.evaluate("(window.__kkRendered || []).length")


def _all_results(page) -> list[tuple[str, str, str]]:
    """(path, title, summary) of every result: "Näytä lisää" until it hides."""
    while page.is_visible("#kk-finder-more"):
        before = _renders(page)
        page.click("#kk-finder-more")
        _wait_rendered(page, before)
    return page.eval_on_selector_all(
        "#kk-finder-results > li",
        """items => items.map(li => {
          const a = li.querySelector('a');
          const summary = li.querySelector('.kk-result__summary');
          return [a ? new URL(a.href).pathname : '', li.querySelector('h2').textContent,
                  summary ? summary.textContent : ''];
        })""",
    )


def test_the_finder_lists_every_payload_as_text_and_runs_none(browsing, corpus):
    page = browsing.front()
    expected = {shown.url: (visible(shown.title), visible(shown.summary or "")) for shown in corpus.shown}

    # Browsing everything, and the query that finds every corpus entry.
    for path in ("haku/", "haku/?q=" + MARKER_WORD.lower()):
        page.goto(browsing.base + path)
        _wait_rendered(page, 0)
        results = {url: (visible(title), visible(summary)) for url, title, summary in _all_results(page)}
        browsing.probe(page, path)
        missing = sorted(url for url in expected if url not in results)
        browsing.check(f"{path}: results missing {missing[:5]}", not missing)
        wrong = sorted(url for url in expected if url in results and results[url] != expected[url])
        browsing.check(f"{path}: shown differently {wrong[:5]}", not wrong)

    # The payload themes as facet labels, and ticking them.
    labels = page.eval_on_selector_all(
        '#kk-finder input[name="teema"]',
        "boxes => Object.fromEntries(boxes.map(b => [b.value, b.closest('label').textContent]))",
    )
    for theme, label in corpus.themes.items():
        browsing.check(f"facet label of {theme}", visible(label) in visible(labels.get(theme, "")))
    ticked = list(corpus.themes)[:3]
    # A group shows five values until "Näytä kaikki" (issue 22): show them all.
    page.click('#kk-finder fieldset[data-facet="teema"] .kk-filter__all')
    for theme in ticked:
        before = _renders(page)
        page.click(f'#kk-finder input[name="teema"][value="{theme}"]')
        _wait_rendered(page, before)
    before = _renders(page)
    page.click('#kk-finder input[name="laji"][value="oppi"]')
    _wait_rendered(page, before)
    learnings = {
        shown.url for shown in corpus.shown if shown.theme in ticked and shown.url.startswith("/opit/")
    }
    browsing.check(
        "ticked themes list their learnings", {url for url, _, _ in _all_results(page)} == learnings
    )
    browsing.probe(page, "haku/ with facets")
    browsing.assert_clean()


def test_searching_for_every_payload_shows_the_query_as_text_and_runs_none(browsing):
    page = browsing.front()
    page.goto(browsing.base + "haku/")
    _wait_rendered(page, 0)
    for payload in BY_ID.values():
        before = _renders(page)
        page.fill("#kk-finder-q", payload.text)
        _wait_rendered(page, before)
        query, status = page.evaluate(
            "[document.getElementById('kk-finder-q').value.trim(),"
            " document.getElementById('kk-finder-status').textContent]"
        )
        browsing.check(f"{payload.id}: the status line quotes the query", f"”{query}”" in status)
        _all_results(page)
        browsing.probe(page, f"haku/ searching {payload.id}", "#kk-finder-results *, #kk-finder-status")
    browsing.probe(page, "haku/ after every search")
    browsing.assert_clean()
