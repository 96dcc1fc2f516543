"""Reporting at a value: the problem located at its node, with the fix in the message; and the
traps of YAML, plain values it reads as something other than text."""

from __future__ import annotations

import functools
from collections.abc import Mapping as MappingABC
from typing import Any

import yaml

from generator.content.yamltree import Node, Scalar, describe, number_reading
from generator.core.problems import ProblemSink
from generator.core.schema import FieldSpec

# What a check returns after reporting: the caller keeps going.
INVALID: Any = object()
_TRUTHY = {"yes", "true", "on"}


@functools.cache
def inline_example(spec: FieldSpec) -> str:
    """The field's example on one line (flow style), for messages."""
    if "\n" not in spec.example:
        return spec.example
    (name, value), *_ = yaml.safe_load(spec.example).items()
    flow = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return f"{name}: {flow.strip().removesuffix('...').strip()}"


def shorten(value: str, limit: int = 40) -> str:
    """``value`` for a message: a long one cut, with … at the cut."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def has_control(node: Node) -> bool:
    """A scalar holding a control character: compose() or the file scan has reported it."""
    return isinstance(node, Scalar) and node.control


def _quoted_example(name: str, value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{name}: "{escaped}"'


class ValueReporter:
    """Reports the problems of one file's values to ``sink``; knows the vocabularies, the word
    for an unknown value and where markup belongs instead (``markup_hint``, for not-plain-text)."""

    def __init__(
        self,
        sink: ProblemSink,
        vocabularies: MappingABC[str, Any],
        unknown_value: str,
        markup_hint: str = "linkit ja muotoilut kuuluvat kuvaukseen",
    ) -> None:
        self.sink = sink
        self.vocabularies = vocabularies
        self.unknown_value = unknown_value
        self.markup_hint = markup_hint

    def error(self, node: Node, rule: str, message: str) -> Any:
        self.sink.error(node.line, node.column, rule, message)
        return INVALID

    def wrong_type(self, spec: FieldSpec, node: Node, expected: str, fix: str = "") -> Any:
        fix = f" {fix}" if fix else ""
        return self.error(
            node,
            "wrong-type",
            f'Kentän "{spec.name}" arvon pitää olla {expected}, nyt se on {describe(node)}.{fix}',
        )

    def scalar_text(self, spec: FieldSpec, node: Node, expected: str) -> str | Any:
        """The text of a scalar, or INVALID after reporting why it is not text."""
        if not isinstance(node, Scalar):
            return self.wrong_type(spec, node, expected)
        if node.kind == "null":
            unknown = f" tai kirjoita {self.unknown_value}" if spec.unknown else ""
            action = "Kirjoita arvo" if spec.required else "Kirjoita arvo, poista koko rivi"
            return self.error(node, "empty-value", f'Kentällä "{spec.name}" ei ole arvoa. {action}{unknown}.')
        if node.kind == "str":
            return node.value
        return self.trap(spec, node, expected)

    def trap(self, spec: FieldSpec, node: Scalar, expected: str) -> Any:
        """Report a plain value that YAML reads as something other than text."""
        value = node.value
        if node.kind == "bool":
            meaning = "tosi" if value.lower() in _TRUTHY else "epätosi"
            return self.error(
                node,
                "yaml-truthy",
                f"YAML lukee arvon {value} totuusarvoksi ({meaning}), ei tekstiksi. "
                f"{self._trap_fix(spec, node)}",
            )
        if node.kind == "timestamp":
            return self.error(
                node,
                "yaml-date",
                f"YAML lukee arvon {value} päivämääräksi, mutta tässä pitää olla {expected}. "
                f"{self._trap_fix(spec, node)}",
            )
        reading = number_reading(node)
        return self.error(
            node,
            "yaml-number",
            f"YAML lukee arvon {shorten(value)} {reading.phrase if reading else 'luvuksi'}, mutta tässä "
            f"pitää olla {expected}. {self._trap_fix(spec, node)}",
        )

    def _trap_fix(self, spec: FieldSpec, node: Scalar) -> str:
        if spec.vocabulary:
            vocabulary = self.vocabularies.get(spec.vocabulary)
            closest = vocabulary.closest(node.value) if vocabulary else []
            if closest:
                return f'Tarkoititko "{closest[0]}"? Tunnisteet ovat sanoja, ks. {vocabulary.path}.'
            where = f" ks. {vocabulary.path}" if vocabulary else ""
            return f"Kirjoita sanaston tunniste,{where}."
        return f"Laita arvo lainausmerkkeihin: {_quoted_example(spec.name, node.value)}"
