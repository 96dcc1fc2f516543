"""``kokeilu new``: a new experiment or learning file, written from the schema.

Every required field gets a value (the user's, ``tuntematon`` where the schema allows it, or a
placeholder to replace); every optional field appears as a commented hint with the schema's
help text and example. The output depends only on the arguments, so it is deterministic.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.content.placeholder import MARKER, PLACEHOLDER_URL
from generator.content.vocabulary import Vocabulary
from generator.core.schema import EntrySchema, FieldSpec, Schema
from generator.core.slug import is_slug, slugify

# What the prompt for a field says before its options, where the options alone would mislead.
PROMPT_NOTES = {
    "regions": (
        " – maakunnat, joissa kokeilu tehtiin, ei järjestäjien kotipaikka; jos lähteet eivät "
        "kerro, vastaa tuntematon"
    ),
}

# The fields whose value the user chooses, in the order they are asked, with the flag for each.
FLAGS = {
    "level": "--level",
    "themes": "--theme",
    "regions": "--region",
    "kind": "--kind",
    "experiments": "--experiment",
}
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


class ScaffoldError(Exception):
    """Problems with the user's input: each message is Finnish and says how to fix it."""

    def __init__(self, *messages: str) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class Choices:
    """What the user gave: field name → value (a string for one id, a list for several)."""

    values: dict[str, str | list[str]] = field(default_factory=dict)


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML string scalar: plain when that reads back as the same string."""
    if value and "\n" not in value and value == value.strip() and not value.startswith(("-", "?", ":")):
        try:
            if yaml.safe_load(value) == value and "#" not in value and ": " not in value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def yaml_value(spec: FieldSpec, value: str) -> str:
    """A scalar of a field: dates and numbers plain when they look right, else quoted text."""
    if spec.type == "date" and _DATE.match(value):
        return value
    if spec.type == "number" and _NUMBER.match(value):
        return value
    return yaml_scalar(value)


def flow_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(yaml_scalar(i) for i in items) + "]"


def _comment(text: str, width: int = 96) -> list[str]:
    return ["# " + line for line in textwrap.wrap(" ".join(text.split()), width - 2)]


def _hint(spec: FieldSpec) -> list[str]:
    lines = _comment(f"{spec.label_fi} (valinnainen) – {spec.help_fi}")
    example = spec.example or f"{spec.name}: "
    lines += ["# " + line if line else "#" for line in example.splitlines()]
    return lines


# What to write in place of the placeholders, in words a contributor reads aloud naturally.
_SUMMARY_PROMPTS = {
    "experiment": "kerro yhdellä tai kahdella virkkeellä, mitä kokeiltiin, kuka kokeili ja missä.",
    "learning": "kerro yhdellä tai kahdella virkkeellä, mitä kokeilusta opittiin.",
}
_BODY_PROMPTS = {
    "experiment": (
        "kirjoita tähän kokeilun kuvaus Markdownina: mitä tehtiin, kuka sen teki, missä ja mitä "
        "siitä seurasi."
    ),
    "learning": (
        "kirjoita tähän oppi Markdownina: mitä kokeilussa huomattiin, mistä sen tietää ja mitä "
        "muiden kannattaa tehdä toisin sen perusteella."
    ),
}


def _placeholder(
    spec: FieldSpec, schema: Schema, vocabularies: Mapping[str, Vocabulary], kind: str
) -> list[str]:
    """The lines of a required field the user did not give."""
    unknown = schema.unknown_value
    vocabulary = vocabularies.get(spec.vocabulary) if spec.vocabulary else None
    if spec.unknown or (vocabulary is not None and unknown in vocabulary):
        return [f"{spec.name}: {unknown}"]
    if spec.type == "text":
        text = f"{MARKER}: {_SUMMARY_PROMPTS[kind]}"
        return [f"{spec.name}: >-", *("  " + line for line in textwrap.wrap(text, 92))]
    if spec.type == "urls":
        return [f"{spec.name}:", f"  - {PLACEHOLDER_URL}"]
    return [f"{spec.name}: "]  # no sensible placeholder: kokeilu check reports it


def render_entry(
    entry: EntrySchema,
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    title: str,
    values: Mapping[str, str | list[str]],
) -> str:
    """The text of a new entry file."""
    lines = ["---"]
    for spec in entry.fields:
        if spec.name == "title":
            lines.append(f"title: {yaml_scalar(title)}")
        elif spec.name in values:
            value = values[spec.name]
            lines.append(
                f"{spec.name}: {flow_list(value) if isinstance(value, list) else yaml_scalar(value)}"
            )
        elif spec.required or (entry.kind == "learning" and spec.name == "evidence"):
            # A learning's kind is a verdict: kokeilu check warns without its evidence.
            lines += _comment(f"{spec.label_fi} – {spec.help_fi}")
            lines += _placeholder(spec, schema, vocabularies, entry.kind)
        else:
            lines += _hint(spec)
    lines.append("---")
    lines.append("")
    lines.append(f"{MARKER}: {_BODY_PROMPTS[entry.kind]}")
    return "\n".join(lines) + "\n"


def _check_ids(spec: FieldSpec, given: list[str], vocabulary: Vocabulary, schema: Schema) -> list[str]:
    """The ids the user named, by id or by label in any language; every unknown one reported."""
    result, problems = [], []
    for value in given:
        value = value.strip()
        if spec.unknown and value == schema.unknown_value and spec.type == "id":
            result.append(value)
            continue
        found = vocabulary.resolve(value)
        if found is not None:
            result.append(found)
            continue
        close = vocabulary.closest(value)
        hint = f" Tarkoititko: {', '.join(close)}?" if close else ""
        example = next((t for t in vocabulary if t.fi.lower() != t.id), None)
        names = f' (esimerkiksi {example.id} tai "{example.fi}")' if example else ""
        problems.append(
            f'{spec.label_fi}: "{value}" ei ole sanaston {vocabulary.path} tunniste eikä nimi.{hint} '
            f"Anna tunniste tai nimi suomeksi, ruotsiksi tai englanniksi{names}. "
            f"Tunnisteet: {', '.join(vocabulary.ids)}."
        )
    if problems:
        raise ScaffoldError(*problems)
    return result


def _check_alone(spec: FieldSpec, given: list[str], schema: Schema) -> None:
    """Nationwide (koko-suomi) and unknown (tuntematon) regions stand alone, not in a list."""
    if len(given) < 2:
        return
    flag = FLAGS.get(spec.name, spec.name)
    nationwide = {t.empty_term.id for t in schema.taxonomies if t.field == spec.name and t.empty_term}
    for value in given:
        if slugify(value) in nationwide:
            raise ScaffoldError(
                f"{spec.label_fi}: {flag} {slugify(value)} tarkoittaa koko Suomea, joten sitä ei voi "
                f"antaa yhdessä muiden alueiden kanssa. Anna joko pelkkä {flag} {slugify(value)} tai "
                "ne maakunnat, joissa kokeilu tehtiin."
            )
        if spec.unknown and slugify(value) == schema.unknown_value:
            raise ScaffoldError(
                f"{spec.label_fi}: {flag} {schema.unknown_value} tarkoittaa, ettei aluetta tiedetä, "
                f"joten sitä ei voi antaa yhdessä muiden alueiden kanssa. Anna joko pelkkä {flag} "
                f"{schema.unknown_value} tai ne maakunnat, jotka tiedetään."
            )


def check_value(
    spec: FieldSpec,
    given: list[str],
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    known_slugs: Sequence[str],
) -> str | list[str]:
    """The user's value for one chosen field, validated; ScaffoldError in Finnish if it is wrong."""
    given = [g.strip() for item in given for g in item.split(",") if g.strip()]
    if spec.type == "ids":
        _check_alone(spec, given, schema)
    if spec.type == "ids" and spec.unknown and [slugify(g) for g in given] == [schema.unknown_value]:
        return schema.unknown_value
    nationwide = [t.empty_term.id for t in schema.taxonomies if t.field == spec.name and t.empty_term]
    if spec.type == "ids" and not spec.min_items and nationwide and [slugify(g) for g in given] == nationwide:
        return []
    if spec.type == "refs":
        missing = []
        for slug in given:
            if slug not in known_slugs:
                close = difflib.get_close_matches(slug, list(known_slugs), n=3, cutoff=0.6)
                hint = f" Tarkoititko: {', '.join(close)}?" if close else ""
                missing.append(f'{spec.label_fi}: kokeilua "{slug}" ei ole kansiossa experiments/.{hint}')
        if missing:
            raise ScaffoldError(*missing)
        values: list[str] = given
    else:
        assert spec.vocabulary is not None
        values = _check_ids(spec, given, vocabularies[spec.vocabulary], schema)
    if spec.type == "id":
        if len(values) != 1:
            raise ScaffoldError(f"{spec.label_fi}: anna täsmälleen yksi arvo.")
        return values[0]
    if spec.min_items and len(values) < spec.min_items:
        raise ScaffoldError(f"{spec.label_fi}: anna vähintään {spec.min_items}.")
    if spec.max_items and len(values) > spec.max_items:
        raise ScaffoldError(f"{spec.label_fi}: anna enintään {spec.max_items}.")
    return list(dict.fromkeys(values))


