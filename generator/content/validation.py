"""Rules that look at more than one field or more than one file.

Single values are checked in :mod:`generator.content.fields` while loading; these rules run on the
entries that loaded cleanly.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.content.funding import check_funding
from generator.content.loading import EntryFile
from generator.core.dates import PartialDate
from generator.core.model import UNKNOWN, Entry
from generator.core.problems import Problem, ProblemSink

# Statuses that mean the experiment is over, so its end date is expected.
ENDED_STATUSES = frozenset({"paattynyt", "skaalattu", "keskeytetty"})
# Statuses of an experiment that ran its course, so its result is expected.
COMPLETED_STATUSES = frozenset({"paattynyt", "skaalattu"})
# The evaluation status that promises a report.
PUBLISHED_EVALUATION = "julkaistu"


def evaluation_published(entry: Entry) -> bool:
    """True when the experiment's evaluation is marked published (evaluation.status)."""
    evaluation = entry.values.get("evaluation")
    return isinstance(evaluation, dict) and evaluation.get("status") == PUBLISHED_EVALUATION


def check_duplicate_slugs(files: Iterable[EntryFile]) -> list[Problem]:
    """Slugs are unique across experiments and learnings, ignoring case.

    One namespace keeps URLs, search references and exports unambiguous, and two names that differ
    only in case cannot both exist in a Windows or macOS checkout. Every file of a clash is
    reported, naming the others, so the annotation lands on the new file whichever it is.
    """
    groups: dict[str, list[EntryFile]] = {}
    for file in files:
        groups.setdefault(file.slug.lower(), []).append(file)
    problems: list[Problem] = []
    for group in groups.values():
        if len(group) < 2:
            continue
        for file in group:
            others = ", ".join(sorted(f.path for f in group if f is not file))
            case = (
                ""
                if all(f.slug == file.slug for f in group)
                else " (isoja ja pieniä kirjaimia lukuun ottamatta)"
            )
            ProblemSink(file.path, problems).error(
                1,
                1,
                "duplicate-slug",
                f'Tunniste "{file.slug}" on sama{case} kuin tiedostolla {others}. Kokeiluilla ja '
                "opeilla pitää olla eri tunnisteet (tiedostonimet), jotta osoitteet ja viittaukset "
                "ovat yksiselitteisiä. Nimeä toinen tiedostoista uudelleen.",
            )
    return problems


def check_references(learnings: Iterable[Entry], experiment_slugs: set[str], closest) -> list[Problem]:
    """Every experiment a learning names exists (as a file, valid or not)."""
    problems: list[Problem] = []
    for learning in learnings:
        sink = ProblemSink(learning.path, problems)
        for index, slug in enumerate(learning["experiments"]):
            if slug not in experiment_slugs:
                report_missing_reference(sink, learning.location("experiments", index), slug, closest)
    return problems


def report_missing_reference(sink: ProblemSink, where: tuple[int, int], slug: str, closest) -> None:
    """``missing-reference`` at ``where``: no experiment ``slug``, with the closest slug."""
    near = closest(slug)
    hint = f' Tarkoititko "{near[0]}"?' if near else ""
    sink.error(
        where[0],
        where[1],
        "missing-reference",
        f'Kokeilua "{slug}" ei ole: tiedostoa experiments/{slug}.md ei löydy.{hint} '
        "Kirjoita kokeilun tunniste eli sen tiedostonimi ilman .md-päätettä.",
    )


def check_experiment(entry: Entry) -> list[Problem]:
    """Rules between the fields of one experiment: date order, a missing end date, a missing
    result, a published evaluation without a report, and the funding's amounts."""
    problems: list[Problem] = []
    sink = ProblemSink(entry.path, problems)
    check_funding(entry, sink)
    start, end = entry["start"], entry["end"]
    if isinstance(start, PartialDate) and isinstance(end, PartialDate) and end.latest < start.earliest:
        line, column = entry.location("end")
        sink.error(
            line,
            column,
            "date-order",
            f"Kokeilu päättyy ({end}) ennen kuin se alkaa ({start}). Tarkista kentät start ja end.",
        )
    if entry["status"] in ENDED_STATUSES and end is None:
        line, column = entry.location("status")
        sink.warning(
            line,
            column,
            "end-missing",
            "Kokeilu on päättynyt, mutta päättymisaika puuttuu. Lisää esimerkiksi end: 2019 tai, "
            "jos sitä ei tiedetä, end: tuntematon.",
        )
    if end is UNKNOWN and entry["status"] not in ENDED_STATUSES | {"tuntematon"}:
        line, column = entry.location("end")
        sink.warning(
            line,
            column,
            "end-unknown-but-not-ended",
            f'Päättymisaika on "tuntematon", mutta tila on {entry["status"]}. Jos kokeilu ei ole '
            "päättynyt, poista end-rivi; muuten korjaa tila.",
        )
    if entry["status"] in COMPLETED_STATUSES and entry.values.get("result") is None:
        line, column = entry.location("status")
        sink.warning(
            line,
            column,
            "result-missing",
            "Kokeilu on päättynyt, mutta sen tulos puuttuu. Lisää kenttä result ja sen alle "
            "outcome sanastosta content/sanastot/tulokset.yml (esimerkiksi outcome: ei-toiminut, "
            "tai outcome: tuntematon, jos tulosta ei tiedetä) sekä mieluiten yhteenveto summary. "
            'Myös "ei toiminut" on arvokas tulos.',
        )
    if evaluation_published(entry) and not entry["evaluation"].get("reports"):
        line, column = entry.location("evaluation", "status")
        sink.warning(
            line,
            column,
            "report-missing",
            "Arviointi on merkitty julkaistuksi, mutta raportin linkki puuttuu. Lisää "
            "evaluation-ryhmään raportin osoite, esimerkiksi "
            "reports: [https://www.example.fi/raportti.pdf], tai muuta arvioinnin tilaksi "
            "suunniteltu tai kaynnissa.",
        )
    return problems
