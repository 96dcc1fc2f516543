"""The check of a vocabulary term (type ``id``): an id of the field's vocabulary, with the closest
ids or the whole list in the message when it is not one."""

from __future__ import annotations

import functools
from typing import Any

from generator.content.fields.reporter import INVALID, ValueReporter
from generator.content.yamltree import Node
from generator.core.schema import FieldSpec, load_schema

# A vocabulary this short is listed whole in the message about a term not in it.
_LISTED_UP_TO = 12


@functools.cache
def _empty_terms() -> dict[str, str]:
    """Field name → the id its taxonomy gives an empty list ("regions" → "koko-suomi")."""
    return {t.field: t.empty_term.id for t in load_schema().taxonomies if t.empty_term}


def check_id(report: ValueReporter, spec: FieldSpec, node: Node) -> Any:
    value = report.scalar_text(spec, node, "sanaston tunniste")
    if value is INVALID:
        return INVALID
    vocabulary = report.vocabularies.get(spec.vocabulary)
    if vocabulary is None or value in vocabulary:
        return value
    if value == report.unknown_value:
        return _unknown_as_term(report, spec, node, vocabulary)
    if _empty_terms().get(spec.name) == value:
        return report.error(
            node,
            "unknown-term",
            f'"{value}" ei ole sanaston tunniste: koko Suomi merkitään tyhjällä listalla, '
            f"{spec.name}: []. Jos kokeilu tehtiin vain joissakin maakunnissa, luettele ne ja jätä "
            f"{value} pois.",
        )
    closest = vocabulary.closest(value)
    hint = "Tarkoititko " + " tai ".join(f'"{c}"' for c in closest) + "?" if closest else ""
    if len(vocabulary) <= _LISTED_UP_TO:
        listing = "Sallitut: " + ", ".join(vocabulary.ids) + "."
    else:
        listing = f"Kaikki sallitut tunnisteet ovat tiedostossa {vocabulary.path}."
    message = f'"{value}" ei ole sanaston {vocabulary.label_fi.lower()} tunniste. {hint} {listing}'
    return report.error(node, "unknown-term", message.replace("  ", " "))


def _unknown_as_term(report: ValueReporter, spec: FieldSpec, node: Node, vocabulary: Any) -> Any:
    """Report "tuntematon" where a term is needed: in a list, or in a field that cannot be unknown."""
    if spec.unknown:  # an item of a list that may be "tuntematon" as a whole
        fix = (
            f"Jos tietoa ei ole, kirjoita {spec.name}: {report.unknown_value} ilman "
            "hakasulkeita. Muuten anna lista sanaston tunnisteita."
        )
    else:
        fix = f'Kenttä "{spec.name}" ei voi olla {report.unknown_value}: anna sanaston tunniste.'
    return report.error(node, "unknown-term", f"{fix} Tunnisteet ovat tiedostossa {vocabulary.path}.")
