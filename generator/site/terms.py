"""The taxonomies' pages: each taxonomy's index of its terms (``taxonomy.md.j2``; the regions'
with a map) and each term's listing of its experiments (``term.md.j2``, paginated)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.taxonomy import Taxonomy, TermGroup
from generator.core.model import Entry
from generator.i18n.presentation import src_uri_for
from generator.site.charts import region_map
from generator.site.listings import listing
from generator.site.renderer import PageSpec, Renderer
from generator.site.view import CatalogueView


def pages(view: CatalogueView, renderer: Renderer) -> Iterator[PageSpec]:
    for taxonomy in view.taxonomies.values():
        yield taxonomy_page(view, renderer, taxonomy)
        param = finder_param(view, taxonomy.spec.name)
        for term in taxonomy.terms:
            yield from listing(
                view,
                renderer,
                term.url,
                term.label,
                term.entries,
                term=term,
                learnings=view.cards(learnings_of(view, taxonomy, term)),
                finder_query=f"?{param}={term.id}" if param else "",
            )


def finder_param(view: CatalogueView, taxonomy: str) -> str:
    """The finder's URL parameter for the taxonomy's terms (schema.yml ``facets``), or ""."""
    return next((f.param for f in view.schema.facets if f.taxonomy == taxonomy), "")


def learnings_of(view: CatalogueView, taxonomy: Taxonomy, term: TermGroup) -> list[Entry]:
    """The learnings of a term, newest first: a theme's own (the learning's themes), else
    those of the term's experiments."""
    if taxonomy.spec.field == "themes":
        return [ln for ln in view.learnings if term.id in (ln["themes"] or ())]
    slugs = {e.slug for e in term.entries}
    return [ln for ln in view.learnings if slugs.intersection(ln["experiments"] or ())]


def taxonomy_page(view: CatalogueView, renderer: Renderer, taxonomy: Taxonomy) -> PageSpec:
    spec = taxonomy.spec
    return renderer.page(
        "taxonomy.md.j2",
        spec.url,
        view._(spec.label_fi),
        src_uri=src_uri_for(spec.url, index=True),
        in_nav=True,
        taxonomy=taxonomy,
        intro=view.intro(src_uri_for(spec.url, index=True)),
        map=region_map(taxonomy, renderer.linker(spec.url), view.t) if spec.name == "alueet" else "",
        evaluated=view.published_evaluations if spec.field == "level" else None,
    )
