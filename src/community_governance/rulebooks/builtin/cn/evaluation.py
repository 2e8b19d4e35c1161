"""``cn`` rules after an election: the annual democratic evaluation (民主评议), by-elections
(补选) and the handover (工作移交) — urban 2025 Art. 24, 25, 37; village 2018 Art. 19, 20, 33
and 2025 Art. 23, 24, 38."""

from __future__ import annotations

from ....checks import evaluation as ev
from ....checks import tally as tc
from ....checks import tenure as tm
from ....models import AnnualEvaluationRecord, BodyComposition
from ....rules.parameter import Parameter
from ....rules.rule import Rule
from ....rules.scope import Scope
from ..sources import URBAN_2025_IN_FORCE, VILLAGE_2018_IN_FORCE, VILLAGE_2025_IN_FORCE
from . import elections as urban
from . import village_elections as village
from .elections import RC, URBAN_ELECTION, V18, VC, VILLAGE_ELECTION, U
from .village import _v25

__all__ = ["PARAMETERS", "RULES"]

URBAN, RURAL = ("urban", "village_to_residence"), ("rural",)
#: A residents' committee of an urban community; a village committee of a rural one.
URBAN_COMMITTEE = Scope(BodyComposition, body_kind=RC, community_kind=URBAN)
VILLAGE_COMMITTEE = Scope(BodyComposition, body_kind=VC, community_kind=RURAL)
#: The evaluations of a residents' committee; of a village committee.
URBAN_EVALUATION = Scope(AnnualEvaluationRecord, body_kind=RC)
VILLAGE_EVALUATION = Scope(AnnualEvaluationRecord, body_kind=VC)
_URBAN = URBAN_2025_IN_FORCE
_OLD, _NEW = VILLAGE_2018_IN_FORCE, VILLAGE_2025_IN_FORCE

U24 = U("第二十四条第二款", "补选的居民委员会成员的任期到本届居民委员会任期届满时止")
V19 = V18("第十九条", "补选的村民委员会成员的任期到本届村民委员会任期届满时止")
V23 = _v25("第二十三条", "补选的村民委员会成员的任期到本届村民委员会任期届满时止")
U25 = U("第二十五条", "居民委员会应当自新一届居民委员会产生之日起十日内完成工作移交")
V20 = V18("第二十条", "村民委员会应当自新一届村民委员会产生之日起十日内完成工作移交")
V24 = _v25("第二十四条", "村民委员会应当自新一届村民委员会产生之日起十日内完成工作移交")
U37_YEAR = U("第三十七条第一款", "民主评议每年至少进行一次，由居务监督委员会主持")
U37_WHO = U(
    "第三十七条第一款",
    "居民委员会成员接受居民会议或者居民代表会议对其履行职责情况的民主评议",
)
V33_WHO = V18(
    "第三十三条第一款",
    "村民委员会成员以及由村民或者村集体承担误工补贴的聘用人员，应当接受村民会议或者村民代表会议对其履行职责情况的民主评议",
)
V38_WHO = _v25(
    "第三十八条第一款",
    "村民委员会成员以及由村民或者村集体承担误工补贴的聘用人员，应当接受村民会议或者村民代表会议对其履行职责情况的民主评议",
)
U37_UNFIT = U("第三十七条第二款", "居民委员会成员连续两次被评议不称职的，其职务终止")
U37_PUBLISH = U("第三十七条第一款", "民主评议结果应当及时向居民公布")
V33_YEAR = V18("第三十三条第一款", "民主评议每年至少进行一次，由村务监督机构主持")
V38_YEAR = _v25("第三十八条第一款", "民主评议每年至少进行一次，由村务监督机构主持")
V33_UNFIT = V18("第三十三条第二款", "村民委员会成员连续两次被评议不称职的，其职务终止")
V38_UNFIT = _v25("第三十八条第二款", "村民委员会成员连续两次被评议不称职的，其职务终止")

