"""Checks of a committee election: voter list, eligibility, nomination and the election
committee. Which committee a rule applies to is its declared scope, not the check's concern;
the factories take the parameter handles they read."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from ..exceptions import MissingDataError
from ..models.community import Person
from ..models.election import AuditRequest, Election
from ..rules.citation import Citation
from ..rules.parameter import Parameter
from ..rules.rule import Check, CheckFn, DeclaredCheck, RuleContext, reads
from ..rules.threshold import Comparison, Term, Threshold
from .measures import CANDIDATES, DAYS, NOMINATORS, REPRESENTATIVES
from .people import Dated, belongs, cited_on, judge, sort_people

__all__ = [
    "audit_requests",
    "candidate_disqualifications",
    "candidate_eligibility",
    "candidates_exceed_seats",
    "candidates_met_voters",
    "committee_withdrawal",
    "electors_list",
    "nomination",
    "objection_results",
    "objections",
    "one_registration",
    "outgoing_audit",
    "urban_eligibility",
    "village_eligibility",
    "voter_list_notice",
]

#: Residents (居民) and villagers (村民) as a base of a share, named for messages.
RESIDENTS = Term("residents", "居民", "residents", "名", ("resident", "residents"))
VILLAGERS = Term("villagers", "村民", "villagers", "名", ("villager", "villagers"))
REQUESTERS = Term("requesters", "要求审计的人员", "persons asking", "名", ("person", "persons"))
REQUESTING_REPRESENTATIVES = Term(
    "requesting_representatives",
    "要求审计的居民代表",
    "representatives asking",
    "名",
    ("representative", "representatives"),
)


def _result(passed: bool, zh: str, en: str, /, **evidence: object) -> Check:
    return Check.passed(zh, en, **evidence) if passed else Check.failed(zh, en, **evidence)


def _from_comparison(c: Comparison, lead_zh: str = "", lead_en: str = "") -> Check:
    zh, en = c.text()
    return _result(c.passed, lead_zh + zh, lead_en + en, **c.to_evidence())


def voter_list_notice(notice_days: Parameter | str) -> DeclaredCheck:
    """Make a check: the voter list was published at least ``notice_days`` days before the
    election day (在选举日的二十日前公布)."""

    @reads(notice_days)
    def check(e: Election, ctx: RuleContext) -> Check:
        if e.voter_list_published_on is None:
            raise MissingDataError(
                "voter_list_published_on",
                "the day the voter list was published is not recorded",
                "未登记选民名单公布日期",
            )
        days = (e.election_day - e.voter_list_published_on).days
        c = Threshold("at_least", ctx.count(notice_days), DAYS).test(days)
        return _from_comparison(
            c,
            f"选民名单于{e.voter_list_published_on.isoformat()}公布，距选举日{e.election_day.isoformat()}：",
            f"voter list published {e.voter_list_published_on.isoformat()}, before the election "
            f"day {e.election_day.isoformat()} by: ",
        )

    return check


def objections(window_days: Parameter | str, decide_days: Parameter | str) -> DeclaredCheck:
    """Make a check: every objection made within ``window_days`` of publication was decided
    within ``decide_days`` (五日内申诉, 三日内作出处理决定)."""

    @reads(window_days, decide_days)
    def check(e: Election, ctx: RuleContext) -> Check:
        window, decide = ctx.count(window_days), ctx.count(decide_days)
        if not e.objections:
            return Check.not_applicable("没有对选民名单的申诉", "no objection to the voter list")
        if e.voter_list_published_on is None:
            raise MissingDataError(
                "voter_list_published_on", "needed to time the objections", "需据以计算申诉期限"
            )
        late, out_of_time = [], []
        for i, o in enumerate(e.objections):
            if (o.filed_on - e.voter_list_published_on).days > window:
                out_of_time.append(i)
                continue
            deadline = o.filed_on + dt.timedelta(days=decide)
            done = o.decided_on if o.decided_on is not None else ctx.at
            if done > deadline and (o.decided_on is not None or ctx.at > deadline):
                late.append(i)
        return _result(
            not late,
            f"申诉应自名单公布之日起{window}日内提出、{decide}日内处理"
            + (f"；逾期未处理的申诉：{late}" if late else "；均已按期处理")
            + (f"；逾期提出的申诉：{out_of_time}" if out_of_time else ""),
            f"objections within {window} days of publication must be decided within {decide} days"
            + (f"; decided late: objections {late}" if late else "; all decided in time")
            + (f"; made after the window: {out_of_time}" if out_of_time else ""),
            decided_late=late,
            filed_out_of_time=out_of_time,
        )

    return check


def _age_problems(
    e: Election, ctx: RuleContext, voter_age: Parameter | str
) -> tuple[list[str], list[str]]:
    age = ctx.count(voter_age)
    bad, unknown = [], []
    for pid in e.electorate_ids:
        p = e.community.person(pid)
        years = p.age_on(e.election_day)
        if p.political_rights_deprived:
            bad.append(f"{pid}: deprived of political rights")
        elif years is None:
            unknown.append(pid)
        elif years < age:
            bad.append(f"{pid}: aged {years} < {age}")
    return bad, unknown


def _missing(field: str, ids: list[str]) -> MissingDataError:
    return MissingDataError(
        f"community.persons[].{field}",
        f"not recorded for electorate members {', '.join(ids)}",
        f"以下登记人员未登记{field}：{'、'.join(ids)}",
    )


def _months_before(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 - months, 12)
    year, month = d.year + y, m + 1
    day = min(d.day, 28) if month == 2 else min(d.day, 30 if month in (4, 6, 9, 11) else 31)
    return dt.date(year, month, day)


def _period_met(since: dt.date | None, months: int, e: Election) -> bool | None:
    """Whether ``months`` of living or working here had passed by registration (D4: the
    period is tied to the application and registration, 本人申请参加选举…进行登记, so it is
    measured on the day the voter list was published, ``voter_list_published_on``, the last
    day registration can have happened). ``None``: the list's publication day is not
    recorded, and the period, which is met by the election day, might not have been met then."""
    if since is None:
        return False
    if e.voter_list_published_on is not None:
        return since <= _months_before(e.voter_list_published_on, months)
    if since > _months_before(e.election_day, months):
        return False
    return None


def _eligibility_check(bad: list[str], unknown: dict[str, list[str]], n: int) -> Check:
    if not bad and any(unknown.values()):
        field = next(k for k, v in unknown.items() if v)
        if field == "voter_list_published_on":
            raise MissingDataError(
                "voter_list_published_on",
                f"the residence or work period is measured at registration; met by the election "
                f"day but unknown at registration for {', '.join(unknown[field])}",
                f"居住或工作期限按登记时计算；以下人员至选举日已满期限，但未登记选民名单公布日期，"
                f"无法确定登记时是否已满：{'、'.join(unknown[field])}",
            )
        raise _missing(field, unknown[field])
    return _result(
        not bad,
        f"登记的{n}人均符合选民资格" if not bad else f"不符合登记条件：{'；'.join(bad)}",
        f"all {n} listed are eligible" if not bad else f"not eligible: {'; '.join(bad)}",
        listed=n,
        ineligible=bad,
    )


def urban_eligibility(voter_age: Parameter | str, worker_months: Parameter | str) -> DeclaredCheck:
    """Make a check: everyone listed may vote — ``voter_age`` on election day, not deprived of
    political rights, and registered here, or habitually resident, or a community worker here
    for ``worker_months`` months by registration (measured on ``voter_list_published_on``) who
    applied; under the representatives method, exactly the representatives."""

    @reads(voter_age, worker_months)
    def check(e: Election, ctx: RuleContext) -> Check:
        bad, no_age = _age_problems(e, ctx, voter_age)
        months = ctx.count(worker_months)
        no_reg: list[str] = []
        no_day: list[str] = []
        admitted = set(e.admitted_ids)
        if e.method == "representatives":
            reps = e.community.representatives(e.election_day)
            bad += [f"{p}: not a representative" for p in e.electorate_ids if p not in reps]
            bad += [
                f"{p}: representative missing from the list"
                for p in sorted(reps - set(e.electorate_ids))
            ]
        for pid in e.electorate_ids:
            p = e.community.person(pid)
            if p.registration == "registered" or p.habitual_resident:
                continue
            w = p.community_worker_since
            met = _period_met(w, months, e) if pid in admitted else False
            if met:
                continue
            if p.registration is None or (p.habitual_resident is None and w is None):
                no_reg.append(pid)
            elif met is None:
                no_day.append(pid)
            else:
                bad.append(
                    f"{pid}: neither registered, habitually resident, nor a community "
                    f"worker here for {months} months on registration"
                )
        return _eligibility_check(
            bad,
            {"birth_date": no_age, "registration": no_reg, "voter_list_published_on": no_day},
            len(e.electorate_ids),
        )

    return check


def village_eligibility(
    voter_age: Parameter | str, residence_years: Parameter | str, work_counts_from: dt.date
) -> DeclaredCheck:
    """Make a check: everyone listed may vote — ``voter_age`` on election day, not deprived of
    political rights, and registered in the village, or living (from ``work_counts_from``: or
    working in village affairs) there for ``residence_years`` by registration (measured on
    ``voter_list_published_on``), on application and with the assembly's approval."""

    @reads(voter_age, residence_years)
    def check(e: Election, ctx: RuleContext) -> Check:
        bad, no_age = _age_problems(e, ctx, voter_age)
        years = ctx.count(residence_years)
        admitted = set(e.admitted_ids)
        no_reg: list[str] = []
        no_day: list[str] = []
        for pid in e.electorate_ids:
            p = e.community.person(pid)
            if p.registration == "registered":
                continue
            if p.registration is None:
                no_reg.append(pid)
                continue
            periods = []
            if p.habitual_resident:
                periods.append(_period_met(p.resident_since, 12 * years, e))
            if ctx.at >= work_counts_from:
                periods.append(_period_met(p.community_worker_since, 12 * years, e))
            met: bool | None = False
            if pid in admitted and True in periods:
                met = True
            elif pid in admitted and None in periods:
                met = None
            if met:
                continue
            if met is None:
                no_day.append(pid)
                continue
            bad.append(
                f"{pid}: not registered, and not living here {years} year(s) by registration, "
                "with approval"
            )
        return _eligibility_check(
            bad,
            {"birth_date": no_age, "registration": no_reg, "voter_list_published_on": no_day},
            len(e.electorate_ids),
        )

    return check


