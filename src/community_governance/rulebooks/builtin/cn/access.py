"""National work-item access (准入) rules and lists for the ``cn`` rulebook.

Binding national law: the 2025 organic laws' Art. 43 (delegated work needs a legal basis and
is paid by the delegating department) and the duties of urban Art. 10 / village Art. 2 and 11.
National policy (民发〔2015〕136号, 民发〔2020〕20号) was read only in secondary copies: those
citations say so (``confidence="secondary"``).
"""

from __future__ import annotations

import datetime as dt

from ....checks import access as checks
from ....checks import lists
from ....models import WorkItem
from ....rules.citation import Citation
from ....rules.decision import Severity
from ....rules.rule import CheckFn, Rule, RuleKind
from ....rules.scope import Scope
from ..sources import (
    MCA_2015_136,
    MCA_2020_20,
    MCA_2020_ISSUED,
    URBAN_2025,
    URBAN_2025_IN_FORCE,
    VILLAGE_2018,
    VILLAGE_2025,
)
from .lists import C2020_LIST, NOTE_2020, NOTE_VILLAGE_2025

_136_NOTE = (
    "民政部 中组部 2015 notice, read only in a secondary copy (verbatim §一 via an annotated "
    "copy, see the project's statute catalogue G1); its date of issue was not read, so rules "
    "resting on it alone carry no start date"
)
_136_SENTENCE = (
    "社区承担的招商引资、协税护税、经济创收等指标，以及社区作为责任主体的执法、拆迁拆违、"
    "环境整治、城市管理等事项，原则上一律取消"
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
    "属于基层政府及其部门、街道职责范围的事项不得转嫁给社区",
    "secondary",
    _136_NOTE,
)
C136_FUNDING = Citation(
    MCA_2015_136, "§一", "应由社区协助的事项应提供必要经费和工作条件", "secondary", _136_NOTE
)
C136_ABOLISH = Citation(MCA_2015_136, "§一", _136_SENTENCE, "secondary", _136_NOTE)
C2020_BASIS = Citation(
    MCA_2020_20,
    "正文",
    "",
    "secondary",
    NOTE_2020 + ": a committee issues a certificate only with a clear basis in law or "
    "regulation (or on the State Council's list of retained certificates) and within its "
    "duties; without a basis it does not issue one",
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
ART37_VILLAGE_2018 = Citation(
    VILLAGE_2018,
    "第三十七条",
    "人民政府有关部门委托村民委员会开展工作需要经费的，由委托部门承担",
    note="village committees until 2025-12-31; for residents' committees before 2026 only the "
    "2015 policy (民发〔2015〕136号, secondary) states the funding rule",
)


def _rule(
    rule_id: str,
    zh: str,
    en: str,
    kind: RuleKind,
    check: CheckFn,
    *citations: Citation,
    severity: Severity = "must",
    valid_from: dt.date | None = None,
) -> Rule:
    return Rule(
        id=rule_id,
        title_zh=zh,
        title_en=en,
        kind=kind,
        severity=severity,
        scope=Scope(WorkItem),
        check=check,
        citations=citations,
        valid_from=valid_from,
    )


RULES = (
    _rule(
        lists.LISTED,
        "工作事项须列入社区工作事项清单，清单外事项须经准入程序",
        "A work item must be on the work-item list; others go through the access procedure",
        "obligation",
        lists.listed,
        C136_LIST,
    ),
    _rule(
        lists.NEGATIVE,
        "负面清单所列事项社区不应承担",
        "Items on the negative list are not undertaken",
        "prohibition",
        lists.negative_list,
        C136_TRANSFER,
    ),
    _rule(
        lists.CERTIFICATE_LIST,
        "不应出具证明事项清单所列证明不予出具",
        "Certificates on the not-to-issue list are not issued",
        "prohibition",
        lists.certificate_list,
        C2020_LIST,
        valid_from=MCA_2020_ISSUED,
    ),
    _rule(
        "certificate.legal-basis",
        "出具证明须有明确的法律法规依据",
        "A committee issues a certificate only on a clear legal basis",
        "prohibition",
        checks.certificate_basis,
        C2020_BASIS,
        valid_from=MCA_2020_ISSUED,
    ),
    _rule(
        "work-item.no-transfer",
        "基层政府及其部门职责范围内的事项不得转嫁给社区",
        "Duties of the basic-level government and its departments are not shifted onto the "
        "committee",
        "prohibition",
        checks.no_transfer,
        C136_TRANSFER,
    ),
    _rule(
        "work-item.not-responsible-party",
        "社区作为责任主体的执法、拆迁拆违、环境整治、城市管理等事项原则上一律取消",
        "The committee as responsible party for enforcement, demolition, environmental "
        "remediation or city management is abolished in principle",
        "prohibition",
        checks.not_responsible_party,
        C136_ABOLISH,
        severity="advisory",
    ),
    _rule(
        "work-item.no-economic-quotas",
        "社区承担的招商引资、协税护税、经济创收等指标原则上一律取消",
        "Investment, tax and revenue quotas on communities are abolished in principle",
        "prohibition",
        checks.no_quotas,
        C136_ABOLISH,
        severity="advisory",
    ),
    _rule(
        "work-item.legal-basis",
        "有关部门委托协助开展工作的事项应当符合法律、法规规定",
        "Work a department delegates to the committee must rest on law or regulation",
        "obligation",
        checks.legal_basis,
        ART43_URBAN,
        ART43_VILLAGE,
        valid_from=URBAN_2025_IN_FORCE,
    ),
    _rule(
        "work-item.funding-follows-task",
        "委托协助事项所需经费由委托部门承担（费随事转）",
        "Funding follows the task: the delegating body pays",
        "obligation",
        checks.funding,
        ART43_URBAN,
        ART43_URBAN_1,
        ART43_VILLAGE,
        ART37_VILLAGE_2018,
        C136_FUNDING,
    ),
)
