"""The count beside a facet value is the number of results that ticking it would give
(docs/finder.md), whatever is ticked already: checked on the published finder.js in Node, for
every value of every facet, against the results of the same search with that value ticked."""

from __future__ import annotations

import random
import re
from urllib.parse import urlencode

import pytest

from tests.support import NODE, published_finder, run_node


def _meta(seed: int) -> dict:
    """A made-up meta.json: three facets, 40 documents with 0-2 values in each."""
    rng = random.Random(seed)
    facets = [
        {"param": "a", "label": "A", "values": [{"id": f"a{n}", "label": f"A{n}"} for n in range(4)]},
        {"param": "b", "label": "B", "values": [{"id": f"b{n}", "label": f"B{n}"} for n in range(3)]},
        {"param": "c", "label": "C", "values": [{"id": f"c{n}", "label": f"C{n}"} for n in range(5)]},
    ]
    count = 40
    docs = {
        f["param"]: [sorted(rng.sample(range(len(f["values"])), rng.randint(0, 2))) for _ in range(count)]
        for f in facets
    }
    return {"count": count, "chunk": 10, "facets": facets, "docs": docs, "kinds": []}


SELECTIONS = [
    [],
    [("a", "a0")],
    [("a", "a0"), ("a", "a2")],
    [("a", "a1"), ("b", "b0")],
    [("a", "a1"), ("a", "a3"), ("b", "b2"), ("c", "c4")],
]


@pytest.mark.parametrize("seed", [1, 2])
def test_every_count_is_what_ticking_the_value_gives(seed, tmp_path):
    if NODE is None:
        pytest.fail("Node.js is needed to run finder.js (apt-get install nodejs).")
    meta = _meta(seed)
    values = [(f["param"], v["id"]) for f in meta["facets"] for v in f["values"]]
    searches, expected = [], []
    for selection in SELECTIONS:
        base = "?" + urlencode(selection)
        searches.append(base)
        for value in (v for v in values if v not in selection):  # a ticked one: the test below
            ticked = [*selection, value]
            searches.append("?" + urlencode(ticked))
            expected.append((base, value, "?" + urlencode(ticked)))
    answer = run_node(
        "facets.js", {"finder": str(published_finder(tmp_path)), "meta": meta, "searches": searches}
    )
    by_search = {s["search"]: s for s in answer["searches"]}
    checked = 0
    for base, (param, value_id), ticked in expected:
        facet = next(f for f in meta["facets"] if f["param"] == param)
        index = [v["id"] for v in facet["values"]].index(value_id)
        count = by_search[base]["counts"][param][index]
        assert count == len(by_search[ticked]["results"]), (base, param, value_id)
        checked += 1
    assert checked == sum(len(values) - len(selection) for selection in SELECTIONS)
    # Ticking a second value of the same facet never shrinks the results (OR within a facet).
    first = by_search["?a=a0"]
    assert all(n >= len(first["results"]) for n in first["counts"]["a"])


def test_a_ticked_value_counts_the_results_that_have_it(tmp_path):
    meta = _meta(3)
    search = "?a=a0&a=a1"
    answer = run_node(
        "facets.js", {"finder": str(published_finder(tmp_path)), "meta": meta, "searches": [search]}
    )
    found = answer["searches"][0]
    for index in (0, 1):
        having = [ord_ for ord_ in found["results"] if index in meta["docs"]["a"][ord_]]
        assert found["counts"]["a"][index] == len(having)


def test_the_order_by_date_reads_the_schemas_year_facet():
    """results.js orders by date with the facet schema.yml derives from the year (DATE_FACET)."""
    from generator.core.schema import load_schema
    from tests.support import REPO_ROOT

    code = (REPO_ROOT / "generator/search/assets/finder/results.js").read_text(encoding="utf-8")
    named = re.search(r"var DATE_FACET = '([a-z]+)';", code)
    assert named is not None
    assert [f.param for f in load_schema().facets if f.derived == "year"] == [named.group(1)]


def test_a_result_line_leaves_unknown_values_out_as_the_cards_do(tmp_path):
    """An unknown region or status is said once, on the entry's page: a result's line shows the
    known values and the years as the cards read them, never "Tuntematon"."""
    values = {
        "taso": ["alueellinen", "tuntematon"],
        "alue": ["uusimaa", "tuntematon"],
        "tila": ["paattynyt", "tuntematon"],
    }
    facets = [
        {"param": p, "label": p, "values": [{"id": v, "label": v.capitalize()} for v in ids]}
        for p, ids in values.items()
    ]
    docs = {"taso": [[0], [0]], "alue": [[1], [0]], "tila": [[1], [0]]}
    meta = {"count": 2, "chunk": 10, "facets": facets, "docs": docs, "kinds": [{"label": "Kokeilu"}]}
    records = [[0, [0, "a", "A", "", "alkoi 2018"]], [1, [0, "b", "B", "", "2019–2020"]]]
    answer = run_node(
        "facets.js",
        {"finder": str(published_finder(tmp_path)), "meta": meta, "searches": [], "records": records},
    )
    assert answer["lines"] == [
        "Kokeilu · Alueellinen · alkoi 2018",
        "Kokeilu · Alueellinen · Uusimaa · Paattynyt · 2019–2020",
    ]
