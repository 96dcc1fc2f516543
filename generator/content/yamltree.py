"""Compose YAML into a small node tree that remembers where every value sits in the file.

Why not ``yaml.safe_load``:
- it keeps the last of two duplicate keys without a word;
- it expands aliases, so a "billion laughs" document of a few hundred bytes exhausts memory;
- it turns ``NO`` into False and ``2017-08-01`` into a date, and the position of the value is lost.

This module reads the parser's event stream (libyaml when available) and builds the tree itself,
without recursion, refusing aliases, explicit tags and deep nesting as it goes. Plain scalars
keep their text and carry the type YAML 1.1 would give them, so the schema can decide what to
accept and can name the trap when a value is read as something else (:func:`number_reading`
names the numbers not written as plain decimals: 190:20:30, 0x10, 017, 1_000, 1e3, .inf).

Control characters (generator/content/characters.py) are reported where they are: one written
as a YAML escape at its value, one written as itself at its place unless the file scan has
reported it. YAML's reader refuses most of them outright; they are read as U+FFFD instead, so
the rest of the front matter is still checked. A scalar holding one is marked ``control`` and
the field checks skip it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
from yaml.resolver import Resolver

from generator.content.characters import (
    CONTROL_CHARACTER,
    CONTROL_RULE,
    escaped_message,
    reported_lines,
    written_message,
)
from generator.core.problems import ProblemSink

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
    # The value holds a control character (generator/content/characters.py), already reported:
    # the field checks skip it.
    control: bool = False

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
_LINE_FEED = re.compile("\n")
_BREAK_NAMES = {"\x85": "U+0085 (NEL)", "\u2028": "U+2028 (LS)", "\u2029": "U+2029 (PS)"}


class _Marks:
    """Turns parser marks (0-based YAML line and column) into text offsets and file positions."""

    __slots__ = ("first_line", "lines", "starts", "text")

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self.starts: list[int] | None = None  # offsets of the lines, computed when first needed
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
            if self.starts is None:
                self.starts = [0, *(found.end() for found in _LINE_FEED.finditer(self.text))]
            if mark.line >= len(self.starts):
                return len(self.text)
            return self.starts[mark.line] + mark.column
        return self.lines[min(mark.line, len(self.lines) - 1)][0] + mark.column

    def file_position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of the file at a text offset, lines split at line feeds."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        return self.text.count("\n", 0, offset) + self.first_line, offset - line_start + 1

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


# The control characters YAML's reader refuses outright (all but tab, LF, CR and NEL, which it
# reads as line breaks), and what stands in for them so that the rest of the YAML is still read.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BLANK = "\ufffd"


def _blank_unreadable(text: str, first_line: int, sink: ProblemSink, reported: set[int]) -> str:
    """``text`` with each control character YAML refuses replaced by U+FFFD, reported at its
    place unless a problem is already reported on its line (``reported``, the file scan's)."""
    line, counted = first_line, 0
    for found in _UNREADABLE.finditer(text):
        line += text.count("\n", counted, found.start())
        counted = found.start()
        if line not in reported:
            reported.add(line)
            column = found.start() - text.rfind("\n", 0, found.start())
            sink.error(line, column, CONTROL_RULE, written_message(found.group()))
    return _UNREADABLE.sub(_BLANK, text)


def _report_control(
    marks: _Marks, event: yaml.ScalarEvent, where: tuple[int, int], sink: ProblemSink, reported: set[int]
) -> None:
    """Report a control character in a scalar's value: written as an escape (only double quotes
    have them), at the value; written as itself, at the character, unless a problem is already
    reported on its line (``reported``, the file scan's)."""
    start = marks.offset(event.start_mark)
    written = marks.text[start : marks.offset(event.end_mark)]
    for char in CONTROL_CHARACTER.findall(event.value):
        at = written.find(char)
        if at < 0:
            sink.error(*where, CONTROL_RULE, escaped_message(char))
            return
        line, column = marks.file_position(start + at)
        if line not in reported:
            reported.add(line)
            sink.error(line, column, CONTROL_RULE, written_message(char))
            return


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
    control_lines: set[int] | None = None  # lines with a control character reported
    unreadable = _UNREADABLE.search(text) is not None
    if unreadable:
        control_lines = reported_lines(sink)
        text = _blank_unreadable(text, first_line, sink, control_lines)
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
                value = event.value
                control = CONTROL_CHARACTER.search(value) is not None
                if unreadable and not control:
                    control = _BLANK in value  # reported by _blank_unreadable()
                elif control:
                    if control_lines is None:
                        control_lines = reported_lines(sink)
                    _report_control(marks, event, (line, column), sink, control_lines)
                if event.implicit[0] and not event.style:
                    attach(Scalar(line, column, value, resolve_plain(value), True, control))
                else:
                    attach(Scalar(line, column, value, "str", False, control))
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
        line, column = marks.file_position(position)
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


# A number every reader takes alike (YAML 1.1 and 1.2; JSON too, but for a plus sign): an
# optional sign, digits without a leading zero, and decimals after a point.
_PLAIN_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
# Numbers of YAML 1.2 (which editors' YAML servers follow) that YAML 1.1 reads as text.
_YAML12_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|0o[0-7]+")
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
_LONGEST_SHOWN = 30  # a number written with more characters is not repeated in a message


@dataclass(frozen=True, slots=True)
class NumberReading:
    """How YAML reads a plain scalar that is a number, but not written as a plain decimal."""

    phrase: str  # Finnish, after "YAML lukee arvon …": "kuusikymmenjärjestelmän lukuna 685230"
    decimal: str | None  # the plain decimal the writer most likely meant, when it can be told


def number_reading(node: Scalar) -> NumberReading | None:
    """How YAML reads ``node`` when it is a number not written as a plain decimal (1000, -2,
    12.5): sexagesimal (190:20:30), hexadecimal (0x10), binary (0b101), octal (017), with
    underscores (1_000), with an exponent (1.0e+3), infinite or not a number (.inf, .nan); and
    what YAML 1.1 reads as text but YAML 1.2 as a number (1e3, 0o17, 08). None otherwise."""
    value = node.value
    if not node.plain or _PLAIN_DECIMAL.fullmatch(value):
        return None
    short = len(value) <= _LONGEST_SHOWN  # a longer number is neither computed nor shown
    if node.kind == "str":
        if not _YAML12_NUMBER.fullmatch(value):
            return None
        shown = None
        if short:
            shown = _decimal(int(value[2:], 8) if value.startswith("0o") else Decimal(value))
        return NumberReading(
            "tekstinä, mutta YAML 1.2 ja sitä noudattavat editorit lukevat sen "
            + (f"lukuna {shown}" if shown else "lukuna"),
            shown,
        )
    if node.kind not in {"int", "float"}:
        return None
    lowered = value.lower()
    if lowered.endswith(".nan"):
        return NumberReading("ei-luvuksi (NaN)", None)
    number = yaml_number(value) if short else None
    if lowered.endswith(".inf") or number in (math.inf, -math.inf):
        return NumberReading("äärettömäksi", None)
    shown = _decimal(number) if number is not None else None
    shown_after = f" {shown}" if shown else ""
    if ":" in value:
        return NumberReading(f"kuusikymmenjärjestelmän lukuna{shown_after}", None)
    if "0x" in lowered:
        return NumberReading(f"heksadesimaalilukuna{shown_after}", shown)
    if "0b" in lowered:
        return NumberReading(f"binäärilukuna{shown_after}", shown)
    if node.kind == "int" and _OCTAL.fullmatch(value):
        digits = value.replace("_", "").lstrip("+-").lstrip("0") or "0"
        meant = ("-" if value.startswith("-") else "") + digits
        return NumberReading(f"oktaalilukuna{shown_after}", meant if short else None)
    if "_" in value:
        return NumberReading(f"lukuna{shown_after} (alaviivat ohittaen)", shown)
    return NumberReading(f"lukuna{shown_after}", shown)


def _decimal(number: int | float | Decimal) -> str | None:
    """``number`` as a plain decimal, or None when that is too long to show."""
    if isinstance(number, int):
        text = str(number)
    else:
        exact = Decimal(repr(number)) if isinstance(number, float) else number
        text = format(exact.normalize(), "f")
    return text if len(text) <= _LONGEST_SHOWN else None


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
