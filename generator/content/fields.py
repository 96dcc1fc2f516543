"""Check front-matter nodes against field specs from the schema, one rule id per kind of mistake.

Every check reports at the node it is about and says how to fix the value. A check returns the
Python value, or ``INVALID`` after reporting; the caller keeps going, so one run reports every
problem in the file.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping as MappingABC
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator.content.yamltree import Mapping, Node, Scalar, Sequence, describe, number_reading, yaml_number
from generator.core.dates import MAX_YEAR, MIN_YEAR, DateError, parse_partial_date
from generator.core.model import UNKNOWN
from generator.core.problems import ProblemSink
from generator.core.schema import FieldSpec, item_spec, load_schema
from generator.core.slug import is_slug, slugify

INVALID: Any = object()

_HTML = re.compile(r"<[A-Za-z/!?]")
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_WHITESPACE = re.compile(r"\s+")
_ALLOWED_SCHEMES = ("http", "https")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")

# The most digits a number may have before its decimal point: JSON readers (JavaScript) keep
# integers exact up to 2**53, about 9.007e15.
_MAX_DIGITS = 15
_TRUTHY = {"yes", "true", "on"}
# How messages count the items of each list type ("vähintään 1 tunnistetta").
_LIST_NOUNS = {
    "ids": "tunnistetta",
    "refs": "tunnistetta",
    "paths": "kentän nimeä",
    "texts": "tekstiä",
    "urls": "osoitetta",
    "objects": "kohtaa",
}


def is_email(value: str) -> bool:
    """name@domain.tld: one @, something on each side, a dot inside the domain, no spaces.
    (Written without a regular expression: a pattern for this backtracks on long input.)"""
    local, at, domain = value.partition("@")
    return (
        bool(local and at)
        and "@" not in domain
        and "." in domain[1:-1]
        and not any(c.isspace() for c in value)
    )


def url_problem(value: str) -> str | None:
    """Why ``value`` is not an acceptable web address (http or https), or None."""
    if _SPACE_OR_CONTROL.search(value):
        return (
            "Osoitteessa on välilyönti tai ohjausmerkki. Tarkista, että osoite on kokonainen; "
            "korvaa välilyönnit merkillä %20."
        )
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return f'"{value}" ei ole kelvollinen osoite. Kopioi osoite selaimen osoiteriviltä.'
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc:
        if scheme and scheme not in _ALLOWED_SCHEMES:
            return _scheme_message(scheme)
        return (
            "Osoitteesta puuttuu alku https://. Kirjoita koko osoite, esimerkiksi "
            "https://www.example.fi/sivu."
        )
    if scheme not in _ALLOWED_SCHEMES:
        return _scheme_message(scheme)
    if not host or "." not in host.strip("."):
        return f'Osoitteen palvelimen nimi "{parts.netloc}" ei ole kelvollinen. Tarkista osoite.'
    if "" in host.split("."):
        # "issuu.com." is the same host to a browser, but not to the editors' JSON Schema, and a
        # doubled or trailing dot is almost always a copying slip.
        fixed = ".".join(label for label in host.split(".") if label)
        return f'Osoitteen palvelimen nimessä "{host}" on ylimääräinen piste. Kirjoita se muodossa {fixed}.'
    return None


def _scheme_message(scheme: str) -> str:
    return (
        f'"{scheme}:"-alkuiset osoitteet eivät ole sallittuja. Lähteen ja verkkosivun pitää alkaa '
        "http:// tai https://."
    )


@functools.cache
def inline_example(spec: FieldSpec) -> str:
    """The field's example on one line (flow style), for messages."""
    if "\n" not in spec.example:
        return spec.example
    (name, value), *_ = yaml.safe_load(spec.example).items()
    flow = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return f"{name}: {flow.strip().removesuffix('...').strip()}"


