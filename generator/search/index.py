"""The finder's data: a lunr index built with lunr.py, split into shards, plus facet metadata,
for each language version of the site.

The browser never builds an index. For a query it downloads only the shards holding the query's
terms and scores from them as lunr does (generator/search/assets/finder.js). What it downloads (all
under the language's data folder, ``haku/data/``, ``sv/haku/data/`` or ``en/haku/data/``, fetched
with ``?v=<version>`` so a new build never mixes with cached files of an old one):

- ``meta.json``: the facets (laji, teema, alue, taso, tila, arviointi, tulos, vuosi) with their
  labels in the page's language, every document's facet values as small integers, and the list
  of shards. Facet counts come from here, never from the full-text index. A learning takes the
  regions, level, evaluation design (arviointi) and outcome (tulos) of the experiments it names.
  The Swedish and English ones also say ``language`` and the query's ``passes`` (below).
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
query word finds the rest as a prefix of the page terms. tests/test_search_languages.py checks
that every word of every entry's Finnish title and summary finds it on both finders.

The lunr scripts (and finder.js) are the same for every language: :func:`finder_assets` gives
them once; :meth:`SearchData.files` gives only one language's data.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.taxonomy import Taxonomy, group_taxonomies, term_ids
from generator.core.dates import PartialDate
from generator.core.model import Entry
from generator.core.problems import ConfigError
from generator.core.sitefile import SiteFile
from generator.core.urls import BROWSER_FILES, FINDER_ASSET_DIR, FINDER_DATA_DIR, FINDER_SCRIPT
from generator.i18n.languages import LANGUAGES, PRIMARY, LocalEntry, localized, src_uri_in
from generator.i18n.presentation import date_key, finnish_key, format_years
from generator.i18n.translation import translator
from generator.search.lunr import IndexBuilder, shard_file
from generator.search.pipelines import clear_caches as clear_pipeline_caches
from generator.search.pipelines import find_lunr_files, finnish_remainder

# Display records per docs/<n>.json: a results page of 20 touches a few small files.
CHUNK = 10
# How much of an entry's body is searchable: its first words, after title, summary and keywords.
# As many as the budget allows: the index build stays under 10 % of the site build at 10,000
# experiments (benchmarks/search.py; about 9 % with 120 words, too close to the limit).
BODY_WORDS = 100
# Field boosts: a word in the title counts ten times a word in the body.
FIELDS = (("title", 10), ("summary", 4), ("keywords", 3), ("body", 1))
# The Swedish and English indexes' field of Finnish terms, searched by the query's Finnish
# passes (SearchData.passes). Boost 1: a Finnish word there counts like one in the body.
FINNISH_FIELD = "fi"

# The finder's own headings and values, by Finnish text (the site's translations.yml is the
# page templates'; these are the data's, kept with it).
LABELS: dict[str, dict[str, str]] = {
    "Laji": {"sv": "Typ", "en": "Kind"},
    "Teema": {"sv": "Tema", "en": "Theme"},
    "Alue": {"sv": "Område", "en": "Region"},
    "Tavoitetaso": {"sv": "Målnivå", "en": "Goal level"},
    "Tila": {"sv": "Status", "en": "Status"},
    "Vuosi": {"sv": "År", "en": "Year"},
    "Kokeilut": {"sv": "Försök", "en": "Experiments"},
    "Opit": {"sv": "Lärdomar", "en": "Learnings"},
    "Tuntematon": {"sv": "Okänd", "en": "Unknown"},
    "Kokeilu": {"sv": "Försök", "en": "Experiment"},
    "Oppi": {"sv": "Lärdom", "en": "Learning"},
    "Arviointi": {"sv": "Utvärdering", "en": "Evaluation"},
    "Tulos": {"sv": "Resultat", "en": "Result"},
}

# The evidence facets: URL parameter → (group field, sub-field) of an experiment.
EVIDENCE_FACETS = {"arviointi": ("evaluation", "design"), "tulos": ("result", "outcome")}

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"<?\b(?:https?|mailto):[^\s>]+>?")
_MARKUP = "#*_`>|~"  # emphasis, headings, code, quotes, tables: spaces to the index


def label(text: str, language: str) -> str:
    """One of the finder's own words (``LABELS``) in ``language``."""
    return text if language == PRIMARY else LABELS[text][language]


