"""Hypothesis strategies for proposals (议案), anywhere or at a distance from the sponsorship
threshold (re-exported by `community_governance.strategies`)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import strategies as st

from ...models import Community, Proposal
from ...models.community import CommunityKind
from ...models.proposal import ProposalCategory, Proposer
from ...rulebooks import Rulebook, builtin_rulebooks, get_rulebook
from .bounds import at_least, bases, near
from .communities import TERM_END, TERM_START, communities, community
from .people import ids

__all__ = ["proposals", "sponsorship_proposals"]

_KINDS: tuple[CommunityKind, ...] = ("urban", "village_to_residence", "rural")


class _Thresholds:
    """The sponsorship thresholds proposals are drawn around: every value the proposal rules'
    share and count parameters take (a short repr, not the rulebooks')."""

    def __init__(self, rulebooks: tuple[Rulebook, ...]) -> None:
        shares: set[Fraction] = set()
        counts: set[int] = set()
        for rulebook in rulebooks:
            for rule in rulebook.rules_for(Proposal.subject_type):
                for name in rule.parameters:
                    for version in rulebook.parameter(name).versions:
                        if isinstance(version.value, Fraction):
                            shares.add(version.value)
                        else:
                            counts.add(version.value)
        self.shares = tuple(sorted(shares))
        self.counts = tuple(sorted(counts))
        self.denominators = tuple(sorted({s.denominator for s in shares}))

    def __repr__(self) -> str:
        return f"<thresholds shares={list(map(str, self.shares))} counts={list(self.counts)}>"


@st.composite
def _sponsors(
    draw: st.DrawFn, thresholds: _Thresholds, representatives: int, households: int
) -> tuple[int, int]:
    """How many representatives and households sponsor: half of the time one of them exactly
    on a bound (or one off) while the other falls short, so that the bound decides."""
    share = draw(st.sampled_from(thresholds.shares)) if thresholds.shares else None
    count = draw(st.sampled_from(thresholds.counts)) if thresholds.counts else None
    focus = draw(st.sampled_from(("representatives", "households", "any")))
    rep_bound = at_least(share, representatives) if share is not None else representatives + 1
    hh_bound = count if count is not None else households + 1
    short_of_reps = st.integers(0, max(min(representatives, rep_bound - 1), 0))
    short_of_hh = st.integers(0, max(min(households, hh_bound - 1), 0))
    if focus == "representatives" and share is not None:
        return draw(near(rep_bound, 0, representatives)), draw(short_of_hh)
    if focus == "households" and count is not None:
        return draw(short_of_reps), draw(near(hh_bound, 0, households))
    return draw(st.integers(0, representatives)), draw(st.integers(0, households))


@st.composite
def _proposals(
    draw: st.DrawFn,
    community: st.SearchStrategy[Community],
    category: st.SearchStrategy[ProposalCategory],
    proposer: st.SearchStrategy[Proposer],
    submitted_on: st.SearchStrategy[dt.date],
    thresholds: _Thresholds,
) -> Proposal:
    c = draw(community)
    on = draw(submitted_on)
    reps = sorted(c.representatives(on))
    n_reps, n_hh = draw(_sponsors(thresholds, len(reps), len(c.households)))
    return Proposal.model_validate(
        {
            "id": draw(ids("P-")),
            "community": c,
            "title": "议案",
            "category": draw(category),
            "proposer": draw(proposer),
            "submitted_on": on,
            "sponsor_representative_ids": reps[:n_reps],
            "sponsor_household_ids": [h.id for h in c.households[:n_hh]],
        }
    )


def proposals(
    *,
    community: st.SearchStrategy[Community] | None = None,
    category: st.SearchStrategy[ProposalCategory] | None = None,
    proposer: st.SearchStrategy[Proposer] | None = None,
    submitted_on: st.SearchStrategy[dt.date] | None = None,
    rulebook: Rulebook | None = None,
) -> st.SearchStrategy[Proposal]:
    """Valid proposals: sponsors drawn from the community's representatives (on the
    submission date) and households.

    The numbers cluster where a rule can be misread: a third of the proposals have
    sponsoring representatives exactly on a sponsorship share of the representatives (or
    one off) with too few households, a third households exactly on the count (or one off)
    with too few representatives, the rest anything. The default community has, half of
    the time, a number of representatives that is a multiple of a share's denominator, where
    "10%以上" (at least) and "超过10%" (more than) differ.

    Args:
        community: strategy for the community (default: `communities()` with 0–120
            representatives and 0–300 households, biased as above).
        category: strategy for ``major`` / ``ordinary`` (default: either).
        proposer: strategy for the proposer kind (default: any).
        submitted_on: strategy for the date (default: within the representatives' term).
        rulebook: whose proposal rules' thresholds the numbers cluster around (default: the
            built-in rulebooks').
    """
    thresholds = _Thresholds((rulebook,) if rulebook is not None else builtin_rulebooks())
    if community is None:
        near_counts = (
            st.sampled_from(thresholds.counts).flatmap(lambda k: st.integers(k, k + 30))
            if thresholds.counts
            else st.nothing()
        )
        community = communities(
            representatives=bases(thresholds.denominators, 0, 120),
            households=st.one_of(st.integers(0, 300), near_counts),
        )
    return _proposals(
        community,
        category if category is not None else st.sampled_from(("major", "ordinary")),
        proposer
        if proposer is not None
        else st.sampled_from(("representatives", "households", "party_organization")),
        submitted_on
        if submitted_on is not None
        else st.dates(TERM_START, TERM_END - dt.timedelta(days=1)),
        thresholds,
    )


class _Ref:
    """A rulebook passed into a composite strategy with a short repr (not the whole book)."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook

    def __repr__(self) -> str:
        return f"<rulebook {self.rulebook.id}>"


@st.composite
def _sponsorship(
    draw: st.DrawFn,
    ref: _Ref,
    at: dt.date | None,
    representatives: st.SearchStrategy[int] | None,
    rep_distance: st.SearchStrategy[int],
    hh_distance: st.SearchStrategy[int],
) -> Proposal:
    rulebook = ref.rulebook
    on = at or draw(st.dates(dt.date(2022, 1, 1), dt.date(2026, 5, 31)))
    share = rulebook.share("proposal.sponsorship.representative-share", on)
    needed_hh = rulebook.count("proposal.sponsorship.households", on)
    n_reps = draw(
        representatives if representatives is not None else bases((share.denominator,), 1, 400)
    )
    sponsors = min(max(at_least(share, n_reps) + draw(rep_distance), 0), n_reps)
    households = max(needed_hh + draw(hh_distance), 0)
    c = community(
        cid="C1", kind="urban", n_reps=n_reps, n_households=max(households, needed_hh + 5)
    )
    return Proposal.model_validate(
        {
            "id": "P-1",
            "community": c,
            "title": "重大事项议案",
            "category": "major",
            "proposer": "representatives",
            "submitted_on": on,
            "sponsor_representative_ids": [f"R{i}" for i in range(sponsors)],
            "sponsor_household_ids": [f"H{i}" for i in range(households)],
        }
    )


def sponsorship_proposals(
    *,
    rulebook: Rulebook | None = None,
    at: dt.date | None = None,
    representatives: st.SearchStrategy[int] | None = None,
    representatives_distance: int | st.SearchStrategy[int] = 0,
    households_distance: int | st.SearchStrategy[int] = -1,
) -> st.SearchStrategy[Proposal]:
    """Major-matter proposals placed at a chosen distance from the sponsorship threshold.

    The distance is counted from the least passing number: ``0`` is exactly on the boundary
    (passes, since 以上 is inclusive), ``-1`` one short, ``+1`` one over. Sponsoring
    representatives are clamped to ``0..representatives``.

    Args:
        rulebook: whose parameters define the threshold (default: Jinjiang).
        at: the submission date (default: drawn in 2022–2026-05).
        representatives: strategy for the number of representatives (default 1–400, half of
            the time a multiple of the share's denominator, where the share is exact).
        representatives_distance: distance of the sponsoring representatives from the bound.
        households_distance: distance of the sponsoring households from the bound (default -1:
            one short, so that the representatives decide).
    """

    def as_strategy(v: int | st.SearchStrategy[int]) -> st.SearchStrategy[int]:
        return st.just(v) if isinstance(v, int) else v

    return _sponsorship(
        _Ref(rulebook if rulebook is not None else get_rulebook("cn.sichuan.chengdu.jinjiang")),
        at,
        representatives,
        as_strategy(representatives_distance),
        as_strategy(households_distance),
    )
