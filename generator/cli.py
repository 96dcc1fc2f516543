"""The ``kokeilu`` command line. Only this module turns errors into exit codes.

Exit codes: 0 valid, 1 problems found (errors), 2 usage or environment error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.content.catalogue import find_root
from generator.content.check import check_catalogue
from generator.content.layout import shown_name
from generator.core.controls import escape_controls
from generator.core.problems import CatalogueError, ConfigError, GeneratorError, Problem
from generator.core.schema import load_schema
from generator.derived.files import stale_derived_files, write_derived_files
from generator.editorial.commands import (
    add_contributor_commands,
    add_editor_commands,
    contributor_commands,
    editor_commands,
)
from generator.editorial.reporting import FORMATTERS, Summary, format_text
from generator.engines.render import render_site
from generator.opendata.export import dump_json, export_catalogue

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kokeilu",
        description="Kokeilukatalogin työkalut: tarkista, vie ja ylläpidä kokeiluja ja oppeja.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        help="kokoelman juurikansio (oletus: lähin kansio, jossa on content/sanastot/)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMENTO")

    check = commands.add_parser(
        "check",
        help="tarkista koko kokoelma tai annetut tiedostot",
        description=(
            "Tarkistaa kokeilut, opit ja sanastot ja kertoo jokaisen ongelman tiedoston, rivin "
            "ja sarakkeen kanssa. Annetut tiedostot tarkistetaan koko kokoelman yhteydessä."
        ),
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="POLKU")
    check.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    check.add_argument("--strict", action="store_true", help="palauta koodi 1 myös pelkistä varoituksista")

    commands.add_parser(
        "export",
        help="tulosta kokoelma JSON-muodossa (avoin data)",
        description=(
            'Tulostaa validoidun kokoelman JSON-muodossa: {"experiments": [...], "learnings": [...]}.'
        ),
    )

    render = commands.add_parser(
        "render",
        help="kirjoita koko sivusto Markdownina kansioon toista julkaisumoottoria varten",
        description=(
            "Kirjoittaa kansioon OUT sivuston lähteet: käsin kirjoitetut sivut, kaikki "
            "luettelosta tehdyt sivut, haun ja avoimen datan tiedostot, teeman ja mkdocs.yml-tiedoston "
            "ilman catalogue-laajennusta. Sen rakentavat MkDocs, ProperDocs ja Zensical. "
            "Kansio vaihdetaan kokonaisena vasta lopuksi, joten keskeytynyt ajo ei jätä puolikasta tulosta."
        ),
    )
    render.add_argument("--out", type=Path, required=True, metavar="OUT", help="kohdekansio")

    schema = commands.add_parser(
        "schema",
        help="tarkista tai päivitä skeemasta tehdyt tiedostot",
        description=(
            "JSON Schemat (content/schema/), kenttäviite (content/osallistu/kentat.md) ja "
            "ehdotuslomake (.github/ISSUE_TEMPLATE/kokeilu.yml) tehdään skeemasta ja sanastoista, "
            "sääntöjen luettelo (docs/rules.md) tiedostosta generator/core/rules.py. Ilman "
            "valitsimia komento kertoo, ovatko ne ajan tasalla."
        ),
    )
    schema.add_argument("--write", action="store_true", help="kirjoita vanhentuneet tiedostot")
    add_contributor_commands(commands)
    add_editor_commands(commands)
    _add_synth_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        root = args.root.resolve() if args.root else find_root(Path.cwd())
        if args.root and not (root / load_schema().vocabulary_directory).is_dir():
            raise ConfigError(
                f"Kansio {root} ei ole kokoelman juuri: siinä ei ole kansiota "
                f"{load_schema().vocabulary_directory}/."
            )
        return _COMMANDS[args.command](args, root)
    except ConfigError as error:
        _print_error(error)
        return EXIT_USAGE
    except GeneratorError as error:  # pragma: no cover - every GeneratorError is handled above
        _print_error(error)
        return EXIT_PROBLEMS


def _print_error(error: GeneratorError) -> None:
    """``kokeilu: message`` on stderr; it may quote an argument or git's own words, so each of
    its lines has its control characters escaped."""
    lines = str(error).split("\n")
    print("kokeilu: " + "\n".join(escape_controls(line) for line in lines), file=sys.stderr)


def _scope(paths: list[Path], root: Path) -> set[str] | None:
    """Root-relative paths of the files to report on, or None for the whole catalogue."""
    if not paths:
        return None
    scope: set[str] = set()
    for path in paths:
        resolved = _unfollowed(path)
        if not os.path.lexists(resolved) and not path.is_absolute() and os.path.lexists(root / path):
            resolved = _unfollowed(root / path)  # a path relative to --root
        if not os.path.lexists(resolved):
            raise ConfigError(f"Tiedostoa {path} ei ole.")
        try:
            rel = resolved.relative_to(root)
        except ValueError:
            raise ConfigError(f"{path} ei ole kokoelman {root} sisällä.") from None
        if resolved.is_dir():
            files = (p.relative_to(root).as_posix() for p in resolved.rglob("*") if p.is_file())
            scope.update(shown_name(name) for name in files)
        else:
            scope.add(shown_name(rel.as_posix()))  # problems name such files printably
    return scope


def _unfollowed(path: Path) -> Path:
    """``path`` made absolute with its folders resolved but not its last part: a symbolic link
    given by its path is reported as the link it is (``symlink``), not as where it points."""
    path = Path(os.path.abspath(path))
    return path.parent.resolve() / path.name


def _in_scope(problem: Problem, scope: set[str] | None, vocabulary_dir: str) -> bool:
    if scope is None:
        return True
    # Vocabulary problems affect every file, so they are always shown.
    return problem.path in scope or problem.path.startswith(vocabulary_dir + "/")


def _check(args: argparse.Namespace, root: Path) -> int:
    schema = load_schema()
    scope = _scope(args.paths, root)
    catalogue = check_catalogue(root, schema)
    problems = list(catalogue.problems)
    vocabulary_dir = schema.vocabulary_directory
    if scope is None or any(p.startswith(vocabulary_dir + "/") for p in scope):
        problems += stale_derived_files(root, schema, catalogue.vocabularies)
    problems = [p for p in problems if _in_scope(p, scope, vocabulary_dir)]
    files = [f for f in catalogue.files if scope is None or f.path in scope]
    summary = Summary.of(
        problems,
        experiments=sum(1 for f in files if f.kind == "experiment"),
        learnings=sum(1 for f in files if f.kind == "learning"),
    )
    sys.stdout.write(FORMATTERS[args.format](problems, summary))
    failed = summary.errors > 0 or (args.strict and summary.warnings > 0)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _export(args: argparse.Namespace, root: Path) -> int:
    catalogue = check_catalogue(root)
    if catalogue.problems:
        sys.stderr.write(format_text(catalogue.problems, Summary.of_catalogue(catalogue, catalogue.problems)))
    if catalogue.errors:
        return EXIT_PROBLEMS
    sys.stdout.write(dump_json(export_catalogue(catalogue)))
    return EXIT_OK


def _render(args: argparse.Namespace, root: Path) -> int:
    try:
        plan = render_site(root, args.out)
    except CatalogueError as error:
        sys.stderr.write(format_text(error.problems, Summary.of(error.problems, 0, 0)))
        print("kokeilu: korjaa virheet; mitään ei kirjoitettu.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Kirjoitettiin {len(plan.pages)} tehtyä sivua kansioon {args.out}.")
    print(f"Rakenna sivusto: zensical build -f {args.out / 'mkdocs.yml'}")
    print(f"          tai: mkdocs build -f {args.out / 'mkdocs.yml'}")
    return EXIT_OK


def _schema(args: argparse.Namespace, root: Path) -> int:
    schema = load_schema()
    catalogue = check_catalogue(root, schema)
    vocabulary_errors = [p for p in catalogue.errors if p.path.startswith(schema.vocabulary_directory + "/")]
    if vocabulary_errors:
        sys.stderr.write(format_text(vocabulary_errors, Summary.of_catalogue(catalogue, vocabulary_errors)))
        print("kokeilu: korjaa sanastot ennen kuin päivität skeemasta tehdyt tiedostot.", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.write:
        written = write_derived_files(root, schema, catalogue.vocabularies)
        for rel in written:
            print(f"päivitetty {rel}")
        if not written:
            print("Kaikki skeemasta tehdyt tiedostot olivat jo ajan tasalla.")
        return EXIT_OK
    stale = stale_derived_files(root, schema, catalogue.vocabularies)
    if stale:
        print(f"Skeemasta tehdyt tiedostot eivät ole ajan tasalla ({len(stale)}):")
        for problem in stale:
            state = "vanhentunut" if (root / problem.path).is_file() else "puuttuu"
            print(f"  {problem.path} ({state})")
        print(
            "Ne tehdään tiedostoista generator/core/schema.yml ja generator/core/rules.py sekä "
            "sanastoista. Aja kokeilu schema --write ja lisää muuttuneet tiedostot samaan "
            "muutosehdotukseen; älä muokkaa niitä käsin."
        )
        return EXIT_PROBLEMS
    print("Kaikki skeemasta tehdyt tiedostot ovat ajan tasalla.")
    return EXIT_OK


def _add_synth_command(commands) -> None:  # commands: argparse's private subparsers action
    """Add ``synth`` to the ``kokeilu`` command line."""
    synth = commands.add_parser(
        "synth",
        help="kirjoita synteettinen kokoelma suorituskykymittauksia varten",
        description=(
            "Kirjoittaa kansioon DIR kokonaisen kokoelman: N keksittyä kokeilua ja noin N/4 oppia "
            "suomenkielisine teksteineen, sanastot, käsin kirjoitetut sivut, teeman ja mkdocs.yml-"
            "tiedoston. Tekstit opitaan tämän kokoelman kokeiluista ja opeista. Sama siemen tuottaa "
            "samat tiedostot. Kansion pitää olla uusi tai tyhjä; se kirjoitetaan kokonaisena."
        ),
    )
    synth.add_argument(
        "--count", type=_positive, default=1000, metavar="N", help="kokeilujen määrä (oletus: 1000)"
    )
    synth.add_argument("--seed", type=int, default=1, metavar="S", help="satunnaisuuden siemen (oletus: 1)")
    synth.add_argument("--out", type=Path, required=True, metavar="DIR", help="uusi tai tyhjä kohdekansio")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"positiivinen kokonaisluku, ei {text!r}")
    return value


def _synth(args: argparse.Namespace, root: Path) -> int:
    # Benchmark data, imported for this command only: no other command, and no build, loads it.
    from generator.synth.synthesis import run_synth

    return run_synth(args, root)


_COMMANDS = {"check": _check, "export": _export, "render": _render, "schema": _schema}
_COMMANDS.update(contributor_commands())
_COMMANDS.update(editor_commands())
_COMMANDS["synth"] = _synth
