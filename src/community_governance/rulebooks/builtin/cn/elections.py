"""``cn`` election rules for residents' committees (2025 urban law, Art. 15–19; the 2018 urban
text left elections to provincial measures), and what the election, recall and evaluation
modules share: the citation helpers and the election scopes."""

from __future__ import annotations

from fractions import Fraction

from ....checks import elections as ec
from ....checks import proxies as pc
from ....checks import tally as tc
from ....models import Election
from ....rules.citation import Citation
from ....rules.parameter import Parameter
from ....rules.rule import Rule
from ....rules.scope import Scope
from ..sources import URBAN_2025, URBAN_2025_IN_FORCE, VILLAGE_2018
from .bodies import CLOSE_RELATIVES, U16_STAND

__all__ = [
    "MAJORITY_SHARE",
    "PARAMETERS",
    "RC",
    "RULES",
    "RUNOFF_SHARE",
    "TURNOUT_REPRESENTATIVES_SHARE",
    "TURNOUT_SHARE",
    "U16_STAND",
    "URBAN_ELECTION",
    "V18",
    "VC",
    "VILLAGE_ELECTION",
    "U",
]

RC, VC = "residents_committee", "village_committee"
#: The elections of a residents' committee (urban rules).
URBAN_ELECTION = Scope(Election, body_kind=RC)
#: The elections of a village committee (village rules).
VILLAGE_ELECTION = Scope(Election, body_kind=VC)
_FROM = URBAN_2025_IN_FORCE


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

HALF, THIRD, TWO_THIRDS = Fraction(1, 2), Fraction(1, 3), Fraction(2, 3)

VOTER_AGE = Parameter.count(
    "election.voter-age",
    "选民年龄下限（周岁）",
    "voting age",
    (18, _FROM, None, U16_AGE),
    unit_zh="周岁",
)
WORKER_MONTHS = Parameter.count(
    "election.community-worker-months",
    "非户籍社区工作者在本社区工作月数下限",
    "months a non-registered community worker must have worked here",
    (6, _FROM, None, U16_WORKER),
    unit_zh="个月",
)
VOTER_LIST_DAYS = Parameter.count(
    "election.voter-list-days",
    "选民名单提前公布日数",
    "days the voter list is published before the election",
    (20, _FROM, None, U17_LIST),
    unit_zh="日",
)
OBJECTION_DAYS = Parameter.count(
    "election.objection-days",
    "申诉期限（日）",
    "days to object to the voter list",
    (5, _FROM, None, U17_OBJ),
    unit_zh="日",
)
OBJECTION_DECISION_DAYS = Parameter.count(
    "election.objection-decision-days",
    "申诉处理期限（日）",
    "days to decide an objection",
    (3, _FROM, None, U17_OBJ),
    unit_zh="日",
)
NOMINATORS = Parameter.count(
    "election.nominators",
    "联合提名选民人数下限",
    "fewest voters nominating jointly",
    (10, _FROM, None, U18_NOM),
    unit_zh="名",
)
TURNOUT_SHARE = Parameter.share(
    "election.turnout-share",
    "选举有效的投票比例（过半数）",
    "turnout for a valid election",
    (HALF, _FROM, None, U19_TURNOUT),
)
TURNOUT_REPRESENTATIVES_SHARE = Parameter.share(
    "election.turnout-representatives-share",
    "居民代表选举有效的投票比例（超过）",
    "turnout for a valid election by representatives",
    (TWO_THIRDS, _FROM, None, U19_TURNOUT_REPS),
)
MAJORITY_SHARE = Parameter.share(
    "election.majority-share",
    "当选所需票数比例（过半数）",
    "votes needed to be elected",
    (HALF, _FROM, None, U19_MAJORITY),
)
RUNOFF_SHARE = Parameter.share(
    "election.runoff-share",
    "另行选举当选票数比例下限",
    "least share of ballots to win a run-off",
    (THIRD, _FROM, None, U19_RUNOFF),
)
PROXIES_MAX = Parameter.count(
    "election.proxies.max",
    "每一选民接受委托人数上限",
    "most proxies one voter may hold",
    (3, _FROM, None, U19_LIMIT),
    unit_zh="人",
)

#: Registered in this order (the rules read them all; `cn` lists them for ``cgov rules``).
PARAMETERS = (
    VOTER_AGE,
    WORKER_MONTHS,
    VOTER_LIST_DAYS,
    OBJECTION_DAYS,
    OBJECTION_DECISION_DAYS,
    NOMINATORS,
    TURNOUT_SHARE,
    TURNOUT_REPRESENTATIVES_SHARE,
    MAJORITY_SHARE,
    RUNOFF_SHARE,
    PROXIES_MAX,
)

