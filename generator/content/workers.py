"""The per-file work of ``kokeilu check`` spread over the processor's cores.

:func:`map_in_order` is ``[func(item) for item in items]``, computed by forked worker processes
when there are enough items and cores: each worker gets a contiguous run of the items, and the
results are put together in the items' order, so the outcome (the problems, their order, the
entries) is the same as in one process. The function and the items are not sent to the workers:
they are inherited by the fork; only the results come back.

One process does the work where forking costs more than it saves or is not possible: fewer than
:data:`MIN_ITEMS` items, fewer than :data:`MIN_CORES` cores, no ``fork`` (Windows, macOS'
default), inside a worker, in a process with other threads (``mkdocs serve``: a fork
could copy a lock another thread holds). The workers cost about a third more CPU time in all than one process
(the pages the fork copies, the entries sent back): measured on 2 cores shared with other work,
they were slower than one process, so below 4 cores they are used only when asked for. The
environment variable ``KOKEILU_CHECK_WORKERS`` sets the number of processes (1: never fork).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

# Below this many items one process does the work: a fork and the results' way back cost more.
MIN_ITEMS = 300
# Fewer cores than this: one process, unless KOKEILU_CHECK_WORKERS asks for more.
MIN_CORES = 4
WORKERS_VARIABLE = "KOKEILU_CHECK_WORKERS"
# Runs of items per worker: more than one, so that a worker given slow files does not hold up
# the others for long.
_RUNS_PER_WORKER = 4

# The work of the current map_in_order, for the forked workers to find.
_TASK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def worker_count(items: int) -> int:
    """How many processes :func:`map_in_order` uses for ``items`` items: 1 means this one."""
    if items < MIN_ITEMS or multiprocessing.current_process().daemon:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if other_threads():
        return 1
    configured = os.environ.get(WORKERS_VARIABLE, "").strip()
    if configured.isdigit():
        return max(1, int(configured))
    cores = usable_cores()
    return cores if cores >= MIN_CORES else 1


def other_threads() -> bool:
    """Whether this process runs other threads (``mkdocs serve``: a fork could copy a lock one of
    them holds, and the worker would wait for it forever)."""
    return threading.active_count() > 1


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def map_in_order(func: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """``[func(item) for item in items]``, over forked workers where that pays (see the module)."""
    workers = worker_count(len(items))
    if workers < 2:
        return [func(item) for item in items]
    global _TASK
    _TASK = (func, items)
    # The objects so far are left out of the workers' garbage collection: it would write to
    # every one of them, and so copy every memory page the fork shares with this process.
    gc.freeze()
    try:
        runs = _runs(len(items), workers * _RUNS_PER_WORKER)
        pool = multiprocessing.get_context("fork").Pool(workers)
        try:
            parts = pool.map(_run, runs, chunksize=1)
            pool.close()
        finally:
            pool.terminate()
            pool.join()
    finally:
        _TASK = None
        gc.unfreeze()
    return [result for part in parts for result in part]


def _runs(count: int, wanted: int) -> list[tuple[int, int]]:
    """``count`` items cut into at most ``wanted`` contiguous runs of near equal length."""
    size, extra = divmod(count, wanted)
    runs, start = [], 0
    for index in range(wanted):
        end = start + size + (index < extra)
        if end > start:
            runs.append((start, end))
        start = end
    return runs


def _run(run: tuple[int, int]) -> list[Any]:
    """In a worker: the results of one run of the items."""
    assert _TASK is not None
    func, items = _TASK
    return [func(items[index]) for index in range(*run)]
