"""What lies in the catalogue's folders, listed without ever following a symbolic link.

The survey lists every file and folder under the entry folders (``experiments/``) and the docs
folder (``content/``) with ``os.scandir`` and lstat semantics:

- a symbolic link is reported (``symlink``) and never followed: it could point anywhere on the
  machine that builds the site (``/etc/passwd``, ``/proc/self/environ``);
- a folder holding ``.git`` (a submodule, or a repository of its own) is reported
  (``submodule``) and not entered;
- anything else that is not a regular file or a folder (a FIFO, a socket, a device) is an
  ``unexpected-file``, never opened.

Every stage that reads a file (entries, translated bodies, intros, hand-written pages) takes it
from the survey, so none of them can read through a link. Which regular files may live where is
decided by those stages (:mod:`generator.content.loading`, :mod:`generator.content.intros`,
:mod:`generator.content.handwritten`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.core.problems import Problem, ProblemSink

FILE = "file"
FOLDER = "folder"
LINK = "symlink"
SUBMODULE = "submodule"
OTHER = "other"
# What makes a folder a submodule or a repository of its own (a file in a submodule, a folder
# in a nested clone).
GIT_MARKER = ".git"


@dataclass(frozen=True, slots=True)
class Node:
    """One file or folder, by its root-relative path with forward slashes."""

    path: str  # bytes that are not UTF-8 are shown as \\x escapes (see shown_name)
    kind: str
    readable_name: bool = True  # False when its name or a folder's above has bytes that are not UTF-8

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def is_file(self) -> bool:
        return self.kind == FILE

    @property
    def is_folder(self) -> bool:
        return self.kind == FOLDER

    @property
    def refused(self) -> bool:
        """A link, a submodule or a special file: reported by the survey, never read."""
        return self.kind in (LINK, SUBMODULE, OTHER)


class Tree:
    """The surveyed nodes, with each folder's children in name order."""

    def __init__(self, nodes: Iterable[Node]) -> None:
        self.nodes: dict[str, Node] = {}
        self._children: dict[str, list[Node]] = {}
        for node in sorted(nodes, key=lambda n: n.path):
            self.nodes[node.path] = node
            self._children.setdefault(node.path.rpartition("/")[0], []).append(node)

    def get(self, path: str) -> Node | None:
        return self.nodes.get(path)

    def children(self, folder: str) -> list[Node]:
        return self._children.get(folder, [])

    def under(self, folder: str) -> Iterator[Node]:
        """Every node below ``folder``, in path order."""
        stack = list(reversed(self.children(folder)))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(self.children(node.path)))


def shown_name(name: str) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 as escapes such as \\xe4.

    ``os.scandir`` keeps such bytes as lone surrogates, which a UTF-8 terminal cannot print.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return name


def survey(root: Path, folders: Iterable[str], problems: list[Problem]) -> Tree:
    """Every node under ``folders`` (root-relative; a folder inside another is walked once).

    Links, submodules and special files are reported here, once, and not entered."""
    tops = sorted(set(folders))
    tops = [t for t in tops if not any(t.startswith(other + "/") for other in tops)]
    nodes: list[Node] = []
    for top in tops:
        path = root / top
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            continue  # missing or unreadable: the stages that need the folder say what is missing
        kind = _kind(
            str(path), is_link=stat.S_ISLNK(mode), is_dir=stat.S_ISDIR(mode), is_file=stat.S_ISREG(mode)
        )
        _visit(root, Node(top, kind), nodes, problems)
    return Tree(nodes)


def _visit(root: Path, top: Node, nodes: list[Node], problems: list[Problem]) -> None:
    """Record ``top`` and, for a plain folder, everything below it (iteratively: no recursion
    limit for deep trees)."""
    stack = [(top, str(root / top.path))]  # each node with its path on disk (names as they are)
    while stack:
        node, real = stack.pop()
        nodes.append(node)
        _report(node, problems)
        if node.kind != FOLDER:
            continue
        try:
            with os.scandir(real) as listing:
                items = sorted(listing, key=lambda item: item.name)
        except OSError:
            continue
        for item in reversed(items):
            kind = _kind(
                item.path,
                is_link=item.is_symlink(),
                is_dir=item.is_dir(follow_symlinks=False),
                is_file=item.is_file(follow_symlinks=False),
            )
            shown = shown_name(item.name)
            readable = shown == item.name and node.readable_name
            stack.append((Node(f"{node.path}/{shown}", kind, readable), item.path))


def _kind(path: str, *, is_link: bool, is_dir: bool, is_file: bool) -> str:
    if is_link:
        return LINK
    if is_dir:
        return SUBMODULE if os.path.lexists(os.path.join(path, GIT_MARKER)) else FOLDER
    return FILE if is_file else OTHER


def _report(node: Node, problems: list[Problem]) -> None:
    if node.kind == LINK:
        report_symlink(node.path, problems)
    elif node.kind == SUBMODULE:
        report_submodule(node.path, problems)
    elif node.kind == OTHER:
        report_special(node.path, problems)


def report_symlink(path: str, problems: list[Problem]) -> None:
    """A symbolic link (on disk, or mode 120000 in git): never read, never published."""
    ProblemSink(path, problems).error(
        1,
        1,
        "symlink",
        f"{path} on symbolinen linkki. Linkkejä ei lueta eikä julkaista, koska ne voivat osoittaa "
        "mihin tahansa sivuston rakentavalla koneella. Poista linkki (git rm) ja lisää sen "
        "paikalle tavallinen tiedosto tai kansio.",
    )


def report_submodule(path: str, problems: list[Problem]) -> None:
    """A folder with .git in it, or a gitlink (mode 160000): its content is not read."""
    ProblemSink(path, problems).error(
        1,
        1,
        "submodule",
        f"Kansio {path}/ on git-alimoduuli tai oma git-repositorionsa, joten sen sisältöä ei "
        f"lueta eikä julkaista. Poista alimoduuli (git rm {path}) ja lisää tiedostot tavallisina "
        "tiedostoina tähän repositorioon.",
    )


def report_special(path: str, problems: list[Problem]) -> None:
    """Something that is not a regular file where one is read: a FIFO, a socket, a device (or,
    where a file is expected, a folder). Never opened."""
    ProblemSink(path, problems).error(
        1,
        1,
        "unexpected-file",
        f"{path} ei ole tavallinen tiedosto (vaan esimerkiksi nimetty putki, laite tai kansio), "
        "joten sitä ei lueta eikä julkaista. Korvaa se tavallisella tiedostolla tai poista se.",
    )
