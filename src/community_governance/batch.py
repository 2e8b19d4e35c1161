"""Work-item access checks (准入), one item or a whole department's list as JSON Lines.

The batch streams: one input line is read, checked and written before the next is read, so
memory stays constant however long the list is. A malformed line is reported with its line
number and the others go on: a line that is not UTF-8, not JSON, gives a key twice, nests
deeper than the limit or is longer than the limit (read past in bounded pieces) is invalid,
as is one that fails validation. At the end a summary table counts admitted, refused (by
reason), indeterminate and invalid lines.

Batch exit codes (`BatchSummary.exit_code`): 2 if any line was invalid, else 1 if any item was
refused, else 3 if any was indeterminate, else 0 (all admitted, or no items).
"""

from __future__ import annotations

import datetime as dt
import json
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import attrs
from pydantic import ValidationError

from ._escape import json_visible, visible
from ._io import DEFAULT_MAX_DEPTH, OverlongLine, loads_json
from .engine import evaluate
from .errors import format_text, problems
from .exceptions import InputError
from .models.work_item import WorkItem
from .rulebooks import Rulebook, get_rulebook
from .rules.decision import Decision

__all__ = [
    "BATCH_ERROR_FORMAT",
    "BatchSummary",
    "LineResult",
    "check_work_item",
    "check_work_items",
    "run_batch",
]

BATCH_ERROR_FORMAT = "cg.batch-error/1"
_VERDICT_ZH = {"allowed": "准入", "denied": "不予准入", "indeterminate": "无法判定"}


def _book(rulebook: Rulebook | str) -> Rulebook:
    return get_rulebook(rulebook) if isinstance(rulebook, str) else rulebook


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


@attrs.frozen(slots=True)
class LineResult:
    """The outcome of one input line: a Decision, or the reason the line is invalid.

    Attributes:
        line: the 1-based line number in the input.
        decision: the Decision, or ``None`` if the line is invalid.
        error: what is wrong with the line (field paths and messages), or ``None``.
    """

    line: int
    decision: Decision | None = None
    error: str | None = None

    def to_json(self) -> str:
        """One output line: the ``cg.decision/2`` document, or a ``cg.batch-error/1`` one."""
        if self.decision is not None:
            return self.decision.to_json(indent=None)
        return json.dumps(
            {"format": BATCH_ERROR_FORMAT, "line": self.line, "error": self.error},
            ensure_ascii=False,
            sort_keys=True,
        )

    def text(self) -> str:
        """One line for people: line number, item, verdict and the reasons."""
        if self.decision is None:
            return f"第{self.line}行 line {self.line}: 输入无效 invalid: {self.error}"
        d = self.decision
        reasons = [f.rule for f in d.findings if f.status == "failed"]
        unresolved = [f.rule for f in d.unresolved]
        tail = ""
        if reasons:
            tail = f" — 原因 reasons: {', '.join(reasons)}"
        elif unresolved:
            tail = f" — 待定 unresolved: {', '.join(unresolved)}"
        return (
            f"第{self.line}行 line {self.line}: {visible(d.subject_id)}: "
            f"{_VERDICT_ZH[d.verdict]} {d.verdict}{tail}"
        )


def _error_text(error: ValidationError) -> str:
    return format_text(problems(error), limit=None, separator="; ", top="(line)")


def _line_problem(line: str | bytes | OverlongLine, max_depth: int) -> tuple[str, str | None]:
    """The line as text, and what makes it unreadable (``None`` if nothing does)."""
    if isinstance(line, OverlongLine):
        return "", f"line of {line.length:,} bytes, longer than the limit: not read"
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as e:
            return "", f"not UTF-8 text: byte {line[e.start]:#04x} at offset {e.start}"
    try:
        loads_json(line, "line", max_depth=max_depth)
    except InputError as e:
        return line, f"{e.key}: {e.reason}" if e.key else e.reason
    return line, None


