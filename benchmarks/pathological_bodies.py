"""How long one hostile body takes to check and to build, per construct, against a plain body.

Python-Markdown is quadratic on some constructs (an opener it looks for the end of to the end of
the paragraph or the document, a block it splits line by line); issue 18, finding H. This script
searches for them systematically: for each construct it writes bodies of up to ``--size``
characters (the entry size limit is 100,000 bytes) in a few shapes (one paragraph, paragraphs of
2,000 characters, and, for the constructs that are lines, one block), and times

- ``check``: ``generator.content.body.check_body`` on it (what ``kokeilu check`` and the build's own
  check pay per body), and, with ``--before REF``, the check of that git revision;
- ``render``: Python-Markdown with the site's extensions converting it once (what a build pays
  per page if the body were accepted; the site renders it on three pages, one per language).

The named comparison is a plain body of the same size: Finnish prose with a link every few
sentences, in paragraphs. Each row gives the worst shape's time, whether the check refused the
body (and with which rule) and, for a refused body, the render time the build was spared.
Run from the repository root:

    python benchmarks/pathological_bodies.py                 # every construct, 96,000 characters
    python benchmarks/pathological_bodies.py --before 7ada0ef --only link-paren lt-tag
    python benchmarks/pathological_bodies.py --size 48000 --limit 10 --json out.json
    python benchmarks/pathological_bodies.py --only "plain (comparison)" --random 200 --seed 2

``--random N`` then searches further: N bodies that repeat a random unit of Markdown syntax
(brackets, tags, quotes, markers, fences…), and prints the slowest the check accepts.

A timing is stopped after ``--limit`` seconds (60) and shown as ">60".
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.content.body import check_body  # noqa: E402
from generator.content.markup import site_markdown  # noqa: E402
from generator.core.problems import ProblemSink  # noqa: E402

PLAIN = (
    "Kokeilussa kunnan asukkaat saivat päättää osasta budjettia, ja tuloksia seurattiin koko "
    "vuoden ajan. Lisätietoa on [kunnan sivuilla](https://www.example.fi/kokeilu/raportti) ja "
    "arviointiraportissa. Osallistujia oli noin kaksisataa, ja palaute oli *enimmäkseen* "
    "myönteistä. "
)


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def paragraphs(unit: str, size: int, length: int = 2000) -> str:
    return fill(fill(unit, length - 2) + "\n\n", size)


# Each construct: a unit repeated to the size, and whether it is a line (then also one block of
# such lines without blank lines). Openers that look for their end: links, images, quotes,
# parentheses, angle brackets, tags; inline matches that rebuild the paragraph string: emphasis,
# code spans, escapes, entities; block constructs that split a block line by line.
CONSTRUCTS: dict[str, Callable[[int], list[str]]] = {
    "plain (comparison)": lambda n: [paragraphs(PLAIN, n, 1200)],
    "links (honest, dense)": lambda n: [paragraphs("[linkki](https://www.example.fi/a) ja ", n, 1000)],
    # The costliest refusal to locate: a long honest body (with "&", so rendered wrapped too) whose
    # last paragraph closes the language wrapper (html-in-code).
    "honest, then </div>": lambda n: [
        paragraphs(PLAIN.replace("ja", "&"), n - 100, 1200) + "\n\nLoppu `</div><b>x</b>` tähän.\n"
    ],
    "links-one-paragraph": lambda n: [fill('[a](x "t")', n), fill("[linkki](https://www.example.fi/a) ", n)],
    "link-paren": lambda n: ["[a](" * 499 + fill("(", n - 2000), paragraphs("[a](" * 100 + "(", n)],
    "link-quote": lambda n: ["[a](" * 499 + fill('"', n - 2000), paragraphs("[a](" * 100 + '"', n)],
    "link-angle": lambda n: ["[a](<" * 400 + fill("<", n - 2000)],
    "link-empty": lambda n: [fill("[](", n), paragraphs("[](", n)],
    "image-paren": lambda n: ["![a](" * 400 + fill("(", n - 2000)],
    "brackets-nested": lambda n: ["[" * 499 + fill("a](", n - 499), paragraphs("[[[a]]](", n)],
    "brackets-open": lambda n: [paragraphs("[", n, 1000), paragraphs("[a ", n)],
    "lt-tag": lambda n: [fill("<a ", n), paragraphs("<a ", n), fill("<a", n)],
    "lt-tag-quote": lambda n: [fill('<a x="', n), fill("<a x='", n)],
    "lt-end-tag": lambda n: [fill("</a ", n)],
    "lt-comment": lambda n: [fill("<!-- ", n), fill("<!", n), fill("<?", n), fill("<![CDATA[", n)],
    "lt-autolink": lambda n: [fill("<https://www.example.fi/ ", n), fill("<a@b.fi ", n)],
    "lt-alone": lambda n: [fill("< ", n), fill("<", n)],
    "ampersand": lambda n: [fill("&a", n), fill("&#", n), fill("&#0000106a ", n)],
    "emphasis": lambda n: [fill("*a* ", n), fill("*", n), fill("_a ", n), fill("**a ", n)],
    "code-spans": lambda n: [fill("`a ", n), fill("``a ", n), fill("`", n)],
    "backslash": lambda n: [fill("\\", n), fill("\\*", n)],
    "long-line": lambda n: [fill("a", n), fill("a ", n)],
    "headings": lambda n: [fill("# a\n", n), "".join(f"## otsikko {i}\n" for i in range(n // 14))],
    "setext": lambda n: [fill("a\n===\n", n), fill("a\n---\n", n)],
    "rules": lambda n: [fill("---\n", n), fill("***\n\n", n)],
    "quotes": lambda n: [fill("> a\n", n), fill("> a\n\n", n)],
    "lists": lambda n: [fill("- a\n", n), fill("1. a\n", n), fill("- a\n\n", n)],
    "reference-defs": lambda n: [
        fill("[a]: b\n", n),
        "".join(f"[r{i}]: https://x.fi/{i}\n" for i in range(n // 24)),
    ],
    "tables-columns": lambda n: ["|" + "a|" * (n // 4) + "\n|" + "-|" * (n // 4) + "\n"],
    "tables-rows": lambda n: ["|a|b|\n|-|-|\n" + fill("|a|b|\n", n)],
    "admonitions": lambda n: [fill("!!! note\n    a\n", n), fill("!!! note\n    a\n\n", n)],
    "attr-list": lambda n: [fill("a{ ", n), fill("{: #a }\n", n), fill("a { .b }\n\n", n)],
    "fences": lambda n: [fill("```\na\n```\n", n), fill("```", n), fill("~~~\n", n)],
    "indented": lambda n: [fill("    a\n", n), fill("\t", n)],
    "nesting": lambda n: [fill("> " * 39 + "a\n", n), fill("- " * 39 + "a\n", n)],
}


class _TooLong(Exception):
    pass


def _alarm(signum, frame) -> None:
    raise _TooLong


def _timed(func: Callable[[], object], limit: float) -> float:
    """Seconds ``func`` takes, or ``math.inf`` past ``limit`` seconds (then it is interrupted:
    Python-Markdown's slow paths are Python code, which a signal stops)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        func()
    except _TooLong:
        return math.inf
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - start


def check_time(check: Callable, text: str, limit: float) -> tuple[float, str]:
    sink = ProblemSink("x.md")
    seconds = _timed(lambda: check(text, 1, sink), limit)
    rules = sorted({p.rule for p in sink.problems if p.is_error})
    return seconds, ",".join(rules) if seconds != math.inf else "?"


def render_time(text: str, limit: float) -> float:
    md = site_markdown()
    return _timed(lambda: md.convert(text), limit)


def load_check(ref: str) -> Callable:
    """``check_body`` of generator/content/body.py at git revision ``ref`` (and the modules it needs
    that did not exist then are today's)."""
    folder = Path(tempfile.mkdtemp(prefix="kokeilu-before-"))
    source = subprocess.run(
        ["git", "show", f"{ref}:generator/content/body.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (folder / "body_before.py").write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("body_before", folder / "body_before.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.check_body


def measure(name: str, texts: list[str], before: Callable | None, limit: float) -> dict:
    """The worst of ``texts`` (the shapes of one construct) for each figure."""
    row = {"construct": name, "shapes": len(texts), "refused": 0, "rules": set(), "check": 0.0}
    row.update(build_before=0.0, build_after=0.0, check_before=0.0)
    for text in texts:
        seconds, rule = check_time(check_body, text, limit)
        row["check"] = max(row["check"], seconds)
        render = render_time(text, limit)
        row["build_before"] = max(row["build_before"], render)
        if rule:
            row["refused"] += 1
            row["rules"].add(rule)
        else:
            row["build_after"] = max(row["build_after"], render)
        if before:
            row["check_before"] = max(row["check_before"], check_time(before, text, limit)[0])
    row["rules"] = ",".join(sorted(row["rules"])) or "-"
    return row


# Pieces of Markdown syntax the random search repeats (``--random``).
ALPHABET = [
    *"[]()<>!*_`\\&#\"' -=|:{}.~\n",
    *("\n\n", "    ", "a", "ab ", "1. ", "- ", "!!! ", "```", "http://", "&#", "<a", "</", "<!--"),
    *("-->", "]:", "](", "![", "{:", "|-"),
]


def random_search(count: int, seed: int, size: int, limit: float) -> list[tuple[float, float, str]]:
    """The slowest of ``count`` bodies that repeat a random unit of 1–6 pieces of ``ALPHABET`` to
    ``size`` and that the check accepts: (check s, build s, unit), slowest first."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        unit = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 6)))
        text = (unit * (size // len(unit) + 1))[:size]
        seconds, rule = check_time(check_body, text, limit)
        if not rule:
            found.append((seconds, render_time(text, limit), unit))
    return sorted(found, key=lambda row: -max(row[:2]))


def _seconds(value: float, width: int, limit: float) -> str:
    return f"{'>' + format(limit, 'g'):>{width}}" if value == math.inf else f"{value:{width}.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=96_000, help="characters per body (default 96,000)")
    parser.add_argument("--only", nargs="*", help="construct names to run")
    parser.add_argument("--before", help="also time the check of this git revision")
    parser.add_argument("--limit", type=float, default=60.0, help="stop a timing after this many seconds")
    parser.add_argument("--random", type=int, default=0, metavar="N", help="also try N random units")
    parser.add_argument("--seed", type=int, default=1, help="of the random search (default 1)")
    parser.add_argument("--json", type=Path, help="write the rows as JSON")
    args = parser.parse_args(argv)
    before = load_check(args.before) if args.before else None
    print(f"{args.size:,} characters per body; the worst shape of each construct, in seconds.")
    print("build: one rendering with the site's Markdown; before = every shape, after = the shapes")
    print("the check accepts (a refused body is never built).")
    header = f"{'construct':24} {'refused':>7} {'rule':>18} {'check':>7} {'build before':>12} {'after':>7}"
    print(header + (f" {'check ' + args.before:>16}" if before else ""))
    rows = []
    for name, make in CONSTRUCTS.items():
        if args.only and name not in args.only:
            continue
        row = measure(name, [text[: args.size] for text in make(args.size)], before, args.limit)
        rows.append(row)
        line = (
            f"{name:24} {row['refused']:>3}/{row['shapes']:<3} {row['rules']:>18} "
            f"{_seconds(row['check'], 7, args.limit)} {_seconds(row['build_before'], 12, args.limit)} "
            f"{_seconds(row['build_after'], 7, args.limit)}"
        )
        print(line + (f" {_seconds(row['check_before'], 16, args.limit)}" if before else ""), flush=True)
    if args.random:
        found = random_search(args.random, args.seed, args.size, args.limit)
        print(f"\nrandom search: {args.random} units, {len(found)} accepted; the slowest accepted:")
        for check, build, unit in found[:5]:
            check_s, build_s = _seconds(check, 7, args.limit), _seconds(build, 7, args.limit)
            print(f"  check {check_s}  build {build_s}  {unit!r}")
    if args.json:
        finite = [{k: (None if v == math.inf else v) for k, v in row.items()} for row in rows]
        args.json.write_text(json.dumps(finite, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
