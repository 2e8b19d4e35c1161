"""Dismissing the property service company (解聘物业服务人): Civil Code Art. 946.

Owners who decide by the statutory procedure to dismiss the property service company may end
the property service contract, but must notify the company in writing sixty days ahead, unless
the contract sets another notice period. The decision is a ``property_service_dismissal``
motion of the owners' assembly; the notice is recorded on it (`DismissalNotice`).

"提前六十日" is read as "at least sixty days ahead", the number included: notice that reaches the
company exactly sixty days before the contract ends (``terminates_on − notified_on = 60``) is
enough, as ``meeting.notice`` reads "会议召开15日以前通知".
"""

from __future__ import annotations

from typing import Any

import attrs

from .....exceptions import MissingDataError
from .....models.meeting import Meeting, Motion
from .....rules.citation import Citation
from .....rules.parameter import Parameter
from .....rules.rule import Check, Rule, RuleContext, reads
from .....rules.scope import Scope
from .....rules.threshold import Term, Threshold
from .owners import CIVIL_CODE, CIVIL_CODE_IN_FORCE

MATTER = "property_service_dismissal"

ART946 = Citation(
    CIVIL_CODE,
    "第九百四十六条第一款",
    "业主依照法定程序共同决定解聘物业服务人的，可以解除物业服务合同。决定解聘的，应当提前六十日"
    "书面通知物业服务人，但是合同对通知期限另有约定的除外。",
    note="提前六十日 read inclusively (exactly sixty days' notice suffices); a period the "
    "contract sets replaces the sixty days",
)

NOTICE_DAYS = Parameter.count(
    "meeting.owners-assembly.dismissal-notice-days",
    "决定解聘物业服务人的，提前书面通知的天数（合同另有约定的除外）",
    "owners' assembly: days of written notice of dismissal to the property service "
    "company, unless the contract sets another period",
    (60, CIVIL_CODE_IN_FORCE, None, ART946),
    unit_zh="日",
)

_DAYS = Term(
    "dismissal_notice_days",
    "书面通知送达至合同解除的天数",
    "days from the written notice to the end of the contract",
    "日",
    ("day", "days"),
)
_INCLUSIVE_ZH = "“提前六十日”包括本数，恰好提前规定天数通知即为足够"
_INCLUSIVE_EN = "提前六十日 includes the number: notice exactly that many days ahead is enough"


def _period(motion: Motion, ctx: RuleContext) -> tuple[int, dict[str, Any], str, str]:
    """The notice period that applies: the contract's, else the statutory one."""
    notice = motion.dismissal_notice
    contract = notice.contract_notice if notice is not None else None
    if contract is not None:
        return (
            contract.days,
            {"days": contract.days, "source": "contract", "clause": contract.clause},
            f"合同约定的通知期限（{contract.clause}）",
            f"the contract's notice period ({contract.clause})",
        )
    days = ctx.count(NOTICE_DAYS)
    return (
        days,
        {"days": days, "source": "law", "parameter": NOTICE_DAYS.name},
        "法定通知期限",
        "the statutory notice period",
    )


@attrs.frozen(slots=True)
class _Judged:
    """One dismissal motion judged: passed (None if facts are missing), why, and evidence."""

    motion: str
    passed: bool | None
    zh: str
    en: str
    evidence: dict[str, Any]
    missing: str = ""


def _judge(i: int, motion: Motion, ctx: RuleContext) -> _Judged:
    notice = motion.dismissal_notice
    where = f"motions[{i}].dismissal_notice"
    if notice is None:
        return _Judged(motion.id, None, "", "", {"motion": motion.id}, where)
    evidence: dict[str, Any] = {"motion": motion.id, "written": notice.written}
    problems_zh: list[str] = []
    problems_en: list[str] = []
    if notice.written is False:
        problems_zh.append("解聘通知未采用书面形式")
        problems_en.append("the notice was not given in writing")
    detail_zh = detail_en = ""
    if notice.notified_on is not None and notice.terminates_on is not None:
        days, source, source_zh, source_en = _period(motion, ctx)
        c = Threshold("at_least", days, _DAYS).test(
            (notice.terminates_on - notice.notified_on).days
        )
        zh, en = c.text()
        notified, ends = notice.notified_on.isoformat(), notice.terminates_on.isoformat()
        evidence.update(
            notified_on=notified, terminates_on=ends, notice_period=source, **c.to_evidence()
        )
        detail_zh = f"{notified}通知、{ends}解除，按{source_zh}：{zh}（{_INCLUSIVE_ZH}）"
        detail_en = (
            f"notified {notified}, contract ends {ends}, under {source_en}: {en} ({_INCLUSIVE_EN})"
        )
        if not c.passed:
            problems_zh.append(f"通知期限不足：{detail_zh}")
            problems_en.append(f"notice too short: {detail_en}")
    if problems_zh:
        return _Judged(motion.id, False, "；".join(problems_zh), "; ".join(problems_en), evidence)
    if not detail_zh:
        field = "notified_on" if notice.notified_on is None else "terminates_on"
        return _Judged(motion.id, None, "", "", evidence, f"{where}.{field}")
    if notice.written is None:
        return _Judged(motion.id, None, "", "", evidence, f"{where}.written")
    return _Judged(
        motion.id, True, f"书面通知，{detail_zh}", f"written notice, {detail_en}", evidence
    )


@reads(NOTICE_DAYS)
def dismissal_notice(m: Meeting, ctx: RuleContext) -> Check:
    """Each adopted dismissal of the property service company was notified to it in writing
    at least the notice period (sixty days, or the contract's) before the contract ends."""
    decided = [(i, x) for i, x in enumerate(m.motions) if x.matter == MATTER]
    adopted = [(i, x) for i, x in decided if x.result == "adopted"]
    if not adopted:
        detail = "（解聘议题未通过）" if decided else ""
        detail_en = " (the dismissal motion was rejected)" if decided else ""
        return Check.not_applicable(
            f"业主大会未决定解聘物业服务人{detail}",
            f"the owners did not decide to dismiss the property service company{detail_en}",
        )
    judged = [_judge(i, x, ctx) for i, x in adopted]
    evidence = [j.evidence for j in judged]
    failed = [j for j in judged if j.passed is False]
    if failed:
        return Check.failed(
            "；".join(f"解聘物业服务人的议题{j.motion}：{j.zh}" for j in failed),
            "; ".join(f"dismissal motion {j.motion}: {j.en}" for j in failed),
            motions=evidence,
            wrong=[j.motion for j in failed],
        )
    missing = [j for j in judged if j.passed is None]
    if missing:
        raise MissingDataError(
            missing[0].missing,
            "the dismissal notice's date and form and the contract's end are needed to check "
            "the notice period",
            "需要解聘通知的送达日期、是否书面以及合同解除日期，才能判断是否提前书面通知",
        )
    return Check.passed(
        "；".join(f"解聘物业服务人的议题{j.motion}：{j.zh}" for j in judged),
        "; ".join(f"dismissal motion {j.motion}: {j.en}" for j in judged),
        motions=evidence,
    )


RULES = (
    Rule(
        id="meeting.property-dismissal-notice",
        title_zh="业主共同决定解聘物业服务人的，应当提前六十日书面通知物业服务人（合同另有约定的除外）",
        title_en="Owners who dismiss the property service company notify it in writing sixty "
        "days ahead, unless the contract sets another period",
        kind="obligation",
        severity="must",
        scope=Scope(Meeting, assembly="owners_assembly"),
        check=dismissal_notice,
        citations=(ART946,),
        valid_from=CIVIL_CODE_IN_FORCE,
    ),
)