def nomination(
    nominators: Parameter | str, party_from: dt.date | None, voter_age: Parameter | str
) -> DeclaredCheck:
    """Make a check: every candidate was nominated by at least ``nominators`` voters jointly,
    or by the party organisation (allowed from ``party_from``; never when ``None``).

    A nominator counts only as a voter (D13: «十名以上选民», «登记参加选举的村民»): on the
    electorate list (the model refuses anyone else), ``voter_age`` on election day and holding
    political rights. A nominator without a birth date makes the finding indeterminate when
    the count depends on them."""

    @reads(nominators, voter_age)
    def check(e: Election, ctx: RuleContext) -> Check:
        need = ctx.count(nominators)
        age = ctx.count(voter_age)
        party_ok = party_from is not None and ctx.at >= party_from
        t = Threshold("at_least", need, NOMINATORS)
        bad = []
        unsure: list[str] = []
        for c in e.candidates:
            if c.nominated_by == "party_organization":
                if not party_ok:
                    bad.append(
                        f"{c.person_id}: nominated by the party organisation, which this text "
                        "does not provide for"
                    )
                continue
            found = sort_people(e.community, c.nominator_ids, e.election_day, age)
            voters = len(found.eligible)
            if t.test(voters).passed:
                continue
            if t.test(voters + len(found.unknown)).passed:
                unsure += found.unknown
                continue
            not_voters = [pid for pid, _, _ in found.ineligible]
            bad.append(
                f"{c.person_id}: {voters} nominating voters < {need}"
                + (f" (not voters: {', '.join(not_voters)})" if not_voters else "")
            )
        if not bad and unsure:
            raise MissingDataError(
                "community.persons[].birth_date",
                f"whether these nominators are voters (of age) decides the nomination: "
                f"{', '.join(unsure)}",
                f"以下提名人未登记出生日期，无法确定其是否为选民：{'、'.join(unsure)}",
            )
        return _result(
            not bad,
            f"候选人均由{'党组织或' if party_ok else ''}{need}名以上选民提名"
            if not bad
            else f"提名不符合要求：{'；'.join(bad)}",
            f"every candidate nominated by {'the party organisation or ' if party_ok else ''}"
            f"at least {need} voter(s)"
            if not bad
            else f"nomination not as required: {'; '.join(bad)}",
            nominators_required=need,
            improperly_nominated=bad,
        )

    return check


