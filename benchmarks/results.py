"""What every benchmark prints about the machine and how it saves its results."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path


def machine() -> str:
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{platform.machine()}, {os.cpu_count()} cores, {python}"


def save(path: Path | None, runs: int, rows: list[dict]) -> None:
    """Write ``{"machine", "runs", "results"}`` as JSON when ``path`` is given."""
    if path is not None:
        data = {"machine": machine(), "runs": runs, "results": rows}
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
