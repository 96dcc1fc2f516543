"""The tiers of tests/ (docs/testing.md): a folder per tier, marked by tests/conftest.py, declared in
pyproject.toml and described in docs/testing.md, so `pytest tests/unit` and `-m unit` agree."""

from __future__ import annotations

import tomllib

import pytest

from tests.conftest import TIERS
from tests.support import REPO_ROOT

TESTING = (REPO_ROOT / "docs/testing.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
MARKERS = {line.split(":")[0] for line in PYPROJECT["tool"]["pytest"]["ini_options"]["markers"]}


@pytest.mark.parametrize("tier", TIERS)
def test_each_tier_is_a_folder_a_declared_marker_and_a_row_of_the_testing_page(tier):
    folder = REPO_ROOT / "tests" / tier
    assert (folder / "__init__.py").is_file()
    assert list(folder.glob("test_*.py")), f"tests/{tier}/ holds no test file"
    assert tier in MARKERS
    assert f"| `{tier}` |" in TESTING


def test_the_markers_a_test_gets_from_its_fixtures_are_declared():
    assert {"unplaced", "e2e", "shipped"} <= MARKERS


def test_this_test_is_marked_with_its_tier(request):
    marks = {mark.name for mark in request.node.iter_markers()}
    assert "tooling" in marks and not marks & (set(TIERS) - {"tooling"})
    assert "shipped" not in marks and "e2e" not in marks


def test_a_test_of_the_shipped_catalogue_is_marked_shipped(request, shipped_root):
    assert "shipped" in {mark.name for mark in request.node.iter_markers()}
