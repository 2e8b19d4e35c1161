"""``cn`` election rules for residents' committees (2025 urban law, Art. 15–19; the 2018 urban
text left elections to provincial measures) and the shared helpers of the election rulebooks."""

from __future__ import annotations

from fractions import Fraction

from ....checks import elections as ec
from ....checks import proxies as pc
from ....checks import tally as tc
from ....models import Election
from ....rules.citation import Citation
from ....rules.parameter import Parameter, ParameterValue
from ....rules.rule import CheckFn, Rule, RuleKind
from ....rules.scope import Scope
from ..sources import (
    URBAN_2025,
    URBAN_2025_IN_FORCE,
    VILLAGE_2018,
    VILLAGE_2018_IN_FORCE,
    VILLAGE_2025_IN_FORCE,
)
from .bodies import CLOSE_RELATIVES, dated

__all__ = ["PARAMETERS", "RULES", "V18", "U", "urban_param", "village_param"]

_OLD, _NEW = VILLAGE_2018_IN_FORCE, VILLAGE_2025_IN_FORCE
RC, VC = "residents_committee", "village_committee"


def U(locator: str, quote: str) -> Citation:
    """A citation of the 2025 urban law."""
    return Citation(URBAN_2025, locator, quote)


def V18(locator: str, quote: str, note: str = "") -> Citation:
    """A citation of the 2018 village law."""
    return Citation(VILLAGE_2018, locator, quote, note=note)


U16_AGE = U("第十六条第一款", "年满十八周岁的居民")
U16_WORKER = U(
    "第十六条第三款",
    "户籍不在本社区，在本社区工作六个月以上的社区工作者，本人申请参加选举的，由居民选举委员会确认并进行登记",
)
U16_REG = U("第十六条第二款", "户籍不在本社区但在本社区常住的居民")
U17_LIST = U("第十七条第一款", "经登记的选民名单应当在选举日的二十日前公布")
U17_OBJ = U(
    "第十七条第二款",
    "应当自名单公布之日起五日内向居民选举委员会提出申诉，居民选举委员会应当自收到申诉之日起三日内作出处理决定",
)
U18_NOM = U("第十八条", "居民委员会成员候选人由社区党组织或者十名以上选民联合提名推荐")
U18_SEATS = U("第十八条", "候选人的名额应当多于应选名额")
U15_WITHDRAW = U(
    "第十五条第三款",
    "居民选举委员会成员或者其近亲属被提名为居民委员会成员候选人的，应当退出居民选举委员会",
)
U19_TURNOUT = U("第十九条第一款", "有选民的过半数参加投票，选举有效")
U19_TURNOUT_REPS = U(
    "第十九条第一款", "采取居民代表选举方式的，有超过三分之二的居民代表参加投票，选举有效"
)
U19_MAJORITY = U("第十九条第二款", "候选人获得参加投票的人员过半数的选票，始得当选")
U19_RUNOFF = U("第十九条第二款", "所得票数不得少于已投选票总数的三分之一")
U19_WRITTEN = U("第十九条第四款", "可以书面委托本社区其他选民代为投票")
U19_LIMIT = U("第十九条第四款", "每一选民接受的委托不得超过三人")
U19_CANDIDATE = U("第十九条第四款", "候选人不得接受委托投票")
U19_REPS = U("第十九条第四款", "采取居民代表选举方式的，不实行委托投票")


def urban_param(
    name: str, zh: str, en: str, value: ParameterValue, c: Citation, unit: str = "名"
) -> Parameter:
    """A parameter of the 2025 urban law, in force from 2026-01-01."""
    return dated(name, zh, en, ((value, URBAN_2025_IN_FORCE, None, c),), unit)


def village_param(
    name: str,
    zh: str,
    en: str,
    value: ParameterValue,
    old: Citation | None,
    new: Citation,
    unit: str = "名",
) -> Parameter:
    """A parameter of the village law: the 2018 text's value (if any), then the 2025 one."""
    rows = ((value, _OLD, _NEW, old),) if old is not None else ()
    return dated(name, zh, en, (*rows, (value, _NEW, None, new)), unit)


HALF, THIRD, TWO_THIRDS = Fraction(1, 2), Fraction(1, 3), Fraction(2, 3)

PARAMETERS = (
    urban_param("election.voter-age", "选民年龄下限（周岁）", "voting age", 18, U16_AGE, "周岁"),
    urban_param(
        "election.community-worker-months",
        "非户籍社区工作者在本社区工作月数下限",
        "months a non-registered community worker must have worked here",
        6,
        U16_WORKER,
        "个月",
    ),
    urban_param(
        "election.voter-list-days",
        "选民名单提前公布日数",
        "days the voter list is published before the election",
        20,
        U17_LIST,
        "日",
    ),
    urban_param(
        "election.objection-days",
        "申诉期限（日）",
        "days to object to the voter list",
        5,
        U17_OBJ,
        "日",
    ),
    urban_param(
        "election.objection-decision-days",
        "申诉处理期限（日）",
        "days to decide an objection",
        3,
        U17_OBJ,
        "日",
    ),
    urban_param(
        "election.nominators",
        "联合提名选民人数下限",
        "fewest voters nominating jointly",
        10,
        U18_NOM,
    ),
    urban_param(
        "election.turnout-share",
        "选举有效的投票比例（过半数）",
        "turnout for a valid election",
        HALF,
        U19_TURNOUT,
    ),
    urban_param(
        "election.turnout-representatives-share",
        "居民代表选举有效的投票比例（超过）",
        "turnout for a valid election by representatives",
        TWO_THIRDS,
        U19_TURNOUT_REPS,
    ),
    urban_param(
        "election.majority-share",
        "当选所需票数比例（过半数）",
        "votes needed to be elected",
        HALF,
        U19_MAJORITY,
    ),
    urban_param(
        "election.runoff-share",
        "另行选举当选票数比例下限",
        "least share of ballots to win a run-off",
        THIRD,
        U19_RUNOFF,
    ),
    urban_param(
        "election.proxies.max",
        "每一选民接受委托人数上限",
        "most proxies one voter may hold",
        3,
        U19_LIMIT,
        "人",
    ),
)


