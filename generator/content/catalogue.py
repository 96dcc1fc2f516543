"""The checked catalogue: every entry that passed, the vocabularies, the hand-written pages
and every problem found (:func:`generator.content.check.check_catalogue` makes it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.content.handwritten import Page
from generator.content.intros import Intro
from generator.content.loading import EntryFile
from generator.content.vocabulary import Vocabulary
from generator.core.model import Entry
from generator.core.problems import ConfigError, Problem
from generator.core.schema import Schema, load_schema


@dataclass
class Catalogue:
    """The entries that passed validation, with the vocabularies and every problem found."""

    root: Path
    schema: Schema
    vocabularies: dict[str, Vocabulary]
    experiments: dict[str, Entry]
    learnings: dict[str, Entry]
    files: list[EntryFile]
    intros: dict[str, Intro] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Translated bodies by entry path, then language code; and the files they come from.
    bodies: dict[str, dict[str, str]] = field(default_factory=dict)
    translation_files: list[EntryFile] = field(default_factory=list)
    # The hand-written pages by docs-relative path, and the root-relative files under the docs
    # folder published as they are (vocabularies, JSON Schemas): see generator.content.handwritten.
    pages: dict[str, Page] = field(default_factory=dict)
    static_files: tuple[str, ...] = ()

    @property
    def hand_written_files(self) -> frozenset[str]:
        """The docs-relative files published as they were written: the hand-written pages and the
        static files. Nothing else from the docs folder is published."""
        docs = self.schema.site.docs_directory + "/"
        return frozenset(self.pages) | {path.removeprefix(docs) for path in self.static_files}

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def learnings_of(self, experiment_slug: str) -> list[Entry]:
        """The learnings that name an experiment, sorted by slug."""
        return self._learnings_by_experiment.get(experiment_slug, [])

    def __post_init__(self) -> None:
        index: dict[str, list[Entry]] = {}
        for learning in self.learnings.values():
            for slug in learning["experiments"]:
                index.setdefault(slug, []).append(learning)
        self._learnings_by_experiment = index


def find_root(start: Path, schema: Schema | None = None) -> Path:
    """The nearest folder at or above ``start`` that holds the vocabulary folder."""
    schema = schema or load_schema()
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / schema.vocabulary_directory).is_dir():
            return folder
    raise ConfigError(
        f"Kokoelmaa ei löytynyt kansiosta {start} eikä sen yläkansioista: kansiota "
        f"{schema.vocabulary_directory}/ ei ole. Aja komento repositorion juuressa tai anna --root."
    )
