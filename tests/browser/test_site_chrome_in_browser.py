"""The site's chrome as a visitor meets it (issue 22): a skip link on every page type, a
localized 404 page, the language switcher keeping the finder's state, finder.js only on /haku/
(and lunr only for a query), no Tab stop in the closed phone drawer, the footer, and axe-core's
WCAG 2.1 A/AA rules on the new pages in the light and the dark palette. Pages are chosen by
their properties (tests/samples.py), never by name."""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import settle, violations

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

# 404.html's links and assets are absolute under site_url's path (mkdocs.yml), as GitHub Pages
# serves it at any depth; the test server has the site at its root.
SITE_PATH = "/kokeilukatalogi/"


def serve_site_path(page, base: str) -> None:
    page.route(
        base + SITE_PATH.lstrip("/") + "**",
        lambda route: route.continue_(url=route.request.url.replace(SITE_PATH, "/", 1)),
    )


PAGE_TYPES = [
    "",
    "kokeilut/",
    "{translated_experiment}",
    "opit/",
    "{learning}",
    "teemat/",
    "alueet/",
    "alueet/uusimaa/",
    "tasot/",
    "haku/",
    "tilastot/",
    "avoin-data/",
    "opas/",
    "sv/",
    "en/haku/",
]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_starts_with_a_skip_link_to_its_content(browser, site_server, sample_paths, path):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(site_server + path.format(**sample_paths))
        page.keyboard.press("Tab")
        link = page.evaluate(
            "[document.activeElement.getAttribute('href'), document.activeElement.textContent.trim(),"
            " document.activeElement.getBoundingClientRect().height]"
        )
        assert link[0].endswith("#kk-content") and link[1] and link[2] > 0
        assert page.locator("#kk-content").count() == 1
        page.keyboard.press("Enter")
        # The jump moves focus as the browser handles the fragment, which under load can come
        # after the key press returns: wait for it (a page where it never comes times out).
        page.wait_for_function("document.activeElement && document.activeElement.id === 'kk-content'")
        # Material's own skip link (only on pages with a table of contents) is not a second one.
        assert page.locator(".md-skip:visible").count() <= 1
    finally:
        page.close()


@pytest.mark.parametrize(
    ("path", "lang", "heading", "finder"),
    [
        ("ei-tallaista/", "fi", "Sivua ei löytynyt", "/haku/"),
        ("sv/ei-tallaista/", "sv", "Sidan hittades inte", "/sv/haku/"),
        ("en/no-such-page/", "en", "Page not found", "/en/haku/"),
    ],
)
def test_the_404_page_speaks_the_address_language_and_offers_search(
    browser, site_server, path, lang, heading, finder
):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        # GitHub Pages answers a missing address with 404.html: so does this route.
        serve_site_path(page, site_server)
        html = page.request.get(site_server + "404.html").text()
        page.route(
            site_server + path, lambda route: route.fulfill(status=404, body=html, content_type="text/html")
        )
        page.goto(site_server + path)
        assert page.locator("h1").inner_text() == heading
        assert page.evaluate("document.documentElement.lang") == lang
        first = page.locator(".kk-notfound section").first
        assert first.get_attribute("lang") == lang
        form = first.locator("form[role=search]")
        assert form.get_attribute("action").endswith(finder) and form.locator("input[name=q]").count() == 1
        assert first.locator("a").count() >= 4
    finally:
        page.close()


def test_the_language_switcher_keeps_the_query_filters_and_order(browser, site_server):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(site_server + "haku/?q=a&jarjestys=nimi")
        page.wait_for_selector("#kk-finder[data-state=ready]")
        box = page.locator("#kk-filters input[type=checkbox]:visible").first
        box.check()
        page.wait_for_function("location.search.includes('&')")
        name, value = box.get_attribute("name"), box.get_attribute("value")
        for lang in ("sv", "en"):
            href = page.locator(f"a.md-select__link[hreflang={lang}]").get_attribute("href")
            assert f"/{lang}/haku/?" in href and "q=a" in href and f"{name}={value}" in href
            assert "jarjestys=nimi" in href
        page.goto(
            site_server + page.locator("a.md-select__link[hreflang=sv]").get_attribute("href").lstrip("/")
        )
        page.wait_for_selector("#kk-finder[data-state=ready]")
        assert page.locator("#kk-finder-q").input_value() == "a"
        assert page.locator(f"#kk-filters input[name='{name}'][value='{value}']").is_checked()
    finally:
        page.close()


def test_finder_js_loads_only_on_the_finder_and_lunr_only_for_a_query(browser, site_server):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(site_server, wait_until="networkidle")
        assert not [u for u in requests if "/assets/haku/" in u]
        page.goto(site_server + "haku/", wait_until="networkidle")
        page.wait_for_selector("#kk-finder[data-state=ready] .kk-result")
        page.wait_for_timeout(300)
        assert any(u.endswith("/assets/haku/finder.js") or "/assets/haku/finder.js?" in u for u in requests)
        assert not [u for u in requests if "lunr" in u]
        page.fill("#kk-finder-q", "a")
        page.wait_for_function(
            "[...performance.getEntriesByType('resource')].some(e => e.name.includes('lunr'))"
        )
    finally:
        page.close()


def test_tab_on_a_phone_never_lands_in_the_closed_navigation_drawer(browser, site_server):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(site_server + "kokeilut/")
        for _ in range(25):
            page.keyboard.press("Tab")
            inside = page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
            assert not inside
    finally:
        page.close()


def test_the_footer_names_the_publisher_licence_and_update_date(browser, site_server):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        for path, licence in (("", "CC BY 4.0"), ("sv/", "Innehåll"), ("en/", "Content")):
            page.goto(site_server + path)
            footer = page.locator(".kk-footer")
            assert licence in footer.inner_text()
            assert footer.locator("time[datetime]").count() == 1
    finally:
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "haku/?q=a", "{translated_experiment}", "404.html", "sv/haku/"])
def test_no_wcag_violation_in_either_palette(browser, site_server, sample_paths, path, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    serve_site_path(page, site_server)
    try:
        page.goto(site_server + path.format(**sample_paths))
        settle(page)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        if path.startswith(("haku", "sv/haku")):
            page.wait_for_selector("#kk-finder[data-state=ready]")
        assert violations(page) == []
    finally:
        context.close()
