"""The repository's site: ``mkdocs build --strict`` from the shipped catalogue, grown by
tests/growth.py (one build per session). Every test holds for whatever the catalogue holds: it
checks each page against its own entry, never a particular entry."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import escape as html_escape
from urllib.parse import urlsplit

import pytest
import yaml

from generator.engines.render import plugin_options, read_site_config
from generator.search.finnish import find_lunr_files
from generator.search.lunr import shard_file
from tests.links import broken_links, page_links, wrong_term_listings

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
    # (tests/site/test_growth.py checks that the catalogue is the repository's plus the growth.)


def test_each_term_page_lists_exactly_the_experiments_of_its_term(built_site, shipped):
    assert wrong_term_listings(built_site, shipped) == []


def test_no_internal_link_or_asset_is_broken(built_site, shipped_root):
    site_url = yaml.safe_load((shipped_root / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    assert broken_links(built_site, urlsplit(site_url).path) == []


def test_experiment_pages_stay_out_of_the_navigation(built_site, shipped):
    """A page links to at most its related experiments, besides those of its learnings, the
    larger experiment it is part of and its own parts; not to every experiment in a nav."""
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
        family = {
            e.url
            for e in shipped.experiments.values()
            if entry.values.get("part_of") == e.slug or e.values.get("part_of") == entry.slug
        }
        assert family <= others, page  # the parent and every part are linked
        assert len(others - learning_links - family) <= related, page


def _page(built_site, url: str) -> str:
    return (built_site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def _facts(html: str) -> str:
    """The key facts under the title and the full facts after the story."""
    keyfacts = html.split('<section class="kk-keyfacts"', 1)[1].split("</section>", 1)[0]
    return keyfacts + html.split('<aside class="kk-facts"', 1)[1].split("</aside>", 1)[0]


def _euros(amount) -> str:
    """An exact whole amount as the pages write it: 20\u00a0000\u00a0000\u00a0€."""
    return f"{int(amount):,}".replace(",", "\u00a0") + "\u00a0€"


def _region_pages(regions) -> list[str]:
    """The region pages an experiment links to: its regions or Koko Suomi ([]); an unknown
    region is named once among the missing facts, not linked."""
    if isinstance(regions, list):
        return regions or ["koko-suomi"]
    return []


def test_every_experiment_page_has_its_facts_learnings_and_edit_link(built_site, shipped):
    edit_url = plugin_options(read_site_config(shipped.root))["edit_url"]
    amounts = 0
    for entry in shipped.experiments.values():
        html = _page(built_site, entry.url)
        assert html.count("<h1") == 1, entry.slug
        facts = _facts(html)
        assert f'href="../../tasot/{entry["level"]}/"' in facts, entry.slug
        for theme in entry["themes"]:
            assert f'href="../../teemat/{theme}/"' in facts, (entry.slug, theme)
        for region in _region_pages(entry["regions"]):
            assert f'href="../../alueet/{region}/"' in facts, (entry.slug, region)
        for learning in shipped.learnings_of(entry.slug):
            assert f'href="../../opit/{learning.slug}/"' in html, (entry.slug, learning.slug)
        funding = entry.values.get("funding") or {}
        if isinstance(funding.get("amount_eur"), int) and funding.get("amount_precision") in (None, "tarkka"):
            assert f'<span class="kk-amount">{_euros(funding["amount_eur"])}</span>' in facts, entry.slug
            amounts += 1
        assert (
            f'<a href="{html_escape(edit_url + entry.path)}" rel="noopener">Muokkaa GitHubissa</a>' in facts
        )
    assert amounts  # exact amounts were seen (the growth has some)


def test_every_experiment_page_shows_its_evaluation_result_and_ethics(built_site, shipped):
    vocabularies = shipped.vocabularies
    seen = Counter()
    for entry in shipped.experiments.values():
        facts = _facts(_page(built_site, entry.url))
        evaluation, result, ethics = (entry.values.get(k) for k in ("evaluation", "result", "ethics"))
        # An evaluation whose only fact is an unknown design is a missing fact, not a row.
        told = evaluation and (
            evaluation["design"] != "tuntematon"
            or any(evaluation.get(k) for k in ("evaluator", "status", "reports"))
        )
        assert ("<dt>Arviointi</dt>" in facts) is bool(told), entry.slug
        if evaluation:
            design = vocabularies["arviointiasetelmat"][evaluation["design"]].fi
            shown = f'<span class="kk-facts__design">{html_escape(design)}</span>' in facts
            assert shown is (evaluation["design"] != "tuntematon"), entry.slug
            if evaluation.get("status"):
                status = vocabularies["arviointitilat"][evaluation["status"]].fi.lower()
                assert f"Arvioinnin tila: {status}" in facts, entry.slug
            for report in evaluation.get("reports") or []:
                assert f'<li><a href="{html_escape(report)}" rel="noopener">' in facts, entry.slug
                seen["report"] += 1
        # A result row says the outcome or the summary; an unknown outcome alone is a missing fact.
        told = result and (result["outcome"] != "tuntematon" or result.get("summary"))
        assert ("<dt>Tulos</dt>" in facts) is bool(told), entry.slug
        if result and result["outcome"] == "tuntematon":
            seen["tuntematon"] += 1
        elif result:
            label = vocabularies["tulokset"][result["outcome"]].fi
            assert (
                f'<dt>Tulos</dt><dd class="kk-facts__result"><span class="kk-outcome '
                f'kk-outcome--{result["outcome"]}">{html_escape(label)}</span>'
            ) in facts, entry.slug
            seen[result["outcome"]] += 1
        if ethics and ethics.get("participants"):
            assert f"Osallistujien valinta: {html_escape(ethics['participants'])}" in facts, entry.slug
            seen["participants"] += 1
        if evaluation and not result:
            seen["evaluation without result"] += 1
    assert {"report", "tuntematon", "participants", "evaluation without result"} <= set(seen), seen


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
        start = f'<a href="tasot/{level}/"><span class="kk-level__count">'
        card = home.split(start, 1)[1].split("</li>", 1)[0]
        assert f'<span class="kk-level__evaluated">Julkaistu arviointi {count} kokeilusta</span>' in card


def test_the_guide_for_experimenters_links_to_the_contributor_guide_and_examples(built_site, shipped_root):
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
    # Its examples: every link of the source to an experiment or a learning is one on the page.
    source = (shipped_root / "content/opas/index.md").read_text(encoding="utf-8")
    examples = re.findall(r"\]\(\.\./(kokeilut|opit)/([a-z0-9-]+)\.md\)", source)
    assert {kind for kind, _ in examples} == {"kokeilut", "opit"}
    for kind, slug in examples:
        assert f'href="../{kind}/{slug}/"' in guide, slug
        assert (built_site / kind / slug / "index.html").is_file(), slug
    assert 'href="../haku/?tulos=ei-toiminut"' in guide
    contributing = (built_site / "osallistu/index.html").read_text(encoding="utf-8")
    assert 'href="../opas/"' in contributing
    assert 'href="opas/"' in (built_site / "index.html").read_text(encoding="utf-8")
    nav = yaml.safe_load((shipped_root / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert {"Opas kokeilijalle": "opas/index.md"} in nav


def test_every_learning_page_links_back_to_its_experiments_and_says_its_kind(built_site, shipped):
    kinds = shipped.vocabularies["oppityypit"]
    for learning in shipped.learnings.values():
        html = _page(built_site, learning.url)
        for slug in learning["experiments"]:
            assert f'href="../../kokeilut/{slug}/"' in html, (learning.slug, slug)
        kind = learning["kind"]
        assert f'<span class="kk-kind kk-kind--{kind}">{html_escape(kinds[kind].fi)}</span>' in html, (
            learning.slug
        )


def test_the_home_page_counts_each_level(built_site, shipped):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    for level in shipped.vocabularies["tasot"]:
        count = sum(1 for e in shipped.experiments.values() if e["level"] == level.id)
        assert f'<a href="tasot/{level.id}/"><span class="kk-level__count">{count}</span>' in html
    assert "Uusimmat kokeilut" in html and "Nostoja opeista" in html


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


def test_the_finder_is_the_only_search_and_every_page_has_it_in_the_header(built_site, shipped):
    assert not (built_site / "search/search_index.json").exists()  # no Material search plugin
    experiments = [f"{e.url.strip('/')}/index.html" for e in shipped.experiments.values()]
    for page in ("index.html", "teemat/index.html", *experiments):
        html = (built_site / page).read_text(encoding="utf-8")
        form = re.search(r'<form class="kk-header-search" role="search" action="([^"]+)" method="get">', html)
        assert form, page
        assert form.group(1).endswith("haku/"), page
        assert re.search(r'<input [^>]*name="q"', html), page
        # finder.js only where the finder is (issue 22): /haku/ loads it itself.
        assert not re.search(r'<script src="[./]*assets/haku/finder\.js', html), page
    finder = (built_site / "haku/index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="[./]*assets/haku/finder\.js', finder)
