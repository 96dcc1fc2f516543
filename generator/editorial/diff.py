"""``kokeilu diff BASE HEAD``: what a change does to the catalogue, between two git revisions.

Each revision's catalogue files (the vocabularies, the entry folders and the content pages) are
read from git (``git ls-tree`` and ``git cat-file``) into a temporary folder and checked with
:func:`~generator.content.check.check_catalogue`. Nothing from a revision is ever run: the files are
only read as data, so the command is safe on a stranger's pull request. A symbolic link or a
submodule in a revision's tree is never written; it is a problem of that revision, as it is on
disk, and every file HEAD adds or changes (entry or not) has its problems listed.

Which entry files were added, removed, renamed or modified is what ``git diff --name-status -M``
says; a file git sees as renamed (similar content under a new name) is reported as renamed,
otherwise as removed plus added. For a modified or renamed entry valid on both sides, the report
names every field that changed, in Finnish: ``alueet: uusimaa → pirkanmaa`` for short values,
``tiivistelmä muuttui`` for long text and nested values, ``kuvaus muuttui`` for the body.

Likely duplicates are added entries similar to another entry of the same kind in HEAD (see
:mod:`generator.editorial.similarity` for the thresholds): each added entry's
:data:`~generator.editorial.similarity.PER_ENTRY` best matches, and of those the
:data:`~generator.editorial.similarity.MAX_PAIRS` best; the report says how many it left out.
Vocabulary terms added, removed or relabelled are listed per vocabulary
(:mod:`generator.editorial.vocabulary_diff`). The validation result is HEAD's: the error and
warning counts of the whole catalogue and every problem in the added, renamed and
modified files.

Every format escapes the control and bidi characters of the values it prints
(:mod:`generator.core.controls`); the JSON as ``\\uXXXX``, which leaves the data exact.
"""

from __future__ import annotations

import heapq
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.check import check_catalogue
from generator.content.layout import report_submodule, report_symlink, shown_name
from generator.core.controls import escape_controls, escape_json_controls
from generator.core.model import Entry
from generator.core.problems import ConfigError, Problem
from generator.core.schema import FieldSpec, Schema, load_schema
from generator.editorial.reporting import Summary, problem_line, problem_record, summary_line, summary_record
from generator.editorial.similarity import SHOWN, Limits, SimilarityIndex, limits_note, similar_to
from generator.editorial.vocabulary_diff import (
    TermChange,
    json_records,
    markdown_lines,
    text_lines,
    vocabulary_changes,
)
from generator.opendata.export import _plain, dump_json

MARKER = "<!-- kokeilu-diff -->"
# A text value longer than this, and every nested value, is reported as "muuttui" only.
SHORT_VALUE = 60
# More added entries than this are matched through an index instead of one by one.
INDEX_FROM = 20

KIND_FI = {"experiment": ("kokeilu", "kokeilut"), "learning": ("oppi", "opit")}
STATUS_FI = {
    "added": "lisätty",
    "removed": "poistettu",
    "renamed": "nimetty uudelleen",
    "modified": "muutettu",
}
_STATUS_ORDER = ("added", "removed", "renamed", "modified")


@dataclass(frozen=True)
class EntryChange:
    kind: str
    status: str  # added, removed, renamed or modified
    path: str  # the path in HEAD (in BASE for a removed entry)
    title: str | None  # None when the entry is invalid on the side it is read from
    old_path: str | None = None  # a renamed entry's path in BASE
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Duplicate:
    kind: str
    path: str
    title: str
    other_path: str
    other_title: str
    score: float


@dataclass
class CatalogueDiff:
    base: str
    head: str
    entries: list[EntryChange] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    duplicates_found: int = 0  # shown or not
    limits: Limits = SHOWN
    summary: Summary | None = None
    problems: list[Problem] = field(default_factory=list)  # HEAD's problems in changed files
    vocabularies: list[TermChange] = field(default_factory=list)  # terms added, removed, relabelled

    @property
    def valid(self) -> bool:
        return self.summary is not None and self.summary.errors == 0


