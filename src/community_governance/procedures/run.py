"""Replaying a procedure run: judge each event by the procedure's guards and its record's
rules, derive the state, and say what may happen next and what is open or overdue.

Nothing here keeps time: deadlines are evaluated at the date you pass (``at=``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..checks.procedure_guards import StepAttempt
from ..engine import RuleSource, evaluate, evaluate_rule
from ..exceptions import RulebookError, StepRejected, UnknownReferenceError
from ..models.procedure_run import Event, ProcedureRun
from ..rules.citation import Citation
from ..rules.decision import Coverage, Decision, Finding, combine
from ..rules.procedure import Procedure

if TYPE_CHECKING:
    from ..rulebooks._rulebook import Rulebook

__all__ = [
    "STATE_FORMAT",
    "Applied",
    "DueItem",
    "NextSteps",
    "RunState",
    "apply",
    "due",
    "judge",
    "next_steps",
    "replay",
    "start",
]

STATE_FORMAT = "cg.procedure-state/1"


@attrs.frozen(slots=True)
class Applied:
    """An event that was accepted, with the states before and after and its Decision."""

    event: Event
    before: str
    after: str
    decision: Decision


@attrs.frozen(slots=True)
class RunState:
    """The state of a run derived from its events (immutable; `apply` returns a new one).

    Attributes:
        run_id: the run's id.
        procedure: the procedure definition the rulebook chose.
        rulebook: the rulebook judging the steps.
        state: the current state.
        applied: the accepted events, in order.
        rejection: the first event refused while replaying, or None.
    """

    run_id: str
    procedure: Procedure
    rulebook: RuleSource = attrs.field(eq=False, repr=False)
    state: str
    applied: tuple[Applied, ...] = ()
    rejection: StepRejected | None = attrs.field(default=None, eq=False)

    @property
    def is_complete(self) -> bool:
        """Whether the run reached the procedure's final state."""
        return self.state == self.procedure.final

    @property
    def last_on(self) -> dt.date | None:
        """The day of the last accepted event."""
        return self.applied[-1].event.on if self.applied else None

    def to_dict(self, at: dt.date | None = None) -> dict[str, Any]:
        """The ``cg.procedure-state/1`` JSON object, with next steps and due items at ``at``
        (default: the last event's day)."""
        when = at or self.last_on
        rejection = None
        if self.rejection is not None:
            rejection = {
                "step": self.rejection.step,
                "state": self.rejection.state,
                "decision": self.rejection.decision.to_dict(),
            }
        out: dict[str, Any] = {
            "format": STATE_FORMAT,
            "run": self.run_id,
            "procedure": self.procedure.id,
            "rulebook": {"id": self.rulebook.id, "version": self.rulebook.version},
            "state": self.state,
            "complete": self.is_complete,
            "events": [
                {
                    "step": a.event.step,
                    "on": a.event.on.isoformat(),
                    "from": a.before,
                    "to": a.after,
                    "verdict": a.decision.verdict,
                    "warnings": [f.rule for f in a.decision.warnings],
                }
                for a in self.applied
            ],
            "rejection": rejection,
        }
        if when is not None:
            nxt = next_steps(self, at=when)
            out["at"] = when.isoformat()
            out["next_steps"] = {"available": list(nxt.available), "missing": list(nxt.missing)}
            out["due"] = [d.to_dict() for d in due(self, at=when)]
        return out


@attrs.frozen(slots=True)
class NextSteps:
    """What may happen now (``available``) and what is still missing to complete the run."""

    state: str
    available: tuple[str, ...]
    missing: tuple[str, ...]


@attrs.frozen(slots=True)
class DueItem:
    """Something open or overdue at a date: a posting that must stay up, a step still owed, an
    assembly that must meet again."""

    kind: Literal["posting", "step", "meeting"]
    step: str
    since: dt.date | None
    until: dt.date | None
    status: Literal["open", "overdue"]
    message_zh: str
    message_en: str
    citations: tuple[Citation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "kind": self.kind,
            "step": self.step,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "status": self.status,
            "message": {"zh": self.message_zh, "en": self.message_en},
            "citations": [c.to_dict() for c in self.citations],
        }


def start(procedure: Procedure, rulebook: RuleSource, run_id: str = "run") -> RunState:
    """A new run in the procedure's initial state."""
    return RunState(run_id=run_id, procedure=procedure, rulebook=rulebook, state=procedure.initial)


