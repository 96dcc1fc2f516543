"""Benchmark the finder (/haku/, a prebuilt sharded lunr index) against Pagefind on the same site.

The named alternative is Pagefind 1.5.2 (pip ``pagefind[extended]``) run with its defaults on the
same built site: it indexes every page's ``<body>`` (experiments, learnings and the listing pages),
detects Finnish from ``<html lang="fi">`` and stems with Snowball, and its browser library
downloads a WebAssembly search engine plus the index chunks and result fragments it needs.

For each size N (number of experiments; benchmarks/synthetic.py adds about N/4 learnings, with
generated Finnish text whose vocabulary grows with N like real text does):

1. **Site build.** ``mkdocs build`` of the synthetic catalogue in a fresh process, from its folder,
   ``--runs`` times (the median is reported; the last build is the one measured below).
2. **Index build.** The catalogue is loaded once with ``check_catalogue``; then the Python side of
   the finder, ``generator.search.index.build_search_files(catalogue, language)`` (the lunr index,
   its shards, meta.json and the display records, serialized), is timed in this process for
   Finnish, Swedish and English in that order, as a site build makes them (the Swedish and
   English ones reuse what the Finnish one computed that does not depend on the language: the
   document order, the facet values, the bodies' text), ``--runs`` times, at least 5; the
   median of each. Every run starts cold (``generator.search.index.clear_caches()``: no word's stem or
   term remembered from an earlier run, as in a new ``mkdocs build`` process; and no Finnish
   analysis read from an earlier build's ``.cache/kokeilu/``, ``$KOKEILU_CACHE_DIR`` empty, as on
   a fresh checkout or CI without a cache). The same is timed **warm** too: with the analyses of
   an earlier build on disk (generator/search/analyses.py), as in a rebuild or in CI that keeps
   ``.cache/kokeilu/`` between runs, where the analyser is neither loaded nor run. Each language's
   time is also reported against the Finnish one of the same run. The synthetic catalogue has
   no translations, so the Swedish and English indexes hold every entry's Finnish text with
   their own pipelines (which keep more distinct terms than the Finnish one) plus the Finnish
   remainder field: the most they cost. The three together are reported as a share of the site
   build, which includes them (the site build itself is timed cold). Budget: at most 10 %.
   The warm share is the warm index time over the site build less what the cache saves
   (cold index time plus the analyser's loading, minus the warm index time): an estimate of a
   warm site build, not a second one.
3. **Pagefind build.** ``python -m pagefind --site site`` on the built site, ``--runs`` times.
4. **Bytes before the first results**, in headless Chromium (Debian's, ``KOKEILU_CHROMIUM``)
   against the site served on 127.0.0.1 (by nginx when it is installed, ``apt-get install nginx``,
   as a static host would; otherwise by Python's ``http.server``), once per query,
   each in a fresh browser context (empty cache):
   - ours: open ``/haku/?q=<query>`` and wait for the first ``kk-finder:rendered`` event with that
     query (the first page of 10 results is on screen);
   - Pagefind: open a page written into the built site (``pagefind-bench.html``) that imports
     ``/pagefind/pagefind.js``, runs ``search(q)`` and loads ``data()`` of the first 10 results.

   Only search-specific responses count: everything under ``/assets/haku/`` and ``/haku/data/``
   for ours (lunr.js, lunr-languages, finder.js, meta.json, shards, record chunks), everything
   under ``/pagefind/`` for Pagefind (pagefind.js, the WebAssembly engine, entry, meta, index
   chunks, fragments). The page itself, the theme's CSS and JS are not counted for either. Each
   response body counts as a static host would serve it: gzip level 6 of the body, or the body
   as is when that is smaller (Pagefind's own files are already gzip-compressed). The median over
   the queries is reported. Budgets: at 1,000 ours at most Pagefind's; at 10,000 at most 1.5x.
5. **Query time after load**, ``--runs`` fresh page loads per tool:
   - ours: load ``/haku/``, wait for the first render, type one warm-up query (which loads lunr.js),
     then fill the search field with each query in turn and read ``detail.ms`` of the
     ``kk-finder:rendered`` event for it (finder.js measures from the input to the results on
     screen: shard and record downloads, search, facet counts, rendering);
   - Pagefind: load the bench page, run the same warm-up query (which loads its WebAssembly), then
     time ``await search(q)`` plus ``data()`` of the first 10 results for each query.

   Each query runs twice: first cold (its own index pieces and result records are downloaded;
   this is the reported median and 90th percentile, and the budget), then warm (typed again,
   everything cached: the search and the rendering alone). Downloads come from the local server
   (keep-alive HTTP/1.1): no network latency or bandwidth limit, so on a real connection both
   tools take longer, the more so the more requests they make.

   Median and 90th percentile over queries x runs. Budget: ours at most 50 ms median at 10,000.

Everything runs offline; temporary folders are removed. Run from the repository root (the
default takes about 15 minutes on 2 cores, most of it the three site builds at 10,000):

    python benchmarks/search.py                          # N = 1,000 and 10,000, 3 runs each
    python benchmarks/search.py --sizes 1000 --runs 1 --json search.json
    python benchmarks/search.py --index-only             # only step 2, the index build per language
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from results import machine, save  # noqa: E402
from synthetic import make_synthetic  # noqa: E402

from generator.content.check import check_catalogue  # noqa: E402
from generator.core.schema import load_schema  # noqa: E402
from generator.search.analyses import CACHE_ENV  # noqa: E402
from generator.search.index import build_search_files, clear_caches, data_dir  # noqa: E402

CHROMIUM = os.environ.get("KOKEILU_CHROMIUM", "/usr/bin/chromium")
# Base forms, inflected forms (stemming), a compound and two-word queries; all occur in the
# synthetic text at every size.
QUERIES = (
    "kunta",
    "kunnissa",
    "kuntien",
    "perustulon",
    "nuoret työllisyys",
    "kiertotalous",
    "kirjastossa",
    "sähköautojen",
    "tekoälyn",
    "asukkaiden osallisuus",
    "kyläkoulu",
    "maahanmuuttajien",
)
WARM_UP = "kokeilu"
OURS_PREFIXES = ("/assets/haku/", "/haku/data/")
PAGEFIND_PREFIXES = ("/pagefind/",)
RESULTS_SHOWN = 10
TIMEOUT_MS = 120_000
# The site's languages, in the order a site build makes their finder data.
LANGUAGES = ("fi", "sv", "en")

PAGEFIND_BENCH = """<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>Pagefind benchmark</title></head>
<body><script type="module">
const pf = await import('/pagefind/pagefind.js');
async function run(q) {
  const start = performance.now();
  const search = await pf.search(q);
  const shown = await Promise.all(search.results.slice(0, RESULTS_SHOWN).map((r) => r.data()));
  return {query: q, count: search.results.length, shown: shown.length, ms: performance.now() - start};
}
window.pagefindBench = run;
const q = new URLSearchParams(location.search).get('q');
window.pagefindDone = q ? await run(q) : {ready: true};
</script></body></html>
""".replace("RESULTS_SHOWN", str(RESULTS_SHOWN))

# Collects every kk-finder:rendered event (capture phase, so it need not bubble).
EVENTS_SCRIPT = """
window.kkEvents = [];
window.addEventListener('kk-finder:rendered', (e) => window.kkEvents.push(e.detail), true);
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def served_size(body: bytes) -> int:
    """Bytes on the wire from a static host: gzip level 6, unless the body is smaller as is."""
    return min(len(body), len(gzip.compress(body, compresslevel=6, mtime=0)))


