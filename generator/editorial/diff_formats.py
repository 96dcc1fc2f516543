"""The formats of ``kokeilu diff``'s report: text for a terminal, Markdown for a pull-request
comment and the job summary, and JSON.

Every format escapes the control and bidi characters of the values it prints
(:mod:`generator.core.controls`); the JSON as ``\\uXXXX``, which leaves the data exact; the
Markdown also makes contributor text inert (:func:`generator.editorial.reporting.escape_markdown`).
"""

from __future__ import annotations

from generator.core.controls import escape_controls, escape_json_controls
from generator.editorial.diff import STATUS_ORDER, CatalogueDiff, EntryChange
from generator.editorial.reporting import (
    escape_markdown,
    problem_line,
    problem_record,
    summary_line,
    summary_record,
)
from generator.editorial.similarity import limits_note
from generator.editorial.vocabulary_diff import json_records, markdown_lines, text_lines
from generator.opendata.export import dump_json

# The first line of the Markdown: a workflow looks for it to update its one comment in place.
MARKER = "<!-- kokeilu-diff -->"
KIND_FI = {"experiment": ("kokeilu", "kokeilut"), "learning": ("oppi", "opit")}
STATUS_FI = {
    "added": "lisätty",
    "removed": "poistettu",
    "renamed": "nimetty uudelleen",
    "modified": "muutettu",
}
_ADJECTIVES = {
    "added": "Lisätyt",
    "removed": "Poistetut",
    "renamed": "Uudelleen nimetyt",
    "modified": "Muutetut",
}


def _group_title(kind: str, status: str) -> str:
    """ "Lisätyt kokeilut", "Poistetut opit", "Uudelleen nimetyt kokeilut", "Muutetut opit"."""
    return f"{_ADJECTIVES[status]} {KIND_FI[kind][1]}"


def _groups(report: CatalogueDiff) -> list[tuple[str, list[EntryChange]]]:
    groups = []
    for kind in ("experiment", "learning"):
        for status in STATUS_ORDER:
            items = [c for c in report.entries if c.kind == kind and c.status == status]
            if items:
                groups.append((_group_title(kind, status), items))
    return groups


def _overview(report: CatalogueDiff) -> str:
    if not report.entries:
        return "Kokeiluihin ja oppeihin ei tullut muutoksia."
    parts = []
    for kind in ("experiment", "learning"):
        statuses = [c.status for c in report.entries if c.kind == kind]
        counts = [f"{STATUS_FI[s]} {statuses.count(s)}" for s in STATUS_ORDER if s in statuses]
        if counts:
            parts.append(f"{KIND_FI[kind][1]}: {', '.join(counts)}")
    return "Muutokset – " + "; ".join(parts) + "."


def _title_text(title: str | None) -> str:
    return f"”{escape_controls(title)}”" if title is not None else "(virheellinen, otsikkoa ei luettu)"


def _duplicates_note(report: CatalogueDiff) -> str:
    return limits_note(
        report.duplicates_found, len(report.duplicates), report.limits, whose="kunkin lisätyn merkinnän"
    )


# --- text ----------------------------------------------------------------------------------------


def format_text(report: CatalogueDiff) -> str:
    e = escape_controls
    lines = [f"Kokoelman muutokset {e(report.base)} → {e(report.head)}", _overview(report)]
    for title, items in _groups(report):
        lines += ["", f"{title} ({len(items)}):"]
        for c in items:
            where = f"{e(c.old_path)} → {e(c.path)}" if c.old_path else e(c.path)
            lines.append(f"  {where} {_title_text(c.title)}")
            lines += [f"    {e(line)}" for line in c.changes]
    lines += _duplicate_text(report)
    lines += text_lines(report.vocabularies)
    lines += ["", "Tarkistus (HEAD):"]
    lines += [f"  {problem_line(p)}" for p in sorted(report.problems)]
    assert report.summary is not None
    lines.append(f"  {summary_line(report.summary)}")
    return "\n".join(lines) + "\n"


