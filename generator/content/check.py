"""Load the whole catalogue: vocabularies, then every entry, then the cross-file rules, then
the links and addresses of the site it would publish (:mod:`generator.content.site_map`,
:mod:`generator.content.links`, :mod:`generator.content.placement`)."""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import gc
import hashlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from generator.content.body import check_body
from generator.content.catalogue import Catalogue
from generator.content.evidence import check_evidence
from generator.content.handwritten import load_pages, sort_docs
from generator.content.intros import load_intros
from generator.content.layout import survey
from generator.content.links import check_links
from generator.content.loading import EntryFile, discover_entries, load_entry
from generator.content.municipalities import check_municipality_regions
from generator.content.parts import check_parts
from generator.content.placement import check_placement
from generator.content.site_map import map_site, published_texts
from generator.content.translated_bodies import check_translations, load_translated_bodies
from generator.content.translation_review import glossary_names, review_translations
from generator.content.unconfirmed import check_unconfirmed
from generator.content.validation import check_duplicate_slugs, check_experiment, check_references
from generator.content.vocabulary import Vocabulary, load_vocabularies
from generator.content.workers import map_in_order, worker_count
from generator.core.model import Entry
from generator.core.problems import CatalogueError, Problem, ProblemSink
from generator.core.schema import Schema, load_schema
from generator.i18n.language_id import load_profiles


class EntryCache:
    """Each entry file's reading and checks, kept between runs in one process (``mkdocs serve``):
    keyed by the file's path, kind and bytes and by the vocabularies' version, so that a file
    is read and checked again only once it or a vocabulary changed. The rules across files run
    every time."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str, str, str], tuple[Entry | None, tuple[Problem, ...]]] = {}
        self.vocabulary_version = ""
        self._vocabularies: tuple[dict[str, Vocabulary], tuple[Problem, ...]] | None = None
        self.hits = self.misses = 0

    def vocabularies(self, root: Path, schema: Schema, problems: list[Problem]) -> dict[str, Vocabulary]:
        """The vocabularies, read again only once one of their files changed."""
        version = vocabulary_version(root, schema)
        if self._vocabularies is None or version != self.vocabulary_version:
            mine: list[Problem] = []
            self._vocabularies = (load_vocabularies(root, schema, mine), tuple(mine))
            self.vocabulary_version = version
        problems.extend(self._vocabularies[1])
        return self._vocabularies[0]

    def load(self, root: Path, file: EntryFile, schema: Schema, vocabularies, problems: list[Problem]):
        try:
            digest = hashlib.sha256((root / file.path).read_bytes()).hexdigest()
        except OSError:
            digest = ""  # load_entry reports it
        key = (file.path, file.kind, digest, self.vocabulary_version)
        found = self._found.get(key) if digest else None
        if found is None:
            self.misses += 1
            mine: list[Problem] = []
            entry = _load_entry(root, file, schema, vocabularies, mine)
            found = (entry, tuple(mine))
            if digest:
                # Only the newest version of each file is kept.
                self._found = {k: v for k, v in self._found.items() if k[0] != file.path}
                self._found[key] = found
        else:
            self.hits += 1
        problems.extend(found[1])
        return found[0]


def vocabulary_version(root: Path, schema: Schema) -> str:
    """A digest of every vocabulary file's bytes."""
    digest = hashlib.sha256()
    for spec in schema.vocabularies:
        path = root / schema.vocabulary_directory / spec.file
        digest.update(spec.file.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"\0missing")
    return digest.hexdigest()


