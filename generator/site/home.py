"""The site's two ways in: the home page (``home.md.j2``: a search box, the counts, ways in by
level, theme and region, the newest experiments, featured learnings, then the hand-written
introduction and the levels) and the finder's page /haku/ (``finder.md.j2``: its form, facets
and order; the finder's script, which the page loads, fills in the results)."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from generator.core.model import Entry
from generator.core.urls import FINDER_URL, HOME_URL
from generator.i18n.languages import url_in
from generator.i18n.presentation import root_prefix, src_uri_for
from generator.site.renderer import PageSpec, Renderer
from generator.site.view import CatalogueView


def pages(view: CatalogueView, renderer: Renderer) -> Iterator[PageSpec]:
    yield home(view, renderer)
    yield finder(view, renderer)


def split_heading(markdown: str) -> tuple[str, str]:
    """The introduction's first-level heading's text and the rest; ("", markdown) when it does
    not start with one (a translation wrapped in its language's marker keeps its heading)."""
    first, _, rest = markdown.lstrip("\n").partition("\n")
    if first.startswith("# ") and not isinstance(markdown, Markup):
        return first[2:].strip(), rest
    return "", markdown


def featured_learnings(view: CatalogueView, count: int) -> list[Entry]:
    """The learnings drawn from the most experiments (newest first among equals)."""
    order = {entry.slug: n for n, entry in enumerate(view.learnings)}
    ranked = sorted(view.learnings, key=lambda e: (-len(e.values.get("experiments") or ()), order[e.slug]))
    return ranked[:count]


def home(view: CatalogueView, renderer: Renderer) -> PageSpec:
    newest = view.site.newest_count
    heading, intro = split_heading(view.intro("index.md"))
    return renderer.page(
        "home.md.j2",
        HOME_URL,
        view._("Kokeilukatalogi"),
        src_uri="index.md",
        in_nav=True,
        heading=heading,
        intro=intro,
        experiment_count=len(view.experiments),
        learning_count=len(view.learnings),
        levels=view.taxonomies["tasot"],
        evaluated=view.published_evaluations,
        newest_experiments=view.cards(view.experiments[:newest]),
        featured_learnings=view.cards(featured_learnings(view, newest)),
        experiments_url=view.schema.experiment.listing_url,
        learnings_url=view.schema.learning.listing_url,
        themes=view.taxonomies["teemat"],
        regions=view.taxonomies["alueet"],
        finder_url=FINDER_URL,
    )


def finder(view: CatalogueView, renderer: Renderer) -> PageSpec:
    """/haku/: the finder's form and facets; finder.js fills in the results."""
    search = view.search
    return renderer.page(
        "finder.md.j2",
        FINDER_URL,
        view._("Haku"),
        src_uri=src_uri_for(FINDER_URL, index=True),
        in_nav=True,
        facets=search.facets,
        counts=search.counts(),
        version=search.version,
        root=root_prefix(url_in(FINDER_URL, view.language)) or "./",
        experiments_url=view.schema.experiment.listing_url,
        learnings_url=view.schema.learning.listing_url,
        themes_url=view.taxonomies["teemat"].spec.url,
        regions_url=view.taxonomies["alueet"].spec.url,
        levels_url=view.taxonomies["tasot"].spec.url,
    )
