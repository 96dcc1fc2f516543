"""Search quality: recall@10 and MRR of the finder's query set, per class and language.

Runs every query of benchmarks/queries.yaml (its header describes the set) through:

- **the finder of each revision asked for** (``--before REF``, ``--ref REF``, repeatable): the
  revision's tree is exported with ``git archive`` into a cache folder (no checkout, no
  worktree) and its site built there with ``mkdocs build`` from this venv, with PYTHONPATH
  pointing at that tree, so its own ``generator`` and finder.js are used;
- **the finder of the working tree** ("after"; leave it out with ``--no-current``);
- **Pagefind** (pip ``pagefind[extended]``, the bench extra) with its defaults, run over the
  working tree's built site (``--pagefind-site REF`` for another), the same queries.

The finder is measured as a visitor meets it: headless Chromium (Debian's, ``KOKEILU_CHROMIUM``)
opens ``/haku/``, ``/sv/haku/`` or ``/en/haku/`` on the built site served on 127.0.0.1, types
each query of that language into the search field and, after the page's ``kk-finder:rendered``
event for it, reads the result links in page order (``#kk-finder .kk-result a[href]``): only
the finder's page contract is used, never its modules, so any revision's finder is measured the
same way. Pagefind is queried through its own JS API (``search(q)``, then ``data()`` of its
results in rank order) on a page written into the built site with the query's ``<html lang>``,
which makes Pagefind use that language's index. Pagefind indexes every page (listings and
theme pages too); its results that are not entry pages are skipped, so its first 10 entries
are scored (a head start: the finder's 10 are its first 10 results).

A result counts when its address is the expected entry's page in any language. Reported per
class, per language and overall: recall@10 and MRR@10 (benchmarks/quality.py), then the misses
of each system (query → number of results, top 3), which engine work can start from.

Sites are built once per revision and cached in ``--cache`` (default: the system temp folder,
``kokeilu-search-quality/``), keyed by the commit (a revision) or by a hash of the tree's files
(the working tree); ``--rebuild`` builds again. Run from the repository root:

    python benchmarks/search_quality.py --before a14ab43            # before, after, Pagefind
    python benchmarks/search_quality.py --no-current --before a14ab43 --json quality.json
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from quality import (  # noqa: E402
    TOP,
    Query,
    entry_of,
    load_queries,
    markdown_misses,
    markdown_table,
    misses,
    rank_of,
    scores,
)
from results import machine, save  # noqa: E402
from search import CHROMIUM, Server, run_pagefind  # noqa: E402

PREFIXES = {"fi": "", "sv": "/sv", "en": "/en"}
TIMEOUT_MS = 60_000
# Files of the working tree that do not change the built site: left out of its cache key.
NOT_BUILT = ("tests/", "benchmarks/", "docs/", ".github/", ".ci/")

# Collects every kk-finder:rendered event (capture phase, so it need not bubble).
EVENTS_SCRIPT = """
window.kkEvents = [];
window.addEventListener('kk-finder:rendered', (e) => window.kkEvents.push(e.detail), true);
"""
# The event's query is the typed text, compared without case and extra spaces.
_NORMAL = ".trim().replace(/\\s+/g, ' ').toLowerCase()"
SAME_QUERY = f"String(e.query){_NORMAL} === q{_NORMAL}"
RESULT_LINKS = """() => Array.from(document.querySelectorAll('#kk-finder .kk-result a[href]'))
  .map((a) => a.href)"""

PAGEFIND_PAGE = """<!doctype html>
<html lang="LANG"><head><meta charset="utf-8"><title>Pagefind quality</title></head>
<body><script type="module">
const pf = await import('/pagefind/pagefind.js');
// The addresses of the results in rank order, data() loaded a page of 10 at a time, until
// `wanted` addresses pass `keep` or the results end; and how many results there were.
window.pagefindRank = async (q, wanted, pattern) => {
  const keep = new RegExp(pattern);
  const search = await pf.search(q);
  const urls = [];
  let kept = 0;
  for (let i = 0; i < search.results.length && kept < wanted; i += 10) {
    const page = await Promise.all(search.results.slice(i, i + 10).map((r) => r.data()));
    for (const d of page) {
      urls.push(d.url);
      if (keep.test(d.url)) kept += 1;
    }
  }
  return {urls, count: search.results.length};
};
window.pagefindReady = true;
</script></body></html>
"""
ENTRY_PATTERN = r"^(/(sv|en))?/(kokeilut|opit)/[a-z0-9][a-z0-9-]*/(index\.html)?$"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- sources and builds ----------------------------------------------------------------------------


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True, text=True).stdout


def tree_key() -> str:
    """A hash of the working tree's files that the site build reads (tracked and untracked)."""
    digest = hashlib.sha256()
    names = git("ls-files", "-co", "--exclude-standard", "-z").split("\0")
    for name in sorted(n for n in names if n and not n.startswith(NOT_BUILT)):
        path = REPO / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def export_revision(ref: str, cache: Path) -> tuple[Path, str]:
    """The revision's tree in the cache (``git archive``, no checkout) and its commit."""
    commit = git("rev-parse", "--verify", f"{ref}^{{commit}}").strip()
    source = cache / f"src-{commit[:12]}"
    if not (source / "mkdocs.yml").is_file():
        shutil.rmtree(source, ignore_errors=True)
        source.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", commit], cwd=REPO, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
    return source, commit


