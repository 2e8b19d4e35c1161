"""A partitioned JSON Lines dataset audited with Dask: one task per partition file.

Needs the ``dask`` extra (``pip install 'community-governance[dask]'``); Dask is imported
only when a function here is called. Each task reads one input partition with the same
strict, bounded reader as ``cgov check SUBJECT --jsonl`` and writes its output partition
(same file name, in the output directory) with exactly the lines that command writes with
``--format json``: a ``cg.decision/2`` document or a ``cg.batch-error/1`` record per
non-blank input line, in input order. The summaries of the partitions are added up in the
order of the inputs.

The rulebook travels to each task by pickle (a built-in rulebook by its id, a file rulebook
by its content); one masking salt serves the whole dataset.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._io import DEFAULT_MAX_DEPTH, Limits, bounded_lines
from ..models import Subject
from ..rulebooks import Rulebook
from ..store import CommunityStore
from ._lines import LineChecker, mask_of, numbered
from ._summary import BatchSummary

if TYPE_CHECKING:
    from dask.bag import Bag

#: Partitions: a glob pattern, a directory, or a list of files.
Inputs = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]

__all__ = ["Inputs", "audit_dataset", "audit_partition", "partition_paths", "partitions_bag"]


def partition_paths(inputs: Inputs) -> list[Path]:
    """The input partitions: a glob pattern (``data/part-*.jsonl``), a directory (its
    ``*.jsonl`` files) or a list of files; sorted, so the order is the same on every run.

    Raises:
        FileNotFoundError: nothing matches.
        ValueError: two partitions have the same file name (their outputs would collide).
    """
    if isinstance(inputs, (str, os.PathLike)):
        text = os.fspath(inputs)
        if os.path.isdir(text):
            found = sorted(Path(text).glob("*.jsonl"))
        else:
            found = sorted(Path(p) for p in glob.glob(text))
    else:
        found = [Path(p) for p in inputs]
    if not found:
        raise FileNotFoundError(f"no JSON Lines partitions at {inputs!s}")
    names = [p.name for p in found]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"partitions with the same file name: {', '.join(twice)}")
    return found


def audit_partition(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    checker: LineChecker,
    line_limit: int,
) -> BatchSummary:
    """Check one partition file and write its output partition: what one Dask task does.

    The output is written to a temporary name beside ``target`` and renamed when complete,
    so a partition that exists is whole.

    Args:
        source: the input JSON Lines file.
        target: the output JSON Lines file.
        checker: the subject type, rulebook, date and masking of the whole dataset.
        line_limit: the longest line read (bytes); a longer one is an invalid line.

    Returns:
        The partition's `BatchSummary`.
    """
    summary = BatchSummary(access=checker.model.subject_type == "work_item")
    target = Path(target)
    partial = target.with_name(f".{target.name}.partial")
    with open(source, "rb") as stream, open(partial, "w", encoding="utf-8") as out:
        for n, line in numbered(bounded_lines(stream, line_limit)):
            record = checker.check(n, line).record()
            summary.add(record)
            out.write(record.json + "\n")
    os.replace(partial, target)
    return summary


def partitions_bag(
    inputs: Inputs,
    subject: str | type[Subject],
    rulebook: Rulebook | str,
    output_dir: str | os.PathLike[str],
    at: dt.date | None = None,
    *,
    mask: bool | bytes | str | None = None,
    max_depth: int = DEFAULT_MAX_DEPTH,
    line_limit: int | None = None,
    store: CommunityStore | None = None,
) -> Bag:
    """A Dask bag of one task per partition, each auditing its file (`audit_partition`);
    computing it gives the partitions' `BatchSummary` values in input order.

    Args:
        inputs: the partitions (`partition_paths`).
        subject: the subject type of every line (``body``, ``proposal``…).
        rulebook: a `Rulebook` (built-in or read from a file) or a built-in rulebook id.
        output_dir: where the output partitions go (created if missing).
        at: the date the law is applied as of; default: each subject's own date.
        mask: ``True`` (one random salt for the dataset) or a salt: mask person ids.
        max_depth: deepest nesting of a line's objects and arrays.
        line_limit: the longest line read, in bytes (default: the input limit, 64 MiB).
        store: the community store the lines' ``community_id`` are looked up in; with a
            process or distributed scheduler it travels pickled (an SQLite file store as
            its path: every worker must see the file).
    """
    import dask.bag as db

    paths = partition_paths(inputs)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    checker = LineChecker.of(
        subject, rulebook, at, mask_salt=mask_of(mask), max_depth=max_depth, store=store
    )
    limit = line_limit if line_limit is not None else Limits().input_bytes
    pairs = [(str(p), str(out / p.name)) for p in paths]
    # dask.bag has no type annotations
    tasks = db.from_sequence(pairs, npartitions=len(pairs))  # type: ignore[no-untyped-call]
    bag: Bag = tasks.starmap(audit_partition, checker=checker, line_limit=limit)
    return bag


def audit_dataset(
    inputs: Inputs,
    subject: str | type[Subject],
    rulebook: Rulebook | str,
    output_dir: str | os.PathLike[str],
    at: dt.date | None = None,
    *,
    scheduler: str = "processes",
    num_workers: int | None = None,
    **options: Any,
) -> BatchSummary:
    """Audit a partitioned JSON Lines dataset with Dask and write the Decisions back as JSON
    Lines partitions; return the summary of the whole dataset.

    Args:
        inputs: the partitions: a glob, a directory or a list of files.
        subject: the subject type of every line.
        rulebook: a `Rulebook` or a built-in rulebook id.
        output_dir: where the output partitions go.
        at: the date the law is applied as of; default: each subject's own date.
        scheduler: the Dask scheduler (``processes``, ``threads``, ``sync``, or a
            ``distributed`` client's ``get``); default: local processes.
        num_workers: worker processes or threads of a local scheduler (default: the CPUs).
        **options: `partitions_bag`'s ``mask``, ``max_depth``, ``line_limit``, ``store``.

    Returns:
        The `BatchSummary` of every line of every partition (its ``exit_code`` as a batch's).
    """
    bag = partitions_bag(inputs, subject, rulebook, output_dir, at, **options)
    extra = {} if num_workers is None else {"num_workers": num_workers}
    parts: list[BatchSummary] = bag.compute(  # type: ignore[no-untyped-call]
        scheduler=scheduler, **extra
    )
    total = BatchSummary(access=subject_is_work_item(subject))
    for part in parts:
        total.merge(part)
    return total


def subject_is_work_item(subject: str | type[Subject]) -> bool:
    """Whether the summary speaks of 准入 (a work-item list)."""
    from ._lines import subject_model

    return subject_model(subject).subject_type == "work_item"
