"""Checks of Ningxia's village grids (网格) and service stations (农村社区服务站).

The rule's `Scope` selects the grid or station (and the community kind); a check only judges it.
"""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.body import BodyComposition
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import AllOf, Measure, Threshold
from .measures import GRID_WORKERS

__all__ = ["grid_worker_eligibility", "grid_workers", "station_head"]


def _result(passed: bool, zh: str, en: str, /, **evidence: object) -> Check:
    return Check.passed(zh, en, **evidence) if passed else Check.failed(zh, en, **evidence)


def grid_workers(min_param: Parameter, max_param: Parameter) -> DeclaredCheck:
    """Make a check: a grid (网格) has ``min_param``–``max_param`` grid workers (网格员)."""

    @reads(min_param, max_param)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        lo, hi = ctx.count(min_param), ctx.count(max_param)
        outcome = AllOf(
            (Threshold("at_least", lo, GRID_WORKERS), Threshold("at_most", hi, GRID_WORKERS))
        ).evaluate({GRID_WORKERS.key: Measure(len(s.holders("grid_worker")))})
        texts = [c.text() for c in outcome.comparisons()]
        return _result(
            outcome.passed,
            "；".join(t[0] for t in texts),
            "; ".join(t[1] for t in texts),
            **outcome.to_evidence(),
        )

    return check


def grid_worker_eligibility(s: BodyComposition, ctx: RuleContext) -> Check:
    """Every grid worker is the leader of the grid's villager group, or a two-committee member
    (村"两委"成员) living in that group."""
    group = s.body.group_id
    if group is None:
        raise MissingDataError(
            f"community.bodies[id={s.body.id}].group_id",
            "the villager group the grid covers is not recorded",
            "未登记网格对应的村民小组",
        )
    leaders = s.community.members(group, s.as_of, "group_leader")
    two_committees = {p.id for p in s.members_of_kind("village_committee")} | {
        p.id for p in s.members_of_kind("party_organization")
    }
    bad, unknown = [], []
    for p in s.holders("grid_worker"):
        if p.id in leaders:
            continue
        if p.id in two_committees and p.group_id == group:
            continue
        if p.id in two_committees and p.group_id is None:
            unknown.append(p.id)
        else:
            bad.append(p.id)
    if not bad and unknown:
        raise MissingDataError(
            "community.persons[].group_id",
            f"where two-committee grid workers live is not recorded: {', '.join(unknown)}",
            f"未登记以下两委成员网格员的居住小组：{'、'.join(unknown)}",
        )
    return _result(
        not bad,
        "网格员均为本村民小组组长或在本小组居住的村“两委”成员"
        if not bad
        else "以下网格员既不是本村民小组组长，也不是在本小组居住的村“两委”成员：" + "、".join(bad),
        "every grid worker is the group leader or a two-committee member living in the group"
        if not bad
        else f"neither the group leader nor a two-committee member living in the group: "
        f"{', '.join(bad)}",
        group=group,
        ineligible=bad,
    )


def station_head(s: BodyComposition, ctx: RuleContext) -> Check:
    """The service station's head (站长, role ``chair``) is the village party secretary (chair
    of the party organisation) or the village committee chair."""
    heads = [p.id for p in s.holders("chair")]
    allowed = {p.id for p in s.members_of_kind("party_organization", frozenset({"chair"}))}
    allowed |= {p.id for p in s.members_of_kind("village_committee", frozenset({"chair"}))}
    bad = [h for h in heads if h not in allowed]
    if not heads:
        return Check.failed(
            "社区服务站没有站长", "the service station has no head", heads=[], ineligible=[]
        )
    return _result(
        not bad,
        f"站长{'、'.join(heads)}"
        + ("由村党组织书记或村委会主任担任" if not bad else "不是村党组织书记或村委会主任"),
        f"head {', '.join(heads)} "
        + (
            "is the party secretary or the committee chair"
            if not bad
            else "is neither the village party secretary nor the village committee chair"
        ),
        heads=heads,
        ineligible=bad,
    )