def _duplicate_text(report: CatalogueDiff) -> list[str]:
    if not report.duplicates:
        return []
    e = escape_controls
    lines = ["", f"Mahdolliset kaksoiskappaleet ({len(report.duplicates)}):"]
    for d in report.duplicates:
        lines.append(
            f"  {e(d.path)} {_title_text(d.title)} muistuttaa {KIND_FI[d.kind][0]}a {e(d.other_path)} "
            f"{_title_text(d.other_title)} (samankaltaisuus {d.score:.2f})"
        )
    if note := _duplicates_note(report):
        lines.append(f"  {note}")
    return lines


# --- Markdown ------------------------------------------------------------------------------------


def format_markdown(report: CatalogueDiff) -> str:
    """For a pull-request comment and the job summary; the first line is the marker a workflow
    looks for to update its one comment in place."""
    e = escape_markdown
    assert report.summary is not None
    verdict = "✅" if report.valid else "❌"
    lines = [
        MARKER,
        f"## Kokoelman muutokset {e(report.base)} → {e(report.head)}",
        "",
        e(_overview(report)),
    ]
    lines += _entry_markdown(report)
    lines += _duplicate_markdown(report)
    lines += markdown_lines(report.vocabularies, e)
    lines += ["", "### Tarkistus", "", f"{verdict} {e(summary_line(report.summary))}"]
    if report.problems:
        lines.append("")
        for p in sorted(report.problems):
            kind = "virhe" if p.is_error else "varoitus"
            lines.append(f"- {kind}: {e(p.path)}:{p.line}:{p.column}: {e(p.message)} ({e(p.rule)})")
    return "\n".join(lines) + "\n"


def _entry_markdown(report: CatalogueDiff) -> list[str]:
    e = escape_markdown
    lines = []
    for title, items in _groups(report):
        lines += ["", f"### {title} ({len(items)})", ""]
        for c in items:
            where = f"{e(c.old_path)} → {e(c.path)}" if c.old_path else e(c.path)
            name = f"**{e(c.title)}**" if c.title is not None else "*virheellinen, otsikkoa ei luettu*"
            lines.append(f"- {name} ({where})")
            lines += [f"  - {e(line)}" for line in c.changes]
    return lines


def _duplicate_markdown(report: CatalogueDiff) -> list[str]:
    if not report.duplicates:
        return []
    e = escape_markdown
    lines = ["", f"### Mahdolliset kaksoiskappaleet ({len(report.duplicates)})", ""]
    for d in report.duplicates:
        lines.append(
            f"- **{e(d.title)}** ({e(d.path)}) muistuttaa {KIND_FI[d.kind][0]}a "
            f"**{e(d.other_title)}** ({e(d.other_path)}), samankaltaisuus {d.score:.2f}"
        )
    if note := _duplicates_note(report):
        lines += ["", e(note)]
    return lines


# --- JSON ----------------------------------------------------------------------------------------


def format_json(report: CatalogueDiff) -> str:
    assert report.summary is not None
    data = {
        "base": report.base,
        "head": report.head,
        "entries": [
            {
                "kind": c.kind,
                "status": c.status,
                "path": c.path,
                "old_path": c.old_path,
                "title": c.title,
                "changes": list(c.changes),
            }
            for c in report.entries
        ],
        "duplicates": [
            {
                "kind": d.kind,
                "path": d.path,
                "title": d.title,
                "similar_path": d.other_path,
                "similar_title": d.other_title,
                "score": d.score,
            }
            for d in report.duplicates
        ],
        "duplicates_found": report.duplicates_found,
        "problems": [problem_record(p) for p in sorted(report.problems)],
        "summary": summary_record(report.summary),
        "vocabularies": json_records(report.vocabularies),
    }
    return escape_json_controls(dump_json(data))


DIFF_FORMATTERS = {"text": format_text, "markdown": format_markdown, "json": format_json}
