"""The finder's documents: every experiment and learning, numbered newest first, and the plain
text of their bodies that the index reads."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.content.catalogue import Catalogue
from generator.core.model import Entry
from generator.i18n.presentation import date_key, finnish_key

# How much of an entry's body is searchable: its first words, after title, summary and keywords.
# As many as the budget allows: the index build stays under 10 % of the site build at 10,000
# experiments (benchmarks/search.py; about 9 % with 120 words, too close to the limit).
BODY_WORDS = 100

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"<?\b(?:https?|mailto):[^\s>]+>?")
_MARKUP = "#*_`>|~"  # emphasis, headings, code, quotes, tables: spaces to the index


def body_text(markdown: str, words: int = BODY_WORDS) -> str:
    """The first ``words`` words of a Markdown body as plain text (link text kept, URLs dropped)."""
    # Only the start of the body is read: enough characters for the words and their markup.
    text = markdown[: words * 24]
    if "](" in text:
        text = _MARKDOWN_LINK.sub(r"\1", text)
    if "http" in text or "mailto:" in text:
        text = _URL.sub(" ", text)
    for mark in _MARKUP:
        text = text.replace(mark, " ")
    return " ".join(text.split(maxsplit=words)[:words])


def entry_date(entry: Entry) -> Any:
    """When an entry happened: an experiment's start, a learning's date."""
    return entry.values.get("start" if entry.kind == "experiment" else "date")


def order_documents(catalogue: Catalogue) -> list[Entry]:
    """Every experiment and learning, newest first (the finder's document numbers)."""
    entries = [*catalogue.experiments.values(), *catalogue.learnings.values()]
    return sorted(entries, key=lambda e: (date_key(entry_date(e)), finnish_key(e.title), e.kind, e.slug))


def experiments_of(entry: Entry, experiments: Mapping[str, Entry]) -> list[Entry]:
    """An experiment itself, or the experiments a learning names (those in the catalogue)."""
    if entry.kind == "experiment":
        return [entry]
    return [experiments[slug] for slug in entry.values.get("experiments") or () if slug in experiments]
