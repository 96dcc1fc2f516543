"""Plan every generated page of the site: Markdown text plus the path it pretends to live at.

The plan is engine independent. The MkDocs plugin registers each :class:`PageSpec` as a
generated file; ``kokeilu render`` writes them to a folder for any other engine. Pages carry
their facts panels and listings as escaped HTML blocks, so every engine shows the same thing
and no contributor text is ever read as Markdown or HTML outside the entry's own body.

Listing order (documented in docs/site.md): newest start date first, unknown dates last, then title
in Finnish alphabetical order, then slug. Listings longer than ``site.page_size`` continue at
``<page>/sivu/2/``, ``<page>/sivu/3/`` and so on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from generator.content.catalogue import Catalogue
from generator.content.funding import format_amount
from generator.content.intros import Intro
from generator.content.markup import wrap_language
from generator.content.parts import parent_of, parts_index
from generator.content.taxonomy import Taxonomy, TermGroup, group_taxonomies, term_ids
from generator.content.validation import evaluation_published
from generator.core.dates import PartialDate
from generator.core.model import UNKNOWN, Entry
from generator.core.problems import ConfigError
from generator.core.schema import TaxonomySpec
from generator.core.sitefile import SiteFile
from generator.core.urls import (
    EXPERIMENTS_CSV,
    EXPERIMENTS_JSON,
    EXPERIMENTS_SCHEMA,
    FINDER_ASSET_DIR,
    FINDER_SCRIPT,
    FINDER_URL,
    HOME_URL,
    LEARNINGS_JSON,
    LEARNINGS_SCHEMA,
    OPEN_DATA_URL,
    PAGE_SEGMENT,
    STATISTICS_URL,
)
from generator.i18n.languages import (
    CODES,
    LANGUAGES,
    PRIMARY,
    LocalEntry,
    directory_url,
    feed_file,
    localized,
    split_src_uri,
    src_uri_in,
    url_in,
)
from generator.i18n.presentation import (
    format_date,
    format_euros,
    format_years,
    newest_first,
    relative_url,
    root_prefix,
    src_uri_for,
)
from generator.i18n.translation import translator
from generator.opendata import tables
from generator.search.index import SearchData, finder_assets
from generator.site.charts import Series, bar_chart, counts_by, region_map
from generator.site.feed import atom_feed
from generator.site.related import WEIGHTS, find_related

# How the open-data page names each field type.
FIELD_KINDS_FI = {
    "text": "teksti",
    "texts": "teksti",
    "slug": "tunniste",
    "id": "sanaston tunniste",
    "ids": "sanaston tunniste",
    "refs": "kokeilun tunniste",
    "ref": "kokeilun tunniste",
    "paths": "kentän nimi",
    "url": "verkko-osoite",
    "urls": "verkko-osoite",
    "email": "sähköpostiosoite",
    "date": "päivämäärä (VVVV, VVVV-KK tai VVVV-KK-PP)",
    "number": "luku",
    "object": "olio",
    "objects": "olio",
}
# The Markdown extension the generated pages need besides the engine's defaults: wrap_language.
REQUIRED_EXTENSION = "md_in_html"


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One generated page: its Markdown and the docs-relative path it is published from."""

    src_uri: str
    url: str
    title: str
    markdown: str
    # Listed in mkdocs.yml's nav (index pages) or kept out of it (entries, terms, later pages).
    in_nav: bool = False
    # The root-relative file an entry page is made from ("" for index pages).
    source: str = ""
    # schema.org JSON-LD for the page's head, escaped for a <script> element ("" for none).
    json_ld: str = ""
    # The page's language ("fi", "sv", "en"): its path starts with the language's folder.
    language: str = PRIMARY


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

    def page(self, src_uri: str) -> PageSpec:
        return next(p for p in self.pages if p.src_uri == src_uri)


