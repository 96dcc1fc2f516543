"""Bodies Python-Markdown would take too long over: refused unparsed, at their line and column.

Python-Markdown is linear on honest text, and superlinear on a few constructs (issue 18, finding
H; ``benchmarks/pathological_bodies.py`` searches for them and times each):

- a link or image opener (``[``, and ``(`` after ``]``) is scanned character by character to
  its closing bracket, or to the end of its paragraph when there is none (``[a](`` × 499 and a
  flood of ``(``: 3 s);
- a tag opener (``<a``, ``</a``, ``<!--``) is scanned to its ``>``, or to the end of the body
  when there is none or a quote opens an attribute value (a flood of ``<a ``: 78 s); ``<![`` takes
  the HTML reader's slow path (12,000 characters of it: 5 s);
- a heading, a rule or a setext underline is split off its block line by line, and the rest of
  the block is read again each time (24,000 headings without blank lines: 45 s);
- every inline match (a link, emphasis, code, an escape) and every line rebuilds its paragraph's
  text (9,000 links in one 90 KB paragraph: 0.3 s),
  and every ``<`` stops the HTML reader and the inline patterns (48,000 of them: 0.2 s a rendering);
- every line costs some 25 µs once per list or quote around it: linear, but a body of 12,000
  one-line quotes, or lines nested 39 deep, takes over half a second.

The check estimates that work from the body's text alone, in one pass, and refuses a body whose
estimate is over :data:`BUDGET` seconds, located at the first opener that has no end (or the
first line of the block that is split) in the block that costs the most, with a Finnish message
saying what to change. The estimate's unit costs were measured on the 2-core machine the project
runs on and round up. Nesting deeper than :data:`MAX_NESTING` lists or quotes makes Markdown
recurse and is refused the same way. Most bodies are cleared from a few ``str.count`` calls.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown.extensions.fenced_code import FencedBlockPreprocessor

from generator.core.problems import ProblemSink

MAX_NESTING = 40
# The estimated superlinear work a body may cost Python-Markdown, in seconds, per rendering.
BUDGET = 0.1
# Seconds per unit of work (benchmarks/pathological_bodies.py, 2 shared cores, rounded up).
BRACKET_SCAN = 1e-7  # a character a link or image opener is scanned past
TAG_SCAN = 6e-8  # a character the HTML reader scans past for an unterminated tag
MARKED_SECTION = 1e-6  # a character after "<![" (the HTML reader's slow path)
LESS_THAN = 4e-6  # any "<": the HTML reader and the inline patterns each stop at it
SPLIT = 6e-8  # a character of a block read again after a heading, rule or underline is split off
REBUILD = 1.5e-9  # a character of a block rebuilt for each inline match or line
BLOCK_LINE = 25e-6  # a line, once per list or quote it is nested in
FENCE = 50e-6  # a fenced code block (fenced_code's search for the next one starts over)

# A line that may nest deeply: ten container markers, or indentation of ten levels. Only such
# bodies are looked at line by line.
_MAYBE_DEEP = re.compile(r"^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])){10}|^[ \t]{40}", re.MULTILINE)
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*")
_NESTED_LINE = re.compile(r"^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])|[ \t]{4}|\t)[^\n]*", re.MULTILINE)
_FENCE = FencedBlockPreprocessor.FENCED_BLOCK_RE
_BLANK = re.compile(r"\n[ \t]*(?=\n)")
_BRACKETS = re.compile(r"\\.|[\[\]()]", re.DOTALL)
_QUOTE = re.compile(r"[\"']")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
# A line a block processor splits off its block: an ATX heading, a setext underline or a rule,
# an admonition.
_SPLIT_LINE = re.compile(
    r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$|(?:[-*_][ \t]*){3,}$|!!!)", re.MULTILINE
)
_INLINE = re.compile(r"[*_`\\&]")  # what starts an inline match (brackets and tags: above)


@dataclass(frozen=True)
class _Cost:
    """The estimated work of one kind in one block: seconds, and where to point the contributor."""

    kind: str
    seconds: float
    offset: int  # in the body's text


def too_complex(text: str, first_line: int, sink: ProblemSink) -> bool:
    """Refuse, at its line, nesting or work that would make Markdown recurse or crawl (in this
    check and in the site build alike). True when something was refused."""
    if _too_deep(text, first_line, sink):
        return True
    if _upper_bound(text) <= BUDGET:
        return False  # most bodies: a few counts in C
    costs = [*_costs(_without_fences(text)), _fence_cost(text)]
    total: dict[str, float] = {}
    for cost in costs:
        total[cost.kind] = total.get(cost.kind, 0.0) + cost.seconds
    if sum(total.values()) <= BUDGET:
        return False
    kind = max(sorted(total), key=total.__getitem__)
    worst = max((c for c in costs if c.kind == kind), key=lambda c: c.seconds)
    line_start = text.rfind("\n", 0, worst.offset) + 1
    sink.error(
        first_line + text.count("\n", 0, worst.offset),
        worst.offset - line_start + 1,
        "body-too-complex",
        MESSAGES[kind],
    )
    return True


MESSAGES = {
    "brackets": (
        "Tässä on [- tai (-merkki, jolle ei löydy paria kappaleen lopusta, ja niitä on kuvauksessa "
        "niin paljon, että sivuston rakentaminen hidastuisi. Sulje hakasulkeet ja linkkien sulkeet, "
        "kirjoita erillinen merkki muodossa \\[ tai \\(, tai jaa pitkä kappale tyhjillä riveillä."
    ),
    "tags": (
        "Tässä on <-merkki, jota seuraa kirjain eikä sille löydy paria (>), ja niitä on kuvauksessa "
        "niin paljon, että sivuston rakentaminen hidastuisi. Kirjoita pienempi kuin -merkin perään "
        "välilyönti tai kirjoita se muodossa &lt;."
    ),
    "less-than": (
        "Kuvauksessa on tästä alkaen hyvin paljon <-merkkejä, mikä hidastaisi sivuston rakentamista. "
        "Kirjoita pienempi kuin sanoin tai käytä niitä harvemmin."
    ),
    "splits": (
        "Tästä alkaa kappale, jossa on paljon otsikoita, vaakaviivoja tai alleviivauksia ilman "
        "tyhjää riviä välissä, mikä hidastaisi sivuston rakentamista. Jätä tyhjä rivi jokaisen "
        "otsikon ja vaakaviivan ympärille."
    ),
    "blocks": (
        "Kuvauksessa on hyvin paljon rivejä tai lohkoja, osin syvälle sisäkkäisissä luetteloissa tai "
        "lainauksissa (tällä rivillä syvimmin), mikä hidastaisi sivuston rakentamista. Yhdistä lyhyet "
        "kappaleet ja luettelon kohdat tai vähennä sisäkkäisyyttä."
    ),
    "rebuild": (
        "Tästä alkaa kappale, joka on hyvin pitkä ja jossa on paljon muotoilumerkkejä (*, _, `, \\) "
        "tai rivejä, mikä hidastaisi sivuston rakentamista. Jaa se lyhyempiin kappaleisiin "
        "tyhjillä riveillä."
    ),
}


def _too_deep(text: str, first_line: int, sink: ProblemSink) -> bool:
    if _MAYBE_DEEP.search(text) is None:
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
    return False


def _upper_bound(text: str) -> float:
    """An upper bound of the estimate from counts alone: every opener scanned to the end, every
    line nested as deep as allowed (counted only for a body of many lines)."""
    n, lines = len(text), text.count("\n") + 1
    nested = BLOCK_LINE * lines * (MAX_NESTING + 1)
    if nested > BUDGET / 2:
        nested = BLOCK_LINE * (lines + sum(text.count(marker) for marker in _MARKERS))
    return (
        n
        * (
            BRACKET_SCAN * (text.count("[") + text.count("("))
            + TAG_SCAN * text.count("<")
            + MARKED_SECTION * text.count("<![")
            + SPLIT * lines
            + REBUILD * (sum(text.count(c) for c in "*_`\\&") + text.count("](") + lines)
        )
        + LESS_THAN * text.count("<")
        + nested
        + FENCE * (text.count("```") + text.count("~~~"))
    )


_MARKERS = (">", "- ", "* ", "+ ", ". ", ") ", "    ", "\t")


def _without_fences(text: str) -> str:
    """``text`` with every fenced code block blanked (newlines kept): fenced_code sets them aside
    before anything else reads the body."""
    if "```" not in text and "~~~" not in text:
        return text
    return _FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _fence_cost(text: str) -> _Cost:
    """Fenced code blocks, pointed at the first."""
    fences = list(_FENCE.finditer(text)) if "```" in text or "~~~" in text else []
    return _Cost("blocks", FENCE * len(fences), fences[0].start() if fences else 0)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every block between blank lines."""
    start = 0
    for match in _BLANK.finditer(text):
        yield start, match.start()
        start = match.end() + 1
    yield start, len(text)


