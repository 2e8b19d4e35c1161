"""The durable-rules monitor (extra ``durable``): the same outcomes as `replay`, event for
event; duties timed by a clock you move; inputs validated before durable-rules sees them."""

from __future__ import annotations

import datetime as dt
import json
import re
import runpy
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import Rulebook, UnknownReferenceError, get_rulebook
from community_governance.durable import (
    ClockLine,
    DisclosureLine,
    MeetingLine,
    Monitor,
    Notice,
    RemovalLine,
    StepLine,
    StepOutcome,
    compile_procedures,
    new_host,
    parse_line,
)
from community_governance.procedures import (
    Event,
    ProcedureRun,
    assembly_due,
    due,
    replay,
)
from community_governance.rules.citation import Citation
from community_governance.rules.parameter import Parameter

from ._support import EXAMPLES, ROOT

NO_DURABLE = (
    "durable_rules cannot be imported here: pip install community-governance[durable] "
    "(it builds from its source package with a C compiler, and is reported failing to import "
    "on Python 3.13)"
)
SEEDS = {
    path.stem: ProcedureRun.model_validate_json(path.read_text(encoding="utf-8"))
    for path in sorted((EXAMPLES / "procedures").glob("*.json"))
}
RULEBOOKS = {rid: get_rulebook(rid) for rid in sorted({run.rulebook for run in SEEDS.values()})}
START = dt.date(2026, 1, 1)
NINGXIA = SEEDS["ningxia-implemented"]


def feed_until(monitor: Monitor, run: ProcedureRun, last: Event, community: str = "NX-1") -> None:
    """Feed ``run``'s events up to and including ``last``."""
    for e in run.events[: run.events.index(last) + 1]:
        monitor.feed(StepLine(run=run.id, community=community, event=e))


def meeting_event(run: ProcedureRun) -> Event:
    """The run's first event that carries a meeting record."""
    return next(e for e in run.events if e.meeting is not None)


def posting_event(run: ProcedureRun, rulebook: Rulebook) -> Event:
    """The run's event of the step its procedure's posting period follows."""
    posting = rulebook.procedure(run.procedure).posting
    assert posting is not None
    return next(e for e in run.events if e.step == posting.step)


def posting_until(monitor: Monitor, run_id: str, on: dt.date) -> dt.date:
    """The first day a result posted on ``on`` may come down, as due() says."""
    (item,) = [i for i in due(monitor.run(run_id), at=on) if i.kind == "posting"]
    assert item.until is not None
    return item.until


def next_meeting_due(rulebook: Rulebook, held_on: dt.date, meeting: Any) -> dt.date:
    """The day assembly_due() says the assembly of ``meeting``, held on ``held_on``, is late."""
    item = assembly_due(
        meeting.body,
        last_held_on=held_on,
        at=held_on,
        rulebook=rulebook,
        community_kind=meeting.community_kind,
    )
    assert item is not None
    assert item.until is not None
    return item.until


@pytest.fixture(scope="module")
def durable_rules() -> Any:
    """durable_rules, or the test is skipped with the reason."""
    return pytest.importorskip("durable.engine", reason=NO_DURABLE, exc_type=ImportError)


@pytest.fixture(scope="module")
def host(durable_rules: Any) -> Any:
    """One host for the module's monitors, as a platform would run several in one."""
    return new_host()


def expected(run: ProcedureRun, rulebook: Rulebook) -> list[tuple[Any, ...]]:
    """Per event of ``run``, what `replay` says became of it: accepted, the first refused,
    then the rest not applied."""
    state = replay(run, rulebook)
    out: list[tuple[Any, ...]] = []
    for i in range(len(run.events)):
        if i < len(state.applied):
            a = state.applied[i]
            out.append(("accepted", a.before, a.after, a.decision.to_dict()))
        elif i == len(state.applied) and state.rejection is not None:
            r = state.rejection
            out.append(("refused", r.state, r.state, r.decision.to_dict()))
        else:
            out.append(("ignored", state.state, state.state, None))
    return out


def observed(outcomes: list[StepOutcome]) -> list[tuple[Any, ...]]:
    """The same facts read from the monitor's outcomes."""
    return [
        (o.status, o.before, o.after, None if o.decision is None else o.decision.to_dict())
        for o in outcomes
    ]


# --- generated logs: the shipped runs, in order, out of order, duplicated, missing steps ----


