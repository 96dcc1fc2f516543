"""The lunr index of the finder: built with lunr.py's arithmetic, cut into shards, queried the
finder's way.

:class:`IndexBuilder` does what lunr.py's ``Builder`` does, faster and with the same result:
fields are split like lunr.tokenizer does, each distinct word goes through the pipeline once,
terms are counted in C, and the BM25 scores are written term by term straight into the shards.
tests/content/test_search_index.py proves the merged shards equal to plain lunr.py's serialized index.

Shards (``terms/<file>.json``) hold the terms that start with a prefix: two characters, made one
character longer while a shard has over ``SHARD_POSTINGS`` postings. A term lives in the
longest prefix that starts it. A query stem needs the shard of its own longest prefix (the stem
itself) and, for the trailing wildcard, the shards whose prefix the stem starts (its longer
terms). :func:`merge_shards` turns shards back into a serialized lunr index (for lunr.py and
lunr.js in the tests); finder.js scores straight from the shards with the same arithmetic.

Each site language has its own index, built with its own pipeline (generator/search/pipelines.py). A
text may use another pipeline than its field's: the Swedish and English indexes carry a field
``fi`` of Finnish terms (generator/search/index.py says which). A query then runs in *passes*
(meta.json's ``passes``): each pass is a plain lunr query of one language's stems restricted to
some fields, whose results may leave out some documents, and the documents of a later pass that
no earlier one found follow in their own order (:func:`search`; ``searchPasses`` in finder.js).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from lunr import __TARGET_JS_VERSION__
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query, QueryPresence

from generator.search.pipelines import pipeline_for, query_stems, register_pipelines, split_words

# The Finnish index pipeline: lunr-languages' Finnish, with empty tokens dropped after trimming,
# and lunr.fi's stemmer wrapped: plain words only, consonant gradation evened out
# (generator/search/finnish.py). Every language's are ``pipeline_for(code).index_names`` and
# ``.search_names``.
INDEX_PIPELINE = ("trimmer-fi", "dropEmpty-kk", "stopWordFilter-fi", "stemmer-kk")
SEARCH_PIPELINE = ("stemmer-fi",)
# A shard with more postings (term in a document's field) is split by a longer prefix.
SHARD_POSTINGS = 5_000
# A query term that matches a document's term exactly, not only as a prefix, weighs this more.
EXACT_BOOST = 10


class IndexBuilder:
    """Builds the finder's lunr index the way lunr.py's ``Builder`` does, straight into shards.

    The arithmetic is ``Builder``'s (BM25 with k1 1.2 and b 0.75, lunr.py's ``idf``, scores to
    three decimals), and so are the pipelines; tests/content/test_search_index.py and
    tests/site/test_search_languages.py prove the merged shards equal to plain lunr.py's serialized
    index in every language. Two things
    make it fast at 10,000 entries: each distinct word goes through the pipeline once, and the
    scores are written term by term into the shards, with no vector insertion and no splitting.

    Terms are numbered in sorted order, so every shard holds a run of consecutive term numbers
    and the browser rebuilds lunr's field vectors already sorted.
    """

    def __init__(
        self,
        fields: Sequence[tuple[str, int]],
        k1: float = 1.2,
        b: float = 0.75,
        language: str = "fi",
        field_languages: Mapping[str, str] | None = None,
    ) -> None:
        self.fields = [name for name, _ in fields]
        self.boosts = [boost for _, boost in fields]
        self.k1 = k1
        self.b = b
        self.language = language
        self.pipeline = pipeline_for(language)
        # Each field's pipeline: the index's language unless ``field_languages`` names another.
        languages = field_languages or {}
        self._pipelines = [pipeline_for(languages.get(name, language)) for name in self.fields]
        self.search_pipeline = Pipeline()
        self.search_pipeline.add(
            *(Pipeline.registered_functions[name] for name in self.pipeline.search_names)
        )
        self.document_count = 0
        # Per field: each document's length in terms, by document number.
        self.lengths: list[list[int]] = [[] for _ in fields]
        # Per field: term → (the numbers of the documents that have it, ascending; how often).
        self.postings: list[dict[str, tuple[list[int], list[int]]]] = [{} for _ in fields]

    def add(self, fields: Sequence[str | Sequence[str | tuple[str, Any]]]) -> int:
        """Adds a document of plain-text fields (in field order); returns its number.

        A field may be given as several texts, indexed as if joined with spaces; a text may be
        a (text, pipeline) pair, whose words become terms with that pipeline instead of the
        field's (any object with ``index_term`` and ``term_cache``)."""
        number = self.document_count
        self.document_count += 1
        for position, texts in enumerate(fields):
            frequencies: Counter[str | None] = Counter()
            for part in (texts,) if isinstance(texts, str) else texts:
                text, pipeline = part if isinstance(part, tuple) else (part, self._pipelines[position])
                terms = pipeline.term_cache
                index_term = pipeline.index_term
                words = split_words(text)
                # Each distinct word goes through the pipeline once per process and language;
                # then it is counted by its term in C (Counter over a map), with no Python loop
                # per word.
                for word in set(words).difference(terms):
                    terms[word] = index_term(word)
                frequencies.update(map(terms.__getitem__, words))
            frequencies.pop(None, None)
            postings = self.postings[position]
            for term, count in frequencies.items():
                posting = postings.get(term)
                if posting is None:
                    posting = postings[term] = ([], [])
                posting[0].append(number)
                posting[1].append(count)
            self.lengths[position].append(sum(frequencies.values()))
        return number

    def header(self) -> dict[str, Any]:
        """What every merged index carries: lunr's version, the fields and the search pipeline."""
        return {
            "version": __TARGET_JS_VERSION__,
            "fields": self.fields,
            "pipeline": self.search_pipeline.serialize(),
        }

    def shards(self) -> dict[str, dict[str, Any]]:
        """The index as shards: ``{"start": n, "terms": [[term, {field: [doc, score, …]}], …]}``.

        Term number ``start + i`` is the i-th term of the shard; a field without the term is
        left out.
        """
        terms = sorted(set().union(*self.postings))
        by_field = [[field.get(term) for field in self.postings] for term in terms]
        prefixes = shard_prefixes(
            (term, sum(len(p[0]) for p in postings if p))
            for term, postings in zip(terms, by_field, strict=True)
        )
        k1, b, documents = self.k1, self.b, self.document_count
        lengths = self.lengths
        averages = [sum(field) / len(field) if field else 0 for field in lengths]
        # BM25's length normalisation per document, and its denominator for a term seen once,
        # with lunr.py's operations in lunr.py's order, so every score is bit for bit its own:
        # idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average)) + tf), times the boost.
        norms = [
            [k1 * (1 - b + b * (length / average)) for length in field]
            for field, average in zip(lengths, averages, strict=True)
        ]
        once = [[norm + 1 for norm in field] for field in norms]
        shards: dict[str, dict[str, Any]] = {}
        for rank, (term, postings) in enumerate(zip(terms, by_field, strict=True)):
            # lunr's idf counts a document once per field that has the term.
            having = sum(len(p[0]) for p in postings if p)
            term_idf = math.log(1 + abs((documents - having + 0.5) / (having + 0.5)))
            term_idf_once = term_idf * (k1 + 1)
            entry: dict[str, list] = {}
            for position, posting in enumerate(postings):
                if posting is None:
                    continue
                docs, counts = posting
                norm, denominator, boost = norms[position], once[position], self.boosts[position]
                flat: list = [None] * (2 * len(docs))
                flat[::2] = docs
                flat[1::2] = [
                    round(
                        (
                            term_idf_once / denominator[doc]
                            if tf == 1
                            else term_idf * ((k1 + 1) * tf) / (norm[doc] + tf)
                        )
                        * boost,
                        3,
                    )
                    for doc, tf in zip(docs, counts, strict=True)
                ]
                entry[self.fields[position]] = flat
            prefix = prefix_of(term, prefixes)
            shard = shards.get(prefix)
            if shard is None:
                shard = shards[prefix] = {"start": rank, "terms": []}
            shard["terms"].append([term, entry])
        return shards