HANDOVER_DAYS = Parameter.count(
    "election.handover-days",
    "工作移交期限（日）",
    "days to hand over",
    (10, _URBAN, None, U25),
    unit_zh="日",
)
VILLAGE_HANDOVER_DAYS = Parameter.count(
    "village-election.handover-days",
    "工作移交期限（日）",
    "days to hand over (village)",
    (10, _OLD, _NEW, V20),
    (10, _NEW, None, V24),
    unit_zh="日",
)
PER_YEAR = Parameter.count(
    "annual-evaluation.per-year",
    "民主评议每年最少次数",
    "evaluations a year",
    (1, _URBAN, None, U37_YEAR),
    unit_zh="次",
)
UNFIT_LIMIT = Parameter.count(
    "annual-evaluation.unfit-limit",
    "连续被评议不称职的次数上限",
    "consecutive unfit ratings ending the post",
    (2, _URBAN, None, U37_UNFIT),
    unit_zh="次",
)
VILLAGE_PER_YEAR = Parameter.count(
    "village-annual-evaluation.per-year",
    "民主评议每年最少次数",
    "evaluations a year (village)",
    (1, _OLD, _NEW, V33_YEAR),
    (1, _NEW, None, V38_YEAR),
    unit_zh="次",
)
VILLAGE_UNFIT_LIMIT = Parameter.count(
    "village-annual-evaluation.unfit-limit",
    "连续被评议不称职的次数上限",
    "consecutive unfit ratings ending the post (village)",
    (2, _OLD, _NEW, V33_UNFIT),
    (2, _NEW, None, V38_UNFIT),
    unit_zh="次",
)

#: Registered in this order (the rules read them all; `cn` lists them for ``cgov rules``).
PARAMETERS = (
    HANDOVER_DAYS,
    VILLAGE_HANDOVER_DAYS,
    PER_YEAR,
    UNFIT_LIMIT,
    VILLAGE_PER_YEAR,
    VILLAGE_UNFIT_LIMIT,
)