def _options(spec: FieldSpec, vocabularies: Mapping[str, Vocabulary], known_slugs: Sequence[str]) -> str:
    if spec.vocabulary:
        return ", ".join(f"{t.id} ({t.fi})" for t in vocabularies[spec.vocabulary])
    return ", ".join(known_slugs)


@dataclass
class NewEntry:
    path: str
    text: str


def plan_new_entry(
    root: Path,
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    title: str,
    learning: bool,
    given: Mapping[str, list[str] | None],
    ask: Callable[[str], str] | None,
    slug: str | None = None,
) -> NewEntry:
    """The path and text of a new entry. ``ask`` prompts for a missing value (None: no TTY);
    ``slug`` replaces the one made from the title. Every problem with the title, the slug and
    the flags is reported at once."""
    entry = schema.learning if learning else schema.experiment
    problems: list[str] = []
    title = " ".join(title.split())
    title_spec = entry.field("title")
    assert title_spec is not None
    if len(title) < (title_spec.min_length or 1) or len(title) > (title_spec.max_length or 10**6):
        problems.append(
            f"Otsikon pituus on {len(title)} merkkiä; sen pitää olla "
            f"{title_spec.min_length}–{title_spec.max_length} merkkiä."
        )
    if slug is not None and not is_slug(slug):
        problems.append(
            f'--slug: tunniste "{slug}" ei kelpaa tiedoston nimeksi. Käytä pieniä kirjaimia a–z, '
            f"numeroita ja väliviivoja (ä→a, ö→o, å→a), esimerkiksi --slug {slugify(slug) or 'uusi-kokeilu'}."
        )
    slug = slug if slug is not None else slugify(title)
    if not slug:
        problems.append(
            "Otsikosta ei saa tiedoston nimeä: käytä otsikossa kirjaimia tai numeroita tai anna --slug."
        )
    rel = f"{entry.directory}/{slug}.md"
    if slug and is_slug(slug) and (root / rel).exists():
        problems.append(
            f"Tiedosto {rel} on jo olemassa, eikä sitä kirjoiteta yli. Muokkaa olemassa olevaa "
            "tiedostoa tai anna uudelle merkinnälle erottuva otsikko tai --slug."
        )
    experiments_dir = root / schema.experiment.directory
    known_slugs = sorted(p.stem for p in experiments_dir.glob("*.md")) if experiments_dir.is_dir() else []
    values: dict[str, str | list[str]] = {}
    missing: list[tuple[FieldSpec, str]] = []
    for name, flag in FLAGS.items():
        spec = entry.field(name)
        if spec is None or not spec.required:
            continue
        raw = given.get(name)
        if not raw:
            missing.append((spec, flag))
            continue
        try:
            values[name] = check_value(spec, raw, schema, vocabularies, known_slugs)
        except ScaffoldError as error:
            problems += error.messages
    if ask is None:
        problems += [
            f"{spec.label_fi} puuttuu: anna se valitsimella {flag} "
            f"(esimerkiksi {flag} {_example_value(spec, vocabularies, known_slugs)}). "
            f"Vaihtoehdot: {_options(spec, vocabularies, known_slugs)}."
            for spec, flag in missing
        ]
    if problems:
        raise ScaffoldError(*problems)
    for spec, _flag in missing:
        assert ask is not None
        name = spec.name
        while True:
            several = "" if spec.type == "id" else " (useampi pilkuin eroteltuna)"
            answer = ask(
                f"{spec.label_fi}{several}{PROMPT_NOTES.get(name, '')}. "
                f"Vaihtoehdot: {_options(spec, vocabularies, known_slugs)}\n> "
            )
            try:
                values[name] = check_value(spec, [answer], schema, vocabularies, known_slugs)
                break
            except ScaffoldError as error:
                print(error, file=sys.stderr)
    return NewEntry(rel, render_entry(entry, schema, vocabularies, title, values))


def _example_value(
    spec: FieldSpec, vocabularies: Mapping[str, Vocabulary], known_slugs: Sequence[str]
) -> str:
    if spec.vocabulary and len(vocabularies[spec.vocabulary]):
        return vocabularies[spec.vocabulary].ids[0]
    return known_slugs[0] if known_slugs else "kokeilun-tunniste"


def write_new_file(root: Path, rel: str, text: str) -> None:
    """Create ``rel``; never overwrite (ScaffoldError if it appeared meanwhile)."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"Tiedosto {rel} on jo olemassa, eikä sitä kirjoiteta yli.") from None


def next_steps(rel: str, learning: bool) -> str:
    what = "oppi" if learning else "kokeilu"
    return (
        f"Kirjoitettiin {rel}.\n"
        "Seuraavaksi:\n"
        f"  1. Avaa {rel} ja täydennä kentät: korvaa TÄYDENNÄ-kohdat ja tuntematon-arvot tiedoilla, "
        "jotka tiedät, ja poista #-merkki niiden valinnaisten kenttien edestä, joita käytät.\n"
        f"  2. Tarkista tiedosto: kokeilu check {rel}\n"
        f"  3. Tee muutoksesta muutosehdotus (pull request), jossa {what} on mukana.\n"
    )
