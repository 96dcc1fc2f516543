"""Near-duplicate detection: the candidate index finds exactly the pairs that comparing all would."""

from __future__ import annotations

import random

import pytest

from generator.model import Entry
from generator.similarity import (
    THRESHOLD,
    SimilarityIndex,
    bigrams,
    normalise_title,
    shared_needed,
    similar_pairs,
    similar_to,
    title_similarity,
)
from generator.slug import slugify

WORDS = [
    "perustulo",
    "kokeilu",
    "kunta",
    "nuoret",
    "kiertotalous",
    "ruoka",
    "hävikki",
    "kylä",
    "energia",
    "liikenne",
    "koulu",
    "kirjasto",
    "hyvinvointi",
    "työ",
    "osallisuus",
    "digi",
    "palvelu",
    "asukas",
    "yhteisö",
    "luonto",
    "metsä",
    "vesi",
    "aurinko",
    "Pirkanmaa",
    "Oulu",
    "Äänekoski",
    "ikäihmiset",
    "lapset",
    "ja",
    "sekä",
    "uusi",
    "2019",
    "II",
]


def entry(title: str, slug: str | None = None) -> Entry:
    slug = slug or slugify(title)
    return Entry("experiment", slug, f"experiments/{slug}.md", f"/kokeilut/{slug}/", {"title": title}, "", 1)


def brute_force(entries: list[Entry]) -> list[tuple[str, str, float]]:
    """Every pair compared, straight from the definition: Dice of padded bigram multisets."""

    def grams(title: str) -> list[str]:
        text = f" {normalise_title(title)} "
        return [text[i : i + 2] for i in range(len(text) - 1)]

    ordered = sorted(entries, key=lambda e: e.path)
    found = []
    for i, a in enumerate(ordered):
        ga = grams(a.title)
        for b in ordered[i + 1 :]:
            gb = grams(b.title)
            shared = sum(min(ga.count(g), gb.count(g)) for g in set(ga))
            if 2 * shared >= THRESHOLD * (len(ga) + len(gb)):
                found.append((a.path, b.path, round(2 * shared / (len(ga) + len(gb)), 2)))
    return found


def variant(rng: random.Random, title: str) -> str:
    """A near copy: a typo, a dropped or doubled letter, a swap, a word added."""
    chars = list(title)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(chars))
        action = rng.choice(["drop", "double", "swap", "replace", "word"])
        if action == "drop" and len(chars) > 3:
            del chars[i]
        elif action == "double":
            chars.insert(i, chars[i])
        elif action == "swap" and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif action == "word":
            chars += [" ", *rng.choice(WORDS)]
        else:
            chars[i] = rng.choice("aeiouykstln")
    return "".join(chars)


def catalogue(seed: int, size: int) -> list[Entry]:
    rng = random.Random(seed)
    titles: list[str] = []
    while len(titles) < size:
        if titles and rng.random() < 0.3:
            titles.append(variant(rng, rng.choice(titles)))
        else:
            titles.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))).capitalize())
    entries, slugs = [], set()
    for n, title in enumerate(titles):
        slug = slugify(title) or f"x{n}"
        if slug in slugs:
            slug = f"{slug}-{n}"
        slugs.add(slug)
        entries.append(entry(title, slug))
    return entries


@pytest.mark.parametrize("seed", range(6))
def test_index_finds_exactly_the_pairs_that_comparing_all_finds(seed):
    entries = catalogue(seed, 250)
    expected = brute_force(entries)
    assert len(expected) > 20, "the generated catalogue should contain near duplicates"
    assert [(m.entry.path, m.other.path, m.score) for m in similar_pairs(entries)] == expected


def test_index_and_direct_comparison_agree_for_one_entry():
    entries = catalogue(99, 250)
    index = SimilarityIndex(entries)
    for one in entries[::5]:
        assert index.matches_of(one) == similar_to(one, entries)


def test_the_prefix_bound_holds():
    # A title shares at least shared_needed(its size) bigrams with every title similar to it.
    rng = random.Random(5)
    checked = 0
    for _ in range(3000):
        a = "".join(rng.choice("abcde ") for _ in range(rng.randint(1, 30))).strip() or "a"
        b = variant(rng, a)
        ga, gb = bigrams(normalise_title(a)), bigrams(normalise_title(b))
        if 2 * len(ga & gb) < THRESHOLD * (len(ga) + len(gb)):
            continue
        checked += 1
        assert len(ga & gb) >= shared_needed(len(ga)), (a, b)
        assert len(ga & gb) >= shared_needed(len(gb)), (a, b)
    assert checked > 100


@pytest.mark.parametrize(
    ("a", "b", "similar"),
    [
        ("Pyöräkokeilu Tampereella", "Pyöräkokeilu Tampereella 2", True),
        ("Perustulokokeilu", "Perustulokokielu", True),
        ("Perustulokokeilu", "Suomen perustulokokeilu", True),
        ("PERUSTULOKOKEILU!", "perustulokokeilu", True),
        ("Älykäs auto Lohjalla", "Älykäs kauppa Lohjalla", False),
        ("Perustulokokeilu", "Kuntakokeilu", False),
    ],
)
def test_what_counts_as_a_likely_duplicate(a, b, similar):
    assert (title_similarity(a, b) >= THRESHOLD) is similar