def candidate_eligibility(candidate_age: Parameter | str, texts: Dated = ()) -> DeclaredCheck:
    """Make a check: every candidate may stand (被选举权) — ``candidate_age`` on election day
    (年满十八周岁) and not deprived of political rights (依照法律被剥夺政治权利的人除外); a
    candidate without a birth date makes it indeterminate, naming them. The finding cites the
    entry of ``texts`` in force on the date (all the rule's citations when empty)."""

    @reads(candidate_age)
    def check(e: Election, ctx: RuleContext) -> Check:
        age = ctx.count(candidate_age)
        found = sort_people(e.community, [c.person_id for c in e.candidates], e.election_day, age)
        return cited_on(
            judge(found, age, "候选人", "candidates", candidates=len(e.candidates)), ctx.at, texts
        )

    return check


def candidates_exceed_seats(e: Election, ctx: RuleContext) -> Check:
    """More candidates than seats (候选人的名额应当多于应选名额, 差额选举), on a first ballot."""
    if e.round == "runoff":
        return Check.not_applicable(
            "另行选举的候选人按第一次投票得票多少确定",
            "run-off candidates follow the first ballot's votes",
        )
    c = Threshold("more_than", e.seats, CANDIDATES).test(len(e.candidates))
    return _from_comparison(c, f"应选名额{e.seats}名：", f"{e.seats} seat(s): ")


