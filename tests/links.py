"""Read links out of built HTML and check that internal ones resolve, fragments included."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()
        self.classes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name) is not None:
                self.links.append((tag, values[name] or ""))


@functools.cache
def parse(page: Path) -> _Collector:
    collector = _Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def target_file(
    site: Path, page: Path, url: str, root: str = "/", kind: Callable[[str], str] | None = None
) -> Path | None:
    """The file an internal link from ``page`` points to, or None for external links.

    ``root`` is the path the site is published under (site_url's path): 404.html links to
    "<root>assets/…", because it is served at any depth. A built site holds no symbolic links,
    so the path is normalised as text (``..`` taken out) rather than resolved on the disk.
    ``kind`` tells a file from a folder (``path_kind`` unless a caller remembers its answers)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page
    path = parts.path
    if path.startswith("/"):
        path = path[len(root) :] if path.startswith(root) else "/../outside" + path
        base = site
    else:
        base = page.parent
    target = os.path.normpath(os.path.join(base, unquote(path).lstrip("/")))
    if url.endswith("/") or (kind or path_kind)(target) == "dir":
        target = os.path.join(target, "index.html")
    return Path(target)


def path_kind(path: str) -> str:
    """``"file"``, ``"dir"`` or ``""`` (nothing there)."""
    return "file" if os.path.isfile(path) else "dir" if os.path.isdir(path) else ""


def broken_links(site: Path, root: str = "/") -> list[str]:
    """Every internal link or asset in the built site whose file or #fragment is missing."""
    site = site.resolve()
    kind = functools.cache(path_kind)  # each path looked at once in this call, never reused later
    broken = []
    for page in sorted(site.rglob("*.html")):
        for tag, url in parse(page).links:
            target = target_file(site, page, url, root, kind)
            if target is None:
                continue
            where = f"{page.relative_to(site)}: <{tag}> {url}"
            if not target.is_relative_to(site) or kind(str(target)) != "file":
                broken.append(f"{where} (no file)")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and unquote(fragment) not in parse(target).ids:
                broken.append(f"{where} (no #{fragment})")
    return broken


def page_links(site: Path, page: Path, within: str | None = None) -> set[str]:
    """Site-absolute directory URLs (``/kokeilut/x/``) of the internal pages ``page`` links to.

    ``within`` limits the search to the HTML between a marker and the end of its element list,
    e.g. ``'<ol class="kk-listing"'``.
    """
    html = page.read_text(encoding="utf-8")
    if within is not None:
        start = html.index(within)
        html = html[start : html.index("</ol>", start)]
    collector = _Collector()
    collector.feed(html)
    urls = set()
    for _, url in collector.links:
        target = target_file(site, page, url)
        if target is None or target.suffix != ".html":
            continue
        rel = target.resolve().relative_to(site.resolve()).parent.as_posix()
        urls.add("/" if rel == "." else f"/{rel}/")
    return urls


def listed(site: Path, folder: str) -> set[str]:
    """URLs of the pages listed in the cards of a listing and of all its later pages
    (``<folder>/sivu/2/``, …): what a visitor paging through ``/<folder>/`` can reach."""
    urls: set[str] = set()
    pages = [site / folder / "index.html", *sorted((site / folder / "sivu").glob("*/index.html"))]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        collector = _Collector()
        for listing in re.findall(r'<ol class="kk-listing".*?</ol>', html, re.DOTALL):  # by start year
            collector.feed(listing)
        for _, url in collector.links:
            target = target_file(site, page, url)
            if target is not None and target.suffix == ".html":
                rel = target.resolve().relative_to(site.resolve()).parent.as_posix()
                urls.add(f"/{rel}/")
    return urls


def wrong_term_listings(site: Path, catalogue) -> list[str]:
    """Every term page (and /kokeilut/) whose listing, across all its pages, differs from the
    experiments the catalogue files under that term; empty when every listing is exact."""
    from generator.content.taxonomy import term_ids

    experiment_urls = {e.url for e in catalogue.experiments.values()}
    wrong = []
    if listed(site, "kokeilut") & experiment_urls != experiment_urls:
        wrong.append("kokeilut")
    for spec in catalogue.schema.taxonomies:
        expected: dict[str, set[str]] = {}
        for entry in catalogue.experiments.values():
            for term in term_ids(entry, spec):
                expected.setdefault(term, set()).add(entry.url)
        for term in sorted({*catalogue.vocabularies[spec.vocabulary].ids, *expected}):
            folder = f"{spec.url.strip('/')}/{term}"
            if listed(site, folder) & experiment_urls != expected.get(term, set()):
                wrong.append(folder)
    return wrong
