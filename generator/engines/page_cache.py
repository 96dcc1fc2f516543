"""The persistent page cache of ``mkdocs build`` (docs/performance.md, "The page cache").

Each page is cached in two steps, each under a key made of everything its result depends on
(:mod:`generator.engines.page_store` keeps the entries):

1. **Rendering its Markdown** (``Page.render``): the key is the site's ``base`` (below), the
   page's path and URLs, its Markdown as the plugin hands it to MkDocs, its front matter with
   every ``kk_*`` field the plugin set by then (language, words, site date)
   and its update date. A hit skips Markdown: the stored HTML, table of contents, title (from
   the first heading) and anchors are put back as ``render`` would have set them, so the other
   pages' navigation, previous/next links and anchor checks see exactly what a cold build has.
2. **Rendering its template**: the key is the first one, the digest of the rendering (its
   links may have found other files than when it was stored), the page's final title, and the
   navigation it is shown with (every item's title, URL and front matter, its previous and
   next page and its ancestors), and what its head names: its other languages and its
   structured data (set only while its template renders, so not in the first key). A hit
   renders an empty template and hands MkDocs the stored output in ``on_post_page``.

The finder's Finnish analyses are kept apart, in their own file (generator/search/analyses.py).

The ``base`` holds what every page depends on: the cache's format, Python's and the engine's
versions (MkDocs, Material, Markdown, Jinja and the rest), a digest of the generator package's
own files (the plugin's real version), of the theme folder (custom_dir), mkdocs.yml's text,
and the resolved configuration. A change to any of these makes every page miss. The files a page
links to are not in its key: a rendering is stored with every file its links looked for (and
found or not, at which URL), and it is used only while the site's files give the same answers.

Only ``mkdocs build`` (and ``gh-deploy``) use it: ``mkdocs serve`` has its own loop, and
ProperDocs and ``kokeilu render`` run without it. A cache that cannot be trusted (see
:class:`~generator.engines.page_store.UnreadableCache`) is ignored with one INFO line, not a
WARNING: under ``strict: true`` a warning aborts the build, and a stale cache folder is no
reason to refuse to publish a catalogue that is fine.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import CountHandler

from generator.engines.page_store import FORMAT, PageStore, UnreadableCache, digest, key_of, tree_digest

log = get_plugin_logger(__name__)

# The environment variable that moves the cache (a path, relative to mkdocs.yml's folder) or
# turns it off ("off").
ENVIRONMENT = "KOKEILU_PAGE_CACHE"
DEFAULT_FOLDER = ".cache/kokeilu/pages"
CACHED_TEMPLATE = "kokeilu-cached-page.html"  # an empty template: the output comes from the cache
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "jinja2", "markupsafe", "pymdown-extensions", "pygments")
# Settings that do not change any page (paths of this machine, the dev server, deployment).
_NOT_IN_KEY = {"config_file_path", "docs_dir", "site_dir", "plugins", "hooks", "dev_addr", "watch"}
_NOT_IN_KEY |= {"remote_branch", "remote_name", "strict"}
# Markdown extensions that read files besides the page: their pages cannot be keyed by it.
_READS_OTHER_FILES = ("pymdownx.snippets", "markdown_include.include")


def cache_folder(root: Path, option: str | None) -> Path | None:
    """Where the cache lives: $KOKEILU_PAGE_CACHE, else the plugin's ``page_cache`` option;
    None when either is "off" or empty."""
    chosen = os.environ.get(ENVIRONMENT, option if option is not None else DEFAULT_FOLDER)
    if chosen.strip().lower() in ("", "off", "0", "false", "no"):
        return None
    return root / chosen


def _versions() -> dict[str, str]:
    found = {"python": sys.version}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "-"
    return found


def _config_fingerprint(config: MkDocsConfig, root: Path, options: dict[str, Any]) -> dict[str, Any]:
    settings = {key: value for key, value in config.items() if key not in _NOT_IN_KEY}
    settings["theme"] = dict(config.theme.items())
    settings["theme_static_templates"] = sorted(config.theme.static_templates)
    settings["docs_dir"] = os.path.relpath(config.docs_dir, root)
    settings["catalogue"] = options
    return settings


class PageCache:
    """One build's use of the cache: created in on_config, finished in on_post_build."""

    def __init__(self, store: PageStore, root: Path) -> None:
        self.store = store
        self.root = root
        self.trusted = True
        self.base = ""
        self.render_keys: dict[str, str] = {}  # src_uri → the key of its Markdown rendering
        self.renderings: dict[str, str] = {}  # src_uri → the digest of that rendering
        self.unrendered: dict[str, str] = {}  # src_uri → the key of a rendering to store
        self.lookups: dict[str, dict[str, list | None]] = {}  # src_uri → what its links found
        self.files: Files | None = None
        self.page_keys: dict[str, str] = {}  # src_uri → the key of its output (misses only)
        self.outputs: dict[str, tuple[str, Any]] = {}  # src_uri → (key of its output, its template)
        # The generator package's own files: the plugin's real version.
        self.code = tree_digest([Path(__file__).resolve().parents[1]])
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.warnings)

    @classmethod
    def start(cls, root: Path, config: MkDocsConfig, option: str | None) -> PageCache | None:
        folder = cache_folder(root, option)
        if folder is None:
            return None
        if any(name in config.markdown_extensions for name in _READS_OTHER_FILES):
            log.info("The page cache is off: a Markdown extension reads files besides the page.")
            return None
        cache = cls(PageStore(folder), root)
        try:
            cache.store.open()
        except UnreadableCache as reason:
            cache.distrust(reason)
        return cache

    def distrust(self, reason: UnreadableCache) -> None:
        """Ignore what the cache holds (one INFO line, see the module's docstring)."""
        if self.trusted:
            folder = self.store.folder
            log.info("The page cache in %s was ignored (%s); pages are rendered again.", folder, reason)
        self.trusted = False

    def _get(self, key: str, count: bool = True) -> bytes | None:
        if not self.trusted:
            return None
        try:
            return self.store.get(key, count)
        except UnreadableCache as reason:
            self.distrust(reason)
            return None

    def set_base(self, config: MkDocsConfig, files: Files, options: dict[str, Any]) -> None:
        """Everything every page depends on (on_nav: the files and the configuration are final)."""
        theme = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        self.files = files
        self.base = key_of(
            FORMAT,
            _versions(),
            self.code,
            tree_digest(theme),
            Path(config.config_file_path).read_bytes(),
            _config_fingerprint(config, self.root, options),
        )

    # -- step 1: the Markdown -----------------------------------------------------------------

    def before_render(self, page: Page, markdown: str) -> bool:
        """on_page_markdown, once the front matter is final: whether the stored result of
        rendering this page replaces its ``render`` (then on_page_content gets the stored HTML)."""
        key = key_of(
            self.base,
            "render",
            page.file.src_uri,
            page.file.dest_uri,
            page.url,
            page.canonical_url,
            page.edit_url,
            page.update_date,
            page.title,
            page.meta,
            markdown,
        )
        self.render_keys[page.file.src_uri] = key
        data = self._get(key)
        stored = json.loads(data) if data is not None else None
        if stored is not None and stored["lookups"] == _looked_up(self.files, stored["lookups"]):
            self.renderings[page.file.src_uri] = digest(data)
            page.render = lambda config, files: _restore(page, stored, files)  # type: ignore[method-assign]
            return True
        self.unrendered[page.file.src_uri] = key
        self.lookups[page.file.src_uri] = lookups = {}
        real = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            """The real rendering, with every file its links looked for written down."""
            find = files.get_file_from_path

            def looking(path: str) -> File | None:
                found = find(path)
                lookups[path] = _seen(found)
                return found

            files.get_file_from_path = looking  # type: ignore[method-assign]
            try:
                real(config, files)
            finally:
                del files.get_file_from_path
                del page.render  # MkDocs' own again; this closure is let go

        page.render = render  # type: ignore[method-assign]
        return False

    def after_content(self, page: Page, html: str) -> None:
        """on_page_content's last step: store a new rendering, its HTML as the plugin left it."""
        key = self.unrendered.pop(page.file.src_uri, None)
        if key is not None:
            rendered = {**_rendered(page, html), "lookups": self.lookups.pop(page.file.src_uri)}
            data = json.dumps(rendered, sort_keys=True).encode("utf-8")
            self.renderings[page.file.src_uri] = digest(data)
            self.store.put(key, data)

    # -- step 2: the template -----------------------------------------------------------------

    def before_templates(
        self,
        env: jinja2.Environment,
        pages: list[Page],
        navs: dict[str, Navigation],
        head: Callable[[Page], Any],
    ):
        """on_env: look up every page's output; a hit gets the empty template. ``head(page)``:
        what the plugin puts in the page's head only when its template renders."""
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({CACHED_TEMPLATE: ""}), env.loader])
        fingerprints = {code: key_of(_nav_items(nav.items), _url(nav.homepage)) for code, nav in navs.items()}
        for page in pages:
            src_uri = page.file.src_uri
            if src_uri not in self.render_keys:
                continue
            code = page.meta.get("kk_lang", "")
            key = key_of(
                self.base,
                "page",
                self.render_keys[src_uri],
                self.renderings.get(src_uri),  # what was rendered (links may resolve anew)
                page.title,
                fingerprints.get(code, fingerprints.get("")),
                [(p.title, p.url) if p else None for p in (page.previous_page, page.next_page)],
                [a.title for a in page.ancestors],
                page.is_homepage,
                head(page),
            )
            # Checked now, read again when written (the outputs of a large site do not all
            # stay in memory).
            if self._get(key) is None:
                self.page_keys[src_uri] = key
                continue
            self.outputs[src_uri] = (key, page.meta.get("template"))
            page.meta["template"] = CACHED_TEMPLATE

    def after_page(self, output: str, page: Page) -> str:
        """on_post_page: the stored output of a hit, or the new output stored."""
        src_uri = page.file.src_uri
        if src_uri in self.outputs:
            key, template = self.outputs.pop(src_uri)
            if template is None:
                page.meta.pop("template", None)
            else:
                page.meta["template"] = template
            try:
                return self.store.get(key, count=False).decode("utf-8")
            except UnreadableCache as reason:
                raise PluginError(f"catalogue: the page cache changed during the build ({reason})") from None
        key = self.page_keys.pop(src_uri, None)
        if key is not None:
            self.store.put(key, output.encode("utf-8", errors="xmlcharrefreplace"))
        return output

    def finish(self, succeeded: bool) -> None:
        """on_post_build or on_build_error: keep the entries of a clean build, drop the rest."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if not succeeded or self.warnings.get_counts():
            log.info("The page cache was not updated: the build did not finish cleanly.")
            return
        removed = self.store.finish()
        log.info(
            "Page cache %s: %d hits, %d misses; %d unused entries removed.",
            self.store.folder,
            self.store.hits,
            self.store.misses,
            removed,
        )


def _rendered(page: Page, html: str) -> dict[str, Any]:
    """What ``Page.render`` set, as JSON, with the page's HTML after on_page_content."""
    links = page.links_to_anchors
    return {
        "content": html,
        "toc": [_toc_item(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if links is None else sorted([f.src_uri, dict(a)] for f, a in links.items()),
    }


def _restore(page: Page, stored: dict[str, Any], files: Files) -> None:
    """Set what ``Page.render`` would have set, from :func:`_rendered`; MkDocs' own ``render``
    is the page's again, so the stored entry is let go."""
    del page.render
    page.content = stored["content"]
    items = [_anchor(item) for item in stored["toc"]]
    if items:
        items[0].active = True  # type: ignore[attr-defined]  # as mkdocs.structure.toc.get_toc does
    page.toc = TableOfContents(items)
    page._title_from_render = stored["title"]
    page.present_anchor_ids = set(stored["anchors"])
    if stored["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): anchors for uri, anchors in stored["links"]}


def _seen(found: File | None) -> list | None:
    """What a link to a file depends on: whether it exists, its URL, whether it is published."""
    return None if found is None else [found.url, str(found.inclusion), found.is_documentation_page()]


def _looked_up(files: Files | None, lookups: dict[str, list | None]) -> dict[str, list | None]:
    """The same lookups in this build's files."""
    find = files.get_file_from_path if files is not None else lambda path: None
    return {path: _seen(find(path)) for path in lookups}


def _toc_item(item: AnchorLink) -> list:
    return [item.title, item.id, item.level, [_toc_item(child) for child in item.children]]


def _anchor(data: list) -> AnchorLink:
    anchor = AnchorLink(data[0], data[1], data[2])
    anchor.children = [_anchor(child) for child in data[3]]
    return anchor


def _url(page: Page | None) -> str | None:
    return page.url if page is not None else None


def _nav_items(items: list) -> list:
    """What a navigation shows of its items: titles, URLs, and front matter (icons, status)."""
    shown: list = []
    for item in items:
        if isinstance(item, Section):
            shown.append(["section", item.title, _nav_items(item.children)])
        elif isinstance(item, Link):
            shown.append(["link", item.title, item.url])
        elif isinstance(item, Page):
            meta = {k: v for k, v in item.meta.items() if not str(k).startswith("kk_")}
            shown.append(["page", item.title, item.url, item.is_index, meta])
    return shown
