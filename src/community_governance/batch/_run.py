"""Checking JSON Lines: the Python API, and the writer `cgov check SUBJECT --jsonl` uses."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator
from typing import TextIO

from .._io import DEFAULT_MAX_DEPTH
from ..engine import evaluate
from ..models import Subject
from ..models.work_item import WorkItem
from ..rulebooks import Rulebook
from ..rules.decision import Decision
from ..store import CommunityStore
from ._lines import Line, LineChecker, LineRecord, LineResult, _book, mask_of, numbered
from ._pool import DEFAULT_CHUNK_SIZE, pooled, records_of, results_of, worker_count
from ._summary import BatchSummary

__all__ = [
    "check_jsonl",
    "check_work_item",
    "check_work_items",
    "jsonl_records",
    "run_batch",
]


def check_work_item(
    item: WorkItem, rulebook: Rulebook | str, at: dt.date | None = None
) -> Decision:
    """May this work item be assigned to the committee? (准入)

    Args:
        item: the validated work item.
        rulebook: a `Rulebook` or a built-in rulebook id (``cn.ningxia``).
        at: the date the law is applied as of; default: the item's ``requested_on``.

    Returns:
        The `Decision`: ``allowed`` (admitted), ``denied`` with every reason, or
        ``indeterminate``.

    Raises:
        TypeError: ``item`` is not a `WorkItem`.
        UnknownReferenceError: unknown rulebook id, or a rulebook without work-item rules.

    Examples:
        >>> from pathlib import Path
        >>> item = WorkItem.model_validate_json(
        ...     Path("examples/access/assistance-funded.json").read_text(encoding="utf-8"))
        >>> check_work_item(item, "cn.ningxia").verdict
        'allowed'
    """
    if not isinstance(item, WorkItem):
        raise TypeError(f"item must be a WorkItem (got {type(item).__name__})")
    return evaluate(item, _book(rulebook), at)


def check_jsonl(
    lines: Iterable[Line],
    subject: str | type[Subject],
    rulebook: Rulebook | str,
    at: dt.date | None = None,
    *,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    mask: bool | bytes | str | None = None,
    max_depth: int = DEFAULT_MAX_DEPTH,
    store: CommunityStore | None = None,
) -> Iterator[LineResult]:
    """Check JSON Lines of any subject type lazily: one `LineResult` per non-blank line, in
    input order.

    Each line is read as strict JSON first (UTF-8, no key given twice, no ``NaN``, nesting
    at most ``max_depth``), then validated as the subject's model and judged; an invalid
    line gives a `LineResult` with the located problems, and the others go on.

    Args:
        lines: the input lines (text or UTF-8 bytes), e.g. an open file, or
            `community_governance._io.bounded_lines` of one (an `OverlongLine` stands for a
            line over the size limit).
        subject: the subject type (``proposal``, ``work-item``…) or its model.
        rulebook: a `Rulebook` or a built-in rulebook id.
        at: the date the law is applied as of; default: each subject's own date.
        jobs: worker processes (0: one per CPU). With more than one, the lines go to the
            workers in chunks of ``chunk_size`` and the Decisions come back pickled, in input
            order; the rulebook must pickle (a built-in or file rulebook does).
        chunk_size: lines sent to a worker at a time.
        mask: ``True`` to mask person ids and personal evidence with a new random salt, or
            the salt itself (one for the whole batch); default: no masking.
        max_depth: deepest nesting of a line's objects and arrays.
        store: the community store a line's ``community_id`` is looked up in
            (`community_governance.store`); with ``jobs`` above 1 it must pickle (an SQLite
            file store does: each worker opens the file; an in-memory store is copied).

    Raises:
        UnknownReferenceError: unknown subject type or rulebook id.
        TypeError: ``jobs`` above 1 with a rulebook built in Python, or a store on an SQLite
            ``:memory:`` database (they do not pickle).
        WorkerDied: a worker process died.

    Examples:
        >>> from pathlib import Path
        >>> text = Path("examples/jinjiang/proposal-short.json").read_text("utf-8")
        >>> lines = [text.replace("\\n", " "), "", '{"id": 1}']
        >>> [(r.line, r.decision.verdict if r.decision else r.problems[0].path)
        ...  for r in check_jsonl(lines, "proposal", "cn.sichuan.chengdu.jinjiang")]
        [(1, 'denied'), (3, 'id')]
    """
    checker = LineChecker.of(
        subject, rulebook, at, mask_salt=mask_of(mask), max_depth=max_depth, store=store
    )
    workers = worker_count(jobs)
    if workers == 1:
        return (checker.check(n, line) for n, line in numbered(lines))
    return pooled(numbered(lines), checker, results_of, jobs=workers, chunk_size=chunk_size)


def jsonl_records(
    lines: Iterable[tuple[int, Line]],
    checker: LineChecker,
    *,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[LineRecord]:
    """The `LineRecord` of each numbered line (`numbered`), in input order, made in ``jobs``
    worker processes (0: one per CPU): what a batch writes, with the JSON made where the
    Decision was."""
    workers = worker_count(jobs)
    if workers == 1:
        return (checker.check(n, line).record() for n, line in lines)
    return pooled(lines, checker, records_of, jobs=workers, chunk_size=chunk_size)


def check_work_items(
    lines: Iterable[Line],
    rulebook: Rulebook | str,
    at: dt.date | None = None,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Iterator[LineResult]:
    """Check JSON Lines of work items lazily: one `LineResult` per non-blank line
    (`check_jsonl` for ``work-item``, in this process).

    Args:
        lines: the input lines (text or UTF-8 bytes).
        rulebook: a `Rulebook` or a built-in rulebook id.
        at: the date the law is applied as of; default: each item's ``requested_on``.
        max_depth: deepest nesting of a line's objects and arrays.

    Examples:
        >>> from pathlib import Path
        >>> lines = Path("examples/access/department-list.jsonl").read_text("utf-8").splitlines()
        >>> [r.decision.verdict if r.decision else "invalid"
        ...  for r in check_work_items(lines, "cn.ningxia")][:3]
        ['allowed', 'denied', 'denied']
    """
    return check_jsonl(lines, WorkItem, rulebook, at, max_depth=max_depth)


class _Counted:
    """The input lines, numbered, with the bytes read so far (for the progress bar)."""

    def __init__(self, lines: Iterable[Line]) -> None:
        self.lines = lines
        self.read = 0

    def __iter__(self) -> Iterator[tuple[int, Line]]:
        for n, line in enumerate(self.lines, start=1):
            self.read += line.length if not isinstance(line, (str, bytes)) else len(line)
            if isinstance(line, (str, bytes)) and not line.strip():
                continue
            yield n, line


class _Progress:
    """A progress bar on a terminal: lines done, rate, and with the input's size, how much."""

    WIDTH = 24

    def __init__(self, err: TextIO, total_bytes: int | None, counted: _Counted) -> None:
        self.err = err
        self.total_bytes = total_bytes or None
        self.counted = counted
        self.start = time.perf_counter()

    def show(self, done: int, end: str = "") -> None:
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        rate = done / elapsed
        head = ""
        if self.total_bytes is not None:
            part = min(self.counted.read / self.total_bytes, 1.0)
            filled = round(part * self.WIDTH)
            head = f"[{'█' * filled}{'░' * (self.WIDTH - filled)}] {part:4.0%} "
        self.err.write(f"\r{head}已处理 processed {done:,} · {rate:,.0f}/s · {elapsed:.1f} s{end}")
        self.err.flush()


