"""The open data every build publishes under /data/: JSON in the export shape and a CSV table.

- ``data/kokeilut.json`` and ``data/opit.json``: ``kokeilu export``'s lists, one file each.
- ``data/kokeilut.csv``: one row per experiment, UTF-8 with a header row, comma-separated,
  quoted where needed (RFC 4180). A nested field becomes one column per sub-field
  (``funding.amount_eur``; a list inside it, ``evaluation.reports``, is joined like any list);
  a list of objects one column per sub-field too (``organisers.name``,
  ``organisers.type``, the n-th items belonging together). A list is joined with
  :data:`SEPARATOR`; a ``|`` or ``\\`` inside an item is escaped with a backslash. An empty cell
  is ``null`` (unknown or absent); for a list field, the marker :data:`EMPTY_LIST` is the empty
  list (``regions``: nationwide). A cell that a spreadsheet would read as a formula, one that
  starts with a character of :data:`FORMULA_STARTS` (``=``, ``+``, ``-``, ``@``, tab, carriage
  return, line feed, NUL, or the fullwidth ``＝ ＋ － ＠``), is written with :data:`QUOTE` ``'``
  in front, as OWASP's CSV-injection guidance says; so is a cell that itself starts with ``'``,
  so that the rule reads back without doubt: :func:`read_csv` takes one ``'`` off the start of
  any cell that has one. It turns the table back into the same data, and a test holds it to
  that.

The columns come from the schema, in its order, so the table and its documentation on the
/avoin-data/ page (:func:`columns`) never drift apart.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.vocabulary import Vocabulary
from generator.core.schema import EntrySchema, FieldSpec, Schema, item_spec
from generator.core.sitefile import SiteFile
from generator.core.urls import (
    EXPERIMENTS_CSV,
    EXPERIMENTS_JSON,
    EXPERIMENTS_SCHEMA,
    LEARNINGS_JSON,
    LEARNINGS_SCHEMA,
)
from generator.opendata.export import dump_json, export_catalogue

SEPARATOR = "|"
EMPTY_LIST = "[]"
LIST_TYPES = frozenset({"ids", "refs", "texts", "urls", "paths"})
# A cell starting with one of these is a formula to Excel, LibreOffice or Google Sheets (the
# fullwidth forms are read as their ASCII twins by some). QUOTE in front makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")
QUOTE = "'"


@dataclass(frozen=True)
class Column:
    """One CSV column: its name, the schema field (and sub-field) it holds, and how."""

    name: str
    spec: FieldSpec
    sub: FieldSpec | None = None
    # The sub-field names from ``spec`` down to ``sub``: ("funder",), ("sv", "title").
    parts: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        if self.sub is not None and self.sub.type in LIST_TYPES:
            return True  # a list inside a group: evaluation.reports
        return self.spec.type in LIST_TYPES or self.spec.type == "objects"


def columns(schema: Schema) -> list[Column]:
    """The CSV columns of an experiment, in schema order, after slug and url."""
    found: list[Column] = []
    for spec in schema.experiment.fields:
        if spec.type == "object":
            found += [Column(".".join((spec.name, *parts)), spec, sub, parts) for parts, sub in _leaves(spec)]
        elif spec.type == "objects":
            found += [Column(f"{spec.name}.{sub.name}", spec, sub, (sub.name,)) for sub in spec.fields]
        else:
            found.append(Column(spec.name, spec))
    return found


def _leaves(spec: FieldSpec) -> list[tuple[tuple[str, ...], FieldSpec]]:
    """The leaf fields of an object, nested objects included ("translations.sv.title")."""
    found: list[tuple[tuple[str, ...], FieldSpec]] = []
    for sub in spec.fields:
        if sub.type == "object":
            found += [((sub.name, *parts), leaf) for parts, leaf in _leaves(sub)]
        else:
            found.append(((sub.name,), sub))
    return found


def _escape(item: Any) -> str:
    return str(item).replace("\\", "\\\\").replace(SEPARATOR, "\\" + SEPARATOR)


def _split(cell: str) -> list[str]:
    items, current, escaped = [], [], False
    for char in cell:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == SEPARATOR:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return items


def _list_cell(items: list[Any]) -> str:
    return SEPARATOR.join(_escape(item) for item in items) if items else EMPTY_LIST


def _cell(value: Any, column: Column) -> str:
    spec, sub = column.spec, column.sub
    if value is None:
        return ""
    if spec.type == "object":
        inner = value
        for part in column.parts:
            inner = inner.get(part) if isinstance(inner, dict) else None
        if inner is None:
            return ""
        return _list_cell(inner) if isinstance(inner, list) else str(inner)
    if spec.type == "objects":
        if not value:
            return EMPTY_LIST
        return SEPARATOR.join(_escape("" if item.get(sub.name) is None else item[sub.name]) for item in value)
    if spec.type in LIST_TYPES:
        return _list_cell(value)
    return str(value)


def neutralise(cell: str) -> str:
    """A cell no spreadsheet reads as a formula: :data:`QUOTE` in front of one that starts with a
    character of :data:`FORMULA_STARTS` or with the quote itself."""
    return QUOTE + cell if cell.startswith((*FORMULA_STARTS, QUOTE)) else cell


def restore(cell: str) -> str:
    """The cell's value before :func:`neutralise`."""
    return cell.removeprefix(QUOTE)


