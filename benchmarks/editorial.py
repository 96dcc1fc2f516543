"""Benchmark the editors' commands on a synthetic catalogue: near-duplicates, ``report``, ``diff``.

Each figure has a named alternative measured in the same run:

- near-duplicates (``kokeilu report``): :class:`SimilarityIndex` against comparing every pair
  of bigram sets, which is what the index replaces. Above ``--all-pairs-max``
  entries, comparing all pairs takes too long to run whole; it is timed on the pairs of a
  sample of entries and scaled to all pairs (the output says so).
- review dates: one ``git log`` for the whole history against one ``git log -1`` per file
  (timed on a sample of files and scaled to all files above ``--all-pairs-max``).
- ``kokeilu report`` and ``kokeilu diff`` end to end, against ``kokeilu check`` of the same
  catalogue: the floor both pay, since each reads and validates the whole catalogue (``diff``
  twice, once per revision).

The catalogue comes from benchmarks/synthetic.py and is committed to a temporary git repository;
the diff adds one experiment. Run from the repository root:

    python benchmarks/editorial.py                    # N = 1,000 and 10,000
    python benchmarks/editorial.py --sizes 500 --json results.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from results import machine, save  # noqa: E402
from synthetic import make_synthetic  # noqa: E402

from generator.content.check import check_catalogue  # noqa: E402
from generator.core.history import last_commit_dates  # noqa: E402
from generator.editorial.diff import diff_catalogues  # noqa: E402
from generator.editorial.report import editorial_report  # noqa: E402
from generator.editorial.similarity import SimilarityIndex, bigrams, is_similar, normalise_title  # noqa: E402

GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
}


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, env=GIT_ENV, capture_output=True, text=True, check=True
    ).stdout


def timed(func, *args):
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def all_pairs(entries, sample: int | None, rng: random.Random) -> tuple[float, bool]:
    """Seconds to compare every pair (scaled from ``sample`` rows when given). The fairest
    alternative: each title's bigram set is made once, then every pair is intersected."""
    ordered = sorted(entries, key=lambda e: e.path)
    n = len(ordered)
    rows = range(n) if sample is None or sample >= n else sorted(rng.sample(range(n), sample))
    start = time.perf_counter()
    grams = [bigrams(normalise_title(e.title)) for e in ordered]
    compared = 0
    for i in rows:
        a = grams[i]
        sum(1 for b in grams[i + 1 :] if is_similar(a, b))
        compared += n - i - 1
    seconds = time.perf_counter() - start
    total = n * (n - 1) // 2
    return seconds * total / max(compared, 1), len(rows) < n


def per_file_git_log(
    root: Path, paths: list[str], sample: int | None, rng: random.Random
) -> tuple[float, bool]:
    chosen = paths if sample is None or sample >= len(paths) else rng.sample(paths, sample)
    start = time.perf_counter()
    for path in chosen:
        git(root, "log", "-1", "--format=%cs", "--", path)
    return (time.perf_counter() - start) * len(paths) / len(chosen), len(chosen) < len(paths)


def run(sizes: list[int], all_pairs_max: int, sample: int) -> list[dict]:
    rows = []
    rng = random.Random(1)
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            make_synthetic(root, count)
            git(root, "init", "-q", "-b", "main")
            git(root, "add", "-A")
            git(root, "commit", "-q", "-m", "base")
            check_s, catalogue = timed(check_catalogue, root)
            assert not catalogue.errors, catalogue.errors[:5]
            row: dict = {"experiments": len(catalogue.experiments), "learnings": len(catalogue.learnings)}
            big = count > all_pairs_max

            experiments = list(catalogue.experiments.values())
            row["index_s"], pairs = timed(lambda entries: SimilarityIndex(entries).best_pairs(), experiments)
            row["all_pairs_s"], row["all_pairs_scaled"] = all_pairs(experiments, sample if big else None, rng)
            row["similar_pairs"] = pairs.found

            paths = sorted(e.path for e in [*experiments, *catalogue.learnings.values()])
            row["one_git_log_s"], dates = timed(last_commit_dates, root)
            assert len(dates) >= len(paths)
            row["git_log_per_file_s"], row["git_log_scaled"] = per_file_git_log(
                root, paths, sample if big else None, rng
            )

            row["check_s"] = check_s
            row["report_s"], _ = timed(editorial_report, catalogue, dt.date(2026, 11, 29))
            row["report_s"] += check_s  # kokeilu report = check + the report

            new = root / "experiments/aivan-uusi-kokeilu.md"
            first = sorted((root / "experiments").glob("*.md"))[0]
            new.write_text(
                first.read_text(encoding="utf-8").replace("title:", "title: Uusi", 1), encoding="utf-8"
            )
            git(root, "add", "-A")
            git(root, "commit", "-q", "-m", "uusi")
            row["diff_s"], result = timed(diff_catalogues, root, "HEAD~1", "HEAD")
            assert [c.path for c in result.entries] == ["experiments/aivan-uusi-kokeilu.md"]
            rows.append(row)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--all-pairs-max", type=int, default=2000, help="above this, scale from a sample")
    parser.add_argument("--sample", type=int, default=100, help="sampled entries or files when scaling")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    rows = run(args.sizes, args.all_pairs_max, args.sample)
    print(f"Editors' commands on a synthetic catalogue, one run each; {machine()}")
    for row in rows:
        star = lambda scaled: " (scaled from a sample)" if scaled else ""  # noqa: E731
        print(f"\n{row['experiments']} experiments, {row['learnings']} learnings")
        print(
            f"  near-duplicates: index {row['index_s']:.2f} s vs all pairs {row['all_pairs_s']:.2f} s"
            f"{star(row['all_pairs_scaled'])}: {row['all_pairs_s'] / row['index_s']:.0f}x faster"
            f" ({row['similar_pairs']} pairs)"
        )
        print(
            f"  review dates: one git log {row['one_git_log_s']:.2f} s vs git log per file "
            f"{row['git_log_per_file_s']:.2f} s{star(row['git_log_scaled'])}: "
            f"{row['git_log_per_file_s'] / row['one_git_log_s']:.0f}x faster"
        )
        print(
            f"  kokeilu report {row['report_s']:.2f} s, kokeilu diff {row['diff_s']:.2f} s, "
            f"vs kokeilu check {row['check_s']:.2f} s: "
            f"{row['report_s'] / row['check_s']:.2f}x and {row['diff_s'] / row['check_s']:.2f}x"
        )
    save(args.json, 1, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
