"""``kokeilu diff BASE HEAD``: what a change does to the catalogue, between two git revisions.

Each revision's catalogue files are read from git as data (:mod:`generator.editorial.revision`)
into a temporary folder and checked with :func:`~generator.content.check.check_catalogue`.
Nothing from a revision is ever run, so the command is safe on a stranger's pull request. Every
file HEAD adds or changes (entry or not) has its problems listed.

Which entry files were added, removed, renamed or modified is what ``git diff --name-status -M``
says; a file git sees as renamed (similar content under a new name) is reported as renamed,
otherwise as removed plus added. For a modified or renamed entry valid on both sides, the report
names every field that changed, in Finnish: ``alueet: uusimaa → pirkanmaa`` for short values,
``tiivistelmä muuttui`` for long text and nested values, ``kuvaus muuttui`` for the body.

Likely duplicates are added entries similar to another entry of the same kind in HEAD (see
:mod:`generator.editorial.similarity` for the thresholds): each added entry's
:data:`~generator.editorial.similarity.PER_ENTRY` best matches, and of those the
:data:`~generator.editorial.similarity.MAX_PAIRS` best; the report says how many it left out.
Vocabulary terms added, removed or relabelled are listed per vocabulary
(:mod:`generator.editorial.vocabulary_diff`). The validation result is HEAD's: the error and
warning counts of the whole catalogue and every problem in the added, renamed and
modified files. The report's formats are in :mod:`generator.editorial.diff_formats`.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.check import check_catalogue
from generator.core.model import Entry
from generator.core.problems import Problem
from generator.core.schema import FieldSpec, Schema, load_schema
from generator.editorial.reporting import Summary
from generator.editorial.revision import Revision, materialise, name_status, verify_revision
from generator.editorial.similarity import SHOWN, Limits, Match, SimilarityIndex, similar_to
from generator.editorial.vocabulary_diff import TermChange, vocabulary_changes
from generator.opendata.export import _plain

# A text value longer than this, and every nested value, is reported as "muuttui" only.
SHORT_VALUE = 60
# More added entries than this are matched through an index instead of one by one.
INDEX_FROM = 20
STATUS_ORDER = ("added", "removed", "renamed", "modified")
# git's status letters of a file added or removed; any other (M, T) is a modified file.
_STATUS_NAMES = {"A": "added", "D": "removed"}


@dataclass(frozen=True)
class EntryChange:
    kind: str
    status: str  # added, removed, renamed or modified
    path: str  # the path in HEAD (in BASE for a removed entry)
    title: str | None  # None when the entry is invalid on the side it is read from
    old_path: str | None = None  # a renamed entry's path in BASE
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Duplicate:
    kind: str
    path: str
    title: str
    other_path: str
    other_title: str
    score: float


@dataclass
class CatalogueDiff:
    base: str
    head: str
    entries: list[EntryChange] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    duplicates_found: int = 0  # shown or not
    limits: Limits = SHOWN
    summary: Summary | None = None
    problems: list[Problem] = field(default_factory=list)  # HEAD's problems in changed files
    vocabularies: list[TermChange] = field(default_factory=list)  # terms added, removed, relabelled

    @property
    def valid(self) -> bool:
        return self.summary is not None and self.summary.errors == 0


def diff_catalogues(
    root: Path, base: str, head: str, schema: Schema | None = None, limits: Limits = SHOWN
) -> CatalogueDiff:
    """Compare the catalogue at two git revisions of the repository that holds ``root``;
    ``limits`` bound the likely duplicates shown."""
    schema = schema or load_schema()
    base_commit = verify_revision(root, base)
    head_commit = verify_revision(root, head)
    with tempfile.TemporaryDirectory(prefix="kokeilu-diff-") as temp:
        before = _Side(_check_revision(materialise(root, base_commit, Path(temp) / "base", schema), schema))
        after = _Side(_check_revision(materialise(root, head_commit, Path(temp) / "head", schema), schema))
    changes = name_status(root, base_commit, head_commit, schema)
    # Every file added or changed in HEAD, entry or not: its problems are listed.
    changed_paths = {new_path or path for status, path, new_path in changes if status != "D"}
    report = CatalogueDiff(base, head, limits=limits)
    report.entries = sorted(
        _entry_changes(changes, before, after),
        key=lambda c: (c.kind, STATUS_ORDER.index(c.status), c.path),
    )
    report.duplicates, report.duplicates_found = _duplicates(report.entries, after, limits)
    report.vocabularies = vocabulary_changes(before.catalogue.vocabularies, after.catalogue.vocabularies)
    head_cat = after.catalogue
    report.summary = Summary.of_catalogue(head_cat, head_cat.problems)
    report.problems = [p for p in head_cat.problems if p.path in changed_paths]
    return report


def _check_revision(revision: Revision, schema: Schema) -> Catalogue:
    """The revision's catalogue checked, with its links and submodules as problems."""
    catalogue = check_catalogue(revision.folder, schema)
    catalogue.problems = sorted({*catalogue.problems, *revision.problems()})
    return catalogue


