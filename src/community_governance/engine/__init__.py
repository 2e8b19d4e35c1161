"""The engine: evaluate a subject against a rulebook into an explained Decision."""

from .evaluate import evaluate, evaluate_rule

__all__ = ["evaluate", "evaluate_rule"]
