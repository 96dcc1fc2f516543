"""Each shard's likely first results: ``tops/<file>.json`` beside ``terms/<file>.json``.

A query's first page shows 10 results, and their display records are spread over as many
``docs/<n>.json`` chunks (documents are numbered newest first, results come by relevance): ten
small requests after the search, which on HTTP/1.1 (six connections per host) take two rounds
and on any connection cost more than the search itself. So each shard also has a file of the
records of the documents that come first for its most common terms: finder.js fetches it side
by side with the shard (its name is known before the search), and fetches chunks only for the
results it does not hold. A common word's first page then needs no chunk at all; a rare word's
needs its chunks, as before. What a query finds and its order never depend on these files.

Which documents: the shard's terms by how many documents have them (the longest posting list,
a cheap count), most first; for each, its first :data:`PAGE` documents by its score in the title,
summary and keywords fields (where a result's words weigh most; the body when those give fewer),
until the file has :data:`TOP_DOCS`. Records as in docs/<n>.json, each with its document number:
``[[number, record], …]`` in number order.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import Any

# Documents per shard's file, and per term (a results page).
TOP_DOCS = 20
PAGE = 10
# The fields a term's first documents are ranked by (their boosts make them lead), then the body.
RANKED_FIELDS = ("title", "summary", "keywords")
FALLBACK_FIELDS = ("fi", "body")


def _count(postings: dict[str, list]) -> int:
    return max(map(len, postings.values()), default=0) // 2


def _ranked(postings: dict[str, list], fields: Sequence[str], page: int) -> list[int]:
    """The first ``page`` documents by the sum of their scores in ``fields`` (ties: lower first)."""
    scores: dict[int, float] = {}
    for field in fields:
        flat = postings.get(field) or ()
        for doc, score in zip(flat[::2], flat[1::2], strict=False):  # pairs
            scores[doc] = scores.get(doc, 0.0) + score
    return [doc for doc, _ in heapq.nsmallest(page, scores.items(), key=lambda item: (-item[1], item[0]))]


def shard_tops(shard: dict[str, Any], limit: int = TOP_DOCS, page: int = PAGE) -> list[int]:
    """The document numbers of a shard's file (``{"start", "terms"}`` as lunr.py makes it),
    ascending."""
    terms = shard["terms"]
    order = [(-_count(postings), i) for i, (_, postings) in enumerate(terms)]
    heapq.heapify(order)  # the commonest terms, popped one by one (few are needed)
    chosen: dict[int, None] = {}
    while order and len(chosen) < limit:
        postings = terms[heapq.heappop(order)[1]][1]
        ranked = _ranked(postings, RANKED_FIELDS, page)
        if len(ranked) < page:
            known = set(ranked)
            ranked += [d for d in _ranked(postings, FALLBACK_FIELDS, page) if d not in known]
        for doc in ranked[:page]:
            chosen.setdefault(doc, None)
    return sorted(list(chosen)[:limit])  # the earlier (commoner) terms' documents kept


def tops_file(shard: dict[str, Any], rows: Sequence[list[Any]]) -> list[list[Any]]:
    """A shard's ``tops/<file>.json``: ``[[number, record], …]``."""
    return [[doc, rows[doc]] for doc in shard_tops(shard)]