def _costs(text: str) -> Iterator[_Cost]:
    for start, end in _blocks(text):
        if end - start < 2:
            continue
        yield from _bracket_costs(text, start, end)
        yield from _split_costs(text, start, end)
        block = text[start:end]
        matches = len(_INLINE.findall(block)) + block.count("](") + block.count("\n")
        yield _Cost("rebuild", REBUILD * matches * (end - start), start)
    yield from _tag_costs(text)
    yield from _line_costs(text)


def _bracket_costs(text: str, start: int, end: int) -> Iterator[_Cost]:
    """Link and image openers: each "[" to its "]", each "(" after "]" to its ")" (to the end of
    the block when there is none, or when a quote in it may open a title that never closes)."""
    open_brackets: list[int] = []
    open_parens: list[int] = []
    closing: dict[int, int] = {}
    for match in _BRACKETS.finditer(text, start, end):
        char, at = match.group(0), match.start()
        if char == "[":
            open_brackets.append(at)
        elif char == "]" and open_brackets:
            closing[open_brackets.pop()] = at
        elif char == "(":
            open_parens.append(at)
        elif char == ")" and open_parens:
            closing[open_parens.pop()] = at
    quotes = [m.start() for m in _QUOTE.finditer(text, start, end)]
    units, first_open = 0, -1
    for match in _BRACKETS.finditer(text, start, end):
        char, at = match.group(0), match.start()
        if char == "(" and not (at > start and text[at - 1] == "]"):
            continue
        if char not in "[(":
            continue
        stop = closing.get(at, end)
        index = bisect.bisect_right(quotes, at)
        if char == "(" and stop < end and index < len(quotes) and quotes[index] < stop:
            last = len(text[max(at, stop - 80) : stop].rstrip(" ")) + max(at, stop - 80) - 1
            if last <= at or text[last] not in "\"'":
                stop = end  # a quote that may open a title that never closes: scanned to the end
        units += stop - at
        if stop == end and first_open == -1:
            first_open = at
    if units:
        yield _Cost("brackets", BRACKET_SCAN * units, first_open if first_open != -1 else start)


