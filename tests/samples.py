"""Entries of the shipped catalogue chosen by their properties, never by slug, for the tests that
must visit real pages of it (the browser, accessibility and engine tests): a pull request that
adds, edits or renames an entry changes which entry is chosen, never whether a test passes.

Each function takes the first entry in slug order that has the property and fails, naming the
property, if none has it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from generator.content.catalogue import Catalogue
from generator.core.model import Entry
from generator.i18n.languages import translations_of

OTHER_LANGUAGES = ("sv", "en")


def _first(entries: Iterable[Entry], test: Callable[[Entry], bool], what: str) -> Entry:
    for entry in sorted(entries, key=lambda e: e.slug):
        if test(entry):
            return entry
    raise AssertionError(f"The shipped catalogue has no {what}.")


def fully_translated(catalogue: Catalogue, entry: Entry) -> bool:
    """Written in Finnish, with a Swedish and an English title, summary and body."""
    translations = translations_of(entry)
    bodies = catalogue.bodies.get(entry.path, {})
    return entry.values.get("language") in (None, "fi") and all(
        (translations.get(code) or {}).get("summary") and code in bodies for code in OTHER_LANGUAGES
    )


def translated_experiment(catalogue: Catalogue) -> Entry:
    """An experiment translated into Swedish and English: title, summary and body."""
    return _first(
        catalogue.experiments.values(),
        lambda e: fully_translated(catalogue, e),
        "experiment translated into Swedish and English (title, summary and body)",
    )


def untranslated_experiment(catalogue: Catalogue) -> Entry:
    """An experiment shown in Finnish on the Swedish pages: with no Swedish title if the
    catalogue has one (a contributor's entry translated into English only, say), else with no
    Swedish body."""
    experiments = catalogue.experiments.values()
    finnish = [e for e in experiments if e.values.get("language") in (None, "fi")]
    for test in (
        lambda e: not (translations_of(e).get("sv") or {}).get("title"),
        lambda e: "sv" not in catalogue.bodies.get(e.path, {}),
    ):
        if any(map(test, finnish)):
            return _first(finnish, test, "experiment shown in Finnish on the Swedish pages")
    return _first(finnish, lambda e: False, "experiment shown in Finnish on the Swedish pages")


def translated_learning(catalogue: Catalogue, language: str) -> Entry:
    """A learning with a title and summary in ``language``."""
    return _first(
        catalogue.learnings.values(),
        lambda e: bool((translations_of(e).get(language) or {}).get("summary")),
        f"learning translated into {language}",
    )


def experiment_with_learnings(catalogue: Catalogue) -> Entry:
    """An experiment whose page lists learnings, with its evaluation, result and funding."""
    return _first(
        catalogue.experiments.values(),
        lambda e: (
            bool(catalogue.learnings_of(e.slug))
            and bool(e.values.get("evaluation"))
            and bool(e.values.get("result"))
            and bool(e.values.get("funding"))
        ),
        "experiment with learnings, an evaluation, a result and funding",
    )


def longest_sources_experiment(catalogue: Catalogue) -> Entry:
    """The experiment with the longest source address: the hardest page to fit on a phone."""
    return max(
        sorted(catalogue.experiments.values(), key=lambda e: e.slug),
        key=lambda e: max(len(url) for url in e["sources"]),
    )


def a_learning(catalogue: Catalogue) -> Entry:
    """A learning (the first by slug)."""
    return _first(catalogue.learnings.values(), lambda e: True, "learning")


def title_word(title: str) -> str:
    """The longest word of a title: a query that finds its entry."""
    words = re.findall(r"[^\W\d_]{4,}", title)
    assert words, title
    return max(words, key=len)


def sample_paths(catalogue: Catalogue) -> dict[str, str]:
    """Site paths ("kokeilut/<slug>/") of the chosen entries, by name, for ``str.format``."""
    entries = {
        "translated_experiment": translated_experiment(catalogue),
        "untranslated_experiment": untranslated_experiment(catalogue),
        "longest_sources_experiment": longest_sources_experiment(catalogue),
        "learning": a_learning(catalogue),
        "english_learning": translated_learning(catalogue, "en"),
    }
    return {name: entry.url.lstrip("/") for name, entry in entries.items()}
