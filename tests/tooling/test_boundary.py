"""The engines stay at the edge: no module of ``generator`` outside ``generator.engines``
imports MkDocs, and no runtime path loads the synthetic catalogue of ``kokeilu synth``."""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import generator

# The site engines and Material: only generator/engines/ may import them.
ENGINE_PACKAGES = ("mkdocs", "material", "properdocs", "zensical")


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(generator.__path__, "generator."))


def _loaded_after_importing(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    """The modules of ``packages`` in sys.modules after importing ``modules`` in a fresh
    interpreter."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"packages = {packages!r}\n"
        "print(json.dumps(sorted(m for m in sys.modules if any(m == p or m.startswith(p + '.') for p in packages))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_importing_every_module_outside_engines_does_not_import_an_engine():
    modules = [m for m in _modules() if not m.startswith("generator.engines") and m != "generator.__main__"]
    assert "generator.content.check" in modules and "generator.site.planner" in modules
    assert "generator.cli" in modules  # the command line too: `kokeilu render` loads no engine
    assert _loaded_after_importing(modules, ENGINE_PACKAGES) == []


def test_only_the_engines_package_names_an_engine_in_an_import():
    package = Path(generator.__file__).parent
    pattern = re.compile(rf"^\s*(?:from|import)\s+(?:{'|'.join(ENGINE_PACKAGES)})\b", re.MULTILINE)
    importing = sorted(
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8"))
    )
    # The MkDocs adapter: the plugin and the parts it delegates to (memory, page cache).
    assert "engines/mkdocs_plugin.py" in importing
    assert [path for path in importing if not path.startswith("engines/")] == []


def test_the_command_line_does_not_load_the_synthetic_catalogue():
    """`kokeilu synth` is benchmark data: the command line imports it inside that command only."""
    assert _loaded_after_importing(["generator.cli"], ("generator.synth",)) == []
    assert "generator.synth.synthesis" in _loaded_after_importing(
        ["generator.cli", "generator.synth.synthesis"], ("generator.synth",)
    )
