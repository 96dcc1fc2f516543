"""The schema drift test: validation, the JSON Schemas and the field reference come from one source.

``generator/core/schema.yml`` and the vocabularies are the source. The committed JSON Schemas and the
contributor guide's field reference must be exactly what ``kokeilu schema --write`` produces from
them, and they must describe every field the checker knows. The developers' rule list
(docs/rules.md) comes the same way from ``generator/core/rules.py``.
"""

from __future__ import annotations

import json

from generator.content.check import check_catalogue
from generator.core.rules import RULE_GROUPS, RULES
from generator.core.schema import load_schema
from generator.derived.files import render_derived_files, stale_derived_files, write_derived_files


def test_committed_derived_files_are_up_to_date(repo_root, schema, repository_vocabularies):
    # The repository's own files from its own vocabularies (the grown copy has its own).
    stale = stale_derived_files(repo_root, schema, repository_vocabularies)
    assert not stale, (
        "Skeemasta tehdyt tiedostot ovat vanhentuneita: aja `kokeilu schema --write` ja "
        "lisää muutokset commitiin.\n" + "\n".join(p.path for p in stale)
    )


def _walk(properties: dict, prefix=""):
    for name, spec in properties.items():
        yield prefix + name
        inner = spec.get("anyOf", [spec])[0]
        if inner.get("type") == "array":
            inner = inner["items"]
        if inner.get("type") == "object":
            yield from _walk(inner["properties"], prefix + name + ".")


def _spec_names(specs, prefix=""):
    for spec in specs:
        yield prefix + spec.name
        yield from _spec_names(spec.fields, prefix + spec.name + ".")


def test_json_schema_and_field_reference_describe_every_field(repo_root):
    schema = load_schema()
    reference = (repo_root / schema.reference_file).read_text(encoding="utf-8")
    for entry in schema.entries:
        document = json.loads((repo_root / entry.schema_file).read_text(encoding="utf-8"))
        assert set(_walk(document["properties"])) == set(_spec_names(entry.fields))
        required = {spec.name for spec in entry.fields if spec.required}
        assert set(document["required"]) == required
        assert document["additionalProperties"] is False
        for spec in entry.fields:
            assert f"### `{spec.name}` – {spec.label_fi}" in reference
            for sub in spec.fields:
                assert f"| `{sub.name}` | {sub.label_fi} |" in reference


def test_json_schema_lists_every_vocabulary_term(repo_root, schema, repository_vocabularies):
    document = json.loads((repo_root / schema.experiment.schema_file).read_text(encoding="utf-8"))
    themes = document["properties"]["themes"]["items"]["enum"]
    assert themes == list(repository_vocabularies["teemat"].ids)
    regions = document["properties"]["regions"]["anyOf"][0]["items"]["enum"]
    assert regions == list(repository_vocabularies["alueet"].ids)


def test_adding_a_theme_makes_the_derived_files_stale_until_rewritten(make_catalogue, repo_root):
    """What an editor goes through when adding a theme to content/sanastot/teemat.yml."""
    schema = load_schema()
    root = make_catalogue()
    for rel, text in render_derived_files(schema, check_catalogue(root).vocabularies).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    themes = root / "content/sanastot/teemat.yml"
    themes.write_text(
        themes.read_text(encoding="utf-8")
        + "- id: vesihuolto\n  fi: Vesihuolto\n  sv: Vattenförsörjning\n  en: Water supply\n",
        encoding="utf-8",
    )
    vocabularies = check_catalogue(root).vocabularies
    stale = {p.path for p in stale_derived_files(root, schema, vocabularies)}
    assert stale == {
        "content/schema/kokeilu.schema.json",
        "content/schema/oppi.schema.json",
        "content/osallistu/kentat.md",
        ".github/ISSUE_TEMPLATE/kokeilu.yml",
    }
    assert sorted(write_derived_files(root, schema, vocabularies)) == sorted(stale)
    assert stale_derived_files(root, schema, vocabularies) == []
    assert "`vesihuolto` | Vesihuolto |" in (root / "content/osallistu/kentat.md").read_text(encoding="utf-8")


def test_the_rule_list_documents_every_rule_id_once_in_its_group(repo_root):
    assert len(RULES) == sum(len(rules) for rules in RULE_GROUPS.values()), "a rule id in two groups"
    text = (repo_root / "docs/rules.md").read_text(encoding="utf-8")
    for group, rules in RULE_GROUPS.items():
        section = text[text.index(f"\n## {group}\n") :].split("\n## ", 2)[1]
        for rule in rules:
            assert section.count(f"| `{rule}` | ") == 1, (group, rule)
    assert text.count("\n| `") == len(RULES)


def test_a_new_rule_makes_the_rule_list_stale_until_rewritten(make_catalogue, monkeypatch):
    """What a developer goes through when adding a rule id to generator/core/rules.py."""
    schema = load_schema()
    root = make_catalogue()
    vocabularies = check_catalogue(root).vocabularies
    write_derived_files(root, schema, vocabularies)
    last_group = list(RULE_GROUPS)[-1]
    monkeypatch.setitem(RULE_GROUPS[last_group], "new-rule", "A `|` in a meaning,\n  over two lines.")
    stale = stale_derived_files(root, schema, vocabularies)
    assert [(p.path, p.line, p.column, p.rule) for p in stale] == [
        ("docs/rules.md", 1, 1, "stale-derived-file")
    ]
    assert "se tehdään sääntöjen luettelosta (generator/core/rules.py)" in stale[0].message
    assert write_derived_files(root, schema, vocabularies) == ["docs/rules.md"]
    text = (root / "docs/rules.md").read_text(encoding="utf-8")
    assert "| `new-rule` | A `\\|` in a meaning, over two lines. |\n" in text
    assert stale_derived_files(root, schema, vocabularies) == []
