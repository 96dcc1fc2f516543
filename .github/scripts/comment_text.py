"""Text for a GitHub issue body or comment, made to fit and to stay inert. Used by the workflows.

    python comment_text.py cap FILE MAX NOTE
        FILE as it is when it has at most MAX characters; else cut at the last line end before
        MAX, followed by a blank line and NOTE (GitHub refuses a body over 65,536 characters).

    python comment_text.py fence FILE MAX
        The first MAX characters of FILE (cut at a line end) as a fenced code block that nothing
        in it can close: the fence is made of more tildes than any run of tildes in the text, and
        a closing fence needs at least as many, whatever its indentation. Control and bidi
        characters are written as escapes (\\x1b, \\u202e), as kokeilu's own outputs write them.

The result goes to standard output. Run it with the Python that has kokeilu installed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from generator.core.controls import escape_controls

_TILDES = re.compile(r"~+")


def cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at the last line end before it if any."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    end = head.rfind("\n")
    return head[: end + 1] if end > 0 else head


def cap(text: str, limit: int, note: str) -> str:
    if len(text) <= limit:
        return text
    return cut(text, limit - len(note) - 3).rstrip("\n") + f"\n\n{note}\n"


def fence(text: str, limit: int) -> str:
    # Split at line feeds only: a CR, VT or FF stays within its line, escaped like any control.
    lines = [escape_controls(line) for line in cut(text, limit).removesuffix("\n").split("\n")]
    longest = max((len(run) for line in lines for run in _TILDES.findall(line)), default=0)
    marker = "~" * max(4, longest + 1)
    return "\n".join([f"{marker}text", *lines, marker]) + "\n"


def _read(path: str) -> str:
    return Path(path).read_bytes().decode("utf-8", errors="replace")


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "cap":
        result = cap(_read(argv[1]), int(argv[2]), argv[3])
    elif len(argv) == 3 and argv[0] == "fence":
        result = fence(_read(argv[1]), int(argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.buffer.write(result.encode("utf-8"))
    return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
