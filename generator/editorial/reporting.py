"""Formatters for problems: plain text, GitHub workflow commands and JSON.

A problem's path and message may quote a contributor's text: every format writes control and
bidi characters in them as escapes (:mod:`generator.core.controls`), so no value can rewrite the
terminal, the CI log or the summary line; in a GitHub comment :func:`escape_markdown` also makes
it inert Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.core.controls import escape_controls, escape_json_controls
from generator.core.problems import Problem
from generator.i18n.presentation import count_fi
from generator.opendata.export import dump_json

if TYPE_CHECKING:
    from generator.content.catalogue import Catalogue


@dataclass(frozen=True)
class Summary:
    experiments: int
    learnings: int
    errors: int
    warnings: int

    @classmethod
    def of(cls, problems: Iterable[Problem], experiments: int, learnings: int) -> Summary:
        problems = list(problems)
        errors = sum(1 for p in problems if p.is_error)
        return cls(experiments, learnings, errors, len(problems) - errors)

    @classmethod
    def of_catalogue(cls, catalogue: Catalogue, problems: Iterable[Problem]) -> Summary:
        """``problems`` counted against every entry file of ``catalogue``."""
        kinds = [f.kind for f in catalogue.files]
        return cls.of(problems, kinds.count("experiment"), kinds.count("learning"))


def summary_line(summary: Summary) -> str:
    checked = (
        f"Tarkistettiin {count_fi(summary.experiments, 'kokeilu', 'kokeilua')} ja "
        f"{count_fi(summary.learnings, 'oppi', 'oppia')}"
    )
    found = (
        f"{count_fi(summary.errors, 'virhe', 'virhettä')}, "
        f"{count_fi(summary.warnings, 'varoitus', 'varoitusta')}"
    )
    verdict = "Kokoelma on kunnossa." if summary.errors == 0 else "Korjaa virheet ja aja tarkistus uudelleen."
    return f"{checked}: {found}. {verdict}"


def problem_line(p: Problem) -> str:
    """``path:line:col: error|warning: message [rule-id]``, control characters escaped."""
    e = escape_controls
    return f"{e(p.path)}:{p.line}:{p.column}: {p.severity.value}: {e(p.message)} [{e(p.rule)}]"


def format_text(problems: Iterable[Problem], summary: Summary) -> str:
    """One :func:`problem_line` per problem, sorted, then a one-line summary."""
    lines = [problem_line(p) for p in sorted(problems)]
    lines.append(summary_line(summary))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    """A workflow command's value: control characters escaped first (so no CR or LF is left),
    then "%" as GitHub's runner reads it."""
    return escape_controls(text).replace("%", "%25")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Iterable[Problem], summary: Summary) -> str:
    """GitHub Actions workflow commands, which annotate the lines of a pull request."""
    lines = []
    for p in sorted(problems):
        props = ",".join(
            [
                f"file={_escape_property(p.path)}",
                f"line={p.line}",
                f"col={p.column}",
                f"title={_escape_property(p.rule)}",
            ]
        )
        lines.append(f"::{p.severity.value} {props}::{_escape_data(p.message)}")
    lines.append(summary_line(summary))
    return "\n".join(lines) + "\n"


def problem_record(p: Problem) -> dict:
    """One problem in the JSON formats (``kokeilu check`` and ``kokeilu diff``)."""
    return {
        "path": p.path,
        "line": p.line,
        "column": p.column,
        "rule": p.rule,
        "severity": p.severity.value,
        "message": p.message,
    }


def summary_record(summary: Summary) -> dict:
    return {
        "experiments": summary.experiments,
        "learnings": summary.learnings,
        "errors": summary.errors,
        "warnings": summary.warnings,
    }


def format_json(problems: Iterable[Problem], summary: Summary) -> str:
    data = {
        "problems": [problem_record(p) for p in sorted(problems)],
        "summary": summary_record(summary),
    }
    return escape_json_controls(dump_json(data))


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}

# Characters that start emphasis, code, links, images, tables, headings or strikethrough. A
# list marker or a leading number cannot matter: escaped text never starts a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def escape_markdown(text: str) -> str:
    """Contributor text made inert in a GitHub comment: no HTML, links, emphasis, code, tables,
    headings or @mentions, and control and bidi characters as escapes (``\\u202e``). Newlines
    and other whitespace become spaces."""
    text = escape_controls(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A zero-width joiner after @ keeps "@user" readable but stops the mention.
    return text.replace("@", "@\u200d")
