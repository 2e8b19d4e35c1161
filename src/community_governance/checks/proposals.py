"""Checks for proposals (议案): who may propose a major matter."""

from __future__ import annotations

import functools
from fractions import Fraction

from ..exceptions import MissingDataError
from ..models.proposal import Proposal
from ..rules.rule import Check, RuleContext
from ..rules.threshold import AnyOf, Measure, Threshold
from .measures import REPRESENTATIVES, SPONSORING_HOUSEHOLDS, SPONSORING_REPRESENTATIVES

REPRESENTATIVE_SHARE = "proposal.sponsorship.representative-share"
HOUSEHOLDS = "proposal.sponsorship.households"


@functools.lru_cache(maxsize=64)
def _criteria(share: Fraction, households: int) -> tuple[Threshold, Threshold, AnyOf]:
    """The thresholds for one pair of parameter values, built once (values are immutable)."""
    by_reps = Threshold("at_least", share, SPONSORING_REPRESENTATIVES, REPRESENTATIVES)
    by_households = Threshold("at_least", households, SPONSORING_HOUSEHOLDS)
    return by_reps, by_households, AnyOf((by_reps, by_households))


def sponsorship(p: Proposal, ctx: RuleContext) -> Check:
    """A major matter needs ≥ share of the representatives OR ≥ N households as sponsors."""
    if p.category != "major":
        return Check.not_applicable(
            "该议案不属于社区重大事项，不适用联名门槛",
            "not a major matter (重大事项): no sponsorship threshold",
        )
    if p.proposer == "party_organization":
        return Check.not_applicable(
            "由社区党组织提出，适用党组织提案权而非联名门槛",
            "proposed by the party organisation, which needs no "
            "sponsors (see proposal.party-initiative)",
        )
    share = ctx.param(REPRESENTATIVE_SHARE)
    households = ctx.param(HOUSEHOLDS)
    assert isinstance(share, Fraction)
    assert isinstance(households, int)
    _, by_households, either = _criteria(share, households)
    n_hh = len(p.sponsor_household_ids)
    reps = p.community.representatives(p.submitted_on)
    if not reps:
        hh = by_households.test(n_hh)
        if hh.passed:
            zh, en = hh.text()
            return Check.passed(
                f"联名户数已达到门槛：{zh}（社区未登记居民代表，代表比例无法计算）",
                f"enough sponsors: {en} (no representatives recorded, so the representative "
                "share was not computed)",
                any_of=[hh.to_evidence()],
                passed=True,
            )
        raise MissingDataError(
            "community.memberships",
            f"no representatives of a representatives' assembly recorded on "
            f"{p.submitted_on.isoformat()}: the base of the {share} share is unknown, and "
            f"{n_hh} households are fewer than {households}",
            f"{p.submitted_on.isoformat()}未登记居民代表会议的居民代表，无法计算代表比例，"
            f"且联名户数{n_hh}户不足{households}户",
        )
    outcome = either.evaluate(
        {
            SPONSORING_REPRESENTATIVES.key: Measure(len(p.sponsor_representative_ids), len(reps)),
            SPONSORING_HOUSEHOLDS.key: Measure(n_hh),
        }
    )
    parts = [c.text() for c in outcome.comparisons()]
    detail_zh = "；".join(zh for zh, _ in parts)
    detail_en = "; ".join(en for _, en in parts)
    if outcome.passed:
        return Check.passed(
            f"联名达到门槛（满足其一即可）：{detail_zh}",
            f"enough sponsors (either suffices): {detail_en}",
            **outcome.to_evidence(),
        )
    need_zh, need_en = outcome.shortfall_text()
    return Check.failed(
        f"联名人数不足，{need_zh}：{detail_zh}",
        f"not enough sponsors — {need_en}: {detail_en}",
        **outcome.to_evidence(),
    )


def party_initiative(p: Proposal, ctx: RuleContext) -> Check:
    """The community party organisation may propose a major matter on its own."""
    if p.proposer != "party_organization":
        return Check.not_applicable(
            "该议案不是由社区党组织提出", "not proposed by the party organisation"
        )
    orgs = p.community.bodies_of_kind("party_organization")
    if not orgs:
        return Check.failed(
            "议案以社区党组织名义提出，但该社区未登记社区党组织",
            "proposed in the name of the party organisation, but the community records no "
            "party organisation (party_organization body)",
            party_organizations=0,
        )
    return Check.passed(
        f"社区党组织（{orgs[0].name or orgs[0].id}）对社区重大事项拥有提案权，无需联名",
        f"the community party organisation ({orgs[0].id}) has the right to propose major "
        "matters; no sponsors needed",
        party_organizations=len(orgs),
    )
