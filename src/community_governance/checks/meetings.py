"""Checks of meetings — request to convene, notice, quorum, majority — driven by the pass
rules a rulebook holds in its table ``meeting.pass-rules`` (`pass_rules.PASS_RULES`), so that
one check serves every meeting type and a local rulebook changes a meeting type's rule by
replacing its table entry.

Each check finds the one entry in force on the day that governs the meeting's assembly (and
community kind). Where none does, the finding is ``indeterminate`` and names the gap: the
meeting cannot be shown lawful by a rule the rulebook does not have (the urban
representatives' assembly before 2026, an owners' assembly before the Civil Code).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..exceptions import MissingDataError
from ..models.meeting import Meeting, Motion, owner_headcount
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
from .pass_rules import PASS_RULES, PassRule, Share, covering

__all__ = ["majority", "notice", "owners_count", "quorum", "request"]


def _select(m: Meeting, ctx: RuleContext) -> PassRule | Check:
    entry = covering(ctx.table(PASS_RULES), m.body, m.community_kind)
    if entry is not None:
        value: PassRule = entry.value
        return value
    kind_zh = f"，{m.community_kind}" if m.community_kind else ""
    kind_en = f" ({m.community_kind})" if m.community_kind else ""
    day = ctx.at.isoformat()
    other = [
        (e.key, e.validity.describe())
        for e in ctx.source.table(PASS_RULES).entries
        if e.value.matches(m.body, m.community_kind)
    ]
    zh = "、".join(f"{key}（{span}）" for key, span in other)
    en = ", ".join(f"{key} ({span})" for key, span in other)
    return Check(
        "indeterminate",
        f"规则集在{day}没有适用于该会议（{m.body}{kind_zh}）的表决规则（{PASS_RULES}），"
        "无法判定其是否合规" + (f"；该会议的表决规则施行期间：{zh}" if other else ""),
        f"no pass rule in table {PASS_RULES} governs a {m.body} meeting{kind_en} on {day}, "
        "so the meeting cannot be judged"
        + (f"; this assembly's pass rules are in force: {en}" if other else ""),
        {"table": PASS_RULES, "assembly": m.body, "community_kind": m.community_kind},
    )


def _join(comparisons: Sequence[Comparison]) -> tuple[str, str]:
    texts = [c.text() for c in comparisons]
    return "；".join(t[0] for t in texts), "; ".join(t[1] for t in texts)


def _threshold(share: Share, ctx: RuleContext, counted: Term, base: Term) -> Threshold:
    return Threshold(share.quantifier, ctx.share(share.parameter), counted, base)


@reads(tables=[PASS_RULES])
def _request(m: Meeting, ctx: RuleContext) -> Check:
    if m.requested_by is None:
        return Check.not_applicable(
            "会议由召集人自行召集，未记录提议", "called by the convener; no request recorded"
        )
    pr = _select(m, ctx)
    if isinstance(pr, Check):
        return pr
    r = m.requested_by
    share = pr.request.get(r.base)
    if share is None:
        bases = ", ".join(sorted(pr.request)) or "none"
        return Check.failed(
            f"{pr.title_zh}不因{REQUEST_BASE[r.base].zh}的提议而必须召集（法定提议主体：{bases}）",
            f"a request by {r.base} does not oblige the convener of a {pr.title_en} "
            f"(requests counted of: {bases})",
            base=r.base,
            admissible=sorted(pr.request),
        )
    t = _threshold(share, ctx, REQUESTING, REQUEST_BASE[r.base])
    c = t.test(r.count, r.of)
    zh, en = c.text()
    if c.passed:
        return Check.passed(
            f"提议达到法定比例，召集人应当召集{pr.title_zh}：{zh}",
            f"the request obliges the convener to call the {pr.title_en}: {en}",
            **c.to_evidence(),
        )
    return Check.failed(
        f"提议未达到法定比例，不产生召集{pr.title_zh}的义务：{zh}",
        f"the request is too small to oblige the convener to call the {pr.title_en}: {en}",
        **c.to_evidence(),
    )


#: ``meeting.request``: a request by the share of its base that the meeting's pass rule sets
#: obliges the convener to call the meeting.
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
    special = motion.matter in pr.special_matters
    shares = pr.special_majority if special else pr.majority
    counted_base, area_base = MAJORITY_BASE[pr.majority_base]
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


@reads(tables=[PASS_RULES])
def _majority(m: Meeting, ctx: RuleContext) -> Check:
    if not m.motions:
        return Check.not_applicable("会议未记录表决事项", "no motions were voted")
    pr = _select(m, ctx)
    if isinstance(pr, Check):
        return pr
    lines_zh: list[str] = []
    lines_en: list[str] = []
    evidence: list[dict[str, object]] = []
    wrong: list[str] = []
    for motion in m.motions:
        outcome = _motion_outcome(pr, m, motion, ctx)
        computed = "adopted" if outcome.passed else "rejected"
        zh, en = _join(outcome.comparisons())
        verdict_zh = "通过" if outcome.passed else "未通过"
        lines_zh.append(f"议题{motion.id}（{motion.matter}）{verdict_zh}：{zh}")
        lines_en.append(f"motion {motion.id} ({motion.matter}) {computed}: {en}")
        if computed != motion.result:
            wrong.append(motion.id)
        evidence.append(
            {
                "motion": motion.id,
                "matter": motion.matter,
                "special": motion.matter in pr.special_matters,
                "recorded": motion.result,
                "computed": computed,
                **outcome.to_evidence(),
            }
        )
    detail_zh, detail_en = "；".join(lines_zh), "; ".join(lines_en)
    base = {"present": "到会人员", "participating": "参与表决", "all": "全体成员"}
    base_en = {
        "present": "of those present",
        "participating": "of those taking part in the vote",
        "all": "of all members",
    }[pr.majority_base]
    if not wrong:
        return Check.passed(
            f"{pr.title_zh}表决结果与计票相符（以{base[pr.majority_base]}为基数）：{detail_zh}",
            f"every recorded result matches the tally (majority {base_en}): {detail_en}",
            majority_base=pr.majority_base,
            motions=evidence,
        )
    return Check.failed(
        f"议题{'、'.join(wrong)}记录的表决结果与计票不符"
        f"（以{base[pr.majority_base]}为基数）：{detail_zh}",
        f"the recorded result of motion(s) {', '.join(wrong)} is not what the tally gives "
        f"(majority {base_en}): {detail_en}",
        majority_base=pr.majority_base,
        motions=evidence,
        wrong=wrong,
    )


#: ``meeting.majority``: each motion's recorded result is what its tally gives under the
#: majority the meeting's pass rule sets for its matter.
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
