"""A batch spread over worker processes, its results in input order.

Each worker is given the `LineChecker` (so the rulebook) once, when it starts; lines travel
in chunks (one message per chunk each way, not per line), and each chunk comes back as the
records the worker made, JSON included, so the parent only writes. At most ``2 × jobs``
chunks are in flight: memory stays bounded however long the input, and the results are
yielded in input order whatever order the workers finish in.

A worker that dies (killed, out of memory) makes the batch raise `WorkerDied`; an
interrupted batch (Ctrl-C) or one whose reader stops (a closed pipe) stops its workers.
The process-pool machinery is imported only when a batch uses it (it loads ``logging``).
"""

from __future__ import annotations

import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from ._lines import Line, LineChecker, LineRecord, LineResult

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["DEFAULT_CHUNK_SIZE", "WorkerDied", "chunks", "pooled", "worker_count"]

#: Lines a worker is sent at a time (benchmarks/run.py --section scale measures the choice).
DEFAULT_CHUNK_SIZE = 256
#: Chunks in flight per worker: one being checked, one waiting, so no worker idles.
_AHEAD = 2

T = TypeVar("T")
Numbered = list[tuple[int, Line]]

_CHECKER: LineChecker | None = None


class WorkerDied(RuntimeError):
    """A worker process of a batch died (killed, out of memory): the batch is incomplete.

    Not a problem of the input: ``cgov`` reports it as an internal error (exit 4).
    """


def _start(checker: LineChecker) -> None:
    """Worker start-up: keep the checker; leave Ctrl-C to the parent (which stops us)."""
    global _CHECKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _CHECKER = checker


def _checker() -> LineChecker:
    if _CHECKER is None:  # pragma: no cover - the pool always runs _start first
        raise RuntimeError("batch worker started without its checker")
    return _CHECKER


def results_of(chunk: Numbered) -> list[LineResult]:
    """In a worker: the `LineResult` of each line of ``chunk`` (Decisions travel back)."""
    return _checker().check_all(chunk)


def records_of(chunk: Numbered) -> list[LineRecord]:
    """In a worker: the `LineRecord` of each line of ``chunk`` (the JSON travels back)."""
    return _checker().records(chunk)


def worker_count(jobs: int) -> int:
    """``jobs`` worker processes; 0 means one per CPU this process may run on.

    Raises:
        ValueError: ``jobs`` is negative.
    """
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more (got {jobs})")
    if jobs:
        return jobs
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def chunks(lines: Iterable[T], size: int) -> Iterator[list[T]]:
    """``lines`` in lists of ``size`` (the last may be shorter)."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1 (got {size})")
    it = iter(lines)
    while chunk := list(islice(it, size)):
        yield chunk


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: drop the chunks not started and end the workers."""
    pool.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:  # pragma: no cover - depends on the Python version
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()


def pooled(
    lines: Iterable[tuple[int, Line]],
    checker: LineChecker,
    work: Callable[[Numbered], list[T]],
    *,
    jobs: int,
    chunk_size: int,
) -> Iterator[T]:
    """Run ``work`` (`results_of` or `records_of`) over ``lines`` in ``jobs`` processes,
    yielding the results in input order.

    Raises:
        TypeError: the checker cannot be sent to a process (a rulebook built in Python).
        WorkerDied: a worker died.
    """
    try:
        pickle.dumps(checker)
    except (TypeError, AttributeError, pickle.PicklingError) as e:
        raise TypeError(f"a batch over worker processes needs a picklable rulebook: {e}") from e
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    parts = chunks(lines, chunk_size)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start, initargs=(checker,))
    finished = False
    try:
        pending: deque[Future[list[T]]] = deque(
            pool.submit(work, c) for c in islice(parts, jobs * _AHEAD)
        )
        while pending:
            done = pending.popleft().result()
            pending.extend(pool.submit(work, c) for c in islice(parts, 1))
            yield from done
        finished = True
    except BrokenProcessPool as e:
        # A dead worker breaks the pool: `result()` raises this, and so does any later
        # `submit()`, which may see it first. Either way it is the same failure.
        raise WorkerDied(f"a batch worker process died: {e}") from e
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)
