"""Group experiments by the terms of each taxonomy (themes, regions, levels), Hugo style."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from generator.content.vocabulary import Vocabulary
from generator.core.model import UNKNOWN, Entry
from generator.core.schema import TaxonomySpec
from generator.i18n.presentation import finnish_key, newest_first


@dataclass(frozen=True)
class TermGroup:
    """One term of a taxonomy with its experiments, newest first."""

    taxonomy: TaxonomySpec
    id: str
    label: str
    description: str
    entries: tuple[Entry, ...]
    # A term outside the vocabulary: the nationwide or the unknown page.
    extra: bool = False
    # The language the description is in (a vocabulary may not translate it).
    description_language: str = "fi"

    @property
    def url(self) -> str:
        return self.taxonomy.term_url(self.id)

    @property
    def count(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class Taxonomy:
    spec: TaxonomySpec
    terms: tuple[TermGroup, ...]

    @property
    def name(self) -> str:
        return self.spec.name

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.terms})

    def term(self, term_id: str) -> TermGroup:
        return self._by_id[term_id]  # type: ignore[attr-defined]


def term_ids(entry: Entry, spec: TaxonomySpec) -> list[str]:
    """The term ids an entry is listed under in one taxonomy, extra terms included."""
    value = entry.values.get(spec.field)
    if value is UNKNOWN:
        return [spec.unknown_term.id] if spec.unknown_term else []
    if isinstance(value, str):
        return [value]
    if not value:
        return [spec.empty_term.id] if spec.empty_term and value is not None else []
    return list(value)


def group_terms(
    spec: TaxonomySpec,
    vocabulary: Vocabulary,
    experiments: Iterable[Entry],
    language: str = "fi",
    translate: Callable[[str], str] = str,
) -> Taxonomy:
    """Every vocabulary term (zero counts included), then the extra terms that have entries.

    Labels and descriptions are in ``language``; the extra terms, which the schema names in
    Finnish, are put into it with ``translate``.
    """
    members: dict[str, list[Entry]] = {}
    for entry in experiments:
        for term_id in term_ids(entry, spec):
            members.setdefault(term_id, []).append(entry)
    terms = []
    for t in vocabulary:
        description, described_in = t.description(language)
        entries = tuple(newest_first(members.get(t.id, ()), "start"))
        terms.append(
            TermGroup(spec, t.id, t.label(language), description, entries, description_language=described_in)
        )
    if spec.order == "label":
        terms.sort(key=lambda t: (finnish_key(t.label), t.id))
    for extra in (spec.empty_term, spec.unknown_term):
        if extra is not None and extra.id in members:
            entries = tuple(newest_first(members[extra.id], "start"))
            terms.append(
                TermGroup(
                    spec,
                    extra.id,
                    translate(extra.fi),
                    translate(extra.description_fi) if extra.description_fi else "",
                    entries,
                    extra=True,
                    description_language=language,
                )
            )
    return Taxonomy(spec, tuple(terms))


def group_taxonomies(
    specs: Iterable[TaxonomySpec],
    vocabularies: Mapping[str, Vocabulary],
    experiments: Iterable[Entry],
    language: str = "fi",
    translate: Callable[[str], str] = str,
) -> dict[str, Taxonomy]:
    """Every taxonomy of the schema, by name, with its terms and their experiments."""
    experiments = list(experiments)
    return {
        spec.name: group_terms(spec, vocabularies[spec.vocabulary], experiments, language, translate)
        for spec in specs
    }
