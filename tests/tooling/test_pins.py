"""The pins: constraints.txt holds every dependency at one exact version inside pyproject's
bounds; CI and the published site install with it; the weekly upstream workflow without it."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement

from tests.support import REPO_ROOT

PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONSTRAINTS = REPO_ROOT / "constraints.txt"


def _pins_module():
    spec = importlib.util.spec_from_file_location("pins", REPO_ROOT / ".ci/pins.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pins = _pins_module()
REQUIREMENTS = [
    Requirement(text)
    for text in PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["test"]
]


def test_constraints_pin_every_requirement_inside_its_bounds():
    pinned = pins.read_pins(CONSTRAINTS)
    for requirement in REQUIREMENTS:
        name = pins.normalise(requirement.name)
        assert name in pinned, f"constraints.txt has no pin for {requirement.name}: run .ci/pins.py freeze"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"{requirement.name}=={pinned[name]} in constraints.txt is outside pyproject's {requirement.specifier}"
        )


def test_every_line_of_constraints_is_a_comment_or_an_exact_pin():
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        assert line.startswith("#") or pins._PIN.fullmatch(line), line
    assert pins.PROJECT not in pins.read_pins(CONSTRAINTS)


def test_the_engines_are_pinned():
    pinned = pins.read_pins(CONSTRAINTS)
    assert {"mkdocs", "mkdocs-material", "properdocs", "zensical"} <= pinned.keys()


@pytest.mark.skipif(
    not os.environ.get("PIP_CONSTRAINT", "").endswith("constraints.txt"),
    reason="only where the environment was installed with the pins (.ci/run)",
)
def test_ci_runs_on_the_pinned_versions():  # pragma: no cover - CI only
    pinned = pins.read_pins(CONSTRAINTS)
    wrong = {
        name: (pin, pins.installed(name))
        for name, pin in pinned.items()
        if pins.installed(name) not in (pin, None)
    }
    assert wrong == {}


def test_ci_and_the_published_site_install_with_the_pins_and_the_upstream_workflow_without():
    run = (REPO_ROOT / ".ci/run").read_text(encoding="utf-8")
    assert 'export PIP_CONSTRAINT="$PWD/constraints.txt"' in run
    assert run.index("PIP_CONSTRAINT") < run.index('pip install -e ".[test]"')
    deploy = yaml.safe_load((REPO_ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    installs = [s for s in deploy["jobs"]["build"]["steps"] if "pip install" in s.get("run", "")]
    assert installs and all(s.get("env", {}).get("PIP_CONSTRAINT") == "constraints.txt" for s in installs)
    upstream_text = (REPO_ROOT / ".github/workflows/upstream.yml").read_text(encoding="utf-8")
    upstream = yaml.safe_load(upstream_text)
    assert "PIP_CONSTRAINT" not in upstream_text and "schedule" in upstream[True]
    install = next(s["run"] for s in upstream["jobs"]["newest"]["steps"] if "--upgrade" in s.get("run", ""))
    for engine in ("mkdocs", "mkdocs-material", "properdocs", "zensical"):
        assert f" {engine}" in install, engine
    tests = next(s["run"] for s in upstream["jobs"]["newest"]["steps"] if "pytest" in s.get("run", ""))
    assert "tests/tooling/test_engines.py" in tests and "tests/browser/test_engines_in_browser.py" in tests
    (newest, issue) = upstream["jobs"].values()
    assert newest["permissions"] == {"contents": "read"} and issue["permissions"] == {"issues": "write"}
    assert not any("actions/checkout" in str(s.get("uses")) for s in issue["steps"])


def test_the_report_lists_every_engine_beside_its_pin():
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / ".ci/pins.py"), "report"], capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "| Package | Pinned (constraints.txt) | Installed |"
    for engine in pins.ENGINES:
        assert any(line.startswith(f"| {engine} | ") for line in lines), engine


def test_freeze_keeps_the_header_and_pins_what_is_installed(tmp_path):
    target = tmp_path / "constraints.txt"
    target.write_text("# header one\n# header two\nold==1\n", encoding="utf-8")
    pins.freeze(target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# header one\n# header two\n") and "old==1" not in text
    assert f"pytest=={pins.installed('pytest')}" in text.splitlines()
