"""Owners' duties around the owners' assembly (业主大会) beyond its pass rule: telling the
residents' committee of a residential compound's meeting (物业管理条例 Art. 14(2)), filing an
elected owners' committee within thirty days (Art. 16(1)), its first meeting within seven days
(指导规则 Art. 32(2), read in a secondary copy: a warning only) and the unanimous consent of
the interested owners to turn a home into business premises (民法典 Art. 279).

Days are counted from the day after the election (民法典 Art. 201: 开始的当日不计入): a filing
thirty days after the vote is in time, thirty-one days is late.
"""

from __future__ import annotations

from typing import Any

from .....exceptions import MissingDataError
from .....models.meeting import Meeting
from .....models.motion import Motion
from .....rules.citation import Citation
from .....rules.parameter import Parameter
from .....rules.rule import Check, DeclaredCheck, Rule, RuleContext, reads
from .....rules.scope import Scope
from .....rules.threshold import Term, Threshold
from ...sources import CIVIL_CODE as CIVIL_CODE_FULL
from ...sources import OWNERS_GUIDANCE_2009
from ..bodies import OWNERS_FROM
from .owners import (
    CIVIL_CODE,
    CIVIL_CODE_IN_FORCE,
    INTERPRETATION,
    PROPERTY_REGULATION,
    PROPERTY_REGULATION_2018,
)

ART14_INFORM = Citation(
    PROPERTY_REGULATION,
    "第十四条第二款",
    "住宅小区的业主大会会议，应当同时告知相关的居民委员会。",
)
ART16_FILING = Citation(
    PROPERTY_REGULATION,
    "第十六条第一款",
    "业主委员会应当自选举产生之日起30日内，向物业所在地的区、县人民政府房地产行政主管部门和街道办事处、"
    "乡镇人民政府备案。",
)
GUIDANCE_ART32 = Citation(
    OWNERS_GUIDANCE_2009,
    "第三十二条第二款",
    "业主委员会应当自选举之日起7日内召开首次会议，推选业主委员会主任和副主任",
    confidence="secondary",
    note="read only in a secondary copy (the legal review of 2026-11, M-O5, external), quoted "
    "in its wording; the guidance is not held in shared/law, so the rule only warns, from "
    "2010-01-01 as the owners' committee rules assume",
)
ART279 = Citation(
    CIVIL_CODE,
    "第二百七十九条",
    "业主不得违反法律、法规以及管理规约，将住宅改变为经营性用房。业主将住宅改变为经营性用房的，除遵守"
    "法律、法规以及管理规约外，应当经有利害关系的业主一致同意。",
)
SPC_ART10 = Citation(
    INTERPRETATION,
    "第十条第二款",
    "将住宅改变为经营性用房的业主以多数有利害关系的业主同意其行为进行抗辩的，人民法院不予支持。",
)
SPC_ART11 = Citation(
    INTERPRETATION,
    "第十一条",
    "业主将住宅改变为经营性用房，本栋建筑物内的其他业主，应当认定为民法典第二百七十九条所称“有利害"
    "关系的业主”。建筑区划内，本栋建筑物之外的业主，主张与自己有利害关系的，应证明其房屋价值、生活"
    "质量受到或者可能受到不利影响。",
    note="owners outside the building are interested only if they prove it: the record does "
    "not say, so only the building's other owners are counted",
)

CIVIL_201 = Citation(
    CIVIL_CODE_FULL,
    "第二百零一条",
    "按照年、月、日计算期间的，开始的当日不计入",
    "secondary",
    "how the days from the election are counted (the day of the election is not); Art. 201 is "
    "not in the shared excerpt 民法典（摘录）: quoted as the legal review of 2026-11 gives it, "
    "read in a secondary copy; a last day falling on a holiday is not moved",
)

