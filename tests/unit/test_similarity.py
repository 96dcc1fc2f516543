"""Near-duplicate detection: the candidate index finds exactly the pairs that comparing all would,
and shows them within its limits (each entry's best, a total), saying what it left out."""

from __future__ import annotations

import random

import pytest

from generator.core.model import Entry
from generator.core.slug import slugify
from generator.editorial.similarity import (
    SHOWN,
    THRESHOLD,
    UNBOUNDED,
    Limits,
    SimilarityIndex,
    bigrams,
    limits_note,
    normalise_title,
    shared_needed,
    similar_pairs,
    similar_to,
    title_similarity,
)

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


def within(pairs: list[tuple[str, str, float]], limits: Limits) -> list[tuple[str, str, float]]:
    """The pairs the limits keep, from their definition: a pair among the ``per_entry`` best of
    either of its entries (a higher score, then the partner's path), the ``total`` best of those
    (a higher score, then the paths), sorted by path."""
    kept = set(pairs)
    if limits.per_entry is not None:
        kept = set()
        for path in {p for a, b, _ in pairs for p in (a, b)}:
            mine = [(score, b if a == path else a, (a, b, score)) for a, b, score in pairs if path in (a, b)]
            mine.sort(key=lambda m: (-m[0], m[1]))
            kept.update(pair for _, _, pair in mine[: limits.per_entry])
    best = sorted(kept, key=lambda p: (-p[2], p[0], p[1]))
    return sorted(best if limits.total is None else best[: limits.total])


def shown(shortlist) -> list[tuple[str, str, float]]:
    return [(m.entry.path, m.other.path, m.score) for m in shortlist.matches]


@pytest.mark.parametrize("seed", range(6))
def test_index_finds_exactly_the_pairs_that_comparing_all_finds(seed):
    entries = catalogue(seed, 250)
    expected = brute_force(entries)
    assert len(expected) > 20, "the generated catalogue should contain near duplicates"
    every = similar_pairs(entries, UNBOUNDED)
    assert shown(every) == expected and every.found == len(expected) and every.omitted == 0
    bounded = similar_pairs(entries)
    assert shown(bounded) == within(expected, SHOWN)
    assert bounded.found == len(expected) and bounded.omitted == len(expected) - len(bounded.matches)


def test_under_the_limits_every_pair_is_shown_and_nothing_is_said():
    entries = catalogue(3, 120)
    expected = brute_force(entries)
    most = max(sum(1 for a, b, _ in expected if path in (a, b)) for path in {e.path for e in entries})
    limits = Limits(per_entry=most, total=len(expected))
    shortlist = similar_pairs(entries, limits)
    assert shown(shortlist) == expected and shortlist.omitted == 0
    assert limits_note(shortlist.found, len(shortlist.matches), limits) == ""


@pytest.mark.parametrize("limits", [SHOWN, Limits(2, None), Limits(None, 7), Limits(1, 3)])
def test_near_identical_titles_show_each_entrys_best_and_a_total(limits):
    # Sixty titles that are all alike: 1,770 similar pairs, far over the limits.
    entries = [entry(f"Kirjastokokeilu Tampereen seudulla numero {n}", f"k{n:02}") for n in range(60)]
    expected = brute_force(entries)
    assert len(expected) == 60 * 59 // 2
    shortlist = similar_pairs(entries, limits)
    assert shown(shortlist) == within(expected, limits)
    assert shortlist.found == len(expected)
    assert len(shortlist.matches) == min(
        limits.total or len(expected), len(within(expected, Limits(limits.per_entry, None)))
    )
    assert shortlist.omitted == len(expected) - len(shortlist.matches) > 0


def test_the_note_says_the_limits_and_how_many_pairs_were_left_out():
    assert limits_note(1770, 100, SHOWN) == (
        "Löytyi 1770 paria; näytetään kunkin merkinnän 5 parhaiten vastaavaa, enintään 100 paria. "
        "1670 paria jätettiin pois."
    )
    assert limits_note(3, 2, Limits(None, 2), whose="kunkin lisätyn merkinnän") == (
        "Löytyi 3 paria; näytetään enintään 2 paria. 1 pari jätettiin pois."
    )
    assert limits_note(10, 10, SHOWN) == ""


def test_one_entrys_best_matches_are_the_first_of_all_its_matches():
    entries = [entry(f"Kirjastokokeilu Tampereen seudulla numero {n}", f"k{n:02}") for n in range(40)]
    index = SimilarityIndex(entries)
    every = index.matches_of(entries[7])
    assert len(every) == 39
    assert index.best_matches_of(entries[7], 5) == (every[:5], 39)


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
        ("Kansalaistulokokeilu", "Suomen kansalaistulokokeilu", True),
        ("KANSALAISTULOKOKEILU!", "kansalaistulokokeilu", True),
        ("Älykäs auto Lohjalla", "Älykäs kauppa Lohjalla", False),
        ("Perustulokokeilu", "Kuntakokeilu", False),
    ],
)
def test_what_counts_as_a_likely_duplicate(a, b, similar):
    assert (title_similarity(a, b) >= THRESHOLD) is similar