def _mutate(events: list[Event], draw: st.DrawFn) -> list[Event]:
    """Apply a few drawn edits: swap two events, duplicate one, drop one, or give one another
    event's day."""
    for op in draw(st.lists(st.sampled_from(["swap", "dup", "drop", "redate"]), max_size=3)):
        if not events:
            break
        i = draw(st.integers(0, len(events) - 1))
        j = draw(st.integers(0, len(events) - 1))
        if op == "swap":
            events[i], events[j] = events[j], events[i]
        elif op == "dup":
            events.insert(j, events[i])
        elif op == "drop":
            del events[i]
        else:
            events[i] = events[i].model_copy(update={"on": events[j].on})
    return events


@st.composite
def logs(draw: st.DrawFn, run_id: str) -> ProcedureRun:
    """A run built from a shipped example, as it is or edited."""
    seed = SEEDS[draw(st.sampled_from(sorted(SEEDS)))]
    events = _mutate(list(seed.events), draw)
    return seed.model_copy(update={"id": run_id, "events": tuple(events)})


def _interleave(runs: list[ProcedureRun], order: list[int]) -> Iterator[tuple[str, StepLine]]:
    """The runs' events merged into one stream, each run keeping its own order."""
    cursors = [0] * len(runs)
    queue = [i for i in order if i < len(runs)]
    queue += [i for i, r in enumerate(runs) for _ in range(len(r.events))]
    for i in queue:
        run = runs[i]
        if cursors[i] < len(run.events):
            yield run.rulebook, StepLine(run=run.id, event=run.events[cursors[i]])
            cursors[i] += 1


class TestEqualsReplay:
    """The monitor's outcomes are `replay`'s, event for event, whatever the log."""

    @settings(max_examples=100)
    @given(
        runs=st.lists(st.integers(0, 10**6), min_size=1, max_size=3, unique=True).flatmap(
            lambda ids: st.tuples(*(logs(f"R{n}") for n in ids))
        ),
        order=st.lists(st.integers(0, 2), max_size=30),
    )
    def test_generated_logs_get_replays_outcomes_event_for_event(
        self, host: Any, runs: tuple[ProcedureRun, ...], order: list[int]
    ) -> None:
        """For generated logs (the shipped runs in order, shuffled, with duplicated, dropped or
        re-dated steps), interleaved in one stream through one monitor per rulebook sharing a
        host, each run's accepted, refused and ignored steps, their Decisions, its final state
        and the chart's state in durable-rules are those of replay()."""
        monitors = {rid: Monitor(rb, at=START, host=host) for rid, rb in RULEBOOKS.items()}
        got: dict[str, list[StepOutcome]] = {run.id: [] for run in runs}
        for rulebook_id, line in _interleave(list(runs), order):
            results = monitors[rulebook_id].feed(line)
            got[line.run] += [r for r in results if isinstance(r, StepOutcome)]
        for run in runs:
            rulebook = RULEBOOKS[run.rulebook]
            monitor = monitors[run.rulebook]
            assert observed(got[run.id]) == expected(run, rulebook)
            state = replay(run, rulebook)
            event("refused" if state.rejection else "complete" if state.is_complete else "open")
            if run.events:
                assert monitor.run(run.id).to_dict() == state.to_dict()
                chart = monitor.chart_state(run.id)
                name = monitor.charts[run.procedure].name
                assert host.get_pending_events(name, run.id) == []  # no step left in a join
                assert (chart["state"], chart["halted"]) == (
                    state.state,
                    int(bool(state.rejection)),
                )
            # durable-rules' chart and the library's sequence rule agree on what is in order
            assert all(o.status != "accepted" for o in got[run.id] if o.fired == "out-of-sequence")

    @pytest.mark.parametrize("name", sorted(SEEDS))
    def test_each_shipped_run_gets_its_replay(self, host: Any, name: str) -> None:
        """Every run of examples/procedures, fed line by line, ends as replay() ends it."""
        run = SEEDS[name]
        rulebook = RULEBOOKS[run.rulebook]
        monitor = Monitor(rulebook, at=START, host=host)
        outcomes = [o for e in run.events for o in monitor.feed(StepLine(run=run.id, event=e))]
        assert observed([o for o in outcomes if isinstance(o, StepOutcome)]) == expected(
            run, rulebook
        )
        assert monitor.run(run.id).to_dict() == replay(run, rulebook).to_dict()

    def test_a_refused_step_stops_the_run_and_later_steps_are_ignored(self, host: Any) -> None:
        """A vote before the party review is refused with the Jinjiang sequence rule's citation
        (taken by the out-of-sequence rule); the review after it is ignored, as replay stops."""
        run = SEEDS["jinjiang-vote-before-review"]
        monitor = Monitor(RULEBOOKS[run.rulebook], at=START, host=host)
        implemented = SEEDS["jinjiang-implemented"].events
        review = next(e for e in implemented if e.step == "review")
        results = [
            o for e in (*run.events, review) for o in monitor.feed(StepLine(run="J", event=e))
        ]
        assert [(o.status, o.fired) for o in results if isinstance(o, StepOutcome)] == [
            ("accepted", "drafted.sponsor"),
            ("accepted", "sponsored.deliberate"),
            ("refused", "out-of-sequence"),
            ("ignored", "halted"),
        ]
        refused = results[2]
        assert isinstance(refused, StepOutcome)
        assert refused.decision is not None
        assert refused.decision.finding("proposal.sequence").status == "failed"
        assert any("二是" in c.locator for c in refused.citations)


