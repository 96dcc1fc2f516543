"""Each shard's likely first results (tops/<file>.json, generator/search/tops.py), on the shipped
catalogue: every shard has one, and what it holds is exactly what docs/<n>.json says of those
documents, so a result drawn from it shows the same as one drawn from a chunk."""

from __future__ import annotations

import json

import pytest

from generator.search.lunr import shard_file
from generator.search.tops import PAGE, TOP_DOCS, shard_tops
from generator.site.planner import SitePlanner


@pytest.fixture(scope="module")
def published(shipped) -> dict[str, bytes]:
    return {f.src_uri: f.content for f in SitePlanner(shipped).search.files()}


def _records(published, meta) -> list:
    rows: list = []
    for k in range(-(-meta["count"] // meta["chunk"])):
        rows += json.loads(published[f"haku/data/docs/{k}.json"])
    return rows


def test_every_shard_has_its_tops_with_the_records_of_the_chunks(published):
    meta = json.loads(published["haku/data/meta.json"])
    assert meta["tops"] is True
    rows = _records(published, meta)
    for prefix in meta["shards"]:
        tops = json.loads(published[f"haku/data/tops/{shard_file(prefix)}.json"])
        numbers = [number for number, _ in tops]
        assert numbers == sorted(set(numbers)), prefix
        assert 0 < len(numbers) <= TOP_DOCS, prefix
        for number, record in tops:
            assert record == rows[number], (prefix, number)


def test_the_tops_hold_the_first_documents_of_the_commonest_term():
    # "kunta" is in 3 documents' bodies, "kylä" in 2 titles: each term's first page, commonest first.
    shard = {
        "start": 0,
        "terms": [
            ["kun", {"body": [1, 0.5, 4, 0.9, 7, 0.2]}],
            ["kyl", {"title": [2, 30.0, 5, 40.0], "body": [9, 0.1]}],
        ],
    }
    assert shard_tops(shard, limit=4, page=PAGE) == [1, 4, 5, 7]
    assert shard_tops(shard, limit=5, page=PAGE) == [1, 2, 4, 5, 7]
