"""Finnish base forms and compound parts for the index, from Voikko's analysis (pyvoikko).

The browser stems a query with lunr.fi's Snowball stemmer and matches terms as prefixes
(generator/search/finnish.py). Snowball alone misses words whose inflected stems do not meet
("esiopetus" → "esiopetus", "esiopetuksen" → "esiopetuk") and never splits a compound
("budjetti" in "Hiilibudjetti"). So the index does more, and the query side stays lunr.js:
for each Finnish word of an entry it also indexes, with the same Finnish pipeline, the words
Voikko gives for it:

- its base form(s) ("esiopetuksen" → "esiopetus", "kouluruoan" → "kouluruoka");
- the parts of a compound ("ruokahävikin" → "ruoka", "hävikki"; the last part in its base
  form and as it stands: "hävikkileivästä" → "leipä", "leivästä"), and the runs of parts that start or end it
  ("yhteiskäyttöauto" → "yhteiskäyttö", "käyttöauto").

Only the words whose term the word's own term does not already begin with are kept (the
query's prefix search finds the others): about one extra term for every few words. They go
into the field ``fi`` (generator/search/index.py), so their scores never change the other
fields'.

What is analysed: the words of an entry's title, summary and labels (keywords), the words
that say what it is about; not its body, whose words are left to Snowball, because analysing
them too doubles the work and takes the index build over its budget (10 % of the site build,
benchmarks/search.py).

The analyser is pyvoikko, Voikko's Finnish morphology (the dictionary of LibreOffice's spell
checker and of Elasticsearch's and Solr's Voikko plugins) as a finite-state transducer run by
kfst (with its Rust accelerator kfst-rs, about 0.5 ms per word): pip only, no system package.
Debian's libvoikko gives the same analyses ten times faster but needs
``apt-get install python3-libvoikko voikko-fi``, which a plain pip install cannot do. Voikko
knows proper nouns in lower case only, so words are analysed lower-cased (as they are indexed).
Each distinct word is analysed at most once per process, and its answer is kept on disk for
the next build (generator/search/analyses.py): a rebuild loads the analyser only for words it
has not seen.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import sys
from collections.abc import Iterable

from generator.core.problems import ConfigError
from generator.search.analyses import Analyses, analyser_key, cache_dir
from generator.search.pipelines import LanguagePipeline, split_words

# Shorter words and parts are not analysed or added: their stems are too short to mean much
# as a prefix ("esi" in "esiopetus").
MIN_LENGTH = 4
# A word longer than this is not analysed (an address, a token of markup).
MAX_LENGTH = 40


@functools.cache
def _analyser():
    try:
        import pyvoikko
    except ImportError as error:  # pragma: no cover - a broken install
        raise ConfigError(
            "the Finnish analyser pyvoikko is missing; install the project: pip install -e ."
        ) from error
    return pyvoikko.analyse


def _clean(word: str | None) -> str:
    """A base form as the index would read it: lower case, Voikko's "=" marks dropped."""
    return (word or "").replace("=", "").lower()


def _compound_words(parts: list) -> set[str]:
    """The parts of a compound and the runs of parts that start or end it: each part as it
    stands in the compound, and the last one also in its base form."""
    forms = [_clean(part.FORM) for part in parts]
    last = _clean(parts[-1].BASEFORM) or forms[-1]
    words = set(forms)  # the last one as it stands too: "leivästä" in "hävikkileivästä"
    words.add(last)
    for k in range(2, len(parts)):
        words.add("".join(forms[:k]))  # a run that starts the compound
        words.add("".join(forms[-k:-1]) + last)  # a run that ends it
    return words


def related_words(word: str) -> tuple[str, ...]:
    """The base forms of a (lower-case) word and the parts of each compound reading, sorted,
    without the word itself and without words shorter than :data:`MIN_LENGTH`: from the
    analyses of earlier builds when they have the word (:func:`analyses`), else analysed."""
    if not (MIN_LENGTH <= len(word) <= MAX_LENGTH) or not word.isalpha():
        return ()
    store = analyses()
    found = store.get(word)
    if found is None:
        found = _analysed(word)
        store.add(word, found)
    return found


