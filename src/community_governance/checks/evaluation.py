"""Checks of the annual democratic evaluation (民主评议) of committee members."""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.evaluation import AnnualEvaluationRecord
from ..rules.parameter import Parameter
from ..rules.rule import Check, CheckFn, DeclaredCheck, RuleContext, reads
from .bodies import body_zh

__all__ = ["annual", "chaired_by", "consecutive_unfit"]


def annual(per_year: Parameter | str, first_year: int) -> DeclaredCheck:
    """Make a check: at least ``per_year`` evaluations in every full calendar year of the
    committee's term (``Body.term_start``) that ended before ``as_of``, from ``first_year``
    (每年至少进行一次). A term's partial first year is not counted."""

    @reads(per_year)
    def check(r: AnnualEvaluationRecord, ctx: RuleContext) -> Check:
        need = ctx.count(per_year)
        body = next(b for b in r.community.bodies if b.id == r.body_id)
        if body.term_start is None:
            raise MissingDataError(
                f"community.bodies[id={body.id}].term_start",
                "the committee's term start is needed to know which years count",
                "需登记本届任期开始日期",
            )
        start = body.term_start
        first_full = start.year if (start.month, start.day) == (1, 1) else start.year + 1
        years = range(max(first_full, first_year), r.as_of.year)
        held = [e.held_on.year for e in r.evaluations]
        short = [y for y in years if held.count(y) < need]
        if not years:
            return Check.not_applicable(
                "尚无已结束的评议年度", "no full year of the term has ended yet", years=[]
            )
        return (Check.passed if not short else Check.failed)(
            f"每年至少评议{need}次；{years[0]}至{years[-1]}年"
            + ("均已评议" if not short else f"未评议的年度：{'、'.join(map(str, short))}"),
            f"at least {need} evaluation(s) a year; {years[0]}–{years[-1]}: "
            + ("every year evaluated" if not short else f"no evaluation in {short}"),
            years=list(years),
            missing_years=short,
        )

    return check


def chaired_by(chair_kind: str) -> CheckFn:
    """Make a check: every evaluation was chaired by a body of ``chair_kind`` (主持)."""

    def check(r: AnnualEvaluationRecord, ctx: RuleContext) -> Check:
        if not r.evaluations:
            return Check.not_applicable("没有评议记录", "no evaluation recorded")
        kinds = {b.id: b.kind for b in r.community.bodies}
        bad = [e.held_on.isoformat() for e in r.in_order() if kinds[e.chaired_by] != chair_kind]
        return (Check.passed if not bad else Check.failed)(
            f"评议均由{body_zh(chair_kind)}主持"
            if not bad
            else f"以下评议不是由{body_zh(chair_kind)}主持：{'、'.join(bad)}",
            f"every evaluation chaired by the {chair_kind}"
            if not bad
            else f"not chaired by the {chair_kind}: {', '.join(bad)}",
            not_chaired=bad,
        )

    return check


def consecutive_unfit(unfit_limit: Parameter | str) -> DeclaredCheck:
    """Make a check: a member rated unfit in ``unfit_limit`` consecutive evaluations no longer
    holds the post after the last of them (连续两次被评议不称职的，其职务终止)."""

    @reads(unfit_limit)
    def check(r: AnnualEvaluationRecord, ctx: RuleContext) -> Check:
        limit = ctx.count(unfit_limit)
        streak: dict[str, int] = {}
        ended: dict[str, str] = {}
        for e in r.in_order():
            for rating in e.ratings:
                pid = rating.person_id
                streak[pid] = streak.get(pid, 0) + 1 if rating.rating == "unfit" else 0
                if streak[pid] >= limit and pid not in ended:
                    ended[pid] = e.held_on.isoformat()
        holding = r.community.members(r.body_id, r.as_of)
        still = sorted(p for p in ended if p in holding)
        return (Check.passed if not still else Check.failed)(
            f"连续{limit}次被评议不称职的成员：{'、'.join(sorted(ended)) or '无'}"
            + (f"；其职务已终止，但仍登记在任：{'、'.join(still)}" if still else ""),
            f"rated unfit {limit} times in a row: {', '.join(sorted(ended)) or 'nobody'}"
            + (
                f"; their post has ended, yet still recorded as serving: {', '.join(still)}"
                if still
                else ""
            ),
            post_ended=ended,
            still_serving=still,
        )

    return check