# --- git -------------------------------------------------------------------------------------


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        raise ConfigError("Komentoa git ei löytynyt. Asenna git, jotta voit verrata revisioita.") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise ConfigError(f"git {args[0]} epäonnistui: {message}")
    return result.stdout


def _verify(root: Path, revision: str) -> str:
    """The commit id of ``revision``, or a Finnish usage error."""
    if revision.startswith("-"):
        raise ConfigError(f"Revisio {revision!r} ei kelpaa: se ei saa alkaa viivalla.")
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
    except ConfigError:
        inside = False
    if not inside:
        raise ConfigError(f"Kansio {root} ei ole git-repositoriossa, joten revisioita ei voi verrata.")
    result = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        raise ConfigError(
            f"Revisiota {revision!r} ei löytynyt. Anna haara, tagi tai commit, esimerkiksi "
            "origin/main tai HEAD~1 (hae tarvittaessa ensin: git fetch)."
        )
    return result.stdout.decode().strip()


def _prefixes(schema: Schema) -> tuple[str, ...]:
    folders = {
        schema.vocabulary_directory,
        schema.site.docs_directory,
        *(e.directory for e in schema.entries),
    }
    return tuple(sorted(folders))


# git's modes of the tree entries that are not regular files: never written, each a problem.
SYMLINK_MODE = "120000"
GITLINK_MODE = "160000"  # a submodule's commit


@dataclass
class Revision:
    """One revision's catalogue files written under a folder, and the symbolic links and
    submodules of its tree (root-relative), which are not written."""

    folder: Path
    links: list[str] = field(default_factory=list)
    submodules: list[str] = field(default_factory=list)

    def problems(self) -> list[Problem]:
        """The links and submodules as ``kokeilu check`` reports them on disk."""
        found: list[Problem] = []
        for path in self.links:
            report_symlink(path, found)
        for path in self.submodules:
            report_submodule(path, found)
        return found


def materialise(root: Path, commit: str, target: Path, schema: Schema) -> Revision:
    """Write the catalogue files of ``commit`` (root-relative) under ``target``; only data.

    The blobs are read with ``git ls-tree`` and ``git cat-file``, not ``git archive``, so the
    revision's own ``.gitattributes`` (``export-ignore``, ``export-subst``) cannot hide or alter
    a file. Only regular files are written: a symbolic link or a submodule is listed instead,
    to be reported as a problem.
    """
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    tree = f"{commit}:{prefix}" if prefix else commit
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", tree)
    wanted = _prefixes(schema)
    revision = Revision(target)
    blobs: list[tuple[str, str]] = []
    for record in listing.decode("utf-8", "surrogateescape").split("\0"):
        if not record:
            continue
        meta, _, name = record.partition("\t")
        mode, kind, sha = meta.split()
        parts = PurePosixPath(name).parts
        if ".." in parts or not any(name == p or name.startswith(p + "/") for p in wanted):
            continue
        if mode == SYMLINK_MODE:
            revision.links.append(shown_name(name))
        elif mode == GITLINK_MODE or kind == "commit":
            revision.submodules.append(shown_name(name))
        elif kind == "blob" and mode in ("100644", "100755"):
            blobs.append((sha, name))
    if not blobs:
        return revision
    stdin = "".join(f"{sha}\n" for sha, _ in blobs).encode()
    result = subprocess.run(
        ["git", "cat-file", "--batch"], cwd=root, input=stdin, capture_output=True, check=False
    )
    if result.returncode != 0:
        raise ConfigError(f"git cat-file epäonnistui: {result.stderr.decode('utf-8', 'replace').strip()}")
    data = result.stdout
    offset = 0
    for _sha, name in blobs:
        header_end = data.index(b"\n", offset)
        size = int(data[offset:header_end].split()[2])
        content = data[header_end + 1 : header_end + 1 + size]
        offset = header_end + 1 + size + 1  # the content is followed by a newline
        path = target.joinpath(*PurePosixPath(name).parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return revision


def _name_status(root: Path, base: str, head: str, schema: Schema) -> list[tuple[str, str, str | None]]:
    """(status letter, path, new path for a rename) for the catalogue's folders (entries, pages,
    vocabularies), paths root-relative; links and submodules included."""
    out = _git(root, "diff", "--name-status", "-M", "-z", "--relative", base, head, "--", *_prefixes(schema))
    fields = [shown_name(f) for f in out.decode("utf-8", "surrogateescape").split("\0")]
    changes = []
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i][0]
        if status in "RC":
            changes.append((status, fields[i + 1], fields[i + 2]))
            i += 3
        else:
            changes.append((status, fields[i + 1], None))
            i += 2
    return changes


