"""Hypothesis strategies for the library's models — for our tests and for yours.

Every strategy is a plain function returning a ``SearchStrategy`` and takes keyword-only
options. Every model is also registered with ``st.register_type_strategy`` through the
``hypothesis`` entry point, so ``st.from_type(Proposal)`` — or ``st.from_type(Person)`` —
works once this package is installed. Every value drawn passed the model's strict
validation: a failure is about the rules, never about malformed data.

Examples:
    >>> from hypothesis import given
    >>> @given(sponsorship_proposals(representatives_distance=-1))
    ... def test_one_short_is_denied(p):
    ...     assert evaluate(p, get_rulebook("cn.sichuan.chengdu.jinjiang")).verdict != "allowed"
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import strategies as st

from ._internal.access import (
    with_defects,
    work_item_defect_sets,
    work_item_defects,
    work_items,
)
from ._internal.bodies import (
    bodies_near_size_limit,
    elections,
    elections_near_majority,
    elections_near_turnout,
    families,
    recalls_near_initiation,
)
from ._internal.communities import body_compositions, communities
from ._internal.evaluation import annual_evaluation_records, recalls
from ._internal.meetings import (
    collective_household_meetings,
    dismissal_meetings,
    meetings,
    quorum_meetings,
    tally_meetings,
)
from ._internal.people import bodies, constituencies, households, kinships, memberships, persons
from ._internal.proposals import proposals, sponsorship_proposals
from ._internal.records import (
    annual_evaluations,
    candidates,
    contract_notice_periods,
    disclosures,
    dismissal_notices,
    motions,
    objections,
    other_registrations,
    postings,
    proxies,
    ratings,
    requests,
    units,
)
from ._internal.registration import elections_registered_elsewhere, representatives_assemblies

__all__ = [
    "annual_evaluation_records",
    "annual_evaluations",
    "bodies",
    "bodies_near_size_limit",
    "body_compositions",
    "candidates",
    "collective_household_meetings",
    "communities",
    "constituencies",
    "contract_notice_periods",
    "dates",
    "disclosures",
    "dismissal_meetings",
    "dismissal_notices",
    "elections",
    "elections_near_majority",
    "elections_near_turnout",
    "elections_registered_elsewhere",
    "families",
    "households",
    "kinships",
    "meetings",
    "memberships",
    "motions",
    "objections",
    "other_registrations",
    "persons",
    "postings",
    "proposals",
    "proxies",
    "quorum_meetings",
    "ratings",
    "recalls",
    "recalls_near_initiation",
    "representatives_assemblies",
    "requests",
    "shares",
    "sponsorship_proposals",
    "tally_meetings",
    "units",
    "with_defects",
    "work_item_defect_sets",
    "work_item_defects",
    "work_items",
]


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
