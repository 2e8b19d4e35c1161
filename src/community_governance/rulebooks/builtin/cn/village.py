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
from ....checks import tenure as _tenure_checks
from ....checks.measures import VILLAGE_REPRESENTATIVES
from ....checks.people import dated
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
    "VILLAGER_GROUP",
    "VILLAGE_2025_DATE_NOTE",
    "VILLAGE_ASSEMBLY",
    "VILLAGE_COMMITTEE",
    "VILLAGE_ELECTION_COMMITTEE",
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
VILLAGE_ELECTION_COMMITTEE = Scope(
    BodyComposition, body_kind="election_committee", community_kind="rural"
)
VILLAGER_GROUP = Scope(BodyComposition, body_kind="villager_group", community_kind="rural")
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
V32_REQUIRED = Citation(
    VILLAGE_2018, "第三十二条", "村应当建立村务监督委员会或者其他形式的村务监督机构"
)
V37_REQUIRED = _v25("第三十七条第一款", "村应当建立村务监督委员会或者其他形式的村务监督机构")
V32_CHOSEN = Citation(
    VILLAGE_2018, "第三十二条", "其成员由村民会议或者村民代表会议在村民中推选产生"
)
V37_CHOSEN = _v25("第三十七条第一款", "其成员由村民会议或者村民代表会议在村民中推选产生")
V11_TERM = Citation(VILLAGE_2018, "第十一条第二款", "村民委员会每届任期五年")
V14_TERM = _v25("第十四条第二款", "村民委员会每届任期五年")
V11_RENEW = Citation(
    VILLAGE_2018, "第十一条第二款", "村民委员会每届任期五年，届满应当及时举行换届选举"
)
V14_RENEW = _v25("第十四条第二款", "村民委员会每届任期五年，届满应当及时举行换届选举")
V11_APPOINT = Citation(
    VILLAGE_2018, "第十一条第一款", "任何组织或者个人不得指定、委派或者撤换村民委员会成员"
)
V14_APPOINT = _v25("第十四条第一款", "任何组织或者个人不得指定、委派或者撤换村民委员会成员")
V6_MINORITY = Citation(
    VILLAGE_2018,
    "第六条第二款",
    "多民族村民居住的村应当有人数较少的民族的成员",
    note="The 2025 amendment (Art. 8(2)) has no such sentence: the rule ends on 2025-12-31.",
)
V18_END = Citation(
    VILLAGE_2018, "第十八条", "村民委员会成员丧失行为能力或者被判处刑罚的，其职务自行终止"
)
V22_END = _v25("第二十二条", "村民委员会成员丧失行为能力或者被判处刑罚的，其职务自行终止")
V20_RESIGN = _v25(
    "第二十条",
    "村民委员会成员可以向村民委员会提出辞职申请，其职务自村民会议或者村民代表会议审议通过之日起终止",
)
V12_ELECTION_COMMITTEE = Citation(
    VILLAGE_2018,
    "第十二条第二款",
    "村民选举委员会由主任和委员组成，由村民会议、村民代表会议或者各村民小组会议推选产生",
)
V15_ELECTION_COMMITTEE = _v25(
    "第十五条第二款",
    "村民选举委员会由主任、副主任和委员组成，由村民会议、村民代表会议或者各村民小组会议推选产生",
)
V28_LEADER = Citation(VILLAGE_2018, "第二十八条第二款", "村民小组组长由村民小组会议推选")
V32_LEADER = _v25("第三十二条第三款", "村民小组组长由村民小组会议推选")
V28_LEADER_TERM = Citation(
    VILLAGE_2018, "第二十八条第二款", "村民小组组长任期与村民委员会的任期相同"
)
V32_LEADER_TERM = _v25("第三十二条第三款", "村民小组组长任期与村民委员会的任期相同")

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
TERM_YEARS = Parameter.count(
    "village-committee.term-years",
    "村民委员会每届任期（年）",
    "village committee: term in years",
    (5, _OLD, _NEW, V11_TERM),
    (5, _NEW, None, V14_TERM),
    unit_zh="年",
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
    Rule(
        id="village-committee.term",
        title_zh="村民委员会每届任期五年",
        title_en="A village committee's term is five years",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_composition_checks.max_term_years(TERM_YEARS),
        citations=(V11_TERM, V14_TERM),
        valid_from=_OLD,
    ),
    Rule(
        id="village-committee.re-election",
        title_zh="村民委员会每届任期届满应当及时举行换届选举",
        title_en="When the village committee's term expires, the next committee is elected",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_tenure_checks.re_election(TERM_YEARS, ((_OLD, (V11_RENEW,)), (_NEW, (V14_RENEW,)))),
        citations=(V11_RENEW, V14_RENEW),
        valid_from=_OLD,
    ),
    Rule(
        id="village-committee.minority",
        title_zh="多民族村民居住的村，村民委员会应当有人数较少的民族的成员（2018年文本）",
        title_en="In a multi-ethnic village the committee includes a member of a less numerous "
        "ethnic group (2018 text)",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_composition_checks.minority_member(),
        citations=(V6_MINORITY,),
        valid_from=_OLD,
        valid_to=_NEW,
    ),
    Rule(
        id="village-committee.no-appointment",
        title_zh="任何组织或者个人不得指定、委派村民委员会成员",
        title_en="No organisation or person may appoint a village committee member",
        kind="prohibition",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_composition_checks.elected_not_appointed(
            ((_OLD, (V11_APPOINT,)), (_NEW, (V14_APPOINT,)))
        ),
        citations=(V11_APPOINT, V14_APPOINT),
        valid_from=_OLD,
    ),
    Rule(
        id="village-committee.resignation",
        title_zh="辞职的村民委员会成员，其职务自村民会议或者村民代表会议审议通过之日起终止",
        title_en="A resigning village committee member leaves on the day the assembly approves "
        "the resignation",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_tenure_checks.resignation,
        citations=(V20_RESIGN,),
        valid_from=_NEW,
    ),
    Rule(
        id="village-committee.automatic-termination",
        title_zh="村民委员会成员丧失行为能力或者被判处刑罚的，其职务自行终止",
        title_en="A village committee member who loses capacity or is sentenced to a criminal "
        "penalty leaves the post",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_tenure_checks.automatic_termination(((_OLD, (V18_END,)), (_NEW, (V22_END,)))),
        citations=(V18_END, V22_END),
        valid_from=_OLD,
    ),
    Rule(
        id="village-supervision.required",
        title_zh="村应当建立村务监督委员会或者其他形式的村务监督机构",
        title_en="Every village has a village affairs supervision body",
        kind="obligation",
        severity="must",
        # judged on the village committee: the village it serves must have one
        scope=VILLAGE_COMMITTEE,
        check=dated(
            _composition_checks.required_body("supervision_committee"),
            ((_OLD, (V32_REQUIRED,)), (_NEW, (V37_REQUIRED,))),
        ),
        citations=(V32_REQUIRED, V37_REQUIRED),
        valid_from=_OLD,
    ),
    Rule(
        id="village-supervision.chosen",
        title_zh="村务监督机构成员由村民会议或者村民代表会议在村民中推选产生",
        title_en="The supervision body's members are chosen from among the villagers by the "
        "villagers' assembly or representatives' assembly",
        kind="obligation",
        severity="must",
        scope=VILLAGE_SUPERVISION,
        check=_composition_checks.chosen_by(
            ("villagers_assembly", "representatives_assembly"),
            "villagers",
            ((_OLD, (V32_CHOSEN,)), (_NEW, (V37_CHOSEN,))),
        ),
        citations=(V32_CHOSEN, V37_CHOSEN),
        valid_from=_OLD,
    ),
    Rule(
        id="village-election-committee.chosen",
        title_zh="村民选举委员会由村民会议、村民代表会议或者各村民小组会议推选产生",
        title_en="The village election committee is chosen by the villagers' assembly, the "
        "representatives' assembly or the villager groups' meetings",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION_COMMITTEE,
        check=_composition_checks.chosen_by(
            ("villagers_assembly", "representatives_assembly", "villager_group"),
            None,
            ((_OLD, (V12_ELECTION_COMMITTEE,)), (_NEW, (V15_ELECTION_COMMITTEE,))),
        ),
        citations=(V12_ELECTION_COMMITTEE, V15_ELECTION_COMMITTEE),
        valid_from=_OLD,
    ),
    Rule(
        id="villager-group.leader",
        title_zh="村民小组组长由村民小组会议推选",
        title_en="A villager group's leader is chosen by the group's meeting",
        kind="obligation",
        severity="must",
        scope=VILLAGER_GROUP,
        check=_composition_checks.group_leader(
            None, ((_OLD, (V28_LEADER,)), (_NEW, (V32_LEADER,)))
        ),
        citations=(V28_LEADER, V32_LEADER),
        valid_from=_OLD,
    ),
    Rule(
        id="villager-group.leader-term",
        title_zh="村民小组组长任期与村民委员会的任期相同",
        title_en="A villager group's leader serves the village committee's term",
        kind="obligation",
        severity="must",
        scope=VILLAGER_GROUP,
        check=dated(
            _tenure_checks.leader_term("village_committee"),
            ((_OLD, (V28_LEADER_TERM,)), (_NEW, (V32_LEADER_TERM,))),
        ),
        citations=(V28_LEADER_TERM, V32_LEADER_TERM),
        valid_from=_OLD,
    ),
)
