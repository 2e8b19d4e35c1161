"""Checks of a recall (罢免) of a committee member: who may start it, its reasons, the vote."""

from __future__ import annotations

from fractions import Fraction

from ..models.election import Recall
from ..rules.rule import Check, CheckFn, RuleContext
from ..rules.threshold import Threshold
from .bodies import body_zh
from .measures import PARTICIPANTS, REPRESENTATIVES, SPONSORS, VOTERS, VOTES

__all__ = ["initiation", "majority", "reason", "turnout"]


def _skip(r: Recall, kind: str) -> Check | None:
    body = next(b for b in r.community.bodies if b.id == r.body_id)
    if body.kind != kind:
        return Check.not_applicable(
            f"不是{body_zh(kind)}成员的罢免", f"not a recall from a {kind} (it is a {body.kind})"
        )
    return None


def _share(ctx: RuleContext, name: str) -> Fraction:
    value = ctx.param(name)
    assert isinstance(value, Fraction)
    return value


def _check(passed: bool, zh: str, en: str, /, **evidence: object) -> Check:
    return Check.passed(zh, en, **evidence) if passed else Check.failed(zh, en, **evidence)


def initiation(kind: str, voters_param: str, reps_param: str) -> CheckFn:
    """Make a check: the request is sponsored by at least a share of the voters (or household
    representatives), or by at least a share of the representatives."""

    def check(r: Recall, ctx: RuleContext) -> Check:
        skip = _skip(r, kind)
        if skip:
            return skip
        if r.sponsors == "representatives":
            base = r.community.representatives(r.requested_on)
            share, base_term = _share(ctx, reps_param), REPRESENTATIVES
        else:
            base = frozenset(r.electorate_ids)
            share, base_term = _share(ctx, voters_param), VOTERS
        counted = [s for s in r.sponsor_ids if s in base]
        ignored = [s for s in r.sponsor_ids if s not in base]
        c = Threshold("at_least", share, SPONSORS, base_term).test(len(counted), len(base))
        zh, en = c.text()
        if ignored:
            zh += f"（不计入：{'、'.join(ignored)}）"
            en += f" (not counted: {', '.join(ignored)})"
        return _check(c.passed, zh, en, not_counted=ignored, **c.to_evidence())

    return check


def reason(kind: str) -> CheckFn:
    """Make a check: the request states its reasons (说明要求罢免的理由)."""

    def check(r: Recall, ctx: RuleContext) -> Check:
        skip = _skip(r, kind)
        if skip:
            return skip
        ok = bool(r.reason and r.reason.strip())
        return _check(
            ok,
            "已说明罢免理由" if ok else "未说明要求罢免的理由",
            "reasons are stated" if ok else "the request states no reasons",
        )

    return check


def turnout(kind: str, share_param: str, reps_param: str | None) -> CheckFn:
    """Make a check: more than half of the voters (or more than 2/3 of the representatives,
    when they elected the member) voted on the recall."""

    def check(r: Recall, ctx: RuleContext) -> Check:
        skip = _skip(r, kind)
        if skip:
            return skip
        if r.voted_ids is None:
            return Check.not_applicable("尚未投票", "no vote recorded yet")
        param = reps_param if r.method == "representatives" and reps_param else share_param
        t = Threshold("more_than", _share(ctx, param), PARTICIPANTS, VOTERS)
        c = t.test(len(r.voted_ids), len(r.electorate_ids))
        zh, en = c.text()
        return _check(c.passed, zh, en, **c.to_evidence())

    return check


def majority(kind: str, share_param: str) -> CheckFn:
    """Make a check: more than half of those voting approved the recall (投票人员的过半数)."""

    def check(r: Recall, ctx: RuleContext) -> Check:
        skip = _skip(r, kind)
        if skip:
            return skip
        if r.voted_ids is None or r.votes_for is None:
            return Check.not_applicable("尚未投票", "no vote recorded yet")
        t = Threshold("more_than", _share(ctx, share_param), VOTES, PARTICIPANTS)
        c = t.test(r.votes_for, len(r.voted_ids))
        zh, en = c.text()
        verdict_zh = "罢免通过" if c.passed else "罢免未通过"
        verdict_en = "recall carried" if c.passed else "recall not carried"
        return _check(c.passed, f"{verdict_zh}：{zh}", f"{verdict_en}: {en}", **c.to_evidence())

    return check
