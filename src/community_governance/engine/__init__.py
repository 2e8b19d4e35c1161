"""The engine: evaluate a subject against a rulebook into an explained Decision."""

from ._evaluate import RuleSource, evaluate, evaluate_rule

__all__ = ["RuleSource", "evaluate", "evaluate_rule"]
