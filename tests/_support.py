"""Helpers shared by the tests (not fixtures): paths and example inputs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def load_example(relative: str) -> str:
    """The text of an example input file."""
    return (EXAMPLES / relative).read_text(encoding="utf-8")


def example_data(relative: str) -> dict[str, object]:
    """An example input file parsed as JSON data."""
    data: dict[str, object] = json.loads(load_example(relative))
    return data


def seeds_finding(
    strategy: Any, agrees: Callable[[Any], None], seeds: range = range(10), examples: int = 200
) -> int:
    """In how many of ``seeds`` Hypothesis, drawing ``examples`` values of ``strategy`` (no
    shrinking, no database), finds one on which ``agrees`` fails its assertion: how the
    planted off-by-one tests measure a strategy."""
    from hypothesis import HealthCheck, Phase, given, seed, settings

    caught = 0
    for s in seeds:
        check = seed(s)(
            settings(
                max_examples=examples,
                derandomize=False,
                database=None,
                deadline=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )(given(strategy)(agrees))
        )
        try:
            check()
        except AssertionError:
            caught += 1
    return caught
