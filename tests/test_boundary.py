"""The core stays engine-independent: no module of ``generator`` imports MkDocs."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import generator


def test_importing_every_core_module_does_not_import_mkdocs():
    modules = sorted(m.name for m in pkgutil.iter_modules(generator.__path__, "generator."))
    # The MkDocs adapter is the one module allowed to import mkdocs.
    modules = [m for m in modules if m not in {"generator.__main__", "generator.engines.mkdocs_plugin"}]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert "generator.content.catalogue" in modules and "generator.cli" in modules


def test_only_the_adapter_names_mkdocs_in_an_import():
    package = Path(generator.__file__).parent
    pattern = re.compile(r"^\s*(?:from|import)\s+mkdocs\b", re.MULTILINE)
    importing = sorted(p.name for p in package.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8")))
    assert importing == ["mkdocs_plugin.py"]
