"""The monitor: a stream of procedure events, records and clock ticks, correlated and timed by
durable-rules, judged by the library."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from ..engine import evaluate
from ..exceptions import StepRejected, UnknownReferenceError
from ..models import Disclosure, StrictModel
from ..procedures import RunState, add_months, apply, assembly_due, due, start
from ..rulebooks import Rulebook
from ..rules.decision import Decision
from ._charts import HALTED, Chart, compile_procedures, duties_definition, ruleset_prefix
from ._engine import durable, shared_host
from ._lines import ClockLine, DisclosureLine, MeetingLine, RemovalLine, StepLine, parse_line
from ._results import Notice, StepOutcome

__all__ = ["Monitor", "Result"]

#: What the monitor reports.
Result = StepOutcome | Notice

#: The session of the timers' ruleset (one per monitor: the clock joins every deadline).
_DUTIES = "duties"


@attrs.frozen(slots=True)
class _Assembly:
    """What an assembly deadline counts from."""

    body: str
    community_kind: str | None
    held_on: dt.date


class Monitor:
    """A rulebook's procedures and duties as durable-rules rulesets in a durable-rules host,
    fed one validated line at a time, answering with the library's Decisions.

    * A **step** (`StepLine`) goes to its procedure's chart (`compile_procedures`), in the
      run's own session; the rule that takes it asks the library (`apply`) whether the step
      is lawful. The outcome, the states and the run (`run`) are those of `replay`, event for
      event: a refused step stops the run and the events after it are ``ignored``.
    * A **meeting** or **disclosure** record is judged by the library (`evaluate`).
    * **Duties with a deadline** are timers: a deadline fact per duty, fired by the clock fact
      (`advance`, or a `ClockLine`) — an assembly that must meet again (`assembly_due`,
      counted from its last meeting seen: a meeting line, or the meeting of an accepted
      step), a notice board re-judged on the first day of each month, whose periods (a
      month, a quarter) end there (a denial is reported when it is new), and a run's posted
      result that must stay up (`due`; a `RemovalLine` before its end is reported).

    Nothing keeps time but the clock you move: the monitor is deterministic. Feed it from one
    thread at a time.

    Args:
        rulebook: the rulebook whose procedures and rules apply.
        at: the day the monitor starts: its clock, and the day the rulebook's procedures are
            read as of.
        host: the durable_rules host to register the rulesets in (default: `shared_host`).
            A host of your own must run each action inside the call that caused it, as
            `new_host`'s do.

    Raises:
        ImportError: durable_rules is not installed (the message names the extra).
    """

    def __init__(self, rulebook: Rulebook, *, at: dt.date, host: Any = None) -> None:
        lang = durable().lang
        self.rulebook = rulebook
        self.host: Any = host if host is not None else shared_host()
        self.prefix = ruleset_prefix(rulebook)
        self.charts: Mapping[str, Chart] = compile_procedures(rulebook, at=at, prefix=self.prefix)
        self.duties = f"{self.prefix}/{_DUTIES}"
        self._clock = at
        self._lines = itertools.count()
        self._ids = itertools.count(1)
        self._runs: dict[str, RunState] = {}
        self._chart_of: dict[str, Chart] = {}
        self._community: dict[str, str] = {}
        self._seen: dict[str, int] = {}
        self._pending: dict[int, Any] = {}
        self._refs: dict[int, Any] = {}
        self._last_denials: dict[str, frozenset[tuple[str, str]]] = {}
        self._arms: list[dict[str, Any]] = []
        self._out: list[Result] = []
        self._errors: list[BaseException] = []
        definitions = {
            chart.name: chart.definition(lang, self._actions(self._on_step))
            for chart in self.charts.values()
        }
        definitions[self.duties] = duties_definition(lang, self._actions(self._on_duty))
        self.host.register_rulesets(definitions)
        self._clock_fact = self._fact("clock", day=at.toordinal())
        self._call(self.host.assert_fact, self.duties, self._clock_fact)

    # --- the public surface -------------------------------------------------------------

    @property
    def clock(self) -> dt.date:
        """The monitor's day: the start day, or the last one `advance` moved to."""
        return self._clock

    @property
    def runs(self) -> tuple[str, ...]:
        """The ids of the runs seen, in order of their first event."""
        return tuple(self._runs)

    def run(self, run_id: str) -> RunState:
        """The run as the library sees it after the events fed: the `RunState` that `replay`
        gives for the same events.

        Raises:
            UnknownReferenceError: no event of that run was fed.
        """
        try:
            return self._runs[run_id]
        except KeyError:
            raise UnknownReferenceError(
                "run", run_id, self.runs, where=f"monitor {self.prefix}"
            ) from None

    def chart_state(self, run_id: str) -> dict[str, Any]:
        """The run's session state in durable-rules (``state``, ``halted``)."""
        self.run(run_id)
        state: dict[str, Any] = self.host.get_state(self._chart_of[run_id].name, run_id)
        return state

    def feed(self, line: str | bytes | Mapping[str, Any] | StrictModel) -> tuple[Result, ...]:
        """Validate one line, assert it into durable-rules and return what it caused: the
        step's outcome, the record's notice, the notices of timers that fired.

        Raises:
            pydantic.ValidationError: the line is not valid (nothing reached durable-rules).
            UnknownReferenceError: a run names a procedure the rulebook does not define, or a
                removal names a run never seen.
            ValueError: the line is for another rulebook, changes a run's procedure, or moves
                the clock back.
        """
        parsed = parse_line(line)
        if isinstance(parsed, ClockLine):
            return self.advance(parsed.clock)
        named = parsed.rulebook
        if named is not None and named != self.rulebook.id:
            raise ValueError(
                f"the line is for rulebook {named!r}; this monitor judges {self.rulebook.id!r}"
            )
        seq = next(self._lines)
        if isinstance(parsed, StepLine):
            return self._step(parsed, seq)
        if isinstance(parsed, RemovalLine):
            self.run(parsed.run)
            message = {"kind": "removal", "key": parsed.run, "day": parsed.removed_on.toordinal()}
            return self._post(self.duties, _DUTIES, message)
        key = parsed.disclosure.id if isinstance(parsed, DisclosureLine) else parsed.community
        subject = "disclosure" if isinstance(parsed, DisclosureLine) else "meeting"
        self._pending[seq] = parsed
        return self._post(
            self.duties, _DUTIES, {"kind": "record", "subject": subject, "key": key, "seq": seq}
        )

    def feed_all(
        self, lines: Iterable[str | bytes | Mapping[str, Any] | StrictModel]
    ) -> Iterator[Result]:
        """`feed` each line in turn, yielding what each caused."""
        for line in lines:
            yield from self.feed(line)

    def advance(self, day: dt.date) -> tuple[Notice, ...]:
        """Move the clock to ``day`` and return the notices of the deadlines that fell due,
        ordered by day, kind and key.

        Raises:
            ValueError: ``day`` is before the monitor's clock.
        """
        if day < self._clock:
            raise ValueError(
                f"the clock does not go back: it is {self._clock.isoformat()}, "
                f"not {day.isoformat()}"
            )
        if day == self._clock:
            return ()
        self._call(self.host.retract_fact, self.duties, self._clock_fact)
        self._clock = day
        self._clock_fact = self._fact("clock", day=day.toordinal())
        found = self._call(self.host.assert_fact, self.duties, self._clock_fact)
        notices = [r for r in found if isinstance(r, Notice)]
        return tuple(sorted(notices, key=lambda n: (n.on, n.kind, n.key)))

    def forget(self, run_id: str) -> None:
        """Drop a run (its session in durable-rules and its state here), e.g. once complete."""
        chart = self._chart_of.pop(run_id)
        del self._runs[run_id], self._seen[run_id]
        self._community.pop(run_id, None)
        self.host.delete_state(chart.name, run_id)

    # --- durable-rules plumbing ------------------------------------------------------------

    def _actions(self, handler: Callable[[str, Any], None]) -> Callable[[str], Any]:
        """Action factory: durable_rules wants one-argument functions, and keeps an exception
        raised in an action in the session state instead of raising it: catch it here, raise
        it from the call that caused it."""

        def make(fired: str) -> Callable[[Any], None]:
            def action(c: Any) -> None:
                try:
                    handler(fired, c)
                except BaseException as e:
                    self._errors.append(e)

            return action

        return make

    def _call(self, method: Callable[..., Any], *args: Any) -> tuple[Result, ...]:
        """Call the host; return what the actions reported, raise what they raised."""
        self._out, self._arms = [], []
        method(*args)
        while self._arms and not self._errors:
            arms, self._arms = self._arms, []
            for arm in arms:
                self.host.post(self.duties, {"sid": _DUTIES, "id": next(self._ids), **arm})
        if self._errors:
            error, self._errors = self._errors[0], []
            raise error
        out, self._out = self._out, []
        return tuple(out)

    def _post(self, ruleset: str, sid: str, message: dict[str, Any]) -> tuple[Result, ...]:
        return self._call(self.host.post, ruleset, {"sid": sid, "id": next(self._ids), **message})

    def _fact(self, kind: str, **fields: Any) -> dict[str, Any]:
        return {"sid": _DUTIES, "id": next(self._ids), "kind": kind, **fields}

    # --- steps --------------------------------------------------------------------------

    def _step(self, line: StepLine, seq: int) -> tuple[Result, ...]:
        run_id = line.run
        if run_id not in self._runs:
            chart = self.charts.get(line.procedure)
            if chart is None:
                self.rulebook.procedure(line.procedure)  # raises the library's own error
                raise UnknownReferenceError("procedure", line.procedure, tuple(self.charts))
            self._runs[run_id] = start(chart.procedure, self.rulebook, run_id)
            self._chart_of[run_id] = chart
            self._seen[run_id] = 0
            initial = {"sid": run_id, "state": chart.procedure.initial, "halted": 0}
            self._call(self.host.update_state, chart.name, initial)
        chart = self._chart_of[run_id]
        if line.procedure != chart.procedure.id:
            raise ValueError(
                f"run {run_id} follows procedure {chart.procedure.id!r}, not {line.procedure!r}"
            )
        community = line.community or (
            line.event.proposal.community.id if line.event.proposal is not None else None
        )
        if community is not None:
            self._community.setdefault(run_id, community)
        self._pending[seq] = line
        e = line.event
        message = {
            "kind": "step",
            "seq": seq,
            "step": e.step,
            "on": e.on.toordinal(),
            "actor": e.actor,
            "supervised_by": e.supervised_by,
            "record": e.meeting.id if e.meeting else e.proposal.id if e.proposal else None,
        }
        return self._post(chart.name, run_id, {k: v for k, v in message.items() if v is not None})

    def _on_step(self, fired: str, c: Any) -> None:
        line: StepLine = self._pending.pop(c.e.seq)
        run = self._runs[line.run]
        index = self._seen[line.run]
        self._seen[line.run] = index + 1
        if c.s.state != run.state:
            raise RuntimeError(
                f"durable-rules has run {line.run} in state {c.s.state!r}, the library in "
                f"{run.state!r}"
            )
        if fired == HALTED:
            self._out.append(
                StepOutcome(
                    line.run, index, line.event, "ignored", run.state, run.state, None, fired
                )
            )
            return
        try:
            after = apply(run, line.event)
        except StepRejected as e:
            self._runs[line.run] = attrs.evolve(run, rejection=e)
            c.s.halted = 1
            self._out.append(
                StepOutcome(
                    line.run, index, line.event, "refused", run.state, run.state, e.decision, fired
                )
            )
            return
        self._runs[line.run] = after
        c.s.state = after.state
        decision = after.applied[-1].decision
        self._out.append(
            StepOutcome(
                line.run, index, line.event, "accepted", run.state, after.state, decision, fired
            )
        )
        self._arm_after(line, after)

    def _arm_after(self, line: StepLine, run: RunState) -> None:
        """An accepted step may start a posting period, or show that an assembly met."""
        e = line.event
        posting = run.procedure.posting
        if posting is not None and posting.step == e.step:
            for item in due(run, at=e.on):
                if item.kind == "posting" and item.since == e.on and item.until is not None:
                    self._arm("posting", line.run, e.on, item.until, line.run)
        community = self._community.get(line.run)
        if e.meeting is not None and community is not None:
            self._arm_assembly(
                community, e.meeting.body, e.meeting.community_kind, e.meeting.held_on
            )

    # --- duties --------------------------------------------------------------------------

    def _arm(self, duty: str, key: str, since: dt.date, until: dt.date, payload: Any) -> None:
        ref = next(self._ids)
        self._refs[ref] = payload
        self._arms.append(
            {
                "kind": "arm",
                "duty": duty,
                "key": key,
                "since": since.toordinal(),
                "due": until.toordinal(),
                "ref": ref,
            }
        )

    def _arm_assembly(
        self, community: str, body: str, community_kind: str | None, held_on: dt.date
    ) -> None:
        item = assembly_due(
            body,
            last_held_on=held_on,
            at=held_on,
            rulebook=self.rulebook,
            community_kind=community_kind,
        )
        if item is not None and item.until is not None:
            payload = _Assembly(body, community_kind, held_on)
            self._arm("assembly", f"{community}/{body}", held_on, item.until, payload)

    def _deadline(self, a: Any, *, due_on: int | None = None, is_open: int = 1) -> dict[str, Any]:
        if not is_open:
            self._refs.pop(a.ref, None)  # a closed deadline never fires: its record may go
        return self._fact(
            "deadline",
            duty=a.duty,
            key=a.key,
            since=a.since,
            due=a.due if due_on is None else due_on,
            ref=a.ref,
            open=is_open,
        )

    def _on_duty(self, fired: str, c: Any) -> None:
        if fired in ("meeting", "disclosure"):
            self._judge_record(fired, c.r.seq)
        elif fired == "re-arm":
            c.retract_fact(c.d)
            self._refs.pop(c.d.ref, None)
            c.assert_fact(self._deadline(c.a))
        elif fired == "arm":
            c.assert_fact(self._deadline(c.a))
        elif fired == "stale":
            self._refs.pop(c.a.ref, None)
        elif fired == "due":
            self._fire(c)
        elif fired in ("removed-early", "removed-in-time"):
            c.retract_fact(c.d)
            c.assert_fact(self._deadline(c.d, is_open=0))
            if fired == "removed-early":
                self._removed(c.x.key, dt.date.fromordinal(c.x.day))
        # "removal-unmatched" (no posting period running) changes nothing

    def _judge_record(self, fired: str, seq: int) -> None:
        line = self._pending.pop(seq)
        if isinstance(line, MeetingLine):
            m = line.meeting
            decision = evaluate(m, self.rulebook)
            self._out.append(Notice("meeting", line.community, m.held_on, decision, fired=fired))
            self._arm_assembly(line.community, m.body, m.community_kind, m.held_on)
            return
        d: Disclosure = line.disclosure
        decision = evaluate(d, self.rulebook)
        self._last_denials[d.id] = _denials(decision)
        self._out.append(Notice("disclosure", d.id, d.as_of, decision, fired=fired))
        self._arm("disclosure", d.id, d.as_of, _next_month(d.as_of), d)

    def _fire(self, c: Any) -> None:
        """A deadline fell due: ask the library what it means on that day."""
        day = dt.date.fromordinal(c.d.due)
        payload = self._refs[c.d.ref]
        c.retract_fact(c.d)
        again: dt.date | None = None
        if c.d.duty == "assembly":
            item = assembly_due(
                payload.body,
                last_held_on=payload.held_on,
                at=day,
                rulebook=self.rulebook,
                community_kind=payload.community_kind,
            )
            if item is not None and item.status == "overdue":
                self._out.append(Notice("assembly-overdue", c.d.key, day, due=item, fired="due"))
            elif item is not None and item.until is not None and item.until > day:
                again = item.until  # the law in force on that day gives longer
        elif c.d.duty == "disclosure":
            self._recheck(c.d.key, payload, day)
            again = _next_month(day)
        # a posting period that ran out needs nothing more
        if again is None:
            c.assert_fact(self._deadline(c.d, is_open=0))
        else:
            c.assert_fact(self._deadline(c.d, due_on=again.toordinal()))

    def _recheck(self, board: str, record: Disclosure, day: dt.date) -> None:
        later = type(record).model_validate({**dict(record), "as_of": day})
        decision = evaluate(later, self.rulebook)
        denials = _denials(decision)
        if decision.verdict == "denied" and denials - self._last_denials.get(board, frozenset()):
            self._out.append(Notice("disclosure-overdue", board, day, decision, fired="due"))
        self._last_denials[board] = denials

    def _removed(self, run_id: str, day: dt.date) -> None:
        for item in due(self._runs[run_id], at=day):
            if item.kind == "posting" and item.status == "open":
                self._out.append(
                    Notice("posting-removed-early", run_id, day, due=item, fired="removed-early")
                )
                return


def _denials(decision: Decision) -> frozenset[tuple[str, str]]:
    return frozenset((f.rule, f.message_en) for f in decision.denials)


def _next_month(day: dt.date) -> dt.date:
    """The first day of the month after ``day``'s."""
    return add_months(day.replace(day=1), 1)
