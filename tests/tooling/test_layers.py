"""The import contract of ``generator/``, read from docs/architecture.md.

The page lists the layers, lowest first, one package each ("1. `generator/core/` — ..."). Every
import in every module (at the top, in a function or under ``TYPE_CHECKING``) must reach its own
package or a lower layer; only ``engines`` may import a site engine; and no modules may import
each other in a loop. A failure names the file, the line and the import. The checker is run on a
small package with bad imports first, so the contract is known to fail when it should.

``python -m tests.tooling.test_layers`` prints the contract's report on ``generator/``.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tests.support import REPO_ROOT

ARCHITECTURE = REPO_ROOT / "docs" / "architecture.md"
# The site engines and Material: imported only by the engines' own layer.
ENGINE_PACKAGES = frozenset({"mkdocs", "material", "properdocs", "zensical"})
ENGINES_LAYER = "engines"


@dataclass(frozen=True)
class Import:
    path: str  # the importing file, relative to the root
    line: int
    statement: str  # as written, on one line
    importer: str  # module names
    imported: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.statement}"


def read_layers(doc: Path, package: str) -> list[str]:
    """The layers of ``doc``, lowest first: each a subpackage of ``package``, "" for the package's
    own modules (``1. `generator/core/` — ...``, ``11. `generator/` — ...``). The list must be
    numbered 1, 2, 3, ..."""
    line = re.compile(rf"^(\d+)\. `{re.escape(package)}/([a-z0-9_]*)/?`")
    found = [(int(m[1]), m[2]) for m in map(line.match, doc.read_text(encoding="utf-8").splitlines()) if m]
    numbers = [n for n, _ in found]
    assert numbers == list(range(1, len(found) + 1)), f"{doc}: layers numbered {numbers}"
    return [name for _, name in found]


def _modules(root: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` under ``root`` by dotted name (a package by its own name)."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(path: Path, module: str, root: Path, modules: dict[str, Path]) -> list[tuple[Import, str]]:
    """Every import of the file as (Import, the top-level name it imports from)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    rel = path.relative_to(root).as_posix()
    here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                statement = f"import {alias.name}" + (f" as {alias.asname}" if alias.asname else "")
                found.append((Import(rel, node.lineno, statement, module, alias.name), alias.name))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*here[: len(here) - node.level + 1], *([base] if base else [])])
            names = ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in node.names)
            statement = f"from {'.' * node.level}{node.module or ''} import {names}"
            for alias in node.names:
                target = f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                found.append((Import(rel, node.lineno, statement, module, target), base))
    return found


