"""The finder's facet registry: schema.yml ``facets`` (checked by generator/core/facets.py when
the schema is read), built into each language's finder data by generator/search/facets.py and
read by finder.js from meta.json.

Adding a facet is an entry in schema.yml and its label in translations.yml, nothing else: a copy
of the shipped schema with one more facet (and one with one more taxonomy and its facet) shows
it in the finder's data in every language, and the published finder.js parses, filters and
counts by it (here in Node; in Chromium in tests/browser/test_finder_facets_in_browser.py).
"""

from __future__ import annotations

import copy
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.catalogue import Catalogue
from generator.content.check import load_catalogue
from generator.core.problems import ConfigError
from generator.core.schema import Schema, load_schema, parse_schema
from generator.search.facets import translated
from generator.search.index import search_data
from generator.search.scripts import FINDER_MODULES
from tests.support import (
    NODE,
    REPO_ROOT,
    VALID_EXPERIMENT,
    VALID_LEARNING,
    published_finder,
    run_node,
    write_catalogue,
)

LANGUAGES = ("fi", "sv", "en")
# The shipped schema as data, for copies with one thing changed.
SCHEMA_DATA = yaml.safe_load(resources.files("generator.core").joinpath("schema.yml").read_text("utf-8"))
# The facet a fixture schema adds: the experiments' scale (vocabulary mittakaavat), which no
# shipped facet reads; a learning takes its experiments' scales.
SCALE_FACET = {"param": "mittakaava", "label": "Mittakaava", "field": "scale", "learnings": "experiments"}
# Its label and values as translations.yml and the fixture vocabulary have them.
SCALE_LABELS = {"fi": "Mittakaava", "sv": "Skala", "en": "Scale"}
SCALES = {
    "fi": [("pienkokeilu", "Pienkokeilu"), ("vahva-kokeilu", "Vahva kokeilu")],
    "sv": [("pienkokeilu", "Småskaligt försök"), ("vahva-kokeilu", "Omfattande försök")],
    "en": [("pienkokeilu", "Small experiment"), ("vahva-kokeilu", "Strong experiment")],
}


def schema_with(*, facets: list[dict] = (), taxonomies: list[dict] = ()) -> Schema:
    """A copy of the shipped schema with more facets and taxonomies."""
    data = copy.deepcopy(SCHEMA_DATA)
    data["facets"] += list(facets)
    data["taxonomies"] += list(taxonomies)
    return parse_schema(data)


def _experiment(title: str, start: int, scale: str | None) -> str:
    text = VALID_EXPERIMENT.replace("title: Testikokeilu", f"title: {title}")
    text = text.replace("start: 2018\nend: 2019\n", f"start: {start}\n")
    return text if scale is None else text.replace("level:", f"scale: {scale}\nlevel:")


# Newest first: a strong experiment, a learning that names it and the small one, the small one,
# and one without a scale.
SCALE_FILES = {
    "experiments/vahva.md": _experiment("Vahva kokeilu kaupungissa", 2021, "vahva-kokeilu"),
    "content/opit/oppi.md": VALID_LEARNING.replace(
        "experiments: [testikokeilu]", "experiments: [pieni, vahva]"
    ).replace("date: 2019", "date: 2020"),
    "experiments/pieni.md": _experiment("Pieni kokeilu kylässä", 2019, "pienkokeilu"),
    "experiments/ilman.md": _experiment("Kokeilu ilman mittakaavaa", 2017, None),
}


def scale_catalogue(root: Path, schema: Schema) -> Catalogue:
    """The catalogue of :data:`SCALE_FILES`, checked with ``schema``; it has no errors."""
    return load_catalogue(write_catalogue(root, SCALE_FILES), schema)


def meta_json(catalogue: Catalogue, language: str) -> dict[str, Any]:
    data = search_data(catalogue, language)
    return json.loads(next(f.content for f in data.files() if f.src_uri.endswith("meta.json")))


def _slugs(catalogue: Catalogue, language: str, ordinals: list[int]) -> list[str]:
    documents = search_data(catalogue, language).documents
    return [documents[n].slug for n in ordinals]


@pytest.fixture(scope="module")
def scales(tmp_path_factory) -> Catalogue:
    return scale_catalogue(tmp_path_factory.mktemp("scales"), schema_with(facets=[SCALE_FACET]))


# -- adding a facet ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_facet_added_to_the_schema_is_in_the_finder_data_in_every_language(scales, language):
    meta = meta_json(scales, language)
    facet = meta["facets"][-1]  # after the shipped facets, in the schema's order
    assert facet["param"] == "mittakaava" and facet["label"] == SCALE_LABELS[language]
    assert [(v["id"], v["label"]) for v in facet["values"]] == SCALES[language]
    documents = _slugs(scales, language, list(range(meta["count"])))
    by_slug = dict(zip(documents, meta["docs"]["mittakaava"], strict=True))
    # A learning takes the scales of the experiments it names (learnings: experiments).
    assert by_slug == {"vahva": [1], "oppi": [0, 1], "pieni": [0], "ilman": []}
    counts = search_data(scales, language).counts()
    assert counts["mittakaava"] == {"pienkokeilu": 2, "vahva-kokeilu": 2}


