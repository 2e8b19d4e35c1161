"""A durable-rules monitor for streams of procedure events (extra ``durable``).

The library's procedures are compiled into durable-rules rulesets, one per procedure, and a
`Monitor` asserts validated lines into them: steps of procedure runs (the events of
``cgov procedure replay``), meeting and disclosure records, and clock ticks that fire the
timers of duties with a deadline. durable-rules correlates the events (which run, which
state, which deadline) and times the duties; the law is judged by the library, whose
`Decision`s and `DueItem`s, with their citations, are what the monitor reports. A run's
outcomes equal `replay`'s, event for event.

Importing this package does not import durable_rules; making a `Monitor` does, and raises an
`ImportError` naming the extra if it is missing: ``pip install community-governance[durable]``.
"""

from ._charts import Chart, Transition, compile_procedures, ruleset_prefix
from ._engine import EXTRA, new_host, shared_host
from ._lines import (
    AnyLine,
    ClockLine,
    DisclosureLine,
    Line,
    MeetingLine,
    RemovalLine,
    StepLine,
    parse_line,
    read_lines,
)
from ._monitor import Monitor, Result
from ._results import Notice, StepOutcome

__all__ = [
    "EXTRA",
    "AnyLine",
    "Chart",
    "ClockLine",
    "DisclosureLine",
    "Line",
    "MeetingLine",
    "Monitor",
    "Notice",
    "RemovalLine",
    "Result",
    "StepLine",
    "StepOutcome",
    "Transition",
    "compile_procedures",
    "new_host",
    "parse_line",
    "read_lines",
    "ruleset_prefix",
    "shared_host",
]
