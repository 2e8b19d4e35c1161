"""Ningxia 2017 §三(八) work-item access (准入) rules for ``cn.ningxia``.

Ningxia makes binding ("不得") what national policy abolishes only "in principle": the committee
is never the responsible party for the five named domains. It adds the bans on one-vote-veto
and separate departmental assessments, and cites its own wording for the list-based access
system, the ban on shifting duties down and 费随事转.

Every Ningxia text starts on the document's date, 2017-08-22 (the legal review of 2026-11,
E8(b)): before it, Ningxia's findings cite only the national texts, and the national advisory
rule on the committee as responsible party applies (``work-item.not-responsible-party.national``,
until the binding ``work-item.not-responsible-party`` starts).
"""

from __future__ import annotations

from ....checks import access as checks
from ....checks.access import Ground, grounded, reground
from ....checks.lists import LISTED
from ....models import WorkItem
from ....rules.citation import Citation
from ....rules.rule import Rule
from ....rules.scope import Scope
from ..._rulebook import Replace, Rulebook
from ..cn.access import C136_ABOLISH, C136_FUNDING, G_ABOLISH
from ..sources import MCA_2015_136_DATED, NINGXIA_2017, SEED_NINGXIA

_SECTION = "§三(八)"
NX_LISTED = Citation(SEED_NINGXIA, _SECTION, "依据社区工作事项清单建立社区工作事项准入制度")
NX_TRANSFER = Citation(
    SEED_NINGXIA, _SECTION, "不得将基层政府应履行的法定职责转嫁给基层群众性自治组织"
)
NX_RESPONSIBLE = Citation(
    SEED_NINGXIA,
    _SECTION,
    "不得将基层群众性自治组织作为行政执法、拆迁拆违、环境整治、城市管理、招商引资等事项的责任主体",
    note="“等” (and similar): an item of a similar kind must be classified by the user into one "
    "of the five domains for this rule to see it",
)
NX_VETO = Citation(SEED_NINGXIA, _SECTION, "不得对社区工作实行“一票否决”性考核")
NX_FUNDING = Citation(SEED_NINGXIA, _SECTION, "严格落实“费随事转”制度")
NX_UNIFIED = Citation(
    SEED_NINGXIA,
    _SECTION,
    "实行基层政府统一对社区工作进行综合考评,各职能部门不再单独组织考核评比活动",
)
#: The national advisory rule, in force in Ningxia until Ningxia's binding version starts.
NATIONAL_RESPONSIBLE = "work-item.not-responsible-party.national"

RULES = (
    Rule(
        id="work-item.no-one-vote-veto",
        title_zh="不得对社区工作实行“一票否决”性考核",
        title_en="No one-vote-veto assessment of community work",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=grounded(checks.no_veto, Ground(NX_VETO, NINGXIA_2017)),
        citations=(NX_VETO,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id="work-item.unified-assessment",
        title_zh="基层政府统一对社区工作综合考评，各职能部门不再单独组织考核评比",
        title_en="Community work is assessed once by the basic-level government; departments "
        "do not assess it separately",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=grounded(checks.unified_assessment, Ground(NX_UNIFIED, NINGXIA_2017)),
        citations=(NX_UNIFIED,),
        valid_from=NINGXIA_2017,
    ),
    Rule(
        id=NATIONAL_RESPONSIBLE,
        title_zh="社区作为责任主体的执法、拆迁拆违、环境整治、城市管理等事项原则上一律取消"
        "（宁夏2017年实施意见施行前）",
        title_en="The committee as responsible party for enforcement, demolition, environmental "
        "remediation or city management is abolished in principle (before Ningxia's 2017 "
        "opinions)",
        kind="prohibition",
        severity="advisory",
        scope=Scope(WorkItem),
        check=grounded(checks.not_responsible_party, *G_ABOLISH),
        citations=(C136_ABOLISH,),
        valid_from=MCA_2015_136_DATED,
        valid_to=NINGXIA_2017,
    ),
)


def replacements(parent: Rulebook) -> tuple[Replace, ...]:
    """Ningxia's versions of national access rules, each naming what it replaces and why;
    Ningxia's texts ground their findings from 2017-08-22."""

    def cite(
        rule_id: str,
        citation: Citation,
        reason: str,
        first: bool = False,
        before: Citation | None = None,
    ) -> Replace:
        ground = Ground(citation, NINGXIA_2017)
        rule = reground(parent.rule(rule_id), ground, first=first, before=before)
        return Replace(rule_id, rule, reason, citation)

    responsible = parent.rule("work-item.not-responsible-party")

    return (
        cite(LISTED, NX_LISTED, "Ningxia's own list-based access system (准入制度)", first=True),
        cite(
            "work-item.no-transfer", NX_TRANSFER, "Ningxia states the ban itself (不得)", first=True
        ),
        Replace(
            responsible.id,
            reground(
                responsible,
                Ground(NX_RESPONSIBLE, NINGXIA_2017),
                first=True,
                severity="must",
                valid_from=NINGXIA_2017,
                title_zh="不得将基层群众性自治组织作为行政执法、拆迁拆违、环境整治、城市管理、"
                "招商引资等事项的责任主体",
                title_en="A committee is never the responsible party for law enforcement, "
                "demolition, environmental remediation, city management or investment "
                "attraction",
            ),
            "Ningxia makes the ban binding (不得) from 2017-08-22, where national policy "
            "abolishes the practice only in principle (原则上)",
            NX_RESPONSIBLE,
        ),
        cite(
            "work-item.funding-follows-task",
            NX_FUNDING,
            "Ningxia's 费随事转 system",
            before=C136_FUNDING,
        ),
    )