def data_dir(language: str) -> str:
    """The site-relative folder of a language's finder data: "haku/data/", "sv/haku/data/"."""
    return src_uri_in(FINDER_DATA_DIR, language)


@dataclass(frozen=True)
class Facet:
    """One facet of the finder: its URL parameter, label and values (id, label)."""

    param: str
    label: str
    values: tuple[tuple[str, str], ...]


def body_text(markdown: str, words: int = BODY_WORDS) -> str:
    """The first ``words`` words of a Markdown body as plain text (link text kept, URLs dropped)."""
    # Only the start of the body is read: enough characters for the words and their markup.
    text = markdown[: words * 24]
    if "](" in text:
        text = _MARKDOWN_LINK.sub(r"\1", text)
    if "http" in text or "mailto:" in text:
        text = _URL.sub(" ", text)
    for mark in _MARKUP:
        text = text.replace(mark, " ")
    return " ".join(text.split(maxsplit=words)[:words])


def entry_date(entry: Entry) -> Any:
    return entry.values.get("start" if entry.kind == "experiment" else "date")


def order_documents(catalogue: Catalogue) -> list[Entry]:
    """Every experiment and learning, newest first (the finder's document numbers)."""
    entries = [*catalogue.experiments.values(), *catalogue.learnings.values()]
    return sorted(entries, key=lambda e: (date_key(entry_date(e)), finnish_key(e.title), e.kind, e.slug))


