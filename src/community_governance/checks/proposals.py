"""Checks for proposals (议案): who may propose a major matter.

`sponsorship` is the rule language's hot path (the benchmark's subject): its thresholds are
built once per pair of parameter values, and its messages are rendered only when read.
"""

from __future__ import annotations

from fractions import Fraction

from ..exceptions import MissingDataError
from ..models.proposal import Proposal
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import AnyOf, Measure, Outcome, Threshold
from .measures import REPRESENTATIVES, SPONSORING_HOUSEHOLDS, SPONSORING_REPRESENTATIVES

__all__ = ["party_initiative", "sponsorship"]


_CRITERIA: dict[tuple[int, int, int], tuple[Threshold, Threshold, AnyOf]] = {}


def _criteria(share: Fraction, households: int) -> tuple[Threshold, Threshold, AnyOf]:
    """The thresholds for one pair of parameter values, built once (values are immutable;
    keyed by integers, which hash faster than a Fraction)."""
    key = (share.numerator, share.denominator, households)
    found = _CRITERIA.get(key)
    if found is None:
        if len(_CRITERIA) > 256:
            _CRITERIA.clear()
        by_reps = Threshold("at_least", share, SPONSORING_REPRESENTATIVES, REPRESENTATIVES)
        by_households = Threshold("at_least", households, SPONSORING_HOUSEHOLDS)
        found = _CRITERIA[key] = (by_reps, by_households, AnyOf((by_reps, by_households)))
    return found


_NOT_MAJOR = Check.not_applicable(
    "该议案不属于社区重大事项，不适用联名门槛",
    "not a major matter (重大事项): no sponsorship threshold",
)
_BY_PARTY = Check.not_applicable(
    "由社区党组织提出，适用党组织提案权而非联名门槛",
    "proposed by the party organisation, which needs no sponsors (see proposal.party-initiative)",
)


def sponsorship(share_param: Parameter | str, households_param: Parameter | str) -> DeclaredCheck:
    """Make a check: a major matter is proposed by ≥ ``share_param`` of the representatives
    serving on the day OR ≥ ``households_param`` households (以上: inclusive, either suffices).

    Without any representative recorded the share's base is unknown: the households alone
    may pass; otherwise the finding is indeterminate, never a pass by ``0 ≥ 10% of 0``. A
    sponsoring representative the records show deprived of political rights is not counted
    (such a person holds no elected post, so cannot sign as a representative); the base stays
    the representatives serving.
    """

    @reads(share_param, households_param)
    def check(p: Proposal, ctx: RuleContext) -> Check:
        if p.category != "major":
            return _NOT_MAJOR
        if p.proposer == "party_organization":
            return _BY_PARTY
        share = ctx.share(share_param)
        households = ctx.count(households_param)
        by_reps, by_households, either = _criteria(share, households)
        n_hh = len(p.sponsor_household_ids)
        reps = p.community.representatives(p.submitted_on)
        if not reps:
            hh = by_households.test(n_hh)
            if hh.passed:

                def render_hh() -> tuple[str, str]:
                    zh, en = hh.text()
                    return (
                        f"联名户数已达到门槛：{zh}（社区未登记居民代表，代表比例无法计算）",
                        f"enough sponsors: {en} (no representatives recorded, so the "
                        "representative share was not computed)",
                    )

                return Check.lazy(
                    "passed", render_hh, {"any_of": [hh.to_evidence()], "passed": True}
                )
            raise MissingDataError(
                "community.memberships",
                f"no representatives of a representatives' assembly recorded on "
                f"{p.submitted_on.isoformat()}: the base of the {share} share is unknown, and "
                f"{n_hh} households are fewer than {households}",
                f"{p.submitted_on.isoformat()}未登记居民代表会议的居民代表，无法计算代表比例，"
                f"且联名户数{n_hh}户不足{households}户",
            )
        deprived = p.community.deprived_ids
        excluded = [s for s in p.sponsor_representative_ids if s in deprived] if deprived else []
        n_reps, base = len(p.sponsor_representative_ids) - len(excluded), len(reps)
        passed = by_reps.holds(n_reps, base) or by_households.holds(n_hh)
        box: list[Outcome] = []

        def explained() -> Outcome:
            if not box:
                measures = {
                    SPONSORING_REPRESENTATIVES.key: Measure(n_reps, base),
                    SPONSORING_HOUSEHOLDS.key: Measure(n_hh),
                }
                box.append(either.evaluate(measures))
            return box[0]

        def render() -> tuple[str, str]:
            outcome = explained()
            parts = [c.text() for c in outcome.comparisons()]
            detail_zh = "；".join(zh for zh, _ in parts)
            detail_en = "; ".join(en for _, en in parts)
            if excluded:
                detail_zh += f"（被剥夺政治权利，不计入：{'、'.join(excluded)}）"
                detail_en += f" (deprived of political rights, not counted: {', '.join(excluded)})"
            if outcome.passed:
                return (
                    f"联名达到门槛（满足其一即可）：{detail_zh}",
                    f"enough sponsors (either suffices): {detail_en}",
                )
            need_zh, need_en = outcome.shortfall_text()
            return (
                f"联名人数不足，{need_zh}：{detail_zh}",
                f"not enough sponsors — {need_en}: {detail_en}",
            )

        def evidence() -> dict[str, object]:
            found = dict(explained().to_evidence())
            if excluded:
                found["not_counted"] = excluded
            return found

        return Check.lazy("passed" if passed else "failed", render, evidence)

    return check


_NOT_BY_PARTY = Check.not_applicable(
    "该议案不是由社区党组织提出", "not proposed by the party organisation"
)


def party_initiative(p: Proposal, ctx: RuleContext) -> Check:
    """The community party organisation may propose a major matter on its own."""
    if p.proposer != "party_organization":
        return _NOT_BY_PARTY
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
