"""Experiments that are parts of a larger one (``part_of``): the references must exist and must
not go round in a circle; the larger experiment's page lists its parts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from generator.content.validation import report_missing_reference
from generator.core.model import Entry
from generator.core.problems import Problem, ProblemSink

FIELD = "part_of"


def parent_of(entry: Entry) -> str | None:
    value = entry.values.get(FIELD)
    return value if isinstance(value, str) else None


def check_parts(
    experiments: Mapping[str, Entry], experiment_slugs: set[str], closest: Callable[[str], list[str]]
) -> list[Problem]:
    """``missing-reference`` for a parent that does not exist (as a file, valid or not), and
    ``reference-cycle`` at the ``part_of`` of every experiment of a cycle, naming it in order."""
    problems: list[Problem] = []
    parents: dict[str, str] = {}
    for slug, entry in sorted(experiments.items()):
        parent = parent_of(entry)
        if parent is None:
            continue
        if parent in experiment_slugs:
            parents[slug] = parent
        else:
            sink = ProblemSink(entry.path, problems)
            report_missing_reference(sink, entry.location(FIELD), parent, closest)
    for cycle in find_cycles(parents):
        for index, slug in enumerate(cycle):
            entry = experiments[slug]
            line, column = entry.location(FIELD)
            message = _cycle_message(cycle, index)
            ProblemSink(entry.path, problems).error(line, column, "reference-cycle", message)
    return problems


def _cycle_message(cycle: list[str], index: int) -> str:
    if len(cycle) == 1:
        return (
            f"Kokeilu ei voi olla oman itsensä osa (part_of: {cycle[0]}). Kirjoita kenttään part_of "
            "sen laajemman kokeilun tunniste, jonka osa tämä on, tai poista rivi."
        )
    order = cycle[index:] + cycle[:index]
    return (
        f"Kokeilut ovat toistensa osia kehässä {' → '.join([*order, order[0]])}. Laajempi kokeilu "
        "ei voi olla oman osakokeilunsa osa: poista part_of siltä kokeilulta, joka on kehän "
        "laajin."
    )


def find_cycles(parents: Mapping[str, str]) -> list[list[str]]:
    """Every cycle of the child → parent links, each from its first slug in sorted order and
    following the links; in linear time (each slug is walked once)."""
    done: set[str] = set()
    cycles: list[list[str]] = []
    for start in sorted(parents):
        path: list[str] = []
        on_path: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = parents.get(node)
        if node is not None and node in on_path:
            cycle = path[on_path[node] :]
            first = cycle.index(min(cycle))
            cycles.append(cycle[first:] + cycle[:first])
        done.update(path)
    return cycles


def parts_index(experiments: Iterable[Entry]) -> dict[str, list[Entry]]:
    """Parent slug → its parts, in the order given."""
    index: dict[str, list[Entry]] = {}
    for entry in experiments:
        parent = parent_of(entry)
        if parent is not None:
            index.setdefault(parent, []).append(entry)
    return index
