"""Located problems: what is wrong, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from generator.core.rules import RULES


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One problem in one file, at a 1-based line and column, with a stable rule id.

    The field order is the sort order: by file, then position, then rule.
    """

    path: str
    line: int
    column: int
    rule: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class GeneratorError(Exception):
    """Base class for the errors the core raises."""


class CatalogueError(GeneratorError):
    """The catalogue has errors; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        errors = sum(1 for p in self.problems if p.is_error)
        super().__init__(f"the catalogue has {errors} error(s)")


class ConfigError(GeneratorError):
    """The catalogue or the command was set up wrongly (missing folders, bad arguments)."""


class ProblemSink:
    """Collects problems for one file; rules call :meth:`error` and :meth:`warning`."""

    __slots__ = ("path", "problems")

    def __init__(self, path: str, problems: list[Problem] | None = None) -> None:
        self.path = path
        self.problems: list[Problem] = [] if problems is None else problems

    def error(self, line: int, column: int, rule: str, message: str) -> None:
        self.add(line, column, rule, message, Severity.ERROR)

    def warning(self, line: int, column: int, rule: str, message: str) -> None:
        self.add(line, column, rule, message, Severity.WARNING)

    def add(self, line: int, column: int, rule: str, message: str, severity: Severity) -> None:
        if rule not in RULES:
            raise ValueError(
                f"unregistered rule id {rule!r}: add it to generator/core/rules.py "
                "and run kokeilu schema --write (docs/rules.md)"
            )
        self.problems.append(Problem(self.path, line, column, rule, message, severity))
