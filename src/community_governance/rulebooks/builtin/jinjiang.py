"""``cn.sichuan.chengdu.jinjiang``: Chengdu Jinjiang district's 2011 community reform."""

from __future__ import annotations

from fractions import Fraction

from ...checks import proposals
from ...models import Proposal
from ...rules.citation import Citation
from ...rules.parameter import Parameter
from ...rules.rule import Rule
from ...rules.scope import Scope
from .._rulebook import Rulebook
from . import procedures as procedures_major_matter
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
        rules=RULES,
        citations=(REPORT,),
        tables=(procedures_major_matter.JINJIANG_TABLE,),
    )
