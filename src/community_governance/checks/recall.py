"""Checks of a recall (罢免) of a committee member: who may start it, its reasons, its
electorate, the vote.

The base of every share is derived from the community's records, never taken from the list the
request states about itself: by representatives, the representatives serving on the request
day; by household representatives, the community's households; by voters, the listed voters
who may vote, and every voter the records show whom the list leaves out. So shrinking the list
to those who voted cannot make 20 of 20 a turnout. An empty base satisfies no share: it is
indeterminate, naming what is not recorded.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from ..exceptions import MissingDataError
from ..models.election import Recall
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import Comparison, Quantifier, Term, Threshold
from .measures import HOUSEHOLDS, PARTICIPANTS, REPRESENTATIVES, SPONSORS, VOTERS, VOTES
from .people import Dated, belongs, cited_on, sort_people, unfit

__all__ = [
    "Electorate",
    "defence",
    "electorate",
    "electorate_check",
    "initiation",
    "majority",
    "method_of_election",
    "reason",
    "turnout",
]


def _check(passed: bool, zh: str, en: str, /, **evidence: object) -> Check:
    return Check.passed(zh, en, **evidence) if passed else Check.failed(zh, en, **evidence)


@attrs.frozen
class Electorate:
    """The base a recall is measured against, as the records give it.

    ``units`` are what the base counts (persons, or households by the household method):
    ``sure`` certainly in it, ``unsure`` in it only if a fact not recorded says so (a birth
    date, where someone lives). ``member_of`` maps a person to the unit they count in.
    ``ineligible`` are listed persons who may not vote (``(id, zh, en)``); ``omitted`` are
    voters the records show whom the list leaves out (counted in ``sure``).
    """

    term: Term
    sure: frozenset[str]
    unsure: frozenset[str]
    member_of: dict[str, str]
    ineligible: tuple[tuple[str, str, str], ...] = ()
    omitted: tuple[str, ...] = ()

    def count(self, ids: tuple[str, ...] | list[str]) -> tuple[int, int]:
        """How many distinct units ``ids`` make: certainly, and at most."""
        units = {self.member_of.get(pid) for pid in ids} - {None}
        return len(units & self.sure), len(units & (self.sure | self.unsure))


def _representatives(r: Recall, voter_age: int) -> Electorate:
    """The representatives serving on the request day: all of them are the base; one the
    records show may not vote (under age, deprived of political rights) is not counted among
    those who sponsor or vote. A representative's birth date not recorded is judged where the
    representatives' assembly is (its composition), so here it counts."""
    reps = r.community.representatives(r.requested_on)
    found = sort_people(r.community, sorted(reps), r.requested_on, voter_age)
    counted = set(found.eligible) | set(found.unknown)
    return Electorate(
        REPRESENTATIVES,
        frozenset(reps),
        frozenset(),
        {pid: pid for pid in counted},
        found.ineligible,
    )


def electorate(r: Recall, voter_age: int) -> Electorate:
    """The recall's electorate by its method, derived from the community's records."""
    c, day = r.community, r.requested_on
    if r.method == "representatives":
        return _representatives(r, voter_age)
    listed = r.electorate_ids or ()
    found = sort_people(c, listed, day, voter_age)
    listed_set = set(listed)
    omitted, unsure_unlisted = [], []
    for p in c.persons:
        if p.id in listed_set or unfit(p, day, voter_age) is not None:
            continue
        member = belongs(p, c.kind)
        if member is False:
            continue
        if member is None or p.birth_date is None:
            unsure_unlisted.append(p.id)
        else:
            omitted.append(p.id)
    if r.method == "household_representatives":
        return Electorate(
            HOUSEHOLDS,
            frozenset(h.id for h in c.households),
            frozenset(),
            {
                p.id: p.household_id
                for p in c.persons
                if p.household_id is not None and unfit(p, day, voter_age) is None
            },
            found.ineligible,
        )
    sure = frozenset(found.eligible) | frozenset(omitted)
    unsure = frozenset(found.unknown) | frozenset(unsure_unlisted)
    member_of = {pid: pid for pid in sure | unsure}
    return Electorate(VOTERS, sure, unsure, member_of, found.ineligible, tuple(omitted))