def judge(run: RunState, event: Event) -> Decision:
    """The Decision on ``event`` attempted in ``run``: the procedure's guards, then the rules
    of the record it carries (the proposal's, the meeting's), deny-overrides.

    A record that no binding rule of the rulebook judged (its Decision's
    ``coverage.uncovered``) leaves the step ``indeterminate``, and the step's
    ``coverage.uncovered`` says which record: a step is shown lawful, never assumed so.
    """
    index = len(run.applied)
    attempt = StepAttempt(run.procedure, run.state, event, index, run.last_on)
    findings: list[Finding] = [
        evaluate_rule(rule, attempt, run.rulebook, event.on) for rule in run.procedure.guards
    ]
    step = run.procedure.step(event.step)
    records: list[tuple[str, str, Decision]] = []
    if step is not None and step.record == "proposal" and event.proposal is not None:
        records.append(("议案", "proposal", evaluate(event.proposal, run.rulebook)))
    if step is not None and step.record == "meeting" and event.meeting is not None:
        records.append(("会议记录", "meeting record", evaluate(event.meeting, run.rulebook)))
    for _, _, record in records:
        findings.extend(record.findings)
    found = tuple(findings)
    verdict = combine(found)
    uncovered = None
    for zh, en, record in records:
        if verdict == "allowed" and record.coverage.uncovered is not None:
            verdict = "indeterminate"
            uncovered = (
                f"{zh}{record.subject_id}：{record.coverage.uncovered[0]}",
                f"the {en} {record.subject_id}: {record.coverage.uncovered[1]}",
            )
    return Decision(
        subject_type="procedure_step",
        subject_id=f"{run.run_id}#{index} {event.step}",
        rulebook_id=run.rulebook.id,
        rulebook_version=run.rulebook.version,
        at=event.on,
        verdict=verdict,
        findings=found,
        coverage=Coverage(uncovered=uncovered),
    )


def apply(run: RunState, event: Event) -> RunState:
    """Take one step: return the new run state, or refuse it.

    Raises:
        StepRejected: a guard or a rule of the record did not allow the step (out of order,
            wrong body, no quorum or majority, notice too short, missing record…); it carries
            the Decision. Indeterminate counts as refused: a step must be shown lawful.
    """
    decision = judge(run, event)
    if decision.verdict != "allowed":
        raise StepRejected(run.procedure.id, run.state, event.step, decision)
    step = run.procedure.step(event.step)
    assert step is not None  # the sequence guard refuses unknown steps
    target = step.target
    motion = event.motion()
    if step.rejected_target is not None and motion is not None and motion.result == "rejected":
        target = step.rejected_target
    return attrs.evolve(
        run,
        state=target,
        applied=(*run.applied, Applied(event, run.state, target, decision)),
    )


def replay(run: ProcedureRun, rulebook: Rulebook, *, until: dt.date | None = None) -> RunState:
    """Derive a run's state by applying its events in order; the rulebook chooses the
    procedure (``rulebook.procedure(run.procedure)``).

    Replay stops at the first refused event and records it in ``rejection`` (later events
    are not applied). The same events always give the same state.

    Args:
        run: the recorded run.
        rulebook: the rulebook whose procedure and rules apply.
        until: replay only the events dated on or before this day — the run as it stood
            then; ``None`` replays them all.
    """
    state = start(rulebook.procedure(run.procedure), rulebook, run.id)
    for event in run.events:
        if until is not None and event.on > until:
            break
        try:
            state = apply(state, event)
        except StepRejected as e:
            return attrs.evolve(state, rejection=e)
    return state


def next_steps(run: RunState, *, at: dt.date) -> NextSteps:
    """What may happen on ``at`` and which steps are still missing to complete the run."""
    p = run.procedure
    available = tuple(s.name for s in p.steps_from(run.state)) if p.in_force(at) else ()
    return NextSteps(run.state, available, p.path_to_final(run.state))


def due(run: RunState, *, at: dt.date) -> tuple[DueItem, ...]:
    """Items open or overdue on ``at``: a posting that must stay up, the steps still owed."""
    items: list[DueItem] = []
    posting = run.procedure.posting
    if posting is not None:
        for a in run.applied:
            if a.event.step != posting.step:
                continue
            try:
                version = run.rulebook.parameter_version(posting.parameter, a.event.on)
            except UnknownReferenceError:
                continue  # no statutory posting period on that day (before 2026)
            days = version.value
            if not isinstance(days, int):
                raise RulebookError(
                    f"procedure {run.procedure.id}",
                    "posting.parameter",
                    f"{posting.parameter} is not a number of days (got {days})",
                )
            # the day it is posted does not count (Civil Code 201: 开始的当日不计入), so the
            # period's last day is on + days, and it may come down the day after
            until = a.event.on + dt.timedelta(days=days + 1)
            if at < until:
                items.append(
                    DueItem(
                        "posting",
                        posting.step,
                        a.event.on,
                        until,
                        "open",
                        f"{a.event.on.isoformat()}公布的事项须至少公布{days}日，"
                        f"{until.isoformat()}之前不得撤下",
                        f"posted on {a.event.on.isoformat()}: must stay up at least "
                        f"{days} days, until {until.isoformat()} (exclusive)",
                        tuple(dict.fromkeys((posting.citation, version.citation))),
                    )
                )
    for name in run.procedure.path_to_final(run.state)[:1]:
        step = run.procedure.step(name)
        assert step is not None
        items.append(
            DueItem(
                "step",
                name,
                run.last_on,
                None,
                "open",
                f"尚待：{step.title_zh}",
                f"still to do: {name} ({step.title_en})",
            )
        )
    return tuple(items)
