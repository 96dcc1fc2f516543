"""The pins of constraints.txt against what is installed.

    python .ci/pins.py report   # a Markdown table: every pin beside the installed version
    python .ci/pins.py freeze   # rewrite constraints.txt from what is installed (header kept)

CI installs with ``PIP_CONSTRAINT=constraints.txt``, so it builds with exactly these versions;
.github/workflows/upstream.yml installs the newest ones and reports them with ``report``.
Standard library only: it runs in any environment.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

CONSTRAINTS = Path(__file__).resolve().parent.parent / "constraints.txt"
# The packages that decide what the site looks like: shown first in the report.
ENGINES = ("mkdocs", "mkdocs-material", "properdocs", "zensical", "pymdown-extensions", "markdown", "jinja2")
PROJECT = "kokeilukatalogi"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path = CONSTRAINTS) -> dict[str, str]:
    """Package (normalised name) → pinned version."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line.strip())
        if match:
            pins[normalise(match.group(1))] = match.group(2)
    return pins


def installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def report(pins: dict[str, str]) -> str:
    """The Markdown table, engines first, then every pin that differs from what is installed."""
    rows = [(name, pins.get(name), installed(name)) for name in ENGINES]
    rows += [(name, pin, installed(name)) for name, pin in sorted(pins.items()) if name not in ENGINES]
    changed = [row for row in rows[len(ENGINES) :] if row[1] != row[2]]
    lines = ["| Package | Pinned (constraints.txt) | Installed |", "| --- | --- | --- |"]
    for name, pin, version in rows[: len(ENGINES)] + changed:
        mark = "" if pin == version else " **≠**"
        lines.append(f"| {name} | {pin or '–'} | {version or 'not installed'}{mark} |")
    same = len(rows) - len(ENGINES) - len(changed)
    lines.append(f"\n{same} other pinned packages are installed at their pinned versions.")
    return "\n".join(lines) + "\n"


def freeze(path: Path = CONSTRAINTS) -> None:
    """Rewrite the pins from the installed distributions, keeping the file's comment header."""
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    found = {}
    for dist in metadata.distributions():
        name = normalise(dist.metadata["Name"])
        if name not in (PROJECT, "pip", "setuptools", "wheel"):
            found[name] = dist.version
    pins = [f"{name}=={version}" for name, version in sorted(found.items())]
    path.write_text("\n".join([*header, *pins]) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv == ["report"]:
        sys.stdout.write(report(read_pins()))
        return 0
    if argv == ["freeze"]:
        freeze()
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
