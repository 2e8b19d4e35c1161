"""Checks of terms and of how a post ends: by-elected members serve to the term's end, the
committee is re-elected when its term expires, group leaders serve the committee's term, and a
post ends on a resignation's approval or by itself (sentence, loss of capacity)."""

from __future__ import annotations

import datetime as dt

from ..exceptions import MissingDataError
from ..models.body import COMMITTEE_ROLES, BodyComposition
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from .bodies import body_zh
from .people import Dated, cited_on

__all__ = [
    "automatic_termination",
    "by_election_term",
    "leader_term",
    "re_election",
    "resignation",
]


def add_years(d: dt.date, years: int) -> dt.date:
    """``d`` moved ``years`` years on (29 February to 28 February)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def re_election(term_years: Parameter, texts: Dated = ()) -> DeclaredCheck:
    """Make a check: the committee's current term (``Body.term_start`` to ``Body.term_end``)
    lasts at most ``term_years`` (每届任期五年), and once it has expired a next committee is
    recorded (届满应当及时举行换届选举): another body of the same kind whose term starts on or
    after the expiry, by ``as_of``.

    The expiry is ``term_end``, or ``term_years`` after ``term_start`` when the end is not
    recorded; neither recorded is indeterminate. Before the expiry nothing is due
    (``not_applicable``). "及时" sets no number: a term expired with no next committee recorded
    fails, as a member serving past five years fails the term rule; a provincial measure that
    allows a postponement belongs in a local rulebook. The finding cites the entry of
    ``texts`` in force on the date."""

    @reads(term_years)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        return cited_on(_re_election(s, ctx.count(term_years)), ctx.at, texts)

    return check


def _re_election(s: BodyComposition, years: int) -> Check:
    body = s.body
    name = body_zh(body.kind)
    if body.term_start is None and body.term_end is None:
        raise MissingDataError(
            f"community.bodies[id={body.id}].term_start/term_end",
            "the committee's current term is not recorded, so whether its re-election is due "
            "cannot be told",
            f"未登记{name}的本届任期，无法判断是否应当换届",
        )
    expiry = body.term_end
    if body.term_start is not None:
        limit = add_years(body.term_start, years)
        if expiry is not None and expiry > limit:
            return Check.failed(
                f"{name}本届任期{body.term_start.isoformat()}至{expiry.isoformat()}，超过每届"
                f"{years}年；应于{limit.isoformat()}届满换届",
                f"the term recorded ({body.term_start.isoformat()} to {expiry.isoformat()}) "
                f"is longer than {years} years: the re-election is due on {limit.isoformat()}",
                term_start=body.term_start.isoformat(),
                term_end=expiry.isoformat(),
                due=limit.isoformat(),
            )
        if expiry is None:
            expiry = limit
    assert expiry is not None
    if s.as_of < expiry:
        return Check.not_applicable(
            f"本届任期于{expiry.isoformat()}届满，尚未到换届时间",
            f"the term expires on {expiry.isoformat()}: no re-election is due yet",
            due=expiry.isoformat(),
        )
    nexts = sorted(
        (b.term_start, b.id)
        for b in s.bodies_of_kind(body.kind)
        if b.id != body.id
        and b.term_start is not None
        and b.term_start >= expiry
        and b.term_start <= s.as_of
    )
    if nexts:
        start, nid = nexts[0]
        return Check.passed(
            f"本届任期于{expiry.isoformat()}届满，已换届：新一届{name}{nid}自{start.isoformat()}起",
            f"the term expired on {expiry.isoformat()} and the next committee {nid} serves from "
            f"{start.isoformat()}",
            due=expiry.isoformat(),
            next_committee=nid,
            next_term_start=start.isoformat(),
        )
    return Check.failed(
        f"本届任期于{expiry.isoformat()}届满，届满应当及时举行换届选举；至{s.as_of.isoformat()}"
        f"未登记新一届{name}",
        f"the term expired on {expiry.isoformat()} and a re-election is due on expiry (届满应当"
        f"及时举行换届选举); no next committee is recorded by {s.as_of.isoformat()}",
        due=expiry.isoformat(),
        next_committee=None,
    )


def automatic_termination(texts: Dated = ()) -> DeclaredCheck:
    """Make a check: a member sentenced to a criminal penalty or found to have lost capacity
    during the term (``Person.sentenced_on`` / ``incapacitated_on``) no longer holds the post
    after that day (丧失行为能力或者被判处刑罚的，其职务自行终止). Judged on the events the
    records show: with none recorded for a member serving on ``as_of`` the rule is
    ``not_applicable``. The finding cites the entry of ``texts`` in force on the date."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        return cited_on(_automatic_termination(s), ctx.at, texts)

    return check


