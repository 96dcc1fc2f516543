"""A large catalogue is checked over the processor's cores (generator/content/workers.py): the
problems, the entries and the translated bodies are exactly those of one process."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from generator.content import workers
from generator.content.check import check_catalogue
from tests.support import FIXTURE_SITE

INVALID = Path(__file__).parent.parent / "invalid"


def _catalogue(root: Path) -> Path:
    """The fixture site's catalogue with the files of every invalid example that fit beside it:
    errors and warnings of many kinds, in many files."""
    shutil.copytree(FIXTURE_SITE, root)
    for case in sorted(p for p in INVALID.iterdir() if p.is_dir()):
        files = [p for p in sorted(case.rglob("*")) if p.is_file() and p.name != "expected.yml"]
        targets = [root / p.relative_to(case) for p in files]
        if any(t.exists() for t in targets):
            continue
        for source, target in zip(files, targets, strict=True):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return root


def _entries(catalogue) -> list[tuple]:
    return [
        (e.path, repr(e.values), e.body, e.body_line, sorted(e.locations.items()))
        for e in (*catalogue.experiments.values(), *catalogue.learnings.values())
    ]


def test_workers_report_exactly_what_one_process_reports(tmp_path, monkeypatch):
    root = _catalogue(tmp_path / "catalogue")
    monkeypatch.setattr(workers, "other_threads", lambda: False)  # other tests' idle threads
    monkeypatch.setenv(workers.WORKERS_VARIABLE, "1")
    alone = check_catalogue(root)
    monkeypatch.setattr(workers, "MIN_ITEMS", 2)
    monkeypatch.setenv(workers.WORKERS_VARIABLE, "3")
    assert workers.worker_count(len(alone.files)) == 3
    spread = check_catalogue(root)
    assert len(alone.errors) > 10 and len(alone.problems) > len(alone.errors)  # warnings too
    assert spread.problems == alone.problems
    assert [p.is_error for p in spread.problems] == [p.is_error for p in alone.problems]
    assert _entries(spread) == _entries(alone) != []
    assert spread.bodies == alone.bodies != {}


def test_a_small_catalogue_or_few_cores_keep_one_process(monkeypatch):
    monkeypatch.delenv(workers.WORKERS_VARIABLE, raising=False)
    monkeypatch.setattr(workers, "other_threads", lambda: False)
    monkeypatch.setattr(workers, "usable_cores", lambda: 8)
    assert workers.worker_count(workers.MIN_ITEMS - 1) == 1
    assert workers.worker_count(10 * workers.MIN_ITEMS) == 8
    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    assert workers.worker_count(10 * workers.MIN_ITEMS) == 1
    monkeypatch.setenv(workers.WORKERS_VARIABLE, "2")
    assert workers.worker_count(10 * workers.MIN_ITEMS) == 2
    monkeypatch.setenv(workers.WORKERS_VARIABLE, "1")
    monkeypatch.setattr(workers, "usable_cores", lambda: 8)
    assert workers.worker_count(10 * workers.MIN_ITEMS) == 1


def test_a_process_with_other_threads_keeps_one_process(monkeypatch):
    """Under ``mkdocs serve`` the file watcher and the server run in threads; a fork there could
    copy a lock one of them holds, and hang the worker."""
    monkeypatch.setenv(workers.WORKERS_VARIABLE, "4")
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert workers.worker_count(10 * workers.MIN_ITEMS) == 1
    finally:
        release.set()
        other.join()
