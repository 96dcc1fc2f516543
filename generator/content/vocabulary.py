"""Controlled vocabularies (themes, regions, levels, …), read from YAML files editors can change."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from generator.content.fields import FieldChecker
from generator.content.reading import read_text
from generator.content.yamltree import Mapping, Sequence, compose
from generator.core.problems import Problem, ProblemSink
from generator.core.schema import Schema, VocabularySpec
from generator.core.slug import slugify

# Vocabulary files are longer than entries but shallow: a list of flat mappings.
_MAX_VOCABULARY_BYTES = 100_000  # the real ones are a few KB; a fork's PR may change them
_MAX_VOCABULARY_DEPTH = 3
_MARKUP_HINT = (
    "sivusto, kenttäviite ja lomake näyttävät sanaston nimet ja kuvaukset sellaisinaan, "
    "merkkeinä eikä muotoiluna"
)


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    fi: str
    sv: str
    en: str
    description_fi: str | None = None
    description_sv: str | None = None
    description_en: str | None = None
    code: str | None = None
    iso: str | None = None
    region: str | None = None

    def label(self, language: str = "fi") -> str:
        return getattr(self, language)

    def description(self, language: str = "fi") -> tuple[str, str]:
        """(the description in ``language`` or else in Finnish, the language it is in)."""
        translated = getattr(self, f"description_{language}", None)
        return (translated, language) if translated else (self.description_fi or "", "fi")


@dataclass(frozen=True)
class Vocabulary:
    name: str
    label_fi: str
    path: str
    terms: tuple[Term, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.terms})

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._by_id  # type: ignore[attr-defined]

    def __getitem__(self, term_id: str) -> Term:
        return self._by_id[term_id]  # type: ignore[attr-defined]

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.terms)

    @property
    def _names(self) -> dict[str, str]:
        """Every id, label (slugified, each language) and code → its term id; built once."""
        cached = getattr(self, "_names_cache", None)
        if cached is None:
            cached = {}
            for term in self.terms:
                for name in (term.id, slugify(term.fi), slugify(term.sv), slugify(term.en)):
                    cached.setdefault(name, term.id)
                if term.code:
                    cached.setdefault(term.code, term.id)
            object.__setattr__(self, "_names_cache", cached)
        return cached

    def resolve(self, value: str) -> str | None:
        """The id of the term ``value`` names: its id, or its label in Finnish, Swedish or English,
        in any case and with or without diacritics ("Keski-Suomi", "tekoäly", "Esbo"); or None."""
        value = value.strip()
        if value in self:
            return value
        labels = getattr(self, "_labels_cache", None)
        if labels is None:
            labels = {term.id: term.id for term in self.terms}  # an id wins over a label
            for term in self.terms:
                for name in (slugify(term.fi), slugify(term.sv), slugify(term.en)):
                    labels.setdefault(name, term.id)
            object.__setattr__(self, "_labels_cache", labels)
        return labels.get(slugify(value)) if slugify(value) else None

    def closest(self, value: str, count: int = 3) -> list[str]:
        """Term ids close to ``value``, matching ids and every language's label.

        Remembered per value: a file may repeat one wrong id thousands of times."""
        cache = getattr(self, "_closest_cache", None)
        if cache is None:
            cache = {}
            object.__setattr__(self, "_closest_cache", cache)
        key = (value, count)
        if key not in cache:
            cache[key] = self._closest(value, count) if len(cache) < 10_000 else None
        found = cache[key] if cache[key] is not None else self._closest(value, count)
        return list(found)

    def _closest(self, value: str, count: int) -> tuple[str, ...]:
        wanted = slugify(value)
        names = self._names
        exact = names.get(wanted) or names.get(value.strip())
        if exact:
            return [exact]
        # The obvious matches first: an id or label that starts with the value or has it as a
        # whole word ("asuminen" → "asuminen-ja-rakentaminen", "hame" → "kanta-hame").
        matches: list[str] = []
        if len(wanted) >= 3:
            for name, term_id in names.items():
                if (name.startswith(wanted) or f"-{wanted}-" in f"-{name}-") and term_id not in matches:
                    matches.append(term_id)
        for name in difflib.get_close_matches(wanted, list(names), n=count * 3, cutoff=0.6):
            if names[name] not in matches:
                matches.append(names[name])
        # a term whose id contains the value elsewhere ("tuminen" → "kotoutuminen")
        if len(wanted) >= 4:
            for term in self.terms:
                if wanted in term.id and term.id not in matches:
                    matches.append(term.id)
        return tuple(matches[:count])


def load_vocabularies(root: Path, schema: Schema, problems: list[Problem]) -> dict[str, Vocabulary]:
    """Read every vocabulary file; problems in them are appended to ``problems``.

    The files are read every time; what is made of them (their terms and problems) is
    remembered for the same schema and the same texts, since the checks of the terms are most of
    the time of checking a small catalogue (``mkdocs serve``, the tests)."""
    vocabularies: dict[str, Vocabulary] = {}
    texts: tuple = ()  # the texts read so far: a vocabulary's terms depend on those before it
    for spec in schema.vocabularies:
        rel = f"{schema.vocabulary_directory}/{spec.file}"
        found: list[Problem] = []
        sink = ProblemSink(rel, found)
        text = read_text(root / rel, sink, _MAX_VOCABULARY_BYTES)
        texts += ((rel, text, tuple(found)),)
        key = (id(schema), texts)
        remembered = _REMEMBERED.pop(key, None)
        if remembered is None or remembered[0] is not schema:
            terms = _vocabulary_terms(text, spec, schema, sink, vocabularies)
            remembered = (schema, tuple(terms), tuple(found))
        _REMEMBERED[key] = remembered  # the most recently used last
        while len(_REMEMBERED) > _REMEMBER:
            del _REMEMBERED[next(iter(_REMEMBERED))]
        problems.extend(remembered[2])
        vocabularies[spec.name] = Vocabulary(spec.name, spec.label_fi, rel, remembered[1])
    return vocabularies


# (id of the schema, the texts read up to a vocabulary) → (the schema, its terms, its problems)
_REMEMBERED: dict[tuple, tuple[Schema, tuple[Term, ...], tuple[Problem, ...]]] = {}
_REMEMBER = 64


def _vocabulary_terms(
    text: str | None,
    spec: VocabularySpec,
    schema: Schema,
    sink: ProblemSink,
    vocabularies: dict[str, Vocabulary],
) -> list[Term]:
    if text is None:
        return []
    node = compose(text, 1, sink, max_depth=_MAX_VOCABULARY_DEPTH)
    if node is None or not isinstance(node, Sequence):
        if node is not None or not sink.problems:
            line, col = (node.line, node.column) if node is not None else (1, 1)
            sink.error(
                line,
                col,
                "vocabulary-not-list",
                "Sanaston pitää olla lista termejä, joista jokainen alkaa rivillä '- id: …'.",
            )
        return []
    return _read_terms(node, spec, schema, sink, vocabularies)


def _read_terms(
    node: Sequence,
    spec: VocabularySpec,
    schema: Schema,
    sink: ProblemSink,
    vocabularies: dict[str, Vocabulary],
) -> list[Term]:
    specs = schema.term_fields_for(spec)
    # The vocabularies read so far: a term's region is checked against alueet, read before it.
    checker = FieldChecker(sink, vocabularies, schema.unknown_value, _MARKUP_HINT)
    terms: list[Term] = []
    first_line: dict[str, int] = {}
    for item in node.items:
        if not isinstance(item, Mapping):
            sink.error(
                item.line,
                item.column,
                "vocabulary-not-list",
                "Jokaisen termin pitää olla kenttäryhmä: id, fi, sv ja en.",
            )
            continue
        values = checker.check_fields(specs, item, (item.line, item.column))
        if values is None:
            continue
        term = Term(**{k: v for k, v in values.items() if v is not None})
        if term.id in first_line:
            id_node = item.get("id")
            assert id_node is not None
            sink.error(
                id_node.line,
                id_node.column,
                "duplicate-term",
                f'Tunniste "{term.id}" on jo rivillä {first_line[term.id]}. Jokaisella termillä on '
                "oma tunniste.",
            )
            continue
        first_line[term.id] = item.line
        terms.append(term)
    return terms