def shard_file(prefix: str) -> str:
    """The ASCII file name of a shard: [a-z0-9] kept, anything else as "_<hex>_" (ä → "_e4_")."""
    return "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else f"_{ord(c):x}_" for c in prefix)


def shard_prefixes(terms: Iterable[tuple[str, int]]) -> set[str]:
    """Shard prefixes for (term, postings) pairs: two characters, lengthened one character at a
    time while a shard has more than ``SHARD_POSTINGS`` postings."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for term, count in terms:
        groups.setdefault(term[:2], []).append((term, count))
    prefixes: set[str] = set()
    while groups:
        prefix, members = groups.popitem()
        if sum(count for _, count in members) <= SHARD_POSTINGS or all(
            len(t) <= len(prefix) for t, _ in members
        ):
            prefixes.add(prefix)
            continue
        longer: dict[str, list[tuple[str, int]]] = {}
        for term, count in members:
            if len(term) == len(prefix):
                prefixes.add(prefix)  # the term itself stays in the shorter shard
            else:
                longer.setdefault(term[: len(prefix) + 1], []).append((term, count))
        groups.update(longer)
    return prefixes


def prefix_of(term: str, prefixes: set[str]) -> str:
    for length in range(len(term), 0, -1):
        if term[:length] in prefixes:
            return term[:length]
    raise ValueError(f"no shard for {term!r}")


def needed_shards(stems: Sequence[str], prefixes: Iterable[str]) -> list[str]:
    """The shards a query needs, sorted: for each stem, the shard that would hold the stem itself
    (its longest prefix among the shards) and, for the trailing wildcard, every shard whose
    prefix starts with the stem. A term that starts with the stem lives in one of those: its
    own longest prefix is either at least as long as the stem, or the stem's longest prefix."""
    prefixes = list(prefixes)
    needed = set()
    for stem in stems:
        own = [p for p in prefixes if stem.startswith(p)]
        if own:
            needed.add(max(own, key=len))
        if len(stem) >= 2:
            needed.update(p for p in prefixes if p.startswith(stem))
    return sorted(needed)


