"""community_governance: Chinese urban–rural community governance (城乡社区治理) law as typed
models and an explainable rules engine.

Everything public is re-exported here; the implementation lives in the subpackages. Names are
imported on first use (PEP 562), so ``import community_governance`` costs little: a program
pays only for the parts it uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._version import __version__
    from .batch import check_work_item, check_work_items
    from .checks.work_item_lists import WorkItemLists, work_item_lists
    from .engine import evaluate
    from .exceptions import (
        ConflictError,
        FormatError,
        GovernanceError,
        InputError,
        MissingDataError,
        ProcedureError,
        RulebookError,
        StepRejected,
        UnknownReferenceError,
    )
    from .models import (
        SUBJECT_MODELS,
        AnnualEvaluationRecord,
        Body,
        BodyComposition,
        Candidate,
        Community,
        Constituency,
        Election,
        Household,
        Kinship,
        Meeting,
        Membership,
        Motion,
        Objection,
        OtherRegistration,
        Person,
        Proposal,
        Proxy,
        Recall,
        Subject,
        WorkItem,
    )
    from .procedures import ProcedureRun, RunState, due, next_steps, replay
    from .rulebooks import (
        BUILTIN_RULEBOOKS,
        Disable,
        Replace,
        Rulebook,
        builtin_rulebooks,
        get_rulebook,
        load_rulebook,
        load_work_item_lists,
        parse_rulebook,
    )
    from .rules import (
        AllOf,
        AnyOf,
        Check,
        Citation,
        Comparison,
        Decision,
        Finding,
        Measure,
        Parameter,
        ParameterVersion,
        Rule,
        RuleContext,
        Term,
        Threshold,
    )
    from .rules.audit import Audit
    from .verify import Verification, verify_decision

#: Where each public name lives (module relative to this package).
_WHERE: dict[str, str] = {
    "AllOf": ".rules",
    "AnnualEvaluationRecord": ".models",
    "AnyOf": ".rules",
    "Audit": ".rules.audit",
    "BUILTIN_RULEBOOKS": ".rulebooks",
    "Body": ".models",
    "BodyComposition": ".models",
    "Candidate": ".models",
    "Check": ".rules",
    "Citation": ".rules",
    "Community": ".models",
    "Comparison": ".rules",
    "ConflictError": ".exceptions",
    "Constituency": ".models",
    "Decision": ".rules",
    "Disable": ".rulebooks",
    "Election": ".models",
    "Finding": ".rules",
    "FormatError": ".exceptions",
    "GovernanceError": ".exceptions",
    "InputError": ".exceptions",
    "Household": ".models",
    "Kinship": ".models",
    "Measure": ".rules",
    "Meeting": ".models",
    "Membership": ".models",
    "MissingDataError": ".exceptions",
    "Motion": ".models",
    "Objection": ".models",
    "OtherRegistration": ".models",
    "Parameter": ".rules",
    "ParameterVersion": ".rules",
    "Person": ".models",
    "ProcedureError": ".exceptions",
    "ProcedureRun": ".procedures",
    "Proposal": ".models",
    "Proxy": ".models",
    "Recall": ".models",
    "Replace": ".rulebooks",
    "Rule": ".rules",
    "RuleContext": ".rules",
    "Rulebook": ".rulebooks",
    "RulebookError": ".exceptions",
    "RunState": ".procedures",
    "SUBJECT_MODELS": ".models",
    "StepRejected": ".exceptions",
    "Subject": ".models",
    "Term": ".rules",
    "Threshold": ".rules",
    "UnknownReferenceError": ".exceptions",
    "Verification": ".verify",
    "WorkItem": ".models",
    "WorkItemLists": ".checks.work_item_lists",
    "__version__": "._version",
    "builtin_rulebooks": ".rulebooks",
    "check_work_item": ".batch",
    "check_work_items": ".batch",
    "due": ".procedures",
    "evaluate": ".engine",
    "get_rulebook": ".rulebooks",
    "load_rulebook": ".rulebooks",
    "load_work_item_lists": ".rulebooks",
    "next_steps": ".procedures",
    "parse_rulebook": ".rulebooks",
    "replay": ".procedures",
    "verify_decision": ".verify",
    "work_item_lists": ".checks.work_item_lists",
}

__all__ = [
    "BUILTIN_RULEBOOKS",
    "SUBJECT_MODELS",
    "AllOf",
    "AnnualEvaluationRecord",
    "AnyOf",
    "Audit",
    "Body",
    "BodyComposition",
    "Candidate",
    "Check",
    "Citation",
    "Community",
    "Comparison",
    "ConflictError",
    "Constituency",
    "Decision",
    "Disable",
    "Election",
    "Finding",
    "FormatError",
    "GovernanceError",
    "Household",
    "InputError",
    "Kinship",
    "Measure",
    "Meeting",
    "Membership",
    "MissingDataError",
    "Motion",
    "Objection",
    "OtherRegistration",
    "Parameter",
    "ParameterVersion",
    "Person",
    "ProcedureError",
    "ProcedureRun",
    "Proposal",
    "Proxy",
    "Recall",
    "Replace",
    "Rule",
    "RuleContext",
    "Rulebook",
    "RulebookError",
    "RunState",
    "StepRejected",
    "Subject",
    "Term",
    "Threshold",
    "UnknownReferenceError",
    "Verification",
    "WorkItem",
    "WorkItemLists",
    "__version__",
    "builtin_rulebooks",
    "check_work_item",
    "check_work_items",
    "due",
    "evaluate",
    "get_rulebook",
    "load_rulebook",
    "load_work_item_lists",
    "next_steps",
    "parse_rulebook",
    "replay",
    "verify_decision",
    "work_item_lists",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use and keep it."""
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
