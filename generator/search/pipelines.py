"""The finder's search pipelines, one per site language, identical in Python and in the browser.

Each language version of the site has its own index (generator/search/index.py), built in Python
with lunr.py's arithmetic and searched in the browser by finder.js with lunr.js. A word must
become the same term on both sides, so each pipeline is made of functions proven equal to the
browser's (tests/site/test_search_equivalence.py and tests/site/test_search_languages.py, in Node):

- Finnish (generator/search/finnish.py): lunr-languages' ``trimmer-fi`` and ``stopWordFilter-fi`` read
  from lunr.fi.js, Snowball Finnish, and our gradation step;
- Swedish (generator/search/swedish.py): lunr-languages' ``trimmer-sv`` and ``stopWordFilter-sv`` read
  from lunr.sv.js, and Snowball Swedish (the ``snowballstemmer`` package below 3.0, which equals
  lunr.sv.js's stemmer);
- English (generator/search/english.py): lunr.js's own default pipeline (trimmer, stop words, Porter
  stemmer), ported from lunr.js. lunr.py's default pipeline is not the same: its trimmer uses
  Unicode word characters and its Porter stemmer turns every final "y" after a vowel into
  "i" ("always" → "alwai", lunr.js "alway").

lunr.py's own language support is not used: it downloads NLTK data at run time (which fails
offline) and its trimmer damages words (lunr.py#149).

Every pipeline has the same shape (:class:`LanguagePipeline`): trim, drop empty tokens, drop stop
words, then our stemming step, which runs the language's stemmer on *plain* words only (a token
with other characters inside, such as "www.espoo.fi/en", is kept as it is, because the two sides'
stemmers need not agree on such characters). The index runs the whole pipeline on every word of
a document; finder.js runs the same steps on a query's words (``stemsOf`` in finder.js).

lunr.js, lunr.stemmer.support.js, lunr.fi.js and lunr.sv.js come from an installed package
(MkDocs ships them; ProperDocs, its fork, too) and are copied into the site unchanged.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.token import Token

from generator.core.problems import ConfigError

# Where the packages that ship lunr keep it, relative to the package folder.
_SHIPPED_BY = ("mkdocs", "properdocs")
_LUNR = "contrib/search/templates/search/lunr.js"
_LANGUAGE = "contrib/search/lunr-language"
# JavaScript's \s, which lunr.tokenizer splits on (with "-"). lunr.py splits on fewer characters,
# so the rest are turned into spaces before lunr.py sees the text.
JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_PY_SPACE = set(" \t\n\r\f\v\xa0-")
_TO_SPACE = str.maketrans({c: " " for c in JS_SPACE if c not in _PY_SPACE})

_JS_SEPARATORS = re.compile(f"[{JS_SPACE}-]+")
# Whitespace to one side only: str.split() splits on \x1c-\x1f and \x85, \s does not; \s matches
# U+FEFF, str.split() does not.
_NOT_BOTH_SPACE = re.compile("[\x1c-\x1f\x85\ufeff]")
_JS_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})")

# The modules of the site languages' pipelines, by language code.
_MODULES = {
    "fi": "generator.search.finnish",
    "sv": "generator.search.swedish",
    "en": "generator.search.english",
}


@dataclass(frozen=True)
class LunrFiles:
    """The lunr files of an installed package."""

    package: str
    paths: dict[str, Path]

    def read(self, name: str) -> str:
        return self.paths[name].read_text(encoding="utf-8")


@functools.cache
def find_lunr_files() -> LunrFiles:
    """lunr.js and lunr-languages' Finnish and Swedish from the first installed package that
    ships them.

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
            "lunr.sv.js": folder / _LANGUAGE / "lunr.sv.js",
        }
        if all(path.is_file() for path in paths.values()):
            return LunrFiles(package, paths)
    raise ConfigError(
        "lunr.js, lunr.fi.js and lunr.sv.js were not found; install MkDocs (pip install -e .), "
        "which ships them"
    )


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


def expand_class(character_class: str) -> str:
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


def js_string(literal: str) -> str:
    """A JavaScript string literal's body with its \\xNN and \\uNNNN escapes decoded."""
    return _JS_ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)), literal)


