"""A synthetic catalogue: ``kokeilu synth --count N --seed S --out DIR``.

It writes a complete catalogue folder, N experiments and about N/4 learnings with the
vocabularies, the hand-written pages, the theme, the files derived from the schema and an
mkdocs.yml with the catalogue plugin, so that ``kokeilu check`` and ``mkdocs build --strict``
accept it inside DIR. The scale benchmark (benchmarks/scale.py) and the finder's benchmark
(benchmarks/search.py) measure the catalogue on it. The text is generated, not cloned, so that a
search index over it grows the way a real one would:

- The sentences come from a bigram Markov chain trained on the catalogue the command runs in
  (the repository: its experiments and learnings, titles, summaries and bodies; ``chain.py``).
  Every word the chain emits is a word of that corpus, except in the noun slots below.
- Nouns recognised in the corpus (a lexicon of about 300 Finnish nouns, grouped by theme, with
  their inflection: consonant gradation, vowel harmony, the common stem classes; ``lexicon.py``
  and ``nouns.py``) become *slots* that keep their case: "kokeiltiin kunnassa" can become
  "kokeiltiin nuorisotalossa". A slot is filled with one of the entry's topic nouns (from its
  themes), a noun drawn from the whole lexicon with a Zipf-like skew, or a new compound
  ("kuntakokeilu", "asukasraha"), always in the slot's case (``writer.py``). Place names become
  slots filled with the entry's own municipality or region (``places.py``).
- So the same lemma appears in many inflected forms (kunta, kunnan, kunnissa, kuntien), which is
  what stemming is for, and compounds make the number of distinct word forms keep growing with
  the catalogue, sub-linearly (Heaps' law), instead of levelling off at the corpus vocabulary.

The front matter and its distributions are in ``entries.py`` (the organisations in
``organisations.py``). A hand-written page's link to a real entry the synthetic catalogue lacks
(the guide's examples) keeps its text and loses its target.

Output is deterministic for a seed: one ``random.Random(seed)``, sorted inputs, nothing
time-based; two runs write byte-identical folders. The first experiment is the same at every
count for a seed (only what refers to it changes), so a benchmark can compare its page across
sizes. The folder is written to a staging folder beside DIR and swapped in whole
(generator/core/output.py); a non-empty DIR is refused.

Benchmark data, not the runtime: only ``kokeilu synth`` imports this package (generator/cli.py
loads it inside that command), and it never imports MkDocs.
"""

from __future__ import annotations

import argparse
import posixpath
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.content.vocabulary import load_vocabularies
from generator.core.output import discard, staging_folder, swap_in
from generator.core.problems import ConfigError
from generator.core.schema import Schema, load_schema
from generator.derived.files import write_derived_files
from generator.synth.entries import Experiment, Generator


@dataclass(frozen=True)
class Synthesis:
    """What was written: the slugs in the order they were made. For a seed, the first
    experiment is the same at every count."""

    experiments: tuple[str, ...]
    learnings: tuple[str, ...]


def _directories(schema: Schema) -> dict[str, str]:
    """Root-relative entry folders by kind: experiments and content/opit as shipped."""
    return {entry.kind: entry.directory for entry in schema.entries}


def _site_files(root: Path, repo: Path, schema: Schema) -> None:
    """Everything but the entries: the hand-written pages and intros with the vocabularies, the
    theme, mkdocs.yml, and the files derived from the schema (made, not copied)."""
    docs = schema.site.docs_directory
    entry_folders = {(repo / folder).resolve() for folder in _directories(schema).values()}

    def ignore(folder: str, names: list[str]) -> list[str]:
        if Path(folder).resolve() in entry_folders:  # content/opit/: its index.md only
            return [n for n in names if n.endswith(".md") and n != "index.md"]
        return []

    shutil.copytree(repo / docs, root / docs, ignore=ignore, dirs_exist_ok=True)
    if (repo / "theme").is_dir():
        shutil.copytree(repo / "theme", root / "theme", dirs_exist_ok=True)
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    problems: list = []
    vocabularies = load_vocabularies(root, schema, problems)
    if any(p.is_error for p in problems):
        raise ConfigError(f"Kokoelman {repo} sanastoissa on virheitä. Aja ensin kokeilu check.")
    write_derived_files(root, schema, vocabularies)


