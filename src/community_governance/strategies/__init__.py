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

from ._internal.access import (
    with_defects,
    work_item_defect_sets,
    work_item_defects,
    work_items,
)
from ._internal.assemblies import assembly_records, held_meetings, meeting_proxies
from ._internal.bodies import (
    bodies_near_size_limit,
    elections,
    elections_near_majority,
    elections_near_turnout,
    families,
    recalls_near_initiation,
)
from ._internal.collectives import (
    collective_asset_spendings,
    collective_organisations,
    collective_seats,
)
from ._internal.communities import body_compositions, communities
from ._internal.evaluation import annual_evaluation_records, recalls
from ._internal.governance import body_selections, cadre_evaluations, work_reports
from ._internal.grids import (
    focus_persons,
    grid_records,
    home_visits,
    reported_issues,
    service_notices,
)
from ._internal.meetings import (
    any_meetings,
    collective_household_meetings,
    dismissal_meetings,
    meetings,
    quorum_meetings,
    tally_meetings,
)
from ._internal.organizations import (
    civil_affairs_registrations,
    filings,
    organization_assessments,
    social_organizations,
    start_up_grants,
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
from ._internal.services import (
    community_facilities,
    compounds,
    fund_allocations,
    service_station_staffings,
    station_pays,
)
from ._internal.values import dates, shares

__all__ = [
    "annual_evaluation_records",
    "annual_evaluations",
    "any_meetings",
    "assembly_records",
    "bodies",
    "bodies_near_size_limit",
    "body_compositions",
    "body_selections",
    "cadre_evaluations",
    "candidates",
    "civil_affairs_registrations",
    "collective_asset_spendings",
    "collective_household_meetings",
    "collective_organisations",
    "collective_seats",
    "communities",
    "community_facilities",
    "compounds",
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
    "filings",
    "focus_persons",
    "fund_allocations",
    "grid_records",
    "held_meetings",
    "home_visits",
    "households",
    "kinships",
    "meeting_proxies",
    "meetings",
    "memberships",
    "motions",
    "objections",
    "organization_assessments",
    "other_registrations",
    "persons",
    "postings",
    "proposals",
    "proxies",
    "quorum_meetings",
    "ratings",
    "recalls",
    "recalls_near_initiation",
    "reported_issues",
    "representatives_assemblies",
    "requests",
    "service_notices",
    "service_station_staffings",
    "shares",
    "social_organizations",
    "sponsorship_proposals",
    "start_up_grants",
    "station_pays",
    "tally_meetings",
    "units",
    "with_defects",
    "work_item_defect_sets",
    "work_item_defects",
    "work_items",
    "work_reports",
]
