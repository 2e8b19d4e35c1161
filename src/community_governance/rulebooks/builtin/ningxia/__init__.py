"""``cn.ningxia``: Ningxia 2017 implementation opinions on urban–rural community governance.

The rules of the village grids' routines and the service stations' staff, the representatives'
assembly required in every urban community, the supervision committee chosen by the assemblies
from among the residents and reporting to them, and the guidance on non-registered residents'
part in elections are in `ningxia.routines` (`ROUTINE_RULES`, `ROUTINE_REPLACE`).
"""

from __future__ import annotations

from ....checks import bodies as _body_checks
from ....checks import composition as _composition_checks
from ....checks import grids as _grid_checks
from ....models import BodyComposition
from ....rules.citation import Citation
from ....rules.parameter import Parameter
from ....rules.rule import Check, Rule, RuleContext, reads
from ....rules.scope import Scope
from ..._rulebook import Replace, Rulebook
from .. import procedures as procedures_major_matter
from ..cn.bodies import REPRESENTATIVES_ASSEMBLY, SUPERVISION_COMMITTEE, U13_HOUSEHOLDS, U13_TERM
from ..sources import NINGXIA_2017, SEED_NINGXIA, URBAN_2025_IN_FORCE
from . import access as access_ningxia
from . import routines as routines_ningxia

#: Grids and service stations are the opinions' village (农村) provisions.
GRID = Scope(BodyComposition, body_kind="grid", community_kind="rural")
SERVICE_STATION = Scope(BodyComposition, body_kind="service_station", community_kind="rural")
SUPERVISION = Citation(
    SEED_NINGXIA,
    "§二(五)",
    "在城市社区普遍建立居务监督委员会,成员由3至5人组成,其中主任1名、委员2至4名,应当有妇女成员",
)
REPS_MIN = Citation(SEED_NINGXIA, "§二(五)", "按照居民小区或楼宇推选居民代表,原则上人数不少于30人")
REPS_CONSTITUENCY = Citation(SEED_NINGXIA, "§二(五)", "按照居民小区或楼宇推选居民代表")
REPS_TERM = Citation(SEED_NINGXIA, "§二(五)", "居民代表任期与居民委员会任期相同")
GRID_WORKERS = Citation(
    SEED_NINGXIA, "§二(四)", "以村民小组为基本单元划分网格,每个网格配备1—2名网格员"
)
GRID_ELIGIBILITY = Citation(
    SEED_NINGXIA, "§二(四)", "由村民小组组长或在本村民小组居住的村“两委”成员担任网格员"
)
STATION_HEAD = Citation(SEED_NINGXIA, "§二(二)", "站长由村党组织书记或村委会主任担任")
OPINIONS = Citation(
    SEED_NINGXIA,
    "首行 (dated)",
    "(2017年8月22日)",
    note="the opinions' own date; no separate effective date is given",
)


SUPERVISION_SIZE_MIN = Parameter.count(
    "supervision-committee.size.min",
    "居务监督委员会成员人数下限",
    "supervision committee: fewest members",
    (3, NINGXIA_2017, None, SUPERVISION),
    unit_zh="名",
)
SUPERVISION_SIZE_MAX = Parameter.count(
    "supervision-committee.size.max",
    "居务监督委员会成员人数上限",
    "supervision committee: most members",
    (5, NINGXIA_2017, None, SUPERVISION),
    unit_zh="名",
)
SUPERVISION_CHAIRS = Parameter.count(
    "supervision-committee.chairs",
    "居务监督委员会主任人数",
    "supervision committee: chairs",
    (1, NINGXIA_2017, None, SUPERVISION),
    unit_zh="名",
)
SUPERVISION_OTHERS_MIN = Parameter.count(
    "supervision-committee.other-members.min",
    "居务监督委员会委员人数下限",
    "supervision committee: fewest members besides the chair",
    (2, NINGXIA_2017, None, SUPERVISION),
    unit_zh="名",
)
SUPERVISION_OTHERS_MAX = Parameter.count(
    "supervision-committee.other-members.max",
    "居务监督委员会委员人数上限",
    "supervision committee: most members besides the chair",
    (4, NINGXIA_2017, None, SUPERVISION),
    unit_zh="名",
)
GRID_WORKERS_MIN = Parameter.count(
    "grid.workers.min",
    "每个网格网格员人数下限",
    "grid: fewest grid workers",
    (1, NINGXIA_2017, None, GRID_WORKERS),
    unit_zh="名",
)
GRID_WORKERS_MAX = Parameter.count(
    "grid.workers.max",
    "每个网格网格员人数上限",
    "grid: most grid workers",
    (2, NINGXIA_2017, None, GRID_WORKERS),
    unit_zh="名",
)
REPRESENTATIVES_MIN = Parameter.count(
    "representatives-assembly.representatives.min",
    "居民代表人数下限（原则上）",
    "representatives' assembly: fewest representatives (in principle)",
    (30, NINGXIA_2017, None, REPS_MIN),
    unit_zh="名",
)

_BY_COMPOUND = _body_checks.representatives_constituency(("compound", "building"))
_BY_COMPOUND_OR_GROUP = _body_checks.representatives_constituency(("compound", "building", "group"))


