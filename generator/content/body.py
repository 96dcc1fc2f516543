"""Markdown bodies are contributor text too: no raw HTML, no script links, no injected
attributes, nothing fetched from another host, and nothing a page reads differently.

Policy (docs/security.md, "Untrusted content"): a body is Markdown only. Raw HTML is refused
with a located error rather than sanitised, because Markdown covers what an experiment description
needs and a refusal is easy to explain. Links may use http, https and mailto, or be relative;
images must be relative (the site fetches nothing from another host). Attributes set with
attr_list ``{ ... }`` may only be an id or classes.

**One rule: check exactly what is rendered.** A body is published in two ways: as it is, on the
pages in its own language, and inside :func:`generator.content.markup.wrap_language`
(``<div class="kk-original" lang="fi" markdown="1">``) on the pages in the other languages. There
md_in_html reads the text as HTML *before* Markdown finds code spans and indented code, so a
``</div>`` in backticks, harmless on its own, closed the wrapper and let what followed through as
raw HTML. The checker therefore renders the body both ways with the site's full Markdown
(:data:`generator.content.markup.SITE_EXTENSIONS`, md_in_html and fenced_code included):

1. on its own, inspecting the parse: every raw HTML block Python-Markdown sets aside, every link,
   image and attribute, each located in the text;
2. wrapped, exactly as the page planner wraps it: the result must be the wrapper around the
   first result, character for character. Anything else (a tag, a comment or a character
   reference that the wrapper reads differently) is ``html-in-code``, located at the line whose
   addition makes the two differ (:mod:`generator.content.body_wrapping`);
3. both results must hold only the elements and attributes of the allowlist
   (:func:`generator.content.markup.violations`); this holds by the first two steps, and is checked
   anyway, so that no body that passes can put HTML on a page that the checker did not see.

The alternative, rendering each body to HTML on its own and wrapping the finished HTML, was
rejected: the engine would no longer see the body's headings (they would drop out of the page's
table of contents) nor its relative links (MkDocs resolves links only in Markdown, Zensical also in
raw HTML), so every body in another language would render differently from the same body in its
own, and the planner would have to reimplement each engine's link handling. Comparing the two
renderings keeps pages exactly as they are for every honest body (all the shipped ones render the
same wrapped) and refuses only the text that the wrapper would change.

Most bodies contain none of the characters these constructs need (``<``, ``&``, ``](``, ``]:``,
``{``, ``!!!``), so they are cleared without parsing; only those with ``<`` or ``&`` (the only
characters the wrapper's HTML reader acts on) are rendered wrapped. Python-Markdown is
quadratic on some constructs; :mod:`generator.content.complexity` refuses those first, unparsed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

from generator.content.body_wrapping import (
    MARKDOWN_TRIGGERS,
    SENTINEL,
    read_alike,
    report_wrapper,
    with_sentinel,
)
from generator.content.complexity import too_complex
from generator.content.markup import (
    ALLOWED_ATTRIBUTES,
    RESERVED_CLASSES,
    SAFE_SCHEMES,
    TABLE_ALIGN,
    URL_ATTRIBUTES,
    is_remote,
    link_scheme,
    site_markdown,
    violations,
)
from generator.core.problems import ProblemSink, Severity

# The opening line of a fenced code block, as fenced_code reads it (its "attrs" group is the { }).
_FENCE = FencedBlockPreprocessor.FENCED_BLOCK_RE
# A character reference (&lt; &#60; &#x3C;): text, never markup, wherever Markdown puts it.
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z0-9]+);")
_PLACEHOLDER = HTML_PLACEHOLDER_RE
# Bodies checked in this process, by their text: a text gives the same problems wherever it is
# (shifted by its first line), and a check renders it up to three times. ``kokeilu check`` reads
# each text once; ``mkdocs serve``, the editors' tools and the tests check the same texts again.
_MEMO_SIZE = 4096


def check_body(text: str, first_line: int, sink: ProblemSink) -> None:
    """Report raw HTML, unsafe links, attributes and images, and text the language wrapper
    would read differently, in a Markdown ``text`` starting at ``first_line``."""
    for line, column, rule, message, severity in _body_problems(text):
        sink.add(first_line - 1 + line, column, rule, message, severity)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _body_problems(text: str) -> tuple[tuple[int, int, str, str, Severity], ...]:
    """The problems of ``text`` as if it started at line 1."""
    sink = ProblemSink("")
    _check_body(text, 1, sink)
    return tuple((p.line, p.column, p.rule, p.message, p.severity) for p in sink.problems)


def _check_body(text: str, first_line: int, sink: ProblemSink) -> None:
    if too_complex(text, first_line, sink):
        return
    if not any(trigger in text for trigger in MARKDOWN_TRIGGERS):
        return
    errors = len(sink.problems)
    _check_fences(text, first_line, sink)
    md, inspector, fences = _parser()
    md.reset()
    inspector.found.clear()
    alone = md.convert(with_sentinel(text))
    locate = _locator(text, first_line)
    _report_raw_html(md.htmlStash.rawHtmlBlocks, fences.code_blocks, locate, sink)
    _report_inspected(inspector.found, locate, sink)
    if not read_alike(text, alone):
        report_wrapper(text, first_line, sink, {p.line for p in sink.problems[errors:]})
    elif len(sink.problems) == errors:
        _report_violations(text, alone.removesuffix(SENTINEL), first_line, sink)


# --- the parse ---------------------------------------------------------------------------------


class _Inspect(Treeprocessor):
    """Reads the finished tree (after attr_list and the inline patterns) for unsafe links,
    images from other hosts and attributes outside the allowlist."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.found: list[tuple[str, str, str]] = []  # (rule, needle, detail)

    def run(self, root: Element) -> None:
        for element in root.iter():
            for name, value in element.attrib.items():
                finding = self._inspect(element, name, value)
                if finding is not None:
                    self.found.append(finding)

    def _inspect(self, element: Element, name: str, value: str) -> tuple[str, str, str] | None:
        """(rule, needle, detail) for an attribute a body may not have; None for one it may."""
        if name in URL_ATTRIBUTES:
            return self._inspect_address(name, self.unstash(value))
        if name == "style" and element.tag in {"th", "td"} and TABLE_ALIGN.fullmatch(value):
            return None  # column alignment written by the tables extension
        if name == "class" and RESERVED_CLASSES & set(value.split()):
            # Material acts on these: .mermaid would fetch Mermaid from unpkg.com and
            # run the contributor's text through it.
            reserved = sorted(RESERVED_CLASSES & set(value.split()))[0]
            return ("reserved-class", reserved, reserved)
        if name not in ALLOWED_ATTRIBUTES:
            return ("unsafe-attribute", name, name)
        return None

    @staticmethod
    def _inspect_address(name: str, value: str) -> tuple[str, str, str] | None:
        scheme = link_scheme(value)
        if scheme is not None and scheme not in SAFE_SCHEMES:
            return ("unsafe-link", value, scheme)
        if name == "src" and is_remote(value):
            return ("remote-image", value, value)
        return None

    def unstash(self, value: str) -> str:
        """``value`` with Python-Markdown's placeholders for stashed text put back: a character
        reference in an attr_list value ({ href="java&#x09;script:…" }) is stashed like HTML."""
        blocks = self.md.htmlStash.rawHtmlBlocks

        def back(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return str(blocks[index]) if index < len(blocks) else match.group(0)

        return _PLACEHOLDER.sub(back, value)


class _RecordFences(Preprocessor):
    """fenced_code, recording which stashed blocks are its code blocks (not contributor HTML)."""

    def __init__(self, md: markdown.Markdown, fenced: Preprocessor) -> None:
        super().__init__(md)
        self.fenced = fenced
        self.code_blocks: set[int] = set()

    def run(self, lines: list[str]) -> list[str]:
        before = len(self.md.htmlStash.rawHtmlBlocks)
        lines = self.fenced.run(lines)
        self.code_blocks = set(range(before, len(self.md.htmlStash.rawHtmlBlocks)))
        return lines


@functools.cache
def _parser() -> tuple[markdown.Markdown, _Inspect, _RecordFences]:
    """One parser for every body (building one costs more than parsing a body)."""
    md = site_markdown()
    inspector = _Inspect(md)
    md.treeprocessors.register(inspector, "kokeilu-inspect", 0)  # after attr_list, inlines, toc
    fences = _RecordFences(md, md.preprocessors["fenced_code_block"])
    md.preprocessors.register(fences, "fenced_code_block", 25)
    return md, inspector, fences


def _locator(text: str, first_line: int) -> Callable[..., tuple[int, int] | None]:
    """``locate(needle)``: where ``needle`` (raw HTML, an address or an attribute name) first
    occurs after the previous find of the same needle. Markdown has stripped the ends of an
    address and expanded tabs, so any run of whitespace in the needle matches any run in the text.
    ``exact``: None for a needle that is not in the text (HTML the page put after the body)."""
    searched_from: dict[str, int] = {}

    def locate(needle: str, exact: bool = False) -> tuple[int, int] | None:
        key = needle = needle.replace(AMP_SUBSTITUTE, "&").strip()
        match = _find(text, needle, searched_from.get(key, 0), exact)
        if match is None:
            return None if exact else (first_line, 1)
        index = match.start()
        searched_from[key] = index + 1
        line_start = text.rfind("\n", 0, index) + 1
        return first_line + text.count("\n", 0, index), index - line_start + 1

    return locate


def _find(text: str, needle: str, start: int, exact: bool) -> re.Match[str] | None:
    """``needle`` in ``text`` from ``start``, any run of whitespace matching any other. Not
    ``exact``: else its longest word, as attr_list rewrites a name it cannot use
    ('#x"onclick' → "_x_onclick")."""
    if not needle:
        return None
    pattern = r"\s+".join(re.escape(part) for part in needle.split())
    match = re.compile(pattern).search(text, start)
    if match is None and not exact:
        word = max(re.findall(r"[A-Za-z0-9]+", needle) or [""], key=len)
        match = re.compile(re.escape(word)).search(text, start) if word else None
    return match


# --- what is found --------------------------------------------------------------------------


def _check_fences(text: str, first_line: int, sink: ProblemSink) -> None:
    """The { } of a fenced code block ("``` { .text onclick=… }"). fenced_code, which MkDocs
    always enables, copies every key there onto the <code> element; the inspector never sees it,
    because fenced_code keeps the finished block away from the tree. Only #id and .class pass."""
    if "```" not in text and "~~~" not in text:
        return
    for offset, shown in _fence_attributes(text):
        line = first_line + text.count("\n", 0, offset)
        column = offset - text.rfind("\n", 0, offset)
        sink.error(
            line,
            column,
            "unsafe-attribute",
            f'Koodilohkon aaltosulkeissa on "{shown}". Koodilohkon {{ }} saa antaa vain '
            "tunnisteen (#nimi) ja luokkia (.nimi), joita sivuston teema ei tulkitse; poista muut.",
        )


def _fence_attributes(text: str) -> Iterator[tuple[int, str]]:
    """(offset, as written) of the first attribute each fenced code block's { } may not have."""
    for match in _FENCE.finditer(text):
        attributes = match.group("attrs")
        if not attributes:
            continue
        pairs, _ = get_attrs_and_remainder(attributes)
        for key, value in pairs:
            if key in ("id", ".") and not (key == "." and value in RESERVED_CLASSES):
                continue
            offset = match.start("attrs") + max(attributes.find(value if key == "." else key), 0)
            yield offset, f".{value}" if key == "." else key
            break


def _report_raw_html(blocks: list, skip: set[int], locate: Callable, sink: ProblemSink) -> set[int]:
    """A raw-html problem for each block of contributor HTML Python-Markdown set aside; the lines.
    Blocks that are not in the text are the sentinel's (reported as html-in-code if it broke)."""
    reported: set[int] = set()
    for index, block in enumerate(blocks):
        if index in skip:
            continue
        raw = f"<{block.tag}" if isinstance(block, Element) else str(block).strip()
        if not raw or _ENTITY.fullmatch(raw):
            continue  # "&lt;" is a character, not HTML (and is allowed in every body alike)
        tag = re.match(r"<\s*/?\s*([a-zA-Z0-9!-]*)", raw)
        shown = tag.group(0) + ">" if tag else raw[:20]
        where = locate(raw.splitlines()[0], exact=True)
        if where is None:
            continue
        line, column = where
        if line in reported:
            continue  # "<b>x</b>" is one problem, not two
        reported.add(line)
        sink.error(
            line,
            column,
            "raw-html",
            f'Kuvauksessa on HTML-koodia ("{shown}"). Kirjoita kuvaus Markdownina: **lihavointi**, '
            "*kursiivi*, [linkin teksti](https://osoite) ja väliotsikko ##-merkeillä. Jos tarkoitit "
            "pienempi kuin -merkkiä, kirjoita sen ympärille välilyönnit.",
        )
    return reported


def _report_inspected(found: list[tuple[str, str, str]], locate: Callable, sink: ProblemSink) -> None:
    for rule, needle, detail in found:
        line, column = locate(needle)
        if rule == "unsafe-link":
            sink.error(
                line,
                column,
                "unsafe-link",
                f'Linkin osoite alkaa "{detail}:", joka ei ole sallittu. Linkit alkavat http://, '
                "https:// tai mailto:, tai ne ovat suhteellisia sivuston sisäisiä linkkejä.",
            )
        elif rule == "remote-image":
            sink.error(
                line,
                column,
                "remote-image",
                f'Kuvauksessa on kuva toiselta palvelimelta ("{detail[:80]}"). Sivusto ei hae mitään '
                "muilta palvelimilta, jotta lukijoiden tiedot eivät päädy niille, eikä luetteloon "
                "tallenneta kuvia. Linkitä kuvaan tavallisella linkillä ilman huutomerkkiä: "
                "[Kuvan kuvaus](https://osoite/kuva.jpg).",
            )
        elif rule == "reserved-class":
            sink.error(
                line,
                column,
                "unsafe-attribute",
                f'Kuvauksessa annetaan luokka ".{detail}", jonka sivuston teema tulkitsee (esimerkiksi '
                ".mermaid hakisi ohjelmakoodia toiselta palvelimelta). Poista se.",
            )
        else:
            sink.error(
                line,
                column,
                "unsafe-attribute",
                f'Kuvauksessa asetetaan HTML-määrite "{detail}" aaltosulkeilla. Aaltosulkeissa '
                "{ } saa antaa vain tunnisteen (#nimi) tai luokan (.nimi); poista muut määritteet.",
            )


def _report_violations(text: str, alone: str, first_line: int, sink: ProblemSink) -> None:
    """Never expected: the checks above cover what Markdown makes. A safety net for HTML outside
    the allowlist in the body's rendering (``alone``), located at the first markup-like character."""
    found = violations(alone)
    if not found:
        return
    markup = re.search(r"[<&{\[!]", text)
    index = markup.start() if markup else 0
    line_start = text.rfind("\n", 0, index) + 1
    sink.error(
        first_line + text.count("\n", 0, index),
        index - line_start + 1,
        "raw-html",
        f"Kuvauksesta syntyisi HTML-koodia, jota sivulla ei sallita ({found[0]}). "
        "Kirjoita kuvaus tavallisena Markdownina.",
    )
