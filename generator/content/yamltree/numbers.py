"""Numbers as YAML reads them, and the traps: :func:`number_reading` names the numbers not written
as plain decimals (190:20:30, 0x10, 017, 1_000, 1e3, .inf)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from generator.content.yamltree.nodes import Scalar, yaml_number

# A number every reader takes alike (YAML 1.1 and 1.2; JSON too, but for a plus sign): an
# optional sign, digits without a leading zero, and decimals after a point.
_PLAIN_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
# Numbers of YAML 1.2 (which editors' YAML servers follow) that YAML 1.1 reads as text.
_YAML12_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|0o[0-7]+")
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
_LONGEST_SHOWN = 30  # a number written with more characters is not repeated in a message


@dataclass(frozen=True, slots=True)
class NumberReading:
    """How YAML reads a plain scalar that is a number, but not written as a plain decimal."""

    phrase: str  # Finnish, after "YAML lukee arvon …": "kuusikymmenjärjestelmän lukuna 685230"
    decimal: str | None  # the plain decimal the writer most likely meant, when it can be told


def number_reading(node: Scalar) -> NumberReading | None:
    """How YAML reads ``node`` when it is a number not written as a plain decimal (1000, -2,
    12.5): sexagesimal (190:20:30), hexadecimal (0x10), binary (0b101), octal (017), with
    underscores (1_000), with an exponent (1.0e+3), infinite or not a number (.inf, .nan); and
    what YAML 1.1 reads as text but YAML 1.2 as a number (1e3, 0o17, 08). None otherwise."""
    if not node.plain or _PLAIN_DECIMAL.fullmatch(node.value):
        return None
    if node.kind == "str":
        return _yaml12_reading(node.value)
    if node.kind not in {"int", "float"}:
        return None
    return _yaml11_reading(node.value, node.kind)


def _yaml12_reading(value: str) -> NumberReading | None:
    """Text to YAML 1.1 that YAML 1.2 reads as a number (1e3, 0o17, 08)."""
    if not _YAML12_NUMBER.fullmatch(value):
        return None
    shown = None
    if len(value) <= _LONGEST_SHOWN:  # a longer number is neither computed nor shown
        shown = _decimal(int(value[2:], 8) if value.startswith("0o") else Decimal(value))
    return NumberReading(
        "tekstinä, mutta YAML 1.2 ja sitä noudattavat editorit lukevat sen "
        + (f"lukuna {shown}" if shown else "lukuna"),
        shown,
    )


def _yaml11_reading(value: str, kind: str) -> NumberReading:
    """A number to YAML 1.1 (``kind`` int or float), not written as a plain decimal."""
    short = len(value) <= _LONGEST_SHOWN  # a longer number is neither computed nor shown
    lowered = value.lower()
    if lowered.endswith(".nan"):
        return NumberReading("ei-luvuksi (NaN)", None)
    number = yaml_number(value) if short else None
    if lowered.endswith(".inf") or number in (math.inf, -math.inf):
        return NumberReading("äärettömäksi", None)
    shown = _decimal(number) if number is not None else None
    return _notation_reading(value, kind, shown, short)


def _notation_reading(value: str, kind: str, shown: str | None, short: bool) -> NumberReading:
    """A finite number by its notation: sexagesimal, hexadecimal, binary, octal, with underscores
    or an exponent. ``shown``: its plain decimal, if short enough to show."""
    lowered = value.lower()
    shown_after = f" {shown}" if shown else ""
    if ":" in value:
        return NumberReading(f"kuusikymmenjärjestelmän lukuna{shown_after}", None)
    if "0x" in lowered:
        return NumberReading(f"heksadesimaalilukuna{shown_after}", shown)
    if "0b" in lowered:
        return NumberReading(f"binäärilukuna{shown_after}", shown)
    if kind == "int" and _OCTAL.fullmatch(value):
        digits = value.replace("_", "").lstrip("+-").lstrip("0") or "0"
        meant = ("-" if value.startswith("-") else "") + digits
        return NumberReading(f"oktaalilukuna{shown_after}", meant if short else None)
    if "_" in value:
        return NumberReading(f"lukuna{shown_after} (alaviivat ohittaen)", shown)
    return NumberReading(f"lukuna{shown_after}", shown)


def _decimal(number: int | float | Decimal) -> str | None:
    """``number`` as a plain decimal, or None when that is too long to show."""
    if isinstance(number, int):
        text = str(number)
    else:
        exact = Decimal(repr(number)) if isinstance(number, float) else number
        text = format(exact.normalize(), "f")
    return text if len(text) <= _LONGEST_SHOWN else None
