"""Shared fixtures and Hypothesis profiles (``dev`` by default, ``ci`` when CI is set)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from community_governance import Proposal, Rulebook, get_rulebook

from ._support import load_example

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


@pytest.fixture(scope="session")
def jinjiang() -> Rulebook:
    """The built-in Jinjiang rulebook."""
    return get_rulebook("cn.sichuan.chengdu.jinjiang")


@pytest.fixture
def short_proposal() -> Proposal:
    """The shipped example: 5 of 51 representatives and 48 households sponsor."""
    return Proposal.model_validate_json(load_example("jinjiang/proposal-short.json"))
