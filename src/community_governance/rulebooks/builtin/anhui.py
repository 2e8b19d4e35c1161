"""``cn.anhui``: Anhui's 2022 access system (准入), 权随责走 and the shape of its lists.

Seed 002 is undated; it is no older than the report to the 20th Party Congress it quotes
(2022-10-16), and Anhui's rules, texts and declared lists start then (the legal review of
2026-11, D9: "date it from the earliest document actually read"). Its 权随责走 is reported as a
policy drive («推动…严格遵循»), not read in a provincial text: the rule is advisory until one
is.

Seed 002 gives the sizes of Anhui's guidance list (17 duties, 38 assistance items, 7 items
not to undertake) and of its two batches of certificates not to issue (41), not the items.
This rulebook declares those sizes (rows of the ``work-item.lists.declared`` table) and holds
none of the items: until a list file supplies them (`load_work_item_lists`), an item found on
no list is ``indeterminate``, not refused.

What the seed reports as achieved across the province — a consultation committee in every
village and community, more than 32 m² of service rooms per hundred households, rural service
facilities of more than 300 m² on average — is read as Anhui's benchmark for one community
and only warns (advisory): the seed states averages and coverage, not a duty. 超 is exclusive.
"""

from __future__ import annotations

from ...checks import access as checks
from ...checks import facilities
from ...checks.access import Ground, grounded, reground
from ...checks.lists import LISTED
from ...checks.work_item_lists import DeclaredCount, declared_table
from ...models import WorkItem
from ...models.facility import CommunityFacilities
from ...rules.citation import Citation
from ...rules.parameter import Parameter
from ...rules.rule import Rule
from ...rules.scope import Scope
from .._rulebook import Replace, Rulebook
from .sources import ANHUI_SEED_EARLIEST, SEED_ANHUI

_NOTE = (
    "provincial case study reporting 2022 work; undated, it quotes the report to the 20th "
    "Party Congress (2022-10-16) as given, so its texts are applied from 2022-10-16"
)
_REDUCE = "“坚持减负增效的治理导向”段 一是"
AH_ACCESS = Citation(SEED_ANHUI, _REDUCE, "严格落实社区事项“准入制度”", note=_NOTE)
AH_FOLLOW = Citation(
    SEED_ANHUI,
    _REDUCE,
    "推动政府相关职能部门严格遵循“费随事转、权随责走”原则",
    note=_NOTE,
)
AH_SUPPORT = Citation(
    SEED_ANHUI, _REDUCE, "在业务上给予指导,在人员上给予支持,在经费上给予保障", note=_NOTE
)
AH_LIST = Citation(
    SEED_ANHUI,
    "“优化服务方面”段",
    "梳理依法履职事项17条,依法协助政府事项38条,不应承担工作事项7条,出台两批不应出具证明事项共41条",
    note=_NOTE + "; the seed gives the counts only, not the items",
)
_SERVICES = "“党建引领”段 构建体系方面"
AH_SPACE = Citation(
    SEED_ANHUI,
    _SERVICES,
    "每百户居民平均拥有社区服务用房面积超32平方米",
    note=_NOTE + "; a provincial average, read as the benchmark for one community (advisory)",
)
AH_RURAL_FACILITY = Citation(
    SEED_ANHUI,
    _SERVICES,
    "农村社区建设试点县(市)、一站式服务大厅实现全覆盖,综合服务设施面积平均超300平方米",
    note=_NOTE + "; an average over the rural pilot counties, read as the benchmark for one "
    "rural community (advisory)",
)
AH_CONSULTATION = Citation(
    SEED_ANHUI,
    "“发展基层民主方面”段",
    "村(社区)协商委员会实现全覆盖",
    note=_NOTE + "; reported as achieved (全覆盖), not stated as a duty: the rule warns",
)
#: Service rooms per hundred households, in m² (超: exclusive).
SPACE_PER_HUNDRED = Parameter.count(
    "facility.service-space.per-hundred-households",
    "每百户居民社区服务用房面积（超过）",
    "service rooms per hundred households, m² (more than)",
    (32, ANHUI_SEED_EARLIEST, None, AH_SPACE),
    unit_zh="平方米",
)
#: A rural community's comprehensive service facility, in m² (超: exclusive).
RURAL_FACILITY_AREA = Parameter.count(
    "facility.rural-service-facility.area",
    "农村社区综合服务设施面积（超过）",
    "a rural community's service facility, m² (more than)",
    (300, ANHUI_SEED_EARLIEST, None, AH_RURAL_FACILITY),
    unit_zh="平方米",
)
GUIDANCE_LIST = "anhui.guidance"
CERTIFICATE_LIST = "anhui.certificates"
_FROM = ANHUI_SEED_EARLIEST
DECLARED = (
    DeclaredCount(GUIDANCE_LIST, "duty", 17, AH_LIST, valid_from=_FROM),
    DeclaredCount(GUIDANCE_LIST, "assistance", 38, AH_LIST, valid_from=_FROM),
    DeclaredCount(GUIDANCE_LIST, "negative", 7, AH_LIST, valid_from=_FROM),
    DeclaredCount(CERTIFICATE_LIST, "certificate", 41, AH_LIST, valid_from=_FROM),
)

