"""Counts over a batch: allowed (admitted), denied (refused) by reason, indeterminate, invalid."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any

import attrs

from ._lines import LineRecord, LineResult

__all__ = ["BatchSummary"]


@attrs.define
class BatchSummary:
    """Counts over a batch: admitted, refused by reason, indeterminate, invalid lines.

    For work items *admitted* / *refused* are 准入 / 不予准入; for other subjects they count
    the ``allowed`` and ``denied`` Decisions (the table says so).

    Attributes:
        access: label the table with the 准入 words of a work-item list (else 准予 / 不予).
    """

    admitted: int = 0
    refused: int = 0
    indeterminate: int = 0
    invalid: int = 0
    reasons: Counter[str] = attrs.field(factory=Counter)
    invalid_lines: list[int] = attrs.field(factory=list)
    access: bool = True

    #: At most this many invalid line numbers are kept (memory stays constant).
    MAX_LINES = 100

    @property
    def total(self) -> int:
        """Every non-blank line seen."""
        return self.admitted + self.refused + self.indeterminate + self.invalid

    def add(self, result: LineResult | LineRecord) -> None:
        """Count one line."""
        record = result.record() if isinstance(result, LineResult) else result
        if record.verdict is None:
            self.invalid += 1
            if len(self.invalid_lines) < self.MAX_LINES:
                self.invalid_lines.append(record.line)
        elif record.verdict == "allowed":
            self.admitted += 1
        elif record.verdict == "denied":
            self.refused += 1
            self.reasons.update(record.denials)
        else:
            self.indeterminate += 1

    def merge(self, other: BatchSummary) -> None:
        """Add the counts of ``other`` (another part of the same batch, read after this one)."""
        self.admitted += other.admitted
        self.refused += other.refused
        self.indeterminate += other.indeterminate
        self.invalid += other.invalid
        self.reasons.update(other.reasons)
        room = self.MAX_LINES - len(self.invalid_lines)
        self.invalid_lines.extend(other.invalid_lines[: max(room, 0)])

    @property
    def exit_code(self) -> int:
        """2 if any line was invalid, else 1 if any refused, 3 if any indeterminate, else 0."""
        if self.invalid:
            return 2
        if self.refused:
            return 1
        return 3 if self.indeterminate else 0

    @property
    def cut_short_code(self) -> int:
        """The exit code of a batch whose output closed part-way: the lines never checked
        count as indeterminate (2 or 1 if seen, else 3)."""
        return 2 if self.invalid else 1 if self.refused else 3

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the summary (``admitted``/``refused`` count allowed/denied)."""
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
        yes, no = (
            ("准入 admitted", "不予准入 refused")
            if self.access
            else ("准予 allowed", "不予 denied")
        )
        rows = [
            (yes, self.admitted),
            (no, self.refused),
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
