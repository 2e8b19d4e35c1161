"""Checks of an election's vote: validity (turnout), the tally naming who is elected, and
the direct-election requirement for village committees and the handover."""

from __future__ import annotations

import datetime as dt

from ..exceptions import MissingDataError
from ..labels import label
from ..models.election import Election
from ..rules.decision import FindingStatus
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import Comparison, Threshold
from .elections import _from_comparison, _result
from .measures import BALLOTS, DAYS, PARTICIPANTS, VOTERS, VOTES
from .people import Dated, cited_on

__all__ = ["ballot", "direct_election", "handover", "result", "turnout"]


def _turnout_shares(
    share: Parameter | str, representatives: Parameter | str | None
) -> tuple[Parameter | str, ...]:
    return (share,) if representatives is None else (share, representatives)


def _turnout(
    e: Election,
    cast: int,
    ctx: RuleContext,
    share: Parameter | str,
    representatives: Parameter | str | None,
) -> Comparison:
    chosen = share if representatives is None or e.method != "representatives" else representatives
    least = ctx.share(chosen)
    return Threshold("more_than", least, PARTICIPANTS, VOTERS).test(cast, len(e.electorate_ids))


def turnout(share: Parameter | str, representatives: Parameter | str | None) -> DeclaredCheck:
    """Make a check: the election is valid — more than ``share`` of the voters (or household
    representatives) took part, or, when representatives elect and ``representatives`` is
    given, more than that share of them (超过, exclusive)."""

    @reads(*_turnout_shares(share, representatives))
    def check(e: Election, ctx: RuleContext) -> Check:
        if e.ballots_cast is None:
            return Check.not_applicable("尚未投票", "no vote recorded yet")
        return _from_comparison(
            _turnout(e, e.ballots_cast, ctx, share, representatives), "选举有效性：", "validity: "
        )

    return check


def result(
    share: Parameter | str,
    representatives: Parameter | str | None,
    majority: Parameter | str,
    runoff: Parameter | str,
) -> DeclaredCheck:
    """Make the tally: who is elected and why. Only a valid election (see `turnout`) elects.
    First ballot: more than ``majority`` of the ballots cast; run-off: most votes and at least
    ``runoff`` of the ballots cast; at most ``seats``."""

    @reads(*_turnout_shares(share, representatives), majority, runoff)
    def check(e: Election, ctx: RuleContext) -> Check:
        cast = e.ballots_cast
        if cast is None:
            return Check.not_applicable("尚未投票", "no vote recorded yet", elected=[])
        if not _turnout(e, cast, ctx, share, representatives).passed:
            return Check.not_applicable(
                "投票人数不足，选举无效，无人当选",
                "turnout too low: the election is invalid, nobody is elected",
                elected=[],
            )
        if e.round == "first":
            t = Threshold("more_than", ctx.share(majority), VOTES, BALLOTS)
        else:
            t = Threshold("at_least", ctx.share(runoff), VOTES, BALLOTS)
        ranked = sorted(e.candidates, key=lambda c: -(c.votes or 0))
        tests = {c.person_id: t.test(c.votes or 0, cast) for c in ranked}
        qualified = [c for c in ranked if tests[c.person_id].passed]
        elected = [c.person_id for c in qualified[: e.seats]]
        tied: list[str] = []
        if len(qualified) > e.seats and qualified[e.seats].votes == qualified[e.seats - 1].votes:
            cut = qualified[e.seats - 1].votes
            tied = [c.person_id for c in qualified if c.votes == cut]
            elected = [c.person_id for c in qualified if (c.votes or 0) > (cut or 0)]
        lines_zh, lines_en = [], []
        for c in ranked:
            zh, en = tests[c.person_id].text()
            mark_zh = (
                "当选"
                if c.person_id in elected
                else ("票数相同待定" if c.person_id in tied else "未当选")
            )
            mark_en = (
                "elected"
                if c.person_id in elected
                else ("tied" if c.person_id in tied else "not elected")
            )
            lines_zh.append(f"{c.person_id}：{zh}，{mark_zh}")
            lines_en.append(f"{c.person_id}: {en}: {mark_en}")
        open_seats = e.seats - len(elected)
        summary_zh = f"当选{len(elected)}名：{'、'.join(elected) or '无'}" + (
            f"；{open_seats}个名额须另行选举或依法定办法确定" if open_seats else ""
        )
        summary_en = f"{len(elected)} elected: {', '.join(elected) or 'none'}" + (
            f"; {open_seats} seat(s) left for a run-off or as provided by law" if open_seats else ""
        )
        status: FindingStatus = "indeterminate" if tied else "passed"
        return Check(
            status,
            f"{summary_zh}。{'；'.join(lines_zh)}"
            + ("；最后名额票数相同，法律未规定如何确定" if tied else ""),
            f"{summary_en}. {'; '.join(lines_en)}"
            + ("; a tie for the last seat, which the law does not settle" if tied else ""),
            {
                "elected": elected,
                "tied": tied,
                "unfilled": open_seats,
                "ballots_cast": cast,
                "seats": e.seats,
                "round": e.round,
                "votes": {c.person_id: c.votes for c in ranked},
            },
        )

    return check