def build_site(source: Path, site: Path, rebuild: bool) -> Path:
    """``mkdocs build`` of ``source`` into ``site`` with ``source`` first on PYTHONPATH (its own
    generator package); skipped when a finished build is cached."""
    done = site / ".kokeilu-built"
    if done.is_file() and not rebuild:
        log(f"cached site {site}")
        return site
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(source)}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=source,
        check=True,
        env=env,
    )
    done.write_text("ok\n", encoding="utf-8")
    log(f"built {site} in {time.perf_counter() - start:.0f} s")
    return site


def sites_to_measure(args, cache: Path) -> dict[str, Path]:
    """{system name: built site}, in the order of the table's columns."""
    sites: dict[str, Path] = {}
    for name, ref in [("before", r) for r in args.before] + [(r, r) for r in args.ref]:
        source, commit = export_revision(ref, cache)
        label = name if name == "before" and len(args.before) == 1 else f"{name} {commit[:7]}"
        sites[label] = build_site(source, cache / f"site-{commit[:12]}", args.rebuild)
    if not args.no_current:
        sites["after"] = build_site(REPO, cache / f"site-tree-{tree_key()}", args.rebuild)
    return sites


# --- measuring -------------------------------------------------------------------------------------


def answer(addresses: list[str], count: int) -> dict:
    entries = [entry for entry in map(entry_of, addresses) if entry]
    return {"entries": entries[:TOP], "count": count}


def rendered(page, q: str) -> dict:
    """The ``kk-finder:rendered`` event for the query just typed: the one whose ``query`` is
    the typed text (spaces and case aside); failing that, the last render after typing (a
    finder that reports the query as it corrected it)."""
    try:
        page.wait_for_function(f"q => window.kkEvents.some((e) => {SAME_QUERY})", arg=q, timeout=10_000)
    except PlaywrightTimeout:
        page.wait_for_function("() => window.kkEvents.length > 0", timeout=TIMEOUT_MS)
        page.wait_for_timeout(500)
        log(f"no render reported {q!r} as its query; the last render after typing it is read")
        return page.evaluate("() => window.kkEvents[window.kkEvents.length - 1]")
    return page.evaluate(f"q => window.kkEvents.filter((e) => {SAME_QUERY}).pop()", q)


def run_finder(browser, base: str, queries: list[Query]) -> list[dict]:
    """Each query typed into its language's finder page; the result entries in page order."""
    answers: list[dict | None] = [None] * len(queries)
    for language, prefix in PREFIXES.items():
        todo = [(i, q) for i, q in enumerate(queries) if q.lang == language]
        if not todo:
            continue
        context = browser.new_context()
        try:
            page = context.new_page()
            page.add_init_script(EVENTS_SCRIPT)
            page.goto(f"{base}{prefix}/haku/")
            page.wait_for_function("() => window.kkEvents.length > 0", timeout=TIMEOUT_MS)
            for index, query in todo:
                page.evaluate("() => { window.kkEvents = []; }")
                page.fill("#kk-finder-q", query.q)
                event = rendered(page, query.q)
                answers[index] = answer(page.evaluate(RESULT_LINKS), int(event.get("count") or 0))
        finally:
            context.close()
    return answers


def run_pagefind_queries(browser, base: str, site: Path, queries: list[Query]) -> list[dict]:
    """Each query through Pagefind's JS API on a page in the query's language."""
    answers: list[dict | None] = [None] * len(queries)
    for language in PREFIXES:
        todo = [(i, q) for i, q in enumerate(queries) if q.lang == language]
        if not todo:
            continue
        name = f"pagefind-quality-{language}.html"
        (site / name).write_text(PAGEFIND_PAGE.replace("LANG", language), encoding="utf-8")
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"{base}/{name}")
            page.wait_for_function("() => window.pagefindReady", timeout=TIMEOUT_MS)
            for index, query in todo:
                found = page.evaluate(
                    "([q, n, p]) => window.pagefindRank(q, n, p)", [query.q, TOP, ENTRY_PATTERN]
                )
                answers[index] = answer([base + url for url in found["urls"]], found["count"])
        finally:
            context.close()
    return answers


