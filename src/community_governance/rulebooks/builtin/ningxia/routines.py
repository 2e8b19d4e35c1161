"""Ningxia 2017 opinions: the routines and institutions besides the bodies' composition.

- §二(二) the village service station's members and their pay;
- §二(四) the grids: one per villager group, the whole village covered from July 2018, the grid
  workers' monthly review, the service notice, home visits and escalation to the township;
- §二(五) a representatives' assembly and a supervision committee in every urban community,
  the supervision committee chosen by the assemblies from among the residents and reporting
  to them;
- §三(十) guidance (引导) to bring non-registered residents into elections: advisory.

Every text starts on the opinions' date, 2017-08-22, except the coverage target, which binds
from the day after its deadline («2018年6月底前»). Where the 2025 urban law later says the same
or more (Art. 36), the finding cites it from 2026-01-01, and the wider national text prevails:
from then a community worker may sit on the supervision committee (在居民或者社区工作者中).
"""

from __future__ import annotations

import datetime as dt

from ....checks import composition as _composition_checks
from ....checks import governance, grid_routines, participation
from ....checks import grids as _grid_checks
from ....models import BodyComposition, Election
from ....models.grid import GridRecord
from ....models.report import WorkReport
from ....models.selection import BodySelection
from ....models.service_station import ServiceStationStaffing
from ....rules.citation import Citation
from ....rules.parameter import Parameter
from ....rules.rule import Check, DeclaredCheck, Rule, RuleContext, reads
from ....rules.scope import Scope
from ..._rulebook import Replace, Rulebook
from ..cn.bodies import RESIDENTS_COMMITTEE, SUPERVISION_COMMITTEE, U36_REQUIRED, URBAN
from ..sources import (
    NINGXIA_2017,
    SEED_NINGXIA,
    URBAN_2018,
    URBAN_2025,
    URBAN_2025_IN_FORCE,
)

__all__ = ["ROUTINE_RULES", "replacements"]

RURAL = "rural"
GRID = Scope(BodyComposition, body_kind="grid", community_kind=RURAL)
VILLAGE_COMMITTEE = Scope(BodyComposition, body_kind="village_committee", community_kind=RURAL)
GRID_RECORD = Scope(GridRecord, community_kind=RURAL)
STATION_STAFFING = Scope(ServiceStationStaffing, community_kind=RURAL)
#: 2018年6月底前: the coverage target binds from the first day after June 2018.
COVERAGE_DUE = dt.date(2018, 7, 1)
ASSEMBLIES = ("residents_assembly", "representatives_assembly")

STATION_MEMBERS = Citation(
    SEED_NINGXIA, "§二(二)", "成员由村“两委”成员兼任,或公开招考和选调优秀高校毕业生担任"
)
STATION_PAY = Citation(
    SEED_NINGXIA,
    "§二(二)",
    "报酬待遇由市、县(区)参照村“两委”成员标准执行",
    note="参照 (with reference to) leaves the city or county room to adapt: the rule warns",
)
GRID_UNIT = Citation(SEED_NINGXIA, "§二(四)", "以村民小组为基本单元划分网格")
GRID_COVERAGE = Citation(
    SEED_NINGXIA,
    "§二(四)",
    "2018年6月底前,所有行政村网格化服务管理覆盖率和基础信息采集率达到100%",
    note="binding from 2018-07-01, the day after the deadline; the basic-information "
    "collection rate has no record to check it against",
)
GRID_REVIEW = Citation(
    SEED_NINGXIA,
    "§二(四)",
    "建立网格员工作例会制度,结合村“两委”联席会议、民主议政日等,每月及时梳理、分析网格内社情"
    "民意和相关事宜",
    note="每月 read as every calendar month, as the library reads every such period",
)
GRID_NOTICE = Citation(
    SEED_NINGXIA,
    "§二(四)",
    "建立服务公示制度,在公益服务和居民聚集场所公示服务内容和服务人员及联系方式",
)
GRID_VISITS = Citation(
    SEED_NINGXIA,
    "§二(四)",
    "建立入户走访制度,定期重点走访农村“三留守”人员、困境儿童、困难老人、高龄老人、困难单亲"
    "母亲、流动人口、贫困残疾人、优抚对象以及社区服刑、戒毒、刑满释放等特殊人员",
    note="定期 (regularly) names no interval: each person is to be visited in the period the "
    "record covers",
)
GRID_ESCALATION = Citation(
    SEED_NINGXIA,
    "§二(四)",
    "能解决的由社区服务站及时解决,解决不了的由社区服务站统一收集整理后向乡镇(街道)反映",
)
ASSEMBLY_EVERYWHERE = Citation(SEED_NINGXIA, "§二(五)", "全面推行居民代表会议制度")
SUPERVISION_EVERYWHERE = Citation(SEED_NINGXIA, "§二(五)", "在城市社区普遍建立居务监督委员会")
SUPERVISION_CHOSEN = Citation(SEED_NINGXIA, "§二(五)", "通过居民会议或居民代表会议在居民中推选产生")
SUPERVISION_REPORTS = Citation(SEED_NINGXIA, "§二(五)", "并向居民会议和居民代表会议负责并报告工作")
U36_CHOSEN = Citation(
    URBAN_2025,
    "第三十六条第一款",
    "其成员由居民会议或者居民代表会议在居民或者社区工作者中推选产生",
)
U36_ACCOUNTABLE = Citation(
    URBAN_2025, "第三十六条第二款", "居务监督委员会向居民会议和居民代表会议负责"
)
NON_REGISTERED = Citation(
    SEED_NINGXIA,
    "§三(十)",
    "引导符合条件的非户籍居民参加居(村)民委员会的民主选举",
    note="引导 (guide) is guidance: the rule warns, never denies; 符合条件 is read as the "
    "voting age, living in the community and political rights",
)
VOTING_AGE = Citation(
    URBAN_2018,
    "第八条第二款",
    "年满十八周岁的本居住地区居民,不分民族、种族、性别、职业、家庭出身、宗教信仰、教育程度、"
    "财产状况、居住期限,都有选举权和被选举权",
    note="the sentence stands unchanged since the 1989 law (in force 1990-01-01); the village "
    "law says the same of villagers (2018 Art. 13(1))",
)

