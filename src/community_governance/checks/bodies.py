"""Checks of a body's composition as of a date (size, chair, women members, relatives).

A check here judges the body it is given: which bodies a rule applies to (the body kind, the
community kind) is the rule's declared `Scope`, so no check tests the kind of its subject.
Checks that read law data take `Parameter` handles and declare them with `reads`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..exceptions import MissingDataError
from ..labels import label
from ..models.body import BodyComposition
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import AllOf, Measure, Threshold
from .measures import CHAIRS, MEMBERS, ORDINARY_MEMBERS, REPRESENTATIVES
from .people import Dated, cited_on, judge, sort_people

__all__ = [
    "body_zh",
    "chair_and_members",
    "chairs",
    "close_relatives",
    "cross_appointment",
    "has_woman",
    "member_eligibility",
    "representatives_constituency",
    "representatives_minimum",
    "size",
]

_BODY_ZH = {
    "residents_committee": "居民委员会",
    "village_committee": "村民委员会",
    "supervision_committee": "居务监督委员会",
    "representatives_assembly": "居民代表会议",
    "mediation_committee": "人民调解委员会",
    "owners_committee": "业主委员会",
    "party_organization": "社区党组织",
    "grid": "网格",
    "service_station": "社区服务站",
    "election_committee": "选举委员会",
    "residents_group": "居民小组",
    "villager_group": "村民小组",
    "residents_assembly": "居民会议",
    "villagers_assembly": "村民会议",
}


def body_zh(kind: str) -> str:
    """The Chinese name of a body kind (the kind itself when not named here); other areas'
    checks use it to name bodies in messages.

    Examples:
        >>> body_zh("residents_committee")
        '居民委员会'
        >>> body_zh("an_unknown_kind")
        'an_unknown_kind'
    """
    return _BODY_ZH.get(kind) or label("body_kind", kind)


def _verdict(
    outcome_passed: bool,
    texts: list[tuple[str, str]],
    evidence: dict[str, object],
    lead_zh: str,
    lead_en: str,
) -> Check:
    zh = "；".join(t[0] for t in texts)
    en = "; ".join(t[1] for t in texts)
    # every number compared is a dated parameter: the article in force for it is cited with
    # its value, so the rule's other texts (the 2018 and the 2025 article) are not repeated
    if outcome_passed:
        return Check.passed(f"{lead_zh}：{zh}", f"{lead_en}: {en}", **evidence).citing()
    return Check.failed(
        f"{lead_zh}不符合要求：{zh}", f"{lead_en} does not comply: {en}", **evidence
    ).citing()


def size(min_param: Parameter, max_param: Parameter) -> DeclaredCheck:
    """Make a check: the body has between ``min_param`` and ``max_param`` members (inclusive).

    Examples:
        >>> import datetime as dt
        >>> from community_governance.rules.citation import Citation
        >>> c = Citation("人民调解法(2010-08-28)", "第八条第二款", "委员三至九人")
        >>> day = dt.date(2011, 1, 1)
        >>> lo = Parameter.count("mediation.size.min", "下限", "fewest", (3, day, None, c))
        >>> hi = Parameter.count("mediation.size.max", "上限", "most", (9, day, None, c))
        >>> [p.name for p in size(lo, hi).parameters]
        ['mediation.size.min', 'mediation.size.max']
    """

    @reads(min_param, max_param)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        lo, hi = ctx.count(min_param), ctx.count(max_param)
        outcome = AllOf((Threshold("at_least", lo, MEMBERS), Threshold("at_most", hi, MEMBERS)))
        result = outcome.evaluate({MEMBERS.key: Measure(len(s.members()))})
        kind = s.body.kind
        return _verdict(
            result.passed,
            [c.text() for c in result.comparisons()],
            result.to_evidence(),
            f"{body_zh(kind)}人数",
            f"{kind} size",
        )

    return check


def has_woman(s: BodyComposition, ctx: RuleContext) -> Check:
    """At least one member is a woman (应当有妇女成员); a member whose gender is not recorded
    makes a body without a recorded woman indeterminate."""
    members = s.members()
    women = [p for p in members if p.gender == "female"]
    unknown = [p.id for p in members if p.gender is None]
    if women:
        return Check.passed(
            f"有妇女成员{len(women)}名",
            f"{len(women)} woman member(s)",
            women=len(women),
            members=len(members),
        )
    if unknown:
        raise MissingDataError(
            "community.persons[].gender",
            f"no woman among members with a recorded gender; gender not recorded for "
            f"{', '.join(unknown)}",
            f"已登记性别的成员中没有妇女，以下成员未登记性别：{'、'.join(unknown)}",
        )
    return Check.failed(
        "没有妇女成员（应当有妇女成员）",
        "no woman among the members (a woman member is required)",
        women=0,
        members=len(members),
    )


def member_eligibility(
    age_param: Parameter,
    roles: Iterable[str] = ("chair", "vice_chair", "member"),
    texts: Dated = (),
) -> DeclaredCheck:
    """Make a check: everyone holding one of ``roles`` in the body on the date was at least
    ``age_param`` when their term began (年满十八周岁: they were elected, or chosen, at that age
    at the latest) and is not deprived of political rights (依照法律被剥夺政治权利的人除外).
    A member without a birth date makes it indeterminate, naming them. The finding cites the
    entry of ``texts`` in force on the date (all the rule's citations when empty)."""
    wanted = frozenset(roles)

    @reads(age_param)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        started: dict[str, dt.date] = {}
        for m in s.community.memberships:
            if m.body_id == s.body_id and m.role in wanted and m.active_on(s.as_of):
                started[m.person_id] = m.term_start
        age = ctx.count(age_param)
        found = sort_people(s.community, list(started), started, age)
        kind = s.body.kind
        who_zh = "居民代表" if wanted == {"representative"} else f"{body_zh(kind)}成员"
        who_en = (
            "representatives"
            if wanted == {"representative"}
            else f"members of the {kind.replace('_', ' ')}"
        )
        return cited_on(judge(found, age, who_zh, who_en, members=len(started)), ctx.at, texts)

    return check


def chair_and_members(
    chairs_param: Parameter, min_param: Parameter, max_param: Parameter
) -> DeclaredCheck:
    """Make a check: exactly ``chairs_param`` chairs and min..max other members (委员)."""

    @reads(chairs_param, min_param, max_param)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        chairs = ctx.count(chairs_param)
        lo, hi = ctx.count(min_param), ctx.count(max_param)
        n_chairs = len(s.holders("chair"))
        others = len(s.members(frozenset({"vice_chair", "member"})))
        outcome = AllOf(
            (
                Threshold("at_least", chairs, CHAIRS),
                Threshold("at_most", chairs, CHAIRS),
                Threshold("at_least", lo, ORDINARY_MEMBERS),
                Threshold("at_most", hi, ORDINARY_MEMBERS),
            )
        ).evaluate({CHAIRS.key: Measure(n_chairs), ORDINARY_MEMBERS.key: Measure(others)})
        kind = s.body.kind
        return _verdict(
            outcome.passed,
            [c.text() for c in outcome.comparisons()],
            outcome.to_evidence(),
            f"{body_zh(kind)}主任和委员人数",
            f"{kind} chair and members",
        )

    return check


def representatives_minimum(min_param: Parameter) -> DeclaredCheck:
    """Make a check, run on a representatives' assembly: it has at least ``min_param``
    representatives."""

    @reads(min_param)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        lo = ctx.count(min_param)
        c = Threshold("at_least", lo, REPRESENTATIVES).test(len(s.holders("representative")))
        zh, en = c.text()
        if c.passed:
            return Check.passed(zh, en, **c.to_evidence())
        return Check.failed(zh, en, **c.to_evidence())

    return check


_CONSTITUENCY_ZH = {
    "compound": "居民小区",
    "building": "楼宇",
    "group": "居民小组",
    "other": "其他适当范围",
}


def representatives_constituency(allowed: Iterable[str]) -> DeclaredCheck:
    """Make a check, run on a representatives' assembly: every representative serving on the
    date was chosen by a constituency of an ``allowed`` kind (e.g. a compound 居民小区 or a
    building 楼宇). Representatives without one recorded are named; when none is recorded for
    anyone, the finding is indeterminate."""
    ok = tuple(allowed)
    ok_zh, ok_en = "或".join(_CONSTITUENCY_ZH[k] for k in ok), " or ".join(ok)

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        chosen: dict[str, str | None] = {}
        for m in s.community.memberships:
            if m.body_id != s.body_id or m.role != "representative" or not m.active_on(s.as_of):
                continue
            if chosen.get(m.person_id) is None:
                chosen[m.person_id] = None if m.constituency is None else m.constituency.kind
        if not chosen:
            return Check.not_applicable(
                f"{s.as_of.isoformat()}没有在任的居民代表",
                f"no representative serving on {s.as_of.isoformat()}",
            )
        missing = [p for p, k in chosen.items() if k is None]
        if len(missing) == len(chosen):
            raise MissingDataError(
                "community.memberships[].constituency",
                f"no constituency recorded for any of the {len(chosen)} representatives",
                f"{len(chosen)}名居民代表均未登记推选范围（{ok_zh}）",
            )
        other = [(p, k) for p, k in chosen.items() if k is not None and k not in ok]
        evidence = {
            "representatives": len(chosen),
            "unrecorded": missing,
            "other_constituency": [p for p, _ in other],
        }
        if not missing and not other:
            return Check.passed(
                f"{len(chosen)}名居民代表均按{ok_zh}推选",
                f"all {len(chosen)} representatives were chosen per {ok_en}",
                **evidence,
            )
        zh, en = [], []
        if missing:
            zh.append(f"未登记推选范围：{'、'.join(missing)}")
            en.append(f"no constituency recorded: {', '.join(missing)}")
        if other:
            zh.append(
                f"不是按{ok_zh}推选：{'、'.join(f'{p}（{_CONSTITUENCY_ZH[k]}）' for p, k in other)}"
            )
            en.append(f"not chosen per {ok_en}: {', '.join(f'{p} ({k})' for p, k in other)}")
        return Check.failed(
            f"居民代表应当按{ok_zh}推选；{'；'.join(zh)}",
            f"representatives are chosen per {ok_en}; {'; '.join(en)}",
            **evidence,
        )

    return check


def chairs(chairs_param: Parameter) -> DeclaredCheck:
    """Make a check: the body has exactly ``chairs_param`` chairs (设主任一人)."""

    @reads(chairs_param)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        n = ctx.count(chairs_param)
        outcome = AllOf(
            (Threshold("at_least", n, CHAIRS), Threshold("at_most", n, CHAIRS))
        ).evaluate({CHAIRS.key: Measure(len(s.holders("chair")))})
        kind = s.body.kind
        return _verdict(
            outcome.passed,
            [c.text() for c in outcome.comparisons()],
            outcome.to_evidence(),
            f"{body_zh(kind)}主任人数",
            f"{kind} chairs",
        )

    return check


def close_relatives(s: BodyComposition, ctx: RuleContext) -> Check:
    """No two members are close relatives (近亲属回避); the finding names each related pair."""
    ids = [p.id for p in s.members()]
    pairs = [
        [a, b]
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if s.community.are_close_relatives(a, b)
    ]
    if not pairs:
        return Check.passed(
            f"{len(ids)}名成员之间没有近亲属关系",
            f"no two of the {len(ids)} members are close relatives",
            members=len(ids),
            close_relative_pairs=[],
        )
    zh = "、".join(f"{a}与{b}" for a, b in pairs)
    en = ", ".join(f"{a} and {b}" for a, b in pairs)
    return Check.failed(
        f"成员中有近亲属（应当实行近亲属回避）：{zh}",
        f"members who are close relatives (close-relative exclusion applies): {en}",
        members=len(ids),
        close_relative_pairs=pairs,
    )


def cross_appointment(party_kind: str) -> DeclaredCheck:
    """Make a permission check: members may also sit in the leadership of the body of
    ``party_kind`` (交叉任职). It never fails; it reports who holds both posts."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        party = {p.id for p in s.members_of_kind(party_kind)}
        both = [p.id for p in s.members() if p.id in party]
        return Check.passed(
            f"成员可以与{body_zh(party_kind)}领导班子成员交叉任职；交叉任职{len(both)}名"
            + (f"：{'、'.join(both)}" if both else ""),
            f"members may also serve in the {party_kind} leadership (cross-appointment); "
            f"{len(both)} do" + (f": {', '.join(both)}" if both else ""),
            cross_appointed=both,
        )

    return check
