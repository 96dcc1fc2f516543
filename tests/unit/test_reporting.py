"""Problem formatters: plain text, GitHub workflow commands and JSON."""

from __future__ import annotations

import json

import pytest

from generator.core.problems import Problem, Severity
from generator.editorial.reporting import (
    FORMATTERS,
    Summary,
    format_github,
    format_json,
    format_text,
    summary_line,
)

B_ERROR = Problem("experiments/b.md", 3, 7, "bad-url", "Osoitteesta puuttuu alku https://.")
A_LATE = Problem("experiments/a.md", 12, 1, "end-missing", "Lisää end: 2019.", Severity.WARNING)
A_EARLY = Problem("experiments/a.md", 2, 8, "too-short", "Liian lyhyt.")
PROBLEMS = [B_ERROR, A_LATE, A_EARLY]
SUMMARY = Summary.of(PROBLEMS, experiments=3, learnings=1)


def test_summary_counts_errors_and_warnings():
    summary = Summary.of(PROBLEMS, experiments=3, learnings=1)
    assert summary == Summary(experiments=3, learnings=1, errors=2, warnings=1)


@pytest.mark.parametrize(
    ("summary", "line"),
    [
        (
            Summary(1, 1, 1, 1),
            "Tarkistettiin 1 kokeilu ja 1 oppi: 1 virhe, 1 varoitus. "
            "Korjaa virheet ja aja tarkistus uudelleen.",
        ),
        (
            Summary(3, 0, 2, 0),
            "Tarkistettiin 3 kokeilua ja 0 oppia: 2 virhettä, 0 varoitusta. "
            "Korjaa virheet ja aja tarkistus uudelleen.",
        ),
        (
            Summary(2, 5, 0, 3),
            "Tarkistettiin 2 kokeilua ja 5 oppia: 0 virhettä, 3 varoitusta. Kokoelma on kunnossa.",
        ),
    ],
)
def test_summary_line(summary, line):
    assert summary_line(summary) == line


def test_text_format_is_sorted_lines_then_the_summary():
    assert format_text(PROBLEMS, SUMMARY).splitlines() == [
        "experiments/a.md:2:8: error: Liian lyhyt. [too-short]",
        "experiments/a.md:12:1: warning: Lisää end: 2019. [end-missing]",
        "experiments/b.md:3:7: error: Osoitteesta puuttuu alku https://. [bad-url]",
        summary_line(SUMMARY),
    ]


def test_text_format_ends_with_a_newline():
    assert format_text([], Summary(0, 0, 0, 0)) == summary_line(Summary(0, 0, 0, 0)) + "\n"


def test_text_format_sorts_by_line_number_not_as_text():
    problems = [Problem("a.md", 10, 1, "r", "m"), Problem("a.md", 9, 5, "r", "m")]
    lines = format_text(problems, Summary.of(problems, 1, 0)).splitlines()
    assert lines[:2] == ["a.md:9:5: error: m [r]", "a.md:10:1: error: m [r]"]


def test_github_format_annotates_each_problem():
    assert format_github(PROBLEMS, SUMMARY).splitlines() == [
        "::error file=experiments/a.md,line=2,col=8,title=too-short::Liian lyhyt.",
        "::warning file=experiments/a.md,line=12,col=1,title=end-missing::Lisää end: 2019.",
        "::error file=experiments/b.md,line=3,col=7,title=bad-url::Osoitteesta puuttuu alku https://.",
        summary_line(SUMMARY),
    ]


def test_github_format_escapes_percent_and_newlines_in_the_message():
    problem = Problem("a.md", 1, 1, "r", "100% valmis\nrivi 2\r\nrivi 3")
    first = format_github([problem], Summary.of([problem], 1, 0)).splitlines()[0]
    # A line break inside a value is no structure: it is shown as an escape, never as a new line.
    assert first == "::error file=a.md,line=1,col=1,title=r::100%25 valmis\\x0arivi 2\\x0d\\x0arivi 3"


def test_github_format_escapes_colons_and_commas_in_properties():
    problem = Problem("kansio:1,2/50%.md", 4, 2, "a:b,c", "ok: fine, yes")
    first = format_github([problem], Summary.of([problem], 1, 0)).splitlines()[0]
    assert first == "::error file=kansio%3A1%2C2/50%25.md,line=4,col=2,title=a%3Ab%2Cc::ok: fine, yes"


def test_json_format():
    data = json.loads(format_json(PROBLEMS, SUMMARY))

    assert data == {
        "problems": [
            {
                "path": "experiments/a.md",
                "line": 2,
                "column": 8,
                "rule": "too-short",
                "severity": "error",
                "message": "Liian lyhyt.",
            },
            {
                "path": "experiments/a.md",
                "line": 12,
                "column": 1,
                "rule": "end-missing",
                "severity": "warning",
                "message": "Lisää end: 2019.",
            },
            {
                "path": "experiments/b.md",
                "line": 3,
                "column": 7,
                "rule": "bad-url",
                "severity": "error",
                "message": "Osoitteesta puuttuu alku https://.",
            },
        ],
        "summary": {"experiments": 3, "learnings": 1, "errors": 2, "warnings": 1},
    }


def test_json_format_keeps_finnish_letters_readable():
    assert "Lisää" in format_json(PROBLEMS, SUMMARY)


def test_json_format_with_no_problems():
    data = json.loads(format_json([], Summary(2, 0, 0, 0)))
    assert data == {"problems": [], "summary": {"experiments": 2, "learnings": 0, "errors": 0, "warnings": 0}}


def test_formatters_by_name():
    formatters = dict(FORMATTERS)
    assert formatters == {"text": format_text, "github": format_github, "json": format_json}
