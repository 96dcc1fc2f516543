"""``kokeilu report``: an editorial report over the catalogue, as text or Markdown.

It lists, each section sorted by path:

- ongoing experiments (status ``kaynnissa``) whose end date has passed: the last day the date
  can mean (``end: 2023`` has passed on 2024-01-01);
- completed experiments (status ``paattynyt`` or ``skaalattu``) that no learning names;
- completed experiments without a result (the warning ``result-missing`` of ``kokeilu check``);
- experiments whose evaluation is published without a report link (``report-missing``);
- entries not reviewed within :data:`REVIEW_DAYS` days: the review date is the date of the last
  commit that touched the file (read for all files from one ``git log``); a file git does not
  know, or a catalogue outside git, is left out of this section;
- entries without sources (``sources`` absent or ``tuntematon``);
- near-duplicates: pairs of entries of the same kind with similar titles or slugs
  (:mod:`generator.editorial.similarity`), each kind within its
  :class:`~generator.editorial.similarity.Limits`; a note says the limits and how many pairs
  they left out.

Only valid entries are reported on; the first line counts the errors that kept others out.
Every value printed has its control and bidi characters escaped (:mod:`generator.core.controls`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.catalogue import Catalogue
from generator.content.translated_bodies import find_untranslated
from generator.content.validation import COMPLETED_STATUSES, evaluation_published
from generator.core.controls import escape_controls
from generator.core.dates import PartialDate
from generator.core.history import last_commit_dates
from generator.core.model import Entry
from generator.editorial.reporting import escape_markdown
from generator.editorial.similarity import SHOWN, Limits, limits_note, similar_pairs
from generator.i18n.presentation import count_fi

REVIEW_DAYS = 365
ONGOING = {"kaynnissa"}
COMPLETED = COMPLETED_STATUSES


@dataclass
class Item:
    path: str
    title: str
    detail: str = ""


@dataclass
class Section:
    title: str
    explanation: str
    items: list[Item] = field(default_factory=list)
    note: str = ""  # what was left out of the items, if anything


@dataclass
class EditorialReport:
    today: dt.date
    experiments: int
    learnings: int
    errors: int
    sections: list[Section]


class LastCommitDate:
    """``reviewed(root, path)`` from git: the history is read once, on the first call."""

    def __init__(self) -> None:
        self._dates: dict[Path, dict[str, dt.date]] = {}

    def __call__(self, root: Path, path: str) -> dt.date | None:
        if root not in self._dates:
            self._dates[root] = last_commit_dates(root)
        return self._dates[root].get(path)


def _item(entry: Entry, detail: str = "") -> Item:
    return Item(entry.path, entry.title, detail)


def editorial_report(
    catalogue: Catalogue, today: dt.date, reviewed=None, limits: Limits = SHOWN
) -> EditorialReport:
    """Build the report. ``reviewed(root, path)`` gives an entry's review date (or None);
    by default the date of the file's last commit. ``limits`` bound the near-duplicates."""
    reviewed = reviewed or LastCommitDate()
    experiments = sorted(catalogue.experiments.values(), key=lambda e: e.path)
    entries = sorted([*catalogue.experiments.values(), *catalogue.learnings.values()], key=lambda e: e.path)
    sections = [
        _overdue(experiments, today),
        _without_learnings(experiments, catalogue),
        _without_result(experiments),
        _without_report(experiments),
        _stale(entries, catalogue.root, today, reviewed),
        _without_sources(entries),
        _duplicates(catalogue, limits),
        _untranslated(entries, catalogue),
    ]
    kinds = [f.kind for f in catalogue.files]
    return EditorialReport(
        today=today,
        experiments=kinds.count("experiment"),
        learnings=kinds.count("learning"),
        errors=len(catalogue.errors),
        sections=sections,
    )


def _overdue(experiments: list[Entry], today: dt.date) -> Section:
    section = Section(
        "Käynnissä, vaikka päättymispäivä on ohi",
        "Tila on käynnissä, mutta päättymispäivä (end) on mennyt. Päivitä tila tai päättymispäivä.",
    )
    for e in experiments:
        end = e.values.get("end")
        if e.values.get("status") in ONGOING and isinstance(end, PartialDate) and end.latest < today:
            section.items.append(_item(e, f"päättyi {end}"))
    return section


def _without_learnings(experiments: list[Entry], catalogue: Catalogue) -> Section:
    section = Section(
        "Päättyneet kokeilut ilman oppeja",
        "Kokeilu on päättynyt, mutta yksikään oppi ei viittaa siihen.",
    )
    for e in experiments:
        if e.values.get("status") in COMPLETED and not catalogue.learnings_of(e.slug):
            section.items.append(_item(e))
    return section


def _without_result(experiments: list[Entry]) -> Section:
    section = Section(
        "Päättyneet kokeilut ilman tulosta",
        "Kokeilu on päättynyt, mutta kenttä result puuttuu. Kirjaa lopputulos (myös ei toiminut "
        "tai tuntematon) ja mieluiten yhteenveto.",
    )
    for e in experiments:
        if e.values.get("status") in COMPLETED and e.values.get("result") is None:
            section.items.append(_item(e))
    return section


