"""A body inside the language wrapper: it must render there exactly as on its own page.

On the pages in another language a body is put inside :func:`generator.content.markup.wrap_language`,
where md_in_html reads it as HTML *before* Markdown finds code spans and indented code. A body
passes when its rendering with :data:`SENTINEL` after it ends with the sentinel as it went in,
and, when it holds a character the wrapper's HTML reader acts on, its wrapped rendering is the
wrapper around its own, character for character. Otherwise ``html-in-code`` is reported at the
line whose addition makes the two differ (generator/content/body.py explains the policy).
"""

from __future__ import annotations

import functools
import re

import markdown
from markdown.extensions.fenced_code import FencedBlockPreprocessor

from generator.content.markup import WRAPPER_CLASS, site_markdown, wrap_language
from generator.core.problems import ProblemSink

# The characters the constructs that could put HTML, a link or an attribute on a page need: a
# text without any of them renders as plain paragraphs, the same everywhere.
MARKDOWN_TRIGGERS = ("<", "&", "](", "]:", "{", "!!!")
# The characters md_in_html's HTML reader acts on: a body without them reads the same wrapped.
_WRAPPER_TRIGGERS = ("<", "&")
# The opening line of a fenced code block, as fenced_code reads it.
_FENCE = FencedBlockPreprocessor.FENCED_BLOCK_RE
# An HTML block like those the page puts after a body, with Markdown in it: it must come out of
# the rendering as it went in, or the body changes how the page around it is read.
SENTINEL = '<p class="kk-after">[a](#b) *c*</p>'


@functools.cache
def _renderer() -> markdown.Markdown:
    """A plain parser with the site's Markdown, for the wrapped rendering."""
    return site_markdown()


def _render(text: str) -> str:
    md = _renderer()
    md.reset()
    return md.convert(text)


def with_sentinel(text: str) -> str:
    return text.rstrip() + "\n\n" + SENTINEL + "\n"


def read_alike(text: str, alone: str | None = None) -> bool:
    """Whether ``text`` leaves what follows it on the page alone (the sentinel after it comes
    out as it went in) and, when it holds a character the wrapper's HTML reader acts on, renders
    inside the language wrapper exactly as on its own. ``alone``: its own rendering with the
    sentinel, if already made."""
    if alone is None:
        alone = _render(with_sentinel(text))
    if not alone.endswith(SENTINEL):
        return False
    if not any(c in text for c in _WRAPPER_TRIGGERS):
        return True
    inner = alone[: -len(SENTINEL)].rstrip("\n")
    wrapped = _render(wrap_language(text, "fi") + "\n" + SENTINEL + "\n")
    return wrapped == f'<div class="{WRAPPER_CLASS}" lang="fi">\n{inner}\n</div>\n{SENTINEL}'


def report_wrapper(text: str, first_line: int, sink: ProblemSink, reported: set[int]) -> None:
    """html-in-code at the first line that reads differently wrapped, unless that line has a
    problem already (raw HTML, or an address with a script scheme, also reads differently)."""
    offset = _first_changed_line(text)
    if first_line + offset in reported:
        return
    line = text.split("\n")[offset]
    found = re.search(r"<[^\s<>]{0,30}>?|&#?\w{0,30};?", line)
    column = found.start() + 1 if found else 1
    shown = f' ("{found.group(0)}")' if found else ""
    sink.error(
        first_line + offset,
        column,
        "html-in-code",
        f"Tällä rivillä oleva merkintä{shown} näkyy suomenkielisellä sivulla tekstinä, mutta "
        "toisen kielen sivulla kuvaus näytetään kielikehyksessä, joka lukisi sen HTML-koodiksi. "
        "Kirjoita HTML-esimerkit omaan koodilohkoonsa: rivi ``` ennen ja jälkeen, rivin alussa "
        "eikä luettelon sisällä. Muualla kirjoita < ja & ilman perään tulevaa kirjainta.",
    )


def _first_changed_line(text: str) -> int:
    """The 0-based line whose addition makes the body read differently (wrapped, or in what
    follows it). The blocks between blank lines (outside fenced code) are tried one by one
    first, each on its own, so a long body costs about one more rendering; within the first
    block that reads differently, and else within the whole body, the shortest prefix of whole
    lines that does is found by bisection."""
    lines = text.split("\n")
    fenced = _fenced_lines(text)
    first, last = _first_changed_block(lines, fenced)
    cuts = [n for n in range(first + 1, last + 1) if n not in fenced]
    low, high = 0, len(cuts) - 1
    while low < high:
        middle = (low + high) // 2
        if read_alike("\n".join(lines[first : cuts[middle]]) + "\n"):
            low = middle + 1
        else:
            high = middle
    return cuts[high] - 1 if cuts else first


def _fenced_lines(text: str) -> set[int]:
    """The 0-based lines inside fenced code blocks (after their opening line)."""
    fenced = set()
    for match in _FENCE.finditer(text):
        start = text.count("\n", 0, match.start())
        fenced.update(range(start + 1, text.count("\n", 0, match.end()) + 1))
    return fenced


def _first_changed_block(lines: list[str], fenced: set[int]) -> tuple[int, int]:
    """The lines [first, last) of the first block between blank lines that reads differently on
    its own; the whole text when none does."""
    blank = [n for n, line in enumerate(lines) if not line.strip() and n not in fenced]
    for start, end in zip([-1, *blank], [*blank, len(lines)], strict=True):
        block = "\n".join(lines[start + 1 : end]) + "\n"
        if block.strip() and any(c in block for c in MARKDOWN_TRIGGERS) and not read_alike(block):
            return start + 1, end
    return 0, len(lines)
