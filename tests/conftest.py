"""Shared fixtures and Hypothesis profiles (``dev`` by default, ``ci`` when CI is set)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from community_governance import Proposal, Rulebook, get_rulebook

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=120,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def load_example(relative: str) -> str:
    """The text of an example input file."""
    return (EXAMPLES / relative).read_text(encoding="utf-8")


def example_data(relative: str) -> dict[str, object]:
    """An example input file parsed as JSON data."""
    data: dict[str, object] = json.loads(load_example(relative))
    return data


@pytest.fixture(scope="session")
def jinjiang() -> Rulebook:
    """The built-in Jinjiang rulebook."""
    return get_rulebook("cn.sichuan.chengdu.jinjiang")


@pytest.fixture
def short_proposal() -> Proposal:
    """The shipped example: 5 of 51 representatives and 48 households sponsor."""
    return Proposal.model_validate_json(load_example("jinjiang/proposal-short.json"))
