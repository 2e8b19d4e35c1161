"""Procedures as explicit state machines whose guards are rules; runs replayed from events."""

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
from .run import (
    STATE_FORMAT,
    Applied,
    DueItem,
    NextSteps,
    RunState,
    apply,
    due,
    judge,
    next_steps,
    replay,
    start,
)
from .text import explain_state

__all__ = [
    "PARTY_BODIES",
    "RUN_FORMAT",
    "STATE_FORMAT",
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
    "actor_rule",
    "add_months",
    "apply",
    "assembly_due",
    "calendar_period",
    "due",
    "explain_state",
    "judge",
    "next_steps",
    "party_first_rule",
    "record_rule",
    "replay",
    "sequence_rule",
    "start",
    "supervision_rule",
]
