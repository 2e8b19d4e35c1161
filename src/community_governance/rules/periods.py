"""Calendar arithmetic the law counts in: whole months, and calendar quarters, half-years and
years (每季度 / 每半年 / 每年). Domain-free, so law data and procedures share one version."""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["add_months", "calendar_period"]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months (negative: minus), clamped to the end of a shorter month.

    >>> add_months(dt.date(2026, 8, 31), 6)
    datetime.date(2027, 2, 28)
    >>> add_months(dt.date(2026, 1, 1), -3)
    datetime.date(2025, 10, 1)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def calendar_period(day: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """The calendar period of ``months`` months (3: a quarter, 6: a half-year, 12: a year)
    that contains ``day``: its first day and the first day after it.

    Raises:
        ValueError: ``months`` does not divide the year into whole periods.

    >>> calendar_period(dt.date(2026, 5, 17), 3)
    (datetime.date(2026, 4, 1), datetime.date(2026, 7, 1))
    >>> calendar_period(dt.date(2026, 8, 31), 6)
    (datetime.date(2026, 7, 1), datetime.date(2027, 1, 1))
    """
    if months <= 0 or 12 % months:
        raise ValueError(f"a calendar period divides the year: {months} months does not")
    start = dt.date(day.year, (day.month - 1) // months * months + 1, 1)
    return start, add_months(start, months)
