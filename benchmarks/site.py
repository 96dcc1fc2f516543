"""Benchmark the site build against plain MkDocs + Material on the same files.

For each size N, a synthetic catalogue (the shipped experiments and learnings cloned under new
slugs, as in benchmarks/check.py) is built three ways, each in a fresh process:

- ``catalogue``: this repository's build (our plugin: validation, experiment, learning and
  index pages, Material's search), i.e. ``mkdocs build`` with the repository's mkdocs.yml;
- ``plain``: the named alternative, plain MkDocs + Material with every experiment and learning
  as an ordinary page kept out of the nav (``not_in_nav``), the same search plugin, no plugin
  of ours: the engine's own floor for the same Markdown;
- ``naive``: the same ordinary pages left in the nav, what MkDocs does by default (only up to
  ``--naive-max`` experiments: every page carries the whole nav, so it grows quadratically).

It reports the median wall time, peak memory, the number of pages, the site size and the size
of one experiment page, with ratios against ``plain``. Run from the repository root:

    python benchmarks/site.py                        # N = 100, 1,000 and 10,000
    python benchmarks/site.py --sizes 1000 --runs 3 --json site.json
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

from alternatives import PLAIN_CONFIG  # noqa: E402
from check import make_catalogue  # noqa: E402
from results import machine, save  # noqa: E402

# Runs one `mkdocs build` in this process and writes its peak resident memory (KiB) to argv[1].
_RUNNER = """
import resource, sys
from mkdocs.__main__ import cli
out = sys.argv.pop(1)
try:
    cli.main(args=sys.argv[1:], standalone_mode=False)
finally:
    with open(out, "w") as f:
        f.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


def make_catalogue_site(root: Path, count: int) -> str:
    """This repository's site around a synthetic catalogue; returns one experiment's slug."""
    make_catalogue(root, count)
    for name in ("index.md", "osallistu", "schema", "kokeilut", "opit/index.md", "teemat", "alueet", "tasot"):
        source = REPO / "content" / name
        if source.is_dir():
            shutil.copytree(source, root / "content" / name, dirs_exist_ok=True)
        elif source.is_file():
            shutil.copy(source, root / "content" / name)
    shutil.copytree(REPO / "theme", root / "theme")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return sorted(p.stem for p in (root / "experiments").glob("*.md"))[0]


def make_plain_site(catalogue: Path, root: Path, in_nav: bool) -> None:
    """The same experiment and learning files as ordinary MkDocs pages."""
    docs = root / "docs"
    shutil.copytree(catalogue / "experiments", docs / "kokeilut")
    shutil.copytree(catalogue / "content/opit", docs / "opit")
    shutil.copy(REPO / "content/index.md", docs / "index.md")
    config = PLAIN_CONFIG
    if not in_nav:
        config += "not_in_nav: |\n  /kokeilut/\n  /opit/\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


def build(root: Path) -> dict:
    site = root / "site"
    shutil.rmtree(site, ignore_errors=True)
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", _RUNNER, rss.name, "build", "-q", "-d", str(site)],
            cwd=root,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        seconds = time.perf_counter() - start
        peak_mib = int(rss.read() or 0) / 1024
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {"seconds": seconds, "peak_mib": peak_mib, "pages": pages, "site_bytes": size}


def measure(root: Path, runs: int, page: str) -> dict:
    results = [build(root) for _ in range(runs)]
    row = {key: statistics.median(r[key] for r in results) for key in results[0]}
    row["page_bytes"] = (root / "site" / page / "index.html").stat().st_size
    return row


def run(sizes: list[int], runs: int, naive_max: int) -> list[dict]:
    rows = []
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            tmp_path = Path(tmp)
            catalogue = tmp_path / "catalogue"
            catalogue.mkdir()
            slug = make_catalogue_site(catalogue, count)
            variants = {"catalogue": catalogue}
            for name, in_nav in (("plain", False), ("naive", True)):
                if name == "naive" and count > naive_max:
                    continue
                variants[name] = tmp_path / name
                make_plain_site(catalogue, variants[name], in_nav)
            row = {"experiments": count}
            for name, root in variants.items():
                row[name] = measure(root, runs, f"kokeilut/{slug}")
            rows.append(row)
            print_row(row, flush=True)
    return rows


def print_row(row: dict, flush: bool = False) -> None:
    plain = row["plain"]
    for name in ("catalogue", "plain", "naive"):
        if name not in row:
            continue
        r = row[name]
        print(
            f"{row['experiments']:>7} {name:<10} {r['seconds']:>8.1f} "
            f"{r['seconds'] / plain['seconds']:>6.2f}x "
            f"{r['peak_mib']:>8.0f} {r['pages']:>7} {r['site_bytes'] / 1e6:>8.1f} "
            f"{r['page_bytes'] / 1024:>8.1f} {r['page_bytes'] / plain['page_bytes']:>6.2f}x",
            flush=flush,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--naive-max", type=int, default=1000, help="largest N built the naive way")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    print(f"mkdocs build: this catalogue vs plain MkDocs + Material, median of {args.runs} runs; {machine()}")
    print(
        f"{'N':>7} {'build':<10} {'seconds':>8} {'ratio':>7} {'peak MiB':>8} {'pages':>7} "
        f"{'site MB':>8} {'page KiB':>8} {'ratio':>7}"
    )
    rows = run(args.sizes, args.runs, args.naive_max)
    save(args.json, args.runs, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
