"""slugify() and is_slug(): ASCII slugs for file names and URLs."""

from __future__ import annotations

import pytest

from generator.core.slug import MAX_SLUG_LENGTH, is_slug, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Särkiruoka – Kalapäivä", "sarkiruoka-kalapaiva"),
        ("Öljy", "oljy"),
        ("Åland", "aland"),
        ("ÄÖÅ äöå", "aoa-aoa"),
        ("Café", "cafe"),
        ("naïve", "naive"),
        ("Straße", "strasse"),
        ("Æble Øst", "aeble-ost"),
        ("Etelä-Karjala", "etela-karjala"),
        ("Hello,  World!!", "hello-world"),
        ("C++ & Python", "c-python"),
        ("--a--b--", "a-b"),
        ("Kokeilu / 2019 (pilotti)", "kokeilu-2019-pilotti"),
        ("", ""),
        ("日本", ""),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Kokeilu 2017–2019", "kokeilu-2017-2019"), ("Kela—perustulo", "kela-perustulo")],
)
def test_dash_without_spaces_separates_words(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("text", "max_length", "slug"),
    [
        ("abc-defgh-ijk", 8, "abc"),  # "abc-defg" would cut a word: back up to the hyphen
        ("abc-def", 4, "abc"),  # never ends with a hyphen
        ("abc-def", 7, "abc-def"),  # fits exactly
        ("abcdefghijk", 5, "abcde"),  # one long word: cut it
        ("abc-def-ghi", 7, "abc-def"),  # the cut falls at the end of a word: keep the word
    ],
)
def test_max_length_cuts_at_a_hyphen(text, max_length, slug):
    assert slugify(text, max_length=max_length) == slug


def test_default_max_length_is_60():
    slug = slugify("kokeilu " * 20)
    assert slug == "-".join(["kokeilu"] * 7)
    assert len(slug) <= 60


@pytest.mark.parametrize("text", ["abc", "a-b", "a1-2b", "2019", "a" * MAX_SLUG_LENGTH])
def test_is_slug_accepts(text):
    assert is_slug(text)


@pytest.mark.parametrize(
    "text", ["", "A", "ä", "a_b", "a b", "a--b", "-a", "a-", "a.md", "a" * (MAX_SLUG_LENGTH + 1)]
)
def test_is_slug_refuses(text):
    assert not is_slug(text)


@pytest.mark.parametrize("text", ["Särkifood – Ravintolapäivä", "Åland", "C++ & Python", "x" * 200])
def test_slugify_gives_a_slug(text):
    assert is_slug(slugify(text))
