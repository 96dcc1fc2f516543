"""JSON Schemas for editors (yaml-language-server, VS Code), derived from the schema.

The JSON Schema sees front matter the way a YAML parser hands it over: a plain ``2017`` is an
integer, a quoted or ISO date is a string. ``kokeilu check`` applies a few rules a JSON Schema
cannot express (real calendar dates, end after start, unique slugs, references to existing
experiments, a non-empty body); those are listed in ``CHECKER_ONLY_RULES``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.content.vocabulary import Vocabulary
from generator.core.dates import MAX_YEAR, MIN_YEAR
from generator.core.schema import EntrySchema, FieldSpec, Schema, item_spec
from generator.core.slug import SLUG_PATTERN

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Date text: a year, year-month or year-month-day with plausible month and day numbers.
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#.]+(\.[^\s/?#.]+)+([/?#]\S*)?$"
EMAIL_PATTERN = r"^(mailto:)?[^@\s]+@[^@\s]+\.[^@\s]+$"
# Reject HTML tags and Markdown links in plain-text fields.
PLAIN_PATTERN = r"<[A-Za-z/!?]|\[[^\]]*\]\([^)]*\)"
# Text: at least one character that is not whitespace.
TEXT_PATTERN = r"\S"

# Rules of ``kokeilu check`` that a JSON Schema cannot express.
CHECKER_ONLY_RULES = frozenset(
    {
        "bad-date",  # only when the date matches the pattern but does not exist (2017-02-30)
        "date-order",
        "duplicate-key",
        "duplicate-slug",
        "bad-slug",
        "empty-body",
        "encoding",
        "file-too-large",
        "frontmatter-missing",
        "frontmatter-not-first",
        "frontmatter-unterminated",
        "missing-reference",
        "reference-cycle",
        "funding-conflict",
        "range-order",
        "unconfirmed-path",  # only when the field named is not in the file
        "unexpected-file",
        "yaml-alias",
        "yaml-date",  # JSON has no dates: an unquoted date reaches the schema as text
        "yaml-too-deep",
    }
)


def _text(spec: FieldSpec) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "pattern": TEXT_PATTERN}
    if spec.min_length is not None:
        schema["minLength"] = spec.min_length
    if spec.max_length is not None:
        schema["maxLength"] = spec.max_length
    if spec.plain:
        schema["not"] = {"pattern": PLAIN_PATTERN}
    return schema


def _term(spec: FieldSpec, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
    vocabulary = vocabularies[spec.vocabulary]
    return {
        "type": "string",
        "enum": list(vocabulary.ids),
        "enumDescriptions": [term.fi for term in vocabulary],
    }


def _value(spec: FieldSpec, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
    kind = spec.type
    if kind == "text":
        return _text(spec)
    if kind in {"slug", "ref"}:
        return {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 80}
    if kind == "path":  # the names an entry kind allows are filled in by entry_json_schema
        return {"type": "string"}
    if kind == "id":
        return _term(spec, vocabularies)
    if kind == "url":
        return {"type": "string", "format": "uri", "pattern": URL_PATTERN}
    if kind == "email":
        return {"type": "string", "pattern": EMAIL_PATTERN}
    if kind == "date":
        return {
            "oneOf": [
                {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
                {"type": "string", "pattern": DATE_PATTERN},
            ]
        }
    if kind == "number":
        schema: dict[str, Any] = {"type": "number"}
        if spec.minimum is not None:
            schema["minimum"] = spec.minimum
        return schema
    if kind == "object":
        return _object(spec.fields, vocabularies, min_properties=spec.min_items)
    item = item_spec(spec)
    schema = {"type": "array", "items": _value(item, vocabularies), "uniqueItems": True}
    if spec.min_items is not None:
        schema["minItems"] = spec.min_items
    if spec.max_items is not None:
        schema["maxItems"] = spec.max_items
    return schema


def field_schema(
    spec: FieldSpec, vocabularies: Mapping[str, Vocabulary], unknown_value: str
) -> dict[str, Any]:
    schema = _value(spec, vocabularies)
    if spec.unknown:
        schema = {"anyOf": [schema, {"const": unknown_value}]}
    schema["title"] = spec.label_fi
    if spec.help_fi:
        schema["description"] = spec.help_fi
    return schema


def _object(
    specs: tuple[FieldSpec, ...],
    vocabularies: Mapping[str, Vocabulary],
    unknown_value: str = "tuntematon",
    min_properties: int | None = None,
) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {s.name: field_schema(s, vocabularies, unknown_value) for s in specs},
        "additionalProperties": False,
    }
    required = [s.name for s in specs if s.required]
    if required:
        schema["required"] = required
    if min_properties:
        schema["minProperties"] = min_properties
    return schema


def entry_json_schema(
    entry: EntrySchema, schema: Schema, vocabularies: Mapping[str, Vocabulary]
) -> dict[str, Any]:
    """The JSON Schema of one entry kind's front matter."""
    document = _object(entry.fields, vocabularies, schema.unknown_value)
    for spec in entry.fields:
        if spec.type == "paths":
            document["properties"][spec.name]["items"]["enum"] = list(entry.field_paths())
    return {
        "$schema": DIALECT,
        "$comment": (
            "Generated from generator/core/schema.yml and content/sanastot/ by `kokeilu schema --write`. "
            "Do not edit by hand."
        ),
        "title": f"{entry.label_fi}: etutiedot",
        "description": (
            f"{entry.label_fi} tiedostossa {entry.directory}/<tunniste>.md. "
            "Kenttäviite: content/osallistu/kentat.md."
        ),
        **document,
    }