def _layer(module: str, path: Path) -> str:
    """generator.core.x and generator.core -> "core"; generator.cli and generator -> ""."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and path.name == "__init__.py") else ""


def _cycle(start: str, edges: dict[str, dict[str, Import]], members: set[str]) -> list[Import]:
    """One loop through ``start`` inside a strongly connected set of modules."""
    paths = {start: []}
    queue = [start]
    while queue:
        module = queue.pop(0)
        for target, imp in sorted(edges[module].items()):
            if target == start:
                return [*paths[module], imp]
            if target in members and target not in paths:
                paths[target] = [*paths[module], imp]
                queue.append(target)
    raise AssertionError(f"no loop through {start}")


def _strongly_connected(nodes: list[str], edges: dict[str, dict[str, Import]]) -> list[set[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in nodes:
        if node not in index:
            visit(node)
    return found


@dataclass
class Report:
    layers: list[str]
    modules: int
    imports: int
    problems: list[str]


def check_layers(root: Path, package: str, doc: Path) -> Report:
    """Every breach of the contract of ``doc`` by ``root/package``."""
    layers = read_layers(doc, package)
    rank = {name: number for number, name in enumerate(layers, 1)}
    modules = _modules(root, package)
    problems = []
    for folder in sorted(p for p in (root / package).iterdir() if (p / "__init__.py").is_file()):
        if folder.name not in rank:
            problems.append(f"{package}/{folder.name}/: a package {doc.name} does not list as a layer")
    for name in layers:
        if name and not (root / package / name / "__init__.py").is_file():
            problems.append(f"{doc.name}: layer {package}/{name}/ is not a package")
    edges: dict[str, dict[str, Import]] = defaultdict(dict)
    count = 0
    for module, path in modules.items():
        own = _layer(module, path)
        for imp, top in _imports(path, module, root, modules):
            count += 1
            first = top.split(".")[0]
            if first in ENGINE_PACKAGES and own != ENGINES_LAYER:
                problems.append(f"{imp}: only {package}/{ENGINES_LAYER}/ may import {first}")
            if imp.imported not in modules or imp.imported == module:
                continue
            edges[module].setdefault(imp.imported, imp)
            other = _layer(imp.imported, modules[imp.imported])
            if own in rank and other in rank and rank[other] > rank[own]:
                problems.append(
                    f"{imp}: {package}/{own or ''} (layer {rank[own]}) imports "
                    f"{package}/{other or ''} (layer {rank[other]}), a higher layer"
                )
    for component in _strongly_connected(sorted(modules), edges):
        loop = _cycle(min(component), edges, component)
        problems.append("import cycle: " + " -> ".join(str(imp) for imp in loop))
    return Report(layers, len(modules), count, problems)


# --- the contract on generator/ ------------------------------------------------------------------


def test_generator_keeps_the_layers_of_the_architecture_page():
    report = check_layers(REPO_ROOT, "generator", ARCHITECTURE)
    assert report.problems == [], "\n".join(report.problems)


def test_the_architecture_page_lists_the_layers_lowest_first():
    layers = read_layers(ARCHITECTURE, "generator")
    assert layers[0] == "core" and layers[-1] == ""  # the command line on top
    assert layers.index("content") < layers.index("site") < layers.index(ENGINES_LAYER)


# --- the checker on a package that breaks every rule -----------------------------------------------

BAD_PACKAGE = {
    "pkg/__init__.py": "",
    "pkg/low/__init__.py": "",
    "pkg/low/a.py": "import os\nfrom pkg.high.b import thing\n",
    "pkg/low/fine.py": "from pkg.low import a\nfrom . import a as again\n",
    "pkg/high/__init__.py": "",
    "pkg/high/b.py": "from pkg.low import a\n\nimport mkdocs.config\nthing = 1\n",
    "pkg/high/c.py": "from pkg.high.d import x\n",
    "pkg/high/d.py": "def x():\n    from pkg.high import c\n",
    "pkg/engines/__init__.py": "",
    "pkg/engines/plugin.py": "from mkdocs.plugins import BasePlugin\nfrom pkg.high import b\n",
    "pkg/stray/__init__.py": "",
    "pkg/cli.py": "from pkg.engines import plugin\n",
}
BAD_DOC = """# Layers
1. `pkg/low/` — the bottom.
2. `pkg/high/` — above it.
3. `pkg/engines/` — the engines.
4. `pkg/gone/` — a layer with no package.
5. `pkg/` — the command line.
"""


def test_the_checker_names_every_breach_with_its_file_line_and_import(tmp_path):
    for name, text in BAD_PACKAGE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "layers.md").write_text(BAD_DOC, encoding="utf-8")
    report = check_layers(tmp_path, "pkg", tmp_path / "layers.md")
    assert report.layers == ["low", "high", "engines", "gone", ""]
    assert sorted(report.problems) == sorted(
        [
            "pkg/stray/: a package layers.md does not list as a layer",
            "layers.md: layer pkg/gone/ is not a package",
            "pkg/low/a.py:2: from pkg.high.b import thing: pkg/low (layer 1) imports pkg/high "
            "(layer 2), a higher layer",
            "pkg/high/b.py:3: import mkdocs.config: only pkg/engines/ may import mkdocs",
            "import cycle: pkg/high/c.py:1: from pkg.high.d import x -> "
            "pkg/high/d.py:2: from pkg.high import c",
            "import cycle: pkg/high/b.py:1: from pkg.low import a -> "
            "pkg/low/a.py:2: from pkg.high.b import thing",
        ]
    )
    assert report.modules == 12 and report.imports == 11


def test_the_checker_passes_a_package_that_keeps_its_layers(tmp_path):
    files = {
        "pkg/__init__.py": "",
        "pkg/low/__init__.py": "",
        "pkg/low/a.py": "import os\n",
        "pkg/high/__init__.py": "",
        "pkg/high/b.py": "from pkg.low import a\nfrom ..low.a import os\n",
        "pkg/cli.py": "from pkg.high import b\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "layers.md").write_text(
        "1. `pkg/low/` — a\n2. `pkg/high/` — b\n3. `pkg/` — c\n", encoding="utf-8"
    )
    assert check_layers(tmp_path, "pkg", tmp_path / "layers.md").problems == []


if __name__ == "__main__":
    report = check_layers(REPO_ROOT, "generator", ARCHITECTURE)
    print(f"Layers of {ARCHITECTURE.relative_to(REPO_ROOT)}, lowest first:")
    for number, name in enumerate(report.layers, 1):
        print(f"  {number:2}. generator/{name + '/' if name else ''}")
    print(f"{report.modules} modules, {report.imports} imports checked.")
    print(
        "\n".join(report.problems)
        or "No import reaches a higher layer, no engine import outside engines/, no cycle."
    )


# A room a newcomer can read in one sitting (docs/architecture.md): split a module that grows
# past this into parts, as the plugin delegates to generator/engines/*.
MAX_MODULE_LINES = 400


def test_no_module_of_the_generator_is_longer_than_a_newcomer_can_read():
    package = REPO_ROOT / "generator"
    long = {
        path.relative_to(REPO_ROOT).as_posix(): lines
        for path in sorted(package.rglob("*"))
        if path.suffix in (".py", ".js")
        and path.is_file()
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}, f"split these modules (at most {MAX_MODULE_LINES} lines each): {long}"
