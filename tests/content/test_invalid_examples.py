"""The invalid examples in tests/invalid/: each folder is one bad-input case.

A case folder holds catalogue files (``experiments/…``, ``content/opit/…``) and ``expected.yml``
with every problem the checker must report, exactly: path, line, column and rule id (yamllint
style), optionally severity and a message fragment that shows the fix. Adding a case means adding
a folder.

``jsonschema`` in ``expected.yml`` says what the editors' JSON Schema makes of the front matter:
``reject``; ``accept`` (the problem is one only ``kokeilu check`` can see, listed in
``CHECKER_ONLY_RULES``); or ``unparsed`` (the file has no front matter a YAML tool could read).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from generator.content.check import check_catalogue
from generator.content.frontmatter import normalise_newlines, split_front_matter
from generator.content.yamltree import compose, to_data
from generator.core.problems import ProblemSink
from generator.core.schema import load_schema
from generator.derived.json_schema import CHECKER_ONLY_RULES
from tests.support import REPO_ROOT, write_catalogue

CASES_DIR = Path(__file__).parent.parent / "invalid"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())


def _expected(case: str) -> dict:
    return yaml.safe_load((CASES_DIR / case / "expected.yml").read_text(encoding="utf-8"))


def _case_files(case: str) -> dict[str, bytes]:
    folder = CASES_DIR / case
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "expected.yml"
    }


@pytest.fixture(params=CASES)
def case(request, tmp_path):
    name = request.param
    root = write_catalogue(tmp_path / name, _case_files(name))
    return name, root, _expected(name)


def test_there_is_a_case_for_every_bad_input_the_issue_lists():
    required = {
        "no-front-matter",
        "unterminated-front-matter",
        "yaml-syntax-error",
        "front-matter-not-mapping",
        "duplicate-key",
        "unknown-field",
        "missing-field",
        "wrong-type",
        "unknown-term",
        "yaml-truthy",
        "yaml-date-in-text",
        "yaml-number-as-id",
        "impossible-date",
        "end-before-start",
        "duplicate-slug",
        "missing-reference",
        "bad-url",
        "empty-body",
        "alias-bomb",
    }
    assert required <= set(CASES)


def test_checker_reports_exactly_the_expected_problems(case):
    name, root, expected = case
    catalogue = check_catalogue(root)
    found = {(p.path, p.line, p.column, p.rule, p.severity.value) for p in catalogue.problems}
    wanted = {
        (e["path"], e["line"], e["column"], e["rule"], e.get("severity", "error"))
        for e in expected["problems"]
    }
    assert found == wanted, f"{name}: problems differ from tests/invalid/{name}/expected.yml"
    messages = {(p.path, p.line, p.column, p.rule): p.message for p in catalogue.problems}
    for e in expected["problems"]:
        if "message" in e:
            message = messages[(e["path"], e["line"], e["column"], e["rule"])]
            assert e["message"] in message


def test_the_invalid_entries_are_left_out_of_the_catalogue(case):
    _name, root, expected = case
    catalogue = check_catalogue(root)
    broken = {e["path"] for e in expected["problems"] if e.get("severity", "error") == "error"}
    loaded = {e.path for e in [*catalogue.experiments.values(), *catalogue.learnings.values()]}
    assert not broken & loaded


def _validators() -> dict[str, Draft202012Validator]:
    schema = load_schema()
    return {
        entry.directory: Draft202012Validator(
            json.loads((REPO_ROOT / entry.schema_file).read_text(encoding="utf-8"))
        )
        for entry in schema.entries
    }


def front_matter_data(text: str):
    """The front matter as a YAML tool hands it to a JSON Schema validator, or a reason why not."""
    sink = ProblemSink("x")
    front = split_front_matter(normalise_newlines(text), sink)
    if front is None:
        return None
    node = compose(front.yaml, front.yaml_line, sink, max_depth=load_schema().max_depth)
    if node is None and sink.problems:
        return None
    return to_data(node)


@pytest.mark.parametrize("name", CASES)
def test_json_schema_agrees_with_the_checker(name):
    expected = _expected(name)
    verdict = expected["jsonschema"]
    validators = _validators()
    results = []
    for rel, content in _case_files(name).items():
        directory = rel.rsplit("/", 1)[0]
        if directory not in validators or not rel.endswith(".md"):
            results.append("unparsed")
            continue
        data = front_matter_data(content.decode("utf-8", errors="replace"))
        if data is None:
            results.append("unparsed")
            continue
        valid = validators[directory].is_valid(data)
        results.append("accept" if valid else "reject")
    errors = [e for e in expected["problems"] if e.get("severity", "error") == "error"]
    if verdict == "reject":
        assert "reject" in results
    elif verdict == "accept":
        assert set(results) <= {"accept", "unparsed"} and "accept" in results
        assert all(e["rule"] in CHECKER_ONLY_RULES for e in errors), (
            "the JSON Schema accepts this file, so every error must be a checker-only rule"
        )
    else:
        assert verdict == "unparsed" and "unparsed" in results
