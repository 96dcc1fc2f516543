"""The contributors' and the editors' subcommands of ``kokeilu``: ``new`` and ``from-issue``,
then ``diff``, ``report`` and ``kunnat``."""

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
from generator.editorial.diff import diff_catalogues
from generator.editorial.diff_formats import DIFF_FORMATTERS
from generator.editorial.issue_entry import run_from_issue
from generator.editorial.report import REPORT_FORMATTERS, REVIEW_DAYS, editorial_report
from generator.editorial.scaffold import ScaffoldError, next_steps, plan_new_entry, write_new_file

# --- the contributors' commands ------------------------------------------------------------


def add_contributor_commands(commands) -> None:
    """Add ``new`` and ``from-issue`` to the ``kokeilu`` command line."""
    new = commands.add_parser(
        "new",
        help="luo uuden kokeilun tai opin tiedosto otsikosta",
        description=(
            "Luo tiedoston experiments/<tunniste>.md (tai --learning: content/opit/<tunniste>.md). "
            "Tunniste tehdään otsikosta (ä→a, ö→o, å→a), ellei sitä anneta valitsimella --slug. "
            "Olemassa olevaa tiedostoa ei kirjoiteta yli. Sanastojen arvoiksi käyvät tunnisteet ja "
            "nimet suomeksi, ruotsiksi tai englanniksi (--theme tekoäly, --region Keski-Suomi). "
            "Puuttuvat tavoitetaso, teemat ja alueet kysytään, jos komentoa ajetaan päätteessä. "
            "Kaikki virheelliset valitsimet kerrotaan kerralla."
        ),
    )
    new.add_argument("title", metavar="OTSIKKO")
    new.add_argument("--learning", action="store_true", help="luo oppi kokeilun sijaan")
    new.add_argument(
        "--slug", metavar="TUNNISTE", help="tiedoston nimi ilman .md-päätettä (oletus: otsikosta)"
    )
    new.add_argument(
        "--level", action="append", metavar="TASO", help="tavoitetaso (tasot.yml): tunniste tai nimi"
    )
    new.add_argument(
        "--theme", action="append", metavar="TEEMA", help="teema (teemat.yml): tunniste tai nimi; voi toistaa"
    )
    new.add_argument(
        "--region",
        action="append",
        metavar="ALUE",
        help=(
            "maakunta (alueet.yml), jossa kokeilu tehtiin, ei järjestäjän kotipaikka: tunniste tai "
            "nimi; voi toistaa; koko-suomi tai tuntematon yksinään"
        ),
    )
    new.add_argument(
        "--kind", action="append", metavar="LAJI", help="opin laji (oppityypit.yml): tunniste tai nimi"
    )
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
            root, catalogue.schema, catalogue.vocabularies, args.title, args.learning, given, ask, args.slug
        )
        write_new_file(root, planned.path, planned.text)
    except ScaffoldError as error:
        for message in error.messages:
            print(f"kokeilu new: {message}", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nkokeilu new: keskeytettiin; mitään ei kirjoitettu.", file=sys.stderr)
        return 1
    sys.stdout.write(next_steps(planned.path, args.learning))
    return 0


def contributor_commands() -> dict[str, Callable]:
    return {"new": _new, "from-issue": run_from_issue}


# --- the editors' commands -----------------------------------------------------------------


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
