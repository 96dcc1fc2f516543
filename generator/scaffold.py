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

from generator.placeholder import MARKER, PLACEHOLDER_URL
from generator.schema import EntrySchema, FieldSpec, Schema
from generator.slug import slugify
from generator.vocabulary import Vocabulary

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
    """A problem with the user's input: the message is Finnish and says how to fix it."""


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
    lines = _comment(f"{spec.label_fi} (valinnainen): {spec.help_fi}")
    example = spec.example or f"{spec.name}: "
    lines += ["# " + line if line else "#" for line in example.splitlines()]
    return lines


def _placeholder(
    spec: FieldSpec, schema: Schema, vocabularies: Mapping[str, Vocabulary], title: str
) -> list[str]:
    """The lines of a required field the user did not give."""
    unknown = schema.unknown_value
    vocabulary = vocabularies.get(spec.vocabulary) if spec.vocabulary else None
    if spec.unknown or (vocabulary is not None and unknown in vocabulary):
        return [f"{spec.name}: {unknown}"]
    if spec.type == "text":
        text = f"{MARKER}: kirjoita tähän yhdellä tai kahdella virkkeellä, mitä kohteessa {title} tehtiin."
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
        elif spec.required:
            lines += _comment(f"{spec.label_fi}: {spec.help_fi}")
            lines += _placeholder(spec, schema, vocabularies, title)
        else:
            lines += _hint(spec)
    lines.append("---")
    lines.append("")
    what = "kokeilun kuvaus" if entry.kind == "experiment" else "oppi"
    lines.append(
        f"{MARKER}: kirjoita tähän {what} Markdownina: mitä tehtiin, kuka, missä ja mitä siitä seurasi."
    )
    return "\n".join(lines) + "\n"


def _check_ids(spec: FieldSpec, given: list[str], vocabulary: Vocabulary, schema: Schema) -> list[str]:
    result = []
    for value in given:
        value = value.strip()
        if value in vocabulary or (spec.unknown and value == schema.unknown_value and spec.type == "id"):
            result.append(value)
            continue
        close = vocabulary.closest(value)
        hint = f" Tarkoititko: {', '.join(close)}?" if close else ""
        raise ScaffoldError(
            f'{spec.label_fi}: "{value}" ei ole sanastossa {vocabulary.path}.{hint} '
            f"Sallitut arvot: {', '.join(vocabulary.ids)}."
        )
    return result


