"""``cn`` composition rules for urban bodies besides the residents' committee (2025 urban law),
mediation committees and owners' committees; part of the national rulebook built in `cn.build`.

Each rule declares the bodies it applies to as a `Scope` (the body kind and the community
kinds); the scopes the urban families share are defined here.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from ....checks import bodies as _body_checks
from ....checks import composition as _composition_checks
from ....checks import tenure as _tenure_checks
from ....checks.measures import REPRESENTATIVES
from ....models import BodyComposition
from ....rules.citation import Citation
from ....rules.parameter import Parameter
from ....rules.rule import Rule
from ....rules.scope import Scope
from ..sources import (
    CIVIL_CODE,
    MEDIATION_2010,
    MEDIATION_IN_FORCE,
    OWNERS_GUIDANCE_2009,
    URBAN_2018,
    URBAN_2025,
    URBAN_2025_IN_FORCE,
)

__all__ = [
    "CLOSE_RELATIVES",
    "ELECTION_COMMITTEE",
    "MEDIATION_COMMITTEE",
    "OWNERS_COMMITTEE",
    "REPRESENTATIVES_ASSEMBLY",
    "RESIDENTS_COMMITTEE",
    "RESIDENTS_GROUP",
    "RULES",
    "SUPERVISION_COMMITTEE",
    "U16_STAND",
    "URBAN",
]

#: The community kinds the urban law governs (a village turned residential community included).
URBAN = ("urban", "village_to_residence")
RESIDENTS_COMMITTEE = Scope(BodyComposition, body_kind="residents_committee", community_kind=URBAN)
SUPERVISION_COMMITTEE = Scope(
    BodyComposition, body_kind="supervision_committee", community_kind=URBAN
)
REPRESENTATIVES_ASSEMBLY = Scope(
    BodyComposition, body_kind="representatives_assembly", community_kind=URBAN
)
ELECTION_COMMITTEE = Scope(BodyComposition, body_kind="election_committee", community_kind=URBAN)
RESIDENTS_GROUP = Scope(BodyComposition, body_kind="residents_group", community_kind=URBAN)
#: The 2018 amending decision took effect on publication; the text before is not held.
_URBAN_2018_IN_FORCE = dt.date(2018, 12, 29)
#: The mediation law and the owners' guidance apply in every kind of community.
MEDIATION_COMMITTEE = Scope(BodyComposition, body_kind="mediation_committee")
OWNERS_COMMITTEE = Scope(BodyComposition, body_kind="owners_committee")

#: Who is a close relative (近亲属): read in a secondary copy, the shared excerpt lacks it.
CLOSE_RELATIVES = Citation(
    CIVIL_CODE,
    "第一千零四十五条第二款",
    "配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女为近亲属",
    confidence="secondary",
    note="Art. 1045 is not in the shared excerpt 民法典（摘录）; read in an annotated copy of "
    "the Civil Code (民法典婚姻家庭编释论, m.novel.qq.com/read/1044619614/10).",
)
#: Who may vote and stand (选举权和被选举权): the basis of every eligibility rule on people.
U16_STAND = Citation(
    URBAN_2025,
    "第十六条第一款",
    "年满十八周岁的居民……都有选举权和被选举权；但是，依照法律被剥夺政治权利的人除外",
)
U14_BY_REPRESENTATIVES = Citation(
    URBAN_2025,
    "第十四条第一款",
    "根据居民意见，也可以由居民代表选举产生",
    note="The library's reading: representatives may elect the committee and decide what the "
    "residents' assembly of residents aged 18 and over delegates (Art. 26(1), Art. 30(2)), so "
    "a representative holds the vote of Art. 16(1): 18 or older, not deprived of political "
    "rights. The law states no separate age for representatives.",
)
U26_ADULTS = Citation(URBAN_2025, "第二十六条第一款", "居民会议由本社区十八周岁以上的居民组成")
U36_REQUIRED = Citation(URBAN_2025, "第三十六条第一款", "社区应当建立居务监督委员会")
U36_EXCLUSION = Citation(
    URBAN_2025, "第三十六条第一款", "居民委员会成员及其近亲属不得担任居务监督委员会成员"
)
U36_TERM = Citation(URBAN_2025, "第三十六条第一款", "居务监督委员会的任期与居民委员会的任期相同")
U36_CHOSEN = Citation(
    URBAN_2025,
    "第三十六条第一款",
    "其成员由居民会议或者居民代表会议在居民或者社区工作者中推选产生",
)
U15_ELECTION_COMMITTEE = Citation(
    URBAN_2025,
    "第十五条第二款",
    "居民选举委员会由主任、副主任和委员组成，由居民会议或者居民代表会议推选产生",
)
U13_LEADER = Citation(URBAN_2025, "第十三条第二款", "居民小组组长由居民小组从居民代表中推选")
U14_2018_LEADER = Citation(
    URBAN_2018,
    "第十四条",
    "居民委员会可以分设若干居民小组，小组长由居民小组推选",
    note="Cited as amended 2018-12-29, in force from that day (the text before it is not held "
    "in the shared law folder). The 2025 revision (Art. 13(2)) has the leader chosen from "
    "among the residents' representatives, from 2026-01-01.",
)
U28_SHARE = Citation(
    URBAN_2025, "第二十八条第一款", "居民代表应当占居民代表会议组成人员的五分之四以上"
)
U13_HOUSEHOLDS = Citation(
    URBAN_2025,
    "第十三条第二款",
    "居民代表由居民小组一般按每二十户至五十户推选一人产生，也可以根据实际需要在适当范围内推选产生",
)
U13_TERM = Citation(
    URBAN_2025, "第十三条第二款", "居民小组组长和居民代表的任期与居民委员会的任期相同"
)
M8_SIZE = Citation(MEDIATION_2010, "第八条第二款", "人民调解委员会由委员三至九人组成，设主任一人")
M8_WOMAN = Citation(MEDIATION_2010, "第八条第三款", "人民调解委员会应当有妇女成员")
M9_TERM = Citation(MEDIATION_2010, "第九条第二款", "人民调解委员会委员每届任期三年")
OWNERS = Citation(
    OWNERS_GUIDANCE_2009,
    "article not verified",
    "",
    confidence="secondary",
    note="Only secondary-sourced (an app copy, catalogue statutes.md E14): "
    "业委会由5至11人单数组成, 每届任期不超过5年. No verbatim text or article number was read, "
    "so these rules only warn. "
    "The guidance is taken as applying from 2010-01-01 (its effective date is not confirmed).",
)
OWNERS_FROM = dt.date(2010, 1, 1)


REPRESENTATIVE_SHARE = Parameter.share(
    "representatives-assembly.representative-share",
    "居民代表占居民代表会议组成人员的比例下限",
    "representatives' assembly: least share of representatives",
    (Fraction(4, 5), URBAN_2025_IN_FORCE, None, U28_SHARE),
)
HOUSEHOLDS_MIN = Parameter.count(
    "representatives-assembly.households-per-representative.min",
    "每名居民代表对应户数下限（一般）",
    "households per representative: fewest (as a rule)",
    (20, URBAN_2025_IN_FORCE, None, U13_HOUSEHOLDS),
    unit_zh="户",
)
HOUSEHOLDS_MAX = Parameter.count(
    "representatives-assembly.households-per-representative.max",
    "每名居民代表对应户数上限（一般）",
    "households per representative: most (as a rule)",
    (50, URBAN_2025_IN_FORCE, None, U13_HOUSEHOLDS),
    unit_zh="户",
)
REPRESENTATIVE_AGE = Parameter.count(
    "representatives-assembly.representative-age",
    "居民代表年龄下限（周岁）",
    "representatives: least age",
    (18, URBAN_2025_IN_FORCE, None, U16_STAND),
    unit_zh="周岁",
)
MEDIATION_SIZE_MIN = Parameter.count(
    "mediation-committee.size.min",
    "人民调解委员会委员人数下限",
    "mediation committee: fewest members",
    (3, MEDIATION_IN_FORCE, None, M8_SIZE),
    unit_zh="名",
)
MEDIATION_SIZE_MAX = Parameter.count(
    "mediation-committee.size.max",
    "人民调解委员会委员人数上限",
    "mediation committee: most members",
    (9, MEDIATION_IN_FORCE, None, M8_SIZE),
    unit_zh="名",
)
MEDIATION_CHAIRS = Parameter.count(
    "mediation-committee.chairs",
    "人民调解委员会主任人数",
    "mediation committee: chairs",
    (1, MEDIATION_IN_FORCE, None, M8_SIZE),
    unit_zh="名",
)
MEDIATION_TERM_YEARS = Parameter.count(
    "mediation-committee.term-years",
    "人民调解委员会委员每届任期（年）",
    "mediation committee: term in years",
    (3, MEDIATION_IN_FORCE, None, M9_TERM),
    unit_zh="年",
)
OWNERS_SIZE_MIN = Parameter.count(
    "owners-committee.size.min",
    "业主委员会人数下限（二手资料）",
    "owners' committee: fewest members (secondary source)",
    (5, OWNERS_FROM, None, OWNERS),
    unit_zh="名",
)
OWNERS_SIZE_MAX = Parameter.count(
    "owners-committee.size.max",
    "业主委员会人数上限（二手资料）",
    "owners' committee: most members (secondary source)",
    (11, OWNERS_FROM, None, OWNERS),
    unit_zh="名",
)
OWNERS_TERM_YEARS = Parameter.count(
    "owners-committee.term-years",
    "业主委员会每届任期上限（年，二手资料）",
    "owners' committee: longest term in years (secondary source)",
    (5, OWNERS_FROM, None, OWNERS),
    unit_zh="年",
)

RULES = (
    Rule(
        id="supervision-committee.required",
        title_zh="社区应当建立居务监督委员会",
        title_en="Every community has a residents' affairs supervision committee",
        kind="obligation",
        severity="must",
        # judged on the residents' committee: the community it serves must have one
        scope=RESIDENTS_COMMITTEE,
        check=_composition_checks.required_body("supervision_committee"),
        citations=(U36_REQUIRED,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="supervision-committee.exclusion",
        title_zh="居民委员会成员及其近亲属不得担任居务监督委员会成员",
        title_en="No residents' committee member or close relative of one on the supervision "
        "committee",
        kind="prohibition",
        severity="must",
        scope=SUPERVISION_COMMITTEE,
        check=_composition_checks.committee_exclusion("residents_committee"),
        citations=(U36_EXCLUSION, CLOSE_RELATIVES),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="supervision-committee.term",
        title_zh="居务监督委员会的任期与居民委员会的任期相同",
        title_en="The supervision committee's term is the residents' committee's",
        kind="obligation",
        severity="must",
        scope=SUPERVISION_COMMITTEE,
        check=_composition_checks.same_term("residents_committee"),
        citations=(U36_TERM,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="representatives-assembly.representative-share",
        title_zh="居民代表应当占居民代表会议组成人员的五分之四以上",
        title_en="Representatives are at least 4/5 of the representatives' assembly",
        kind="obligation",
        severity="must",
        scope=REPRESENTATIVES_ASSEMBLY,
        check=_composition_checks.representatives_share(
            REPRESENTATIVE_SHARE, "residents_committee", REPRESENTATIVES
        ),
        citations=(U28_SHARE,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="representatives-assembly.representative-eligibility",
        title_zh="居民代表应当年满十八周岁且未被剥夺政治权利",
        title_en="Representatives are 18 or older and hold political rights",
        kind="obligation",
        severity="must",
        scope=REPRESENTATIVES_ASSEMBLY,
        check=_body_checks.member_eligibility(REPRESENTATIVE_AGE, ("representative",)),
        citations=(U16_STAND, U14_BY_REPRESENTATIVES, U26_ADULTS),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="representatives-assembly.households",
        title_zh="居民代表一般按每二十户至五十户推选一人",
        title_en="As a rule, one representative per 20 to 50 households",
        kind="obligation",
        severity="advisory",
        scope=REPRESENTATIVES_ASSEMBLY,
        check=_composition_checks.households_per_representative(
            HOUSEHOLDS_MIN, HOUSEHOLDS_MAX, REPRESENTATIVES
        ),
        citations=(U13_HOUSEHOLDS,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="representatives-assembly.term",
        title_zh="居民代表的任期与居民委员会的任期相同",
        title_en="Representatives serve the residents' committee's term",
        kind="obligation",
        severity="must",
        scope=REPRESENTATIVES_ASSEMBLY,
        check=_composition_checks.same_term("residents_committee"),
        citations=(U13_TERM,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="mediation-committee.size",
        title_zh="人民调解委员会由委员三至九人组成",
        title_en="A people's mediation committee has 3 to 9 members",
        kind="obligation",
        severity="must",
        scope=MEDIATION_COMMITTEE,
        check=_body_checks.size(MEDIATION_SIZE_MIN, MEDIATION_SIZE_MAX),
        citations=(M8_SIZE,),
        valid_from=MEDIATION_IN_FORCE,
    ),
    Rule(
        id="mediation-committee.chair",
        title_zh="人民调解委员会设主任一人",
        title_en="A mediation committee has exactly one chair",
        kind="obligation",
        severity="must",
        scope=MEDIATION_COMMITTEE,
        check=_body_checks.chairs(MEDIATION_CHAIRS),
        citations=(M8_SIZE,),
        valid_from=MEDIATION_IN_FORCE,
    ),
    Rule(
        id="mediation-committee.woman",
        title_zh="人民调解委员会应当有妇女成员",
        title_en="A mediation committee must include a woman",
        kind="obligation",
        severity="must",
        scope=MEDIATION_COMMITTEE,
        check=_body_checks.has_woman,
        citations=(M8_WOMAN,),
        valid_from=MEDIATION_IN_FORCE,
    ),
    Rule(
        id="mediation-committee.term",
        title_zh="人民调解委员会委员每届任期三年",
        title_en="Mediation committee members serve three-year terms",
        kind="obligation",
        severity="must",
        scope=MEDIATION_COMMITTEE,
        check=_composition_checks.max_term_years(MEDIATION_TERM_YEARS),
        citations=(M9_TERM,),
        valid_from=MEDIATION_IN_FORCE,
    ),
    Rule(
        id="owners-committee.size",
        title_zh="业主委员会由5至11人组成（二手资料，仅提示）",
        title_en="An owners' committee has 5 to 11 members (secondary source; warns only)",
        kind="obligation",
        severity="advisory",
        scope=OWNERS_COMMITTEE,
        check=_body_checks.size(OWNERS_SIZE_MIN, OWNERS_SIZE_MAX),
        citations=(OWNERS,),
        valid_from=OWNERS_FROM,
    ),
    Rule(
        id="owners-committee.odd",
        title_zh="业主委员会成员为单数（二手资料，仅提示）",
        title_en="An owners' committee has an odd number of members (secondary; warns only)",
        kind="obligation",
        severity="advisory",
        scope=OWNERS_COMMITTEE,
        check=_composition_checks.odd_size,
        citations=(OWNERS,),
        valid_from=OWNERS_FROM,
    ),
    Rule(
        id="owners-committee.term",
        title_zh="业主委员会每届任期不超过5年（二手资料，仅提示）",
        title_en="An owners' committee term is at most 5 years (secondary; warns only)",
        kind="obligation",
        severity="advisory",
        scope=OWNERS_COMMITTEE,
        check=_composition_checks.max_term_years(OWNERS_TERM_YEARS),
        citations=(OWNERS,),
        valid_from=OWNERS_FROM,
    ),
    Rule(
        id="supervision-committee.chosen",
        title_zh="居务监督委员会成员由居民会议或者居民代表会议在居民或者社区工作者中推选产生",
        title_en="The supervision committee's members are chosen from among the residents or "
        "community workers by the residents' assembly or representatives' assembly",
        kind="obligation",
        severity="must",
        scope=SUPERVISION_COMMITTEE,
        check=_composition_checks.chosen_by(
            ("residents_assembly", "representatives_assembly"), "residents_or_workers"
        ),
        citations=(U36_CHOSEN,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="election-committee.chosen",
        title_zh="居民选举委员会由居民会议或者居民代表会议推选产生",
        title_en="The residents' election committee is chosen by the residents' assembly or "
        "representatives' assembly",
        kind="obligation",
        severity="must",
        scope=ELECTION_COMMITTEE,
        check=_composition_checks.chosen_by(("residents_assembly", "representatives_assembly")),
        citations=(U15_ELECTION_COMMITTEE,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="residents-group.leader",
        title_zh="居民小组组长由居民小组推选（2026年起从居民代表中推选）",
        title_en="A residents' group's leader is chosen by the group (from 2026: from among the "
        "representatives)",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_GROUP,
        check=_composition_checks.group_leader(
            URBAN_2025_IN_FORCE,
            ((_URBAN_2018_IN_FORCE, (U14_2018_LEADER,)), (URBAN_2025_IN_FORCE, (U13_LEADER,))),
        ),
        citations=(U14_2018_LEADER, U13_LEADER),
        valid_from=_URBAN_2018_IN_FORCE,
    ),
    Rule(
        id="residents-group.leader-term",
        title_zh="居民小组组长的任期与居民委员会的任期相同",
        title_en="A residents' group's leader serves the residents' committee's term",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_GROUP,
        check=_tenure_checks.leader_term("residents_committee"),
        citations=(U13_TERM,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
)
