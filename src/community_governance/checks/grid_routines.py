"""Checks of a village's grid-management routines over a period (`GridRecord`): the monthly
review of the grid workers' regular meeting, the service notice, home visits and the route by
which problems reach the township.

Months are calendar months (每月), as the library reads every such period (the legal review of
2026-11, D1): a period is judged only on the whole calendar months it covers.
"""

from __future__ import annotations

import datetime as dt

from ..models.grid import GridRecord
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads

__all__ = ["escalation", "home_visits", "monthly_review", "service_notice", "whole_months"]

_DAY = dt.timedelta(days=1)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def whole_months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first days of the calendar months lying wholly in ``[start, end)``.

    Examples:
        >>> [m.isoformat() for m in whole_months(dt.date(2018, 1, 15), dt.date(2018, 4, 1))]
        ['2018-02-01', '2018-03-01']
    """
    first = start if start.day == 1 else _next_month(start)
    out = []
    while _next_month(first) <= end:
        out.append(first)
        first = _next_month(first)
    return out


def monthly_review(since: dt.date) -> DeclaredCheck:
    """Make a check: in every whole calendar month of the period from ``since`` (the day the
    routine was set up) the grid workers' regular meeting reviewed the grids (每月及时梳理、
    分析网格内社情民意)."""

    @reads()
    def check(r: GridRecord, ctx: RuleContext) -> Check:
        months = whole_months(max(r.period_start, since), min(r.period_end, ctx.at + _DAY))
        if not months:
            return Check.not_applicable(
                "记录期间不含完整的自然月", "the period covers no whole calendar month"
            )
        held = {(d.year, d.month) for d in r.reviews}
        missing = [m.strftime("%Y-%m") for m in months if (m.year, m.month) not in held]
        judged = [m.strftime("%Y-%m") for m in months]
        if missing:
            return Check.failed(
                f"以下月份未召开网格员工作例会梳理、分析网格情况：{'、'.join(missing)}",
                f"no regular grid-worker meeting reviewed the grids in {', '.join(missing)}",
                months=judged,
                missing=missing,
            )
        return Check.passed(
            f"{judged[0]}至{judged[-1]}每月均召开网格员工作例会",
            f"the grid workers' meeting reviewed the grids every month from {judged[0]} to "
            f"{judged[-1]}",
            months=judged,
            missing=[],
        )

    return check


def service_notice(r: GridRecord, ctx: RuleContext) -> Check:
    """A service notice showing the service content, the staff and how to reach them is posted
    (公示服务内容和服务人员及联系方式)."""
    n = r.notice
    if n is None or n.posted_on > ctx.at:
        return Check.failed(
            "未在公共场所公示服务内容、服务人员及联系方式",
            "no notice of the services, staff and contacts is posted",
            posted=False,
        )
    parts = {"services": n.services, "staff": n.staff, "contacts": n.contacts}
    lacking = [k for k, shown in parts.items() if not shown]
    names = {"services": "服务内容", "staff": "服务人员", "contacts": "联系方式"}
    if lacking:
        return Check.failed(
            f"服务公示缺少：{'、'.join(names[k] for k in lacking)}",
            f"the service notice lacks: {', '.join(lacking)}",
            posted=True,
            lacking=lacking,
        )
    return Check.passed(
        f"已于{n.posted_on.isoformat()}公示服务内容、服务人员及联系方式",
        f"services, staff and contacts posted on {n.posted_on.isoformat()}",
        posted=True,
        lacking=[],
    )


def home_visits(r: GridRecord, ctx: RuleContext) -> Check:
    """Every person of the groups singled out was visited at home in the period (定期重点走访;
    the opinions name no interval, so the record's own period is the one judged)."""
    if not r.focus_persons:
        return Check.not_applicable(
            "本村未登记需重点走访的人员", "the village records no one to visit"
        )
    visited = {v.person_id for v in r.visits if r.covers(v.visited_on) and v.visited_on <= ctx.at}
    missed = [p.person_id for p in r.focus_persons if p.person_id not in visited]
    if missed:
        return Check.failed(
            f"记录期间未入户走访以下重点人员：{'、'.join(missed)}",
            f"not visited at home in the period: {', '.join(missed)}",
            missed=missed,
        )
    return Check.passed(
        f"重点人员{len(r.focus_persons)}名均已入户走访",
        f"all {len(r.focus_persons)} persons to visit were visited at home",
        missed=[],
    )


def escalation(r: GridRecord, ctx: RuleContext) -> Check:
    """A problem the service station cannot solve reaches the township through the station
    (由社区服务站统一收集整理后向乡镇（街道）反映), not directly from a grid worker or others."""
    issues = [x for x in r.reported_issues if x.reported_on <= ctx.at]
    if not issues:
        return Check.not_applicable(
            "记录期间没有向乡镇（街道）反映的问题", "no problem was reported to the township"
        )
    bypassed = [x.id for x in issues if x.reported_by != "service_station"]
    if bypassed:
        return Check.failed(
            f"以下问题未经社区服务站统一收集整理即向乡镇（街道）反映：{'、'.join(bypassed)}",
            f"reported to the township without going through the service station: "
            f"{', '.join(bypassed)}",
            bypassed=bypassed,
        )
    return Check.passed(
        f"向乡镇（街道）反映的{len(issues)}个问题均经社区服务站统一收集整理",
        f"all {len(issues)} problems reported to the township went through the service station",
        bypassed=[],
    )
