"""The engine: evaluate a subject against a rulebook into an explained Decision."""

from ._evaluate import evaluate, evaluate_rule
from ._plan import Plan, RuleSource, Selection

__all__ = ["Plan", "RuleSource", "Selection", "evaluate", "evaluate_rule"]