def timed(func: Callable, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# --- building --------------------------------------------------------------------------------------


def build_site(root: Path) -> float:
    site = root / "site"
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        cwd=root,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", CACHE_ENV: ""},  # cold: no analyses on disk
    )
    return time.perf_counter() - start


def run_pagefind(site: Path) -> float:
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site)], check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def index_times(catalogue, runs: int, cache: Path | None = None) -> dict[str, list[float]]:
    """Seconds per language, each run in site-build order (fi, sv, en) and cold: nothing
    remembered in the process; with ``cache``, the analyses of an earlier build read from that
    folder (warm: one untimed build writes them first), else none."""
    times: dict[str, list[float]] = {language: [] for language in LANGUAGES}
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(cache) if cache else ""
    try:
        if cache:
            clear_caches()
            for language in LANGUAGES:
                build_search_files(catalogue, language)
        for _ in range(runs):
            clear_caches()
            for language in LANGUAGES:
                seconds, files = timed(build_search_files, catalogue, language)
                times[language].append(seconds)
                del files
        clear_caches()
    finally:
        if before is None:
            del os.environ[CACHE_ENV]
        else:
            os.environ[CACHE_ENV] = before
    return times


_ANALYSER_LOAD = """
import time
from generator.search.morphology import related_words
start = time.perf_counter()
related_words("kokeilussa")
print(time.perf_counter() - start)
"""


