"""Output written whole: a file through a temporary file beside it (:func:`write_atomically`), a
folder by building into a staging folder beside the target, then swapping it in.

A failed build removes its staging folder and leaves the target exactly as it was. An
interrupted one (Ctrl-C, a killed process) leaves the target as it was plus a hidden staging
folder, which the next build to the same target removes; the target never holds a mix of old
and new files. The staging folder is a sibling of the target, so the swap is two renames on one
file system: between them, for an instant, the target does not exist at all.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from pathlib import Path

_TAG = "kokeilu-staging"


def _prefix(out: Path) -> str:
    return f".{out.name}.{_TAG}-"


def _new_folder(parent: Path, prefix: str) -> Path:
    """A new folder with the umask's permissions (tempfile.mkdtemp would make it private)."""
    while True:
        path = parent / f"{prefix}{secrets.token_hex(6)}"
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return path


def staging_folder(out: Path) -> Path:
    """A new empty folder beside ``out`` to build into; leftovers of interrupted builds go."""
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    return _new_folder(out.parent, _prefix(out))


def remove_leftovers(out: Path) -> None:
    """Remove the staging and old folders that interrupted builds to ``out`` left behind."""
    if not out.parent.is_dir():
        return
    for path in out.parent.glob(_prefix(out) + "*"):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` with ``staging``; the old tree is removed only after the swap."""
    if not out.exists():
        staging.rename(out)
        return
    old = _new_folder(out.parent, _prefix(out) + "old-")
    old.rmdir()
    out.rename(old)
    try:
        staging.rename(out)
    except BaseException:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def write_atomically(path: Path, data: bytes) -> None:
    """``path`` holds ``data`` whole or is as it was: written beside it, then renamed over it, so
    a stopped process or two writers at once never leave half a file. Readable by all, as a
    plain file would be (tempfile makes it private)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