# --- comparing -------------------------------------------------------------------------------


class _Side:
    """One revision's catalogue, with its entries and file kinds by path (one lookup each)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.entries = {e.path: e for e in [*catalogue.experiments.values(), *catalogue.learnings.values()]}
        self.kinds = {f.path: f.kind for f in catalogue.files}

    def entry(self, path: str) -> Entry | None:
        return self.entries.get(path)

    def kind(self, path: str) -> str | None:
        return self.kinds.get(path)


def _show(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "(tyhjä)"
    if isinstance(value, bool):
        return "kyllä" if value else "ei"
    return str(value)


def _is_short(value: Any) -> bool:
    if isinstance(value, dict):
        return False
    if isinstance(value, list):
        return all(not isinstance(v, dict | list) for v in value) and len(_show(value)) <= SHORT_VALUE
    return "\n" not in _show(value) and len(_show(value)) <= SHORT_VALUE


def field_changes(old: Entry, new: Entry, specs: tuple[FieldSpec, ...]) -> list[str]:
    """Finnish lines, one per changed field in schema order, then the body."""
    lines = []
    for spec in specs:
        before = _plain(old.values.get(spec.name), spec)
        after = _plain(new.values.get(spec.name), spec)
        if before == after:
            continue
        label = spec.label_fi.lower()
        if _is_short(before) and _is_short(after):
            lines.append(f"{label}: {_show(before)} → {_show(after)}")
        else:
            lines.append(f"{label} muuttui")
    if old.body.strip() != new.body.strip():
        lines.append("kuvaus muuttui")
    return lines


def _change(
    kind: str, status: str, path: str, base: _Side, head: _Side, old_path: str | None = None
) -> EntryChange:
    schema = head.catalogue.schema
    new = head.entry(path) if status != "removed" else None
    old = base.entry(old_path or path) if status != "added" else None
    shown = old if status == "removed" else new
    changes: list[str] = []
    if status in ("modified", "renamed"):
        if old is not None and new is not None:
            changes = field_changes(old, new, schema.entry(kind).fields)
        elif new is None:
            changes = ["ei verrattu: tiedostossa on virheitä"]
        else:
            changes = ["ei verrattu: tiedostossa oli virheitä ennen muutosta"]
    return EntryChange(kind, status, path, shown.title if shown else None, old_path, tuple(changes))


def diff_catalogues(
    root: Path, base: str, head: str, schema: Schema | None = None, limits: Limits = SHOWN
) -> CatalogueDiff:
    """Compare the catalogue at two git revisions of the repository that holds ``root``;
    ``limits`` bound the likely duplicates shown."""
    schema = schema or load_schema()
    base_commit = _verify(root, base)
    head_commit = _verify(root, head)
    with tempfile.TemporaryDirectory(prefix="kokeilu-diff-") as temp:
        before = _Side(_check_revision(materialise(root, base_commit, Path(temp) / "base", schema), schema))
        after = _Side(_check_revision(materialise(root, head_commit, Path(temp) / "head", schema), schema))
    report = CatalogueDiff(base, head, limits=limits)
    changed_paths: set[str] = set()
    for status, path, new_path in _name_status(root, base_commit, head_commit, schema):
        # Every file added or changed in HEAD, entry or not: its problems are listed.
        if status != "D":
            changed_paths.add(new_path or path)
        if status == "R" and new_path is not None:
            kind = after.kind(new_path)
            if kind is not None and kind == before.kind(path):
                report.entries.append(_change(kind, "renamed", new_path, before, after, old_path=path))
                changed_paths.add(new_path)
                continue
            # A move between kinds, or to or from a file that is not an entry.
            path_pairs = [("D", path), ("A", new_path)]
        elif status == "C" and new_path is not None:
            path_pairs = [("A", new_path)]
        else:
            path_pairs = [(status, path)]
        for letter, one in path_pairs:
            side = before if letter == "D" else after
            kind = side.kind(one)
            if kind is None:
                continue
            status_name = {"A": "added", "D": "removed"}.get(letter, "modified")  # M, T: modified
            report.entries.append(_change(kind, status_name, one, before, after))
            if letter != "D":
                changed_paths.add(one)
    report.entries.sort(key=lambda c: (c.kind, _STATUS_ORDER.index(c.status), c.path))
    report.duplicates, report.duplicates_found = _duplicates(report.entries, after, limits)
    report.vocabularies = vocabulary_changes(before.catalogue.vocabularies, after.catalogue.vocabularies)
    head_cat = after.catalogue
    report.summary = Summary.of_catalogue(head_cat, head_cat.problems)
    report.problems = [p for p in head_cat.problems if p.path in changed_paths]
    return report


def _check_revision(revision: Revision, schema: Schema) -> Catalogue:
    """The revision's catalogue checked, with its links and submodules as problems."""
    catalogue = check_catalogue(revision.folder, schema)
    catalogue.problems = sorted({*catalogue.problems, *revision.problems()})
    return catalogue


