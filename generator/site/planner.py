"""Plan every generated page of the site: Markdown text plus the path it pretends to live at.

The plan is engine independent. The MkDocs plugin registers each :class:`PageSpec` as a
generated file; ``kokeilu render`` writes them to a folder for any other engine. Pages carry
their facts panels and listings as escaped HTML blocks, so every engine shows the same thing
and no contributor text is ever read as Markdown or HTML outside the entry's own body.

The plan is made in parts, each a module with ``pages(view, renderer)``: :mod:`.home` (the home
page and the finder's), :mod:`.listings` (/kokeilut/, /opit/ and pagination), :mod:`.entries`
(each experiment and learning), :mod:`.terms` (each taxonomy and term) and :mod:`.statistics`
(/tilastot/, /avoin-data/). Each reads the catalogue as one language sees it
(:class:`~generator.site.view.CatalogueView`) and hands plain data to the one
:class:`~generator.site.renderer.Renderer`. This module runs them in every language, adds the
untranslated hand-written pages' fallbacks and the published files (the finder's data, the
feeds, the open data).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from markupsafe import escape

from generator.content.catalogue import Catalogue
from generator.content.markup import wrap_language
from generator.core.sitefile import SiteFile
from generator.i18n import translation
from generator.i18n.languages import (
    CODES,
    LANGUAGES,
    PRIMARY,
    directory_url,
    feed_file,
    split_src_uri,
    src_uri_in,
)
from generator.i18n.translation import Translator, load_translations, translator
from generator.opendata import tables
from generator.search.index import SearchData, finder_assets
from generator.site import entries, home, listings, statistics, terms
from generator.site.feed import atom_feed
from generator.site.incremental import IncrementalRenderer, PlanMemory, entry_pages, stale_entries
from generator.site.renderer import PageSpec, Renderer, front_matter
from generator.site.view import CatalogueView

# The Markdown extension the generated pages need besides the engine's defaults: wrap_language.
REQUIRED_EXTENSION = "md_in_html"
# The parts of the plan: each yields its pages in one language.
PARTS: tuple[Callable[[CatalogueView, Renderer], Iterable[PageSpec]], ...] = (
    home.pages,
    listings.pages,
    entries.pages,
    terms.pages,
    statistics.pages,
)


@dataclass(frozen=True)
class SitePlan:
    pages: tuple[PageSpec, ...]
    # Docs-relative hand-written files the generated pages replace (learnings, intros).
    replaces: frozenset[str]
    # Root-relative folders whose changes must rebuild the site.
    watch: tuple[str, ...]
    # Data and scripts published beside the pages (the finder's index), sorted by path.
    files: tuple[SiteFile, ...] = ()
    # Site-relative scripts every page loads.
    scripts: tuple[str, ...] = ()
    # What an incremental re-planning needs (plan_site(..., previous=this plan)); kept only when
    # asked for (remember=True), as it holds each language's finder data.
    memory: PlanMemory | None = field(default=None, compare=False, repr=False)

    def page(self, src_uri: str) -> PageSpec:
        return next(p for p in self.pages if p.src_uri == src_uri)


class SitePlanner:
    """Plans the pages of one validated catalogue in one language, part by part. Use
    :func:`plan_site`."""

    def __init__(
        self,
        catalogue: Catalogue,
        edit_url: str = "",
        page_size: int | None = None,
        site_url: str = "",
        dates: Mapping[str, dt.date] | None = None,
        language: str = PRIMARY,
        renderer: Callable[[Translator], Renderer] = Renderer,
    ) -> None:
        t = translator(language)
        self.dates = dates or {}
        self.view = CatalogueView(catalogue, t, page_size, edit_url, site_url, self.dates)
        self.renderer = renderer(t)

    @property
    def search(self) -> SearchData:
        return self.view.search

    def pages(self, stale: frozenset[str] | None = None) -> Iterator[PageSpec]:
        """Every page in this language; given the ``stale`` entries of an incremental plan, the
        other entries' pages are the last plan's."""
        for part in PARTS:
            if part is entries.pages and stale is not None and isinstance(self.renderer, IncrementalRenderer):
                yield from entry_pages(self.view, self.renderer, stale)
            else:
                yield from part(self.view, self.renderer)
            self.renderer.forget_cards()

    def files(self, open_data: bool = True) -> list[SiteFile]:
        """This language's finder data and feed; with Finnish, the scripts and (unless not
        ``open_data``) the open data, which are the same for every language (the export
        carries every translation)."""
        view = self.view
        feed = atom_feed(view.catalogue, view.site_url, self.dates, view.language, view.local)
        files = [*self.search.files(), SiteFile(feed_file(view.language), feed)]
        if view.language == PRIMARY:
            files += finder_assets()
            if open_data:
                files += tables.open_data_files(view.catalogue)
        return files


def plan_site(
    catalogue: Catalogue,
    edit_url: str = "",
    page_size: int | None = None,
    site_url: str = "",
    dates: Mapping[str, dt.date] | None = None,
    *,
    remember: bool = False,
    previous: SitePlan | None = None,
    edited: frozenset[str] = frozenset(),
) -> SitePlan:
    """Every generated page of a validated catalogue, sorted by path.

    ``edit_url`` is the prefix of the "Muokkaa GitHubissa" links, e.g.
    ``https://github.com/<owner>/<repo>/edit/main/``; the entry's root-relative path follows it.
    ``page_size`` overrides the schema's ``site.page_size``. ``site_url`` (the published address)
    makes the feed's links absolute; ``dates`` (root-relative path → last commit date, from git)
    date the feed's entries.

    ``remember`` keeps what the next planning needs to be incremental. Given the ``previous``
    plan (made with ``remember``) and the root-relative paths of the entries ``edited`` since,
    only the pages the edit touched are rendered again (:mod:`generator.site.incremental`), and
    the finder's data and the open data are the previous plan's; the call's other arguments
    must be the previous call's, and the catalogue must hold the same entries.
    """
    before = previous.memory if previous is not None else None
    memory = PlanMemory() if remember or before is not None else None
    reuse = {page.src_uri: page for page in previous.pages} if previous is not None and before else {}

    def renderer(t: Translator) -> Renderer:
        if memory is None:
            return Renderer(t)
        return IncrementalRenderer(t, memory, reuse, before, edited)

    def planner(code: str) -> SitePlanner:
        return SitePlanner(catalogue, edit_url, page_size, site_url, dates, code, renderer)

    pages, made = _plan_languages(planner, before, edited, memory)
    pages += fallback_pages({p.src_uri for p in pages}, catalogue)
    pages.sort(key=lambda p: p.src_uri)
    for page, after in pairwise(pages):
        if page.src_uri == after.src_uri:  # pragma: no cover - slugs and term ids are validated unique
            raise ValueError(f"two generated pages at {page.src_uri}")
    schema = catalogue.schema
    watch = sorted({e.directory for e in schema.entries} | {schema.vocabulary_directory})
    files = shared_files(made)
    if before is not None and previous is not None:
        # An incremental plan keeps the last plan's open data, like the finder's data.
        known = {f.src_uri for f in files}
        files = shared_files([*files, *(f for f in previous.files if f.src_uri not in known)])
    # finder.js is loaded by /haku/ itself (finder.md.j2), not by every page.
    scripts: tuple[str, ...] = ()
    replaced = frozenset(replaced_sources(catalogue))
    return SitePlan(tuple(pages), replaced, tuple(watch), files, scripts, memory)


def _plan_languages(
    planner: Callable[[str], SitePlanner],
    before: PlanMemory | None,
    edited: frozenset[str],
    memory: PlanMemory | None,
) -> tuple[list[PageSpec], list[SiteFile]]:
    """Every language's pages and files, one language after the other: a language's planner (its
    view, its finder index, its rendered cards) is let go before the next one is made, so that
    only one language's working data is held at a time (unless ``memory`` keeps the finder's)."""
    pages: list[PageSpec] = []
    files: list[SiteFile] = []
    related = None
    stale: frozenset[str] | None = None
    for code in CODES:
        current = planner(code)
        view = current.view
        if related is None:
            related = view.related  # the same in every language: computed once
            stale = stale_entries(before, view, edited) if before is not None else None
            if memory is not None:
                memory.note(view)
        else:
            view.related = related
        if before is not None and code in before.searches:
            view.search = before.searches[code]  # kept: see plan_site's docstring
        pages += current.pages(stale)
        # An incremental plan keeps the last plan's open data (plan_site adds it).
        files += current.files(open_data=before is None)
        if memory is not None:
            memory.searches[code] = current.search
    return pages, files


def site_sources() -> list[Path]:
    """The package files the pages are made from besides the catalogue: the page templates and
    the site's words."""
    return [
        Path(__file__).parent / "templates",
        Path(translation.__file__).parent / translation.CATALOGUE_FILE,
    ]


