"""Files derived from the schema, the vocabularies and the rule ids, committed so editors and GitHub
see them.

``kokeilu schema --write`` rewrites them; ``kokeilu check`` reports any that are out of date.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.content.vocabulary import Vocabulary
from generator.core.problems import Problem, ProblemSink
from generator.core.schema import Schema
from generator.derived.json_schema import entry_json_schema
from generator.derived.reference import render_field_reference
from generator.derived.rule_list import RULES_FILE, render_rule_list
from generator.editorial.issue_form import FORM_FILE, render_issue_form
from generator.opendata.export import dump_json

_SCHEMA_SOURCE = "skeemasta (generator/core/schema.yml) ja sanastoista"
# What each file is made from, in the message that says it is stale; the schema unless named here.
_SOURCES = {RULES_FILE: "sääntöjen luettelosta (generator/core/rules.py)"}


def render_derived_files(schema: Schema, vocabularies: Mapping[str, Vocabulary]) -> dict[str, str]:
    """Root-relative path → the text the file must have."""
    files = {
        entry.schema_file: dump_json(entry_json_schema(entry, schema, vocabularies))
        for entry in schema.entries
    }
    files[schema.reference_file] = render_field_reference(schema, vocabularies)
    files[FORM_FILE] = render_issue_form(schema, vocabularies)
    files[RULES_FILE] = render_rule_list()
    return dict(sorted(files.items()))


def stale_derived_files(root: Path, schema: Schema, vocabularies: Mapping[str, Vocabulary]) -> list[Problem]:
    """A problem for every derived file that is missing or differs from what it should be."""
    problems = []
    for rel, text in render_derived_files(schema, vocabularies).items():
        path = root / rel
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        state = "puuttuu" if current is None else "on vanhentunut"
        ProblemSink(rel, problems).error(
            1,
            1,
            "stale-derived-file",
            f"Tiedosto {state}: se tehdään {_SOURCES.get(rel, _SCHEMA_SOURCE)}. "
            "Aja kokeilu schema --write ja lisää muutos samaan muutosehdotukseen. Älä muokkaa "
            "tiedostoa käsin.",
        )
    return problems


def write_derived_files(root: Path, schema: Schema, vocabularies: Mapping[str, Vocabulary]) -> list[str]:
    """Write the files that differ; return their paths. Each file is replaced atomically."""
    written = []
    for rel, text in render_derived_files(schema, vocabularies).items():
        path = root / rel
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8", newline="\n")
        tmp.replace(path)
        written.append(rel)
    return written
