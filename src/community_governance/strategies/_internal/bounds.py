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
    "builtin_starts",
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
def builtin_starts(name: str) -> tuple[dt.date, ...]:
    """The first days of every value the built-in rulebooks give parameter ``name``: where a
    strategy's dates should cross from "not yet law" to "law"."""
    found = {
        version.valid_from
        for rulebook in builtin_rulebooks()
        if name in rulebook.parameter_names
        for version in rulebook.parameter(name).versions
    }
    return tuple(sorted(found))
