"""YAML that cannot be read: each parser error located at the construct it breaks, with a hint
in Finnish on how to fix it."""

from __future__ import annotations

import yaml

from generator.content.yamltree.positions import YAML_ONLY_BREAKS, Positions
from generator.core.problems import ProblemSink

_TAB_HINT = "Sarkainmerkki (tab) ei kelpaa YAML-sisennykseen. Käytä välilyöntejä."
_SYNTAX_HINTS = (
    ("tab character", _TAB_HINT),
    (
        "mapping values are not allowed",
        "Arvossa on kaksoispiste ja välilyönti (': '). Laita koko arvo lainausmerkkeihin, "
        'esimerkiksi title: "Kokeilu: uusi malli".',
    ),
    (
        "could not find expected ':'",
        "Rivillä pitäisi olla muoto avain: arvo. Tarkista, puuttuuko kaksoispiste tai onko "
        "edellisen rivin arvo jakautunut usealle riville ilman sisennystä.",
    ),
    (
        "found unexpected end of stream",
        "Lainausmerkki tai sulje jäi sulkematta. Tarkista, että jokainen \" ' [ ja { suljetaan.",
    ),
    (
        "did not find expected key",
        "Sisennys ei täsmää. Kirjoita saman ryhmän kentät samaan sarakkeeseen.",
    ),
    (
        "expected <block end>",
        "Sisennys ei täsmää. Kirjoita saman ryhmän kentät samaan sarakkeeseen ja listan "
        "alkiot riveille, jotka alkavat '- '.",
    ),
    (
        "did not find expected '-' indicator",
        "Listan alkiot pitää kirjoittaa samaan sarakkeeseen, kukin rivin alkuun '- '.",
    ),
    (
        "did not find expected ',' or ']'",
        "Hakasulkeissa [ ] olevat alkiot erotetaan pilkuilla, ja lista suljetaan merkillä ].",
    ),
    (
        "did not find expected ',' or '}'",
        "Aaltosulkeissa { } olevat kentät erotetaan pilkuilla, ja ryhmä suljetaan merkillä }.",
    ),
    (
        "found undefined tag handle",
        "Arvo ei voi alkaa !-merkillä. Laita arvo lainausmerkkeihin.",
    ),
)
_BREAK_NAMES = {"\x85": "U+0085 (NEL)", "\u2028": "U+2028 (LS)", "\u2029": "U+2029 (PS)"}


def too_deep(max_depth: int) -> str:
    return (
        f"Sisäkkäisiä listoja tai ryhmiä on yli {max_depth} tasoa. Etutietojen rakenne on tätä "
        "paljon matalampi; tarkista sisennykset."
    )


def report_syntax_error(
    error: yaml.MarkedYAMLError, marks: Positions, sink: ProblemSink, max_depth: int
) -> None:
    """Report a parser error at the start of the construct that is broken: the key without a
    colon, the quote that was never closed."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or ""
    starts_it = "could not find expected ':'" in problem or "unexpected end of stream" in problem
    if error.context_mark is not None and starts_it:
        mark = error.context_mark
    line, column = marks.position(mark) if mark is not None else (marks.first_line, 1)
    if "maximum nesting depth" in problem:
        # libyaml's own limit (1,000 levels), met before the events reach the limit of the tree:
        # its scanner reads a run of [ ahead of the parser.
        sink.error(line, column, "yaml-too-deep", too_deep(max_depth))
    else:
        sink.error(line, column, "yaml-syntax", _syntax_message(error, marks, mark))


def report_reader_error(error: yaml.reader.ReaderError, marks: Positions, sink: ProblemSink) -> None:
    """Report a character YAML does not accept at all, at the character itself."""
    code = error.character if isinstance(error.character, int) else ord(error.character)
    # libyaml reports a byte offset, PyYAML a character index: find the character itself.
    position = marks.text.find(chr(code))
    position = error.position if position < 0 else position
    line, column = marks.file_position(position)
    sink.error(
        line,
        column,
        "yaml-syntax",
        f"Tiedostossa on ohjausmerkki U+{code:04X}, jota YAML ei hyväksy. Poista se "
        "(se on usein tullut mukaan kopioitaessa tekstiä toisesta ohjelmasta).",
    )


def _syntax_message(error: yaml.MarkedYAMLError, marks: Positions, mark: yaml.Mark | None) -> str:
    problem = (error.problem or "").strip()
    hint = _break_hint(marks, mark)
    if hint is None and "cannot start any token" in problem:
        hint = _character_hint(marks, error.problem_mark)
    hint = hint or next((text for key, text in _SYNTAX_HINTS if key in problem), None)
    detail = f"({problem})" if problem else ""
    if hint is None:
        hint = "Tarkista sisennykset, kaksoispisteet ja lainausmerkit."
    return f"YAML-muotoa ei voi lukea: {hint} {detail}".strip()


def _character_hint(marks: Positions, mark: yaml.Mark | None) -> str | None:
    """A hint for "found character … that cannot start any token", from the character itself.

    libyaml does not name the character in its message, so look it up at the mark.
    """
    if mark is None:
        return None
    offset = marks.offset(mark)
    if offset >= len(marks.text) or marks.text[offset] == "\n":
        return None
    char = marks.text[offset]
    if char == "\t":
        return _TAB_HINT
    return f"Arvo ei voi alkaa merkillä {char}. Laita arvo lainausmerkkeihin."


def _break_hint(marks: Positions, mark: yaml.Mark | None) -> str | None:
    """A hint when the broken line has a line break only YAML sees (NEL, LS or PS)."""
    if mark is None or marks.lines is None:
        return None
    found = YAML_ONLY_BREAKS.search(marks.line_text(mark))
    if found is None:
        return None
    return (
        f"Rivillä on näkymätön rivinvaihtomerkki {_BREAK_NAMES[found.group()]}, jonka YAML lukee "
        "rivin vaihdoksi. Poista se (se tulee usein mukaan kopioitaessa tekstiä toisesta ohjelmasta)."
    )