_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def _unlink_missing_entries(root: Path, schema: Schema, slugs: set[str]) -> None:
    """Hand-written pages (the guide for experimenters) link to real experiments and learnings
    as examples. A synthetic catalogue has other entries: such a link keeps its text and loses
    its target, so that ``mkdocs build --strict`` still finds every link."""
    docs = root / schema.site.docs_directory
    prefixes = tuple(entry.listing_url.strip("/") + "/" for entry in schema.entries)
    entry_folders = {(root / folder).resolve() for folder in _directories(schema).values()}
    for page in sorted(docs.rglob("*.md")):
        if page.parent.resolve() in entry_folders and page.name != "index.md":
            continue
        text = page.read_text(encoding="utf-8")
        folder = posixpath.dirname(page.relative_to(docs).as_posix())

        def unlink(match: re.Match, folder: str = folder) -> str:
            target = match.group(2).split("#", 1)[0].split("?", 1)[0]
            path = posixpath.normpath(posixpath.join(folder, target))
            if path.startswith(prefixes) and path.endswith(".md") and path.count("/") == 1:
                slug = path.split("/", 1)[1].removesuffix(".md")
                if slug != "index" and slug not in slugs:
                    return match.group(1)
            return match.group(0)

        changed = _LINK.sub(unlink, text)
        if changed != text:
            page.write_text(changed, encoding="utf-8", newline="\n")


def make_synthetic(root: Path, count: int, seed: int, repo: Path) -> Synthesis:
    """Write a synthetic catalogue of ``count`` experiments, trained on the catalogue at
    ``repo``, straight into the folder ``root`` (made if missing). :func:`synthesise` is the
    safe entry point: a new or empty folder, written whole."""
    root, repo = Path(root), Path(repo)
    schema = load_schema()
    folders = _directories(schema)
    generator = Generator(random.Random(seed), repo, schema)
    _site_files(root, repo, schema)
    experiments, learnings = root / folders["experiment"], root / folders["learning"]
    experiments.mkdir(parents=True, exist_ok=True)
    learnings.mkdir(parents=True, exist_ok=True)
    made: list[Experiment] = []
    for _ in range(count):
        experiment, text = generator.experiment()
        (experiments / f"{experiment.slug}.md").write_text(text, encoding="utf-8", newline="\n")
        made.append(experiment)
    learned: list[str] = []
    for _ in range(max(1, count // 4)):
        slug, text = generator.learning(made)
        (learnings / f"{slug}.md").write_text(text, encoding="utf-8", newline="\n")
        learned.append(slug)
    _unlink_missing_entries(root, schema, {e.slug for e in made} | set(learned))
    return Synthesis(tuple(e.slug for e in made), tuple(learned))


def synthesise(out: Path, count: int, seed: int, repo: Path) -> Synthesis:
    """:func:`make_synthetic` into ``out``, which must be new or empty. The folder is written
    beside it and swapped in whole: an interrupted or failed run leaves ``out`` as it was."""
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out} ei ole kansio: anna uusi tai tyhjä kansio.")
    if out.is_dir() and any(out.iterdir()):
        raise ConfigError(
            f"Kansio {out} ei ole tyhjä. Synteettinen kokoelma kirjoitetaan vain uuteen tai tyhjään "
            "kansioon, jotta mitään ei kirjoiteta toisen kokoelman päälle."
        )
    staging = staging_folder(out)
    try:
        made = make_synthetic(staging, count, seed, repo)
    except BaseException:
        discard(staging)
        raise
    swap_in(staging, out)
    return made


def run_synth(args: argparse.Namespace, root: Path) -> int:
    """``kokeilu synth``: the arguments are checked by the command line (generator/cli.py)."""
    made = synthesise(args.out, args.count, args.seed, root)
    folder = _directories(load_schema())["experiment"]
    print(
        f"Kirjoitettiin {len(made.experiments)} kokeilua ja {len(made.learnings)} oppia "
        f"kansioon {args.out} (siemen {args.seed})."
    )
    print(f"Ensimmäinen kokeilu: {folder}/{made.experiments[0]}.md")
    print(f"Tarkista ja rakenna kansiossa {args.out}: kokeilu check; mkdocs build --strict")
    return 0
