"""The guards of procedure steps, as rules over a `StepAttempt`.

Each jurisdiction builds its guard rules here with its own ids and citations (the Jinjiang
sequence rule cites the Jinjiang report; the national one cites 2025 Art. 30), so a rejected
step cites the law that forbids it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar

import attrs

from ..exceptions import MissingDataError
from ..labels import label
from ..models.procedure_run import Event
from ..rules.citation import Citation
from ..rules.procedure import Procedure, Step
from ..rules.rule import Check, Rule, RuleContext
from ..rules.scope import Scope

__all__ = [
    "PARTY_BODIES",
    "StepAttempt",
    "actor_rule",
    "party_first_rule",
    "record_rule",
    "sequence_rule",
    "supervision_rule",
]

#: The bodies whose study is the party organisation's (社区党组织 / 村党组织研究讨论): the
#: organisation (its committee), or its members' assembly (党员大会), the organisation meeting
#: in plenary — so Jinjiang's 党员大会审议 is the statutory study (review D14).
PARTY_BODIES = ("party_organization", "party_members_assembly")


@attrs.frozen(slots=True)
class StepAttempt:
    """What a guard judges: ``event`` attempted in ``state`` of a run of ``procedure``.

    Attributes:
        procedure: the procedure definition.
        state: the run's state before the event.
        event: the event attempted.
        index: the event's position in the run.
        previous_on: the day of the previous event, or None for the first.
    """

    subject_type: ClassVar[str] = "procedure_step"
    subject_zh: ClassVar[str] = "程序步骤"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {}

    procedure: Procedure
    state: str
    event: Event
    index: int
    previous_on: dt.date | None = None

    @property
    def subject_id(self) -> str:
        """``step #index``."""
        return f"{self.event.step} #{self.index}"

    @property
    def reference_date(self) -> dt.date:
        """The event's day."""
        return self.event.on

    def facts(self) -> tuple[str | None, ...]:
        """No scope facts: a guard applies to every step of its procedure."""
        return ()


def _body_zh(kind: str, a: StepAttempt | None = None) -> str:
    """A body kind's Chinese name: the community's or the village's where the step carries a
    meeting record that says which."""
    meeting = a.event.meeting if a is not None else None
    return label("body_kind", kind, community_kind=meeting.community_kind if meeting else None)


def _when_zh(p: Procedure, state: str) -> str:
    """When a run is in ``state``, in words that fit "只能在…进行": at the start, or after the
    steps that lead there (a procedure's states have no Chinese names; its steps do)."""
    into = [s.title_zh for s in p.steps if state in (s.target, s.rejected_target)]
    if state == p.initial or not into:
        return "程序开始时"
    return "“" + "”或“".join(into) + "”之后"


def _now_zh(p: Procedure, state: str) -> str:
    into = [s.title_zh for s in p.steps if state in (s.target, s.rejected_target)]
    if state == p.initial or not into:
        return "尚未进行任何步骤"
    return "已完成“" + "”或“".join(into) + "”"


def _sequence(a: StepAttempt, ctx: RuleContext) -> Check:
    p, e = a.procedure, a.event
    evidence = {"state": a.state, "step": e.step}
    if not p.in_force(e.on):
        return Check.failed(
            f"{e.on.isoformat()}该程序（{p.title_zh}）不适用",
            f"the procedure {p.id} ({p.title_en}) does not apply on {e.on.isoformat()}",
            **evidence,
        )
    step = p.step(e.step)
    if step is None:
        names = ", ".join(s.name for s in p.steps)
        return Check.failed(
            f"程序中没有“{e.step}”这一步骤（步骤：{names}）",
            f"the procedure has no step {e.step!r} (steps: {names})",
            **evidence,
        )
    if a.state not in step.sources:
        allowed = "、".join(s.title_zh for s in p.steps_from(a.state)) or "无"
        allowed_en = ", ".join(s.name for s in p.steps_from(a.state)) or "none"
        before = "或".join(_when_zh(p, s) for s in step.sources)
        return Check.failed(
            f"“{step.title_zh}”只能在{before}进行；当前{_now_zh(p, a.state)}，"
            f"此时可进行的步骤：{allowed}",
            f"step {step.name!r} ({step.title_en}) may only follow {', '.join(step.sources)}; "
            f"the run is {a.state!r}, where the next steps are: {allowed_en}",
            **evidence,
            allowed_from=list(step.sources),
        )
    if a.previous_on is not None and e.on < a.previous_on:
        return Check.failed(
            f"“{step.title_zh}”的日期{e.on.isoformat()}早于上一步骤的日期"
            f"{a.previous_on.isoformat()}",
            f"step {step.name!r} is dated {e.on.isoformat()}, before the previous step "
            f"({a.previous_on.isoformat()})",
            **evidence,
        )
    return Check.passed(
        f"“{step.title_zh}”按顺序在{_when_zh(p, a.state)}进行",
        f"step {step.name!r} follows {a.state!r} in order",
        **evidence,
    )


