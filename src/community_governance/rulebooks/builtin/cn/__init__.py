"""``cn``: national statutes — the urban residents' committee organic law, dated.

The residents' committee (居民委员会) rules are declared here; the other bodies' rules, the
elections, meetings, disclosure and access rules live in this package's topic modules, and
`build` assembles them in order.
"""

from __future__ import annotations

import datetime as dt

from ....checks import bodies as _body_checks
from ....checks import composition as _composition_checks
from ....checks import tenure as _tenure_checks
from ....rules.citation import Citation
from ....rules.parameter import Parameter
from ....rules.rule import Rule
from ..._rulebook import Rulebook
from .. import procedures as procedures_major_matter
from ..sources import SOURCES, URBAN_1989_IN_FORCE, URBAN_2018, URBAN_2025, URBAN_2025_IN_FORCE
from . import access as access_cn
from . import bodies as cn_bodies
from . import disclosure, meetings
from . import elections as cn_elections
from . import evaluation as cn_evaluation
from . import lists as cn_lists
from . import recall as cn_recall
from . import village as cn_village
from . import village_elections as cn_village_elections
from .bodies import CLOSE_RELATIVES, RESIDENTS_COMMITTEE, U16_STAND

_ART7_NOTE = (
    "Art. 7 is unchanged since the 1989 law took effect on 1990-01-01; cited as amended "
    "2018-12-29. Superseded by the 2025 revision (Art. 8) on 2026-01-01."
)
ART7_2018 = Citation(
    URBAN_2018, "第七条", "居民委员会由主任、副主任和委员共五至九人组成", note=_ART7_NOTE
)
ART7_2018_MINORITY = Citation(
    URBAN_2018,
    "第七条",
    "多民族居住地区，居民委员会中应当有人数较少的民族的成员",
    note=_ART7_NOTE + " The 2025 revision has no such sentence.",
)
ART8_2025 = Citation(URBAN_2025, "第八条第一款", "居民委员会由主任、副主任和委员共五至九人组成")
ART8_2025_WOMAN = Citation(URBAN_2025, "第八条第二款", "居民委员会成员中，应当有妇女成员")
ART8_2025_RELATIVES = Citation(URBAN_2025, "第八条第二款", "居民委员会成员实行近亲属回避")
ART8_2025_CROSS = Citation(
    URBAN_2025, "第八条第三款", "居民委员会成员和社区党组织领导班子成员可以交叉任职"
)
ART50_2025 = Citation(URBAN_2025, "第五十条", "本法自2026年1月1日起施行")
#: The 2018 amending decision took effect on publication (本决定自公布之日起施行).
URBAN_2018_IN_FORCE = dt.date(2018, 12, 29)
ART8_2018_TERM = Citation(
    URBAN_2018,
    "第八条",
    "居民委员会每届任期五年",
    note="Cited as amended 2018-12-29, in force from that day; the text before it is not held "
    "in the shared law folder, so the rule starts then. Superseded by the 2025 revision "
    "(Art. 14(2)) on 2026-01-01.",
)
ART14_2025_TERM = Citation(URBAN_2025, "第十四条第二款", "居民委员会每届任期五年")
ART14_2025_RENEW = Citation(
    URBAN_2025, "第十四条第二款", "居民委员会每届任期五年，届满应当及时举行换届选举"
)
ART21_2025_RESIGN = Citation(
    URBAN_2025,
    "第二十一条",
    "居民委员会成员可以向居民委员会提出辞职申请，其职务自居民会议或者居民代表会议审议通过之日起终止",
)
ART8_2018_STAND = Citation(
    URBAN_2018,
    "第八条第二款",
    "年满十八周岁的本居住地区居民……都有选举权和被选举权；但是，依照法律被剥夺政治权利的人除外",
    note="Cited as amended 2018-12-29, in force from that day (the text before it is not held "
    "in the shared law folder). Superseded by the 2025 revision (Art. 16(1)) on 2026-01-01.",
)
ART23_2025_END = Citation(
    URBAN_2025, "第二十三条", "居民委员会成员丧失行为能力或者被判处刑罚的，其职务自行终止"
)

SIZE_MIN = Parameter.count(
    "residents-committee.size.min",
    "居民委员会成员人数下限",
    "residents' committee: fewest members",
    (5, URBAN_1989_IN_FORCE, URBAN_2025_IN_FORCE, ART7_2018),
    (5, URBAN_2025_IN_FORCE, None, ART8_2025),
    unit_zh="名",
)
SIZE_MAX = Parameter.count(
    "residents-committee.size.max",
    "居民委员会成员人数上限",
    "residents' committee: most members",
    (9, URBAN_1989_IN_FORCE, URBAN_2025_IN_FORCE, ART7_2018),
    (9, URBAN_2025_IN_FORCE, None, ART8_2025),
    unit_zh="名",
)
MEMBER_AGE = Parameter.count(
    "residents-committee.member-age",
    "居民委员会成员年龄下限（周岁）",
    "residents' committee members: least age",
    (18, URBAN_2018_IN_FORCE, URBAN_2025_IN_FORCE, ART8_2018_STAND),
    (18, URBAN_2025_IN_FORCE, None, U16_STAND),
    unit_zh="周岁",
)
TERM_YEARS = Parameter.count(
    "residents-committee.term-years",
    "居民委员会每届任期（年）",
    "residents' committee: term in years",
    (5, URBAN_2018_IN_FORCE, URBAN_2025_IN_FORCE, ART8_2018_TERM),
    (5, URBAN_2025_IN_FORCE, None, ART14_2025_TERM),
    unit_zh="年",
)

