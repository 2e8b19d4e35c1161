"""Village meetings: the villagers' assembly (村民会议), the village representatives' assembly
(村民代表会议) and the villager-group meeting (村民小组会议).

The 2018 text applies until 2025-12-31 and the 2025 amendment from 2026-01-01; the numbers
are the same, but the amendment allows short notice in special circumstances.

Both texts end the assembly's pass rule «法律对召开村民会议及作出决定另有规定的，依照其规定»;
two such laws are modelled as `OtherLaw` majorities of all members: the land-contracting plan
(农村土地承包法 Art. 19(三), read in a secondary copy) and, from 2025-05-01, collective property
and members' rights where the village committee (or the group) acts for the collective
economic organisation (农村集体经济组织法 Art. 64(2), Art. 27(3)) — a fact the record does not
hold, so a motion is judged only where the answer does not depend on it.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from .....checks.pass_rules import OtherLaw, PassRule, Share
from .....models.meeting import Matter
from .....rules.citation import Citation
from .....rules.parameter import Parameter
from .....rules.table import TableEntry
from .....rules.threshold import Quantifier
from .....rules.validity import Validity
from ...sources import URBAN_2025_IN_FORCE, VILLAGE_2018, VILLAGE_2025
from .collective import COLLECTIVE_LAW, COLLECTIVE_LAW_IN_FORCE

#: The 2018 amendment of the village organic law (earlier texts are not modelled).
VILLAGE_2018_AMENDED = dt.date(2018, 12, 29)
OLD = VILLAGE_2018_AMENDED
#: The 2025 amendment is applied from 2026-01-01, like the urban revision.
NEW = URBAN_2025_IN_FORCE
_NOTE_2018 = "text as amended 2018-12-29; earlier texts are not modelled"
_NOTE_2025 = (
    "in force from 2026-01-01 (主席令第五十九号: 自2026年1月1日起施行, read in a secondary copy by "
    "the legal review, §4(b)); the consolidated text's 本法自公布之日起施行 is the 1998 clause "
    "carried forward"
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
    "村民会议所作决定应当经到会人员的过半数通过。"
    "法律对召开村民会议及作出决定另有规定的，依照其规定。",
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
    "村民会议所作决定应当经到会人员的过半数通过。"
    "法律对召开村民会议及作出决定另有规定的，依照其规定。",
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

#: 农村土地承包法 is not in shared/law: the review's wording, read in a secondary copy.
LAND_CONTRACTING_LAW = "农村土地承包法"
ART19_LAND_CONTRACTING = Citation(
    LAND_CONTRACTING_LAW,
    "第十九条第三项",
    "承包方案应当…依法经本集体经济组织成员的村民会议三分之二以上成员或者三分之二以上村民代表的同意",
    confidence="secondary",
    note="read only in a secondary copy (legal review 2026-11, external), quoted in its "
    "wording with its ellipsis; the article number is that of the text as amended in 2018. "
    "Applied from 2018-12-29, the first day the village law is modelled. A villagers' "
    "assembly's members are the villagers aged 18 and over, so the share is taken of the "
    "adults entitled; a record of household representatives does not give that number",
)
ART64_ACTING = Citation(
    COLLECTIVE_LAW,
    "第六十四条第二款",
    "村民委员会、村民小组依法代行农村集体经济组织职能的，讨论决定有关集体财产和成员权益的事项参照"
    "适用本法的相关规定。",
)
_VIA_64 = (
    "applied by reference (参照适用, Art. 64(2); 村民委员会组织法 2018 Art. 24(3) 法律对讨论决定村"
    "集体经济组织财产和成员权益的事项另有规定的，依照其规定, 2025 Art. 28(4)) to the village's "
    "meetings when the village committee or the villager group acts for the collective economic "
    "organisation; the village's meeting stands in the members' (representatives') assembly's "
    "place, so its own members — the adults entitled — are the base"
)
ART27_ALL_MEMBERS = Citation(
    COLLECTIVE_LAW,
    "第二十七条第三款",
    "成员大会作出决定，应当经本农村集体经济组织成员大会全体成员三分之二以上同意",
    note=_VIA_64,
)
ART15_NON_MEMBERS = Citation(
    COLLECTIVE_LAW,
    "第十五条",
    "非农村集体经济组织成员长期在农村集体经济组织工作，对集体做出贡献的，经农村集体经济组织成员大会"
    "全体成员四分之三以上同意，可以享有本法第十三条第七项、第九项、第十项规定的权利。",
    note=_VIA_64,
)
ART28_ALL_REPRESENTATIVES = Citation(
    COLLECTIVE_LAW,
    "第二十八条第五款",
    "成员代表大会作出决定，应当经全体成员代表三分之二以上同意。",
    note=_VIA_64,
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


LAND_CONTRACTING = Parameter.share(
    "meeting.villagers-assembly.land-contracting.majority",
    "土地承包方案所需村民会议成员比例（以上）",
    "villagers' assembly: share of ALL its members whose consent a land-contracting plan needs",
    (TWO_THIRDS, OLD, None, ART19_LAND_CONTRACTING),
)
REPS_LAND_CONTRACTING = Parameter.share(
    "meeting.representatives-assembly.village.land-contracting.majority",
    "土地承包方案所需村民代表比例（以上）",
    "village representatives' assembly: share of ALL village representatives whose consent a "
    "land-contracting plan needs",
    (TWO_THIRDS, OLD, None, ART19_LAND_CONTRACTING),
)
ACTING_MAJORITY = Parameter.share(
    "meeting.village.acting-for-collective.majority",
    "代行农村集体经济组织职能时，集体财产和成员权益事项所需全体成员比例（以上）",
    "village meetings acting for the collective: share of ALL members needed to decide "
    "collective property and members' rights (at least)",
    (TWO_THIRDS, COLLECTIVE_LAW_IN_FORCE, None, ART27_ALL_MEMBERS),
)
ACTING_NON_MEMBERS = Parameter.share(
    "meeting.village.acting-for-collective.non-member-rights.majority",
    "代行农村集体经济组织职能时，非成员享有成员部分权利所需全体成员比例（以上）",
    "village meetings acting for the collective: share of ALL members needed to extend "
    "members' rights to a non-member (at least)",
    (Fraction(3, 4), COLLECTIVE_LAW_IN_FORCE, None, ART15_NON_MEMBERS),
)
REPS_ACTING_MAJORITY = Parameter.share(
    "meeting.representatives-assembly.village.acting-for-collective.majority",
    "代行农村集体经济组织职能时，集体财产和成员权益事项所需全体代表比例（以上）",
    "village representatives' assembly acting for the collective: share of ALL representatives "
    "needed to decide collective property and members' rights (at least)",
    (TWO_THIRDS, COLLECTIVE_LAW_IN_FORCE, None, ART28_ALL_REPRESENTATIVES),
)

#: The matters of collective property and members' rights (集体财产和成员权益) among the
#: modelled matters: the members' assembly's powers of 农村集体经济组织法 Art. 26(1) (七)
#: 收益分配, (八) 宅基地使用, (九)–(十一) 集体资产、土地补偿费、投资. The land-contracting
#: plan, also item (八), has its own statute (`LAND_CONTRACTING`): the same two thirds.
COLLECTIVE_MATTERS: frozenset[Matter] = frozenset(
    {
        "collective_income_use",
        "collective_project",
        "homestead",
        "land_compensation",
        "collective_property",
    }
)
#: A non-member's rights (Art. 15): three quarters of all members, the village's meeting
#: standing in the members' assembly's place when it acts for the collective.
_NON_MEMBERS: frozenset[Matter] = frozenset({"non_member_rights"})
_NON_MEMBERS_KEY = "acting-for-collective.non-member-rights"
_SINCE_2018, _SINCE_COLLECTIVE_LAW = Validity(OLD, None), Validity(COLLECTIVE_LAW_IN_FORCE, None)
_ACTING_ZH = "村民委员会代行农村集体经济组织职能"
_ACTING_EN = "the village committee acts for the collective economic organisation"


def _land_contracting(share: Parameter, measured: bool) -> OtherLaw:
    return OtherLaw(
        key="land-contracting",
        title_zh="农村土地承包法（承包方案须经村民会议三分之二以上成员或者三分之二以上村民代表同意）",
        title_en="the land-contracting law (a contracting plan needs two thirds of the villagers' "
        "assembly's members or of the village representatives)",
        matters=frozenset({"land_contracting"}),
        majority=(Share(_AT_LEAST, share),),
        validity=_SINCE_2018,
        citation=ART19_LAND_CONTRACTING,
        measured_by=("adults",) if measured else (),
        base_zh="村民会议全体成员（本村十八周岁以上村民）" if measured else "全体村民代表",
        base_en="all the assembly's members (villagers aged 18 and over)"
        if measured
        else "all village representatives",
    )


def _acting(
    share: Parameter,
    group: bool,
    measured: bool,
    matters: frozenset[Matter] = COLLECTIVE_MATTERS,
    key: str = "acting-for-collective",
) -> OtherLaw:
    who_zh = "村民小组代行农村集体经济组织职能" if group else _ACTING_ZH
    who_en = (
        "the villager group acts for the collective economic organisation" if group else _ACTING_EN
    )
    non_members = "non_member_rights" in matters
    return OtherLaw(
        key=key,
        title_zh="农村集体经济组织法（代行职能时，非成员享有成员部分权利须经全体成员四分之三以上同意）"
        if non_members
        else "农村集体经济组织法（代行职能时，集体财产和成员权益事项须经全体成员三分之二以上同意）",
        title_en="the collective economic organisation law (acting for the collective, a "
        "non-member's rights need three quarters of all members)"
        if non_members
        else "the collective economic organisation law (acting for the collective, collective "
        "property and members' rights need two thirds of all members)",
        matters=matters,
        majority=(Share(_AT_LEAST, share),),
        validity=_SINCE_COLLECTIVE_LAW,
        citation=ART64_ACTING,
        measured_by=("adults",) if measured else (),
        base_zh="全体成员" if measured else "全体代表",
        base_en="all members" if measured else "all representatives",
        condition_zh=who_zh,
        condition_en=who_en,
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
        other_laws=(
            _land_contracting(LAND_CONTRACTING, measured=True),
            _acting(ACTING_MAJORITY, group=False, measured=True),
            _acting(ACTING_NON_MEMBERS, False, True, _NON_MEMBERS, _NON_MEMBERS_KEY),
        ),
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
    # the record counts the assembly's members (组成人员), not its representatives
    other_laws=(
        _land_contracting(REPS_LAND_CONTRACTING, measured=False),
        _acting(REPS_ACTING_MAJORITY, group=False, measured=False),
        _acting(ACTING_NON_MEMBERS, False, False, _NON_MEMBERS, _NON_MEMBERS_KEY),
    ),
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
    other_laws=(
        _acting(ACTING_MAJORITY, group=True, measured=True),
        _acting(ACTING_NON_MEMBERS, True, True, _NON_MEMBERS, _NON_MEMBERS_KEY),
    ),
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
    "majority": (
        ART22_2018,
        ART26_2025,
        ART26_2018,
        ART30_2025,
        ART28_2018,
        ART32_2025,
        ART19_LAND_CONTRACTING,
        ART64_ACTING,
        ART15_NON_MEMBERS,
    ),
}
