"""Benchmark ``kokeilu check`` against merely reading and YAML-parsing the same files.

The named alternative is the floor any checker pays: read every file, cut out the front matter
and parse it with PyYAML's libyaml loader (``yaml.load(..., CSafeLoader)``), as python-frontmatter
or MkDocs' meta extension would. The checker also locates, validates and cross-checks everything;
the budget (issue "Scale") is at most 2x that floor at 10,000 experiments.

The synthetic catalogue clones the shipped experiments and learnings under new slugs, so every
file is realistic and valid. Run from the repository root:

    python benchmarks/check.py                 # N = 1,000 and 10,000, 5 runs each
    python benchmarks/check.py --sizes 100 --runs 3 --json results.json
    python benchmarks/check.py --sizes 1000 --runs 1 --profile 25   # where check's time goes

The floor runs in one process. ``kokeilu check`` is timed twice: in one process
(``KOKEILU_CHECK_WORKERS=1``, the default below 4 cores), and with its per-file work spread over
the machine's cores by forked workers (generator/content/workers.py; the default from 4 cores
on; the core count is printed).
Besides the wall-clock time, the CPU time of each is reported, the workers' included: a machine
busy with other work inflates it less than the wall-clock time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from results import machine, save  # noqa: E402

from generator.content.check import check_catalogue  # noqa: E402
from generator.content.workers import WORKERS_VARIABLE, usable_cores  # noqa: E402
from generator.core.schema import load_schema  # noqa: E402
from generator.i18n.languages import CODES, translation_file  # noqa: E402

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


def _entries(folder: Path) -> list[Path]:
    """The entry files of a folder: not its index, nor a translated body (``<slug>.sv.md``)."""
    return sorted(p for p in folder.glob("*.md") if p.name != "index.md" and translation_file(p.name) is None)


def _write_clone(source: Path, target: Path, text: str) -> None:
    """An entry under a new slug, with its translated bodies (``<slug>.sv.md``, ``.en.md``)."""
    target.write_text(text, encoding="utf-8")
    for language in CODES:
        body = source.with_name(f"{source.stem}.{language}.md")
        if body.is_file():
            target.with_name(f"{target.stem}.{language}.md").write_bytes(body.read_bytes())


def _clone_number(original: int, base: int, count: int) -> int:
    """The number of the clone of experiment ``original`` in the round starting at ``base``;
    in a last, partial round whose clone of it was not written, the first round's."""
    return original + base if original + base < count else original


