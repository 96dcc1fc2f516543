"""Related experiments: a few that share themes or a region, found without comparing all pairs.

Candidates for an experiment are its neighbours in the (newest-first) listing of each of its
themes and regions, so the work per experiment is bounded however large the catalogue grows.
Candidates score points per shared term (:data:`WEIGHTS`); ties go to the
neighbour closest in the listing, then to the slug.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.core.model import Entry

# How many listing neighbours on each side of an experiment are considered.
WINDOW = 12
# Points per shared term, by taxonomy: a shared theme says more than a shared region.
WEIGHTS = {"teemat": 2, "alueet": 1}


def find_related(
    listings: dict[tuple[str, str], Sequence[Entry]],
    memberships: dict[str, list[tuple[str, str]]],
    count: int,
) -> dict[str, list[Entry]]:
    """``listings`` maps (taxonomy, term) to its entries in listing order; ``memberships`` maps
    a slug to the (taxonomy, term) keys it belongs to. Returns slug → related entries."""
    positions = {key: {e.slug: i for i, e in enumerate(entries)} for key, entries in listings.items()}
    keys_of = {slug: set(keys) for slug, keys in memberships.items()}
    related: dict[str, list[Entry]] = {}
    for slug, keys in memberships.items():
        own = keys_of[slug]
        scored: dict[str, tuple[int, int, Entry]] = {}
        for key in keys:
            entries = listings[key]
            here = positions[key][slug]
            for i in range(max(0, here - WINDOW), min(len(entries), here + WINDOW + 1)):
                other = entries[i]
                if other.slug == slug:
                    continue
                distance = abs(i - here)
                previous = scored.get(other.slug)
                if previous is not None:
                    if distance < -previous[1]:
                        scored[other.slug] = (previous[0], -distance, other)
                    continue
                shared = own & keys_of[other.slug]
                score = sum(WEIGHTS.get(k[0], 1) for k in shared)
                scored[other.slug] = (score, -distance, other)
        best = sorted(scored.values(), key=lambda s: (-s[0], -s[1], s[2].slug))
        related[slug] = [entry for _, _, entry in best[:count]]
    return related
