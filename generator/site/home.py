"""The site's two ways in: the home page (``home.md.j2``: levels, the newest experiments and
learnings, what to browse) and the finder's page /haku/ (``finder.md.j2``: its form and facets;
the finder's script fills in the results)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.core.urls import FINDER_URL, HOME_URL
from generator.i18n.languages import url_in
from generator.i18n.presentation import root_prefix, src_uri_for
from generator.site.renderer import PageSpec, Renderer
from generator.site.view import CatalogueView


def pages(view: CatalogueView, renderer: Renderer) -> Iterator[PageSpec]:
    yield home(view, renderer)
    yield finder(view, renderer)


def home(view: CatalogueView, renderer: Renderer) -> PageSpec:
    newest = view.site.newest_count
    return renderer.page(
        "home.md.j2",
        HOME_URL,
        view._("Kokeilukatalogi"),
        src_uri="index.md",
        in_nav=True,
        intro=view.intro("index.md"),
        levels=view.taxonomies["tasot"],
        evaluated=view.published_evaluations,
        newest_experiments=view.cards(view.experiments[:newest]),
        newest_learnings=view.cards(view.learnings[:newest]),
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