def _without_report(experiments: list[Entry]) -> Section:
    section = Section(
        "Julkaistu arviointi ilman raporttia",
        "Arvioinnin tila on julkaistu, mutta raportin linkki (evaluation.reports) puuttuu.",
    )
    for e in experiments:
        if evaluation_published(e) and not e["evaluation"].get("reports"):
            section.items.append(_item(e))
    return section


def _stale(entries: list[Entry], root: Path, today: dt.date, reviewed) -> Section:
    section = Section(
        f"Tarkistamatta yli {REVIEW_DAYS} päivää",
        f"Tiedostoa ei ole muutettu {REVIEW_DAYS} päivään (viimeisimmän commitin päivä).",
    )
    for e in entries:
        date = reviewed(root, e.path)
        if date is not None and (today - date).days > REVIEW_DAYS:
            section.items.append(_item(e, f"viimeksi muutettu {date.isoformat()}"))
    return section


def _without_sources(entries: list[Entry]) -> Section:
    section = Section("Lähteet puuttuvat", "Kentässä sources ei ole yhtään lähdettä.")
    for e in entries:
        if not e.values.get("sources"):
            section.items.append(_item(e))
    return section


def _duplicates(catalogue: Catalogue, limits: Limits) -> Section:
    section = Section(
        "Mahdolliset kaksoiskappaleet",
        "Saman lajin merkinnät, joiden otsikot tai tunnisteet ovat lähes samat.",
    )
    shortlists = [similar_pairs(catalogue.experiments.values(), limits)]
    shortlists.append(similar_pairs(catalogue.learnings.values(), limits))
    pairs = [m for shortlist in shortlists for m in shortlist.matches]
    for m in sorted(pairs, key=lambda m: (m.entry.path, m.other.path)):
        section.items.append(
            Item(m.entry.path, m.entry.title, f"muistuttaa: {m.other.path} ”{m.other.title}” ({m.score:.2f})")
        )
    notes = [limits_note(s.found, len(s.matches), limits) for s in shortlists]
    section.note = " ".join(
        f"{kind}: {note}" for kind, note in zip(("Kokeilut", "Opit"), notes, strict=True) if note
    )
    return section


def _untranslated(entries: list[Entry], catalogue: Catalogue) -> Section:
    section = Section(
        "Kääntämättä",
        "Sivuston ruotsin- (sv) tai englanninkielinen (en) versio näyttää merkinnän alkuperäisellä "
        "kielellä: otsikon ja tiivistelmän käännös puuttuu kentästä translations tai kuvauksen "
        "käännös tiedostosta <tunniste>.<kieli>.md.",
    )
    for gap in find_untranslated(entries, catalogue.bodies):
        parts = []
        if gap.texts:
            parts.append("otsikko ja tiivistelmä: " + ", ".join(gap.texts))
        if gap.bodies:
            parts.append("kuvaus: " + ", ".join(gap.bodies))
        section.items.append(_item(gap.entry, "; ".join(parts)))
    return section


def _header(report: EditorialReport) -> str:
    text = (
        f"Toimituksellinen raportti {report.today.isoformat()}: "
        f"{count_fi(report.experiments, 'kokeilu', 'kokeilua')}, "
        f"{count_fi(report.learnings, 'oppi', 'oppia')}"
    )
    if report.errors:
        text += (
            f"; {count_fi(report.errors, 'virhe', 'virhettä')} (virheelliset merkinnät puuttuvat raportista)"
        )
    return text + "."


def format_text(report: EditorialReport) -> str:
    e = escape_controls
    lines = [_header(report)]
    for section in report.sections:
        lines += ["", f"{section.title} ({len(section.items)}):"]
        if not section.items:
            lines.append("  ei yhtään")
        for item in section.items:
            detail = f" – {e(item.detail)}" if item.detail else ""
            lines.append(f"  {e(item.path)} ”{e(item.title)}”{detail}")
        if section.note:
            lines.append(f"  {section.note}")
    return "\n".join(lines) + "\n"


def format_markdown(report: EditorialReport) -> str:
    e = escape_markdown
    lines = ["<!-- kokeilu-report -->", "# Toimituksellinen raportti", "", e(_header(report))]
    for section in report.sections:
        lines += ["", f"## {section.title} ({len(section.items)})", "", e(section.explanation), ""]
        if not section.items:
            lines.append("Ei yhtään.")
        for item in section.items:
            detail = f" – {e(item.detail)}" if item.detail else ""
            lines.append(f"- **{e(item.title)}** ({e(item.path)}){detail}")
        if section.note:
            lines += ["", e(section.note)]
    return "\n".join(lines) + "\n"


REPORT_FORMATTERS = {"text": format_text, "markdown": format_markdown}
