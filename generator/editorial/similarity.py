"""Likely duplicates: entries of the same kind whose titles are nearly the same.

Used by ``kokeilu diff`` (an added entry that resembles an existing one) and ``kokeilu report``
(near-duplicate pairs in the whole catalogue).

Titles are normalised first (lower case, ä→a, ö→o, å→a, punctuation dropped) and padded with a
space at each end, so word starts and ends count. Their similarity is the Sørensen–Dice
coefficient of their character bigrams, counted with repeats: ``2 × shared / (|a| + |b|)``.
Two entries are similar when it is at least :data:`THRESHOLD`. A typo, a swapped letter, a
year or a place name added to a title stay above it; titles that only share words do not::

    "Pyöräkokeilu Tampereella" ~ "Pyöräkokeilu Tampereella 2"   0.96
    "Perustulokokeilu"         ~ "Perustulokokielu"             0.82
    "Perustulokokeilu"         ~ "Suomen perustulokokeilu"      0.83
    "Älykäs auto Lohjalla"     ≁ "Älykäs kauppa Lohjalla"       0.77

Comparing every pair is quadratic: 50 million pairs at 10,000 entries. :class:`SimilarityIndex`
finds exactly the same pairs from candidates (prefix filtering, as in the AllPairs algorithm):

- a title with ``n`` bigrams can only be similar to one with at least ``n·t/(2−t)`` bigrams,
  so it must share at least ``s = ⌈n·t/(2−t)⌉`` of its bigrams with any similar title;
- in a fixed global order (rarest bigram first), two sets sharing ``s`` members share ``k``
  of the first ``n − s + k`` members of each (the shared members in each prefix are the first
  ones of the intersection). Only those prefixes are indexed, and a candidate must meet in
  :data:`PREFIX_SHARED` of them, which rules out most pairs before any set is intersected;
- every candidate is then checked with the exact coefficient, on bit masks of the bigram sets
  (one bit per numbered bigram: the shared count is the popcount of the two masks' AND).

A catalogue of near-identical titles has a quadratic number of similar pairs (4.5 million at
3,000 titles), too many to show or even to hold. What is shown is bounded by :class:`Limits`:
each entry's :data:`PER_ENTRY` best matches, and of those the :data:`MAX_PAIRS` best in all.
:meth:`SimilarityIndex.best_pairs` keeps only those while it goes through the pairs, so its
memory grows with the entries, never with the pairs, and it counts every pair it leaves out
(:class:`Shortlist`, :func:`limits_note`). Under the limits, it finds exactly the pairs that
comparing all would.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from generator.core.model import Entry
from generator.core.slug import slugify
from generator.i18n.presentation import count_fi

THRESHOLD = 0.8
PREFIX_SHARED = 6  # k above: the shared prefix members a candidate needs (fastest at 10,000)
PER_ENTRY = 5  # the best matches shown for each entry
MAX_PAIRS = 100  # the most pairs shown in all


def normalise_title(title: str) -> str:
    """ "Särkifood – Ravintolapäivä!" → "sarkifood ravintolapaiva"."""
    return slugify(title, max_length=1000).replace("-", " ")


def bigrams(text: str) -> frozenset[str]:
    """The bigrams of `` text `` (padded), repeats numbered so a set counts them all."""
    padded = f" {text} "
    seen: Counter[str] = Counter()
    tokens = []
    for i in range(len(padded) - 1):
        gram = padded[i : i + 2]
        seen[gram] += 1
        tokens.append(f"{gram}{seen[gram]}")
    return frozenset(tokens)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def is_similar(a: frozenset[str], b: frozenset[str]) -> bool:
    """``dice(a, b) >= THRESHOLD``, computed one way everywhere so rounding never differs."""
    return 2 * len(a & b) >= THRESHOLD * (len(a) + len(b))


def title_similarity(a: str, b: str) -> float:
    """The similarity of two titles, 0…1."""
    return dice(bigrams(normalise_title(a)), bigrams(normalise_title(b)))


def shared_needed(size: int, threshold: float = THRESHOLD) -> int:
    """The fewest bigrams a title with ``size`` bigrams shares with any title similar to it."""
    return math.ceil(size * threshold / (2 - threshold) - 1e-9)


@dataclass(frozen=True)
class Match:
    entry: Entry
    other: Entry
    score: float  # the similarity, rounded to two decimals


@dataclass(frozen=True)
class Limits:
    """How many similar pairs are shown: each entry's ``per_entry`` best matches (best: the
    higher score, then the path), and of those the ``total`` best. None: no limit."""

    per_entry: int | None = PER_ENTRY
    total: int | None = MAX_PAIRS


SHOWN = Limits()
UNBOUNDED = Limits(None, None)  # every pair: what was shown before the limits, for benchmarks


@dataclass(frozen=True)
class Shortlist:
    """The pairs shown, sorted by path, and how many similar pairs there are in all."""

    matches: list[Match]
    found: int
    limits: Limits = SHOWN

    @property
    def omitted(self) -> int:
        return self.found - len(self.matches)


def limits_note(found: int, shown: int, limits: Limits, whose: str = "kunkin merkinnän") -> str:
    """The Finnish sentence that says the limits and what they left out; "" when nothing was.

    "Löytyi 4498500 paria; näytetään kunkin merkinnän 5 parhaiten vastaavaa, enintään 100
    paria. 4498400 paria jätettiin pois." """
    if found == shown:
        return ""
    bounds = []
    if limits.per_entry is not None:
        bounds.append(f"{whose} {limits.per_entry} parhaiten vastaavaa")
    if limits.total is not None:
        bounds.append(f"enintään {count_fi(limits.total, 'pari', 'paria')}")
    return (
        f"Löytyi {count_fi(found, 'pari', 'paria')}; näytetään {', '.join(bounds)}. "
        f"{count_fi(found - shown, 'pari', 'paria')} jätettiin pois."
    )


