"""The catalogue schema, read from ``schema.yml``: the one source of truth for every field."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources

import yaml

from generator.core.facets import FacetSpec, parse_facets
from generator.core.problems import ConfigError

FIELD_TYPES = frozenset(
    {
        "text",
        "texts",
        "slug",
        "id",
        "ids",
        "refs",
        "ref",
        "paths",
        "url",
        "urls",
        "email",
        "date",
        "number",
        "object",
        "objects",
    }
)
# The type of one item of each list type.
ITEM_TYPES = {
    "texts": "text",
    "ids": "id",
    "refs": "slug",
    "paths": "path",
    "urls": "url",
    "objects": "object",
}
LIST_TYPES = frozenset(ITEM_TYPES)
# Fields that are the entry's text or its sources rather than facts about it: they cannot be
# marked unconfirmed.
NOT_FACTS = frozenset({"title", "summary", "language", "translations", "sources"})


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    label_fi: str
    required: bool = False
    unknown: bool = False
    help_fi: str = ""
    example: str = ""
    aliases: tuple[str, ...] = ()
    min_length: int | None = None
    max_length: int | None = None
    plain: bool = False
    min_items: int | None = None
    max_items: int | None = None
    minimum: float | None = None
    vocabulary: str | None = None
    target: str | None = None
    fields: tuple[FieldSpec, ...] = ()

    @property
    def is_list(self) -> bool:
        return self.type in LIST_TYPES


@cache
def item_spec(spec: FieldSpec) -> FieldSpec:
    """The spec of one item of a list field: the list's per-item limits, without its own."""
    return FieldSpec(
        name=spec.name,
        type=ITEM_TYPES[spec.type],
        label_fi=spec.label_fi,
        unknown=spec.unknown,
        min_length=spec.min_length,
        max_length=spec.max_length,
        plain=spec.plain,
        vocabulary=spec.vocabulary,
        fields=spec.fields,
        example=spec.example,
    )


@dataclass(frozen=True)
class EntrySchema:
    """The fields of one kind of entry: an experiment or a learning."""

    kind: str
    label_fi: str
    directory: str
    url: str
    schema_file: str
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)

    def field_at(self, path: str) -> FieldSpec | None:
        """The field at a dotted path: a field ("status") or a group's sub-field ("result.outcome")."""
        name, _, sub = path.partition(".")
        spec = self.field(name)
        if spec is None or not sub:
            return spec
        if spec.type not in {"object", "objects"} or "." in sub:
            return None
        return next((f for f in spec.fields if f.name == sub), None)

    def field_paths(self) -> tuple[str, ...]:
        """The dotted names a fact of this kind can be marked unconfirmed by (``unconfirmed``):
        every field shown as a fact, and every sub-field of a group ("funding.call")."""
        paths: list[str] = []
        for spec in self.fields:
            if spec.name in NOT_FACTS or spec.type == "paths":
                continue
            paths.append(spec.name)
            if spec.type == "object":
                paths += [f"{spec.name}.{sub.name}" for sub in spec.fields]
        return tuple(paths)

    def url_for(self, slug: str) -> str:
        return self.url.format(slug=slug)

    @property
    def listing_url(self) -> str:
        """The folder URL the entries live under, which lists them all: "/kokeilut/"."""
        return self.url.split("{slug}", 1)[0]


@dataclass(frozen=True)
class VocabularySpec:
    name: str
    label_fi: str
    extra_fields: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        return f"{self.name}.yml"


@dataclass(frozen=True)
class ExtraTerm:
    """A term that is not in the vocabulary: "nationwide" for an empty list, or "unknown"."""

    id: str
    fi: str
    description_fi: str = ""


@dataclass(frozen=True)
class TaxonomySpec:
    """An index over one vocabulary field: /<url>/ lists the terms, /<url>/<term>/ the entries."""

    name: str
    field: str
    vocabulary: str
    label_fi: str
    term_label_fi: str
    url: str
    order: str = "vocabulary"
    empty_term: ExtraTerm | None = None
    unknown_term: ExtraTerm | None = None

    def term_url(self, term_id: str) -> str:
        return f"{self.url}{term_id}/"


@dataclass(frozen=True)
class SiteSpec:
    docs_directory: str = "content"
    page_size: int = 50
    related_count: int = 4
    newest_count: int = 5