def _automatic_termination(s: BodyComposition) -> Check:
    persons = {p.id: p for p in s.community.persons}
    events: list[tuple[str, str, dt.date, bool]] = []
    for m in s.community.memberships:
        if m.body_id != s.body_id or m.role not in COMMITTEE_ROLES:
            continue
        p = persons[m.person_id]
        for what, day in (("sentenced", p.sentenced_on), ("incapacitated", p.incapacitated_on)):
            if day is None or day < m.term_start or day >= s.as_of:
                continue
            # the post ends that day: the first day not holding it is the next day at the latest
            overstayed = m.term_end is None or m.term_end > day + dt.timedelta(days=1)
            events.append((m.person_id, what, day, overstayed))
    if not events:
        return Check.not_applicable(
            "未登记成员在任期内被判处刑罚或者丧失行为能力",
            "no member is recorded as sentenced or having lost capacity during the term",
            held_after=[],
        )
    held = sorted({pid for pid, _, _, over in events if over})
    zh_what = {"sentenced": "被判处刑罚", "incapacitated": "丧失行为能力"}
    zh = "；".join(f"{pid}于{day.isoformat()}{zh_what[w]}" for pid, w, day, _ in events)
    en = "; ".join(f"{pid} {w} on {day.isoformat()}" for pid, w, day, _ in events)
    evidence = {"events": [[pid, w, day.isoformat()] for pid, w, day, _ in events]}
    if not held:
        return Check.passed(
            f"{zh}，其职务已于当日终止",
            f"{en}: the post ended that day",
            held_after=[],
            **evidence,
        )
    return Check.failed(
        f"{zh}，其职务自行终止，但此后仍登记在任：{'、'.join(held)}",
        f"{en}: the post ended by itself, yet recorded as held after that day: {', '.join(held)}",
        held_after=held,
        **evidence,
    )


def resignation(s: BodyComposition, ctx: RuleContext) -> Check:
    """A member whose resignation the assembly approved (``resignation_approved_on``, on or
    before ``as_of``) holds the post until that day and not after (其职务自…审议通过之日起
    终止): the membership's ``term_end`` (exclusive) is the approval day or the next day;
    earlier, the member left before the approval that ends the post. None recorded:
    ``not_applicable``."""
    wrong, right = [], []
    for m in s.community.memberships:
        day = m.resignation_approved_on
        if m.body_id != s.body_id or day is None or day > s.as_of:
            continue
        # the post ends from the approval day: the first day not holding it is that day, or
        # the next (the meeting sat during the day)
        if m.term_end is not None and day <= m.term_end <= day + dt.timedelta(days=1):
            right.append(m.person_id)
        elif m.term_end is None or m.term_end > day:
            wrong.append(
                (
                    m.person_id,
                    f"{day.isoformat()}辞职审议通过后仍登记在任",
                    f"still recorded as serving after the approval on {day.isoformat()}",
                )
            )
        else:
            wrong.append(
                (
                    m.person_id,
                    f"任期于{m.term_end.isoformat()}结束，早于辞职审议通过之日{day.isoformat()}",
                    f"left on {m.term_end.isoformat()}, before the approval on {day.isoformat()}",
                )
            )
    if not wrong and not right:
        return Check.not_applicable(
            "未登记经审议通过的辞职", "no approved resignation is recorded", resigned=[]
        )
    if not wrong:
        return Check.passed(
            f"辞职成员{'、'.join(right)}的职务自审议通过之日起终止",
            f"resigned members {', '.join(right)} left on the day of the approval",
            resigned=right,
            wrong=[],
        )
    return Check.failed(
        "辞职的，其职务自居民会议或者居民代表会议（村民会议或者村民代表会议）审议通过之日起终止："
        + "；".join(f"{pid}{zh}" for pid, zh, _ in wrong),
        "a resignation ends the post on the day the assembly approves it: "
        + "; ".join(f"{pid} {en}" for pid, _, en in wrong),
        resigned=right + [pid for pid, _, _ in wrong],
        wrong=[pid for pid, _, _ in wrong],
    )


