"""Checks of Ningxia's village grids (网格) and service stations (农村社区服务站): their
composition, the village's grid coverage, the station members' recruitment and pay.

The rule's `Scope` selects the grid or station (and the community kind); a check only judges it.
"""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.body import BodyComposition
from ..models.service_station import ServiceStationStaffing
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import AllOf, Measure, Threshold
from .measures import GRID_WORKERS

__all__ = [
    "grid_coverage",
    "grid_unit",
    "grid_worker_eligibility",
    "grid_workers",
    "station_head",
    "station_members",
    "station_pay",
]


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


def grid_unit(s: BodyComposition, ctx: RuleContext) -> Check:
    """A grid is one villager group (以村民小组为基本单元划分网格): it covers a villager group,
    and no other grid of the village covers the same group."""
    group = s.body.group_id
    if group is None:
        raise MissingDataError(
            f"community.bodies[id={s.body.id}].group_id",
            "the villager group the grid covers is not recorded",
            "未登记网格对应的村民小组",
        )
    if s.community.body_kind(group) != "villager_group":
        return Check.failed(
            f"网格对应的{group}不是村民小组",
            f"the grid covers {group}, which is not a villager group",
            group=group,
        )
    others = [b.id for b in s.bodies_of_kind("grid") if b.id != s.body.id and b.group_id == group]
    return _result(
        not others,
        f"网格以村民小组{group}为单元划分"
        + (f"，但该小组还划有其他网格：{'、'.join(others)}" if others else ""),
        f"the grid is villager group {group}"
        + (f"; but the group also has grids {', '.join(others)}" if others else ""),
        group=group,
        other_grids=others,
    )


def grid_coverage(s: BodyComposition, ctx: RuleContext) -> Check:
    """Grid management covers the whole village (覆盖率…达到100%): every villager group of the
    village is a grid. Judged on the village committee, for its village."""
    groups = [b.id for b in s.bodies_of_kind("villager_group")]
    if not groups:
        raise MissingDataError(
            "community.bodies",
            "no villager group is recorded, so grid coverage cannot be counted",
            "未登记村民小组，无法计算网格覆盖率",
        )
    covered = {b.group_id for b in s.bodies_of_kind("grid")}
    uncovered = [g for g in groups if g not in covered]
    n = len(groups) - len(uncovered)
    return _result(
        not uncovered,
        f"村民小组{len(groups)}个，已划分网格{n}个"
        + (f"；未覆盖：{'、'.join(uncovered)}" if uncovered else "，覆盖率100%"),
        f"{n} of {len(groups)} villager groups are grids"
        + (f"; not covered: {', '.join(uncovered)}" if uncovered else " (100%)"),
        groups=len(groups),
        covered=n,
        uncovered=uncovered,
    )


def _two_committees(s: BodyComposition) -> set[str]:
    return {p.id for p in s.members_of_kind("village_committee")} | {
        p.id for p in s.members_of_kind("party_organization")
    }


def station_members(st: ServiceStationStaffing, ctx: RuleContext) -> Check:
    """Every member of the station (站长 aside, who has a rule of his own) is a village
    two-committee member serving concurrently (村“两委”成员兼任), or was recruited by open
    examination or selected as a university graduate (公开招考和选调优秀高校毕业生)."""
    s = st.composition
    members = [p.id for p in s.members(frozenset({"vice_chair", "member"}))]
    if not members:
        return Check.not_applicable(
            "服务站除站长外未登记其他成员", "the station has no members besides its head"
        )
    allowed = _two_committees(s) | set(st.recruited_graduate_ids)
    bad = [m for m in members if m not in allowed]
    return _result(
        not bad,
        "服务站成员均由村“两委”成员兼任或经公开招考、选调的高校毕业生担任"
        if not bad
        else "以下成员既不是村“两委”成员，也不是公开招考或选调的高校毕业生：" + "、".join(bad),
        "every member is a two-committee member or a recruited or selected graduate"
        if not bad
        else f"neither a two-committee member nor a recruited or selected graduate: "
        f"{', '.join(bad)}",
        members=members,
        ineligible=bad,
    )


def station_pay(st: ServiceStationStaffing, ctx: RuleContext) -> Check:
    """Members who are not two-committee members are paid at the village two-committee members'
    standard (报酬待遇…参照村“两委”成员标准执行); concurrent two-committee members are paid as
    such already."""
    s = st.composition
    two = _two_committees(s)
    members = [p.id for p in s.members(frozenset({"chair", "vice_chair", "member"}))]
    paid_here = [m for m in members if m not in two]
    if not paid_here:
        return Check.not_applicable(
            "服务站成员均为村“两委”成员兼任", "every member is a concurrent two-committee member"
        )
    standard = st.two_committee_pay_yuan
    if standard is None:
        raise MissingDataError(
            "two_committee_pay_yuan",
            "the two-committee members' pay standard is not recorded",
            "未登记村“两委”成员报酬标准",
        )
    pay = {x.person_id: x.annual_yuan for x in st.pay}
    unknown = [m for m in paid_here if m not in pay]
    off = {m: pay[m] for m in paid_here if m in pay and pay[m] != standard}
    if off:
        return Check.failed(
            f"以下成员的报酬未按村“两委”成员标准（每年{standard}元）执行："
            + "、".join(f"{m}（{v}元）" for m, v in off.items()),
            f"not paid at the two-committee standard ({standard} yuan a year): "
            + ", ".join(f"{m} ({v} yuan)" for m, v in off.items()),
            standard=standard,
            differing=off,
        )
    if unknown:
        raise MissingDataError(
            "pay",
            f"the pay of these members is not recorded: {', '.join(unknown)}",
            f"未登记以下成员的报酬：{'、'.join(unknown)}",
        )
    return Check.passed(
        f"成员报酬均按村“两委”成员标准（每年{standard}元）执行",
        f"members are paid at the two-committee standard ({standard} yuan a year)",
        standard=standard,
        differing={},
    )
