"""Checks of a body's composition against other bodies of its community: exclusion of
committee members and their relatives, equal terms, terms' length, representatives' shares.

As in `checks.bodies`, the body kind and community kind a rule applies to are its declared
`Scope`; a check only judges the body it is given.
"""

from __future__ import annotations

import datetime as dt

from ..exceptions import MissingDataError
from ..models.body import COMMITTEE_ROLES, BodyComposition
from ..models.community import Body, Person
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import AllOf, Measure, Term, Threshold
from .bodies import body_zh
from .measures import ASSEMBLY_MEMBERS, HOUSEHOLDS, WOMEN_REPRESENTATIVES
from .people import Dated, cited_on

__all__ = [
    "chosen_by",
    "committee_exclusion",
    "elected_not_appointed",
    "expertise",
    "group_leader",
    "households_per_representative",
    "max_term_years",
    "minority_member",
    "odd_size",
    "representatives_share",
    "required_body",
    "same_term",
    "women_representatives_share",
]


def _result(passed: bool, zh: str, en: str, /, **evidence: object) -> Check:
    return Check.passed(zh, en, **evidence) if passed else Check.failed(zh, en, **evidence)


def required_body(required_kind: str) -> DeclaredCheck:
    """Make a check, run on the body the rule's scope selects: its community has a body of
    ``required_kind`` (社区应当建立居务监督委员会).

    A community input need not list every body, so none recorded is indeterminate (naming
    ``community.bodies``), never a silent pass.
    """

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        found = [b.id for b in s.bodies_of_kind(required_kind)]
        if not found:
            raise MissingDataError(
                "community.bodies",
                f"no {required_kind} is recorded; the community must have one — record it, or "
                f"the community lacks it",
                f"未登记{body_zh(required_kind)}；社区应当建立{body_zh(required_kind)}",
            )
        return Check.passed(
            f"社区已建立{body_zh(required_kind)}（{'、'.join(found)}）",
            f"the community has a {required_kind} ({', '.join(found)})",
            found=found,
        )

    return check


def committee_exclusion(committee_kind: str) -> DeclaredCheck:
    """Make a check: no member of the body is a member of the ``committee_kind`` body on the
    same day, or a close relative (近亲属) of one."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        committee = [p.id for p in s.members_of_kind(committee_kind)]
        members = [p.id for p in s.members()]
        sitting = [m for m in members if m in committee]
        related = [
            [m, c]
            for m in members
            for c in committee
            if m != c and s.community.are_close_relatives(m, c)
        ]
        name = body_zh(committee_kind)
        if not sitting and not related:
            return Check.passed(
                f"{len(members)}名成员中没有{name}成员或其近亲属",
                f"none of the {len(members)} members is a {committee_kind} member or a close "
                f"relative of one",
                committee_members=sitting,
                close_relatives=related,
            )
        parts_zh, parts_en = [], []
        if sitting:
            parts_zh.append(f"{'、'.join(sitting)}是{name}成员")
            parts_en.append(f"{', '.join(sitting)} sit(s) on the {committee_kind}")
        if related:
            parts_zh.append("、".join(f"{m}是{name}成员{c}的近亲属" for m, c in related))
            parts_en.append(
                ", ".join(
                    f"{m} is a close relative of {committee_kind} member {c}" for m, c in related
                )
            )
        return Check.failed(
            f"{name}成员及其近亲属不得担任：{'；'.join(parts_zh)}",
            f"{committee_kind} members and their close relatives may not serve: "
            f"{'; '.join(parts_en)}",
            committee_members=sitting,
            close_relatives=related,
        )

    return check


def _term_end(body: Body, field: str) -> dt.date:
    if body.term_end is None:
        raise MissingDataError(
            field,
            f"the term end (本届任期届满) of body {body.id} is not recorded",
            f"未登记{body.id}的本届任期届满日期",
        )
    return body.term_end


def same_term(committee_kind: str) -> DeclaredCheck:
    """Make a check: the body's term (任期) is the same as the ``committee_kind`` body's,
    compared by the recorded term ends (``Body.term_end``)."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        committees = s.bodies_of_kind(committee_kind)
        if not committees:
            raise MissingDataError(
                "community.bodies",
                f"the community has no {committee_kind} to compare terms with",
                f"社区未登记{body_zh(committee_kind)}，无法比较任期",
            )
        own = _term_end(s.body, f"community.bodies[id={s.body.id}].term_end")
        other = _term_end(committees[0], f"community.bodies[id={committees[0].id}].term_end")
        return _result(
            own == other,
            f"任期届满日{own.isoformat()}，{body_zh(committee_kind)}任期届满日{other.isoformat()}"
            + ("，任期相同" if own == other else "，任期不同（应当相同）"),
            f"term ends {own.isoformat()}, the {committee_kind}'s ends {other.isoformat()}"
            + (": same term" if own == other else ": the terms must be the same"),
            term_end=own.isoformat(),
            committee_term_end=other.isoformat(),
        )

    return check


