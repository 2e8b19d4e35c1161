"""Plain-text rendering of a run's state for people (Chinese first, English alongside)."""

from __future__ import annotations

import datetime as dt

from .outlook import due, next_steps
from .run import RunState

__all__ = ["explain_state"]


def explain_state(state: RunState, at: dt.date | None = None) -> str:
    """The run's state, whether its accepted events are hash-chained (with the digest of the
    last, to keep), its accepted steps, any rejection with its Decision's explanation, and
    (as of ``at``, default the last event's day) what may happen next and what is due."""
    p = state.procedure
    lines = [
        f"{p.title_zh} / {p.title_en}",
        f"run {state.run_id}: 状态 state = {state.state}"
        + (" （已完成 complete）" if state.is_complete else ""),
        f"规则集 rulebook: {state.rulebook.id} v{state.rulebook.version}",
    ]
    if state.applied and state.is_chained:
        lines.append(f"事件链 hash chain: linked; head sha256 {state.head}")
    elif state.applied:
        lines.append("事件链 hash chain: 未链接 not linked (changes cannot be detected)")
    for i, a in enumerate(state.applied):
        warn = f"  [warnings: {', '.join(f.rule for f in a.decision.warnings)}]"
        lines.append(
            f"  {i}. {a.event.on.isoformat()} {a.event.step}: {a.before} -> {a.after}"
            + (warn if a.decision.warnings else "")
        )
    if state.rejection is not None:
        r = state.rejection
        lines += ["", f"驳回 rejected: step {r.step!r} in state {r.state!r}", ""]
        lines.append(r.decision.explain())
    when = at or state.last_on
    if when is not None:
        nxt = next_steps(state, at=when)
        lines += [
            "",
            f"截至 as of {when.isoformat()}:",
            f"  可进行 available: {', '.join(nxt.available) or '-'}",
            f"  尚缺 missing: {', '.join(nxt.missing) or '-'}",
        ]
        for d in due(state, at=when):
            lines.append(f"  [{d.status}] {d.message_zh} / {d.message_en}")
    return "\n".join(lines)
