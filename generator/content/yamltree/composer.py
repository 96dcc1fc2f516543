"""Compose the parser's events into the tree, without recursion, refusing aliases, explicit tags,
complex keys, duplicate keys, deep nesting and a second document as it goes."""

from __future__ import annotations

import yaml

from generator.content.characters import CONTROL_CHARACTER, reported_lines
from generator.content.yamltree.controls import BLANK, UNREADABLE, blank_unreadable, report_control
from generator.content.yamltree.nodes import Mapping, Node, Scalar, Sequence, resolve_plain
from generator.content.yamltree.positions import Positions
from generator.content.yamltree.syntax import report_reader_error, report_syntax_error, too_deep
from generator.core.problems import ProblemSink

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ScalarEvent = yaml.ScalarEvent
_StreamEndEvent = yaml.StreamEndEvent

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


def compose(text: str, first_line: int, sink: ProblemSink, max_depth: int) -> Node | None:
    """Compose ``text`` (YAML that starts on file line ``first_line``) into a node tree.

    Returns None when the YAML cannot be used; every reason has been reported to ``sink``.
    An empty document gives None without a problem.
    """
    control_lines: set[int] | None = None  # lines with a control character reported
    unreadable = UNREADABLE.search(text) is not None
    if unreadable:
        control_lines = reported_lines(sink)
        text = blank_unreadable(text, first_line, sink, control_lines)
    return _Composer(text, first_line, sink, max_depth, unreadable, control_lines).compose()


class _Frame:
    """An open mapping or sequence, with the key waiting for its value and the keys seen so far."""

    __slots__ = ("is_mapping", "key", "node", "seen")

    def __init__(self, node: Node, is_mapping: bool) -> None:
        self.node = node
        self.is_mapping = is_mapping
        self.key: Scalar | None = None
        self.seen: dict[str, int] = {}


