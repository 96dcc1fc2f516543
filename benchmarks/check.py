"""Benchmark ``kokeilu check`` against merely reading and YAML-parsing the same files.

The named alternative is the floor any checker pays: read every file, cut out the front matter
and parse it with PyYAML's libyaml loader (``yaml.load(..., CSafeLoader)``), as python-frontmatter
or MkDocs' meta extension would. The checker also locates, validates and cross-checks everything;
the budget (issue "Scale") is at most 2x that floor at 10,000 experiments.

The synthetic catalogue clones the shipped experiments and learnings under new slugs, so every
file is realistic and valid. Run from the repository root:

    python benchmarks/check.py                 # N = 1,000 and 10,000, 5 runs each
    python benchmarks/check.py --sizes 100 --runs 3 --json results.json
"""

from __future__ import annotations

import argparse
import re
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


def timed(func, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def run(sizes: list[int], runs: int) -> list[dict]:
    rows = []
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            make_catalogue(root, count)
            floor, check = [], []
            for _ in range(runs):
                seconds, parsed = timed(read_and_parse, root)
                floor.append(seconds)
                seconds, catalogue = timed(check_catalogue, root)
                check.append(seconds)
            assert not catalogue.errors, catalogue.errors[:5]
            assert parsed == len(catalogue.experiments) + len(catalogue.learnings)
            row = {
                "experiments": len(catalogue.experiments),
                "learnings": len(catalogue.learnings),
                "read_and_parse_s": statistics.median(floor),
                "check_s": statistics.median(check),
            }
            row["ratio"] = row["check_s"] / row["read_and_parse_s"]
            rows.append(row)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    rows = run(args.sizes, args.runs)
    print(f"kokeilu check vs read + YAML parse (libyaml), median of {args.runs} runs; {machine()}")
    print(f"{'experiments':>11} {'learnings':>9} {'read+parse s':>13} {'check s':>8} {'ratio':>6}")
    for row in rows:
        print(
            f"{row['experiments']:>11} {row['learnings']:>9} {row['read_and_parse_s']:>13.3f} "
            f"{row['check_s']:>8.3f} {row['ratio']:>5.2f}x"
        )
    save(args.json, args.runs, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
