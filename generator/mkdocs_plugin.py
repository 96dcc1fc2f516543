"""The MkDocs adapter: the only module that imports mkdocs.

It asks the core for the validated catalogue and its page plan, and registers every planned
page as a generated file (MkDocs 1.6 ``File.generated``). Everything else lives in the core, so
another engine can use ``kokeilu render`` instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from generator.blocks import HtmlBlocks
from generator.catalogue import check_catalogue
from generator.history import head_commit_time, last_commit_dates
from generator.output import discard, staging_folder, swap_in
from generator.pages import SitePlan, plan_site
from generator.reporting import Summary, format_text
from generator.schema import load_schema

log = get_plugin_logger(__name__)


class CatalogueConfig(Config):
    # Prefix of the "Muokkaa GitHubissa" links; the entry's path in the repository follows it.
    edit_url = c.Type(str, default="")
    # Entries per listing page; by default site.page_size in generator/schema.yml.
    page_size = c.Optional(c.Type(int))


class CataloguePlugin(BasePlugin[CatalogueConfig]):
    """``plugins: [catalogue]`` in mkdocs.yml."""

    def __init__(self) -> None:
        self.plan: SitePlan | None = None
        self.root: Path | None = None
        self.generated: set[str] = set()
        self.blocks: dict[str, HtmlBlocks] = {}
        self.command: str | None = None  # None when MkDocs' build() is called directly
        self.dirty = False
        self.sources: dict[str, str] = {}  # generated page → root-relative entry file
        self.json_ld: dict[str, str] = {}  # generated page → its structured data
        self.dates: dict[str, dt.date] = {}
        self.head_date: str | None = None
        # An atomic build: MkDocs writes into a staging folder that replaces site_dir at the end.
        self.site_dir: Path | None = None
        self.staging: Path | None = None
        self.warnings: CountHandler | None = None
        # mkdocs serve --dirty: what each generated file held in the last build, so an
        # unchanged one is not rendered again (MkDocs deems generated files always modified).
        self.built: dict[str, str | bytes] = {}
        self.pending: dict[str, str | bytes] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes MkDocs keep this one instance for every build in the
        # process (mkdocs serve's rebuilds): on_shutdown forgets what belongs to the command.
        self.command, self.dirty = command, dirty
        if dirty:
            # MkDocs warns that a dirty build may leave navigation stale, which aborts a strict
            # build. The generated pages are compared with the last build's (see _track), so
            # `mkdocs serve --dirty` is safe for them: let it run under strict: true.
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarning())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not config.use_directory_urls:
            raise PluginError(
                "catalogue: the generated pages link to directory URLs; set use_directory_urls: true"
            )
        schema = load_schema()
        self.root = Path(config.config_file_path).resolve().parent
        expected = (self.root / schema.site.docs_directory).resolve()
        if Path(config.docs_dir).resolve() != expected:
            raise PluginError(f"catalogue: docs_dir must be {schema.site.docs_directory}/ beside mkdocs.yml")
        catalogue = check_catalogue(self.root, schema)
        summary = Summary.of_catalogue(catalogue, catalogue.problems)
        if catalogue.errors:
            # Nothing is published from a broken catalogue: the same report as `kokeilu check`.
            raise PluginError("Kokoelmassa on virheitä:\n" + format_text(catalogue.problems, summary))
        if catalogue.problems:
            # Warnings only: shown, but they do not stop the build (kokeilu check --strict does).
            log.info("Kokoelman varoitukset:\n%s", format_text(catalogue.problems, summary))
        # The pages' dates (sitemap.xml's lastmod, the feed) come from git, never from the clock.
        self.dates = last_commit_dates(self.root)
        self.plan = plan_site(
            catalogue, self.config.edit_url, self.config.page_size, config.site_url or "", self.dates
        )
        self.generated = {page.src_uri for page in self.plan.pages}
        self.sources = {page.src_uri: page.source for page in self.plan.pages if page.source}
        self.json_ld = {page.src_uri: page.json_ld for page in self.plan.pages if page.json_ld}
        for script in self.plan.scripts:
            if script not in config.extra_javascript:
                config.extra_javascript.append(script)
        head = head_commit_time(self.root)
        self.head_date = dt.datetime.fromtimestamp(head, dt.UTC).date().isoformat() if head else None
        if self.command != "serve" and not self.dirty:
            self._stage(config)
        return config

    def on_shutdown(self) -> None:
        self.command, self.dirty = None, False
        self.built, self.pending = {}, {}
        logging.getLogger("mkdocs.commands.build").filters[:] = [
            f for f in logging.getLogger("mkdocs.commands.build").filters if not isinstance(f, _DirtyWarning)
        ]

    # -- an atomic build -----------------------------------------------------------------------

    def _stage(self, config: MkDocsConfig) -> None:
        """Send MkDocs' output to a staging folder; on_post_build swaps it in if all went well."""
        self.site_dir = Path(config.site_dir).resolve()
        self.staging = staging_folder(self.site_dir)
        config.site_dir = str(self.staging)
        if config.strict:
            # MkDocs aborts a strict build only after on_post_build: count the warnings too.
            self.warnings = CountHandler()
            self.warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self.warnings)

    def _unstage(self, config: MkDocsConfig | None, publish: bool) -> None:
        if self.staging is None or self.site_dir is None:
            return
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            if self.warnings.get_counts():
                publish = False  # MkDocs is about to abort the strict build
        if publish:
            swap_in(self.staging, self.site_dir)
            log.info("The finished site replaced %s (built in %s).", self.site_dir, self.staging.name)
        else:
            discard(self.staging)
        if config is not None:
            config.site_dir = str(self.site_dir)
        self.staging = self.warnings = None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._unstage(config, publish=True)
        self.built, self.pending = self.pending, {}

    def on_build_error(self, *, error: Exception) -> None:
        # The previous output stays exactly as it was.
        self._unstage(None, publish=False)
        self.built, self.pending = {}, {}  # the next build renders everything again

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        assert self.plan is not None
        for src_uri in sorted(self.plan.replaces):
            replaced = files.get_file_from_path(src_uri)
            if replaced is not None:
                files.remove(replaced)
        self.pending = {}
        for page in self.plan.pages:
            self._refuse_clash(files, page.src_uri, config, page.url)
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
            files.append(self._track(file, page.markdown))
        for data in self.plan.files:
            self._refuse_clash(files, data.src_uri, config)
            file = File.generated(config, data.src_uri, content=data.content)
            files.append(self._track(file, data.content))
        return files

    def _track(self, file: File, content: str | bytes) -> File:
        """In a dirty build, a generated file identical to the last build's is not modified."""
        self.pending[file.src_uri] = content
        if self.dirty and self.built.get(file.src_uri) == content:
            file.is_modified = _unmodified  # type: ignore[method-assign]
        return file

    @staticmethod
    def _refuse_clash(files: Files, src_uri: str, config: MkDocsConfig, url: str = "") -> None:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(
                f"catalogue: {config.docs_dir}/{src_uri} clashes with the generated "
                f"{'page ' + url if url else 'file'}; move or delete it"
            )

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Material prints page.meta.title unescaped in <title> and in the header. Titles are
        # contributor text, so hand it HTML-escaped (Markup, so nothing escapes it twice).
        # Material also prints page.meta.description unescaped in <meta name="description">.
        for key in ("title", "description"):
            value = page.meta.get(key)
            if isinstance(value, str) and not isinstance(value, Markup):
                page.meta[key] = escape(value)
        self._date(page)
        # theme/main.html prints kk_json_ld unescaped into <head>: only ours, already escaped for
        # a <script> element; a hand-written page's front matter cannot set it.
        page.meta.pop("kk_json_ld", None)
        if page.file.src_uri in self.json_ld:
            page.meta["kk_json_ld"] = Markup(self.json_ld[page.file.src_uri])
        if page.file.src_uri in self.generated:
            # Our HTML blocks skip Markdown's raw-HTML parsing; on_page_content puts them back.
            blocks = self.blocks[page.file.src_uri] = HtmlBlocks()
            return blocks.set_aside(markdown)
        return markdown

    def _date(self, page: Page) -> None:
        """An entry page changed when its file last did, a hand-written page likewise; a listing,
        with the commit. Outside git, MkDocs' own date (the build date or SOURCE_DATE_EPOCH)."""
        source = self.sources.get(page.file.src_uri)
        if source is None and page.file.abs_src_path and self.root is not None:
            path = Path(page.file.abs_src_path).resolve()
            source = path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else None
        date = self.dates.get(source) if source else None
        if date is not None:
            page.update_date = date.isoformat()
        elif self.head_date is not None:
            page.update_date = self.head_date

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        blocks = self.blocks.pop(page.file.src_uri, None)
        return blocks.restore(html) if blocks else html

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder
    ) -> LiveReloadServer | None:
        # docs_dir is watched already; the experiments live beside it.
        assert self.plan is not None and self.root is not None
        for folder in self.plan.watch:
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server


def _unmodified() -> bool:
    return False


class _DirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")