# Objects allocated between two collections of the youngest generation while checking, instead of
# Python's 700: the check allocates many short-lived containers (YAML events, nodes, values) that
# reference counting frees, and every collection also walks what survived so far. About 6 % of
# the CPU time at 10,000 experiments; the memory held up is a few MB at most.
_ALLOCATIONS_PER_COLLECTION = 10_000


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """The garbage collector run less often for the duration, as set before afterwards."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _ALLOCATIONS_PER_COLLECTION), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


@_fewer_collections()
def check_catalogue(root: Path, schema: Schema | None = None, cache: EntryCache | None = None) -> Catalogue:
    """Load and validate everything, never raising for content problems. With ``cache``, an
    entry file unchanged since the cache last saw it is not read and checked again."""
    schema = schema or load_schema()
    root = Path(root)
    problems: list[Problem] = []
    if cache is not None:
        vocabularies = cache.vocabularies(root, schema, problems)
    else:
        vocabularies = load_vocabularies(root, schema, problems)
    # Every file is taken from the survey, which never follows a link (generator.content.layout).
    tree = survey(root, [schema.site.docs_directory, *(e.directory for e in schema.entries)], problems)
    claimed: set[str] = set()
    found = discover_entries(tree, schema, problems, claimed)
    files = [f for f in found if not f.language]
    translation_files = [f for f in found if f.language]
    problems.extend(check_duplicate_slugs(files))
    entries = _load_entries(root, files, schema, vocabularies, problems, cache)
    _check_across_entries(entries, files, schema, vocabularies, problems)
    bodies = _translations(root, entries, files, translation_files, schema, vocabularies, problems)
    intros = load_intros(root, tree, schema, vocabularies, problems, claimed)
    for intro in intros.values():
        check_body(intro.markdown, intro.first_line, ProblemSink(intro.path, problems))
    page_paths, static = sort_docs(tree, schema, claimed, problems)
    catalogue = Catalogue(
        root=root,
        schema=schema,
        vocabularies=vocabularies,
        experiments=dict(sorted(entries["experiment"].items())),
        learnings=dict(sorted(entries["learning"].items())),
        files=files,
        intros=intros,
        bodies=bodies,
        translation_files=translation_files,
        pages=load_pages(root, page_paths, schema, problems),
        static_files=tuple(static),
    )
    check_site(catalogue, problems)
    return _without_invalid_entries(catalogue, problems)


def _load_entries(
    root: Path,
    files: list[EntryFile],
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    problems: list[Problem],
    cache: EntryCache | None = None,
) -> dict[str, dict[str, Entry]]:
    """Each kind's entries by slug, those read without an error, their bodies checked; without
    ``cache``, over the cores in a large catalogue (:mod:`generator.content.workers`)."""
    entries: dict[str, dict[str, Entry]] = {e.kind: {} for e in schema.entries}
    if cache is not None:
        loaded = [cache.load(root, file, schema, vocabularies, problems) for file in files]
    else:

        def load(file: EntryFile) -> tuple[Entry | None, list[Problem]]:
            mine: list[Problem] = []
            return _load_entry(root, file, schema, vocabularies, mine), mine

        loaded = []
        for entry, found in map_in_order(load, files):
            problems.extend(found)
            loaded.append(entry)
    for file, entry in zip(files, loaded, strict=True):
        if entry is not None:
            entries[file.kind][entry.slug] = entry
    return entries


def _load_entry(
    root: Path,
    file: EntryFile,
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    problems: list[Problem],
) -> Entry | None:
    """One entry file read and checked, its body too."""
    entry = load_entry(root, file, schema.entry(file.kind), schema, vocabularies, problems)
    if entry is not None:
        check_body(entry.body, entry.body_line, ProblemSink(entry.path, problems))
    return entry


def _translations(
    root: Path,
    entries: dict[str, dict[str, Entry]],
    files: list[EntryFile],
    translation_files: list[EntryFile],
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    problems: list[Problem],
) -> dict[str, dict[str, str]]:
    """The entries' translations checked and reviewed (:mod:`generator.content.translation_review`),
    and their translated bodies read (entry path → language → body)."""
    loaded = {e.path: e for kind in entries.values() for e in kind.values()}
    for entry in loaded.values():
        check_translations(entry, problems)
    bodies = load_translated_bodies(
        root, translation_files, loaded, {f.path for f in files}, schema.max_file_bytes, problems
    )
    names = glossary_names(vocabularies)
    if worker_count(len(loaded)) > 1:
        load_profiles()  # once here, not once in each worker

    def review(entry: Entry) -> list[Problem]:
        mine: list[Problem] = []
        review_translations(entry, bodies.get(entry.path, {}), mine, names)
        return mine

    for found in map_in_order(review, list(loaded.values())):
        problems.extend(found)
    return bodies


def _check_across_entries(
    entries: dict[str, dict[str, Entry]],
    files: list[EntryFile],
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    problems: list[Problem],
) -> None:
    """The rules across fields and files: an experiment's own, unconfirmed facts, verdicts'
    evidence, and the references of learnings and parts to experiments (which exist if their file does)."""
    experiments, learnings = entries["experiment"], entries["learning"]
    for experiment in experiments.values():
        problems.extend(check_experiment(experiment))
        problems.extend(check_municipality_regions(experiment, vocabularies))
    for entry in (*experiments.values(), *learnings.values()):
        problems.extend(check_unconfirmed(entry, schema.entry(entry.kind)))
        problems.extend(check_evidence(entry))
    experiment_files = {f.slug for f in files if f.kind == "experiment"}
    problems.extend(check_references(learnings.values(), experiment_files, _closest_slugs(experiment_files)))
    problems.extend(check_parts(experiments, experiment_files, _closest_slugs(experiment_files)))


def check_site(catalogue: Catalogue, problems: list[Problem]) -> None:
    """Report broken relative links, page clashes and dropped pages of the site the catalogue
    would publish (:mod:`generator.content.site_map`).

    The links of a file with an error are looked at once that error is fixed: its body may be
    one the body rules refuse unparsed (``body-too-complex``), which must never be parsed."""
    site = map_site(catalogue)
    failed = {p.path for p in problems if p.is_error}
    for text in published_texts(catalogue):
        if text.path not in failed:
            check_links(text, site, ProblemSink(text.path, problems))
    check_placement(catalogue, site, problems)


def _without_invalid_entries(catalogue: Catalogue, problems: list[Problem]) -> Catalogue:
    """Only entries without any error, including the cross-file ones, make up the catalogue."""
    invalid = {p.path for p in problems if p.is_error}
    return dataclasses.replace(
        catalogue,
        experiments={s: e for s, e in catalogue.experiments.items() if e.path not in invalid},
        learnings={s: e for s, e in catalogue.learnings.items() if e.path not in invalid},
        # A link reported by the survey and again by the reader of a vocabulary is one problem.
        problems=sorted(set(problems)),
    )


def load_catalogue(root: Path, schema: Schema | None = None) -> Catalogue:
    """The validated catalogue. Raises :class:`CatalogueError` listing every error, if any."""
    catalogue = check_catalogue(root, schema)
    if catalogue.errors:
        raise CatalogueError(catalogue.problems)
    return catalogue


def _closest_slugs(slugs: set[str]) -> Callable[[str], list[str]]:
    ordered = sorted(slugs)

    def closest(slug: str) -> list[str]:
        return difflib.get_close_matches(slug, ordered, n=1, cutoff=0.6)

    return closest
