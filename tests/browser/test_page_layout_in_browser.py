"""How the pages of the fixture site lay out in Chromium (issue 22): nothing wider than a 360 px
phone, in any language; Finnish text on Swedish and English pages carries a visible tag; the
map's accessible name resolves; unknowns are said once. One browser page, looping over pages."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

LANGUAGES = ("", "sv/", "en/")
# One page of every type the site has (the fixture site's).
PAGE_TYPES = (
    "",
    "kokeilut/",
    "kokeilut/perustulokoe-tyottomille/",
    "kokeilut/tuntematon-alku/",
    "opit/",
    "opit/etatyon-mittarit-ensin/",
    "teemat/",
    "teemat/kiertotalous/",
    "alueet/",
    "alueet/uusimaa/",
    "tasot/",
    "tilastot/",
    "avoin-data/",
    "haku/",
    "osallistu/",
)
# Each element named by aria-labelledby: whether every id it names is an element with text.
NAMES_RESOLVE = """() => [...document.querySelectorAll('[aria-labelledby]')].map(el => [
  el.className,
  el.getAttribute('aria-labelledby').split(/\\s+/).every(id => {
    const found = document.getElementById(id);
    return found !== null && found.textContent.trim() !== '';
  }),
])"""


@pytest.fixture
def phone(browser):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    yield page
    page.close()


def test_no_page_is_wider_than_a_phone_in_any_language(phone, fixture_server):
    too_wide = {}
    for language in LANGUAGES:
        for path in PAGE_TYPES:
            phone.goto(fixture_server + language + path)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert "kkblock" not in phone.content(), language + path  # every HTML block restored
            if path in ("tasot/", "tilastot/", "avoin-data/"):  # their tables are there, wrapped
                assert phone.locator(".md-typeset__scrollwrap table").count() >= 1, language + path
            if width > 360:
                too_wide[language + path] = width
    assert too_wide == {}


@pytest.mark.parametrize(("language", "tag"), [("sv/", "på finska"), ("en/", "in Finnish")])
def test_finnish_text_on_a_translated_page_carries_a_visible_tag(phone, fixture_server, language, tag):
    phone.goto(fixture_server + language + "kokeilut/etatyokokeilu/")
    result = phone.locator(".kk-keyfacts .kk-facts__result")
    assert result.locator('[lang="fi"]').count() == 1
    marker = result.locator(".kk-lang-tag")
    assert marker.is_visible() and marker.inner_text() == tag
    # Once per block: each facts row with Finnish text has one tag, no more.
    rows = phone.locator(".kk-facts dd:has(.kk-lang-tag)")
    assert rows.count() >= 2
    assert all(rows.nth(i).locator(".kk-lang-tag").count() == 1 for i in range(rows.count()))
    phone.goto(fixture_server + "kokeilut/etatyokokeilu/")
    assert phone.locator(".kk-lang-tag").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_and_the_charts_have_names_that_resolve(phone, fixture_server, language):
    phone.goto(fixture_server + language + "alueet/")
    named = dict(phone.evaluate(NAMES_RESOLVE))
    assert named["kk-map"] is True
    assert phone.locator(".kk-map a.kk-map__tile").count() == 19
    title = phone.locator("#kk-map-otsikko").text_content()
    assert "&lt;" not in title and "<" not in title and title.strip()
    assert phone.get_by_role("group", name=title.strip()).count() == 1
    phone.goto(fixture_server + language + "tilastot/")
    charts = [ok for name, ok in phone.evaluate(NAMES_RESOLVE) if name == "kk-bars"]
    assert charts == [True, True, True]


def test_a_tile_label_is_at_least_ten_pixels_on_a_phone(phone, fixture_server):
    phone.goto(fixture_server + "alueet/")
    sizes = phone.eval_on_selector_all(
        ".kk-map__name", "names => names.map(n => parseFloat(getComputedStyle(n).fontSize))"
    )
    assert sizes and min(sizes) >= 10


def test_unknowns_are_said_once_and_never_as_pills(phone, fixture_server):
    phone.goto(fixture_server + "kokeilut/tuntematon-alku/")
    text = phone.locator("article").inner_text()
    assert text.count("Puuttuvat tiedot") == 1
    assert "tuntematon" not in text.replace("Puuttuvat tiedot", "").lower()
    phone.goto(fixture_server + "alueet/tuntematon/")  # its listing (the last page of /kokeilut/)
    card = phone.locator(".kk-card", has=phone.locator('a[href$="tuntematon-alku/"]'))
    assert card.count() == 1 and "tuntematon" not in card.inner_text().lower()
