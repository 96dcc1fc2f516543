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
  ``snowballstemmer`` package below 3.0; tests/test_search_equivalence.py stems every word of
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

lunr.js, lunr.stemmer.support.js and lunr.fi.js come from an installed package (MkDocs ships
them; ProperDocs, its fork, too) and are copied into the site unchanged.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.token import Token

from generator.problems import ConfigError

# Where the packages that ship lunr keep it, relative to the package folder.
_SHIPPED_BY = ("mkdocs", "properdocs")
_LUNR = "contrib/search/templates/search/lunr.js"
_LANGUAGE = "contrib/search/lunr-language"
# The files the browser loads, in load order, under the names the site publishes them as.
BROWSER_FILES = ("lunr.js", "lunr.stemmer.support.js", "lunr.fi.js")

# JavaScript's \s, which lunr.tokenizer splits on (with "-"). lunr.py splits on fewer characters,
# so the rest are turned into spaces before lunr.py sees the text.
JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
# Consonants of Finnish words (and of the loan words in them); vowels are a e i o u y å ä ö.
CONSONANTS = frozenset("bcdfghjklmnpqrstvwxzšž")
_PY_SPACE = set(" \t\n\r\f\v\xa0-")
_TO_SPACE = str.maketrans({c: " " for c in JS_SPACE if c not in _PY_SPACE})

_JS_SEPARATORS = re.compile(f"[{JS_SPACE}-]+")
# Whitespace to one side only: str.split() splits on \x1c-\x1f and \x85, \s does not; \s matches
# U+FEFF, str.split() does not.
_NOT_BOTH_SPACE = re.compile("[\x1c-\x1f\x85\ufeff]")
_WORD_CHARACTERS = re.compile(r'lunr\.fi\.wordCharacters\s*=\s*"((?:[^"\\]|\\.)*)"')
_STOP_WORDS = re.compile(
    r"lunr\.fi\.stopWordFilter\s*=\s*lunr\.generateStopWordFilter\(\s*'([^']*)'\.split\(' '\)"
)
_JS_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})")


@dataclass(frozen=True)
class LunrFiles:
    """The lunr files of an installed package."""

    package: str
    paths: dict[str, Path]

    def read(self, name: str) -> str:
        return self.paths[name].read_text(encoding="utf-8")


@functools.cache
def find_lunr_files() -> LunrFiles:
    """lunr.js and lunr-languages' Finnish from the first installed package that ships them.

    The package is found without importing it, so the core stays free of MkDocs.
    """
    for package in _SHIPPED_BY:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        folder = Path(next(iter(spec.submodule_search_locations)))
        paths = {
            "lunr.js": folder / _LUNR,
            "lunr.stemmer.support.js": folder / _LANGUAGE / "lunr.stemmer.support.js",
            "lunr.fi.js": folder / _LANGUAGE / "lunr.fi.js",
        }
        if all(path.is_file() for path in paths.values()):
            return LunrFiles(package, paths)
    raise ConfigError(
        "lunr.js and lunr.fi.js were not found; install MkDocs (pip install -e .), which ships them"
    )


def _expand(character_class: str) -> str:
    """Every character of a regular-expression character class body such as "A-Za-z\xaa"."""
    characters = []
    i = 0
    while i < len(character_class):
        if i + 2 < len(character_class) and character_class[i + 1] == "-":
            first, last = ord(character_class[i]), ord(character_class[i + 2])
            characters += map(chr, range(first, last + 1))
            i += 3
        else:
            characters.append(character_class[i])
            i += 1
    return "".join(characters)


def _js_string(literal: str) -> str:
    return _JS_ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)), literal)


@dataclass(frozen=True)
class FinnishRules:
    """What lunr.fi.js says: its word characters and its stop words."""

    word_characters: str
    stop_words: frozenset[str]

    @classmethod
    def from_lunr_fi(cls, source: str) -> FinnishRules:
        characters = _WORD_CHARACTERS.search(source)
        stop_words = _STOP_WORDS.search(source)
        if characters is None or stop_words is None:
            raise ConfigError("lunr.fi.js has an unexpected shape: no wordCharacters or stop word list")
        return cls(_js_string(characters.group(1)), frozenset(stop_words.group(1).split(" ")))


