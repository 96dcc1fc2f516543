"""The hand-written site content: pages, and the few files published as they are.

Under the docs folder (``content/``) may live only:

- learnings and their translated bodies, directly in ``content/opit/`` (:mod:`generator.content.loading`);
- introductions of generated pages (:mod:`generator.content.intros`);
- the files :func:`static_files` names: the vocabularies ``content/sanastot/<name>.yml`` of the
  schema and the JSON Schemas derived from it (``content/schema/*.json``, each named in
  ``schema.yml``);
- hand-written pages: every other ``.md`` file, anywhere (sub-folders of ``content/opit/``
  too), in Finnish or under ``sv/`` and ``en/``; the field reference is one of them.

Anything else is an ``unexpected-file``: an ``.html``, ``.js`` or ``.svg`` file would be
published as it is. So is a hidden file or folder (MkDocs skips it, but ``kokeilu render`` and
other engines need not) and the top folder ``templates/``, which MkDocs never publishes.

A hand-written page is checked like an entry's body (:func:`generator.content.body.check_body`: no raw
HTML, no unsafe links or attributes). It may begin with a front matter block, read with our own
parser (:mod:`generator.content.frontmatter`, :mod:`generator.content.yamltree`), which may give only a
``title`` and a ``description``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.body import check_body
from generator.content.fields import FieldChecker
from generator.content.frontmatter import split_front_matter
from generator.content.layout import Tree
from generator.content.reading import read_text
from generator.content.yamltree import Mapping, compose, describe
from generator.core.problems import Problem, ProblemSink
from generator.core.schema import FieldSpec, Schema

PAGE_SUFFIX = ".md"
# MkDocs never publishes this top folder of the docs folder (its default exclude_docs).
TEMPLATES_FOLDER = "templates"
# What a hand-written page's front matter may set. Material would act on other keys
# (template, hide, …), and the page's language comes from its folder.
PAGE_FIELDS = (
    FieldSpec(name="title", type="text", label_fi="Otsikko", min_length=1, max_length=120),
    FieldSpec(name="description", type="text", label_fi="Kuvaus", plain=True, max_length=300),
)


@dataclass(frozen=True, slots=True)
class Page:
    """A hand-written page: its body and, if its front matter gives one, its title."""

    path: str  # relative to the catalogue root: "content/osallistu/index.md"
    src_uri: str  # relative to the docs folder: "osallistu/index.md"
    title: str
    markdown: str  # the body below the front matter
    first_line: int  # file line of the first line of ``markdown``


def static_files(schema: Schema) -> frozenset[str]:
    """The root-relative files under the docs folder that are published as they are.

    This is the one allowlist of such files: a folder of repository images, for instance,
    would be added here (read from the schema) with the file types it may hold."""
    vocabularies = {f"{schema.vocabulary_directory}/{spec.file}" for spec in schema.vocabularies}
    derived = {entry.schema_file for entry in schema.entries}
    return frozenset(vocabularies | derived)


def sort_docs(
    tree: Tree, schema: Schema, claimed: set[str], problems: list[Problem]
) -> tuple[list[str], list[str]]:
    """(the hand-written pages, the files published as they are), root-relative and sorted: the
    files of the docs folder that no other stage has ``claimed``. Anything else is a problem."""
    docs = schema.site.docs_directory
    allowed = static_files(schema)
    pages: list[str] = []
    static: list[str] = []
    skipped = ""  # a refused folder: nothing below it is looked at
    for node in tree.under(docs):
        path = node.path
        if path in claimed or node.refused or (skipped and path.startswith(skipped)):
            continue
        what = "Tiedosto" if node.is_file else "Kansio"
        if node.name.startswith("."):
            skipped = path + "/"
            _unexpected(
                path,
                problems,
                f"{what} {path} on piilotettu (nimi alkaa pisteellä). MkDocs ohittaa sen, mutta "
                "muut julkaisutavat eivät välttämättä. Poista se tai anna sille nimi ilman pistettä.",
            )
        elif not node.readable_name:
            skipped = path + "/"
            _unexpected(
                path,
                problems,
                f'{"Tiedoston" if node.is_file else "Kansion"} nimessä "{node.name}" on tavuja, jotka '
                "eivät ole UTF-8-merkistöä, joten sitä ei lueta eikä julkaista. Nimeä se uudelleen "
                "käyttäen vain kirjaimia a–z, numeroita ja väliviivoja.",
            )
        elif node.is_folder:
            if path == f"{docs}/{TEMPLATES_FOLDER}":
                skipped = path + "/"
                _unexpected(
                    path,
                    problems,
                    f"MkDocs ei julkaise kansiota {path}/, joten sen sivut jäisivät pois sivustolta. "
                    "Nimeä kansio uudelleen.",
                )
        elif path in allowed:
            static.append(path)
        elif node.name.endswith(PAGE_SUFFIX):
            pages.append(path)
        else:
            _unexpected(
                path,
                problems,
                f"Tiedostoa {path} ei julkaista: kansiossa {docs}/ saa olla vain Markdown-sivuja "
                f"(.md), skeeman sanastoja ({schema.vocabulary_directory}/<nimi>.yml) ja skeemasta "
                "tehtyjä tiedostoja, koska muut tiedostot julkaistaisiin sellaisinaan. Poista "
                "tiedosto tai kirjoita sen sisältö .md-sivuksi.",
            )
    return pages, static


def _unexpected(path: str, problems: list[Problem], message: str) -> None:
    ProblemSink(path, problems).error(1, 1, "unexpected-file", message)


def load_pages(root: Path, paths: list[str], schema: Schema, problems: list[Problem]) -> dict[str, Page]:
    """Every readable hand-written page by its docs-relative path; the problems of each (its
    front matter, its body) are reported."""
    docs = schema.site.docs_directory + "/"
    pages: dict[str, Page] = {}
    for path in paths:
        sink = ProblemSink(path, problems)
        text = read_text(root / path, sink, schema.max_file_bytes)
        if text is None:
            continue
        title, markdown, first_line = _split_page(text, schema, sink)
        check_body(markdown, first_line, sink)
        src_uri = path.removeprefix(docs)
        pages[src_uri] = Page(path, src_uri, title, markdown, first_line)
    return pages


def _split_page(text: str, schema: Schema, sink: ProblemSink) -> tuple[str, str, int]:
    """(the title or "", the body, its first file line). Without a --- first line there is no
    front matter and the whole text is the body."""
    first = text.split("\n", 1)[0]
    if first.rstrip(" \t") != "---":
        return "", text, 1
    front = split_front_matter(text, sink)
    if front is None:
        return "", "", 1  # unterminated: reported; the body is unknown
    before = len(sink.problems)
    node = compose(front.yaml, front.yaml_line, sink, schema.max_depth)
    if node is None or len(sink.problems) > before:
        return "", front.body, front.body_line
    if not isinstance(node, Mapping):
        sink.error(
            node.line,
            node.column,
            "frontmatter-not-mapping",
            f"Sivun etutietojen pitää olla kenttiä muodossa avain: arvo (title: …), nyt ne ovat "
            f"{describe(node)}.",
        )
        return "", front.body, front.body_line
    checker = FieldChecker(sink, {}, schema.unknown_value)
    values = checker.check_fields(PAGE_FIELDS, node, (front.opening_line, 1)) or {}
    title = values.get("title")
    return (title if isinstance(title, str) else ""), front.body, front.body_line
