"""The injection corpus as catalogues: every payload in every field of every entry, and in bodies.

The fields come from generator/core/schema.yml (every leaf of every entry kind, the items of lists
and the sub-fields of groups included), so a field added to the schema is covered without
touching this file. For each (payload, place) the corpus either

- puts the payload in a file of the *accepted* catalogue, which ``kokeilu check`` passes and
  the browser test builds and visits, or
- writes a file of its own to the *rejected* catalogue, with the located problem the checker
  must report there (path, line, column, rule).

What the checker must do with a payload comes from the payload (tests/injection/payloads.py) for
plain-text, address, e-mail and body places, and from the schema for the rest: the length limits
of text fields, and vocabulary ids, references, dates and numbers, which no payload can be. A
payload with a control character (generator/content/characters.py) is refused in every place.

The accepted catalogue is the fixture site (tests/fixtures/site/) plus, per payload ``pNN``:

- ``experiments/injektio-pNN.md``: the payload in every experiment field that accepts it, and
  in the body (as a paragraph and in every link form that accepts it);
- ``content/opit/injektio-pNN-oppi.md``: the same for a learning;
- a theme ``injektio-K`` (content/sanastot/teemat.yml) per group of payloads, one payload in each
  of its text fields (fi, sv, en, description_fi) where it fits, with the entries of the group
  under it and an intro ``content/teemat/injektio-K.md`` carrying the group's accepted bodies;
- the field reference (content/osallistu/kentat.md) made from these vocabularies, which shows
  the theme labels.

Every body starts with the paragraph "Injektiotesti pNN.", which the finder finds.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.characters import CONTROL_CHARACTER
from generator.content.vocabulary import load_vocabularies
from generator.core.schema import FieldSpec, Schema, item_spec, load_schema
from generator.derived.reference import render_field_reference
from tests.injection.payloads import LINK_FORMS, PAYLOADS, Payload, Refusal, link_form
from tests.support import FIXTURE_SITE, REPO_ROOT, copy_fixture_site, write_catalogue

MARKER_WORD = "Injektiotesti"
THEME_VOCABULARY = "teemat"
PAGE_SIZE = 200
# Rules for the field types no payload can be a valid value of.
NOT_TEXT_RULES = {
    "id": "unknown-term",
    "slug": "bad-slug",
    "ref": "bad-slug",
    "path": "unconfirmed-path",
    "date": "bad-date",
    "number": "wrong-type",
}
# Fields a complete entry leaves out: a range beside the exact amount would be funding-conflict,
# and an entry that is part of another needs that other one (see Defaults.value).
LEFT_OUT = frozenset({"amount_min_eur", "amount_max_eur"})
_WHITESPACE = re.compile(r"\s+")
# Characters written as \u escapes in YAML: controls, format characters, separators.
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def normalise(text: str) -> str:
    """A text field's value as the checker keeps it: runs of whitespace as one space, trimmed."""
    return _WHITESPACE.sub(" ", text).strip()


def yaml_quote(value: str) -> str:
    """``value`` as a YAML double-quoted scalar that reads back exactly as ``value``."""
    quoted = json.dumps(value, ensure_ascii=False)
    return "".join(
        f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF and unicodedata.category(ch) in _ESCAPED_CATEGORIES else ch
        for ch in quoted
    )


# -- places: where a payload can go ------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A front-matter value: ``path`` from the entry's root (list items as index 0)."""

    kind: str
    path: tuple[str | int, ...]
    spec: FieldSpec  # the value's own spec (a list's item spec)

    @property
    def name(self) -> str:
        return ".".join(str(part) for part in self.path)

    @property
    def file_part(self) -> str:
        return "-".join(str(part) for part in self.path).replace("_", "-")


def places(schema: Schema) -> list[Place]:
    """Every leaf value of every entry kind in the schema."""
    found: list[Place] = []
    for entry in schema.entries:
        found.extend(p for p in _leaves(entry.kind, entry.fields, ()) if p.path[:2] != OWN_LANGUAGE)
    return found


# The entries are Finnish (language defaults to fi), so a Finnish translation would be refused
# (translation-same-language): the Swedish and English translations carry the same fields.
OWN_LANGUAGE = ("translations", "fi")


def _leaves(kind: str, specs: tuple[FieldSpec, ...], prefix: tuple) -> Iterator[Place]:
    for spec in specs:
        path = (*prefix, spec.name)
        if spec.is_list:
            spec, path = item_spec(spec), (*path, 0)
        if spec.type == "object":
            yield from _leaves(kind, spec.fields, path)
        else:
            yield Place(kind, path, spec)


