"""Dates from git: when each file last changed, and the date of the commit being built.

They are the only dates the site and the reports use, so two builds of the same commit agree
(no build timestamps), wherever they are checked out. Outside git both are unknown.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def _git(root: Path, *args: str) -> bytes | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return result.stdout if result.returncode == 0 else None


def last_commit_dates(root: Path) -> dict[str, dt.date]:
    """Root-relative path → the date of the last commit that touched it; empty outside git.

    One ``git log`` over the whole history, newest first, instead of one per file: at 10,000
    entries that is one process instead of 12,500."""
    out = _git(root, "log", "--no-renames", "--relative", "--name-only", "-z", "--format=%x01%cs")
    if out is None:
        return {}
    dates: dict[str, dt.date] = {}
    for commit in out.decode("utf-8", "surrogateescape").split("\x01")[1:]:
        # With -z: "<date>\0\n<name>\0<name>\0…"
        stamp, *names = commit.split("\0")
        try:
            date = dt.date.fromisoformat(stamp.strip())
        except ValueError:
            continue
        for name in names:
            name = name.strip("\n")
            if name:
                dates.setdefault(name, date)
    return dates


def head_commit_time(root: Path) -> int | None:
    """The committer time of HEAD in seconds since the epoch (SOURCE_DATE_EPOCH), or None."""
    out = _git(root, "log", "-1", "--format=%ct")
    try:
        return int(out.strip()) if out else None
    except ValueError:
        return None
