"""Reading content files: size limit and encoding, each failure a located problem."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.content.characters import check_control_characters
from generator.content.frontmatter import normalise_newlines
from generator.content.layout import report_special, report_symlink
from generator.core.problems import ProblemSink


def read_text(path: Path, sink: ProblemSink, max_bytes: int) -> str | None:
    """The file's text with BOM and CR line endings normalised, or None if it cannot be used.

    Bytes that are not UTF-8 are reported at their line and column; the rest of the file is
    still read (with U+FFFD in their place), so its other problems are reported too.
    """
    try:
        data = _read_regular_file(path, sink, max_bytes)
    except FileNotFoundError:
        sink.error(1, 1, "file-missing", f"Tiedostoa {sink.path} ei ole. Palauta se.")
        return None
    except OSError as error:
        sink.error(1, 1, "file-unreadable", f"Tiedostoa ei voi lukea: {error.strerror}.")
        return None
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        _report_encoding(data, error, sink)
        text = data.decode("utf-8", errors="replace")
    text = normalise_newlines(text)
    check_control_characters(text, sink)
    return text


# Never through a symbolic link (O_NOFOLLOW) and never waiting on a FIFO (O_NONBLOCK).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _read_regular_file(path: Path, sink: ProblemSink, max_bytes: int) -> bytes | None:
    """The bytes of a regular file of at most ``max_bytes``, or None after reporting why not: a
    link, a folder, a FIFO or a device is never read. The size is the opened file's own."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if error.errno != errno.ELOOP:  # what O_NOFOLLOW answers for a link
            raise
        report_symlink(sink.path, sink.problems)
        return None
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            report_special(sink.path, sink.problems)
            return None
        if status.st_size > max_bytes:
            sink.error(
                1,
                1,
                "file-too-large",
                f"Tiedosto on {status.st_size:,} tavua; suurin sallittu koko on {max_bytes:,} tavua. "
                "Lyhennä kuvausta tai jaa se useaan tiedostoon.".replace(",", " "),
            )
            return None
        return file.read(max_bytes + 1)


def _report_encoding(data: bytes, error: UnicodeDecodeError, sink: ProblemSink) -> None:
    start = error.start
    # Count lines and columns in the text the rest of the checker sees: no BOM, CR and CRLF as LF.
    before = normalise_newlines(data[:start].decode("utf-8", errors="replace"))
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    bad = data[start]
    # Each replacement character the decoder writes is one bad spot; U+FFFD written in the file
    # itself (bytes EF BF BD) is not.
    spots = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    others = spots - 1
    if others == 1:
        more = " Tiedostossa on myös yksi toinen tällainen kohta."
    elif others > 1:
        more = f" Tiedostossa on myös {others} muuta tällaista kohtaa."
    else:
        more = ""
    sink.error(
        line,
        column,
        "encoding",
        f"Tavu 0x{bad:02X} ei ole UTF-8-merkistöä (tiedosto on ehkä tallennettu Latin-1- tai "
        f"Windows-merkistöllä). Tallenna tiedosto UTF-8-muodossa.{more}",
    )