def committee_withdrawal(relatives_from: dt.date | None) -> CheckFn:
    """Make a check: no election committee member is a candidate (nor, from ``relatives_from``,
    a close relative of a candidate): they must withdraw from the committee."""

    def check(e: Election, ctx: RuleContext) -> Check:
        committees = {b.id for b in e.community.bodies if b.kind == "election_committee"}
        sitting = {
            m.person_id
            for m in e.community.memberships
            if m.body_id in committees and m.active_on(e.election_day)
        }
        relatives = relatives_from is not None and ctx.at >= relatives_from
        bad = []
        for c in e.candidates:
            if c.person_id in sitting:
                bad.append(f"{c.person_id} is a candidate and on the election committee")
            if relatives:
                bad += [
                    f"{s} (election committee) is a close relative of candidate {c.person_id}"
                    for s in sorted(sitting & e.community.close_relatives(c.person_id))
                ]
        return _result(
            not bad,
            "选举委员会成员"
            + ("及其近亲属" if relatives else "")
            + ("均未被提名为候选人" if not bad else f"被提名为候选人而未退出：{'；'.join(bad)}"),
            "no election committee member"
            + (" or close relative of one" if relatives else "")
            + (
                " is a candidate"
                if not bad
                else f" may stand without withdrawing: {'; '.join(bad)}"
            ),
            conflicts=bad,
        )

    return check


