"""Procedure definitions as data: states, steps, the records a step needs, and the guards.

A definition is validated when it is built (unknown states, duplicate steps, a final state
that cannot be reached → `RulebookError`). Guards are rules: each procedure carries its own
sequence rule (with the jurisdiction's citation) and, where the law asks for it, a supervision
rule; a step's record (a proposal, a meeting) is judged by the rulebook's own rules for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from ..exceptions import RulebookError
from .citation import Citation
from .rule import Rule

__all__ = ["Posting", "Procedure", "Record", "Step"]

#: What an event of a step must carry: nothing, the proposal (议案), or the meeting record.
Record = Literal["none", "proposal", "meeting"]


def _tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(slots=True)
class Step:
    """One step of a procedure (an imperative verb: ``deliberate``, ``vote``).

    Args:
        name: the step's name.
        title_zh: Chinese name (``两委联席会议商议``).
        title_en: English name.
        sources: the states it may be taken from.
        target: the state it leads to.
        actors: body kinds that may take it (empty: anyone, e.g. sponsors).
        record: what the event must carry, judged by the rulebook's rules for it.
        rejected_target: for a vote, the state a rejected motion leads to.
    """

    name: str
    title_zh: str
    title_en: str
    sources: tuple[str, ...] = attrs.field(converter=_tuple)
    target: str
    actors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    record: Record = "none"
    rejected_target: str | None = None


@attrs.frozen(slots=True)
class Posting:
    """A result that must stay posted (公布) for a number of days after ``step``."""

    step: str
    parameter: str
    citation: Citation


@attrs.frozen(slots=True)
class Procedure:
    """A procedure as an explicit state machine.

    Args:
        id: the id a rulebook defines it under (``major-matter``); a local rulebook replaces
            its parent's definition of the same id.
        title_zh: Chinese title.
        title_en: English title.
        initial: the state a run starts in.
        final: the state that completes it (``implemented``).
        steps: the steps.
        guards: the rules every step is judged by (subject ``procedure_step``): the sequence
            rule citing the law that orders the steps, who may act, the record, supervision.
        supervisor: the body kind that supervises throughout, or None.
        posting: a posting period that follows a step, or None.
        valid_from: first day the procedure applies, or None.
        valid_to: first day it no longer applies (exclusive), or None.
    """

    id: str
    title_zh: str
    title_en: str
    initial: str
    final: str
    steps: tuple[Step, ...]
    guards: tuple[Rule, ...]
    supervisor: str | None = None
    posting: Posting | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        where = f"procedure {self.id}"
        names = [s.name for s in self.steps]
        if len(set(names)) != len(names):
            raise RulebookError(where, "steps", f"duplicate step names in {names}")
        states = self.states
        for i, s in enumerate(self.steps):
            for field, value in (("sources", s.sources), ("target", (s.target,))):
                for state in value:
                    if state not in states:
                        raise RulebookError(
                            where, f"steps[{i}].{field}", f"unknown state {state!r}"
                        )
        if self.final not in self._reachable():
            raise RulebookError(
                where, "final", f"{self.final!r} cannot be reached from {self.initial!r}"
            )
        for i, rule in enumerate(self.guards):
            if rule.subject != "procedure_step":
                raise RulebookError(
                    where, f"guards[{i}]", f"guard {rule.id} must judge 'procedure_step'"
                )
        if self.posting is not None and self.posting.step not in names:
            raise RulebookError(where, "posting.step", f"unknown step {self.posting.step!r}")

    @property
    def states(self) -> tuple[str, ...]:
        """Every state: the initial one, then each step's targets, in definition order."""
        out = [self.initial]
        for s in self.steps:
            for t in (s.target, s.rejected_target):
                if t is not None and t not in out:
                    out.append(t)
        return tuple(out)

    def _reachable(self) -> set[str]:
        seen = {self.initial}
        frontier = [self.initial]
        while frontier:
            state = frontier.pop()
            for s in self.steps_from(state):
                for t in (s.target, s.rejected_target):
                    if t is not None and t not in seen:
                        seen.add(t)
                        frontier.append(t)
        return seen

    def step(self, name: str) -> Step | None:
        """The step called ``name``, or None."""
        return next((s for s in self.steps if s.name == name), None)

    def steps_from(self, state: str) -> tuple[Step, ...]:
        """The steps that may be taken from ``state``."""
        return tuple(s for s in self.steps if state in s.sources)

    def path_to_final(self, state: str) -> tuple[str, ...]:
        """The fewest steps (by name) leading from ``state`` to the final state, or () if the
        final state is reached or cannot be reached (a rejected proposal)."""
        paths: Mapping[str, tuple[str, ...]] = {state: ()}
        frontier = [state]
        while frontier:
            nxt: list[str] = []
            for current in frontier:
                for s in self.steps_from(current):
                    if s.target not in paths:
                        paths = {**paths, s.target: (*paths[current], s.name)}
                        nxt.append(s.target)
            frontier = nxt
        return paths.get(self.final, ())

    def in_force(self, at: dt.date) -> bool:
        """Whether the procedure applies on ``at`` (``valid_to`` exclusive)."""
        return (self.valid_from is None or self.valid_from <= at) and (
            self.valid_to is None or at < self.valid_to
        )

    def mermaid(self) -> str:
        """A mermaid ``stateDiagram-v2`` of the procedure (for the docs)."""
        lines = ["stateDiagram-v2", f"    [*] --> {self.initial}"]
        for s in self.steps:
            for src in s.sources:
                lines.append(f"    {src} --> {s.target}: {s.name} ({s.title_zh})")
                if s.rejected_target:
                    lines.append(f"    {src} --> {s.rejected_target}: {s.name} (否决)")
        lines.append(f"    {self.final} --> [*]")
        return "\n".join(lines)