def expertise(s: BodyComposition, ctx: RuleContext) -> Check:
    """At least one member has finance or management knowledge (财会、管理知识); with nobody
    recorded as having it and someone not recorded, the finding is indeterminate."""
    members = s.members()
    experts = [p.id for p in members if p.finance_or_management_expertise]
    unknown = [p.id for p in members if p.finance_or_management_expertise is None]
    if not experts and unknown:
        raise MissingDataError(
            "community.persons[].finance_or_management_expertise",
            f"no member is recorded with finance or management knowledge; not recorded for "
            f"{', '.join(unknown)}",
            f"没有登记具备财会、管理知识的成员，以下成员未登记：{'、'.join(unknown)}",
        )
    return _result(
        bool(experts),
        f"具备财会、管理知识的成员{len(experts)}名"
        + ("" if experts else "（其中应有具备财会、管理知识的人员）"),
        f"{len(experts)} member(s) with finance or management knowledge"
        + ("" if experts else " (at least one is required)"),
        experts=experts,
    )


def max_term_years(years_param: Parameter) -> DeclaredCheck:
    """Make a check: every current member's term lasts at most ``years_param`` years (每届任期
    N年): a term from ``term_start`` may end on the same day ``years`` later, not a day after
    (2021-06-01 to 2026-06-01 is five years); an open-ended term must not have run longer than
    that on the date checked."""

    @reads(years_param)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        years = ctx.count(years_param)
        too_long = []
        for m in s.community.memberships:
            if m.body_id != s.body_id or not m.active_on(s.as_of):
                continue
            limit = _add_years(m.term_start, years)
            end = m.term_end if m.term_end is not None else s.as_of + dt.timedelta(days=1)
            if end > limit:
                too_long.append(m.person_id)
        # the term is a dated parameter: the text in force is cited with its value, so a rule
        # citing the same words in two versions of a law does not cite both
        return _result(
            not too_long,
            f"每届任期{years}年"
            + (f"；超过任期的成员：{'、'.join(too_long)}" if too_long else "；成员任期均未超过"),
            f"a term lasts {years} years"
            + (f"; terms too long for: {', '.join(too_long)}" if too_long else "; no term longer"),
            years=years,
            too_long=too_long,
        ).citing()

    return check


def _add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def odd_size(s: BodyComposition, ctx: RuleContext) -> Check:
    """The body has an odd number of members (单数)."""
    n = len(s.members())
    return _result(
        n % 2 == 1,
        f"成员{n}名，{'是' if n % 2 else '不是'}单数",
        f"{n} members: {'an odd' if n % 2 else 'not an odd'} number",
        members=n,
    )


def _assembly(s: BodyComposition, committee_kind: str) -> tuple[list[str], list[str]]:
    """(representatives, all members): the committee's members join the representatives."""
    reps = [p.id for p in s.holders("representative")]
    others = {p.id for p in s.members()} | {p.id for p in s.members_of_kind(committee_kind)}
    members = reps + sorted(others - set(reps))
    return reps, members


def representatives_share(share_param: Parameter, committee_kind: str, term: Term) -> DeclaredCheck:
    """Make a check, run on a representatives' assembly: representatives are at least
    ``share_param`` of the assembly's members (the ``committee_kind`` body's members and the
    representatives)."""

    @reads(share_param)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        share = ctx.share(share_param)
        reps, members = _assembly(s, committee_kind)
        c = Threshold("at_least", share, term, ASSEMBLY_MEMBERS).test(len(reps), len(members))
        zh, en = c.text()
        return _result(c.passed, zh, en, **c.to_evidence())

    return check


