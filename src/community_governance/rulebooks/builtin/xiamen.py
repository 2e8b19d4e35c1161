"""``cn.fujian.xiamen``: Xiamen's report on community governance (seed 000, "美丽厦门共同缔造").

The report is a progress report; little of it states a rule. Its community kinds — urban
(城市社区), village-to-residence (村改居) and rural (农村社区) — are the library's
`CommunityKind`, on which every scope selects. Two mechanisms of the 村改居 transition become
rules that warn (advisory), because the report describes what some communities did, not what
all must do:

- money from collective assets for public facilities is decided by the residents: a residents'
  assembly vote, democratic consultation «等自治形式» (and like self-governing forms, among
  which the library counts a representatives' assembly vote);
- a 村改居 community has a community service station (82 of 155 had one: a progress figure).

Dating: the report is undated. The copy held mentions full-year figures for 2023 (2023年财政
总收入, 截止2023年), although the seeds' catalogue dates it ~2014 and those years look like
conversion artefacts (the copy also reads 20xx年 and xx区). Taking the text as held, it is no
older than 2024-01-01, and its rules start then: later than the catalogue's date, so that they
never apply to facts before the text can have existed.
"""

from __future__ import annotations

import datetime as dt

from ...checks import collective_assets
from ...checks import composition as _composition_checks
from ...models import BodyComposition
from ...models.collective_assets import CollectiveAssetSpending
from ...rules.citation import Citation
from ...rules.rule import Rule
from ...rules.scope import Scope
from .._rulebook import Rulebook

__all__ = ["SEED_XIAMEN", "XIAMEN_FROM", "build"]

SEED_XIAMEN = "000_614ec7aeb38a72ba.txt"
#: The first day after the latest full year the report's copy gives figures for (2023).
XIAMEN_FROM = dt.date(2024, 1, 1)
_NOTE = (
    "city progress report, undated: the copy held gives full-year figures for 2023, so its "
    "rules start on 2024-01-01 (the catalogue's ~2014 is earlier; the years look like "
    "conversion artefacts); what some communities did is read as guidance (advisory). The "
    "copy writes 效劳 for 服务 and drops closing quotation marks"
)

REPORT = Citation(
    SEED_XIAMEN,
    "§一 一是 (dated)",
    "2023年财政总收入达133.02亿元",
    note=_NOTE,
)
KINDS = Citation(
    SEED_XIAMEN,
    "§三 二是",
    "我市现有178个城市社区、155个“村改居社区、151个农村社区",
    note=_NOTE,
)
ASSET_VOTE = Citation(
    SEED_XIAMEN,
    "§三 一是",
    "通过居民大会表决、民主协商等自治形式,从集体资产中拨付资金",
    note=_NOTE + "; 等自治形式 (and like self-governing forms): a representatives' assembly "
    "vote is counted as one",
)
STATIONS = Citation(
    SEED_XIAMEN,
    "§三 一是",
    "全市155个“村改居社区中有82个建立了社区综合效劳站",
    note=_NOTE + "; 82 of 155 is a progress figure; the rule is the station itself",
)

SELF_GOVERNING = (
    "residents_assembly_vote",
    "representatives_assembly_vote",
    "democratic_consultation",
)
VILLAGE_TO_RESIDENCE = Scope(
    BodyComposition, body_kind="residents_committee", community_kind="village_to_residence"
)

RULES = (
    Rule(
        id="collective-assets.public-facility-decision",
        title_zh="“村改居”社区通过居民大会表决、民主协商等自治形式，从集体资产中拨付资金建设"
        "公共服务设施",
        title_en="A village-to-residence community pays for public facilities out of collective "
        "assets only by a residents' vote, democratic consultation or a like self-governing form",
        kind="obligation",
        severity="advisory",
        scope=Scope(CollectiveAssetSpending, community_kind="village_to_residence"),
        check=collective_assets.decided_by(SELF_GOVERNING),
        citations=(ASSET_VOTE,),
        valid_from=XIAMEN_FROM,
    ),
    Rule(
        id="service-station.village-to-residence",
        title_zh="“村改居”社区建立社区综合服务站",
        title_en="A village-to-residence community has a community service station",
        kind="obligation",
        severity="advisory",
        scope=VILLAGE_TO_RESIDENCE,
        check=_composition_checks.required_body("service_station"),
        citations=(STATIONS,),
        valid_from=XIAMEN_FROM,
    ),
)


def build(parent: Rulebook) -> Rulebook:
    """Build the Xiamen rulebook on top of ``cn``."""
    return parent.extend(
        "cn.fujian.xiamen",
        "2024.1",
        title_zh="厦门市创新社区治理体制（美丽厦门共同缔造）",
        title_en="Xiamen community governance reform (Beautiful Xiamen co-creation)",
        rules=RULES,
        citations=(REPORT, KINDS),
    )