def make_catalogue(root: Path, count: int) -> None:
    """``count`` experiments and about count/4 learnings cloned from the shipped catalogue."""
    schema = load_schema()
    shutil.copytree(REPO / schema.vocabulary_directory, root / schema.vocabulary_directory)
    experiments = _entries(REPO / "experiments")
    learnings = _entries(REPO / "content/opit")
    (root / "experiments").mkdir()
    (root / "content/opit").mkdir(parents=True)
    index = {path.stem: n for n, path in enumerate(experiments)}
    for i in range(count):
        source = experiments[i % len(experiments)]
        base = len(experiments) * (i // len(experiments))  # this round's clones
        text = re.sub(
            r"^part_of: (\S+)$",
            lambda m, base=base: f"part_of: {m.group(1)}-{_clone_number(index[m.group(1)], base, count):05d}",
            source.read_text(encoding="utf-8"),
            count=1,
            flags=re.MULTILINE,
        )
        _write_clone(source, root / "experiments" / f"{source.stem}-{i:05d}.md", text)
    rounds = max(1, count // len(experiments))
    for i in range(count // 4):
        source = learnings[i % len(learnings)]
        text = source.read_text(encoding="utf-8")
        offset = len(experiments) * (i % rounds)  # the clones of the same experiments, round i

        def retarget(match: re.Match, offset: int = offset) -> str:
            slugs = [s.strip() for s in match.group(1).split(",")]
            return "experiments: [" + ", ".join(f"{s}-{index[s] + offset:05d}" for s in slugs) + "]"

        text = re.sub(r"^experiments: \[(.*)\]$", retarget, text, count=1, flags=re.MULTILINE)
        _write_clone(source, root / "content/opit" / f"{source.stem}-{i:05d}.md", text)


def read_and_parse(root: Path) -> int:
    """The floor: read each entry file and YAML-parse its front matter with libyaml."""
    parsed = 0
    for folder in ("experiments", "content/opit"):
        for path in _entries(root / folder):
            match = _FRONT.match(path.read_text(encoding="utf-8"))
            if match and yaml.load(match.group(1), Loader=_LOADER) is not None:
                parsed += 1
    return parsed


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(func, *args) -> tuple[float, float, object]:
    """Wall-clock seconds, CPU seconds (the workers' included), and the result of ``func(*args)``."""
    start, cpu = time.perf_counter(), _cpu()
    result = func(*args)
    return time.perf_counter() - start, _cpu() - cpu, result


def check_alone(root: Path):
    """``kokeilu check`` in this one process."""
    return check_with(root, 1)


def check_spread(root: Path):
    """``kokeilu check`` with one worker per core (by default only from 4 cores on)."""
    return check_with(root, usable_cores())


def check_with(root: Path, processes: int):
    os.environ[WORKERS_VARIABLE] = str(processes)
    try:
        return check_catalogue(root)
    finally:
        del os.environ[WORKERS_VARIABLE]


def profile(root: Path, top: int) -> str:
    """The ``top`` functions of one ``check_catalogue`` run by their own time, then by the time
    spent in them and what they call (cProfile, which slows the run down about twofold)."""
    profiler = cProfile.Profile()
    profiler.runcall(check_alone, root)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def run(sizes: list[int], runs: int, top: int = 0) -> list[dict]:
    rows = []
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            make_catalogue(root, count)
            times: dict[str, list[tuple[float, float]]] = {
                name: [] for name in ("read_and_parse", "check", "check_workers")
            }
            for _ in range(runs):
                seconds, cpu, parsed = timed(read_and_parse, root)
                times["read_and_parse"].append((seconds, cpu))
                seconds, cpu, catalogue = timed(check_alone, root)
                times["check"].append((seconds, cpu))
                seconds, cpu, spread = timed(check_spread, root)
                times["check_workers"].append((seconds, cpu))
            assert not catalogue.errors, catalogue.errors[:5]
            assert spread.problems == catalogue.problems
            assert parsed == len(catalogue.experiments) + len(catalogue.learnings)
            row = {
                "experiments": len(catalogue.experiments),
                "learnings": len(catalogue.learnings),
                "workers": usable_cores(),
            }
            for name, measured in times.items():
                row[f"{name}_s"] = statistics.median(wall for wall, _ in measured)
                row[f"{name}_cpu_s"] = statistics.median(cpu for _, cpu in measured)
            for name in ("check", "check_workers"):
                row[f"{name}_ratio"] = row[f"{name}_s"] / row["read_and_parse_s"]
                row[f"{name}_cpu_ratio"] = row[f"{name}_cpu_s"] / row["read_and_parse_cpu_s"]
            rows.append(row)
            if top:
                print(f"Profile of kokeilu check at {count} experiments:\n{profile(root, top)}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--profile", type=int, default=0, metavar="TOP", help="print check's TOP functions")
    args = parser.parse_args()
    rows = run(args.sizes, args.runs, args.profile)
    print(
        f"kokeilu check vs read + YAML parse (libyaml, one process), median of {args.runs} runs; "
        f"{machine()}; wall-clock s (CPU s, workers included)"
    )
    print(
        f"{'experiments':>11} {'learnings':>9} {'read+parse':>15} {'check, 1 process':>26} "
        f"{'check, workers':>30}"
    )
    for row in rows:
        print(
            f"{row['experiments']:>11} {row['learnings']:>9} "
            f"{row['read_and_parse_s']:>6.2f} ({row['read_and_parse_cpu_s']:>5.2f}) "
            f"{row['check_s']:>6.2f} ({row['check_cpu_s']:>5.2f}) "
            f"{row['check_ratio']:>4.2f}x ({row['check_cpu_ratio']:>4.2f}x) "
            f"{row['workers']} proc {row['check_workers_s']:>6.2f} ({row['check_workers_cpu_s']:>5.2f}) "
            f"{row['check_workers_ratio']:>4.2f}x ({row['check_workers_cpu_ratio']:>4.2f}x)"
        )
    save(args.json, args.runs, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
