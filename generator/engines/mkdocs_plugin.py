"""The MkDocs adapter: the only module that imports mkdocs.

It asks the core for the validated catalogue and its page plan, and registers every planned
page as a generated file (MkDocs 1.6 ``File.generated``). Everything else lives in the core, so
another engine can use ``kokeilu render`` instead.
"""

from __future__ import annotations

import dataclasses
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
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from generator.content.check import check_catalogue
from generator.core.history import head_commit_time, last_commit_dates
from generator.core.output import discard, staging_folder, swap_in
from generator.core.schema import load_schema
from generator.editorial.reporting import Summary, format_text
from generator.engines.blocks import HtmlBlocks
from generator.engines.language_navs import LocalConfig, translated_nav
from generator.engines.memory import HeldContents, PackedData, PackedPage
from generator.engines.page_cache import PageCache
from generator.engines.rebuilds import DirtyWarning, Rebuilds, sources, unmodified
from generator.i18n.languages import CODES, PRIMARY, alternates, split_src_uri
from generator.i18n.translation import theme_words, translator
from generator.search.morphology import release_analyser
from generator.site.planner import REQUIRED_EXTENSION, SitePlan, plan_site

log = get_plugin_logger(__name__)


class CatalogueConfig(Config):
    # Prefix of the "Muokkaa GitHubissa" links; the entry's path in the repository follows it.
    edit_url = c.Type(str, default="")
    # Entries per listing page; by default site.page_size in generator/core/schema.yml.
    page_size = c.Optional(c.Type(int))
    # mkdocs build's page cache, relative to mkdocs.yml's folder; "off" turns it off
    # ($KOKEILU_PAGE_CACHE wins; docs/performance.md).
    page_cache = c.Optional(c.Type(str))


