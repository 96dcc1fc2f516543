"""The fields of one file: a mapping checked against the schema's field specs, field by field,
with lists and groups of fields checked item by item."""

from __future__ import annotations

import difflib
from collections.abc import Mapping as MappingABC
from typing import Any

from generator.content.fields.reporter import INVALID, ValueReporter, has_control, inline_example
from generator.content.fields.scalars import SCALAR_CHECKS
from generator.content.yamltree import Mapping, Node, Scalar, Sequence
from generator.core.model import UNKNOWN
from generator.core.problems import ProblemSink
from generator.core.schema import FieldSpec, item_spec
from generator.core.slug import slugify

# How messages count the items of each list type ("vähintään 1 tunnistetta").
_LIST_NOUNS = {
    "ids": "tunnistetta",
    "refs": "tunnistetta",
    "paths": "kentän nimeä",
    "texts": "tekstiä",
    "urls": "osoitetta",
    "objects": "kohtaa",
}


class FieldChecker(ValueReporter):
    """Checks nodes for one file. Problems go to ``sink``; value locations to ``locations``."""

    def __init__(
        self,
        sink: ProblemSink,
        vocabularies: MappingABC[str, Any],
        unknown_value: str,
        markup_hint: str = "linkit ja muotoilut kuuluvat kuvaukseen",
    ) -> None:
        super().__init__(sink, vocabularies, unknown_value, markup_hint)
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
        by_name, required = _indexed(specs)
        values: dict[str, Any] = dict.fromkeys(by_name)
        seen: set[str] = set()
        locations = self.locations
        for key, value_node in node.pairs:
            name = key.value
            spec = by_name.get(name)
            if spec is None:
                if not key.control:
                    self._unknown_field(key, specs)
            elif name not in seen:  # else a duplicate key; compose() has reported it
                seen.add(name)
                field_path = (*path, name)
                locations[field_path] = (value_node.line, value_node.column)
                values[name] = self.check(spec, value_node, field_path)
        for spec in required:
            if spec.name not in seen:
                self._missing_field(spec, where, group)
        if any(p.is_error for p in self.sink.problems[before:]):
            return None
        return values

    def _unknown_field(self, key: Scalar, specs: tuple[FieldSpec, ...]) -> None:
        suggestion = _suggested_field(key.value, specs)
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
        if has_control(node):
            return INVALID  # reported where the character is (generator/content/characters.py)
        if spec.unknown and isinstance(node, Scalar) and node.value == self.unknown_value:
            return UNKNOWN
        if spec.is_list:
            return self._check_list(spec, node, path)
        return self._check_value(spec, node, path)

    def _check_value(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        if spec.type == "object":
            return self._check_object(spec, node, path)
        return SCALAR_CHECKS[spec.type](self, spec, node)

    # -- lists ----------------------------------------------------------------------------

    def _check_list(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        if not isinstance(node, Sequence):
            return self._not_a_list(spec, node)
        values = self._check_items(spec, node, path)
        count = len(node.items)
        too_few = spec.min_items is not None and count < spec.min_items
        if too_few:
            self.error(
                node,
                "too-few-items",
                f'Kentässä "{spec.name}" pitää olla vähintään {spec.min_items} {_LIST_NOUNS[spec.type]}.'
                + (f" Esimerkki: {inline_example(spec)}" if spec.example else ""),
            )
        too_many = spec.max_items is not None and count > spec.max_items
        if too_many:
            self.error(
                node,
                "too-many-items",
                f'Kentässä "{spec.name}" voi olla enintään {spec.max_items} kohtaa; nyt niitä on '
                f"{count}. Valitse tärkeimmät.",
            )
        return INVALID if values is None or too_few or too_many else values

    def _check_items(self, spec: FieldSpec, node: Sequence, path: tuple) -> list[Any] | None:
        """The values of the items, or None when any is invalid or repeats an earlier one."""
        item = item_spec(spec)
        values: list[Any] = []
        failed = False
        first_seen: dict[Any, int] = {}
        for index, item_node in enumerate(node.items):
            item_path = (*path, index)
            self.locations[item_path] = (item_node.line, item_node.column)
            value = INVALID if has_control(item_node) else self._check_value(item, item_node, item_path)
            if value is INVALID:
                failed = True
                continue
            marker = value if isinstance(value, (str, int, float)) else None
            if marker is not None and marker in first_seen:
                self.error(
                    item_node,
                    "duplicate-item",
                    f'"{value}" on listassa jo rivillä {first_seen[marker]}. Poista toinen.',
                )
                failed = True
                continue
            if marker is not None:
                first_seen[marker] = item_node.line
            values.append(value)
        return None if failed else values

    def _not_a_list(self, spec: FieldSpec, node: Node) -> Any:
        """Report a value where a list is needed: empty, or a single value."""
        if isinstance(node, Scalar) and node.kind == "null":
            fix = f"Kirjoita lista, esimerkiksi {inline_example(spec)}" if spec.example else "Kirjoita lista"
            if not spec.min_items:
                fix += ", tyhjä lista []"
            if spec.unknown:
                fix += f" tai {self.unknown_value}"
            if not spec.required:
                fix += ", tai poista rivi"
            return self.error(node, "empty-value", f'Kentällä "{spec.name}" ei ole arvoa. {fix}.')
        fix = ""
        if isinstance(node, Scalar):
            fix = f"Kirjoita arvo hakasulkeisiin: {spec.name}: [{node.value}]"
            if spec.unknown:
                fix += f" (tai {spec.name}: {self.unknown_value}, jos tietoa ei ole)"
        return self.wrong_type(spec, node, f"lista ({_LIST_NOUNS[spec.type]})", fix)

    # -- groups ----------------------------------------------------------------------------

    def _check_object(self, spec: FieldSpec, node: Node, path: tuple) -> Any:
        if not isinstance(node, Mapping):
            if isinstance(node, Scalar) and node.kind == "null":
                return self.error(
                    node,
                    "empty-value",
                    f'Kentällä "{spec.name}" ei ole arvoa. Kirjoita sen alakentät sisennettyinä '
                    "seuraaville riveille tai poista rivi.",
                )
            subfields = ", ".join(f.name for f in spec.fields)
            return self.wrong_type(spec, node, f"kenttäryhmä ({subfields})", self._object_fix(spec))
        values = self.check_fields(spec.fields, node, (node.line, node.column), path, spec)
        if values is None:
            return INVALID
        if spec.min_items and sum(v is not None for v in values.values()) < spec.min_items:
            return self.error(
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


# Each group of specs by name, and its required specs in order: a group is checked in every file.
_INDEXED: dict[int, tuple[tuple[FieldSpec, ...], dict[str, FieldSpec], tuple[FieldSpec, ...]]] = {}


def _indexed(specs: tuple[FieldSpec, ...]) -> tuple[dict[str, FieldSpec], tuple[FieldSpec, ...]]:
    found = _INDEXED.get(id(specs))
    if found is None or found[0] is not specs:
        if len(_INDEXED) > 256:  # schemas loaded again and again (tests): keep the newest
            _INDEXED.clear()
        found = (specs, {spec.name: spec for spec in specs}, tuple(s for s in specs if s.required))
        _INDEXED[id(specs)] = found
    return found[1], found[2]


def _suggested_field(written: str, specs: tuple[FieldSpec, ...]) -> str | None:
    """The field an unknown key most likely means: by its slug, an alias, or a close spelling."""
    names = {spec.name: spec.name for spec in specs}
    for spec in specs:
        for alias in spec.aliases:
            names.setdefault(alias, spec.name)
    wanted = slugify(written).replace("-", "_")
    suggestion = names.get(wanted) or names.get(wanted.replace("_", ""))
    if suggestion is None:
        close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.7)
        suggestion = names[close[0]] if close else None
    return suggestion