VOTING_AGE_PARAM = Parameter.count(
    "election.non-registered-residents.age",
    "引导参加选举的非户籍居民年龄下限（年满）",
    "non-registered residents encouraged to vote: least age (inclusive)",
    (18, NINGXIA_2017, None, VOTING_AGE),
    unit_zh="周岁",
)


def _cited_by_date(
    check: DeclaredCheck, before: Citation, after: tuple[Citation, ...]
) -> DeclaredCheck:
    """``check``, its finding citing ``before`` until 2025-12-31 and ``after`` from 2026."""

    @reads()
    def run(subject: object, ctx: RuleContext) -> Check:
        found = check(subject, ctx)
        return found.citing(before) if ctx.at < URBAN_2025_IN_FORCE else found.citing(*after)

    return run


SUPERVISION_SELECTION = Scope(
    BodySelection, body_kind="supervision_committee", community_kind=URBAN
)
SUPERVISION_REPORT = Scope(WorkReport, body_kind="supervision_committee", community_kind=URBAN)

ROUTINE_RULES = (
    Rule(
        id="service-station.members",
        title_zh="农村社区服务站成员由村“两委”成员兼任，或公开招考和选调优秀高校毕业生担任",
        title_en="A village service station's members are two-committee members serving "
        "concurrently, or graduates recruited by open examination or selection",
        kind="obligation",
        severity="must",
        scope=STATION_STAFFING,
        check=_grid_checks.station_members,
        citations=(STATION_MEMBERS,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="service-station.pay",
        title_zh="服务站成员报酬待遇参照村“两委”成员标准执行",
        title_en="Station members are paid at the village two-committee members' standard",
        kind="obligation",
        severity="advisory",
        scope=STATION_STAFFING,
        check=_grid_checks.station_pay,
        citations=(STATION_PAY,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="grid.unit",
        title_zh="以村民小组为基本单元划分网格",
        title_en="A grid is one villager group",
        kind="obligation",
        severity="must",
        scope=GRID,
        check=_grid_checks.grid_unit,
        citations=(GRID_UNIT,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="grid.coverage",
        title_zh="所有行政村网格化服务管理覆盖率达到100%",
        title_en="Grid management covers every villager group of the village",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=_grid_checks.grid_coverage,
        citations=(GRID_COVERAGE,),
        valid_from=COVERAGE_DUE,
    ),
    Rule(
        id="grid.monthly-review",
        title_zh="网格员工作例会每月梳理、分析网格内社情民意",
        title_en="The grid workers' regular meeting reviews the grids every month",
        kind="obligation",
        severity="must",
        scope=GRID_RECORD,
        check=grid_routines.monthly_review(NINGXIA_2017),
        citations=(GRID_REVIEW,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="grid.service-notice",
        title_zh="公示服务内容和服务人员及联系方式",
        title_en="The services, the staff and their contacts are posted in public places",
        kind="obligation",
        severity="must",
        scope=GRID_RECORD,
        check=grid_routines.service_notice,
        citations=(GRID_NOTICE,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="grid.home-visits",
        title_zh="定期入户走访重点人员",
        title_en="The persons singled out are visited at home regularly",
        kind="obligation",
        severity="must",
        scope=GRID_RECORD,
        check=grid_routines.home_visits,
        citations=(GRID_VISITS,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="grid.escalation",
        title_zh="服务站解决不了的问题由社区服务站统一收集整理后向乡镇（街道）反映",
        title_en="Problems the station cannot solve reach the township through the station",
        kind="obligation",
        severity="must",
        scope=GRID_RECORD,
        check=grid_routines.escalation,
        citations=(GRID_ESCALATION,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="representatives-assembly.required",
        title_zh="城市社区全面推行居民代表会议制度",
        title_en="Every urban community has a representatives' assembly",
        kind="obligation",
        severity="must",
        # judged on the residents' committee: the community it serves must have one
        scope=RESIDENTS_COMMITTEE,
        check=_composition_checks.required_body("representatives_assembly"),
        citations=(ASSEMBLY_EVERYWHERE,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="supervision-committee.chosen-by-assembly",
        title_zh="居务监督委员会成员通过居民会议或居民代表会议推选产生",
        title_en="The supervision committee's members are chosen by the residents' assembly or "
        "the representatives' assembly",
        kind="obligation",
        severity="must",
        scope=SUPERVISION_SELECTION,
        check=_cited_by_date(
            governance.chosen_by(ASSEMBLIES), SUPERVISION_CHOSEN, (U36_CHOSEN, SUPERVISION_CHOSEN)
        ),
        citations=(SUPERVISION_CHOSEN, U36_CHOSEN),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="supervision-committee.from-residents",
        title_zh="居务监督委员会成员在居民中推选产生（2026年起亦可为社区工作者）",
        title_en="The supervision committee's members are residents (from 2026 also community "
        "workers, as national law provides)",
        kind="obligation",
        severity="must",
        scope=SUPERVISION_COMMITTEE,
        check=_cited_by_date(
            governance.from_residents(URBAN_2025_IN_FORCE),
            SUPERVISION_CHOSEN,
            (U36_CHOSEN, SUPERVISION_CHOSEN),
        ),
        citations=(SUPERVISION_CHOSEN, U36_CHOSEN),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="supervision-committee.reports-to-assembly",
        title_zh="居务监督委员会向居民会议和居民代表会议负责并报告工作",
        title_en="The supervision committee answers and reports to the residents' assembly and "
        "the representatives' assembly",
        kind="obligation",
        severity="must",
        scope=SUPERVISION_REPORT,
        check=_cited_by_date(
            governance.reports_to(ASSEMBLIES),
            SUPERVISION_REPORTS,
            (U36_ACCOUNTABLE, SUPERVISION_REPORTS),
        ),
        citations=(SUPERVISION_REPORTS, U36_ACCOUNTABLE),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="election.non-registered-residents",
        title_zh="引导符合条件的非户籍居民参加居（村）民委员会的民主选举",
        title_en="Non-registered residents who qualify are encouraged to take part in the "
        "committee's election",
        kind="obligation",
        severity="advisory",
        scope=Scope(Election),
        check=participation.non_registered_residents(VOTING_AGE_PARAM),
        citations=(NON_REGISTERED,),
        valid_from=NINGXIA_2017,
    ),
)


def replacements(parent: Rulebook) -> tuple[Replace, ...]:
    """Ningxia's version of national rules it states earlier: a supervision committee in every
    urban community from 2017-08-22 (the national duty starts on 2026-01-01)."""
    national = parent.rule("supervision-committee.required")
    rule = Rule(
        id=national.id,
        title_zh="城市社区普遍建立居务监督委员会",
        title_en="Every urban community has a residents' affairs supervision committee",
        kind=national.kind,
        severity="must",
        scope=national.scope,
        check=_cited_by_date(
            _composition_checks.required_body("supervision_committee"),
            SUPERVISION_EVERYWHERE,
            (U36_REQUIRED, SUPERVISION_EVERYWHERE),
        ),
        citations=(SUPERVISION_EVERYWHERE, U36_REQUIRED),
        valid_from=NINGXIA_2017,
    )
    return (
        Replace(
            national.id,
            rule,
            "the 2017 opinions set up a supervision committee in every urban community "
            "(普遍建立) before the national duty of 2026",
            SUPERVISION_EVERYWHERE,
        ),
    )
