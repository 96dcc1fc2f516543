"""The same catalogue built by three engines, and what may differ between the builds.

- ``mkdocs``: the repository as it is, ``mkdocs build --strict`` with our plugin (the reference);
- ``properdocs``: the repository as it is, ``properdocs build --strict`` (ProperDocs, the fork of
  MkDocs 1.x, runs our plugin unchanged);
- ``zensical``: ``kokeilu render`` of the repository, then ``zensical build --strict`` of that tree
  (Zensical skips plugins it does not know, so it gets the plan written out as Markdown).

ProperDocs and Zensical run as child processes, the way a maintainer runs them: ProperDocs
redirects every ``import mkdocs`` in its process to itself, which must not happen to the MkDocs
builds of the test session. A missing engine fails with the command that installs it; it never
skips (a comparison that did not run proves nothing).

``DIFFERENCES`` names everything a build may show differently from the MkDocs build. The
comparison tests (tests/tooling/test_engines.py) normalise only what a difference names, each
difference has a test of its own that shows it is still there and still only that, and the
developer page docs/engines.md documents each one by its id.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from generator.content.check import load_catalogue
from generator.engines.render import plugin_options, read_site_config, render_site
from generator.site.planner import SitePlan, plan_site

ENGINES = ("mkdocs", "properdocs", "zensical")
OTHER_ENGINES = ENGINES[1:]
INSTALL_HINT = 'install the test dependencies: pip install -e ".[test]"'


@dataclass(frozen=True)
class Difference:
    """Something a build shows differently from the MkDocs build, on purpose or by necessity."""

    id: str
    engines: tuple[str, ...]
    what: str


DIFFERENCES = (
    Difference(
        "generator",
        ("properdocs", "zensical"),
        '<meta name="generator"> names the engine that built the page.',
    ),
    Difference(
        "json-ld",
        ("zensical",),
        "No schema.org JSON-LD in <head>: only the plugin may set page.meta.kk_json_ld "
        "(theme/main.html prints it unescaped), and the rendered tree has no plugin.",
    ),
    Difference(
        "sitemap-dates",
        ("zensical",),
        "sitemap.xml lists the same pages without <lastmod> (the plugin's dates from git), and "
        "there is no sitemap.xml.gz.",
    ),
    Difference(
        "theme-assets",
        ("zensical",),
        "Zensical's own build of the theme: its JavaScript bundle and stylesheets (the "
        '"classic" variant, Material\'s look), and "Zensical" in the footer credit.',
    ),
    Difference(
        "skip-anchor",
        ("zensical",),
        'The "skip to content" link is on every page and goes to an empty <a id="__skip"> at the '
        "top of the article; Material's goes to the first heading of the page's table of contents "
        "and is left out where there is none.",
    ),
    Difference(
        "code-highlighting",
        ("zensical",),
        "Fenced code is highlighted with Pygments (Zensical always adds SuperFences); the text "
        "of every code block is the same.",
    ),
    Difference(
        "language-chrome",
        ("zensical",),
        "On the Swedish and English pages the navigation and the site name (header, <title>, "
        "og:site_name) are the Finnish ones of mkdocs.yml: only the plugin translates them, and "
        "Zensical has one navigation for the whole site. Page content, <html lang>, the language "
        "switcher, hreflang and Material's own words are the same.",
    ),
    Difference(
        "empty-search-index",
        ("zensical",),
        "Zensical writes an empty search.json although the rendered tree turns its search off; "
        "no page loads it, and the finder at /haku/ stays the only search.",
    ),
)
DIFFERENCE_IDS = frozenset(d.id for d in DIFFERENCES)


def differs(engine: str, difference: str) -> bool:
    """Whether ``engine``'s build may show the named difference."""
    (found,) = [d for d in DIFFERENCES if d.id == difference]
    return engine in found.engines


# -- building ---------------------------------------------------------------------------------


