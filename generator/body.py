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
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, HTML_PLACEHOLDER_RE, STX

from generator.problems import ProblemSink

# The Markdown extensions mkdocs.yml enables for pages (toc only adds ids, so it is left out).
EXTENSIONS = ("attr_list", "admonition", "tables")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = ("href", "src")
SAFE_ATTRIBUTES = frozenset({"href", "src", "alt", "title", "id", "class", "start", "align"})
_TRIGGERS = ("<", "](", "]:", "{")
# Classes the theme's scripts act on; a body may not set them with { }. Zensical's bundle (the
# engine that builds the tree of `kokeilu render`) fetches scripts from unpkg.com and jsdelivr.net
# for .glightbox (a lightbox) and .pyodide (Python in the browser) as Material's does for .mermaid.
RESERVED_CLASSES = frozenset(
    {"mermaid", "arithmatex", "tabbed-set", "md-annotation", "annotate", "glightbox", "pyodide"}
)
# Python-Markdown recurses once per nested list or quote and looks for the end of every
# unclosed "[" to the end of its paragraph; bodies past these limits are refused unparsed.
MAX_NESTING = 40
# The opening line of a fenced code block, as fenced_code reads it (its "attrs" group is the { }).
_FENCE = FencedBlockPreprocessor.FENCED_BLOCK_RE
MAX_BRACKETS = 500  # unclosed-bracket work grows with brackets × paragraph length
# A line that may nest deeply: ten container markers, or indentation of ten levels. Only such
# bodies are looked at line by line.
_MAYBE_DEEP = re.compile(r"^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])){10}|^[ \t]{40}", re.MULTILINE)
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Controls, spaces and invisible formatting characters (zero-width, bidi controls, word joiners,
# soft hyphen, byte order mark): dropped before the scheme is read, so none of them can hide one.
_INVISIBLE = re.compile(
    r"[\x00-\x20\x7f-\xa0\xad\u061c\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]+"
)
# A character reference (&lt; &#60; &#x3C;): text, never markup, wherever Markdown puts it.
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z0-9]+);")
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
                    value = self.unstash(value)
                    scheme = link_scheme(value)
                    if scheme is not None and scheme not in SAFE_SCHEMES:
                        self.found.append(("unsafe-link", value, scheme))
                elif name == "style" and element.tag in {"th", "td"} and _TABLE_ALIGN.fullmatch(value):
                    continue  # column alignment written by the tables extension
                elif name == "class" and RESERVED_CLASSES & set(value.split()):
                    # Material acts on these: .mermaid would fetch Mermaid from unpkg.com and
                    # run the contributor's text through it.
                    reserved = sorted(RESERVED_CLASSES & set(value.split()))[0]
                    self.found.append(("reserved-class", reserved, reserved))
                elif name not in SAFE_ATTRIBUTES:
                    self.found.append(("unsafe-attribute", name, name))

    def unstash(self, value: str) -> str:
        """``value`` with Python-Markdown's placeholders for stashed text put back: a character
        reference in an attr_list value ({ href="java&#x09;script:…" }) is stashed like HTML."""
        blocks = self.md.htmlStash.rawHtmlBlocks

        def back(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return str(blocks[index]) if index < len(blocks) else match.group(0)

        return HTML_PLACEHOLDER_RE.sub(back, value)


@functools.cache
def _parser() -> tuple[markdown.Markdown, _Inspect]:
    """One parser for every body (building one costs more than parsing a body)."""
    md = markdown.Markdown(extensions=list(EXTENSIONS))
    inspector = _Inspect(md)
    md.treeprocessors.register(inspector, "kokeilu-inspect", 0)  # after attr_list and inlines
    return md, inspector


def _too_complex(text: str, first_line: int, sink: ProblemSink) -> bool:
    """Refuse, at its line, nesting or a bracket flood that would make Markdown recurse or
    crawl (in this check and in the site build alike). True when something was refused."""
    refused = False
    if _MAYBE_DEEP.search(text) is None and text.count("[") <= MAX_BRACKETS:
        return False  # most bodies: one pass in C
    for offset, line in enumerate(text.split("\n")):
        depth, position = 0, 0
        while match := _CONTAINER.match(line, position):
            if match.end() == position:
                break
            depth, position = depth + 1, match.end()
        indent = len(line) - len(line.lstrip(" \t"))
        if depth + indent // 4 > MAX_NESTING:  # four spaces indent one level
            sink.error(
                first_line + offset,
                1,
                "body-too-complex",
                f"Kuvauksessa on tällä rivillä yli {MAX_NESTING} sisäkkäistä luetteloa tai lainausta. "
                "Kirjoita teksti tavallisina kappaleina tai enintään muutaman tason luetteloina.",
            )
            return True
    paragraph_start = 0
    for paragraph in re.split(r"\n[ \t]*\n", text):
        if paragraph.count("[") > MAX_BRACKETS:
            column = paragraph.index("[")
            line = first_line + text.count("\n", 0, paragraph_start) + paragraph.count("\n", 0, column)
            sink.error(
                line,
                column - paragraph.rfind("\n", 0, column),
                "body-too-complex",
                f"Kuvauksen kappaleessa on yli {MAX_BRACKETS} [-merkkiä. Hakasulkeita käytetään "
                "linkeissä; jaa teksti kappaleisiin tai poista ylimääräiset hakasulkeet.",
            )
            refused = True
        paragraph_start += len(paragraph) + 2
    return refused


def _check_fences(text: str, first_line: int, sink: ProblemSink) -> None:
    """The { } of a fenced code block ("``` { .text onclick=… }"). fenced_code, which MkDocs
    always enables, copies every key there onto the <code> element; the inspector never sees it,
    because fenced_code keeps the finished block away from the tree. Only #id and .class pass."""
    if "```" not in text and "~~~" not in text:
        return
    for match in _FENCE.finditer(text):
        attributes = match.group("attrs")
        if not attributes:
            continue
        pairs, _ = get_attrs_and_remainder(attributes)
        for key, value in pairs:
            if key in ("id", ".") and not (key == "." and value in RESERVED_CLASSES):
                continue
            offset = match.start("attrs") + max(attributes.find(value if key == "." else key), 0)
            line = first_line + text.count("\n", 0, offset)
            column = offset - text.rfind("\n", 0, offset)
            shown = f".{value}" if key == "." else key
            sink.error(
                line,
                column,
                "unsafe-attribute",
                f'Koodilohkon aaltosulkeissa on "{shown}". Koodilohkon {{ }} saa antaa vain '
                "tunnisteen (#nimi) ja luokkia (.nimi), joita sivuston teema ei tulkitse; poista muut.",
            )
            break


def check_body(text: str, first_line: int, sink: ProblemSink) -> None:
    """Report raw HTML, unsafe links and attributes in a Markdown ``text`` starting at ``first_line``."""
    if _too_complex(text, first_line, sink):
        return
    if not any(trigger in text for trigger in _TRIGGERS):
        return
    _check_fences(text, first_line, sink)
    md, inspector = _parser()
    md.reset()
    inspector.found.clear()
    md.convert(text)
    searched_from: dict[str, int] = {}

    def locate(needle: str) -> tuple[int, int]:
        """Where ``needle`` (raw HTML, an address or an attribute name) first occurs after the
        previous find of the same needle. Markdown has stripped the ends of an address and
        expanded tabs, so any run of whitespace in the needle matches any run in the text."""
        key = needle = needle.replace(AMP_SUBSTITUTE, "&").strip()
        match = None
        if needle:
            pattern = r"\s+".join(re.escape(part) for part in needle.split())
            match = re.compile(pattern).search(text, searched_from.get(key, 0))
        if match is None and needle:
            # attr_list rewrites a name it cannot use ('#x"onclick' → "_x_onclick"): its longest word
            word = max(re.findall(r"[A-Za-z0-9]+", needle) or [""], key=len)
            match = re.compile(re.escape(word)).search(text, searched_from.get(key, 0)) if word else None
        if match is None:
            return first_line, 1
        index = match.start()
        searched_from[key] = index + 1
        line_start = text.rfind("\n", 0, index) + 1
        return first_line + text.count("\n", 0, index), index - line_start + 1

    reported_lines: set[int] = set()
    for block in md.htmlStash.rawHtmlBlocks:
        raw = str(block).strip()
        if _ENTITY.fullmatch(raw):
            continue  # "&lt;" is a character, not HTML (and is allowed in every body alike)
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
        elif rule == "reserved-class":
            sink.error(
                line,
                column,
                "unsafe-attribute",
                f'Kuvauksessa annetaan luokka ".{detail}", jonka sivuston teema tulkitsee (esimerkiksi '
                ".mermaid hakisi ohjelmakoodia toiselta palvelimelta). Poista se aaltosulkeista.",
            )
        else:
            sink.error(
                line,
                column,
                "unsafe-attribute",
                f'Kuvauksessa asetetaan HTML-määrite "{detail}" aaltosulkeilla. Aaltosulkeissa '
                "{ } saa antaa vain tunnisteen (#nimi) tai luokan (.nimi); poista muut määritteet.",
            )
