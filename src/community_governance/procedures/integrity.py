"""The integrity of a run's log, judged with every step: the hash chain and the window.

These are not rules of law, and cite none: they say whether the log can be trusted to
describe the step. Each step's Decision carries both findings, with the procedure's guards:

* ``procedure.chain`` — the event links to the event before it (`log`): passed, or failed
  naming both digests (the log was changed, reordered or cut before this event). An event of
  a legacy log (no links) gets an *advisory* ``indeterminate`` finding — whether it was
  changed cannot be told — which shows as a warning and refuses nothing.
* ``procedure.window`` — the records a step is judged by date from the step's window: from the
  previous step's day to the step's own day, both included (a record of the same day is in
  it). A proposal's ``submitted_on``, a meeting's ``held_on`` and the ``voted_on`` of the
  step's motion must all lie in it, so a vote step carrying a meeting held ten years before
  the run's previous step is refused. The first step has no previous day: only its own day
  bounds it.

The events' own days are bounded too, but as input, not as a step: an event dated after the
day the log is read as of (``at``, default today) is refused by `apply` and `replay` with an
`InputError` naming the event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..models.procedure_run import Event
from ..rules.chain import GENESIS
from ..rules.decision import Finding, FindingStatus, Severity
from ..rules.procedure import Procedure

__all__ = ["CHAIN", "WINDOW", "chain_finding", "window_finding"]

CHAIN = "procedure.chain"
"""The id of the hash-chain finding."""
WINDOW = "procedure.window"
"""The id of the window finding."""

_CHAIN_TITLE = (
    "事件链：每一事件载有前一事件的摘要（SHA-256），记录不得改动、删除或调换次序",
    "Hash chain: each event carries the digest of the event before it, so that no event is "
    "changed, removed or moved",
)
_WINDOW_TITLE = (
    "步骤所附记录的日期在本步骤的时间窗口内：不早于上一步骤之日，不晚于本步骤之日",
    "A step's records date from its window: not before the previous step's day, not after its own",
)


def _finding(
    rule: str,
    status: FindingStatus,
    zh: str,
    en: str,
    evidence: dict[str, Any],
    title: tuple[str, str],
    severity: Severity = "must",
) -> Finding:
    return Finding(rule, status, severity, "obligation", zh, en, evidence, title=title)


def chain_finding(event: Event, index: int, last: Event | None, last_digest: str) -> Finding:
    """Whether ``event``, at ``index`` in its run, links to ``last``, the run's last accepted
    event (``None`` at the start), whose digest is ``last_digest`` (`GENESIS` at the start)."""
    if event.previous is None:
        if last is not None and last.previous is not None:
            return _finding(
                CHAIN,
                "failed",
                f"该事件未载前一事件的摘要，而此前的事件均已链接（第{index}项）",
                f"event {index} carries no previous digest, but the events before it are "
                "chained: it was not appended to this log",
                {"previous": None, "expected": last_digest},
                _CHAIN_TITLE,
            )
        return _finding(
            CHAIN,
            "indeterminate",
            "记录未链接（事件不载前一事件的摘要）：无法判断事件是否被改动、删除或调换次序；"
            "可用 cgov procedure seal 链接",
            "the log is not hash-chained (no previous digests): whether an event was changed, "
            "removed or moved cannot be told; cgov procedure seal links it",
            {"previous": None},
            _CHAIN_TITLE,
            severity="advisory",
        )
    evidence = {"previous": event.previous, "expected": last_digest}
    what_zh = "记录起点" if last is None else f"第{index - 1}项事件（{last.step}）"
    what_en = "the start of the log" if last is None else f"event {index - 1} ({last.step})"
    if event.previous != last_digest:
        return _finding(
            CHAIN,
            "failed",
            f"previous 为 {event.previous[:16]}…，而{what_zh}的摘要为 {last_digest[:16]}…："
            "此前的记录被改动、调换次序或删减",
            f"previous is {event.previous[:16]}…, but {what_en} has digest "
            f"{last_digest[:16]}…: the log was changed, reordered or cut before this event",
            evidence,
            _CHAIN_TITLE,
        )
    shown = "" if last_digest == GENESIS else f"（{last_digest[:16]}…）"
    shown_en = "" if last_digest == GENESIS else f" ({last_digest[:16]}…)"
    return _finding(
        CHAIN,
        "passed",
        f"链接至{what_zh}{shown}",
        f"links to {what_en}{shown_en}",
        evidence,
        _CHAIN_TITLE,
    )


def window_finding(procedure: Procedure, event: Event, previous_on: dt.date | None) -> Finding:
    """Whether the records ``event`` is judged by date from its window: from ``previous_on``
    (the run's previous step's day; ``None`` for the first step) to the event's own day."""
    step = procedure.step(event.step)
    dates: list[tuple[str, str, str, dt.date]] = []
    if step is not None and step.record == "proposal" and event.proposal is not None:
        p = event.proposal
        dates.append(
            ("submitted_on", f"议案{p.id}提出", f"proposal {p.id} was submitted", p.submitted_on)
        )
    if step is not None and step.record == "meeting" and event.meeting is not None:
        m = event.meeting
        dates.append(("held_on", f"会议{m.id}召开", f"meeting {m.id} was held", m.held_on))
        motion = event.motion()
        if motion is not None:
            dates.append(
                (
                    "voted_on",
                    f"议题{motion.id}表决",
                    f"motion {motion.id} was voted",
                    motion.voted_on,
                )
            )
    if not dates:
        return _finding(
            WINDOW,
            "not_applicable",
            "该步骤未附需核对日期的记录",
            "the step carries no record whose date could be checked",
            {},
            _WINDOW_TITLE,
        )
    low, high = previous_on, event.on
    span = f"{low.isoformat() if low else '…'} – {high.isoformat()}"
    evidence: dict[str, Any] = {
        "window": [low.isoformat() if low else None, high.isoformat()],
        **{key: day.isoformat() for key, _, _, day in dates},
    }
    for _, zh, en, day in dates:
        if low is not None and day < low:
            return _finding(
                WINDOW,
                "failed",
                f"{zh}于{day.isoformat()}，早于上一步骤之日{low.isoformat()}：步骤所附记录须在"
                f"本步骤的时间窗口（{span}）内",
                f"{en} on {day.isoformat()}, before the previous step's day "
                f"({low.isoformat()}): a step's records date from its window ({span})",
                evidence,
                _WINDOW_TITLE,
            )
        if day > high:
            return _finding(
                WINDOW,
                "failed",
                f"{zh}于{day.isoformat()}，晚于本步骤之日{high.isoformat()}：步骤所附记录须在"
                f"本步骤的时间窗口（{span}）内",
                f"{en} on {day.isoformat()}, after the step's own day ({high.isoformat()}): "
                f"a step's records date from its window ({span})",
                evidence,
                _WINDOW_TITLE,
            )
    listed_zh = "、".join(f"{zh}于{day.isoformat()}" for _, zh, _, day in dates)
    listed_en = ", ".join(f"{en} on {day.isoformat()}" for _, _, en, day in dates)
    return _finding(
        WINDOW,
        "passed",
        f"{listed_zh}，在本步骤的时间窗口（{span}）内",
        f"{listed_en}: within the step's window ({span})",
        evidence,
        _WINDOW_TITLE,
    )