@dataclass(frozen=True)
class LanguageRules:
    """What a lunr-languages file (lunr.fi.js, lunr.sv.js) says: its word characters and its
    stop words."""

    word_characters: str
    stop_words: frozenset[str]

    @classmethod
    def from_lunr_language(cls, source: str, code: str) -> LanguageRules:
        characters = re.search(rf'lunr\.{code}\.wordCharacters\s*=\s*"((?:[^"\\]|\\.)*)"', source)
        stop_words = re.search(
            rf"lunr\.{code}\.stopWordFilter\s*=\s*lunr\.generateStopWordFilter\(\s*'([^']*)'\.split\(' '\)",
            source,
        )
        if characters is None or stop_words is None:
            raise ConfigError(f"lunr.{code}.js has an unexpected shape: no wordCharacters or stop word list")
        return cls(js_string(characters.group(1)), frozenset(stop_words.group(1).split(" ")))


def drop_empty(token: Token, i=None, tokens=None) -> Token | None:
    """``dropEmpty-kk``, the same in every language: lunr.js would index "" for a token of
    punctuation only; such a term finds nothing."""
    return token if token.string else None


class LanguagePipeline:
    """One language's pipeline: trimmer, stop words, stemmer, as plain-string functions and as
    lunr.py pipeline functions.

    Subclasses set ``code``, the labels and the four word functions. ``index_names`` is the
    index pipeline (the labels of :attr:`functions`, for a plain lunr.py ``Builder``);
    ``search_names`` the search pipeline the serialized index names, which lunr.js must know
    (it is never run: finder.js stems the query itself).
    """

    code: str
    search_names: tuple[str, ...]
    trimmer_name: str
    stop_word_name: str
    stemmer_name: str
    # Ours: only in the index pipeline, which is not serialized.
    word_stemmer_name: str
    drop_empty_name = "dropEmpty-kk"

    def __init__(self) -> None:
        self._stems: dict[str, str] = {}
        # Word → its index term (None: dropped), shared by every index built in this process.
        self.term_cache: dict[str, str | None] = {}
        self.functions = self.lunr_functions()

    @property
    def index_names(self) -> tuple[str, ...]:
        return (self.trimmer_name, self.drop_empty_name, self.stop_word_name, self.word_stemmer_name)

    def trim(self, word: str) -> str:
        raise NotImplementedError

    def is_stop_word(self, word: str) -> bool:
        raise NotImplementedError

    def stem_word(self, word: str) -> str:
        """The language's stemmer itself, uncached."""
        raise NotImplementedError

    def is_plain(self, token: str) -> bool:
        """Whether the stemmer may see ``token`` (both sides' stemmers agree on it)."""
        raise NotImplementedError

    def stem(self, word: str) -> str:
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = self.stem_word(word)
        return found

    def word_stem(self, token: str) -> str:
        """Our stemming step: the stemmer for a plain word, any other token as it is."""
        return self.stem(token) if self.is_plain(token) else token

    def index_term(self, word: str) -> str | None:
        """What the index pipeline makes of one word: its term, or None when it is dropped."""
        trimmed = self.trim(word)
        if not trimmed or self.is_stop_word(trimmed):
            return None
        return self.word_stem(trimmed)

    def query_stems(self, text: str) -> list[str]:
        """The stems a finder query searches for: tokenize, trim, drop stop words, stem, dedupe
        (``stemsOf`` in finder.js)."""
        stems: list[str] = []
        for word in split_words(text):
            trimmed = self.trim(word)
            if not trimmed or self.is_stop_word(trimmed):
                continue
            stem = self.word_stem(trimmed)
            if stem and stem not in stems:
                stems.append(stem)
        return stems

    # -- lunr.py pipeline functions (token, index, tokens), as plain functions: lunr.py labels them

    def lunr_functions(self) -> dict[str, Callable]:
        """The pipeline functions by their labels."""

        def trimmer(token: Token, i=None, tokens=None) -> Token:
            return token.update(lambda s, metadata=None: self.trim(s))

        def stop_word_filter(token: Token, i=None, tokens=None) -> Token | None:
            return None if self.is_stop_word(token.string) else token

        def stemmer(token: Token, i=None, tokens=None) -> Token:
            return token.update(lambda s, metadata=None: self.stem(s))

        def word_stemmer(token: Token, i=None, tokens=None) -> Token:
            return token.update(lambda s, metadata=None: self.word_stem(s))

        return {
            self.trimmer_name: trimmer,
            self.stop_word_name: stop_word_filter,
            self.stemmer_name: stemmer,
            self.drop_empty_name: drop_empty,
            self.word_stemmer_name: word_stemmer,
        }

    def register(self) -> None:
        """Registers the functions with lunr.py (a serialized index names its search pipeline)."""
        for label, function in self.functions.items():
            if Pipeline.registered_functions.get(label) is not function:
                Pipeline.register_function(function, label)


