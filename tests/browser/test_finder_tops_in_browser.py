"""A query's first results come from its shards' tops (tops/<file>.json, generator/search/tops.py)
in Chromium, on the shipped catalogue: the page shows exactly what it shows when those files
cannot be had, with fewer requests for record chunks (docs/<n>.json); and the results the tops
hold are on screen before the chunks of the others arrive (when those never do, they stay).

The queries are the words of the shipped catalogue's commonest terms, read from its data here
(not named), so the test holds as the catalogue grows.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from generator.search.lunr import shard_file
from generator.search.pipelines import query_stems
from tests.browser.conftest import RECORD_RENDERS, RENDERED_QUERY

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

# What a result shows: its link, title, meta line and summary, and the languages said.
RESULTS = """() => Array.from(document.querySelectorAll('#kk-finder-results .kk-result')).map((li) => [
  li.querySelector('a') ? li.querySelector('a').getAttribute('href') : null,
  li.querySelector('.kk-result__title').textContent,
  li.querySelector('.kk-result__title').getAttribute('lang'),
  (li.querySelector('.kk-result__meta') || {}).textContent || null,
  (li.querySelector('.kk-result__summary') || {}).textContent || null,
])"""

QUERIES = 3


def _common_words(site) -> list[str]:
    """Words of the catalogue's titles whose query stem is the commonest term of its shard."""
    data = site / "haku/data"
    meta = json.loads((data / "meta.json").read_text(encoding="utf-8"))
    commonest = set()
    for prefix in meta["shards"]:
        shard = json.loads((data / f"terms/{shard_file(prefix)}.json").read_text(encoding="utf-8"))
        counts = [max(len(v) for v in postings.values()) for _, postings in shard["terms"]]
        commonest.add(shard["terms"][counts.index(max(counts))][0])  # the first of the commonest
    words: dict[str, str] = {}
    for chunk in sorted((data / "docs").glob("*.json")):
        for record in json.loads(chunk.read_text(encoding="utf-8")):
            for word in str(record[2]).lower().split():
                stems = query_stems(word)
                if len(word) >= 5 and word.isalpha() and stems and stems[0] in commonest:
                    words.setdefault(stems[0], word)
    return sorted(words.values())[:QUERIES]


def _open(
    browser, base: str, query: str, block_tops: bool = False, block_chunks: bool = False
) -> tuple[list, int, list[str]]:
    """The results shown for ``query``, the docs/ chunks requested, and any page errors; with
    ``block_chunks``, every docs/ request fails and the results shown are those on screen when
    the finder says so (its error, or a render that needed no chunk)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.add_init_script(RECORD_RENDERS)
        if block_tops:
            context.route("**/haku/data/tops/**", lambda route: route.fulfill(status=404, body="no"))
        if block_chunks:
            context.route("**/haku/data/docs/**", lambda route: route.fulfill(status=503, body="no"))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        chunks: list[str] = []
        page.on("request", lambda r: chunks.append(r.url) if "/haku/data/docs/" in r.url else None)
        page.goto(f"{base}haku/?q={quote(query)}")
        if block_chunks:
            page.wait_for_function(
                f"(q) => document.getElementById('kk-finder').dataset.state === 'error' || ({RENDERED_QUERY})(q)",
                arg=query,
            )
        else:
            page.wait_for_function(RENDERED_QUERY, arg=query)
        return page.evaluate(RESULTS), len(chunks), errors
    finally:
        context.close()


def test_the_first_results_are_the_same_with_fewer_chunk_requests(browser, site_server, built_site):
    words = _common_words(built_site)
    assert len(words) >= 2, words
    with_tops = without = 0
    for word in words:
        shown, chunks, errors = _open(browser, site_server, word)
        reference, reference_chunks, _ = _open(browser, site_server, word, block_tops=True)
        assert shown, word
        assert shown == reference, word
        assert errors == [], (word, errors)
        with_tops += chunks
        without += reference_chunks
    assert with_tops < without, (with_tops, without)


def test_the_results_the_tops_hold_are_shown_before_the_chunks(browser, site_server, built_site):
    shown_early = 0
    for word in _common_words(built_site):
        full, _, _ = _open(browser, site_server, word)
        early, _, errors = _open(browser, site_server, word, block_chunks=True)
        assert errors == [], (word, errors)
        assert early == full[: len(early)], word  # the first results, in their order, never others
        shown_early += 0 < len(early) < len(full)
    assert shown_early > 0