def women_representatives_share(share_param: Parameter, committee_kind: str) -> DeclaredCheck:
    """Make a check, run on a representatives' assembly: women representatives are at least
    ``share_param`` of the assembly's members (妇女村民代表应当占组成人员三分之一以上)."""

    @reads(share_param)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        share = ctx.share(share_param)
        reps = s.holders("representative")
        _, members = _assembly(s, committee_kind)
        t = Threshold("at_least", share, WOMEN_REPRESENTATIVES, ASSEMBLY_MEMBERS)
        women = sum(1 for p in reps if p.gender == "female")
        unknown = [p.id for p in reps if p.gender is None]
        c = t.test(women, len(members))
        if not c.passed and unknown and not t.test(women + len(unknown), len(members)).passed:
            unknown = []
        if not c.passed and unknown:
            raise MissingDataError(
                "community.persons[].gender",
                f"too few women representatives recorded; gender not recorded for "
                f"{', '.join(unknown)}",
                f"登记的妇女村民代表不足，以下代表未登记性别：{'、'.join(unknown)}",
            )
        zh, en = c.text()
        return _result(c.passed, zh, en, **c.to_evidence())

    return check


def households_per_representative(
    min_param: Parameter, max_param: Parameter, term: Term
) -> DeclaredCheck:
    """Make a check, run on a representatives' assembly: one representative per
    ``min_param``–``max_param`` households, i.e.
    ``min × representatives ≤ households ≤ max × representatives``."""

    @reads(min_param, max_param)
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        lo, hi = ctx.count(min_param), ctx.count(max_param)
        households = len(s.community.households)
        if households == 0:
            raise MissingDataError("community.households", "no households recorded", "未登记户")
        reps = len(s.holders("representative"))
        outcome = AllOf(
            (
                Threshold("at_least", lo * reps, HOUSEHOLDS),
                Threshold("at_most", hi * reps, HOUSEHOLDS),
            )
        ).evaluate({HOUSEHOLDS.key: Measure(households)})
        texts = [c.text() for c in outcome.comparisons()]
        lead_zh = f"{term.zh}{reps}名，按每{lo}户至{hi}户推选一人计"
        lead_en = f"{reps} {term.en} at one per {lo}–{hi} households"
        return _result(
            outcome.passed,
            f"{lead_zh}：{'；'.join(t[0] for t in texts)}",
            f"{lead_en}: {'; '.join(t[1] for t in texts)}",
            representatives=reps,
            **outcome.to_evidence(),
        )

    return check


_BY_ZH = {
    "residents_assembly": "居民会议",
    "villagers_assembly": "村民会议",
    "representatives_assembly": "居民代表会议 / 村民代表会议",
    "residents_group": "居民小组",
    "villager_group": "村民小组会议",
}


def _among(p: Person, among: str) -> bool | None:
    """Whether ``p`` is one of those the law has the members chosen from, by the records:
    ``residents_or_workers`` (在居民或者社区工作者中: registered here, habitually resident, or a
    community worker here) or ``villagers`` (在村民中: registered in or living in the village);
    ``None`` when the records do not tell."""
    if among == "residents_or_workers" and p.community_worker_since is not None:
        return True
    if p.registration == "registered" or p.habitual_resident:
        return True
    if p.registration is None or p.habitual_resident is None:
        return None
    return False