def measure(sites: dict[str, Path], pagefind_site: Path | None, queries: list[Query]) -> dict[str, list]:

    results: dict[str, list] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for name, site in sites.items():
                start = time.perf_counter()
                with Server(site) as server:
                    results[name] = run_finder(browser, server.url, queries)
                log(f"{name}: {len(queries)} queries in {time.perf_counter() - start:.0f} s")
            if pagefind_site is not None:
                if not (pagefind_site / "pagefind/pagefind.js").is_file():
                    seconds = run_pagefind(pagefind_site)
                    log(f"Pagefind index built in {seconds:.0f} s")
                start = time.perf_counter()
                with Server(pagefind_site) as server:
                    results["Pagefind"] = run_pagefind_queries(browser, server.url, pagefind_site, queries)
                log(f"Pagefind: {len(queries)} queries in {time.perf_counter() - start:.0f} s")
        finally:
            browser.close()
    return results


# --- the report ------------------------------------------------------------------------------------


def report(queries: list[Query], results: dict[str, list], show_misses: bool) -> tuple[str, dict]:
    ranks = {
        name: [rank_of(q, a["entries"]) for q, a in zip(queries, found, strict=True)]
        for name, found in results.items()
    }
    missed = {name: misses(queries, ranks[name], found) for name, found in results.items()}
    parts = [
        f"Search quality: {len(queries)} queries (benchmarks/queries.yaml), recall@{TOP} and "
        f"MRR@{TOP}; {machine()}",
        "",
        markdown_table(queries, ranks),
    ]
    for language in PREFIXES:
        picked = [i for i, q in enumerate(queries) if q.lang == language]
        if picked and len(picked) < len(queries):
            subset = {name: [r[i] for i in picked] for name, r in ranks.items()}
            table = markdown_table([queries[i] for i in picked], subset)
            parts += ["", f"Per class, {language} queries only:", "", table]
    if show_misses:
        parts += ["", *("\n".join([markdown_misses(name, m), ""]) for name, m in missed.items())]
    data = {
        "queries": len(queries),
        "systems": list(results),
        "scores": {name: scores(queries, r) for name, r in ranks.items()},
        "ranks": ranks,
        "misses": missed,
    }
    return "\n".join(parts), data


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--before",
        action="append",
        default=[],
        metavar="REF",
        help="a revision measured as 'before' (e.g. a14ab43)",
    )
    parser.add_argument(
        "--ref", action="append", default=[], metavar="REF", help="another revision to measure (repeatable)"
    )
    parser.add_argument("--no-current", action="store_true", help="do not measure the working tree")
    parser.add_argument("--no-pagefind", action="store_true", help="do not measure Pagefind")
    parser.add_argument(
        "--pagefind-site",
        metavar="REF",
        help="run Pagefind on this revision's site (default: the working tree's)",
    )
    parser.add_argument("--queries", type=Path, default=REPO / "benchmarks/queries.yaml")
    parser.add_argument(
        "--lang",
        choices=sorted(PREFIXES),
        action="append",
        help="only the queries of this language (repeatable)",
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kokeilu-search-quality")
    parser.add_argument("--rebuild", action="store_true", help="build the sites again")
    parser.add_argument("--no-misses", action="store_true", help="leave the lists of misses out")
    parser.add_argument("--json", type=Path, help="also write the results here")
    return parser


def pagefind_site_of(args, sites: dict[str, Path]) -> Path | None:
    """The built site Pagefind runs on: ``--pagefind-site``'s, else the working tree's, else
    the first revision's; None with ``--no-pagefind``."""
    if args.no_pagefind:
        return None
    if args.pagefind_site:
        source, commit = export_revision(args.pagefind_site, args.cache)
        return build_site(source, args.cache / f"site-{commit[:12]}", args.rebuild)
    return sites.get("after") or next(iter(sites.values()), None)


def main() -> int:
    parser = make_parser()
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        parser.error(f"no Chromium at {CHROMIUM} (set KOKEILU_CHROMIUM)")
    queries = [q for q in load_queries(args.queries) if not args.lang or q.lang in args.lang]
    start = time.perf_counter()
    args.cache.mkdir(parents=True, exist_ok=True)
    sites = sites_to_measure(args, args.cache)
    pagefind_site = pagefind_site_of(args, sites)
    if not sites and pagefind_site is None:
        parser.error("nothing to measure")
    text, data = report(queries, measure(sites, pagefind_site, queries), not args.no_misses)
    print(text)
    print(f"\nTotal time {time.perf_counter() - start:.0f} s", file=sys.stderr)
    save(args.json, 1, [data])
    return 0


if __name__ == "__main__":
    sys.exit(main())
