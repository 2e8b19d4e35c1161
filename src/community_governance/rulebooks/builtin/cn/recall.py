"""``cn`` recall rules (罢免): residents' committees (2025 urban law Art. 20) and village
committees (2018 text Art. 16, 2025 amendment Art. 19, unchanged in substance)."""

from __future__ import annotations

from fractions import Fraction

from ....checks import recall as rc
from ....models import Recall
from ....rules.citation import Citation
from ....rules.rule import CheckFn, Rule
from ....rules.scope import Scope
from ..sources import URBAN_2025_IN_FORCE, VILLAGE_2018_IN_FORCE
from .elections import V18, U, urban_param, village_param
from .village import _v25

__all__ = ["PARAMETERS", "RULES"]

RC, VC = "residents_committee", "village_committee"
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
HALF = Fraction(1, 2)

PARAMETERS = (
    urban_param(
        "recall.voters-share",
        "提出罢免的选民或户的代表比例下限",
        "least share of voters or households to start a recall",
        Fraction(1, 10),
        U20_START,
    ),
    urban_param(
        "recall.representatives-share",
        "提出罢免的居民代表比例下限",
        "least share of representatives to start a recall",
        Fraction(1, 3),
        U20_START,
    ),
    urban_param(
        "recall.turnout-share",
        "罢免投票有效比例（过半数）",
        "turnout for a valid recall vote",
        HALF,
        U20_VOTE,
    ),
    urban_param(
        "recall.turnout-representatives-share",
        "居民代表罢免投票有效比例（超过）",
        "turnout for a valid recall vote by representatives",
        Fraction(2, 3),
        U20_VOTE,
    ),
    urban_param(
        "recall.majority-share",
        "罢免通过所需票数比例（过半数）",
        "votes needed to carry a recall",
        HALF,
        U20_VOTE,
    ),
    village_param(
        "village-recall.voters-share",
        "提出罢免的村民比例下限",
        "least share of voters to start a recall (village)",
        Fraction(1, 5),
        V16_START,
        V19_START,
    ),
    village_param(
        "village-recall.representatives-share",
        "提出罢免的村民代表比例下限",
        "least share of representatives to start a recall (village)",
        Fraction(1, 3),
        V16_START,
        V19_START,
    ),
    village_param(
        "village-recall.turnout-share",
        "罢免投票有效比例（过半数）",
        "turnout for a valid recall vote (village)",
        HALF,
        V16_VOTE,
        V19_VOTE,
    ),
    village_param(
        "village-recall.majority-share",
        "罢免通过所需票数比例（过半数）",
        "votes needed to carry a recall (village)",
        HALF,
        V16_VOTE,
        V19_VOTE,
    ),
)


def _rule(
    id: str,
    zh: str,
    en: str,
    check: CheckFn,
    citations: tuple[Citation, ...],
    parameters: tuple[str, ...] = (),
    village: bool = False,
) -> Rule:
    return Rule(
        id=id,
        title_zh=zh,
        title_en=en,
        kind="obligation",
        severity="must",
        scope=Scope(Recall),
        check=check,
        citations=citations,
        parameters=parameters,
        valid_from=VILLAGE_2018_IN_FORCE if village else URBAN_2025_IN_FORCE,
    )


RULES = (
    _rule(
        "recall.initiation",
        "十分之一以上选民或户的代表、或三分之一以上居民代表联名提出罢免",
        "A recall is started by at least 1/10 of voters or households, or 1/3 of representatives",
        rc.initiation(RC, "recall.voters-share", "recall.representatives-share"),
        (U20_START,),
        ("recall.voters-share", "recall.representatives-share"),
    ),
    _rule(
        "recall.reason",
        "提出罢免应当说明理由",
        "A recall request states its reasons",
        rc.reason(RC),
        (U20_START,),
    ),
    _rule(
        "recall.turnout",
        "罢免须有选民或户的代表过半数、或超过三分之二的居民代表投票",
        "A recall vote needs more than half of voters or households, or more than 2/3 of "
        "representatives",
        rc.turnout(RC, "recall.turnout-share", "recall.turnout-representatives-share"),
        (U20_VOTE,),
        ("recall.turnout-share", "recall.turnout-representatives-share"),
    ),
    _rule(
        "recall.majority",
        "罢免须经投票人员的过半数通过",
        "A recall carries with more than half of those voting",
        rc.majority(RC, "recall.majority-share"),
        (U20_VOTE,),
        ("recall.majority-share",),
    ),
    _rule(
        "village-recall.initiation",
        "五分之一以上有选举权的村民或三分之一以上村民代表联名提出罢免",
        "A village recall is started by at least 1/5 of voters or 1/3 of representatives",
        rc.initiation(VC, "village-recall.voters-share", "village-recall.representatives-share"),
        (V16_START, V19_START),
        ("village-recall.voters-share", "village-recall.representatives-share"),
        village=True,
    ),
    _rule(
        "village-recall.reason",
        "提出罢免应当说明理由",
        "A village recall request states its reasons",
        rc.reason(VC),
        (V16_START, V19_START),
        village=True,
    ),
    _rule(
        "village-recall.turnout",
        "罢免须有登记参加选举的村民过半数投票",
        "A village recall vote needs more than half of the registered villagers",
        rc.turnout(VC, "village-recall.turnout-share", None),
        (V16_VOTE, V19_VOTE),
        ("village-recall.turnout-share",),
        village=True,
    ),
    _rule(
        "village-recall.majority",
        "罢免须经投票的村民过半数通过",
        "A village recall carries with more than half of those voting",
        rc.majority(VC, "village-recall.majority-share"),
        (V16_VOTE, V19_VOTE),
        ("village-recall.majority-share",),
        village=True,
    ),
)