def _actor(a: StepAttempt, ctx: RuleContext) -> Check:
    step = a.procedure.step(a.event.step)
    if step is None or not step.actors:
        return Check.not_applicable("该步骤不限定主体", "the step may be taken by anyone")
    actor = a.event.actor
    if actor is None:
        raise MissingDataError(
            f"events[{a.index}].actor", "who took the step is not recorded", "未记录该步骤的主体"
        )
    evidence = {"actor": actor, "allowed": list(step.actors)}
    if actor not in step.actors:
        return Check.failed(
            f"“{step.title_zh}”应由{'或'.join(_body_zh(k, a) for k in step.actors)}进行，"
            f"记录的主体为{_body_zh(actor, a)}",
            f"step {step.name!r} is taken by {' or '.join(step.actors)}, not by {actor}",
            **evidence,
        )
    if a.event.meeting is not None and a.event.meeting.body != actor:
        return Check.failed(
            f"会议记录是{_body_zh(a.event.meeting.body, a)}的会议，而非{_body_zh(actor, a)}",
            f"the meeting record is of a {a.event.meeting.body}, not of the {actor}",
            **evidence,
        )
    return Check.passed(
        f"“{step.title_zh}”由{_body_zh(actor, a)}进行",
        f"step {step.name!r} taken by {actor}",
        **evidence,
    )


def _record(a: StepAttempt, ctx: RuleContext) -> Check:
    step = a.procedure.step(a.event.step)
    if step is None or step.record == "none":
        return Check.not_applicable("该步骤无需附记录", "the step needs no record")
    if step.record == "proposal":
        if a.event.proposal is None:
            raise MissingDataError(
                f"events[{a.index}].proposal", "the proposal is needed", "需要附议案"
            )
        if a.event.on < a.event.proposal.submitted_on:
            return Check.failed(
                f"步骤日期{a.event.on.isoformat()}早于议案提出日期"
                f"{a.event.proposal.submitted_on.isoformat()}",
                f"the step is dated {a.event.on.isoformat()}, before the proposal was submitted "
                f"({a.event.proposal.submitted_on.isoformat()})",
            )
        return Check.passed(
            f"附议案{a.event.proposal.id}（其审查结果见下）",
            f"proposal {a.event.proposal.id} attached (its findings follow)",
        )
    meeting = a.event.meeting
    if meeting is None:
        raise MissingDataError(
            f"events[{a.index}].meeting", "the meeting record is needed", "需要附会议记录"
        )
    if a.event.on < meeting.held_on:
        return Check.failed(
            f"步骤日期{a.event.on.isoformat()}早于会议召开日期{meeting.held_on.isoformat()}",
            f"the step is dated {a.event.on.isoformat()}, before its meeting was held "
            f"({meeting.held_on.isoformat()})",
            meeting=meeting.id,
        )
    motion = a.event.motion()
    if motion is None:
        return Check.failed(
            f"会议{meeting.id}有{len(meeting.motions)}项议题，须以motion_id指明本议案的议题",
            f"meeting {meeting.id} has {len(meeting.motions)} motions: name this one in motion_id",
            motions=len(meeting.motions),
        )
    return Check.passed(
        f"附会议记录{meeting.id}，议题{motion.id}记录为{label('motion_result', motion.result)}"
        "（会议审查结果见下）",
        f"meeting {meeting.id} attached; motion {motion.id} recorded as {motion.result} "
        "(the meeting's findings follow)",
        meeting=meeting.id,
        motion=motion.id,
        result=motion.result,
    )


def _is_party_study(step: Step) -> bool:
    return bool(step.actors) and all(actor in PARTY_BODIES for actor in step.actors)


def _without_party_study(p: Procedure) -> frozenset[str]:
    """The states a run can reach from the initial one without a party organisation's study."""
    seen = {p.initial}
    frontier = [p.initial]
    while frontier:
        state = frontier.pop()
        for s in p.steps_from(state):
            if _is_party_study(s):
                continue
            for t in (s.target, s.rejected_target):
                if t is not None and t not in seen:
                    seen.add(t)
                    frontier.append(t)
    return frozenset(seen)


def _village_meeting(a: StepAttempt) -> bool:
    m = a.event.meeting
    if m is not None:
        return m.body in ("villagers_assembly", "villager_group") or (
            m.body == "representatives_assembly" and m.community_kind == "rural"
        )
    return a.event.actor == "villagers_assembly"


