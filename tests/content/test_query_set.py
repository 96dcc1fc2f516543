"""The finder's query set (benchmarks/queries.yaml) stays measurable as the catalogue changes:
every query names an entry the repository ships, in an allowed language and class, and the set
keeps the size per language and class that the search-quality issue asks for. The scoring that
benchmarks/search_quality.py reports is checked on a constructed answer list."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def quality():
    spec = importlib.util.spec_from_file_location(
        "kokeilu_benchmark_quality", REPO_ROOT / "benchmarks" / "quality.py"
    )
    module = importlib.util.module_from_spec(spec)
    # Registered first: its dataclass looks its module up while the module runs.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_query_names_a_shipped_entry_in_an_allowed_language_and_class(quality):
    queries = quality.load_queries()
    problems = []
    for query in queries:
        where = f"{query.q!r} ({query.lang})"
        if query.lang not in quality.LANGUAGES:
            problems.append(f"{where}: language {query.lang!r}")
        if query.cls not in quality.CLASSES:
            problems.append(f"{where}: class {query.cls!r}")
        if query.kind not in quality.KINDS:
            problems.append(f"{where}: kind {query.kind!r}")
        elif not (REPO_ROOT / quality.SOURCE_DIRS[query.kind] / f"{query.expect}.md").is_file():
            problems.append(f"{where}: no {query.kind} {query.expect!r}")
        if query.cls == "other-language-label" and query.lang == "fi":
            problems.append(f"{where}: an other-language label is typed into the sv or en finder")
        if query.q != query.q.strip() or not query.q:
            problems.append(f"{where}: empty or padded query")
    repeated = [key for key, n in Counter((q.q.casefold(), q.lang) for q in queries).items() if n > 1]
    assert problems == [] and repeated == []


def test_the_set_keeps_its_size_per_language_and_class(quality):
    queries = quality.load_queries()
    languages = Counter(q.lang for q in queries)
    classes = Counter(q.cls for q in queries)
    assert len(queries) >= 240
    assert languages["fi"] >= 150 and languages["sv"] >= 45 and languages["en"] >= 45
    assert {name: classes[name] for name in quality.CLASSES if classes[name] < 20} == {}


def test_recall_and_mrr_count_the_expected_entry_in_any_language_within_the_first_ten(quality):
    hit = quality.Query(q="a", lang="sv", cls="topic", expect="x")
    late = quality.Query(q="b", lang="sv", cls="typo", expect="y", kind="learning")
    addresses = ["/sv/kokeilut/z/", "/kokeilut/sivu/2/", "/sv/teemat/ruoka/", "http://h/kokeilut/x/"]
    entries = [e for e in map(quality.entry_of, addresses) if e]
    assert entries == [("experiment", "z"), ("experiment", "x")]
    eleventh = [("learning", f"n{i}") for i in range(10)] + [("learning", "y")]
    ranks = [quality.rank_of(hit, entries), quality.rank_of(late, eleventh)]
    assert ranks == [2, None]
    table = quality.scores([hit, late], ranks)
    assert table["all"] == {"n": 2, "recall": 0.5, "mrr": 0.25}
    assert table["topic"]["recall"] == 1.0 and table["typo"]["recall"] == 0.0
