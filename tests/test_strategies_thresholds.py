"""Threshold strategies find an off-by-one: 以上 (at least) read as 超过 (more than).

A share's bound is exact only on a base that is a multiple of its denominator (5 of 50
representatives is 10%以上 but not 超过10%), so a strategy drawing bases uniformly rarely shows
the difference. These tests plant the misreading in a copy of the Jinjiang sponsorship check
and count in how many of ten seeds Hypothesis finds a proposal on which the copy and the
engine disagree, at 200 examples each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction

import pytest
from hypothesis import Phase, given, seed, settings
from hypothesis import strategies as st

from community_governance import Proposal, Rulebook, evaluate
from community_governance.strategies import (
    elections_near_turnout,
    quorum_meetings,
    recalls_near_initiation,
    sponsorship_proposals,
)
from community_governance.strategies._internal.bounds import at_least, bases, near

from ._support import seeds_finding

SEEDS = range(10)
EXAMPLES = 200


def sponsorship_copy(proposal: Proposal, jinjiang: Rulebook, *, inclusive: bool) -> str:
    """A copy of the Jinjiang sponsorship check (`checks.proposals.sponsorship`): the status
    it gives. ``inclusive=False`` plants the bug: 10%以上 and 50户以上 read as "more than"."""
    if proposal.category != "major" or proposal.proposer == "party_organization":
        return "not_applicable"
    on = proposal.submitted_on
    share = jinjiang.share("proposal.sponsorship.representative-share", on)
    households = jinjiang.count("proposal.sponsorship.households", on)
    n_hh = len(proposal.sponsor_household_ids)
    enough_hh = n_hh >= households if inclusive else n_hh > households
    reps = proposal.community.representatives(on)
    if not reps:
        return "passed" if enough_hh else "indeterminate"
    deprived = proposal.community.deprived_ids
    n_reps = sum(1 for r in proposal.sponsor_representative_ids if r not in deprived)
    got = Fraction(n_reps, len(reps))
    enough_reps = got >= share if inclusive else got > share
    return "passed" if enough_reps or enough_hh else "failed"


def planted_sponsorship(proposal: Proposal, jinjiang: Rulebook) -> str:
    """The copy with the planted bug (以上 read as 超过)."""
    return sponsorship_copy(proposal, jinjiang, inclusive=False)


def seeds_catching(strategy: st.SearchStrategy[Proposal], jinjiang: Rulebook) -> int:
    """In how many of the seeds Hypothesis finds a proposal the planted copy misjudges."""

    def agrees(proposal: Proposal) -> None:
        status = evaluate(proposal, jinjiang).finding("proposal.sponsorship").status
        assert planted_sponsorship(proposal, jinjiang) == status

    return seeds_finding(strategy, agrees, SEEDS, EXAMPLES)


STRATEGIES: dict[str, Callable[[], st.SearchStrategy[Proposal]]] = {
    "from_type(Proposal)": lambda: st.from_type(Proposal),
    "sponsorship_proposals(around the bound)": lambda: sponsorship_proposals(
        representatives_distance=st.integers(-2, 2), households_distance=st.integers(-2, 2)
    ),
}


@pytest.mark.parametrize("name", STRATEGIES)
def test_the_off_by_one_is_caught_in_9_of_10_seeds(name: str, jinjiang: Rulebook) -> None:
    """At 200 examples, Hypothesis finds the planted 以上-as-超过 misreading in at least 9 of
    10 seeds (st.from_type(Proposal) found it in 1 of 10 before the strategies aimed at
    exact bounds)."""
    assert seeds_catching(STRATEGIES[name](), jinjiang) >= 9


@pytest.mark.parametrize("name", STRATEGIES)
def test_the_faithful_copy_always_agrees(name: str, jinjiang: Rulebook) -> None:
    """The copy read correctly (以上 inclusive) agrees with the engine on every proposal
    drawn, so the disagreements counted above are the planted bug and nothing else."""

    @settings(max_examples=EXAMPLES, database=None, deadline=None)
    @given(STRATEGIES[name]())
    def agrees(proposal: Proposal) -> None:
        status = evaluate(proposal, jinjiang).finding("proposal.sponsorship").status
        assert sponsorship_copy(proposal, jinjiang, inclusive=True) == status

    agrees()


class TestBases:
    """`bases` and `near`: what the threshold strategies draw numbers from."""

    @settings(max_examples=200, database=None, deadline=None)
    @given(st.data())
    def test_bases_stay_in_range(self, data: st.DataObject) -> None:
        """Every base is within ``low..high``."""
        low = data.draw(st.integers(0, 50))
        high = data.draw(st.integers(low, low + 500))
        value = data.draw(bases((2, 3, 10), low, high))
        assert low <= value <= high

    def test_half_of_the_bases_are_multiples(self) -> None:
        """Multiples of a denominator are drawn far more often than uniformly (1 in 10)."""
        multiples = []

        @seed(0)
        @settings(max_examples=200, database=None, derandomize=False, phases=[Phase.generate])
        @given(bases((10,), 1, 4000))
        def draw(n: int) -> None:
            multiples.append(n % 10 == 0)

        draw()
        assert sum(multiples) / len(multiples) > 0.3

    def test_near_prefers_the_bound_and_stays_in_range(self) -> None:
        """`near` draws the bound itself, or one either side, clamped to the range."""
        seen: set[int] = set()

        @settings(max_examples=100, database=None, derandomize=True)
        @given(near(5, 0, 5))
        def draw(n: int) -> None:
            seen.add(n)

        draw()
        assert seen == {4, 5}

    def test_at_least_is_the_ceiling(self) -> None:
        """The least count that is 10%以上 of 50 is 5, of 51 is 6."""
        assert at_least(Fraction(1, 10), 50) == 5
        assert at_least(Fraction(1, 10), 51) == 6


@pytest.mark.parametrize(
    ("strategy", "base", "denominator"),
    [
        (elections_near_turnout(), lambda e: len(e.electorate_ids), 2),
        (recalls_near_initiation(), lambda r: len(r.electorate_ids), 10),
        (
            quorum_meetings(at=st.just(dt.date(2026, 6, 1))),
            lambda m: m.entitled,
            2,
        ),
    ],
    ids=["elections_near_turnout", "recalls_near_initiation", "quorum_meetings"],
)
def test_other_threshold_strategies_favour_exact_bases(
    strategy: st.SearchStrategy[object], base: Callable[[object], int], denominator: int
) -> None:
    """The other threshold strategies also draw bases that are multiples of their share's
    denominator far more often than uniformly."""
    multiples = []

    @seed(0)
    @settings(max_examples=200, database=None, derandomize=False, deadline=None)
    @given(strategy)
    def draw(value: object) -> None:
        multiples.append(base(value) % denominator == 0)

    draw()
    assert sum(multiples) / len(multiples) > 1.3 / denominator
