"""Page planning: which pages exist, what they list, and how listings are split into pages."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

import pytest

from generator.content.check import load_catalogue
from generator.core.model import UNKNOWN
from generator.core.problems import ConfigError
from generator.site.listings import Pager, chunk, page_urls
from generator.site.planner import plan_site
from generator.site.renderer import Renderer, environment


def _listed(markdown: str) -> list[str]:
    """Slugs of the experiments a listing page shows, in order."""
    listing = "".join(re.findall(r'<ol class="kk-listing".*?</ol>', markdown, re.DOTALL))  # by year
    hrefs = re.findall(r'kk-card__title"><a href="([^"]+)"', listing)
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def test_pager_windows_show_first_last_and_neighbours():
    urls = page_urls("/teemat/x/", 10)
    assert urls[:2] == ("/teemat/x/", "/teemat/x/sivu/2/")
    assert Pager(1, 10, urls).window() == [1, 2, 3, None, 10]
    assert Pager(6, 10, urls).window() == [1, None, 4, 5, 6, 7, 8, None, 10]
    assert Pager(1, 1, urls[:1]).previous is None and Pager(1, 1, urls[:1]).next is None
    assert Pager(2, 10, urls).previous == "/teemat/x/"


def test_an_empty_listing_is_one_empty_page():
    assert chunk([], 50) == [[]]
    assert [len(c) for c in chunk(list(range(101)), 50)] == [50, 50, 1]


def test_every_entry_and_term_has_its_page(fixture_plan, fixture_site):
    uris = {p.src_uri for p in fixture_plan.pages}
    for slug in ("aurinkopaneelit-kylaan", "etatyokokeilu", "tuntematon-alku"):
        assert f"kokeilut/{slug}.md" in uris
    for slug in ("keraysta-kannattaa-jatkaa", "etatyon-mittarit-ensin"):
        assert f"opit/{slug}.md" in uris
    for vocabulary in ("teemat", "alueet", "tasot"):
        terms = [
            line[6:]
            for line in (fixture_site / f"content/sanastot/{vocabulary}.yml").read_text().splitlines()
            if line.startswith("- id: ")
        ]
        for term in terms:
            assert f"{vocabulary}/{term}.md" in uris, term
        assert f"{vocabulary}/index.md" in uris
    # experiments with regions: [] and regions: tuntematon get pages of their own
    assert {"alueet/koko-suomi.md", "alueet/tuntematon.md"} <= uris


def test_each_term_page_lists_exactly_the_experiments_of_its_term(fixture_plan):
    pages = {p.url: p for p in fixture_plan.pages}

    def listed(base: str) -> list[str]:
        slugs: list[str] = []
        url = base
        while url in pages:
            slugs += _listed(pages[url].markdown)
            number = 2 if url == base else int(url.rstrip("/").rsplit("/", 1)[1]) + 1
            url = f"{base}sivu/{number}/"
        return slugs

    # page_size 2 in the fixture: kiertotalous spans two pages, newest first, unknown start last
    assert listed("/teemat/kiertotalous/") == ["kiertotalous-oulu", "kiertotalous-tampere", "tuntematon-alku"]
    assert listed("/alueet/uusimaa/") == ["erikoismerkit", "aanestys-koulussa"]  # 2020: K before Ä
    assert listed("/alueet/koko-suomi/") == ["etatyokokeilu", "perustulokoe-tyottomille"]  # 2018, 2017
    assert listed("/alueet/tuntematon/") == ["tuntematon-alku"]
    assert listed("/tasot/valtakunnallinen/") == ["etatyokokeilu", "perustulokoe-tyottomille"]
    everything = listed("/kokeilut/")
    assert len(everything) == len(set(everything)) == 9


def test_an_empty_term_page_says_so(fixture_plan):
    page = fixture_plan.page("alueet/kainuu.md")
    assert "ei ole vielä kokeiluja" in page.markdown
    assert "kk-listing" not in page.markdown


def test_the_region_index_counts_every_region_including_zeros(fixture_plan):
    markdown = fixture_plan.page("alueet/index.md").markdown
    rows = re.findall(r'<a href="\.\./alueet/([a-z-]+)/">([^<]+)</a>.*?<td>(\d+)</td>', markdown)
    counts = {slug: int(count) for slug, _, count in rows}
    assert len(counts) == 21  # 19 regions + nationwide + unknown
    assert counts["kainuu"] == 0 and counts["uusimaa"] == 2 and counts["koko-suomi"] == 2
    assert counts["etela-savo"] == 1


def test_hand_written_intros_appear_on_their_pages(fixture_plan):
    assert "Kiertotalouden kokeilut etsivät" in fixture_plan.page("teemat/kiertotalous.md").markdown
    assert (
        "Kiertotalouden kokeilut etsivät" not in fixture_plan.page("teemat/kiertotalous/sivu/2.md").markdown
    )
    assert "Teemat kokoavat" in fixture_plan.page("teemat/index.md").markdown
    assert "# Testikatalogi" in fixture_plan.page("index.md").markdown
    assert {
        "index.md",
        "teemat/kiertotalous.md",
        "opit/keraysta-kannattaa-jatkaa.md",
    } <= fixture_plan.replaces


def test_an_experiment_page_shows_its_learnings_related_experiments_and_edit_link(fixture_plan):
    markdown = fixture_plan.page("kokeilut/kiertotalous-tampere.md").markdown
    assert "../../opit/keraysta-kannattaa-jatkaa/" in markdown
    assert "../../opit/logistiikka-oli-pullonkaula/" in markdown
    related = markdown[markdown.index("## Samankaltaisia") :]
    assert _listed(related)[0] == "kiertotalous-oulu"  # shares the theme
    assert (
        'href="https://github.com/example/katalogi/edit/main/experiments/kiertotalous-tampere.md"' in markdown
    )


def test_contributor_text_is_escaped_in_the_generated_html(fixture_plan):
    markdown = fixture_plan.page("kokeilut/erikoismerkit.md").markdown
    assert (
        "<h1>Kokeilu &lt;b&gt;lihavoitu&lt;/b&gt; &amp; *tähdet* &lt;/title&gt;&lt;script&gt;"
        "window.kkInjected=1&lt;/script&gt;</h1>"
    ) in markdown
    assert "<i>" not in markdown.split("---", 2)[2]
    assert 'href="https://www.example.fi/merkit?a=1&amp;b=2"' in markdown


def test_learnings_are_listed_under_each_of_their_themes(fixture_plan):
    pages = {p.url: p.markdown for p in fixture_plan.pages if re.fullmatch(r"/opit/(sivu/\d+/)?", p.url)}
    first = pages["/opit/"]
    text = "".join(pages.values())
    assert text.count("logistiikka-oli-pullonkaula/") == 2  # kiertotalous and ruoka
    assert text.count("perustulo-ei-lisannyt-tyollisyytta/") == 2  # sosiaaliturva and tyollisyys
    # the theme index on page 1 links to the page where each theme starts
    links = re.findall(r'href="\.\./opit/((?:sivu/\d+/)?)#teema-([a-z-]+)"', first)
    assert {theme for _, theme in links} == {
        "kiertotalous",
        "maaseutu",
        "ruoka",
        "sosiaaliturva",
        "tyollisyys",
    }
    for page, theme in links:
        assert f'<h2 id="teema-{theme}">' in pages[f"/opit/{page}"], (page, theme)


def test_page_size_must_be_positive(fixture_site):
    with pytest.raises(ConfigError):
        plan_site(load_catalogue(fixture_site), page_size=0)


def test_planning_is_deterministic(fixture_site):
    catalogue = load_catalogue(fixture_site)
    first = plan_site(catalogue, "e/", 2)
    second = plan_site(load_catalogue(fixture_site), "e/", 2)
    assert [(p.src_uri, p.markdown) for p in first.pages] == [(p.src_uri, p.markdown) for p in second.pages]
    assert [p.src_uri for p in first.pages] == sorted(p.src_uri for p in first.pages)


def _plain(value: Any) -> bool:
    """Data a template may get: text, numbers, lists and maps of them, dataclass instances."""
    if value is None or value is UNKNOWN or isinstance(value, str | int | float):
        return True
    if isinstance(value, Mapping):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def test_every_page_template_gets_plain_data_and_nothing_of_the_plan(fixture_site, monkeypatch):
    """Templates read what the part of the plan prepared for them (no planner object to call
    back into): a template that needs more must be given it by its part."""
    given: dict[str, dict[str, str]] = {}
    markdown = Renderer.markdown

    def recording(self, template, url, title, description="", kind="", **context):
        found = given.setdefault(template, {})
        found.update({name: type(v).__name__ for name, v in context.items() if not _plain(v)})
        return markdown(self, template, url, title, description, kind, **context)

    monkeypatch.setattr(Renderer, "markdown", recording)
    plan_site(load_catalogue(fixture_site), "e/", 2)
    pages = {name for name in environment().list_templates() if not name.startswith("_")}
    assert set(given) == pages
    assert {template: names for template, names in given.items() if names} == {}
