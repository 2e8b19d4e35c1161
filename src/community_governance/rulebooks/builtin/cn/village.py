"""``cn`` composition rules for village bodies: the village committee, the villagers'
representatives' assembly and the village affairs supervision body (村民委员会组织法, 2018 text
and 2025 amendment by date).

The village committee's family (size, a woman, close relatives, cross-appointment) has the same
shape as the residents' committee's in `cn`: the checks are shared; what differs, and is written
out rule by rule, is the law — its words, articles and dates.
"""

from __future__ import annotations

from fractions import Fraction

from ....checks import bodies as _body_checks
from ....checks import composition as _composition_checks
from ....checks.measures import VILLAGE_REPRESENTATIVES
from ....models import BodyComposition
from ....rules.citation import Citation
from ....rules.parameter import Parameter
from ....rules.rule import Rule
from ....rules.scope import Scope
from ..sources import VILLAGE_2018, VILLAGE_2018_IN_FORCE, VILLAGE_2025, VILLAGE_2025_IN_FORCE
from .bodies import CLOSE_RELATIVES

__all__ = [
    "RULES",
    "V13_STAND",
    "V16_STAND",
    "VILLAGE_2025_DATE_NOTE",
    "VILLAGE_ASSEMBLY",
    "VILLAGE_COMMITTEE",
    "VILLAGE_SUPERVISION",
]

#: The village organic law governs rural communities only.
VILLAGE_COMMITTEE = Scope(BodyComposition, body_kind="village_committee", community_kind="rural")
VILLAGE_ASSEMBLY = Scope(
    BodyComposition, body_kind="representatives_assembly", community_kind="rural"
)
#: The village affairs supervision body (村务监督机构) is recorded as a supervision_committee.
VILLAGE_SUPERVISION = Scope(
    BodyComposition, body_kind="supervision_committee", community_kind="rural"
)
#: Said of every rule and value that starts with the 2025 village amendment.
VILLAGE_2025_DATE_NOTE = (
    "In force date taken as 2026-01-01 as reported (secondary); the consolidated text's Art. 50 "
    "reads 自公布之日起施行 (2025-10-28). Replace the rule in a local rulebook to read it "
    "otherwise."
)


def _v25(locator: str, quote: str) -> Citation:
    return Citation(VILLAGE_2025, locator, quote, note=VILLAGE_2025_DATE_NOTE)


V6_SIZE = Citation(VILLAGE_2018, "第六条第一款", "村民委员会由主任、副主任和委员共三至七人组成")
V6_WOMAN = Citation(VILLAGE_2018, "第六条第二款", "村民委员会成员中，应当有妇女成员")
V8_SIZE = _v25("第八条第一款", "村民委员会由主任、副主任和委员共三至七人组成")
V8_WOMAN = _v25("第八条第二款", "村民委员会成员中，应当有妇女成员")
V8_RELATIVES = _v25("第八条第二款", "村民委员会成员实行近亲属回避")
V8_CROSS = _v25("第八条第三款", "村民委员会成员和村党组织领导班子成员可以交叉任职")
V25_SHARE = Citation(
    VILLAGE_2018, "第二十五条第一款", "村民代表应当占村民代表会议组成人员的五分之四以上"
)
V29_SHARE = _v25("第二十九条第一款", "村民代表应当占村民代表会议组成人员的五分之四以上")
V25_WOMEN = Citation(
    VILLAGE_2018, "第二十五条第一款", "妇女村民代表应当占村民代表会议组成人员的三分之一以上"
)
V29_WOMEN = _v25("第二十九条第一款", "妇女村民代表应当占村民代表会议组成人员的三分之一以上")
V25_HOUSEHOLDS = Citation(
    VILLAGE_2018,
    "第二十五条第二款",
    "村民代表由村民按每五户至十五户推选一人，或者由各村民小组推选若干人",
    note="The alternative (chosen by villager groups) is not recorded in the input, so the "
    "household ratio only warns.",
)
V29_HOUSEHOLDS = _v25(
    "第二十九条第二款", "村民代表由村民按每五户至十五户推选一人，或者由各村民小组推选若干人"
)
V25_TERM = Citation(VILLAGE_2018, "第二十五条第二款", "村民代表的任期与村民委员会的任期相同")
V29_TERM = _v25("第二十九条第二款", "村民代表的任期与村民委员会的任期相同")
V13_STAND = Citation(
    VILLAGE_2018,
    "第十三条第一款",
    "年满十八周岁的村民……都有选举权和被选举权；但是，依照法律被剥夺政治权利的人除外",
)
V16_STAND = _v25(
    "第十六条第一款",
    "年满十八周岁的村民……都有选举权和被选举权；但是，依照法律被剥夺政治权利的人除外",
)
_REPRESENTATIVES_NOTE = (
    "The library's reading: village representatives decide what the villagers' assembly of "
    "villagers aged 18 and over delegates to them (Art. 25(1) / 29(1) 讨论决定村民会议授权的"
    "事项), and are chosen (推选) by villagers, so a representative is 18 or older and not "
    "deprived of political rights (Art. 13(1) / 16(1)). The law states no separate age."
)
V21_ADULTS = Citation(
    VILLAGE_2018,
    "第二十一条第一款",
    "村民会议由本村十八周岁以上的村民组成",
    note=_REPRESENTATIVES_NOTE,
)
V25_ADULTS = Citation(
    VILLAGE_2025,
    "第二十五条第一款",
    "村民会议由本村十八周岁以上的村民组成",
    note=f"{_REPRESENTATIVES_NOTE} {VILLAGE_2025_DATE_NOTE}",
)
V32_EXPERTISE = Citation(VILLAGE_2018, "第三十二条", "其中应有具备财会、管理知识的人员")
V37_EXPERTISE = _v25("第三十七条", "其中应有具备财会、管理知识的人员")
V32_EXCLUSION = Citation(
    VILLAGE_2018, "第三十二条", "村民委员会成员及其近亲属不得担任村务监督机构成员"
)
V37_EXCLUSION = _v25("第三十七条", "村民委员会成员及其近亲属不得担任村务监督机构成员")
V37_TERM = _v25("第三十七条", "村务监督机构的任期与村民委员会的任期相同")