def merge_shards(header: dict[str, Any], shards: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The serialized lunr index of some shards (of all of them: the whole index).

    finder.js does the same in the browser. ``header`` is meta.json's "index".
    """
    fields = header["fields"]
    terms: list = []
    vectors: dict[str, list] = {}
    for shard in sorted(shards, key=lambda s: s["start"]):
        for offset, (term, entry) in enumerate(shard["terms"]):
            number = shard["start"] + offset
            posting: dict[str, Any] = {field: {} for field in fields}
            for field, flat in entry.items():
                for doc, score in zip(flat[::2], flat[1::2], strict=True):
                    posting[field][str(doc)] = {}
                    vectors.setdefault(f"{field}/{doc}", []).extend((number, score))
            posting["_index"] = number
            terms.append([term, posting])
    return {
        "version": header["version"],
        "fields": fields,
        "fieldVectors": [[ref, elements] for ref, elements in vectors.items()],
        "invertedIndex": terms,
        "pipeline": header["pipeline"],
    }


def load_index(serialized: dict[str, Any]) -> Index:
    register_pipelines()  # registers stemmer-fi and stemmer-sv, which a serialized pipeline names
    return Index.load(serialized)


def finder_query(stems: Sequence[str], fields: Sequence[str] | None = None) -> Callable[[Query], None]:
    """The query finder.js runs: every stem required (as a prefix), an exact match boosted; on
    ``fields`` only when given (else every field)."""
    restrict = {"fields": list(fields)} if fields else {}

    def build(query: Query) -> None:
        for stem in stems:
            wildcard = Query.WILDCARD_TRAILING if len(stem) >= 2 else Query.WILDCARD_NONE
            query.term(
                stem, presence=QueryPresence.REQUIRED, use_pipeline=False, wildcard=wildcard, **restrict
            )
            query.term(stem, boost=EXACT_BOOST, use_pipeline=False, **restrict)

    return build


def search_passes(meta: Mapping[str, Any]) -> list[tuple[str, list[str] | None, frozenset[int]]]:
    """meta.json's passes as (language, fields, excluded documents); a Finnish index has one
    pass over every field."""
    found = meta.get("passes")
    if not found:
        return [(meta.get("language", "fi"), None, frozenset())]
    return [(p["language"], list(p["fields"]), frozenset(p.get("except", ()))) for p in found]


Passes = Sequence[tuple[str, Sequence[str] | None] | tuple[str, Sequence[str] | None, Iterable[int]]]


def search(index: Index, text: str, passes: Passes | None = None) -> list[int]:
    """Document numbers for a finder query, best first; [] when the query has no words in the
    first pass's language.

    ``passes`` (default: Finnish on every field) are (language, fields[, excluded documents]):
    each pass is a lunr query of the language's stems on those fields, without the excluded
    documents, and its documents that no earlier pass found follow, in its order (``searchPasses``
    in finder.js)."""
    passes = passes or [("fi", None)]
    if not query_stems(text, passes[0][0]):
        return []
    found: list[int] = []
    seen: set[int] = set()
    for language, fields, *rest in passes:
        excluded = set(rest[0]) if rest else set()
        stems = query_stems(text, language)
        if not stems:
            continue
        for result in index.query(callback=finder_query(stems, fields)):
            number = int(result["ref"])
            if number not in seen and number not in excluded:
                seen.add(number)
                found.append(number)
    return found
