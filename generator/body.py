"""Markdown bodies are contributor text too: no raw HTML, no script links, no injected attributes.

Policy (README, "Untrusted content"): a body is Markdown only. Raw HTML is refused with a
located error rather than sanitised, because Markdown covers what an experiment description
needs and a refusal is easy to explain. Links and images may use http, https and mailto, or be
relative. Attributes set with attr_list ``{ ... }`` may only be an id or classes.

Most bodies contain none of the characters these constructs need (``<``, ``](``, ``]:``,
``{``), so they are cleared without parsing; the rest are parsed with Python-Markdown and the
same extensions as the site, and the resulting tree is inspected.
"""

from __future__ import annotations

import functools
import html
import re
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, STX

from generator.problems import ProblemSink

# The Markdown extensions mkdocs.yml enables for pages (toc only adds ids, so it is left out).
EXTENSIONS = ("attr_list", "admonition", "tables")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = ("href", "src")
SAFE_ATTRIBUTES = frozenset({"href", "src", "alt", "title", "id", "class", "start", "align"})
_TRIGGERS = ("<", "](", "]:", "{")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")
_TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);")


def link_scheme(url: str) -> str | None:
    """The scheme a browser would see in ``url``: entities decoded, invisible characters
    dropped ("jav&#x09;ascript:" is "javascript"); None for a relative link."""
    # Python-Markdown writes "&" inside attributes as a placeholder until it serialises.
    url = url.replace(AMP_SUBSTITUTE, "&")
    if STX in url or ETX in url:
        return "?"  # a placeholder of Python-Markdown's own: never a link a contributor meant
    cleaned = _INVISIBLE.sub("", html.unescape(html.unescape(url)))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


class _Inspect(Treeprocessor):
    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.found: list[tuple[str, str, str]] = []  # (rule, needle, detail)

    def run(self, root: Element) -> None:
        for element in root.iter():
            for name, value in element.attrib.items():
                if name in URL_ATTRIBUTES:
                    scheme = link_scheme(value)
                    if scheme is not None and scheme not in SAFE_SCHEMES:
                        self.found.append(("unsafe-link", value, scheme))
                elif name == "style" and element.tag in {"th", "td"} and _TABLE_ALIGN.fullmatch(value):
                    continue  # column alignment written by the tables extension
                elif name not in SAFE_ATTRIBUTES:
                    self.found.append(("unsafe-attribute", name, name))


@functools.cache
def _parser() -> tuple[markdown.Markdown, _Inspect]:
    """One parser for every body (building one costs more than parsing a body)."""
    md = markdown.Markdown(extensions=list(EXTENSIONS))
    inspector = _Inspect(md)
    md.treeprocessors.register(inspector, "kokeilu-inspect", 0)  # after attr_list and inlines
    return md, inspector


def check_body(text: str, first_line: int, sink: ProblemSink) -> None:
    """Report raw HTML, unsafe links and attributes in a Markdown ``text`` starting at ``first_line``."""
    if not any(trigger in text for trigger in _TRIGGERS):
        return
    md, inspector = _parser()
    md.reset()
    inspector.found.clear()
    md.convert(text)
    searched_from: dict[str, int] = {}

    def locate(needle: str) -> tuple[int, int]:
        index = text.find(needle, searched_from.get(needle, 0)) if needle else -1
        if index < 0:
            return first_line, 1
        searched_from[needle] = index + 1
        line_start = text.rfind("\n", 0, index) + 1
        return first_line + text.count("\n", 0, index), index - line_start + 1

    reported_lines: set[int] = set()
    for block in md.htmlStash.rawHtmlBlocks:
        raw = str(block).strip()
        tag = re.match(r"<\s*/?\s*([a-zA-Z0-9!-]*)", raw)
        shown = tag.group(0) + ">" if tag else raw[:20]
        line, column = locate(raw.splitlines()[0] if raw else raw)
        if line in reported_lines:
            continue  # "<b>x</b>" is one problem, not two
        reported_lines.add(line)
        sink.error(
            line,
            column,
            "raw-html",
            f'Kuvauksessa on HTML-koodia ("{shown}"). Kirjoita kuvaus Markdownina: **lihavointi**, '
            "*kursiivi*, [linkin teksti](https://osoite) ja väliotsikko ##-merkeillä. Jos tarkoitit "
            "pienempi kuin -merkkiä, kirjoita sen ympärille välilyönnit.",
        )
    for rule, needle, detail in inspector.found:
        line, column = locate(needle)
        if rule == "unsafe-link":
            sink.error(
                line,
                column,
                "unsafe-link",
                f'Linkin osoite alkaa "{detail}:", joka ei ole sallittu. Linkit alkavat http://, '
                "https:// tai mailto:, tai ne ovat suhteellisia sivuston sisäisiä linkkejä.",
            )
        else:
            sink.error(
                line,
                column,
                "unsafe-attribute",
                f'Kuvauksessa asetetaan HTML-määrite "{detail}" aaltosulkeilla. Aaltosulkeissa '
                "{ } saa antaa vain tunnisteen (#nimi) tai luokan (.nimi); poista muut määritteet.",
            )
