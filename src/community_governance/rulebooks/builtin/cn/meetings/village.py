"""Village meetings: the villagers' assembly (村民会议), the village representatives' assembly
(村民代表会议) and the villager-group meeting (村民小组会议).

The 2018 text applies until 2025-12-31 and the 2025 amendment from 2026-01-01; the numbers
are the same, but the amendment allows short notice in special circumstances.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from .....checks.pass_rules import PassRule, Share
from .....rules.citation import Citation
from .....rules.parameter import Parameter
from .....rules.table import TableEntry
from .....rules.threshold import Quantifier
from .....rules.validity import Validity
from ...sources import URBAN_2025_IN_FORCE, VILLAGE_2018, VILLAGE_2025

#: The 2018 amendment of the village organic law (earlier texts are not modelled).
VILLAGE_2018_AMENDED = dt.date(2018, 12, 29)
OLD = VILLAGE_2018_AMENDED
#: The 2025 amendment is applied from 2026-01-01, like the urban revision.
NEW = URBAN_2025_IN_FORCE
_NOTE_2018 = "text as amended 2018-12-29; earlier texts are not modelled"
_NOTE_2025 = (
    "applied from 2026-01-01 as reported for the amending decision; the consolidated text "
    "read ends 自公布之日起施行"
)

ART1_2018 = Citation(
    VILLAGE_2018, "第一条", "为了保障农村村民实行自治，由村民依法办理自己的事情", note=_NOTE_2018
)
ART21_1_2018 = Citation(
    VILLAGE_2018, "第二十一条第一款", "村民会议由本村十八周岁以上的村民组成。", note=_NOTE_2018
)
ART1_2025 = Citation(VILLAGE_2025, "第一条", "由村民依法办理自己的事情", note=_NOTE_2025)
ART25_1_2025 = Citation(
    VILLAGE_2025, "第二十五条第一款", "村民会议由本村十八周岁以上的村民组成。", note=_NOTE_2025
)
ART21_2018 = Citation(
    VILLAGE_2018,
    "第二十一条第二款",
    "有十分之一以上的村民或者三分之一以上的村民代表提议，应当召集村民会议。"
    "召集村民会议，应当提前十天通知村民。",
    note=_NOTE_2018,
)
ART22_2018 = Citation(
    VILLAGE_2018,
    "第二十二条第一款",
    "召开村民会议，应当有本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加，"
    "村民会议所作决定应当经到会人员的过半数通过。",
    note=_NOTE_2018,
)
ART26_2018 = Citation(
    VILLAGE_2018,
    "第二十六条",
    "有五分之一以上的村民代表提议，应当召集村民代表会议。村民代表会议有三分之二以上的组成人员"
    "参加方可召开，所作决定应当经到会人员的过半数同意。",
    note=_NOTE_2018,
)
ART28_2018 = Citation(
    VILLAGE_2018,
    "第二十八条第一款",
    "召开村民小组会议，应当有本村民小组十八周岁以上的村民三分之二以上，或者本村民小组三分之二"
    "以上的户的代表参加，所作决定应当经到会人员的过半数同意。",
    note=_NOTE_2018,
)
ART25_2025 = Citation(
    VILLAGE_2025,
    "第二十五条第二款",
    "有十分之一以上的村民或者三分之一以上的村民代表提议，应当召集村民会议。"
    "召集村民会议，应当提前十日通知村民；遇有特殊情况的，可以临时通知村民。",
    note=_NOTE_2025,
)
ART25_2025_YEARLY = Citation(
    VILLAGE_2025, "第二十五条第三款", "村民会议每年至少召开一次。", note=_NOTE_2025
)
ART26_2018_QUARTERLY = Citation(
    VILLAGE_2018, "第二十六条第一款", "村民代表会议每季度召开一次。", note=_NOTE_2018
)
ART30_2025_QUARTERLY = Citation(
    VILLAGE_2025, "第三十条第一款", "村民代表会议每季度召开一次。", note=_NOTE_2025
)
ART26_2025 = Citation(
    VILLAGE_2025,
    "第二十六条第一款",
    "召开村民会议，应当有本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加，"
    "村民会议所作决定应当经到会人员的过半数通过。",
    note=_NOTE_2025,
)
ART30_2025 = Citation(
    VILLAGE_2025,
    "第三十条",
    "有五分之一以上的村民代表提议，应当召集村民代表会议。村民代表会议有三分之二以上的组成人员"
    "参加方可召开，所作决定应当经到会人员的过半数同意。",
    note=_NOTE_2025,
)
ART32_2025 = Citation(
    VILLAGE_2025,
    "第三十二条第二款",
    "召开村民小组会议，应当有本村民小组十八周岁以上的村民三分之二以上，或者本村民小组三分之二"
    "以上的户的代表参加，所作决定应当经到会人员的过半数同意。",
    note=_NOTE_2025,
)

HALF, THIRD, FIFTH, TENTH, TWO_THIRDS = (
    Fraction(1, 2),
    Fraction(1, 3),
    Fraction(1, 5),
    Fraction(1, 10),
    Fraction(2, 3),
)
_MORE: Quantifier = "more_than"
_AT_LEAST: Quantifier = "at_least"


def _both(
    name: str,
    zh: str,
    en: str,
    value: Fraction | int,
    old: Citation,
    new: Citation,
    unit_zh: str = "",
) -> Parameter:
    """A parameter with the same value under the 2018 text and the 2025 amendment."""
    if isinstance(value, Fraction):
        return Parameter.share(name, zh, en, (value, OLD, NEW, old), (value, NEW, None, new))
    return Parameter.count(
        name, zh, en, (value, OLD, NEW, old), (value, NEW, None, new), unit_zh=unit_zh
    )


VILLAGERS_INTERVAL = Parameter.count(
    "meeting.villagers-assembly.interval-months",
    "村民会议召开间隔（每年至少一次）",
    "villagers' assembly: meets at least once a year (from 2026)",
    (12, NEW, None, ART25_2025_YEARLY),
    unit_zh="月",
)
REPS_INTERVAL = _both(
    "meeting.representatives-assembly.village.interval-months",
    "村民代表会议召开间隔（每季度一次）",
    "village representatives' assembly: meets every quarter",
    3,
    ART26_2018_QUARTERLY,
    ART30_2025_QUARTERLY,
    unit_zh="月",
)
REQUEST_VILLAGERS = _both(
    "meeting.villagers-assembly.request.villagers",
    "提议召集村民会议的村民比例（以上）",
    "villagers' assembly: share of villagers whose request obliges the convener",
    TENTH,
    ART21_2018,
    ART25_2025,
)
REQUEST_REPRESENTATIVES = _both(
    "meeting.villagers-assembly.request.representatives",
    "提议召集村民会议的村民代表比例（以上）",
    "villagers' assembly: share of representatives whose request obliges the convener",
    THIRD,
    ART21_2018,
    ART25_2025,
)
NOTICE_DAYS = _both(
    "meeting.villagers-assembly.notice-days",
    "召集村民会议提前通知的天数",
    "villagers' assembly: days of notice",
    10,
    ART21_2018,
    ART25_2025,
    unit_zh="日",
)
QUORUM_ADULTS = _both(
    "meeting.villagers-assembly.quorum.adults",
    "村民会议到会的十八周岁以上村民比例（过半数）",
    "villagers' assembly: share of adults that must attend (more than)",
    HALF,
    ART22_2018,
    ART26_2025,
)
QUORUM_HOUSEHOLDS = _both(
    "meeting.villagers-assembly.quorum.households",
    "村民会议到会的户的代表比例（以上）",
    "villagers' assembly: share of households that must be represented (at least)",
    TWO_THIRDS,
    ART22_2018,
    ART26_2025,
)
MAJORITY = _both(
    "meeting.villagers-assembly.majority",
    "村民会议决定所需到会人员比例（过半数）",
    "villagers' assembly: share of those present needed to decide (more than)",
    HALF,
    ART22_2018,
    ART26_2025,
)
REPS_REQUEST = _both(
    "meeting.representatives-assembly.village.request",
    "提议召集村民代表会议的村民代表比例（以上）",
    "village representatives' assembly: share of representatives whose request obliges "
    "the convener",
    FIFTH,
    ART26_2018,
    ART30_2025,
)
REPS_QUORUM = _both(
    "meeting.representatives-assembly.village.quorum",
    "村民代表会议到会组成人员比例（以上）",
    "village representatives' assembly: share of members that must attend (at least)",
    TWO_THIRDS,
    ART26_2018,
    ART30_2025,
)
REPS_MAJORITY = _both(
    "meeting.representatives-assembly.village.majority",
    "村民代表会议决定所需到会人员比例（过半数）",
    "village representatives' assembly: share of those present needed to decide",
    HALF,
    ART26_2018,
    ART30_2025,
)
GROUP_QUORUM = _both(
    "meeting.villager-group.quorum",
    "村民小组会议到会的村民或户的代表比例（以上）",
    "villager-group meeting: share of adults or households that must attend (at least)",
    TWO_THIRDS,
    ART28_2018,
    ART32_2025,
)
GROUP_MAJORITY = _both(
    "meeting.villager-group.majority",
    "村民小组会议决定所需到会人员比例（过半数）",
    "villager-group meeting: share of those present needed to decide (more than)",
    HALF,
    ART28_2018,
    ART32_2025,
)


def _villagers_assembly(amended: bool) -> PassRule:
    return PassRule(
        body="villagers_assembly",
        title_zh="村民会议",
        title_en="villagers' assembly",
        request={
            "villagers": Share(_AT_LEAST, REQUEST_VILLAGERS),
            "representatives": Share(_AT_LEAST, REQUEST_REPRESENTATIVES),
        },
        notice_days=NOTICE_DAYS,
        urgent_notice=amended,
        interval_months=VILLAGERS_INTERVAL if amended else None,
        quorum={
            "adults": (Share(_MORE, QUORUM_ADULTS),),
            "households": (Share(_AT_LEAST, QUORUM_HOUSEHOLDS),),
        },
        majority_base="present",
        majority=(Share(_MORE, MAJORITY),),
    )


#: The same pass rule under both texts; each text's entry cites its own article.
_REPRESENTATIVES = PassRule(
    body="representatives_assembly",
    title_zh="村民代表会议",
    title_en="village representatives' assembly",
    community_kinds=("rural",),
    interval_months=REPS_INTERVAL,
    request={"representatives": Share(_AT_LEAST, REPS_REQUEST)},
    quorum={"members": (Share(_AT_LEAST, REPS_QUORUM),)},
    majority_base="present",
    majority=(Share(_MORE, REPS_MAJORITY),),
)
_GROUP = PassRule(
    body="villager_group",
    title_zh="村民小组会议",
    title_en="villager-group meeting",
    quorum={
        "adults": (Share(_AT_LEAST, GROUP_QUORUM),),
        "households": (Share(_AT_LEAST, GROUP_QUORUM),),
    },
    majority_base="present",
    majority=(Share(_MORE, GROUP_MAJORITY),),
)
_2018, _2025 = Validity(OLD, NEW), Validity(NEW, None)

#: The ``meeting.pass-rules`` entries of the village law, one per meeting type and text.
ENTRIES = (
    TableEntry("villagers-assembly.2018", _villagers_assembly(False), ART22_2018, _2018),
    TableEntry("villagers-assembly.2025", _villagers_assembly(True), ART26_2025, _2025),
    TableEntry("representatives-assembly.village.2018", _REPRESENTATIVES, ART26_2018, _2018),
    TableEntry("representatives-assembly.village.2025", _REPRESENTATIVES, ART30_2025, _2025),
    TableEntry("villager-group.2018", _GROUP, ART28_2018, _2018),
    TableEntry("villager-group.2025", _GROUP, ART32_2025, _2025),
)

CITATIONS = {
    "request": (ART21_2018, ART25_2025, ART26_2018, ART30_2025),
    "notice": (ART21_2018, ART25_2025),
    "quorum": (ART22_2018, ART26_2025, ART26_2018, ART30_2025, ART28_2018, ART32_2025),
    "majority": (ART22_2018, ART26_2025, ART26_2018, ART30_2025, ART28_2018, ART32_2025),
}
