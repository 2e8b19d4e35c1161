"""What a run's state means at a date: the steps that may be taken, and what is open or
overdue (a posting that must stay up, the step still owed). Nothing here keeps time: pass
``at``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..exceptions import RulebookError, UnknownReferenceError
from ..rules.citation import Citation

if TYPE_CHECKING:
    from .run import RunState

__all__ = ["DueItem", "NextSteps", "due", "next_steps"]


@attrs.frozen(slots=True)
class NextSteps:
    """What may happen now (``available``) and what is still missing to complete the run."""

    state: str
    available: tuple[str, ...]
    missing: tuple[str, ...]


@attrs.frozen(slots=True)
class DueItem:
    """Something open or overdue at a date: a posting that must stay up, a step still owed, an
    assembly that must meet again."""

    kind: Literal["posting", "step", "meeting"]
    step: str
    since: dt.date | None
    until: dt.date | None
    status: Literal["open", "overdue"]
    message_zh: str
    message_en: str
    citations: tuple[Citation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "kind": self.kind,
            "step": self.step,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "status": self.status,
            "message": {"zh": self.message_zh, "en": self.message_en},
            "citations": [c.to_dict() for c in self.citations],
        }


def next_steps(run: RunState, *, at: dt.date) -> NextSteps:
    """What may happen on ``at`` and which steps are still missing to complete the run."""
    p = run.procedure
    available = tuple(s.name for s in p.steps_from(run.state)) if p.in_force(at) else ()
    return NextSteps(run.state, available, p.path_to_final(run.state))


def due(run: RunState, *, at: dt.date) -> tuple[DueItem, ...]:
    """Items open or overdue on ``at``: a posting that must stay up, the steps still owed."""
    items: list[DueItem] = []
    posting = run.procedure.posting
    if posting is not None:
        for a in run.applied:
            if a.event.step != posting.step:
                continue
            try:
                version = run.rulebook.parameter_version(posting.parameter, a.event.on)
            except UnknownReferenceError:
                continue  # no statutory posting period on that day (before 2026)
            days = version.value
            if not isinstance(days, int):
                raise RulebookError(
                    f"procedure {run.procedure.id}",
                    "posting.parameter",
                    f"{posting.parameter} is not a number of days (got {days})",
                )
            # the day it is posted does not count (Civil Code 201: 开始的当日不计入), so the
            # period's last day is on + days, and it may come down the day after
            until = _days_after(a.event.on, days + 1)
            if at < until or until == dt.date.max:  # a period past the calendar is open
                items.append(
                    DueItem(
                        "posting",
                        posting.step,
                        a.event.on,
                        until,
                        "open",
                        f"{a.event.on.isoformat()}公布的事项须至少公布{days}日，"
                        f"{until.isoformat()}之前不得撤下",
                        f"posted on {a.event.on.isoformat()}: must stay up at least "
                        f"{days} days, until {until.isoformat()} (exclusive)",
                        tuple(dict.fromkeys((posting.citation, version.citation))),
                    )
                )
    for name in run.procedure.path_to_final(run.state)[:1]:
        step = run.procedure.step(name)
        assert step is not None
        items.append(
            DueItem(
                "step",
                name,
                run.last_on,
                None,
                "open",
                f"尚待：{step.title_zh}",
                f"still to do: {name} ({step.title_en})",
            )
        )
    return tuple(items)


def _days_after(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``; the calendar's last day stands for a day past it (an event of
    9999-12-30 is not an OverflowError)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max
