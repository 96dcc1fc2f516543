"""Split a Markdown file into its YAML front matter and its body, keeping file line numbers.

MkDocs and python-frontmatter silently ignore front matter they cannot split. Here every way a
block can be broken is a located problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.problems import ProblemSink

_DELIMITER = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_OPENING = re.compile(r"---[ \t]*$")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The parts of a file. Line numbers are 1-based lines of the file."""

    yaml: str
    yaml_line: int  # file line of the first YAML line (the line after the opening ---)
    opening_line: int  # file line of the opening ---
    closing_line: int  # file line of the closing --- (or ...)
    body: str
    body_line: int  # file line where the body starts


def published_lines(text: str):
    """(line number, line) of a file's text as it is published: the front matter's YAML comment
    lines (``kokeilu new``'s hints) and its ``---`` fences are skipped. Lines are split at
    ``\n`` only, as the rest of the checker counts them."""
    in_front_matter = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.rstrip() == "---" and (number == 1 or in_front_matter):
            in_front_matter = number == 1
            continue
        if in_front_matter and line.lstrip().startswith("#"):
            continue
        yield number, line


def normalise_newlines(text: str) -> str:
    """Drop a UTF-8 byte order mark and turn CRLF and CR line endings into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def split_front_matter(text: str, sink: ProblemSink) -> FrontMatter | None:
    """Split normalised text. Return None (after reporting why) when there is no usable block."""
    start = 0
    first_line = text[: text.find("\n")] if "\n" in text else text
    if not _OPENING.fullmatch(first_line):
        stripped = text.lstrip(" \t\n")
        if stripped.startswith("---") and _OPENING.fullmatch(stripped.split("\n", 1)[0]):
            start = len(text) - len(stripped)
            line = text.count("\n", 0, start) + 1
            sink.error(
                line,
                1,
                "frontmatter-not-first",
                "Etutietolohkon pitää alkaa tiedoston ensimmäiseltä riviltä. "
                f"Poista tyhjät rivit riviä {line} edeltä.",
            )
        else:
            sink.error(
                1,
                1,
                "frontmatter-missing",
                "Tiedostosta puuttuu etutietolohko. Aloita tiedosto rivillä ---, kirjoita kentät "
                "(esimerkiksi title: ...) ja päätä lohko toiseen riviin ---. Mallin saat "
                "tiedostosta content/osallistu/kentat.md.",
            )
            return None
    opening_line = text.count("\n", 0, start) + 1
    first_newline = text.find("\n", start)
    closing = None if first_newline == -1 else _DELIMITER.search(text, first_newline + 1)
    if closing is None:
        sink.error(
            opening_line,
            1,
            "frontmatter-unterminated",
            f"Rivillä {opening_line} alkava etutietolohko ei pääty. Lisää viimeisen kentän "
            "jälkeen oma rivi, jolla on vain ---.",
        )
        return None
    yaml_start = first_newline + 1
    closing_line = text.count("\n", 0, closing.start()) + 1
    body_start = text.find("\n", closing.end())
    body = "" if body_start == -1 else text[body_start + 1 :]
    return FrontMatter(
        yaml=text[yaml_start : closing.start()],
        yaml_line=opening_line + 1,
        opening_line=opening_line,
        closing_line=closing_line,
        body=body,
        body_line=closing_line + 1,
    )