RULES = (
    Rule(
        id="election.voter-list-notice",
        title_zh="选民名单应当在选举日的二十日前公布",
        title_en="The voter list is published at least 20 days before the election",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.voter_list_notice(VOTER_LIST_DAYS),
        citations=(U17_LIST,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.objections",
        title_zh="对选民名单的申诉应当在三日内作出处理决定",
        title_en="Objections to the voter list are decided within 3 days",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.objections(OBJECTION_DAYS, OBJECTION_DECISION_DAYS),
        citations=(U17_OBJ,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.eligibility",
        title_zh="选民登记：年满十八周岁，户籍或常住居民，或工作六个月以上的社区工作者",
        title_en="Voters are 18, registered or habitually resident, or community workers of "
        "6 months",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.urban_eligibility(VOTER_AGE, WORKER_MONTHS),
        citations=(U16_AGE, U16_REG, U16_WORKER),
        valid_from=_FROM,
    ),
    Rule(
        id="election.nomination",
        title_zh="候选人由社区党组织或者十名以上选民联合提名推荐",
        title_en="Candidates are nominated by the party organisation or by at least 10 voters "
        "jointly",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.nomination(NOMINATORS, _FROM, VOTER_AGE),
        citations=(U18_NOM, U16_STAND),
        valid_from=_FROM,
    ),
    Rule(
        id="election.candidate-eligibility",
        title_zh="候选人应当年满十八周岁且未被剥夺政治权利（被选举权）",
        title_en="Candidates are 18 or older and hold political rights (the right to stand)",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.candidate_eligibility(VOTER_AGE),
        citations=(U16_STAND,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.candidates-exceed-seats",
        title_zh="候选人的名额应当多于应选名额",
        title_en="More candidates than seats",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.candidates_exceed_seats,
        citations=(U18_SEATS,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.committee-withdrawal",
        title_zh="选举委员会成员或其近亲属被提名为候选人的应当退出",
        title_en="Election committee members who, or whose close relatives, stand must withdraw",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=ec.committee_withdrawal(_FROM),
        citations=(U15_WITHDRAW, CLOSE_RELATIVES),
        valid_from=_FROM,
    ),
    Rule(
        id="election.turnout",
        title_zh="选民或户的代表过半数、或超过三分之二的居民代表参加投票，选举有效",
        title_en="Valid when more than half of voters or households, or more than 2/3 of "
        "representatives, vote",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=tc.turnout(TURNOUT_SHARE, TURNOUT_REPRESENTATIVES_SHARE),
        citations=(U19_TURNOUT, U19_TURNOUT_REPS),
        valid_from=_FROM,
    ),
    Rule(
        id="election.result",
        title_zh="候选人获得参加投票的人员过半数的选票始得当选；另行选举不少于三分之一",
        title_en="Elected with more than half of the ballots cast; a run-off needs at least 1/3",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=tc.result(TURNOUT_SHARE, TURNOUT_REPRESENTATIVES_SHARE, MAJORITY_SHARE, RUNOFF_SHARE),
        citations=(U19_MAJORITY, U19_RUNOFF),
        valid_from=_FROM,
    ),
    Rule(
        id="election.proxy-written",
        title_zh="委托投票应当书面委托",
        title_en="Proxies are given in writing",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=pc.proxy_written,
        citations=(U19_WRITTEN,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.proxy-limit",
        title_zh="每一选民接受的委托不得超过三人",
        title_en="Nobody holds more than 3 proxies",
        kind="prohibition",
        severity="must",
        scope=URBAN_ELECTION,
        check=pc.proxy_limit(PROXIES_MAX),
        citations=(U19_LIMIT,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.proxy-candidate",
        title_zh="候选人不得接受委托投票",
        title_en="Candidates may not hold proxies",
        kind="prohibition",
        severity="must",
        scope=URBAN_ELECTION,
        check=pc.proxy_candidate,
        citations=(U19_CANDIDATE,),
        valid_from=_FROM,
    ),
    Rule(
        id="election.proxy-representatives",
        title_zh="采取居民代表选举方式的，不实行委托投票",
        title_en="No proxies when representatives elect",
        kind="prohibition",
        severity="must",
        scope=URBAN_ELECTION,
        check=pc.proxy_representatives,
        citations=(U19_REPS,),
        valid_from=_FROM,
    ),
)
