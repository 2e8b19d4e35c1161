"""Procedures as explicit state machines whose guards are rules; runs replayed from
append-only, hash-chained logs of events."""

from ..checks.procedure_guards import (
    PARTY_BODIES,
    StepAttempt,
    actor_rule,
    party_first_rule,
    record_rule,
    sequence_rule,
    supervision_rule,
)
from ..models.procedure_run import RUN_FORMAT, Event, ProcedureRun
from ..rules.procedure import Posting, Procedure, Record, Step
from .deadlines import add_months, assembly_due, calendar_period
from .integrity import CHAIN, WINDOW
from .log import (
    GENESIS,
    append_event,
    broken_link,
    event_digest,
    head,
    log_document,
    people_of_events,
    seal,
)
from .outlook import DueItem, NextSteps, due, next_steps
from .run import STATE_FORMAT, Applied, RunState, StepInput, apply, judge, replay, start
from .text import explain_state

__all__ = [
    "CHAIN",
    "GENESIS",
    "PARTY_BODIES",
    "RUN_FORMAT",
    "STATE_FORMAT",
    "WINDOW",
    "Applied",
    "DueItem",
    "Event",
    "NextSteps",
    "Posting",
    "Procedure",
    "ProcedureRun",
    "Record",
    "RunState",
    "Step",
    "StepAttempt",
    "StepInput",
    "actor_rule",
    "add_months",
    "append_event",
    "apply",
    "assembly_due",
    "broken_link",
    "calendar_period",
    "due",
    "event_digest",
    "explain_state",
    "head",
    "judge",
    "log_document",
    "next_steps",
    "party_first_rule",
    "people_of_events",
    "record_rule",
    "replay",
    "seal",
    "sequence_rule",
    "start",
    "supervision_rule",
]