def write_csv(experiments: list[dict[str, Any]], schema: Schema) -> str:
    """The experiments of ``kokeilu export`` as the documented CSV table."""
    cols = columns(schema)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["slug", "url", *(c.name for c in cols)])
    for data in experiments:
        cells = [data["slug"], data["url"], *(_cell(data[c.spec.name], c) for c in cols)]
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()


def _typed(text: str, spec: FieldSpec) -> Any:
    if spec.type in LIST_TYPES:
        return [] if text == EMPTY_LIST else _split(text)
    if spec.type == "number":
        number = float(text)
        return int(number) if number.is_integer() and "." not in text else number
    return text


def read_csv(text: str, schema: Schema) -> list[dict[str, Any]]:
    """The table back as export records (without path, body and learnings)."""
    rows = csv.DictReader(io.StringIO(text, newline=""))
    records = []
    for written in rows:
        row = {name: restore(cell) for name, cell in written.items()}
        data: dict[str, Any] = {"slug": row["slug"], "url": row["url"]}
        for spec in schema.experiment.fields:
            if spec.type == "object":
                data[spec.name] = _read_object(spec, row, spec.name)
            elif spec.type == "objects":
                cells = {sub.name: row[f"{spec.name}.{sub.name}"] for sub in spec.fields}
                first = cells[spec.fields[0].name]
                if first == "":
                    data[spec.name] = None
                elif first == EMPTY_LIST:
                    data[spec.name] = []
                else:
                    parts = {name: _split(cell) for name, cell in cells.items()}
                    data[spec.name] = [
                        {sub.name: (parts[sub.name][i] or None) for sub in spec.fields}
                        for i in range(len(parts[spec.fields[0].name]))
                    ]
            elif spec.type in LIST_TYPES:
                cell = row[spec.name]
                data[spec.name] = None if cell == "" else [] if cell == EMPTY_LIST else _split(cell)
            else:
                cell = row[spec.name]
                data[spec.name] = None if cell == "" else _typed(cell, spec)
        records.append(data)
    return records


def _read_object(spec: FieldSpec, row: Mapping[str, str], prefix: str) -> dict[str, Any] | None:
    """An object from its columns; None when every one of them is empty (absent or unknown)."""
    values: dict[str, Any] = {}
    for sub in spec.fields:
        name = f"{prefix}.{sub.name}"
        if sub.type == "object":
            values[sub.name] = _read_object(sub, row, name)
        else:
            values[sub.name] = _typed(row[name], sub) if row[name] else None
    return None if all(v is None for v in values.values()) else values


PLURAL_FI = {"experiment": "kokeilut", "learning": "opit"}
_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"


def _value_schema(spec: FieldSpec, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
    """The JSON Schema of one exported value (``null`` allowed: unknown or absent)."""
    if spec.type == "object":
        inner: dict[str, Any] = {
            "type": "object",
            "properties": {f.name: _value_schema(f, vocabularies) for f in spec.fields},
            "required": [f.name for f in spec.fields],
            "additionalProperties": False,
        }
    elif spec.type == "objects":
        item = {
            "type": "object",
            "properties": {f.name: _value_schema(f, vocabularies) for f in spec.fields},
            "required": [f.name for f in spec.fields],
            "additionalProperties": False,
        }
        inner = {"type": "array", "items": item}
    elif spec.type in LIST_TYPES:
        one = _value_schema(item_spec(spec), vocabularies)["anyOf"][0]
        inner = {"type": "array", "items": one}
    elif spec.type == "id" and spec.vocabulary in vocabularies:
        inner = {"type": "string", "enum": sorted(vocabularies[spec.vocabulary].ids)}
    elif spec.type == "number":
        inner = {"type": "number"}
    elif spec.type == "date":
        inner = {"type": "string", "pattern": _DATE}
    else:
        inner = {"type": "string"}
    return {"anyOf": [inner, {"type": "null"}]}


def export_json_schema(entry: EntrySchema, vocabularies: Mapping[str, Vocabulary]) -> dict[str, Any]:
    """The JSON Schema of data/kokeilut.json or data/opit.json: a list of exported entries."""
    properties: dict[str, Any] = {
        "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "url": {"type": "string", "pattern": "^/"},
        "path": {"type": "string"},
        "body": {"type": "string"},
    }
    properties.update({spec.name: _value_schema(spec, vocabularies) for spec in entry.fields})
    if entry.kind == "experiment":
        properties["learnings"] = {"type": "array", "items": {"type": "string"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Kokeilukatalogi: {PLURAL_FI[entry.kind]} avoimena datana",
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": sorted(properties),
            "additionalProperties": False,
        },
    }


def open_data_files(catalogue: Catalogue) -> list[SiteFile]:
    """The files under /data/, sorted by path."""
    exported = export_catalogue(catalogue)
    schema, vocabularies = catalogue.schema, catalogue.vocabularies
    return [
        SiteFile(EXPERIMENTS_CSV, write_csv(exported["experiments"], schema).encode("utf-8")),
        SiteFile(EXPERIMENTS_JSON, dump_json(exported["experiments"]).encode("utf-8")),
        SiteFile(EXPERIMENTS_SCHEMA, dump_json(export_json_schema(schema.experiment, vocabularies)).encode()),
        SiteFile(LEARNINGS_JSON, dump_json(exported["learnings"]).encode("utf-8")),
        SiteFile(LEARNINGS_SCHEMA, dump_json(export_json_schema(schema.learning, vocabularies)).encode()),
    ]
