"""What a change does to the vocabularies (``kokeilu diff``): terms added, removed or relabelled
(a new Finnish, Swedish or English label), per vocabulary in the schema's order."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.content.vocabulary import Term, Vocabulary

LANGUAGES = ("fi", "sv", "en")
STATUS_FI = {"added": "lisätty", "removed": "poistettu", "relabelled": "nimi muuttui"}
_ORDER = tuple(STATUS_FI)


@dataclass(frozen=True)
class TermChange:
    vocabulary: str
    path: str
    status: str  # added, removed or relabelled
    id: str
    # The labels in HEAD (in BASE for a removed term), and for a relabelled term those before.
    labels: tuple[str, str, str]
    before: tuple[str, str, str] | None = None


def _labels(term: Term) -> tuple[str, str, str]:
    return (term.fi, term.sv, term.en)


def vocabulary_changes(before: Mapping[str, Vocabulary], after: Mapping[str, Vocabulary]) -> list[TermChange]:
    """Every added, removed and relabelled term, by vocabulary (HEAD's order), status and id."""
    changes: list[TermChange] = []
    for name in [*after, *(n for n in before if n not in after)]:
        old, new = before.get(name), after.get(name)
        path = (new or old).path  # type: ignore[union-attr]
        old_terms = {t.id: t for t in old} if old is not None else {}
        new_terms = {t.id: t for t in new} if new is not None else {}
        found = [
            TermChange(name, path, "added", i, _labels(t)) for i, t in new_terms.items() if i not in old_terms
        ]
        found += [
            TermChange(name, path, "removed", i, _labels(t))
            for i, t in old_terms.items()
            if i not in new_terms
        ]
        found += [
            TermChange(name, path, "relabelled", i, _labels(t), _labels(old_terms[i]))
            for i, t in new_terms.items()
            if i in old_terms and _labels(old_terms[i]) != _labels(t)
        ]
        changes += sorted(found, key=lambda c: (_ORDER.index(c.status), c.id))
    return changes


def describe(change: TermChange, quote: Callable[[str], str] = lambda text: text) -> str:
    """One change in Finnish: "lisätty vesihuolto: fi Vesihuolto, sv …, en …" or "nimi muuttui
    kiertotalous: fi Kiertotalous → Kiertotalous ja kierrätys". ``quote`` escapes the labels."""
    if change.status == "relabelled":
        assert change.before is not None
        labels = [
            f"{code} {quote(old)} → {quote(new)}"
            for code, old, new in zip(LANGUAGES, change.before, change.labels, strict=True)
            if old != new
        ]
    else:
        labels = [f"{code} {quote(label)}" for code, label in zip(LANGUAGES, change.labels, strict=True)]
    return f"{STATUS_FI[change.status]} {quote(change.id)}: " + ", ".join(labels)


def _by_vocabulary(changes: list[TermChange]) -> list[tuple[str, str, list[TermChange]]]:
    groups: dict[str, tuple[str, list[TermChange]]] = {}
    for change in changes:
        groups.setdefault(change.vocabulary, (change.path, []))[1].append(change)
    return [(name, path, items) for name, (path, items) in groups.items()]


def text_lines(changes: list[TermChange]) -> list[str]:
    """The plain-text section of ``kokeilu diff`` (nothing when no term changed)."""
    if not changes:
        return []
    lines = ["", f"Sanastojen muutokset ({len(changes)}):"]
    for name, path, items in _by_vocabulary(changes):
        lines.append(f"  {name} ({path}):")
        lines += [f"    {describe(change)}" for change in items]
    return lines


def markdown_lines(changes: list[TermChange], escape: Callable[[str], str]) -> list[str]:
    """The Markdown section; every label and id goes through ``escape`` (a pull request may
    change a vocabulary, so its text is the contributor's)."""
    if not changes:
        return []
    lines = ["", f"### Sanastojen muutokset ({len(changes)})", ""]
    for name, path, items in _by_vocabulary(changes):
        lines.append(f"- **{escape(name)}** ({escape(path)})")
        lines += [f"  - {describe(change, escape)}" for change in items]
    return lines


def json_records(changes: list[TermChange]) -> list[dict[str, Any]]:
    return [
        {
            "vocabulary": c.vocabulary,
            "path": c.path,
            "status": c.status,
            "id": c.id,
            "labels": dict(zip(LANGUAGES, c.labels, strict=True)),
            "labels_before": dict(zip(LANGUAGES, c.before, strict=True)) if c.before else None,
        }
        for c in changes
    ]