def check_work_items(
    lines: Iterable[str | bytes | OverlongLine],
    rulebook: Rulebook | str,
    at: dt.date | None = None,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Iterator[LineResult]:
    """Check JSON Lines of work items lazily: one `LineResult` per non-blank line.

    Each line is read as strict JSON first (UTF-8, no key given twice, no ``NaN``, nesting
    at most ``max_depth``), then validated as a `WorkItem`.

    Args:
        lines: the input lines (text or UTF-8 bytes), e.g. an open file, or
            `community_governance._io.bounded_lines` of one (an `OverlongLine` stands for a
            line over the size limit).
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
    book = _book(rulebook)
    for n, line in enumerate(lines, start=1):
        if not isinstance(line, OverlongLine) and not line.strip():
            continue
        text, problem = _line_problem(line, max_depth)
        if problem is not None:
            yield LineResult(n, error=problem)
            continue
        try:
            item = WorkItem.model_validate_json(text)
        except ValidationError as e:
            yield LineResult(n, error=_error_text(e))
            continue
        yield LineResult(n, decision=evaluate(item, book, at))


@attrs.define
class BatchSummary:
    """Counts over a batch: admitted, refused by reason, indeterminate, invalid lines."""

    admitted: int = 0
    refused: int = 0
    indeterminate: int = 0
    invalid: int = 0
    reasons: Counter[str] = attrs.field(factory=Counter)
    invalid_lines: list[int] = attrs.field(factory=list)

    #: At most this many invalid line numbers are kept (memory stays constant).
    MAX_LINES = 100

    @property
    def total(self) -> int:
        """Every non-blank line seen."""
        return self.admitted + self.refused + self.indeterminate + self.invalid

    def add(self, result: LineResult) -> None:
        """Count one line."""
        d = result.decision
        if d is None:
            self.invalid += 1
            if len(self.invalid_lines) < self.MAX_LINES:
                self.invalid_lines.append(result.line)
        elif d.verdict == "allowed":
            self.admitted += 1
        elif d.verdict == "denied":
            self.refused += 1
            self.reasons.update(f.rule for f in d.denials)
        else:
            self.indeterminate += 1

    @property
    def exit_code(self) -> int:
        """2 if any line was invalid, else 1 if any refused, 3 if any indeterminate, else 0."""
        if self.invalid:
            return 2
        if self.refused:
            return 1
        return 3 if self.indeterminate else 0

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the summary."""
        return {
            "total": self.total,
            "admitted": self.admitted,
            "refused": self.refused,
            "indeterminate": self.indeterminate,
            "invalid": self.invalid,
            "refused_by_reason": dict(sorted(self.reasons.items())),
            "invalid_lines": list(self.invalid_lines),
        }

    def table(self) -> str:
        """The summary as a plain-text table, Chinese with English alongside.

        A refused item counts once under "refused" and once under each of its reasons.
        """
        rows = [
            ("准入 admitted", self.admitted),
            ("不予准入 refused", self.refused),
            *((f"  · {rule}", n) for rule, n in sorted(self.reasons.items(), key=_by_count)),
            ("无法判定 indeterminate", self.indeterminate),
            ("输入无效 invalid lines", self.invalid),
            ("合计 total", self.total),
        ]
        width = max(_width(label) for label, _ in rows) + 2
        lines = ["汇总 summary"] + [
            f"{label}{' ' * (width - _width(label))}{n:>9,}" for label, n in rows
        ]
        if self.invalid_lines:
            more = " …" if self.invalid > len(self.invalid_lines) else ""
            lines.append(
                f"无效行 invalid at line(s): {', '.join(map(str, self.invalid_lines))}{more}"
            )
        return "\n".join(lines)


def _width(text: str) -> int:
    # Terminal columns: CJK characters take two.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


def run_batch(
    lines: Iterable[str | bytes | OverlongLine],
    rulebook: Rulebook | str,
    *,
    out: TextIO,
    err: TextIO,
    fmt: str = "text",
    at: dt.date | None = None,
    progress: bool | None = None,
    every: int = 1000,
    max_depth: int = DEFAULT_MAX_DEPTH,
    summary: BatchSummary | None = None,
) -> BatchSummary:
    """Check a JSON Lines stream and write one result per line, then the summary.

    ``text``: one line per item on ``out`` (invalid lines too), then the summary table.
    ``json``: one JSON document per item on ``out`` (``cg.decision/2``, or
    ``cg.batch-error/1`` for an invalid line, in input order), and the summary table on ``err``.

    Args:
        lines: the input lines.
        rulebook: a `Rulebook` or a built-in rulebook id.
        out: where results go.
        err: where progress (and, for ``json``, the summary) goes.
        fmt: ``text`` or ``json``.
        at: the date the law is applied as of; default: each item's ``requested_on``.
        progress: show a progress line on ``err``; default: when ``err`` is a terminal.
        every: update the progress line every this many lines.
        max_depth: deepest nesting of a line's objects and arrays.
        summary: count into this summary (so a caller still has the counts of the lines
            checked if writing fails part-way); default: a new one.

    Returns:
        The `BatchSummary` (its ``exit_code`` is the command's).
    """
    show = err.isatty() if progress is None else progress
    summary = BatchSummary() if summary is None else summary
    start = time.perf_counter()
    for result in check_work_items(lines, rulebook, at, max_depth=max_depth):
        summary.add(result)
        # characters a terminal acts on (bidi overrides, controls) are shown escaped; the JSON
        # escapes leave the values unchanged
        out.write((json_visible(result.to_json()) if fmt == "json" else result.text()) + "\n")
        if show and summary.total % every == 0:
            rate = summary.total / max(time.perf_counter() - start, 1e-9)
            err.write(f"\r已处理 processed {summary.total:,} · {rate:,.0f}/s")
            err.flush()
    if show:
        elapsed = time.perf_counter() - start
        rate = summary.total / max(elapsed, 1e-9)
        err.write(f"\r已处理 processed {summary.total:,} in {elapsed:.1f} s · {rate:,.0f}/s\n")
    (err if fmt == "json" else out).write(summary.table() + "\n")
    return summary
