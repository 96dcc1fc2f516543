"""Lighthouse on the built site: mobile performance (and accessibility, best practices, SEO),
the median of N runs, on the front page, an experiment page and /haku/?q=kunta. Also the
bytes each page type transfers (gzipped, as Lighthouse measures them) and its requests.

A benchmark, not a test: scores depend on the machine. Needs Node and npm's
``lighthouse@12.2.3`` (installed into ``--npm-dir`` on first use: the npm registry is the only
network it needs) and Debian's Chromium (CHROME_PATH, default /usr/bin/chromium). The site is
served by a local HTTP server with gzip, like GitHub Pages. Run from the repository root:

    python benchmarks/lighthouse.py                          # build this repository's site first
    python benchmarks/lighthouse.py --site site/ --runs 3 --json lighthouse.json
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from screenshots import build, page_types, serve  # noqa: E402

VERSION = "lighthouse@12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it (as GitHub Pages serves them)."""

    def log_message(self, format: str, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if not path.is_file() or not wants or path.suffix not in COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def lighthouse_bin(npm_dir: Path) -> Path:
    binary = npm_dir / "node_modules" / ".bin" / "lighthouse"
    if not binary.is_file():
        npm_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "-q", VERSION], cwd=npm_dir, check=True)
    return binary


def run_once(binary: Path, url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--chrome-flags=--headless=new --no-sandbox",
            "--only-categories=" + ",".join(CATEGORIES),
        ],
        env=env,
        check=True,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    items = report["audits"]["network-requests"]["details"]["items"]
    return {
        **{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "lcp_ms": round(report["audits"]["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(report["audits"]["total-blocking-time"]["numericValue"]),
        "cls": round(report["audits"]["cumulative-layout-shift"]["numericValue"], 3),
        "bytes": sum(item.get("transferSize", 0) for item in items),
        "requests": len(items),
    }


def measure(site: Path, runs: int, npm_dir: Path) -> dict[str, dict]:
    binary = lighthouse_bin(npm_dir)
    types = page_types(site)
    targets = {"home": "", "experiment": types["experiment"], "finder-query": "haku/?q=kunta"}
    results: dict[str, dict] = {}
    with serve(site, _GzipHandler) as base, tempfile.TemporaryDirectory() as tmp:
        for name, path in targets.items():
            samples = [run_once(binary, base + path, Path(tmp) / f"{name}-{n}.json") for n in range(runs)]
            results[name] = {
                "path": "/" + path,
                **{key: statistics.median(s[key] for s in samples) for key in samples[0]},
                "performance_runs": [s["performance"] for s in samples],
            }
    return results


def table(results: dict[str, dict]) -> str:
    head = "| page | performance (runs) | accessibility | best practices | SEO | LCP ms | TBT ms | CLS"
    head += " | KiB | requests |"
    lines = [head, "|" + "---|" * 10]
    for name, r in results.items():
        lines.append(
            f"| {name} `{r['path']}` | {r['performance']:g} ({', '.join(map(str, r['performance_runs']))}) "
            f"| {r['accessibility']:g} | {r['best-practices']:g} | {r['seo']:g} | {r['lcp_ms']:g} "
            f"| {r['tbt_ms']:g} | {r['cls']:g} | {r['bytes'] / 1024:.1f} | {r['requests']:g} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site", type=Path, help="an already built site (default: build this repository)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--npm-dir", type=Path, default=Path(tempfile.gettempdir()) / "kokeilu-lighthouse")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site.resolve() if args.site else build(Path(tmp) / "site")
        results = measure(site, args.runs, args.npm_dir.resolve())
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
