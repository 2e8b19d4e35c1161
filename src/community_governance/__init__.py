"""community_governance: Chinese urban–rural community governance (城乡社区治理) law as typed
models and an explainable rules engine.

Everything public is re-exported here; the implementation lives in the subpackages.
"""

from ._version import __version__
from .engine import evaluate
from .exceptions import (
    ConflictError,
    GovernanceError,
    MissingDataError,
    ProcedureError,
    RulebookError,
    StepRejected,
    UnknownReferenceError,
)
from .models import (
    SUBJECT_MODELS,
    Body,
    BodyComposition,
    Community,
    Household,
    Membership,
    Person,
    Proposal,
    Subject,
)
from .rulebooks import (
    BUILTIN_RULEBOOKS,
    Disable,
    Replace,
    Rulebook,
    builtin_rulebooks,
    get_rulebook,
    load_rulebook,
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

__all__ = [
    "BUILTIN_RULEBOOKS",
    "SUBJECT_MODELS",
    "AllOf",
    "AnyOf",
    "Body",
    "BodyComposition",
    "Check",
    "Citation",
    "Community",
    "Comparison",
    "ConflictError",
    "Decision",
    "Disable",
    "Finding",
    "GovernanceError",
    "Household",
    "Measure",
    "Membership",
    "MissingDataError",
    "Parameter",
    "ParameterVersion",
    "Person",
    "ProcedureError",
    "Proposal",
    "Replace",
    "Rule",
    "RuleContext",
    "Rulebook",
    "RulebookError",
    "StepRejected",
    "Subject",
    "Term",
    "Threshold",
    "UnknownReferenceError",
    "__version__",
    "builtin_rulebooks",
    "evaluate",
    "get_rulebook",
    "load_rulebook",
    "parse_rulebook",
]