def test_the_same_catalogue_with_the_shipped_schema_has_no_such_facet(tmp_path, scales):
    shipped = scale_catalogue(tmp_path, load_schema())
    params = [f["param"] for f in meta_json(shipped, "fi")["facets"]]
    assert "mittakaava" not in params
    assert params == [f["param"] for f in meta_json(scales, "fi")["facets"]][:-1]


def test_a_taxonomy_added_to_the_schema_gets_its_facet_from_a_facet_entry(tmp_path):
    taxonomy = {
        "name": "mittakaavat",
        "field": "scale",
        "label_fi": "Mittakaavat",
        "term_label_fi": "Mittakaava",
        "url": "/mittakaavat/",
        "order": "label",
    }
    facet = {"param": "mittakaava", "label": "Mittakaava", "taxonomy": "mittakaavat"}
    without = scale_catalogue(tmp_path / "without", schema_with(taxonomies=[taxonomy]))
    assert "mittakaava" not in [f["param"] for f in meta_json(without, "fi")["facets"]]
    catalogue = scale_catalogue(tmp_path / "with", schema_with(taxonomies=[taxonomy], facets=[facet]))
    for language in LANGUAGES:
        found = meta_json(catalogue, language)["facets"][-1]
        assert found["label"] == SCALE_LABELS[language]
        # The taxonomy's terms in its order (by label): "Omfattande" before "Småskaligt".
        assert [(v["id"], v["label"]) for v in found["values"]] == sorted(
            SCALES[language], key=lambda v: v[1]
        )
    # A learning has no scale of its own (learnings: own, the default).
    assert search_data(catalogue, "fi").counts()["mittakaava"] == {"pienkokeilu": 1, "vahva-kokeilu": 1}


def test_the_published_finder_filters_and_counts_by_an_added_facet(scales, tmp_path):
    if NODE is None:
        pytest.fail("Node.js is needed to run finder.js (apt-get install nodejs).")
    meta = meta_json(scales, "en")
    searches = [
        "?mittakaava=vahva-kokeilu",
        "?mittakaava=vahva-kokeilu&mittakaava=pienkokeilu&q=x",
        "?mittakaava=pienkokeilu&laji=oppi",
        "?mittakaava=ei-ole&utm_source=x",
    ]
    answer = run_node(
        "facets.js", {"finder": str(published_finder(tmp_path)), "meta": meta, "searches": searches}
    )
    strong, both, learning, unknown = answer["searches"]
    # Before meta.json: the page's params (values unknown); with it, only known values.
    assert _slugs(scales, "en", list(range(meta["count"]))) == ["vahva", "oppi", "pieni", "ilman"]
    assert strong["early"] == strong["facets"] == {"mittakaava": ["vahva-kokeilu"]}
    assert _slugs(scales, "en", strong["results"]) == ["vahva", "oppi"]
    # What ticking gives: pienkokeilu as well would give 3 results (both), vahva-kokeilu has 2.
    assert strong["counts"]["mittakaava"] == [len(both["results"]), 2]
    assert strong["counts"]["laji"] == [1, 1]  # one experiment, one learning
    # The canonical URL: q first, then the facets in meta order and each one's values in its order.
    assert both["canonical"] == "?q=x&mittakaava=pienkokeilu&mittakaava=vahva-kokeilu"
    assert _slugs(scales, "en", both["results"]) == ["vahva", "oppi", "pieni"]
    assert _slugs(scales, "en", learning["results"]) == ["oppi"]
    assert learning["counts"]["mittakaava"] == [1, 1]
    assert unknown["early"] == {"mittakaava": ["ei-ole"]} and unknown["facets"] == {}
    assert len(unknown["results"]) == meta["count"] and unknown["canonical"] == ""
    # The facets of a result's line are facets of schema.yml.
    assert set(answer["resultLine"]) <= {f.param for f in load_schema().facets}


# -- the registry --------------------------------------------------------------------------------


def test_the_shipped_facets_in_order():
    facets = load_schema().facets
    assert [f.param for f in facets] == [
        "laji",
        "teema",
        "alue",
        "taso",
        "tila",
        "arviointi",
        "tulos",
        "vuosi",
    ]
    assert {f.param: f.vocabulary for f in facets if f.field} == {
        "tila": "tilat",
        "arviointi": "arviointiasetelmat",
        "tulos": "tulokset",
    }


