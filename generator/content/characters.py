"""Control characters in content: refused wherever they are, each at its own place.

Refused (rule ``control-character``): the C0 controls other than tab and line feed, DEL, the C1
controls (U+0080–U+009F), and the bidi embeddings, overrides and isolates (U+202A–U+202E,
U+2066–U+2069). None of them belongs in a catalogue text, and each can do harm: ESC and CR
rewrite what a terminal or a CI log shows (a fake "0 virhettä" over the real result), and a bidi
override shows text in another order than it is stored, in a pull request as on the site.

They reach a value in two ways, and each is reported where it is written:

- in the file itself: :func:`check_control_characters` scans the raw text of every content file
  (entries, translated bodies, intros, vocabularies) and reports the exact line and column;
- as an escape in a double-quoted YAML value (``"\\e"``, ``"\\x01"``, ``"\\u202e"``): the value
  decodes to the character, and :func:`generator.content.yamltree.compose` reports it at the value.

Other invisible characters have legitimate uses in text and pass: the zero-width joiner and
non-joiner (Indic scripts, emoji), the left-to-right and right-to-left marks (punctuation next
to Arabic or Hebrew words), the soft hyphen, no-break spaces and the byte order mark. Markup that
could hide behind them is checked on its own (``unsafe-link`` drops them before reading a scheme).
"""

from __future__ import annotations

from generator.core.controls import REFUSED
from generator.core.problems import ProblemSink

CONTROL_RULE = "control-character"

CONTROL_CHARACTER = REFUSED

_C0 = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
]  # fmt: skip
_C1 = [
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA",
    "HTS", "HTJ", "VTS", "PLD", "PLU", "RI", "SS2", "SS3",
    "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA",
    "SOS", "SGCI", "SCI", "CSI", "ST", "OSC", "PM", "APC",
]  # fmt: skip
_BIDI = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}


def character_name(char: str) -> str:
    """``U+001B (ESC)``: the code point and its usual abbreviation."""
    code = ord(char)
    if code < 0x20:
        short = _C0[code]
    elif code == 0x7F:
        short = "DEL"
    elif 0x80 <= code <= 0x9F:
        short = _C1[code - 0x80]
    else:
        short = _BIDI.get(char, "")
    return f"U+{code:04X} ({short})" if short else f"U+{code:04X}"


def _what(char: str) -> str:
    if char in _BIDI:
        return (
            f"näkymätön tekstin suunnan ohjausmerkki {character_name(char)}, joka näyttää tekstin eri "
            "järjestyksessä kuin se on kirjoitettu"
        )
    return (
        f"ohjausmerkki {character_name(char)}, joka ei kuulu tekstiin ja voi sotkea sivun, avoimen "
        "datan ja päätteen tulosteen"
    )


def written_message(char: str, more: int = 0) -> str:
    """The message for a character written in the file itself; ``more``: others on its line."""
    if more == 1:
        others = " Rivillä on lisäksi yksi toinen tällainen merkki."
    else:
        others = f" Rivillä on lisäksi {more} muuta tällaista merkkiä." if more else ""
    return (
        f"Tässä kohdassa on {_what(char)}. Poista merkki (se tulee usein mukaan kopioitaessa "
        "tekstiä toisesta ohjelmasta). Monessa editorissa se on näkymätön: siirry tähän "
        f"sarakkeeseen ja poista se, tai kirjoita kohta uudelleen.{others}"
    )


def escaped_message(char: str) -> str:
    """The message for a character written as an escape in a double-quoted YAML value."""
    return (
        f"Arvossa on {_what(char)}. Se on kirjoitettu lainausmerkkien sisään kenoviivakoodina "
        "(esimerkiksi \\e, \\x1b tai \\u202e). Poista koodi arvosta."
    )


def first_control_character(text: str) -> str | None:
    """The first refused character in ``text``, or None."""
    found = CONTROL_CHARACTER.search(text)
    return found.group() if found else None


def check_control_characters(text: str, sink: ProblemSink) -> None:
    """Report the first refused character of every line of a file's (normalised) ``text``."""
    found = CONTROL_CHARACTER.search(text)
    if found is None:
        return  # nearly every file: one pass in C
    line, counted = 1, 0  # the line number of offset ``counted``
    while found is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        line += text.count("\n", counted, start)
        counted = start
        more = len(CONTROL_CHARACTER.findall(text, found.end(), end))
        sink.error(line, found.start() - start + 1, CONTROL_RULE, written_message(found.group(), more))
        found = CONTROL_CHARACTER.search(text, end)


def reported_lines(sink: ProblemSink) -> set[int]:
    """The lines of the sink's file where a refused character has been reported (by the scan)."""
    return {p.line for p in sink.problems if p.rule == CONTROL_RULE and p.path == sink.path}