_OLD, _NEW = VILLAGE_2018_IN_FORCE, VILLAGE_2025_IN_FORCE

SIZE_MIN = Parameter.count(
    "village-committee.size.min",
    "村民委员会成员人数下限",
    "village committee: fewest members",
    (3, _OLD, _NEW, V6_SIZE),
    (3, _NEW, None, V8_SIZE),
    unit_zh="名",
)
SIZE_MAX = Parameter.count(
    "village-committee.size.max",
    "村民委员会成员人数上限",
    "village committee: most members",
    (7, _OLD, _NEW, V6_SIZE),
    (7, _NEW, None, V8_SIZE),
    unit_zh="名",
)
MEMBER_AGE = Parameter.count(
    "village-committee.member-age",
    "村民委员会成员年龄下限（周岁）",
    "village committee members: least age",
    (18, _OLD, _NEW, V13_STAND),
    (18, _NEW, None, V16_STAND),
    unit_zh="周岁",
)
REPRESENTATIVE_AGE = Parameter.count(
    "village-representatives.representative-age",
    "村民代表年龄下限（周岁）",
    "village representatives: least age",
    (18, _OLD, _NEW, V21_ADULTS),
    (18, _NEW, None, V25_ADULTS),
    unit_zh="周岁",
)
REPRESENTATIVE_SHARE = Parameter.share(
    "village-representatives.representative-share",
    "村民代表占村民代表会议组成人员的比例下限",
    "villagers' representatives' assembly: least share of representatives",
    (Fraction(4, 5), _OLD, _NEW, V25_SHARE),
    (Fraction(4, 5), _NEW, None, V29_SHARE),
)
WOMEN_SHARE = Parameter.share(
    "village-representatives.women-share",
    "妇女村民代表占组成人员的比例下限",
    "villagers' representatives' assembly: least share of women representatives",
    (Fraction(1, 3), _OLD, _NEW, V25_WOMEN),
    (Fraction(1, 3), _NEW, None, V29_WOMEN),
)
HOUSEHOLDS_MIN = Parameter.count(
    "village-representatives.households-per-representative.min",
    "每名村民代表对应户数下限",
    "households per village representative: fewest",
    (5, _OLD, _NEW, V25_HOUSEHOLDS),
    (5, _NEW, None, V29_HOUSEHOLDS),
    unit_zh="户",
)
HOUSEHOLDS_MAX = Parameter.count(
    "village-representatives.households-per-representative.max",
    "每名村民代表对应户数上限",
    "households per village representative: most",
    (15, _OLD, _NEW, V25_HOUSEHOLDS),
    (15, _NEW, None, V29_HOUSEHOLDS),
    unit_zh="户",
)