def run_batch(
    lines: Iterable[Line],
    rulebook: Rulebook | str,
    *,
    out: TextIO,
    err: TextIO,
    subject: str | type[Subject] = "work_item",
    fmt: str = "text",
    at: dt.date | None = None,
    progress: bool | None = None,
    every: int = 1000,
    max_depth: int = DEFAULT_MAX_DEPTH,
    summary: BatchSummary | None = None,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    mask: bool | bytes | str | None = None,
    total_bytes: int | None = None,
    store: CommunityStore | None = None,
) -> BatchSummary:
    """Check a JSON Lines stream and write one result per line, then the summary.

    ``text``: one line per subject on ``out`` (invalid lines too), then the summary table.
    ``json``: one JSON document per line on ``out`` (``cg.decision/2``, or
    ``cg.batch-error/1`` for an invalid line, in input order), the summary table on ``err``.
    The output is the same byte for byte whatever ``jobs``.

    Args:
        lines: the input lines.
        rulebook: a `Rulebook` or a built-in rulebook id.
        out: where results go.
        err: where progress (and, for ``json``, the summary) goes.
        subject: the subject type of every line (default: work items).
        fmt: ``text`` or ``json``.
        at: the date the law is applied as of; default: each subject's own date.
        progress: show a progress bar on ``err``; default: only when ``err`` is a terminal.
        every: redraw the progress bar every this many lines.
        max_depth: deepest nesting of a line's objects and arrays.
        summary: count into this summary (so a caller still has the counts of the lines
            checked if writing fails part-way); default: a new one.
        jobs: worker processes (0: one per CPU); see `check_jsonl`.
        chunk_size: lines sent to a worker at a time.
        mask: ``True`` (a random salt) or a salt: mask person ids and personal evidence.
        total_bytes: the input's size, for the bar's share done (default: not shown).
        store: the community store a line's ``community_id`` is looked up in (a file store
            with ``jobs`` other than 1: each worker opens it).

    Returns:
        The `BatchSummary` (its ``exit_code`` is the command's).
    """
    checker = LineChecker.of(
        subject, rulebook, at, mask_salt=mask_of(mask), max_depth=max_depth, store=store
    )
    access = checker.model is WorkItem
    show = err.isatty() if progress is None else progress
    if summary is None:
        summary = BatchSummary(access=access)
    else:
        summary.access = access
    counted = _Counted(lines)
    bar = _Progress(err, total_bytes, counted) if show else None
    for record in jsonl_records(counted, checker, jobs=jobs, chunk_size=chunk_size):
        summary.add(record)
        out.write((record.json if fmt == "json" else record.text(access)) + "\n")
        if bar is not None and summary.total % every == 0:
            bar.show(summary.total)
    if bar is not None:
        bar.show(summary.total, end="\n")
    (err if fmt == "json" else out).write(summary.table() + "\n")
    return summary
