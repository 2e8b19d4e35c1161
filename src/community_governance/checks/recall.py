"""Checks of a recall (罢免) of a committee member: who may start it, its reasons, the vote."""

from __future__ import annotations

from ..models.election import Recall
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import Threshold
from .measures import PARTICIPANTS, REPRESENTATIVES, SPONSORS, VOTERS, VOTES

__all__ = ["initiation", "majority", "reason", "turnout"]


def _check(passed: bool, zh: str, en: str, /, **evidence: object) -> Check:
    return Check.passed(zh, en, **evidence) if passed else Check.failed(zh, en, **evidence)


def initiation(voters: Parameter | str, representatives: Parameter | str) -> DeclaredCheck:
    """Make a check: the request is sponsored by at least the ``voters`` share of the voters
    (or household representatives), or by at least the ``representatives`` share of the
    representatives serving on the request date."""

    @reads(voters, representatives)
    def check(r: Recall, ctx: RuleContext) -> Check:
        if r.sponsors == "representatives":
            base = r.community.representatives(r.requested_on)
            share, base_term = ctx.share(representatives), REPRESENTATIVES
        else:
            base = frozenset(r.electorate_ids)
            share, base_term = ctx.share(voters), VOTERS
        counted = [s for s in r.sponsor_ids if s in base]
        ignored = [s for s in r.sponsor_ids if s not in base]
        c = Threshold("at_least", share, SPONSORS, base_term).test(len(counted), len(base))
        zh, en = c.text()
        if ignored:
            zh += f"（不计入：{'、'.join(ignored)}）"
            en += f" (not counted: {', '.join(ignored)})"
        return _check(c.passed, zh, en, not_counted=ignored, **c.to_evidence())

    return check


def reason(r: Recall, ctx: RuleContext) -> Check:
    """The request states its reasons (说明要求罢免的理由)."""
    ok = bool(r.reason and r.reason.strip())
    return _check(
        ok,
        "已说明罢免理由" if ok else "未说明要求罢免的理由",
        "reasons are stated" if ok else "the request states no reasons",
    )


def turnout(share: Parameter | str, representatives: Parameter | str | None) -> DeclaredCheck:
    """Make a check: more than ``share`` of the voters voted on the recall (or, when
    representatives elected the member and ``representatives`` is given, more than that share
    of them)."""

    @reads(share, *(() if representatives is None else (representatives,)))
    def check(r: Recall, ctx: RuleContext) -> Check:
        if r.voted_ids is None:
            return Check.not_applicable("尚未投票", "no vote recorded yet")
        chosen = (
            share if representatives is None or r.method != "representatives" else representatives
        )
        t = Threshold("more_than", ctx.share(chosen), PARTICIPANTS, VOTERS)
        c = t.test(len(r.voted_ids), len(r.electorate_ids))
        zh, en = c.text()
        return _check(c.passed, zh, en, **c.to_evidence())

    return check


def majority(share: Parameter | str) -> DeclaredCheck:
    """Make a check: more than ``share`` of those voting approved the recall (投票人员的过半数)."""

    @reads(share)
    def check(r: Recall, ctx: RuleContext) -> Check:
        if r.voted_ids is None or r.votes_for is None:
            return Check.not_applicable("尚未投票", "no vote recorded yet")
        t = Threshold("more_than", ctx.share(share), VOTES, PARTICIPANTS)
        c = t.test(r.votes_for, len(r.voted_ids))
        zh, en = c.text()
        verdict_zh = "罢免通过" if c.passed else "罢免未通过"
        verdict_en = "recall carried" if c.passed else "recall not carried"
        return _check(c.passed, f"{verdict_zh}：{zh}", f"{verdict_en}: {en}", **c.to_evidence())

    return check