def analyser_load() -> float:
    """Seconds to load the Finnish analyser (pyvoikko, generator/search/morphology.py) and analyse
    one word, in a new process (pyvoikko keeps its dictionary for the life of a process): paid
    once per site build process, so it counts in the index's share (0 for a checkout without
    it)."""
    try:
        import generator.search.morphology  # noqa: F401
    except ImportError:
        return 0.0
    done = subprocess.run(
        [sys.executable, "-c", _ANALYSER_LOAD],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, CACHE_ENV: ""},  # the analyser itself, not an earlier build's answer
    )
    return float(done.stdout.strip())


def index_row(times: dict[str, list[float]]) -> dict:
    """Medians per language, each language against Finnish (per run, then the median), the sum."""
    fi = times["fi"]
    return {
        "index_build_s": statistics.median(fi),
        "index_s": {language: statistics.median(values) for language, values in times.items()},
        "index_vs_fi": {
            language: statistics.median(v / f for v, f in zip(values, fi, strict=True))
            for language, values in times.items()
        },
        "index_all_s": statistics.median(sum(run) for run in zip(*times.values(), strict=True)),
    }


def warm_row(times: dict[str, list[float]]) -> dict[str, float]:
    """Warm medians: per language and of the three together."""
    row = {language: statistics.median(values) for language, values in times.items()}
    row["all"] = statistics.median(sum(run) for run in zip(*times.values(), strict=True))
    return row


def data_sizes(site: Path) -> dict:
    """The finder's files at this size: meta.json, shards and record chunks (raw and served)."""

    def sizes(paths: list[Path]) -> dict:
        served = [served_size(p.read_bytes()) for p in paths]
        return {
            "files": len(paths),
            "raw_bytes": sum(p.stat().st_size for p in paths),
            "served_bytes": sum(served),
            "served_median": statistics.median(served) if served else 0,
            "served_max": max(served, default=0),
        }

    data = site / "haku/data"
    pagefind = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    languages = {
        language: sizes(sorted((site / data_dir(language)).rglob("*.json")))
        for language in LANGUAGES
        if (site / data_dir(language)).is_dir()
    }
    return {
        "meta": sizes([data / "meta.json"]),
        "shards": sizes(sorted((data / "terms").glob("*.json"))),
        "docs": sizes(sorted((data / "docs").glob("*.json"))),
        "scripts": sizes(sorted((site / "assets/haku").glob("*.js"))),
        "pagefind": sizes(pagefind),
        "languages": languages,
    }


# --- the browser -----------------------------------------------------------------------------------


# A static file server in its own process (so it does not share a GIL with Playwright's driver),
# on a free port that it prints first.
_SERVER = """
import functools, sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

class Quiet(SimpleHTTPRequestHandler):
    # Keep-alive, as static hosts serve: a page's many small requests reuse their connections.
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=sys.argv[1]))
print(httpd.server_address[1], flush=True)
httpd.serve_forever()
"""


