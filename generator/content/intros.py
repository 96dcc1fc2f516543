"""Hand-written introductions for generated pages (Hugo's ``_index.md``).

In the docs folder (``content/``):
- ``index.md`` introduces the home page;
- ``kokeilut/index.md`` and ``opit/index.md`` introduce the listings of all experiments and learnings;
- ``<taxonomy>/index.md`` introduces a taxonomy page such as /teemat/;
- ``<taxonomy>/<term>.md`` introduces a term page such as /teemat/kiertotalous/.

An introduction is plain Markdown without front matter: the page title comes from the
vocabulary. Any other file in a taxonomy folder or in ``kokeilut/`` would clash with the
generated pages, so it is a problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.content.frontmatter import normalise_newlines
from generator.content.layout import Tree
from generator.content.reading import read_text
from generator.content.vocabulary import Vocabulary
from generator.core.problems import Problem, ProblemSink
from generator.core.schema import Schema
from generator.i18n.languages import CODES, src_uri_in
from generator.i18n.presentation import src_uri_for


@dataclass(frozen=True, slots=True)
class Intro:
    path: str  # relative to the catalogue root, e.g. "content/teemat/kiertotalous.md"
    src_uri: str  # relative to the docs folder, e.g. "teemat/kiertotalous.md"
    markdown: str
    first_line: int = 1  # file line of the first line of ``markdown``


@dataclass(frozen=True)
class IntroPlaces:
    """Where introductions live, docs-relative: the generated-page folders with the names each
    may hold, and the single intros elsewhere (the home page's, the learnings listing's)."""

    folders: dict[str, set[str]]
    singles: tuple[str, ...]
    experiments_folders: frozenset[str]  # the experiments listing's folder in every language


def intro_places(schema: Schema, vocabularies: Mapping[str, Vocabulary]) -> IntroPlaces:
    # The learnings' folder is also where they are written, so only its index.md is an intro.
    finnish = ["index.md", src_uri_for(schema.learning.listing_url, index=True)]
    experiments_folder = schema.experiment.listing_url.strip("/")
    allowed: dict[str, set[str]] = {experiments_folder: {"index.md"}}
    for taxonomy in schema.taxonomies:
        folder = taxonomy.url.strip("/")
        terms = {t.id for t in vocabularies[taxonomy.vocabulary]}
        terms.update(x.id for x in (taxonomy.empty_term, taxonomy.unknown_term) if x is not None)
        allowed[folder] = {"index.md", *(f"{t}.md" for t in terms)}
    # The Swedish and English introductions: the same paths in content/sv/ and content/en/.
    return IntroPlaces(
        folders={src_uri_in(folder, code): names for code in CODES for folder, names in allowed.items()},
        singles=tuple(src_uri_in(uri, code) for code in CODES for uri in finnish),
        experiments_folders=frozenset(src_uri_in(experiments_folder, code) for code in CODES),
    )


def load_intros(
    root: Path,
    tree: Tree,
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    problems: list[Problem],
    claimed: set[str] | None = None,
) -> dict[str, Intro]:
    """Every introduction by its docs-relative path, with a problem for each file that is not one.

    The files come from the survey (:mod:`generator.content.layout`): a link is never read. Every path
    in a generated-page folder, and each single intro found, is added to ``claimed``."""
    claimed = set() if claimed is None else claimed
    docs = schema.site.docs_directory
    places = intro_places(schema, vocabularies)
    candidates = [uri for uri in places.singles if tree.get(f"{docs}/{uri}") is not None]
    for folder, names in sorted(places.folders.items()):
        for node in tree.children(f"{docs}/{folder}"):
            name = node.name
            if name.startswith("."):
                continue  # hidden: never published (see generator.content.handwritten)
            claimed.update([node.path, *(n.path for n in tree.under(node.path))])
            if node.refused:
                continue  # a link, a submodule: reported by the survey
            src_uri = f"{folder}/{name}"
            if name in names and node.is_file:
                candidates.append(src_uri)
                continue
            what = "Tiedosto" if node.is_file else "Kansio"
            if folder in places.experiments_folders:
                fix = (
                    "Tämän kansion sivut tehdään kokeiluista. Kokeilu kuuluu kansioon "
                    f"{schema.experiment.directory}/; kansiossa {docs}/{folder}/ saa olla vain "
                    "listan johdanto index.md."
                )
            else:
                # The vocabulary may be missing or broken (reported on its own); then no example.
                terms = sorted(names - {"index.md"})
                example = f" (esimerkiksi {folder}/{terms[0]})" if terms else ""
                fix = (
                    f"Kansion {docs}/{folder}/ sivut tehdään sanastosta. Johdannon nimi on termin "
                    f"tunniste sanastossa{example} tai index.md koko luettelon johdannolle."
                )
            ProblemSink(f"{docs}/{src_uri}", problems).error(
                1, 1, "unknown-intro", f"{what} {docs}/{src_uri} ei vastaa mitään sivua. {fix}"
            )
    intros: dict[str, Intro] = {}
    for src_uri in sorted(candidates):
        path = f"{docs}/{src_uri}"
        node = tree.get(path)
        if node is None or not node.is_file:
            continue  # a link or a submodule is reported by the survey; a folder is not an intro
        claimed.add(path)
        sink = ProblemSink(path, problems)
        text = read_text(root / path, sink, schema.max_file_bytes)
        if text is None:
            continue
        text = normalise_newlines(text)
        if text.startswith("---"):
            sink.error(
                1,
                1,
                "intro-front-matter",
                "Johdantosivulla ei ole etutietolohkoa: sivun otsikko ja tiedot tehdään "
                "luettelosta. Poista ---‑rivit ja niiden välissä oleva teksti.",
            )
            continue
        markdown = text.lstrip("\n")
        first_line = 1 + len(text) - len(markdown)
        intros[src_uri] = Intro(path, src_uri, markdown.rstrip() + "\n", first_line)
    return intros
