"""Entry point for Hypothesis: registers this library's type strategies on load."""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Called by Hypothesis (``hypothesis`` entry point) when it is imported."""
    from .strategies import _register

    _register()