FILING_DAYS = Parameter.count(
    "meeting.owners-assembly.committee-filing-days",
    "业主委员会自选举产生之日起备案的期限（日）",
    "owners' assembly: days from electing the owners' committee to filing it",
    (30, PROPERTY_REGULATION_2018, None, ART16_FILING),
    unit_zh="日",
)
FIRST_MEETING_DAYS = Parameter.count(
    "meeting.owners-assembly.committee-first-meeting-days",
    "业主委员会自选举之日起召开首次会议的期限（日，二手资料）",
    "owners' assembly: days from electing the owners' committee to its first meeting "
    "(secondary source)",
    (7, OWNERS_FROM, None, GUIDANCE_ART32),
    unit_zh="日",
)


def residents_committee_informed(m: Meeting, ctx: RuleContext) -> Check:
    """A residential compound's owners' assembly is notified to the residents' committee
    together with the owners (应当同时告知相关的居民委员会)."""
    if m.residential_compound is False:
        return Check.not_applicable(
            "物业管理区域不是住宅小区", "the property area is not a residential compound"
        )
    if m.residential_compound is None:
        raise MissingDataError(
            "residential_compound",
            "whether the property area is a residential compound decides whether the residents' "
            "committee must be told",
            "需要登记物业管理区域是否为住宅小区",
        )
    if m.residents_committee_informed is None:
        raise MissingDataError(
            "residents_committee_informed",
            "whether the residents' committee was told of the meeting is not recorded",
            "需要登记是否同时告知相关的居民委员会",
        )
    if m.residents_committee_informed:
        return Check.passed(
            "住宅小区的业主大会会议已同时告知相关的居民委员会",
            "the residents' committee was told of the residential compound's meeting",
        )
    return Check.failed(
        "住宅小区的业主大会会议应当同时告知相关的居民委员会，记录表明未告知",
        "a residential compound's owners' assembly must be notified to the residents' committee "
        "together with the owners; the record says it was not",
    )


_DAYS = Term("days", "自选举之日起的天数", "days from the election", "日", ("day", "days"))


def _elections(m: Meeting) -> list[Motion]:
    return [x for x in m.motions if x.matter == "owners_committee" and x.result == "adopted"]


def _days_after(field: str, p: Parameter, zh: str, en: str) -> DeclaredCheck:
    @reads(p)
    def check(m: Meeting, ctx: RuleContext) -> Check:
        elections = _elections(m)
        if not elections:
            return Check.not_applicable(
                "会议未选举业主委员会", "the meeting did not elect an owners' committee"
            )
        limit = ctx.count(p)
        late: list[str] = []
        unknown: list[str] = []
        texts: list[tuple[str, str]] = []
        for x in elections:
            day = getattr(x, field)
            if day is None:
                unknown.append(x.id)
                continue
            c = Threshold("at_most", limit, _DAYS).test((day - x.voted_on).days)
            texts.append(c.text())
            if not c.passed:
                late.append(x.id)
        evidence = {"motions": [x.id for x in elections], "late": late, "unknown": unknown}
        detail_zh, detail_en = "；".join(t[0] for t in texts), "; ".join(t[1] for t in texts)
        if late:
            return Check.failed(
                f"{zh}超过期限（议题{'、'.join(late)}）：{detail_zh}",
                f"{en} too late (motion(s) {', '.join(late)}): {detail_en}",
                **evidence,
            )
        if unknown:
            raise MissingDataError(
                f"motions.{field}",
                f"{en}: the day is not recorded for motion(s) {', '.join(unknown)}",
                f"{zh}：议题{'、'.join(unknown)}未登记日期",
            )
        return Check.passed(f"{zh}在期限内：{detail_zh}", f"{en} in time: {detail_en}", **evidence)

    return check


committee_filing = _days_after(
    "filed_on", FILING_DAYS, "业主委员会备案", "the owners' committee filed"
)
committee_first_meeting = _days_after(
    "committee_first_met_on",
    FIRST_MEETING_DAYS,
    "业主委员会召开首次会议",
    "the owners' committee's first meeting",
)


