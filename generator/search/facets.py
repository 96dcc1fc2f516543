"""The finder's facets, built from the registry in schema.yml (``facets``, read by
generator/core/facets.py): each document's values in each facet, each facet's values with their
labels in one language, the counts, and the facets' part of meta.json.

A facet reads one of three sources (:class:`generator.core.facets.FacetSpec`):

- a taxonomy: the taxonomy's term ids of an entry (:func:`term_ids`, extra terms such as
  "koko-suomi" included), its terms in the order and with the labels of the taxonomy's pages;
- a vocabulary field, or a group's sub-field ("result.outcome"): the field's ids, the
  vocabulary's terms in file order;
- a derived value: the kind of entry, or the year of an experiment's start or a learning's date
  (the facet's one fixed value when there is none).

A learning takes the values of its own field (``learnings: own``; none when its kind of entry has
no such field) or those of the experiments it names (``learnings: experiments``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from generator.content.taxonomy import Taxonomy, term_ids
from generator.content.vocabulary import Vocabulary
from generator.core.dates import PartialDate
from generator.core.facets import FacetSpec
from generator.core.model import Entry
from generator.core.problems import ConfigError
from generator.core.schema import Schema
from generator.i18n.translation import MissingTranslation, Translator
from generator.search.documents import entry_date, experiments_of

# A document's value ids in each facet, by URL parameter.
DocumentValues = dict[str, list[str]]


@dataclass(frozen=True)
class Facet:
    """One facet of the finder in one language: its URL parameter, label and values (id, label)."""

    param: str
    label: str
    values: tuple[tuple[str, str], ...]


def translated(text: str, language: str) -> str:
    """A facet's label (a text of translations.yml) in ``language``; a missing one is an error
    of the site, not of a contributor."""
    try:
        return Translator(language, strict=True).gettext(text)
    except MissingTranslation as missing:
        raise ConfigError(
            f"generator/i18n/translations.yml: no {language} for {text!r}, a label of schema.yml facets"
        ) from missing


# Reads one facet's value ids of an entry, given the experiments it stands for.
_Read = Callable[[Entry, list[Entry]], list[str]]


class FacetReader:
    """Reads an entry's value ids in every facet of a schema (each facet's source looked up once)."""

    def __init__(self, schema: Schema) -> None:
        self.readers = [(spec.param, _reader(schema, spec)) for spec in schema.facets]

    def values(self, entry: Entry, experiments: Mapping[str, Entry]) -> DocumentValues:
        named = experiments_of(entry, experiments)
        return {param: read(entry, named) for param, read in self.readers}


def _reader(schema: Schema, spec: FacetSpec) -> _Read:
    if spec.derived == "kind":
        by_kind = {value.kind: [value.id] for value in spec.values}
        return lambda entry, _: list(by_kind.get(entry.kind, ()))
    if spec.derived == "year":
        unknown = spec.values[0].id

        def year(entry: Entry, _: list[Entry]) -> list[str]:
            date = entry_date(entry)
            return [str(date.year) if isinstance(date, PartialDate) else unknown]

        return year
    taxonomy = next((t for t in schema.taxonomies if t.name == spec.taxonomy), None)
    path = taxonomy.field if taxonomy else spec.field or ""
    # The kinds of entry that have the field (a learning has no status).
    kinds = frozenset(e.kind for e in schema.entries if e.field_at(path) is not None)
    ids_of = partial(term_ids, spec=taxonomy) if taxonomy else partial(_field_ids, path=path)
    from_experiments = spec.learnings == "experiments"

    def read(entry: Entry, experiments: list[Entry]) -> list[str]:
        ids: list[str] = []
        for source in experiments if from_experiments else (entry,):
            if source.kind in kinds:
                ids += [i for i in ids_of(source) if i not in ids]
        return ids

    return read


def _field_ids(entry: Entry, path: str) -> list[str]:
    """The ids of an entry in a vocabulary field, or a group's sub-field ("result.outcome")."""
    name, _, sub = path.partition(".")
    value: Any = entry.values.get(name)
    if sub:
        groups = value if isinstance(value, list) else [value]
        found = [group.get(sub) for group in groups if isinstance(group, dict)]
        value = [v for item in found for v in (item if isinstance(item, list) else [item])]
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str)]


def used_values(values: Sequence[DocumentValues]) -> dict[str, set[str]]:
    """Every value id some document has, by facet."""
    used: dict[str, set[str]] = {}
    for doc in values:
        for param, ids in doc.items():
            used.setdefault(param, set()).update(ids)
    return used


def facets_in(
    language: str,
    schema: Schema,
    used: Mapping[str, set[str]],
    taxonomies: Mapping[str, Taxonomy],
    vocabularies: Mapping[str, Vocabulary],
) -> list[Facet]:
    """The facets in ``language``, in the schema's order, each with the values some document has;
    a facet no document has a value in (no experiment records an evaluation) is left out."""
    facets = []
    for spec in schema.facets:
        have = used.get(spec.param, set())
        values = tuple(v for v in _terms(spec, language, have, taxonomies, vocabularies) if v[0] in have)
        if values:
            facets.append(Facet(spec.param, translated(spec.label, language), values))
    return facets


def _terms(
    spec: FacetSpec,
    language: str,
    used: set[str],
    taxonomies: Mapping[str, Taxonomy],
    vocabularies: Mapping[str, Vocabulary],
) -> list[tuple[str, str]]:
    """A facet's possible values (id, label) in order."""
    if spec.taxonomy is not None:
        return [(t.id, t.label) for t in taxonomies[spec.taxonomy].terms]
    if spec.vocabulary is not None:
        return [(t.id, t.label(language)) for t in vocabularies[spec.vocabulary]]
    fixed = [(value.id, translated(value.label, language)) for value in spec.values]
    if spec.derived == "year":  # newest first, then the entries without a date
        unknown = spec.values[0].id
        return [(y, y) for y in sorted((y for y in used if y != unknown), reverse=True)] + fixed
    return fixed


def facet_meta(facets: Sequence[Facet], values: Sequence[DocumentValues]) -> dict[str, Any]:
    """meta.json's "facets" (param, label, values) and "docs" (each document's values in each
    facet, as positions in the facet's values)."""
    docs = {}
    for facet in facets:
        positions = {value: n for n, (value, _) in enumerate(facet.values)}
        docs[facet.param] = [[positions[v] for v in doc[facet.param] if v in positions] for doc in values]
    return {
        "facets": [
            {"param": f.param, "label": f.label, "values": [{"id": i, "label": text} for i, text in f.values]}
            for f in facets
        ],
        "docs": docs,
    }


def count_values(facets: Sequence[Facet], values: Sequence[DocumentValues]) -> dict[str, dict[str, int]]:
    """How many documents have each facet value."""
    counts = {f.param: dict.fromkeys((v for v, _ in f.values), 0) for f in facets}
    for doc in values:
        for param, ids in doc.items():
            for value in ids:
                counts[param][value] += 1
    return counts
