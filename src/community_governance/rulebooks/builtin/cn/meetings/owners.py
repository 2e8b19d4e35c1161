"""Owners' assembly (业主大会): votes by heads **and** exclusive area.

From 2021-01-01 Civil Code Art. 278 sets the pass rule; it supersedes the thresholds of
物业管理条例 Art. 12, which set it from the regulation's 2018-03-19 text (the oldest text
modelled) until 2020-12-31. The regulation still sets the extraordinary-meeting request
(Art. 13) and the notice (Art. 14) throughout. Before 2018-03-19 no owners' pass rule is
modelled: such a meeting is indeterminate, naming the gap.
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
from ...sources import CIVIL_CODE as CIVIL_CODE  # re-exported: one name for the statute

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
ART9 = Citation(
    INTERPRETATION,
    "第九条",
    "业主人数可以按照专有部分的数量计算，一个专有部分按一人计算。但建设单位尚未出售和虽已出售"
    "但尚未交付的部分，以及同一买受人拥有一个以上专有部分的，按一人计算。",
    note="可以: a permitted method of counting, so a count that departs from it is flagged "
    "(advisory), not refused",
)
ART8 = Citation(
    INTERPRETATION,
    "第八条",
    "专有部分面积可以按照不动产登记簿记载的面积计算；尚未进行物权登记的，暂按测绘机构的实测面积"
    "计算；尚未进行实测的，暂按房屋买卖合同记载的面积计算。",
)
#: The regulation's pass rule, before the Civil Code (its text as revised 2018-03-19).
_NOTE_REGULATION = (
    "the regulation's text as revised 2018-03-19, applied until the Civil Code took effect "
    "(2021-01-01); 物权法 Art. 76, the statute above it then, is not held in shared/law, and "
    "this article is applied as the law then in force"
)
ART11 = Citation(
    PROPERTY_REGULATION,
    "第十一条",
    "下列事项由业主共同决定：……(五)筹集和使用专项维修资金；(六)改建、重建建筑物及其附属设施；",
    note=_NOTE_REGULATION,
)
ART12_PARTICIPATION = Citation(
    PROPERTY_REGULATION,
    "第十二条第一款",
    "业主大会会议可以采用集体讨论的形式，也可以采用书面征求意见的形式；但是，应当有物业管理区域内"
    "专有部分占建筑物总面积过半数的业主且占总人数过半数的业主参加。",
    note=_NOTE_REGULATION,
)
ART12_DECISION = Citation(
    PROPERTY_REGULATION,
    "第十二条第三款",
    "业主大会决定本条例第十一条第(五)项和第(六)项规定的事项，应当经专有部分占建筑物总面积2/3以上"
    "的业主且占总人数2/3以上的业主同意；决定本条例第十一条规定的其他事项，应当经专有部分占建筑物总"
    "面积过半数的业主且占总人数过半数的业主同意。",
    note=_NOTE_REGULATION + "; both majorities are of ALL owners and ALL area (占建筑物总面积、"
    "占总人数), not of those taking part",
)

_AT_LEAST: Quantifier = "at_least"
_MORE: Quantifier = "more_than"
CC = CIVIL_CODE_IN_FORCE
REG = PROPERTY_REGULATION_2018

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

REGULATION_QUORUM = Parameter.share(
    "meeting.owners-assembly.regulation.participation",
    "参加业主大会会议的业主人数及专有部分面积比例（过半数，民法典施行前）",
    "owners' assembly before the Civil Code: share of all owners and of all area that must "
    "take part (more than)",
    (Fraction(1, 2), REG, CC, ART12_PARTICIPATION),
)
REGULATION_SPECIAL = Parameter.share(
    "meeting.owners-assembly.regulation.majority.special",
    "第十一条第(五)项、第(六)项事项所需全体业主人数及总面积比例（以上，民法典施行前）",
    "owners' assembly before the Civil Code: share of ALL owners and ALL area needed for the "
    "maintenance fund and rebuilding (at least)",
    (Fraction(2, 3), REG, CC, ART12_DECISION),
)
REGULATION_ORDINARY = Parameter.share(
    "meeting.owners-assembly.regulation.majority",
    "其他事项所需全体业主人数及总面积比例（过半数，民法典施行前）",
    "owners' assembly before the Civil Code: share of ALL owners and ALL area needed for "
    "other matters (more than)",
    (Fraction(1, 2), REG, CC, ART12_DECISION),
)

#: The ``meeting.pass-rules`` entries of the owners' assembly: 物业管理条例 Art. 12 until
#: 2020-12-31, Civil Code Art. 278 from 2021-01-01.
ENTRIES = (
    TableEntry(
        "owners-assembly.2018",
        PassRule(
            body="owners_assembly",
            title_zh="业主大会",
            title_en="owners' assembly",
            request={"owners": Share(_AT_LEAST, REQUEST)},
            notice_days=NOTICE_DAYS,
            quorum={
                "owners": (
                    Share(_MORE, REGULATION_QUORUM, "area"),
                    Share(_MORE, REGULATION_QUORUM, "heads"),
                )
            },
            majority_base="all",
            majority=(
                Share(_MORE, REGULATION_ORDINARY, "area"),
                Share(_MORE, REGULATION_ORDINARY, "heads"),
            ),
            # Art. 11 (五) 筹集和使用专项维修资金, (六) 改建、重建: using the fund is special here
            special_matters=frozenset(
                {"raise_maintenance_fund", "use_maintenance_fund", "rebuild"}
            ),
            special_majority=(
                Share(_AT_LEAST, REGULATION_SPECIAL, "area"),
                Share(_AT_LEAST, REGULATION_SPECIAL, "heads"),
            ),
        ),
        ART12_DECISION,
        Validity(REG, CC),
    ),
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
    "quorum": (ART12_PARTICIPATION, ART278_PARTICIPATION),
    "majority": (ART11, ART12_DECISION, ART278_SPECIAL, ART278_ORDINARY),
}
