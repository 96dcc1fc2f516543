"""The synthetic catalogue of the benchmarks: a thin shim over generator/synth/synthesis.py.

The generator moved into the package as ``kokeilu synth`` (generator/synth/synthesis.py documents the
text, the inflection and the distributions, each in a module of generator/synth/). This module keeps
the benchmarks' old entry point, trained on this repository's own catalogue:

    python benchmarks/synthetic.py OUT --count 1000 [--seed 1]

which is the same as ``kokeilu synth --count 1000 --seed 1 --out OUT`` run in the repository.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator.synth import synthesis  # noqa: E402
from generator.synth.nouns import Noun  # noqa: E402
from generator.synth.synthesis import Synthesis  # noqa: E402

__all__ = ["REPO", "Noun", "Synthesis", "make_synthetic", "synthesise"]


def make_synthetic(root: Path, count: int, seed: int = 1, repo: Path = REPO) -> Synthesis:
    """``count`` experiments and about count/4 learnings with the site around them, into ``root``."""
    return synthesis.make_synthetic(root, count, seed, repo)


def synthesise(out: Path, count: int, seed: int = 1, repo: Path = REPO) -> Synthesis:
    """The same into a new or empty folder ``out``, written whole (``kokeilu synth``)."""
    return synthesis.synthesise(out, count, seed, repo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="an empty or new folder")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    synthesise(args.out, args.count, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
