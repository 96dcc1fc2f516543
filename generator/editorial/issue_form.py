"""The GitHub issue form for new experiments, and ``kokeilu from-issue``, which reads its answers.

The form (.github/ISSUE_TEMPLATE/kokeilu.yml) is derived from the schema and the vocabularies,
like the JSON Schemas: ``kokeilu schema --write`` rewrites it. GitHub renders the answers of an
issue form as Markdown blocks ``### <label>`` followed by the answer; an empty answer is
``_No response_`` and a multi-select dropdown answer is comma-separated.

The issue body is untrusted: it is only split into strings, never evaluated, its size is limited
and the file name is a slug made from the title.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.content.check import check_catalogue
from generator.content.vocabulary import Vocabulary
from generator.core.schema import FieldSpec, Schema
from generator.core.slug import slugify
from generator.editorial.scaffold import ScaffoldError, write_new_file, yaml_scalar, yaml_value

FORM_FILE = ".github/ISSUE_TEMPLATE/kokeilu.yml"
MAX_BODY_CHARS = 65_536  # GitHub's own limit for an issue body
MAX_ANSWER_CHARS = 10_000
NO_RESPONSE = frozenset({"_No response_", "None", ""})
BODY_ID = "body"
BODY_LABEL = "Kuvaus"
# A vocabulary longer than this (the municipalities) is answered by typing names, not from a list.
MAX_DROPDOWN_OPTIONS = 50
_HEADING = re.compile(r"^### (.+?)\s*$")
_ORGANISER = re.compile(r"^(?P<name>.+?)\s*\((?P<type>[^()]+)\)\s*$")


@dataclass(frozen=True)
class FormField:
    """One question of the form: the schema field (and subfield) it fills."""

    id: str
    label: str
    spec: FieldSpec
    parent: FieldSpec | None = None


def _form_fields(schema: Schema) -> list[FormField]:
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


def _options(spec: FieldSpec, schema: Schema, vocabularies: Mapping[str, Vocabulary]) -> dict[str, str]:
    """Dropdown option label → vocabulary id (or "" for nationwide, tuntematon for unknown)."""
    assert spec.vocabulary is not None
    options = {term.fi: term.id for term in vocabularies[spec.vocabulary]}
    for label, value in _extra_options(spec, schema).items():
        if value not in options.values():
            options[label] = value
    return options


def is_dropdown(spec: FieldSpec, vocabularies: Mapping[str, Vocabulary]) -> bool:
    """Whether a vocabulary field is answered from a dropdown (else by typing names)."""
    return spec.type in {"id", "ids"} and len(vocabularies[spec.vocabulary or ""]) <= MAX_DROPDOWN_OPTIONS


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


def _fact_options(schema: Schema) -> dict[str, str]:
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


def render_issue_form(schema: Schema, vocabularies: Mapping[str, Vocabulary]) -> str:
    """The text of .github/ISSUE_TEMPLATE/kokeilu.yml."""
    body: list[dict] = [
        {
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
    ]
    for item in _form_fields(schema):
        spec, parent = item.spec, item.parent
        required = (
            spec.required
            and not spec.unknown
            and (parent is None or (parent.required and not parent.unknown))
        )
        attributes: dict = {"label": item.label, "description": _description(spec, parent)}
        if spec.type == "paths":
            kind = "dropdown"
            attributes["options"] = list(_fact_options(schema))
            attributes["multiple"] = True
        elif spec.type in {"id", "ids"} and not is_dropdown(spec, vocabularies):
            kind = "textarea" if spec.type == "ids" else "input"
            attributes["description"], attributes["placeholder"] = _typed_terms(spec, vocabularies)
        elif spec.type in {"id", "ids"}:
            kind = "dropdown"
            attributes["options"] = list(_options(spec, schema, vocabularies))
            if spec.type == "ids":
                attributes["multiple"] = True
        elif spec.type in {"texts", "urls", "objects"} or (
            spec.type == "text" and (spec.max_length or 0) > 200
        ):
            kind = "textarea"
        else:
            kind = "input"
        if spec.example and kind != "dropdown" and parent is None and "placeholder" not in attributes:
            attributes["placeholder"] = _placeholder(spec)
        entry: dict = {"type": kind, "id": item.id, "attributes": attributes}
        entry["validations"] = {"required": bool(required)}
        body.append(entry)
    body.append(
        {
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
    )
    form = {
        "name": "Uusi kokeilu",
        "description": "Ehdota uutta kokeilua Kokeilukatalogiin ilman Gitiä.",
        "title": "Uusi kokeilu: ",
        "labels": ["uusi-kokeilu"],
        "body": body,
    }
    header = (
        "# Tehty tiedostosta generator/core/schema.yml ja sanastoista (generator/editorial/issue_form.py).\n"
        "# Älä muokkaa käsin: aja kokeilu schema --write.\n"
    )
    return header + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)


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


# --- reading an issue ------------------------------------------------------------------------


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


def _split_multi(answer: str, options: Mapping[str, str]) -> list[str]:
    """A multi-select answer "A, B, C" → option labels; labels may contain ", " themselves."""
    parts: list[str] = []
    rest = answer.strip()
    labels = sorted(options, key=len, reverse=True)
    while rest:
        for label in labels:
            if (
                label
                and rest.startswith(label)
                and (len(rest) == len(label) or rest[len(label) :].startswith(","))
            ):
                parts.append(label)
                rest = rest[len(label) :]
                break
        else:
            head, _, rest = rest.partition(",")
            parts.append(head.strip())
        rest = rest.lstrip(", ").strip()
    return [p for p in parts if p]


def _choose(
    spec: FieldSpec, label: str, answer: str, schema: Schema, vocabularies: Mapping[str, Vocabulary]
) -> tuple[list[str], list[FormProblem]]:
    options = _options(spec, schema, vocabularies)
    vocabulary = vocabularies[spec.vocabulary or ""]
    values, problems = [], []
    if spec.type == "id":
        parts = [answer.strip()]
    elif is_dropdown(spec, vocabularies):
        parts = _split_multi(answer, options)
    else:  # typed names: one a line or separated by commas
        parts = [p.strip() for line in _lines(answer) for p in line.split(",") if p.strip()]
    for part in parts:
        if part in options:
            values.append(options[part])
        elif part in vocabulary or part in options.values():
            values.append(part)
        elif vocabulary.resolve(part):
            values.append(vocabulary.resolve(part))
        else:
            close = [vocabulary[c].fi for c in vocabulary.closest(part)]
            hint = f" Tarkoititko: {', '.join(close)}?" if close else ""
            problems.append(FormProblem(label, f'"{_short(part)}" ei ole vaihtoehtojen joukossa.{hint}'))
    return values, problems


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _lines(answer: str) -> list[str]:
    items = []
    for line in answer.split("\n"):
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()
        if line:
            items.append(line)
    return items


@dataclass
class IssueResult:
    slug: str
    path: str
    text: str
    problems: list[FormProblem]


def experiment_from_issue(
    body: str, root: Path, schema: Schema, vocabularies: Mapping[str, Vocabulary]
) -> IssueResult:
    """The experiment file an issue body describes, and its problems named by form field."""
    if len(body) > MAX_BODY_CHARS:
        problem = FormProblem(
            "koko lomake", f"teksti on liian pitkä ({len(body)} merkkiä, enintään {MAX_BODY_CHARS})."
        )
        return IssueResult("", "", "", [problem])
    answers, problems = parse_answers(body)
    form_fields = _form_fields(schema)
    known = {f.label for f in form_fields} | {BODY_LABEL}
    for label in answers:
        if label not in known:
            problems.append(
                FormProblem(
                    _short(label),
                    "lomakkeessa ei ole tätä kenttää. Jos se on osa kuvausta, "
                    "käytä väliotsikoissa ##-merkkejä.",
                )
            )
    for label, answer in answers.items():
        if len(answer) > MAX_ANSWER_CHARS:
            problems.append(
                FormProblem(_short(label), f"vastaus on liian pitkä (enintään {MAX_ANSWER_CHARS} merkkiä).")
            )
            answers[label] = ""
    lines_by_label: dict[str, list[str]] = {}
    objects: dict[str, list[tuple[FormField, str]]] = {}
    for item in form_fields:
        answer = answers.get(item.label, "")
        spec = item.spec
        if item.parent is not None:
            if answer:
                objects.setdefault(item.parent.name, []).append((item, answer))
            continue
        if not answer:
            if spec.required and spec.unknown:
                lines_by_label[item.label] = [f"{spec.name}: {schema.unknown_value}"]
            elif spec.required:
                problems.append(FormProblem(item.label, "vastaus puuttuu, ja se on pakollinen."))
            continue
        out = _answer_lines(item, answer, schema, vocabularies, problems)
        if out:
            lines_by_label[item.label] = out
    # Object fields: funding, contact, evaluation, result, ethics. A sub-field is read like a
    # field of its own (a dropdown label becomes its id, a list has one item per line).
    for spec in schema.experiment.fields:
        if spec.type != "object":
            continue
        given = objects.get(spec.name, [])
        if not given:
            if spec.required and spec.unknown:
                lines_by_label[spec.label_fi] = [f"{spec.name}: {schema.unknown_value}"]
            continue
        lines_by_label[spec.label_fi] = [f"{spec.name}:"]
        for item, answer in given:
            lines = _answer_lines(item, answer, schema, vocabularies, problems)
            lines_by_label[item.label] = ["  " + line for line in lines]
        answered = {item.spec.name for item, _ in given}
        for sub in spec.fields:
            if sub.required and sub.name not in answered:
                label = next(f.label for f in form_fields if f.parent is spec and f.spec is sub)
                message = (
                    f"vastaus puuttuu, ja se tarvitaan, kun ryhmän {spec.label_fi} muihin kohtiin "
                    "on vastattu."
                )
                problems.append(FormProblem(label, message))
    title = " ".join(answers.get(schema.experiment.fields[0].label_fi, "").split())
    slug = slugify(title)
    if title and not slug:
        problems.append(
            FormProblem(
                schema.experiment.fields[0].label_fi, "otsikosta ei saa tunnistetta: käytä kirjaimia."
            )
        )
    description = answers.get(BODY_LABEL, "")
    if not description:
        problems.append(FormProblem(BODY_LABEL, "vastaus puuttuu: kirjoita kokeilun kuvaus."))
    # Front matter in schema order, remembering the first line of each field and sub-field, so
    # that a problem is named by the question of the form it comes from.
    text_lines = ["---"]
    starts: list[tuple[int, str]] = []
    order = [
        label
        for s in schema.experiment.fields
        for label in [s.label_fi, *(f.label for f in form_fields if f.parent is s)]
    ]
    for label in order:
        if label in lines_by_label:
            starts.append((len(text_lines) + 1, label))
            text_lines += lines_by_label[label]
    text_lines.append("---")
    starts.append((len(text_lines) + 1, BODY_LABEL))
    text_lines += ["", description.replace("\r\n", "\n")] if description else [""]
    text = "\n".join(text_lines).rstrip("\n") + "\n"
    path = f"{schema.experiment.directory}/{slug}.md" if slug else ""
    return IssueResult(
        slug,
        path,
        text,
        problems
        + _validate(root, text, path or f"{schema.experiment.directory}/uusi-kokeilu.md", starts, schema),
    )


def _answer_lines(
    item: FormField,
    answer: str,
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    problems: list[FormProblem],
) -> list[str]:
    spec, name = item.spec, item.spec.name
    if spec.type == "paths":
        options = _fact_options(schema)
        paths = []
        for part in _split_multi(answer, options):
            if part in options:
                paths.append(options[part])
            else:
                problems.append(FormProblem(item.label, f'"{_short(part)}" ei ole vaihtoehtojen joukossa.'))
        return [f"{name}: [" + ", ".join(paths) + "]"] if paths else []
    if spec.type in {"id", "ids"}:
        values, found = _choose(spec, item.label, answer, schema, vocabularies)
        problems.extend(found)
        if found:
            return []
        if spec.type == "id":
            return [f"{name}: {values[0]}"] if values else []
        if schema.unknown_value in values:
            return [f"{name}: {schema.unknown_value}"]
        return [f"{name}: [" + ", ".join(v for v in values if v) + "]"]
    if spec.type in {"texts", "urls"}:
        items = (
            _lines(answer)
            if spec.type == "urls" or "\n" in answer
            else [a.strip() for a in answer.split(",")]
        )
        return [f"{name}:", *(f"  - {yaml_scalar(i)}" for i in items if i)]
    if spec.type == "objects":
        out = [f"{name}:"]
        for line in _lines(answer):
            match = _ORGANISER.match(line)
            type_spec = spec.fields[1]
            if not match:  # a name without a type: the type is not known
                out.append(f"  - {spec.fields[0].name}: {yaml_scalar(line)}")
                out.append(f"    {type_spec.name}: {schema.unknown_value}")
                continue
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
                        f'tyyppi "{_short(kind)}" ei ole sanastossa.{hint} '
                        f"Vaihtoehdot: {', '.join(vocabulary.ids)}.",
                    )
                )
                continue
            out.append(f"  - {spec.fields[0].name}: {yaml_scalar(match.group('name'))}")
            out.append(f"    {type_spec.name}: {kind_id}")
        return out if len(out) > 1 else []
    value = " ".join(answer.split())
    if spec.type == "date" and value.lower() == schema.unknown_value:
        value = schema.unknown_value
        return [f"{name}: {value}"]
    return [f"{name}: {yaml_value(spec, value)}"]


def _validate(
    root: Path, text: str, rel: str, starts: list[tuple[int, str]], schema: Schema
) -> list[FormProblem]:
    """Check the file like ``kokeilu check`` in a scratch catalogue; problems named by form field."""
    with tempfile.TemporaryDirectory(prefix="kokeilu-issue-") as scratch:
        vocabularies = schema.vocabulary_directory
        shutil.copytree(root / vocabularies, Path(scratch) / vocabularies)
        # The experiments that exist, as empty files: enough for part_of to find its target.
        experiments = Path(scratch) / schema.experiment.directory
        experiments.mkdir(parents=True)
        for existing in (root / schema.experiment.directory).glob("*.md"):
            if "." not in existing.stem:
                (experiments / existing.name).touch()
        target = Path(scratch) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
        catalogue = check_catalogue(Path(scratch), schema)
    result = []
    for problem in catalogue.problems:
        if problem.path != rel or not problem.is_error:
            continue
        if problem.rule in {"missing-field", "empty-body"}:
            continue  # already reported as an unanswered question of the form
        label = starts[0][1] if starts else BODY_LABEL
        for line, name in starts:
            if line <= problem.line:
                label = name
        result.append(FormProblem(label, problem.message))
    return result


def _read_body(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BODY_CHARS * 4 + 1)
    else:
        with open(name, "rb") as handle:
            data = handle.read(MAX_BODY_CHARS * 4 + 1)
    return data.decode("utf-8", errors="replace")


def run_from_issue(args, root: Path) -> int:
    """``kokeilu from-issue [FILE|-] [--write]``."""
    try:
        body = _read_body(args.file)
    except OSError as error:
        print(f"kokeilu from-issue: tiedostoa {args.file} ei voi lukea: {error.strerror}.", file=sys.stderr)
        return 2
    catalogue = check_catalogue(root)
    result = experiment_from_issue(body, root, catalogue.schema, catalogue.vocabularies)
    problems = list(result.problems)
    if result.path and (root / result.path).exists():
        problems.append(
            FormProblem(
                catalogue.schema.experiment.fields[0].label_fi,
                f"luettelossa on jo tiedosto {result.path}. Muokkaa sitä tai anna "
                "kokeilulle erottuva otsikko.",
            )
        )
    if problems:
        print("Lomakkeesta ei voitu tehdä kokeilua. Korjaa nämä kohdat issuessa:", file=sys.stderr)
        for problem in problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    if not args.write:
        sys.stdout.write(result.text)
        return 0
    try:
        write_new_file(root, result.path, result.text)
    except ScaffoldError as error:
        print(f"kokeilu from-issue: {error}", file=sys.stderr)
        return 1
    print(f"Kirjoitettiin {result.path}. Tarkista se: kokeilu check {result.path}")
    return 0
