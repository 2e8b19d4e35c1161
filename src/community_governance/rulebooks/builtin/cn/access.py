"""National work-item access (准入) rules and lists for the ``cn`` rulebook.

Binding national law: the 2025 organic laws' Art. 43 (delegated work needs a legal basis and
is paid by the delegating department) and the duties of urban Art. 10 / village Art. 2 and 11.
National policy (民发〔2015〕136号 of 2015-07-13, 民发〔2020〕20号 published 2020-04-28) was read
only in secondary copies: those citations say so (``confidence="secondary"``), and the rules
resting on them start on those dates. Each rule's findings cite the grounds that hold for the
committee on the day judged, the deciding text first (`checks.access.Ground`).
"""

from __future__ import annotations

from ....checks import access as checks
from ....checks import lists
from ....checks.access import Ground, grounded
from ....models import WorkItem
from ....models.work_item import CommitteeKind
from ....rules.citation import Citation
from ....rules.rule import Rule
from ....rules.scope import Scope
from ..sources import (
    ADMIN_PENALTY_LAW,
    MCA_2015_136,
    MCA_2015_136_DATED,
    MCA_2020_20,
    MCA_2020_20_PUBLISHED,
    URBAN_1989_IN_FORCE,
    URBAN_2018,
    URBAN_2025,
    URBAN_2025_IN_FORCE,
    VILLAGE_2018,
    VILLAGE_2018_IN_FORCE,
    VILLAGE_2025,
    VILLAGE_2025_IN_FORCE,
)
from .lists import C2020_LIST, NOTE_2020, NOTE_VILLAGE_2025

RC: tuple[CommitteeKind, ...] = ("residents_committee",)
VC: tuple[CommitteeKind, ...] = ("village_committee",)

_136_NOTE = (
    "民政部 中组部《关于进一步开展社区减负工作的通知》, dated 2015-07-13: read only in a "
    "secondary copy. The quote is §一 as the legal review of 2026-11 (E7, §4(a)) gives it from "
    "a stored public copy, not checked against the official text; rules resting on it start "
    "on its date"
)
C136_LIST = Citation(
    MCA_2015_136,
    "§一",
    "以市（地、州、盟）为单位制定社区工作事项清单，实行社区工作准入制度",
    "secondary",
    _136_NOTE,
)
C136_TRANSFER = Citation(
    MCA_2015_136,
    "§一",
    "属于基层人民政府及其职能部门、街道办事处职责范围内的事项，不得转嫁给社区",
    "secondary",
    _136_NOTE,
)
C136_FUNDING = Citation(
    MCA_2015_136,
    "§一",
    "应由社区协助的事项，应当为社区提供必要的经费和工作条件",
    "secondary",
    _136_NOTE,
)
C136_QUOTAS = Citation(
    MCA_2015_136,
    "§一",
    "社区承担的招商引资、协税护税、经济创收等任务指标……原则上一律取消",
    "secondary",
    _136_NOTE + "; “……” leaves out the sentence's second subject (社区作为责任主体的…事项)",
)
C136_ABOLISH = Citation(
    MCA_2015_136,
    "§一",
    "社区作为责任主体的执法、拆迁拆违、环境整治、城市管理等事项，原则上一律取消",
    "secondary",
    _136_NOTE,
)
C2020_BASIS = Citation(
    MCA_2020_20,
    "正文",
    "基层群众性自治组织出具证明的事项，必须是有明确法律法规依据或经国务院批准列入保留证明事项"
    "清单、属于基层群众性自治组织职责范围的事项……凡是没有法律法规依据或未经国务院批准列入保留"
    "证明事项清单的证明事项，基层群众性自治组织不予出具",
    "secondary",
    NOTE_2020 + "; the quote is as the legal review of 2026-11 (E7) gives it from a stored "
    "public copy, not checked against the official text",
)
ART43_URBAN = Citation(
    URBAN_2025,
    "第四十三条第二款",
    "有关部门委托居民委员会协助开展工作的事项，应当符合法律、法规规定，所需经费由委托部门承担",
)
ART43_URBAN_1 = Citation(
    URBAN_2025,
    "第四十三条第一款",
    "不设区的市、市辖区的人民政府或者街道办事处需要居民委员会协助开展工作，应当提供必要的经费和条件",
)
ART43_VILLAGE = Citation(
    VILLAGE_2025,
    "第四十三条第二款",
    "有关部门委托村民委员会协助开展工作的事项，应当符合法律、法规规定，所需经费由委托部门承担",
    note=NOTE_VILLAGE_2025,
)
ART43_VILLAGE_1 = Citation(
    VILLAGE_2025,
    "第四十三条第一款",
    "乡、民族乡、镇的人民政府对村民委员会协助政府开展工作应当提供必要的经费和条件",
    note=NOTE_VILLAGE_2025,
)
ART37_VILLAGE_2018 = Citation(
    VILLAGE_2018,
    "第三十七条第一款",
    "人民政府有关部门委托村民委员会开展工作需要经费的，由委托部门承担",
    note="village committees from 2018-12-29 until 2025-12-31 (the text before the 2018 "
    "amendment is not held); for residents' committees before 2026 the 2015 policy "
    "(民发〔2015〕136号, secondary) states the funding rule",
)
ART6_URBAN_2025 = Citation(
    URBAN_2025,
    "第六条",
    "居民委员会协助不设区的市、市辖区的人民政府或者街道办事处开展工作",
)
ART6_VILLAGE_2025 = Citation(
    VILLAGE_2025,
    "第六条第二款",
    "村民委员会协助乡、民族乡、镇的人民政府开展工作",
    note=NOTE_VILLAGE_2025,
)
ART2_URBAN_2018 = Citation(
    URBAN_2018,
    "第二条第二款",
    "居民委员会协助不设区的市、市辖区的人民政府或者它的派出机关开展工作",
    note="unchanged since the 1989 law took effect on 1990-01-01; replaced by Art. 6 of the "
    "2025 revision on 2026-01-01",
)
ART5_VILLAGE_2018 = Citation(
    VILLAGE_2018,
    "第五条第二款",
    "村民委员会协助乡、民族乡、镇的人民政府开展工作",
    note="cited as amended 2018-12-29 (earlier texts are not held); replaced by Art. 6 of the "
    "2025 text on 2026-01-01",
)
ADMIN_PENALTY = Citation(
    ADMIN_PENALTY_LAW,
    "第三章",
    "",
    "unconfirmed",
    "not read and not quoted: the legal review of 2026-11 (D11) names chapter III (the bodies "
    "that impose administrative penalties) for the point that a self-governing organisation "
    "holds no enforcement power unless a law authorises it or an organ lawfully entrusts it",
)

