"""The built pages in a real browser: no third-party request, no script error, no injection."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


def _visit(browser, url: str, width: int = 1280) -> dict:
    """Load ``url``; return the requests made, the console errors and the page itself."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    return {"page": page, "requests": requests, "errors": errors}


@pytest.mark.parametrize(
    "path",
    ["", "{translated_experiment}", "opit/", "teemat/kiertotalous/", "alueet/", "tasot/ruohonjuuri/"],
)
def test_pages_load_everything_from_the_site_itself_without_errors(browser, site_server, sample_paths, path):
    visit = _visit(browser, site_server + path.format(**sample_paths))
    hosts = {urlsplit(url).netloc for url in visit["requests"] if urlsplit(url).scheme in {"http", "https"}}
    assert hosts == {urlsplit(site_server).netloc}
    assert visit["errors"] == []
    visit["page"].close()


def test_a_hostile_title_runs_no_script(browser, fixture_server):
    visit = _visit(browser, fixture_server + "kokeilut/erikoismerkit/")
    page = visit["page"]
    assert page.evaluate("window.kkInjected") is None
    assert "</title><script>" in page.title()  # shown as text, not run
    assert "<b>lihavoitu</b>" in page.locator("h1").inner_text()
    page.close()


def test_an_experiment_page_fits_a_phone_screen(browser, site_server, sample_paths):
    """Long source URLs wrap: nothing makes the page wider than a 360 px phone, not even the
    page of the experiment with the longest source address."""
    visit = _visit(browser, site_server + sample_paths["longest_sources_experiment"], width=360)
    page = visit["page"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.get_by_role("link", name="Muokkaa GitHubissa").is_visible()
    page.close()
