"""Bar charts and the region map, drawn at build time in HTML and CSS: no JavaScript, no
library, no request, and text that stays readable on a phone (it is text, not a scaled picture).

Every chart comes with a data table holding the same numbers (the templates fold it into a
<details> right after), so a screen reader, a text browser and a search engine get the data
too. The drawings only use text the catalogue validated (term labels from the vocabularies),
and every piece of text goes through :func:`markupsafe.escape`.

Colours meet WCAG 2.1: bars and tiles have at least 3:1 contrast with the page (1.4.11), and
text on a tile at least 4.5:1 with its tile (1.4.3). The tiles' shades are classes of
theme/assets/stylesheets/catalogue.css (``kk-map__tile--0`` … ``--4``), listed here for the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.content.taxonomy import Taxonomy, TermGroup
from generator.i18n.translation import Translator, translator

# The 19 regions as tiles on a grid of 5 columns and 10 rows, roughly where and about as large
# as they lie (Lappi is a third of Finland): (column, row, width, height) in cells; by region id.
REGION_TILES: dict[str, tuple[int, int, int, int]] = {
    "lappi": (1, 0, 3, 4),
    "pohjois-pohjanmaa": (1, 4, 2, 2),
    "kainuu": (3, 4, 1, 2),
    "keski-pohjanmaa": (0, 5, 1, 1),
    "pohjois-karjala": (4, 5, 1, 2),
    "pohjanmaa": (0, 6, 1, 1),
    "etela-pohjanmaa": (1, 6, 1, 1),
    "keski-suomi": (2, 6, 1, 2),
    "pohjois-savo": (3, 6, 1, 1),
    "satakunta": (0, 7, 1, 1),
    "pirkanmaa": (1, 7, 1, 1),
    "etela-savo": (3, 7, 1, 1),
    "etela-karjala": (4, 7, 1, 2),
    "varsinais-suomi": (0, 8, 1, 1),
    "kanta-hame": (1, 8, 1, 1),
    "paijat-hame": (2, 8, 1, 1),
    "kymenlaakso": (3, 8, 1, 2),
    "ahvenanmaa": (0, 9, 1, 1),
    "uusimaa": (1, 9, 2, 1),
}
# Shades from no experiments to the most; (fill, text), as in catalogue.css. Text contrast
# ≥ 4.5:1 on each fill.
SHADES = (
    ("#f2f2f2", "#1a1a1a"),
    ("#dbe8f7", "#1a1a1a"),
    ("#9fc2ea", "#1a1a1a"),
    ("#3b78c2", "#ffffff"),
    ("#1c4f8f", "#ffffff"),
)
TILE_EDGE = "#595959"  # 7:1 on white: the tiles' outlines are visible (1.4.11)
# Series colours for bars (kk-bars__segment--0 …), each ≥ 3:1 on white and told apart by the
# legend and the table.
SERIES = ("#1c4f8f", "#a34a12", "#2e6b30", "#6b3fa0", "#8a6d00")


def shade(count: int, most: int) -> int:
    """The shade of a tile (an index of SHADES): none, then four equal steps of the largest count."""
    if count <= 0 or most <= 0:
        return 0
    return min(4, 1 + (4 * (count - 1)) // most)


def region_map(regions: Taxonomy, link: Callable[[str], str], t: Translator | None = None) -> Markup:
    """Finland's regions as linked tiles laid out like the country, shaded by their number of
    experiments; below them the experiments no region holds (Koko Suomi, Alue tuntematon).

    ``t`` gives the words in the page's language (Finnish without it)."""
    t = t or translator("fi")
    terms = {term.id: term for term in regions.terms if term.id in REGION_TILES}
    most = max((term.count for term in terms.values()), default=0)
    title = t.gettext(
        "Maakunnat kartalla: mitä tummempi ruutu, sitä enemmän kokeiluja. "
        "Samat luvut ovat taulukossa kartan alla."
    )
    parts = [
        '<div class="kk-map" role="group" aria-labelledby="kk-map-otsikko">',
        f'<p class="kk-visually-hidden" id="kk-map-otsikko">{escape(title)}</p>',
        '<ul class="kk-map__grid">',
    ]
    by_place = sorted(REGION_TILES.items(), key=lambda item: (item[1][1], item[1][0]))
    for region_id, (col, row, width, height) in by_place:
        term = terms.get(region_id)
        if term is None:
            continue
        label = f"{term.label}: {t.ngettext('kokeilu', 'kokeilua', term.count)}"
        area = f"{row + 1} / {col + 1} / span {height} / span {width}"
        size = " kk-map__tile--large" if width * height > 2 else ""
        parts.append(
            f'<li style="grid-area: {area}"><a class="kk-map__tile kk-map__tile--{shade(term.count, most)}'
            f'{size}" href="{escape(link(term.url))}" aria-label="{escape(label)}">'
            f'<span class="kk-map__name">{escape(term.label)}</span>'
            f'<span class="kk-map__count">{term.count}</span></a></li>'
        )
    parts.append("</ul>")
    parts += _beyond_the_map(regions, link, t)
    parts.append("</div>")
    return Markup("".join(parts))


