from __future__ import annotations

from generator.core.model import Entry
from generator.site.related import WINDOW, find_related


def _entry(slug: str) -> Entry:
    return Entry("experiment", slug, f"experiments/{slug}.md", f"/kokeilut/{slug}/", {}, "", 1)


def _relate(terms: dict[str, list[tuple[str, str]]], count: int = 4) -> dict[str, list[str]]:
    entries = {slug: _entry(slug) for slug in terms}
    listings: dict[tuple[str, str], list[Entry]] = {}
    for slug, keys in terms.items():
        for key in keys:
            listings.setdefault(key, []).append(entries[slug])
    found = find_related(listings, terms, count)
    return {slug: [e.slug for e in related] for slug, related in found.items()}


def test_more_shared_terms_rank_higher_and_a_theme_outweighs_a_region():
    related = _relate(
        {
            "a": [("teemat", "ruoka"), ("teemat", "ilmasto"), ("alueet", "lappi")],
            "b": [("alueet", "lappi")],
            "c": [("teemat", "ruoka"), ("teemat", "ilmasto")],
            "d": [("teemat", "ruoka")],
            "e": [("teemat", "kulttuuri")],
        }
    )
    assert related["a"] == ["c", "d", "b"]
    assert related["e"] == []  # shares nothing, so nothing is related
    assert "a" not in related["a"]


def test_the_count_is_bounded():
    terms = {f"x{i:03d}": [("teemat", "ruoka")] for i in range(50)}
    related = _relate(terms, count=3)
    assert all(len(r) == 3 for r in related.values())


def test_candidates_come_from_nearby_listing_positions_only():
    """Bounded work: an experiment far away in every shared listing is not compared at all."""
    terms = {f"x{i:03d}": [("teemat", "ruoka")] for i in range(3 * WINDOW)}
    related = _relate(terms, count=100)
    assert len(related["x000"]) == WINDOW
    assert related["x000"][0] == "x001"  # ties go to the nearest neighbour
