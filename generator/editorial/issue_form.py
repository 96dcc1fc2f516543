"""The GitHub issue form for new experiments (.github/ISSUE_TEMPLATE/kokeilu.yml): its questions
and its text.

The form is derived from the schema and the vocabularies, like the JSON Schemas: ``kokeilu schema
--write`` rewrites it. Each question fills one field or sub-field of the schema; a vocabulary
field is a dropdown, or typed names when the vocabulary is long (the municipalities).
``kokeilu from-issue`` reads the answers back (:mod:`generator.editorial.issue_entry`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from generator.content.vocabulary import Vocabulary
from generator.core.schema import FieldSpec, Schema

FORM_FILE = ".github/ISSUE_TEMPLATE/kokeilu.yml"
BODY_ID = "body"
BODY_LABEL = "Kuvaus"
# A vocabulary longer than this (the municipalities) is answered by typing names, not from a list.
MAX_DROPDOWN_OPTIONS = 50
# A text field longer than this is answered in a text area.
_LONGEST_INPUT = 200

_INTRODUCTION = {
    "type": "markdown",
    "attributes": {
        "value": (
            "Kiitos, että ehdotat kokeilua luetteloon! Täytä tiedot, jotka tiedät. "
            "Toimittaja tarkistaa ehdotuksen, ja kun se on valmis, siitä tehdään "
            "automaattisesti muutosehdotus (pull request). Älä kirjoita henkilötietoja: "
            "käytä organisaatioiden yleisiä yhteystietoja. Kenttien tarkemmat ohjeet: "
            "content/osallistu/kentat.md."
        )
    },
}
_BODY_QUESTION = {
    "type": "textarea",
    "id": BODY_ID,
    "attributes": {
        "label": BODY_LABEL,
        "description": (
            "Vapaa kuvaus Markdownina: mitä kokeiltiin, kuka, missä ja mitä siitä seurasi. "
            "Käytä väliotsikoissa ##-merkkejä. HTML-koodia ei voi käyttää."
        ),
    },
    "validations": {"required": True},
}
_HEADER = (
    "# Tehty tiedostosta generator/core/schema.yml ja sanastoista (generator/editorial/issue_form.py).\n"
    "# Älä muokkaa käsin: aja kokeilu schema --write.\n"
)


@dataclass(frozen=True)
class FormField:
    """One question of the form: the schema field (and subfield) it fills."""

    id: str
    label: str
    spec: FieldSpec
    parent: FieldSpec | None = None


def form_fields(schema: Schema) -> list[FormField]:
    """The questions in schema order, a group's sub-fields each a question of its own."""
    result = []
    for spec in schema.experiment.fields:
        if spec.type == "object":
            for sub in spec.fields:
                result.append(
                    FormField(f"{spec.name}_{sub.name}", f"{spec.label_fi}: {sub.label_fi}", sub, spec)
                )
        else:
            result.append(FormField(spec.name, spec.label_fi, spec))
    return result


def _extra_options(spec: FieldSpec, schema: Schema) -> dict[str, str]:
    """Dropdown options that are not vocabulary terms: label → stored value."""
    extra = {}
    for taxonomy in schema.taxonomies:
        if taxonomy.field == spec.name:
            if taxonomy.empty_term and not spec.min_items:
                extra[taxonomy.empty_term.fi] = ""
            if taxonomy.unknown_term and spec.unknown:
                extra["Tuntematon"] = schema.unknown_value
    if spec.unknown and schema.unknown_value not in extra.values():
        extra["Tuntematon"] = schema.unknown_value
    return extra


def options(spec: FieldSpec, schema: Schema, vocabularies: Mapping[str, Vocabulary]) -> dict[str, str]:
    """Dropdown option label → vocabulary id (or "" for nationwide, tuntematon for unknown)."""
    assert spec.vocabulary is not None
    found = {term.fi: term.id for term in vocabularies[spec.vocabulary]}
    for label, value in _extra_options(spec, schema).items():
        if value not in found.values():
            found[label] = value
    return found


def is_dropdown(spec: FieldSpec, vocabularies: Mapping[str, Vocabulary]) -> bool:
    """Whether a vocabulary field is answered from a dropdown (else by typing names)."""
    return spec.type in {"id", "ids"} and len(vocabularies[spec.vocabulary or ""]) <= MAX_DROPDOWN_OPTIONS


def fact_options(schema: Schema) -> dict[str, str]:
    """The ``unconfirmed`` dropdown: the form's question for each fact → its dotted name."""
    return {_path_label(schema, path): path for path in schema.experiment.field_paths()}


def _path_label(schema: Schema, path: str) -> str:
    """A field's form label by its dotted name: "funding.call" → "Rahoitus: Kokeiluhaku"."""
    name, _, sub = path.partition(".")
    spec = schema.experiment.field(name)
    assert spec is not None
    if not sub:
        return spec.label_fi
    return f"{spec.label_fi}: {next(f.label_fi for f in spec.fields if f.name == sub)}"