class _Composer:
    """One document's events made into nodes; the problems reported to ``sink`` as they come."""

    __slots__ = (
        "aliases",
        "control_lines",
        "documents",
        "first_alias",
        "line_shift",
        "marks",
        "max_depth",
        "root",
        "sink",
        "stack",
        "unreadable",
        "usable",
    )

    def __init__(
        self,
        text: str,
        first_line: int,
        sink: ProblemSink,
        max_depth: int,
        unreadable: bool,
        control_lines: set[int] | None,
    ) -> None:
        self.marks = Positions(text, first_line)
        # Without NEL, LS or PS (nearly always) a mark's file line is its YAML line plus this.
        self.line_shift = first_line if self.marks.lines is None else None
        self.sink = sink
        self.max_depth = max_depth
        self.unreadable = unreadable  # control characters YAML refuses were blanked
        self.control_lines = control_lines
        self.stack: list[_Frame] = []
        self.root: Node | None = None
        self.usable = True
        self.first_alias: tuple[int, int] | None = None
        self.aliases = 0
        self.documents = 0

    def compose(self) -> Node | None:
        loader = _Loader(self.marks.text)
        try:
            complete = self._read(loader)
        except yaml.MarkedYAMLError as error:
            report_syntax_error(error, self.marks, self.sink, self.max_depth)
            return None
        except yaml.reader.ReaderError as error:  # a character YAML does not accept at all
            report_reader_error(error, self.marks, self.sink)
            return None
        except yaml.YAMLError as error:  # pragma: no cover - every YAMLError is one of the above
            self.sink.error(self.marks.first_line, 1, "yaml-syntax", f"YAML-muotoa ei voi lukea: {error}")
            return None
        finally:
            loader.dispose()
            self._report_aliases()
        return self.root if complete and self.usable else None

    def _read(self, loader: yaml.SafeLoader) -> bool:
        """Every event to the end of the stream; False when a handler gave up on the document.

        The scalars of a document without NEL, LS, PS and control characters, untagged, are
        made here at once: nearly all of them, so their handler's general case is skipped."""
        get_event = loader.get_event
        shift = self.line_shift
        # A value holds a control character only where the text has one, or where a
        # double-quoted value writes one as an escape.
        fast = shift is not None and not self.unreadable and CONTROL_CHARACTER.search(self.marks.text) is None
        attach = self._attach
        while True:
            event = get_event()
            cls = event.__class__
            if cls is _ScalarEvent and fast and event.tag is None and event.style != '"':
                mark = event.start_mark
                value = event.value
                if event.implicit[0] and not event.style:
                    attach(Scalar(mark.line + shift, mark.column + 1, value, resolve_plain(value), True))
                else:
                    attach(Scalar(mark.line + shift, mark.column + 1, value, "str", False))
                continue
            if cls is _StreamEndEvent:
                return True
            handler = _HANDLERS.get(cls)
            if handler is not None and not handler(self, event):
                return False

    # -- events ---------------------------------------------------------------------------

    def _scalar(self, event: yaml.ScalarEvent) -> bool:
        mark = event.start_mark
        if self.line_shift is None:
            line, column = self.marks.position(mark)
        else:
            line, column = mark.line + self.line_shift, mark.column + 1
        if event.tag is not None and event.tag != "!":
            self.sink.error(
                line,
                column,
                "yaml-tag",
                f"YAML-tagit kuten {event.tag} eivät ole sallittuja. Poista tagi; "
                "jos arvo on tekstiä, laita se lainausmerkkeihin.",
            )
            self.usable = False
        value = event.value
        control = self._has_control(event, (line, column))
        if event.implicit[0] and not event.style:
            self._attach(Scalar(line, column, value, resolve_plain(value), True, control))
        else:
            self._attach(Scalar(line, column, value, "str", False, control))
        return True

    def _start(self, event: yaml.CollectionStartEvent) -> bool:
        line, column = self.marks.position(event.start_mark)
        if event.tag is not None and not event.implicit:
            self.sink.error(line, column, "yaml-tag", "YAML-tagit eivät ole sallittuja. Poista tagi.")
            self.usable = False
        if len(self.stack) >= self.max_depth:
            self.sink.error(line, column, "yaml-too-deep", too_deep(self.max_depth))
            return False
        is_mapping = event.__class__ is yaml.MappingStartEvent
        node: Node = Mapping(line, column) if is_mapping else Sequence(line, column)
        self._attach(node)
        self.stack.append(_Frame(node, is_mapping))
        return True

    def _end(self, event: yaml.CollectionEndEvent) -> bool:
        self.stack.pop()
        return True

    def _alias(self, event: yaml.AliasEvent) -> bool:
        line, column = self.marks.position(event.start_mark)
        self.aliases += 1
        self.first_alias = self.first_alias or (line, column)
        self.usable = False
        self._attach(Scalar(line, column, "", "null", True))
        return True

    def _document(self, event: yaml.DocumentStartEvent) -> bool:
        self.documents += 1
        if self.documents == 1:
            return True
        # A second document would silently replace the first one's fields.
        line, column = self.marks.position(event.start_mark)
        self.sink.error(line, column, "yaml-syntax", _SECOND_DOCUMENT)
        return False

    # -- the tree -------------------------------------------------------------------------

    def _has_control(self, event: yaml.ScalarEvent, where: tuple[int, int]) -> bool:
        """Whether the value holds a control character; one not yet reported is reported."""
        if CONTROL_CHARACTER.search(event.value) is None:
            return self.unreadable and BLANK in event.value  # reported by blank_unreadable()
        if self.control_lines is None:
            self.control_lines = reported_lines(self.sink)
        report_control(self.marks, event, where, self.sink, self.control_lines)
        return True

    def _attach(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        if not frame.is_mapping:
            frame.node.items.append(node)  # type: ignore[attr-defined]
        elif frame.key is not None:
            frame.node.pairs.append((frame.key, node))  # type: ignore[attr-defined]
            frame.key = None
        else:
            self._key(frame, node)

    def _key(self, frame: _Frame, node: Node) -> None:
        """``node`` as the key of the open mapping: a plain word, and not one seen before."""
        if node.__class__ is not Scalar:
            self.sink.error(node.line, node.column, "yaml-complex-key", _COMPLEX_KEY)
            self.usable = False
            node = Scalar(node.line, node.column, "", "str", True)
        assert isinstance(node, Scalar)
        frame.key = node
        first = frame.seen.get(node.value)
        if first is None:
            frame.seen[node.value] = node.line
            return
        self.sink.error(
            node.line,
            node.column,
            "duplicate-key",
            f'Kenttä "{node.value}" on jo rivillä {first}. YAML käyttäisi vain toista '
            "arvoa ilman varoitusta. Poista toinen kentistä tai yhdistä niiden arvot.",
        )

    def _report_aliases(self) -> None:
        if self.first_alias is not None:
            more = f" Tiedostossa on {self.aliases} viittausta." if self.aliases > 1 else ""
            self.sink.error(*self.first_alias, "yaml-alias", _ANCHOR_HINT + more)


# Each event's handler; it returns False when the document cannot be used at all.
_HANDLERS = {
    yaml.ScalarEvent: _Composer._scalar,
    yaml.MappingStartEvent: _Composer._start,
    yaml.SequenceStartEvent: _Composer._start,
    yaml.MappingEndEvent: _Composer._end,
    yaml.SequenceEndEvent: _Composer._end,
    yaml.AliasEvent: _Composer._alias,
    yaml.DocumentStartEvent: _Composer._document,
}