NGINX_CONFIG = """
{user}
daemon off;
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
    }}
}}
"""


class Server:
    """The built site on 127.0.0.1: nginx when it is installed (a static host, as in production),
    otherwise Python's ``http.server`` (keep-alive) in a child process. ``name`` says which."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.nginx = shutil.which("nginx") or (
            "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
        )
        self.name = "nginx" if self.nginx else "http.server"

    def __enter__(self) -> Server:
        if self.nginx:
            self.tmp = tempfile.TemporaryDirectory(prefix="kokeilu-nginx-")
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            config = Path(self.tmp.name) / "nginx.conf"
            # As root, nginx's workers would run as nobody, who may not read a private temp folder.
            user = "user root;" if os.geteuid() == 0 else ""
            config.write_text(NGINX_CONFIG.format(user=user, tmp=self.tmp.name, port=port, site=self.site))
            self.process = subprocess.Popen(
                [self.nginx, "-c", str(config), "-e", f"{self.tmp.name}/error.log"]
            )
            self.url = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                        break
                except OSError:
                    time.sleep(0.05)
            return self
        self.tmp = None
        self.process = subprocess.Popen(
            [sys.executable, "-c", _SERVER, str(self.site)], stdout=subprocess.PIPE, text=True
        )
        self.url = f"http://127.0.0.1:{int(self.process.stdout.readline())}"
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        if self.tmp:
            self.tmp.cleanup()


def counted_bytes(responses: list, prefixes: tuple[str, ...]) -> tuple[int, int]:
    """(served bytes, requests) of the responses whose path starts with one of ``prefixes``."""
    total = requests = 0
    for response in responses:
        if urlsplit(response.url).path.startswith(prefixes) and response.status == 200:
            total += served_size(response.body())
            requests += 1
    return total, requests


def first_results_ours(browser, base: str, query: str) -> dict:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(EVENTS_SCRIPT)
        responses: list = []
        page.on("response", lambda response: responses.append(response))
        page.goto(f"{base}/haku/?q={quote(query)}")
        page.wait_for_function(
            "q => window.kkEvents.some((e) => e.query === q)", arg=query, timeout=TIMEOUT_MS
        )
        event = page.evaluate("q => window.kkEvents.find((e) => e.query === q)", query)
        served, requests = counted_bytes(responses, OURS_PREFIXES)
        return {"query": query, "bytes": served, "requests": requests, "count": event["count"]}
    finally:
        context.close()


def first_results_pagefind(browser, base: str, query: str) -> dict:
    context = browser.new_context()
    try:
        page = context.new_page()
        responses: list = []
        page.on("response", lambda response: responses.append(response))
        page.goto(f"{base}/pagefind-bench.html?q={quote(query)}")
        page.wait_for_function("() => window.pagefindDone", timeout=TIMEOUT_MS)
        done = page.evaluate("() => window.pagefindDone")
        served, requests = counted_bytes(responses, PAGEFIND_PREFIXES)
        return {"query": query, "bytes": served, "requests": requests, "count": done["count"]}
    finally:
        context.close()


def query_times_ours(browser, base: str, queries: tuple[str, ...]) -> dict[str, list[float]]:
    """``detail.ms`` per query: "cold" the first time (its shards and records downloaded),
    "warm" when it is typed again (everything cached)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(EVENTS_SCRIPT)
        page.goto(f"{base}/haku/")
        page.wait_for_function("() => window.kkEvents.length > 0", timeout=TIMEOUT_MS)

        def run(query: str) -> float:
            page.evaluate("() => { window.kkEvents = []; }")
            page.fill("#kk-finder-q", query)
            page.wait_for_function(
                "q => window.kkEvents.some((e) => e.query === q)", arg=query, timeout=TIMEOUT_MS
            )
            return page.evaluate("q => window.kkEvents.find((e) => e.query === q).ms", query)

        run(WARM_UP)
        cold = [run(query) for query in queries]
        return {"cold": cold, "warm": [run(query) for query in queries]}
    finally:
        context.close()


