"""Entry point for Hypothesis: registers this library's type strategies on load.

Hypothesis runs this hook while ``hypothesis`` itself is being imported — which happens when
``community_governance.strategies`` imports it. So the hook must not import that module: each
registration is a ``deferred`` strategy that looks the real one up on first draw.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Model class (in ``community_governance.models``) → strategy function in ``.strategies``.
TYPE_STRATEGIES = {
    "Community": "communities",
    "Proposal": "proposals",
    "BodyComposition": "body_compositions",
    "WorkItem": "work_items",
    "Meeting": "meetings",
    "Election": "elections",
    "Recall": "recalls",
    "AnnualEvaluationRecord": "annual_evaluation_records",
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