def _bounded(
    quantifier: Quantifier,
    share: Fraction,
    subject: Term,
    base: Electorate,
    ids: tuple[str, ...] | list[str],
    what: str,
) -> Comparison:
    """Compare the units ``ids`` make against the share of ``base``: the comparison when the
    records decide it, else `MissingDataError` naming who is not recorded."""
    if not base.sure and not base.unsure:
        raise MissingDataError(
            "community",
            f"no {base.term.en} are recorded on the day: the base of the {what} share is empty, "
            "and 0 of 0 satisfies no share",
            f"当日未登记任何{base.term.zh}，{what}比例的基数为零，零人不能满足任何比例",
        )
    t = Threshold(quantifier, share, subject, base.term)
    low, high = base.count(ids)
    lo_base, hi_base = len(base.sure), len(base.sure) + len(base.unsure)
    worst = t.test(low, hi_base)
    if worst.passed or not base.unsure:
        return worst if worst.passed else t.test(low, lo_base)
    best = t.test(high, lo_base) if lo_base else None
    if best is not None and not best.passed:
        return t.test(low, lo_base)
    raise MissingDataError(
        "community.persons[].birth_date",
        f"whether these persons may vote decides the {what}: {', '.join(sorted(base.unsure))}",
        f"以下人员是否有选举权（出生日期或户籍、居住情况未登记）决定{what}结果："
        f"{'、'.join(sorted(base.unsure))}",
    )


def initiation(
    voters: Parameter | str, representatives: Parameter | str, voter_age: Parameter | str
) -> DeclaredCheck:
    """Make a check: the request is sponsored by at least the ``voters`` share of those with a
    vote (有选举权的居民或者户的代表) or at least the ``representatives`` share of the
    representatives serving on the request date. Only sponsors who may vote (``voter_age``,
    political rights) and are in the base count; the others are named. No sponsor never
    satisfies a share, nor does an empty base."""

    @reads(voters, representatives, voter_age)
    def check(r: Recall, ctx: RuleContext) -> Check:
        age = ctx.count(voter_age)
        if r.sponsors == "representatives":
            base = _representatives(r, age)
            share = ctx.share(representatives)
        else:
            base = electorate(r, age)
            share = ctx.share(voters)
        c = _bounded("at_least", share, SPONSORS, base, r.sponsor_ids, "联名")
        ignored = [s for s in r.sponsor_ids if s not in base.member_of]
        zh, en = c.text()
        if ignored:
            zh += f"（不计入：{'、'.join(ignored)}）"
            en += f" (not counted: {', '.join(ignored)})"
        return _check(c.passed, zh, en, not_counted=ignored, **c.to_evidence())

    return check


def reason(r: Recall, ctx: RuleContext) -> Check:
    """The request states its reasons (说明要求罢免的理由); a blank reason is refused by the
    model (`Text`), so a reason given says something."""
    ok = r.reason is not None
    return _check(
        ok,
        "已说明罢免理由" if ok else "未说明要求罢免的理由",
        "reasons are stated" if ok else "the request states no reasons",
    )


def electorate_check(voter_age: Parameter | str, texts: Dated = ()) -> DeclaredCheck:
    """Make a check: the recall's electorate is the one the records give — everyone listed may
    vote (``voter_age``, political rights), and no voter the records show is left out (by
    voters); by representatives, the representatives serving on the day, who may vote. The
    finding cites the entry of ``texts`` in force on the date (all the rule's citations when
    empty)."""

    @reads(voter_age)
    def check(r: Recall, ctx: RuleContext) -> Check:
        return cited_on(_electorate_check(r, ctx.count(voter_age)), ctx.at, texts)

    return check


def _electorate_check(r: Recall, age: int) -> Check:
    base = electorate(r, age)
    problems_zh, problems_en = [], []
    if base.ineligible:
        problems_zh.append("无选举权：" + "；".join(z for _, z, _ in base.ineligible))
        problems_en.append("may not vote: " + "; ".join(e for _, _, e in base.ineligible))
    if base.omitted:
        problems_zh.append(f"名单遗漏了登记在册的选民：{'、'.join(base.omitted)}")
        problems_en.append(
            f"the list leaves out voters the records show: {', '.join(base.omitted)}"
        )
    evidence = {
        "base": base.term.key,
        "counted": len(base.sure),
        "ineligible": [pid for pid, _, _ in base.ineligible],
        "omitted": list(base.omitted),
    }
    if problems_zh:
        return Check.failed(
            f"罢免的投票人员应当是有选举权的{base.term.zh}：{'；'.join(problems_zh)}",
            f"the recall's electorate must be the {base.term.en} with a vote: "
            f"{'; '.join(problems_en)}",
            **evidence,
        )
    if not base.sure and not base.unsure:
        raise MissingDataError(
            "community",
            f"no {base.term.en} recorded on {r.requested_on.isoformat()}: the recall has no "
            "electorate",
            f"{r.requested_on.isoformat()}未登记任何{base.term.zh}，罢免无投票基数",
        )
    if base.unsure and base.term is not HOUSEHOLDS:
        raise MissingDataError(
            "community.persons[]",
            f"birth date, registration or residence not recorded for "
            f"{', '.join(sorted(base.unsure))}: whether they may vote is unknown",
            f"以下人员未登记出生日期或户籍、居住情况，无法确定是否有选举权："
            f"{'、'.join(sorted(base.unsure))}",
        )
    return Check.passed(
        f"罢免按{base.term.zh}计，共{len(base.sure)}，均有选举权",
        f"the recall is measured against {len(base.sure)} {base.term.en}, all with a vote",
        **evidence,
    )


