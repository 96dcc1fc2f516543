"""The page cache's storage: content-addressed entries in a folder outside the site.

An entry is stored under its key (a digest of everything its bytes were made from, see
:mod:`generator.engines.page_cache`) in ``objects/<first two hex digits>/<key>``. The index,
``index.json``, names the cache's format and each entry's own digest: an entry is trusted only
when the index is readable, of this format, and the entry's bytes have the digest the index
gives. Anything else is a cache that is not ours or not whole, and the build ignores it
(:class:`UnreadableCache`).

Every file is written atomically (a temporary file beside it, then ``os.replace``), so a build
that stops half-way leaves either the old file or the new one, never half of one. The index is
written only after a build that succeeded; entries the build did not use are removed then.
No mkdocs import.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from generator.core.output import write_atomically

FORMAT = "kokeilu-page-cache/1"
INDEX = "index.json"
OBJECTS = "objects"


class UnreadableCache(Exception):
    """The cache folder holds something this build cannot trust; it is built cold."""


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=32).hexdigest()


def key_of(*parts: object) -> str:
    """One key from parts that are strings, bytes or JSON-able values (sorted mappings)."""
    h = hashlib.blake2b(digest_size=32)
    for part in parts:
        data = part if isinstance(part, bytes) else _canonical(part).encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _canonical(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))


def tree_digest(folders: Iterable[Path]) -> str:
    """A digest of every file under ``folders`` (paths relative to each folder, and bytes)."""
    h = hashlib.blake2b(digest_size=32)
    for folder in folders:
        files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            h.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            h.update(digest(path.read_bytes()).encode("ascii"))
    return h.hexdigest()


class PageStore:
    """One build's view of the cache folder: what it found, and what it used and added."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.known: dict[str, str] = {}  # key → digest of its bytes, from the index
        self.used: dict[str, str] = {}  # the keys this build read or wrote
        self.hits = self.misses = 0

    def open(self) -> None:
        """Read the index; :class:`UnreadableCache` if it is there but not ours or not whole."""
        index = self.folder / INDEX
        if not index.exists():
            return
        try:
            data = json.loads(index.read_bytes())
        except (OSError, ValueError) as error:
            raise UnreadableCache(f"{index} is not readable JSON ({error})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise UnreadableCache(f"{index} is not of the format {FORMAT}")
        entries = data.get("entries")
        if not isinstance(entries, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in entries.items()
        ):
            raise UnreadableCache(f"{index} has no valid list of entries")
        self.known = entries

    def _path(self, key: str) -> Path:
        return self.folder / OBJECTS / key[:2] / key

    def get(self, key: str, count: bool = True) -> bytes | None:
        """The entry's bytes, or None; :class:`UnreadableCache` if they are not what the index
        says. ``count``: a lookup, counted in :attr:`hits` and :attr:`misses`."""
        expected = self.known.get(key)
        if expected is None:
            self.misses += count
            return None
        try:
            data = self._path(key).read_bytes()
        except OSError:
            raise UnreadableCache(f"the entry {key} named by the index is missing") from None
        if digest(data) != expected:
            raise UnreadableCache(f"the entry {key} does not match its digest in the index")
        self.used[key] = expected
        self.hits += count
        return data

    def put(self, key: str, data: bytes) -> None:
        """Store an entry; written unless this build read the same bytes from it (a file the
        index names but that was not checked may be the damaged one)."""
        found = digest(data)
        if self.used.get(key) != found:
            write_atomically(self._path(key), data)
        self.used[key] = found

    def finish(self) -> int:
        """Write the index of the entries this build used, remove the others; how many went."""
        index = {"format": FORMAT, "entries": dict(sorted(self.used.items()))}
        write_atomically(self.folder / INDEX, json.dumps(index, indent=0).encode("utf-8"))
        removed = 0
        objects = self.folder / OBJECTS
        for path in sorted(objects.glob("*/*")) if objects.is_dir() else []:
            if path.name not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        for shard in sorted(objects.iterdir()) if objects.is_dir() else []:
            if shard.is_dir() and not any(shard.iterdir()):
                shard.rmdir()
        return removed
