"""``cn.sichuan.chengdu.jinjiang``: Chengdu Jinjiang district's 2011 community reform.

Besides the major-matter proposals, the report describes the rest of the reform as practice
the district runs: social organisations admitted by registration or by filing with the street
office and the start-up support they get, the funds per street office and per community,
residents' direct evaluation of community cadres, standing representatives and the party
secretary chairing the assembly's working committee. Each is a rule here, dated from the
report (it does not say when each practice began).
"""

from __future__ import annotations

from fractions import Fraction

from ...checks import cadre_evaluation, funding_standards, governance, proposals
from ...checks import social_organizations as organizations
from ...models import BodyComposition, Proposal
from ...models.cadre_evaluation import CadreEvaluation
from ...models.funding import FundAllocation
from ...models.social_organization import SocialOrganization
from ...rules.citation import Citation
from ...rules.parameter import Parameter
from ...rules.rule import Rule
from ...rules.scope import Scope
from .._rulebook import Rulebook
from . import procedures as procedures_major_matter
from .cn.bodies import REPRESENTATIVES_ASSEMBLY, URBAN
from .sources import JINJIANG_2011, SEED_JINJIANG

_DATE_NOTE = (
    "valid from the report's publication date (2011-02-22); the report describes a "
    "practice already in use, whose exact start date it does not give"
)
SPONSORSHIP = Citation(
    SEED_JINJIANG,
    "§二 成效“二是”",
    "凡社区重大事项均由10%以上社区居民代表或者50户以上居民提出议案",
    note=_DATE_NOTE,
)
PARTY_INITIATIVE = Citation(
    SEED_JINJIANG, "§二(一)", "社区党组织对社区重大事项拥有提案权", note=_DATE_NOTE
)
REPORT = Citation(
    SEED_JINJIANG,
    "首部 (dated)",
    "2011年02月22日09:37  来源:中直党建网",
    note="a district report on its reform, not a normative document",
)

#: The share of the representatives serving on the day who must sponsor (以上: inclusive).
REPRESENTATIVE_SHARE = Parameter.share(
    "proposal.sponsorship.representative-share",
    "提出议案所需居民代表比例（以上）",
    "share of representatives needed to propose (inclusive)",
    (Fraction(1, 10), JINJIANG_2011, None, SPONSORSHIP),
)
#: The households that must sponsor (以上: inclusive).
HOUSEHOLDS = Parameter.count(
    "proposal.sponsorship.households",
    "提出议案所需居民户数（以上）",
    "households needed to propose (inclusive)",
    (50, JINJIANG_2011, None, SPONSORSHIP),
    unit_zh="户",
)

DUAL_TRACK = Citation(
    SEED_JINJIANG,
    "§三(一) 二是",
    "实施登记备案双轨制管理。锦江区在坚持依法登记基础上,对暂不符合登记条件的社会组织,在街道"
    "备案后即享有开展“合法”活动的身份",
    note=_DATE_NOTE,
)
START_UP_GRANT = Citation(
    SEED_JINJIANG,
    "§三(二) 一是",
    "给予新成立社会组织一次性开办扶持资金,登记的按最高2万元/个标准扶持,备案的按最高5000元/个"
    "标准扶持",
    note=_DATE_NOTE,
)
ASSESSMENT = Citation(
    SEED_JINJIANG,
    "§三(一) 三是",
    "每年对社会组织进行免费综合评估,评估结果对外公开并作为得到政府扶持的重要依据",
    note=_DATE_NOTE + "; 每年 (yearly) names no duty to assess every organisation every "
    "year, so the rule judges the assessments held",
)
FUNDING = Citation(
    SEED_JINJIANG,
    "§一(三)",
    "区财政按照每个街道125万元、每个社区24万元的标准安排公共服务和社会管理专项资金,足额保障街道、"
    "社区履行职能所必须的经费",
    note=_DATE_NOTE + "; 足额保障 (in full) reads the standard as the least a recipient gets",
)
DIRECT_EVALUATION = Citation(
    SEED_JINJIANG,
    "§二 成效“二是”",
    "在全省率先开展“居民直评社区干部”工作,评议结果现场公布并与奖惩挂钩",
    note=_DATE_NOTE,
)
STANDING = Citation(
    SEED_JINJIANG,
    "§二(二)",
    "实行居民代表常任制和社区重大事项提案制",
    note=_DATE_NOTE + "; the report names the standing system (常任制) without its terms: the "
    "rule reads it as a mandate that runs with the assembly's term",
)
WORKING_CHAIR = Citation(
    SEED_JINJIANG,
    "§二(一)",
    "通过社区党组织书记担任社区居民代表会议工作委员会主任",
    note=_DATE_NOTE,
)