class TestRulesets:
    """Charts are read from the rulebook's procedures; names keep monitors apart in a host."""

    @pytest.mark.parametrize("rulebook_id", sorted(RULEBOOKS))
    def test_a_chart_has_a_rule_per_transition_of_the_rulebooks_procedure(
        self, rulebook_id: str
    ) -> None:
        """Each (source state, step) of the procedure the rulebook gives is one rule, between
        the halted and out-of-sequence rules; the chart knows whether it is in force that day."""
        rulebook = RULEBOOKS[rulebook_id]
        (chart,) = compile_procedures(rulebook, at=START, prefix="p").values()
        procedure = rulebook.procedure("major-matter")
        assert chart.procedure == procedure
        assert chart.rules == (
            "halted",
            *(f"{source}.{s.name}" for s in procedure.steps for source in s.sources),
            "out-of-sequence",
        )
        assert chart.in_force == procedure.in_force(START)

    def test_the_national_procedure_is_not_in_force_before_2026(self) -> None:
        """Read as of 2025, the national party-first chart says it does not apply yet."""
        (chart,) = compile_procedures(
            get_rulebook("cn"), at=dt.date(2025, 6, 1), prefix="p"
        ).values()
        assert not chart.in_force

    def test_two_versions_of_a_rulebook_run_side_by_side_each_with_its_own_law(
        self, host: Any
    ) -> None:
        """A second version of Ningxia with a 20-day posting period registers next to the
        shipped one in the same host; a result taken down on the first day the shipped law
        allows is early only under the second, whose item ends 5 days later."""
        shipped = get_rulebook("cn.ningxia")
        cite = Citation("test rulebook", "§1", "公布的期限不得少于二十日")
        longer = Rulebook(
            id=shipped.id,
            version="test-20-days",
            title_zh=shipped.title_zh,
            title_en=shipped.title_en,
            parent=shipped,
            parameters=(
                Parameter.count(
                    "disclosure.posting-days", "公布期限", "days", (20, START, None, cite)
                ),
            ),
        )
        posted = posting_event(NINGXIA, shipped)
        monitors = [Monitor(rb, at=START, host=host) for rb in (shipped, longer)]
        for monitor in monitors:
            feed_until(monitor, NINGXIA, posted)
        names = {n for m in monitors for n in (m.duties, *(c.name for c in m.charts.values()))}
        assert len(names) == 4
        until = posting_until(monitors[0], NINGXIA.id, posted.on)
        assert posting_until(monitors[1], NINGXIA.id, posted.on) == until + dt.timedelta(days=5)
        removal = RemovalLine(run=NINGXIA.id, removed_on=until)
        assert monitors[0].feed(removal) == ()
        (notice,) = monitors[1].feed(removal)
        assert isinstance(notice, Notice)
        assert notice.kind == "posting-removed-early"
        assert notice.due is not None
        assert notice.due.until == until + dt.timedelta(days=5)
        assert cite in notice.citations

    def test_a_line_for_another_rulebook_is_refused(self, host: Any) -> None:
        """A monitor judges only its own rulebook's lines."""
        monitor = Monitor(get_rulebook("cn"), at=START, host=host)
        line = {
            "rulebook": "cn.ningxia",
            "run": "X",
            "event": {"step": "propose", "on": "2026-03-01"},
        }
        with pytest.raises(ValueError, match=re.escape("cn.ningxia")):
            monitor.feed(json.dumps(line))

    def test_a_forgotten_run_starts_afresh(self, host: Any) -> None:
        """forget() drops the run here and its session in durable-rules; the same id then
        starts again from the procedure's initial state."""
        run = NINGXIA
        monitor = Monitor(RULEBOOKS[run.rulebook], at=START, host=host)
        for e in run.events:
            monitor.feed(StepLine(run=run.id, event=e))
        monitor.forget(run.id)
        assert monitor.runs == ()
        (again,) = monitor.feed(StepLine(run=run.id, event=run.events[0]))
        assert isinstance(again, StepOutcome)
        assert (again.index, again.status, again.before) == (0, "accepted", "drafted")


