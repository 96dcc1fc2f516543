"""``mkdocs serve``: what the last build read, so that the next one re-checks only the files that
changed and re-plans only the pages an edit touched (:mod:`generator.site.incremental`).

An edit to experiments or learnings is planned incrementally. Anything else the site is made
from (a vocabulary, a hand-written page, a translated body, the theme, a page template, the
site's words, mkdocs.yml) or an entry added or removed plans the whole site again, and the
reason is given. No mkdocs import: the plugin hands in the paths.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.content.catalogue import Catalogue
from generator.content.check import EntryCache
from generator.core.schema import Schema
from generator.site.planner import site_sources

# (mtime_ns, size) → digest: a file is hashed again only once its stat changed.
Stat = tuple[int, int]


@dataclass(frozen=True)
class Decision:
    """How the next plan is made: ``edited`` entry paths, or the whole site for ``reason``."""

    edited: frozenset[str] = frozenset()
    reason: str = ""

    @property
    def incremental(self) -> bool:
        return not self.reason


class Rebuilds:
    """One serve session's memory of the sources it built from."""

    def __init__(self) -> None:
        self.entries = EntryCache()
        self._digests: dict[str, tuple[Stat, str]] = {}
        self._built: dict[str, str] | None = None  # path → digest at the last finished plan
        self._entry_paths: frozenset[str] = frozenset()
        self.current: dict[str, str] = {}

    def look(self, root: Path, sources: Iterable[Path]) -> None:
        """Fingerprint every file under ``sources`` (files or folders) by its bytes."""
        current: dict[str, str] = {}
        for source in sources:
            files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
            for path in files:
                if path.is_file():
                    current[_name(path, root)] = self._digest(path)
        self.current = current

    def decide(self, catalogue: Catalogue) -> Decision:
        """Incremental when only entry files changed since the last plan, and the same entries
        exist."""
        if self._built is None:
            return Decision(reason="the first build of this session")
        changed = sorted(
            p for p in self.current.keys() | self._built.keys() if self.current.get(p) != self._built.get(p)
        )
        entry_paths = entry_files(catalogue)
        others = [p for p in changed if p not in entry_paths or p not in self._entry_paths]
        if others:
            return Decision(
                reason=f"{others[0]} changed" + (f" (and {len(others) - 1} more)" if len(others) > 1 else "")
            )
        if entry_paths != self._entry_paths:
            return Decision(reason="an entry was added, removed or refused")
        return Decision(edited=frozenset(changed))

    def planned(self, catalogue: Catalogue) -> None:
        """The plan of what :meth:`look` saw is made: the next decision compares with it."""
        self._built = dict(self.current)
        self._entry_paths = entry_files(catalogue)

    def forget(self) -> None:
        """A failed build: the next one plans everything."""
        self._built = None

    def _digest(self, path: Path) -> str:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        known = self._digests.get(str(path))
        if known is None or known[0] != key:
            known = self._digests[str(path)] = (key, hashlib.blake2b(path.read_bytes()).hexdigest())
        return known[1]


def sources(root: Path, config_file: str, custom_dir: str | None, schema: Schema) -> list[Path]:
    """Everything a build reads that an edit under mkdocs serve may change: mkdocs.yml, the
    docs, vocabulary and entry folders, the theme's own folder, the page templates and words."""
    folders = [
        schema.site.docs_directory,
        schema.vocabulary_directory,
        *(e.directory for e in schema.entries),
    ]
    found = [Path(config_file), *(root / folder for folder in folders)]
    if custom_dir:
        found.append(Path(custom_dir))
    return [*found, *site_sources()]


def entry_files(catalogue: Catalogue) -> frozenset[str]:
    """The root-relative paths of the valid experiments and learnings."""
    return frozenset(e.path for e in (*catalogue.experiments.values(), *catalogue.learnings.values()))


def _name(path: Path, root: Path) -> str:
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(resolved)


def unmodified() -> bool:
    """``is_modified`` of a generated file identical to the last build's, in a dirty build."""
    return False


class DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation stale, which would abort a
    strict build: the generated pages are compared with the last build's (the plugin's
    ``_track``), so ``mkdocs serve --dirty`` is safe for them."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")
