"""Deadlines of assemblies, evaluated at a date: when the next meeting is due (每半年、每季度、
每年至少召开一次). Nothing keeps time; pass ``at``."""

from __future__ import annotations

import calendar
import datetime as dt

from ..engine import RuleSource
from .run import DueItem

__all__ = ["add_months", "assembly_due"]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the end of a shorter month.

    >>> add_months(dt.date(2026, 8, 31), 6)
    datetime.date(2027, 2, 28)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def assembly_due(
    body: str,
    *,
    last_held_on: dt.date,
    at: dt.date,
    rulebook: RuleSource,
    community_kind: str | None = None,
) -> DueItem | None:
    """When an assembly must meet again after its meeting on ``last_held_on``, as of ``at``.

    Returns ``None`` where the law sets no interval for that assembly on ``at`` (the urban
    representatives' assembly before 2026, for instance). The interval is read as rolling: a
    meeting every six months means a meeting before the same day six months later.

    Examples:
        >>> from community_governance import get_rulebook
        >>> item = assembly_due("representatives_assembly", community_kind="urban",
        ...                     last_held_on=dt.date(2026, 1, 15), at=dt.date(2026, 7, 15),
        ...                     rulebook=get_rulebook("cn"))
        >>> item.status, item.until
        ('overdue', datetime.date(2026, 7, 15))
    """
    from ..rulebooks.builtin.cn.meetings import PASS_RULES

    rule = next(
        (r for r in PASS_RULES if r.interval_months and r.covers(body, community_kind, at)), None
    )
    if rule is None or rule.interval_months is None:
        return None
    version = rulebook.parameter_version(rule.interval_months, at)
    assert isinstance(version.value, int)
    until = add_months(last_held_on, version.value)
    overdue = at >= until
    late_zh, late_en = ("（已逾期）", " (overdue)") if overdue else ("", "")
    return DueItem(
        "meeting",
        body,
        last_held_on,
        until,
        "overdue" if overdue else "open",
        f"{rule.title_zh}上次于{last_held_on.isoformat()}召开，应在{until.isoformat()}之前再次召开"
        f"{late_zh}",
        f"the {rule.title_en} last met on {last_held_on.isoformat()} and must meet again before "
        f"{until.isoformat()}{late_en}",
        (version.citation,),
    )
