"""Checks of who takes part in an election: residents not registered in the community
(非户籍居民) who live there."""

from __future__ import annotations

from ..exceptions import MissingDataError
from ..models.election import Election
from ..rules.parameter import Parameter
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads

__all__ = ["non_registered_residents"]


def non_registered_residents(age_param: Parameter) -> DeclaredCheck:
    """Make a check (meant for an advisory rule: 引导, guidance): every person of the community
    not registered there (非户籍) who lives there (常住), is at least ``age_param`` years old on
    election day and is not deprived of political rights is on the electorate list. Only an
    election by all voters lists persons; a person whose registration, residence or age the
    records do not give cannot be judged."""

    @reads(age_param)
    def check(e: Election, ctx: RuleContext) -> Check:
        if e.method != "voters":
            return Check.not_applicable(
                "不是由全体选民选举，选民名单不列个人",
                "not an election by all voters: the list names no individual residents",
            )
        age = ctx.count(age_param)
        listed = set(e.electorate_ids)
        left_out: list[str] = []
        unknown: list[str] = []
        for p in e.community.persons:
            if p.political_rights_deprived or p.id in listed or p.registration == "registered":
                continue
            years = p.age_on(e.election_day)
            if years is not None and years < age:
                continue
            if p.habitual_resident is False:
                continue
            if p.registration is None or p.habitual_resident is None or years is None:
                unknown.append(p.id)
            else:
                left_out.append(p.id)
        if left_out:
            return Check.failed(
                f"以下常住的非户籍居民未列入选民名单，宜引导其参加选举：{'、'.join(left_out)}",
                f"non-registered residents living here are not on the voter list; encourage "
                f"them to take part: {', '.join(left_out)}",
                left_out=left_out,
                unknown=unknown,
            )
        if unknown:
            raise MissingDataError(
                "community.persons[].registration",
                f"registration, residence or birth date not recorded for: {', '.join(unknown)}",
                f"未登记以下人员的户籍、居住或出生日期，无法判断：{'、'.join(unknown)}",
            )
        return Check.passed(
            "常住的非户籍居民均已列入选民名单",
            "every non-registered resident living here is on the voter list",
            left_out=[],
            unknown=[],
        )

    return check
