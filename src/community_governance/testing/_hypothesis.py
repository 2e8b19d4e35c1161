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
    "Body": "bodies",
    "BodyComposition": "body_compositions",
    "Candidate": "candidates",
    "Community": "communities",
    "Constituency": "constituencies",
    "ContractNoticePeriod": "contract_notice_periods",
    "Disclosure": "disclosures",
    "DismissalNotice": "dismissal_notices",
    "Election": "elections",
    "Household": "households",
    "Kinship": "kinships",
    "Meeting": "meetings",
    "Membership": "memberships",
    "Motion": "motions",
    "Objection": "objections",
    "OtherRegistration": "other_registrations",
    "Person": "persons",
    "Posting": "postings",
    "Proposal": "proposals",
    "Proxy": "proxies",
    "Rating": "ratings",
    "Recall": "recalls",
    "Request": "requests",
    "Unit": "units",
    "WorkItem": "work_items",
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
