"""``cn`` recall rules (罢免): residents' committees (2025 urban law Art. 20) and village
committees (2018 text Art. 16, 2025 amendment Art. 19, unchanged in substance)."""

from __future__ import annotations

from fractions import Fraction

from ....checks import recall as rc
from ....models import Recall
from ....rules.parameter import Parameter
from ....rules.rule import Rule
from ....rules.scope import Scope
from ..sources import URBAN_2025_IN_FORCE, VILLAGE_2018_IN_FORCE, VILLAGE_2025_IN_FORCE
from .elections import RC, U16_STAND, V18, VC, VOTER_AGE, U
from .village import V13_STAND, V16_STAND, _v25
from .village_elections import VOTER_AGE as VILLAGE_VOTER_AGE

__all__ = [
    "PARAMETERS",
    "REPRESENTATIVES_SHARE",
    "RULES",
    "URBAN_RECALL",
    "VILLAGE_RECALL",
    "VILLAGE_REPRESENTATIVES_SHARE",
    "VILLAGE_VOTERS_SHARE",
    "VOTERS_SHARE",
]

#: Recalls from a residents' committee (urban rules) and from a village committee.
URBAN_RECALL = Scope(Recall, body_kind=RC)
VILLAGE_RECALL = Scope(Recall, body_kind=VC)
_URBAN = URBAN_2025_IN_FORCE
_OLD, _NEW = VILLAGE_2018_IN_FORCE, VILLAGE_2025_IN_FORCE

U20_START = U(
    "第二十条第一款",
    "本社区十分之一以上有选举权的居民或者户的代表，或者三分之一以上的居民代表联名，可以提出罢免居民委员会成员的要求，并说明要求罢免的理由",
)
U20_VOTE = U(
    "第二十条第二款",
    "须有选民或者户的代表过半数或者超过三分之二的居民代表投票，并须经投票人员的过半数通过",
)
V16_START = V18(
    "第十六条第一款",
    "本村五分之一以上有选举权的村民或者三分之一以上的村民代表联名，可以提出罢免村民委员会成员的要求，并说明要求罢免的理由",
)
V19_START = _v25(
    "第十九条第一款",
    "本村五分之一以上有选举权的村民或者三分之一以上的村民代表联名，可以提出罢免村民委员会成员的要求，并说明要求罢免的理由",
)
V16_VOTE = V18(
    "第十六条第二款",
    "罢免村民委员会成员，须有登记参加选举的村民过半数投票，并须经投票的村民过半数通过",
)
V19_VOTE = _v25(
    "第十九条第二款",
    "罢免村民委员会成员，须有登记参加选举的村民过半数投票，并须经投票的村民过半数通过",
)
U20_METHOD = U("第二十条第二款", "罢免居民委员会成员，应当按照产生时的选举方式组织进行投票")
U20_DEFENCE = U("第二十条第一款", "被提出罢免的居民委员会成员有权提出申辩意见")
V16_DEFENCE = V18("第十六条第一款", "被提出罢免的村民委员会成员有权提出申辩意见")
V19_DEFENCE = _v25("第十九条第一款", "被提出罢免的村民委员会成员有权提出申辩意见")
HALF = Fraction(1, 2)