class _Best:
    """The ``size`` greatest items pushed so far (every item when ``size`` is None)."""

    def __init__(self, size: int | None) -> None:
        self.size = size
        self.items: list = []

    def push(self, item) -> None:
        if self.size is None:
            self.items.append(item)
        elif len(self.items) < self.size:
            heapq.heappush(self.items, item)
        elif item > self.items[0]:
            heapq.heapreplace(self.items, item)


class SimilarityIndex:
    """The entries of one kind, indexed to find their near-duplicates without comparing all pairs."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = sorted(entries, key=lambda e: e.path)
        self._position = {e.path: i for i, e in enumerate(self.entries)}
        self._grams = [bigrams(normalise_title(e.title)) for e in self.entries]
        frequency = Counter(g for grams in self._grams for g in grams)
        # The commonest bigrams get the lowest bits, which keeps most masks short.
        bit = {g: n for n, (g, _count) in enumerate(frequency.most_common())}
        self._masks = [sum(1 << bit[g] for g in grams) for grams in self._grams]
        self._sizes = [len(grams) for grams in self._grams]
        self._needed = [shared_needed(len(grams)) for grams in self._grams]
        self._prefixes = [
            sorted(grams, key=lambda g: (frequency[g], g))[: len(grams) - needed + PREFIX_SHARED]
            for grams, needed in zip(self._grams, self._needed, strict=True)
        ]
        # Titles so short that they need fewer shared bigrams than PREFIX_SHARED: rare.
        self._short = [i for i, needed in enumerate(self._needed) if needed < PREFIX_SHARED]
        self._all_postings: dict[str, list[int]] | None = None

    def _candidates(self, i: int, postings: dict[str, list[int]]) -> list[int]:
        """The entries in ``postings`` meeting entry ``i`` in enough prefix members."""
        met = Counter(chain.from_iterable(postings.get(g, ()) for g in self._prefixes[i]))
        needed = self._needed
        if needed[i] < PREFIX_SHARED:
            return [j for j, count in met.items() if count >= min(needed[i], needed[j])]
        found = [j for j, count in met.items() if count >= PREFIX_SHARED]
        found += [j for j in self._short if needed[j] <= met.get(j, 0) < PREFIX_SHARED]
        return found

    def _similar(self, i: int, candidates: Iterable[int]) -> list[tuple[int, float]]:
        mask, size = self._masks[i], self._sizes[i]
        masks, sizes = self._masks, self._sizes
        found = []
        for j in candidates:
            shared = (mask & masks[j]).bit_count()  # len(grams & other)
            if 2 * shared >= THRESHOLD * (size + sizes[j]):  # as is_similar
                found.append((j, round(2 * shared / (size + sizes[j]), 2)))
        return found

    def matches_of(self, entry: Entry) -> list[Match]:
        """The indexed entries other than ``entry`` that are similar to it, best first."""
        return self.best_matches_of(entry, None)[0]

    def best_matches_of(self, entry: Entry, limit: int | None) -> tuple[list[Match], int]:
        """The ``limit`` best of :meth:`matches_of` (all when None), and how many there are."""
        i = self._position.get(entry.path)
        if i is None:
            matches = similar_to(entry, self.entries)
            return matches[:limit], len(matches)
        if self._all_postings is None:
            self._all_postings = {}
            for j, prefix in enumerate(self._prefixes):
                for gram in prefix:
                    self._all_postings.setdefault(gram, []).append(j)
        candidates = [j for j in self._candidates(i, self._all_postings) if j != i]
        scored = self._similar(i, candidates)
        rank = lambda pair: (-pair[1], pair[0])  # noqa: E731 - positions are in path order
        best = sorted(scored, key=rank) if limit is None else heapq.nsmallest(limit, scored, key=rank)
        return [Match(entry, self.entries[j], score) for j, score in best], len(scored)

    def best_pairs(self, limits: Limits = SHOWN) -> Shortlist:
        """The similar pairs (the entry with the smaller path first) within ``limits``, sorted
        by path, and how many there are in all.

        Each entry is matched against the entries before it, then added to the postings: every
        pair is met once, from its later entry. Only the best of each entry's matches are kept
        as the pairs go by, so the memory grows with the entries, not with the pairs."""
        postings: dict[str, list[int]] = {}
        # Better is greater: a higher score, then a smaller partner position (its path).
        per_entry = None if limits.per_entry is None else [_Best(limits.per_entry) for _ in self.entries]
        overall = _Best(limits.total)
        found = 0
        for i, prefix in enumerate(self._prefixes):
            scored = self._similar(i, self._candidates(i, postings))
            found += len(scored)
            if per_entry is None:
                for j, score in scored:
                    overall.push((score, -j, -i))
            else:
                for item in heapq.nlargest(per_entry[i].size, ((score, -j) for j, score in scored)):
                    per_entry[i].push(item)
                for j, score in scored:
                    best = per_entry[j]
                    # Every partner j kept so far comes before i, so it wins a tie: only a
                    # higher score than j's worst kept one can get in.
                    if len(best.items) < best.size or score > best.items[0][0]:
                        best.push((score, -i))
            for gram in prefix:
                postings.setdefault(gram, []).append(i)
        if per_entry is not None:
            kept = {
                (min(i, -other), max(i, -other), score)
                for i, best in enumerate(per_entry)
                for score, other in best.items
            }
            for a, b, score in kept:
                overall.push((score, -a, -b))
        pairs = sorted((-a, -b, score) for score, a, b in overall.items)
        matches = [Match(self.entries[a], self.entries[b], score) for a, b, score in pairs]
        return Shortlist(matches, found, limits)


def similar_to(entry: Entry, others: Iterable[Entry]) -> list[Match]:
    """The entries of ``others`` other than ``entry`` that are similar to it, best first.

    Compares with each one, which suits a few entries against a catalogue; for all pairs of a
    catalogue use :class:`SimilarityIndex`."""
    grams = bigrams(normalise_title(entry.title))
    matches = []
    for other in others:
        if other.path == entry.path:
            continue
        other_grams = bigrams(normalise_title(other.title))
        if is_similar(grams, other_grams):
            matches.append(Match(entry, other, round(dice(grams, other_grams), 2)))
    return sorted(matches, key=lambda m: (-m.score, m.other.path))


def similar_pairs(entries: Iterable[Entry], limits: Limits = SHOWN) -> Shortlist:
    """The similar pairs within ``limits`` (the entry with the smaller path first), sorted by
    path; with :data:`UNBOUNDED`, every pair once."""
    return SimilarityIndex(entries).best_pairs(limits)
