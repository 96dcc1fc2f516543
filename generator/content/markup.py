"""What a body may become on the site: the site's Markdown, the language wrapper and the allowlist.

A body (an experiment's or learning's Markdown, a translated body, an intro) reaches a page in
one of two ways: as it is, on a page in its own language, or inside :func:`wrap_language` on a
page in another language, where md_in_html reads it. Both are rendered with the site's Markdown
(``SITE_EXTENSIONS``: MkDocs' own toc, tables and fenced_code plus mkdocs.yml's list, which a test
holds equal to what MkDocs loads). Whatever comes out may hold only the elements and attributes
of ``ALLOWED_ELEMENTS`` and ``ALLOWED_ATTRIBUTES``: :func:`violations` says what else it holds.
The body checker (generator/content/body.py) refuses a body whose rendering breaks this, and the tests
hold every engine's pages to the same allowlist.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
from markdown.util import AMP_SUBSTITUTE, ETX, STX

# MkDocs always adds toc, tables and fenced_code; mkdocs.yml adds the rest (and toc's permalink).
SITE_EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition")
SITE_EXTENSION_CONFIGS: dict[str, dict[str, object]] = {"toc": {"permalink": True}}
# The element a page in another language puts a body in (WCAG 3.1.2: its language is marked).
WRAPPER_CLASS = "kk-original"

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = ("href", "src")
# What Markdown with SITE_EXTENSIONS makes: text, links, images, lists, quotes, code, tables,
# headings with their permalink, and admonitions (div.admonition).
ALLOWED_ELEMENTS = frozenset(
    {
        *(f"h{level}" for level in range(1, 7)),
        *("p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img"),
        *("table", "thead", "tbody", "tr", "th", "td", "div"),
    }
)
ALLOWED_ATTRIBUTES = frozenset({"href", "src", "alt", "title", "id", "class", "start", "align"})
# Classes the theme's scripts act on; a body may not set them with { }. Zensical's bundle (the
# engine that builds the tree of `kokeilu render`) fetches scripts from unpkg.com and jsdelivr.net
# for .glightbox (a lightbox) and .pyodide (Python in the browser) as Material's does for .mermaid.
RESERVED_CLASSES = frozenset(
    {"mermaid", "arithmatex", "tabbed-set", "md-annotation", "annotate", "glightbox", "pyodide"}
)
VOID_ELEMENTS = frozenset({"br", "hr", "img"})
TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Controls, spaces and invisible formatting characters (zero-width, bidi controls, word joiners,
# soft hyphen, byte order mark): dropped before the scheme is read, so none of them can hide one.
_INVISIBLE = re.compile(
    r"[\x00-\x20\x7f-\xa0\xad\u061c\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]+"
)


def site_markdown() -> markdown.Markdown:
    """Python-Markdown as the site runs it (``SITE_EXTENSIONS``)."""
    return markdown.Markdown(extensions=list(SITE_EXTENSIONS), extension_configs=SITE_EXTENSION_CONFIGS)


def wrap_language(markdown: str, language: str) -> str:
    """Markdown marked as written in ``language`` (WCAG 3.1.2): md_in_html reads it inside.
    Only blank lines are stripped at the start: four spaces there still make indented code."""
    text = markdown.lstrip("\n").rstrip()
    return f'<div class="{WRAPPER_CLASS}" lang="{language}" markdown="1">\n\n{text}\n\n</div>\n'


def _browser_address(url: str) -> str:
    """``url`` as a browser reads it: entities decoded (twice: Markdown escapes "&" once more),
    invisible characters dropped, backslashes read as slashes."""
    url = url.replace(AMP_SUBSTITUTE, "&")
    return _INVISIBLE.sub("", html.unescape(html.unescape(url))).replace("\\", "/")


def link_scheme(url: str) -> str | None:
    """The scheme a browser would see in ``url``: entities decoded, invisible characters
    dropped ("jav&#x09;ascript:" is "javascript"); None for a relative link."""
    if STX in url.replace(AMP_SUBSTITUTE, "&") or ETX in url.replace(AMP_SUBSTITUTE, "&"):
        return "?"  # a placeholder of Python-Markdown's own: never a link a contributor meant
    match = _SCHEME.match(_browser_address(url))
    return match.group(1).lower() if match else None


def is_remote(url: str) -> bool:
    """Whether a browser would fetch ``url`` from an address of its own rather than from this
    site: it names a scheme or a host (``https://…``, ``//host/…``, ``\\\\host\\…``)."""
    address = _browser_address(url)
    return link_scheme(url) is not None or address.startswith("//") or bool(urlsplit(address).netloc)


class _Reader(HTMLParser):
    """Every element of a rendered body, checked against the allowlist as it is read."""

    def __init__(self, wrapped: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.wrapped = wrapped
        self.found: list[str] = []
        self.open: list[str] = []
        self.top: list[str] = []  # the top-level elements, and "text" for top-level text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if not self.open:
            self.top.append(tag)
        wrapper = self.wrapped and not self.open and tag == "div"
        if wrapper:
            if values != {"class": WRAPPER_CLASS, "lang": values.get("lang", "")}:
                self.found.append(f"<div> wrapper with {sorted(values)}")
        else:
            self._element(tag, values)
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.open:
            self.top.append(tag)
        self._element(tag, {name: value or "" for name, value in attrs})

    def _element(self, tag: str, values: dict[str, str]) -> None:
        if tag not in ALLOWED_ELEMENTS:
            self.found.append(f"<{tag}>")
        if tag == "div" and "admonition" not in values.get("class", "").split():
            self.found.append("<div> that is not an admonition")
        for name, value in values.items():
            if name == "style" and tag in {"th", "td"} and TABLE_ALIGN.fullmatch(value):
                continue
            if name not in ALLOWED_ATTRIBUTES:
                self.found.append(f"<{tag} {name}>")
            elif name in URL_ATTRIBUTES and link_scheme(value) not in (None, *SAFE_SCHEMES):
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name == "src" and is_remote(value):
                self.found.append(f"<{tag} src={value!r}> from another host")
            elif name == "class" and RESERVED_CLASSES & set(value.split()):
                self.found.append(f"<{tag} class={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        if not self.open or self.open[-1] != tag:
            self.found.append(f"</{tag}> that closes an element it did not open")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if not self.open and data.strip():
            self.top.append("text")

    def handle_comment(self, data: str) -> None:
        self.found.append("<!-- -->")

    def handle_decl(self, decl: str) -> None:
        self.found.append(f"<!{decl[:20]}>")

    def unknown_decl(self, data: str) -> None:
        self.found.append(f"<![{data[:20]}>")

    def handle_pi(self, data: str) -> None:
        self.found.append(f"<?{data[:20]}>")


def violations(rendered: str, wrapped: bool = False) -> list[str]:
    """What ``rendered`` (a body's HTML) holds beyond the allowlist, described; [] when nothing.
    ``wrapped``: it is a body inside :func:`wrap_language`, which must stay its only top-level
    element, keep its own attributes and be closed only by its own end tag."""
    reader = _Reader(wrapped)
    reader.feed(rendered)
    reader.close()
    found = list(reader.found)
    if reader.open:
        found.append(f"<{reader.open[-1]}> left open")
    if wrapped and reader.top != ["div"]:
        found.append(f"top-level {reader.top[:5]} beside the wrapper")
    return found
