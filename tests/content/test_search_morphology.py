"""Base forms and compound parts in the finder's index (generator/search/morphology.py).

For the shipped catalogue: every base form and compound part that Voikko gives for a word of an
entry's title, summary or labels is found by the query's own prefix search, in every language's
index: its Finnish term is either the start of the word's own term or a term of the entry in the
field ``fi``. (The forms of a word that share a term are analysed once, as the first of them: the
test checks the words whose term no other word of the catalogue has.)
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
    """What is analysed: the Finnish labels, and the title and summary of an entry written in
    Finnish."""
    entry = data.documents[number]
    labels = [data.keywords(entry, "fi")]
    return labels if (entry.values.get("language") or "fi") != "fi" else [entry.title, entry.summary, *labels]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_base_form_and_compound_part_is_found_by_prefix(shipped, language):
    data = search_data(shipped, language)
    finnish = pipeline_for("fi")
    extra = _terms_by_document(data, FINNISH_FIELD)
    words_of: dict[int, set[str]] = {}
    forms: dict[str, set[str]] = {}  # term → the words with it
    for number in range(len(data.documents)):
        for text in _finnish_texts(data, number):
            for word in map(finnish.trim, split_words(text)):
                own = finnish.index_term(word)
                if own is not None and finnish.is_plain(word):
                    words_of.setdefault(number, set()).add(word)
                    forms.setdefault(own, set()).add(word)
    checked = 0
    missing = []
    for number, words in sorted(words_of.items()):
        entry = data.documents[number]
        for word in sorted(words):
            own = finnish.index_term(word)
            if len(forms[own]) == 1:
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
