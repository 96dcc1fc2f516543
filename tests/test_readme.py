"""README.md promises what CI and the code do."""

from __future__ import annotations

import re

from generator.core.rules import RULES
from tests.support import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, re.DOTALL)
    assert block, "README.md must open with a sh block of commands"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_readme_opens_with_the_build_and_the_test_command():
    build, test = _commands()
    assert "pip install -e ." in build and "mkdocs build --strict" in build
    assert 'pip install -e ".[test]"' in test and test.endswith("pytest")


def test_ci_runs_exactly_the_readme_test_command():
    _, test = _commands()
    ci = (REPO_ROOT / ".ci/run").read_text(encoding="utf-8")
    assert test in ci


def test_every_rule_id_is_documented():
    missing = [rule for rule in RULES if f"`{rule}`" not in README]
    assert not missing, f"document these rule ids in README.md: {missing}"