def query_times_pagefind(browser, base: str, queries: tuple[str, ...]) -> dict[str, list[float]]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/pagefind-bench.html")
        page.wait_for_function("() => window.pagefindDone", timeout=TIMEOUT_MS)

        def run(query: str) -> float:
            return page.evaluate("q => window.pagefindBench(q)", query)["ms"]

        run(WARM_UP)
        cold = [run(query) for query in queries]
        return {"cold": cold, "warm": [run(query) for query in queries]}
    finally:
        context.close()


def measure_browser(site: Path, runs: int, queries: tuple[str, ...]) -> dict:
    from playwright.sync_api import sync_playwright

    (site / "pagefind-bench.html").write_text(PAGEFIND_BENCH, encoding="utf-8")
    with Server(site) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            ours = [first_results_ours(browser, server.url, q) for q in queries]
            pagefind = [first_results_pagefind(browser, server.url, q) for q in queries]
            ms: dict[str, dict[str, list[float]]] = {
                tool: {"cold": [], "warm": []} for tool in ("ours", "pagefind")
            }
            for _ in range(runs):
                for tool, measure in (("ours", query_times_ours), ("pagefind", query_times_pagefind)):
                    for state, values in measure(browser, server.url, queries).items():
                        ms[tool][state] += values
        finally:
            browser.close()
    return {"first": {"ours": ours, "pagefind": pagefind}, "ms": ms, "server": server.name}


# --- the benchmark ---------------------------------------------------------------------------------


def run_size(count: int, runs: int, seed: int, queries: tuple[str, ...]) -> dict:
    with tempfile.TemporaryDirectory(prefix="kokeilu-search-") as tmp:
        root = Path(tmp)
        seconds, _ = timed(make_synthetic, root, count, seed)
        log(f"N={count}: synthetic catalogue written in {seconds:.1f} s")
        builds = []
        for run in range(runs):
            builds.append(build_site(root))
            log(f"N={count}: site build {run + 1}/{runs}: {builds[-1]:.1f} s")
        site = root / "site"
        assert (site / "haku/data/meta.json").is_file(), "the build wrote no haku/data/meta.json"

        catalogue = check_catalogue(root, load_schema())
        assert not catalogue.errors, catalogue.errors[:5]
        documents = len(catalogue.experiments) + len(catalogue.learnings)
        analyser = analyser_load()
        # Cheap beside a site build, and this machine is noisy: at least 5 runs.
        index = {
            **index_row(index_times(catalogue, max(runs, 5))),
            "analyser_load_s": analyser,
            "index_warm_s": warm_row(index_times(catalogue, max(runs, 5), root / ".cache-warm")),
        }
        log(f"N={count}: index build " + ", ".join(f"{k} {v:.2f} s" for k, v in index["index_s"].items()))
        del catalogue

        pagefind_builds = []
        for _ in range(runs):
            pagefind_builds.append(run_pagefind(site))
        log(f"N={count}: Pagefind {statistics.median(pagefind_builds):.1f} s")

        sizes = data_sizes(site)
        browser = measure_browser(site, runs, queries)
        log(f"N={count}: browser measurements done")

    first, ms = browser["first"], browser["ms"]
    row = {
        "experiments": count,
        "documents": documents,
        "site_build_s": statistics.median(builds),
        **index,
        "pagefind_build_s": statistics.median(pagefind_builds),
        "first_results_bytes": {
            "ours": statistics.median(r["bytes"] for r in first["ours"]),
            "pagefind": statistics.median(r["bytes"] for r in first["pagefind"]),
        },
        "query_ms": {
            tool: {
                "median": statistics.median(states["cold"]),
                "p90": percentile(states["cold"], 0.9),
                "warm_median": statistics.median(states["warm"]),
            }
            for tool, states in ms.items()
        },
        "per_query": [
            {
                "query": o["query"],
                "ours_bytes": o["bytes"],
                "ours_requests": o["requests"],
                "ours_count": o["count"],
                "pagefind_bytes": f["bytes"],
                "pagefind_requests": f["requests"],
                "pagefind_count": f["count"],
            }
            for o, f in zip(first["ours"], first["pagefind"], strict=True)
        ],
        "sizes": sizes,
        "server": browser["server"],
        "raw_ms": ms,
    }
    cold = row["index_all_s"] + row["analyser_load_s"]
    row["index_share"] = cold / row["site_build_s"]
    warm = row["index_warm_s"]["all"]
    row["index_share_warm"] = warm / (row["site_build_s"] - cold + warm)
    row["bytes_ratio"] = row["first_results_bytes"]["ours"] / row["first_results_bytes"]["pagefind"]
    row["query_ratio"] = row["query_ms"]["ours"]["median"] / row["query_ms"]["pagefind"]["median"]
    return row


