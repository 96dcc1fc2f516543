"""Bodies Python-Markdown would take too long over: refused unparsed, at their line.

Python-Markdown recurses once per nested list or quote and looks for the end of every unclosed
"[" to the end of its paragraph; bodies past these limits are refused before anything parses them
(in the check and, because the check refuses them, in the site build alike).
"""

from __future__ import annotations

import re

from generator.problems import ProblemSink

MAX_NESTING = 40
MAX_BRACKETS = 500  # unclosed-bracket work grows with brackets × paragraph length
# A line that may nest deeply: ten container markers, or indentation of ten levels. Only such
# bodies are looked at line by line.
_MAYBE_DEEP = re.compile(r"^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])){10}|^[ \t]{40}", re.MULTILINE)
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*")


def too_complex(text: str, first_line: int, sink: ProblemSink) -> bool:
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
