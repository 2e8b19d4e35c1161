"""Procedures compiled into durable-rules rulesets ("charts"), and the ruleset of the timers.

A chart has one rule per transition of its procedure (a step taken from one of its source
states), read from the `Procedure` the rulebook defines, so it follows whatever the rulebook
says; nothing here names a step or a state. The law is not compiled: each rule's action asks
the library (`community_governance.procedures.apply`) whether the step is lawful.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..rulebooks import PROCEDURES, Rulebook
from ..rules.procedure import Procedure

__all__ = [
    "HALTED",
    "OUT_OF_SEQUENCE",
    "Chart",
    "Transition",
    "compile_procedures",
    "duties_definition",
    "ruleset_prefix",
]

#: The chart rule that takes the events of a run stopped at a refused step.
HALTED = "halted"
#: The chart rule that takes a step no transition of the run's state leads by.
OUT_OF_SEQUENCE = "out-of-sequence"

_numbers = itertools.count(1)

#: An action factory: the rule's name -> durable_rules' one-argument action.
Actions = Callable[[str], Callable[[Any], None]]


def ruleset_prefix(rulebook: Rulebook) -> str:
    """A name for one monitor's rulesets, unique in this process: the rulebook's id and
    version and a counter, so that two rulebooks, two versions of one, or two monitors of the
    same, register side by side in one durable_rules host (which keeps a name for good).

    Examples:
        >>> from community_governance import get_rulebook
        >>> ruleset_prefix(get_rulebook("cn.ningxia"))  # doctest: +ELLIPSIS
        'cg:cn.ningxia@2017.1#...'
    """
    return f"cg:{rulebook.id}@{rulebook.version}#{next(_numbers)}"


@attrs.frozen(slots=True)
class Transition:
    """A step of a procedure taken from one of its source states: one rule of a chart."""

    source: str
    step: str
    target: str
    rejected_target: str | None

    @property
    def rule(self) -> str:
        """The rule's name in the chart: ``source.step``."""
        return f"{self.source}.{self.step}"


@attrs.frozen(slots=True)
class Chart:
    """A procedure as a durable-rules ruleset.

    The chart keeps each run in its own session (the run id is the session id) with the run's
    state in the session state. A step event is taken by exactly one rule, highest priority
    first: ``halted`` if the run stopped at a refused step, else the transition of the run's
    state that the step names, else ``out-of-sequence``. Every event is taken (durable_rules
    raises for an event no rule takes, and would keep an event a join could still take), and
    each rule's action lets the library judge the step.

    Attributes:
        name: the ruleset's name in the host.
        procedure: the procedure compiled.
        at: the day the rulebook's procedures were read as of.
        in_force: whether the procedure applies on ``at`` (steps dated outside its validity
            are refused by its own sequence rule, as in `replay`).
        transitions: one per (source state, step), in the procedure's order.
    """

    name: str
    procedure: Procedure
    at: dt.date
    in_force: bool
    transitions: tuple[Transition, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule names, in priority order."""
        return (HALTED, *(t.rule for t in self.transitions), OUT_OF_SEQUENCE)

    def definition(self, lang: Any, actions: Actions) -> dict[str, Any]:
        """The ruleset definition for ``host.register_rulesets``, built with durable_rules'
        own rule language (``lang``: ``durable.lang``), each rule running ``actions(name)``."""
        m, s, c, pri, when_all = lang.m, lang.s, lang.c, lang.pri, lang.when_all
        step = m.kind == "step"
        rules: dict[str, Any] = {HALTED: when_all(pri(0), c.run << (s.halted == 1), c.e << step)}
        for t in self.transitions:
            rules[t.rule] = when_all(
                pri(1),
                c.run << ((s.state == t.source) & (s.halted == 0)),
                c.e << ((m.kind == "step") & (m.step == t.step)),
            )
        rules[OUT_OF_SEQUENCE] = when_all(pri(2), c.e << (m.kind == "step"))
        return {name: rule(actions(name)).define() for name, rule in rules.items()}


def compile_procedures(rulebook: Rulebook, *, at: dt.date, prefix: str) -> Mapping[str, Chart]:
    """The charts of every procedure ``rulebook`` defines, as dated on ``at``, by procedure id.

    The definition is the rulebook's table entry in force on ``at`` where there is one, else
    the one `Rulebook.procedure` gives (whatever its dates) — the one `replay` uses.
    """
    dated: dict[str, Procedure] = {}
    for entry in rulebook.entries(PROCEDURES, at) if rulebook.procedure_ids else ():
        if isinstance(entry.value, Procedure) and entry.key not in dated:
            dated[entry.key] = entry.value
    charts: dict[str, Chart] = {}
    for pid in rulebook.procedure_ids:
        procedure = dated.get(pid) or rulebook.procedure(pid)
        transitions = tuple(
            Transition(source, s.name, s.target, s.rejected_target)
            for s in procedure.steps
            for source in s.sources
        )
        charts[pid] = Chart(f"{prefix}/{pid}", procedure, at, procedure.in_force(at), transitions)
    return charts


def duties_definition(lang: Any, actions: Actions) -> dict[str, Any]:
    """The timers' ruleset: records judged, deadlines armed, fired by the clock, or met by a
    removal.

    Everything lives in one session: the clock (a fact with the day), the deadlines (facts:
    ``duty``, ``key``, ``since`` — the day of the record that set it —, ``due`` — the first
    day it is late —, ``open``), and the events that arm them or take a posting down. Days are
    ordinals (`datetime.date.toordinal`). durable_rules only accepts arithmetic and references
    on the right of a comparison, so every condition reads ``event field <op> fact field``.
    """
    m, c, pri, when_all = lang.m, lang.c, lang.pri, lang.when_all
    deadline = m.kind == "deadline"
    arm_of = (m.kind == "arm") & (m.duty == c.d.duty) & (m.key == c.d.key)
    posting = (m.kind == "deadline") & (m.duty == "posting") & (m.open == 1)
    removal_of = (m.kind == "removal") & (m.key == c.d.key) & (m.day >= c.d.since)
    rules: dict[str, Any] = {
        "meeting": when_all(pri(1), c.r << ((m.kind == "record") & (m.subject == "meeting"))),
        "disclosure": when_all(pri(1), c.r << ((m.kind == "record") & (m.subject == "disclosure"))),
        # a record at least as recent as the one a deadline counts from replaces it
        "re-arm": when_all(pri(1), c.d << deadline, c.a << (arm_of & (m.since >= c.d.since))),
        "stale": when_all(pri(2), c.d << deadline, c.a << (arm_of & (m.since < c.d.since))),
        "arm": when_all(pri(3), c.a << (m.kind == "arm")),
        "due": when_all(
            pri(1),
            c.t << (m.kind == "clock"),
            c.d << ((m.kind == "deadline") & (m.open == 1) & (m.due <= c.t.day)),
        ),
        "removed-early": when_all(pri(1), c.d << posting, c.x << (removal_of & (m.day < c.d.due))),
        "removed-in-time": when_all(
            pri(2), c.d << posting, c.x << (removal_of & (m.day >= c.d.due))
        ),
        "removal-unmatched": when_all(pri(3), c.x << (m.kind == "removal")),
    }
    return {name: rule(actions(name)).define() for name, rule in rules.items()}
