"""The contributor guide's field reference, rendered from the schema and the vocabularies.

The template autoescapes. The schema's own text is trusted Markdown (``|safe`` in the template);
vocabulary text comes from contributors and goes through :func:`markdown_text` (``|md``), so a
label shows as the characters it is, whatever it holds.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import jinja2
from markupsafe import Markup

from generator.content.municipalities import ATTRIBUTION, LICENCE_URL
from generator.content.vocabulary import Vocabulary
from generator.core.schema import FieldSpec, Schema

_TYPE_NAMES = {
    "text": "teksti",
    "slug": "tunniste (a–z, 0–9, -)",
    "ref": "kokeilun tunniste (tiedostonimi ilman .md-päätettä)",
    "url": "verkko-osoite (http:// tai https://)",
    "email": "sähköpostiosoite",
    "date": "aika: vuosi (2017), vuosi-kuukausi (2017-08) tai päivämäärä (2017-08-01)",
    "number": "luku",
    "object": "kenttäryhmä",
}
_LIST_NAMES = {
    "texts": "lista tekstejä",
    "urls": "lista verkko-osoitteita",
    "refs": "lista kokeilujen tunnisteita",
    "paths": "lista kenttien nimiä (ryhmän alakenttä pisteellä: funding.call)",
    "objects": "lista kenttäryhmiä",
}


def describe_field(spec: FieldSpec, schema: Schema) -> str:
    """A short Finnish description of a field's format and limits."""
    if spec.type == "id":
        text = f"tunniste sanastosta `{spec.vocabulary}`"
    elif spec.type == "ids":
        text = f"lista tunnisteita sanastosta `{spec.vocabulary}`"
    else:
        text = _LIST_NAMES.get(spec.type) or _TYPE_NAMES[spec.type]
    limits = []
    each = "kukin " if spec.is_list else ""
    if spec.min_length is not None and spec.max_length is not None:
        limits.append(f"{each}{spec.min_length}–{spec.max_length} merkkiä")
    elif spec.max_length is not None:
        limits.append(f"{each}enintään {spec.max_length} merkkiä")
    if spec.plain:
        limits.append("pelkkää tekstiä")
    if spec.is_list and spec.min_items is not None:
        limits.append(f"vähintään {spec.min_items} kohta" + ("" if spec.min_items == 1 else "a"))
    if spec.is_list and spec.max_items is not None:
        limits.append(f"enintään {spec.max_items} kohtaa")
    if spec.minimum is not None:
        limits.append(f"vähintään {spec.minimum:g}")
    if limits:
        text += " (" + ", ".join(limits) + ")"
    if spec.unknown:
        text += f" tai `{schema.unknown_value}`"
    return text


# What starts markup in a Markdown table cell, with the site's extensions: Python-Markdown's
# inline syntax (code, emphasis, links and images, attr_list braces, the backslash itself) and
# the tables' cell separator. HTML's characters become character references.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]|]")


def markdown_text(value: object) -> Markup:
    """``value`` as literal text on one line of Markdown, shown exactly as written."""
    text = html.escape(" ".join(str(value).split()), quote=False)
    return Markup(_MARKDOWN_SPECIAL.sub(lambda found: "\\" + found.group(), text))


def render_field_reference(schema: Schema, vocabularies: Mapping[str, Vocabulary]) -> str:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.derived", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = markdown_text
    template = env.get_template("field-reference.md.j2")
    text = template.render(
        schema=schema,
        vocabularies=[vocabularies[v.name] for v in schema.vocabularies],
        describe=lambda spec: describe_field(spec, schema),
        attribution=f"{ATTRIBUTION}. Lisenssi: [CC BY 4.0]({LICENCE_URL}).",
    )
    return text.rstrip("\n") + "\n"