@pytest.mark.parametrize("language", ("sv", "en"))
def test_every_facet_label_is_translated(language):
    """translated() refuses a label that translations.yml lacks, so the build cannot show one in
    Finnish on a Swedish or English page."""
    for facet in load_schema().facets:
        assert translated(facet.label, language).strip(), facet.param
        for value in facet.values:
            assert translated(value.label, language).strip(), value.id


def test_a_facet_label_missing_from_translations_stops_the_build_in_that_language(tmp_path):
    facet = {**SCALE_FACET, "label": "Mittakaava ilman käännöstä"}
    catalogue = scale_catalogue(tmp_path, schema_with(facets=[facet]))
    assert meta_json(catalogue, "fi")["facets"][-1]["label"] == "Mittakaava ilman käännöstä"
    with pytest.raises(ConfigError, match=r"translations\.yml: no sv for 'Mittakaava ilman käännöstä'"):
        search_data(catalogue, "sv")


@pytest.mark.parametrize(
    ("facet", "message"),
    [
        ({"param": "laji", "label": "Laji", "field": "scale"}, "the parameter laji is used twice"),
        ({"param": "q", "label": "Haku", "field": "scale"}, "param must be lowercase"),
        ({"param": "Iso", "label": "Iso", "field": "scale"}, "param must be lowercase"),
        ({"param": "x", "label": "X", "field": "scale", "vocabulary": "y"}, "unknown keys ['vocabulary']"),
        ({"param": "x", "field": "scale"}, "label must be a text of translations.yml"),
        ({"param": "x", "label": "X"}, "give one of taxonomy, field or derived"),
        ({"param": "x", "label": "X", "field": "scale", "taxonomy": "teemat"}, "give one of"),
        (
            {"param": "x", "label": "X", "taxonomy": "kunnat"},
            "no taxonomy kunnat (known: alueet, tasot, teemat)",
        ),
        ({"param": "x", "label": "X", "field": "title"}, "title is not a vocabulary field"),
        ({"param": "x", "label": "X", "field": "skaala"}, "no entry that it reads has the field 'skaala'"),
        (
            {"param": "x", "label": "X", "field": "evaluation.arvioija"},
            "no entry that it reads has the field",
        ),
        ({"param": "x", "label": "X", "field": "funding.amount_eur"}, "is not a vocabulary field"),
        ({"param": "x", "label": "X", "field": "kind", "learnings": "experiments"}, "has the field 'kind'"),
        (
            {"param": "x", "label": "X", "field": "scale", "learnings": "all"},
            "learnings is own or experiments",
        ),
        ({"param": "x", "label": "X", "derived": "month"}, "derived is one of kind, year"),
        ({"param": "x", "label": "X", "derived": "year"}, "one value, without kind"),
        (
            {
                "param": "x",
                "label": "X",
                "derived": "kind",
                "values": [{"id": "k", "kind": "experiment", "label": "K"}],
            },
            "one value for each kind of entry (experiment, learning)",
        ),
        (
            {"param": "x", "label": "X", "field": "scale", "values": [{"id": "k", "label": "K"}]},
            "only a derived facet has values",
        ),
        (
            {"param": "x", "label": "X", "derived": "year", "values": [{"id": "Ei", "label": "K"}]},
            "an id is lowercase letters, digits and hyphens",
        ),
    ],
)
def test_a_wrong_facet_is_refused_when_the_schema_is_read(facet, message):
    with pytest.raises(ConfigError, match=re.escape(message)) as refused:
        schema_with(facets=[facet])
    assert str(refused.value).startswith("schema.yml: facet")


# -- finder.js -----------------------------------------------------------------------------------


def test_finder_js_names_no_facet_but_those_of_the_result_line():
    """finder.js takes the facets from meta.json (before it, from the page): no module lists them.
    The result's line names its facets (results.js RESULT_LINE), the order by date its year
    facet (results.js DATE_FACET), and nothing else does."""
    folder = REPO_ROOT / "generator" / "search" / "assets" / "finder"
    params = {f.param for f in load_schema().facets}
    for path in sorted(folder.glob("*.js")):
        code = re.sub(r"var RESULT_LINE = \[[^\]]*\];", "", path.read_text(encoding="utf-8"))
        code = re.sub(r"var DATE_FACET = '[a-z]+';", "", code)
        named = {p for p in params if re.search(rf"['\"]{p}['\"]", code)}
        assert not named, f"{path.name} names the facets {sorted(named)}"


def test_every_module_of_finder_js_is_built_in_once():
    folder = REPO_ROOT / "generator" / "search" / "assets" / "finder"
    assert sorted(FINDER_MODULES) == sorted(p.name for p in folder.glob("*.js"))
    assert len(set(FINDER_MODULES)) == len(FINDER_MODULES) and FINDER_MODULES[-1] == "main.js"
