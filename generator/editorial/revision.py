"""A git revision's catalogue files, read as data: never run, never checked out.

Each revision's catalogue files (the vocabularies, the entry folders and the content pages) are
read from git (``git ls-tree`` and ``git cat-file``) into a temporary folder. A symbolic link or
a submodule in a revision's tree is never written; it is a problem of that revision, as it is on
disk. Which files changed between two revisions is what ``git diff --name-status -M`` says.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.content.layout import report_submodule, report_symlink, shown_name
from generator.core.problems import ConfigError, Problem
from generator.core.schema import Schema

# git's modes of the tree entries that are not regular files: never written, each a problem.
SYMLINK_MODE = "120000"
GITLINK_MODE = "160000"  # a submodule's commit
_FILE_MODES = ("100644", "100755")


def git(root: Path, *args: str) -> bytes:
    """The output of ``git args`` run in ``root``; a Finnish error when git fails."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        raise ConfigError("Komentoa git ei löytynyt. Asenna git, jotta voit verrata revisioita.") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise ConfigError(f"git {args[0]} epäonnistui: {message}")
    return result.stdout


def verify_revision(root: Path, revision: str) -> str:
    """The commit id of ``revision``, or a Finnish usage error."""
    if revision.startswith("-"):
        raise ConfigError(f"Revisio {revision!r} ei kelpaa: se ei saa alkaa viivalla.")
    try:
        inside = git(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
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


def _catalogue_folders(schema: Schema) -> tuple[str, ...]:
    folders = {
        schema.vocabulary_directory,
        schema.site.docs_directory,
        *(e.directory for e in schema.entries),
    }
    return tuple(sorted(folders))


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
    revision = Revision(target)
    blobs = _catalogue_blobs(root, commit, schema, revision)
    if blobs:
        _write_blobs(root, blobs, target)
    return revision


def _catalogue_blobs(root: Path, commit: str, schema: Schema, revision: Revision) -> list[tuple[str, str]]:
    """(blob id, path) of each regular file in the catalogue's folders of ``commit``; the links
    and submodules there are added to ``revision``."""
    prefix = git(root, "rev-parse", "--show-prefix").decode().strip()
    tree = f"{commit}:{prefix}" if prefix else commit
    listing = git(root, "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", tree)
    wanted = _catalogue_folders(schema)
    blobs: list[tuple[str, str]] = []
    for record in listing.decode("utf-8", "surrogateescape").split("\0"):
        if not record:
            continue
        meta, _, name = record.partition("\t")
        mode, kind, sha = meta.split()
        if not _is_in(name, wanted):
            continue
        if mode == SYMLINK_MODE:
            revision.links.append(shown_name(name))
        elif mode == GITLINK_MODE or kind == "commit":
            revision.submodules.append(shown_name(name))
        elif kind == "blob" and mode in _FILE_MODES:
            blobs.append((sha, name))
    return blobs


def _is_in(name: str, folders: tuple[str, ...]) -> bool:
    """Whether the root-relative ``name`` is one of ``folders`` or inside one (never above)."""
    if ".." in PurePosixPath(name).parts:
        return False
    return any(name == folder or name.startswith(folder + "/") for folder in folders)


def _write_blobs(root: Path, blobs: list[tuple[str, str]], target: Path) -> None:
    """Write each blob at its path under ``target``, all read with one ``git cat-file --batch``."""
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


def name_status(root: Path, base: str, head: str, schema: Schema) -> list[tuple[str, str, str | None]]:
    """(status letter, path, new path for a rename) for the catalogue's folders (entries, pages,
    vocabularies), paths root-relative; links and submodules included."""
    folders = _catalogue_folders(schema)
    out = git(root, "diff", "--name-status", "-M", "-z", "--relative", base, head, "--", *folders)
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
