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

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.frontmatter import normalise_newlines
from generator.languages import CODES, src_uri_in
from generator.loading import shown_name
from generator.presentation import src_uri_for
from generator.problems import Problem, ProblemSink
from generator.reading import read_text
from generator.schema import Schema
from generator.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Intro:
    path: str  # relative to the catalogue root, e.g. "content/teemat/kiertotalous.md"
    src_uri: str  # relative to the docs folder, e.g. "teemat/kiertotalous.md"
    markdown: str
    first_line: int = 1  # file line of the first line of ``markdown``


def load_intros(
    root: Path, schema: Schema, vocabularies: Mapping[str, Vocabulary], problems: list[Problem]
) -> dict[str, Intro]:
    """Every introduction by its docs-relative path, with a problem for each file that is not one."""
    docs = schema.site.docs_directory
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
    candidates = [src_uri_in(uri, code) for code in CODES for uri in finnish]
    allowed = {src_uri_in(folder, code): names for code in CODES for folder, names in allowed.items()}
    experiments_folders = {src_uri_in(experiments_folder, code) for code in CODES}
    for folder, names in sorted(allowed.items()):
        directory = root / docs / folder
        if not directory.is_dir():
            continue
        with os.scandir(directory) as listing:
            found = sorted((item.name, item.is_dir()) for item in listing)
        for name, is_dir in found:
            if name.startswith("."):
                continue
            name = shown_name(name)  # bytes that are not UTF-8, printable (never an intro)
            src_uri = f"{folder}/{name}"
            if name in names and not is_dir:
                candidates.append(src_uri)
                continue
            what = "Kansio" if is_dir else "Tiedosto"
            if folder in experiments_folders:
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
        if not (root / path).is_file():
            continue
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