def _short(value: str, limit: int = 40) -> str:
    """``value`` for a message: a long one cut, with … at the cut."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _has_control(node: Node) -> bool:
    """A scalar holding a control character: compose() or the file scan has reported it."""
    return isinstance(node, Scalar) and node.control


@functools.cache
def _empty_terms() -> dict[str, str]:
    """Field name → the id its taxonomy gives an empty list ("regions" → "koko-suomi")."""
    return {t.field: t.empty_term.id for t in load_schema().taxonomies if t.empty_term}


def _quoted_example(name: str, value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{name}: "{escaped}"'


class FieldChecker:
    """Checks nodes for one file. Problems go to ``sink``; value locations to ``locations``."""

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
        self.markup_hint = markup_hint  # where markup belongs instead, for not-plain-text
        self.locations: dict[tuple, tuple[int, int]] = {}

    # -- groups of fields ---------------------------------------------------------------

    def check_fields(
        self,
        specs: tuple[FieldSpec, ...],
        node: Mapping,
        where: tuple[int, int],
        path: tuple = (),
        group: FieldSpec | None = None,
    ) -> dict[str, Any] | None:
        """Check a mapping of fields. Returns name → value (None when absent), or None on errors."""
        before = len(self.sink.problems)
        by_name = {spec.name: spec for spec in specs}
        values: dict[str, Any] = dict.fromkeys(by_name)
        seen: set[str] = set()
        for key, value_node in node.pairs:
            name = key.value
            spec = by_name.get(name)
            if spec is None:
                if not key.control:
                    self._unknown_field(key, specs)
                continue
            if name in seen:  # a duplicate key; compose() has reported it
                continue
            seen.add(name)
            self.locations[(*path, name)] = (value_node.line, value_node.column)
            values[name] = self.check(spec, value_node, (*path, name))
        for spec in specs:
            if spec.required and spec.name not in seen:
                self._missing_field(spec, where, group)
        if any(p.is_error for p in self.sink.problems[before:]):
            return None
        return values

    def _unknown_field(self, key: Scalar, specs: tuple[FieldSpec, ...]) -> None:
        names = {spec.name: spec.name for spec in specs}
        for spec in specs:
            for alias in spec.aliases:
                names.setdefault(alias, spec.name)
        wanted = slugify(key.value).replace("-", "_")
        suggestion = names.get(wanted) or names.get(wanted.replace("_", ""))
        if suggestion is None:
            close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.7)
            suggestion = names[close[0]] if close else None
        if suggestion:
            hint = f' Tarkoititko "{suggestion}"?'
        else:
            hint = " Sallitut kentät: " + ", ".join(spec.name for spec in specs) + "."
        self.sink.error(
            key.line,
            key.column,
            "unknown-field",
            f'Tuntematon kenttä "{key.value}".{hint} Kenttien nimet ovat englanniksi, ks. '
            "content/osallistu/kentat.md.",
        )

    def _missing_field(self, spec: FieldSpec, where: tuple[int, int], group: FieldSpec | None = None) -> None:
        example = f" Esimerkki: {inline_example(spec)}." if spec.example else ""
        unknown = f" Jos tietoa ei ole, kirjoita {spec.name}: {self.unknown_value}." if spec.unknown else ""
        if not spec.unknown and group is not None and group.unknown:
            unknown = f" Jos tietoa ei ole, kirjoita koko ryhmän tilalle {group.name}: {self.unknown_value}."
        self.sink.error(
            where[0],
            where[1],
            "missing-field",
            f'Pakollinen kenttä "{spec.name}" ({spec.label_fi.lower()}) puuttuu.{example}{unknown}',
        )

    # -- one value ----------------------------------------------------------------------

    def check(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        if _has_control(node):
            return INVALID  # reported where the character is (generator/content/characters.py)
        if spec.unknown and isinstance(node, Scalar) and node.value == self.unknown_value:
            return UNKNOWN
        if spec.is_list:
            return self._check_list(spec, node, path)
        return getattr(self, f"_check_{spec.type}")(spec, node, path)

    def _error(self, node: Node, rule: str, message: str) -> Any:
        self.sink.error(node.line, node.column, rule, message)
        return INVALID

    def _wrong_type(self, spec: FieldSpec, node: Node, expected: str, fix: str = "") -> Any:
        fix = f" {fix}" if fix else ""
        return self._error(
            node,
            "wrong-type",
            f'Kentän "{spec.name}" arvon pitää olla {expected}, nyt se on {describe(node)}.{fix}',
        )

    def _scalar_text(self, spec: FieldSpec, node: Node, expected: str) -> str | Any:
        """The text of a scalar, or INVALID after reporting why it is not text."""
        if not isinstance(node, Scalar):
            return self._wrong_type(spec, node, expected)
        if node.kind == "null":
            unknown = f" tai kirjoita {self.unknown_value}" if spec.unknown else ""
            action = "Kirjoita arvo" if spec.required else "Kirjoita arvo, poista koko rivi"
            return self._error(
                node, "empty-value", f'Kentällä "{spec.name}" ei ole arvoa. {action}{unknown}.'
            )
        if node.kind == "str":
            return node.value
        return self._trap(spec, node, expected)

    def _trap(self, spec: FieldSpec, node: Scalar, expected: str) -> Any:
        """Report a plain value that YAML reads as something other than text."""
        value = node.value
        if node.kind == "bool":
            meaning = "tosi" if value.lower() in _TRUTHY else "epätosi"
            return self._error(
                node,
                "yaml-truthy",
                f"YAML lukee arvon {value} totuusarvoksi ({meaning}), ei tekstiksi. "
                f"{self._trap_fix(spec, node)}",
            )
        if node.kind == "timestamp":
            return self._error(
                node,
                "yaml-date",
                f"YAML lukee arvon {value} päivämääräksi, mutta tässä pitää olla {expected}. "
                f"{self._trap_fix(spec, node)}",
            )
        reading = number_reading(node)
        return self._error(
            node,
            "yaml-number",
            f"YAML lukee arvon {_short(value)} {reading.phrase if reading else 'luvuksi'}, mutta tässä "
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

    # text-like types ------------------------------------------------------------------

    def _check_text(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        value = self._scalar_text(spec, node, "tekstiä")
        if value is INVALID:
            return INVALID
        value = _WHITESPACE.sub(" ", value).strip()
        if not value:
            return self._error(node, "empty-value", f'Kentällä "{spec.name}" ei ole arvoa. Kirjoita arvo.')
        if spec.min_length is not None and len(value) < spec.min_length:
            return self._error(
                node,
                "too-short",
                f'Kentän "{spec.name}" arvo on {len(value)} merkkiä; vähintään '
                f"{spec.min_length} merkkiä tarvitaan. Kirjoita se auki.",
            )
        if spec.max_length is not None and len(value) > spec.max_length:
            return self._error(
                node,
                "too-long",
                f'Kentän "{spec.name}" arvo on {len(value)} merkkiä; enintään {spec.max_length} '
                f"sallitaan. Lyhennä sitä {len(value) - spec.max_length} merkillä"
                + (" ja siirrä loput kuvaukseen." if spec.name == "summary" else "."),
            )
        if spec.plain:
            markup = _HTML.search(value) or _MARKDOWN_LINK.search(value)
            if markup:
                return self._error(
                    node,
                    "not-plain-text",
                    f'Kentässä "{spec.name}" on merkintäkoodia ("{markup.group(0)}"). Kirjoita se '
                    f"pelkkänä tekstinä; {self.markup_hint}.",
                )
        return value

    def _check_slug(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        value = self._scalar_text(spec, node, "tunniste")
        if value is INVALID:
            return INVALID
        if not is_slug(value) or (spec.max_length and len(value) > spec.max_length):
            return self._error(
                node,
                "bad-slug",
                f'Tunniste "{value}" ei kelpaa. Käytä pieniä kirjaimia a–z, numeroita ja '
                f'väliviivoja, esimerkiksi "{slugify(value) or "uusi-termi"}".',
            )
        return value

    def _check_ref(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        """One entry's slug; that the entry exists is checked with the whole catalogue."""
        return self._check_slug(spec, node, path)

    def _check_path(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        """A dotted field name ("funding.call"); which names exist is checked per entry kind."""
        value = self._scalar_text(spec, node, "kentän nimi")
        if value is INVALID:
            return INVALID
        return value.strip()

    def _check_url(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        value = self._scalar_text(spec, node, "verkko-osoite")
        if value is INVALID:
            return INVALID
        problem = url_problem(value)
        if problem:
            return self._error(node, "bad-url", problem)
        return value

    def _check_email(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        value = self._scalar_text(spec, node, "sähköpostiosoite")
        if value is INVALID:
            return INVALID
        value = value.removeprefix("mailto:")
        if not is_email(value):
            return self._error(
                node,
                "bad-email",
                f'"{value}" ei ole sähköpostiosoite. Kirjoita muodossa info@example.fi.',
            )
        return value

    def _check_id(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        value = self._scalar_text(spec, node, "sanaston tunniste")
        if value is INVALID:
            return INVALID
        vocabulary = self.vocabularies.get(spec.vocabulary)
        if vocabulary is None or value in vocabulary:
            return value
        if value == self.unknown_value:
            if spec.unknown:  # an item of a list that may be "tuntematon" as a whole
                fix = (
                    f"Jos tietoa ei ole, kirjoita {spec.name}: {self.unknown_value} ilman "
                    "hakasulkeita. Muuten anna lista sanaston tunnisteita."
                )
            else:
                fix = f'Kenttä "{spec.name}" ei voi olla {self.unknown_value}: anna sanaston tunniste.'
            return self._error(node, "unknown-term", f"{fix} Tunnisteet ovat tiedostossa {vocabulary.path}.")
        if _empty_terms().get(spec.name) == value:
            return self._error(
                node,
                "unknown-term",
                f'"{value}" ei ole sanaston tunniste: koko Suomi merkitään tyhjällä listalla, '
                f"{spec.name}: []. Jos kokeilu tehtiin vain joissakin maakunnissa, luettele ne ja jätä "
                f"{value} pois.",
            )
        closest = vocabulary.closest(value)
        hint = "Tarkoititko " + " tai ".join(f'"{c}"' for c in closest) + "?" if closest else ""
        if len(vocabulary) <= 12:
            listing = "Sallitut: " + ", ".join(vocabulary.ids) + "."
        else:
            listing = f"Kaikki sallitut tunnisteet ovat tiedostossa {vocabulary.path}."
        return self._error(
            node,
            "unknown-term",
            f'"{value}" ei ole sanaston {vocabulary.label_fi.lower()} tunniste. {hint} {listing}'.replace(
                "  ", " "
            ),
        )

    def _bad_date(self, spec: FieldSpec, node: Node, message: str) -> Any:
        if spec.unknown:
            message += f" Jos aikaa ei tiedetä, kirjoita {spec.name}: {self.unknown_value}."
        return self._error(node, "bad-date", message)

    def _check_date(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        if isinstance(node, Scalar) and node.kind == "int":
            if not re.fullmatch(r"\d{4}", node.value):
                return self._bad_date(
                    spec,
                    node,
                    f"{node.value} ei ole vuosiluku. Kirjoita vuosi neljällä numerolla "
                    f"({MIN_YEAR}–{MAX_YEAR}), esimerkiksi 2017.",
                )
            text = node.value
        elif isinstance(node, Scalar) and node.kind == "timestamp":
            text = node.value
            if len(text) > 10:
                return self._bad_date(
                    spec,
                    node,
                    f"Kirjoita pelkkä päivämäärä ilman kellonaikaa, esimerkiksi {text[:10]}.",
                )
        else:
            unknown = f" tai {self.unknown_value}" if spec.unknown else ""
            text = self._scalar_text(spec, node, f"aika (vuosi, vuosi-kuukausi tai päivämäärä){unknown}")
            if text is INVALID:
                return INVALID
        try:
            return parse_partial_date(text)
        except DateError as error:
            return self._bad_date(spec, node, str(error))

    def _check_number(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        reading = number_reading(node) if isinstance(node, Scalar) else None
        if reading is not None:
            return self._error(
                node,
                "yaml-number",
                f"YAML lukee arvon {_short(node.value)} {reading.phrase}. Kirjoita luku tavallisin "
                "numeroin, ilman etunollia, alaviivoja, kaksoispisteitä ja e-kirjainta (desimaalit "
                f"pisteen jälkeen), esimerkiksi {spec.name}: {reading.decimal or 1000}.",
            )
        if not isinstance(node, Scalar) or node.kind not in {"int", "float"}:
            if isinstance(node, Scalar) and node.kind == "str":
                digits = re.sub(r"[\s€.,]|eur(oa)?", "", node.value, flags=re.IGNORECASE)
                example = digits if digits.isdigit() else "5000"
                return self._error(
                    node,
                    "wrong-type",
                    f'Kentän "{spec.name}" arvon pitää olla luku. Kirjoita pelkät numerot ilman '
                    f"lainausmerkkejä, välilyöntejä ja €-merkkiä: {spec.name}: {example}",
                )
            return self._wrong_type(spec, node, "luku")
        digits = len(node.value.lstrip("+-").split(".")[0])
        if digits > _MAX_DIGITS:
            return self._error(
                node,
                "out-of-range",
                f'Kentän "{spec.name}" arvossa on {digits} numeroa ennen desimaalipistettä; '
                f"enintään {_MAX_DIGITS} sallitaan, jotta luku säilyy tarkkana avoimessa datassa. "
                "Tarkista, onko luvussa ylimääräisiä numeroita.",
            )
        value = yaml_number(node.value)  # a plain decimal, finite
        if spec.minimum is not None and value < spec.minimum:
            return self._error(
                node,
                "out-of-range",
                f'Kentän "{spec.name}" arvo ei voi olla pienempi kuin {spec.minimum:g}.',
            )
        return value

    # lists ----------------------------------------------------------------------------

    def _check_list(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        item = item_spec(spec)
        item_check = getattr(self, f"_check_{item.type}")
        noun = _LIST_NOUNS[spec.type]
        if not isinstance(node, Sequence):
            if isinstance(node, Scalar) and node.kind == "null":
                fix = (
                    f"Kirjoita lista, esimerkiksi {inline_example(spec)}"
                    if spec.example
                    else "Kirjoita lista"
                )
                if not spec.min_items:
                    fix += ", tyhjä lista []"
                if spec.unknown:
                    fix += f" tai {self.unknown_value}"
                if not spec.required:
                    fix += ", tai poista rivi"
                return self._error(node, "empty-value", f'Kentällä "{spec.name}" ei ole arvoa. {fix}.')
            fix = ""
            if isinstance(node, Scalar):
                fix = f"Kirjoita arvo hakasulkeisiin: {spec.name}: [{node.value}]"
                if spec.unknown:
                    fix += f" (tai {spec.name}: {self.unknown_value}, jos tietoa ei ole)"
            return self._wrong_type(spec, node, f"lista ({noun})", fix)
        values: list[Any] = []
        failed = False
        first_seen: dict[Any, int] = {}
        for index, item_node in enumerate(node.items):
            item_path = (*path, index)
            self.locations[item_path] = (item_node.line, item_node.column)
            value = INVALID if _has_control(item_node) else item_check(item, item_node, item_path)
            if value is INVALID:
                failed = True
                continue
            marker = value if isinstance(value, (str, int, float)) else None
            if marker is not None and marker in first_seen:
                self._error(
                    item_node,
                    "duplicate-item",
                    f'"{value}" on listassa jo rivillä {first_seen[marker]}. Poista toinen.',
                )
                failed = True
                continue
            if marker is not None:
                first_seen[marker] = item_node.line
            values.append(value)
        count = len(node.items)
        if spec.min_items is not None and count < spec.min_items:
            self._error(
                node,
                "too-few-items",
                f'Kentässä "{spec.name}" pitää olla vähintään {spec.min_items} {noun}.'
                + (f" Esimerkki: {inline_example(spec)}" if spec.example else ""),
            )
            failed = True
        if spec.max_items is not None and count > spec.max_items:
            self._error(
                node,
                "too-many-items",
                f'Kentässä "{spec.name}" voi olla enintään {spec.max_items} kohtaa; nyt niitä on '
                f"{count}. Valitse tärkeimmät.",
            )
            failed = True
        return INVALID if failed else values

    def _check_object(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        if not isinstance(node, Mapping):
            if isinstance(node, Scalar) and node.kind == "null":
                return self._error(
                    node,
                    "empty-value",
                    f'Kentällä "{spec.name}" ei ole arvoa. Kirjoita sen alakentät sisennettyinä '
                    "seuraaville riveille tai poista rivi.",
                )
            subfields = ", ".join(f.name for f in spec.fields)
            return self._wrong_type(spec, node, f"kenttäryhmä ({subfields})", self._object_fix(spec))
        values = self.check_fields(spec.fields, node, (node.line, node.column), path, spec)
        if values is None:
            return INVALID
        if spec.min_items and sum(v is not None for v in values.values()) < spec.min_items:
            return self._error(
                node,
                "empty-group",
                f'Anna kentälle "{spec.name}" ainakin yksi alakentistä '
                f'{", ".join(f.name for f in spec.fields)} tai poista koko "{spec.name}".',
            )
        return values

    def _object_fix(self, spec: FieldSpec) -> str:
        unknown = f" Jos tietoa ei ole, kirjoita {spec.name}: {self.unknown_value}." if spec.unknown else ""
        if spec.example:
            return (
                "Kirjoita alakentät kentän alle sisennettyinä omille riveilleen tai aaltosulkeisiin "
                f"samalle riville, esimerkiksi {inline_example(spec)}.{unknown}"
            )
        return unknown.strip()