def party_first_rule(urban: Citation, village: Citation, valid_from: dt.date) -> Rule:
    """The rule, from ``valid_from``, that an assembly decides a major matter only after the
    party organisation studied it (需由居民会议或者居民代表会议决定的重要事项，应当先经社区党组织
    研究讨论; 村 likewise), whatever the local procedure: a step that carries the assembly's
    meeting is refused where the run could have reached it without a step taken by a party
    body (`PARTY_BODIES`). It cites ``urban`` for a community's meeting and ``village`` for a
    village's. Its id is the national rule's, ``major-matter.party-first``."""

    def check(a: StepAttempt, ctx: RuleContext) -> Check:
        step = a.procedure.step(a.event.step)
        if step is None or step.record != "meeting":
            return Check.not_applicable(
                "该步骤不是会议决定", "the step is not the assembly's decision"
            )
        cite = village if _village_meeting(a) else urban
        evidence = {"state": a.state, "step": step.name}
        if a.state in _without_party_study(a.procedure):
            party = [s for s in a.procedure.steps if _is_party_study(s)]
            how_zh = "、".join(s.title_zh for s in party) or "党组织研究讨论"
            return Check.failed(
                f"“{step.title_zh}”之前未经党组织研究讨论（{how_zh}）：需由会议决定的重要事项，"
                "应当先经党组织研究讨论",
                f"step {step.name!r} comes before any study by the party organisation "
                f"({', '.join(s.name for s in party) or 'none in this procedure'}): a major "
                "matter for the assembly is studied by the party organisation first",
                **evidence,
            ).citing(cite)
        return Check.passed(
            f"“{step.title_zh}”前已经党组织研究讨论",
            f"step {step.name!r} follows the party organisation's study",
            **evidence,
        ).citing(cite)

    return Rule(
        id="major-matter.party-first",
        title_zh="需由居民（村民）会议或者代表会议决定的重要事项，应当先经党组织研究讨论",
        title_en="A major matter for the assembly is studied by the party organisation first",
        kind="obligation",
        severity="must",
        scope=Scope(StepAttempt),
        check=check,
        citations=(urban, village),
        valid_from=valid_from,
    )


def _supervision(a: StepAttempt, ctx: RuleContext) -> Check:
    wanted = a.procedure.supervisor
    if wanted is None:
        return Check.not_applicable("未规定全程监督主体", "no supervising body is required")
    wanted_zh = _body_zh(wanted, a)
    got = a.event.supervised_by
    if got != wanted:
        return Check.failed(
            f"该步骤未记录{wanted_zh}的监督（记录为{_body_zh(got, a) if got else '无'}）",
            f"the step records no supervision by the {wanted} (got {got or 'none'})",
            supervisor=wanted,
            supervised_by=got,
        )
    return Check.passed(
        f"该步骤由{wanted_zh}监督",
        f"the step was supervised by the {wanted}",
        supervisor=wanted,
    )


def sequence_rule(
    rule_id: str, title_zh: str, title_en: str, citations: tuple[Citation, ...]
) -> Rule:
    """The rule that the steps come in the procedure's order (and in date order)."""
    return Rule(
        id=rule_id,
        title_zh=title_zh,
        title_en=title_en,
        kind="obligation",
        severity="must",
        scope=Scope(StepAttempt),
        check=_sequence,
        citations=citations,
    )


def actor_rule(citations: tuple[Citation, ...]) -> Rule:
    """The rule that each step is taken by the body the procedure names."""
    return Rule(
        id="procedure.actor",
        title_zh="各步骤由规定的主体进行",
        title_en="Each step is taken by the body the procedure names",
        kind="obligation",
        severity="must",
        scope=Scope(StepAttempt),
        check=_actor,
        citations=citations,
    )


def record_rule(
    citations: tuple[Citation, ...],
    statutory: tuple[Citation, ...] = (),
    statutory_from: dt.date | None = None,
) -> Rule:
    """The rule that a step carries its record (the proposal, the meeting and its motion).

    A local procedure's rule cites its own source; where a statute requires the same from a
    date (``statutory`` from ``statutory_from``: the assembly's decision of a major matter,
    2025 Art. 30(4)), a step from that day cites the statute first.
    """
    if not statutory:
        check = _record
    else:

        def check(a: StepAttempt, ctx: RuleContext) -> Check:
            found = _record(a, ctx)
            if statutory_from is not None and a.event.on < statutory_from:
                return found.citing(*citations)
            return found.citing(*statutory, *citations)

    return Rule(
        id="procedure.record",
        title_zh="提出议案附议案，表决附会议记录",
        title_en="A proposal step carries the proposal; a vote carries the meeting record",
        kind="obligation",
        severity="must",
        scope=Scope(StepAttempt),
        check=check,
        citations=(*statutory, *citations),
    )


def supervision_rule(rule_id: str, citations: tuple[Citation, ...]) -> Rule:
    """The advisory rule that each step records the supervising body (flagged, not refused)."""
    return Rule(
        id=rule_id,
        title_zh="全程监督：每一步骤记录监督主体",
        title_en="Supervision throughout: every step records its supervisor",
        kind="obligation",
        severity="advisory",
        scope=Scope(StepAttempt),
        check=_supervision,
        citations=citations,
    )
