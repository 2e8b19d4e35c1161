"""What a monitor reports: an outcome per step event, a notice per record judged or timer
fired. Each carries the library's own `Decision` or `DueItem`, with their citations."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import attrs

from ..models.procedure_run import Event
from ..procedures import DueItem
from ..rules.citation import Citation
from ..rules.decision import Decision

__all__ = ["Notice", "StepOutcome"]


def _reasons(decision: Decision) -> list[str]:
    """The findings that decided a step or a record that was not allowed, with sources."""
    picked = decision.denials or decision.unresolved
    lines: list[str] = []
    for f in picked:
        lines.append(f"    {f.rule} [{f.status}]: {f.message_zh} / {f.message_en}")
        lines.extend(
            f"      依据 source: {c}" for c in dict.fromkeys(c.short() for c in f.citations)
        )
    if not picked and decision.coverage.uncovered is not None:
        zh, en = decision.coverage.uncovered
        lines.append(f"    [uncovered] {zh} / {en}")
    return lines


@attrs.frozen(slots=True)
class StepOutcome:
    """What became of one step event of a run.

    Attributes:
        run: the run's id.
        index: the event's position among the run's events fed so far (0-based).
        event: the event.
        status: ``accepted`` (the library allowed it: the run moved), ``refused`` (it did not:
            the run stops here, as `replay` stops), or ``ignored`` (the run had already
            stopped at a refused step).
        before: the run's state before the event.
        after: its state after.
        decision: the library's Decision on the step (None when ignored).
        fired: the durable-rules rule that took the event: ``source.step`` (a transition of
            the run's state), ``out-of-sequence`` or ``halted``.
    """

    run: str
    index: int
    event: Event
    status: Literal["accepted", "refused", "ignored"]
    before: str
    after: str
    decision: Decision | None
    fired: str

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The sources of the findings that refused the step (none if accepted or ignored)."""
        if self.decision is None or self.status != "refused":
            return ()
        found = self.decision.denials or self.decision.unresolved
        return tuple(dict.fromkeys(c for f in found for c in f.citations))

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the step, the states, and the ``cg.decision/2`` Decision."""
        return {
            "type": "step",
            "run": self.run,
            "index": self.index,
            "step": self.event.step,
            "on": self.event.on.isoformat(),
            "status": self.status,
            "from": self.before,
            "to": self.after,
            "fired": self.fired,
            "decision": None if self.decision is None else self.decision.to_dict(),
        }

    def describe(self) -> str:
        """A few lines for people: the step, what became of it and, if refused, why."""
        head = (
            f"{self.run} #{self.index} {self.event.on.isoformat()} {self.event.step}: {self.status}"
        )
        if self.status == "accepted":
            assert self.decision is not None
            warned = ", ".join(f.rule for f in self.decision.warnings)
            return f"{head} {self.before} -> {self.after}" + (
                f" (warnings: {warned})" if warned else ""
            )
        if self.status == "ignored":
            return f"{head} (the run stopped at a refused step)"
        assert self.decision is not None
        return "\n".join(
            [f"{head} in {self.before} ({self.decision.verdict})", *_reasons(self.decision)]
        )


@attrs.frozen(slots=True)
class Notice:
    """A record judged, or a duty a timer found late or breached.

    Attributes:
        kind: ``meeting`` or ``disclosure`` (a record of the stream, judged);
            ``disclosure-overdue`` (a board re-judged on the first day of a month and found
            wanting: a posting missing from its period); ``assembly-overdue`` (an assembly
            that has not met again by the day its interval ran out); ``posting-removed-early``
            (a run's posted result taken down before its posting period ended).
        key: the board id, ``community/assembly``, or the run id.
        on: the day it was found: the record's day, the deadline's day, the removal's day.
        decision: the library's Decision (records and boards), else None.
        due: the library's DueItem (assembly, posting), else None.
        fired: the durable-rules rule whose action judged it.
    """

    kind: Literal[
        "meeting",
        "disclosure",
        "disclosure-overdue",
        "assembly-overdue",
        "posting-removed-early",
    ]
    key: str
    on: dt.date
    decision: Decision | None = None
    due: DueItem | None = None
    fired: str = ""

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The sources: the due item's, or those of the findings that were not met."""
        if self.due is not None:
            return self.due.citations
        if self.decision is None:
            return ()
        found = self.decision.denials or self.decision.unresolved
        return tuple(dict.fromkeys(c for f in found for c in f.citations))

    def to_dict(self) -> dict[str, Any]:
        """JSON form, with the Decision (``cg.decision/2``) or the due item."""
        return {
            "type": "notice",
            "kind": self.kind,
            "key": self.key,
            "on": self.on.isoformat(),
            "fired": self.fired,
            "decision": None if self.decision is None else self.decision.to_dict(),
            "due": None if self.due is None else self.due.to_dict(),
        }

    def describe(self) -> str:
        """A few lines for people: what was found, the verdict or the duty, and its sources."""
        head = f"{self.kind} {self.key} {self.on.isoformat()}"
        if self.due is not None:
            shown = dict.fromkeys(c.short() for c in self.due.citations)
            sources = [f"    依据 source: {c}" for c in shown]
            return "\n".join(
                [f"{head}: {self.due.message_zh}", f"    {self.due.message_en}", *sources]
            )
        assert self.decision is not None
        if self.decision.verdict == "allowed":
            return f"{head}: allowed"
        return "\n".join([f"{head}: {self.decision.verdict}", *_reasons(self.decision)])