def one_registration(old: Citation, new: Citation, new_from: dt.date) -> CheckFn:
    """Make a check: no listed voter is also registered to vote elsewhere in the same election
    (已在户籍所在村或者居住村登记参加选举的, 不得再参加其他地方的选举). The finding cites ``old``
    before ``new_from`` and ``new`` from then on."""

    def check(e: Election, ctx: RuleContext) -> Check:
        article = new if ctx.at >= new_from else old
        n = len(e.electorate_ids)
        if not e.other_registrations:
            return Check.passed(
                f"登记的{n}人均无在其他地方登记参加选举的记录",
                f"none recorded: none of the {n} listed is recorded as registered to vote "
                "elsewhere",
                listed=n,
                registered_elsewhere={},
            ).citing(article)
        found = {r.person_id: list(r.community_ids) for r in e.other_registrations}
        zh = "；".join(f"{p}（另在{'、'.join(c)}登记）" for p, c in found.items())
        en = "; ".join(f"{p} (also registered in {', '.join(c)})" for p, c in found.items())
        return Check.failed(
            f"已在其他地方登记参加选举的，不得再参加本次选举：{zh}",
            f"registered to vote elsewhere, so may not also take part here: {en}",
            listed=n,
            registered_elsewhere=found,
        ).citing(article)

    return check


_BAR_ZH = {
    "expelled_from_party": "被开除中国共产党党籍",
    "criminal_penalty": "因犯罪受过刑事处罚",
    "organised_crime": "利用黑恶势力从事非法活动",
    "clan_force": "利用宗族势力从事非法活动",
    "illegal_religion_or_cult": "组织或者参加非法宗教活动或者邪教活动",
}


def candidate_disqualifications(bars: tuple[str, ...]) -> CheckFn:
    """Make a check: no candidate was found, on vetting (``Candidate.disqualifications``), to
    have one of ``bars`` (不得作为候选人: 被开除中国共产党党籍, 因犯罪受过刑事处罚, 利用[宗族或者]
    黑恶势力从事非法活动, 组织或者参加非法宗教活动或者邪教活动). A candidate whose vetting is not
    recorded makes the finding indeterminate, naming them; a bar the law in question does not
    name (``clan_force`` under the urban law) is reported, not counted."""

    def check(e: Election, ctx: RuleContext) -> Check:
        barred: dict[str, list[str]] = {}
        not_bars: dict[str, list[str]] = {}
        unknown = []
        for c in e.candidates:
            if c.disqualifications is None:
                unknown.append(c.person_id)
                continue
            found: list[str] = [b for b in c.disqualifications if b in bars]
            other: list[str] = [b for b in c.disqualifications if b not in bars]
            if found:
                barred[c.person_id] = found
            if other:
                not_bars[c.person_id] = other
        if barred:
            zh = "；".join(
                f"{p}（{'、'.join(_BAR_ZH[b] for b in bs)}）" for p, bs in barred.items()
            )
            en = "; ".join(f"{p} ({', '.join(bs)})" for p, bs in barred.items())
            return Check.failed(
                f"以下人员不得作为候选人：{zh}",
                f"these may not stand as candidates: {en}",
                barred=barred,
                not_bars=not_bars,
            )
        if unknown:
            raise MissingDataError(
                "candidates[].disqualifications",
                f"the vetting (资格审查) is not recorded for candidates {', '.join(unknown)}",
                f"未登记以下候选人的资格审查结果：{'、'.join(unknown)}",
            )
        return Check.passed(
            f"候选人{len(e.candidates)}名经资格审查均无不得作为候选人的情形",
            f"the vetting found no bar to standing for any of the {len(e.candidates)} "
            "candidates"
            + (f" (recorded, but not a bar under this law: {not_bars})" if not_bars else ""),
            barred={},
            not_bars=not_bars,
        )

    return check


