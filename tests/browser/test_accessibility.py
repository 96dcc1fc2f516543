"""WCAG 2.1 AA with axe-core in Chromium: no A or AA violation on the pages that matter.

axe-core's own build (axe.min.js, the npm package's file) ships inside the PyPI wheel
axe-playwright-python, a test dependency, so nothing is downloaded when the tests run. The
script is injected into each page and run with the WCAG 2.0 and 2.1 A and AA rules only.
"""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from generator.i18n.languages import translations_of
from tests.samples import title_word, translated_experiment

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

AXE = files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = [
    "",
    "teemat/",
    "teemat/kiertotalous/",
    "alueet/",
    "alueet/uusimaa/",
    "tasot/",
    "tasot/ruohonjuuri/",
    "kokeilut/",
    "{translated_experiment}",
    "opit/",
    "{learning}",
    "tilastot/",
    "avoin-data/",
    "saavutettavuusseloste/",
    "osallistu/",
    "opas/",
    # The Swedish and English versions: a translated experiment, one shown in its original
    # language (lang="fi" parts), listings, the map, a translated and a fallback content page.
    # Entries are chosen by these properties from the shipped catalogue (tests/samples.py).
    "sv/",
    "sv/{translated_experiment}",
    "sv/{untranslated_experiment}",
    "sv/alueet/",
    "sv/osallistu/",
    "sv/saavutettavuusseloste/",
    "en/",
    "en/kokeilut/",
    "en/{translated_experiment}",
    "en/{english_learning}",
    "en/tilastot/",
    "en/osallistu/kentat/",
]


def settle(page) -> None:
    """Two animation frames after the load event: the theme's scripts have run and the page is
    drawn. (Waiting for the network to be idle, as before, added half a second to every page.)"""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]


def test_axe_is_the_real_thing():
    assert "axe v4." in AXE[:200] and len(AXE) > 300_000


@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_a_or_aa_violation(browser, site_server, sample_paths, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_server + path.format(**sample_paths))
        settle(page)
        assert violations(page) == []
    finally:
        page.close()


def test_no_violation_in_the_finder_with_a_query_and_a_facet(browser, site_server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_server + "haku/?q=kunta&teema=kiertotalous")
        page.wait_for_selector('#kk-finder[data-state="ready"]')
        assert page.locator(".kk-result").count() > 0 or "0" in page.inner_text("[role=status]")
        assert violations(page) == []
    finally:
        page.close()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_violation_in_the_swedish_and_english_finders(browser, site_server, shipped, language):
    # A word of a translated title in the language: it finds at least that entry.
    title = translations_of(translated_experiment(shipped))[language]["title"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{site_server}{language}/haku/?q={title_word(title)}")
        page.wait_for_selector('#kk-finder[data-state="ready"]')
        assert page.locator(".kk-result").count() > 0
        assert violations(page) == []
    finally:
        page.close()


def test_no_violation_on_a_phone(browser, site_server, sample_paths):
    page = browser.new_page(viewport={"width": 375, "height": 740})
    try:
        page.goto(site_server + sample_paths["translated_experiment"])
        settle(page)
        assert violations(page) == []
    finally:
        page.close()


def test_a_violation_is_reported(browser, site_server):
    # The check can fail: an image without alternative text on a real page is found.
    page = browser.new_page()
    try:
        page.goto(site_server)
        settle(page)
        page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x.png>')")
        found = violations(page)
        assert any(v.startswith("image-alt") for v in found), json.dumps(found)
    finally:
        page.close()