def leader_term(committee_kind: str) -> DeclaredCheck:
    """Make a check, run on a residents' or villager group: its leaders' terms (组长任期) are
    the ``committee_kind`` body's: each group leader serving on ``as_of`` ends on the
    committee's ``term_end``. No leader serving: ``not_applicable``."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        leaders = [
            m
            for m in s.community.memberships
            if m.body_id == s.body_id and m.role == "group_leader" and m.active_on(s.as_of)
        ]
        if not leaders:
            return Check.not_applicable(
                "未登记在任的小组组长", "no group leader is recorded as serving", leaders=[]
            )
        committees = s.bodies_of_kind(committee_kind)
        name = body_zh(committee_kind)
        if not committees or committees[0].term_end is None:
            raise MissingDataError(
                "community.bodies[].term_end",
                f"the {committee_kind}'s term end is needed to compare the group leader's term",
                f"需登记{name}的本届任期届满日期，以比较组长任期",
            )
        end = committees[0].term_end
        open_ended = [m.person_id for m in leaders if m.term_end is None]
        if open_ended:
            raise MissingDataError(
                "community.memberships[].term_end",
                f"the group leader's term end is not recorded for {', '.join(open_ended)}",
                f"未登记组长任期届满日期：{'、'.join(open_ended)}",
            )
        wrong = [m.person_id for m in leaders if m.term_end != end]
        ids = [m.person_id for m in leaders]
        if not wrong:
            return Check.passed(
                f"组长{'、'.join(ids)}任期与{name}相同（至{end.isoformat()}）",
                f"group leaders {', '.join(ids)} serve the {committee_kind}'s term (to "
                f"{end.isoformat()})",
                leaders=ids,
                wrong_term=[],
            )
        return Check.failed(
            f"组长任期应与{name}任期相同（至{end.isoformat()}），以下组长不符：{'、'.join(wrong)}",
            f"group leaders serve the {committee_kind}'s term (to {end.isoformat()}); not so "
            f"for {', '.join(wrong)}",
            leaders=ids,
            wrong_term=wrong,
        )

    return check


def by_election_term(s: BodyComposition, ctx: RuleContext) -> Check:
    """A member elected during the body's term (补选, ``term_start`` after the body's) serves
    until the end of that term (任期到本届任期届满时止): same ``term_end``."""
    body = s.body
    if body.term_start is None or body.term_end is None:
        raise MissingDataError(
            f"community.bodies[id={body.id}].term_start/term_end",
            "the body's current term is not recorded",
            f"未登记{body_zh(body.kind)}的本届任期",
        )
    by_elected = [
        m
        for m in s.community.memberships
        if m.body_id == body.id and m.active_on(s.as_of) and m.term_start > body.term_start
    ]
    if not by_elected:
        return Check.not_applicable(
            "本届没有补选的成员", "no member was elected during the term", by_elected=[]
        )
    wrong = [m.person_id for m in by_elected if m.term_end != body.term_end]
    ids = [m.person_id for m in by_elected]
    end = body.term_end.isoformat()
    if not wrong:
        return Check.passed(
            f"补选的成员{'、'.join(ids)}任期到本届届满（{end}）时止",
            f"by-elected members {', '.join(ids)} serve to the end of the term ({end})",
            by_elected=ids,
            wrong_term=[],
        )
    return Check.failed(
        f"补选的成员任期应到本届届满（{end}）时止，以下成员不符：{'、'.join(wrong)}",
        f"by-elected members serve to the end of the term ({end}); not so for {', '.join(wrong)}",
        by_elected=ids,
        wrong_term=wrong,
    )
