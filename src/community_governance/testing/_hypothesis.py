"""Entry point for Hypothesis: registers a strategy for every model on load.

Hypothesis runs this hook while ``hypothesis`` itself is being imported — which happens when
``community_governance.strategies`` imports it. So the hook must not import that module: each
registration is a ``deferred`` strategy that looks the real one up on first draw.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Model class (in ``community_governance.models``) → strategy function in ``.strategies``:
#: every model of ``community_governance.models.__all__`` a user constructs.
TYPE_STRATEGIES = {
    "AnnualEvaluation": "annual_evaluations",
    "AnnualEvaluationRecord": "annual_evaluation_records",
    "AssemblyRecord": "assembly_records",
    "Body": "bodies",
    "BodyComposition": "body_compositions",
    "BodySelection": "body_selections",
    "CadreEvaluation": "cadre_evaluations",
    "Candidate": "candidates",
    "CivilAffairsRegistration": "civil_affairs_registrations",
    "CollectiveAssetSpending": "collective_asset_spendings",
    "CollectiveOrganisation": "collective_organisations",
    "CollectiveSeat": "collective_seats",
    "Community": "communities",
    "CommunityFacilities": "community_facilities",
    "Compound": "compounds",
    "Constituency": "constituencies",
    "ContractNoticePeriod": "contract_notice_periods",
    "Disclosure": "disclosures",
    "DismissalNotice": "dismissal_notices",
    "Election": "elections",
    "Filing": "filings",
    "FocusPerson": "focus_persons",
    "FundAllocation": "fund_allocations",
    "GridRecord": "grid_records",
    "HeldMeeting": "held_meetings",
    "HomeVisit": "home_visits",
    "Household": "households",
    "Kinship": "kinships",
    "Meeting": "any_meetings",
    "MeetingProxy": "meeting_proxies",
    "Membership": "memberships",
    "Motion": "motions",
    "Objection": "objections",
    "OrganizationAssessment": "organization_assessments",
    "OtherRegistration": "other_registrations",
    "Person": "persons",
    "Posting": "postings",
    "Proposal": "proposals",
    "Proxy": "proxies",
    "Rating": "ratings",
    "Recall": "recalls",
    "ReportedIssue": "reported_issues",
    "Request": "requests",
    "ServiceNotice": "service_notices",
    "ServiceStationStaffing": "service_station_staffings",
    "SocialOrganization": "social_organizations",
    "StartUpGrant": "start_up_grants",
    "StationPay": "station_pays",
    "Unit": "units",
    "WorkItem": "work_items",
    "WorkReport": "work_reports",
}


def _hypothesis_setup_hook() -> None:
    """Called by Hypothesis (``hypothesis`` entry point) when it is imported."""
    from hypothesis import strategies as st

    from .. import models

    def lazy(function: str) -> Any:
        def build() -> Any:
            module = importlib.import_module("community_governance.strategies")
            return getattr(module, function)()

        return st.deferred(build)

    for model, function in TYPE_STRATEGIES.items():
        st.register_type_strategy(getattr(models, model), lazy(function))
