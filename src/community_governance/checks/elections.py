"""Checks of a committee election: voter list, eligibility, nomination and the election
committee. Which committee a rule applies to is its declared scope, not the check's concern;
the factories take the parameter handles they read."""

from __future__ import annotations

import datetime as dt

from ..exceptions import MissingDataError
from ..models.election import Election
from ..rules.citation import Citation
from ..rules.parameter import Parameter
from ..rules.rule import Check, CheckFn, DeclaredCheck, RuleContext, reads
from ..rules.threshold import Comparison, Threshold
from .measures import CANDIDATES, DAYS, NOMINATORS
from .people import Dated, cited_on, judge, sort_people

__all__ = [
    "candidate_eligibility",
    "candidates_exceed_seats",
    "committee_withdrawal",
    "nomination",
    "objections",
    "one_registration",
    "urban_eligibility",
    "village_eligibility",
    "voter_list_notice",
]


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