def run_index_only(count: int, runs: int, seed: int) -> dict:
    """Only the index build per language, on a synthetic catalogue (no site, no browser)."""
    with tempfile.TemporaryDirectory(prefix="kokeilu-search-") as tmp:
        root = Path(tmp)
        make_synthetic(root, count, seed)
        catalogue = check_catalogue(root, load_schema())
        assert not catalogue.errors, catalogue.errors[:5]
        documents = len(catalogue.experiments) + len(catalogue.learnings)
        analyser = analyser_load()
        row = {
            "experiments": count,
            "documents": documents,
            **index_row(index_times(catalogue, max(runs, 5))),
            "analyser_load_s": analyser,
            "index_warm_s": warm_row(index_times(catalogue, max(runs, 5), root / ".cache-warm")),
        }
        files = {language: build_search_files(catalogue, language) for language in LANGUAGES}
        row["data_kb"] = {
            language: sum(len(f.content) for f in found) / 1000 for language, found in files.items()
        }
        clear_caches()
        log(f"N={count}: index build " + ", ".join(f"{k} {v:.2f} s" for k, v in row["index_s"].items()))
    return row


def print_index_table(rows: list[dict], runs: int) -> None:
    print(f"Finder index build per language, cold, median of {max(runs, 5)} runs; {machine()}")
    head = f"{'N':>6} | {'fi s':>6} {'sv s':>6} {'x fi':>5} {'en s':>6} {'x fi':>5} {'all s':>6}"
    print(head + " | data MB fi / sv / en")
    for r in rows:
        s, x = r["index_s"], r["index_vs_fi"]
        data = r.get("data_kb") or {
            k: v["raw_bytes"] / 1000 for k, v in r.get("sizes", {}).get("languages", {}).items()
        }
        sizes = " / ".join(f"{data[k] / 1000:.1f}" for k in LANGUAGES if k in data)
        print(
            f"{r['experiments']:>6} | {s['fi']:>6.2f} {s['sv']:>6.2f} {x['sv']:>4.2f}x {s['en']:>6.2f} "
            f"{x['en']:>4.2f}x {r['index_all_s']:>6.2f} | {sizes}"
        )
    print("x fi: the language's time over the Finnish one of the same run (median over runs).")
    for r in rows:
        load = r.get("analyser_load_s", 0)
        print(f"  N={r['experiments']}: loading the Finnish analyser {load:.2f} s (once)")
        warm = r.get("index_warm_s")
        if warm:
            share = f", {r['index_share_warm']:.1%} of the site build" if "index_share_warm" in r else ""
            print(
                f"  N={r['experiments']}: warm (the analyses of an earlier build in .cache/kokeilu/, no "
                f"analyser loaded): fi {warm['fi']:.2f} s, sv {warm['sv']:.2f} s, en {warm['en']:.2f} s, "
                f"all {warm['all']:.2f} s{share}"
            )


def bytes_budget(count: int) -> float:
    return 1.0 if count <= 1000 else 1.5


