"""The finder's facets, declared in schema.yml ``facets`` (read with the rest of the schema by
:func:`generator.core.schema.parse_schema`): each facet's URL parameter, its heading (a text of
generator/i18n/translations.yml) and where its values come from. generator/search/facets.py
builds the finder's data from them; finder.js reads the list from the data (meta.json).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from generator.core.problems import ConfigError


class _Field(Protocol):
    type: str
    vocabulary: str | None


class _Entry(Protocol):
    kind: str

    def field_at(self, path: str) -> _Field | None: ...


class _Taxonomy(Protocol):
    name: str
    field: str


@dataclass(frozen=True)
class FacetValue:
    """A fixed value of a derived facet: its id in URLs and its label (a translations.yml text);
    for the kind facet, the kind of entry that has it."""

    id: str
    label: str
    kind: str | None = None


@dataclass(frozen=True)
class FacetSpec:
    """One facet of the finder (schema.yml ``facets``): its URL parameter, its heading (a
    translations.yml text) and where its values come from: a taxonomy's terms, a vocabulary
    field's terms (``field``, dotted for a group's sub-field) or a derived value (kind, year)."""

    param: str
    label: str
    taxonomy: str | None = None
    field: str | None = None
    derived: str | None = None
    values: tuple[FacetValue, ...] = ()
    # own: a learning's own field; experiments: the values of the experiments a learning names
    learnings: str = "own"
    # The vocabulary of a field facet's values (from the field's spec).
    vocabulary: str | None = None


_FACET_KEYS = {"param", "label", "taxonomy", "field", "derived", "values", "learnings"}
_FACET_PARAM = re.compile(r"[a-z][a-z0-9_]*")
_FACET_VALUE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The finder's own parameter: the query.
_QUERY_PARAM = "q"
DERIVED_FACETS = frozenset({"kind", "year"})


def parse_facets(
    data: object, entries: Sequence[_Entry], taxonomies: Sequence[_Taxonomy]
) -> tuple[FacetSpec, ...]:
    """schema.yml's ``facets``, checked: unique URL parameters, and each with one source that
    exists."""
    if not isinstance(data, list):
        raise ConfigError("schema.yml: facets: expected a list")
    facets = tuple(_facet(item, entries, taxonomies) for item in data)
    params = [f.param for f in facets]
    repeated = sorted({p for p in params if params.count(p) > 1})
    if repeated:
        raise ConfigError(f"schema.yml: facets: the parameter {repeated[0]} is used twice")
    return facets


def _facet(data: object, entries: Sequence[_Entry], taxonomies: Sequence[_Taxonomy]) -> FacetSpec:
    if not isinstance(data, dict):
        raise ConfigError("schema.yml: facets: each facet is a mapping")
    param = data.get("param")
    where = f"schema.yml: facet {param}"
    if not isinstance(param, str) or not _FACET_PARAM.fullmatch(param) or param == _QUERY_PARAM:
        raise ConfigError(f"{where}: param must be lowercase letters, digits and _ (not {_QUERY_PARAM})")
    unknown = set(data) - _FACET_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(data.get("label"), str) or not data["label"].strip():
        raise ConfigError(f"{where}: label must be a text of translations.yml")
    sources = [key for key in ("taxonomy", "field", "derived") if key in data]
    if len(sources) != 1:
        raise ConfigError(f"{where}: give one of taxonomy, field or derived")
    learnings = data.get("learnings", "own")
    if learnings not in {"own", "experiments"}:
        raise ConfigError(f"{where}: learnings is own or experiments")
    spec = FacetSpec(
        param=param,
        label=data["label"],
        taxonomy=data.get("taxonomy"),
        field=data.get("field"),
        derived=data.get("derived"),
        values=_facet_values(data.get("values"), where),
        learnings=learnings,
    )
    if spec.values and not spec.derived:
        raise ConfigError(f"{where}: only a derived facet has values")
    return _with_source(spec, entries, taxonomies, where)


def _with_source(
    spec: FacetSpec, entries: Sequence[_Entry], taxonomies: Sequence[_Taxonomy], where: str
) -> FacetSpec:
    """The facet with its source checked, and a field facet with its vocabulary."""
    if spec.taxonomy is not None:
        by_name = {t.name: t for t in taxonomies}
        if not isinstance(spec.taxonomy, str) or spec.taxonomy not in by_name:
            raise ConfigError(f"{where}: no taxonomy {spec.taxonomy} (known: {', '.join(sorted(by_name))})")
        _field_vocabulary(spec, by_name[spec.taxonomy].field, entries, where)
        return spec
    if spec.field is not None:
        name = spec.field if isinstance(spec.field, str) else ""
        return replace(spec, vocabulary=_field_vocabulary(spec, name, entries, where))
    if not isinstance(spec.derived, str) or spec.derived not in DERIVED_FACETS:
        raise ConfigError(f"{where}: derived is one of {', '.join(sorted(DERIVED_FACETS))}")
    _check_derived(spec, entries, where)
    return spec


def _facet_values(data: object, where: str) -> tuple[FacetValue, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        raise ConfigError(f"{where}: values: expected a list")
    values = []
    for item in data:
        if not isinstance(item, dict) or set(item) - {"id", "label", "kind"}:
            raise ConfigError(f"{where}: values: each value has id, label and (kind) kind")
        if not isinstance(item.get("id"), str) or not _FACET_VALUE_ID.fullmatch(item["id"]):
            raise ConfigError(f"{where}: values: an id is lowercase letters, digits and hyphens")
        if not isinstance(item.get("label"), str) or not item["label"].strip():
            raise ConfigError(f"{where}: values: {item['id']}: label must be a text of translations.yml")
        values.append(FacetValue(item["id"], item["label"], item.get("kind")))
    ids = [v.id for v in values]
    if len(set(ids)) != len(ids):
        raise ConfigError(f"{where}: values: an id is given twice")
    return tuple(values)


def _field_vocabulary(spec: FacetSpec, name: str, entries: Sequence[_Entry], where: str) -> str:
    """The vocabulary of the id or ids field ``name`` (a field, or a group's sub-field
    "result.outcome"), the same in every kind of entry the facet reads it from."""
    readers = [e for e in entries if spec.learnings == "own" or e.kind == "experiment"]
    leaves = [leaf for e in readers if (leaf := e.field_at(name)) is not None]
    if not leaves:
        raise ConfigError(f"{where}: no entry that it reads has the field {name!r}")
    if (
        any(leaf.type not in {"id", "ids"} for leaf in leaves)
        or len({leaf.vocabulary for leaf in leaves}) > 1
    ):
        raise ConfigError(f"{where}: {name} is not a vocabulary field (id or ids), the same in every entry")
    return str(leaves[0].vocabulary)


def _check_derived(spec: FacetSpec, entries: Sequence[_Entry], where: str) -> None:
    if spec.learnings != "own":
        raise ConfigError(f"{where}: a derived facet reads every entry itself (learnings: own)")
    kinds = [v.kind for v in spec.values]
    if spec.derived == "kind" and sorted(k for k in kinds if k) != sorted(e.kind for e in entries):
        raise ConfigError(
            f"{where}: values: one value for each kind of entry ({', '.join(e.kind for e in entries)})"
        )
    if spec.derived == "kind" and None in kinds:
        raise ConfigError(f"{where}: values: every value names its kind")
    if spec.derived == "year" and (len(spec.values) != 1 or kinds != [None]):
        raise ConfigError(f"{where}: values: one value, without kind, for an entry without a date")