def _rule(
    id: str,
    zh: str,
    en: str,
    check: CheckFn,
    citations: tuple[Citation, ...],
    parameters: tuple[str, ...] = (),
    kind: RuleKind = "obligation",
    village: bool = False,
    valid_to: object = None,
    valid_from: object = None,
) -> Rule:
    return Rule(
        id=id,
        title_zh=zh,
        title_en=en,
        kind=kind,
        severity="must",
        scope=Scope(Election),
        check=check,
        citations=citations,
        parameters=parameters,
        valid_from=valid_from or (_OLD if village else URBAN_2025_IN_FORCE),  # type: ignore[arg-type]
        valid_to=valid_to,  # type: ignore[arg-type]
    )


_URBAN_TURNOUT = ("election.turnout-share", "election.turnout-representatives-share")

RULES = (
    _rule(
        "election.voter-list-notice",
        "选民名单应当在选举日的二十日前公布",
        "The voter list is published at least 20 days before the election",
        ec.voter_list_notice(RC, "election.voter-list-days"),
        (U17_LIST,),
        ("election.voter-list-days",),
    ),
    _rule(
        "election.objections",
        "对选民名单的申诉应当在三日内作出处理决定",
        "Objections to the voter list are decided within 3 days",
        ec.objections(RC, "election.objection-days", "election.objection-decision-days"),
        (U17_OBJ,),
        ("election.objection-days", "election.objection-decision-days"),
    ),
    _rule(
        "election.eligibility",
        "选民登记：年满十八周岁，户籍或常住居民，或工作六个月以上的社区工作者",
        "Voters are 18, registered or habitually resident, or community workers of 6 months",
        ec.urban_eligibility("election.voter-age", "election.community-worker-months"),
        (U16_AGE, U16_REG, U16_WORKER),
        ("election.voter-age", "election.community-worker-months"),
    ),
    _rule(
        "election.nomination",
        "候选人由社区党组织或者十名以上选民联合提名推荐",
        "Candidates are nominated by the party organisation or by at least 10 voters jointly",
        ec.nomination(RC, "election.nominators", URBAN_2025_IN_FORCE),
        (U18_NOM,),
        ("election.nominators",),
    ),
    _rule(
        "election.candidates-exceed-seats",
        "候选人的名额应当多于应选名额",
        "More candidates than seats",
        ec.candidates_exceed_seats(RC),
        (U18_SEATS,),
    ),
    _rule(
        "election.committee-withdrawal",
        "选举委员会成员或其近亲属被提名为候选人的应当退出",
        "Election committee members who, or whose close relatives, stand must withdraw",
        ec.committee_withdrawal(RC, URBAN_2025_IN_FORCE),
        (U15_WITHDRAW, CLOSE_RELATIVES),
    ),
    _rule(
        "election.turnout",
        "选民或户的代表过半数、或超过三分之二的居民代表参加投票，选举有效",
        "Valid when more than half of voters or households, or more than 2/3 of "
        "representatives, vote",
        tc.turnout(RC, *_URBAN_TURNOUT),
        (U19_TURNOUT, U19_TURNOUT_REPS),
        _URBAN_TURNOUT,
    ),
    _rule(
        "election.result",
        "候选人获得参加投票的人员过半数的选票始得当选；另行选举不少于三分之一",
        "Elected with more than half of the ballots cast; a run-off needs at least 1/3",
        tc.result(RC, *_URBAN_TURNOUT, "election.majority-share", "election.runoff-share"),
        (U19_MAJORITY, U19_RUNOFF),
        (*_URBAN_TURNOUT, "election.majority-share", "election.runoff-share"),
    ),
    _rule(
        "election.proxy-written",
        "委托投票应当书面委托",
        "Proxies are given in writing",
        pc.proxy_written(RC),
        (U19_WRITTEN,),
    ),
    _rule(
        "election.proxy-limit",
        "每一选民接受的委托不得超过三人",
        "Nobody holds more than 3 proxies",
        pc.proxy_limit(RC, "election.proxies.max"),
        (U19_LIMIT,),
        ("election.proxies.max",),
        kind="prohibition",
    ),
    _rule(
        "election.proxy-candidate",
        "候选人不得接受委托投票",
        "Candidates may not hold proxies",
        pc.proxy_candidate(RC),
        (U19_CANDIDATE,),
        kind="prohibition",
    ),
    _rule(
        "election.proxy-representatives",
        "采取居民代表选举方式的，不实行委托投票",
        "No proxies when representatives elect",
        pc.proxy_representatives(RC),
        (U19_REPS,),
        kind="prohibition",
    ),
)
