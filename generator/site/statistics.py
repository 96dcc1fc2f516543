"""The catalogue as a whole: /tilastot/ (charts, each with a table of its numbers) and
/avoin-data/ (the published data files, their licence and every field, from the schema)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from generator.content.taxonomy import TermGroup
from generator.core.dates import PartialDate
from generator.core.urls import (
    EXPERIMENTS_CSV,
    EXPERIMENTS_JSON,
    EXPERIMENTS_SCHEMA,
    LEARNINGS_JSON,
    LEARNINGS_SCHEMA,
    OPEN_DATA_URL,
    STATISTICS_URL,
)
from generator.i18n.languages import feed_file
from generator.i18n.presentation import src_uri_for
from generator.opendata import tables
from generator.site.charts import Series, bar_chart, counts_by
from generator.site.renderer import PageSpec, Renderer
from generator.site.view import CatalogueView

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


def pages(view: CatalogueView, renderer: Renderer) -> Iterator[PageSpec]:
    yield statistics(view, renderer)
    yield open_data(view, renderer)


def statistics(view: CatalogueView, renderer: Renderer) -> PageSpec:
    """/tilastot/: experiments by start year and level, by theme and by status."""
    _ = view._
    years, year_series, unknown_start = _by_year(view)
    themes = _themes(view)
    theme_labels, theme_series = counts_by(themes, _("Kokeiluja"))
    statuses = _statuses(view)
    status_series = [Series(_("Kokeiluja"), tuple(count for _label, count in statuses))]
    return renderer.page(
        "statistics.md.j2",
        STATISTICS_URL,
        _("Tilastot"),
        src_uri=src_uri_for(STATISTICS_URL, index=True),
        in_nav=True,
        total=len(view.experiments),
        years=years,
        year_series=year_series,
        years_chart=bar_chart(
            _("Kokeilut alkamisvuoden ja tavoitetason mukaan"),
            [str(y) for y in years],
            year_series,
            "kk-vuodet",
            view.t,
        ),
        unknown_start=unknown_start,
        themes=themes,
        themes_chart=bar_chart(_("Kokeilut teemoittain"), theme_labels, theme_series, "kk-teemat", view.t),
        statuses=statuses,
        status_chart=bar_chart(
            _("Kokeilut tilan mukaan"),
            [label for label, _count in statuses],
            status_series,
            "kk-tilat",
            view.t,
        ),
    )


def _by_year(view: CatalogueView) -> tuple[list[int], list[Series], int]:
    """Every year from the first start to the last (a year nothing started in included, so the
    chart shows it as a gap), one series per level counting the experiments started each year,
    and how many experiments have no known start."""
    levels = [t for t in view.taxonomies["tasot"].terms if not t.extra]
    started = [e for e in view.experiments if isinstance(e["start"], PartialDate)]
    known = {e["start"].earliest.year for e in started}
    years = list(range(min(known), max(known) + 1)) if known else []
    per_year = Counter((e["start"].earliest.year, e["level"]) for e in started)
    series = [Series(t.label, tuple(per_year[(y, t.id)] for y in years)) for t in levels]
    return years, series, len(view.experiments) - len(started)


def _themes(view: CatalogueView) -> list[TermGroup]:
    """The themes with experiments, the most first."""
    themes = sorted(view.taxonomies["teemat"].terms, key=lambda t: (-t.count, t.label))
    return [t for t in themes if t.count and not t.extra]


def _statuses(view: CatalogueView) -> list[tuple[str, int]]:
    """(label, count) of each status some experiment has, in the vocabulary's order."""
    counts = Counter(e["status"] for e in view.experiments)
    return [
        (term.label(view.language), counts[term.id]) for term in view.vocabularies["tilat"] if counts[term.id]
    ]


def open_data(view: CatalogueView, renderer: Renderer) -> PageSpec:
    """/avoin-data/: the published files, the licence and every field, from the schema."""
    docs = view.site.docs_directory + "/"
    schemas = [
        (Path(e.schema_file).name, "/" + e.schema_file.removeprefix(docs))
        for e in view.schema.entries
        if (view.catalogue.root / e.schema_file).is_file()  # published only if committed
    ]
    return renderer.page(
        "open_data.md.j2",
        OPEN_DATA_URL,
        view._("Avoin data"),
        src_uri=src_uri_for(OPEN_DATA_URL, index=True),
        in_nav=True,
        files={
            "experiments_json": "/" + EXPERIMENTS_JSON,
            "learnings_json": "/" + LEARNINGS_JSON,
            "experiments_schema": "/" + EXPERIMENTS_SCHEMA,
            "learnings_schema": "/" + LEARNINGS_SCHEMA,
            "experiments_csv": "/" + EXPERIMENTS_CSV,
            "schemas": schemas,
            "feed": "/" + feed_file(view.language),
        },
        separator=tables.SEPARATOR,
        empty_list=tables.EMPTY_LIST,
        formula_signs=", ".join(f"`{c}`" for c in tables.FORMULA_STARTS if c.isprintable()),
        columns=tables.columns(view.schema),
        kinds=FIELD_KINDS_FI,
    )
