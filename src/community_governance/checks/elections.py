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

__all__ = [
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


def _eligibility_check(bad: list[str], unknown: dict[str, list[str]], n: int) -> Check:
    if not bad and any(unknown.values()):
        field = next(k for k, v in unknown.items() if v)
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
    for ``worker_months`` months who applied; under the representatives method, exactly the
    representatives."""

    @reads(voter_age, worker_months)
    def check(e: Election, ctx: RuleContext) -> Check:
        bad, no_age = _age_problems(e, ctx, voter_age)
        months = ctx.count(worker_months)
        since = _months_before(e.election_day, months)
        no_reg: list[str] = []
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
            if w is not None and w <= since and pid in admitted:
                continue
            if p.registration is None or (p.habitual_resident is None and w is None):
                no_reg.append(pid)
            else:
                bad.append(
                    f"{pid}: neither registered, habitually resident, nor a community "
                    f"worker here for {months} months on application"
                )
        return _eligibility_check(
            bad, {"birth_date": no_age, "registration": no_reg}, len(e.electorate_ids)
        )

    return check


def village_eligibility(
    voter_age: Parameter | str, residence_years: Parameter | str, work_counts_from: dt.date
) -> DeclaredCheck:
    """Make a check: everyone listed may vote — ``voter_age`` on election day, not deprived of
    political rights, and registered in the village, or living (from ``work_counts_from``: or
    working in village affairs) there for ``residence_years``, on application and with the
    assembly's approval."""

    @reads(voter_age, residence_years)
    def check(e: Election, ctx: RuleContext) -> Check:
        bad, no_age = _age_problems(e, ctx, voter_age)
        years = ctx.count(residence_years)
        since = _months_before(e.election_day, 12 * years)
        admitted = set(e.admitted_ids)
        no_reg: list[str] = []
        for pid in e.electorate_ids:
            p = e.community.person(pid)
            if p.registration == "registered":
                continue
            if p.registration is None:
                no_reg.append(pid)
                continue
            lived = (
                p.habitual_resident and p.resident_since is not None and p.resident_since <= since
            )
            worked = (
                ctx.at >= work_counts_from
                and p.community_worker_since is not None
                and p.community_worker_since <= since
            )
            if (lived or worked) and pid in admitted:
                continue
            bad.append(f"{pid}: not registered, and not living here {years} year(s) with approval")
        return _eligibility_check(
            bad, {"birth_date": no_age, "registration": no_reg}, len(e.electorate_ids)
        )

    return check


def nomination(nominators: Parameter | str, party_from: dt.date | None) -> DeclaredCheck:
    """Make a check: every candidate was nominated by at least ``nominators`` listed voters
    jointly, or by the party organisation (allowed from ``party_from``; never when ``None``)."""

    @reads(nominators)
    def check(e: Election, ctx: RuleContext) -> Check:
        need = ctx.count(nominators)
        party_ok = party_from is not None and ctx.at >= party_from
        t = Threshold("at_least", need, NOMINATORS)
        bad = []
        for c in e.candidates:
            if c.nominated_by == "party_organization":
                if not party_ok:
                    bad.append(
                        f"{c.person_id}: nominated by the party organisation, which this text "
                        "does not provide for"
                    )
            elif not t.test(len(c.nominator_ids)).passed:
                bad.append(f"{c.person_id}: {len(c.nominator_ids)} nominating voters < {need}")
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
