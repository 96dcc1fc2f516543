"""The one renderer of the generated pages: the Jinja environment and its filters, the linker,
the listing cards and each page's front matter.

A part of the plan prepares a page's data (plain values, lists, small dataclasses) and hands it
to :meth:`Renderer.page` with a template of ``templates/``. Besides that data every template
sees ``lang`` (the page's language), ``title``, ``_`` and ``n_`` (the site's words in that
language), ``link`` (a site-absolute URL made relative to the page) and ``card`` (one entry of a
listing), and the filters ``date_fi`` and ``years``. Templates never call back into
the plan. Autoescaped: contributor text is never markup.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
from markupsafe import Markup

from generator.core.dates import PartialDate
from generator.core.model import UNKNOWN, Entry
from generator.core.packed import pack, unpack
from generator.i18n.languages import PRIMARY, src_uri_in, url_in
from generator.i18n.presentation import experiment_years, format_date, relative_url, root_prefix
from generator.i18n.translation import Translator
from generator.site.view import IN_LANGUAGE, Card


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One generated page: its Markdown and the docs-relative path it is published from.

    The Markdown is held compressed (:mod:`generator.core.packed`): make a page with
    :meth:`of`, read its text as :attr:`markdown`."""

    src_uri: str
    url: str
    title: str
    packed: bytes
    # Listed in mkdocs.yml's nav (index pages) or kept out of it (entries, terms, later pages).
    in_nav: bool = False
    # The root-relative file an entry page is made from ("" for index pages).
    source: str = ""
    # schema.org JSON-LD for the page's head, escaped for a <script> element ("" for none).
    json_ld: str = ""
    # The page's language ("fi", "sv", "en"): its path starts with the language's folder.
    language: str = PRIMARY

    @classmethod
    def of(cls, src_uri: str, url: str, title: str, markdown: str, **options: Any) -> PageSpec:
        """The page of ``markdown``; ``options`` are the other fields."""
        return cls(src_uri, url, title, pack(markdown), **options)

    @property
    def markdown(self) -> str:
        """The page's Markdown (unpacked at each call: keep it only while it is needed)."""
        return unpack(self.packed)


@jinja2.pass_context
def _date_filter(context: jinja2.runtime.Context, value: PartialDate | None) -> str:
    return format_date(value, context["lang"])


@jinja2.pass_context
def _years_filter(context: jinja2.runtime.Context, entry: Entry) -> str:
    """The years an experiment ran, as :func:`generator.i18n.presentation.experiment_years`."""
    return experiment_years(entry, context["lang"], context["_"])


def source_title(url: str, longest: int = 36) -> str:
    """A source link's text: its host and the end of its path, never the whole URL
    ("kela.fi/…/perustulokokeilu"); the schema gives sources no titles, and none is fetched."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if not host:
        return url
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return host
    last = unquote(segments[-1])
    if len(last) > longest:
        last = last[: longest - 1] + "…"
    return f"{host}/{'…/' if len(segments) > 1 else ''}{last}"


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(date_fi=_date_filter, years=_years_filter, source_title=source_title)
    env.globals.update(UNKNOWN=UNKNOWN, IN_LANGUAGE=IN_LANGUAGE)
    return env


def front_matter(title: str, description: str = "", kind: str = "", language: str = PRIMARY) -> str:
    # A JSON string is a valid YAML double-quoted scalar: no YAML trap can touch the values.
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    if description:  # <meta name="description"> and og:description
        lines.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    if kind:
        lines.append(f"kk_kind: {kind}")
    if language != PRIMARY:
        lines.append(f"kk_lang: {language}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json"> block: no "<", ">" or "&" can end it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def linker(url: str, language: str = PRIMARY) -> Callable[[str], str]:
    """Links from the page at ``url`` to site-absolute URLs; the root itself is "./".

    A page (a directory URL such as "/teemat/x/" or "/teemat/#osa") is linked in ``language``,
    so a Swedish page links to Swedish pages; a file ("/feed.xml") is the same in every language.
    """

    def link(target: str) -> str:
        if target.split("#", 1)[0].endswith("/"):
            target = url_in(target, language)
        path = relative_url(url, target)
        return path if path and not path.startswith("#") else f"./{path}"

    return link


class Renderer:
    """Writes the pages of one language from the templates."""

    def __init__(self, t: Translator) -> None:
        self.language = t.language
        self.t = t
        self._cards: dict[tuple[str, str, str, str], Markup] = {}

    def linker(self, url: str) -> Callable[[str], str]:
        """Links from the page at the Finnish ``url``, published in this language."""
        return linker(url_in(url, self.language), self.language)

    def page(
        self,
        template: str,
        url: str,
        title: str,
        *,
        src_uri: str,
        in_nav: bool = False,
        source: str = "",
        json_ld: str = "",
        description: str = "",
        kind: str = "",
        **context: Any,
    ) -> PageSpec:
        """The page at the Finnish ``src_uri`` and ``url``, moved under this language's folder,
        from ``template`` and ``context``; ``description`` and ``kind`` go to its front matter."""
        markdown = self.markdown(template, url, title, description, kind, **context)
        return PageSpec.of(
            src_uri_in(src_uri, self.language),
            url_in(url, self.language),
            title,
            markdown,
            in_nav=in_nav,
            source=source,
            json_ld=json_ld,
            language=self.language,
        )

    def markdown(
        self, template: str, url: str, title: str, description: str = "", kind: str = "", **context: Any
    ) -> str:
        """A page's Markdown. ``url`` is the page's Finnish path; it is published in this language."""
        page_url = url_in(url, self.language)
        body = (
            environment()
            .get_template(template)
            .render(
                title=title,
                card=lambda card, heading="h3": self.card(card, page_url, heading),
                **self._context(page_url),
                **context,
            )
        )
        return front_matter(title, description, kind, self.language) + body

    def card(self, card: Card, page_url: str, heading: str) -> Markup:
        """One entry in a listing. Its links depend only on the depth of the page it is on, so
        it is rendered once per depth and heading level and reused on every listing."""
        key = (card.entry.kind, card.entry.slug, root_prefix(page_url), heading)
        found = self._cards.get(key)
        if found is None:
            template = environment().get_template("_card.html.j2")
            html = template.render(card=card, heading=heading, **self._context(page_url))
            found = self._cards[key] = Markup(html.strip())
        return found

    def forget_cards(self) -> None:
        """Drop the rendered cards: a part of the plan is done, and the next one shows its cards
        on pages of other depths (at 10,000 experiments the cards of every part would hold about
        a hundred megabytes until the plan is made)."""
        self._cards.clear()

    def _context(self, page_url: str) -> dict[str, Any]:
        """What every template sees: the language, its words, and links from the page at
        ``page_url`` (its published URL, "/sv/…" for a Swedish page)."""
        return {
            "lang": self.language,
            "_": self.t.gettext,
            "n_": self.t.ngettext,
            "link": linker(page_url, self.language),
        }
