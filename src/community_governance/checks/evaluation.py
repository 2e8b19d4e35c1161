"""Checks of the annual democratic evaluation (民主评议) of committee members."""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.evaluation import AnnualEvaluationRecord
from ..rules.parameter import Parameter
from ..rules.rule import Check, CheckFn, DeclaredCheck, RuleContext, reads
from .bodies import body_zh
from .people import Dated, cited_on

__all__ = [
    "annual",
    "chaired_by",
    "consecutive_unfit",
    "every_member_rated",
    "results_published",
    "subsidised_staff_rated",
]


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


def every_member_rated(texts: Dated = ()) -> CheckFn:
    """Make a check: every member serving on the committee on the day of an evaluation is
    rated in it (居民委员会成员接受…民主评议): an evaluation that leaves a member out cannot
    start or continue that member's run of "unfit" ratings. (A member rated twice, or an
    evaluation rating nobody, is refused by the model.) The finding cites the entry of
    ``texts`` in force on the date (all the rule's citations when empty)."""

    def check(r: AnnualEvaluationRecord, ctx: RuleContext) -> Check:
        return cited_on(_every_member_rated(r), ctx.at, texts)

    return check


def _every_member_rated(r: AnnualEvaluationRecord) -> Check:
    if not r.evaluations:
        return Check.not_applicable("没有评议记录", "no evaluation recorded")
    left_out: dict[str, list[str]] = {}
    for e in r.in_order():
        rated = {x.person_id for x in e.ratings}
        serving = r.community.members(r.body_id, e.held_on)
        missing = sorted(serving - rated)
        if missing:
            left_out[e.held_on.isoformat()] = missing
    if not left_out:
        return Check.passed(
            f"{len(r.evaluations)}次评议均评议了当日在任的全体成员",
            f"each of the {len(r.evaluations)} evaluations rated every member serving that day",
            left_out={},
        )
    zh = "；".join(f"{day}未评议{'、'.join(ids)}" for day, ids in left_out.items())
    en = "; ".join(f"{day}: {', '.join(ids)} not rated" for day, ids in left_out.items())
    return Check.failed(
        f"民主评议应当评议当日在任的全体成员：{zh}",
        f"an evaluation rates every member serving that day: {en}",
        left_out=left_out,
    )


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


def results_published(r: AnnualEvaluationRecord, ctx: RuleContext) -> Check:
    """Every evaluation's results were published to the residents (民主评议结果应当及时向居民
    公布: ``results_published_on``). "及时" sets no number: a day recorded passes; none recorded
    is indeterminate, naming the evaluations. No evaluation: ``not_applicable``."""
    if not r.evaluations:
        return Check.not_applicable("没有评议记录", "no evaluation recorded")
    unknown = [e.held_on.isoformat() for e in r.in_order() if e.results_published_on is None]
    if unknown:
        raise MissingDataError(
            "evaluations[].results_published_on",
            f"the publication of the results is not recorded for the evaluations of "
            f"{', '.join(unknown)}",
            f"未登记以下评议结果的公布日期：{'、'.join(unknown)}",
        )
    published = {
        e.held_on.isoformat(): e.results_published_on.isoformat()
        for e in r.in_order()
        if e.results_published_on is not None
    }
    return Check.passed(
        "评议结果均已公布：" + "；".join(f"{h}评议，{p}公布" for h, p in published.items()),
        "every evaluation's results were published: "
        + "; ".join(f"held {h}, published {p}" for h, p in published.items()),
        published=published,
    )


def subsidised_staff_rated(texts: Dated = ()) -> CheckFn:
    """Make a check: each evaluation also rated the staff hired with a work subsidy borne by the
    villagers or the collective serving that day (由村民或者村集体承担误工补贴的聘用人员，应当
    接受…民主评议: ``subsidised_staff_ids``); the staff not recorded: indeterminate. No
    evaluation: ``not_applicable``. The finding cites the entry of ``texts`` in force."""

    def check(r: AnnualEvaluationRecord, ctx: RuleContext) -> Check:
        if not r.evaluations:
            return cited_on(
                Check.not_applicable("没有评议记录", "no evaluation recorded"), ctx.at, texts
            )
        unknown = [e.held_on.isoformat() for e in r.in_order() if e.subsidised_staff_ids is None]
        left_out: dict[str, list[str]] = {}
        for e in r.in_order():
            rated = {x.person_id for x in e.ratings}
            missing = sorted(set(e.subsidised_staff_ids or ()) - rated)
            if missing:
                left_out[e.held_on.isoformat()] = missing
        if left_out:
            zh = "；".join(f"{d}未评议{'、'.join(ids)}" for d, ids in left_out.items())
            en = "; ".join(f"{d}: {', '.join(ids)} not rated" for d, ids in left_out.items())
            result = Check.failed(
                f"由村民或者村集体承担误工补贴的聘用人员应当接受民主评议：{zh}",
                f"staff paid a work subsidy by the villagers or the collective are evaluated: {en}",
                left_out=left_out,
            )
        elif unknown:
            raise MissingDataError(
                "evaluations[].subsidised_staff_ids",
                f"the staff paid a work subsidy are not recorded for the evaluations of "
                f"{', '.join(unknown)}",
                f"未登记以下评议时享受误工补贴的聘用人员：{'、'.join(unknown)}",
            )
        else:
            result = Check.passed(
                "享受误工补贴的聘用人员均已接受评议",
                "every staff member paid a work subsidy was rated",
                left_out={},
            )
        return cited_on(result, ctx.at, texts)

    return check