@reads()
def representatives_constituency(s: BodyComposition, ctx: RuleContext) -> Check:
    """Representatives are chosen per compound or building (2017 opinions §二(五)); from
    2026-01-01 national law prevails (review D17): 居民代表由居民小组…推选产生 (urban 2025 Art.
    13(2)) makes the residents' group the statutory constituency, so a group passes too, and
    the finding cites the statute first. The opinions' compounds and buildings are the
    "适当范围" the same sentence allows; another range is still refused."""
    if ctx.at < URBAN_2025_IN_FORCE:
        return _BY_COMPOUND(s, ctx).citing(REPS_CONSTITUENCY)
    return _BY_COMPOUND_OR_GROUP(s, ctx).citing(U13_HOUSEHOLDS, REPS_CONSTITUENCY)


RULES = (
    Rule(
        id="supervision-committee.size",
        title_zh="居务监督委员会成员由3至5人组成",
        title_en="A residents' affairs supervision committee has 3 to 5 members",
        kind="obligation",
        severity="must",
        scope=SUPERVISION_COMMITTEE,
        check=_body_checks.size(SUPERVISION_SIZE_MIN, SUPERVISION_SIZE_MAX),
        citations=(SUPERVISION,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="supervision-committee.chair",
        title_zh="居务监督委员会主任1名、委员2至4名",
        title_en="A supervision committee has exactly one chair and 2 to 4 other members",
        kind="obligation",
        severity="must",
        scope=SUPERVISION_COMMITTEE,
        check=_body_checks.chair_and_members(
            SUPERVISION_CHAIRS, SUPERVISION_OTHERS_MIN, SUPERVISION_OTHERS_MAX
        ),
        citations=(SUPERVISION,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="supervision-committee.woman",
        title_zh="居务监督委员会应当有妇女成员",
        title_en="A supervision committee must include a woman",
        kind="obligation",
        severity="must",
        scope=SUPERVISION_COMMITTEE,
        check=_body_checks.has_woman,
        citations=(SUPERVISION,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="representatives-assembly.minimum",
        title_zh="居民代表原则上人数不少于30人",
        title_en="A representatives' assembly has, in principle, at least 30 representatives",
        kind="obligation",
        severity="advisory",
        scope=REPRESENTATIVES_ASSEMBLY,
        check=_body_checks.representatives_minimum(REPRESENTATIVES_MIN),
        citations=(REPS_MIN,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="representatives-assembly.constituency",
        title_zh="按照居民小区或楼宇推选居民代表（2026年起亦可由居民小组推选）",
        title_en="Representatives are chosen per residential compound or building (from 2026 "
        "also by residents' groups, as national law provides)",
        kind="obligation",
        severity="must",
        scope=REPRESENTATIVES_ASSEMBLY,
        check=representatives_constituency,
        citations=(REPS_CONSTITUENCY, U13_HOUSEHOLDS),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="grid.workers",
        title_zh="每个网格配备1—2名网格员",
        title_en="Each grid (a villager group) has 1 to 2 grid workers",
        kind="obligation",
        severity="must",
        scope=GRID,
        check=_grid_checks.grid_workers(GRID_WORKERS_MIN, GRID_WORKERS_MAX),
        citations=(GRID_WORKERS,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="grid.worker-eligibility",
        title_zh="网格员由村民小组组长或在本村民小组居住的村“两委”成员担任",
        title_en="A grid worker is the group leader or a two-committee member living in the group",
        kind="obligation",
        severity="must",
        scope=GRID,
        check=_grid_checks.grid_worker_eligibility,
        citations=(GRID_ELIGIBILITY,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="service-station.head",
        title_zh="农村社区服务站站长由村党组织书记或村委会主任担任",
        title_en="A village service station is headed by the party secretary or the committee "
        "chair",
        kind="obligation",
        severity="must",
        scope=SERVICE_STATION,
        check=_grid_checks.station_head,
        citations=(STATION_HEAD,),
        valid_from=NINGXIA_2017,
    ),
)

#: Ningxia has tied representatives' terms to the committee's since 2017; the national rule
#: only from 2026.
REPLACE = (
    Replace(
        replaces="representatives-assembly.term",
        rule=Rule(
            id="representatives-assembly.term",
            title_zh="居民代表任期与居民委员会任期相同",
            title_en="Representatives serve the residents' committee's term",
            kind="obligation",
            severity="must",
            scope=REPRESENTATIVES_ASSEMBLY,
            check=_composition_checks.same_term("residents_committee"),
            citations=(REPS_TERM, U13_TERM),
            valid_from=NINGXIA_2017,
        ),
        reason="the 2017 opinions already tie representatives' terms to the committee's",
        citation=REPS_TERM,
    ),
)


def build(parent: Rulebook) -> Rulebook:
    """Build the Ningxia rulebook on top of ``cn``."""
    return parent.extend(
        "cn.ningxia",
        "2017.1",
        title_zh="宁夏回族自治区关于加强和完善城乡社区治理的实施意见（2017）",
        title_en="Ningxia implementation opinions on urban–rural community governance (2017)",
        rules=(*RULES, *access_ningxia.RULES, *routines_ningxia.ROUTINE_RULES),
        replace=(
            *REPLACE,
            *access_ningxia.replacements(parent),
            *routines_ningxia.replacements(parent),
        ),
        citations=(OPINIONS,),
        tables=(procedures_major_matter.NINGXIA_TABLE,),
    )