def _run(args: list[str], cwd: Path, what: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "NO_COLOR": "1"}
    try:
        result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=600)
    except FileNotFoundError:  # pragma: no cover - sys.executable always exists
        raise AssertionError(f"{what}: cannot run {args[0]}") from None
    if result.returncode != 0:
        if "No module named" in result.stderr:
            raise AssertionError(f"{what}: the engine is not installed: {INSTALL_HINT}\n{result.stderr}")
        raise AssertionError(f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def properdocs_build(root: Path, site_dir: Path) -> Path:
    """``properdocs build --strict`` of the catalogue at ``root`` into ``site_dir``."""
    config = root / "mkdocs.yml"
    args = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    _run(args, root, "properdocs build")
    return site_dir


def zensical_build(root: Path, out: Path) -> Path:
    """``kokeilu render --out OUT`` of the catalogue at ``root``, then ``zensical build --strict``
    of the tree; returns the built site, ``OUT/site`` (Zensical keeps site_dir inside the
    project)."""
    render_site(root, out)
    _run(
        [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(out / "mkdocs.yml")],
        out,
        "zensical build",
    )
    return out / "site"


def site_plan(root: Path) -> SitePlan:
    """The page plan of the catalogue at ``root``, with the options its mkdocs.yml gives the plugin."""
    options = plugin_options(read_site_config(root))
    return plan_site(load_catalogue(root), str(options.get("edit_url") or ""), options.get("page_size"))


def site_root(root: Path) -> str:
    """The path the site is published under (site_url's path), which 404.html links from."""
    url = read_site_config(root).get("site_url") or ""
    return urlsplit(str(url)).path or "/"


# -- reading a built page ---------------------------------------------------------------------


def page_file(site: Path, url: str) -> Path:
    """The HTML file of a directory URL (``/kokeilut/x/``)."""
    return site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
_SKIP_ANCHOR = '<a id="__skip" tabindex="-1"></a>'
_CODE = re.compile(r'(?:<div class="highlight">)?<pre[^>]*>(.*?)</pre>(?:</div>)?', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def article(page: Path, engine: str) -> str:
    """The page's content as Markdown made it, whitespace evened out, with the named differences
    of ``engine`` normalised away. Compare a page of ``engine``'s build with the reference
    page read with the same ``engine``."""
    text = page.read_text(encoding="utf-8")
    match = _ARTICLE.search(text)
    assert match, f"{page}: no Material article"
    body = match.group(1)
    if differs(engine, "skip-anchor"):
        body = body.replace(_SKIP_ANCHOR, "", 1)
    if differs(engine, "code-highlighting"):  # code blocks compare by their text
        body = _CODE.sub(
            lambda m: "<pre>" + html.escape(html.unescape(_TAG.sub("", m.group(1)))) + "</pre>", body
        )
    return re.sub(r"\s+", " ", body).strip()


class _Head(HTMLParser):
    """<title>, the <meta> values and the JSON-LD script of a page's <head>, decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in: str | None = None
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        values = dict(attrs)
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key and values.get("content") is not None:
                self.values[key] = values["content"] or ""
        elif tag == "link" and values.get("rel") in ("canonical", "alternate"):
            self.values[f"link:{values['rel']}"] = values.get("href") or ""
        elif tag == "title":
            self._in = "title"
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in = "json-ld"
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._done = True
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.values["title"] = self.values.get("title", "") + data
        elif self._in == "json-ld":
            self.json_ld[-1] += data


def head(page: Path, site: Path | None = None) -> _Head:
    """The page's head; with ``site``, its links as site paths (``./feed.xml`` is ``/feed.xml``)."""
    parser = _Head()
    text = page.read_text(encoding="utf-8")
    end = text.find("</head>")
    parser.feed(text if end < 0 else text[: end + len("</head>")])  # the body is not read
    if site is not None:
        base = _base(site, page)
        for key in [k for k in parser.values if k.startswith("link:")]:
            parser.values[key] = urljoin(base, parser.values[key]).removeprefix("http://site")
    return parser


def _base(site: Path, page: Path) -> str:
    rel = page.parent.relative_to(site).as_posix()
    return "http://site/" if rel == "." else f"http://site/{rel}/"


class _Links(HTMLParser):
    """The links of one element (by class) as (site path of the target, text)."""

    def __init__(self, container_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.container_class = container_class
        self.depth = 0
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.depth:
            if tag not in ("br", "img", "input", "meta", "link"):
                self.depth += 1
            if tag == "a":
                self._href, self._text = values.get("href") or "", ""
        elif self.container_class in (values.get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join(self._text.split())))
            self._href = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text += data


def nav_links(site: Path, page: Path) -> list[tuple[str, str]]:
    """The primary navigation of ``page`` as (site path of each link's target, its text)."""
    text = page.read_text(encoding="utf-8")
    # Material's layout: the primary navigation ends before the content begins. Only that part
    # is parsed, unless the navigation is still open where the content begins.
    found = text.find("md-nav--primary")
    start = text.rfind("<", 0, found) if found >= 0 else 0
    end = text.find('<div class="md-content"', start)
    parser = _Links("md-nav--primary")
    parser.feed(text[start:end] if end >= 0 else text[start:])
    if parser.depth:
        parser = _Links("md-nav--primary")
        parser.feed(text[start:])
    base = _base(site, page)
    return [(urljoin(base, href).removeprefix("http://site"), text) for href, text in parser.links]


def sitemap(site: Path) -> tuple[list[str], int]:
    """The page addresses of sitemap.xml, sorted, and how many carry <lastmod>."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    return sorted(re.findall(r"<loc>(.*?)</loc>", text)), text.count("<lastmod>")


def data_files(site: Path) -> dict[str, bytes]:
    """What the catalogue publishes besides pages: the finder's index and scripts, the open
    data and the feed (the engine's own theme assets are not ours)."""
    found: dict[str, bytes] = {}
    for pattern in (
        "haku/data/**/*",
        "assets/haku/*",
        "data/*",
        "feed.xml",
        "assets/stylesheets/catalogue.css",
    ):
        for path in site.glob(pattern):
            if path.is_file():
                found[path.relative_to(site).as_posix()] = path.read_bytes()
    return found


def unescaped(value: str) -> str:
    return html.unescape(value)
