"""Find entry files and turn each into an :class:`Entry`, reporting every problem on the way."""

from __future__ import annotations

from collections.abc import Mapping as MappingABC
from dataclasses import dataclass
from pathlib import Path

from generator.content.fields import FieldChecker
from generator.content.frontmatter import split_front_matter
from generator.content.layout import Tree
from generator.content.placeholder import check_placeholders
from generator.content.privacy import check_personal_data
from generator.content.reading import read_text
from generator.content.vocabulary import Vocabulary
from generator.content.yamltree import Mapping, compose, describe
from generator.core.model import Entry
from generator.core.problems import Problem, ProblemSink
from generator.core.schema import EntrySchema, Schema
from generator.core.slug import is_slug, slugify
from generator.i18n.languages import translation_file

# Files that may sit beside the entries without being entries.
IGNORED_NAMES = frozenset({"README.md"})
# In the learnings folder, index.md is the hand-written introduction of /opit/.
RESERVED_NAMES = {"learning": frozenset({"index.md"})}


@dataclass(frozen=True, slots=True)
class EntryFile:
    kind: str
    path: str  # relative to the catalogue root, with forward slashes
    # A translated body ("experiments/x.sv.md"): its language code; "" for an entry file.
    language: str = ""

    @property
    def slug(self) -> str:
        name = self.path.rsplit("/", 1)[-1].removesuffix(".md")
        return name.rsplit(".", 1)[0] if self.language else name

    @property
    def original(self) -> str:
        """The entry file a translated body belongs to ("experiments/x.md")."""
        return self.path.rsplit("/", 1)[0] + f"/{self.slug}.md"


def discover_entries(
    tree: Tree, schema: Schema, problems: list[Problem], claimed: set[str] | None = None
) -> list[EntryFile]:
    """Every entry file, sorted by path. Stray files in the entry folders are problems.

    The files come from the survey (:mod:`generator.content.layout`), so a link is never read. The
    paths decided here (entries, and stray files reported here) are added to ``claimed``; the
    rest of an entry folder inside the docs folder (README.md, hidden files, the sub-folders of
    content/opit/) is left to the hand-written site content (:mod:`generator.content.handwritten`)."""
    claimed = set() if claimed is None else claimed
    found: list[EntryFile] = []
    for entry_schema in schema.entries:
        reserved = RESERVED_NAMES.get(entry_schema.kind, frozenset())
        for node in tree.children(entry_schema.directory):
            name, rel = node.name, node.path
            if node.refused:
                claimed.add(rel)  # a link, a submodule: reported by the survey
                continue
            if name.startswith(".") or name in IGNORED_NAMES or name in reserved:
                continue
            if not node.readable_name and not (node.is_folder and entry_schema.kind == "learning"):
                claimed.add(rel)
                # Bytes that are not UTF-8 in the name: it can be neither shown nor published.
                # Such names are most often Latin-1 (ä as the byte 0xE4): suggest from that reading.
                latin1 = _latin1(name)
                suggestion = slugify(latin1.rsplit(".", 1)[0] if node.is_file else latin1) or "uusi-nimi"
                ProblemSink(rel, problems).error(
                    1,
                    1,
                    "bad-slug",
                    f'{"Tiedoston" if node.is_file else "Kansion"} nimessä "{name}" on tavuja, jotka '
                    "eivät ole UTF-8-merkistöä, joten sitä ei lueta. Nimeä se uudelleen käyttäen vain "
                    f"pieniä kirjaimia a–z, numeroita ja väliviivoja, esimerkiksi {suggestion}"
                    f"{'.md' if node.is_file else ''}.",
                )
                continue
            if node.is_folder:
                if entry_schema.kind == "learning":
                    continue  # sub-folders of content/opit/ are ordinary site content
                claimed.update([rel, *(n.path for n in tree.under(rel))])
                ProblemSink(rel, problems).error(
                    1,
                    1,
                    "unexpected-file",
                    f"Kansio {rel}/ ei kuulu tänne: jokainen {entry_schema.label_fi.lower()} on "
                    f"oma .md-tiedostonsa suoraan kansiossa {entry_schema.directory}/.",
                )
                continue
            claimed.add(rel)
            if not name.endswith(".md"):
                stem = name.rsplit(".", 1)[0] if "." in name else name
                ProblemSink(rel, problems).error(
                    1,
                    1,
                    "unexpected-file",
                    f"Kansiossa {entry_schema.directory}/ luetaan vain .md-tiedostot, joten tätä "
                    f"tiedostoa ei julkaistaisi. Nimeä se muotoon {slugify(stem) or 'nimi'}.md "
                    "tai siirrä se muualle.",
                )
                continue
            translated = translation_file(rel)
            found.append(EntryFile(entry_schema.kind, rel, translated[1] if translated else ""))
    return found