def _duplicates(changes: list[EntryChange], head: _Side, limits: Limits) -> tuple[list[Duplicate], int]:
    """Added entries similar to another entry of the same kind in HEAD (other added ones too),
    within ``limits``; and how many such pairs there are in all.

    A few added entries are compared with every entry; many (a bulk import) use the index.
    Only each entry's best matches are kept, so the memory never grows with the pairs."""
    added = [c for c in changes if c.status == "added" and head.entry(c.path) is not None]
    kept: list[Duplicate] = []
    found = 0
    for kind in sorted({c.kind for c in added}):
        mine = [head.entry(c.path) for c in added if c.kind == kind]
        others = head.catalogue.experiments if kind == "experiment" else head.catalogue.learnings
        index = SimilarityIndex(others.values()) if len(mine) > INDEX_FROM else None
        for entry in mine:
            assert entry is not None
            if index:
                matches, count = index.best_matches_of(entry, limits.per_entry)
            else:
                every = similar_to(entry, others.values())
                matches, count = every[: limits.per_entry], len(every)
            found += count
            kept += [
                Duplicate(kind, entry.path, entry.title, m.other.path, m.other.title, m.score)
                for m in matches
            ]
    if limits.total is not None and len(kept) > limits.total:
        best = set(heapq.nsmallest(limits.total, range(len(kept)), key=lambda n: (-kept[n].score, n)))
        kept = [d for n, d in enumerate(kept) if n in best]  # in the order found
    return kept, found


# --- formatting ------------------------------------------------------------------------------


def _group_title(kind: str, status: str) -> str:
    """ "Lisätyt kokeilut", "Poistetut opit", "Uudelleen nimetyt kokeilut", "Muutetut opit"."""
    adjectives = {
        "added": "Lisätyt",
        "removed": "Poistetut",
        "renamed": "Uudelleen nimetyt",
        "modified": "Muutetut",
    }
    return f"{adjectives[status]} {KIND_FI[kind][1]}"


def _groups(report: CatalogueDiff) -> list[tuple[str, list[EntryChange]]]:
    groups = []
    for kind in ("experiment", "learning"):
        for status in _STATUS_ORDER:
            items = [c for c in report.entries if c.kind == kind and c.status == status]
            if items:
                groups.append((_group_title(kind, status), items))
    return groups


