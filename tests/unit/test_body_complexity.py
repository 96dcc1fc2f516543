"""Bodies Python-Markdown would crawl over are refused unparsed, at their line and column.

Issue 18, finding H: about 96 KB of ``[a](`` followed by a flood of ``(`` or ``"``, or of ``<a``,
took 3–6 s to check and some 18 s to build; benchmarks/pathological_bodies.py found more (tag
floods, ``<![``, headings and underlines without blank lines, floods of one-line blocks, deep
nesting). Each is refused here (``body-too-complex``) at the opener that has no end, or at the
block that would be read again and again, and honest long bodies still pass. No timing is
asserted: the benchmark measures them.
"""

from __future__ import annotations

import pytest

from generator.content.body import check_body
from generator.core.problems import ProblemSink
from tests.support import VALID_EXPERIMENT, located

SIZE = 96_000
INTRO = "Johdanto.\n\n"  # the construct starts on line 3


def fill(unit: str, size: int = SIZE - len(INTRO)) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _problems(text: str) -> list[tuple[int, int, str]]:
    sink = ProblemSink("x.md")
    check_body(text, 1, sink)
    return sorted((p.line, p.column, p.rule) for p in sink.problems)


# (construct, body after the intro, the line and column of the refusal)
PATHOLOGICAL = [
    ("links then a flood of (", "[a](" * 499 + fill("(", SIZE - 2000), 3, 4),
    ("links then a flood of quotes", "[a](" * 499 + fill('"', SIZE - 2000), 3, 4),
    ("links with an angle bracket", "[a](<" * 400 + fill("<", SIZE - 2000), 3, 4),
    ("empty links", fill("[]("), 3, 3),
    ("images then a flood of (", "![a](" * 400 + fill("(", SIZE - 2000), 3, 5),
    ("nested brackets", "[" * 499 + fill("a]("), 3, 502),
    ("unclosed brackets in paragraphs", fill(fill("[a ", 1998) + "\n\n"), 3, 1),
    ("a flood of <a", fill("<a "), 3, 1),
    ("a flood of <a with a quote", fill('<a x="'), 3, 1),
    ("a flood of <![CDATA[", fill("<![CDATA["), 3, 1),
    ("a flood of unclosed autolinks", fill("<https://www.example.fi/ "), 3, 1),
    ("headings without blank lines", fill("# a\n"), 3, 1),
    ("setext headings without blank lines", fill("a\n===\n"), 4, 1),
    ("rules without blank lines", fill("---\n"), 3, 1),
    ("emphasis in one paragraph", fill("*a* "), 3, 1),
    ("links in one paragraph", fill('[a](x "t")'), 3, 1),
    ("escapes in one paragraph", fill("\\*"), 3, 1),
    ("one-line quotes", fill("> a\n\n"), 3, 1),
    ("one-line list items", fill("- a\n\n"), 3, 1),
    ("lines nested 39 deep", fill("> " * 39 + "a\n"), 3, 1),
    ("fenced code blocks", fill("```\na\n```\n"), 3, 1),
]


@pytest.mark.parametrize(
    ("body", "line", "column"), [p[1:] for p in PATHOLOGICAL], ids=[p[0] for p in PATHOLOGICAL]
)
def test_a_pathological_body_is_refused_at_its_first_opener(body, line, column):
    text = (INTRO + body)[:SIZE]
    assert _problems(text) == [(line, column, "body-too-complex")]


def test_the_refusal_says_what_to_change():
    sink = ProblemSink("x.md")
    check_body(INTRO + "[a](" * 499 + fill("(", SIZE - 2000), 1, sink)
    (problem,) = sink.problems
    assert "[- tai (-merkki" in problem.message and "\\[" in problem.message


def _honest_paragraph(number: int) -> str:
    return (
        f"Kokeilun {number}. vaiheessa kunnan asukkaat saivat päättää osasta budjettia "
        f"([päätös](https://www.example.fi/paatos/{number}), [raportti](../../opit/oppi-{number}/)), "
        "ja tuloksia seurattiin *koko vuoden* ajan. Osallistujia oli noin kaksisataa, ja palaute oli "
        "enimmäkseen myönteistä: `kyselyn` mukaan 80 % vastaajista (n = 212) haluaisi jatkaa. "
        "Lisätietoa antaa kunnan yhteyshenkilö, ja R&D-yksikön muistio on [täällä]"
        f'(https://www.example.fi/muistio-{number}.pdf "Muistio").\n\n'
    )


def test_an_honest_long_body_with_many_links_passes():
    paragraphs, number = [], 0
    while sum(map(len, paragraphs)) < 90_000:
        number += 1
        paragraphs.append(_honest_paragraph(number))
        if number % 10 == 0:
            paragraphs.append(f"## Vaihe {number // 10}\n\n")
    text = "".join(paragraphs)
    assert 90_000 <= len(text) <= 96_000
    assert _problems(text) == []


def test_honest_long_lists_tables_and_headings_pass():
    text = (
        "".join(
            f"- [Kunta {n}](https://www.example.fi/kunta/{n}) osallistui vuonna 20{n % 30:02d}.\n"
            for n in range(300)
        )
        + "\n| Kunta | Osallistujia | Tulos |\n| --- | ---: | --- |\n"
        + "".join(f"| Kunta {n} | {n * 7} | *toimi* |\n" for n in range(300))
        + "\n"
        + "".join(
            f"## Otsikko {n}\n\nKappale, jossa on [linkki](https://www.example.fi/{n}).\n\n"
            for n in range(300)
        )
    )
    assert len(text) > 40_000
    assert _problems(text) == []


def test_a_moderate_bracket_paragraph_passes():
    # The old limit refused any paragraph with over 500 "[": cheap when the paragraph is short.
    assert _problems("Alku.\n\nToinen kappale " + "[" * 501 + "\n") == []
    assert _problems("Alku " + "[x] " * 400 + "\n") == []


def test_a_pathological_body_is_reported_at_its_file_line(check):
    body = INTRO + fill("<a ", 50_000) + "\n"
    catalogue = check({"experiments/testikokeilu.md": VALID_EXPERIMENT.replace("Kokeilun kuvaus.\n", body)})
    body_line = VALID_EXPERIMENT.splitlines().index("Kokeilun kuvaus.") + 1
    assert located(catalogue) == {("experiments/testikokeilu.md", body_line + 2, 1, "body-too-complex")}