class TestValidation:
    """Lines are validated by the library's models before anything reaches durable-rules."""

    @pytest.mark.parametrize(
        ("text", "where"),
        [
            ('{"run": "R", "event": {"step": "vote", "on": "2026-03-20", "actr": "x"}}', "actr"),
            ('{"run": "R", "event": {"step": "vote", "on": "20 March"}}', "on"),
            ('{"run": "R", "evnt": {"step": "vote", "on": "2026-03-20"}}', "line_kind"),
            ('{"run": "R", "removed_on": "2026-02-30"}', "removed_on"),
            ('{"clock": "2026-10-01", "note": "x"}', "note"),
        ],
    )
    def test_a_mistyped_field_is_a_validation_error(self, text: str, where: str) -> None:
        """A misspelt key, a bad date or an extra field is a ValidationError naming it."""
        with pytest.raises(ValidationError, match=where):
            parse_line(text)

    def test_each_kind_of_line_is_told_apart_by_its_key(self) -> None:
        """event, removed_on, meeting, disclosure and clock choose the model."""
        meeting = meeting_event(NINGXIA).meeting
        assert meeting is not None
        lines = [
            '{"run": "R", "event": {"step": "propose", "on": "2026-03-01"}}',
            '{"run": "R", "removed_on": "2026-03-25"}',
            json.dumps({"community": "C", "meeting": meeting.model_dump(mode="json")}),
            '{"disclosure": {"id": "B", "community_kind": "rural", "as_of": "2026-01-01"}}',
            '{"clock": "2026-10-01"}',
        ]
        kinds = [type(parse_line(text)) for text in lines]
        assert kinds == [StepLine, RemovalLine, MeetingLine, DisclosureLine, ClockLine]

    def test_a_bad_line_changes_nothing_in_the_monitor(self, host: Any) -> None:
        """A ValidationError leaves the monitor as it was: no run is started."""
        monitor = Monitor(get_rulebook("cn.ningxia"), at=START, host=host)
        with pytest.raises(ValidationError):
            monitor.feed('{"run": "R", "event": {"step": "propose", "on": "2026-03-01", "x": 1}}')
        assert monitor.runs == ()

    def test_a_run_keeps_its_procedure_and_a_removal_needs_a_known_run(self, host: Any) -> None:
        """A later line naming another procedure for a run, or a removal for a run never seen,
        is an error, not a line quietly dropped."""
        monitor = Monitor(get_rulebook("cn.ningxia"), at=START, host=host)
        event = NINGXIA.events[0]
        monitor.feed(StepLine(run="R", event=event))
        with pytest.raises(ValueError, match="follows procedure 'major-matter'"):
            monitor.feed(StepLine(run="R", procedure="other", event=event))
        with pytest.raises(UnknownReferenceError, match="unknown run 'S'"):
            monitor.feed(RemovalLine(run="S", removed_on=dt.date(2026, 3, 2)))
        with pytest.raises(UnknownReferenceError, match="unknown procedure 'other'"):
            monitor.feed(StepLine(run="T", procedure="other", event=event))

    def test_the_clock_does_not_go_back(self, host: Any) -> None:
        """Moving the clock before its day is an error; the day stays."""
        monitor = Monitor(get_rulebook("cn"), at=START, host=host)
        with pytest.raises(ValueError, match="does not go back"):
            monitor.feed({"clock": dt.date(2025, 12, 31)})
        assert monitor.clock == START


