"""The Finnish search pipeline, identical in Python (lunr.py) and in the browser (lunr.js + lunr.fi).

lunr.py's own language support downloads NLTK data at run time, which fails offline, and its
trimmer is built from the stop-word letters, so it strips letters that are missing from them
("rahoitus" became "ahoitus", lunr.py#149). This module registers three pipeline functions of
its own under the names lunr-languages uses, so a serialized index loads in the browser with
the real lunr.fi:

- ``trimmer-fi``: strips non-word characters from both ends of a token, with the word
  characters read from the installed lunr.fi.js;
- ``stopWordFilter-fi``: drops the stop words, also read from lunr.fi.js;
- ``stemmer-fi``: the Snowball Finnish stemmer. lunr.fi carries the Snowball algorithm as it was
  before Snowball 3.0 (which added the illative endings -hun and -hyn), and so does the
  ``snowballstemmer`` package below 3.0; tests/site/test_search_equivalence.py stems every word of
  the catalogue both ways.

The index and finder.js stem with one step of our own, ``stemmer-kk``, which wraps lunr.fi's:

- it stems only words made of word characters. A token with other characters inside (an
  address such as "www.espoo.fi/en", markup) is kept as it is: lunr.fi's 2010 port of Snowball
  and the snowballstemmer package treat such characters differently, so stemming them could not
  be identical on both sides;
- after the stemmer it drops the last of two different consonants that end a stem. Snowball
  leaves Finnish consonant gradation alone, so "kunta" and "kunnan" stem to "kun" but "kuntien"
  to "kunt", and "kaupunki" to "kaupunk" but "kaupungin" to "kaupung"; after the step they meet
  ("kun", "kaupun"), and the finder's prefix search does the rest.

The shared parts (finding the lunr files, splitting text as lunr.tokenizer does, the pipeline
shape every language follows) are in generator/search/pipelines.py; they are re-exported here.
"""

from __future__ import annotations

import functools

from generator.search.pipelines import (
    JS_SPACE,
    LanguageRules,
    LunrFiles,
    SnowballPipeline,
    find_lunr_files,
    js_text,
    split_words,
)

__all__ = [
    "CONSONANTS",
    "JS_SPACE",
    "FinnishPipeline",
    "FinnishRules",
    "LunrFiles",
    "find_lunr_files",
    "finnish_pipeline",
    "finnish_rules",
    "js_text",
    "make_pipeline",
    "query_stems",
    "split_words",
]

# Consonants of Finnish words (and of the loan words in them); vowels are a e i o u y å ä ö.
CONSONANTS = frozenset("bcdfghjklmnpqrstvwxzšž")


class FinnishRules(LanguageRules):
    """What lunr.fi.js says: its word characters and its stop words."""

    @classmethod
    def from_lunr_fi(cls, source: str) -> FinnishRules:
        rules = LanguageRules.from_lunr_language(source, "fi")
        return cls(rules.word_characters, rules.stop_words)


@functools.cache
def finnish_rules() -> FinnishRules:
    return FinnishRules.from_lunr_fi(find_lunr_files().read("lunr.fi.js"))


class FinnishPipeline(SnowballPipeline):
    """lunr-languages' Finnish functions as lunr.py pipeline functions, plus plain-string forms;
    the stemming step ``stemmer-kk`` also evens out consonant gradation."""

    word_stemmer_name = "stemmer-kk"

    def __init__(self, rules: LanguageRules) -> None:
        super().__init__("fi", rules, "finnish")

    def word_stem(self, token: str) -> str:
        """``stemmer-kk``: lunr.fi's stemmer and the gradation step for a plain word; any other
        token as it is."""
        return self.reduce_gradation(self.stem(token)) if self.is_plain(token) else token

    @staticmethod
    def reduce_gradation(stem: str) -> str:
        """``stem`` without the last of two different final consonants ("kunt" → "kun")."""
        if len(stem) >= 4 and stem[-1] in CONSONANTS and stem[-2] in CONSONANTS and stem[-1] != stem[-2]:
            return stem[:-1]
        return stem


@functools.cache
def finnish_pipeline() -> FinnishPipeline:
    """The pipeline; its functions are registered with lunr.py (once per process)."""
    pipeline = FinnishPipeline(finnish_rules())
    pipeline.register()
    return pipeline


def make_pipeline() -> FinnishPipeline:
    return finnish_pipeline()


def query_stems(text: str) -> list[str]:
    """The stems a Finnish finder query searches for: tokenize, trim, drop stop words, stem,
    dedupe."""
    return finnish_pipeline().query_stems(text)
