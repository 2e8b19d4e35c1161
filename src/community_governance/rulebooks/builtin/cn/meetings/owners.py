"""Owners' assembly (业主大会): Civil Code Art. 278 votes by heads **and** exclusive area.

Art. 278 (in force 2021-01-01) supersedes the lower thresholds of 物业管理条例 Art. 12; the
regulation still sets the extraordinary-meeting request (Art. 13) and the notice (Art. 14).
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

CIVIL_CODE = "民法典（摘录）"
PROPERTY_REGULATION = "物业管理条例(2018-03-19)"
INTERPRETATION = "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释(2020-12-29)"
#: The Civil Code is in force from 2021-01-01 (earlier owners' rules are not modelled).
CIVIL_CODE_IN_FORCE = dt.date(2021, 1, 1)
#: The property-management regulation as revised on 2018-03-19.
PROPERTY_REGULATION_2018 = dt.date(2018, 3, 19)

ART278_PARTICIPATION = Citation(
    CIVIL_CODE,
    "第二百七十八条第二款",
    "业主共同决定事项，应当由专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主"
    "参与表决。",
)
ART278_SPECIAL = Citation(
    CIVIL_CODE,
    "第二百七十八条第二款",
    "决定前款第六项至第八项规定的事项，应当经参与表决专有部分面积四分之三以上的业主且参与表决"
    "人数四分之三以上的业主同意。",
)
ART278_ORDINARY = Citation(
    CIVIL_CODE,
    "第二百七十八条第二款",
    "决定前款其他事项，应当经参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意。",
)
ART13 = Citation(
    PROPERTY_REGULATION,
    "第十三条第二款",
    "经20%以上的业主提议，业主委员会应当组织召开业主大会临时会议。",
)
ART14 = Citation(
    PROPERTY_REGULATION,
    "第十四条第一款",
    "召开业主大会会议，应当于会议召开15日以前通知全体业主。",
)
ART8_9 = Citation(
    INTERPRETATION,
    "第八条、第九条",
    "业主人数可以按照专有部分的数量计算，一个专有部分按一人计算。但建设单位尚未出售和虽已出售"
    "但尚未交付的部分，以及同一买受人拥有一个以上专有部分的，按一人计算。",
    note="Art. 8: area per the real-estate register, else the survey, else the sales contract",
)

_AT_LEAST: Quantifier = "at_least"
_MORE: Quantifier = "more_than"
CC = CIVIL_CODE_IN_FORCE

REQUEST = Parameter.share(
    "meeting.owners-assembly.request",
    "提议召开业主大会临时会议的业主比例（以上）",
    "owners' assembly: share of owners whose request obliges the owners' committee to "
    "call an extraordinary meeting",
    (Fraction(1, 5), PROPERTY_REGULATION_2018, None, ART13),
)
NOTICE_DAYS = Parameter.count(
    "meeting.owners-assembly.notice-days",
    "召开业主大会会议提前通知的天数",
    "owners' assembly: days of notice",
    (15, PROPERTY_REGULATION_2018, None, ART14),
    unit_zh="日",
)
PARTICIPATION = Parameter.share(
    "meeting.owners-assembly.participation",
    "参与表决的业主人数及专有部分面积比例（以上）",
    "owners' assembly: share of owners and of area that must take part (at least)",
    (Fraction(2, 3), CC, None, ART278_PARTICIPATION),
)
SPECIAL = Parameter.share(
    "meeting.owners-assembly.majority.special",
    "第六项至第八项事项所需同意比例（以上）",
    "owners' assembly: share of participating owners and area needed for items (6)–(8)",
    (Fraction(3, 4), CC, None, ART278_SPECIAL),
)
ORDINARY = Parameter.share(
    "meeting.owners-assembly.majority",
    "其他事项所需同意比例（过半数）",
    "owners' assembly: share of participating owners and area needed for other matters",
    (Fraction(1, 2), CC, None, ART278_ORDINARY),
)

#: The ``meeting.pass-rules`` entry of the owners' assembly (Civil Code Art. 278).
ENTRIES = (
    TableEntry(
        "owners-assembly.2021",
        PassRule(
            body="owners_assembly",
            title_zh="业主大会",
            title_en="owners' assembly",
            request={"owners": Share(_AT_LEAST, REQUEST)},
            notice_days=NOTICE_DAYS,
            quorum={
                "owners": (
                    Share(_AT_LEAST, PARTICIPATION, "area"),
                    Share(_AT_LEAST, PARTICIPATION, "heads"),
                )
            },
            majority_base="participating",
            majority=(Share(_MORE, ORDINARY, "area"), Share(_MORE, ORDINARY, "heads")),
            special_matters=frozenset({"raise_maintenance_fund", "rebuild", "change_common_use"}),
            special_majority=(
                Share(_AT_LEAST, SPECIAL, "area"),
                Share(_AT_LEAST, SPECIAL, "heads"),
            ),
        ),
        ART278_PARTICIPATION,
        Validity(CC, None),
    ),
)

CITATIONS = {
    "request": (ART13,),
    "notice": (ART14,),
    "quorum": (ART278_PARTICIPATION,),
    "majority": (ART278_SPECIAL, ART278_ORDINARY),
}