#: Grounds (see `checks.access.Ground`), the deciding text first: the 2025 statutes from
#: 2026-01-01 for the committee they name; the 2018 statutes before; national policy from
#: its date.
_2025 = URBAN_2025_IN_FORCE
_136 = MCA_2015_136_DATED
_2020 = MCA_2020_20_PUBLISHED
G_LIST = (Ground(C136_LIST, _136),)
G_TRANSFER = (Ground(C136_TRANSFER, _136),)
G_ABOLISH = (Ground(C136_ABOLISH, _136),)
G_QUOTAS = (Ground(C136_QUOTAS, _136),)
G_CERTIFICATE_LIST = (Ground(C2020_LIST, _2020),)
G_CERTIFICATE_BASIS = (Ground(C2020_BASIS, _2020),)
G_LEGAL_BASIS = (
    Ground(ART43_URBAN, _2025, None, RC),
    Ground(ART43_VILLAGE, VILLAGE_2025_IN_FORCE, None, VC),
)
G_FUNDING = (
    Ground(ART43_URBAN, _2025, None, RC),
    Ground(ART43_URBAN_1, _2025, None, RC),
    Ground(ART43_VILLAGE, VILLAGE_2025_IN_FORCE, None, VC),
    Ground(ART43_VILLAGE_1, VILLAGE_2025_IN_FORCE, None, VC),
    Ground(ART37_VILLAGE_2018, VILLAGE_2018_IN_FORCE, VILLAGE_2025_IN_FORCE, VC),
    Ground(C136_FUNDING, _136, None, RC),
)
G_ENFORCEMENT = (
    Ground(ART6_URBAN_2025, _2025, None, RC),
    Ground(ART6_VILLAGE_2025, VILLAGE_2025_IN_FORCE, None, VC),
    Ground(ART43_URBAN, _2025, None, RC),
    Ground(ART43_VILLAGE, VILLAGE_2025_IN_FORCE, None, VC),
    Ground(ART2_URBAN_2018, URBAN_1989_IN_FORCE, _2025, RC),
    Ground(ART5_VILLAGE_2018, VILLAGE_2018_IN_FORCE, VILLAGE_2025_IN_FORCE, VC),
    Ground(C136_ABOLISH, _136),
    Ground(ADMIN_PENALTY),
)


