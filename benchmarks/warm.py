"""The warm-cache build (issue 25): ``mkdocs build`` of our site after one experiment is edited,
with the page cache the previous build left (generator/engines/page_cache.py).

Each run appends a new paragraph to the same experiment (replacing the last run's), builds in
a fresh process, and checks that the page shows the paragraph; the file is put back at the
end. The build's own log gives the cache's hits and misses.
"""

from __future__ import annotations

import re
import statistics
import sys
from collections.abc import Callable
from pathlib import Path


def measure_warm(root: Path, entry: Path, slug: str, runs: int, run: Callable[..., dict], logs: Path) -> dict:
    """``runs`` warm builds of ``root`` after an edit of ``entry``; ``run`` is scale.py's
    run_measured, ``logs`` the log file. The cache must be warm (a build just ran)."""
    original = entry.read_bytes()
    samples, counts = [], (0, 0)
    command = [sys.executable, "-m", "mkdocs", "build", "-d", "site"]  # INFO: the cache's counts
    try:
        for number in range(runs):
            marker = f"lammin{number}välimuisti"
            entry.write_bytes(original + f"\n\nLisätty {marker} tähän.\n".encode())
            samples.append(run(command, root, logs))
            page = (root / "site" / "kokeilut" / slug / "index.html").read_text(encoding="utf-8")
            if marker not in page:
                raise RuntimeError(f"the warm build did not show the edit of {entry}")
            counts = _hits_and_misses(logs.read_text(encoding="utf-8", errors="replace"))
    finally:
        entry.write_bytes(original)
    return {
        "seconds": statistics.median(s["seconds"] for s in samples),
        "cpu_s": statistics.median(s["cpu_s"] for s in samples),
        "peak_mib": statistics.median(s["peak_mib"] for s in samples),
        "runs_s": [s["seconds"] for s in samples],
        "hits": counts[0],
        "misses": counts[1],
    }


def _hits_and_misses(log: str) -> tuple[int, int]:
    found = re.findall(r"Page cache .*: (\d+) hits, (\d+) misses", log)
    if not found:
        raise RuntimeError("the build did not report the page cache's hits (is the cache off?)")
    return int(found[-1][0]), int(found[-1][1])
