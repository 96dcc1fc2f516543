"""Control characters in YAML (generator/content/characters.py): reported where they are.

One written as a YAML escape is reported at its value, one written as itself at its place unless
the file scan has reported its line. YAML's reader refuses most of them outright; they are read as
U+FFFD instead, so the rest of the front matter is still checked.
"""

from __future__ import annotations

import re

import yaml

from generator.content.characters import CONTROL_CHARACTER, CONTROL_RULE, escaped_message, written_message
from generator.content.yamltree.positions import Positions
from generator.core.problems import ProblemSink

# The control characters YAML's reader refuses outright (all but tab, LF, CR and NEL, which it
# reads as line breaks), and what stands in for them so that the rest of the YAML is still read.
UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
BLANK = "\ufffd"


def blank_unreadable(text: str, first_line: int, sink: ProblemSink, reported: set[int]) -> str:
    """``text`` with each control character YAML refuses replaced by U+FFFD, reported at its
    place unless a problem is already reported on its line (``reported``, the file scan's)."""
    line, counted = first_line, 0
    for found in UNREADABLE.finditer(text):
        line += text.count("\n", counted, found.start())
        counted = found.start()
        if line not in reported:
            reported.add(line)
            column = found.start() - text.rfind("\n", 0, found.start())
            sink.error(line, column, CONTROL_RULE, written_message(found.group()))
    return UNREADABLE.sub(BLANK, text)


def report_control(
    marks: Positions, event: yaml.ScalarEvent, where: tuple[int, int], sink: ProblemSink, reported: set[int]
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