def _beyond_the_map(regions: Taxonomy, link: Callable[[str], str], t: Translator) -> list[str]:
    """The taxonomy's extra terms (nationwide, unknown region) with their counts, under the map."""
    extra = [term for term in regions.terms if term.extra and term.count]
    if not extra:
        return []
    items = "".join(
        f'<li><a href="{escape(link(term.url))}">{escape(term.label)}: '
        f"{escape(t.ngettext('kokeilu', 'kokeilua', term.count))}</a></li>"
        for term in extra
    )
    return [f'<ul class="kk-map__beyond">{items}</ul>']


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[int, ...]


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    chart_id: str,
    t: Translator | None = None,
) -> Markup:
    """A horizontal stacked bar chart: one row per category (its label, its bar, its total),
    one segment per series, and a legend when there are several series. A category with
    nothing is a row with an empty bar: a gap, never a skipped year."""
    t = t or translator("fi")
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    most = max(totals, default=0) or 1
    note = t.gettext("Luvut ovat taulukossa kaavion alla.")
    parts = [
        f'<div class="kk-bars" role="group" aria-labelledby="{chart_id}-otsikko">',
        # The heading above says the same: the title is for screen readers only.
        f'<p class="kk-visually-hidden" id="{chart_id}-otsikko">{escape(title)}. {escape(note)}</p>',
    ]
    if len(series) > 1:
        parts.append(_legend(series))
    parts.append('<ol class="kk-bars__rows">')
    for i, category in enumerate(categories):
        parts.append(_bar(category, [s.values[i] for s in series], totals[i], most, series))
    parts.append("</ol></div>")
    return Markup("".join(parts))


def _bar(category: str, values: Sequence[int], total: int, most: int, series: Sequence[Series]) -> str:
    """One row: the label, the segments (each as wide as its share of the largest total, and
    named in a tooltip) and the total."""
    segments = "".join(
        f'<span class="kk-bars__segment kk-bars__segment--{k % len(SERIES)}" '
        f'style="width: {100 * value / most:.2f}%" title="{escape(series[k].label)}: {value}"></span>'
        for k, value in enumerate(values)
        if value
    )
    return (
        f'<li class="kk-bars__row"><span class="kk-bars__label">{escape(category)}</span>'
        f'<span class="kk-bars__bar" aria-hidden="true">{segments}</span>'
        f'<span class="kk-bars__value">{total}</span></li>'
    )


def _legend(series: Sequence[Series]) -> str:
    """A swatch and a label per series."""
    items = "".join(
        f'<li><span class="kk-bars__swatch kk-bars__segment--{k % len(SERIES)}"></span>{escape(s.label)}</li>'
        for k, s in enumerate(series)
    )
    return f'<ul class="kk-bars__legend">{items}</ul>'


def counts_by(terms: Sequence[TermGroup], label: str = "Kokeiluja") -> tuple[list[str], list[Series]]:
    """Categories and one series from terms with their experiment counts (empty terms left out)."""
    shown = [t for t in terms if t.count]
    return [t.label for t in shown], [Series(label, tuple(t.count for t in shown))]