def _cites(grounds: tuple[Ground, ...]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(g.citation for g in grounds))


#: Laws that give a committee no enforcement power: the organic laws themselves (a basis
#: naming one of them cannot make the committee an enforcement body).
_NO_ENFORCEMENT_POWER = ("居民委员会组织法", "村民委员会组织法")
#: The new rule of D11 (legal review 2026-11): enforcement binding nationally.
ENFORCEMENT = "work-item.not-responsible-for-enforcement"

RULES = (
    Rule(
        id=lists.LISTED,
        title_zh="工作事项须列入社区工作事项清单，清单外事项须经准入程序",
        title_en="A work item must be on the work-item list; others go through the access "
        "procedure",
        kind="obligation",
        severity="must",
        scope=Scope(WorkItem),
        check=grounded(lists.listed, *G_LIST),
        citations=_cites(G_LIST),
        valid_from=_136,
    ),
    Rule(
        id=lists.NEGATIVE,
        title_zh="负面清单所列事项社区不应承担",
        title_en="Items on the negative list are not undertaken",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=grounded(lists.negative_list, *G_TRANSFER),
        citations=_cites(G_TRANSFER),
        valid_from=_136,
    ),
    Rule(
        id=lists.CERTIFICATE_LIST,
        title_zh="不应出具证明事项清单所列证明不予出具",
        title_en="Certificates on the not-to-issue list are not issued",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=grounded(lists.certificate_list, *G_CERTIFICATE_LIST),
        citations=_cites(G_CERTIFICATE_LIST),
        valid_from=_2020,
    ),
    Rule(
        id="certificate.legal-basis",
        title_zh="出具证明须有明确的法律法规依据",
        title_en="A committee issues a certificate only on a clear legal basis",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=grounded(checks.certificate_basis, *G_CERTIFICATE_BASIS),
        citations=_cites(G_CERTIFICATE_BASIS),
        valid_from=_2020,
    ),
    Rule(
        id="work-item.no-transfer",
        title_zh="基层政府及其部门职责范围内的事项不得转嫁给社区",
        title_en="Duties of the basic-level government and its departments are not shifted "
        "onto the committee",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=grounded(checks.no_transfer, *G_TRANSFER),
        citations=_cites(G_TRANSFER),
        valid_from=_136,
    ),
    Rule(
        id="work-item.not-responsible-party",
        title_zh="社区作为责任主体的执法、拆迁拆违、环境整治、城市管理等事项原则上一律取消",
        title_en="The committee as responsible party for enforcement, demolition, environmental "
        "remediation or city management is abolished in principle",
        kind="prohibition",
        severity="advisory",
        scope=Scope(WorkItem),
        check=grounded(checks.not_responsible_party, *G_ABOLISH),
        citations=_cites(G_ABOLISH),
        valid_from=_136,
    ),
    Rule(
        id=ENFORCEMENT,
        title_zh="居（村）民委员会不作为行政执法事项的责任主体",
        title_en="A committee is not the responsible party for administrative law enforcement",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=grounded(checks.not_enforcement_party(_NO_ENFORCEMENT_POWER), *G_ENFORCEMENT),
        citations=_cites(G_ENFORCEMENT),
        valid_from=_136,
    ),
    Rule(
        id="work-item.no-economic-quotas",
        title_zh="社区承担的招商引资、协税护税、经济创收等指标原则上一律取消",
        title_en="Investment, tax and revenue quotas on communities are abolished in principle",
        kind="prohibition",
        severity="advisory",
        scope=Scope(WorkItem),
        check=grounded(checks.no_quotas, *G_QUOTAS),
        citations=_cites(G_QUOTAS),
        valid_from=_136,
    ),
    Rule(
        id="work-item.legal-basis",
        title_zh="有关部门委托协助开展工作的事项应当符合法律、法规规定",
        title_en="Work a department delegates to the committee must rest on law or regulation",
        kind="obligation",
        severity="must",
        scope=Scope(WorkItem),
        check=grounded(checks.legal_basis, *G_LEGAL_BASIS),
        citations=_cites(G_LEGAL_BASIS),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="work-item.funding-follows-task",
        title_zh="委托协助事项所需经费由委托部门承担（费随事转）",
        title_en="Funding follows the task: the delegating body pays",
        kind="obligation",
        severity="must",
        scope=Scope(WorkItem),
        check=grounded(checks.funding, *G_FUNDING),
        citations=_cites(G_FUNDING),
        valid_from=_136,
    ),
)
