"""Compose YAML into a small node tree that remembers where every value sits in the file.

Why not ``yaml.safe_load``:
- it keeps the last of two duplicate keys without a word;
- it expands aliases, so a "billion laughs" document of a few hundred bytes exhausts memory;
- it turns ``NO`` into False and ``2017-08-01`` into a date, and the position of the value is lost.

:func:`compose` reads the parser's event stream (libyaml when available) and builds the tree
itself, without recursion, refusing aliases, explicit tags and deep nesting as it goes
(``composer.py``; the nodes are in ``nodes.py``). Plain scalars keep their text and carry the type
YAML 1.1 would give them, so the schema can decide what to accept and can name the trap when a
value is read as something else (``numbers.py``: :func:`number_reading` names the numbers not
written as plain decimals: 190:20:30, 0x10, 017, 1_000, 1e3, .inf). YAML that cannot be read is
reported at the construct it breaks, with a hint (``syntax.py``); parser marks become file lines
and columns in ``positions.py``.

Control characters (generator/content/characters.py) are reported where they are
(``controls.py``): one written as a YAML escape at its value, one written as itself at its place
unless the file scan has reported it. YAML's reader refuses most of them outright; they are read
as U+FFFD instead, so the rest of the front matter is still checked. A scalar holding one is
marked ``control`` and the field checks skip it.
"""

from __future__ import annotations

from generator.content.yamltree.composer import compose
from generator.content.yamltree.nodes import (
    Mapping,
    Node,
    Scalar,
    Sequence,
    describe,
    resolve_plain,
    to_data,
    yaml_number,
)
from generator.content.yamltree.numbers import NumberReading, number_reading

__all__ = [
    "Mapping",
    "Node",
    "NumberReading",
    "Scalar",
    "Sequence",
    "compose",
    "describe",
    "number_reading",
    "resolve_plain",
    "to_data",
    "yaml_number",
]
