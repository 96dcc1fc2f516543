"""The open-data shape of the catalogue: what ``kokeilu export`` prints.

Vocabulary fields carry term ids. Dates are strings (``2017``, ``2017-08``, ``2017-08-01``).
A value the contributor marked "tuntematon" (unknown) and an absent optional value are both
``null``; for ``regions`` an empty list means nationwide and ``null`` means unknown.
"""

from __future__ import annotations

import json
from typing import Any

from generator.content.catalogue import Catalogue
from generator.core.dates import PartialDate
from generator.core.model import UNKNOWN, Entry
from generator.core.schema import FieldSpec


def _plain(value: Any, spec: FieldSpec) -> Any:
    if value is None or value is UNKNOWN:
        return None
    if isinstance(value, PartialDate):
        return str(value)
    if spec.type == "object":
        return {f.name: _plain(value.get(f.name), f) for f in spec.fields}
    if spec.type == "objects":
        return [{f.name: _plain(item.get(f.name), f) for f in spec.fields} for item in value]
    if isinstance(value, list):
        return list(value)
    return value


def export_entry(entry: Entry, specs: tuple[FieldSpec, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {"slug": entry.slug, "url": entry.url, "path": entry.path}
    for spec in specs:
        data[spec.name] = _plain(entry.values.get(spec.name), spec)
    data["body"] = entry.body.strip() + "\n"
    return data


def export_catalogue(catalogue: Catalogue) -> dict[str, list[dict[str, Any]]]:
    """``{"experiments": [...], "learnings": [...]}``, each sorted by slug."""
    schema = catalogue.schema
    experiments = []
    for slug, entry in catalogue.experiments.items():
        data = export_entry(entry, schema.experiment.fields)
        data["learnings"] = [learning.slug for learning in catalogue.learnings_of(slug)]
        experiments.append(data)
    learnings = [export_entry(e, schema.learning.fields) for e in catalogue.learnings.values()]
    return {"experiments": experiments, "learnings": learnings}


def dump_json(data: Any) -> str:
    """Deterministic JSON: sorted keys, UTF-8 text, two-space indent, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