#: The most a registered organisation gets as start-up support (最高: inclusive).
GRANT_REGISTERED_MAX = Parameter.count(
    "social-organization.start-up-grant.registered.max",
    "登记的社会组织开办扶持资金上限（最高）",
    "start-up support for a registered organisation: most (inclusive)",
    (20000, JINJIANG_2011, None, START_UP_GRANT),
    unit_zh="元",
)
#: The most a filed organisation gets as start-up support (最高: inclusive).
GRANT_FILED_MAX = Parameter.count(
    "social-organization.start-up-grant.filed.max",
    "备案的社会组织开办扶持资金上限（最高）",
    "start-up support for a filed organisation: most (inclusive)",
    (5000, JINJIANG_2011, None, START_UP_GRANT),
    unit_zh="元",
)
#: The public-service and social-management fund per street office, per year.
STREET_OFFICE_FUND = Parameter.count(
    "funding.street-office.amount",
    "每个街道公共服务和社会管理专项资金标准",
    "public-service and social-management fund per street office",
    (1_250_000, JINJIANG_2011, None, FUNDING),
    unit_zh="元",
)
#: The public-service and social-management fund per community, per year.
COMMUNITY_FUND = Parameter.count(
    "funding.community.amount",
    "每个社区公共服务和社会管理专项资金标准",
    "public-service and social-management fund per community",
    (240_000, JINJIANG_2011, None, FUNDING),
    unit_zh="元",
)
ORGANIZATION = Scope(SocialOrganization)
WORKING_COMMITTEE = Scope(
    BodyComposition, body_kind="assembly_working_committee", community_kind=URBAN
)

