"""JSON Lines batches of any subject: one Decision per line, streamed, on one core or many.

A batch streams: lines are read, checked and written in input order, and memory stays
bounded however long the input (at most ``2 × jobs`` chunks of lines are in flight when the
lines are spread over worker processes). A malformed line is reported with its line number
and located problems and the others go on: a line that is not UTF-8, not JSON, gives a key
twice, nests deeper than the limit or is longer than the limit (read past in bounded pieces)
is invalid, as is one that fails validation. At the end a summary table counts allowed
(准入 admitted, for work items), denied (by reason), indeterminate and invalid lines.

Batch exit codes (`BatchSummary.exit_code`): 2 if any line was invalid, else 1 if any
subject was denied, else 3 if any was indeterminate, else 0 (all allowed, or no lines).

`check_jsonl` is the Python API (Decisions, in this process or ``jobs`` worker processes);
`run_batch` writes what ``cgov check SUBJECT --jsonl FILE`` writes;
`community_governance.batch.dask` spreads a partitioned dataset over a Dask scheduler.
"""

from ._lines import BATCH_ERROR_FORMAT, LineChecker, LineRecord, LineResult, numbered, subject_model
from ._pool import DEFAULT_CHUNK_SIZE, WorkerDied, worker_count
from ._run import check_jsonl, check_work_item, check_work_items, jsonl_records, run_batch
from ._summary import BatchSummary

__all__ = [
    "BATCH_ERROR_FORMAT",
    "DEFAULT_CHUNK_SIZE",
    "BatchSummary",
    "LineChecker",
    "LineRecord",
    "LineResult",
    "WorkerDied",
    "check_jsonl",
    "check_work_item",
    "check_work_items",
    "jsonl_records",
    "numbered",
    "run_batch",
    "subject_model",
    "worker_count",
]
