"""The Atom feed (RFC 4287) of experiments and learnings, newest first: /feed.xml.

Every date in it is deterministic, so two builds of one commit give the same feed:

- an entry's ``updated`` is the date of the last commit that touched its file (git history,
  :mod:`generator.core.history`); outside git, the latest date the content itself gives (an
  experiment's end or start, a learning's date), else :data:`FALLBACK_DATE`;
- ``published`` is the content's own date where it has one (start, or a learning's date);
- the feed's ``updated`` is its newest entry's.

Ids are tag URIs (RFC 4151) built from the kind's folder and the slug, so they stay the same
whatever address the site is published at. Links are absolute when the site's address is known
(``site_url``), else relative to the feed. Text is XML-escaped by ElementTree, and characters
XML 1.0 cannot carry (controls) are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from xml.etree import ElementTree as ET

from generator.content.catalogue import Catalogue
from generator.core.dates import PartialDate
from generator.core.model import Entry
from generator.i18n.languages import CODES, PRIMARY, LocalEntry, feed_file, localized, url_in
from generator.i18n.translation import Translator, translator

FEED_TITLE = "Kokeilukatalogi: uusimmat kokeilut ja opit"
TAG_AUTHORITY = "tag:kokeileva-suomi.fi,2024:"
AUTHOR = "Kokeileva Suomi"
MAX_ENTRIES = 100
FALLBACK_DATE = dt.date(2017, 1, 1)  # Kokeileva Suomi began; only for content without dates
ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def content_date(entry: Entry) -> dt.date | None:
    """The latest date the entry's own fields give, or None."""
    found = [
        value.latest if name == "end" else value.earliest
        for name in ("end", "start", "date")
        if isinstance(value := entry.values.get(name), PartialDate)
    ]
    return max(found) if found else None


def published_date(entry: Entry) -> dt.date | None:
    for name in ("start", "date"):
        value = entry.values.get(name)
        if isinstance(value, PartialDate):
            return value.earliest
    return None


def atom_feed(
    catalogue: Catalogue,
    site_url: str = "",
    dates: Mapping[str, dt.date] | None = None,
    language: str = PRIMARY,
    local: Callable[[Entry], LocalEntry] | None = None,
) -> bytes:
    """The feed's bytes in ``language``. ``dates``: root-relative path → last commit date (from
    git). ``local`` gives an entry as that language shows it (by default :func:`localized`).

    Each language has its feed (``feed.xml``, ``feed.sv.xml``, ``feed.en.xml``) linking to its
    pages; an entry's title and summary are in the feed's language where translated, else in the
    original language, marked with ``xml:lang``. The entry ids are the same in every feed.
    """
    dates = dates or {}
    t = translator(language)
    local = local or (lambda e: localized(e, language, catalogue.bodies.get(e.path)))
    base = site_url.rstrip("/") + "/" if site_url else ""
    entries = [*catalogue.experiments.values(), *catalogue.learnings.values()]

    def updated(entry: Entry) -> dt.date:
        return dates.get(entry.path) or content_date(entry) or FALLBACK_DATE

    newest = sorted(entries, key=lambda e: (-updated(e).toordinal(), e.path))[:MAX_ENTRIES]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": language})
    _head(feed, t, base, max((updated(e) for e in newest), default=FALLBACK_DATE))
    kinds = {"experiment": t.gettext("Kokeilu"), "learning": t.gettext("Oppi")}
    for original in newest:
        _entry(feed, local(original), updated(original), base, language, kinds)
    ET.indent(feed)
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n'
        + ET.tostring(feed, encoding="utf-8", xml_declaration=False)
        + b"\n"
    )


def _child(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = _text(text)
    return element


def _head(feed: ET.Element, t: Translator, base: str, updated: dt.date) -> None:
    """The feed's own id, title, date, links and author."""
    language = t.language
    _child(feed, "id", TAG_AUTHORITY + "feed")
    _child(feed, "title", t.gettext(FEED_TITLE))
    _child(feed, "subtitle", t.gettext("Mitä Suomessa on kokeiltu ja mitä kokeiluista opittiin."))
    _child(feed, "updated", _stamp(updated))
    home = url_in("/", language).lstrip("/")
    _child(feed, "link", rel="self", href=base + feed_file(language), type="application/atom+xml")
    _child(feed, "link", rel="alternate", href=(base + home) or "./", type="text/html")
    author = _child(feed, "author")
    _child(author, "name", AUTHOR)


def _entry(
    feed: ET.Element, entry: LocalEntry, updated: dt.date, base: str, language: str, kinds: dict[str, str]
) -> None:
    """One experiment or learning, linked in every language, ``language``'s first."""
    item = _child(feed, "entry")
    if entry.text_language != language:
        item.set("xml:lang", entry.text_language)
    _child(item, "id", TAG_AUTHORITY + entry.url.strip("/"))
    _child(item, "title", entry.title)
    for code in (language, *(c for c in CODES if c != language)):
        href = base + url_in(entry.url, code).lstrip("/")
        _child(item, "link", rel="alternate", hreflang=code, href=href, type="text/html")
    _child(item, "updated", _stamp(updated))
    published = published_date(entry)
    if published is not None and published <= updated:
        _child(item, "published", _stamp(published))
    summary = _child(item, "summary", entry.summary)
    if entry.summary_language != entry.text_language:  # a title translated without its summary
        summary.set("xml:lang", entry.summary_language)
    _child(item, "category", term=entry.kind, label=kinds[entry.kind])
    for theme in entry.values.get("themes") or []:
        _child(item, "category", term=theme, scheme=TAG_AUTHORITY + "teemat")
