"""Privacy: the built site makes no request to another host, no fonts, scripts, images or analytics.

The HTML, CSS and JavaScript of the built site are scanned for asset URLs. Every page and
stylesheet must load everything from the site itself. Material's bundle contains a few
absolute URLs it fetches only in situations this site never creates; each is listed here with
that situation, the situation is checked, and any new URL in any script fails the test.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.support import REPO_ROOT

pytestmark = pytest.mark.e2e

# Attributes through which a browser fetches something by itself, by element.
FETCHING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
# <link rel=…> values that fetch (or connect): everything but canonical, alternate and the like.
FETCHING_LINKS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "preload", "prefetch",
    "modulepreload", "preconnect", "dns-prefetch", "prerender", "mask-icon",
}  # fmt: skip
CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*((?:https?:)?//[^"')\s]+)""", re.IGNORECASE)
ABSOLUTE = re.compile(r"""["'`](https?://[^"'`\s]+)""")

# Absolute URLs in Material's bundle, and why this site never fetches them.
MATERIAL_FETCHES = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "only for a .mermaid element (refused in bodies)",
    "https://unpkg.com/resize-observer-polyfill": "only in a browser without ResizeObserver (before 2020)",
    "https://api.github.com/repos/": "repository facts: only with repo_url, which mkdocs.yml does not set",
    "https://api.github.com/users/": "repository facts: only with repo_url",
    "https://${e}/api/v4/projects/": "GitLab repository facts: only with repo_url",
}


def _external(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme in {"http", "https"}


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.mermaid = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "mermaid" in values.get("class", "").split():
            self.mermaid = True
        names = FETCHING.get(tag, ())
        if tag == "link" and FETCHING_LINKS & set(values.get("rel", "").lower().split()):
            names = ("href", "imagesrcset")
        for name in names:
            for candidate in re.split(r",\s*", values.get(name, "")):
                url = candidate.split(" ")[0]
                if url and _external(url):
                    self.found.append(f"<{tag} {name}={url}>")
        self.found += [f"style url {u}" for u in CSS_URL.findall(values.get("style", ""))]

    def handle_data(self, data: str) -> None:
        pass


def page_fetches(text: str) -> tuple[list[str], bool]:
    """The external URLs a page fetches by itself, and whether it has a .mermaid element."""
    parser = _Assets()
    parser.feed(text)
    inline_css = "".join(re.findall(r"<style[^>]*>(.*?)</style>", text, re.DOTALL | re.IGNORECASE))
    return parser.found + CSS_URL.findall(inline_css), parser.mermaid


def script_addresses(text: str) -> list[str]:
    """Absolute addresses in a script's string literals (comments and licences are not code)."""
    code = re.sub(r"/\*.*?\*/|(?<![:\"'\\])//[^\n]*", "", text, flags=re.DOTALL)
    # XML namespace names look like addresses but are never fetched.
    namespaces = ("http://www.w3.org/", "https://www.w3.org/")
    return [url for url in ABSOLUTE.findall(code) if not url.startswith(namespaces)]


def test_the_scanners_find_third_party_assets():
    page = (
        '<link rel="preconnect" href="https://fonts.gstatic.com"><script src="//cdn.example/a.js"></script>'
        '<img srcset="/a.png 1x, https://img.example/b.png 2x"><p style="background:url(https://t.example/p.gif)">'
        '<style>@import "https://fonts.googleapis.com/css";</style><div class="x mermaid"></div>'
        '<link rel="canonical" href="https://www.example.fi/"><a href="https://www.example.fi/">linkki</a>'
    )
    found, mermaid = page_fetches(page)
    assert found == [
        "<link href=https://fonts.gstatic.com>",
        "<script src=//cdn.example/a.js>",
        "<img srcset=https://img.example/b.png>",
        "style url https://t.example/p.gif",
        "https://fonts.googleapis.com/css",
    ]
    assert mermaid
    assert CSS_URL.findall("a{background:url('https://x.example/i.png')}") == ["https://x.example/i.png"]
    script = (
        'fetch("https://analytics.example/c"); // see https://docs.example/\n/* https://licence.example */'
    )
    assert script_addresses(script) == ["https://analytics.example/c"]


def test_no_page_fetches_from_another_host(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        found, mermaid = page_fetches(page.read_text(encoding="utf-8"))
        assert found == [], f"{page.relative_to(built_site)}: {found}"
        assert not mermaid, f"{page.relative_to(built_site)} has a .mermaid element"


def test_no_stylesheet_fetches_from_another_host(built_site: Path):
    sheets = sorted(built_site.rglob("*.css"))
    assert sheets
    for sheet in sheets:
        assert CSS_URL.findall(sheet.read_text(encoding="utf-8")) == [], sheet


def test_scripts_fetch_nothing_from_another_host_in_this_site(built_site: Path):
    scripts = sorted(built_site.rglob("*.js"))
    assert any("haku" in s.parts for s in scripts), "the finder's scripts are part of the scan"
    for script in scripts:
        for url in script_addresses(script.read_text(encoding="utf-8")):
            known = [k for k in MATERIAL_FETCHES if url.startswith(k)]
            assert known and script.name.startswith("bundle."), f"{script.relative_to(built_site)}: {url}"
    # The situations that would make Material fetch them do not arise here.
    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "repo_url" not in config and "repo_name" not in config
    assert config["theme"].get("font") is False  # no Google Fonts