def _split_costs(text: str, start: int, end: int) -> Iterator[_Cost]:
    """Headings, rules and underlines in a block of several lines: each split off, the rest of
    the block read again."""
    units, first = 0, -1
    for match in _SPLIT_LINE.finditer(text, start, end):
        units += end - match.start()
        first = match.start() if first == -1 else first
    if units:
        yield _Cost("splits", SPLIT * units, first)


def _line_costs(text: str) -> Iterator[_Cost]:
    """Every line that is not blank, once more for each list or quote it is nested in; pointed
    at the most deeply nested line (the first line when none is)."""
    units = len(text.split("\n")) - len(_BLANK.findall(text))
    deepest, where = 0, 0
    for match in _NESTED_LINE.finditer(text):
        line, depth, position = match.group(0), 0, 0
        while found := _CONTAINER.match(line, position):
            if found.end() == position:
                break
            depth, position = depth + 1, found.end()
        depth += (len(line) - len(line.lstrip(" \t"))) // 4
        units += depth
        if depth > deepest:
            deepest, where = depth, match.start()
    yield _Cost("blocks", BLOCK_LINE * units, where)


def _tag_costs(text: str) -> Iterator[_Cost]:
    """Tag openers, scanned to their ">" (to the end of the body when there is none, or a quote
    comes first); "<![" scanned to the end on the HTML reader's slow path."""
    n = len(text)
    openers = [m.start() for m in _TAG.finditer(text)]
    if "<" in text:
        yield _Cost("less-than", LESS_THAN * text.count("<"), text.index("<"))
    if not openers:
        return
    closers = [m.start() for m in re.finditer(">", text)]
    quotes = [m.start() for m in _QUOTE.finditer(text)]
    comment_ends = [m.start() for m in re.finditer("-->", text)]
    units, marked, first_open = 0, 0, -1
    for at in openers:
        if text.startswith("<![", at):
            marked += n - at
            first_open = at if first_open == -1 else first_open
            continue
        ends = comment_ends if text.startswith("<!--", at) else closers
        index = bisect.bisect_right(ends, at)
        stop = ends[index] if index < len(ends) else n
        quote = bisect.bisect_right(quotes, at)
        if stop < n and quote < len(quotes) and quotes[quote] < stop and not text.startswith("<!--", at):
            stop = n  # an attribute value that opens before the ">" may run to the end
        units += stop - at
        if stop == n and first_open == -1:
            first_open = at
    where = first_open if first_open != -1 else openers[0]
    yield _Cost("tags", TAG_SCAN * units + MARKED_SECTION * marked, where)
