"""Replaying a procedure run: judge each event by the procedure's guards, the log's
integrity (`integrity`: its hash chain, its window) and its record's rules, derive the state,
and say what may happen next and what is open or overdue.

Deadlines are evaluated at the date you pass (``at=``). The one use of the clock: an event
dated after the day a log is read as of — ``at``, by default today — is refused, since a
log records only the steps already taken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ..checks.procedure_guards import StepAttempt
from ..engine import RuleSource, evaluate, evaluate_rule
from ..exceptions import StepRejected
from ..models.procedure_run import Event, ProcedureRun
from ..rules.audit import PendingAudit
from ..rules.chain import GENESIS, canonical_json
from ..rules.decision import Coverage, Decision, Finding, combine
from ..rules.masking import Person
from ..rules.procedure import Procedure
from .integrity import chain_finding, window_finding
from .log import event_digest, event_entry, people_of_events, refuse_after
from .outlook import due, next_steps

if TYPE_CHECKING:
    from ..rulebooks._rulebook import Rulebook

__all__ = ["STATE_FORMAT", "Applied", "RunState", "StepInput", "apply", "judge", "replay", "start"]

STATE_FORMAT = "cg.procedure-state/1"


@attrs.frozen(slots=True)
class Applied:
    """An event that was accepted, with the states before and after, its Decision and its
    digest (`log.event_digest`: what the next event's ``previous`` must hold)."""

    event: Event
    before: str
    after: str
    decision: Decision
    sha256: str


@attrs.frozen(slots=True)
class StepInput:
    """What a step's Decision was made from, for its audit trail: the event.

    The Decision's ``audit.input_sha256`` is the digest of `json`, the event's canonical JSON
    (``previous`` included) — the event's digest in the hash chain, which the next event's
    ``previous`` holds. Masking reads the people from the event's records (`community`,
    `units`).
    """

    event: Event

    def model_dump_json(self) -> str:
        """The event's canonical JSON, which `community_governance.rules.audit.input_digest`
        digests."""
        return canonical_json(event_entry(self.event))

    @property
    def community(self) -> Any:
        """The community of the proposal the event carries, if any."""
        return self.event.proposal.community if self.event.proposal is not None else None

    @property
    def units(self) -> tuple[Any, ...]:
        """The units of the meeting the event carries, if any."""
        return self.event.meeting.units if self.event.meeting is not None else ()


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
        rejected_event: the event `rejection` refused, when `replay` recorded it.
    """

    run_id: str
    procedure: Procedure
    rulebook: RuleSource = attrs.field(eq=False, repr=False)
    state: str
    applied: tuple[Applied, ...] = ()
    rejection: StepRejected | None = attrs.field(default=None, eq=False)
    rejected_event: Event | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def is_complete(self) -> bool:
        """Whether the run reached the procedure's final state."""
        return self.state == self.procedure.final

    @property
    def last_on(self) -> dt.date | None:
        """The day of the last accepted event."""
        return self.applied[-1].event.on if self.applied else None

    @property
    def head(self) -> str:
        """The digest of the last accepted event (`GENESIS` before the first): what the next
        event's ``previous`` must hold."""
        return self.applied[-1].sha256 if self.applied else GENESIS

    @property
    def is_chained(self) -> bool:
        """Whether the accepted events are hash-chained (carry ``previous``)."""
        return bool(self.applied) and self.applied[0].event.previous is not None

    def masked(self, salt: bytes | str, people: Iterable[Person] | None = None) -> RunState:
        """This state with every Decision masked (`Decision.masked`): person ids, names and
        personal facts replaced by salted digests, the same for one person in every step.

        Args:
            salt: the run's salt.
            people: whom to mask; default: the people the accepted events and the refused
                one name (see `log.people_of_events`). A state `replay` did not make may not
                know its refused event: pass ``people_of_events(run.events)`` then.
        """
        refused: tuple[Person, ...] | None
        if people is None:
            people = people_of_events([*(a.event for a in self.applied), self.rejected_event])
            # a state replay did not make may not know its refused event: that step's
            # Decision then masks the people of its own records (Decision.masked's default)
            refused = people if self.rejected_event is not None else None
        else:
            people = refused = tuple(people)
        rejection = self.rejection
        if rejection is not None:
            rejection = StepRejected(
                rejection.procedure,
                rejection.state,
                rejection.step,
                rejection.decision.masked(salt, refused),
            )
        return attrs.evolve(
            self,
            applied=tuple(
                attrs.evolve(a, decision=a.decision.masked(salt, people)) for a in self.applied
            ),
            rejection=rejection,
        )

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
                    "sha256": a.sha256,
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


def start(procedure: Procedure, rulebook: RuleSource, run_id: str = "run") -> RunState:
    """A new run in the procedure's initial state."""
    return RunState(run_id=run_id, procedure=procedure, rulebook=rulebook, state=procedure.initial)


def judge(run: RunState, event: Event) -> Decision:
    """The Decision on ``event`` attempted in ``run``: the log's hash chain
    (``procedure.chain``), the procedure's guards, the window of the step's records
    (``procedure.window``; see `integrity`), then the rules of the record it carries (the
    proposal's, the meeting's), deny-overrides.

    A record that no binding rule of the rulebook judged (its Decision's
    ``coverage.uncovered``) leaves the step ``indeterminate``, and the step's
    ``coverage.uncovered`` says which record: a step is shown lawful, never assumed so.

    The Decision carries an audit trail (`StepInput`): its ``input_sha256`` is the event's
    digest in the hash chain.
    """
    index = len(run.applied)
    last = run.applied[-1].event if run.applied else None
    attempt = StepAttempt(run.procedure, run.state, event, index, run.last_on)
    findings: list[Finding] = [chain_finding(event, index, last, run.head)]
    findings += [
        evaluate_rule(rule, attempt, run.rulebook, event.on) for rule in run.procedure.guards
    ]
    findings.append(window_finding(run.procedure, event, run.last_on))
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
        audit=PendingAudit(StepInput(event), run.rulebook),
    )


