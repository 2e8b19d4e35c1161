"""``cn`` rules after an election: the annual democratic evaluation (民主评议), by-elections
(补选) and the handover (工作移交) — urban 2025 Art. 24, 25, 37; village 2018 Art. 19, 20, 33
and 2025 Art. 23, 24, 38."""

from __future__ import annotations

from ....checks import evaluation as ev
from ....checks import tally as tc
from ....checks import tenure as tm
from ....models import AnnualEvaluationRecord, BodyComposition, Election
from ....models._base import Subject
from ....rules.citation import Citation
from ....rules.rule import CheckFn, Rule
from ....rules.scope import Scope
from ..sources import URBAN_2025_IN_FORCE, VILLAGE_2018_IN_FORCE
from .elections import V18, U, urban_param, village_param
from .village import _v25

__all__ = ["PARAMETERS", "RULES"]

RC, VC = "residents_committee", "village_committee"
URBAN, RURAL = ("urban", "village_to_residence"), ("rural",)

U24 = U("第二十四条第二款", "补选的居民委员会成员的任期到本届居民委员会任期届满时止")
V19 = V18("第十九条", "补选的村民委员会成员的任期到本届村民委员会任期届满时止")
V23 = _v25("第二十三条", "补选的村民委员会成员的任期到本届村民委员会任期届满时止")
U25 = U("第二十五条", "居民委员会应当自新一届居民委员会产生之日起十日内完成工作移交")
V20 = V18("第二十条", "村民委员会应当自新一届村民委员会产生之日起十日内完成工作移交")
V24 = _v25("第二十四条", "村民委员会应当自新一届村民委员会产生之日起十日内完成工作移交")
U37_YEAR = U("第三十七条第一款", "民主评议每年至少进行一次，由居务监督委员会主持")
U37_UNFIT = U("第三十七条第二款", "居民委员会成员连续两次被评议不称职的，其职务终止")
V33_YEAR = V18("第三十三条第一款", "民主评议每年至少进行一次，由村务监督机构主持")
V38_YEAR = _v25("第三十八条第一款", "民主评议每年至少进行一次，由村务监督机构主持")
V33_UNFIT = V18("第三十三条第二款", "村民委员会成员连续两次被评议不称职的，其职务终止")
V38_UNFIT = _v25("第三十八条第二款", "村民委员会成员连续两次被评议不称职的，其职务终止")

PARAMETERS = (
    urban_param("election.handover-days", "工作移交期限（日）", "days to hand over", 10, U25, "日"),
    village_param(
        "village-election.handover-days",
        "工作移交期限（日）",
        "days to hand over (village)",
        10,
        V20,
        V24,
        "日",
    ),
    urban_param(
        "annual-evaluation.per-year",
        "民主评议每年最少次数",
        "evaluations a year",
        1,
        U37_YEAR,
        "次",
    ),
    urban_param(
        "annual-evaluation.unfit-limit",
        "连续被评议不称职的次数上限",
        "consecutive unfit ratings ending the post",
        2,
        U37_UNFIT,
        "次",
    ),
    village_param(
        "village-annual-evaluation.per-year",
        "民主评议每年最少次数",
        "evaluations a year (village)",
        1,
        V33_YEAR,
        V38_YEAR,
        "次",
    ),
    village_param(
        "village-annual-evaluation.unfit-limit",
        "连续被评议不称职的次数上限",
        "consecutive unfit ratings ending the post (village)",
        2,
        V33_UNFIT,
        V38_UNFIT,
        "次",
    ),
)


def _rule(
    id: str,
    zh: str,
    en: str,
    subject: type[Subject],
    check: CheckFn,
    citations: tuple[Citation, ...],
    parameters: tuple[str, ...] = (),
    village: bool = False,
) -> Rule:
    return Rule(
        id=id,
        title_zh=zh,
        title_en=en,
        kind="obligation",
        severity="must",
        scope=Scope(subject),
        check=check,
        citations=citations,
        parameters=parameters,
        valid_from=VILLAGE_2018_IN_FORCE if village else URBAN_2025_IN_FORCE,
    )


_UT = ("election.turnout-share", "election.turnout-representatives-share")

RULES = (
    _rule(
        "residents-committee.by-election-term",
        "补选的居民委员会成员任期到本届届满时止",
        "A by-elected residents' committee member serves to the end of the term",
        BodyComposition,
        tm.by_election_term(RC, URBAN),
        (U24,),
    ),
    _rule(
        "village-committee.by-election-term",
        "补选的村民委员会成员任期到本届届满时止",
        "A by-elected village committee member serves to the end of the term",
        BodyComposition,
        tm.by_election_term(VC, RURAL),
        (V19, V23),
        village=True,
    ),
    _rule(
        "election.handover",
        "自新一届居民委员会产生之日起十日内完成工作移交",
        "The work is handed over within 10 days of the new committee's election",
        Election,
        tc.handover(RC, "election.handover-days", *_UT),
        (U25,),
        ("election.handover-days", *_UT),
    ),
    _rule(
        "village-election.handover",
        "自新一届村民委员会产生之日起十日内完成工作移交",
        "The work is handed over within 10 days of the new village committee's election",
        Election,
        tc.handover(VC, "village-election.handover-days", "village-election.turnout-share", None),
        (V20, V24),
        ("village-election.handover-days", "village-election.turnout-share"),
        village=True,
    ),
    _rule(
        "annual-evaluation.yearly",
        "民主评议每年至少进行一次",
        "Committee members are evaluated at least once a year",
        AnnualEvaluationRecord,
        ev.annual(RC, "annual-evaluation.per-year", URBAN_2025_IN_FORCE.year),
        (U37_YEAR,),
        ("annual-evaluation.per-year",),
    ),
    _rule(
        "annual-evaluation.chair",
        "民主评议由居务监督委员会主持",
        "The evaluation is chaired by the supervision committee",
        AnnualEvaluationRecord,
        ev.chaired_by(RC, "supervision_committee"),
        (U37_YEAR,),
    ),
    _rule(
        "annual-evaluation.consecutive-unfit",
        "连续两次被评议不称职的，其职务终止",
        "Two consecutive 'unfit' ratings end the post",
        AnnualEvaluationRecord,
        ev.consecutive_unfit(RC, "annual-evaluation.unfit-limit"),
        (U37_UNFIT,),
        ("annual-evaluation.unfit-limit",),
    ),
    _rule(
        "village-annual-evaluation.yearly",
        "民主评议每年至少进行一次（村）",
        "Village committee members are evaluated at least once a year",
        AnnualEvaluationRecord,
        ev.annual(VC, "village-annual-evaluation.per-year", VILLAGE_2018_IN_FORCE.year + 1),
        (V33_YEAR, V38_YEAR),
        ("village-annual-evaluation.per-year",),
        village=True,
    ),
    _rule(
        "village-annual-evaluation.chair",
        "民主评议由村务监督机构主持",
        "The village evaluation is chaired by the village affairs supervision body",
        AnnualEvaluationRecord,
        ev.chaired_by(VC, "supervision_committee"),
        (V33_YEAR, V38_YEAR),
        village=True,
    ),
    _rule(
        "village-annual-evaluation.consecutive-unfit",
        "村民委员会成员连续两次被评议不称职的，其职务终止",
        "Two consecutive 'unfit' ratings end a village committee member's post",
        AnnualEvaluationRecord,
        ev.consecutive_unfit(VC, "village-annual-evaluation.unfit-limit"),
        (V33_UNFIT, V38_UNFIT),
        ("village-annual-evaluation.unfit-limit",),
        village=True,
    ),
)
