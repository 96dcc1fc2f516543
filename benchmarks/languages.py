"""What the Swedish and English versions cost: the site build in three languages against the
same synthetic catalogue built by the code before languages existed, in the same run.

    python benchmarks/languages.py [--count 1000] [--runs 3] [--baseline bd5f190]

The named alternative is the one-language site of ``--baseline`` (by default bd5f190, the last
commit before issue 9), taken with ``git archive`` and run from its own folder. Each catalogue is
made by its own code's ``kokeilu synth`` with the same seed, so the experiments are the same; each
build runs in a fresh process (``mkdocs build --strict``). Reported: median seconds, HTML pages,
site size, and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _env(code: Path | None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if code is not None:
        env["PYTHONPATH"] = str(code)
    return env


def _run(args: list[str], code: Path | None, cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=_env(code), capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def _site_figures(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(1 for p in files if p.suffix == ".html"), sum(p.stat().st_size for p in files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", default="bd5f190")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kk-languages-") as tmp:
        work = Path(tmp)
        base_code = work / "baseline-code"
        base_code.mkdir()
        archive = subprocess.run(["git", "archive", args.baseline], cwd=REPO, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(base_code)], input=archive.stdout, check=True)
        variants = {"baseline (one language)": base_code, "three languages": None}
        rows = []
        for name, code in variants.items():
            catalogue = work / f"catalogue-{len(rows)}"
            synth = [sys.executable, "-m", "generator", "synth", "--count", str(args.count), "--seed", "1"]
            _run([*synth, "--out", str(catalogue)], code, code or REPO)
            times = []
            site = work / f"site-{len(rows)}"
            for _ in range(args.runs):
                build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
                times.append(_run(build, code, catalogue))
            pages, size = _site_figures(site)
            rows.append((name, statistics.median(times), pages, size))
    base = rows[0][1]
    print(f"Site build, {args.count:,} synthetic experiments, median of {args.runs} (fresh processes)")
    print("| build | seconds | ratio | HTML pages | site MB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, seconds, pages, size in rows:
        print(f"| {name} | {seconds:.1f} | {seconds / base:.2f}x | {pages:,} | {size / 1e6:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