class TestTimers:
    """Duties with a deadline fire when the clock reaches them, judged by the library."""

    def test_an_assembly_that_does_not_meet_again_is_overdue_when_its_interval_runs_out(
        self, host: Any
    ) -> None:
        """The representatives' assembly that decided the Ningxia run is overdue on the day
        assembly_due() names, not a day before, with the DueItem and its citation."""
        rulebook = get_rulebook("cn.ningxia")
        monitor = Monitor(rulebook, at=START, host=host)
        decided = meeting_event(NINGXIA)
        feed_until(monitor, NINGXIA, decided)
        meeting = decided.meeting
        assert meeting is not None
        late = next_meeting_due(rulebook, meeting.held_on, meeting)
        assert monitor.advance(late - dt.timedelta(days=1)) == ()
        (notice,) = monitor.advance(late + dt.timedelta(days=40))
        assert (notice.kind, notice.key, notice.on) == (
            "assembly-overdue",
            "NX-1/representatives_assembly",
            late,
        )
        assert notice.due == assembly_due(
            meeting.body,
            last_held_on=meeting.held_on,
            at=late,
            rulebook=rulebook,
            community_kind=meeting.community_kind,
        )
        assert notice.citations

    def test_a_later_meeting_restarts_the_assembly_timer_and_an_older_one_does_not(
        self, host: Any
    ) -> None:
        """A meeting line of the same assembly held in a later period moves the deadline; one
        held earlier (arriving late) changes nothing; each meeting record is judged."""
        rulebook = get_rulebook("cn.ningxia")
        monitor = Monitor(rulebook, at=START, host=host)
        decided = meeting_event(NINGXIA)
        feed_until(monitor, NINGXIA, decided)
        meeting = decided.meeting
        assert meeting is not None
        for day in ("2026-07-10", "2026-02-01"):
            record = json.loads(meeting.model_dump_json())
            record["held_on"] = record["motions"][0]["voted_on"] = day
            line = json.dumps({"community": "NX-1", "meeting": record})
            (judged,) = monitor.feed(line)
            assert isinstance(judged, Notice)
            assert judged.kind == "meeting"
            assert judged.decision is not None
        late = next_meeting_due(rulebook, dt.date(2026, 7, 10), meeting)
        assert late > next_meeting_due(rulebook, meeting.held_on, meeting)
        assert monitor.advance(late - dt.timedelta(days=1)) == ()
        (notice,) = monitor.advance(late)
        assert (notice.kind, notice.on) == ("assembly-overdue", late)

    def test_a_posting_taken_down_before_its_period_ends_is_reported(self, host: Any) -> None:
        """A result taken down the day before due() lets it come down is reported with due()'s
        item and its citation; taken down on that day, nothing is reported."""
        rulebook = get_rulebook("cn.ningxia")
        posted = posting_event(NINGXIA, rulebook)
        for early in (True, False):
            monitor = Monitor(rulebook, at=START, host=host)
            feed_until(monitor, NINGXIA, posted)
            until = posting_until(monitor, NINGXIA.id, posted.on)
            day = until - dt.timedelta(days=1) if early else until
            results = monitor.feed(RemovalLine(run=NINGXIA.id, removed_on=day))
            if not early:
                assert results == ()
                continue
            (notice,) = results
            assert isinstance(notice, Notice)
            assert notice.kind == "posting-removed-early"
            posting = [i for i in due(monitor.run(NINGXIA.id), at=day) if i.kind == "posting"]
            assert notice.due == posting[0]
            assert notice.citations

    def test_a_period_that_ran_out_is_not_reported_when_taken_down_later(self, host: Any) -> None:
        """Once the clock passed the posting period, a removal is no news."""
        rulebook = get_rulebook("cn.ningxia")
        monitor = Monitor(rulebook, at=START, host=host)
        posted = posting_event(NINGXIA, rulebook)
        feed_until(monitor, NINGXIA, posted)
        until = posting_until(monitor, NINGXIA.id, posted.on)
        monitor.advance(until)
        removal = RemovalLine(run=NINGXIA.id, removed_on=until + dt.timedelta(days=1))
        assert monitor.feed(removal) == ()

    def test_a_village_board_missing_its_quarterly_posting_is_reported_once(
        self, host: Any
    ) -> None:
        """A rural board that posted up to the first quarter only: the second quarter's gap is
        reported on 07-01 (the library's village-cadence finding), not again on 08-01 or
        09-01, and the third quarter's on 10-01."""
        monitor = Monitor(get_rulebook("cn"), at=START, host=host)
        board = {
            "id": "V-1",
            "community_kind": "rural",
            "as_of": "2026-03-31",
            "postings": [
                {"id": "g0", "category": "general", "posted_on": "2025-11-10"},
                {"id": "f0", "category": "finances", "posted_on": "2025-11-10"},
                {"id": "g1", "category": "general", "posted_on": "2026-01-10"},
                {"id": "f1", "category": "finances", "posted_on": "2026-01-10"},
            ],
        }
        (judged,) = monitor.feed(json.dumps({"disclosure": board}))
        assert isinstance(judged, Notice)
        assert judged.decision is not None
        assert judged.decision.verdict == "allowed"
        notices = monitor.advance(dt.date(2026, 10, 1))
        assert [(n.kind, n.on) for n in notices] == [
            ("disclosure-overdue", dt.date(2026, 7, 1)),
            ("disclosure-overdue", dt.date(2026, 10, 1)),
        ]
        for notice, start in zip(notices, ("2026-04-01", "2026-07-01"), strict=True):
            assert notice.decision is not None
            finding = notice.decision.finding("disclosure.village-cadence")
            assert finding.status == "failed"
            assert finding.evidence["general"]["period"][0] == start

    def test_notices_come_in_day_order_whatever_the_clock_jump(self, host: Any) -> None:
        """One long jump gives the same notices, in the same order, as many small ones."""

        rulebook = get_rulebook("cn.ningxia")
        decided = meeting_event(NINGXIA)
        assert decided.meeting is not None
        late = next_meeting_due(rulebook, decided.meeting.held_on, decided.meeting)

        def feed(days: list[dt.date]) -> list[tuple[str, str, dt.date]]:
            monitor = Monitor(rulebook, at=START, host=host)
            feed_until(monitor, NINGXIA, decided)
            board = {"id": "V-2", "community_kind": "rural", "as_of": "2026-01-05"}
            monitor.feed(json.dumps({"disclosure": board}))
            return [(n.kind, n.key, n.on) for day in days for n in monitor.advance(day)]

        months = [dt.date(2026, m, 1) for m in range(2, 13)] + [late]
        jumped = feed([late])
        assert jumped == feed(months)
        assert [n[2] for n in jumped] == sorted(n[2] for n in jumped)
        assert ("assembly-overdue", "NX-1/representatives_assembly", late) in jumped


