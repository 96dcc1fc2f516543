"""The editors' subcommands of ``kokeilu``: ``diff``, ``report`` and ``kunnat``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from generator.content.check import check_catalogue
from generator.content.municipalities import REGIONS, VOCABULARY, write_vocabulary
from generator.core.problems import ConfigError
from generator.core.schema import load_schema
from generator.editorial.diff import DIFF_FORMATTERS, diff_catalogues
from generator.editorial.report import REPORT_FORMATTERS, REVIEW_DAYS, editorial_report


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"päivämäärä muodossa VVVV-KK-PP, ei {text!r}") from None


def add_editor_commands(commands) -> None:  # commands: argparse's private subparsers action
    """Add ``diff`` and ``report`` to the ``kokeilu`` command line."""
    diff = commands.add_parser(
        "diff",
        help="kerro, mitä kahden git-revision välinen muutos tekee kokoelmalle",
        description=(
            "Vertaa kokoelmaa kahdessa git-revisiossa (esimerkiksi origin/main ja HEAD): lisätyt, "
            "poistetut, uudelleen nimetyt ja muutetut kokeilut ja opit kenttä kentältä, mahdolliset "
            "kaksoiskappaleet ja HEAD-revision tarkistuksen tulos. Revisioiden tiedostot vain luetaan. "
            "Palauttaa 0, jos HEAD on kunnossa, 1, jos siinä on virheitä, ja 2 käyttövirheessä."
        ),
    )
    diff.add_argument("base", metavar="BASE", help="vertailun lähtökohta, esimerkiksi origin/main")
    diff.add_argument("head", metavar="HEAD", help="verrattava revisio, esimerkiksi HEAD")
    diff.add_argument("--format", choices=sorted(DIFF_FORMATTERS), default="text")

    report = commands.add_parser(
        "report",
        help="toimituksellinen raportti kokoelmasta",
        description=(
            "Luettelee käynnissä olevat kokeilut, joiden päättymispäivä on ohi, päättyneet kokeilut "
            f"ilman oppeja, yli {REVIEW_DAYS} päivää muuttamatta olleet merkinnät (git-historiasta), "
            "merkinnät ilman lähteitä ja mahdolliset kaksoiskappaleet."
        ),
    )
    report.add_argument("--format", choices=sorted(REPORT_FORMATTERS), default="text")
    report.add_argument("--today", type=_date, metavar="VVVV-KK-PP", help="raportin päivä (oletus: tänään)")

    kunnat = commands.add_parser(
        "kunnat",
        help="tee kuntasanasto (content/sanastot/kunnat.yml) Tilastokeskuksen kuntaluettelosta",
        description=(
            "Kirjoittaa sanaston content/sanastot/kunnat.yml kuntaluettelosta (kunnat.yaml: code, "
            "name_fi, name_sv, region_code). Maakunnat haetaan sanastosta alueet.yml koodin mukaan. "
            "Aja sen jälkeen kokeilu schema --write."
        ),
    )
    kunnat.add_argument("--from", dest="source", type=Path, required=True, metavar="TIEDOSTO")


def _diff(args: argparse.Namespace, root: Path) -> int:
    result = diff_catalogues(root, args.base, args.head)
    sys.stdout.write(DIFF_FORMATTERS[args.format](result))
    return 0 if result.valid else 1


def _report(args: argparse.Namespace, root: Path) -> int:
    catalogue = check_catalogue(root)
    if not catalogue.experiments and not catalogue.learnings and catalogue.errors:
        raise ConfigError("Kokoelmasta ei voitu lukea yhtään merkintää. Aja ensin kokeilu check.")
    report = editorial_report(catalogue, args.today or dt.date.today())
    sys.stdout.write(REPORT_FORMATTERS[args.format](report))
    return 0


def _kunnat(args: argparse.Namespace, root: Path) -> int:
    schema = load_schema()
    catalogue = check_catalogue(root, schema)
    regions = catalogue.vocabularies[REGIONS]
    if any(p.path == regions.path and p.is_error for p in catalogue.problems):
        raise ConfigError(f"Korjaa ensin sanasto {regions.path}: kokeilu check {regions.path}")
    target = f"{schema.vocabulary_directory}/{schema.vocabulary(VOCABULARY).file}"
    count = write_vocabulary(root, args.source, regions, target)
    print(f"Kirjoitettiin {target}: {count} kuntaa. Aja seuraavaksi kokeilu schema --write.")
    return 0


def editor_commands() -> dict[str, Callable[[argparse.Namespace, Path], int]]:
    return {"diff": _diff, "report": _report, "kunnat": _kunnat}