class SnowballPipeline(LanguagePipeline):
    """A lunr-languages pipeline: ``trimmer-<code>`` and ``stopWordFilter-<code>`` as the
    language's lunr file has them, ``stemmer-<code>`` the Snowball algorithm of the
    ``snowballstemmer`` package, and ``stemmer-kk-<code>`` our step around it (plain words are
    those made of the file's word characters only)."""

    def __init__(self, code: str, rules: LanguageRules, algorithm: str) -> None:
        self.code = code
        self.rules = rules
        self.search_names = (f"stemmer-{code}",)
        self.trimmer_name = f"trimmer-{code}"
        self.stop_word_name = f"stopWordFilter-{code}"
        self.stemmer_name = f"stemmer-{code}"
        self.word_stemmer_name = getattr(self, "word_stemmer_name", f"stemmer-kk-{code}")
        # lunr.trimmerSupport.generateTrimmer strips /^[^<word characters>]+/ and
        # /[^<word characters>]+$/; the same, one character at a time over a set.
        self._word = frozenset(expand_class(rules.word_characters))
        self._snowball = snowballstemmer.stemmer(algorithm)
        super().__init__()

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

    def stem_word(self, word: str) -> str:
        return self._snowball.stemWord(word)

    def is_plain(self, token: str) -> bool:
        """Whether every character of ``token`` is a word character of the lunr-languages file."""
        return all(map(self._word.__contains__, token))


@functools.cache
def pipeline_for(language: str) -> LanguagePipeline:
    """The pipeline of a site language ("fi", "sv", "en"), registered with lunr.py."""
    if language not in _MODULES:
        raise ConfigError(f"no search pipeline for the language {language!r}")
    module = importlib.import_module(_MODULES[language])
    pipeline: LanguagePipeline = module.make_pipeline()
    pipeline.register()
    return pipeline


def register_pipelines() -> None:
    """Every language's functions registered with lunr.py, so any serialized index loads."""
    for language in _MODULES:
        pipeline_for(language)


def query_stems(text: str, language: str = "fi") -> list[str]:
    """The stems a finder query searches for in a language's pipeline."""
    return pipeline_for(language).query_stems(text)


class FinnishRemainder:
    """The Finnish terms of Finnish text on a Swedish or English page that the page's own terms
    do not already reach.

    An untranslated entry's Finnish text is indexed with the page language's pipeline (its
    page fields). Most of its words then become a term that begins with the word's Finnish
    stem ("kunnille": Swedish "kunnill", Finnish "kun"), so the Finnish stem of a query word,
    searched as a prefix on the page fields, already finds them. For the other words ("vuoden":
    Swedish "vuod", Finnish "vuode"; "kylä" on English pages, whose trimmer strips the "ä") this
    gives the Finnish term, which goes into the ``fi`` field; for the rest ``None``. So the
    second pass of a query (generator/search/lunr.py) finds whatever a whole Finnish field would,
    at a tenth of its size. A Finnish term of one character is always kept: the query does not
    search it as a prefix.
    """

    def __init__(self, page: LanguagePipeline, finnish: LanguagePipeline) -> None:
        self.page = page
        self.finnish = finnish
        self.code = f"{finnish.code}-not-{page.code}"
        self.term_cache: dict[str, str | None] = {}

    def index_term(self, word: str) -> str | None:
        term = self.finnish.term_cache.get(word, False)
        if term is False:
            term = self.finnish.term_cache[word] = self.finnish.index_term(word)
        if term is None:
            return None
        page = self.page.term_cache.get(word, False)
        if page is False:
            page = self.page.term_cache[word] = self.page.index_term(word)
        if page is not None and len(term) >= 2 and page.startswith(term):
            return None
        return term


@functools.cache
def finnish_remainder(language: str) -> FinnishRemainder:
    """:class:`FinnishRemainder` for the pages of ``language`` ("sv", "en")."""
    return FinnishRemainder(pipeline_for(language), pipeline_for("fi"))


def clear_caches() -> None:
    """Forgets every word's stem and term (a new process's state: benchmarks time cold builds)."""
    for language in _MODULES:
        pipeline = pipeline_for(language)
        pipeline.term_cache.clear()
        pipeline._stems.clear()
    for language in _MODULES:
        if language != "fi":
            finnish_remainder(language).term_cache.clear()
