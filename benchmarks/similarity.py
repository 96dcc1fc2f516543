"""Benchmark the bounded near-duplicate output of ``kokeilu report`` and ``kokeilu diff``.

A catalogue of near-identical titles has a quadratic number of similar pairs. The named
alternative is the unbounded code path (``generator.editorial.similarity.UNBOUNDED``: every pair held and
printed, which is what both commands did before the limits); it is measured in the same run
on the same catalogue against the limits the commands use (``SHOWN``: each entry's 5 best
matches, 100 pairs in all):

- ``report``: ``kokeilu report`` (check, report, text output) on ``--titles`` experiments
  whose titles differ only in a number;
- ``diff``: ``kokeilu diff`` on a commit that adds ``--added`` such experiments to a copy of
  the shipped experiments (a bulk import).

Each command runs in a fresh process; the figures are its wall time, its peak memory (the
kernel's maximum resident set size) and the size of what it prints. Run from the repository
root (the unbounded runs need several GB of memory and a minute or two each at the defaults):

    python benchmarks/similarity.py                      # 3,000 titles, 1,500 added
    python benchmarks/similarity.py --titles 1000 --added 500 --json similarity.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from results import machine, save  # noqa: E402

from generator.core.schema import load_schema  # noqa: E402

TEMPLATE = REPO / "experiments/perustulokokeilu.md"
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=GIT_ENV, capture_output=True, check=True)


def write_alike(folder: Path, count: int, prefix: str) -> None:
    """``count`` valid experiments whose titles differ only in a number."""
    text = TEMPLATE.read_text(encoding="utf-8")
    for n in range(count):
        title = f"title: Kirjastokokeilu Tampereen seudulla numero {prefix}{n}"
        folder.joinpath(f"kirjastokokeilu-{prefix}{n}.md").write_text(
            re.sub(r"^title: .*$", title, text, count=1, flags=re.MULTILINE), encoding="utf-8"
        )


def report_catalogue(root: Path, titles: int) -> Path:
    shutil.copytree(REPO / load_schema().vocabulary_directory, root / load_schema().vocabulary_directory)
    (root / "experiments").mkdir()
    write_alike(root / "experiments", titles, "")
    return root


def diff_repository(root: Path, added: int) -> Path:
    shutil.copytree(REPO / load_schema().vocabulary_directory, root / load_schema().vocabulary_directory)
    shutil.copytree(REPO / "experiments", root / "experiments")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    write_alike(root / "experiments", added, "uusi-")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "bulk")
    return root


def child(command: str, limits_name: str, root: Path) -> dict:
    """One command in this (fresh) process: seconds, peak memory, bytes printed, pairs."""
    from generator.content.check import check_catalogue
    from generator.editorial import diff as catalogue_diff
    from generator.editorial import diff_formats, similarity
    from generator.editorial import report as editorial

    limits = {"shown": similarity.SHOWN, "unbounded": similarity.UNBOUNDED}[limits_name]
    start = time.perf_counter()
    if command == "report":
        report = editorial.editorial_report(
            check_catalogue(root), dt.date(2026, 1, 1), reviewed=lambda root, path: None, limits=limits
        )
        text = editorial.format_text(report)
        (section,) = [s for s in report.sections if s.title == "Mahdolliset kaksoiskappaleet"]
        shown = len(section.items)
    else:
        result = catalogue_diff.diff_catalogues(root, "HEAD~1", "HEAD", limits=limits)
        text = diff_formats.format_text(result)
        shown = len(result.duplicates)
    with open(os.devnull, "w", encoding="utf-8") as sink:  # as the command writes to stdout
        sink.write(text)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {
        "seconds": seconds,
        "peak_mb": peak_mb,
        "output_mb": len(text.encode()) / 1e6,
        "pairs_shown": shown,
    }


def measure(command: str, limits_name: str, root: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", command, limits_name, str(root)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=3000, help="near-identical titles for report")
    parser.add_argument("--added", type=int, default=1500, help="near-identical entries a diff adds")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--child", nargs=3, metavar=("COMMAND", "LIMITS", "ROOT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        command, limits_name, root = args.child
        print(json.dumps(child(command, limits_name, Path(root))))
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("report", f"{args.titles} titles", report_catalogue(Path(tmp) / "report", args.titles)),
            ("diff", f"{args.added} added", diff_repository(Path(tmp) / "diff", args.added)),
        ]
        for command, size, root in cases:
            for limits_name in ("shown", "unbounded"):
                rows.append(
                    {
                        "command": command,
                        "size": size,
                        "limits": limits_name,
                        **measure(command, limits_name, root),
                    }
                )
    print(f"Near-duplicate output, bounded against unbounded, one fresh process each; {machine()}")
    header = ("command", "catalogue", "limits", "seconds", "peak MB", "output MB", "pairs shown")
    print("{:<8} {:<13} {:<10} {:>8} {:>9} {:>10} {:>12}".format(*header))
    for row in rows:
        print(
            f"{row['command']:<8} {row['size']:<13} {row['limits']:<10} {row['seconds']:>8.1f} "
            f"{row['peak_mb']:>9.0f} {row['output_mb']:>10.2f} {row['pairs_shown']:>12}"
        )
    for command in ("report", "diff"):
        shown, unbounded = (r for r in rows if r["command"] == command)
        print(
            f"{command}: {unbounded['seconds'] / shown['seconds']:.1f}x faster, "
            f"{unbounded['peak_mb'] / shown['peak_mb']:.1f}x less memory, "
            f"{unbounded['output_mb'] / max(shown['output_mb'], 1e-6):.0f}x less output than unbounded"
        )
    save(args.json, 1, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
