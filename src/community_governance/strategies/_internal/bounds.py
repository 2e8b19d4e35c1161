"""Where a threshold strategy puts its numbers: bases on multiples of a share's denominator,
counts at the bound and one either side.

A share's bound is exact only when the base is a multiple of its denominator: then "10%以上"
(at least) passes 5 of 50 and "超过10%" (more than) does not. On any other base both readings
give the same least passing count, so a strategy that draws bases uniformly rarely shows the
difference; these helpers make such bases, and counts exactly on the bound, common.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from fractions import Fraction

from hypothesis import strategies as st

from ...rulebooks import builtin_rulebooks

__all__ = [
    "at_least",
    "bases",
    "builtin_counts",
    "builtin_denominators",
    "near",
    "near_any",
]


def bases(denominators: Iterable[int], low: int, high: int) -> st.SearchStrategy[int]:
    """Integers from ``low`` to ``high``, half of them positive multiples of one of
    ``denominators`` (those with a multiple in the range; none: plain integers)."""
    qs = sorted({q for q in denominators if q > 1 and max(-(-low // q), 1) <= high // q})
    anything = st.integers(low, high)
    if not qs:
        return anything
    multiples = st.sampled_from(qs).flatmap(
        lambda q: st.integers(max(-(-low // q), 1), high // q).map(lambda k: k * q)
    )
    return st.one_of(multiples, anything)


def near(bound: int, low: int, high: int) -> st.SearchStrategy[int]:
    """``bound`` half of the time, else one under or one over, kept in ``low..high``."""
    return st.sampled_from((0, 0, -1, 1)).map(lambda d: min(max(bound + d, low), high))


def near_any(bounds: Iterable[int], low: int, high: int) -> st.SearchStrategy[int]:
    """Half of the time `near` one of ``bounds`` (those in ``low..high``), else any integer
    from ``low`` to ``high``."""
    inside = sorted({b for b in bounds if low <= b <= high})
    anything = st.integers(low, high)
    if not inside:
        return anything
    return st.one_of(st.sampled_from(inside).flatmap(lambda b: near(b, low, high)), anything)


def at_least(share: Fraction, base: int) -> int:
    """The least count that is ``share`` of ``base`` or more (以上: inclusive)."""
    return -(-share.numerator * base // share.denominator)


@functools.cache
def builtin_denominators() -> tuple[int, ...]:
    """The denominators of every share parameter of the built-in rulebooks (2, 3, 4, 5, 10)."""
    found = {
        version.value.denominator
        for rulebook in builtin_rulebooks()
        for name in rulebook.parameter_names
        for version in rulebook.parameter(name).versions
        if isinstance(version.value, Fraction)
    }
    return tuple(sorted(found))


@functools.cache
def builtin_counts(name: str) -> tuple[int, ...]:
    """Every value the built-in rulebooks give the count parameter ``name`` (none: empty), so
    that a strategy's boundaries follow the law data rather than a copy of it."""
    found = {
        version.value
        for rulebook in builtin_rulebooks()
        if name in rulebook.parameter_names
        for version in rulebook.parameter(name).versions
        if isinstance(version.value, int)
    }
    return tuple(sorted(found))


@functools.cache
def rule_starts(subject_type: str) -> tuple[dt.date, ...]:
    """The days built-in rules on ``subject_type`` come into force or cease to be."""
    found = {
        day
        for rulebook in builtin_rulebooks()
        for rule in rulebook.rules_for(subject_type)
        for day in (rule.validity.valid_from, rule.validity.valid_to)
        if day is not None
    }
    return tuple(sorted(found))


def days_for(subject_type: str, first: dt.date, last: dt.date) -> st.SearchStrategy[dt.date]:
    """Days from ``first`` to ``last``: half of the time on the day a built-in rule on
    ``subject_type`` comes into force (or ceases to be), the day before or the day after, or
    within ten years after it — so that both sides of the law's dates are drawn, and days when
    the rules are in force often."""
    anything = st.dates(min_value=first, max_value=last)
    starts = [d for d in rule_starts(subject_type) if first < d <= last]
    if not starts:
        return anything
    one_day = dt.timedelta(days=1)
    edge = st.sampled_from(starts).flatmap(
        lambda d: st.one_of(
            st.sampled_from((d - one_day, d, d + one_day)),
            st.integers(0, 3650).map(lambda n: d + dt.timedelta(days=n)),
        )
    )
    return st.one_of(edge.filter(lambda d: d <= last), anything)