def candidates_met_voters(e: Election, ctx: RuleContext) -> Check:
    """The election committee had the candidates meet the voters (组织候选人与居民/村民见面) on
    or before the election day: they present their plans and answer questions before the vote.
    A run-off's candidates are the first ballot's: ``not_applicable``."""
    if e.round == "runoff":
        return Check.not_applicable(
            "另行选举的候选人为第一次投票未当选的人员",
            "a run-off's candidates are the first ballot's",
        )
    met = e.candidates_met_voters_on
    if met is None:
        raise MissingDataError(
            "candidates_met_voters_on",
            "whether the candidates met the voters (候选人与选民见面) is not recorded",
            "未登记候选人与选民见面的日期",
        )
    if met > e.election_day:
        return Check.failed(
            f"候选人与选民见面于{met.isoformat()}，晚于选举日{e.election_day.isoformat()}",
            f"the candidates met the voters on {met.isoformat()}, after the election day "
            f"{e.election_day.isoformat()}",
            met_on=met.isoformat(),
        )
    return Check.passed(
        f"候选人于{met.isoformat()}与选民见面",
        f"the candidates met the voters on {met.isoformat()}",
        met_on=met.isoformat(),
    )


def electors_list(e: Election, ctx: RuleContext) -> Check:
    """By household representatives or representatives, their list (户的代表或者新一届居民代表
    名单) is published on the day of the voter list (同时公布)."""
    if e.method == "voters":
        return Check.not_applicable(
            "采取全体有选举权的居民选举方式", "elected by all voters: no list of electors"
        )
    if e.electors_list_published_on is None or e.voter_list_published_on is None:
        field = (
            "electors_list_published_on"
            if e.electors_list_published_on is None
            else "voter_list_published_on"
        )
        raise MissingDataError(
            field,
            "the day the voter list and the list of household representatives or new "
            "representatives were published is needed",
            "需登记选民名单及户的代表或者新一届居民代表名单的公布日期",
        )
    same = e.electors_list_published_on == e.voter_list_published_on
    day, voters_day = (
        e.electors_list_published_on.isoformat(),
        e.voter_list_published_on.isoformat(),
    )
    return _result(
        same,
        f"{'户的代表' if e.method == 'household_representatives' else '新一届居民代表'}名单于"
        f"{day}公布，选民名单于{voters_day}公布" + ("，同时公布" if same else "，应当同时公布"),
        f"the electors' list was published on {day}, the voter list on {voters_day}"
        + (": together" if same else ": they are published together"),
        electors_list_published_on=day,
        voter_list_published_on=voters_day,
    )


def objection_results(e: Election, ctx: RuleContext) -> Check:
    """Every objection decided was published with its result (并公布处理结果). No objection
    decided: ``not_applicable``; whether a result was published not recorded: indeterminate."""
    decided = [(i, o) for i, o in enumerate(e.objections) if o.decided_on is not None]
    if not decided:
        return Check.not_applicable("没有已处理的申诉", "no objection has been decided")
    unpublished = [i for i, o in decided if o.result_published is False]
    unknown = [i for i, o in decided if o.result_published is None]
    if unpublished:
        return Check.failed(
            f"申诉处理结果应当公布；未公布的申诉：{unpublished}",
            f"objection results are published; not published: objections {unpublished}",
            unpublished=unpublished,
        )
    if unknown:
        raise MissingDataError(
            "objections[].result_published",
            f"whether the result was published is not recorded for objections {unknown}",
            f"未登记以下申诉的处理结果是否公布：{unknown}",
        )
    return Check.passed(
        f"{len(decided)}件申诉的处理结果均已公布",
        f"the results of all {len(decided)} decided objection(s) were published",
        unpublished=[],
    )


