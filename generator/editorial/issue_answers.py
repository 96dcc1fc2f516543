"""The answers of an issue made from the form, read back: each answer split into its parts, a
dropdown label turned into its id, and written as the YAML lines of its field.

GitHub renders the answers of an issue form as Markdown blocks ``### <label>`` followed by the
answer; an empty answer is ``_No response_`` and a multi-select dropdown answer is
comma-separated. The text is untrusted: it is only split into strings, never evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.content.vocabulary import Vocabulary
from generator.core.schema import FieldSpec, Schema
from generator.editorial.issue_form import FormField, fact_options, is_dropdown, options
from generator.editorial.scaffold import yaml_scalar, yaml_value

NO_RESPONSE = frozenset({"_No response_", "None", ""})
_HEADING = re.compile(r"^### (.+?)\s*$")
_ORGANISER = re.compile(r"^(?P<name>.+?)\s*\((?P<type>[^()]+)\)\s*$")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class FormProblem:
    label: str
    message: str

    def __str__(self) -> str:
        return f'Kenttä "{self.label}": {self.message}'


def parse_answers(body: str) -> tuple[dict[str, str], list[FormProblem]]:
    """Label → answer text (stripped, "" for no response), and problems with the layout."""
    answers: dict[str, str] = {}
    problems: list[FormProblem] = []
    current: str | None = None
    lines: list[str] = []

    def close() -> None:
        if current is None:
            return
        text = "\n".join(lines).strip()
        answers[current] = "" if text in NO_RESPONSE else text

    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = _HEADING.match(line)
        if match:
            close()
            current, lines = match.group(1).strip(), []
            if current in answers:
                problems.append(FormProblem(current, "kenttä on tekstissä kahdesti; jätä vain yksi."))
            continue
        lines.append(line)
    close()
    return answers, problems


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line for a message, a long one cut with …."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def answer_lines(
    item: FormField,
    answer: str,
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    problems: list[FormProblem],
) -> list[str]:
    """The YAML lines of the field a non-empty answer fills (none when it has a problem, which
    is added to ``problems``)."""
    reader = _READERS.get(item.spec.type, _value_lines)
    return reader(item, answer, schema, vocabularies, problems)


def _fact_lines(
    item: FormField, answer: str, schema: Schema, vocabularies: Mapping[str, Vocabulary], problems: list
) -> list[str]:
    """The ``unconfirmed`` dropdown: the questions chosen, as dotted field names."""
    choices = fact_options(schema)
    paths = []
    for part in _split_multi(answer, choices):
        if part in choices:
            paths.append(choices[part])
        else:
            problems.append(FormProblem(item.label, f'"{shorten(part)}" ei ole vaihtoehtojen joukossa.'))
    return [f"{item.spec.name}: [" + ", ".join(paths) + "]"] if paths else []


def _term_lines(
    item: FormField, answer: str, schema: Schema, vocabularies: Mapping[str, Vocabulary], problems: list
) -> list[str]:
    """A vocabulary field (``id`` or ``ids``), from a dropdown or typed names."""
    spec, name = item.spec, item.spec.name
    values, found = _choose(spec, item.label, answer, schema, vocabularies)
    problems.extend(found)
    if found:
        return []
    if spec.type == "id":
        return [f"{name}: {values[0]}"] if values else []
    if schema.unknown_value in values:
        return [f"{name}: {schema.unknown_value}"]
    return [f"{name}: [" + ", ".join(v for v in values if v) + "]"]


def _choose(
    spec: FieldSpec, label: str, answer: str, schema: Schema, vocabularies: Mapping[str, Vocabulary]
) -> tuple[list[str], list[FormProblem]]:
    """The ids an answer names, by label, id or name, and a problem for each part that names none."""
    choices = options(spec, schema, vocabularies)
    vocabulary = vocabularies[spec.vocabulary or ""]
    values, problems = [], []
    for part in _choice_parts(spec, answer, choices, vocabularies):
        if part in choices:
            values.append(choices[part])
        elif part in vocabulary or part in choices.values():
            values.append(part)
        elif vocabulary.resolve(part):
            values.append(vocabulary.resolve(part))
        else:
            close = [vocabulary[c].fi for c in vocabulary.closest(part)]
            hint = f" Tarkoititko: {', '.join(close)}?" if close else ""
            problems.append(FormProblem(label, f'"{shorten(part)}" ei ole vaihtoehtojen joukossa.{hint}'))
    return values, problems


def _choice_parts(
    spec: FieldSpec, answer: str, choices: Mapping[str, str], vocabularies: Mapping[str, Vocabulary]
) -> list[str]:
    """The parts of a vocabulary answer: one, the labels of a multi-select dropdown, or typed
    names one a line or separated by commas."""
    if spec.type == "id":
        return [answer.strip()]
    if is_dropdown(spec, vocabularies):
        return _split_multi(answer, choices)
    return [p.strip() for line in answer_items(answer) for p in line.split(",") if p.strip()]


def _split_multi(answer: str, choices: Mapping[str, str]) -> list[str]:
    """A multi-select answer "A, B, C" → option labels; labels may contain ", " themselves."""
    parts: list[str] = []
    rest = answer.strip()
    labels = sorted(choices, key=len, reverse=True)
    while rest:
        label = next((label for label in labels if _starts_with_label(rest, label)), None)
        if label is not None:
            parts.append(label)
            rest = rest[len(label) :]
        else:
            head, _, rest = rest.partition(",")
            parts.append(head.strip())
        rest = rest.lstrip(", ").strip()
    return [p for p in parts if p]


def _starts_with_label(text: str, label: str) -> bool:
    """Whether ``text`` starts with the whole option ``label``, followed by its end or a comma."""
    if not label or not text.startswith(label):
        return False
    return len(text) == len(label) or text[len(label) :].startswith(",")


def answer_items(answer: str) -> list[str]:
    """The non-empty lines of an answer, without list markers ("- ", "1. ")."""
    items = []
    for line in answer.split("\n"):
        line = _LIST_MARKER.sub("", line).strip()
        if line:
            items.append(line)
    return items


def _list_lines(
    item: FormField, answer: str, schema: Schema, vocabularies: Mapping[str, Vocabulary], problems: list
) -> list[str]:
    """A list of texts or addresses: one a line, or texts separated by commas on one line."""
    spec = item.spec
    if spec.type == "urls" or "\n" in answer:
        items = answer_items(answer)
    else:
        items = [a.strip() for a in answer.split(",")]
    return [f"{spec.name}:", *(f"  - {yaml_scalar(i)}" for i in items if i)]


def _organiser_lines(
    item: FormField, answer: str, schema: Schema, vocabularies: Mapping[str, Vocabulary], problems: list
) -> list[str]:
    """A list of organisations, one a line as "Name (type)", or a name alone (type unknown)."""
    out = [f"{item.spec.name}:"]
    for line in answer_items(answer):
        out += _organiser(item, line, schema, vocabularies, problems)
    return out if len(out) > 1 else []


def _organiser(
    item: FormField, line: str, schema: Schema, vocabularies: Mapping[str, Vocabulary], problems: list
) -> list[str]:
    """The YAML lines of one organisation, or none after a problem with its type."""
    name_spec, type_spec = item.spec.fields[0], item.spec.fields[1]
    match = _ORGANISER.match(line)
    if not match:  # a name without a type: the type is not known
        return [f"  - {name_spec.name}: {yaml_scalar(line)}", f"    {type_spec.name}: {schema.unknown_value}"]
    kind = match.group("type").strip()
    vocabulary = vocabularies[type_spec.vocabulary or ""]
    by_label = {t.fi.lower(): t.id for t in vocabulary}
    if type_spec.unknown:
        by_label[schema.unknown_value] = schema.unknown_value
    kind_id = kind if kind in vocabulary else by_label.get(kind.lower())
    if kind_id is None:
        close = vocabulary.closest(kind)
        hint = f" Tarkoititko: {', '.join(close)}?" if close else ""
        problems.append(
            FormProblem(
                item.label,
                f'tyyppi "{shorten(kind)}" ei ole sanastossa.{hint} '
                f"Vaihtoehdot: {', '.join(vocabulary.ids)}.",
            )
        )
        return []
    return [f"  - {name_spec.name}: {yaml_scalar(match.group('name'))}", f"    {type_spec.name}: {kind_id}"]


def _value_lines(
    item: FormField, answer: str, schema: Schema, vocabularies: Mapping[str, Vocabulary], problems: list
) -> list[str]:
    """One value on one line: a date may be "tuntematon" in any case."""
    spec = item.spec
    value = " ".join(answer.split())
    if spec.type == "date" and value.lower() == schema.unknown_value:
        return [f"{spec.name}: {schema.unknown_value}"]
    return [f"{spec.name}: {yaml_value(spec, value)}"]


# How each type of field is read from its answer; any other type is one value.
_READERS: dict[str, Callable[..., list[str]]] = {
    "paths": _fact_lines,
    "id": _term_lines,
    "ids": _term_lines,
    "texts": _list_lines,
    "urls": _list_lines,
    "objects": _organiser_lines,
}