RULES = (
    Rule(
        id="residents-committee.by-election-term",
        title_zh="补选的居民委员会成员任期到本届届满时止",
        title_en="A by-elected residents' committee member serves to the end of the term",
        kind="obligation",
        severity="must",
        scope=URBAN_COMMITTEE,
        check=tm.by_election_term,
        citations=(U24,),
        valid_from=_URBAN,
    ),
    Rule(
        id="village-committee.by-election-term",
        title_zh="补选的村民委员会成员任期到本届届满时止",
        title_en="A by-elected village committee member serves to the end of the term",
        kind="obligation",
        severity="must",
        scope=VILLAGE_COMMITTEE,
        check=tm.by_election_term,
        citations=(V19, V23),
        valid_from=_OLD,
    ),
    Rule(
        id="election.handover",
        title_zh="自新一届居民委员会产生之日起十日内完成工作移交",
        title_en="The work is handed over within 10 days of the new committee's election",
        kind="obligation",
        severity="must",
        scope=URBAN_ELECTION,
        check=tc.handover(HANDOVER_DAYS, urban.TURNOUT_SHARE, urban.TURNOUT_REPRESENTATIVES_SHARE),
        citations=(U25,),
        valid_from=_URBAN,
    ),
    Rule(
        id="village-election.handover",
        title_zh="自新一届村民委员会产生之日起十日内完成工作移交",
        title_en="The work is handed over within 10 days of the new village committee's election",
        kind="obligation",
        severity="must",
        scope=VILLAGE_ELECTION,
        check=tc.handover(VILLAGE_HANDOVER_DAYS, village.TURNOUT_SHARE, None),
        citations=(V20, V24),
        valid_from=_OLD,
    ),
    Rule(
        id="annual-evaluation.yearly",
        title_zh="民主评议每年至少进行一次",
        title_en="Committee members are evaluated at least once a year",
        kind="obligation",
        severity="must",
        scope=URBAN_EVALUATION,
        check=ev.annual(PER_YEAR, _URBAN.year),
        citations=(U37_YEAR,),
        valid_from=_URBAN,
    ),
    Rule(
        id="annual-evaluation.every-member",
        title_zh="居民委员会成员均接受民主评议：每次评议当日在任的成员均应评议",
        title_en="Every member serving on the day of an evaluation is rated in it",
        kind="obligation",
        severity="must",
        scope=URBAN_EVALUATION,
        check=ev.every_member_rated(),
        citations=(U37_WHO,),
        valid_from=_URBAN,
    ),
    Rule(
        id="annual-evaluation.chair",
        title_zh="民主评议由居务监督委员会主持",
        title_en="The evaluation is chaired by the supervision committee",
        kind="obligation",
        severity="must",
        scope=URBAN_EVALUATION,
        check=ev.chaired_by("supervision_committee"),
        citations=(U37_YEAR,),
        valid_from=_URBAN,
    ),
    Rule(
        id="annual-evaluation.consecutive-unfit",
        title_zh="连续两次被评议不称职的，其职务终止",
        title_en="Two consecutive 'unfit' ratings end the post",
        kind="obligation",
        severity="must",
        scope=URBAN_EVALUATION,
        check=ev.consecutive_unfit(UNFIT_LIMIT),
        citations=(U37_UNFIT,),
        valid_from=_URBAN,
    ),
    Rule(
        id="village-annual-evaluation.yearly",
        title_zh="民主评议每年至少进行一次（村）",
        title_en="Village committee members are evaluated at least once a year",
        kind="obligation",
        severity="must",
        scope=VILLAGE_EVALUATION,
        check=ev.annual(VILLAGE_PER_YEAR, _OLD.year + 1),
        citations=(V33_YEAR, V38_YEAR),
        valid_from=_OLD,
    ),
    Rule(
        id="village-annual-evaluation.every-member",
        title_zh="村民委员会成员均接受民主评议：每次评议当日在任的成员均应评议",
        title_en="Every village committee member serving on the day of an evaluation is rated "
        "in it",
        kind="obligation",
        severity="must",
        scope=VILLAGE_EVALUATION,
        check=ev.every_member_rated(((_OLD, (V33_WHO,)), (_NEW, (V38_WHO,)))),
        citations=(V33_WHO, V38_WHO),
        valid_from=_OLD,
    ),
    Rule(
        id="village-annual-evaluation.chair",
        title_zh="民主评议由村务监督机构主持",
        title_en="The village evaluation is chaired by the village affairs supervision body",
        kind="obligation",
        severity="must",
        scope=VILLAGE_EVALUATION,
        check=ev.chaired_by("supervision_committee"),
        citations=(V33_YEAR, V38_YEAR),
        valid_from=_OLD,
    ),
    Rule(
        id="village-annual-evaluation.consecutive-unfit",
        title_zh="村民委员会成员连续两次被评议不称职的，其职务终止",
        title_en="Two consecutive 'unfit' ratings end a village committee member's post",
        kind="obligation",
        severity="must",
        scope=VILLAGE_EVALUATION,
        check=ev.consecutive_unfit(VILLAGE_UNFIT_LIMIT),
        citations=(V33_UNFIT, V38_UNFIT),
        valid_from=_OLD,
    ),
    Rule(
        id="annual-evaluation.results-published",
        title_zh="民主评议结果应当及时向居民公布",
        title_en="The evaluation's results are published to the residents",
        kind="obligation",
        severity="must",
        scope=URBAN_EVALUATION,
        check=ev.results_published,
        citations=(U37_PUBLISH,),
        valid_from=_URBAN,
    ),
    Rule(
        id="village-annual-evaluation.subsidised-staff",
        title_zh="由村民或者村集体承担误工补贴的聘用人员，应当接受民主评议",
        title_en="Staff hired with a work subsidy borne by the villagers or the collective are "
        "evaluated too",
        kind="obligation",
        severity="must",
        scope=VILLAGE_EVALUATION,
        check=ev.subsidised_staff_rated(((_OLD, (V33_WHO,)), (_NEW, (V38_WHO,)))),
        citations=(V33_WHO, V38_WHO),
        valid_from=_OLD,
    ),
)