def change_of_use(m: Meeting, ctx: RuleContext) -> Check:
    """Turning a home into business premises needs every interested owner's consent — the
    other owners of its building (SPC Interp. Art. 11); a majority is no defence (Art. 10)."""
    motions = [
        x for x in m.motions if x.matter == "residence_to_commercial" and x.result == "adopted"
    ]
    if not motions:
        return Check.not_applicable(
            "会议未同意将住宅改变为经营性用房", "no adopted change of a home to business premises"
        )
    if not m.units:
        raise MissingDataError(
            "units",
            "the unit register (with each unit's building) shows who the interested owners are",
            "需要专有部分清单（含所在楼栋）才能确定有利害关系的业主",
        )
    units = {u.id: u for u in m.units}
    missing: dict[str, list[str]] = {}
    unknown: list[str] = []
    for x in motions:
        if x.unit_id is None:
            raise MissingDataError(
                "motions.unit_id",
                "the unit whose use changes is not recorded",
                "需要登记改变用途的住宅",
            )
        unit = units[x.unit_id]
        if unit.building is None or any(u.building is None for u in m.units):
            unknown.append(x.id)
            continue
        interested = sorted(
            {u.owner_id for u in m.units if u.building == unit.building} - {unit.owner_id}
        )
        absent = [o for o in interested if o not in x.consenting_owners]
        if absent:
            missing[x.id] = absent
    evidence: dict[str, Any] = {"motions": [x.id for x in motions], "without_consent": missing}
    if missing:
        detail = "；".join(f"议题{k}：{'、'.join(v)}未同意" for k, v in missing.items())
        return Check.failed(
            f"将住宅改变为经营性用房应当经有利害关系的业主（本栋建筑物内的其他业主）一致同意，多数同意不足以"
            f"抗辩：{detail}",
            "turning a home into business premises needs the consent of every interested owner "
            "(the other owners of the building); a majority is no defence: "
            + "; ".join(f"motion {k}: {', '.join(v)} did not consent" for k, v in missing.items()),
            **evidence,
        )
    if unknown:
        raise MissingDataError(
            "units.building",
            f"the building of the units is needed to find the interested owners (motion(s) "
            f"{', '.join(unknown)})",
            "需要登记各专有部分所在楼栋，才能确定本栋建筑物内的其他业主",
        )
    return Check.passed(
        "本栋建筑物内的其他业主均已同意将住宅改变为经营性用房",
        "every other owner of the building consented to the change of use",
        **evidence,
    )


_OWNERS = Scope(Meeting, assembly="owners_assembly")

RULES = (
    Rule(
        id="meeting.owners-residents-committee-informed",
        title_zh="住宅小区的业主大会会议，应当同时告知相关的居民委员会",
        title_en="A residential compound's owners' assembly is notified to the residents' "
        "committee",
        kind="obligation",
        severity="must",
        scope=_OWNERS,
        check=residents_committee_informed,
        citations=(ART14_INFORM,),
        valid_from=PROPERTY_REGULATION_2018,
    ),
    Rule(
        id="meeting.owners-committee-filing",
        title_zh="业主委员会应当自选举产生之日起30日内备案",
        title_en="An elected owners' committee is filed within 30 days",
        kind="obligation",
        severity="must",
        scope=_OWNERS,
        check=committee_filing,
        citations=(ART16_FILING, CIVIL_201),
        valid_from=PROPERTY_REGULATION_2018,
    ),
    Rule(
        id="meeting.owners-committee-first-meeting",
        title_zh="业主委员会应当自选举之日起7日内召开首次会议（二手资料，仅提示）",
        title_en="An owners' committee first meets within 7 days of its election (secondary "
        "source; warns only)",
        kind="obligation",
        severity="advisory",
        scope=_OWNERS,
        check=committee_first_meeting,
        citations=(GUIDANCE_ART32, CIVIL_201),
        valid_from=OWNERS_FROM,
    ),
    Rule(
        id="meeting.owners-change-of-use",
        title_zh="将住宅改变为经营性用房，应当经有利害关系的业主一致同意",
        title_en="Turning a home into business premises needs every interested owner's consent",
        kind="obligation",
        severity="must",
        scope=_OWNERS,
        check=change_of_use,
        citations=(ART279, SPC_ART10, SPC_ART11),
        valid_from=CIVIL_CODE_IN_FORCE,
    ),
)