def _analysed(word: str) -> tuple[str, ...]:
    found: set[str] = set()
    for analysis in _analyser()(word):
        found.add(_clean(analysis.BASEFORM))
        parts = analysis.COMPOUND_PARTS or []
        if len(parts) > 1:
            found |= _compound_words(parts)
    found.discard(word)
    return tuple(sorted(w for w in found if len(w) >= MIN_LENGTH and w.isalpha()))


_stores: dict[object, Analyses] = {}


def analyses() -> Analyses:
    """The words analysed so far, with those of earlier builds (the file of
    generator/search/analyses.py), once per process and cache folder."""
    folder = cache_dir()
    store = _stores.get(folder)
    if store is None:
        store = _stores[folder] = Analyses(folder, analyser_key())
    return store


def release_analyser() -> None:
    """Lets the analyser go (its dictionary is about 220 MiB in memory) once a build has indexed
    everything: the next word analysed loads it again. The dictionary is held by pyvoikko's
    module, so the module is forgotten too and imported again when needed."""
    if _analyser.cache_info().currsize == 0:
        return
    _analyser.cache_clear()
    for name in [m for m in sys.modules if m == "pyvoikko" or m.startswith("pyvoikko.")]:
        del sys.modules[name]
    gc.collect()
    _return_freed_memory()


def _return_freed_memory() -> None:
    """Hands the freed heap back to the system where the C library can: glibc keeps freed memory
    for the process otherwise (the dictionary's 200 MiB stayed in its resident size)."""
    try:
        trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to do
        return
    trim(0)


def save_analyses() -> None:
    """Keeps the words analysed by this process for the next build (when there are new ones)."""
    for store in _stores.values():
        store.save()


def forget_analyses() -> None:
    """Forgets every word's analysis in this process (the file stays): the next word reads the
    file again, or is analysed."""
    _stores.clear()


class Morphology:
    """The extra Finnish words of texts: those whose index term the words' own terms do not
    already begin with (each distinct word's answer remembered)."""

    def __init__(self, finnish: LanguagePipeline) -> None:
        self.finnish = finnish
        # Word → its extra words. Keyed by the word, not by its term: two forms sharing a term
        # may have other base forms, and the answer for a word must never depend on which
        # words the process happened to read before it (the build is reproducible).
        self._extra: dict[str, tuple[str, ...]] = {}

    def _term(self, word: str) -> str | None:
        terms = self.finnish.term_cache
        term = terms.get(word, False)
        if term is False:
            term = terms[word] = self.finnish.index_term(word)
        return term

    def extra_words(self, word: str) -> tuple[str, ...]:
        """The words :func:`related_words` gives for ``word`` whose terms its own term does not
        begin with (one per term).

        Each distinct word is analysed once per process (:func:`related_words` remembers it).
        """
        own = self._term(word)
        if own is None or not self.finnish.is_plain(word):
            return ()
        found = self._extra.get(word)
        if found is not None:
            return found
        kept: dict[str, str] = {}
        for other in related_words(word):
            term = self._term(other)
            if term and term != own and not own.startswith(term) and term not in kept:
                kept[term] = other
        found = self._extra[word] = tuple(kept.values())
        return found

    def text(self, texts: Iterable[str]) -> str:
        """The extra words of some texts, each once, in sorted order, as one text."""
        words: set[str] = set()
        for text in texts:
            words.update(split_words(text))
        extra: set[str] = set()
        for word in sorted(words):
            trimmed = self.finnish.trim(word)
            if trimmed:
                extra.update(self.extra_words(trimmed))
        return " ".join(sorted(extra))

    def clear(self) -> None:
        self._extra.clear()