def outgoing_audit(audited_roles: frozenset[str]) -> CheckFn:
    """Make a check: before the election of the next committee, the outgoing committee's
    economic-responsibility audit result was published (离任经济责任审计结果应当在下一届…选举
    之前公布: ``outgoing_audit.published_on`` before the election day). It applies to a first
    ballot that is not a by-election, when the records show someone in ``audited_roles`` (urban:
    the chair, 居民委员会主任; village: the members, 村民委员会成员) serving on the committee the
    day before; the audit not recorded is indeterminate; recorded and not published by the
    election day fails."""

    def check(e: Election, ctx: RuleContext) -> Check:
        outgoing = _outgoing(e, audited_roles)
        if isinstance(outgoing, Check):
            return outgoing
        audit = e.outgoing_audit
        if audit is None:
            raise MissingDataError(
                "outgoing_audit",
                "the outgoing economic-responsibility audit is not recorded",
                "未登记离任经济责任审计",
            )
        day = e.election_day.isoformat()
        if audit.published_on is None:
            if ctx.at < e.election_day:
                return Check.not_applicable(
                    f"审计结果应当在选举日{day}之前公布，尚未到期",
                    f"the audit result is due before the election day {day}; not yet due",
                    outgoing=outgoing,
                )
            return Check.failed(
                f"离任经济责任审计结果应当在选举日{day}之前公布，未公布",
                f"the outgoing audit result was due before the election day {day} and is not "
                "published",
                outgoing=outgoing,
                published_on=None,
            )
        published = audit.published_on.isoformat()
        return _result(
            audit.published_on < e.election_day,
            f"离任经济责任审计结果于{published}公布，选举日{day}"
            + ("，在选举之前" if audit.published_on < e.election_day else "，不在选举之前"),
            f"the outgoing audit result was published on {published}, the election day is "
            f"{day}" + (": before it" if audit.published_on < e.election_day else ": not before"),
            outgoing=outgoing,
            published_on=published,
        )

    return check


def _outgoing(e: Election, audited_roles: frozenset[str]) -> list[str] | Check:
    """Who leaves office at this election and is audited (the members in ``audited_roles``
    serving on the committee the day before), or why no outgoing audit is due: a run-off or a
    by-election is not the next committee's election, and no outgoing member recorded means no
    outgoing audit (``not_applicable``)."""
    if e.round == "runoff" or e.by_election:
        return Check.not_applicable(
            "另行选举或者补选，不是下一届选举",
            "a run-off or a by-election, not the next committee's election",
        )
    eve = e.election_day - dt.timedelta(days=1)
    outgoing = sorted(
        m.person_id
        for m in e.community.memberships
        if m.body_id == e.body_id and m.role in audited_roles and m.active_on(eve)
    )
    if not outgoing:
        return Check.not_applicable(
            "未登记上一届成员，无离任审计",
            "no outgoing committee member is recorded: no outgoing audit",
            outgoing=[],
        )
    return outgoing


def _villager(p: Person) -> bool | None:
    """本村村民 by the records: registered in or living in the village (``None``: not told)."""
    if p.registration == "registered" or p.habitual_resident:
        return True
    if p.registration is None or p.habitual_resident is None:
        return None
    return False


