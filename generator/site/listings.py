"""Listings and their pagination: /kokeilut/, /opit/ and each term's page (:mod:`.terms`).

Listing order (documented in docs/site.md): newest start date first, unknown dates last, then title
in Finnish alphabetical order, then slug. Listings longer than ``site.page_size`` continue at
``<page>/sivu/2/``, ``<page>/sivu/3/`` and so on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from generator.content.taxonomy import TermGroup
from generator.core.dates import PartialDate
from generator.core.model import Entry
from generator.core.urls import FINDER_URL, PAGE_SEGMENT
from generator.i18n.presentation import src_uri_for
from generator.site.renderer import PageSpec, Renderer
from generator.site.view import Card, CatalogueView


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


def page_title(view: CatalogueView, title: str, pager: Pager) -> str:
    """The listing's title on its first page, "Kokeilut (sivu 2/3)" on the others."""
    if pager.number == 1:
        return title
    return view._("{title} (sivu {number}/{count})", title=title, number=pager.number, count=pager.count)


def pages(view: CatalogueView, renderer: Renderer) -> Iterator[PageSpec]:
    """/kokeilut/ and /opit/, each in as many pages as it takes."""
    yield from listing(
        view, renderer, view.schema.experiment.listing_url, view._("Kokeilut"), view.experiments
    )
    yield from learning_listing(view, renderer)


def listing(
    view: CatalogueView,
    renderer: Renderer,
    base: str,
    title: str,
    entries: Sequence[Entry],
    term: TermGroup | None = None,
    **extra: Any,
) -> Iterator[PageSpec]:
    """The experiments at ``base`` (all of them, or one term's from ``term.md.j2``), in pages,
    each page's grouped by start year; the first page of all experiments is in the navigation.
    ``extra`` goes to the template (a term page's learnings and finder link)."""
    size = view.site.page_size
    pages = chunk(entries, size)
    urls = page_urls(base, len(pages))
    index = term is None
    for number, (url, items) in enumerate(zip(urls, pages, strict=True), start=1):
        pager = Pager(number, len(pages), urls)
        yield renderer.page(
            "experiments.md.j2" if index else "term.md.j2",
            url,
            page_title(view, title, pager),
            src_uri=src_uri_for(url, index=number == 1 and index),
            in_nav=index and number == 1,
            term=term,
            entries=view.cards(items),
            total=len(entries),
            first=(number - 1) * size + 1,
            pager=pager,
            intro=view.intro(src_uri_for(base, index=index)) if number == 1 else "",
            years=by_start_year(view, items, (number - 1) * size + 1),
            finder=FINDER_URL,
            **extra,
        )


@dataclass(frozen=True, slots=True)
class YearGroup:
    """The experiments of one listing page that started in one year ("" for unknown)."""

    year: str
    anchor: str
    cards: list[Card]
    # The number of the group's first card in the whole listing.
    start: int


def by_start_year(view: CatalogueView, entries: Sequence[Entry], first: int) -> list[YearGroup]:
    """A page's experiments (in listing order: newest start first, unknown last) by start year."""
    groups: list[YearGroup] = []
    for number, entry in enumerate(entries, start=first):
        start = entry["start"]
        year = str(start.earliest.year) if isinstance(start, PartialDate) else ""
        if not groups or groups[-1].year != year:
            groups.append(YearGroup(year, f"vuosi-{year or 'tuntematon'}", [], number))
        groups[-1].cards.append(view.card(entry))
    return groups


def learning_listing(view: CatalogueView, renderer: Renderer) -> Iterator[PageSpec]:
    """/opit/: every learning under each of its themes, in pages of ``page_size`` rows."""
    rows = [(theme, learning) for theme, learnings in view.learnings_by_theme for learning in learnings]
    pages = chunk(rows, view.site.page_size)
    urls = page_urls(view.schema.learning.listing_url, len(pages))
    starts: dict[str, str] = {}
    for url, items in zip(urls, pages, strict=True):
        for theme, _ in items:
            starts.setdefault(theme.id, url)
    theme_counts = [(t, len(ls), starts[t.id]) for t, ls in view.learnings_by_theme]
    for number, (url, items) in enumerate(zip(urls, pages, strict=True), start=1):
        pager = Pager(number, len(pages), urls)
        yield renderer.page(
            "learnings.md.j2",
            url,
            page_title(view, view._("Opit"), pager),
            src_uri=src_uri_for(url, index=number == 1),
            in_nav=number == 1,
            groups=_by_theme(view, items),
            theme_counts=theme_counts,
            total=len(view.learnings),
            pager=pager,
            intro=view.intro(src_uri_for(urls[0], index=True)) if number == 1 else "",
        )


def _by_theme(
    view: CatalogueView, rows: Sequence[tuple[TermGroup, Entry]]
) -> list[tuple[TermGroup, list[Card]]]:
    """The (theme, learning) rows of one page, grouped under each theme as they come."""
    groups: list[tuple[TermGroup, list[Card]]] = []
    for theme, learning in rows:
        if not groups or groups[-1][0] is not theme:
            groups.append((theme, []))
        groups[-1][1].append(view.card(learning))
    return groups