#: The residents' committee rules, in the order Decisions list them.
RULES = (
    Rule(
        id="residents-committee.size",
        title_zh="居民委员会由主任、副主任和委员共五至九人组成",
        title_en="A residents' committee has 5 to 9 members (chair, vice-chairs, members)",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_COMMITTEE,
        check=_body_checks.size(SIZE_MIN, SIZE_MAX),
        citations=(ART7_2018, ART8_2025),
    ),
    Rule(
        id="residents-committee.member-eligibility",
        title_zh="居民委员会成员应当年满十八周岁且未被剥夺政治权利（被选举权）",
        title_en="Residents' committee members are 18 or older and hold political rights",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_COMMITTEE,
        check=_body_checks.member_eligibility(
            MEMBER_AGE,
            texts=((URBAN_2018_IN_FORCE, (ART8_2018_STAND,)), (URBAN_2025_IN_FORCE, (U16_STAND,))),
        ),
        citations=(ART8_2018_STAND, U16_STAND),
        valid_from=URBAN_2018_IN_FORCE,
    ),
    Rule(
        id="residents-committee.woman",
        title_zh="居民委员会成员中应当有妇女成员",
        title_en="A residents' committee must include a woman",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_COMMITTEE,
        check=_body_checks.has_woman,
        citations=(ART8_2025_WOMAN, ART50_2025),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="residents-committee.close-relative-exclusion",
        title_zh="居民委员会成员实行近亲属回避",
        title_en="No two residents' committee members may be close relatives",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_COMMITTEE,
        check=_body_checks.close_relatives,
        citations=(ART8_2025_RELATIVES, CLOSE_RELATIVES),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="residents-committee.cross-appointment",
        title_zh="居民委员会成员和社区党组织领导班子成员可以交叉任职",
        title_en="Committee members may also sit in the party organisation's leadership",
        kind="permission",
        severity="must",
        scope=RESIDENTS_COMMITTEE,
        check=_body_checks.cross_appointment("party_organization"),
        citations=(ART8_2025_CROSS,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="residents-committee.term",
        title_zh="居民委员会每届任期五年",
        title_en="A residents' committee's term is five years",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_COMMITTEE,
        check=_composition_checks.max_term_years(TERM_YEARS),
        citations=(ART8_2018_TERM, ART14_2025_TERM),
        valid_from=URBAN_2018_IN_FORCE,
    ),
    Rule(
        id="residents-committee.re-election",
        title_zh="居民委员会每届任期届满应当及时举行换届选举",
        title_en="When the residents' committee's term expires, the next committee is elected",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_COMMITTEE,
        check=_tenure_checks.re_election(TERM_YEARS),
        citations=(ART14_2025_RENEW,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="residents-committee.minority",
        title_zh="多民族居住地区，居民委员会中应当有人数较少的民族的成员（2018年文本）",
        title_en="In a multi-ethnic area the committee includes a member of a less numerous "
        "ethnic group (2018 text)",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_COMMITTEE,
        check=_composition_checks.minority_member(),
        citations=(ART7_2018_MINORITY,),
        valid_from=URBAN_1989_IN_FORCE,
        valid_to=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="residents-committee.resignation",
        title_zh="辞职的居民委员会成员，其职务自居民会议或者居民代表会议审议通过之日起终止",
        title_en="A resigning member leaves on the day the assembly approves the resignation",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_COMMITTEE,
        check=_tenure_checks.resignation,
        citations=(ART21_2025_RESIGN,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="residents-committee.automatic-termination",
        title_zh="居民委员会成员丧失行为能力或者被判处刑罚的，其职务自行终止",
        title_en="A member who loses capacity or is sentenced to a criminal penalty leaves the "
        "post",
        kind="obligation",
        severity="must",
        scope=RESIDENTS_COMMITTEE,
        check=_tenure_checks.automatic_termination(),
        citations=(ART23_2025_END,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
)


def build() -> Rulebook:
    """Build the national rulebook."""
    return Rulebook(
        id="cn",
        version="2026.1",
        title_zh="国家法律（城市居民委员会组织法等）",
        title_en="National statutes (urban residents' committee organic law, …)",
        rules=(
            *RULES,
            *cn_bodies.RULES,
            *cn_village.RULES,
            *cn_elections.RULES,
            *cn_village_elections.RULES,
            *cn_recall.RULES,
            *cn_evaluation.RULES,
            *meetings.RULES,
            *disclosure.RULES,
            *access_cn.RULES,
        ),
        parameters=(
            *cn_elections.PARAMETERS,
            *cn_village_elections.PARAMETERS,
            *cn_recall.PARAMETERS,
            *cn_evaluation.PARAMETERS,
            *disclosure.PARAMETERS,
        ),
        citations=(ART7_2018, ART50_2025),
        tables=(*meetings.TABLES, procedures_major_matter.NATIONAL_TABLE, *cn_lists.TABLES),
        sources=SOURCES,
    )
