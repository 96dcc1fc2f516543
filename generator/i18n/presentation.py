"""How values read on the Finnish site: dates, year spans, euro amounts, sort order and links."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from decimal import Decimal

from generator.core.dates import PartialDate
from generator.core.model import UNKNOWN, Entry

_MONTHS_FI = (
    "tammikuu",
    "helmikuu",
    "maaliskuu",
    "huhtikuu",
    "toukokuu",
    "kesäkuu",
    "heinäkuu",
    "elokuu",
    "syyskuu",
    "lokakuu",
    "marraskuu",
    "joulukuu",
)
_MONTHS = {
    "fi": _MONTHS_FI,
    "sv": (
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_UNKNOWN = {"fi": "tuntematon", "sv": "okänd", "en": "unknown"}
_NO_DATES = {"fi": "aika tuntematon", "sv": "tid okänd", "en": "dates unknown"}
NBSP = "\u00a0"
# Finnish alphabetical order puts å, ä and ö after z, in that order.
_FINNISH_LAST = str.maketrans({"å": "{", "ä": "|", "ö": "}"})


def count_fi(count: int, one: str, many: str) -> str:
    """Finnish count phrases: "1 kokeilu", "0 kokeilua", "2 kokeilua"."""
    return f"{count} {one if count == 1 else many}"


def format_date(value: PartialDate | None, language: str = "fi") -> str:
    """2017 → "2017", 2017-08 → "elokuu 2017", 2017-08-01 → "1.8.2017"; unknown → "tuntematon".

    In Swedish "augusti 2017" and "1.8.2017" (as in Finland), in English "August 2017" and
    "1 August 2017".
    """
    if value is None or value is UNKNOWN:
        return _UNKNOWN[language]
    if value.month is None:
        return str(value.year)
    month = _MONTHS[language][value.month - 1]
    if value.day is None:
        return f"{month} {value.year}"
    if language == "en":
        return f"{value.day} {month} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"


# Statuses whose experiment has not ended: only these read "2019–" without an end.
RUNNING = frozenset({"kaynnissa"})
NOT_STARTED = frozenset({"idea", "suunniteltu"})


def experiment_years(entry: Entry, language: str, gettext: Callable[..., str]) -> str:
    """The years an experiment ran as a visitor reads them, on cards, pages and finder results:
    "2017–2018", "2019–" (running), "alkoi 2018" (no end and not running: a status of
    tuntematon never reads as ongoing), "alkaa 2026" (not started); "" when no date is known.
    ``gettext`` gives the words in ``language``."""
    start, end = entry.values.get("start"), entry.values.get("end")
    if isinstance(start, PartialDate) and not isinstance(end, PartialDate):
        status = entry.values.get("status")
        if status not in RUNNING:
            words = "alkaa {year}" if status in NOT_STARTED else "alkoi {year}"
            return gettext(words, year=start.year)
    if not isinstance(start, PartialDate) and not isinstance(end, PartialDate):
        return ""
    return format_years(start, end, language)


def format_years(start: PartialDate | None, end: PartialDate | None, language: str = "fi") -> str:
    """The years an experiment ran: "2017–2018", "2019" or "2019–" (still running)."""
    if not isinstance(start, PartialDate):
        if isinstance(end, PartialDate):
            return f"?–{end.year}"
        return _NO_DATES[language]
    if end is None:
        return f"{start.year}–"
    if not isinstance(end, PartialDate):
        return f"{start.year}–?"
    if end.year == start.year:
        return str(start.year)
    return f"{start.year}–{end.year}"


def format_euros(amount: float | int, language: str = "fi") -> str:
    """20000000 → "20 000 000 €" and 1234.5 → "1 234,50 €" (no-break spaces), the same in
    Swedish; in English "€20,000,000" and "€1,234.50"."""
    value = Decimal(str(amount))
    whole = int(value)
    cents = value - whole
    if language == "en":
        return f"€{whole:,}" + (f".{f'{cents:.2f}'[2:]}" if cents else "")
    grouped = f"{whole:,}".replace(",", NBSP)
    if cents:
        grouped += "," + f"{cents:.2f}"[2:]
    return f"{grouped}{NBSP}€"


@functools.lru_cache(maxsize=65536)
def finnish_key(text: str) -> str:
    """A sort key in Finnish alphabetical order: case-insensitive, å ä ö after z, é as e."""
    folded = text.casefold().translate(_FINNISH_LAST)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def date_key(value: object) -> tuple[int, int, int, int]:
    """Newest first; unknown and absent dates last."""
    if isinstance(value, PartialDate):
        year, month, day = value.sort_key
        return (0, -year, -month, -day)
    return (1, 0, 0, 0)


def newest_first(entries, date_field: str) -> list[Entry]:
    """The documented listing order: newest ``date_field`` first, unknown dates last, then by
    title in Finnish alphabetical order, then by slug."""
    return sorted(
        entries,
        key=lambda e: (date_key(e.values.get(date_field)), finnish_key(e.title), e.slug),
    )


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url``, both site-absolute directory URLs
    such as "/kokeilut/x/", so the site works under any base path. Keeps a "#fragment".

    The link climbs to the site root and back down ("../../teemat/y/"), so it depends only on
    the depth of the page it is on: the same listing card serves every page of that depth.
    """
    return root_prefix(from_url) + to_url[1:] if to_url.startswith("/") else to_url


def root_prefix(url: str) -> str:
    """ "../" once per folder of ``url``: "/" → "", "/kokeilut/x/" → "../../"."""
    return "../" * (url.count("/") - 1)


def src_uri_for(url: str, index: bool = False) -> str:
    """The Markdown source path of a directory URL: "/kokeilut/x/" → "kokeilut/x.md".

    ``index`` gives the section form "teemat/index.md", for pages that head a folder.
    """
    path = url.strip("/")
    if not path:
        return "index.md"
    return f"{path}/index.md" if index else f"{path}.md"
