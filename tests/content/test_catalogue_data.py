"""The shipped catalogue: every experiment and learning passes the checker, one case per file.

A failure names the file and lists its problems in the same words ``kokeilu check`` uses,
so a contributor can fix the file from the test output alone. The cases are the repository's
files; each is looked up in the shipped catalogue grown by tests/growth.py (``shipped``), so that
it is checked among content it has never seen.
"""

from __future__ import annotations

import json
import shutil

import pytest
from jsonschema import Draft202012Validator

from generator.content.check import check_catalogue
from generator.core.schema import load_schema
from generator.i18n.languages import translation_file
from tests.content.test_invalid_examples import front_matter_data
from tests.support import REPO_ROOT

SCHEMA = load_schema()
ENTRY_FILES = sorted(
    (entry.kind, path.relative_to(REPO_ROOT).as_posix())
    for entry in SCHEMA.entries
    for path in (REPO_ROOT / entry.directory).glob("*.md")
    if path.name not in {"README.md", "index.md"} and not translation_file(path.name)
)
# Translated bodies (experiments/x.sv.md): checked like bodies, one case per file.
TRANSLATION_FILES = sorted(
    path.relative_to(REPO_ROOT).as_posix()
    for entry in SCHEMA.entries
    for path in (REPO_ROOT / entry.directory).glob("*.md")
    if translation_file(path.name)
)
VOCABULARY_FILES = [f"{SCHEMA.vocabulary_directory}/{v.file}" for v in SCHEMA.vocabularies]


def _explain(problems) -> str:
    lines = [f"{p.path}:{p.line}:{p.column}: {p.severity.value}: {p.message} [{p.rule}]" for p in problems]
    return "\n".join(["Korjaa tiedosto (tai aja: kokeilu check <tiedosto>):", *lines])


@pytest.mark.parametrize(("kind", "path"), ENTRY_FILES, ids=[p for _, p in ENTRY_FILES])
def test_entry_file_is_valid(shipped, kind, path):
    problems = [p for p in shipped.problems if p.path == path]
    assert not problems, _explain(problems)
    entries = shipped.experiments if kind == "experiment" else shipped.learnings
    assert path in {e.path for e in entries.values()}


@pytest.mark.parametrize("path", TRANSLATION_FILES)
def test_translated_body_is_valid(shipped, path):
    problems = [p for p in shipped.problems if p.path == path]
    assert not problems, _explain(problems)
    original, language = translation_file(path)
    assert language in shipped.bodies[original], f"{path}: not used as the {language} body of {original}"


@pytest.mark.parametrize("path", VOCABULARY_FILES)
def test_vocabulary_file_is_valid(shipped, path):
    problems = [p for p in shipped.problems if p.path == path]
    assert not problems, _explain(problems)


@pytest.mark.parametrize(("kind", "path"), ENTRY_FILES, ids=[p for _, p in ENTRY_FILES])
def test_json_schema_accepts_the_shipped_file(shipped_root, kind, path):
    schema_file = SCHEMA.entry(kind).schema_file
    validator = Draft202012Validator(json.loads((shipped_root / schema_file).read_text(encoding="utf-8")))
    data = front_matter_data((shipped_root / path).read_text(encoding="utf-8"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors)


def test_the_shipped_catalogue_has_no_problems_at_all(shipped):
    assert shipped.problems == [], _explain(shipped.problems)


def _repository_entries(entries) -> list:
    """The entries of the repository itself, without the growth."""
    paths = {path for _, path in ENTRY_FILES}
    return [entry for entry in entries.values() if entry.path in paths]


def test_the_sample_catalogue_is_broad_enough(shipped):
    """The issue's floor, in the repository's own entries: 40 experiments, 15 learnings, all three
    levels, 12 regions."""
    experiments = _repository_entries(shipped.experiments)
    assert len(experiments) >= 40
    assert len(_repository_entries(shipped.learnings)) >= 15
    assert {e["level"] for e in experiments} == {"valtakunnallinen", "alueellinen", "ruohonjuuri"}
    regions = {r for e in experiments if e["regions"] for r in e["regions"]}
    assert len(regions) >= 12


def test_every_experiment_cites_a_source_and_every_learning_an_experiment(shipped):
    for experiment in shipped.experiments.values():
        assert experiment["sources"], experiment.path
    for learning in shipped.learnings.values():
        assert set(learning["experiments"]) <= set(shipped.experiments), learning.path


def test_every_learning_kind_is_used(shipped):
    kinds = {learning["kind"] for learning in _repository_entries(shipped.learnings)}
    assert kinds == {"toimi", "ei-toiminut", "tee-toisin"}


def test_the_example_in_the_contributor_guide_is_valid(shipped_root, tmp_path):
    guide = (shipped_root / "content/osallistu/index.md").read_text(encoding="utf-8")
    example = guide.split("```markdown\n", 1)[1].split("```\n", 1)[0]
    # Checked with the vocabularies it is published with, as the only entry of a catalogue.
    vocabularies = SCHEMA.vocabulary_directory
    shutil.copytree(shipped_root / vocabularies, tmp_path / vocabularies)
    (tmp_path / "experiments").mkdir()
    (tmp_path / "experiments/esimerkki.md").write_text(example, encoding="utf-8")
    catalogue = check_catalogue(tmp_path)
    assert catalogue.problems == []
    assert list(catalogue.experiments) == ["esimerkki"]