def expected_rule(payload: Payload, spec: FieldSpec) -> str | None:
    """The rule the checker reports for ``payload`` as the value of ``spec``; None: accepted."""
    if CONTROL_CHARACTER.search(payload.text):
        return "control-character"  # in every field, before anything else is checked
    if spec.type == "text":
        value = normalise(payload.text)
        if not value:
            return "empty-value"
        if spec.min_length is not None and len(value) < spec.min_length:
            return "too-short"
        if spec.max_length is not None and len(value) > spec.max_length:
            return "too-long"
        return payload.plain if spec.plain else None
    if spec.type == "url":
        return payload.url
    if spec.type == "email":
        return payload.email
    return NOT_TEXT_RULES[spec.type]


def body_placements(payload: Payload) -> list[tuple[str, str, tuple[Refusal, ...]]]:
    """(place, text, problems) of the payload in a body: as a paragraph ("body") and in each
    link form ("body.link", …). A control character is refused, at the first one of each line,
    before anything else in the body is checked; otherwise the payload says what is refused."""
    placed = [("body", payload.text, payload.body)]
    for form, problems in (payload.links or {}).items():
        placed.append((f"body.{form}", link_form(form, payload.id, payload.text), problems))
    return [(name, text, _character_refusals(text) or problems) for name, text, problems in placed]


def _character_refusals(text: str) -> tuple[Refusal, ...]:
    return tuple(
        Refusal("control-character", line[found.start() :])
        for line in text.split("\n")
        if (found := CONTROL_CHARACTER.search(line))
    )


# -- writing entries --------------------------------------------------------------------------


def _filler(spec: FieldSpec, words: str) -> str:
    text = words
    while spec.min_length and len(text) < spec.min_length:
        text += " " + words
    return text[: spec.max_length] if spec.max_length else text


class Defaults:
    """A valid value for every field, derived from its type."""

    def __init__(self, schema: Schema) -> None:
        problems: list = []
        self.vocabularies = load_vocabularies(FIXTURE_SITE, schema, problems)
        assert not problems, problems

    def value(self, spec: FieldSpec, label: str, ref: str) -> Any:
        if spec.is_list:
            return [self.value(item_spec(spec), label, ref)]
        if spec.type == "object":
            return {
                f.name: self.value(f, label, ref)
                for f in spec.fields
                if (spec.name, f.name) != OWN_LANGUAGE and f.name not in LEFT_OUT
            }
        if spec.type == "text":
            return _filler(spec, f"{label}: tavallista tekstiä kentässä {spec.name}.")
        if spec.type == "url":
            return "https://www.example.fi/injektio"
        if spec.type == "email":
            return "info@example.fi"
        if spec.type == "id":
            terms = self.vocabularies[spec.vocabulary].terms
            # A municipality in the default region (the first one), so no region is missing.
            region = self.vocabularies["alueet"].ids[0]
            return next((term.id for term in terms if term.region in (None, region)), terms[0].id)
        if spec.type in ("slug", "ref"):
            return ref
        if spec.type == "path":
            return "start"  # a field every entry of the corpus has
        if spec.type == "date":
            return "2025"
        if spec.type == "number":
            return 1000
        raise ValueError(f"no default for a {spec.type} field")  # pragma: no cover