def direct_election(e: Election, ctx: RuleContext) -> Check:
    """A village committee is elected directly by all voters (由村民直接选举产生)."""
    ok = e.method == "voters"
    return _result(
        ok,
        "由登记参加选举的村民直接选举"
        if ok
        else f"选举方式为{label('election_method', e.method)}，村民委员会应由村民直接选举产生",
        "elected directly by the registered villagers"
        if ok
        else f"method {e.method}: a village committee is elected directly by the villagers",
        method=e.method,
    )


def handover(
    within_days: Parameter | str, share: Parameter | str, representatives: Parameter | str | None
) -> DeclaredCheck:
    """Make a check: the work is handed over within ``within_days`` of the new committee's
    election (自新一届产生之日起十日内完成工作移交); only a valid election (see `turnout`)
    produces a new committee."""

    @reads(within_days, *_turnout_shares(share, representatives))
    def check(e: Election, ctx: RuleContext) -> Check:
        cast = e.ballots_cast
        if cast is None or not _turnout(e, cast, ctx, share, representatives).passed:
            return Check.not_applicable("未产生新一届委员会", "no new committee has been elected")
        days = ctx.count(within_days)
        due = e.election_day + dt.timedelta(days=days)
        done = e.handover_completed_on
        if done is None:
            if ctx.at <= due:
                return Check.not_applicable(
                    f"工作移交应于{due.isoformat()}前完成，尚未到期",
                    f"the handover is due by {due.isoformat()}; not yet due",
                    due=due.isoformat(),
                )
            return Check.failed(
                f"工作移交应于{due.isoformat()}前完成，至{ctx.at.isoformat()}尚未完成",
                f"the handover was due by {due.isoformat()} and is not recorded as done on "
                f"{ctx.at.isoformat()}",
                due=due.isoformat(),
            )
        c = Threshold("at_most", days, DAYS).test((done - e.election_day).days)
        return _from_comparison(
            c,
            f"工作移交于{done.isoformat()}完成，距选举日：",
            f"handover completed {done.isoformat()}, after the election by: ",
        )

    return check


_BALLOT = (
    ("secret", "无记名投票", "a secret ballot"),
    ("counted_publicly", "公开计票", "a public count"),
    ("announced_on_the_spot", "选举结果当场公布", "the result announced on the spot"),
    ("private_booth", "设立秘密写票处", "a private booth to mark the ballot"),
)


def ballot(texts: Dated = ()) -> DeclaredCheck:
    """Make a check: the vote was held by secret ballot, counted in public, its result
    announced on the spot, with a private booth (选举实行无记名投票、公开计票的方法，选举结果应当
    当场公布。选举时，应当设立秘密写票处). Before the vote: ``not_applicable``; the conduct not
    recorded (``Election.ballot``): indeterminate. The finding cites the entry of ``texts`` in
    force on the date."""

    @reads()
    def check(e: Election, ctx: RuleContext) -> Check:
        if e.voted_ids is None:
            return Check.not_applicable("尚未投票", "no vote recorded yet")
        if e.ballot is None:
            raise MissingDataError(
                "ballot",
                "how the vote was conducted (secret ballot, public count, result announced on "
                "the spot, private booth) is not recorded",
                "未登记投票方式（无记名投票、公开计票、当场公布结果、秘密写票处）",
            )
        missing = [(zh, en) for field, zh, en in _BALLOT if not getattr(e.ballot, field)]
        result = _result(
            not missing,
            "无记名投票、公开计票、当场公布选举结果，设立秘密写票处"
            if not missing
            else f"投票方式不符合要求，缺少：{'、'.join(z for z, _ in missing)}",
            "a secret ballot, a public count, the result announced on the spot, a private booth"
            if not missing
            else f"the vote lacked: {', '.join(en for _, en in missing)}",
            lacking=[field for field, _, _ in _BALLOT if not getattr(e.ballot, field)],
        )
        return cited_on(result, ctx.at, texts)

    return check
