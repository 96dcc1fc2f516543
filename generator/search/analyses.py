"""The Finnish analyses of earlier builds, kept on disk (``.cache/kokeilu/``), so a rebuild and
CI (with the folder cached between runs) need not load or run the analyser for words it has
seen.

What is kept is :func:`generator.search.morphology.related_words`' answer for each word
analysed: the word's base forms and compound parts, which depend only on the analyser and on
our code. So the file's name carries a digest of both (:func:`analyser_key`): the versions of
pyvoikko, kfst and kfst-rs, the bytes of pyvoikko's dictionary (``voikko.kfst``) and of
generator/search/morphology.py. Another analyser or a change to that code reads another file,
and the build writes its own, removing the others. A file that cannot be read or is not
what this module writes is ignored (the words are analysed again); the file is replaced
atomically (written beside it, then renamed), so a build stopped half way, or two builds at
once, never leave a broken one. The index is the same with and without the file.

Where: ``$KOKEILU_CACHE_DIR`` when it is set (empty: no file, every word analysed), else
``.cache/kokeilu/`` in the folder the build runs in (beside mkdocs.yml, where Zensical keeps
its ``.cache/`` too).
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata, util
from pathlib import Path

from generator.core.output import write_atomically

CACHE_ENV = "KOKEILU_CACHE_DIR"
DEFAULT_DIR = Path(".cache") / "kokeilu"
PREFIX = "analyses-"
# The distributions whose versions the analyses depend on.
ANALYSER_PACKAGES = ("pyvoikko", "kfst", "kfst-rs")
MORPHOLOGY = Path(__file__).with_name("morphology.py")


def cache_dir() -> Path | None:
    """The folder of the file, or None when ``$KOKEILU_CACHE_DIR`` is set empty."""
    value = os.environ.get(CACHE_ENV)
    if value is None:
        return Path.cwd() / DEFAULT_DIR
    return Path(value) if value else None


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def _dictionary() -> bytes:
    """pyvoikko's voikko.kfst, found without importing pyvoikko (which loads it)."""
    spec = util.find_spec("pyvoikko")
    for folder in (spec and spec.submodule_search_locations) or ():
        path = Path(folder) / "voikko.kfst"
        if path.is_file():
            return path.read_bytes()
    return b""


def analyser_key() -> str:
    """A digest of the analyser (its packages' versions and dictionary) and of our analysis code."""
    digest = hashlib.sha256()
    for package in ANALYSER_PACKAGES:
        digest.update(f"{package}={_version(package)}\n".encode())
    digest.update(hashlib.sha256(_dictionary()).digest())
    digest.update(hashlib.sha256(MORPHOLOGY.read_bytes()).digest())
    return digest.hexdigest()[:20]


class Analyses:
    """Word → related words, read from the file of this analyser once and written back when
    a build has added words (:meth:`save`)."""

    def __init__(self, folder: Path | None, key: str) -> None:
        self.path = folder / f"{PREFIX}{key}.json" if folder else None
        self.words: dict[str, tuple[str, ...]] = self._read()
        self.added = 0

    def _read(self) -> dict[str, tuple[str, ...]]:
        if self.path is None:
            return {}
        try:
            found = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(found, dict):
            return {}
        words: dict[str, tuple[str, ...]] = {}
        for word, related in found.items():
            if not isinstance(related, list) or not all(isinstance(w, str) for w in related):
                return {}  # not a file of ours: ignored whole
            words[word] = tuple(related)
        return words

    def get(self, word: str) -> tuple[str, ...] | None:
        return self.words.get(word)

    def add(self, word: str, related: tuple[str, ...]) -> None:
        self.words[word] = related
        self.added += 1

    def save(self) -> None:
        """Writes the file (sorted, atomically) if words were added, and removes the files of
        other analysers; a folder that cannot be written is left alone."""
        if self.path is None or not self.added:
            return
        content = json.dumps(
            {word: list(related) for word, related in self.words.items()},
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )
        try:
            write_atomically(self.path, content.encode("utf-8"))
            for other in self.path.parent.glob(f"{PREFIX}*.json"):
                if other != self.path:
                    other.unlink(missing_ok=True)
        except OSError:
            return
        self.added = 0
