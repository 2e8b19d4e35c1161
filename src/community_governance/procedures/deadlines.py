"""Deadlines of assemblies, evaluated at a date: when the next meeting is due (每半年、每季度、
每年至少召开一次). Nothing keeps time; pass ``at``."""

from __future__ import annotations

import calendar
import datetime as dt

from ..checks.pass_rules import PASS_RULES, PassRule, covering
from ..engine import RuleSource
from ..exceptions import RulebookError
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

    The interval is the one the assembly's pass rule names, an entry of the rulebook's table
    ``meeting.pass-rules`` in force on ``at`` (so a local rulebook that replaces or adds an
    entry changes it). Returns ``None`` where no entry in force sets an interval for that
    assembly (the urban representatives' assembly before 2026, for instance). The interval is
    read as rolling: a meeting every six months means a meeting before the same day six
    months later.

    Raises:
        RulebookError: two entries govern the assembly on ``at``, or the interval's
            parameter holds a share, not a number of months.

    Examples:
        >>> from community_governance import get_rulebook
        >>> item = assembly_due("representatives_assembly", community_kind="urban",
        ...                     last_held_on=dt.date(2026, 1, 15), at=dt.date(2026, 7, 15),
        ...                     rulebook=get_rulebook("cn"))
        >>> item.status, item.until
        ('overdue', datetime.date(2026, 7, 15))
    """
    entry = covering(rulebook.table(PASS_RULES).entries_at(at), body, community_kind)
    rule: PassRule | None = None if entry is None else entry.value
    if rule is None or rule.interval_months is None:
        return None
    version = rulebook.parameter_version(rule.interval_months.name, at)
    months = version.value
    if not isinstance(months, int):
        raise RulebookError(
            f"rulebook {rulebook.id}", rule.interval_months.name, f"is not months (got {months})"
        )
    until = add_months(last_held_on, months)
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