RULES = (
    Rule(
        id="work-item.authority-follows-responsibility",
        title_zh="权随责走：履职所需权限随事项下放",
        title_en="Authority follows responsibility: the powers a task needs are handed over",
        kind="obligation",
        severity="advisory",
        scope=Scope(WorkItem),
        check=grounded(checks.authority, Ground(AH_FOLLOW, _FROM), Ground(AH_SUPPORT, _FROM)),
        citations=(AH_FOLLOW, AH_SUPPORT),
        valid_from=_FROM,
    ),
    Rule(
        id="consultation-committee.established",
        title_zh="村（社区）设立协商委员会",
        title_en="Every village and community has a consultation committee",
        kind="obligation",
        severity="advisory",
        scope=Scope(CommunityFacilities),
        check=facilities.consultation_committee,
        citations=(AH_CONSULTATION,),
        valid_from=_FROM,
    ),
    Rule(
        id="facility.service-space",
        title_zh="每百户居民拥有社区服务用房面积超过"
        "{facility.service-space.per-hundred-households}平方米",
        title_en="More than {facility.service-space.per-hundred-households} m² of service rooms "
        "per hundred households",
        kind="obligation",
        severity="advisory",
        scope=Scope(CommunityFacilities),
        check=facilities.space_per_hundred(SPACE_PER_HUNDRED),
        citations=(AH_SPACE,),
        valid_from=_FROM,
    ),
    Rule(
        id="facility.rural-service-facility",
        title_zh="农村社区综合服务设施面积超过{facility.rural-service-facility.area}平方米",
        title_en="A rural community's service facility has more than "
        "{facility.rural-service-facility.area} m²",
        kind="obligation",
        severity="advisory",
        scope=Scope(CommunityFacilities, community_kind="rural"),
        check=facilities.facility_area(RURAL_FACILITY_AREA),
        citations=(AH_RURAL_FACILITY,),
        valid_from=_FROM,
    ),
)


def build(parent: Rulebook) -> Rulebook:
    """Build the Anhui rulebook on top of ``cn``."""
    listed = parent.rule(LISTED)
    funding = parent.rule("work-item.funding-follows-task")
    replace = (
        Replace(
            listed.id,
            reground(listed, Ground(AH_ACCESS, _FROM), Ground(AH_LIST, _FROM)),
            "Anhui's list-based access system, with the sizes of its published lists",
            AH_ACCESS,
        ),
        Replace(
            funding.id,
            reground(funding, Ground(AH_FOLLOW, _FROM)),
            "Anhui's 费随事转 principle",
            AH_FOLLOW,
        ),
    )
    return parent.extend(
        "cn.anhui",
        "2022.1",
        title_zh="安徽省城乡社区治理：社区事项准入与依法履职事项指导清单（2022）",
        title_en="Anhui community governance: work-item access and guidance lists (2022)",
        rules=RULES,
        replace=replace,
        citations=(AH_ACCESS, AH_LIST),
        tables=(declared_table(DECLARED),),
    )
