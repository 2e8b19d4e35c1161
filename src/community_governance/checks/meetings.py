"""Checks of meetings — request to convene, notice, quorum, majority — driven by the pass
rules a rulebook holds in its table ``meeting.pass-rules`` (`pass_rules.PASS_RULES`), so that
one check serves every meeting type and a local rulebook changes a meeting type's rule by
replacing its table entry.

Each check finds the one entry in force on the day that governs the meeting's assembly (and
community kind). Where none does, the finding is ``indeterminate`` and names the gap: the
meeting cannot be shown lawful by a rule the rulebook does not have (the urban
representatives' assembly before 2026, a residents' assembly before 2018-12-29, an owners'
assembly before 2018-03-19).

Shares are never met on an empty base (``0 of 0``); a request to convene is measured against
the meeting's own ``entitled`` and never denies a meeting that was held (a duty to convene,
discharged by convening); a matter for which another law sets the majority (`OtherLaw`) is
judged by it, and is ``indeterminate`` where the record cannot apply it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ..exceptions import MissingDataError
from ..labels import label
from ..models.meeting import AttendanceBase, Meeting, Motion, owner_headcount
from ..rules.rule import Check, DeclaredCheck, RuleContext, reads
from ..rules.threshold import AllOf, Comparison, Measure, Outcome, Term, Threshold
from .meeting_measures import (
    AREA_FOR,
    ATTENDING,
    FOR,
    MAJORITY_BASE,
    NOTICE,
    REQUEST_BASE,
    REQUESTING,
)
from .pass_rules import PASS_RULES, OtherLaw, PassRule, Share, covering

__all__ = ["majority", "notice", "owners_count", "quorum", "request"]


#: The attendance base whose ``entitled`` count is the base of a request by each requester
#: (提议主体): a request is measured against the meeting's own record, never against a total
#: the request states about itself. 村民 are counted as the villagers' assembly's members, the
#: villagers aged eighteen and over (村民会议由本村十八周岁以上的村民组成). Representatives and
#: residents' groups are not what any meeting record counts (a representatives' assembly counts
#: its 组成人员, committee members included), so such a request cannot be measured.
REQUEST_MEASURED_BY: dict[str, AttendanceBase] = {
    "adults": "adults",
    "households": "households",
    "villagers": "adults",
    "owners": "owners",
    "members": "members",
}

_EMPTY_ZH = "应到人数为零，以零为基数的比例不能满足"
_EMPTY_EN = "no one is entitled (0): a share of an empty base is never met"


def _meeting_zh(m: Meeting) -> str:
    return label("meeting_body", m.body, community_kind=m.community_kind)


def _select(m: Meeting, ctx: RuleContext) -> PassRule | Check:
    entry = covering(ctx.table(PASS_RULES), m.body, m.community_kind)
    if entry is not None:
        value: PassRule = entry.value
        return value
    kind_zh = f"，{label('community_kind', m.community_kind)}" if m.community_kind else ""
    kind_en = f" ({m.community_kind})" if m.community_kind else ""
    day = ctx.at.isoformat()
    mine = [
        e for e in ctx.source.table(PASS_RULES).entries if e.value.matches(m.body, m.community_kind)
    ]
    other = [(e.key, e.validity.describe()) for e in mine]
    zh = "、".join(f"{key}（{span}）" for key, span in other)
    en = ", ".join(f"{key} ({span})" for key, span in other)
    starts = [e.validity.valid_from for e in mine if e.validity.valid_from is not None]
    gap_zh = gap_en = ""
    if mine and starts and len(starts) == len(mine) and ctx.at < min(starts):
        first = min(starts).isoformat()
        gap_zh = (
            f"；{day}早于规则集所载该会议最早的表决规则（自{first}起），此前如有法律规定，未建模"
        )
        gap_en = (
            f"; {day} is before the earliest pass rule the rulebook holds for this assembly "
            f"(from {first}): any earlier law is not modelled"
        )
    return Check(
        "indeterminate",
        f"规则集在{day}没有适用于该会议（{_meeting_zh(m)}{kind_zh}）的表决规则"
        f"（{PASS_RULES}），"
        "无法判定其是否合规" + (f"；该会议的表决规则施行期间：{zh}" if other else "") + gap_zh,
        f"no pass rule in table {PASS_RULES} governs a {m.body} meeting{kind_en} on {day}, "
        "so the meeting cannot be judged"
        + (f"; this assembly's pass rules are in force: {en}" if other else "")
        + gap_en,
        {"table": PASS_RULES, "assembly": m.body, "community_kind": m.community_kind},
    )


def _join(comparisons: Sequence[Comparison]) -> tuple[str, str]:
    texts = [c.text() for c in comparisons]
    return "；".join(t[0] for t in texts), "; ".join(t[1] for t in texts)


def _threshold(share: Share, ctx: RuleContext, counted: Term, base: Term) -> Threshold:
    return Threshold(share.quantifier, ctx.share(share.parameter), counted, base)


def _empty(outcome: Outcome) -> bool:
    """Whether a share in ``outcome`` was taken of an empty base (never met, whatever 0 ≥ 0
    says)."""
    return any(c.base == 0 for c in outcome.comparisons() if c.threshold.is_share)


@reads(tables=[PASS_RULES])
def _request(m: Meeting, ctx: RuleContext) -> Check:
    """Whether a recorded request obliged the convener to call the meeting. A held meeting
    never breaches that duty, so the finding is ``passed`` (obliged, and the meeting was
    held) or ``not_applicable`` (no duty arose, or the record cannot show whether one did):
    a request below its share never makes a lawfully called meeting unlawful. A request
    measured against a base that contradicts the meeting's own ``entitled`` is
    ``indeterminate``: the record contradicts itself."""
    if m.requested_by is None:
        return Check.not_applicable(
            "会议由召集人自行召集，未记录提议", "called by the convener; no request recorded"
        )
    pr = _select(m, ctx)
    if isinstance(pr, Check):
        return pr
    r = m.requested_by
    share = pr.request.get(r.base)
    base_zh = REQUEST_BASE[r.base].zh
    if share is None:
        bases = ", ".join(sorted(pr.request)) or "none"
        return Check.not_applicable(
            f"{pr.title_zh}不因{base_zh}的提议而必须召集（法定提议主体：{bases}）；"
            "召集人可以自行召集，会议不因此无效",
            f"a request by {r.base} does not oblige the convener of a {pr.title_en} "
            f"(requests counted of: {bases}); the convener may call it on its own, and the "
            "meeting does not depend on the request",
            obliged=False,
            base=r.base,
            admissible=sorted(pr.request),
        )
    measured = REQUEST_MEASURED_BY.get(r.base)
    if measured != m.constituted_by:
        return Check.not_applicable(
            f"会议记录按{ATTENDING[m.constituted_by][1].zh}计算应到人数，不记载{base_zh}的总数，"
            f"无法计算提议比例；是否产生召集义务无法判断，会议的效力不取决于此",
            f"the record counts {m.constituted_by} entitled, not the {r.base} a request is "
            "counted of, so the request cannot be measured: whether it obliged the convener "
            "is unknown, and the meeting does not depend on it",
            obliged=None,
            base=r.base,
            constituted_by=m.constituted_by,
        )
    if r.of != m.entitled:
        return Check(
            "indeterminate",
            f"提议记载的{base_zh}总数为{r.of}，而会议记录的应到{ATTENDING[measured][1].zh}为"
            f"{m.entitled}，记录自相矛盾（requested_by.of）",
            f"the request states {r.of} {r.base} in all, but the meeting records {m.entitled} "
            f"{m.constituted_by} entitled: the record contradicts itself (requested_by.of)",
            {"field": "requested_by.of", "stated": r.of, "entitled": m.entitled},
        )
    if m.entitled == 0:
        return Check.not_applicable(
            f"{_EMPTY_ZH}，提议不产生召集义务",
            f"{_EMPTY_EN}: the request obliges no one",
            obliged=False,
            base_count=0,
        )
    t = _threshold(share, ctx, REQUESTING, REQUEST_BASE[r.base])
    c = t.test(r.count, m.entitled)
    zh, en = c.text()
    if c.passed:
        return Check.passed(
            f"提议达到法定比例，召集人应当召集{pr.title_zh}，会议已召开：{zh}",
            f"the request obliged the convener to call the {pr.title_en}, and it was held: {en}",
            obliged=True,
            **c.to_evidence(),
        )
    return Check.not_applicable(
        f"提议未达到法定比例，不产生召集{pr.title_zh}的义务；召集人可以自行召集，会议不因此无效："
        f"{zh}",
        f"the request was too small to oblige the convener to call the {pr.title_en}; the "
        f"convener may call it on its own, and the meeting does not depend on the request: {en}",
        obliged=False,
        **c.to_evidence(),
    )


#: ``meeting.request``: whether a recorded request, measured against the meeting's own
#: ``entitled``, obliged the convener to call the meeting (never a reason to deny it).
request: DeclaredCheck = _request


@reads(tables=[PASS_RULES])
def _notice(m: Meeting, ctx: RuleContext) -> Check:
    pr = _select(m, ctx)
    if isinstance(pr, Check):
        return pr
    if pr.notice_days is None:
        return Check.not_applicable(
            f"法律未规定{pr.title_zh}的通知期限",
            f"the law sets no notice period for a {pr.title_en}",
        )
    if m.urgent and pr.urgent_notice:
        return Check.not_applicable(
            "遇有特殊情况，可以临时通知", "special circumstances: notice may be given at once"
        )
    if m.announced_on is None:
        raise MissingDataError(
            "announced_on",
            "the day of notice is needed to check the notice period",
            "需要通知日期才能判断是否提前通知",
        )
    days = ctx.count(pr.notice_days)
    c = Threshold("at_least", days, NOTICE).test((m.held_on - m.announced_on).days)
    zh, en = c.text()
    evidence = {**c.to_evidence(), "announced_on": m.announced_on.isoformat()}
    # the article that fixes this meeting's notice comes with the parameter value read
    if c.passed:
        return Check.passed(
            f"{pr.title_zh}提前通知：{zh}", f"notice given: {en}", **evidence
        ).citing()
    return Check.failed(
        f"{pr.title_zh}通知期限不足：{zh}", f"notice too short: {en}", **evidence
    ).citing()


#: ``meeting.notice``: notice given at least the days the meeting's pass rule sets.
notice: DeclaredCheck = _notice


def _heads_and_area(
    shares: Sequence[Share],
    ctx: RuleContext,
    terms: tuple[Term, Term, Term, Term],
    heads: tuple[int, int],
    area: tuple[int | None, int | None],
    area_field: str,
) -> Outcome:
    counted, base, area_counted, area_base = terms
    parts: list[Threshold] = []
    measures: dict[str, Measure] = {}
    for share in shares:
        if share.measure == "heads":
            parts.append(_threshold(share, ctx, counted, base))
            measures[counted.key] = Measure(*heads)
            continue
        observed, of = area
        if observed is None or of is None:
            raise MissingDataError(
                area_field,
                "owners' votes count exclusive floor area as well as heads",
                "业主表决须同时计算专有部分面积",
            )
        parts.append(_threshold(share, ctx, area_counted, area_base))
        measures[area_counted.key] = Measure(observed, of)
    return AllOf(tuple(parts)).evaluate(measures)


@reads(tables=[PASS_RULES])
def _quorum(m: Meeting, ctx: RuleContext) -> Check:
    pr = _select(m, ctx)
    if isinstance(pr, Check):
        return pr
    if not pr.quorum:
        return Check.not_applicable(
            f"法律未单独规定{pr.title_zh}的到会人数，其决定以全体组成人员为基数计算",
            f"the law sets no separate quorum for a {pr.title_en}; its decisions are "
            "counted of all its members",
        )
    shares = pr.quorum.get(m.constituted_by)
    if shares is None:
        bases = ", ".join(sorted(pr.quorum))
        return Check.failed(
            f"{pr.title_zh}的法定人数不按{m.constituted_by}计算（应按：{bases}）",
            f"the quorum of a {pr.title_en} is not counted of {m.constituted_by} "
            f"(counted of: {bases})",
            constituted_by=m.constituted_by,
            admissible=sorted(pr.quorum),
        )
    counted, base = ATTENDING[m.constituted_by]
    outcome = _heads_and_area(
        shares,
        ctx,
        (counted, base, *ATTENDING["area"]),
        (m.attendees, m.entitled),
        (m.attendee_area, m.entitled_area),
        "attendee_area",
    )
    zh, en = _join(outcome.comparisons())
    if _empty(outcome):
        return Check.failed(
            f"{pr.title_zh}{_EMPTY_ZH}，会议不能有效作出决定：{zh}",
            f"the {pr.title_en} cannot decide: {_EMPTY_EN}: {en}",
            **outcome.to_evidence(),
        )
    if outcome.passed:
        return Check.passed(
            f"{pr.title_zh}到会人数符合法定要求：{zh}",
            f"the {pr.title_en} is quorate: {en}",
            **outcome.to_evidence(),
        )
    need_zh, need_en = outcome.shortfall_text()
    return Check.failed(
        f"{pr.title_zh}到会人数不足，会议不能有效作出决定（{need_zh}）：{zh}",
        f"the {pr.title_en} is not quorate, so it cannot decide ({need_en}): {en}",
        **outcome.to_evidence(),
    )


#: ``meeting.quorum``: enough of the entitled base attended or took part.
quorum: DeclaredCheck = _quorum


def _motion_outcome(pr: PassRule, m: Meeting, motion: Motion, ctx: RuleContext) -> Outcome:
    """The motion's tally under the assembly's own majority (ordinary, or special matters)."""
    special = motion.matter in pr.special_matters
    shares = pr.special_majority if special else pr.majority
    owners = pr.majority_base == "all" and m.constituted_by == "owners"
    counted_base, area_base = MAJORITY_BASE["all_owners" if owners else pr.majority_base]
    if pr.majority_base == "present":
        heads, area = (m.attendees, m.attendee_area)
    elif pr.majority_base == "participating":
        heads, area = (motion.ballots, motion.area_ballots)
    else:
        heads, area = (m.entitled, m.entitled_area)
    return _heads_and_area(
        shares,
        ctx,
        (FOR, counted_base, AREA_FOR, area_base),
        (motion.in_favour, heads),
        (motion.area_in_favour, area),
        "motions.area_in_favour",
    )


def _other_outcome(law: OtherLaw, m: Meeting, motion: Motion, ctx: RuleContext) -> Outcome | None:
    """The motion's tally under another law's majority of all members, or ``None`` where the
    record does not count the persons that law counts."""
    if m.constituted_by not in law.measured_by:
        return None
    counted_base, area_base = MAJORITY_BASE["all"]
    return _heads_and_area(
        law.majority,
        ctx,
        (FOR, counted_base, AREA_FOR, area_base),
        (motion.in_favour, m.entitled),
        (motion.area_in_favour, m.entitled_area),
        "motions.area_in_favour",
    )


def _adopts(outcome: Outcome) -> bool:
    return outcome.passed and not _empty(outcome)


@attrs.frozen(slots=True)
class _Judged:
    """One motion judged: the result its tally gives (``None``: cannot be known), why not,
    and the text and evidence of the comparison."""

    computed: str | None
    zh: str
    en: str
    evidence: dict[str, Any]


def _judge(pr: PassRule, m: Meeting, motion: Motion, ctx: RuleContext) -> _Judged:
    own = _motion_outcome(pr, m, motion, ctx)
    law = pr.other_law(motion.matter, ctx.at)
    special = motion.matter in pr.special_matters
    head = {"motion": motion.id, "matter": motion.matter, "special": special}
    label_zh = f"议题{motion.id}（{label('matter', motion.matter)}）"
    label_en = f"motion {motion.id} ({motion.matter})"
    own_zh, own_en = _join(own.comparisons())
    if _empty(own):
        own_zh, own_en = f"{_EMPTY_ZH}：{own_zh}", f"{_EMPTY_EN}: {own_en}"
    if law is None:
        computed = "adopted" if _adopts(own) else "rejected"
        verdict_zh = "通过" if computed == "adopted" else "未通过"
        return _Judged(
            computed,
            f"{label_zh}{verdict_zh}：{own_zh}",
            f"{label_en} {computed}: {own_en}",
            {**head, "recorded": motion.result, "computed": computed, **own.to_evidence()},
        )
    where = f"{law.citation.source} {law.citation.locator}"
    other = _other_outcome(law, m, motion, ctx)
    evidence: dict[str, Any] = {**head, "recorded": motion.result, "other_law": law.key}
    if other is None:
        return _Judged(
            None,
            f"{label_zh}适用{law.title_zh}（{where}），须以{law.base_zh}为基数计算，而会议记录按"
            f"{ATTENDING[m.constituted_by][1].zh}计算应到人数，无法判定",
            f"{label_en} is governed by {law.title_en} ({where}), counted of {law.base_en}; "
            f"the record counts {m.constituted_by}, so the motion cannot be judged",
            {**evidence, "computed": None, "missing": "the other law's base"},
        )
    other_zh, other_en = _join(other.comparisons())
    if _empty(other):
        other_zh, other_en = f"{_EMPTY_ZH}：{other_zh}", f"{_EMPTY_EN}: {other_en}"
    by_other = "adopted" if _adopts(other) else "rejected"
    evidence["other"] = {"computed": by_other, **other.to_evidence()}
    if not law.condition_zh:
        verdict_zh = "通过" if by_other == "adopted" else "未通过"
        return _Judged(
            by_other,
            f"{label_zh}适用{law.title_zh}（{where}），{verdict_zh}：{other_zh}",
            f"{label_en} under {law.title_en} ({where}) {by_other}: {other_en}",
            {**evidence, "computed": by_other},
        )
    by_own = "adopted" if _adopts(own) else "rejected"
    evidence["own"] = {"computed": by_own, **own.to_evidence()}
    if by_own == by_other:
        verdict_zh = "通过" if by_own == "adopted" else "未通过"
        return _Judged(
            by_own,
            f"{label_zh}{verdict_zh}：无论是否{law.condition_zh}，结果相同（按本会议的表决规则：{own_zh}；"
            f"按{law.title_zh}（{where}）：{other_zh}）",
            f"{label_en} {by_own} whether or not {law.condition_en} (by the assembly's own "
            f"rule: {own_en}; by {law.title_en} ({where}): {other_en})",
            {**evidence, "computed": by_own},
        )
    return _Judged(
        None,
        f"{label_zh}的结果取决于是否{law.condition_zh}，会议记录未载明：按本会议的表决规则"
        f"{'通过' if by_own == 'adopted' else '未通过'}（{own_zh}）；按{law.title_zh}（{where}）"
        f"{'通过' if by_other == 'adopted' else '未通过'}（{other_zh}）",
        f"{label_en} depends on whether {law.condition_en}, which the record does not say: "
        f"{by_own} by the assembly's own rule ({own_en}); {by_other} by {law.title_en} "
        f"({where}) ({other_en})",
        {**evidence, "computed": None, "missing": law.condition_en},
    )


_BASE_ZH = {"present": "到会人员", "participating": "参与表决", "all": "全体成员"}
_BASE_EN = {
    "present": "of those present",
    "participating": "of those taking part in the vote",
    "all": "of all members",
}


@reads(tables=[PASS_RULES])
def _majority(m: Meeting, ctx: RuleContext) -> Check:
    if not m.motions:
        return Check.not_applicable("会议未记录表决事项", "no motions were voted")
    pr = _select(m, ctx)
    if isinstance(pr, Check):
        return pr
    judged = [(motion, _judge(pr, m, motion, ctx)) for motion in m.motions]
    wrong = [mo.id for mo, j in judged if j.computed is not None and j.computed != mo.result]
    unknown = [mo.id for mo, j in judged if j.computed is None]
    detail_zh = "；".join(j.zh for _, j in judged)
    detail_en = "; ".join(j.en for _, j in judged)
    evidence: dict[str, Any] = {
        "majority_base": pr.majority_base,
        "motions": [j.evidence for _, j in judged],
    }
    base_zh, base_en = _BASE_ZH[pr.majority_base], _BASE_EN[pr.majority_base]
    if pr.majority_base == "all" and m.constituted_by == "owners":
        base_zh, base_en = "全体业主", "of all owners"
    if wrong:
        return Check.failed(
            f"议题{'、'.join(wrong)}记录的表决结果与计票不符（以{base_zh}为基数）：{detail_zh}",
            f"the recorded result of motion(s) {', '.join(wrong)} is not what the tally gives "
            f"(majority {base_en}): {detail_en}",
            **evidence,
            wrong=wrong,
        )
    if unknown:
        return Check(
            "indeterminate",
            f"无法判定议题{'、'.join(unknown)}的表决结果：{detail_zh}",
            f"the result of motion(s) {', '.join(unknown)} cannot be judged: {detail_en}",
            {**evidence, "unknown": unknown},
        )
    return Check.passed(
        f"{pr.title_zh}表决结果与计票相符（以{base_zh}为基数）：{detail_zh}",
        f"every recorded result matches the tally (majority {base_en}): {detail_en}",
        **evidence,
    )


#: ``meeting.majority``: each motion's recorded result is what its tally gives under the
#: majority the meeting's pass rule sets for its matter — or, where another law sets it
#: (法律另有规定), under that law's.
majority: DeclaredCheck = _majority


def owners_count(m: Meeting, ctx: RuleContext) -> Check:
    """Owners and area are counted per unit register: several units of one buyer, and the
    developer's unsold units, count as one owner; area is the sum of the units."""
    if not m.units:
        return Check.not_applicable(
            "未提供专有部分清单，无法核对业主人数和面积的计算",
            "no unit register given, so the counting of owners and area is not checked",
        )
    heads, area = owner_headcount(m.units)
    evidence = {
        "units": len(m.units),
        "owners_counted": heads,
        "area_counted": area,
        "entitled": m.entitled,
        "entitled_area": m.entitled_area,
    }
    problems_zh: list[str] = []
    problems_en: list[str] = []
    if m.constituted_by == "owners" and m.entitled != heads:
        problems_zh.append(f"记录的业主人数{m.entitled}名，按专有部分清单应为{heads}名")
        problems_en.append(f"entitled records {m.entitled} owners; the register gives {heads}")
    if m.entitled_area is not None and m.entitled_area != area:
        problems_zh.append(f"记录的总面积{m.entitled_area}平方分米，清单合计{area}平方分米")
        problems_en.append(f"entitled_area records {m.entitled_area} dm²; the units sum to {area}")
    if problems_zh:
        return Check.failed(
            "业主人数或面积的计算不符合规定：" + "；".join(problems_zh),
            "owners or area miscounted: " + "; ".join(problems_en),
            **evidence,
        )
    return Check.passed(
        f"{len(m.units)}个专有部分计{heads}名业主、{area}平方分米",
        f"{len(m.units)} units count as {heads} owners and {area} dm²",
        **evidence,
    )
