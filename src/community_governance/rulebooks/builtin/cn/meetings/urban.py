"""Urban meetings: the residents' assembly (居民会议) and the representatives' assembly
(居民代表会议).

The 2018 text (in force until 2025-12-31) and the 2025 revision (from 2026-01-01) differ in
who may require a residents' assembly to be called and in the notice period; the revision
brings the representatives' assembly into the statute.
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
from ...sources import URBAN_2018, URBAN_2025, URBAN_2025_IN_FORCE

#: The 2018 amendment of the urban organic law (earlier texts are not modelled).
URBAN_2018_AMENDED = dt.date(2018, 12, 29)
_NOTE_2018 = "text as amended 2018-12-29; earlier texts are not modelled"
NEW = URBAN_2025_IN_FORCE

ART1_2018 = Citation(URBAN_2018, "第一条", "由城市居民群众依法办理群众自己的事情", note=_NOTE_2018)
ART9_1_2018 = Citation(
    URBAN_2018, "第九条第一款", "居民会议由十八周岁以上的居民组成。", note=_NOTE_2018
)
ART1_2025 = Citation(URBAN_2025, "第一条", "由城市居民依法办理自己的事情")
ART26_1_2025 = Citation(URBAN_2025, "第二十六条第一款", "居民会议由本社区十八周岁以上的居民组成。")
ART9_2018 = Citation(
    URBAN_2018,
    "第九条第三款",
    "居民会议必须有全体十八周岁以上的居民、户的代表或者居民小组选举的代表的过半数出席，"
    "才能举行。会议的决定，由出席人的过半数通过。",
    note=_NOTE_2018,
)
ART10_2018 = Citation(
    URBAN_2018,
    "第十条第二款",
    "有五分之一以上的十八周岁以上的居民、五分之一以上的户或者三分之一以上的居民小组提议，"
    "应当召集居民会议。",
    note=_NOTE_2018,
)
ART26_2025 = Citation(
    URBAN_2025,
    "第二十六条第二款",
    "有十分之一以上的年满十八周岁居民、户的代表或者三分之一以上的居民代表提议，应当召集居民会议。"
    "召集居民会议，应当提前十日通知居民；遇有特殊情况的，可以临时通知居民。",
)
ART27_2025 = Citation(
    URBAN_2025,
    "第二十七条",
    "居民会议应当有全体十八周岁以上的本社区居民或者户的代表的过半数参加。"
    "居民会议所作决定，应当经到会人员的过半数通过。",
)
ART28_2025 = Citation(
    URBAN_2025,
    "第二十八条第二款",
    "居民代表会议由居民委员会召集，每半年至少召开一次。有五分之一以上的居民代表提议，"
    "应当召集居民代表会议。",
)
ART29_2025 = Citation(
    URBAN_2025,
    "第二十九条",
    "居民代表会议应当有三分之二以上的组成人员参加方可召开。"
    "居民代表会议所作决定，应当经到会组成人员的过半数通过。",
)

HALF, THIRD, FIFTH, TENTH, TWO_THIRDS = (
    Fraction(1, 2),
    Fraction(1, 3),
    Fraction(1, 5),
    Fraction(1, 10),
    Fraction(2, 3),
)
OLD = URBAN_2018_AMENDED

REQUEST_ADULTS = Parameter.share(
    "meeting.residents-assembly.request.adults",
    "提议召集居民会议的十八周岁以上居民比例（以上）",
    "residents' assembly: share of adults whose request obliges the convener",
    (FIFTH, OLD, NEW, ART10_2018),
    (TENTH, NEW, None, ART26_2025),
)
REQUEST_HOUSEHOLDS = Parameter.share(
    "meeting.residents-assembly.request.households",
    "提议召集居民会议的户（户的代表）比例（以上）",
    "residents' assembly: share of households whose request obliges the convener",
    (FIFTH, OLD, NEW, ART10_2018),
    (TENTH, NEW, None, ART26_2025),
)
REQUEST_GROUPS = Parameter.share(
    "meeting.residents-assembly.request.residents-groups",
    "提议召集居民会议的居民小组比例（以上）",
    "residents' assembly: share of residents' groups whose request obliges the convener",
    (THIRD, OLD, NEW, ART10_2018),
)
REQUEST_REPRESENTATIVES = Parameter.share(
    "meeting.residents-assembly.request.representatives",
    "提议召集居民会议的居民代表比例（以上）",
    "residents' assembly: share of representatives whose request obliges the convener",
    (THIRD, NEW, None, ART26_2025),
)
NOTICE_DAYS = Parameter.count(
    "meeting.residents-assembly.notice-days",
    "召集居民会议提前通知的天数",
    "residents' assembly: days of notice",
    (10, NEW, None, ART26_2025),
    unit_zh="日",
)
QUORUM = Parameter.share(
    "meeting.residents-assembly.quorum",
    "居民会议到会人数（过半数）",
    "residents' assembly: share that must attend (more than)",
    (HALF, OLD, NEW, ART9_2018),
    (HALF, NEW, None, ART27_2025),
)
MAJORITY = Parameter.share(
    "meeting.residents-assembly.majority",
    "居民会议决定所需到会人员比例（过半数）",
    "residents' assembly: share of those present needed to decide (more than)",
    (HALF, OLD, NEW, ART9_2018),
    (HALF, NEW, None, ART27_2025),
)
REPS_REQUEST = Parameter.share(
    "meeting.representatives-assembly.urban.request",
    "提议召集居民代表会议的居民代表比例（以上）",
    "urban representatives' assembly: share of representatives whose request obliges the convener",
    (FIFTH, NEW, None, ART28_2025),
)
REPS_INTERVAL = Parameter.count(
    "meeting.representatives-assembly.urban.interval-months",
    "居民代表会议召开间隔（每半年至少一次）",
    "urban representatives' assembly: meets at least every six months",
    (6, NEW, None, ART28_2025),
    unit_zh="月",
)
REPS_QUORUM = Parameter.share(
    "meeting.representatives-assembly.urban.quorum",
    "居民代表会议到会组成人员比例（以上）",
    "urban representatives' assembly: share of members that must attend (at least)",
    (TWO_THIRDS, NEW, None, ART29_2025),
)
REPS_MAJORITY = Parameter.share(
    "meeting.representatives-assembly.urban.majority",
    "居民代表会议决定所需到会组成人员比例（过半数）",
    "urban representatives' assembly: share of members present needed to decide",
    (HALF, NEW, None, ART29_2025),
)

_MORE: Quantifier = "more_than"
_AT_LEAST: Quantifier = "at_least"

#: The ``meeting.pass-rules`` entries of the urban law, one per meeting type and text.
ENTRIES = (
    TableEntry(
        "residents-assembly.2018",
        PassRule(
            body="residents_assembly",
            title_zh="居民会议",
            title_en="residents' assembly",
            request={
                "adults": Share(_AT_LEAST, REQUEST_ADULTS),
                "households": Share(_AT_LEAST, REQUEST_HOUSEHOLDS),
                "residents_groups": Share(_AT_LEAST, REQUEST_GROUPS),
            },
            quorum={
                "adults": (Share(_MORE, QUORUM),),
                "households": (Share(_MORE, QUORUM),),
                "members": (Share(_MORE, QUORUM),),
            },
            majority_base="present",
            majority=(Share(_MORE, MAJORITY),),
        ),
        ART9_2018,
        Validity(OLD, NEW),
    ),
    TableEntry(
        "residents-assembly.2025",
        PassRule(
            body="residents_assembly",
            title_zh="居民会议",
            title_en="residents' assembly",
            request={
                "adults": Share(_AT_LEAST, REQUEST_ADULTS),
                "households": Share(_AT_LEAST, REQUEST_HOUSEHOLDS),
                "representatives": Share(_AT_LEAST, REQUEST_REPRESENTATIVES),
            },
            notice_days=NOTICE_DAYS,
            urgent_notice=True,
            quorum={
                "adults": (Share(_MORE, QUORUM),),
                "households": (Share(_MORE, QUORUM),),
            },
            majority_base="present",
            majority=(Share(_MORE, MAJORITY),),
        ),
        ART27_2025,
        Validity(NEW, None),
    ),
    TableEntry(
        "representatives-assembly.urban.2025",
        PassRule(
            body="representatives_assembly",
            title_zh="居民代表会议",
            title_en="residents' representatives assembly",
            community_kinds=("urban", "village_to_residence"),
            request={"representatives": Share(_AT_LEAST, REPS_REQUEST)},
            interval_months=REPS_INTERVAL,
            quorum={"members": (Share(_AT_LEAST, REPS_QUORUM),)},
            majority_base="present",
            majority=(Share(_MORE, REPS_MAJORITY),),
        ),
        ART29_2025,
        Validity(NEW, None),
    ),
)

CITATIONS = {
    "request": (ART10_2018, ART26_2025, ART28_2025),
    "notice": (ART26_2025,),
    "quorum": (ART9_2018, ART27_2025, ART29_2025),
    "majority": (ART9_2018, ART27_2025, ART29_2025),
}
