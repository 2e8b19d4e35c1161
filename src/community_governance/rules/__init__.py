"""The rule language: citations, dated parameters, exact thresholds, rules and decisions."""

from .citation import Citation, Confidence
from .decision import DECISION_FORMAT, Decision, Finding, FindingStatus, Severity, Verdict
from .parameter import Parameter, ParameterKind, ParameterValue, ParameterVersion
from .rule import Check, CheckFn, Rule, RuleContext, RuleKind
from .threshold import (
    AllOf,
    AnyOf,
    Comparison,
    Criterion,
    Measure,
    Outcome,
    Quantifier,
    Term,
    Threshold,
)

__all__ = [
    "DECISION_FORMAT",
    "AllOf",
    "AnyOf",
    "Check",
    "CheckFn",
    "Citation",
    "Comparison",
    "Confidence",
    "Criterion",
    "Decision",
    "Finding",
    "FindingStatus",
    "Measure",
    "Outcome",
    "Parameter",
    "ParameterKind",
    "ParameterValue",
    "ParameterVersion",
    "Quantifier",
    "Rule",
    "RuleContext",
    "RuleKind",
    "Severity",
    "Term",
    "Threshold",
    "Verdict",
]