def shared_files(files: Iterable[SiteFile]) -> tuple[SiteFile, ...]:
    """``files`` sorted by path, one copy of each: the languages share the finder's scripts."""
    unique: dict[str, SiteFile] = {}
    for file in files:
        found = unique.setdefault(file.src_uri, file)
        if found.content != file.content:  # pragma: no cover - a planning bug
            raise ValueError(f"two different files at {file.src_uri}")
    return tuple(sorted(unique.values(), key=lambda f: f.src_uri))


def replaced_sources(catalogue: Catalogue) -> set[str]:
    """The docs-relative files the generated pages replace: the intros, and the learnings and
    their translated bodies, which live in the docs folder but are not pages of their own."""
    docs = catalogue.schema.site.docs_directory + "/"
    replaced = {intro.src_uri for intro in catalogue.intros.values()}
    replaced.update(
        f.path.removeprefix(docs)
        for f in (*catalogue.files, *catalogue.translation_files)
        if f.path.startswith(docs)
    )
    return replaced


def hand_written_pages(generated: set[str], catalogue: Catalogue) -> list[str]:
    """The docs-relative paths of the hand-written Finnish pages (not intros, entries or
    translations), sorted."""
    return sorted(uri for uri in catalogue.pages if split_src_uri(uri)[0] == PRIMARY and uri not in generated)