class _Shared:
    """What every language's finder data has in common for one catalogue: the documents in
    order, their facet values, and the plain text of the bodies."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.specs = {spec.name: spec for spec in catalogue.schema.taxonomies}
        self.experiments = catalogue.experiments
        self.documents = order_documents(catalogue)
        self.values = [self._facet_ids(entry) for entry in self.documents]
        self.used: dict[str, set[str]] = {}
        for doc in self.values:
            for param, ids in doc.items():
                self.used.setdefault(param, set()).update(ids)
        self._bodies: dict[str, str] = {}

    def experiments_of(self, entry: Entry) -> list[Entry]:
        if entry.kind == "experiment":
            return [entry]
        found = self.experiments
        return [found[slug] for slug in entry.values.get("experiments") or () if slug in found]

    def _facet_ids(self, entry: Entry) -> dict[str, list[str]]:
        experiments = self.experiments_of(entry)

        def union(taxonomy: str) -> list[str]:
            spec = self.specs[taxonomy]
            ids: list[str] = []
            for experiment in experiments:
                ids += [i for i in term_ids(experiment, spec) if i not in ids]
            return ids

        def sub_union(field: str, sub: str) -> list[str]:
            ids: list[str] = []
            for experiment in experiments:
                group = experiment.values.get(field)
                value = group.get(sub) if isinstance(group, dict) else None
                if isinstance(value, str) and value not in ids:
                    ids.append(value)
            return ids

        date = entry_date(entry)
        year = str(date.year) if isinstance(date, PartialDate) else "tuntematon"
        status = entry.values.get("status") if entry.kind == "experiment" else None
        return {
            "laji": ["kokeilu" if entry.kind == "experiment" else "oppi"],
            "teema": list(entry.values.get("themes") or ()),
            "alue": union("alueet"),
            "taso": union("tasot"),
            "tila": [status] if isinstance(status, str) else [],
            "arviointi": sub_union(*EVIDENCE_FACETS["arviointi"]),
            "tulos": sub_union(*EVIDENCE_FACETS["tulos"]),
            "vuosi": [year],
        }

    def body_text(self, markdown: str) -> str:
        """:func:`body_text`, once per body for all languages (an untranslated body is the same
        string in each)."""
        found = self._bodies.get(markdown)
        if found is None:
            found = self._bodies[markdown] = body_text(markdown)
        return found


# One _Shared per live catalogue (by identity: a catalogue is never changed after it is checked).
_SHARED: dict[int, tuple[weakref.ref, _Shared]] = {}


def _shared(catalogue: Catalogue) -> _Shared:
    key = id(catalogue)
    found = _SHARED.get(key)
    if found is not None and found[0]() is catalogue:
        return found[1]

    def forget(ref: weakref.ref, key: int = key) -> None:
        if _SHARED.get(key, (None,))[0] is ref:
            del _SHARED[key]

    shared = _Shared(catalogue)
    _SHARED[key] = (weakref.ref(catalogue, forget), shared)
    return shared


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
        self.shared = shared = _shared(catalogue)
        self.documents = shared.documents
        self.values = shared.values
        bodies = getattr(catalogue, "bodies", None) or {}
        self.local = [localized(entry, language, bodies.get(entry.path)) for entry in self.documents]
        self._titles = {
            entry.slug: local.title
            for entry, local in zip(self.documents, self.local, strict=True)
            if entry.kind == "experiment"
        }
        self.facets = self._facets()
        self.index = self._build_index()

    # -- facets -----------------------------------------------------------------------------

    def _facets(self) -> list[Facet]:
        used, language = self.shared.used, self.language

        def from_taxonomy(param: str, heading: str, name: str) -> Facet:
            terms = self.taxonomies[name].terms
            return Facet(
                param,
                label(heading, language),
                tuple((t.id, t.label) for t in terms if t.id in used.get(param, ())),
            )

        def from_group(param: str) -> Facet:
            """A facet over a sub-field of a group: arviointi (evaluation.design), tulos."""
            field, sub = EVIDENCE_FACETS[param]
            group = self.catalogue.schema.experiment.field(field)
            spec = next(f for f in group.fields if f.name == sub)
            terms = self.vocabularies[spec.vocabulary]
            values = tuple((t.id, t.label(language)) for t in terms if t.id in used.get(param, ()))
            return Facet(param, label(group.label_fi, language), values)

        tilat = self.vocabularies["tilat"]
        years = sorted((y for y in used.get("vuosi", ()) if y != "tuntematon"), reverse=True)
        kinds = (("kokeilu", label("Kokeilut", language)), ("oppi", label("Opit", language)))
        facets = [
            Facet("laji", label("Laji", language), tuple(v for v in kinds if v[0] in used["laji"])),
            from_taxonomy("teema", "Teema", "teemat"),
            from_taxonomy("alue", "Alue", "alueet"),
            from_taxonomy("taso", "Tavoitetaso", "tasot"),
            Facet(
                "tila",
                label("Tila", language),
                tuple((t.id, t.label(language)) for t in tilat if t.id in used.get("tila", ())),
            ),
            from_group("arviointi"),
            from_group("tulos"),
            Facet(
                "vuosi",
                label("Vuosi", language),
                tuple((y, y) for y in years)
                + (
                    (("tuntematon", label("Tuntematon", language)),)
                    if "tuntematon" in used.get("vuosi", ())
                    else ()
                ),
            ),
        ]
        # A facet no document has a value in (no experiment records an evaluation) is left out.
        return [f for f in facets if f.values]

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
        texts: tuple[Any, ...] = (local.title, local.summary, self.keywords(entry), body)
        if self.language != PRIMARY:
            texts += (self.finnish_texts(entry, local, body),)
        return texts

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
        return FIELDS if self.language == PRIMARY else (*FIELDS, (FINNISH_FIELD, 1))

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
        with _gc_paused():
            for number in range(len(self.documents)):
                builder.add(self.fields(number))
        return builder

    # -- the files --------------------------------------------------------------------------

    def meta(self, shard_prefixes: Sequence[str]) -> dict[str, Any]:
        """meta.json without its version: facets, each document's facet values, the shards."""
        language = self.language
        meta = {
            "count": len(self.documents),
            "chunk": CHUNK,
            "index": self.index.header(),
            "shards": list(shard_prefixes),
            "kinds": [
                {
                    "id": "kokeilu",
                    "label": label("Kokeilu", language),
                    "url": self.catalogue.schema.experiment.listing_url[1:],
                },
                {
                    "id": "oppi",
                    "label": label("Oppi", language),
                    "url": self.catalogue.schema.learning.listing_url[1:],
                },
            ],
            "facets": [
                {
                    "param": f.param,
                    "label": f.label,
                    "values": [{"id": i, "label": value_label} for i, value_label in f.values],
                }
                for f in self.facets
            ],
            "docs": {
                f.param: [[positions[v] for v in doc[f.param] if v in positions] for doc in self.values]
                for f in self.facets
                for positions in [{value: n for n, (value, _) in enumerate(f.values)}]
            },
        }
        if language != PRIMARY:
            # A Finnish meta.json stays as it was before the other languages: one pass, Finnish.
            meta["language"] = language
            meta["passes"] = self.passes()
        return meta

    def counts(self) -> dict[str, dict[str, int]]:
        """How many documents have each facet value."""
        counts = {f.param: dict.fromkeys((v for v, _ in f.values), 0) for f in self.facets}
        for doc in self.values:
            for param, ids in doc.items():
                for value in ids:
                    counts[param][value] += 1
        return counts

    def records(self) -> list[list[Any]]:
        """docs/<n>.json's records: [kind, slug, title, summary, years], and the language of the
        title and summary when it is not the page's (the finder marks them with ``lang``), then
        the summary's when it differs from the title's (a title translated without its summary)."""
        language = self.language

        def record(entry: Entry, local: LocalEntry) -> list[Any]:
            if entry.kind == "experiment":
                years = format_years(entry.values.get("start"), entry.values.get("end"), language)
            else:
                date = entry.values.get("date")
                years = str(date.year) if isinstance(date, PartialDate) else ""
            found = [0 if entry.kind == "experiment" else 1, entry.slug, local.title, local.summary, years]
            if local.text_language != language or local.summary_language != local.text_language:
                found.append(local.text_language)
            if local.summary_language != local.text_language:  # a title translated alone
                found.append(local.summary_language)
            return found

        return [record(entry, local) for entry, local in zip(self.documents, self.local, strict=True)]

    @cached_property
    def _data(self) -> tuple[str, list[SiteFile]]:
        folder = self.data_dir
        with _gc_paused():
            shards = {prefix: _json(shard) for prefix, shard in self.index.shards().items()}
            records = self.records()
        chunks = {
            f"{folder}docs/{n // CHUNK}.json": _json(records[n : n + CHUNK])
            for n in range(0, len(records), CHUNK)
        }
        # The version names this build's data: meta.json holds it, so it is hashed without it.
        meta = self.meta(list(shards))
        digest = hashlib.sha256(_json(meta))
        for prefix, content in shards.items():
            digest.update(prefix.encode() + b"\0" + content)
        for content in chunks.values():
            digest.update(content)
        version = digest.hexdigest()[:16]
        files = [SiteFile(f"{folder}meta.json", _json({"version": version, **meta}))]
        files += [SiteFile(f"{folder}terms/{shard_file(p)}.json", content) for p, content in shards.items()]
        files += [SiteFile(name, content) for name, content in chunks.items()]
        return version, files

    @property
    def version(self) -> str:
        """A digest of the data, appended to every data URL so no cache mixes two builds."""
        return self._data[0]

    def files(self) -> list[SiteFile]:
        """This language's data, under :attr:`data_dir`: meta.json, the shards and the records.

        The scripts are the same for every language: publish :func:`finder_assets` once."""
        return list(self._data[1])


def finder_assets() -> list[SiteFile]:
    """The finder's scripts, shared by every language, under ``assets/haku/``: lunr.js,
    lunr.stemmer.support.js, lunr.fi.js and lunr.sv.js unchanged from the installed package,
    and finder.js."""
    lunr_files = find_lunr_files()
    scripts = [
        SiteFile(FINDER_ASSET_DIR + name, lunr_files.paths[name].read_bytes()) for name in BROWSER_FILES
    ]
    return [*scripts, SiteFile(FINDER_ASSET_DIR + FINDER_SCRIPT, finder_script())]


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


def clear_caches() -> None:
    """Forgets what the finder data of every catalogue shares and every word's stem and term,
    so the next build starts as in a new process (benchmarks/search.py times cold builds)."""
    _SHARED.clear()
    clear_pipeline_caches()


def finder_script() -> bytes:
    """generator/search/assets/finder.js, published as assets/haku/finder.js."""
    return resources.files("generator.search").joinpath("assets", FINDER_SCRIPT).read_bytes()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while millions of small, acyclic objects are made: it would
    scan them again and again for nothing (reference counting still frees them)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