# --- the form's text ---------------------------------------------------------------------------


def render_issue_form(schema: Schema, vocabularies: Mapping[str, Vocabulary]) -> str:
    """The text of .github/ISSUE_TEMPLATE/kokeilu.yml."""
    questions = [_question(item, schema, vocabularies) for item in form_fields(schema)]
    form = {
        "name": "Uusi kokeilu",
        "description": "Ehdota uutta kokeilua Kokeilukatalogiin ilman Gitiä.",
        "title": "Uusi kokeilu: ",
        "labels": ["uusi-kokeilu"],
        "body": [_INTRODUCTION, *questions, _BODY_QUESTION],
    }
    return _HEADER + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)


def _question(item: FormField, schema: Schema, vocabularies: Mapping[str, Vocabulary]) -> dict:
    """One question of the form as GitHub reads it: its kind, attributes and whether it is required."""
    spec, parent = item.spec, item.parent
    attributes: dict = {"label": item.label, "description": _description(spec, parent)}
    kind = _answer_kind(spec, schema, vocabularies, attributes)
    if spec.example and kind != "dropdown" and parent is None and "placeholder" not in attributes:
        attributes["placeholder"] = _placeholder(spec)
    # Required when an empty answer cannot stand for "tuntematon", in the group too.
    required = spec.required and not spec.unknown
    if parent is not None:
        required = required and parent.required and not parent.unknown
    return {
        "type": kind,
        "id": item.id,
        "attributes": attributes,
        "validations": {"required": bool(required)},
    }


def _answer_kind(
    spec: FieldSpec, schema: Schema, vocabularies: Mapping[str, Vocabulary], attributes: dict
) -> str:
    """How a field is answered (dropdown, textarea or input); the attributes that go with it
    (options, placeholder) are added to ``attributes``."""
    if spec.type == "paths":
        attributes["options"] = list(fact_options(schema))
        attributes["multiple"] = True
        return "dropdown"
    if spec.type in {"id", "ids"} and not is_dropdown(spec, vocabularies):
        attributes["description"], attributes["placeholder"] = _typed_terms(spec, vocabularies)
        return "textarea" if spec.type == "ids" else "input"
    if spec.type in {"id", "ids"}:
        attributes["options"] = list(options(spec, schema, vocabularies))
        if spec.type == "ids":
            attributes["multiple"] = True
        return "dropdown"
    long_text = spec.type == "text" and (spec.max_length or 0) > _LONGEST_INPUT
    if spec.type in {"texts", "urls", "objects"} or long_text:
        return "textarea"
    return "input"


def _typed_terms(spec: FieldSpec, vocabularies: Mapping[str, Vocabulary]) -> tuple[str, str]:
    """(description, placeholder) of a vocabulary field answered by typing names."""
    vocabulary = vocabularies[spec.vocabulary or ""]
    example = yaml.safe_load(spec.example)[spec.name] if spec.example else []
    ids = example if isinstance(example, list) else [example]
    names = [vocabulary[i].fi for i in ids if i in vocabulary]
    description = (
        f"{spec.label_fi}: kirjoita nimet suomeksi tai ruotsiksi, pilkuin eroteltuina tai kukin "
        "omalle rivilleen. "
        f"Sallitut nimet ovat tiedostossa {vocabulary.path}."
    )
    return description, ", ".join(names)


def _description(spec: FieldSpec, parent: FieldSpec | None) -> str:
    text = " ".join(spec.help_fi.split())
    if spec.type in {"texts", "urls"}:
        text += " Kirjoita jokainen omalle rivilleen."
    if spec.type == "objects":
        text += (
            " Kirjoita jokainen omalle rivilleen muodossa Nimi (tyyppi), "
            "esimerkiksi Tampereen kaupunki (kunta); jos tyyppiä ei tiedetä, pelkkä nimi."
        )
    if spec.type == "paths":
        text = (
            "Valitse kysymykset, joiden vastaukseen lähteet vain viittaavat mutta joita ne eivät "
            "vahvista. Sivulla tieto merkitään vahvistamattomaksi."
        )
    unknown = spec.unknown or (parent is not None and parent.unknown and spec.required)
    if unknown and "tuntematon" not in text:
        text += " Jos et tiedä, jätä tyhjäksi: silloin arvoksi tulee tuntematon."
    elif unknown:
        text += " Tyhjä vastaus tarkoittaa samaa kuin tuntematon."
    return text


def _placeholder(spec: FieldSpec) -> str:
    """The example value, without the key: "title: Perustulokokeilu" → "Perustulokokeilu"."""
    try:
        value = yaml.safe_load(spec.example)[spec.name]
    except (yaml.YAMLError, TypeError, KeyError):
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "\n".join(" (".join(str(v) for v in item.values()) + ")" for item in value)
        return "\n".join(str(v) for v in value)
    return str(value).strip()
