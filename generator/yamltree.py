"""Compose YAML into a small node tree that remembers where every value sits in the file.

Why not ``yaml.safe_load``:
- it keeps the last of two duplicate keys without a word;
- it expands aliases, so a "billion laughs" document of a few hundred bytes exhausts memory;
- it turns ``NO`` into False and ``2017-08-01`` into a date, and the position of the value is lost.

This module reads the parser's event stream (libyaml when available) and builds the tree itself,
without recursion, refusing aliases, explicit tags and deep nesting as it goes. Plain scalars
keep their text and carry the type YAML 1.1 would give them, so the schema can decide what to
accept and can name the trap when a value is read as something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.resolver import Resolver

from generator.problems import ProblemSink

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}
_IMPLICIT = Resolver.yaml_implicit_resolvers


def resolve_plain(value: str) -> str:
    """The YAML 1.1 type of a plain (unquoted) scalar: str, bool, int, float, null or timestamp."""
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if regexp.match(value):
            return _TAG_NAMES.get(tag, "str")
    return "str"


@dataclass(slots=True)
class Node:
    line: int  # 1-based line in the file
    column: int  # 1-based column


@dataclass(slots=True)
class Scalar(Node):
    value: str
    kind: str  # str | bool | int | float | null | timestamp
    plain: bool  # written without quotes or block indicators

    @property
    def is_null(self) -> bool:
        return self.kind == "null"


@dataclass(slots=True)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Mapping(Node):
    pairs: list[tuple[Scalar, Node]] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        for k, v in self.pairs:
            if k.value == key:
                return v
        return None


def describe(node: Node) -> str:
    """A Finnish phrase for what a node is, for messages such as "odotettiin tekstiä, nyt …"."""
    if isinstance(node, Sequence):
        return "lista"
    if isinstance(node, Mapping):
        return "kenttäryhmä (avain: arvo -pareja)"
    assert isinstance(node, Scalar)
    return {
        "bool": "totuusarvo",
        "int": "luku",
        "float": "luku",
        "null": "tyhjä arvo",
        "timestamp": "päivämäärä",
    }.get(node.kind, "teksti")


_TAB_HINT = "Sarkainmerkki (tab) ei kelpaa YAML-sisennykseen. Käytä välilyöntejä."
_SYNTAX_HINTS = (
    ("tab character", _TAB_HINT),
    (
        "mapping values are not allowed",
        "Arvossa on kaksoispiste ja välilyönti (': '). Laita koko arvo lainausmerkkeihin, "
        'esimerkiksi title: "Kokeilu: uusi malli".',
    ),
    (
        "could not find expected ':'",
        "Rivillä pitäisi olla muoto avain: arvo. Tarkista, puuttuuko kaksoispiste tai onko "
        "edellisen rivin arvo jakautunut usealle riville ilman sisennystä.",
    ),
    (
        "found unexpected end of stream",
        "Lainausmerkki tai sulje jäi sulkematta. Tarkista, että jokainen \" ' [ ja { suljetaan.",
    ),
    (
        "did not find expected key",
        "Sisennys ei täsmää. Kirjoita saman ryhmän kentät samaan sarakkeeseen.",
    ),
    (
        "expected <block end>",
        "Sisennys ei täsmää. Kirjoita saman ryhmän kentät samaan sarakkeeseen ja listan "
        "alkiot riveille, jotka alkavat '- '.",
    ),
    (
        "did not find expected '-' indicator",
        "Listan alkiot pitää kirjoittaa samaan sarakkeeseen, kukin rivin alkuun '- '.",
    ),
    (
        "did not find expected ',' or ']'",
        "Hakasulkeissa [ ] olevat alkiot erotetaan pilkuilla, ja lista suljetaan merkillä ].",
    ),
    (
        "did not find expected ',' or '}'",
        "Aaltosulkeissa { } olevat kentät erotetaan pilkuilla, ja ryhmä suljetaan merkillä }.",
    ),
    (
        "found undefined tag handle",
        "Arvo ei voi alkaa !-merkillä. Laita arvo lainausmerkkeihin.",
    ),
)


# YAML also ends a line at NEL, LS and PS. The file's line numbers, like editors, count only line
# feeds, so parser marks are translated when the text has any of these.
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")
_YAML_BREAKS = re.compile("[\n\x85\u2028\u2029]")
_BREAK_NAMES = {"\x85": "U+0085 (NEL)", "\u2028": "U+2028 (LS)", "\u2029": "U+2029 (PS)"}


class _Marks:
    """Turns parser marks (0-based YAML line and column) into text offsets and file positions."""

    __slots__ = ("first_line", "lines", "text")

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        # Per YAML line: (its offset in the text, its file line, its column in that file line - 1).
        self.lines: list[tuple[int, int, int]] | None = None
        if _YAML_ONLY_BREAKS.search(text):
            lines = [(0, first_line, 0)]
            file_line, line_start = first_line, 0
            for match in _YAML_BREAKS.finditer(text):
                end = match.end()
                if match.group() == "\n":
                    file_line, line_start = file_line + 1, end
                lines.append((end, file_line, end - line_start))
            self.lines = lines

    def position(self, mark: yaml.Mark) -> tuple[int, int]:
        """The 1-based (line, column) of the file."""
        if self.lines is None:
            return mark.line + self.first_line, mark.column + 1
        _, file_line, base = self.lines[min(mark.line, len(self.lines) - 1)]
        return file_line, base + mark.column + 1

    def offset(self, mark: yaml.Mark) -> int:
        if self.lines is None:
            start = 0
            for _ in range(mark.line):
                start = self.text.find("\n", start) + 1
                if start == 0:
                    return len(self.text)
            return start + mark.column
        return self.lines[min(mark.line, len(self.lines) - 1)][0] + mark.column

    def line_text(self, mark: yaml.Mark) -> str:
        """The whole file line the mark is on."""
        offset = min(self.offset(mark), len(self.text))
        end = self.text.find("\n", offset)
        return self.text[self.text.rfind("\n", 0, offset) + 1 : None if end < 0 else end]


def _character_hint(marks: _Marks, mark: yaml.Mark | None) -> str | None:
    """A hint for "found character … that cannot start any token", from the character itself.

    libyaml does not name the character in its message, so look it up at the mark.
    """
    if mark is None:
        return None
    offset = marks.offset(mark)
    if offset >= len(marks.text) or marks.text[offset] == "\n":
        return None
    char = marks.text[offset]
    if char == "\t":
        return _TAB_HINT
    return f"Arvo ei voi alkaa merkillä {char}. Laita arvo lainausmerkkeihin."


def _break_hint(marks: _Marks, mark: yaml.Mark | None) -> str | None:
    """A hint when the broken line has a line break only YAML sees (NEL, LS or PS)."""
    if mark is None or marks.lines is None:
        return None
    found = _YAML_ONLY_BREAKS.search(marks.line_text(mark))
    if found is None:
        return None
    return (
        f"Rivillä on näkymätön rivinvaihtomerkki {_BREAK_NAMES[found.group()]}, jonka YAML lukee "
        "rivin vaihdoksi. Poista se (se tulee usein mukaan kopioitaessa tekstiä toisesta ohjelmasta)."
    )


def _syntax_message(error: yaml.MarkedYAMLError, marks: _Marks, mark: yaml.Mark | None) -> str:
    problem = (error.problem or "").strip()
    hint = _break_hint(marks, mark)
    if hint is None and "cannot start any token" in problem:
        hint = _character_hint(marks, error.problem_mark)
    hint = hint or next((text for key, text in _SYNTAX_HINTS if key in problem), None)
    detail = f"({problem})" if problem else ""
    if hint is None:
        hint = "Tarkista sisennykset, kaksoispisteet ja lainausmerkit."
    return f"YAML-muotoa ei voi lukea: {hint} {detail}".strip()


_ANCHOR_HINT = (
    "YAML-viittaukset (&nimi ja *nimi) eivät ole sallittuja etutiedoissa. Kirjoita arvo "
    "auki jokaiseen kohtaan, jossa sitä tarvitaan."
)


_COMPLEX_KEY = "Kentän nimen pitää olla tavallinen sana, ei lista tai ryhmä."


_SECOND_DOCUMENT = (
    "YAML-muotoa ei voi lukea: tällä rivillä alkaa toinen YAML-dokumentti (rivi alkaa ---), ja "
    "etutiedoissa voi olla vain yksi. Poista rivi tai, jos --- on osa arvoa, laita arvo "
    "lainausmerkkeihin."
)


def _too_deep(max_depth: int) -> str:
    return (
        f"Sisäkkäisiä listoja tai ryhmiä on yli {max_depth} tasoa. Etutietojen rakenne on tätä "
        "paljon matalampi; tarkista sisennykset."
    )


class _Frame:
    """An open mapping or sequence, with the key waiting for its value and the keys seen so far."""

    __slots__ = ("is_mapping", "key", "node", "seen")

    def __init__(self, node: Node, is_mapping: bool) -> None:
        self.node = node
        self.is_mapping = is_mapping
        self.key: Scalar | None = None
        self.seen: dict[str, int] = {}


def compose(text: str, first_line: int, sink: ProblemSink, max_depth: int) -> Node | None:
    """Compose ``text`` (YAML that starts on file line ``first_line``) into a node tree.

    Returns None when the YAML cannot be used; every reason has been reported to ``sink``.
    An empty document gives None without a problem.
    """
    marks = _Marks(text, first_line)
    # Without NEL, LS or PS (nearly always) a mark's file line is its YAML line plus an offset.
    line_shift = first_line if marks.lines is None else None  # mark lines are 0-based
    loader = _Loader(text)
    stack: list[_Frame] = []
    root: Node | None = None
    usable = True
    first_alias: tuple[int, int] | None = None
    aliases = 0
    documents = 0

    def attach(node: Node) -> None:
        nonlocal root, usable
        if not stack:
            root = node
            return
        frame = stack[-1]
        if not frame.is_mapping:
            frame.node.items.append(node)  # type: ignore[attr-defined]
            return
        key = frame.key
        if key is not None:
            frame.node.pairs.append((key, node))  # type: ignore[attr-defined]
            frame.key = None
            return
        if node.__class__ is not Scalar:
            sink.error(node.line, node.column, "yaml-complex-key", _COMPLEX_KEY)
            usable = False
            node = Scalar(node.line, node.column, "", "str", True)
        frame.key = node  # type: ignore[assignment]
        first = frame.seen.get(node.value)  # type: ignore[attr-defined]
        if first is None:
            frame.seen[node.value] = node.line  # type: ignore[attr-defined]
            return
        sink.error(
            node.line,
            node.column,
            "duplicate-key",
            f'Kenttä "{node.value}" on jo rivillä {first}. YAML käyttäisi vain toista '  # type: ignore[attr-defined]
            "arvoa ilman varoitusta. Poista toinen kentistä tai yhdistä niiden arvot.",
        )

    try:
        while True:
            event = loader.get_event()
            cls = event.__class__
            if cls is _ScalarEvent:
                mark = event.start_mark
                if line_shift is None:
                    line, column = marks.position(mark)
                else:
                    line, column = mark.line + line_shift, mark.column + 1
                if event.tag is not None and event.tag != "!":
                    sink.error(
                        line,
                        column,
                        "yaml-tag",
                        f"YAML-tagit kuten {event.tag} eivät ole sallittuja. Poista tagi; "
                        "jos arvo on tekstiä, laita se lainausmerkkeihin.",
                    )
                    usable = False
                if event.implicit[0] and not event.style:
                    attach(Scalar(line, column, event.value, resolve_plain(event.value), True))
                else:
                    attach(Scalar(line, column, event.value, "str", False))
            elif cls is _MappingStartEvent or cls is _SequenceStartEvent:
                line, column = marks.position(event.start_mark)
                if event.tag is not None and not event.implicit:
                    sink.error(line, column, "yaml-tag", "YAML-tagit eivät ole sallittuja. Poista tagi.")
                    usable = False
                if len(stack) >= max_depth:
                    sink.error(line, column, "yaml-too-deep", _too_deep(max_depth))
                    return None
                is_mapping = cls is _MappingStartEvent
                node: Node = Mapping(line, column) if is_mapping else Sequence(line, column)
                attach(node)
                stack.append(_Frame(node, is_mapping))
            elif cls is _MappingEndEvent or cls is _SequenceEndEvent:
                stack.pop()
            elif cls is _AliasEvent:
                line, column = marks.position(event.start_mark)
                aliases += 1
                first_alias = first_alias or (line, column)
                usable = False
                attach(Scalar(line, column, "", "null", True))
            elif cls is _DocumentStartEvent:
                documents += 1
                if documents > 1:
                    # A second document would silently replace the first one's fields.
                    line, column = marks.position(event.start_mark)
                    sink.error(line, column, "yaml-syntax", _SECOND_DOCUMENT)
                    return None
            elif cls is _StreamEndEvent:
                break
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or ""
        # Point at the start of the construct that is broken: the key without a colon, the
        # quote that was never closed.
        starts_it = "could not find expected ':'" in problem or "unexpected end of stream" in problem
        if error.context_mark is not None and starts_it:
            mark = error.context_mark
        line, column = marks.position(mark) if mark is not None else (first_line, 1)
        if "maximum nesting depth" in problem:
            # libyaml's own limit (1,000 levels), met before the events reach the limit here:
            # its scanner reads a run of [ ahead of the parser.
            sink.error(line, column, "yaml-too-deep", _too_deep(max_depth))
        else:
            sink.error(line, column, "yaml-syntax", _syntax_message(error, marks, mark))
        return None
    except yaml.reader.ReaderError as error:  # a character YAML does not accept at all
        code = error.character if isinstance(error.character, int) else ord(error.character)
        # libyaml reports a byte offset, PyYAML a character index: find the character itself.
        position = text.find(chr(code))
        position = error.position if position < 0 else position
        line = text.count("\n", 0, position) + first_line
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        sink.error(
            line,
            column,
            "yaml-syntax",
            f"Tiedostossa on ohjausmerkki U+{code:04X}, jota YAML ei hyväksy. Poista se "
            "(se on usein tullut mukaan kopioitaessa tekstiä toisesta ohjelmasta).",
        )
        return None
    except yaml.YAMLError as error:  # pragma: no cover - every YAMLError is one of the above
        sink.error(first_line, 1, "yaml-syntax", f"YAML-muotoa ei voi lukea: {error}")
        return None
    finally:
        loader.dispose()
        if first_alias is not None:
            more = f" Tiedostossa on {aliases} viittausta." if aliases > 1 else ""
            sink.error(*first_alias, "yaml-alias", _ANCHOR_HINT + more)
    return root if usable else None


_ScalarEvent = yaml.ScalarEvent
_MappingStartEvent = yaml.MappingStartEvent
_SequenceStartEvent = yaml.SequenceStartEvent
_MappingEndEvent = yaml.MappingEndEvent
_SequenceEndEvent = yaml.SequenceEndEvent
_AliasEvent = yaml.AliasEvent
_StreamEndEvent = yaml.StreamEndEvent
_DocumentStartEvent = yaml.DocumentStartEvent
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def yaml_number(text: str) -> int | float:
    """The number YAML 1.1 means by a plain scalar that resolves to int or float."""
    if resolve_plain(text) == "int":
        return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode("tag:yaml.org,2002:int", text))
    return _CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode("tag:yaml.org,2002:float", text))


def to_data(node: Node | None) -> Any:
    """Plain JSON-like data with the types YAML 1.1 gives; dates stay text, as in JSON.

    This is what a JSON Schema validator sees; ``kokeilu check`` itself works on nodes.
    """
    if node is None:
        return None
    if isinstance(node, Mapping):
        return {k.value: to_data(v) for k, v in node.pairs}
    if isinstance(node, Sequence):
        return [to_data(item) for item in node.items]
    assert isinstance(node, Scalar)
    if node.kind == "null":
        return None
    if node.kind == "bool":
        return node.value.lower() in {"yes", "true", "on"}
    if node.kind in {"int", "float"}:
        return yaml_number(node.value)
    return node.value
