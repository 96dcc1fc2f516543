"""The site's languages: Finnish at /, Swedish at /sv/ and English at /en/.

Every generated page exists in every language at the same path under the language's prefix
(``/kokeilut/x/``, ``/sv/kokeilut/x/``, ``/en/kokeilut/x/``), so links are predictable and the
language switcher always lands on the same page.

An entry is written in one language (its ``language`` field, Finnish unless it says otherwise)
and may carry translations of its title and summary (``translations: {sv: {title, summary}}``)
and of its body (a file ``<slug>.<language>.md`` beside it). :func:`localized` gives the entry as
a page in a language shows it: translated where a translation exists, else the original, and
which language each part is in, so the page can say so and mark it with ``lang``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from generator.core.model import Entry
from generator.core.urls import FEED_FILE


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    # The language's name in itself (the switcher) and in each site language (notes).
    name: str
    names: dict[str, str]
    # Open Graph locale.
    locale: str

    @property
    def prefix(self) -> str:
        """The URL prefix: "" for Finnish, "/sv" for Swedish."""
        return "" if self.code == PRIMARY else f"/{self.code}"


PRIMARY = "fi"
LANGUAGES: dict[str, Language] = {
    "fi": Language("fi", "Suomeksi", {"fi": "suomi", "sv": "finska", "en": "Finnish"}, "fi_FI"),
    "sv": Language("sv", "På svenska", {"fi": "ruotsi", "sv": "svenska", "en": "Swedish"}, "sv_FI"),
    "en": Language("en", "In English", {"fi": "englanti", "sv": "engelska", "en": "English"}, "en_GB"),
}
CODES = tuple(LANGUAGES)
# The translated body of experiments/x.md is experiments/x.<code>.md.
BODY_SUFFIX = ".md"


def url_in(url: str, language: str) -> str:
    """A site-absolute page URL in ``language``: "/teemat/" → "/sv/teemat/"."""
    return LANGUAGES[language].prefix + url if url.startswith("/") else url


def src_uri_in(src_uri: str, language: str) -> str:
    """A docs-relative page path in ``language``: "teemat/index.md" → "sv/teemat/index.md"."""
    return src_uri if language == PRIMARY else f"{language}/{src_uri}"


def split_src_uri(src_uri: str) -> tuple[str, str]:
    """(language, the Finnish page's path): "sv/osallistu/index.md" → ("sv", "osallistu/index.md")."""
    head, _, rest = src_uri.partition("/")
    if rest and head in LANGUAGES and head != PRIMARY:
        return head, rest
    return PRIMARY, src_uri


def translation_file(path: str) -> tuple[str, str] | None:
    """("experiments/x.md", "sv") for "experiments/x.sv.md"; None for any other name.

    Any two lower-case letters count, so an unknown code is reported rather than read as a slug.
    """
    name = path.rsplit("/", 1)[-1]
    if not name.endswith(BODY_SUFFIX):
        return None
    stem = name.removesuffix(BODY_SUFFIX)
    base, dot, code = stem.rpartition(".")
    if (
        not dot
        or len(code) != 2
        or not code.isascii()
        or not code.isalpha()
        or not code.islower()
        or not base
    ):
        return None
    return path[: len(path) - len(name)] + base + BODY_SUFFIX, code


def original_language(entry: Entry) -> str:
    value = entry.values.get("language")
    return value if isinstance(value, str) and value in LANGUAGES else PRIMARY


@dataclass(eq=False)
class LocalEntry(Entry):
    """An entry as the page in ``language`` shows it.

    ``text_language`` is the language of the title shown, ``summary_language`` that of the
    summary and ``body_language`` that of the body; each is ``language`` where a translation
    exists and the original's otherwise. A translated title may come without a translated
    summary, never the other way round.
    """

    language: str = PRIMARY
    original: str = PRIMARY
    text_language: str = PRIMARY
    body_language: str = PRIMARY
    summary_language: str = PRIMARY

    @property
    def other_language(self) -> bool:
        """Whether anything shown (title, summary or body) is not in the page's language."""
        return any(
            code != self.language for code in (self.text_language, self.summary_language, self.body_language)
        )


def translations_of(entry: Entry) -> dict[str, dict[str, Any]]:
    """The translated title and summary by language code (only those given)."""
    found = entry.values.get("translations")
    if not isinstance(found, dict):
        return {}
    return {code: value for code, value in sorted(found.items()) if isinstance(value, dict)}


def localized(entry: Entry, language: str, bodies: dict[str, str] | None = None) -> LocalEntry:
    """``entry`` in ``language``: its translation where there is one, else its original text.

    ``bodies`` maps language codes to the entry's translated bodies (from its ``.<code>.md``
    files). A translated title without a translated summary is shown above the original
    summary, each marked with its language.
    """
    original = original_language(entry)
    values = entry.values
    text_language = summary_language = body_language = original
    body = entry.body
    if language != original:
        translation = translations_of(entry).get(language) or {}
        if translation.get("title"):
            values = {**values, "title": translation["title"]}
            text_language = language
            if translation.get("summary"):
                values["summary"] = translation["summary"]
                summary_language = language
        if bodies and language in bodies:
            body = bodies[language]
            body_language = language
    fields = {f.name: getattr(entry, f.name) for f in dataclasses.fields(Entry)}
    fields.update(values=values, body=body)
    return LocalEntry(
        **fields,
        language=language,
        original=original,
        text_language=text_language,
        body_language=body_language,
        summary_language=summary_language,
    )


def feed_file(language: str = PRIMARY) -> str:
    """The site-relative feed of a language: feed.xml, feed.sv.xml, feed.en.xml.

    All three sit at the site root. Material's scripts fetch sitemap.xml beside every
    ``<link rel="alternate">`` of a page (its language-switching feature); beside the root feeds
    that is the site's own sitemap.xml, where a feed in sv/ would cost every page a 404."""
    return FEED_FILE if language == PRIMARY else FEED_FILE.replace(".xml", f".{language}.xml")


def directory_url(src_uri: str) -> str:
    """The site-relative directory URL of a docs page: "sv/osallistu/index.md" → "sv/osallistu/",
    "osallistu/kentat.md" → "osallistu/kentat/", "index.md" → ""."""
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri.removesuffix("index.md")
    return src_uri.removesuffix(".md") + "/"


def alternates(src_uri: str, pages: Collection[str], site_url: str = "") -> list[dict[str, str]]:
    """The page at ``src_uri`` in every language it exists in (``pages``: every docs page), for
    the language switcher and the hreflang links; [] for a page in one language only.

    Each is {lang, name, locale, url (site-relative), href (absolute, "" without ``site_url``)}.
    """
    _, finnish = split_src_uri(src_uri)
    found = []
    for code in CODES:
        candidate = src_uri_in(finnish, code)
        if candidate not in pages:
            continue
        url = directory_url(candidate)
        found.append(
            {
                "lang": code,
                "name": LANGUAGES[code].name,
                "locale": LANGUAGES[code].locale,
                "url": url,
                "href": site_url.rstrip("/") + "/" + url if site_url else "",
            }
        )
    return found if len(found) > 1 else []