def chosen_by(kinds: tuple[str, ...], among: str | None = None, texts: Dated = ()) -> DeclaredCheck:
    """Make a check: every member serving on ``as_of`` was chosen (推选产生) by a body of one of
    ``kinds`` (``Membership.chosen_by``) and, with ``among``, from among those the law names
    (``residents_or_workers`` or ``villagers``, see `_among`). Not recorded for a member:
    indeterminate, naming them. The finding cites the entry of ``texts`` in force on the date."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        return cited_on(_chosen_by(s, kinds, among), ctx.at, texts)

    return check


def _chosen_by(s: BodyComposition, kinds: tuple[str, ...], among: str | None) -> Check:
    kind_of = {b.id: b.kind for b in s.community.bodies}
    persons = {p.id: p for p in s.community.persons}
    serving = [
        m
        for m in s.community.memberships
        if m.body_id == s.body_id and m.role in COMMITTEE_ROLES and m.active_on(s.as_of)
    ]
    if not serving:
        return Check.not_applicable("没有在任成员", "no member is serving", members=0)
    by_zh = "、".join(dict.fromkeys(_BY_ZH.get(k, k) for k in kinds))
    bad: list[tuple[str, str]] = []
    unknown_by, unknown_among = [], []
    for m in serving:
        if m.chosen_by is None:
            unknown_by.append(m.person_id)
        elif kind_of[m.chosen_by] not in kinds:
            bad.append(
                (
                    f"{m.person_id}由{m.chosen_by}（{body_zh(kind_of[m.chosen_by])}）推选",
                    f"{m.person_id} chosen by {m.chosen_by} ({kind_of[m.chosen_by]})",
                )
            )
        if among is not None:
            found = _among(persons[m.person_id], among)
            if found is False:
                who_zh, who_en = (
                    ("村民", "villagers")
                    if among == "villagers"
                    else ("居民或者社区工作者", "residents or community workers")
                )
                bad.append(
                    (f"{m.person_id}不是{who_zh}", f"{m.person_id} is not one of the {who_en}")
                )
            elif found is None:
                unknown_among.append(m.person_id)
    if bad:
        return Check.failed(
            f"成员应当由{by_zh}推选产生：{'；'.join(z for z, _ in bad)}",
            f"members are chosen by {' or '.join(kinds)}: {'; '.join(e for _, e in bad)}",
            wrong=[e for _, e in bad],
        )
    if unknown_by:
        raise MissingDataError(
            "community.memberships[].chosen_by",
            f"who chose these members is not recorded: {', '.join(unknown_by)}",
            f"未登记以下成员由谁推选产生：{'、'.join(unknown_by)}",
        )
    if unknown_among:
        raise MissingDataError(
            "community.persons[].registration/habitual_resident",
            f"whether these members are among those the law names is not recorded: "
            f"{', '.join(unknown_among)}",
            f"未登记以下成员的户籍或居住情况：{'、'.join(unknown_among)}",
        )
    ids = [m.person_id for m in serving]
    return Check.passed(
        f"{len(ids)}名成员均由{by_zh}推选产生",
        f"all {len(ids)} members were chosen by {' or '.join(kinds)}",
        members=len(ids),
        wrong=[],
    )


def minority_member(texts: Dated = ()) -> DeclaredCheck:
    """Make a check: in a multi-ethnic area (多民族居住), the committee has a member of a less
    numerous ethnic group (人数较少的民族的成员).

    The area is multi-ethnic when the community's persons are recorded with two or more
    ethnicities (``Person.ethnicity``); fewer recorded: ``not_applicable``, the condition not
    shown. A group is less numerous when another recorded group is larger even if every person
    whose ethnicity is not recorded belonged to it; a member whose group might be the largest
    and is not surely so, or not recorded, makes the finding indeterminate. The finding cites
    the entry of ``texts`` in force on the date."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        return cited_on(_minority_member(s), ctx.at, texts)

    return check


def _minority_member(s: BodyComposition) -> Check:
    counts: dict[str, int] = {}
    unknown = 0
    for p in s.community.persons:
        if p.ethnicity is None:
            unknown += 1
        else:
            counts[p.ethnicity] = counts.get(p.ethnicity, 0) + 1
    if len(counts) < 2:
        return Check.not_applicable(
            "登记的人员中民族不足两个，不能认定为多民族居住",
            "the persons recorded show fewer than two ethnic groups: not shown to be a "
            "multi-ethnic area",
            ethnicities=sorted(counts),
        )

    def surely_fewer(g: str) -> bool:
        return any(n > counts[g] + unknown for h, n in counts.items() if h != g)

    def surely_largest(g: str) -> bool:
        return all(counts[g] >= n + unknown for h, n in counts.items() if h != g)

    members = s.members()
    minority = [p.id for p in members if p.ethnicity is not None and surely_fewer(p.ethnicity)]
    evidence = {"ethnicities": dict(sorted(counts.items())), "not_recorded": unknown}
    if minority:
        return Check.passed(
            f"多民族居住，成员中有人数较少的民族的成员：{'、'.join(minority)}",
            f"a multi-ethnic area; members of a less numerous ethnic group: {', '.join(minority)}",
            minority_members=minority,
            **evidence,
        )
    unsure = [p.id for p in members if p.ethnicity is None or not surely_largest(p.ethnicity)]
    if unsure:
        raise MissingDataError(
            "community.persons[].ethnicity",
            f"a multi-ethnic area; whether these members belong to a less numerous ethnic group "
            f"depends on ethnicities not recorded: {', '.join(unsure)}",
            f"多民族居住；以下成员是否属于人数较少的民族，取决于未登记的民族：{'、'.join(unsure)}",
        )
    return Check.failed(
        "多民族居住，成员中应当有人数较少的民族的成员，但没有",
        "a multi-ethnic area, yet no member belongs to a less numerous ethnic group",
        minority_members=[],
        **evidence,
    )


