"""A facet added to the schema, in Chromium: the finder page that the site plans for a catalogue
checked with a copy of the schema with one more facet (tests/site/test_search_facets.py: the
experiments' scale), its data and the published scripts, served on 127.0.0.1 in a bare page.
The page's template renders the facet's fieldset from the finder data, and finder.js, which
lists no facet of its own, filters, counts and keeps it in the URL in each language.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.site.planner import plan_site
from tests.browser.conftest import serve
from tests.browser.test_finder_in_browser import Session, counts, shown, status, toggle
from tests.site.test_search_facets import SCALE_FACET, scale_catalogue, schema_with

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

# The planned finder page's Markdown is HTML blocks only: a bare page around it is the page.
PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>finder</title><link rel="icon" href="data:,"></head>
<body>
{markdown}
<script src="{root}assets/haku/finder.js"></script>
</body></html>
"""


@pytest.fixture(scope="module")
def scale_site(tmp_path_factory) -> Path:
    catalogue = scale_catalogue(tmp_path_factory.mktemp("scales"), schema_with(facets=[SCALE_FACET]))
    plan = plan_site(catalogue)
    folder = tmp_path_factory.mktemp("scale-site")
    for file in plan.files:
        target = folder / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    for language, prefix, root in (("fi", "", "../"), ("sv", "sv/", "../../")):
        markdown = plan.page(f"{prefix}haku/index.md").markdown
        page = folder / prefix / "haku" / "index.html"
        page.write_text(PAGE.format(lang=language, markdown=markdown, root=root), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def scale_server(scale_site):
    yield from serve(scale_site)


@pytest.fixture
def session(browser, scale_server):
    s = Session(browser, scale_server, 1280)
    yield s
    s.close()


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_an_added_facet_is_rendered_and_filters(session):
    page = session.open("haku/")
    fieldset = page.locator('#kk-finder fieldset[data-facet="mittakaava"]')
    assert fieldset.locator("legend").inner_text() == "Mittakaava"
    assert [t.strip() for t in fieldset.locator("label").all_inner_texts()] == [
        "Pienkokeilu (2)",
        "Vahva kokeilu (2)",
    ]
    assert len(shown(page)) == 4
    detail = toggle(page, "mittakaava", "vahva-kokeilu")
    assert shown(page) == ["/kokeilut/vahva/", "/opit/oppi/"] and detail["count"] == 2
    assert _query(page) == {"mittakaava": ["vahva-kokeilu"]}
    assert status(page) == "2 tulosta"
    found = counts(page)
    # What ticking gives: pienkokeilu as well would show vahva, oppi and pieni.
    assert found["mittakaava"] == {"pienkokeilu": 3, "vahva-kokeilu": 2}
    assert found["laji"] == {"kokeilu": 1, "oppi": 1}
    toggle(page, "laji", "kokeilu")
    assert shown(page) == ["/kokeilut/vahva/"]
    assert _query(page) == {"laji": ["kokeilu"], "mittakaava": ["vahva-kokeilu"]}
    assert counts(page)["mittakaava"] == {"pienkokeilu": 2, "vahva-kokeilu": 1}
    assert session.errors == []


def test_an_added_facet_is_read_from_the_url_in_swedish(session):
    page = session.open("sv/haku/?mittakaava=pienkokeilu&mittakaava=okand")
    fieldset = page.locator('#kk-finder fieldset[data-facet="mittakaava"]')
    assert fieldset.locator("legend").inner_text() == "Skala"
    assert page.is_checked('#kk-finder input[name="mittakaava"][value="pienkokeilu"]')
    assert not page.is_checked('#kk-finder input[name="mittakaava"][value="vahva-kokeilu"]')
    assert shown(page) == ["/sv/opit/oppi/", "/sv/kokeilut/pieni/"]
    assert status(page) == "2 träffar"
    assert session.errors == []