def _latin1(shown: str) -> str:
    """A name shown with \\x escapes (see shown_name) read back with those bytes as Latin-1."""
    return shown.encode("ascii", "backslashreplace").decode("unicode_escape")


def load_entry(
    root: Path,
    file: EntryFile,
    entry_schema: EntrySchema,
    schema: Schema,
    vocabularies: MappingABC[str, Vocabulary],
    problems: list[Problem],
) -> Entry | None:
    """Read, split, compose and check one file. Returns None if it has any error."""
    sink = ProblemSink(file.path)
    _check_slug(file, sink)
    text = read_text(root / file.path, sink, schema.max_file_bytes)
    entry = None
    if text is not None:
        check_placeholders(text, sink)
        check_personal_data(text, sink)
        entry = _parse_entry(text, file, entry_schema, schema, vocabularies, sink)
    problems.extend(sink.problems)
    if any(p.is_error for p in sink.problems):
        return None
    return entry


def _check_slug(file: EntryFile, sink: ProblemSink) -> None:
    if not is_slug(file.slug):
        suggestion = slugify(file.slug) or "uusi-kokeilu"
        sink.error(
            1,
            1,
            "bad-slug",
            f'Tiedoston nimi "{file.slug}.md" ei kelpaa osoitteeksi. Käytä vain pieniä kirjaimia '
            f"a–z, numeroita ja väliviivoja (ä→a, ö→o, å→a), esimerkiksi {suggestion}.md.",
        )


def _parse_entry(
    text: str,
    file: EntryFile,
    entry_schema: EntrySchema,
    schema: Schema,
    vocabularies: MappingABC[str, Vocabulary],
    sink: ProblemSink,
) -> Entry | None:
    front = split_front_matter(text, sink)
    if front is None:
        return None
    if not front.body.strip():
        sink.error(
            front.closing_line,
            1,
            "empty-body",
            "Etutietojen jälkeen ei ole tekstiä. Kirjoita "
            + ("kokeilun kuvaus" if entry_schema.kind == "experiment" else "oppi")
            + " Markdownina --- -rivin alapuolelle.",
        )
    before = len(sink.problems)
    node = compose(front.yaml, front.yaml_line, sink, schema.max_depth)
    if node is None:
        if len(sink.problems) > before:
            return None
        node = Mapping(front.yaml_line, 1)  # an empty block: every required field is missing
    if not isinstance(node, Mapping):
        sink.error(
            node.line,
            node.column,
            "frontmatter-not-mapping",
            f"Etutietojen pitää olla kenttiä muodossa avain: arvo (esimerkiksi title: …), nyt ne "
            f"ovat {describe(node)}.",
        )
        return None
    checker = FieldChecker(sink, vocabularies, schema.unknown_value)
    values = checker.check_fields(entry_schema.fields, node, (front.opening_line, 1))
    if values is None:
        return None
    return Entry(
        kind=file.kind,
        slug=file.slug,
        path=file.path,
        url=entry_schema.url_for(file.slug),
        values=values,
        body=front.body,
        body_line=front.body_line,
        locations=checker.locations,
    )
