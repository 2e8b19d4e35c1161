"""The rule language (the authoring tier): citations, dated parameters, exact thresholds,
scopes, tables, rules and decisions. Knows no domain: subjects and law come from above."""

from .citation import Citation, Confidence
from .decision import (
    DECISION_FORMAT,
    Coverage,
    Decision,
    Finding,
    FindingStatus,
    ParameterUse,
    Severity,
    Verdict,
)
from .parameter import Dated, Parameter, ParameterKind, ParameterValue, ParameterVersion
from .rule import Check, CheckFn, DeclaredCheck, Rule, RuleContext, RuleKind, reads
from .scope import AnyScope, FactValues, Scope, ScopedSubject
from .table import Table, TableEntry
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
from .validity import Validity

__all__ = [
    "DECISION_FORMAT",
    "AllOf",
    "AnyOf",
    "AnyScope",
    "Check",
    "CheckFn",
    "Citation",
    "Comparison",
    "Confidence",
    "Coverage",
    "Criterion",
    "Dated",
    "Decision",
    "DeclaredCheck",
    "FactValues",
    "Finding",
    "FindingStatus",
    "Measure",
    "Outcome",
    "Parameter",
    "ParameterKind",
    "ParameterUse",
    "ParameterValue",
    "ParameterVersion",
    "Quantifier",
    "Rule",
    "RuleContext",
    "RuleKind",
    "Scope",
    "ScopedSubject",
    "Severity",
    "Table",
    "TableEntry",
    "Term",
    "Threshold",
    "Validity",
    "Verdict",
    "reads",
]