def print_table(rows: list[dict], runs: int) -> None:
    servers = ", ".join(sorted({r["server"] for r in rows}))
    print(f"Finder (prebuilt sharded lunr) vs Pagefind 1.5.2, median of {runs} runs; {machine()}")
    print(f"Site served on 127.0.0.1 by {servers}")
    print(
        f"{'N':>6} | {'site s':>6} {'index s':>7} {'share':>6} {'pf s':>5} | "
        f"{'ours KB':>7} {'pf KB':>6} {'ratio':>6} | "
        f"{'ours ms':>7} {'p90':>5} {'warm':>5} {'pf ms':>6} {'p90':>5} {'warm':>5} {'ratio':>6}"
    )
    for r in rows:
        b, q = r["first_results_bytes"], r["query_ms"]
        print(
            f"{r['experiments']:>6} | {r['site_build_s']:>6.1f} {r['index_all_s']:>7.2f} "
            f"{r['index_share']:>5.1%} {r['pagefind_build_s']:>5.1f} | "
            f"{b['ours'] / 1000:>7.1f} {b['pagefind'] / 1000:>6.1f} {r['bytes_ratio']:>5.2f}x | "
            f"{q['ours']['median']:>7.1f} {q['ours']['p90']:>5.1f} {q['ours']['warm_median']:>5.1f} "
            f"{q['pagefind']['median']:>6.1f} {q['pagefind']['p90']:>5.1f} "
            f"{q['pagefind']['warm_median']:>5.1f} {r['query_ratio']:>5.2f}x"
        )
    print("index s: the three languages' finder data (fi + sv + en), cold; share: of the site build,")
    print("with the Finnish analyser's loading (once per build). Warm (cached analyses): below.")
    print("Budgets: index build <= 10 % of the site build; first-results bytes ours <= 1x Pagefind's at")
    print("1,000 and <= 1.5x at 10,000; median query time <= 50 ms at 10,000 (ms: a query's first run,")
    print("its downloads included; warm: the same query again, its data cached).")
    for r in rows:
        n = r["experiments"]
        checks = [
            ("index share", r["index_share"] <= 0.10),
            ("bytes", r["bytes_ratio"] <= bytes_budget(n)),
        ]
        if n >= 10000:
            checks.append(("query ms", r["query_ms"]["ours"]["median"] <= 50))
        verdict = ", ".join(f"{name} {'ok' if good else 'OVER'}" for name, good in checks)
        print(f"  N={n}: {verdict}")
    print("Files (KB raw / KB served: gzip -6 or raw, whichever is smaller):")
    for r in rows:
        s = r["sizes"]
        shards, docs, kb = s["shards"], s["docs"], 1000
        print(
            f"  N={r['experiments']}: meta.json {s['meta']['raw_bytes'] / kb:.0f} / "
            f"{s['meta']['served_bytes'] / kb:.0f}; {shards['files']} shards "
            f"{shards['raw_bytes'] / kb:.0f} / "
            f"{shards['served_bytes'] / kb:.0f} (median {shards['served_median'] / kb:.1f}, max "
            f"{shards['served_max'] / kb:.1f}); {docs['files']} record chunks, median "
            f"{docs['served_median'] / kb:.1f}; scripts {s['scripts']['served_bytes'] / kb:.0f}; "
            f"Pagefind {s['pagefind']['files']} files {s['pagefind']['served_bytes'] / kb:.0f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--index-only",
        action="store_true",
        help="only time the index build per language (no site, no browser)",
    )
    args = parser.parse_args()
    start = time.perf_counter()
    if args.index_only:
        rows = [run_index_only(count, args.runs, args.seed) for count in args.sizes]
        print_index_table(rows, args.runs)
        print(f"Total time {time.perf_counter() - start:.0f} s")
        save(args.json, args.runs, rows)
        return 0
    if not Path(CHROMIUM).exists():
        parser.error(f"no Chromium at {CHROMIUM} (set KOKEILU_CHROMIUM)")
    rows = [run_size(count, args.runs, args.seed, QUERIES) for count in args.sizes]
    print_table(rows, args.runs)
    print_index_table(rows, args.runs)
    print(f"Total time {time.perf_counter() - start:.0f} s")
    save(args.json, args.runs, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
