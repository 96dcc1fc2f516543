"""Build the same catalogue with MkDocs, ProperDocs and Zensical in one run, and compare.

For each site, in fresh processes, median of ``--runs``:

- ``mkdocs``: ``mkdocs build --strict`` with our plugin (the reference of the ratios);
- ``properdocs``: ``properdocs build --strict`` with our plugin, unchanged;
- ``zensical``: ``kokeilu render`` plus a cold ``zensical build --strict`` of the tree (its
  ``.cache/`` and ``site/`` removed first), the two also timed apart; and ``zensical warm``, the
  same build again with Zensical's cache kept, as ``zensical serve`` and a rebuild would see it.

It prints seconds, the ratio against MkDocs measured in the same run, peak memory, the number
of pages and the size of the built site (all files, and the HTML pages alone). The sites are
``fixture`` (tests/fixtures/site/, the sample site of the tests), ``repo`` (this repository's
catalogue) and, with ``--synth N``, a catalogue of N synthetic experiments (``kokeilu synth``).
Run from the repository root after ``pip install -e ".[test]"``:

    python benchmarks/engines.py                          # fixture and repo, median of 5 runs
    python benchmarks/engines.py --synth 1000 --runs 3 --json engines.json
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from results import machine, save  # noqa: E402

from tests.support import copy_fixture_site  # noqa: E402

# Runs one command as a child and writes the child's peak resident memory (KiB) to argv[1].
_RUNNER = """
import resource, subprocess, sys
out = sys.argv.pop(1)
code = subprocess.run(sys.argv[1:]).returncode
with open(out, "w") as f:
    f.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
ENGINES = ("mkdocs", "properdocs", "zensical", "zensical warm")


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak MiB) of one command in a fresh process; fails loudly if it fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", _RUNNER, rss.name, *args], cwd=cwd, env=ENV, capture_output=True, text=True
        )
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return seconds, int(rss.read() or 0) / 1024


def size(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    return {
        "pages": len(pages),
        "files": len(files),
        "site_bytes": sum(p.stat().st_size for p in files),
        "html_bytes": sum(p.stat().st_size for p in pages),
    }


def build_once(engine: str, root: Path, work: Path) -> dict:
    python = sys.executable
    if engine in ("mkdocs", "properdocs"):
        site = work / engine
        shutil.rmtree(site, ignore_errors=True)
        seconds, peak = timed(
            [
                python,
                "-m",
                engine,
                "build",
                "--strict",
                "-q",
                "-f",
                str(root / "mkdocs.yml"),
                "-d",
                str(site),
            ],
            root,
        )
        return {"seconds": seconds, "peak_mib": peak, **size(site)}
    tree = work / "rendered"
    if engine == "zensical":
        shutil.rmtree(tree, ignore_errors=True)
        render, render_peak = timed(
            [python, "-m", "generator", "--root", str(root), "render", "--out", str(tree)], root
        )
    else:  # warm: the tree and Zensical's cache from the cold build are kept
        render, render_peak = 0.0, 0.0
    build, build_peak = timed(
        [python, "-m", "zensical", "build", "--strict", "-f", str(tree / "mkdocs.yml")], tree
    )
    return {
        "seconds": render + build,
        "render_seconds": render,
        "build_seconds": build,
        "peak_mib": max(render_peak, build_peak),
        **size(tree / "site"),
    }


def measure(root: Path, runs: int) -> dict:
    """Every engine, alternating engine by engine within each run so they share the machine's state."""
    samples: dict[str, list[dict]] = {engine: [] for engine in ENGINES}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for _ in range(runs):
            for engine in ENGINES:
                samples[engine].append(build_once(engine, root, work))
    return {
        engine: {key: statistics.median(s[key] for s in found) for key in found[0]}
        for engine, found in samples.items()
    }


def print_site(name: str, row: dict) -> None:
    reference = row["mkdocs"]["seconds"]
    print(f"\n{name}")
    print(
        f"  {'engine':<14} {'seconds':>8} {'ratio':>7} {'render':>7} {'build':>7} {'peak MiB':>9} "
        f"{'pages':>6} {'files':>6} {'site MB':>8} {'HTML MB':>8}"
    )
    for engine in ENGINES:
        r = row[engine]
        render = f"{r['render_seconds']:.2f}" if "render_seconds" in r else "–"
        build = f"{r['build_seconds']:.2f}" if "build_seconds" in r else "–"
        print(
            f"  {engine:<14} {r['seconds']:>8.2f} {r['seconds'] / reference:>6.2f}x {render:>7} {build:>7} "
            f"{r['peak_mib']:>9.0f} {r['pages']:>6} {r['files']:>6} {r['site_bytes'] / 1e6:>8.2f} "
            f"{r['html_bytes'] / 1e6:>8.2f}",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sites", nargs="+", choices=("fixture", "repo"), default=["fixture", "repo"])
    parser.add_argument("--synth", type=int, nargs="*", default=[], metavar="N", help="synthetic catalogues")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    print(f"mkdocs, properdocs and zensical builds, median of {args.runs} runs; {machine()}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        sites: list[tuple[str, Path]] = []
        if "fixture" in args.sites:
            sites.append(("fixture (tests/fixtures/site)", copy_fixture_site(Path(tmp) / "fixture")))
        if "repo" in args.sites:
            sites.append(("repo (the shipped catalogue)", REPO))
        for count in args.synth:
            out = Path(tmp) / f"synth-{count}"
            subprocess.run(
                [sys.executable, "-m", "generator", "synth", "--count", str(count), "--out", str(out)],
                cwd=REPO,
                check=True,
                capture_output=True,
            )
            sites.append((f"synthetic, {count} experiments", out))
        for name, root in sites:
            row = {"site": name, **measure(root, args.runs)}
            rows.append(row)
            print_site(name, row)
    save(args.json, args.runs, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
