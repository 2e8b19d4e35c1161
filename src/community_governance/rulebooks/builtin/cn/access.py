"""National work-item access (准入) rules and lists for the ``cn`` rulebook.

Binding national law: the 2025 organic laws' Art. 43 (delegated work needs a legal basis and
is paid by the delegating department) and the duties of urban Art. 10 / village Art. 2 and 11.
National policy (民发〔2015〕136号, 民发〔2020〕20号) was read only in secondary copies: those
citations say so (``confidence="secondary"``).
"""

from __future__ import annotations

from ....checks import access as checks
from ....checks import lists
from ....models import WorkItem
from ....rules.citation import Citation
from ....rules.rule import Rule
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


RULES = (
    Rule(
        id=lists.LISTED,
        title_zh="工作事项须列入社区工作事项清单，清单外事项须经准入程序",
        title_en="A work item must be on the work-item list; others go through the access "
        "procedure",
        kind="obligation",
        severity="must",
        scope=Scope(WorkItem),
        check=lists.listed,
        citations=(C136_LIST,),
    ),
    Rule(
        id=lists.NEGATIVE,
        title_zh="负面清单所列事项社区不应承担",
        title_en="Items on the negative list are not undertaken",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=lists.negative_list,
        citations=(C136_TRANSFER,),
    ),
    Rule(
        id=lists.CERTIFICATE_LIST,
        title_zh="不应出具证明事项清单所列证明不予出具",
        title_en="Certificates on the not-to-issue list are not issued",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=lists.certificate_list,
        citations=(C2020_LIST,),
        valid_from=MCA_2020_ISSUED,
    ),
    Rule(
        id="certificate.legal-basis",
        title_zh="出具证明须有明确的法律法规依据",
        title_en="A committee issues a certificate only on a clear legal basis",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=checks.certificate_basis,
        citations=(C2020_BASIS,),
        valid_from=MCA_2020_ISSUED,
    ),
    Rule(
        id="work-item.no-transfer",
        title_zh="基层政府及其部门职责范围内的事项不得转嫁给社区",
        title_en="Duties of the basic-level government and its departments are not shifted "
        "onto the committee",
        kind="prohibition",
        severity="must",
        scope=Scope(WorkItem),
        check=checks.no_transfer,
        citations=(C136_TRANSFER,),
    ),
    Rule(
        id="work-item.not-responsible-party",
        title_zh="社区作为责任主体的执法、拆迁拆违、环境整治、城市管理等事项原则上一律取消",
        title_en="The committee as responsible party for enforcement, demolition, environmental "
        "remediation or city management is abolished in principle",
        kind="prohibition",
        severity="advisory",
        scope=Scope(WorkItem),
        check=checks.not_responsible_party,
        citations=(C136_ABOLISH,),
    ),
    Rule(
        id="work-item.no-economic-quotas",
        title_zh="社区承担的招商引资、协税护税、经济创收等指标原则上一律取消",
        title_en="Investment, tax and revenue quotas on communities are abolished in principle",
        kind="prohibition",
        severity="advisory",
        scope=Scope(WorkItem),
        check=checks.no_quotas,
        citations=(C136_ABOLISH,),
    ),
    Rule(
        id="work-item.legal-basis",
        title_zh="有关部门委托协助开展工作的事项应当符合法律、法规规定",
        title_en="Work a department delegates to the committee must rest on law or regulation",
        kind="obligation",
        severity="must",
        scope=Scope(WorkItem),
        check=checks.legal_basis,
        citations=(ART43_URBAN, ART43_VILLAGE),
        valid_from=URBAN_2025_IN_FORCE,
    ),
    Rule(
        id="work-item.funding-follows-task",
        title_zh="委托协助事项所需经费由委托部门承担（费随事转）",
        title_en="Funding follows the task: the delegating body pays",
        kind="obligation",
        severity="must",
        scope=Scope(WorkItem),
        check=checks.funding,
        citations=(ART43_URBAN, ART43_URBAN_1, ART43_VILLAGE, ART37_VILLAGE_2018, C136_FUNDING),
    ),
)
