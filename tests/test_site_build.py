"""The repository's site: ``mkdocs build --strict`` from the shipped catalogue (one build per session)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
import yaml

from generator.search.finnish import find_lunr_files
from generator.search.lunr import shard_file
from tests.links import broken_links, page_links, wrong_term_listings
from tests.support import REPO_ROOT

pytestmark = pytest.mark.e2e


def test_the_site_builds_with_the_contributor_pages(built_site):
    for page in ("index.html", "osallistu/index.html", "osallistu/kentat/index.html"):
        assert (built_site / page).is_file(), page
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fi"' in home


def test_the_field_reference_page_is_generated_from_the_schema(built_site):
    page = (built_site / "osallistu/kentat/index.html").read_text(encoding="utf-8")
    assert 'id="experiment-regions"' in page
    assert "pohjois-savo" in page


def test_the_json_schemas_are_published(built_site):
    assert (built_site / "schema/kokeilu.schema.json").is_file()
    assert (built_site / "schema/oppi.schema.json").is_file()


def test_every_experiment_learning_and_term_has_its_page(built_site, shipped):
    urls = [e.url for e in shipped.experiments.values()] + [e.url for e in shipped.learnings.values()]
    for spec in shipped.schema.taxonomies:
        urls.append(spec.url)
        urls += [spec.term_url(t.id) for t in shipped.vocabularies[spec.vocabulary]]
    urls += ["/kokeilut/", "/opit/", "/alueet/koko-suomi/"]
    missing = [url for url in urls if not (built_site / url.strip("/") / "index.html").is_file()]
    assert not missing
    assert len(shipped.experiments) == 44 and len(shipped.learnings) == 32


def test_each_term_page_lists_exactly_the_experiments_of_its_term(built_site, shipped):
    assert wrong_term_listings(built_site, shipped) == []


def test_no_internal_link_or_asset_is_broken(built_site):
    site_url = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    assert broken_links(built_site, urlsplit(site_url).path) == []


def test_experiment_pages_stay_out_of_the_navigation(built_site, shipped):
    """A page links to at most its related experiments, not to every experiment in a nav."""
    experiment_urls = {e.url for e in shipped.experiments.values()}
    related = shipped.schema.site.related_count
    for entry in shipped.experiments.values():
        page = built_site / entry.url.strip("/") / "index.html"
        others = (page_links(built_site, page) & experiment_urls) - {entry.url}
        learning_links = {
            e.url
            for learning in shipped.learnings_of(entry.slug)
            for e in [shipped.experiments[s] for s in learning["experiments"]]
        }
        assert len(others - learning_links) <= related, page


def test_an_experiment_page_has_its_facts_learnings_and_edit_link(built_site):
    html = (built_site / "kokeilut/perustulokokeilu/index.html").read_text(encoding="utf-8")
    assert html.count("<h1") == 1
    assert '<aside class="kk-facts"' in html
    assert 'href="../../tasot/valtakunnallinen/"' in html
    assert 'href="../../teemat/sosiaaliturva/"' in html
    assert 'href="../../alueet/koko-suomi/"' in html
    assert 'href="../../opit/perustulo-ei-parantanut-tyollistymista/"' in html
    assert "20\u00a0000\u00a0000\u00a0€" in html
    assert (
        '<a href="https://github.com/kokeileva-suomi/kokeilukatalogi/edit/main/experiments/perustulokokeilu.md"'
        in html
    )
    assert ">Muokkaa GitHubissa</a>" in html


def test_an_experiment_page_shows_its_evaluation_result_and_ethics(built_site, shipped):
    html = (built_site / "kokeilut/perustulokokeilu/index.html").read_text(encoding="utf-8")
    facts = html.split('<aside class="kk-facts"', 1)[1].split("</aside>", 1)[0]
    assert "<dt>Arviointi</dt>" in facts and "Satunnaistettu vertailukoe" in facts
    assert "Arvioinnin tila: julkaistu" in facts
    report = shipped.experiments["perustulokokeilu"]["evaluation"]["reports"][0]
    assert f'<ul class="kk-sources"><li><a href="{report}" rel="noopener">' in facts
    assert (
        '<dt>Tulos</dt><dd class="kk-facts__result"><span class="kk-outcome kk-outcome--osittain">Toimi osittain</span>'
        in facts
    )
    assert "Osallistujien valinta: Osallistujat arvottiin" in facts
    # An experiment without a known outcome says so; one without a result shows no row.
    unknown = (built_site / "kokeilut/lohja-yhteiskayttoautokokeilu/index.html").read_text(encoding="utf-8")
    assert '<span class="kk-outcome kk-outcome--tuntematon">Tuntematon</span>' in unknown
    idea = (built_site / "kokeilut/pikselimetsa/index.html").read_text(encoding="utf-8")
    assert "<dt>Arviointi</dt>" in idea and "<dt>Tulos</dt>" not in idea


def test_the_levels_page_and_the_home_page_count_published_evaluations(built_site, shipped):
    published = {
        level.id: sum(
            1
            for e in shipped.experiments.values()
            if e["level"] == level.id and (e["evaluation"] or {}).get("status") == "julkaistu"
        )
        for level in shipped.vocabularies["tasot"]
    }
    assert sum(published.values()) >= 3 and published["valtakunnallinen"] >= 1
    levels = (built_site / "tasot/index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Julkaistu arviointi</th>' in levels
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for level, count in published.items():
        total = sum(1 for e in shipped.experiments.values() if e["level"] == level)
        assert re.search(
            rf'<a href="\.\./tasot/{level}/">[^<]*</a>.*?</th>\s*<td>{total}</td>\s*<td>{count}</td>',
            levels,
            re.S,
        ), level
        card = home.split(f'<a href="tasot/{level}/">', 1)[1].split("</li>", 1)[0]
        assert f'<span class="kk-level__evaluated">Julkaistu arviointi {count} kokeilusta</span>' in card


def test_the_guide_for_experimenters_links_to_the_contributor_guide_and_examples(built_site):
    guide = (built_site / "opas/index.html").read_text(encoding="utf-8")
    assert "<h1" in guide and "Opas kokeilijalle" in guide
    for anchor in (
        "hyva-kokeilu",
        "tavoitteet",
        "arviointi",
        "etiikka",
        "oppi",
        "keskenerainen",
        "epaonnistuminen",
    ):
        assert f'id="{anchor}"' in guide, anchor
    assert 'href="../osallistu/"' in guide
    assert 'href="../kokeilut/perustulokokeilu/"' in guide
    assert 'href="../opit/ruotsin-vaihtaminen-toiseen-kieleen-ei-kiinnostanut/"' in guide
    assert 'href="../haku/?tulos=ei-toiminut"' in guide
    contributing = (built_site / "osallistu/index.html").read_text(encoding="utf-8")
    assert 'href="../opas/"' in contributing
    assert 'href="opas/"' in (built_site / "index.html").read_text(encoding="utf-8")
    nav = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert {"Opas kokeilijalle": "opas/index.md"} in nav


def test_a_learning_page_links_back_to_its_experiments(built_site):
    html = (built_site / "opit/perustulo-ei-parantanut-tyollistymista/index.html").read_text(encoding="utf-8")
    assert 'href="../../kokeilut/perustulokokeilu/"' in html
    assert "Mikä ei toiminut" in html


def test_the_home_page_counts_each_level(built_site, shipped):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    for level in shipped.vocabularies["tasot"]:
        count = sum(1 for e in shipped.experiments.values() if e["level"] == level.id)
        assert f'<a href="tasot/{level.id}/"><span class="kk-level__count">{count}</span>' in html
    assert "Uusimmat kokeilut" in html and "Uusimmat opit" in html


def test_the_finder_page_and_its_data_are_published(built_site, shipped):
    page = (built_site / "haku/index.html").read_text(encoding="utf-8")
    meta = json.loads((built_site / "haku/data/meta.json").read_text(encoding="utf-8"))
    assert f'data-version="{meta["version"]}"' in page
    assert meta["count"] == len(shipped.experiments) + len(shipped.learnings)
    for facet in meta["facets"]:
        assert f'data-facet="{facet["param"]}"' in page
        for value in facet["values"]:
            assert f'name="{facet["param"]}" value="{value["id"]}"' in page
    for prefix in meta["shards"]:
        assert (built_site / "haku/data/terms" / f"{shard_file(prefix)}.json").is_file(), prefix
    chunks = -(-meta["count"] // meta["chunk"])
    assert sorted(p.name for p in (built_site / "haku/data/docs").iterdir()) == sorted(
        f"{n}.json" for n in range(chunks)
    )
    # Without JavaScript the finder points to the index pages.
    assert "<noscript>" in page and 'href="../teemat/"' in page


def test_lunr_comes_unchanged_from_the_installed_package(built_site):
    for name, path in find_lunr_files().paths.items():
        assert (built_site / "assets/haku" / name).read_bytes() == path.read_bytes(), name


def test_the_finder_is_the_only_search_and_every_page_has_it_in_the_header(built_site):
    assert not (built_site / "search/search_index.json").exists()  # no Material search plugin
    for page in ("index.html", "kokeilut/perustulokokeilu/index.html", "teemat/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        form = re.search(r'<form class="kk-header-search" role="search" action="([^"]+)" method="get">', html)
        assert form, page
        assert form.group(1).endswith("haku/"), page
        assert re.search(r'<input [^>]*name="q"', html), page
        assert re.search(r'<script src="[./]*assets/haku/finder\.js"', html), page
