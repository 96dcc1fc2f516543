"""The nodes of the YAML tree: scalars, sequences and mappings, each with its place in the file;
what a plain scalar means to YAML 1.1, and the tree as plain data."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.resolver import Resolver

_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}
_IMPLICIT = Resolver.yaml_implicit_resolvers


@functools.lru_cache(maxsize=4096)
def resolve_plain(value: str) -> str:
    """The YAML 1.1 type of a plain (unquoted) scalar: str, bool, int, float, null or timestamp.
    Remembered: the keys and vocabulary ids of the front matter recur in every file."""
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if regexp.match(value):
            return _TAG_NAMES.get(tag, "str")
    return "str"


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def yaml_number(text: str) -> int | float:
    """The number YAML 1.1 means by a plain scalar that resolves to int or float."""
    if resolve_plain(text) == "int":
        return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode("tag:yaml.org,2002:int", text))
    return _CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode("tag:yaml.org,2002:float", text))


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


_KIND_PHRASES = {
    "bool": "totuusarvo",
    "int": "luku",
    "float": "luku",
    "null": "tyhjä arvo",
    "timestamp": "päivämäärä",
}


def describe(node: Node) -> str:
    """A Finnish phrase for what a node is, for messages such as "odotettiin tekstiä, nyt …"."""
    if isinstance(node, Sequence):
        return "lista"
    if isinstance(node, Mapping):
        return "kenttäryhmä (avain: arvo -pareja)"
    assert isinstance(node, Scalar)
    return _KIND_PHRASES.get(node.kind, "teksti")


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