def audit_requests(
    people_share: Parameter,
    representatives_share: Parameter | None,
    village: bool,
    audited_roles: frozenset[str],
) -> DeclaredCheck:
    """Make a check: every request that the audit cover a further matter, made by at least
    ``people_share`` of the residents (urban: 十分之一以上的居民) or villagers (village:
    五分之一以上的村民) — or, urban, at least ``representatives_share`` of the representatives
    serving on the request day (三分之一以上居民代表) — was covered (``included``). A request
    below both shares obliges nothing.

    The bases are the community's records: residents are persons registered here or
    habitually resident (village: registered in or living in the village); a person whose
    records do not tell is counted as maybe, and a request left out whose weight depends on
    them is indeterminate. An empty base obliges nothing it can be sure of: indeterminate
    when the request was left out. No audit recorded: indeterminate; no request, or no outgoing
    audit due (see `_outgoing`): ``not_applicable``."""
    params = (
        (people_share,) if representatives_share is None else (people_share, representatives_share)
    )

    @reads(*params)
    def check(e: Election, ctx: RuleContext) -> Check:
        due = _outgoing(e, audited_roles)
        if isinstance(due, Check):
            return due
        audit = e.outgoing_audit
        if audit is None:
            raise MissingDataError(
                "outgoing_audit",
                "the economic-responsibility audit (and the requests made of it) is not recorded",
                "未登记经济责任审计及要求审计的事项",
            )
        if not audit.requests:
            return Check.not_applicable(
                "未登记要求审计其他事项的请求", "no request to audit a further matter is recorded"
            )
        share = ctx.share(people_share)
        reps_share = None if representatives_share is None else ctx.share(representatives_share)
        persons = {p.id: p for p in e.community.persons}
        kind = "rural" if village else "urban"

        def counts(p: Person) -> bool | None:
            return _villager(p) if village else belongs(p, kind)

        status = {pid: counts(p) for pid, p in persons.items()}
        base_sure = sum(1 for v in status.values() if v)
        base_unsure = sum(1 for v in status.values() if v is None)
        term = VILLAGERS if village else RESIDENTS
        left_out, unsure, covered, no_duty = [], [], [], []
        lines_zh, lines_en = [], []
        for i, r in enumerate(audit.requests):
            obliged, text = _request_weight(
                e, r, status, base_sure, base_unsure, share, reps_share, term
            )
            lines_zh.append(f"[{i}] {r.matter}：{text[0]}")
            lines_en.append(f"[{i}] {r.matter}: {text[1]}")
            if r.included:
                covered.append(i)
            elif obliged is True:
                left_out.append(i)
            elif obliged is None:
                unsure.append(i)
            else:
                no_duty.append(i)
        if left_out:
            return Check.failed(
                f"达到法定人数要求审计的事项应当纳入审计，未纳入：{left_out}。{'；'.join(lines_zh)}",
                f"a matter asked for by the share the law names is audited; left out: requests "
                f"{left_out}. {'; '.join(lines_en)}",
                left_out=left_out,
                covered=covered,
                no_duty=no_duty,
            )
        if unsure:
            raise MissingDataError(
                "community.persons[].registration/habitual_resident",
                f"whether requests {unsure} reached the share depends on persons whose residence "
                f"is not recorded: {'; '.join(lines_en)}",
                f"要求审计的请求{unsure}是否达到法定人数，取决于未登记户籍或居住情况的人员："
                f"{'；'.join(lines_zh)}",
            )
        return Check.passed(
            f"要求审计的事项：已纳入{covered}，未达到法定人数{no_duty}。{'；'.join(lines_zh)}",
            f"requests audited: {covered}; below the share (no duty): {no_duty}. "
            f"{'; '.join(lines_en)}",
            left_out=[],
            covered=covered,
            no_duty=no_duty,
        )

    return check


def _request_weight(
    e: Election,
    r: AuditRequest,
    status: dict[str, bool | None],
    base_sure: int,
    base_unsure: int,
    share: Fraction,
    reps_share: Fraction | None,
    term: Term,
) -> tuple[bool | None, tuple[str, str]]:
    """Whether request ``r`` reached a share (``None``: the records do not tell), and why."""
    texts_zh, texts_en = [], []
    if reps_share is not None:
        reps = e.community.representatives(r.requested_on)
        asking = sum(1 for pid in r.sponsor_ids if pid in reps)
        if reps:
            c = Threshold("at_least", reps_share, REQUESTING_REPRESENTATIVES, REPRESENTATIVES).test(
                asking, len(reps)
            )
            zh, en = c.text()
            if c.passed:
                return True, (zh, en)
            texts_zh.append(zh)
            texts_en.append(en)
    sure = sum(1 for pid in r.sponsor_ids if status[pid])
    maybe = sum(1 for pid in r.sponsor_ids if status[pid] is None)
    t = Threshold("at_least", share, REQUESTERS, term)
    if base_sure + base_unsure == 0:
        return None, ("未登记居民", "no residents recorded")
    low = t.test(sure, base_sure + base_unsure)
    zh, en = low.text()
    if low.passed:
        return True, (zh, en)
    high = t.test(sure + maybe, base_sure + maybe)
    if base_sure + maybe > 0 and high.passed:
        return None, (zh + "（取决于未登记的人员）", en + " (depends on persons not recorded)")
    return False, ("；".join([*texts_zh, zh]), "; ".join([*texts_en, en]))
