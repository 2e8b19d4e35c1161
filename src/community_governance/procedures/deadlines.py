"""Deadlines of assemblies, evaluated at a date: when the next meeting is due (每半年、每季度、
每年至少召开一次). Nothing keeps time; pass ``at``.

The law's periods are calendar periods (review D1): 每季度 is each calendar quarter, 每半年 each
half of the calendar year, 每年 each calendar year — as the library reads «民主评议每年至少进行一次»
and «一般事项至少每季度公布一次». A meeting in a period satisfies that period; the next is due
within the following one.
"""

from __future__ import annotations

import datetime as dt

from ..checks.pass_rules import PASS_RULES, PassRule, covering
from ..engine import RuleSource
from ..exceptions import RulebookError
from ..rules.periods import add_months, calendar_period
from .outlook import DueItem

__all__ = ["add_months", "assembly_due", "calendar_period"]


_PERIOD = {3: ("季度", "quarter"), 6: ("半年", "half-year"), 12: ("年度", "year")}


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
    a **calendar** period (每半年: each half of the calendar year): the period after the one
    of the last meeting must hold the next, so ``until`` is the first day after that period,
    and the item is overdue from then.

    Raises:
        RulebookError: two entries govern the assembly on ``at``, or the interval's
            parameter holds a share, or months that do not divide the year.

    Examples:
        >>> from community_governance import get_rulebook
        >>> item = assembly_due("representatives_assembly", community_kind="urban",
        ...                     last_held_on=dt.date(2026, 1, 15), at=dt.date(2026, 7, 15),
        ...                     rulebook=get_rulebook("cn"))
        >>> item.status, item.until
        ('open', datetime.date(2027, 1, 1))
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
    try:
        _, next_start = calendar_period(last_held_on, months)
    except ValueError as e:
        raise RulebookError(f"rulebook {rulebook.id}", rule.interval_months.name, str(e)) from None
    until = add_months(next_start, months)
    last_day = (until - dt.timedelta(days=1)).isoformat()
    name_zh, name_en = _PERIOD.get(months, (f"{months}个月期间", f"{months}-month period"))
    overdue = at >= until
    late_zh, late_en = ("（已逾期）", " (overdue)") if overdue else ("", "")
    return DueItem(
        "meeting",
        body,
        last_held_on,
        until,
        "overdue" if overdue else "open",
        f"{rule.title_zh}上次于{last_held_on.isoformat()}召开，下一个{name_zh}"
        f"（{next_start.isoformat()}至{last_day}）内应再次召开{late_zh}",
        f"the {rule.title_en} last met on {last_held_on.isoformat()} and must meet again in the "
        f"next calendar {name_en} ({next_start.isoformat()} – {last_day}), before "
        f"{until.isoformat()}{late_en}",
        (version.citation,),
    )
