"""README.md and the developer pages in docs/ promise what CI and the code do, and hold together."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import REPO_ROOT
from tests.tooling.test_layers import ARCHITECTURE, read_layers

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
PAGES = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md"))]
README_MAX_LINES = 150

_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_LINK = re.compile(r"\]\(([^()\s]+)\)")
# A path in a code span that names a file or folder of the repository's code (content paths in
# the pages are often examples of files that must not exist, so they are left out).
_CODE_PATH = re.compile(r"`((?:generator|tests|benchmarks|docs|theme|\.github|\.ci)/[\w./-]*)`")


def _commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, re.DOTALL)
    assert block, "README.md must open with a sh block of commands"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def _prose(text: str) -> str:
    """``text`` without its fenced code blocks, which hold neither links nor headings."""
    return _FENCE.sub("", text)


def _anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the headings of ``page``: lower case, punctuation dropped, spaces
    as hyphens, and ``-1``, ``-2``, … after a repeated one."""
    anchors: set[str] = set()
    for heading in re.findall(r"^#{1,6} +(.+?) *$", _prose(page.read_text(encoding="utf-8")), re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        anchor, n = slug, 0
        while anchor in anchors:
            n += 1
            anchor = f"{slug}-{n}"
        anchors.add(anchor)
    return anchors


def _broken_links(page: Path) -> list[str]:
    prose = _CODE_SPAN.sub("", _prose(page.read_text(encoding="utf-8")))
    broken = []
    for target in _LINK.findall(prose):
        if re.match(r"[a-z]+:", target):  # https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(f"{target} (no such file)")
        elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
            broken.append(f"{target} (no such heading)")
    return broken


def test_readme_opens_with_the_build_and_the_test_command():
    build, test = _commands()
    assert "pip install -e ." in build and "mkdocs build --strict" in build
    assert 'pip install -e ".[test]"' in test and test.endswith("pytest")


def test_ci_runs_exactly_the_readme_test_command():
    _, test = _commands()
    ci = (REPO_ROOT / ".ci/run").read_text(encoding="utf-8")
    assert test in ci


def test_readme_is_short_and_links_every_developer_page():
    lines = README.count("\n")
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines; move detail to docs/"
    unlinked = [p.name for p in PAGES[1:] if f"](docs/{p.name})" not in README]
    assert not unlinked, f"link these pages from README.md: {unlinked}"


def test_the_layout_sketch_lists_the_layers_of_the_architecture_page():
    block = re.search(r"^## Layout\n+```\n(.*?)```", README, re.DOTALL | re.MULTILINE)
    assert block, "README.md must sketch the layout in a code block under ## Layout"
    sketched = re.findall(r"^  ([a-z0-9_]+)/ ", block.group(1), re.MULTILINE)
    assert sketched == [layer for layer in read_layers(ARCHITECTURE, "generator") if layer]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_every_relative_link_and_anchor_resolves(page):
    assert _broken_links(page) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_every_code_path_named_exists(page):
    text = page.read_text(encoding="utf-8")
    missing = sorted({p for p in _CODE_PATH.findall(text) if not (REPO_ROOT / p).exists()})
    assert missing == [], f"{page.name} names files that do not exist: {missing}"


def test_the_link_check_finds_a_missing_file_and_a_missing_heading(tmp_path):
    (tmp_path / "a.md").write_text("# Title\n\n## Two words, `code`\n", encoding="utf-8")
    page = tmp_path / "b.md"
    page.write_text(
        "[ok](a.md#two-words-code) [ok](#here) [gone](c.md) [wrong](a.md#three) `[code](d.md)`\n"
        "```\n[fenced](e.md)\n```\n# Here\n",
        encoding="utf-8",
    )
    assert _broken_links(page) == ["c.md (no such file)", "a.md#three (no such heading)"]
