"""The checks of one value of each scalar type of the schema (text, slug, ref, path, url, email,
date, number): each returns the value, or ``INVALID`` after reporting at the node. A new type of
value gets its check here, in :data:`SCALAR_CHECKS`; a vocabulary term is checked in ``terms.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator.content.fields.addresses import is_email, url_problem
from generator.content.fields.reporter import INVALID, ValueReporter, shorten
from generator.content.fields.terms import check_id
from generator.content.yamltree import Node, Scalar, number_reading, yaml_number
from generator.core.dates import MAX_YEAR, MIN_YEAR, DateError, parse_partial_date
from generator.core.schema import FieldSpec
from generator.core.slug import is_slug, slugify

_HTML = re.compile(r"<[A-Za-z/!?]")
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_WHITESPACE = re.compile(r"\s+")
# The most digits a number may have before its decimal point: JSON readers (JavaScript) keep
# integers exact up to 2**53, about 9.007e15.
_MAX_DIGITS = 15


# -- text-like types ---------------------------------------------------------------------------


def check_text(report: ValueReporter, spec: FieldSpec, node: Node) -> Any:
    value = report.scalar_text(spec, node, "tekstiä")
    if value is INVALID:
        return INVALID
    value = _WHITESPACE.sub(" ", value).strip()
    if not value:
        return report.error(node, "empty-value", f'Kentällä "{spec.name}" ei ole arvoa. Kirjoita arvo.')
    if _wrong_length(report, spec, node, value) or _has_markup(report, spec, node, value):
        return INVALID
    return value


def _wrong_length(report: ValueReporter, spec: FieldSpec, node: Node, value: str) -> bool:
    """Whether the text is too short or too long for the field, reported."""
    if spec.min_length is not None and len(value) < spec.min_length:
        report.error(
            node,
            "too-short",
            f'Kentän "{spec.name}" arvo on {len(value)} merkkiä; vähintään '
            f"{spec.min_length} merkkiä tarvitaan. Kirjoita se auki.",
        )
        return True
    if spec.max_length is not None and len(value) > spec.max_length:
        report.error(
            node,
            "too-long",
            f'Kentän "{spec.name}" arvo on {len(value)} merkkiä; enintään {spec.max_length} '
            f"sallitaan. Lyhennä sitä {len(value) - spec.max_length} merkillä"
            + (" ja siirrä loput kuvaukseen." if spec.name == "summary" else "."),
        )
        return True
    return False


def _has_markup(report: ValueReporter, spec: FieldSpec, node: Node, value: str) -> bool:
    """Whether a plain-text field holds HTML or a Markdown link, reported."""
    markup = (_HTML.search(value) or _MARKDOWN_LINK.search(value)) if spec.plain else None
    if markup is None:
        return False
    report.error(
        node,
        "not-plain-text",
        f'Kentässä "{spec.name}" on merkintäkoodia ("{markup.group(0)}"). Kirjoita se '
        f"pelkkänä tekstinä; {report.markup_hint}.",
    )
    return True


def check_slug(report: ValueReporter, spec: FieldSpec, node: Node) -> Any:
    value = report.scalar_text(spec, node, "tunniste")
    if value is INVALID:
        return INVALID
    if not is_slug(value) or (spec.max_length and len(value) > spec.max_length):
        return report.error(
            node,
            "bad-slug",
            f'Tunniste "{value}" ei kelpaa. Käytä pieniä kirjaimia a–z, numeroita ja '
            f'väliviivoja, esimerkiksi "{slugify(value) or "uusi-termi"}".',
        )
    return value


def check_ref(report: ValueReporter, spec: FieldSpec, node: Node) -> Any:
    """One entry's slug; that the entry exists is checked with the whole catalogue."""
    return check_slug(report, spec, node)


def check_path(report: ValueReporter, spec: FieldSpec, node: Node) -> Any:
    """A dotted field name ("funding.call"); which names exist is checked per entry kind."""
    value = report.scalar_text(spec, node, "kentän nimi")
    if value is INVALID:
        return INVALID
    return value.strip()


def check_url(report: ValueReporter, spec: FieldSpec, node: Node) -> Any:
    value = report.scalar_text(spec, node, "verkko-osoite")
    if value is INVALID:
        return INVALID
    problem = url_problem(value)
    if problem:
        return report.error(node, "bad-url", problem)
    return value


def check_email(report: ValueReporter, spec: FieldSpec, node: Node) -> Any:
    value = report.scalar_text(spec, node, "sähköpostiosoite")
    if value is INVALID:
        return INVALID
    value = value.removeprefix("mailto:")
    if not is_email(value):
        return report.error(
            node,
            "bad-email",
            f'"{value}" ei ole sähköpostiosoite. Kirjoita muodossa info@example.fi.',
        )
    return value


