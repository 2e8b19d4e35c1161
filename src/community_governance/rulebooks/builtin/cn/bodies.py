"""``cn`` composition rules for urban bodies (2025 urban law), mediation committees and owners'
committees; part of the national rulebook built in `cn.build`."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from ....checks import bodies as _body_checks
from ....checks import composition as _composition_checks
from ....checks.measures import REPRESENTATIVES
from ....models import BodyComposition
from ....rules.citation import Citation
from ....rules.decision import Severity
from ....rules.parameter import Parameter, ParameterKind, ParameterValue, ParameterVersion
from ....rules.rule import CheckFn, Rule, RuleKind
from ....rules.scope import Scope
from ..sources import (
    CIVIL_CODE,
    MEDIATION_2010,
    MEDIATION_IN_FORCE,
    OWNERS_GUIDANCE_2009,
    URBAN_2025,
    URBAN_2025_IN_FORCE,
)

__all__ = ["CLOSE_RELATIVES", "PARAMETERS", "RULES", "dated"]

URBAN = ("urban", "village_to_residence")
ALL_KINDS = ("urban", "village_to_residence", "rural")

#: Who is a close relative (近亲属): read in a secondary copy, the shared excerpt lacks it.
CLOSE_RELATIVES = Citation(
    CIVIL_CODE,
    "第一千零四十五条第二款",
    "配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女为近亲属",
    confidence="secondary",
    note="Art. 1045 is not in the shared excerpt 民法典（摘录）; read in an annotated copy of "
    "the Civil Code (民法典婚姻家庭编释论, m.novel.qq.com/read/1044619614/10).",
)
U8_RELATIVES = Citation(URBAN_2025, "第八条第二款", "居民委员会成员实行近亲属回避")
U8_CROSS = Citation(
    URBAN_2025, "第八条第三款", "居民委员会成员和社区党组织领导班子成员可以交叉任职"
)
U36_REQUIRED = Citation(URBAN_2025, "第三十六条第一款", "社区应当建立居务监督委员会")
U36_EXCLUSION = Citation(
    URBAN_2025, "第三十六条第一款", "居民委员会成员及其近亲属不得担任居务监督委员会成员"
)
U36_TERM = Citation(URBAN_2025, "第三十六条第一款", "居务监督委员会的任期与居民委员会的任期相同")
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


def dated(
    name: str,
    zh: str,
    en: str,
    versions: tuple[tuple[ParameterValue, dt.date, dt.date | None, Citation], ...],
    unit_zh: str = "名",
) -> Parameter:
    """A parameter from ``(value, valid_from, valid_to, citation)`` rows; the kind follows the
    values (an int is a count, a Fraction a share)."""
    kind: ParameterKind = "share" if isinstance(versions[0][0], Fraction) else "count"
    return Parameter(
        name,
        zh,
        en,
        kind,
        tuple(ParameterVersion(v, a, b, c) for v, a, b, c in versions),
        unit_zh=unit_zh,
    )


PARAMETERS = (
    dated(
        "representatives-assembly.representative-share",
        "居民代表占居民代表会议组成人员的比例下限",
        "representatives' assembly: least share of representatives",
        ((Fraction(4, 5), URBAN_2025_IN_FORCE, None, U28_SHARE),),
    ),
    dated(
        "representatives-assembly.households-per-representative.min",
        "每名居民代表对应户数下限（一般）",
        "households per representative: fewest (as a rule)",
        ((20, URBAN_2025_IN_FORCE, None, U13_HOUSEHOLDS),),
        unit_zh="户",
    ),
    dated(
        "representatives-assembly.households-per-representative.max",
        "每名居民代表对应户数上限（一般）",
        "households per representative: most (as a rule)",
        ((50, URBAN_2025_IN_FORCE, None, U13_HOUSEHOLDS),),
        unit_zh="户",
    ),
    dated(
        "mediation-committee.size.min",
        "人民调解委员会委员人数下限",
        "mediation committee: fewest members",
        ((3, MEDIATION_IN_FORCE, None, M8_SIZE),),
    ),
    dated(
        "mediation-committee.size.max",
        "人民调解委员会委员人数上限",
        "mediation committee: most members",
        ((9, MEDIATION_IN_FORCE, None, M8_SIZE),),
    ),
    dated(
        "mediation-committee.chairs",
        "人民调解委员会主任人数",
        "mediation committee: chairs",
        ((1, MEDIATION_IN_FORCE, None, M8_SIZE),),
    ),
    dated(
        "mediation-committee.term-years",
        "人民调解委员会委员每届任期（年）",
        "mediation committee: term in years",
        ((3, MEDIATION_IN_FORCE, None, M9_TERM),),
        unit_zh="年",
    ),
    dated(
        "owners-committee.size.min",
        "业主委员会人数下限（二手资料）",
        "owners' committee: fewest members (secondary source)",
        ((5, OWNERS_FROM, None, OWNERS),),
    ),
    dated(
        "owners-committee.size.max",
        "业主委员会人数上限（二手资料）",
        "owners' committee: most members (secondary source)",
        ((11, OWNERS_FROM, None, OWNERS),),
    ),
    dated(
        "owners-committee.term-years",
        "业主委员会每届任期上限（年，二手资料）",
        "owners' committee: longest term in years (secondary source)",
        ((5, OWNERS_FROM, None, OWNERS),),
        unit_zh="年",
    ),
)


def body_rule(
    *,
    id: str,
    title_zh: str,
    title_en: str,
    check: CheckFn,
    citations: tuple[Citation, ...],
    kind: RuleKind = "obligation",
    severity: Severity = "must",
    parameters: tuple[str, ...] = (),
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> Rule:
    """A composition rule (subject ``body``): an obligation that must hold unless told
    otherwise. Shared by the urban, village and Ningxia body rules."""
    return Rule(
        id=id,
        title_zh=title_zh,
        title_en=title_en,
        kind=kind,
        severity=severity,
        scope=Scope(BodyComposition),
        check=check,
        citations=citations,
        parameters=parameters,
        valid_from=valid_from,
        valid_to=valid_to,
    )


RULES = (
    body_rule(
        id="residents-committee.close-relative-exclusion",
        title_zh="居民委员会成员实行近亲属回避",
        title_en="No two residents' committee members may be close relatives",
        check=_body_checks.close_relatives("residents_committee", URBAN),
        citations=(U8_RELATIVES, CLOSE_RELATIVES),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    body_rule(
        id="residents-committee.cross-appointment",
        title_zh="居民委员会成员和社区党组织领导班子成员可以交叉任职",
        title_en="Committee members may also sit in the party organisation's leadership",
        kind="permission",
        check=_body_checks.cross_appointment("residents_committee", "party_organization", URBAN),
        citations=(U8_CROSS,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    body_rule(
        id="supervision-committee.required",
        title_zh="社区应当建立居务监督委员会",
        title_en="Every community has a residents' affairs supervision committee",
        check=_composition_checks.required_body(
            "residents_committee", "supervision_committee", URBAN
        ),
        citations=(U36_REQUIRED,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    body_rule(
        id="supervision-committee.exclusion",
        title_zh="居民委员会成员及其近亲属不得担任居务监督委员会成员",
        title_en="No residents' committee member or close relative of one on the supervision "
        "committee",
        kind="prohibition",
        check=_composition_checks.committee_exclusion(
            "supervision_committee", "residents_committee", URBAN
        ),
        citations=(U36_EXCLUSION, CLOSE_RELATIVES),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    body_rule(
        id="supervision-committee.term",
        title_zh="居务监督委员会的任期与居民委员会的任期相同",
        title_en="The supervision committee's term is the residents' committee's",
        check=_composition_checks.same_term("supervision_committee", "residents_committee", URBAN),
        citations=(U36_TERM,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    body_rule(
        id="representatives-assembly.representative-share",
        title_zh="居民代表应当占居民代表会议组成人员的五分之四以上",
        title_en="Representatives are at least 4/5 of the representatives' assembly",
        check=_composition_checks.representatives_share(
            "representatives-assembly.representative-share",
            "residents_committee",
            REPRESENTATIVES,
            URBAN,
        ),
        citations=(U28_SHARE,),
        parameters=("representatives-assembly.representative-share",),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    body_rule(
        id="representatives-assembly.households",
        title_zh="居民代表一般按每二十户至五十户推选一人",
        title_en="As a rule, one representative per 20 to 50 households",
        severity="advisory",
        check=_composition_checks.households_per_representative(
            "representatives-assembly.households-per-representative.min",
            "representatives-assembly.households-per-representative.max",
            REPRESENTATIVES,
            URBAN,
        ),
        citations=(U13_HOUSEHOLDS,),
        parameters=(
            "representatives-assembly.households-per-representative.min",
            "representatives-assembly.households-per-representative.max",
        ),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    body_rule(
        id="representatives-assembly.term",
        title_zh="居民代表的任期与居民委员会的任期相同",
        title_en="Representatives serve the residents' committee's term",
        check=_composition_checks.same_term(
            "representatives_assembly", "residents_committee", URBAN
        ),
        citations=(U13_TERM,),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    body_rule(
        id="mediation-committee.size",
        title_zh="人民调解委员会由委员三至九人组成",
        title_en="A people's mediation committee has 3 to 9 members",
        check=_body_checks.size(
            "mediation_committee",
            "mediation-committee.size.min",
            "mediation-committee.size.max",
            ALL_KINDS,
        ),
        citations=(M8_SIZE,),
        parameters=("mediation-committee.size.min", "mediation-committee.size.max"),
        valid_from=MEDIATION_IN_FORCE,
    ),
    body_rule(
        id="mediation-committee.chair",
        title_zh="人民调解委员会设主任一人",
        title_en="A mediation committee has exactly one chair",
        check=_body_checks.chairs("mediation_committee", "mediation-committee.chairs", ALL_KINDS),
        citations=(M8_SIZE,),
        parameters=("mediation-committee.chairs",),
        valid_from=MEDIATION_IN_FORCE,
    ),
    body_rule(
        id="mediation-committee.woman",
        title_zh="人民调解委员会应当有妇女成员",
        title_en="A mediation committee must include a woman",
        check=_body_checks.has_woman("mediation_committee", ALL_KINDS),
        citations=(M8_WOMAN,),
        valid_from=MEDIATION_IN_FORCE,
    ),
    body_rule(
        id="mediation-committee.term",
        title_zh="人民调解委员会委员每届任期三年",
        title_en="Mediation committee members serve three-year terms",
        check=_composition_checks.max_term_years(
            "mediation_committee", "mediation-committee.term-years", ALL_KINDS
        ),
        citations=(M9_TERM,),
        parameters=("mediation-committee.term-years",),
        valid_from=MEDIATION_IN_FORCE,
    ),
    body_rule(
        id="owners-committee.size",
        title_zh="业主委员会由5至11人组成（二手资料，仅提示）",
        title_en="An owners' committee has 5 to 11 members (secondary source; warns only)",
        severity="advisory",
        check=_body_checks.size(
            "owners_committee", "owners-committee.size.min", "owners-committee.size.max", ALL_KINDS
        ),
        citations=(OWNERS,),
        parameters=("owners-committee.size.min", "owners-committee.size.max"),
        valid_from=OWNERS_FROM,
    ),
    body_rule(
        id="owners-committee.odd",
        title_zh="业主委员会成员为单数（二手资料，仅提示）",
        title_en="An owners' committee has an odd number of members (secondary; warns only)",
        severity="advisory",
        check=_composition_checks.odd_size("owners_committee", ALL_KINDS),
        citations=(OWNERS,),
        valid_from=OWNERS_FROM,
    ),
    body_rule(
        id="owners-committee.term",
        title_zh="业主委员会每届任期不超过5年（二手资料，仅提示）",
        title_en="An owners' committee term is at most 5 years (secondary; warns only)",
        severity="advisory",
        check=_composition_checks.max_term_years(
            "owners_committee", "owners-committee.term-years", ALL_KINDS
        ),
        citations=(OWNERS,),
        parameters=("owners-committee.term-years",),
        valid_from=OWNERS_FROM,
    ),
)