VOTERS_SHARE = Parameter.share(
    "recall.voters-share",
    "提出罢免的选民或户的代表比例下限",
    "least share of voters or households to start a recall",
    (Fraction(1, 10), _URBAN, None, U20_START),
)
REPRESENTATIVES_SHARE = Parameter.share(
    "recall.representatives-share",
    "提出罢免的居民代表比例下限",
    "least share of representatives to start a recall",
    (Fraction(1, 3), _URBAN, None, U20_START),
)
TURNOUT_SHARE = Parameter.share(
    "recall.turnout-share",
    "罢免投票有效比例（过半数）",
    "turnout for a valid recall vote",
    (HALF, _URBAN, None, U20_VOTE),
)
TURNOUT_REPRESENTATIVES_SHARE = Parameter.share(
    "recall.turnout-representatives-share",
    "居民代表罢免投票有效比例（超过）",
    "turnout for a valid recall vote by representatives",
    (Fraction(2, 3), _URBAN, None, U20_VOTE),
)
MAJORITY_SHARE = Parameter.share(
    "recall.majority-share",
    "罢免通过所需票数比例（过半数）",
    "votes needed to carry a recall",
    (HALF, _URBAN, None, U20_VOTE),
)
VILLAGE_VOTERS_SHARE = Parameter.share(
    "village-recall.voters-share",
    "提出罢免的村民比例下限",
    "least share of voters to start a recall (village)",
    (Fraction(1, 5), _OLD, _NEW, V16_START),
    (Fraction(1, 5), _NEW, None, V19_START),
)
VILLAGE_REPRESENTATIVES_SHARE = Parameter.share(
    "village-recall.representatives-share",
    "提出罢免的村民代表比例下限",
    "least share of representatives to start a recall (village)",
    (Fraction(1, 3), _OLD, _NEW, V16_START),
    (Fraction(1, 3), _NEW, None, V19_START),
)
VILLAGE_TURNOUT_SHARE = Parameter.share(
    "village-recall.turnout-share",
    "罢免投票有效比例（过半数）",
    "turnout for a valid recall vote (village)",
    (HALF, _OLD, _NEW, V16_VOTE),
    (HALF, _NEW, None, V19_VOTE),
)
VILLAGE_MAJORITY_SHARE = Parameter.share(
    "village-recall.majority-share",
    "罢免通过所需票数比例（过半数）",
    "votes needed to carry a recall (village)",
    (HALF, _OLD, _NEW, V16_VOTE),
    (HALF, _NEW, None, V19_VOTE),
)

#: Registered in this order (the rules read them all; `cn` lists them for ``cgov rules``).
PARAMETERS = (
    VOTERS_SHARE,
    REPRESENTATIVES_SHARE,
    TURNOUT_SHARE,
    TURNOUT_REPRESENTATIVES_SHARE,
    MAJORITY_SHARE,
    VILLAGE_VOTERS_SHARE,
    VILLAGE_REPRESENTATIVES_SHARE,
    VILLAGE_TURNOUT_SHARE,
    VILLAGE_MAJORITY_SHARE,
)