class _Side:
    """One revision's catalogue, with its entries and file kinds by path (one lookup each)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.entries = {e.path: e for e in [*catalogue.experiments.values(), *catalogue.learnings.values()]}
        self.kinds = {f.path: f.kind for f in catalogue.files}

    def entry(self, path: str) -> Entry | None:
        return self.entries.get(path)

    def kind(self, path: str) -> str | None:
        return self.kinds.get(path)


# --- the entries that changed --------------------------------------------------------------


def _entry_changes(
    changes: list[tuple[str, str, str | None]], before: _Side, after: _Side
) -> list[EntryChange]:
    """The entries among the files git lists as changed, as added, removed, renamed or modified."""
    found = []
    for status, path, new_path in changes:
        renamed = _renamed(status, path, new_path, before, after)
        if renamed is not None:
            found.append(renamed)
            continue
        for letter, one in _as_added_or_removed(status, path, new_path):
            kind = (before if letter == "D" else after).kind(one)
            if kind is not None:
                found.append(_change(kind, _STATUS_NAMES.get(letter, "modified"), one, before, after))
    return found


def _renamed(status: str, path: str, new_path: str | None, before: _Side, after: _Side) -> EntryChange | None:
    """A file git sees as renamed that is an entry of the same kind on both sides."""
    if status != "R" or new_path is None:
        return None
    kind = after.kind(new_path)
    if kind is None or kind != before.kind(path):
        return None
    return _change(kind, "renamed", new_path, before, after, old_path=path)


def _as_added_or_removed(status: str, path: str, new_path: str | None) -> list[tuple[str, str]]:
    """(status letter, path) of each side of a change: a move between kinds, or to or from a
    file that is not an entry, is the old file removed and the new one added; a copy is added."""
    if status == "R" and new_path is not None:
        return [("D", path), ("A", new_path)]
    if status == "C" and new_path is not None:
        return [("A", new_path)]
    return [(status, path)]


def _change(
    kind: str, status: str, path: str, base: _Side, head: _Side, old_path: str | None = None
) -> EntryChange:
    schema = head.catalogue.schema
    new = head.entry(path) if status != "removed" else None
    old = base.entry(old_path or path) if status != "added" else None
    shown = old if status == "removed" else new
    changes: list[str] = []
    if status in ("modified", "renamed"):
        if old is not None and new is not None:
            changes = field_changes(old, new, schema.entry(kind).fields)
        elif new is None:
            changes = ["ei verrattu: tiedostossa on virheitä"]
        else:
            changes = ["ei verrattu: tiedostossa oli virheitä ennen muutosta"]
    return EntryChange(kind, status, path, shown.title if shown else None, old_path, tuple(changes))


def field_changes(old: Entry, new: Entry, specs: tuple[FieldSpec, ...]) -> list[str]:
    """Finnish lines, one per changed field in schema order, then the body."""
    lines = []
    for spec in specs:
        before = _plain(old.values.get(spec.name), spec)
        after = _plain(new.values.get(spec.name), spec)
        if before == after:
            continue
        label = spec.label_fi.lower()
        if _is_short(before) and _is_short(after):
            lines.append(f"{label}: {_show(before)} → {_show(after)}")
        else:
            lines.append(f"{label} muuttui")
    if old.body.strip() != new.body.strip():
        lines.append("kuvaus muuttui")
    return lines


def _show(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "(tyhjä)"
    if isinstance(value, bool):
        return "kyllä" if value else "ei"
    return str(value)


def _is_short(value: Any) -> bool:
    if isinstance(value, dict):
        return False
    if isinstance(value, list):
        return all(not isinstance(v, dict | list) for v in value) and len(_show(value)) <= SHORT_VALUE
    return "\n" not in _show(value) and len(_show(value)) <= SHORT_VALUE


# --- likely duplicates ------------------------------------------------------------------------


def _duplicates(changes: list[EntryChange], head: _Side, limits: Limits) -> tuple[list[Duplicate], int]:
    """Added entries similar to another entry of the same kind in HEAD (other added ones too),
    within ``limits``; and how many such pairs there are in all.

    Only each entry's best matches are kept, so the memory never grows with the pairs."""
    added = [c for c in changes if c.status == "added" and head.entry(c.path) is not None]
    kept: list[Duplicate] = []
    found = 0
    for kind in sorted({c.kind for c in added}):
        mine = [head.entry(c.path) for c in added if c.kind == kind]
        others = head.catalogue.experiments if kind == "experiment" else head.catalogue.learnings
        for entry, matches, count in _best_matches(mine, others.values(), limits.per_entry):
            found += count
            kept += [
                Duplicate(kind, entry.path, entry.title, m.other.path, m.other.title, m.score)
                for m in matches
            ]
    return _best_of(kept, limits.total), found


def _best_of(pairs: list[Duplicate], total: int | None) -> list[Duplicate]:
    """The ``total`` most similar ``pairs`` (all when None), in the order found."""
    if total is None or len(pairs) <= total:
        return pairs
    best = set(heapq.nsmallest(total, range(len(pairs)), key=lambda n: (-pairs[n].score, n)))
    return [d for n, d in enumerate(pairs) if n in best]


def _best_matches(
    mine: list[Entry | None], others: Collection[Entry], per_entry: int | None
) -> list[tuple[Entry, list[Match], int]]:
    """Each entry's best matches among ``others`` and how many it has in all. A few entries are
    compared with every entry; many (a bulk import) use the index."""
    index = SimilarityIndex(others) if len(mine) > INDEX_FROM else None
    found = []
    for entry in mine:
        assert entry is not None
        if index:
            matches, count = index.best_matches_of(entry, per_entry)
        else:
            every = similar_to(entry, others)
            matches, count = every[:per_entry], len(every)
        found.append((entry, matches, count))
    return found
