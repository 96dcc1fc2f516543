"""The region map and the statistics charts: drawn at build time, readable, and honest.

Every figure's numbers are in a table too; the tests read both and compare them with the
catalogue. Colours are checked against WCAG 2.1 contrast ratios.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
import yaml
from markupsafe import escape

from generator.core.dates import PartialDate
from generator.site.charts import REGION_TILES, SERIES, SHADES, TILE_EDGE

pytestmark = pytest.mark.e2e


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_meet_wcag_contrast():
    assert all(contrast(fill, text) >= 4.5 for fill, text in SHADES)  # 1.4.3 text on tiles
    assert all(contrast(colour, "#ffffff") >= 3 for colour in SERIES)  # 1.4.11 graphics
    assert contrast(TILE_EDGE, "#ffffff") >= 3


def test_the_map_links_every_region_with_its_count(built_site, shipped):
    html = (built_site / "alueet/index.html").read_text(encoding="utf-8")
    svg = html[html.index('<div class="kk-map"') : html.index("</ul>", html.index('<div class="kk-map"'))]
    tiles = re.findall(r'<a class="kk-map__tile[^"]*" href="([^"]+)" aria-label="([^"]+): (\d+) kokeilu', svg)
    assert len(tiles) == len(REGION_TILES) == 19
    counts = Counter(
        r for e in shipped.experiments.values() if isinstance(e["regions"], list) for r in e["regions"]
    )
    vocabulary = shipped.vocabularies["alueet"]
    for href, label, count in tiles:
        region = href.strip("/").split("/")[-1]
        assert vocabulary[region].fi == label
        assert int(count) == counts[region]
        # The table below the map gives the same number for the same region.
        assert re.search(rf'<a href="{re.escape(href)}">{re.escape(label)}</a>.*?</th><td>{count}</td>', html)
    assert "http" not in svg


def test_the_statistics_tables_add_up_to_the_catalogue(built_site, shipped):
    html = (built_site / "tilastot/index.html").read_text(encoding="utf-8")
    assert html.count('<div class="kk-bars"') == 3
    tables = re.findall(r"<table class=\"kk-data-table\">(.*?)</table>", html, re.DOTALL)
    assert len(tables) == 3
    experiments = list(shipped.experiments.values())
    started = [e for e in experiments if isinstance(e["start"], PartialDate)]
    year_rows = re.findall(r"<tr><th scope=\"row\">(\d{4})</th>(.*?)</tr>", tables[0])
    totals = {int(year): int(re.findall(r"<td>(\d+)</td>", cells)[-1]) for year, cells in year_rows}
    assert {y: n for y, n in totals.items() if n} == Counter(e["start"].earliest.year for e in started)
    assert sorted(totals) == list(range(min(totals), max(totals) + 1))  # a year with none is a gap
    status_rows = re.findall(r"<th scope=\"row\">([^<]+)</th><td>(\d+)</td>", tables[2])
    by_status = Counter(shipped.vocabularies["tilat"][e["status"]].fi for e in experiments)
    assert {label: int(n) for label, n in status_rows} == dict(by_status)


def test_every_experiment_page_carries_its_json_ld_and_open_graph(built_site, shipped):
    site_url = yaml.safe_load((shipped.root / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    for entry in shipped.experiments.values():
        html = (built_site / entry.url.strip("/") / "index.html").read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.DOTALL)
        assert len(blocks) == 1, entry.slug
        data = json.loads(blocks[0])
        assert (data["@type"], data["name"], data["description"]) == ("Project", entry.title, entry.summary)
        assert data["url"] == site_url + entry.url.lstrip("/")
        assert f'<meta property="og:title" content="{escape(entry.title)}">' in head, entry.slug
        assert f'<meta property="og:description" content="{escape(entry.summary)}">' in head, entry.slug
        assert '<meta property="og:type" content="article">' in head and 'name="description"' in head


def test_json_ld_cannot_be_broken_out_of(built_fixture_site):
    html = (built_fixture_site / "kokeilut/erikoismerkit/index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL).group(1)
    assert "<" not in block and ">" not in block
    assert "</title><script>" in json.loads(block)["name"]


def test_a_hand_written_page_cannot_set_structured_data(tmp_path):
    """A page's front matter may set only title and description: kk_json_ld (which the plugin
    would put in <head>) is refused at its line, so the build never starts."""
    from generator.content.check import check_catalogue
    from tests.support import copy_fixture_site, located

    root = copy_fixture_site(tmp_path / "katalogi")
    page = root / "content/osallistu/index.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text('---\nkk_json_ld: "</script><script>window.kkPwned=1</script>"\n---\n\n# Sivu\n', "utf-8")
    assert located(check_catalogue(root)) == {("content/osallistu/index.md", 2, 1, "unknown-field")}
