"""The catalogue as the pages of one language see it: the plan's mapping.

Entries newest first and in the page's language, each taxonomy's terms with their experiments,
related experiments, each experiment's parts, the learnings by theme, the vocabularies' labels,
the intros, and the cards of listings. The parts of the plan (``listings``, ``entries``,
``terms``, ``statistics``, ``home``) read it and give their templates only what they take from it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup, escape

from generator.content.catalogue import Catalogue
from generator.content.intros import Intro
from generator.content.markup import wrap_language
from generator.content.parts import parts_index
from generator.content.taxonomy import TermGroup, group_taxonomies, term_ids
from generator.content.validation import evaluation_published
from generator.core.model import UNKNOWN, Entry
from generator.core.problems import ConfigError
from generator.core.schema import FieldSpec
from generator.i18n.languages import LANGUAGES, PRIMARY, LocalEntry, localized, src_uri_in
from generator.i18n.presentation import newest_first
from generator.i18n.translation import Translator
from generator.search.index import SearchData
from generator.site.related import WEIGHTS, find_related

# "In Finnish", in the page's language, beside a block shown in another language (lang_tag).
IN_LANGUAGE = {"fi": "suomeksi", "sv": "ruotsiksi", "en": "englanniksi"}
# The id of the term, value and vocabulary term that mean "not known" (schema's unknown_value).
UNKNOWN_TERM = "tuntematon"


def is_unknown(value: object) -> bool:
    """Whether a field's value says the sources do not tell it: ``tuntematon``."""
    return value is UNKNOWN or value == UNKNOWN_TERM


@dataclass(frozen=True, slots=True)
class Card:
    """One experiment or learning in a listing (templates/_card.html.j2), in the page's language."""

    entry: LocalEntry
    # The experiment's status or the learning's kind.
    label: str
    # The experiment's level and regions (not the unknown-region term: unknowns are not shown on
    # cards), and with no known region its municipalities in words ("118 kuntaa").
    levels: tuple[TermGroup, ...] = ()
    regions: tuple[TermGroup, ...] = ()
    place: str = ""
    # Whether the status is known (a card shows no "unknown" pill).
    status_known: bool = True