class TestWithoutDurable:
    """The package imports without durable_rules; a monitor needs it and says how to get it."""

    def test_importing_the_package_does_not_import_durable_rules(self) -> None:
        """``import community_governance.durable`` leaves durable_rules unloaded."""
        code = "import sys, community_governance.durable; print('durable' in sys.modules)"
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "False"

    def test_a_monitor_without_durable_rules_names_the_extra(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Where durable_rules cannot be imported, making a monitor raises ImportError with
        the pip command of the extra."""
        for name in ("durable", "durable.lang", "durable.engine"):
            monkeypatch.setitem(sys.modules, name, None)
        with pytest.raises(
            ImportError, match=re.escape("pip install community-governance[durable]")
        ):
            Monitor(get_rulebook("cn"), at=START)


class TestExample:
    """examples/durable: a JSON Lines stream through the monitor, as docs/durable.md shows."""

    def test_the_stream_is_what_generate_writes(self) -> None:
        """stream.jsonl is the output of examples/durable/generate.py (from examples/procedures)."""
        made = runpy.run_path(str(EXAMPLES / "durable" / "generate.py"))["stream_lines"]()
        text = (EXAMPLES / "durable" / "stream.jsonl").read_text(encoding="utf-8")
        assert [json.loads(line) for line in text.splitlines()] == made

    def test_the_example_prints_the_output_the_docs_show(self, durable_rules: Any) -> None:
        """examples/durable/monitor.py on stream.jsonl prints exactly the block under
        "Output" in docs/durable.md."""
        script = EXAMPLES / "durable" / "monitor.py"
        done = subprocess.run(
            [sys.executable, str(script), str(EXAMPLES / "durable" / "stream.jsonl")],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        page = (ROOT / "docs" / "durable.md").read_text(encoding="utf-8")
        shown = re.search(r"<!-- output -->\n```text\n(.*?)```", page, re.S)
        assert shown is not None, "docs/durable.md has no ```text block after <!-- output -->"
        assert done.stdout == shown.group(1)