def elected_not_appointed(texts: Dated = ()) -> DeclaredCheck:
    """Make a check: no member serving on ``as_of`` was appointed (``Membership.elected_by`` is
    ``appointed``: 任何组织或者个人不得指定、委派…村民委员会成员); not recorded for a member:
    indeterminate, naming them. The finding cites the entry of ``texts`` in force on the
    date."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        serving = [
            m
            for m in s.community.memberships
            if m.body_id == s.body_id and m.role in COMMITTEE_ROLES and m.active_on(s.as_of)
        ]
        appointed = [m.person_id for m in serving if m.elected_by == "appointed"]
        unknown = [m.person_id for m in serving if m.elected_by is None]
        if appointed:
            result = Check.failed(
                f"任何组织或者个人不得指定、委派成员：{'、'.join(appointed)}由指定或者委派产生",
                f"no organisation or person may appoint a member: {', '.join(appointed)} appointed",
                appointed=appointed,
            )
        elif unknown:
            raise MissingDataError(
                "community.memberships[].elected_by",
                f"how these members came into the post is not recorded: {', '.join(unknown)}",
                f"未登记以下成员的产生方式：{'、'.join(unknown)}",
            )
        else:
            result = Check.passed(
                f"{len(serving)}名成员均由选举产生",
                f"all {len(serving)} members were elected",
                appointed=[],
            )
        return cited_on(result, ctx.at, texts)

    return check


def group_leader(representatives_from: dt.date | None, texts: Dated = ()) -> DeclaredCheck:
    """Make a check, run on a residents' or villager group: each group leader serving on
    ``as_of`` was chosen by the group itself (``Membership.chosen_by`` is the group: 居民小组组长
    由居民小组推选 / 村民小组组长由村民小组会议推选) and, from ``representatives_from``, is a
    representative serving that day (从居民代表中推选). No leader serving: ``not_applicable``;
    who chose a leader not recorded: indeterminate. The finding cites the entry of ``texts``
    in force on the date."""

    @reads()
    def check(s: BodyComposition, ctx: RuleContext) -> Check:
        leaders = [
            m
            for m in s.community.memberships
            if m.body_id == s.body_id and m.role == "group_leader" and m.active_on(s.as_of)
        ]
        if not leaders:
            return cited_on(
                Check.not_applicable(
                    "未登记在任的小组组长", "no group leader is recorded as serving", leaders=[]
                ),
                ctx.at,
                texts,
            )
        reps = representatives_from is not None and ctx.at >= representatives_from
        serving_reps = s.community.representatives(s.as_of) if reps else frozenset()
        bad: list[tuple[str, str]] = []
        unknown = []
        for m in leaders:
            if m.chosen_by is None:
                unknown.append(m.person_id)
            elif m.chosen_by != s.body_id:
                bad.append(
                    (f"{m.person_id}由{m.chosen_by}推选", f"{m.person_id} chosen by {m.chosen_by}")
                )
            if reps and m.person_id not in serving_reps:
                bad.append((f"{m.person_id}不是居民代表", f"{m.person_id} is not a representative"))
        ids = [m.person_id for m in leaders]
        if bad:
            result = Check.failed(
                "组长应当由本小组"
                + ("从居民代表中" if reps else "")
                + f"推选：{'；'.join(z for z, _ in bad)}",
                "a group leader is chosen by the group"
                + (" from among the representatives" if reps else "")
                + f": {'; '.join(e for _, e in bad)}",
                leaders=ids,
                wrong=[e for _, e in bad],
            )
        elif unknown:
            raise MissingDataError(
                "community.memberships[].chosen_by",
                f"who chose these group leaders is not recorded: {', '.join(unknown)}",
                f"未登记以下组长由谁推选：{'、'.join(unknown)}",
            )
        else:
            result = Check.passed(
                f"组长{'、'.join(ids)}由本小组" + ("从居民代表中" if reps else "") + "推选",
                f"group leaders {', '.join(ids)} chosen by the group"
                + (" from among the representatives" if reps else ""),
                leaders=ids,
                wrong=[],
            )
        return cited_on(result, ctx.at, texts)

    return check