class CatalogueView:
    """One validated catalogue in one language. ``page_size`` overrides the schema's."""

    def __init__(
        self,
        catalogue: Catalogue,
        t: Translator,
        page_size: int | None = None,
        edit_url: str = "",
        site_url: str = "",
        dates: Mapping[str, dt.date] | None = None,
    ) -> None:
        self.catalogue = catalogue
        # Root-relative path → the date of its last commit (generator/core/history.py); empty
        # outside git, and then no page says when it was updated.
        self.dates = dates or {}
        self.language = t.language
        self.t = t
        self._ = t.gettext
        self.edit_url = edit_url
        self.site_url = site_url
        self.schema = catalogue.schema
        self.site = self.schema.site
        if page_size is not None:
            if page_size < 1:
                raise ConfigError(f"page_size must be at least 1, not {page_size}")
            self.site = dataclasses.replace(self.site, page_size=page_size)
        self.vocabularies = catalogue.vocabularies
        self.experiments = newest_first(catalogue.experiments.values(), "start")
        self.learnings = newest_first(catalogue.learnings.values(), "date")
        self.fields: dict[str, dict[str, FieldSpec]] = {
            e.kind: {f.name: f for f in e.fields} for e in self.schema.entries
        }
        self.taxonomies = group_taxonomies(
            self.schema.taxonomies, self.vocabularies, self.experiments, self.language, self._
        )
        self._local: dict[tuple[str, str], LocalEntry] = {}
        self._cards: dict[tuple[str, str], Card] = {}

    # -- entries and words --------------------------------------------------------------------

    def local(self, entry: Entry) -> LocalEntry:
        """The entry as this language shows it (translated where a translation exists)."""
        key = (entry.kind, entry.slug)
        found = self._local.get(key)
        if found is None:
            found = self._local[key] = localized(entry, self.language, self.catalogue.bodies.get(entry.path))
        return found

    @cached_property
    def labels(self) -> dict[str, dict[str, str]]:
        """Every vocabulary's terms by id, labelled in this language."""
        return {
            name: {term.id: term.label(self.language) for term in vocabulary}
            for name, vocabulary in self.vocabularies.items()
        }

    def label(self, vocabulary: str, term_id: str) -> str:
        return self.labels[vocabulary][term_id]

    def language_name(self, code: str) -> str:
        """A language's name in this language: "ruotsi", "finska", "Finnish"."""
        return LANGUAGES[code].names[self.language]

    def terms_of(self, entry: Entry, taxonomy: str) -> tuple[TermGroup, ...]:
        found = self.taxonomies[taxonomy]
        return tuple(found.term(term_id) for term_id in term_ids(entry, found.spec))

    def card(self, entry: Entry) -> Card:
        """What a listing shows of ``entry``."""
        key = (entry.kind, entry.slug)
        found = self._cards.get(key)
        if found is None:
            found = self._cards[key] = self._card(self.local(entry))
        return found

    def cards(self, entries: Sequence[Entry]) -> list[Card]:
        return [self.card(e) for e in entries]

    def _card(self, entry: LocalEntry) -> Card:
        if entry.kind != "experiment":
            return Card(entry, self.label("oppityypit", entry["kind"]))
        status = self.label("tilat", entry["status"])
        regions = tuple(t for t in self.terms_of(entry, "alueet") if t.id != UNKNOWN_TERM)
        return Card(
            entry,
            status,
            self.terms_of(entry, "tasot"),
            regions,
            "" if regions else self.municipalities_in_words(entry),
            not is_unknown(entry["status"]),
        )

    def municipalities_in_words(self, entry: Entry) -> str:
        """The entry's municipalities, as a place: "Kuhmo", "Kuhmo, Sotkamo", "118 kuntaa"."""
        found = entry.values.get("municipalities")
        if not isinstance(found, list) or not found:
            return ""
        if len(found) <= 2:
            return ", ".join(self.label("kunnat", m) for m in found)
        return self.t.ngettext("kunta", "kuntaa", len(found))

    def intro(self, src_uri: str) -> str:
        """The introduction in this language, else the Finnish one marked as Finnish."""
        found: Intro | None = self.catalogue.intros.get(src_uri_in(src_uri, self.language))
        if found is not None:
            return found.markdown
        original: Intro | None = self.catalogue.intros.get(src_uri)
        return self.in_language(original.markdown, PRIMARY) if original is not None else ""

    def in_language(self, markdown: str, language: str) -> Markup:
        """Markdown written in ``language``, marked as such on a page in another language: for
        screen readers (lang="fi") and on screen, once above it ("på finska")."""
        if language == self.language or not markdown.strip():
            return Markup(markdown)
        tag = escape(self._(IN_LANGUAGE[language]))
        note = f'<p class="kk-lang-note"><span class="kk-lang-tag">{tag}</span></p>\n\n'
        return Markup(note + wrap_language(markdown, language))

    # -- what the catalogue's entries have in common ------------------------------------------

    @cached_property
    def parts(self) -> dict[str, list[Entry]]:
        """Each experiment's parts (``part_of``), in listing order."""
        return parts_index(self.experiments)

    @cached_property
    def published_evaluations(self) -> Counter[str]:
        """How many experiments of each level have a published evaluation (evaluation.status)."""
        return Counter(e["level"] for e in self.experiments if evaluation_published(e))

    @cached_property
    def related(self) -> Mapping[str, list[Entry]]:
        """Each experiment's related experiments, by slug: the same in every language."""
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

    @cached_property
    def search(self) -> SearchData:
        """The finder's index, facets and data files in this language."""
        return SearchData(self.catalogue, self.taxonomies, self.language)
