"""Placeholders ``kokeilu new`` writes for the contributor to replace, and the rule that finds them.

A scaffolded file is valid, so it can be checked and previewed at once, but a placeholder must
never reach the published site unnoticed: ``kokeilu check`` warns at each one, and the
pull-request annotations and ``kokeilu diff`` show the warnings on the changed lines.
"""

from __future__ import annotations

from generator.content.frontmatter import published_lines
from generator.core.problems import ProblemSink

MARKER = "TÄYDENNÄ"
PLACEHOLDER_URL = "https://www.example.fi/korvaa-tama-lahteen-osoitteella"


def check_placeholders(text: str, sink: ProblemSink) -> None:
    """Warn at every placeholder in a file's ``text``; YAML comment lines are hints and skipped."""
    if MARKER not in text and PLACEHOLDER_URL not in text:
        return  # most files
    for number, line in published_lines(text):
        for needle, message in (
            (
                MARKER,
                "Tässä on vielä kokeilu new -komennon täyttöteksti TÄYDENNÄ. Kirjoita sen tilalle "
                "oikea teksti.",
            ),
            (
                PLACEHOLDER_URL,
                "Tässä on vielä kokeilu new -komennon malliosoite. Korvaa se lähteen oikealla "
                "verkko-osoitteella.",
            ),
        ):
            column = line.find(needle)
            if column >= 0:
                sink.warning(number, column + 1, "placeholder", message)
