"""The finder's data: a lunr index built with lunr.py, split into shards, plus facet metadata.

The browser never builds an index. For a query it downloads only the shards holding the query's
terms and scores from them as lunr does (generator/assets/finder.js). What it downloads (all
under ``haku/data/``, fetched with ``?v=<version>`` so a new build never mixes with cached files
of an old one):

- ``meta.json``: the facets (laji, teema, alue, taso, tila, arviointi, tulos, vuosi) with their
  labels, every document's facet values as small integers, and the list of shards. Facet counts
  come from here, never from the full-text index. A learning takes the regions, level, evaluation
  design (arviointi) and outcome (tulos) of the experiments it names.
- ``terms/<file>.json``: a shard, the terms that start with the shard's prefix, each with its
  documents and their lunr scores per field. A prefix with too many postings is split into
  longer prefixes, so every shard stays small however large the catalogue grows.
- ``docs/<n>.json``: what a result shows (kind, slug, title, summary, years) for ``CHUNK``
  documents, fetched only for the results on screen.

Documents are numbered newest first, so browsing without a query lists them in number order.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

from generator.catalogue import Catalogue
from generator.dates import PartialDate
from generator.finnish import BROWSER_FILES, find_lunr_files
from generator.lunr_index import IndexBuilder, shard_file
from generator.model import Entry
from generator.presentation import date_key, finnish_key, format_years
from generator.sitefile import SiteFile
from generator.taxonomy import Taxonomy, group_taxonomies, term_ids

# Where the finder lives, its data and its scripts (site-relative).
FINDER_URL = "/haku/"
DATA_DIR = "haku/data/"
ASSET_DIR = "assets/haku/"
FINDER_SCRIPT = "finder.js"

# Display records per docs/<n>.json: a results page of 20 touches a few small files.
CHUNK = 10
# How much of an entry's body is searchable: its first words, after title, summary and keywords.
# As many as the budget allows: the index build stays under 10 % of the site build at 10,000
# experiments (benchmarks/search.py; about 9 % with 120 words, too close to the limit).
BODY_WORDS = 100
# Field boosts: a word in the title counts ten times a word in the body.
FIELDS = (("title", 10), ("summary", 4), ("keywords", 3), ("body", 1))

# The evidence facets: URL parameter → (group field, sub-field) of an experiment.
EVIDENCE_FACETS = {"arviointi": ("evaluation", "design"), "tulos": ("result", "outcome")}

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"<?\b(?:https?|mailto):[^\s>]+>?")
_MARKUP = "#*_`>|~"  # emphasis, headings, code, quotes, tables: spaces to the index


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


class SearchData:
    """The index, the facets and the files of one catalogue."""

    def __init__(self, catalogue: Catalogue, taxonomies: dict[str, Taxonomy]) -> None:
        self.catalogue = catalogue
        self.vocabularies = catalogue.vocabularies
        self.taxonomies = taxonomies
        self.documents = order_documents(catalogue)
        self.facets, self.values = self._facets()
        self.index = self._build_index()

    # -- facets -----------------------------------------------------------------------------

    def _experiments_of(self, entry: Entry) -> list[Entry]:
        if entry.kind == "experiment":
            return [entry]
        found = self.catalogue.experiments
        return [found[slug] for slug in entry.values.get("experiments") or () if slug in found]

    def _facet_ids(self, entry: Entry) -> dict[str, list[str]]:
        experiments = self._experiments_of(entry)

        def union(taxonomy: str) -> list[str]:
            spec = self.taxonomies[taxonomy].spec
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

    def _facets(self) -> tuple[list[Facet], list[dict[str, list[str]]]]:
        values = [self._facet_ids(entry) for entry in self.documents]
        used: dict[str, set[str]] = {}
        for doc in values:
            for param, ids in doc.items():
                used.setdefault(param, set()).update(ids)

        def from_taxonomy(param: str, label: str, name: str) -> Facet:
            terms = self.taxonomies[name].terms
            return Facet(param, label, tuple((t.id, t.label) for t in terms if t.id in used.get(param, ())))

        def from_group(param: str) -> Facet:
            """A facet over a sub-field of a group: arviointi (evaluation.design), tulos."""
            field, sub = EVIDENCE_FACETS[param]
            group = self.catalogue.schema.experiment.field(field)
            spec = next(f for f in group.fields if f.name == sub)
            terms = self.vocabularies[spec.vocabulary]
            values = tuple((t.id, t.fi) for t in terms if t.id in used.get(param, ()))
            return Facet(param, group.label_fi, values)

        tilat = self.vocabularies["tilat"]
        years = sorted((y for y in used.get("vuosi", ()) if y != "tuntematon"), reverse=True)
        facets = [
            Facet(
                "laji",
                "Laji",
                tuple(v for v in (("kokeilu", "Kokeilut"), ("oppi", "Opit")) if v[0] in used["laji"]),
            ),
            from_taxonomy("teema", "Teema", "teemat"),
            from_taxonomy("alue", "Alue", "alueet"),
            from_taxonomy("taso", "Tavoitetaso", "tasot"),
            Facet("tila", "Tila", tuple((t.id, t.fi) for t in tilat if t.id in used.get("tila", ()))),
            from_group("arviointi"),
            from_group("tulos"),
            Facet(
                "vuosi",
                "Vuosi",
                tuple((y, y) for y in years)
                + ((("tuntematon", "Tuntematon"),) if "tuntematon" in used.get("vuosi", ()) else ()),
            ),
        ]
        # A facet no document has a value in (no experiment records an evaluation) is left out.
        return [f for f in facets if f.values], values

    # -- the index --------------------------------------------------------------------------

    def _label(self, vocabulary: str, term_id: Any) -> str:
        found = self.vocabularies[vocabulary]
        return found[term_id].fi if isinstance(term_id, str) and term_id in found else ""

    def keywords(self, entry: Entry) -> str:
        """The "keywords" field: organisers, the labels of themes, regions, level, status and
        kind, municipalities, and for a learning the titles of its experiments."""
        values = entry.values
        words: list[str] = []
        for organiser in values.get("organisers") or ():
            if isinstance(organiser, dict):
                words.append(str(organiser.get("name", "")))
        words += [self._label("teemat", t) for t in values.get("themes") or ()]
        regions = values.get("regions")
        if isinstance(regions, list):
            words += [self._label("alueet", r) for r in regions]
        words += [str(m) for m in values.get("municipalities") or ()]
        words.append(self._label("tasot", values.get("level")))
        words.append(self._label("tilat", values.get("status")))
        words.append(self._label("oppityypit", values.get("kind")))
        if entry.kind == "learning":
            words += [e.title for e in self._experiments_of(entry)]
        return " ".join(w for w in words if w)

    def _build_index(self) -> IndexBuilder:
        builder = IndexBuilder(FIELDS)
        with _gc_paused():
            for entry in self.documents:
                builder.add((entry.title, entry.summary, self.keywords(entry), body_text(entry.body)))
        return builder

    # -- the files --------------------------------------------------------------------------

    def meta(self, shard_prefixes: Sequence[str]) -> dict[str, Any]:
        """meta.json without its version: facets, each document's facet values, the shards."""
        return {
            "count": len(self.documents),
            "chunk": CHUNK,
            "index": self.index.header(),
            "shards": list(shard_prefixes),
            "kinds": [
                {
                    "id": "kokeilu",
                    "label": "Kokeilu",
                    "url": self.catalogue.schema.experiment.listing_url[1:],
                },
                {"id": "oppi", "label": "Oppi", "url": self.catalogue.schema.learning.listing_url[1:]},
            ],
            "facets": [
                {
                    "param": f.param,
                    "label": f.label,
                    "values": [{"id": i, "label": label} for i, label in f.values],
                }
                for f in self.facets
            ],
            "docs": {
                f.param: [[positions[v] for v in doc[f.param] if v in positions] for doc in self.values]
                for f in self.facets
                for positions in [{value: n for n, (value, _) in enumerate(f.values)}]
            },
        }

    def counts(self) -> dict[str, dict[str, int]]:
        """How many documents have each facet value."""
        counts = {f.param: dict.fromkeys((v for v, _ in f.values), 0) for f in self.facets}
        for doc in self.values:
            for param, ids in doc.items():
                for value in ids:
                    counts[param][value] += 1
        return counts

    def records(self) -> list[list[Any]]:
        def record(entry: Entry) -> list[Any]:
            if entry.kind == "experiment":
                years = format_years(entry.values.get("start"), entry.values.get("end"))
            else:
                date = entry.values.get("date")
                years = str(date.year) if isinstance(date, PartialDate) else ""
            return [0 if entry.kind == "experiment" else 1, entry.slug, entry.title, entry.summary, years]

        return [record(entry) for entry in self.documents]

    @cached_property
    def _data(self) -> tuple[str, list[SiteFile]]:
        with _gc_paused():
            shards = {prefix: _json(shard) for prefix, shard in self.index.shards().items()}
        records = self.records()
        chunks = {
            f"{DATA_DIR}docs/{n // CHUNK}.json": _json(records[n : n + CHUNK])
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
        files = [SiteFile(f"{DATA_DIR}meta.json", _json({"version": version, **meta}))]
        files += [SiteFile(f"{DATA_DIR}terms/{shard_file(p)}.json", content) for p, content in shards.items()]
        files += [SiteFile(name, content) for name, content in chunks.items()]
        return version, files

    @property
    def version(self) -> str:
        """A digest of the data, appended to every data URL so no cache mixes two builds."""
        return self._data[0]

    def files(self) -> list[SiteFile]:
        """Every file of the finder: the lunr scripts, meta.json, the shards and the records."""
        lunr_files = find_lunr_files()
        scripts = [SiteFile(ASSET_DIR + name, lunr_files.paths[name].read_bytes()) for name in BROWSER_FILES]
        return scripts + self._data[1]


def build_search_files(catalogue: Catalogue) -> list[SiteFile]:
    """The finder's files for a validated catalogue, as the site build publishes them (what
    benchmarks/search.py times)."""
    taxonomies = group_taxonomies(
        catalogue.schema.taxonomies, catalogue.vocabularies, catalogue.experiments.values()
    )
    return SearchData(catalogue, taxonomies).files()


def finder_script() -> bytes:
    """generator/assets/finder.js, published as assets/haku/finder.js."""
    return resources.files("generator").joinpath("assets", FINDER_SCRIPT).read_bytes()


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