@dataclass(frozen=True)
class Schema:
    unknown_value: str
    vocabulary_directory: str
    reference_file: str
    max_file_bytes: int
    max_depth: int
    vocabularies: tuple[VocabularySpec, ...]
    term_fields: tuple[FieldSpec, ...]
    entries: tuple[EntrySchema, ...] = field(default=())
    site: SiteSpec = field(default_factory=SiteSpec)
    taxonomies: tuple[TaxonomySpec, ...] = ()
    facets: tuple[FacetSpec, ...] = ()

    def entry(self, kind: str) -> EntrySchema:
        for entry in self.entries:
            if entry.kind == kind:
                return entry
        raise KeyError(kind)

    @property
    def experiment(self) -> EntrySchema:
        return self.entry("experiment")

    @property
    def learning(self) -> EntrySchema:
        return self.entry("learning")

    def vocabulary(self, name: str) -> VocabularySpec:
        for spec in self.vocabularies:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def term_fields_for(self, vocabulary: VocabularySpec) -> tuple[FieldSpec, ...]:
        base = {"id", "fi", "sv", "en", "description_fi", "description_sv", "description_en"}
        wanted = base | set(vocabulary.extra_fields)
        return tuple(f for f in self.term_fields if f.name in wanted)


_FIELD_KEYS = {f.name for f in fields(FieldSpec)}


def _field(data: dict, where: str) -> FieldSpec:
    unknown = set(data) - _FIELD_KEYS
    if unknown:
        raise ConfigError(f"schema.yml: {where}: unknown keys {sorted(unknown)}")
    if data.get("type") not in FIELD_TYPES:
        raise ConfigError(f"schema.yml: {where}: unknown type {data.get('type')!r}")
    data = dict(data)
    data["aliases"] = tuple(data.get("aliases", ()))
    data["fields"] = tuple(_field(sub, f"{where}.{sub.get('name')}") for sub in data.get("fields", ()))
    if data["type"] in {"ref", "refs"} and not data.get("target"):
        raise ConfigError(f"schema.yml: {where}: a target is required")
    if data["type"] in {"id", "ids"} and not data.get("vocabulary"):
        raise ConfigError(f"schema.yml: {where}: a vocabulary is required")
    if data["type"] in {"object", "objects"} and not data["fields"]:
        raise ConfigError(f"schema.yml: {where}: an object needs fields")
    return FieldSpec(**data)


def parse_schema(data: dict) -> Schema:
    vocabularies = tuple(
        VocabularySpec(v["name"], v["label_fi"], tuple(v.get("extra_fields", ())))
        for v in data["vocabularies"]
    )
    names = {v.name for v in vocabularies}
    entries = []
    for entry in data["entries"]:
        specs = tuple(_field(f, f"{entry['kind']}.{f.get('name')}") for f in entry["fields"])
        for spec in _walk(specs):
            if spec.vocabulary and spec.vocabulary not in names:
                raise ConfigError(f"schema.yml: {spec.name}: unknown vocabulary {spec.vocabulary}")
        entries.append(
            EntrySchema(
                kind=entry["kind"],
                label_fi=entry["label_fi"],
                directory=entry["directory"],
                url=entry["url"],
                schema_file=entry["schema_file"],
                fields=specs,
            )
        )
    experiment = next(e for e in entries if e.kind == "experiment")
    taxonomies = tuple(_taxonomy(t, experiment) for t in data.get("taxonomies", ()))
    return Schema(
        site=SiteSpec(**data.get("site", {})),
        taxonomies=taxonomies,
        facets=parse_facets(data.get("facets", []), tuple(entries), taxonomies),
        unknown_value=data["unknown_value"],
        vocabulary_directory=data["vocabulary_directory"],
        reference_file=data["reference_file"],
        max_file_bytes=int(data["limits"]["max_file_bytes"]),
        max_depth=int(data["limits"]["max_depth"]),
        vocabularies=vocabularies,
        term_fields=tuple(_field(f, f"term.{f.get('name')}") for f in data["term_fields"]),
        entries=tuple(entries),
    )


def _taxonomy(data: dict, experiment: EntrySchema) -> TaxonomySpec:
    data = dict(data)
    spec = experiment.field(data["field"])
    if spec is None or spec.type not in {"id", "ids"}:
        raise ConfigError(f"schema.yml: taxonomy {data['name']}: {data['field']} is not a vocabulary field")
    if data.get("order", "vocabulary") not in {"vocabulary", "label"}:
        raise ConfigError(f"schema.yml: taxonomy {data['name']}: order is vocabulary or label")
    for key in ("empty_term", "unknown_term"):
        if key in data:
            data[key] = ExtraTerm(**data[key])
    if not data["url"].startswith("/") or not data["url"].endswith("/"):
        raise ConfigError(f"schema.yml: taxonomy {data['name']}: url must start and end with /")
    return TaxonomySpec(vocabulary=spec.vocabulary, **data)


def _walk(specs: tuple[FieldSpec, ...]):
    for spec in specs:
        yield spec
        yield from _walk(spec.fields)


@cache
def load_schema() -> Schema:
    """The schema shipped in ``generator/core/schema.yml``."""
    text = resources.files("generator.core").joinpath("schema.yml").read_text(encoding="utf-8")
    return parse_schema(yaml.safe_load(text))
