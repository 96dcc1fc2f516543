"""Control and bidi characters, and how the command line's outputs show them.

A value that reaches a terminal, a CI log or a pull-request comment could otherwise act there:
``ESC [2K`` and ``CR`` overwrite a line ("0 virhettä" over the real count), ``U+202E`` reverses
the text after it. Every text, GitHub and Markdown output of ``kokeilu check``, ``diff`` and
``report`` passes each value it prints through :func:`escape_controls`, which writes such a
character as an escape that shows what it is: ``\\x1b``, ``\\x0d``, ``\\u202e``.

:data:`CONTROLS` is the class: C0 (tab and newline included: where a line break is structure,
the formatter adds it between values), DEL, C1, and the bidi controls (the embeddings,
overrides and isolates U+202A–U+202E and U+2066–U+2069, and the marks U+061C, U+200E, U+200F).
"""

from __future__ import annotations

import re

_C0 = "\x00-\x1f"
_OTHERS = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # DEL, C1, bidi controls
CONTROLS = re.compile(f"[{_C0}{_OTHERS}]")
# What content may not hold at all (generator/content/characters.py): the same class without tab
# and line feed, which are text, and without the marks U+061C, U+200E, U+200F, which have
# legitimate uses beside Arabic and Hebrew words (and are escaped only where this tool prints).
REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What json.dumps leaves unescaped: it writes every C0 character inside a string as an escape.
_JSON_UNESCAPED = re.compile(f"[{_OTHERS}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every character of :data:`CONTROLS` as a visible escape:
    ``"a\\x1b[2Kb"`` → ``"a\\\\x1b[2Kb"``, ``"\\u202e"`` → ``"\\\\u202e"``."""
    return CONTROLS.sub(_escape, text)


def escape_json_controls(document: str) -> str:
    """A document of ``json.dumps`` with every character of :data:`CONTROLS` inside its strings
    written as ``\\uXXXX``: json.dumps escapes C0 itself, and leaves DEL, C1 and the bidi
    controls as they are. Such characters can only stand inside strings, and ``\\uXXXX`` is the
    same character to a JSON reader: the data stays exact, and the document is safe to print."""
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