RULES = (
    Rule(
        id="recall.initiation",
        title_zh="十分之一以上选民或户的代表、或三分之一以上居民代表联名提出罢免",
        title_en="A recall is started by at least 1/10 of voters or households, or 1/3 of "
        "representatives",
        kind="obligation",
        severity="must",
        scope=URBAN_RECALL,
        check=rc.initiation(VOTERS_SHARE, REPRESENTATIVES_SHARE, VOTER_AGE),
        citations=(U20_START,),
        valid_from=_URBAN,
    ),
    Rule(
        id="recall.electorate",
        title_zh="罢免按照产生时的选举方式投票，投票人员为有选举权的选民、户的代表或居民代表",
        title_en="The recall vote is by the method that elected the member, among those with a "
        "vote as the records show them",
        kind="obligation",
        severity="must",
        scope=URBAN_RECALL,
        check=rc.electorate_check(VOTER_AGE),
        citations=(U20_METHOD, U20_VOTE, U16_STAND),
        valid_from=_URBAN,
    ),
    Rule(
        id="recall.reason",
        title_zh="提出罢免应当说明理由",
        title_en="A recall request states its reasons",
        kind="obligation",
        severity="must",
        scope=URBAN_RECALL,
        check=rc.reason,
        citations=(U20_START,),
        valid_from=_URBAN,
    ),
    Rule(
        id="recall.turnout",
        title_zh="罢免须有选民或户的代表过半数、或超过三分之二的居民代表投票",
        title_en="A recall vote needs more than half of voters or households, or more than 2/3 of "
        "representatives",
        kind="obligation",
        severity="must",
        scope=URBAN_RECALL,
        check=rc.turnout(TURNOUT_SHARE, TURNOUT_REPRESENTATIVES_SHARE, VOTER_AGE),
        citations=(U20_VOTE,),
        valid_from=_URBAN,
    ),
    Rule(
        id="recall.majority",
        title_zh="罢免须经投票人员的过半数通过",
        title_en="A recall carries with more than half of those voting",
        kind="obligation",
        severity="must",
        scope=URBAN_RECALL,
        check=rc.majority(MAJORITY_SHARE),
        citations=(U20_VOTE,),
        valid_from=_URBAN,
    ),
    Rule(
        id="village-recall.initiation",
        title_zh="五分之一以上有选举权的村民或三分之一以上村民代表联名提出罢免",
        title_en="A village recall is started by at least 1/5 of voters or 1/3 of representatives",
        kind="obligation",
        severity="must",
        scope=VILLAGE_RECALL,
        check=rc.initiation(VILLAGE_VOTERS_SHARE, VILLAGE_REPRESENTATIVES_SHARE, VILLAGE_VOTER_AGE),
        citations=(V16_START, V19_START),
        valid_from=_OLD,
    ),
    Rule(
        id="village-recall.electorate",
        title_zh="罢免由登记参加选举的村民投票，投票人员应当有选举权",
        title_en="The village recall vote is among the registered villagers with a vote, as the "
        "records show them",
        kind="obligation",
        severity="must",
        scope=VILLAGE_RECALL,
        check=rc.electorate_check(
            VILLAGE_VOTER_AGE, ((_OLD, (V16_VOTE, V13_STAND)), (_NEW, (V19_VOTE, V16_STAND)))
        ),
        citations=(V16_VOTE, V19_VOTE, V13_STAND, V16_STAND),
        valid_from=_OLD,
    ),
    Rule(
        id="village-recall.reason",
        title_zh="提出罢免应当说明理由",
        title_en="A village recall request states its reasons",
        kind="obligation",
        severity="must",
        scope=VILLAGE_RECALL,
        check=rc.reason,
        citations=(V16_START, V19_START),
        valid_from=_OLD,
    ),
    Rule(
        id="village-recall.turnout",
        title_zh="罢免须有登记参加选举的村民过半数投票",
        title_en="A village recall vote needs more than half of the registered villagers",
        kind="obligation",
        severity="must",
        scope=VILLAGE_RECALL,
        check=rc.turnout(VILLAGE_TURNOUT_SHARE, None, VILLAGE_VOTER_AGE),
        citations=(V16_VOTE, V19_VOTE),
        valid_from=_OLD,
    ),
    Rule(
        id="village-recall.majority",
        title_zh="罢免须经投票的村民过半数通过",
        title_en="A village recall carries with more than half of those voting",
        kind="obligation",
        severity="must",
        scope=VILLAGE_RECALL,
        check=rc.majority(VILLAGE_MAJORITY_SHARE),
        citations=(V16_VOTE, V19_VOTE),
        valid_from=_OLD,
    ),
    Rule(
        id="recall.method",
        title_zh="罢免居民委员会成员，应当按照产生时的选举方式组织进行投票",
        title_en="A recall is voted by the method that elected the member",
        kind="obligation",
        severity="must",
        scope=URBAN_RECALL,
        check=rc.method_of_election,
        citations=(U20_METHOD,),
        valid_from=_URBAN,
    ),
    Rule(
        id="recall.defence",
        title_zh="被提出罢免的居民委员会成员有权提出申辩意见",
        title_en="The member whose recall is requested may state a defence before the vote",
        kind="obligation",
        severity="must",
        scope=URBAN_RECALL,
        check=rc.defence(),
        citations=(U20_DEFENCE,),
        valid_from=_URBAN,
    ),
    Rule(
        id="village-recall.defence",
        title_zh="被提出罢免的村民委员会成员有权提出申辩意见",
        title_en="The village committee member whose recall is requested may state a defence "
        "before the vote",
        kind="obligation",
        severity="must",
        scope=VILLAGE_RECALL,
        check=rc.defence(((_OLD, (V16_DEFENCE,)), (_NEW, (V19_DEFENCE,)))),
        citations=(V16_DEFENCE, V19_DEFENCE),
        valid_from=_OLD,
    ),
)
