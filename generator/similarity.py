"""Likely duplicates: entries of the same kind whose titles or slugs are nearly the same.

Used by ``kokeilu diff`` (a new entry that resembles an existing one) and ``kokeilu report``
(near-duplicate pairs in the whole catalogue). Titles are normalised first: lower case, ä→a,
ö→o, å→a, punctuation and repeated spaces dropped. Two entries are similar when the
:class:`difflib.SequenceMatcher` ratio of their normalised titles is at least
:data:`TITLE_THRESHOLD`, or the ratio of their slugs is at least :data:`SLUG_THRESHOLD`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import Entry
from generator.slug import slugify

TITLE_THRESHOLD = 0.85
SLUG_THRESHOLD = 0.9


def normalise_title(title: str) -> str:
    """ "Särkifood – Ravintolapäivä!" → "sarkifood ravintolapaiva"."""
    return slugify(title, max_length=1000).replace("-", " ")


def _title_ratio(a: Entry, b: Entry) -> float:
    return difflib.SequenceMatcher(None, normalise_title(a.title), normalise_title(b.title)).ratio()


def _slug_ratio(a: Entry, b: Entry) -> float:
    return difflib.SequenceMatcher(None, a.slug, b.slug).ratio()


def is_similar(a: Entry, b: Entry) -> bool:
    return _title_ratio(a, b) >= TITLE_THRESHOLD or _slug_ratio(a, b) >= SLUG_THRESHOLD


@dataclass(frozen=True)
class Match:
    entry: Entry
    other: Entry
    score: float  # the larger of the title and slug ratios, rounded to two decimals


def similar_to(entry: Entry, others: Iterable[Entry]) -> list[Match]:
    """The entries of ``others`` (except ``entry`` itself) similar to ``entry``, best first."""
    matches = [
        Match(entry, other, round(max(_title_ratio(entry, other), _slug_ratio(entry, other)), 2))
        for other in others
        if other.slug != entry.slug and is_similar(entry, other)
    ]
    return sorted(matches, key=lambda m: (-m.score, m.other.path))


def similar_pairs(entries: Iterable[Entry]) -> list[Match]:
    """Every similar pair once (the entry with the smaller path first), sorted by path."""
    ordered = sorted(entries, key=lambda e: e.path)
    pairs = []
    for i, entry in enumerate(ordered):
        pairs.extend(similar_to(entry, ordered[i + 1 :]))
    return sorted(pairs, key=lambda m: (m.entry.path, m.other.path))
