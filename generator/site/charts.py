"""SVG charts and the region map, drawn at build time: no JavaScript, no library, no request.

Every figure comes with a data table holding the same numbers (the templates place it right
after), so a screen reader, a text browser and a search engine get the data too. The drawings
only use text the catalogue validated (term labels from the vocabularies), and every piece of
text goes through :func:`markupsafe.escape`.

Colours meet WCAG 2.1: bars and tiles have at least 3:1 contrast with the page (1.4.11), and
text on a tile at least 4.5:1 with its tile (1.4.3).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.content.taxonomy import Taxonomy, TermGroup
from generator.i18n.translation import Translator, translator

# The 19 regions on a tile grid (column, row), roughly where they lie; keyed by region id.
REGION_TILES: dict[str, tuple[int, int]] = {
    "lappi": (2, 0),
    "pohjois-pohjanmaa": (2, 1),
    "kainuu": (3, 1),
    "pohjanmaa": (0, 2),
    "keski-pohjanmaa": (1, 2),
    "pohjois-savo": (3, 2),
    "pohjois-karjala": (4, 2),
    "etela-pohjanmaa": (1, 3),
    "keski-suomi": (2, 3),
    "etela-savo": (3, 3),
    "satakunta": (0, 4),
    "pirkanmaa": (1, 4),
    "paijat-hame": (2, 4),
    "kymenlaakso": (3, 4),
    "etela-karjala": (4, 4),
    "varsinais-suomi": (0, 5),
    "kanta-hame": (1, 5),
    "uusimaa": (2, 5),
    "ahvenanmaa": (0, 6),
}
TILE_W, TILE_H, GAP = 118, 70, 6
# Shades from no experiments to the most; (fill, text). Text contrast ≥ 4.5:1 on each fill.
SHADES = (
    ("#f2f2f2", "#1a1a1a"),
    ("#dbe8f7", "#1a1a1a"),
    ("#9fc2ea", "#1a1a1a"),
    ("#3b78c2", "#ffffff"),
    ("#1c4f8f", "#ffffff"),
)
TILE_EDGE = "#595959"  # 7:1 on white: the tiles' outlines are visible (1.4.11)
# Series colours for bars, each ≥ 3:1 on white and told apart by the legend and the table.
SERIES = ("#1c4f8f", "#a34a12", "#2e6b30", "#6b3fa0", "#8a6d00")
INK = "#1a1a1a"


def shade(count: int, most: int) -> tuple[str, str]:
    """The (fill, text) of a tile: none, then four equal steps of the largest count."""
    if count <= 0 or most <= 0:
        return SHADES[0]
    step = min(4, 1 + (4 * (count - 1)) // most)
    return SHADES[step]


def region_map(regions: Taxonomy, link: Callable[[str], str], t: Translator | None = None) -> Markup:
    """Finland's regions as linked tiles, shaded by their number of experiments.

    ``t`` gives the words in the page's language (Finnish without it)."""
    t = t or translator("fi")
    terms = {t.id: t for t in regions.terms if t.id in REGION_TILES}
    most = max((t.count for t in terms.values()), default=0)
    cols = 1 + max(c for c, _ in REGION_TILES.values())
    rows = 1 + max(r for _, r in REGION_TILES.values())
    width, height = cols * (TILE_W + GAP), rows * (TILE_H + GAP)
    parts = [
        f'<svg class="kk-map" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="group" aria-labelledby="kk-map-otsikko">',
        '<title id="kk-map-otsikko">'
        + escape(
            t.gettext(
                "Maakunnat kartalla: mitä tummempi ruutu, sitä enemmän kokeiluja. "
                "Samat luvut ovat taulukossa kartan alla."
            )
        )
        + "</title>",
    ]
    for region_id, (col, row) in sorted(REGION_TILES.items(), key=lambda item: (item[1][1], item[1][0])):
        term = terms.get(region_id)
        if term is None:
            continue
        fill, text = shade(term.count, most)
        x, y = col * (TILE_W + GAP), row * (TILE_H + GAP)
        # Two lines at most: "Etelä-" / "Pohjanmaa", "Egentliga" / "Finland".
        words = term.label.replace("-", "-\n").replace(" ", "\n").split("\n")
        words = [words[0], " ".join(words[1:]).replace("- ", "-")] if len(words) > 1 else words
        label = f"{term.label}: {t.ngettext('kokeilu', 'kokeilua', term.count)}"
        parts.append(
            f'<rect x="{x}" y="{y}" width="{TILE_W}" height="{TILE_H}" rx="6" fill="{fill}" '
            f'stroke="{TILE_EDGE}" stroke-width="1"/>'
        )
        # The link is HTML inside the drawing: an SVG <a> has a read-only href, which breaks
        # Material's instant navigation when it rewrites links.
        name = "<br>".join(escape(word) for word in words[:2])
        parts.append(
            f'<foreignObject x="{x}" y="{y}" width="{TILE_W}" height="{TILE_H}">'
            f'<a class="kk-map__tile" href="{escape(link(term.url))}" aria-label="{escape(label)}" '
            f'style="color:{text}"><span class="kk-map__name">{name}</span>'
            f'<span class="kk-map__count">{term.count}</span></a></foreignObject>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[int, ...]


# The layout of a horizontal bar chart: the labels' column, a bar's height, the gap between
# bars, the plot's width and the room above the first bar.
H_LABEL, H_BAR, H_GAP, H_PLOT, H_TOP = 270, 22, 8, 380, 10
# And of a vertical one: a bar's width, the gap, the plot's height and room for the tallest total.
V_BAR, V_GAP, V_PLOT, V_TOP = 26, 10, 220, 24


def bar_chart(
    title: str, categories: Sequence[str], series: Sequence[Series], chart_id: str, horizontal: bool = False
) -> Markup:
    """A stacked bar chart (one bar per category, one segment per series) with a legend."""
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    most = max(totals, default=0) or 1
    if horizontal:
        width = H_LABEL + H_PLOT + 60
        height = H_TOP + len(categories) * (H_BAR + H_GAP) + 10
        bar = _horizontal_bar
    else:
        width = max(320, 50 + len(categories) * (V_BAR + V_GAP))
        height = V_TOP + V_PLOT + 50
        bar = _vertical_bar
    legend = len(series) > 1
    height += 26 if legend else 0
    parts = [
        f'<svg class="kk-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-otsikko">',
        f'<title id="{chart_id}-otsikko">{escape(title)}. Luvut ovat taulukossa kaavion alla.</title>',
    ]
    for i, category in enumerate(categories):
        parts += bar(i, category, [s.values[i] for s in series], totals[i], most)
    if legend:
        parts += _legend(series, height)
    parts.append("</svg>")
    return Markup("".join(parts))


def _horizontal_bar(i: int, category: str, values: Sequence[int], total: int, most: int) -> list[str]:
    """The ``i``th bar from the left edge: its label, its segments and its total."""
    y = H_TOP + i * (H_BAR + H_GAP)
    parts = [
        f'<text x="{H_LABEL - 8}" y="{y + H_BAR - 6}" text-anchor="end" font-size="13" '
        f'fill="{INK}">{escape(category)}</text>'
    ]
    offset = 0.0
    for k, value in enumerate(values):
        length = H_PLOT * value / most
        if length:
            parts.append(
                f'<rect x="{H_LABEL + offset:.1f}" y="{y}" width="{length:.1f}" height="{H_BAR}" '
                f'fill="{SERIES[k % len(SERIES)]}" stroke="#ffffff" stroke-width="1"/>'
            )
        offset += length
    parts.append(
        f'<text x="{H_LABEL + offset + 6:.1f}" y="{y + H_BAR - 6}" font-size="13" fill="{INK}">{total}</text>'
    )
    return parts


def _vertical_bar(i: int, category: str, values: Sequence[int], total: int, most: int) -> list[str]:
    """The ``i``th bar from the bottom: its segments, its total above it and its label below."""
    x = 40 + i * (V_BAR + V_GAP)
    base = V_TOP + V_PLOT
    parts = []
    offset = 0.0
    for k, value in enumerate(values):
        length = V_PLOT * value / most
        if length:
            parts.append(
                f'<rect x="{x}" y="{base - offset - length:.1f}" width="{V_BAR}" '
                f'height="{length:.1f}" fill="{SERIES[k % len(SERIES)]}" stroke="#ffffff" '
                'stroke-width="1"/>'
            )
        offset += length
    middle = f"{x + V_BAR / 2:g}"
    parts.append(
        f'<text x="{middle}" y="{base - offset - 4:.1f}" text-anchor="middle" font-size="12" '
        f'fill="{INK}">{total}</text>'
    )
    parts.append(
        f'<text x="{middle}" y="{base + 16}" text-anchor="end" font-size="12" fill="{INK}" '
        f'transform="rotate(-45 {middle} {base + 16})">{escape(category)}</text>'
    )
    return parts


def _legend(series: Sequence[Series], height: int) -> list[str]:
    """A swatch and a label per series, in a row along the bottom of the chart."""
    parts = []
    x = 10
    for k, s in enumerate(series):
        parts.append(
            f'<rect x="{x}" y="{height - 20}" width="14" height="14" fill="{SERIES[k % len(SERIES)]}"/>'
            f'<text x="{x + 20}" y="{height - 8}" font-size="13" fill="{INK}">{escape(s.label)}</text>'
        )
        x += 30 + 8 * len(s.label)
    return parts


def counts_by(terms: Sequence[TermGroup]) -> tuple[list[str], list[Series]]:
    """Categories and one series from terms with their experiment counts (empty terms left out)."""
    shown = [t for t in terms if t.count]
    return [t.label for t in shown], [Series("Kokeiluja", tuple(t.count for t in shown))]