# -- dates ---------------------------------------------------------------------------------------


def check_date(report: ValueReporter, spec: FieldSpec, node: Node) -> Any:
    text = _date_text(report, spec, node)
    if text is INVALID:
        return INVALID
    try:
        return parse_partial_date(text)
    except DateError as error:
        return _bad_date(report, spec, node, str(error))


def _date_text(report: ValueReporter, spec: FieldSpec, node: Node) -> str | Any:
    """The text of a date as written (a year YAML reads as a number, a date it reads as a
    timestamp, or text), or INVALID after reporting."""
    if isinstance(node, Scalar) and node.kind == "int":
        if not re.fullmatch(r"\d{4}", node.value):
            return _bad_date(
                report,
                spec,
                node,
                f"{node.value} ei ole vuosiluku. Kirjoita vuosi neljällä numerolla "
                f"({MIN_YEAR}–{MAX_YEAR}), esimerkiksi 2017.",
            )
        return node.value
    if isinstance(node, Scalar) and node.kind == "timestamp":
        if len(node.value) > 10:
            return _bad_date(
                report,
                spec,
                node,
                f"Kirjoita pelkkä päivämäärä ilman kellonaikaa, esimerkiksi {node.value[:10]}.",
            )
        return node.value
    unknown = f" tai {report.unknown_value}" if spec.unknown else ""
    return report.scalar_text(spec, node, f"aika (vuosi, vuosi-kuukausi tai päivämäärä){unknown}")


def _bad_date(report: ValueReporter, spec: FieldSpec, node: Node, message: str) -> Any:
    if spec.unknown:
        message += f" Jos aikaa ei tiedetä, kirjoita {spec.name}: {report.unknown_value}."
    return report.error(node, "bad-date", message)


# -- numbers -------------------------------------------------------------------------------------


def check_number(report: ValueReporter, spec: FieldSpec, node: Node) -> Any:
    reading = number_reading(node) if isinstance(node, Scalar) else None
    if reading is not None:
        return report.error(
            node,
            "yaml-number",
            f"YAML lukee arvon {shorten(node.value)} {reading.phrase}. Kirjoita luku tavallisin "
            "numeroin, ilman etunollia, alaviivoja, kaksoispisteitä ja e-kirjainta (desimaalit "
            f"pisteen jälkeen), esimerkiksi {spec.name}: {reading.decimal or 1000}.",
        )
    if not isinstance(node, Scalar) or node.kind not in {"int", "float"}:
        return _not_a_number(report, spec, node)
    digits = len(node.value.lstrip("+-").split(".")[0])
    if digits > _MAX_DIGITS:
        return report.error(
            node,
            "out-of-range",
            f'Kentän "{spec.name}" arvossa on {digits} numeroa ennen desimaalipistettä; '
            f"enintään {_MAX_DIGITS} sallitaan, jotta luku säilyy tarkkana avoimessa datassa. "
            "Tarkista, onko luvussa ylimääräisiä numeroita.",
        )
    value = yaml_number(node.value)  # a plain decimal, finite
    if spec.minimum is not None and value < spec.minimum:
        return report.error(
            node,
            "out-of-range",
            f'Kentän "{spec.name}" arvo ei voi olla pienempi kuin {spec.minimum:g}.',
        )
    return value


def _not_a_number(report: ValueReporter, spec: FieldSpec, node: Node) -> Any:
    """Report a value that is not a number: text gets the digits it holds as the example."""
    if not (isinstance(node, Scalar) and node.kind == "str"):
        return report.wrong_type(spec, node, "luku")
    digits = re.sub(r"[\s€.,]|eur(oa)?", "", node.value, flags=re.IGNORECASE)
    example = digits if digits.isdigit() else "5000"
    return report.error(
        node,
        "wrong-type",
        f'Kentän "{spec.name}" arvon pitää olla luku. Kirjoita pelkät numerot ilman '
        f"lainausmerkkejä, välilyöntejä ja €-merkkiä: {spec.name}: {example}",
    )


# The check of each scalar type of the schema.
SCALAR_CHECKS: dict[str, Callable[[ValueReporter, FieldSpec, Node], Any]] = {
    "text": check_text,
    "slug": check_slug,
    "ref": check_ref,
    "path": check_path,
    "url": check_url,
    "email": check_email,
    "id": check_id,
    "date": check_date,
    "number": check_number,
}
