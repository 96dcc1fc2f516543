"""Where a parser mark is in the file: YAML counts lines its own way, the file (and editors) another.

YAML also ends a line at NEL, LS and PS. The file's line numbers, like editors, count only line
feeds, so parser marks are translated when the text has any of these.
"""

from __future__ import annotations

import re

import yaml

YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")
_YAML_BREAKS = re.compile("[\n\x85\u2028\u2029]")
_LINE_FEED = re.compile("\n")


class Positions:
    """Turns parser marks (0-based YAML line and column) into text offsets and file positions."""

    __slots__ = ("first_line", "lines", "starts", "text")

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self.starts: list[int] | None = None  # offsets of the lines, computed when first needed
        # Per YAML line: (its offset in the text, its file line, its column in that file line - 1).
        self.lines: list[tuple[int, int, int]] | None = None
        if YAML_ONLY_BREAKS.search(text):
            self.lines = _yaml_lines(text, first_line)

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


def _yaml_lines(text: str, first_line: int) -> list[tuple[int, int, int]]:
    """Per YAML line of ``text``: its offset, its file line and its column in that file line - 1."""
    lines = [(0, first_line, 0)]
    file_line, line_start = first_line, 0
    for match in _YAML_BREAKS.finditer(text):
        end = match.end()
        if match.group() == "\n":
            file_line, line_start = file_line + 1, end
        lines.append((end, file_line, end - line_start))
    return lines
