"""A collective economic organisation's officers (农村集体经济组织法, from 2025-05-01): the
council (理事会, Art. 29), the supervisors (Art. 34(2)) and the members' representatives'
term (Art. 28(3)), judged on a `CollectiveOrganisation` as of a date.

"一般由三至七名单数成员组成" is a rule of thumb (一般): the size and the odd number only warn.
The chair (设理事长一名), close relatives (近亲属回避), the five-year terms and the supervisors'
exclusions bind. Close relatives are those of Civil Code Art. 1045, as elsewhere in the
library (`Community.close_relatives`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .....exceptions import MissingDataError
from .....models.collective import CollectiveOrganisation, CollectiveSeat
from .....rules.citation import Citation
from .....rules.decision import Severity
from .....rules.parameter import Parameter
from .....rules.rule import Check, DeclaredCheck, Rule, RuleContext, RuleKind, reads
from .....rules.scope import Scope
from ..bodies import CLOSE_RELATIVES
from .collective import COLLECTIVE_LAW, START

ART29_SIZE = Citation(
    COLLECTIVE_LAW,
    "第二十九条第一款",
    "农村集体经济组织设理事会，一般由三至七名单数成员组成。理事会设理事长一名，可以设副理事长。",
)
ART29_RELATIVES = Citation(COLLECTIVE_LAW, "第二十九条第一款", "理事会成员之间应当实行近亲属回避。")
ART29_TERM = Citation(COLLECTIVE_LAW, "第二十九条第一款", "理事会成员的任期为五年，可以连选连任。")
ART28_TERM = Citation(COLLECTIVE_LAW, "第二十八条第三款", "成员代表的任期为五年，可以连选连任。")
ART34_EXCLUSION = Citation(
    COLLECTIVE_LAW,
    "第三十四条第二款",
    "农村集体经济组织理事会成员、财务人员、会计人员及其近亲属不得担任监事会成员或者监事。",
)

SIZE_MIN = Parameter.count(
    "collective-council.size.min",
    "理事会成员人数（一般不少于）",
    "collective council: fewest members (as a rule)",
    (3, START, None, ART29_SIZE),
    unit_zh="名",
)
SIZE_MAX = Parameter.count(
    "collective-council.size.max",
    "理事会成员人数（一般不多于）",
    "collective council: most members (as a rule)",
    (7, START, None, ART29_SIZE),
    unit_zh="名",
)
CHAIRS = Parameter.count(
    "collective-council.chairs",
    "理事长人数",
    "collective council: chairs",
    (1, START, None, ART29_SIZE),
    unit_zh="名",
)
TERM_YEARS = Parameter.count(
    "collective-council.term-years",
    "理事会成员每届任期（年）",
    "collective council: term in years",
    (5, START, None, ART29_TERM),
    unit_zh="年",
)
REPS_TERM_YEARS = Parameter.count(
    "collective-representatives.term-years",
    "成员代表每届任期（年）",
    "collective members' representatives: term in years",
    (5, START, None, ART28_TERM),
    unit_zh="年",
)

_NAME = {
    "council": ("理事会成员", "council members"),
    "representatives": ("成员代表", "members' representatives"),
}


def _serving(o: CollectiveOrganisation, organ: str) -> tuple[CollectiveSeat, ...]:
    """The seats of ``organ`` on ``as_of``; none recorded is unknown, never an empty organ."""
    seats = o.serving(organ)
    if not seats:
        zh, en = _NAME.get(organ, ("监事会成员或者监事", "supervisors"))
        raise MissingDataError(
            organ,
            f"no {en} serving on {o.as_of.isoformat()} is recorded",
            f"未登记{o.as_of.isoformat()}在任的{zh}",
        )
    return seats


@reads(SIZE_MIN, SIZE_MAX)
def council_size(o: CollectiveOrganisation, ctx: RuleContext) -> Check:
    """As a rule, three to seven council members, an odd number."""
    n = len(_serving(o, "council"))
    lo, hi = ctx.count(SIZE_MIN), ctx.count(SIZE_MAX)
    fine = lo <= n <= hi and n % 2 == 1
    parity_zh, parity_en = ("单数", "odd") if n % 2 else ("双数", "even")
    zh = f"理事会成员{n}名（{parity_zh}），一般由{lo}至{hi}名单数成员组成"
    en = f"{n} council members ({parity_en}); as a rule {lo} to {hi}, an odd number"
    return (Check.passed if fine else Check.failed)(zh, en, members=n, min=lo, max=hi)


@reads(CHAIRS)
def council_chair(o: CollectiveOrganisation, ctx: RuleContext) -> Check:
    """The council has one chair (理事长)."""
    need = ctx.count(CHAIRS)
    chairs = [s.person_id for s in _serving(o, "council") if s.role == "chair"]
    zh = f"理事会设理事长{need}名；在任理事长：{'、'.join(chairs) or '无'}"
    en = f"the council has {need} chair(s); serving: {', '.join(chairs) or 'none'}"
    return (Check.passed if len(chairs) == need else Check.failed)(zh, en, chairs=chairs)


def council_relatives(o: CollectiveOrganisation, ctx: RuleContext) -> Check:
    """No two council members are close relatives (近亲属回避)."""
    ids = [s.person_id for s in _serving(o, "council")]
    pairs = [
        [a, b]
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if o.community.are_close_relatives(a, b)
    ]
    if not pairs:
        return Check.passed(
            f"理事会{len(ids)}名成员之间没有近亲属关系",
            f"no two of the {len(ids)} council members are close relatives",
            related=[],
        )
    text = "；".join("与".join(p) for p in pairs)
    return Check.failed(
        f"理事会成员之间应当实行近亲属回避：{text}",
        "council members may not be close relatives: " + "; ".join(" & ".join(p) for p in pairs),
        related=pairs,
    )


def _add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _term(organ: str, years_param: Parameter) -> DeclaredCheck:
    zh_name, en_name = _NAME[organ]

    @reads(years_param)
    def check(o: CollectiveOrganisation, ctx: RuleContext) -> Check:
        years = ctx.count(years_param)
        if organ == "representatives" and not o.serving(organ):
            # a representatives' assembly is optional (可以…设立成员代表大会): none, none to judge
            return Check.not_applicable(
                "未登记在任的成员代表（成员代表大会可以不设立）",
                "no members' representatives serving (a representatives' assembly is optional)",
            )
        too_long = []
        for s in _serving(o, organ):
            end = s.term_end if s.term_end is not None else o.as_of + dt.timedelta(days=1)
            if end > _add_years(s.term_start, years):
                too_long.append(s.person_id)
        return (Check.passed if not too_long else Check.failed)(
            f"{zh_name}每届任期{years}年"
            + (f"；超过任期的：{'、'.join(too_long)}" if too_long else "；任期均未超过"),
            f"{en_name} serve {years}-year terms"
            + (f"; too long for: {', '.join(too_long)}" if too_long else "; no term longer"),
            years=years,
            too_long=too_long,
        ).citing()

    return check


def supervisors_exclusion(o: CollectiveOrganisation, ctx: RuleContext) -> Check:
    """No council member, finance staff or accountant, nor a close relative of one, is a
    supervisor."""
    supervisors = [s.person_id for s in _serving(o, "supervisors")]
    barred = {s.person_id: "理事会成员" for s in o.serving("council")}
    barred.update({p: "财务人员" for p in o.finance_staff if p not in barred})
    barred.update({p: "会计人员" for p in o.accountants if p not in barred})
    found: list[list[str]] = []
    for sup in supervisors:
        if sup in barred:
            found.append([sup, sup, barred[sup]])
            continue
        found += [
            [sup, other, role]
            for other, role in barred.items()
            if o.community.are_close_relatives(sup, other)
        ]
    if not found:
        return Check.passed(
            f"监事{'、'.join(supervisors)}均不是理事会成员、财务人员、会计人员或者其近亲属",
            f"no supervisor ({', '.join(supervisors)}) is a council member, finance staff, "
            "accountant or a close relative of one",
            excluded=[],
        )
    zh = "；".join(
        f"{s}是{role}" if s == other else f"{s}是{role}{other}的近亲属" for s, other, role in found
    )
    en = "; ".join(
        f"{s} is {role}" if s == other else f"{s} is a close relative of {other} ({role})"
        for s, other, role in found
    )
    return Check.failed(
        f"理事会成员、财务人员、会计人员及其近亲属不得担任监事会成员或者监事：{zh}",
        f"council members, finance staff, accountants and their close relatives may not be "
        f"supervisors: {en}",
        excluded=found,
    )


_ORG = Scope(CollectiveOrganisation)


def _rule(
    rule_id: str,
    zh: str,
    en: str,
    check: DeclaredCheck | Callable[[CollectiveOrganisation, RuleContext], Check],
    citations: tuple[Citation, ...],
    severity: Severity = "must",
    kind: RuleKind = "obligation",
) -> Rule:
    return Rule(
        id=rule_id,
        title_zh=zh,
        title_en=en,
        kind=kind,
        severity=severity,
        scope=_ORG,
        check=check,
        citations=citations,
        valid_from=START,
    )


RULES = (
    _rule(
        "collective-council.size",
        "理事会一般由三至七名单数成员组成（仅提示）",
        "A collective's council has, as a rule, three to seven members, an odd number (warns)",
        council_size,
        (ART29_SIZE,),
        severity="advisory",
    ),
    _rule(
        "collective-council.chair",
        "理事会设理事长一名",
        "A collective's council has one chair",
        council_chair,
        (ART29_SIZE,),
    ),
    _rule(
        "collective-council.relatives",
        "理事会成员之间应当实行近亲属回避",
        "No two council members are close relatives",
        council_relatives,
        (ART29_RELATIVES, CLOSE_RELATIVES),
        kind="prohibition",
    ),
    _rule(
        "collective-council.term",
        "理事会成员的任期为五年",
        "Council members serve five-year terms",
        _term("council", TERM_YEARS),
        (ART29_TERM,),
    ),
    _rule(
        "collective-representatives.term",
        "成员代表的任期为五年",
        "Members' representatives serve five-year terms",
        _term("representatives", REPS_TERM_YEARS),
        (ART28_TERM,),
    ),
    _rule(
        "collective-supervisors.exclusion",
        "理事会成员、财务人员、会计人员及其近亲属不得担任监事会成员或者监事",
        "No council member, finance staff, accountant or close relative of one is a supervisor",
        supervisors_exclusion,
        (ART34_EXCLUSION, CLOSE_RELATIVES),
        kind="prohibition",
    ),
)