def _set(data: dict, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def emit(data: dict) -> tuple[str, dict[tuple, tuple[int, int]]]:
    """Block-style YAML for ``data`` (strings always double-quoted), and the (line, column) of
    every scalar value by its path, counting the opening --- as line 1."""
    lines: list[str] = []
    where: dict[tuple, tuple[int, int]] = {}

    def scalar(value: Any) -> str:
        return yaml_quote(value) if isinstance(value, str) else str(value)

    def mapping(node: dict, indent: int, path: tuple, first_prefix: str | None = None) -> None:
        for number, (key, value) in enumerate(node.items()):
            prefix = first_prefix if number == 0 and first_prefix is not None else " " * indent
            head = f"{prefix}{key}:"
            if isinstance(value, dict):
                lines.append(head)
                mapping(value, indent + 2, (*path, key))
            elif isinstance(value, list):
                lines.append(head)
                sequence(value, indent + 2, (*path, key))
            else:
                where[(*path, key)] = (len(lines) + 2, len(head) + 2)
                lines.append(f"{head} {scalar(value)}")

    def sequence(items: list, indent: int, path: tuple) -> None:
        for index, value in enumerate(items):
            prefix = " " * indent + "- "
            if isinstance(value, dict):
                mapping(value, indent + 2, (*path, index), first_prefix=prefix)
            else:
                where[(*path, index)] = (len(lines) + 2, len(prefix) + 1)
                lines.append(prefix + scalar(value))

    mapping(data, 0, ())
    return "---\n" + "\n".join(lines) + "\n---\n", where


def _position(text: str, needle: str) -> tuple[int, int]:
    """(line offset, 1-based column) of the first ``needle`` in ``text``."""
    index = text.find(needle)
    assert index >= 0, f"{needle!r} is not in {text!r}"
    return text.count("\n", 0, index), index - (text.rfind("\n", 0, index) + 1) + 1


# -- the corpus ---------------------------------------------------------------------------------


@dataclass
class Shown:
    """What a built entry page must show of its payload (the browser test checks it)."""

    url: str
    payload: str
    theme: str
    title: str
    summary: str | None
    texts: list[str] = field(default_factory=list)  # accepted text-field values, normalised
    hrefs: list[str] = field(default_factory=list)  # accepted addresses, exactly as links
    body: bool = False  # the payload is in the body


@dataclass
class Corpus:
    schema: Schema
    accepted: dict[str, str] = field(default_factory=dict)  # root-relative path → text
    theme_terms: str = ""  # YAML appended to the theme vocabulary
    rejected: dict[str, str] = field(default_factory=dict)
    refusals: set[tuple[str, int, int, str]] = field(default_factory=set)
    # (payload id, place, accepted): every placement, for the counts and the coverage tests.
    placements: list[tuple[str, str, bool]] = field(default_factory=list)
    shown: list[Shown] = field(default_factory=list)
    themes: dict[str, str] = field(default_factory=dict)  # theme id → its Finnish label
    intros: dict[str, list[Payload]] = field(default_factory=dict)  # theme id → payloads in its intro

    @property
    def base_experiment(self) -> str:
        return "injektio-pohja"


class _Builder:
    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.defaults = Defaults(schema)
        self.corpus = Corpus(schema)
        self.places = places(schema)

    def entry_data(self, kind: str, label: str, ref: str) -> dict:
        fields = self.schema.entry(kind).fields
        # The base experiment is part of nothing; every other entry refers to it (part_of, experiments).
        return {
            spec.name: self.defaults.value(spec, label, self.corpus.base_experiment)
            if spec.type == "ref"
            else self.defaults.value(spec, label, ref)
            for spec in fields
            if ref or spec.type != "ref"
        }

    def file(self, kind: str, slug: str) -> str:
        return f"{self.schema.entry(kind).directory}/{slug}.md"

    @staticmethod
    def body(pid: str, parts: list[str]) -> str:
        return "\n\n".join([f"{MARKER_WORD} {pid}.", *parts]) + "\n"

    def accepted_body_parts(self, payload: Payload) -> list[str]:
        return [placed for _, placed, problems in body_placements(payload) if not problems]

    def build(self) -> Corpus:
        corpus = self.corpus
        base = self.entry_data("experiment", "Pohja", "")
        text, _ = emit(base)
        path = self.file("experiment", corpus.base_experiment)
        corpus.accepted[path] = corpus.rejected[path] = text + "\n" + self.body("pohja", [])
        vocabulary = self.schema.vocabulary(THEME_VOCABULARY)
        term_fields = self.schema.term_fields_for(vocabulary)
        size = sum(spec.type == "text" for spec in term_fields)
        for start in range(0, len(PAYLOADS), size):
            group = PAYLOADS[start : start + size]
            theme = self.add_theme(start // size + 1, group, term_fields)
            for payload in group:
                self.add_accepted(payload, theme)
                self.add_rejected(payload)
        return corpus

    # the accepted catalogue

    def add_theme(self, number: int, group: tuple[Payload, ...], specs: tuple[FieldSpec, ...]) -> str:
        """A theme whose text fields hold the group's payloads, one each, and an intro with their
        accepted bodies. Returns its id."""
        theme = f"injektio-{number:02d}"
        term: dict[str, str] = {}
        texts = iter(group)
        for spec in specs:
            if spec.type != "text":
                term[spec.name] = theme
                continue
            payload = next(texts, None)
            fits = payload is not None and expected_rule(payload, spec) is None
            term[spec.name] = payload.text if payload is not None and fits else f"Injektio {number}"
            if payload is not None:
                self.corpus.placements.append((payload.id, f"{THEME_VOCABULARY}.{spec.name}", fits))
        self.corpus.themes[theme] = normalise(term["fi"])
        self.corpus.intros[theme] = [payload for payload in group if self.accepted_body_parts(payload)]
        text, _ = emit(term)
        lines = text.splitlines()[1:-1]  # without the --- lines
        self.corpus.theme_terms += "- " + "\n  ".join(lines) + "\n"
        intro: list[str] = []
        for payload in group:
            parts = self.accepted_body_parts(payload)
            intro.append(self.body(payload.id, parts))
            self.corpus.placements.append((payload.id, "intro", bool(parts)))
        self.corpus.accepted[f"content/{THEME_VOCABULARY}/{theme}.md"] = "\n".join(intro)
        return theme

    def add_accepted(self, payload: Payload, theme: str) -> None:
        experiment = f"injektio-{payload.id}"
        for kind, slug in (("experiment", experiment), ("learning", f"{experiment}-oppi")):
            data = self.entry_data(kind, f"Injektio {payload.id}", experiment)
            for place in self.places:
                if place.kind == kind and place.spec.vocabulary == THEME_VOCABULARY:
                    _set(data, place.path, theme)
            url = self.schema.entry(kind).url_for(slug)
            shown = Shown(url, payload.id, theme, data["title"], data["summary"])
            for place in self.places:
                if place.kind != kind:
                    continue
                accepted = expected_rule(payload, place.spec) is None
                self.corpus.placements.append((payload.id, f"{kind}.{place.name}", accepted))
                if not accepted:
                    continue
                _set(data, place.path, payload.text)
                if place.spec.type == "text":
                    shown.texts.append(normalise(payload.text))
                else:
                    shown.hrefs.append(
                        ("mailto:" if place.spec.type == "email" else "")
                        + payload.text.removeprefix("mailto:")
                    )
            shown.title, shown.summary = normalise(data["title"]), normalise(data["summary"])
            parts = self.accepted_body_parts(payload)
            shown.body = bool(parts)
            for name, _, problems in body_placements(payload):
                self.corpus.placements.append((payload.id, f"{kind}.{name}", not problems))
            text, _ = emit(data)
            self.corpus.accepted[self.file(kind, slug)] = text + "\n" + self.body(payload.id, parts)
            self.corpus.shown.append(shown)

    # the rejected catalogue

    def add_rejected(self, payload: Payload) -> None:
        for place in self.places:
            rule = expected_rule(payload, place.spec)
            if rule is None:
                continue
            kind = place.kind
            data = self.entry_data(kind, f"Hylätty {payload.id}", self.corpus.base_experiment)
            _set(data, place.path, payload.text)
            text, where = emit(data)
            slug = f"injektio-{payload.id}-{'oppi-' if kind == 'learning' else ''}{place.file_part}"
            path = self.file(kind, slug)
            self.corpus.rejected[path] = text + "\n" + self.body(payload.id, [])
            line, column = where[place.path]
            self.corpus.refusals.add((path, line, column, rule))
        bodies = [
            (name.replace(".", "-"), placed, problems)
            for name, placed, problems in body_placements(payload)
            if problems
        ]
        for kind in ("experiment", "learning"):
            for name, placed, problems in bodies:
                data = self.entry_data(kind, f"Hylätty {payload.id}", self.corpus.base_experiment)
                head, _ = emit(data)
                slug = f"injektio-{payload.id}-{'oppi-' if kind == 'learning' else ''}{name}"
                path = self.file(kind, slug)
                text = head + "\n" + self.body(payload.id, [placed])
                self.corpus.rejected[path] = text
                first = text.count("\n", 0, text.index(placed)) + 1
                for problem in problems:
                    offset, column = _position(placed, problem.at)
                    self.corpus.refusals.add((path, first + offset, column, problem.rule))


@functools.cache
def build_corpus() -> Corpus:
    return _Builder(load_schema()).build()


def write_accepted(root: Path) -> Corpus:
    """The fixture site plus every accepted placement at ``root``, ready for ``mkdocs build``."""
    corpus = build_corpus()
    copy_fixture_site(root)
    write_catalogue(root, corpus.accepted)
    vocabulary = root / corpus.schema.vocabulary_directory / f"{THEME_VOCABULARY}.yml"
    with vocabulary.open("a", encoding="utf-8", newline="\n") as out:
        out.write(corpus.theme_terms)
    # The field reference, as kokeilu schema --write makes it: the theme labels' payloads in it.
    problems: list = []
    reference = render_field_reference(corpus.schema, load_vocabularies(root, corpus.schema, problems))
    assert problems == [], problems
    (root / corpus.schema.reference_file).write_text(reference, encoding="utf-8", newline="\n")
    _site_config(root / "mkdocs.yml")
    return corpus


def write_rejected(root: Path) -> Corpus:
    """A catalogue of the base experiment and every rejected placement, one file each."""
    corpus = build_corpus()
    if root.exists():
        shutil.rmtree(root)
    write_catalogue(root, corpus.rejected)
    return corpus


def _site_config(path: Path) -> None:
    """The fixture's mkdocs.yml with the shipped site's Markdown extensions and theme features
    (the corpus must render the way the published site does), and one page per listing."""
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    shipped = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"] = shipped["markdown_extensions"]
    config["theme"]["features"] = shipped["theme"].get("features", [])
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "catalogue" in plugin:
            plugin["catalogue"]["page_size"] = PAGE_SIZE
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


__all__ = ["LINK_FORMS", "Corpus", "build_corpus", "places", "write_accepted", "write_rejected"]