@dataclass(frozen=True, slots=True)
class Pager:
    """One page of a paginated listing."""

    number: int
    count: int
    urls: tuple[str, ...]

    @property
    def previous(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to show: first, last and those near the current one; None is a gap."""
        wanted = {1, self.count, *range(self.number - around, self.number + around + 1)}
        shown: list[int | None] = []
        for number in sorted(n for n in wanted if 1 <= n <= self.count):
            if shown and shown[-1] is not None and number - shown[-1] > 1:
                shown.append(None)
            shown.append(number)
        return shown


def page_urls(base: str, pages: int) -> tuple[str, ...]:
    """``/teemat/x/``, ``/teemat/x/sivu/2/``, …: the URLs of a listing split into ``pages``."""
    return (base, *(f"{base}{PAGE_SEGMENT}/{n}/" for n in range(2, pages + 1)))


def chunk(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    """``items`` in pages of ``size``; an empty listing is one empty page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


@jinja2.pass_context
def _date_filter(context: jinja2.runtime.Context, value: PartialDate | None) -> str:
    return format_date(value, context["lang"])


@jinja2.pass_context
def _euros_filter(context: jinja2.runtime.Context, value: float | int) -> str:
    return format_euros(value, context["lang"])


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(date_fi=_date_filter, euros=_euros_filter)
    env.globals.update(UNKNOWN=UNKNOWN)
    return env


def _front_matter(title: str, description: str = "", kind: str = "", language: str = PRIMARY) -> str:
    # A JSON string is a valid YAML double-quoted scalar: no YAML trap can touch the values.
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    if description:  # <meta name="description"> and og:description
        lines.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    if kind:
        lines.append(f"kk_kind: {kind}")
    if language != PRIMARY:
        lines.append(f"kk_lang: {language}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json"> block: no "<", ">" or "&" can end it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _linker(url: str, language: str = PRIMARY) -> Callable[[str], str]:
    """Links from the page at ``url`` to site-absolute URLs; the root itself is "./".

    A page (a directory URL such as "/teemat/x/" or "/teemat/#osa") is linked in ``language``,
    so a Swedish page links to Swedish pages; a file ("/feed.xml") is the same in every language.
    """

    def link(target: str) -> str:
        if target.split("#", 1)[0].endswith("/"):
            target = url_in(target, language)
        path = relative_url(url, target)
        return path if path and not path.startswith("#") else f"./{path}"

    return link


class SitePlanner:
    """Plans the pages of one validated catalogue. Use :func:`plan_site`."""

    def __init__(
        self,
        catalogue: Catalogue,
        edit_url: str = "",
        page_size: int | None = None,
        site_url: str = "",
        dates: Mapping[str, dt.date] | None = None,
        language: str = PRIMARY,
    ) -> None:
        self.catalogue = catalogue
        self.language = language
        self.t = translator(language)
        self._ = self.t.gettext
        self.site_url = site_url
        self.dates = dates or {}
        self.schema = catalogue.schema
        self.site = self.schema.site
        if page_size is not None:
            if page_size < 1:
                raise ConfigError(f"page_size must be at least 1, not {page_size}")
            self.site = dataclasses.replace(self.site, page_size=page_size)
        self.vocabularies = catalogue.vocabularies
        self.edit_url = edit_url
        self.experiments = newest_first(catalogue.experiments.values(), "start")
        self.learnings = newest_first(catalogue.learnings.values(), "date")
        self._cards: dict[tuple[str, str, str, str], Markup] = {}
        self._fields = {e.kind: {f.name: f for f in e.fields} for e in self.schema.entries}
        self.taxonomies = group_taxonomies(
            self.schema.taxonomies, self.vocabularies, self.experiments, language, self._
        )
        self._local: dict[tuple[str, str], LocalEntry] = {}

    # -- lookups the templates use ------------------------------------------------------------

    def label(self, vocabulary: str, term_id: str) -> str:
        return self.vocabularies[vocabulary][term_id].label(self.language)

    def local(self, entry: Entry) -> LocalEntry:
        """The entry as this language shows it (translated where a translation exists)."""
        key = (entry.kind, entry.slug)
        found = self._local.get(key)
        if found is None:
            found = self._local[key] = localized(entry, self.language, self.catalogue.bodies.get(entry.path))
        return found

    def local_all(self, entries: Sequence[Entry]) -> list[LocalEntry]:
        return [self.local(e) for e in entries]

    def amount(self, funding: Mapping[str, Any]) -> str:
        """A funding's amount as precise as its source ("noin 14 000 000 €", "500–5 000 €")."""
        return format_amount(dict(funding), self.language)

    def municipality_names(self, ids: Sequence[str]) -> str:
        """Municipalities by name in this language (Swedish names on Swedish pages)."""
        return ", ".join(self.label("kunnat", m) for m in ids)

    @cached_property
    def parts(self) -> dict[str, list[Entry]]:
        """Each experiment's parts (``part_of``), in listing order."""
        return parts_index(self.experiments)

    def language_name(self, code: str) -> str:
        """A language's name in this page's language: "ruotsi", "finska", "Finnish"."""
        return LANGUAGES[code].names[self.language]

    def field_label(self, field: str, sub: str) -> str:
        """An experiment's sub-field name in this language: ("evaluation", "evaluator") → "Arvioija"."""
        spec = self._fields["experiment"][field]
        return self._(next(f.label_fi for f in spec.fields if f.name == sub))

    @cached_property
    def published_evaluations(self) -> Counter[str]:
        """How many experiments of each level have a published evaluation (evaluation.status)."""
        return Counter(e["level"] for e in self.experiments if evaluation_published(e))

    def terms_of(self, entry: Entry, taxonomy: str) -> list[TermGroup]:
        found = self.taxonomies[taxonomy]
        return [found.term(term_id) for term_id in term_ids(entry, found.spec)]

    def edit_link(self, entry: Entry) -> str:
        return f"{self.edit_url}{entry.path}" if self.edit_url else ""

    @cached_property
    def related(self) -> dict[str, list[Entry]]:
        listings: dict[tuple[str, str], Sequence[Entry]] = {}
        memberships: dict[str, list[tuple[str, str]]] = {e.slug: [] for e in self.experiments}
        for name in WEIGHTS:
            taxonomy = self.taxonomies.get(name)
            if taxonomy is None:
                continue
            for term in taxonomy.terms:
                if term.extra or not term.entries:
                    continue
                listings[(name, term.id)] = term.entries
                for entry in term.entries:
                    memberships[entry.slug].append((name, term.id))
        return find_related(listings, memberships, self.site.related_count)

    @cached_property
    def learnings_by_theme(self) -> list[tuple[TermGroup, list[Entry]]]:
        themes = self.taxonomies["teemat"]
        by_theme: dict[str, list[Entry]] = {}
        for learning in self.learnings:
            for theme in learning["themes"]:
                by_theme.setdefault(theme, []).append(learning)
        return [(term, by_theme[term.id]) for term in themes.terms if term.id in by_theme]

    # -- rendering ----------------------------------------------------------------------------

    def card(self, entry: Entry, url: str, heading: str) -> Markup:
        """One entry in a listing. Its links depend only on the depth of the page it is on, so
        it is rendered once per depth and heading level and reused on every listing."""
        key = (entry.kind, entry.slug, root_prefix(url), heading)
        found = self._cards.get(key)
        if found is None:
            template = _environment().get_template("_card.html.j2")
            html = template.render(plan=self, entry=self.local(entry), heading=heading, **self._context(url))
            found = self._cards[key] = Markup(html.strip())
        return found

    def _context(self, page_url: str) -> dict[str, Any]:
        """What every template sees: the language, its words, and links from the page at
        ``page_url`` (its published URL, "/sv/…" for a Swedish page)."""
        return {
            "lang": self.language,
            "_": self.t.gettext,
            "n_": self.t.ngettext,
            "link": _linker(page_url, self.language),
            "entry_years": lambda e: format_years(e["start"], e["end"], self.language),
        }

    def render(
        self, template: str, url: str, title: str, description: str = "", kind: str = "", **context: Any
    ) -> str:
        """A page's Markdown. ``url`` is the page's Finnish path; it is published in this language."""
        page_url = url_in(url, self.language)
        body = (
            _environment()
            .get_template(template)
            .render(
                plan=self,
                url=page_url,
                title=title,
                card=lambda entry, heading="h3": self.card(entry, page_url, heading),
                site=self.site,
                schema=self.schema,
                **self._context(page_url),
                **context,
            )
        )
        return _front_matter(title, description, kind, self.language) + body

    def page(self, src_uri: str, url: str, title: str, markdown: str, **fields: Any) -> PageSpec:
        """A PageSpec at the Finnish ``src_uri``/``url``, moved under this language's folder."""
        return PageSpec(
            src_uri_in(src_uri, self.language),
            url_in(url, self.language),
            title,
            markdown,
            language=self.language,
            **fields,
        )

    def intro(self, src_uri: str) -> str:
        """The introduction in this language, else the Finnish one marked as Finnish."""
        found: Intro | None = self.catalogue.intros.get(src_uri_in(src_uri, self.language))
        if found is not None:
            return found.markdown
        original: Intro | None = self.catalogue.intros.get(src_uri)
        return self.in_language(original.markdown, PRIMARY) if original is not None else ""

    def in_language(self, markdown: str, language: str) -> Markup:
        """Markdown written in ``language``, marked as such on a page in another language."""
        return Markup(markdown if language == self.language else wrap_language(markdown, language))

    # -- the pages ----------------------------------------------------------------------------

    def pages(self) -> Iterator[PageSpec]:
        yield self.home()
        yield self.finder()
        yield from self.listing(
            self.schema.experiment.listing_url, self._("Kokeilut"), "experiments.md.j2", self.experiments
        )
        for entry in self.catalogue.experiments.values():
            yield self.experiment(entry)
        yield from self.learning_listing()
        for entry in self.catalogue.learnings.values():
            yield self.learning(entry)
        yield self.statistics()
        yield self.open_data()
        for taxonomy in self.taxonomies.values():
            yield self.taxonomy(taxonomy)
            for term in taxonomy.terms:
                yield from self.listing(
                    term.url, term.label, "term.md.j2", term.entries, term=term, in_nav=False
                )

    @cached_property
    def search(self) -> SearchData:
        return SearchData(self.catalogue, self.taxonomies, self.language)

    def finder(self) -> PageSpec:
        """/haku/: the finder's form and facets; finder.js fills in the results."""
        title = self._("Haku")
        markdown = self.render(
            "finder.md.j2",
            FINDER_URL,
            title,
            facets=self.search.facets,
            counts=self.search.counts(),
            version=self.search.version,
            root=root_prefix(url_in(FINDER_URL, self.language)) or "./",
            experiments_url=self.schema.experiment.listing_url,
            learnings_url=self.schema.learning.listing_url,
            themes_url=self.taxonomies["teemat"].spec.url,
            regions_url=self.taxonomies["alueet"].spec.url,
            levels_url=self.taxonomies["tasot"].spec.url,
        )
        return self.page(src_uri_for(FINDER_URL, index=True), FINDER_URL, title, markdown, in_nav=True)

    def files(self) -> list[SiteFile]:
        """This language's finder data and feed; with Finnish, the scripts and the open data,
        which are the same for every language (the export carries every translation)."""
        feed = SiteFile(
            feed_file(self.language),
            atom_feed(self.catalogue, self.site_url, self.dates, self.language, self.local),
        )
        files = [*self.search.files(), feed]
        if self.language == PRIMARY:
            files += [
                *finder_assets(),
                *tables.open_data_files(self.catalogue),
            ]
        return files

    def statistics(self) -> PageSpec:
        """/tilastot/: experiments by start year and level, by theme and by status."""
        levels = [t for t in self.taxonomies["tasot"].terms if not t.extra]
        started = [e for e in self.experiments if isinstance(e["start"], PartialDate)]
        years = sorted({e["start"].earliest.year for e in started})
        per_year = Counter((e["start"].earliest.year, e["level"]) for e in started)
        year_series = [Series(t.label, tuple(per_year[(y, t.id)] for y in years)) for t in levels]
        themes = sorted(self.taxonomies["teemat"].terms, key=lambda t: (-t.count, t.label))
        themes = [t for t in themes if t.count and not t.extra]
        status_counts = Counter(e["status"] for e in self.experiments)
        statuses = [
            (term.label(self.language), status_counts[term.id])
            for term in self.vocabularies["tilat"]
            if status_counts[term.id]
        ]
        theme_labels, theme_series = counts_by(themes)
        _ = self._
        title = _("Tilastot")
        markdown = self.render(
            "statistics.md.j2",
            STATISTICS_URL,
            title,
            total=len(self.experiments),
            years=years,
            year_series=year_series,
            years_chart=bar_chart(
                _("Kokeilut alkamisvuoden ja tavoitetason mukaan"),
                [str(y) for y in years],
                year_series,
                "kk-vuodet",
            ),
            unknown_start=len(self.experiments) - len(started),
            themes=themes,
            themes_chart=bar_chart(
                _("Kokeilut teemoittain"), theme_labels, theme_series, "kk-teemat", horizontal=True
            ),
            statuses=statuses,
            status_chart=bar_chart(
                _("Kokeilut tilan mukaan"),
                [label for label, _count in statuses],
                [Series(_("Kokeiluja"), tuple(count for _label, count in statuses))],
                "kk-tilat",
                horizontal=True,
            ),
        )
        return self.page(
            src_uri_for(STATISTICS_URL, index=True), STATISTICS_URL, title, markdown, in_nav=True
        )

    def open_data(self) -> PageSpec:
        """/avoin-data/: the published files, the licence and every field, from the schema."""
        schemas = [
            (Path(e.schema_file).name, "/" + e.schema_file.removeprefix(self.site.docs_directory + "/"))
            for e in self.schema.entries
            if (self.catalogue.root / e.schema_file).is_file()  # published only if committed
        ]
        title = self._("Avoin data")
        markdown = self.render(
            "open_data.md.j2",
            OPEN_DATA_URL,
            title,
            files={
                "experiments_json": "/" + EXPERIMENTS_JSON,
                "learnings_json": "/" + LEARNINGS_JSON,
                "experiments_schema": "/" + EXPERIMENTS_SCHEMA,
                "learnings_schema": "/" + LEARNINGS_SCHEMA,
                "experiments_csv": "/" + EXPERIMENTS_CSV,
                "schemas": schemas,
                "feed": "/" + feed_file(self.language),
            },
            separator=tables.SEPARATOR,
            empty_list=tables.EMPTY_LIST,
            formula_signs=", ".join(f"`{c}`" for c in tables.FORMULA_STARTS if c.isprintable()),
            columns=tables.columns(self.schema),
            kinds=FIELD_KINDS_FI,
        )
        return self.page(src_uri_for(OPEN_DATA_URL, index=True), OPEN_DATA_URL, title, markdown, in_nav=True)

    def home(self) -> PageSpec:
        levels = self.taxonomies["tasot"]
        title = self._("Kokeilukatalogi")
        markdown = self.render(
            "home.md.j2",
            HOME_URL,
            title,
            intro=self.intro("index.md"),
            levels=levels,
            evaluated=self.published_evaluations,
            newest_experiments=self.experiments[: self.site.newest_count],
            newest_learnings=self.learnings[: self.site.newest_count],
            experiments_url=self.schema.experiment.listing_url,
            learnings_url=self.schema.learning.listing_url,
            themes=self.taxonomies["teemat"],
            regions=self.taxonomies["alueet"],
            finder_url=FINDER_URL,
        )
        return self.page("index.md", HOME_URL, title, markdown, in_nav=True)

    def listing(
        self,
        base: str,
        title: str,
        template: str,
        entries: Sequence[Entry],
        term: TermGroup | None = None,
        in_nav: bool = True,
    ) -> Iterator[PageSpec]:
        pages = chunk(entries, self.site.page_size)
        urls = page_urls(base, len(pages))
        intro_uri = src_uri_for(base, index=term is None)
        for number, (url, items) in enumerate(zip(urls, pages, strict=True), start=1):
            pager = Pager(number, len(pages), urls)
            page_title = (
                title
                if number == 1
                else self._("{title} (sivu {number}/{count})", title=title, number=number, count=len(pages))
            )
            markdown = self.render(
                template,
                url,
                page_title,
                term=term,
                entries=items,
                total=len(entries),
                first=(number - 1) * self.site.page_size + 1,
                pager=pager,
                intro=self.intro(intro_uri) if number == 1 else "",
            )
            src_uri = src_uri_for(url, index=number == 1 and term is None)
            yield self.page(src_uri, url, page_title, markdown, in_nav=in_nav and number == 1)

    def experiment(self, entry: Entry) -> PageSpec:
        parent = parent_of(entry)
        return self.entry_page(
            entry,
            learnings=newest_first(self.catalogue.learnings_of(entry.slug), "date"),
            related=self.related.get(entry.slug, []),
            parts=self.parts.get(entry.slug, []),
            parent=self.local(self.catalogue.experiments[parent]) if parent else None,
        )

    def learning(self, entry: Entry) -> PageSpec:
        return self.entry_page(
            entry, experiments=self.local_all([self.catalogue.experiments[s] for s in entry["experiments"]])
        )

    def entry_page(self, entry: Entry, **context: Any) -> PageSpec:
        """The page of one experiment or learning, from ``<kind>.md.j2``."""
        fields = self._fields[entry.kind]
        template = f"{entry.kind}.md.j2"
        local = self.local(entry)
        markdown = self.render(
            template,
            entry.url,
            local.title,
            description=local.summary,
            kind=entry.kind,
            entry=local,
            fields=fields,
            **context,
        )
        return self.page(
            src_uri_for(entry.url),
            entry.url,
            local.title,
            markdown,
            source=entry.path,
            json_ld=json_ld(self.structured_data(local)),
        )

    def structured_data(self, entry: LocalEntry) -> dict[str, Any]:
        """schema.org JSON-LD of an entry: an experiment is a Project, a learning an Article."""
        page_url = url_in(entry.url, self.language)
        url = self.site_url.rstrip("/") + page_url if self.site_url else page_url
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Project" if entry.kind == "experiment" else "Article",
            "name" if entry.kind == "experiment" else "headline": entry.title,
            "description": entry.summary,
            "url": url,
            "inLanguage": entry.text_language,
            "keywords": [self.label("teemat", t) for t in entry.values.get("themes") or []],
        }
        # A fact the entry marks unconfirmed is not stated as structured data.
        unconfirmed = set(entry.values.get("unconfirmed") or ())
        if entry.kind == "experiment":
            for field, key in (("start", "startDate"), ("end", "endDate")):
                if isinstance(entry.values.get(field), PartialDate) and field not in unconfirmed:
                    data[key] = str(entry.values[field])
            regions = entry.values.get("regions")
            if isinstance(regions, list) and "regions" not in unconfirmed:
                names = [self.label("alueet", r) for r in regions] or ["Suomi"]
                data["areaServed"] = [{"@type": "AdministrativeArea", "name": n} for n in names]
            organisers = entry.values.get("organisers")
            if isinstance(organisers, list) and "organisers" not in unconfirmed:
                data["member"] = [{"@type": "Organization", "name": o["name"]} for o in organisers]
            funding = entry.values.get("funding")
            funder_unconfirmed = {"funding", "funding.funder"} & unconfirmed
            if isinstance(funding, dict) and funding.get("funder") and not funder_unconfirmed:
                data["funder"] = {"@type": "Organization", "name": funding["funder"]}
        elif isinstance(entry.values.get("date"), PartialDate):
            data["datePublished"] = str(entry.values["date"])
        return data

    def learning_listing(self) -> Iterator[PageSpec]:
        """/opit/: every learning under each of its themes, in pages of ``page_size`` rows."""
        rows = [(theme, learning) for theme, learnings in self.learnings_by_theme for learning in learnings]
        pages = chunk(rows, self.site.page_size)
        urls = page_urls(self.schema.learning.listing_url, len(pages))
        starts: dict[str, str] = {}
        for number, items in enumerate(pages):
            for theme, _ in items:
                starts.setdefault(theme.id, urls[number])
        for number, (url, items) in enumerate(zip(urls, pages, strict=True), start=1):
            base_title = self._("Opit")
            title = (
                base_title
                if number == 1
                else self._(
                    "{title} (sivu {number}/{count})", title=base_title, number=number, count=len(pages)
                )
            )
            groups: list[tuple[TermGroup, list[Entry]]] = []
            for theme, learning in items:
                if not groups or groups[-1][0] is not theme:
                    groups.append((theme, []))
                groups[-1][1].append(learning)
            markdown = self.render(
                "learnings.md.j2",
                url,
                title,
                groups=groups,
                theme_counts=[(t, len(ls), starts[t.id]) for t, ls in self.learnings_by_theme],
                total=len(self.learnings),
                pager=Pager(number, len(pages), urls),
                intro=self.intro(src_uri_for(urls[0], index=True)) if number == 1 else "",
            )
            yield self.page(src_uri_for(url, index=number == 1), url, title, markdown, in_nav=number == 1)

    def taxonomy(self, taxonomy: Taxonomy) -> PageSpec:
        spec: TaxonomySpec = taxonomy.spec
        title = self._(spec.label_fi)
        markdown = self.render(
            "taxonomy.md.j2",
            spec.url,
            title,
            taxonomy=taxonomy,
            intro=self.intro(src_uri_for(spec.url, index=True)),
            map=(
                region_map(taxonomy, _linker(url_in(spec.url, self.language), self.language), self.t)
                if spec.name == "alueet"
                else ""
            ),
            evaluated=self.published_evaluations if spec.field == "level" else None,
        )
        return self.page(src_uri_for(spec.url, index=True), spec.url, title, markdown, in_nav=True)


def plan_site(
    catalogue: Catalogue,
    edit_url: str = "",
    page_size: int | None = None,
    site_url: str = "",
    dates: Mapping[str, dt.date] | None = None,
) -> SitePlan:
    """Every generated page of a validated catalogue, sorted by path.

    ``edit_url`` is the prefix of the "Muokkaa GitHubissa" links, e.g.
    ``https://github.com/<owner>/<repo>/edit/main/``; the entry's root-relative path follows it.
    ``page_size`` overrides the schema's ``site.page_size``. ``site_url`` (the published address)
    makes the feed's links absolute; ``dates`` (root-relative path → last commit date, from git)
    date the feed's entries.
    """
    planners = [SitePlanner(catalogue, edit_url, page_size, site_url, dates, code) for code in CODES]
    for planner in planners[1:]:
        planner.related = planners[0].related  # the same in every language: computed once
    pages = sorted(
        (page for planner in planners for page in planner.pages()),
        key=lambda p: p.src_uri,
    )
    pages += fallback_pages({p.src_uri for p in pages}, catalogue)
    pages.sort(key=lambda p: p.src_uri)
    seen: set[str] = set()
    for page in pages:
        if page.src_uri in seen:  # pragma: no cover - slugs and term ids are validated unique
            raise ValueError(f"two generated pages at {page.src_uri}")
        seen.add(page.src_uri)
    schema = catalogue.schema
    replaces = replaced_sources(catalogue)
    watch = sorted({e.directory for e in schema.entries} | {schema.vocabulary_directory})
    # The languages share the finder's scripts: one copy of each file.
    unique: dict[str, SiteFile] = {}
    for file in (f for planner in planners for f in planner.files()):
        found = unique.setdefault(file.src_uri, file)
        if found.content != file.content:  # pragma: no cover - a planning bug
            raise ValueError(f"two different files at {file.src_uri}")
    files = sorted(unique.values(), key=lambda f: f.src_uri)
    scripts = (FINDER_ASSET_DIR + FINDER_SCRIPT,)
    return SitePlan(tuple(pages), frozenset(replaces), tuple(watch), tuple(files), scripts)


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
            markdown = (
                _front_matter(
                    page.title or _first_heading(page.markdown) or t.gettext("Kokeilukatalogi"), language=code
                )
                + f'<p class="kk-translation-note">{escape(note)}</p>\n\n'
                + wrap_language(page.markdown, PRIMARY)
            )
            url = "/" + directory_url(target)
            pages.append(PageSpec(target, url, page.title, markdown, source=page.path, language=code))
    return pages


def _first_heading(markdown: str) -> str:
    """The text of the first "# Heading" line, without its { #id }."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].split("{", 1)[0].strip()
    return ""
