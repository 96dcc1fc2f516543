"""Translated bodies (``experiments/x.sv.md``) and what is still untranslated.

A translated body holds only Markdown: the translated title and summary live in the entry's own
front matter (``translations:``), so one file says what an entry is called in every language.
Each body file is checked like a body: its language must be a site language other than the
entry's own, its entry must exist, and it must not be empty or carry front matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.content.body import check_body
from generator.content.loading import EntryFile
from generator.content.placeholder import check_placeholders
from generator.content.privacy import check_personal_data
from generator.content.reading import read_text
from generator.core.model import Entry
from generator.core.problems import Problem, ProblemSink
from generator.i18n.languages import CODES, LANGUAGES, original_language, translations_of


def load_translated_bodies(
    root: Path,
    files: Iterable[EntryFile],
    entries: Mapping[str, Entry],
    entry_paths: set[str],
    max_bytes: int,
    problems: list[Problem],
) -> dict[str, dict[str, str]]:
    """The translated bodies by the entry file they belong to, then by language code.

    ``entries`` are the loaded entries by path (their language is read from them), and
    ``entry_paths`` every entry file found, loaded or not (a body of a broken entry is not an
    orphan: the entry's own errors are reported).
    """
    bodies: dict[str, dict[str, str]] = {}
    for file in files:
        sink = ProblemSink(file.path, problems)
        before = len(problems)  # this file's problems follow
        names = ", ".join(f"{code} ({LANGUAGES[code].names['fi']})" for code in CODES)
        if file.language not in LANGUAGES:
            sink.error(
                1,
                1,
                "unknown-language",
                f'Kielikoodia "{file.language}" ei tunneta. Käännöksen tiedostonimi on muotoa '
                f"{file.slug}.<kieli>.md, jossa kieli on jokin näistä: {names}.",
            )
            continue
        if file.original not in entry_paths:
            sink.error(
                1,
                1,
                "orphan-translation",
                f"Tiedostoa {file.original} ei ole, joten tällä käännöksellä ei ole alkuperäistä. "
                f"Käännetyn kuvauksen nimi on alkuperäisen nimi ja kielikoodi, esimerkiksi "
                f"{file.slug}.{file.language}.md tiedostolle {file.slug}.md.",
            )
            continue
        text = read_text(root / file.path, sink, max_bytes)
        if text is None:
            continue
        entry = entries.get(file.original)
        if entry is not None and original_language(entry) == file.language:
            sink.error(
                1,
                1,
                "translation-same-language",
                f"Tiedosto {file.original} on jo kirjoitettu kielellä "
                f"{LANGUAGES[file.language].names['fi']} (kenttä language), joten tämä ei ole "
                "käännös. Poista tiedosto tai korjaa kielikoodi.",
            )
            continue
        if text.startswith("---\n"):
            sink.error(
                1,
                1,
                "translation-front-matter",
                "Käännetyssä kuvauksessa on vain teksti. Siirrä käännetty otsikko ja tiivistelmä "
                f"alkuperäisen tiedoston {file.original} kenttään translations "
                f"({file.language}: title, summary) ja poista --- -rivit tästä tiedostosta.",
            )
            continue
        if not text.strip():
            sink.error(
                1,
                1,
                "empty-body",
                "Tiedosto on tyhjä. Kirjoita siihen käännetty kuvaus Markdownina tai poista tiedosto.",
            )
            continue
        check_placeholders(text, sink)
        check_personal_data(text, sink)
        check_body(text, 1, sink)
        if not any(p.is_error for p in problems[before:]):
            bodies.setdefault(file.original, {})[file.language] = text
    return bodies


def check_translations(entry: Entry, problems: list[Problem]) -> None:
    """A translation into the entry's own language is a mistake (often a wrong ``language``)."""
    original = original_language(entry)
    if original in translations_of(entry):
        line, column = entry.location("translations", original)
        ProblemSink(entry.path, problems).error(
            line,
            column,
            "translation-same-language",
            f"Tiedosto on kirjoitettu kielellä {LANGUAGES[original].names['fi']} (kenttä language"
            f"{'' if entry.values.get('language') else ', oletuksena fi'}), joten käännös "
            f'"{original}" on samalla kielellä. Poista se tai korjaa kenttä language.',
        )


@dataclass(frozen=True, slots=True)
class Untranslated:
    """An entry that some site language shows in its original language."""

    entry: Entry
    # Languages without a translated title and summary, and those without a translated body.
    texts: tuple[str, ...]
    bodies: tuple[str, ...]


def find_untranslated(
    entries: Iterable[Entry], bodies: Mapping[str, Mapping[str, str]]
) -> list[Untranslated]:
    """Every entry missing a translation into some site language, by path."""
    found: list[Untranslated] = []
    for entry in sorted(entries, key=lambda e: e.path):
        original = original_language(entry)
        translated = translations_of(entry)
        others = [code for code in CODES if code != original]
        texts = tuple(c for c in others if c not in translated)
        missing_bodies = tuple(c for c in others if c not in bodies.get(entry.path, {}))
        if texts or missing_bodies:
            found.append(Untranslated(entry, texts, missing_bodies))
    return found
