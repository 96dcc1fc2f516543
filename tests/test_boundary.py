"""The core stays engine-independent: no module of ``generator`` imports MkDocs."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import generator


def test_importing_every_core_module_does_not_import_mkdocs():
    modules = sorted(m.name for m in pkgutil.iter_modules(generator.__path__, "generator."))
    modules = [m for m in modules if m != "generator.__main__"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert "generator.catalogue" in modules and "generator.cli" in modules
