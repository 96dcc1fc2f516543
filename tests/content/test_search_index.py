"""The finder's index and data, built from the shipped catalogue (generator/search/index.py)."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter

import pytest
from lunr.builder import Builder

from generator.content.check import load_catalogue
from generator.search.finnish import finnish_pipeline, js_text
from generator.search.index import SearchData, body_text
from generator.search.lunr import (
    INDEX_PIPELINE,
    SEARCH_PIPELINE,
    SHARD_POSTINGS,
    load_index,
    merge_shards,
    needed_shards,
    search,
    shard_file,
    shard_prefixes,
)
from generator.site.planner import SitePlanner
from tests.support import assert_same_lunr_index


@pytest.fixture(scope="module")
def data(shipped) -> SearchData:
    return SitePlanner(shipped).search


@pytest.fixture(scope="module")
def published(data) -> dict[str, bytes]:
    return {f.src_uri: f.content for f in data.files()}


@pytest.fixture(scope="module")
def meta(published) -> dict:
    return json.loads(published["haku/data/meta.json"])


@pytest.fixture(scope="module")
def shards(published, meta) -> dict[str, dict]:
    return {p: json.loads(published[f"haku/data/terms/{shard_file(p)}.json"]) for p in meta["shards"]}


@pytest.fixture(scope="module")
def index(meta, shards):
    return load_index(merge_shards(meta["index"], shards.values()))


def _slugs(data, numbers):
    return [data.documents[n].slug for n in numbers]


def test_the_merged_shards_are_the_index_plain_lunr_py_builds(data, meta, shards):
    functions = finnish_pipeline().functions
    builder = Builder()
    builder.pipeline.add(*(functions[name] for name in INDEX_PIPELINE))
    builder.search_pipeline.add(*(functions[name] for name in SEARCH_PIPELINE))
    builder.ref("ref")
    for name, boost in data.field_specs:
        builder.field(name, boost=boost)
    for number, entry in enumerate(data.documents):
        texts = (entry.title, entry.summary, data.keywords(entry), body_text(entry.body))
        # The field "fi": the base forms and compound parts of the entry's words (morphology.py).
        texts += (data.morphology_text(entry),)
        fields = zip(data.field_specs, texts, strict=True)
        builder.add({"ref": str(number), **{name: js_text(t) for (name, _), t in fields}})
    plain = builder.build().serialize()
    ours = merge_shards(meta["index"], shards.values())

    assert_same_lunr_index(ours, plain)


@pytest.mark.parametrize("query", ["kunnissa", "kuntien", "kunnat", "kuntaan"])
def test_inflected_forms_of_kunta_find_the_entries_that_say_kunta(data, index, query):
    says_kunta = {
        n
        for n, entry in enumerate(data.documents)
        if any(
            w.strip(".,:;()”") in {"kunta", "kunnan"}
            for w in f"{entry.title} {entry.summary}".lower().split()
        )
    }
    assert says_kunta, "the shipped catalogue has entries that say kunta"
    assert says_kunta <= set(search(index, query))


@pytest.fixture(scope="module")
def fixture_data(fixture_site) -> SearchData:
    """The fixture site's finder data: its entries are known, the shipped catalogue's are not."""
    return SitePlanner(load_catalogue(fixture_site)).search


def test_perustulon_finds_the_basic_income_experiment_and_its_learning_first(fixture_data):
    published = {f.src_uri: f.content for f in fixture_data.files()}
    meta = json.loads(published["haku/data/meta.json"])
    shards = [json.loads(published[f"haku/data/terms/{shard_file(p)}.json"]) for p in meta["shards"]]
    found = _slugs(fixture_data, search(load_index(merge_shards(meta["index"], shards)), "perustulon"))
    # The genitive finds "Perustulo" and the compound "Perustulokoe", and nothing else.
    assert found == ["perustulo-ei-lisannyt-tyollisyytta", "perustulokoe-tyottomille"]


def _two_title_words(data, index) -> tuple[int, str, str]:
    """A document and two words of its title that find different sets of documents."""
    pipeline = finnish_pipeline()
    for number, entry in enumerate(data.documents):
        words = [w for w in dict.fromkeys(entry.title.lower().split()) if w.isalpha() and len(w) > 3]
        words = [w for w in words if not pipeline.is_stop_word(w)]
        if len(words) >= 2 and set(search(index, words[0])) != set(search(index, words[1])):
            return number, words[0], words[1]
    pytest.fail("no entry has two title words that find different entries")


def test_every_word_of_a_query_must_match(data, index):
    number, first, second = _two_title_words(data, index)
    both = set(search(index, f"{first} {second}"))
    assert number in both
    assert both <= set(search(index, first)) & set(search(index, second))
    assert both != set(search(index, first)) or both != set(search(index, second))
    assert search(index, f"{first} xyzzy") == []


def test_stop_words_and_punctuation_alone_are_no_query(index):
    assert search(index, "ja tai") == []
    assert search(index, " ,.; ") == []


def test_each_term_lives_in_exactly_one_shard_that_starts_it(shards):
    seen = Counter()
    for prefix, shard in shards.items():
        terms = [term for term, _ in shard["terms"]]
        assert terms == sorted(terms)
        assert all(term.startswith(prefix) for term in terms), prefix
        seen.update(terms)
    assert seen and max(seen.values()) == 1
    starts = sorted((shard["start"], len(shard["terms"])) for shard in shards.values())
    assert [s for s, _ in starts] == [sum(n for _, n in starts[:i]) for i in range(len(starts))]


def test_big_shards_split_into_longer_prefixes():
    terms = [(f"ko{chr(97 + i)}{j}", 10) for i in range(26) for j in range(20)] + [("ko", 5), ("pa", 1)]
    prefixes = shard_prefixes(terms)
    assert "pa" in prefixes and "ko" in prefixes  # "ko" itself stays in the two-letter shard
    assert {f"ko{chr(97 + i)}" for i in range(26)} <= prefixes
    counts = Counter()
    for term, count in terms:
        counts[max((p for p in prefixes if term.startswith(p)), key=len)] += count
    assert max(counts.values()) <= SHARD_POSTINGS


def test_a_stem_needs_the_shards_of_all_its_longer_terms(shards, meta):
    for stem in ("kun", "perustulo", "ko", "a", "ty", "kierto"):
        needed = needed_shards([stem], meta["shards"])
        holding = {p for p in meta["shards"] for term, _ in shards[p]["terms"] if term.startswith(stem)}
        if len(stem) == 1:
            holding = {p for p in holding if any(t == stem for t, _ in shards[p]["terms"])}
        assert holding <= set(needed), stem


def test_facet_counts_come_from_the_catalogue(shipped, data, meta):
    counts = data.counts()
    levels = Counter(e["level"] for e in shipped.experiments.values())
    for level, count in levels.items():
        learnings = sum(
            1
            for learning in shipped.learnings.values()
            if any(shipped.experiments[s]["level"] == level for s in learning["experiments"])
        )
        assert counts["taso"][level] == count + learnings
    assert counts["laji"] == {"kokeilu": len(shipped.experiments), "oppi": len(shipped.learnings)}
    assert sum(counts["vuosi"].values()) == meta["count"] == len(shipped.experiments) + len(shipped.learnings)
    params = [f["param"] for f in meta["facets"]]
    assert params == ["laji", "teema", "alue", "taso", "tila", "arviointi", "tulos", "vuosi"]
    for facet in meta["facets"]:
        column = meta["docs"][facet["param"]]
        assert len(column) == meta["count"]
        assert all(0 <= v < len(facet["values"]) for values in column for v in values)


def test_the_evidence_facets_count_experiments_and_the_learnings_drawn_from_them(shipped, data, meta):
    """arviointi is evaluation.design and tulos is result.outcome; a learning takes the values
    of the experiments it names, as it does for the region and the level."""
    counts = data.counts()
    for param, field, sub in (("arviointi", "evaluation", "design"), ("tulos", "result", "outcome")):

        def value(experiment, field=field, sub=sub):
            group = experiment.values.get(field)
            return group[sub] if group else None

        expected = Counter(value(e) for e in shipped.experiments.values() if value(e))
        for learning in shipped.learnings.values():
            expected.update({value(shipped.experiments[s]) for s in learning["experiments"]} - {None})
        assert counts[param] == dict(expected), param
    facet = next(f for f in meta["facets"] if f["param"] == "arviointi")
    assert facet["label"] == "Arviointi"
    assert {"id": "satunnaistettu", "label": "Satunnaistettu vertailukoe"} in facet["values"]
    outcomes = next(f for f in meta["facets"] if f["param"] == "tulos")
    assert {"id": "ei-toiminut", "label": "Ei toiminut"} in outcomes["values"]
    # Each document carries the designs of its own experiment, or those of a learning's.
    for number, entry in enumerate(data.documents):
        sources = (
            [entry] if entry.kind == "experiment" else [shipped.experiments[s] for s in entry["experiments"]]
        )
        designs = {e.values["evaluation"]["design"] for e in sources if e.values.get("evaluation")}
        shown = {facet["values"][i]["id"] for i in meta["docs"]["arviointi"][number]}
        assert shown == designs, entry.slug


def test_an_evidence_facet_nothing_uses_is_left_out(make_catalogue):
    from generator.content.check import load_catalogue
    from tests.support import VALID_EXPERIMENT

    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    params = [f.param for f in SitePlanner(load_catalogue(root)).search.facets]
    assert params == ["laji", "teema", "alue", "taso", "tila", "tulos", "vuosi"]


def test_documents_are_numbered_newest_first(data, published, meta):
    years = [
        int(v["id"])
        for v in next(f for f in meta["facets"] if f["param"] == "vuosi")["values"]
        if v["id"].isdigit()
    ]
    assert years == sorted(years, reverse=True)
    first = json.loads(published["haku/data/docs/0.json"])
    kinds = [k["url"] for k in meta["kinds"]]
    newest = data.documents[0]
    assert first[0][1] == newest.slug and newest.url == f"/{kinds[first[0][0]]}{newest.slug}/"
    assert [r[1] for r in first] == [e.slug for e in data.documents[: meta["chunk"]]]


def test_the_data_is_deterministic_and_its_version_follows_the_content(shipped):
    first = {f.src_uri: f.content for f in SitePlanner(shipped).search.files()}
    again = {f.src_uri: f.content for f in SitePlanner(shipped).search.files()}
    assert first == again
    entry = next(iter(shipped.experiments.values()))
    changed = dataclasses.replace(entry, values={**entry.values, "summary": entry.summary + " Lisäys."})
    other = dataclasses.replace(shipped, experiments={**shipped.experiments, entry.slug: changed})
    assert SitePlanner(other).search.version != SitePlanner(shipped).search.version


def test_body_text_keeps_words_and_drops_markup_and_addresses():
    markdown = "## Tausta\n\nLue [raportti](https://example.org/r.pdf) ja **tulokset** <https://x.fi>.\n"
    assert body_text(markdown, 50) == "Tausta Lue raportti ja tulokset ."
    assert body_text("Katso mailto:info@example.org tai `koodi` > lainaus", 50) == "Katso tai koodi lainaus"
    assert body_text(" ".join(["sana"] * 500), 120) == " ".join(["sana"] * 120)