@functools.cache
def finnish_rules() -> FinnishRules:
    return FinnishRules.from_lunr_fi(find_lunr_files().read("lunr.fi.js"))


class FinnishPipeline:
    """The three lunr-languages functions, as lunr.py pipeline functions, plus plain-string forms."""

    def __init__(self, rules: FinnishRules) -> None:
        self.rules = rules
        # lunr.trimmerSupport.generateTrimmer strips /^[^<word characters>]+/ and
        # /[^<word characters>]+$/; the same, one character at a time over a set.
        self._word = frozenset(_expand(rules.word_characters))
        self._snowball = snowballstemmer.stemmer("finnish")
        self._stems: dict[str, str] = {}
        self.functions = self.lunr_functions()

    def trim(self, word: str) -> str:
        is_word = self._word.__contains__
        start, end = 0, len(word)
        while start < end and not is_word(word[start]):
            start += 1
        while end > start and not is_word(word[end - 1]):
            end -= 1
        return word[start:end]

    def is_stop_word(self, word: str) -> bool:
        return word in self.rules.stop_words

    def stem(self, word: str) -> str:
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = self._snowball.stemWord(word)
        return found

    # -- lunr.py pipeline functions (token, index, tokens), as plain functions: lunr.py labels them

    def index_term(self, word: str) -> str | None:
        """What the index pipeline (trimmer-fi, dropEmpty-kk, stopWordFilter-fi, stemmer-kk)
        makes of one word: its term, or None when the word is dropped."""
        trimmed = self.trim(word)
        if not trimmed or trimmed in self.rules.stop_words:
            return None
        return self.word_stem(trimmed)

    def is_plain(self, token: str) -> bool:
        """Whether every character of ``token`` is a word character of lunr.fi."""
        return all(map(self._word.__contains__, token))

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

    def lunr_functions(self) -> dict[str, Callable]:
        """The pipeline functions by the names lunr.js and lunr-languages register them under."""

        def trimmer(token: Token, i=None, tokens=None) -> Token:
            return token.update(lambda s, metadata=None: self.trim(s))

        def stop_word_filter(token: Token, i=None, tokens=None) -> Token | None:
            return None if self.is_stop_word(token.string) else token

        def stemmer(token: Token, i=None, tokens=None) -> Token:
            return token.update(lambda s, metadata=None: self.stem(s))

        def word_stemmer(token: Token, i=None, tokens=None) -> Token:
            return token.update(lambda s, metadata=None: self.word_stem(s))

        def drop_empty(token: Token, i=None, tokens=None) -> Token | None:
            # lunr.js would index "" for a token of punctuation only; such a term finds nothing.
            return token if token.string else None

        return {
            "trimmer-fi": trimmer,
            "stopWordFilter-fi": stop_word_filter,
            "stemmer-fi": stemmer,
            # Ours, not lunr's: only in the index pipeline, which is not serialized.
            "dropEmpty-kk": drop_empty,
            "stemmer-kk": word_stemmer,
        }


@functools.cache
def finnish_pipeline() -> FinnishPipeline:
    """The pipeline; its functions are registered with lunr.py (once per process)."""
    pipeline = FinnishPipeline(finnish_rules())
    for label, function in pipeline.functions.items():
        Pipeline.register_function(function, label)
    return pipeline


def js_text(text: str) -> str:
    """``text`` with every character lunr.js splits on turned into a space lunr.py splits on."""
    return text.translate(_TO_SPACE)


def split_words(text: str) -> list[str]:
    """lunr.tokenizer on a string: lower-cased pieces between whitespace and hyphens."""
    lower = text.lower()
    if _NOT_BOTH_SPACE.search(lower):
        return [piece for piece in _JS_SEPARATORS.split(lower) if piece]
    # Python's whitespace and JavaScript's \s agree on everything else, and str.split is fast.
    return lower.replace("-", " ").split()


def query_stems(text: str) -> list[str]:
    """The stems a finder query searches for: tokenize, trim, drop stop words, stem, dedupe."""
    pipeline = finnish_pipeline()
    stems: list[str] = []
    for word in split_words(text):
        trimmed = pipeline.trim(word)
        if not trimmed or pipeline.is_stop_word(trimmed):
            continue
        stem = pipeline.word_stem(trimmed)
        if stem and stem not in stems:
            stems.append(stem)
    return stems
