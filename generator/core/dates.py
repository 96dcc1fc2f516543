"""Dates given as a year, a year-month or a full date."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

MIN_YEAR = 1800
MAX_YEAR = 2100

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_LOOSE_ISO = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_FINNISH = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_FINNISH_MONTH = re.compile(r"(\d{1,2})/(\d{4})")

_MONTHS_FI = [
    "tammikuussa",
    "helmikuussa",
    "maaliskuussa",
    "huhtikuussa",
    "toukokuussa",
    "kesäkuussa",
    "heinäkuussa",
    "elokuussa",
    "syyskuussa",
    "lokakuussa",
    "marraskuussa",
    "joulukuussa",
]


@functools.total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day. Sorts chronologically, coarse first."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key < other.sort_key


class DateError(ValueError):
    """A date that cannot be read; the message says how to write it."""


def parse_partial_date(text: str) -> PartialDate:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; explain anything else in Finnish."""
    text = text.strip()
    match = _ISO.fullmatch(text)
    if match is None:
        raise DateError(_suggest(text))
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"Vuosi {year} ei ole väliltä {MIN_YEAR}–{MAX_YEAR}. Tarkista vuosiluku.")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"Kuukausi {month} ei ole olemassa: kuukausi on 01–12. Tarkista {text}.")
    if day is not None:
        assert month is not None
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(
                f"Päivää {text} ei ole olemassa: {_MONTHS_FI[month - 1]} {year} on "
                f"{last} päivää. Tarkista päivämäärä."
            )
    return PartialDate(year, month, day)


def _suggest(text: str) -> str:
    hint = "Kirjoita vuosi (2017), vuosi ja kuukausi (2017-08) tai päivämäärä (2017-08-01)."
    finnish = _FINNISH.fullmatch(text)
    if finnish:
        day, month, year = (int(g) for g in finnish.groups())
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        return f"Päivämäärä {text} on kirjoitettu suomalaisittain. Kirjoita se muodossa {iso}."
    month_year = _FINNISH_MONTH.fullmatch(text)
    if month_year:
        month, year = (int(g) for g in month_year.groups())
        return f"Kirjoita {text} muodossa {year:04d}-{month:02d}."
    loose = _LOOSE_ISO.fullmatch(text)
    if loose:
        year, month, day = loose[1], int(loose[2]), loose[3]
        fixed = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        return f"Kirjoita kuukausi ja päivä kahdella numerolla: {fixed}."
    return f'"{text}" ei ole aika. {hint}'
