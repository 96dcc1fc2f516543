"""The finder's data: a lunr index built with lunr.py, split into shards, plus facet metadata,
for each language version of the site.

The browser never builds an index. For a query it downloads only the shards holding the query's
terms and scores from them as lunr does (finder.js, built from generator/search/assets/finder/).
What it downloads (all under the language's data folder, ``haku/data/``, ``sv/haku/data/`` or
``en/haku/data/``, fetched with ``?v=<version>`` so a new build never mixes with cached files of
an old one):

- ``meta.json``: the facets of schema.yml ``facets`` (generator/search/facets.py), each with its
  URL parameter and its labels in the page's language, every document's facet values as small
  integers, and the list of shards. Facet counts come from here, never from the full-text index;
  finder.js takes the list of facets from here. The Swedish and English ones also say
  ``language`` and the query's ``passes`` (below).
- ``terms/<file>.json``: a shard, the terms that start with the shard's prefix, each with its
  documents and their lunr scores per field. A prefix with too many postings is split into
  longer prefixes, so every shard stays small however large the catalogue grows.
- ``docs/<n>.json``: what a result shows (kind, slug, title, summary, years, and the language of
  the title and summary when it is not the page's) for ``CHUNK`` documents, fetched only for the
  results on screen.

Documents are numbered newest first, so browsing without a query lists them in number order.
The order and every document's facet values are the same in every language, computed once per
catalogue and shared by the three :class:`SearchData`.

**Languages.** Each language's index holds the entries as its pages show them
(:func:`generator.i18n.languages.localized`): the translated title, summary and body where there is a
translation, else the original, always with the page language's pipeline (generator/search/pipelines.py),
so the words of the page language find translated entries and the original's words, as they are
written, still find untranslated ones.

A Finnish word in another form than the text's ("perustulon", "kunnissa") needs the Finnish
stemmer. So the Swedish and English indexes also have a field ``fi`` and a query runs in three
passes (meta.json ``passes``, :meth:`SearchData.passes`): the page language's stems on the page's
fields; then the Finnish stems on the entries shown all in Finnish, on their page fields and
``fi``; then the Finnish stems on ``fi`` alone. What a later pass finds that an earlier one did
not follows. The ``fi`` field is small: every entry's Finnish labels (themes, regions, level,
status, kind), a translated entry's Finnish title and summary, and for an entry shown in Finnish
only the Finnish terms that its page terms do not already begin with
(:class:`generator.search.pipelines.FinnishRemainder`; about one word in twelve): the Finnish stem of a
query word finds the rest as a prefix of the page terms. tests/site/test_search_languages.py checks
that every word of every entry's Finnish title and summary finds it on both finders.

**Base forms and compound parts.** Every index, the Finnish one too, has in ``fi`` the Finnish
terms of the base forms and compound parts of the words of the entry's Finnish title, summary
and labels that their own terms do
not already begin with (:class:`generator.search.morphology.Morphology`, computed once per entry
for the three languages), so "esiopetus" finds "esiopetuksen" and "budjetti" "Hiilibudjetti"
with the query's usual stems.

The modules: the documents and their body text (documents.py), the facets (facets.py), what the
languages share (shared.py), the files (datafiles.py), the index (lunr.py, with each language's
pipeline in pipelines.py, finnish.py, swedish.py and english.py) and the scripts (scripts.py).
The lunr scripts and finder.js are the same for every language: :func:`finder_assets` gives
them once; :meth:`SearchData.files` gives only one language's data.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.taxonomy import Taxonomy, group_taxonomies
from generator.core.model import Entry
from generator.core.problems import ConfigError
from generator.core.sitefile import SiteFile
from generator.i18n.languages import LANGUAGES, PRIMARY, LocalEntry, localized
from generator.i18n.translation import translator
from generator.search.datafiles import (
    CHUNK,
    data_dir,
    data_files,
    gc_paused,
    kinds_meta,
    records,
    to_json,
)
from generator.search.documents import body_text
from generator.search.facets import Facet, count_values, facet_meta, facets_in
from generator.search.lunr import IndexBuilder
from generator.search.morphology import Morphology, forget_words
from generator.search.pipelines import clear_caches as clear_pipeline_caches
from generator.search.pipelines import finnish_remainder, pipeline_for
from generator.search.scripts import finder_assets, finder_script
from generator.search.shared import clear_shared, shared_data

__all__ = [
    "FIELDS",
    "Facet",
    "SearchData",
    "body_text",
    "build_search_files",
    "clear_caches",
    "data_dir",
    "finder_assets",
    "finder_script",
    "search_data",
]

# Field boosts: a word in the title counts ten times a word in the body.
FIELDS = (("title", 10), ("summary", 4), ("keywords", 3), ("body", 1))
# Every index's field of extra Finnish terms: the base forms and compound parts of the entry's
# Finnish words (generator/search/morphology.py) and, in the Swedish and English indexes, the
# Finnish terms the query's Finnish passes search (SearchData.passes). Boost 1: a word there
# counts like one in the body.
FINNISH_FIELD = "fi"


class SearchData:
    """The index, the facets and the files of one catalogue in one site language."""

    def __init__(
        self, catalogue: Catalogue, taxonomies: dict[str, Taxonomy], language: str = PRIMARY
    ) -> None:
        if language not in LANGUAGES:
            raise ConfigError(f"no finder for the language {language!r}")
        self.catalogue = catalogue
        self.vocabularies = catalogue.vocabularies
        self.taxonomies = taxonomies
        self.language = language
        self.data_dir = data_dir(language)
        self.shared = shared = shared_data(catalogue)
        self.documents = shared.documents
        self.values = shared.values
        bodies = getattr(catalogue, "bodies", None) or {}
        self.local = [localized(entry, language, bodies.get(entry.path)) for entry in self.documents]
        self._titles = {
            entry.slug: local.title
            for entry, local in zip(self.documents, self.local, strict=True)
            if entry.kind == "experiment"
        }
        self.facets: list[Facet] = facets_in(
            language, catalogue.schema, shared.used, taxonomies, self.vocabularies
        )
        self.index = self._build_index()

    # -- the index --------------------------------------------------------------------------

    def _label(self, vocabulary: str, term_id: Any, language: str) -> str:
        found = self.vocabularies[vocabulary]
        return found[term_id].label(language) if isinstance(term_id, str) and term_id in found else ""

    def keywords(self, entry: Entry, language: str | None = None) -> str:
        """The "keywords" field: organisers, the labels of themes, regions, level, status and
        kind, municipalities (by name) and area, and for a learning the titles of its experiments; labels and
        titles in ``language`` (default: the finder's)."""
        language = language or self.language
        values = entry.values
        words: list[str] = []
        for organiser in values.get("organisers") or ():
            if isinstance(organiser, dict):
                words.append(str(organiser.get("name", "")))
        words += [self._label("teemat", t, language) for t in values.get("themes") or ()]
        regions = values.get("regions")
        if isinstance(regions, list):
            words += [self._label("alueet", r, language) for r in regions]
        words += [self._label("kunnat", m, language) for m in values.get("municipalities") or ()]
        if isinstance(values.get("area"), str):
            words.append(values["area"])
        words.append(self._label("tasot", values.get("level"), language))
        words.append(self._label("tilat", values.get("status"), language))
        words.append(self._label("oppityypit", values.get("kind"), language))
        if entry.kind == "learning":
            experiments = self.shared.experiments_of(entry)
            if language == self.language:
                words += [self._titles.get(e.slug, e.title) for e in experiments]
            else:
                words += [localized(e, language).title for e in experiments]
        return " ".join(w for w in words if w)

    def fields(self, number: int) -> tuple[str | tuple[str | tuple[str, Any], ...], ...]:
        """Document ``number``'s searchable texts, in the order of :attr:`field_names` (a text
        with another pipeline than its field's as a (text, pipeline) pair)."""
        entry, local = self.documents[number], self.local[number]
        body = self.shared.body_text(local.body)
        keywords = self.keywords(entry)
        texts: tuple[Any, ...] = (local.title, local.summary, keywords, body)
        if self.language == PRIMARY:
            return (*texts, self.morphology_text(entry))
        return (*texts, (*self.finnish_texts(entry, local, body), self.morphology_text(entry)))

    def morphology_text(self, entry: Entry) -> str:
        """The base forms and compound parts of the words of the entry's Finnish title, summary
        and labels (:class:`generator.search.morphology.Morphology`; not its body: the budget),
        computed once per entry for every language."""
        found = self.shared.morphology.get(entry.path)
        if found is None:
            bodies = getattr(self.catalogue, "bodies", None) or {}
            finnish = localized(entry, PRIMARY, bodies.get(entry.path))
            texts: tuple[str, ...] = (self.keywords(entry, PRIMARY),)
            if finnish.text_language == PRIMARY:
                texts += (finnish.title, finnish.summary)
            found = self.shared.morphology[entry.path] = finnish_morphology().text(texts)
        return found

    def finnish_on_page(self, local: LocalEntry) -> bool:
        """Whether the page shows the entry's title, summary and body all in Finnish."""
        return local.text_language == PRIMARY and local.body_language == PRIMARY

    def finnish_texts(self, entry: Entry, local: LocalEntry, body: str) -> tuple[Any, ...]:
        """The ``fi`` field of a Swedish or English index, with the Finnish pipeline:

        - the Finnish labels of the entry's themes, regions, municipalities, level, status and kind;
        - for an entry shown all in Finnish, the Finnish terms of its title, summary and body
          that its page fields do not already reach (:class:`FinnishRemainder`: the second
          pass searches those fields too);
        - for any other entry, its Finnish title and summary (the original's or a Finnish
          translation's), whole, if it has them (the second pass does not search its page
          fields, which are not in Finnish).
        """
        labels = self.finnish_labels(entry)
        if self.finnish_on_page(local):
            remainder = finnish_remainder(self.language)
            return (labels, (local.title, remainder), (local.summary, remainder), (body, remainder))
        finnish = localized(entry, PRIMARY)
        if finnish.text_language != PRIMARY:
            return (labels,)
        return (labels, finnish.title, finnish.summary)

    def finnish_labels(self, entry: Entry) -> str:
        values = entry.values
        regions = values.get("regions")
        words = [self._label("teemat", t, PRIMARY) for t in values.get("themes") or ()]
        words += [self._label("alueet", r, PRIMARY) for r in regions] if isinstance(regions, list) else []
        words += [self._label("kunnat", m, PRIMARY) for m in values.get("municipalities") or ()]
        words.append(self._label("tasot", values.get("level"), PRIMARY))
        words.append(self._label("tilat", values.get("status"), PRIMARY))
        words.append(self._label("oppityypit", values.get("kind"), PRIMARY))
        return " ".join(w for w in words if w)

    @property
    def field_specs(self) -> tuple[tuple[str, int], ...]:
        return (*FIELDS, (FINNISH_FIELD, 1))

    @property
    def field_names(self) -> list[str]:
        return [name for name, _ in self.field_specs]

    def passes(self) -> list[dict[str, Any]]:
        """How finder.js queries this index (meta.json "passes"; a Finnish index has one pass,
        Finnish, over every field, and says nothing).

        1. the page language's stems on its fields;
        2. the Finnish stems on the fields of the entries shown all in Finnish, that is the
           title, summary, body and ``fi`` fields of every entry but those in "except";
        3. the Finnish stems on the ``fi`` field alone (the other entries' Finnish title and
           summary, every entry's Finnish labels).
        """
        own = {"language": self.language, "fields": [name for name, _ in FIELDS]}
        if self.language == PRIMARY:
            return [own]
        others = [n for n, local in enumerate(self.local) if not self.finnish_on_page(local)]
        return [
            own,
            {"language": PRIMARY, "fields": ["title", "summary", "body", FINNISH_FIELD], "except": others},
            {"language": PRIMARY, "fields": [FINNISH_FIELD]},
        ]

    def _build_index(self) -> IndexBuilder:
        builder = IndexBuilder(
            self.field_specs, language=self.language, field_languages={FINNISH_FIELD: PRIMARY}
        )
        with gc_paused():
            for number in range(len(self.documents)):
                builder.add(self.fields(number))
        return builder

    # -- the files --------------------------------------------------------------------------

    def meta(self, shard_prefixes: Sequence[str]) -> dict[str, Any]:
        """meta.json without its version: facets, each document's facet values, the shards."""
        meta = {
            "count": len(self.documents),
            "chunk": CHUNK,
            "index": self.index.header(),
            "shards": list(shard_prefixes),
            "kinds": kinds_meta(self.catalogue.schema, self.language),
            **facet_meta(self.facets, self.values),
        }
        if self.language != PRIMARY:
            # A Finnish meta.json stays as it was before the other languages: one pass, Finnish.
            meta["language"] = self.language
            meta["passes"] = self.passes()
        return meta

    def counts(self) -> dict[str, dict[str, int]]:
        """How many documents have each facet value."""
        return count_values(self.facets, self.values)

    def records(self) -> list[list[Any]]:
        """docs/<n>.json's records (:func:`generator.search.datafiles.records`)."""
        return records(self.documents, self.local, self.language)

    @cached_property
    def _data(self) -> tuple[str, list[SiteFile]]:
        with gc_paused():
            shards = {prefix: to_json(shard) for prefix, shard in self.index.shards().items()}
            rows = self.records()
        return data_files(self.data_dir, self.meta(list(shards)), shards, rows)

    @property
    def version(self) -> str:
        """A digest of the data, appended to every data URL so no cache mixes two builds."""
        return self._data[0]

    def files(self) -> list[SiteFile]:
        """This language's data, under :attr:`data_dir`: meta.json, the shards and the records.

        The scripts are the same for every language: publish :func:`finder_assets` once."""
        return list(self._data[1])


def search_data(catalogue: Catalogue, language: str = PRIMARY) -> SearchData:
    """A validated catalogue's finder data in one language, with the taxonomies grouped as the
    site's pages group them."""
    taxonomies = group_taxonomies(
        catalogue.schema.taxonomies,
        catalogue.vocabularies,
        catalogue.experiments.values(),
        language,
        translator(language).gettext,
    )
    return SearchData(catalogue, taxonomies, language)


def build_search_files(catalogue: Catalogue, language: str = PRIMARY) -> list[SiteFile]:
    """One language's finder data for a validated catalogue, as the site build publishes it
    (what benchmarks/search.py times)."""
    return search_data(catalogue, language).files()


@functools.cache
def finnish_morphology() -> Morphology:
    """The extra Finnish words of texts, remembered for the process."""
    return Morphology(pipeline_for(PRIMARY))


def clear_caches() -> None:
    """Forgets what the finder data of every catalogue shares and every word's stem, term and
    analysis, so the next build starts as in a new process (benchmarks/search.py times cold
    builds)."""
    clear_shared()
    clear_pipeline_caches()
    finnish_morphology().clear()
    forget_words()