def _overview(report: CatalogueDiff) -> str:
    if not report.entries:
        return "Kokeiluihin ja oppeihin ei tullut muutoksia."
    parts = []
    for kind in ("experiment", "learning"):
        counts = [
            f"{STATUS_FI[s]} {sum(1 for c in report.entries if c.kind == kind and c.status == s)}"
            for s in _STATUS_ORDER
            if any(c.kind == kind and c.status == s for c in report.entries)
        ]
        if counts:
            parts.append(f"{KIND_FI[kind][1]}: {', '.join(counts)}")
    return "Muutokset – " + "; ".join(parts) + "."


def _title_text(title: str | None) -> str:
    return f"”{escape_controls(title)}”" if title is not None else "(virheellinen, otsikkoa ei luettu)"


def _duplicates_note(report: CatalogueDiff) -> str:
    return limits_note(
        report.duplicates_found, len(report.duplicates), report.limits, whose="kunkin lisätyn merkinnän"
    )


def format_text(report: CatalogueDiff) -> str:
    e = escape_controls
    lines = [f"Kokoelman muutokset {e(report.base)} → {e(report.head)}", _overview(report)]
    for title, items in _groups(report):
        lines += ["", f"{title} ({len(items)}):"]
        for c in items:
            where = f"{e(c.old_path)} → {e(c.path)}" if c.old_path else e(c.path)
            lines.append(f"  {where} {_title_text(c.title)}")
            lines += [f"    {e(line)}" for line in c.changes]
    if report.duplicates:
        lines += ["", f"Mahdolliset kaksoiskappaleet ({len(report.duplicates)}):"]
        for d in report.duplicates:
            lines.append(
                f"  {e(d.path)} {_title_text(d.title)} muistuttaa {KIND_FI[d.kind][0]}a {e(d.other_path)} "
                f"{_title_text(d.other_title)} (samankaltaisuus {d.score:.2f})"
            )
        if note := _duplicates_note(report):
            lines.append(f"  {note}")
    lines += text_lines(report.vocabularies)
    lines += ["", "Tarkistus (HEAD):"]
    lines += [f"  {problem_line(p)}" for p in sorted(report.problems)]
    assert report.summary is not None
    lines.append(f"  {summary_line(report.summary)}")
    return "\n".join(lines) + "\n"


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


def _md_path(path: str) -> str:
    return escape_markdown(path)


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
    for title, items in _groups(report):
        lines += ["", f"### {title} ({len(items)})", ""]
        for c in items:
            where = f"{_md_path(c.old_path)} → {_md_path(c.path)}" if c.old_path else _md_path(c.path)
            name = f"**{e(c.title)}**" if c.title is not None else "*virheellinen, otsikkoa ei luettu*"
            lines.append(f"- {name} ({where})")
            lines += [f"  - {e(line)}" for line in c.changes]
    if report.duplicates:
        lines += ["", f"### Mahdolliset kaksoiskappaleet ({len(report.duplicates)})", ""]
        for d in report.duplicates:
            lines.append(
                f"- **{e(d.title)}** ({_md_path(d.path)}) muistuttaa {KIND_FI[d.kind][0]}a "
                f"**{e(d.other_title)}** ({_md_path(d.other_path)}), samankaltaisuus {d.score:.2f}"
            )
        if note := _duplicates_note(report):
            lines += ["", e(note)]
    lines += markdown_lines(report.vocabularies, e)
    lines += ["", "### Tarkistus", "", f"{verdict} {e(summary_line(report.summary))}"]
    if report.problems:
        lines.append("")
        for p in sorted(report.problems):
            kind = "virhe" if p.is_error else "varoitus"
            lines.append(f"- {kind}: {_md_path(p.path)}:{p.line}:{p.column}: {e(p.message)} ({e(p.rule)})")
    return "\n".join(lines) + "\n"


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
