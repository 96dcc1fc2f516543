"""Text held compressed until it is read: the plan's pages and the site's data files.

At 10,000 experiments the site has about 45,000 generated pages in three languages, and their
Markdown, held as Python strings (two bytes a character as soon as a page holds a "…" or a
"–"), would take about a gigabyte from planning to the end of the build. zlib at its fastest
level holds the same text in about a sixth of that, and reading it back costs a few seconds at
that size. The compression is deterministic, so equal texts pack to equal bytes.
"""

from __future__ import annotations

import zlib

# Fast: the pages are packed once and read once or twice; a higher level saves little more.
LEVEL = 1


def pack(text: str) -> bytes:
    """``text`` as compressed UTF-8."""
    return pack_bytes(text.encode("utf-8"))


def unpack(packed: bytes) -> str:
    """The text :func:`pack` packed."""
    return unpack_bytes(packed).decode("utf-8")


def pack_bytes(data: bytes) -> bytes:
    """``data`` compressed."""
    return zlib.compress(data, LEVEL)


def unpack_bytes(packed: bytes) -> bytes:
    """The bytes :func:`pack_bytes` packed."""
    return zlib.decompress(packed)
