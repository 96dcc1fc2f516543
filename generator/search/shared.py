"""What every language's finder data has in common for one catalogue, computed once: the
documents in order, their facet values, and the plain text of their bodies."""

from __future__ import annotations

import weakref

from generator.content.catalogue import Catalogue
from generator.core.model import Entry
from generator.search.documents import body_text, experiments_of, order_documents
from generator.search.facets import FacetReader, used_values


class SharedData:
    """The documents of one catalogue, newest first, with their facet values."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.experiments = catalogue.experiments
        self.documents = order_documents(catalogue)
        reader = FacetReader(catalogue.schema)
        self.values = [reader.values(entry, self.experiments) for entry in self.documents]
        self.used = used_values(self.values)
        self._bodies: dict[str, str] = {}
        # Entry path → the base forms and compound parts of its Finnish words (index.py).
        self.morphology: dict[str, str] = {}

    def experiments_of(self, entry: Entry) -> list[Entry]:
        return experiments_of(entry, self.experiments)

    def body_text(self, markdown: str) -> str:
        """:func:`body_text`, once per body for all languages (an untranslated body is the same
        string in each)."""
        found = self._bodies.get(markdown)
        if found is None:
            found = self._bodies[markdown] = body_text(markdown)
        return found


# One SharedData per live catalogue (by identity: a catalogue is never changed after it is checked).
_SHARED: dict[int, tuple[weakref.ref, SharedData]] = {}


def shared_data(catalogue: Catalogue) -> SharedData:
    key = id(catalogue)
    found = _SHARED.get(key)
    if found is not None and found[0]() is catalogue:
        return found[1]

    def forget(ref: weakref.ref, key: int = key) -> None:
        if _SHARED.get(key, (None,))[0] is ref:
            del _SHARED[key]

    shared = SharedData(catalogue)
    _SHARED[key] = (weakref.ref(catalogue, forget), shared)
    return shared


def clear_shared() -> None:
    """Forgets every catalogue's shared data."""
    _SHARED.clear()
