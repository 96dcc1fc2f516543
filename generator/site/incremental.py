"""Re-planning after an edit: only the pages whose data the edit touched are rendered again.

Every page of a plan records what it showed (:func:`references`): the entries whose data it
holds (the entry itself, its cards, its neighbours) and each term it names with that term's
size. After an edit to some entries, :class:`IncrementalRenderer` renders a page again when

- it is in the navigation (the home page, the first listing pages, the taxonomies, the
  statistics: pages of counts and totals, few and cheap),
- it is new, or it shows one of the edited entries now or did before, or
- what it shows changed (a term gained or lost an entry, a listing page's entries shifted),

and hands back the last plan's page otherwise. The result is the page plan a full planning
would make (tests/site/test_serve_incremental.py holds the two equal). The finder's index and the
open data files are not remade: they are kept from the last plan until the next full planning.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

from generator.content.taxonomy import TermGroup
from generator.core.model import Entry
from generator.i18n.languages import split_src_uri, src_uri_in
from generator.i18n.translation import Translator
from generator.site import entries
from generator.site.renderer import PageSpec, Renderer

# What a page showed: ("entry", path) for an entry, ("term", taxonomy, id, size) for a term.
Reference = tuple[str, ...]


def references(value: Any, found: set[Reference] | None = None, seen: dict | None = None) -> set[Reference]:
    """The entries and terms in a page's data, at any depth of lists, mappings and the plan's
    own dataclasses (the schema's specs hold neither, so they are not walked). ``seen`` keeps
    each mapping's references by identity (with the mapping, so that its id is not reused):
    the pages of a plan share many, such as the vocabularies' labels."""
    found = set() if found is None else found
    seen = {} if seen is None else seen
    _visit(value, found, seen)
    return found


def _visit(value: Any, found: set[Reference], seen: dict) -> None:
    kind = _kinds.get(type(value))
    if kind is None:
        kind = _kinds[type(value)] = _kind_of(type(value))
    if kind == "leaf":
        return
    if kind == "entry":
        found.add(("entry", value.path))
    elif kind == "term":
        found.add(("term", value.taxonomy.name, value.id, str(value.count)))
    elif kind == "mapping":
        known = seen.get(id(value))
        if known is None:
            inner: set[Reference] = set()
            for item in value.values():
                _visit(item, inner, seen)
            known = seen[id(value)] = (value, frozenset(inner))
        found |= known[1]
    elif kind == "sequence":
        for item in value:
            _visit(item, found, seen)
    else:
        for name in kind:
            _visit(getattr(value, name), found, seen)


# How each type is walked: "leaf", "entry", "term", "mapping", "sequence", or a dataclass's
# field names.
_kinds: dict[type, str | tuple[str, ...]] = {}


def _kind_of(kind: type) -> str | tuple[str, ...]:
    if issubclass(kind, Entry):
        return "entry"
    if issubclass(kind, (str, int, float, bool, type(None))) or kind.__module__.startswith("generator.core"):
        return "leaf"
    if issubclass(kind, TermGroup):
        return "term"
    if issubclass(kind, Mapping):
        return "mapping"
    if issubclass(kind, (list, tuple, set, frozenset)):
        return "sequence"
    if dataclasses.is_dataclass(kind):
        return tuple(field.name for field in dataclasses.fields(kind))
    return "leaf"  # functions, the pager's callables, the search's objects: no entries


@dataclasses.dataclass
class PlanMemory:
    """What a plan keeps for the next, incremental one: each page's references (by its
    published src_uri) and, per language, the finder's data."""

    references: dict[str, frozenset[Reference]] = dataclasses.field(default_factory=dict)
    searches: dict[str, Any] = dataclasses.field(default_factory=dict)
    # An entry's path → its pages' published src_uris; each experiment's related entries'
    # paths, by slug; every term with its size.
    sources: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    related: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    terms: frozenset[Reference] = frozenset()

    def note(self, view: Any) -> None:
        """What :func:`stale_entries` compares with: the related entries and the terms."""
        self.related = {slug: tuple(e.path for e in found) for slug, found in view.related.items()}
        self.terms = frozenset(references(list(view.taxonomies.values())))


def stale_entries(before: PlanMemory, view: Any, edited: frozenset[str]) -> frozenset[str]:
    """The entries whose own pages an edit to ``edited`` may change: those edited or named by
    an edited entry, those whose pages showed an edited entry or a term whose size changed, and
    those whose related entries changed. The other entries' pages are the last plan's."""
    now = PlanMemory()
    now.note(view)
    gone = (before.terms - now.terms) | {("entry", path) for path in edited}
    catalogue = view.catalogue
    every = (*catalogue.experiments.values(), *catalogue.learnings.values())
    named = {text for entry in every if entry.path in edited for text in _strings(entry.values)}
    return frozenset(
        entry.path
        for entry in every
        if entry.path in edited
        or entry.path not in before.sources
        or entry.slug in named
        or now.related.get(entry.slug) != before.related.get(entry.slug)
        or any(before.references.get(page, frozenset()) & gone for page in before.sources[entry.path])
    )


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def entry_pages(view: Any, renderer: IncrementalRenderer, stale: frozenset[str]) -> Iterator[PageSpec]:
    """The entry pages (:func:`generator.site.entries.pages`): the ``stale`` entries' made
    again, the others' the last plan's."""
    for entry in view.catalogue.experiments.values():
        yield from (
            renderer.kept(entry.path)
            if entry.path not in stale
            else [entries.experiment(view, renderer, entry)]
        )
    for entry in view.catalogue.learnings.values():
        yield from (
            renderer.kept(entry.path)
            if entry.path not in stale
            else [entries.learning(view, renderer, entry)]
        )


class IncrementalRenderer(Renderer):
    """A :class:`Renderer` that records each page's references into ``memory`` and, given the
    ``previous`` plan's pages and memory and the ``edited`` entries' paths, renders only the
    pages the edit touched (see the module's docstring)."""

    def __init__(
        self,
        t: Translator,
        memory: PlanMemory,
        previous: Mapping[str, PageSpec] | None = None,
        before: PlanMemory | None = None,
        edited: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(t)
        self.memory = memory
        self.previous = previous or {}
        self.before = before
        self.edited = frozenset(("entry", path) for path in edited)
        self.rendered = 0
        self._seen: dict[int, tuple[Any, frozenset[Reference]]] = {}

    def page(self, template: str, url: str, title: str, *, src_uri: str, **context: Any) -> PageSpec:
        published = src_uri_in(src_uri, self.language)
        source = context.get("source")
        shown = frozenset(
            references(list(context.values()), {("entry", source)} if source else set(), self._seen)
        )
        self.memory.references[published] = shown
        if source:
            self.memory.sources.setdefault(source, []).append(published)
        if self._reusable(published, shown, context.get("in_nav", False)):
            return self.previous[published]
        self.rendered += 1
        return super().page(template, url, title, src_uri=src_uri, **context)

    def kept(self, source: str) -> Iterator[PageSpec]:
        """The last plan's pages of the entry at ``source`` in this language, remembered again."""
        assert self.before is not None
        for published in self.before.sources[source]:
            if split_src_uri(published)[0] == self.language:
                self.memory.references[published] = self.before.references[published]
                self.memory.sources.setdefault(source, []).append(published)
                yield self.previous[published]

    def _reusable(self, published: str, shown: frozenset[Reference], in_nav: bool) -> bool:
        if self.before is None or in_nav or published not in self.previous:
            return False
        showed = self.before.references.get(published)
        return showed == shown and not (shown & self.edited)
