"""The MkDocs adapter: the only module that imports mkdocs.

It asks the core for the validated catalogue and its page plan, and registers every planned
page as a generated file (MkDocs 1.6 ``File.generated``). Everything else lives in the core, so
another engine can use ``kokeilu render`` instead.
"""

from __future__ import annotations

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

from generator.blocks import HtmlBlocks
from generator.catalogue import check_catalogue
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
        self.plan = plan_site(catalogue, self.config.edit_url, self.config.page_size)
        self.generated = {page.src_uri for page in self.plan.pages}
        for script in self.plan.scripts:
            if script not in config.extra_javascript:
                config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        assert self.plan is not None
        for src_uri in sorted(self.plan.replaces):
            replaced = files.get_file_from_path(src_uri)
            if replaced is not None:
                files.remove(replaced)
        for page in self.plan.pages:
            self._refuse_clash(files, page.src_uri, config, page.url)
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
        for data in self.plan.files:
            self._refuse_clash(files, data.src_uri, config)
            files.append(File.generated(config, data.src_uri, content=data.content))
        return files

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
        title = page.meta.get("title")
        if isinstance(title, str) and not isinstance(title, Markup):
            page.meta["title"] = escape(title)
        if page.file.src_uri in self.generated:
            # Our HTML blocks skip Markdown's raw-HTML parsing; on_page_content puts them back.
            blocks = self.blocks[page.file.src_uri] = HtmlBlocks()
            return blocks.set_aside(markdown)
        return markdown

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