def apply(run: RunState, event: Event, *, at: dt.date | None = None) -> RunState:
    """Take one step: return the new run state, or refuse it.

    Args:
        run: the run so far.
        event: the step taken.
        at: the day the step is recorded as of (default: today); an event dated after it
            has not happened.

    Raises:
        StepRejected: a guard, the log's integrity or a rule of the record did not allow the
            step (out of order, wrong body, no quorum or majority, notice too short, missing
            record, a broken hash chain, a record from outside the step's window…); it
            carries the Decision. Indeterminate counts as refused: a step must be shown
            lawful.
        InputError: the event is dated after ``at`` (``key`` names ``events[i].on``).
    """
    refuse_after(run.run_id, len(run.applied), event, at)
    decision = judge(run, event)
    if decision.verdict != "allowed":
        raise StepRejected(run.procedure.id, run.state, event.step, decision)
    step = run.procedure.step(event.step)
    assert step is not None  # the sequence guard refuses unknown steps
    target = step.target
    motion = event.motion()
    if step.rejected_target is not None and motion is not None and motion.result == "rejected":
        target = step.rejected_target
    applied = Applied(event, run.state, target, decision, event_digest(event))
    return attrs.evolve(run, state=target, applied=(*run.applied, applied))


def replay(
    run: ProcedureRun,
    rulebook: Rulebook,
    *,
    at: dt.date | None = None,
    until: dt.date | None = None,
) -> RunState:
    """Derive a run's state by applying its events in order; the rulebook chooses the
    procedure (``rulebook.procedure(run.procedure)``).

    Replay stops at the first refused event and records it in ``rejection`` (later events
    are not applied): a step the rules forbid, and in a chained log an event whose link does
    not match (the log was changed, reordered or cut before it). The same events always give
    the same state.

    Args:
        run: the recorded run.
        rulebook: the rulebook whose procedure and rules apply.
        at: the day the log is read as of (default: today): no event may be dated after it.
        until: replay only the events dated on or before this day — the run as it stood
            then; ``None`` replays them all.

    Raises:
        InputError: an event (any, even after ``until``) is dated after ``at``; ``key`` names
            it (``events[4].on``).
    """
    for i, event in enumerate(run.events):
        refuse_after(run.id, i, event, at)
    state = start(rulebook.procedure(run.procedure), rulebook, run.id)
    for event in run.events:
        if until is not None and event.on > until:
            break
        try:
            state = apply(state, event, at=at)
        except StepRejected as e:
            return attrs.evolve(state, rejection=e, rejected_event=event)
    return state