def check_value(
    spec: FieldSpec,
    given: list[str],
    schema: Schema,
    vocabularies: Mapping[str, Vocabulary],
    known_slugs: Sequence[str],
) -> str | list[str]:
    """The user's value for one chosen field, validated; ScaffoldError in Finnish if it is wrong."""
    given = [g.strip() for item in given for g in item.split(",") if g.strip()]
    if spec.type == "ids" and spec.unknown and given == [schema.unknown_value]:
        return schema.unknown_value
    nationwide = [t.empty_term.id for t in schema.taxonomies if t.field == spec.name and t.empty_term]
    if spec.type == "ids" and not spec.min_items and nationwide and given == nationwide:
        return []
    if spec.type == "refs":
        for slug in given:
            if slug not in known_slugs:
                close = difflib.get_close_matches(slug, list(known_slugs), n=3, cutoff=0.6)
                hint = f" Tarkoititko: {', '.join(close)}?" if close else ""
                raise ScaffoldError(
                    f'{spec.label_fi}: kokeilua "{slug}" ei ole kansiossa experiments/.{hint}'
                )
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
) -> NewEntry:
    """The path and text of a new entry. ``ask`` prompts for a missing value (None: no TTY)."""
    entry = schema.learning if learning else schema.experiment
    title = " ".join(title.split())
    title_spec = entry.field("title")
    assert title_spec is not None
    if len(title) < (title_spec.min_length or 1) or len(title) > (title_spec.max_length or 10**6):
        raise ScaffoldError(
            f"Otsikon pituus on {len(title)} merkkiä; sen pitää olla "
            f"{title_spec.min_length}–{title_spec.max_length} merkkiä."
        )
    slug = slugify(title)
    if not slug:
        raise ScaffoldError("Otsikosta ei saa tiedoston nimeä: käytä otsikossa kirjaimia tai numeroita.")
    rel = f"{entry.directory}/{slug}.md"
    if (root / rel).exists():
        raise ScaffoldError(
            f"Tiedosto {rel} on jo olemassa, eikä sitä kirjoiteta yli. Muokkaa olemassa olevaa "
            "tiedostoa tai anna uudelle kokeilulle erottuva otsikko."
        )
    experiments_dir = root / schema.experiment.directory
    known_slugs = sorted(p.stem for p in experiments_dir.glob("*.md")) if experiments_dir.is_dir() else []
    values: dict[str, str | list[str]] = {}
    for name, flag in FLAGS.items():
        spec = entry.field(name)
        if spec is None or not spec.required:
            continue
        raw = given.get(name)
        if raw:
            values[name] = check_value(spec, raw, schema, vocabularies, known_slugs)
            continue
        if ask is None:
            raise ScaffoldError(
                f"{spec.label_fi} puuttuu: anna se valitsimella {flag} "
                f"(esimerkiksi {flag} {_example_value(spec, vocabularies, known_slugs)}). "
                f"Vaihtoehdot: {_options(spec, vocabularies, known_slugs)}."
            )
        while True:
            several = "" if spec.type == "id" else " (useampi pilkuin eroteltuna)"
            answer = ask(
                f"{spec.label_fi}{several}. Vaihtoehdot: {_options(spec, vocabularies, known_slugs)}\n> "
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


# --- the command line -------------------------------------------------------------------------


def add_contributor_commands(commands) -> None:
    """Add ``new`` and ``from-issue`` to the ``kokeilu`` command line."""
    new = commands.add_parser(
        "new",
        help="luo uuden kokeilun tai opin tiedosto otsikosta",
        description=(
            "Luo tiedoston experiments/<tunniste>.md (tai --learning: content/opit/<tunniste>.md). "
            "Tunniste tehdään otsikosta (ä→a, ö→o, å→a). Olemassa olevaa tiedostoa ei kirjoiteta yli. "
            "Puuttuvat tavoitetaso, teemat ja alueet kysytään, jos komentoa ajetaan päätteessä."
        ),
    )
    new.add_argument("title", metavar="OTSIKKO")
    new.add_argument("--learning", action="store_true", help="luo oppi kokeilun sijaan")
    new.add_argument("--level", action="append", metavar="TASO", help="tavoitetaso (tasot.yml)")
    new.add_argument("--theme", action="append", metavar="TEEMA", help="teema (teemat.yml); voi toistaa")
    new.add_argument("--region", action="append", metavar="ALUE", help="maakunta (alueet.yml); voi toistaa")
    new.add_argument("--kind", action="append", metavar="LAJI", help="opin laji (oppityypit.yml)")
    new.add_argument("--experiment", action="append", metavar="TUNNISTE", help="opin kokeilu; voi toistaa")

    from_issue = commands.add_parser(
        "from-issue",
        help="tee kokeilutiedosto GitHubin kokeilulomakkeen (issue) tekstistä",
        description=(
            "Lukee .github/ISSUE_TEMPLATE/kokeilu.yml-lomakkeella tehdyn issuen tekstin "
            "(tiedostosta tai - = vakiosyöte), tarkistaa sen ja tulostaa kokeilutiedoston. "
            "--write kirjoittaa sen kansioon experiments/. Ongelmat kerrotaan lomakkeen kenttien nimillä."
        ),
    )
    from_issue.add_argument("file", nargs="?", default="-", metavar="TIEDOSTO")
    from_issue.add_argument("--write", action="store_true", help="kirjoita experiments/<tunniste>.md")


def _new(args, root: Path) -> int:
    from generator.catalogue import check_catalogue

    catalogue = check_catalogue(root)
    given = {
        "level": args.level,
        "themes": args.theme,
        "regions": args.region,
        "kind": args.kind,
        "experiments": args.experiment,
    }
    ask = input if sys.stdin is not None and sys.stdin.isatty() else None
    try:
        planned = plan_new_entry(
            root, catalogue.schema, catalogue.vocabularies, args.title, args.learning, given, ask
        )
        write_new_file(root, planned.path, planned.text)
    except ScaffoldError as error:
        print(f"kokeilu new: {error}", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nkokeilu new: keskeytettiin; mitään ei kirjoitettu.", file=sys.stderr)
        return 1
    sys.stdout.write(next_steps(planned.path, args.learning))
    return 0


def contributor_commands() -> dict[str, Callable]:
    from generator.issue_form import run_from_issue

    return {"new": _new, "from-issue": run_from_issue}