#: Social organisations, funds, cadre evaluation and the assembly: the report's other practice.
REFORM_RULES = (
    Rule(
        id="social-organization.dual-track",
        title_zh="社会组织依法登记，暂不符合登记条件的在街道备案后开展活动",
        title_en="A social organisation acts once registered, or, not yet eligible to register, "
        "once filed with the street office",
        kind="obligation",
        severity="must",
        scope=ORGANIZATION,
        check=organizations.dual_track,
        citations=(DUAL_TRACK,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="social-organization.start-up-grant",
        title_zh="开办扶持资金：登记的最高{social-organization.start-up-grant.registered.max}元，"
        "备案的最高{social-organization.start-up-grant.filed.max}元",
        title_en="Start-up support: at most {social-organization.start-up-grant.registered.max} "
        "yuan for a registered organisation, {social-organization.start-up-grant.filed.max} "
        "yuan for a filed one",
        kind="prohibition",
        severity="must",
        scope=ORGANIZATION,
        check=organizations.start_up_grant(GRANT_REGISTERED_MAX, GRANT_FILED_MAX),
        citations=(START_UP_GRANT,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="social-organization.one-start-up-grant",
        title_zh="开办扶持资金一次性给予",
        title_en="Start-up support is paid once",
        kind="prohibition",
        severity="must",
        scope=ORGANIZATION,
        check=organizations.one_start_up_grant,
        citations=(START_UP_GRANT,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="social-organization.assessment",
        title_zh="社会组织综合评估免费进行，评估结果对外公开",
        title_en="Social organisations are assessed free of charge and the results published",
        kind="obligation",
        severity="must",
        scope=ORGANIZATION,
        check=organizations.assessment,
        citations=(ASSESSMENT,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="funding.street-office-standard",
        title_zh="区财政按照每个街道{funding.street-office.amount}元的标准安排公共服务和社会管理"
        "专项资金",
        title_en="Each street office gets at least {funding.street-office.amount} yuan a year of "
        "public-service and social-management funds",
        kind="obligation",
        severity="must",
        scope=Scope(FundAllocation, recipient="street_office"),
        check=funding_standards.meets_standard(STREET_OFFICE_FUND),
        citations=(FUNDING,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="funding.community-standard",
        title_zh="区财政按照每个社区{funding.community.amount}元的标准安排公共服务和社会管理专项"
        "资金",
        title_en="Each community gets at least {funding.community.amount} yuan a year of "
        "public-service and social-management funds",
        kind="obligation",
        severity="must",
        scope=Scope(FundAllocation, recipient="community"),
        check=funding_standards.meets_standard(COMMUNITY_FUND),
        citations=(FUNDING,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="cadre-evaluation.by-residents",
        title_zh="居民直评社区干部",
        title_en="The residents evaluate the community cadres directly",
        kind="obligation",
        severity="must",
        scope=Scope(CadreEvaluation),
        check=cadre_evaluation.by_residents,
        citations=(DIRECT_EVALUATION,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="cadre-evaluation.on-the-spot",
        title_zh="评议结果现场公布",
        title_en="The results are announced on the spot",
        kind="obligation",
        severity="must",
        scope=Scope(CadreEvaluation),
        check=cadre_evaluation.announced_on_the_spot,
        citations=(DIRECT_EVALUATION,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="cadre-evaluation.tied-to-rewards",
        title_zh="评议结果与奖惩挂钩",
        title_en="The results count for the cadres' rewards and penalties",
        kind="obligation",
        severity="must",
        scope=Scope(CadreEvaluation),
        check=cadre_evaluation.tied_to_rewards,
        citations=(DIRECT_EVALUATION,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="representatives-assembly.standing",
        title_zh="实行居民代表常任制",
        title_en="Representatives hold standing mandates for the assembly's term",
        kind="obligation",
        severity="must",
        scope=REPRESENTATIVES_ASSEMBLY,
        check=governance.standing_mandates,
        citations=(STANDING,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="assembly-working-committee.chair",
        title_zh="社区党组织书记担任社区居民代表会议工作委员会主任",
        title_en="The community party secretary chairs the representatives' assembly's working "
        "committee",
        kind="obligation",
        severity="must",
        scope=WORKING_COMMITTEE,
        check=governance.chaired_by("party_organization"),
        citations=(WORKING_CHAIR,),
        valid_from=JINJIANG_2011,
    ),
)

RULES = (
    Rule(
        id="proposal.sponsorship",
        title_zh="社区重大事项由{proposal.sponsorship.representative-share}以上社区居民代表"
        "或者{proposal.sponsorship.households}户以上居民提出议案",
        title_en="A major matter is proposed by at least "
        "{proposal.sponsorship.representative-share} of the representatives or at least "
        "{proposal.sponsorship.households} households",
        kind="obligation",
        severity="must",
        scope=Scope(Proposal),
        check=proposals.sponsorship(REPRESENTATIVE_SHARE, HOUSEHOLDS),
        citations=(SPONSORSHIP,),
        valid_from=JINJIANG_2011,
    ),
    Rule(
        id="proposal.party-initiative",
        title_zh="社区党组织对社区重大事项拥有提案权",
        title_en="The community party organisation may propose major matters",
        kind="permission",
        severity="must",
        scope=Scope(Proposal),
        check=proposals.party_initiative,
        citations=(PARTY_INITIATIVE,),
        valid_from=JINJIANG_2011,
    ),
)


def build(parent: Rulebook) -> Rulebook:
    """Build the Jinjiang rulebook on top of ``cn``."""
    return parent.extend(
        "cn.sichuan.chengdu.jinjiang",
        "2011.1",
        title_zh="成都市锦江区基层社会管理体制改革（2011）",
        title_en="Chengdu Jinjiang district grassroots governance reform (2011)",
        # the reform's other rules first: the proposal rules stay the last two, as before
        rules=(*REFORM_RULES, *RULES),
        citations=(REPORT,),
        tables=(procedures_major_matter.JINJIANG_TABLE,),
    )