def turnout(
    share: Parameter | str, representatives: Parameter | str | None, voter_age: Parameter | str
) -> DeclaredCheck:
    """Make a check: more than ``share`` of the electorate (`electorate`) voted on the recall
    (or, when representatives elected the member and ``representatives`` is given, more than
    that share of them)."""

    @reads(share, voter_age, *(() if representatives is None else (representatives,)))
    def check(r: Recall, ctx: RuleContext) -> Check:
        if r.voted_ids is None:
            return Check.not_applicable("尚未投票", "no vote recorded yet")
        chosen = (
            share if representatives is None or r.method != "representatives" else representatives
        )
        base = electorate(r, ctx.count(voter_age))
        c = _bounded("more_than", ctx.share(chosen), PARTICIPANTS, base, r.voted_ids, "投票")
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


_METHOD_ZH = {
    "voters": "全体有选举权的居民选举",
    "household_representatives": "每户派代表选举",
    "representatives": "居民代表选举",
    "appointed": "指定或者委派",
}


def method_of_election(r: Recall, ctx: RuleContext) -> Check:
    """The recall vote follows the method by which the member was elected (应当按照产生时的
    选举方式组织进行投票): ``Recall.method`` is the ``elected_by`` of the member's membership
    serving on ``requested_on``; not recorded: indeterminate."""
    held = [
        m
        for m in r.community.memberships
        if m.body_id == r.body_id and m.person_id == r.person_id and m.active_on(r.requested_on)
    ]
    how = {m.elected_by for m in held}
    if None in how or not how:
        raise MissingDataError(
            "community.memberships[].elected_by",
            f"how {r.person_id} was elected (产生时的选举方式) is not recorded",
            f"未登记{r.person_id}产生时的选举方式",
        )
    elected = sorted(h for h in how if h is not None)[0]
    ok = elected == r.method
    return _check(
        ok,
        f"{r.person_id}由{_METHOD_ZH[elected]}产生，罢免投票方式为{_METHOD_ZH[r.method]}"
        + ("，与产生时的选举方式相同" if ok else "，应当按照产生时的选举方式投票"),
        f"{r.person_id} came into the post by: {elected}; the recall vote is by: {r.method}"
        + (": the same method" if ok else ": it must follow the method of the election"),
        elected_by=elected,
        method=r.method,
    )


def defence(texts: Dated = ()) -> DeclaredCheck:
    """Make a check: once the recall is voted, the member could state a defence before the
    vote (被提出罢免的成员有权提出申辩意见: ``Recall.defence_heard``); not recorded:
    indeterminate; before the vote: ``not_applicable``. The finding cites the entry of
    ``texts`` in force on the date."""

    @reads()
    def check(r: Recall, ctx: RuleContext) -> Check:
        if r.voted_ids is None:
            result = Check.not_applicable("尚未投票", "no vote recorded yet")
        elif r.defence_heard is None:
            raise MissingDataError(
                "defence_heard",
                f"whether {r.person_id} could state a defence (申辩意见) before the vote is not "
                "recorded",
                f"未登记{r.person_id}在投票前是否得以提出申辩意见",
            )
        else:
            result = _check(
                r.defence_heard,
                f"{r.person_id}在投票前"
                + ("已获得提出申辩意见的机会" if r.defence_heard else "未获得提出申辩意见的机会"),
                f"{r.person_id} "
                + (
                    "could state a defence before the vote"
                    if r.defence_heard
                    else "could not state a defence before the vote"
                ),
                defence_heard=r.defence_heard,
            )
        return cited_on(result, ctx.at, texts)

    return check
