"""Base forms and compound parts in the finder's index (generator/search/morphology.py).

For the shipped catalogue: every base form and compound part that Voikko gives for a word of an
entry is found by the query's own prefix search, in every language's index: its Finnish term is
either the start of the word's own term or a term of the entry in the field ``fi``.
"""

from __future__ import annotations

import pytest

from generator.search.index import FINNISH_FIELD, search_data
from generator.search.morphology import related_words
from generator.search.pipelines import pipeline_for, split_words


def _terms_by_document(data, field: str) -> dict[int, set[str]]:
    """Document number → its terms in ``field``."""
    terms: dict[int, set[str]] = {}
    for shard in data.index.shards().values():
        for term, fields in shard["terms"]:
            for doc in (fields.get(field) or [])[::2]:
                terms.setdefault(doc, set()).add(term)
    return terms


def _finnish_texts(data, number: int) -> list[str]:
    entry = data.documents[number]
    return [entry.title, entry.summary, data.keywords(entry, "fi")]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_base_form_and_compound_part_is_found_by_prefix(shipped, language):
    data = search_data(shipped, language)
    finnish = pipeline_for("fi")
    extra = _terms_by_document(data, FINNISH_FIELD)
    checked = 0
    missing = []
    for number, entry in enumerate(data.documents):
        if (entry.values.get("language") or "fi") != "fi":
            continue
        for text in _finnish_texts(data, number):
            for word in split_words(text):
                word = finnish.trim(word)
                own = finnish.index_term(word)
                if own is None or not finnish.is_plain(word):
                    continue
                for other in related_words(word):
                    term = finnish.index_term(other)
                    if term is None:
                        continue
                    checked += 1
                    if not own.startswith(term) and term not in extra.get(number, set()):
                        missing.append((entry.slug, word, other, term))
    assert checked > 0
    assert missing == []


def test_a_word_s_base_form_and_parts_are_what_voikko_says():
    assert "esiopetus" in related_words("esiopetuksen")
    assert {"hiili", "budjetti"} <= set(related_words("hiilibudjetti"))
    assert {"ruoka", "hävikki"} <= set(related_words("ruokahävikin"))
    assert {"hävikki", "leipä", "leivästä", "hävikkileipä"} <= set(related_words("hävikkileivästä"))
    assert {"yhteiskäyttö", "käyttöauto", "auto"} <= set(related_words("yhteiskäyttöauto"))
    assert related_words("xyzzyx") == ()
