"""Golden files for the generated Markdown and the finder's JSON of the fixture site (not for
Material's HTML). The JSON goldens are indented for readable diffs and compared as data.

After an intended change, rewrite them with ``UPDATE_GOLDEN=1 pytest tests/content/test_pages_golden.py``
and review the diff like any other change.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

from tests.support import REPO_ROOT

GOLDEN = REPO_ROOT / "tests/golden/site"
# Our generated JSON with a golden copy: the finder's facets and the first result records.
JSON_FILES = ("haku/data/meta.json", "haku/data/docs/0.json")


def _golden_files() -> set[str]:
    return {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")} if GOLDEN.is_dir() else set()


@pytest.fixture(scope="module")
def golden(fixture_plan):
    """The golden folder; with UPDATE_GOLDEN=1 it is first rewritten from the current plan."""
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for page in fixture_plan.pages:
            path = GOLDEN / page.src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page.markdown, encoding="utf-8", newline="\n")
        for data in fixture_plan.files:
            if data.src_uri in JSON_FILES:
                path = GOLDEN / data.src_uri
                path.parent.mkdir(parents=True, exist_ok=True)
                text = json.dumps(json.loads(data.content), ensure_ascii=False, indent=1) + "\n"
                path.write_text(text, encoding="utf-8", newline="\n")
    return GOLDEN


def test_the_same_pages_are_generated(fixture_plan, golden):
    assert {p.src_uri for p in fixture_plan.pages} == _golden_files()


@pytest.mark.parametrize("src_uri", sorted(_golden_files()))
def test_a_generated_page_matches_its_golden_file(fixture_plan, golden, src_uri):
    page = fixture_plan.page(src_uri)
    expected = (golden / src_uri).read_text(encoding="utf-8")
    assert page.markdown == expected, (
        "run UPDATE_GOLDEN=1 pytest tests/content/test_pages_golden.py if intended"
    )


@pytest.mark.parametrize("src_uri", JSON_FILES)
def test_the_finder_data_matches_its_golden_file(fixture_plan, golden, src_uri):
    content = next(f.content for f in fixture_plan.files if f.src_uri == src_uri)
    expected = json.loads((golden / src_uri).read_text(encoding="utf-8"))
    assert json.loads(content) == expected, (
        "run UPDATE_GOLDEN=1 pytest tests/content/test_pages_golden.py if intended"
    )