class CataloguePlugin(BasePlugin[CatalogueConfig]):
    """``plugins: [catalogue]`` in mkdocs.yml."""

    def __init__(self) -> None:
        self.plan: SitePlan | None = None
        self.root: Path | None = None
        self.generated: set[str] = set()
        self.hand_written: frozenset[str] = frozenset()  # the docs files the checker allowed
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
        # The Swedish and English navigations (MkDocs builds the Finnish one from mkdocs.yml).
        self.navs: dict[str, Navigation] = {}
        self.site_url = ""
        self.doc_pages: frozenset[str] = frozenset()  # every page's src_uri (alternates)
        # mkdocs serve: the sources of the last build, so that an edit re-plans only its pages.
        self.rebuilds: Rebuilds | None = None
        # Each page's HTML, packed from its conversion until its template is rendered.
        self.contents = HeldContents()
        # mkdocs build: the persistent page cache (generator/engines/page_cache.py).
        self.page_cache: PageCache | None = None
        self.nav: Navigation | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes MkDocs keep this one instance for every build in the
        # process (mkdocs serve's rebuilds): on_shutdown forgets what belongs to the command.
        self.command, self.dirty = command, dirty
        self.rebuilds = Rebuilds() if command == "serve" else None
        if dirty:
            # MkDocs warns that a dirty build may leave navigation stale, which aborts a strict
            # build. The generated pages are compared with the last build's (see _track), so
            # `mkdocs serve --dirty` is safe for them: let it run under strict: true.
            logging.getLogger("mkdocs.commands.build").addFilter(DirtyWarning())

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
        # Only MkDocs' own build: ProperDocs (which runs this plugin as "mkdocs") goes without.
        mkdocs_build = self.command in ("build", "gh-deploy") and Page.__module__.startswith("mkdocs.")
        if mkdocs_build and not self.dirty:
            self.page_cache = PageCache.start(self.root, config, self.config.page_cache)
        if self.rebuilds is not None:
            self.rebuilds.look(
                self.root, sources(self.root, config.config_file_path, config.theme.custom_dir, schema)
            )
        catalogue = check_catalogue(self.root, schema, self.rebuilds.entries if self.rebuilds else None)
        summary = Summary.of_catalogue(catalogue, catalogue.problems)
        if catalogue.errors:
            # Nothing is published from a broken catalogue: the same report as `kokeilu check`.
            raise PluginError("Kokoelmassa on virheitä:\n" + format_text(catalogue.problems, summary))
        if catalogue.problems:
            # Warnings only: shown, but they do not stop the build (kokeilu check --strict does).
            log.info("Kokoelman varoitukset:\n%s", format_text(catalogue.problems, summary))
        # The pages' dates (sitemap.xml's lastmod, the feed) come from git, never from the clock.
        self.dates = last_commit_dates(self.root)
        self.plan = self._plan(catalogue, config)
        if self.command != "serve":  # the index is built: the analyser's dictionary may go
            release_analyser()
        self.hand_written = catalogue.hand_written_files
        self.generated = {page.src_uri for page in self.plan.pages}
        self.sources = {page.src_uri: page.source for page in self.plan.pages if page.source}
        self.json_ld = {page.src_uri: page.json_ld for page in self.plan.pages if page.json_ld}
        self.site_url = config.site_url or ""
        # Swedish and English pages mark text in its original language with <div lang="fi"
        # markdown="1">, which needs md_in_html (contributor bodies cannot hold HTML anyway).
        if REQUIRED_EXTENSION not in config.markdown_extensions:
            config.markdown_extensions.append(REQUIRED_EXTENSION)
        for script in self.plan.scripts:
            if script not in config.extra_javascript:
                config.extra_javascript.append(script)
        head = head_commit_time(self.root)
        self.head_date = dt.datetime.fromtimestamp(head, dt.UTC).date().isoformat() if head else None
        if self.command != "serve" and not self.dirty:
            self._stage(config)
        return config

    def _plan(self, catalogue, config: MkDocsConfig) -> SitePlan:
        """The page plan; under mkdocs serve, only the pages an edit touched are made again."""
        options = (catalogue, self.config.edit_url, self.config.page_size, config.site_url or "", self.dates)
        if self.rebuilds is None:
            return plan_site(*options)
        decision = self.rebuilds.decide(catalogue)
        if decision.incremental and self.plan is not None:
            plan = plan_site(*options, remember=True, previous=self.plan, edited=decision.edited)
            log.info(
                "Incremental rebuild: %s edited; the finder's data and the open data are kept "
                "until a full rebuild.",
                ", ".join(sorted(decision.edited)) or "no entry",
            )
        else:
            log.info("Full rebuild: %s.", decision.reason)
            plan = plan_site(*options, remember=True)
        self.rebuilds.planned(catalogue)
        return plan

    def on_shutdown(self) -> None:
        self.command, self.dirty = None, False
        self.rebuilds = None
        self.built, self.pending = {}, {}
        logging.getLogger("mkdocs.commands.build").filters[:] = [
            f for f in logging.getLogger("mkdocs.commands.build").filters if not isinstance(f, DirtyWarning)
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
        self.contents.clear()  # a dirty build's unmodified pages were never rendered
        if self.page_cache is not None:
            self.page_cache.finish(succeeded=True)
            self.page_cache = None

    def on_build_error(self, *, error: Exception) -> None:
        # The previous output stays exactly as it was.
        self._unstage(None, publish=False)
        if self.page_cache is not None:
            self.page_cache.finish(succeeded=False)
            self.page_cache = None
        self.built, self.pending = {}, {}  # the next build renders everything again
        self.contents.clear()
        if self.rebuilds is not None:
            self.rebuilds.forget()

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        assert self.plan is not None
        for src_uri in sorted(self.plan.replaces):
            replaced = files.get_file_from_path(src_uri)
            if replaced is not None:
                files.remove(replaced)
        self._refuse_unchecked(files, config)
        self.pending = {}
        for file in files.documentation_pages():
            if split_src_uri(file.src_uri)[0] != PRIMARY:
                file.inclusion = InclusionLevel.NOT_IN_NAV  # content/sv/…: in the Swedish nav
        for page in self.plan.pages:
            self._refuse_clash(files, page.src_uri, config, page.url)
            # Swedish and English pages are in their own navigation (on_nav), not in mkdocs.yml's.
            in_nav = page.in_nav and page.language == PRIMARY
            inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(self._track(PackedPage.of(config, page, inclusion), page.packed))
        for data in self.plan.files:
            self._refuse_clash(files, data.src_uri, config)
            packed = PackedData.of(config, data)
            files.append(self._track(packed, packed.packed))
        if self.command != "serve":  # the files hold the data now; serve re-plans from the plan
            self.plan = dataclasses.replace(self.plan, files=())
        self.doc_pages = frozenset(f.src_uri for f in files.documentation_pages())
        return files

    def _refuse_unchecked(self, files: Files, config: MkDocsConfig) -> None:
        """Defence in depth: MkDocs walks the docs folder through symbolic links, while the
        checker refuses them and every file it does not know. Publish from the docs folder only
        the hand-written files the checker read, and none of them through a link."""
        docs = Path(config.docs_dir).resolve()
        refused = [
            file.src_uri
            for file in files
            if file.abs_src_path is not None
            and file.src_dir is not None
            and Path(file.src_dir).resolve() == docs
            and (
                file.src_uri not in self.hand_written
                or Path(file.abs_src_path).resolve() != docs / file.src_uri
            )
        ]
        if refused:
            raise PluginError(
                "catalogue: kokeilu check ei hyväksynyt näitä tiedostoja, joten niitä ei julkaista: "
                + ", ".join(f"{config.docs_dir}/{uri}" for uri in sorted(refused))
            )

    def _track(self, file: File, content: str | bytes) -> File:
        """In a dirty build, a generated file identical to the last build's is not modified."""
        self.pending[file.src_uri] = content
        if self.dirty and self.built.get(file.src_uri) == content:
            file.is_modified = unmodified  # type: ignore[method-assign]
        return file

    @staticmethod
    def _refuse_clash(files: Files, src_uri: str, config: MkDocsConfig, url: str = "") -> None:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(
                f"catalogue: {config.docs_dir}/{src_uri} clashes with the generated "
                f"{'page ' + url if url else 'file'}; move or delete it"
            )

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """The same navigation in Swedish and English: mkdocs.yml's nav with every path under
        sv/ or en/ and every title translated."""
        self.navs, self.nav = {}, nav
        if self.page_cache is not None:
            self.page_cache.set_base(config, files, dict(self.config))
        if config.nav:
            self.navs = {code: translated_nav(config.nav, code, files) for code in CODES if code != PRIMARY}
        return nav

    def on_page_context(self, context, /, *, page: Page, config: MkDocsConfig, nav: Navigation):
        self.contents.give_back(page)
        self._head_meta(page)
        code = page.meta.get("kk_lang", PRIMARY)
        if code in self.navs:
            context["nav"] = self.navs[code]
            context["config"] = LocalConfig(config, translator(code).gettext(config.site_name))
        return context

    def _head_meta(self, page: Page) -> None:
        """The page's other languages and structured data, made just before its template renders
        and dropped once it is written (on_post_page): held by every page from its conversion,
        they took some 70 MiB at 10,000 experiments."""
        page.meta["kk_alternates"] = alternates(page.file.src_uri, self.doc_pages, self.site_url)
        if page.file.src_uri in self.json_ld:
            page.meta["kk_json_ld"] = Markup(self.json_ld[page.file.src_uri])

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
        # The page's language comes from its folder (sv/, en/), never from its front matter.
        page.meta["kk_lang"] = split_src_uri(page.file.src_uri)[0]
        page.meta.pop("kk_alternates", None)  # set just before the template (_head_meta)
        page.meta["kk_ui"] = theme_words(page.meta["kk_lang"])
        # The footer's "updated": the last commit's date (deterministic), not the build's.
        page.meta["kk_site_date"] = self.head_date
        # theme/main.html prints kk_json_ld unescaped into <head>: only ours, already escaped for
        # a <script> element; a hand-written page's front matter cannot set it.
        page.meta.pop("kk_json_ld", None)
        # A page the cache holds is not rendered (generator/engines/page_cache.py).
        cached = self.page_cache is not None and self.page_cache.before_render(page, markdown)
        if page.file.src_uri in self.generated and not cached:
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
        html = blocks.restore(html) if blocks else html
        if self.page_cache is not None:
            self.page_cache.after_content(page, html)
        return self.contents.hold(page, html)

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        if self.page_cache is not None and self.nav is not None:
            pages = [file.page for file in files.documentation_pages() if file.page is not None]
            navs = {PRIMARY: self.nav, **self.navs}
            self.page_cache.before_templates(env, pages, navs, self._head_data)
        return env

    def _head_data(self, page: Page) -> tuple[list, str | None]:
        """What _head_meta will put in the page's head: part of its cached output's key."""
        src_uri = page.file.src_uri
        return alternates(src_uri, self.doc_pages, self.site_url), self.json_ld.get(src_uri)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.page_cache is not None:
            output = self.page_cache.after_page(output, page)
        self.contents.drop(page)
        page.meta.pop("kk_alternates", None)
        page.meta.pop("kk_json_ld", None)
        return output

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
