"""Screenshots of every page type, at 1280x800 and 390x844, in Finnish, Swedish and English.

A reviewer's tool, not a test: it builds the site (or takes a built one), serves it on
127.0.0.1, and writes one full-page PNG per page type, size and language into OUT:

    python benchmarks/screenshots.py OUT                  # build this repository's site first
    python benchmarks/screenshots.py OUT --site site/     # an already built site
    python benchmarks/screenshots.py OUT --only home,finder-query --sizes 390x844 --langs fi
    python benchmarks/screenshots.py OUT --dark           # also in the dark palette

File names are ``<type>-<lang>-<width>x<height>[-dark].png``. The pages are chosen from the
built site (the first experiment and learning folders, the first theme, region and level),
never by name. ``--viewport`` keeps only the first screen instead of the whole page.
Uses Debian's Chromium (/usr/bin/chromium, or KOKEILU_CHROMIUM).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("KOKEILU_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SIZES = ("1280x800", "390x844")


def _site_path() -> str:
    """The path of mkdocs.yml's site_url ("/kokeilukatalogi/"), under which 404.html links."""
    import re
    from urllib.parse import urlsplit

    found = re.search(r"^site_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    path = urlsplit(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


SITE_PATH = _site_path()
LANGS = ("fi", "sv", "en")
# Page types whose URL is fixed (relative to a language's root).
FIXED = {
    "home": "",
    "finder": "haku/",
    "finder-query": "haku/?q=kunta",
    "experiments": "kokeilut/",
    "learnings": "opit/",
    "themes": "teemat/",
    "regions": "alueet/",
    "levels": "tasot/",
    "statistics": "tilastot/",
    "open-data": "avoin-data/",
    "guide": "opas/",
    "contribute": "osallistu/",
    "fields": "osallistu/kentat/",
    "accessibility": "saavutettavuusseloste/",
    "not-found": "ei-tallaista-sivua/",
}
# Page types taken as the first sub-folder (sorted) of a listing folder.
FIRST_IN = {
    "experiment": "kokeilut",
    "learning": "opit",
    "theme": "teemat",
    "region": "alueet",
    "level": "tasot",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        # 404.html links its assets under site_url's path (/kokeilukatalogi/): serve them too.
        if SITE_PATH != "/" and path.startswith(SITE_PATH):
            path = "/" + path[len(SITE_PATH) :]
        return super().translate_path(path)

    def send_head(self):
        # Like GitHub Pages: a missing path gets the site's 404.html with status 404.
        path = Path(self.translate_path(self.path))
        root = Path(self.directory)
        if not path.exists() and (root / "404.html").is_file():
            body = (root / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@contextmanager
def serve(folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _Quiet) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 by ``handler_class``; yields the base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build(out: Path) -> Path:
    """A strict MkDocs build of this repository into ``out``."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.chdir(REPO)
    mkdocs_build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(out), strict=True))
    return out


def page_types(site: Path) -> dict[str, str]:
    """Every page type's path relative to a language root, the chosen sub-pages included."""
    types = dict(FIXED)
    for name, folder in FIRST_IN.items():
        subs = sorted(p.name for p in (site / folder).iterdir() if (p / "index.html").is_file())
        if subs:
            types[name] = f"{folder}/{subs[0]}/"
    return types


def shoot(
    site: Path,
    out: Path,
    only: set[str],
    sizes: list[str],
    langs: list[str],
    dark: bool,
    viewport: bool,
):
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    types = {k: v for k, v in page_types(site).items() if not only or k in only}
    schemes = ["light", "dark"] if dark else ["light"]
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for size in sizes:
            width, height = (int(n) for n in size.split("x"))
            for scheme in schemes:
                context = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme
                )
                page = context.new_page()
                for lang in langs:
                    prefix = "" if lang == "fi" else f"{lang}/"
                    for name, path in sorted(types.items()):
                        page.goto(base + prefix + path, wait_until="networkidle")
                        if name.startswith("finder"):
                            page.wait_for_selector("#kk-finder[data-state=ready]", timeout=10_000)
                        suffix = "-dark" if scheme == "dark" else ""
                        target = out / f"{name}-{lang}-{size}{suffix}.png"
                        page.screenshot(path=str(target), full_page=not viewport)
                        print(target)
                context.close()
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--site", type=Path, help="an already built site (default: build this repository)")
    parser.add_argument("--only", default="", help="comma-separated page types (default: all)")
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--dark", action="store_true", help="also take each page in the dark palette")
    parser.add_argument("--viewport", action="store_true", help="only the first screen, not the whole page")
    args = parser.parse_args(argv)
    only = {name for name in args.only.split(",") if name}
    args.out = args.out.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site.resolve() if args.site else build(Path(tmp) / "site")
        shoot(site, args.out, only, args.sizes.split(","), args.langs.split(","), args.dark, args.viewport)
    return 0


if __name__ == "__main__":
    sys.exit(main())