def fallback_pages(generated: set[str], catalogue: Catalogue) -> list[PageSpec]:
    """For a hand-written page without a Swedish or English version (content/sv/<page>), that
    version: the Finnish page, marked as Finnish, under a note saying so. Its relative links
    land on the same language's pages, which all exist."""
    pages: list[PageSpec] = []
    for src_uri in hand_written_pages(generated, catalogue):
        page = catalogue.pages[src_uri]
        for code in CODES:
            target = src_uri_in(src_uri, code)
            if code == PRIMARY or target in generated or target in catalogue.pages:
                continue
            t = translator(code)
            note = t.gettext(
                "Tätä sivua ei ole vielä käännetty. Se näytetään alkuperäisellä kielellä ({language}).",
                language=LANGUAGES[PRIMARY].names[code],
            )
            title = _fallback_title(page.title or _first_heading(page.markdown), code)
            markdown = (
                front_matter(title, language=code)
                + f'<p class="kk-translation-note">{escape(note)}</p>\n\n'
                + wrap_language(page.markdown, PRIMARY)
            )
            url = "/" + directory_url(target)
            pages.append(PageSpec.of(target, url, title, markdown, source=page.path, language=code))
    return pages


def _fallback_title(title: str, language: str) -> str:
    """An untranslated page's title in ``language`` when translations.yml has it (the menu shows
    it: "Fältreferens", not "Kenttäviite"), else the Finnish title."""
    if not title:
        return translator(language).gettext("Kokeilukatalogi")
    found = load_translations().get(title, {}).get(language)
    return found if isinstance(found, str) else title


def _first_heading(markdown: str) -> str:
    """The text of the first "# Heading" line, without its { #id }."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].split("{", 1)[0].strip()
    return ""
