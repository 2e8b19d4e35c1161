"""Hypothesis strategies for plain values: dates and exact shares (re-exported by
`community_governance.strategies`)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import strategies as st

__all__ = ["dates", "shares"]


def dates(
    *, min_value: dt.date = dt.date(2012, 1, 1), max_value: dt.date = dt.date(2030, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Dates in a range (default 2012–2030, spanning the 2026-01-01 switch)."""
    return st.dates(min_value=min_value, max_value=max_value)


def shares(*, max_denominator: int = 100) -> st.SearchStrategy[Fraction]:
    """Exact shares between 0 and 1 (``Fraction``), as legal thresholds are written."""
    return st.integers(1, max_denominator).flatmap(
        lambda q: st.integers(0, q).map(lambda p: Fraction(p, q))
    )
