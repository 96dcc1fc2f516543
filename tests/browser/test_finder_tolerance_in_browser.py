"""The finder forgives in Chromium, on the fixture site (tests/fixtures/site/): a compound part
or a base form finds the entry (indexed at build time), a word typed without ä/ö or with a typo
is corrected and the status line says so, and words that no entry has all of show the entries
that have most of them, labelled.

Waiting is never a sleep: finder.js dispatches ``kk-finder:rendered`` after every render.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.browser.conftest import RECORD_RENDERS, RENDERED_QUERY

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

VOTING = "/kokeilut/aanestys-koulussa/"  # "Äänestyskokeilu koulussa"
FOOD_WASTE = "/kokeilut/kiertotalous-oulu/"  # "Ruokahävikin kiertotalous Oulussa ja Lapissa"
TEXTILES = "/kokeilut/kiertotalous-tampere/"  # "Tekstiilien kierrätys Tampereella"
SOLAR = "/kokeilut/aurinkopaneelit-kylaan/"  # "Aurinkopaneelit kylätaloon"


@pytest.fixture
def page(browser, fixture_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_RENDERS)
    errors: list[str] = []
    opened = context.new_page()
    opened.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    opened.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    opened.errors = errors
    opened.base = fixture_server
    yield opened
    context.close()


def search(page, query: str, prefix: str = "") -> tuple[list[str], str]:
    """Open the finder with ``?q=query``; the result paths (without the language prefix) and
    the status line."""
    page.goto(f"{page.base}{prefix}haku/?q={quote(query)}")
    page.wait_for_function(RENDERED_QUERY, arg=query)
    paths = page.eval_on_selector_all(
        "#kk-finder-results > li a", "els => els.map(a => new URL(a.href).pathname)"
    )
    return [p.removeprefix("/" + prefix.rstrip("/")) if prefix else p for p in paths], page.inner_text(
        "#kk-finder-status"
    )


@pytest.mark.parametrize(("query", "expected"), [("hävikki", FOOD_WASTE), ("paneeli", SOLAR)])
def test_a_compound_part_finds_the_entry(page, query, expected):
    results, status = search(page, query)
    assert expected in results
    assert not status.startswith("Tarkoititko")
    assert page.errors == []


@pytest.mark.parametrize(
    ("query", "corrected", "expected"),
    [
        ("aanestyskokeilu", "äänestyskokeilu", VOTING),  # without the dots
        ("ruokahavikki", "ruokahävikki", FOOD_WASTE),
        ("tekstilien", "tekstiilien", TEXTILES),  # a letter missing
        ("kierrätsy", "kierrätys", TEXTILES),  # two letters swapped
    ],
)
def test_a_word_without_dots_or_with_a_typo_is_corrected_and_said(page, query, corrected, expected):
    results, status = search(page, query)
    assert expected in results[:2]  # a learning of the experiment may come first
    assert status.startswith(
        f"Ei tuloksia haulla ”{query}”. Tarkoititko ”{corrected}”? "
    )  # what was typed, then the correction
    assert page.errors == []


def test_the_swedish_finder_says_what_it_corrected_in_swedish(page):
    results, status = search(page, "tekstilien", "sv/")
    assert TEXTILES in results
    assert status.startswith("Inga träffar för ”tekstilien”. Menade du ”tekstii")


def test_words_no_entry_has_all_of_show_the_entries_with_most_of_them(page):
    results, status = search(page, "aurinkopaneelit kylätalo kaukoputki")
    assert results[0] == SOLAR
    assert status.startswith("Mikään tulos ei sisällä kaikkia hakusanoja; tässä osumat osalle niistä. ")
    assert page.errors == []