RULES = (
    Rule(
        id="village-committee.size",
        title_zh="村民委员会由主任、副主任和委员共三至七人组成",
        title_en="A village committee has 3 to 7 members (chair, vice-chairs, members)",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_body_checks.size(SIZE_MIN, SIZE_MAX),
        citations=(V6_SIZE, V8_SIZE),
        valid_from=_OLD,
    ),
    Rule(
        id="village-committee.member-eligibility",
        title_zh="村民委员会成员应当年满十八周岁且未被剥夺政治权利（被选举权）",
        title_en="Village committee members are 18 or older and hold political rights",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_body_checks.member_eligibility(
            MEMBER_AGE, texts=((_OLD, (V13_STAND,)), (_NEW, (V16_STAND,)))
        ),
        citations=(V13_STAND, V16_STAND),
        valid_from=_OLD,
    ),
    Rule(
        id="village-committee.woman",
        title_zh="村民委员会成员中应当有妇女成员",
        title_en="A village committee must include a woman",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_body_checks.has_woman,
        citations=(V6_WOMAN, V8_WOMAN),
        valid_from=_OLD,
    ),
    Rule(
        id="village-committee.close-relative-exclusion",
        title_zh="村民委员会成员实行近亲属回避",
        title_en="No two village committee members may be close relatives",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_body_checks.close_relatives,
        citations=(V8_RELATIVES, CLOSE_RELATIVES),
        valid_from=_NEW,
    ),
    Rule(
        id="village-committee.cross-appointment",
        title_zh="村民委员会成员和村党组织领导班子成员可以交叉任职",
        title_en="Village committee members may also sit in the village party leadership",
        kind="permission",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_body_checks.cross_appointment("party_organization"),
        citations=(V8_CROSS,),
        valid_from=_NEW,
    ),
    Rule(
        id="village-representatives.representative-share",
        title_zh="村民代表应当占村民代表会议组成人员的五分之四以上",
        title_en="Representatives are at least 4/5 of the villagers' representatives' assembly",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ASSEMBLY,
        check=_composition_checks.representatives_share(
            REPRESENTATIVE_SHARE, "village_committee", VILLAGE_REPRESENTATIVES
        ),
        citations=(V25_SHARE, V29_SHARE),
        valid_from=_OLD,
    ),
    Rule(
        id="village-representatives.women",
        title_zh="妇女村民代表应当占村民代表会议组成人员的三分之一以上",
        title_en="Women representatives are at least 1/3 of the villagers' representatives' "
        "assembly",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ASSEMBLY,
        check=_composition_checks.women_representatives_share(WOMEN_SHARE, "village_committee"),
        citations=(V25_WOMEN, V29_WOMEN),
        valid_from=_OLD,
    ),
    Rule(
        id="village-representatives.representative-eligibility",
        title_zh="村民代表应当年满十八周岁且未被剥夺政治权利",
        title_en="Village representatives are 18 or older and hold political rights",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ASSEMBLY,
        check=_body_checks.member_eligibility(
            REPRESENTATIVE_AGE,
            ("representative",),
            texts=((_OLD, (V21_ADULTS, V13_STAND)), (_NEW, (V25_ADULTS, V16_STAND))),
        ),
        citations=(V21_ADULTS, V13_STAND, V25_ADULTS, V16_STAND),
        valid_from=_OLD,
    ),
    Rule(
        id="village-representatives.households",
        title_zh="村民代表按每五户至十五户推选一人（或由各村民小组推选）",
        title_en="One village representative per 5 to 15 households (or chosen by villager "
        "groups; warns only)",
        kind="obligation",
        severity="advisory",
        scope=VILLAGE_ASSEMBLY,
        check=_composition_checks.households_per_representative(
            HOUSEHOLDS_MIN, HOUSEHOLDS_MAX, VILLAGE_REPRESENTATIVES
        ),
        citations=(V25_HOUSEHOLDS, V29_HOUSEHOLDS),
        valid_from=_OLD,
    ),
    Rule(
        id="village-representatives.term",
        title_zh="村民代表的任期与村民委员会的任期相同",
        title_en="Village representatives serve the village committee's term",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ASSEMBLY,
        check=_composition_checks.same_term("village_committee"),
        citations=(V25_TERM, V29_TERM),
        valid_from=_OLD,
    ),
    Rule(
        id="village-supervision.expertise",
        title_zh="村务监督机构成员中应有具备财会、管理知识的人员",
        title_en="The village affairs supervision body includes someone with finance or "
        "management knowledge",
        kind="obligation",
        severity="must",
        scope=VILLAGE_SUPERVISION,
        check=_composition_checks.expertise,
        citations=(V32_EXPERTISE, V37_EXPERTISE),
        valid_from=_OLD,
    ),
    Rule(
        id="village-supervision.exclusion",
        title_zh="村民委员会成员及其近亲属不得担任村务监督机构成员",
        title_en="No village committee member or close relative of one on the supervision body",
        kind="prohibition",
        severity="must",
        scope=VILLAGE_SUPERVISION,
        check=_composition_checks.committee_exclusion("village_committee"),
        citations=(V32_EXCLUSION, V37_EXCLUSION, CLOSE_RELATIVES),
        valid_from=_OLD,
    ),
    Rule(
        id="village-supervision.term",
        title_zh="村务监督机构的任期与村民委员会的任期相同",
        title_en="The village affairs supervision body serves the village committee's term",
        kind="obligation",
        severity="must",
        scope=VILLAGE_SUPERVISION,
        check=_composition_checks.same_term("village_committee"),
        citations=(V37_TERM,),
        valid_from=_NEW,
    ),
)
