"""Procedure-run logs are append-only and hash-chained: links, appending, sealing, the first
broken link, the chain judged with every step, the step's audit trail and masking (#10)."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import InputError, StepRejected, get_rulebook
from community_governance.procedures import (
    CHAIN,
    GENESIS,
    Event,
    ProcedureRun,
    append_event,
    apply,
    broken_link,
    event_digest,
    head,
    log_document,
    people_of_events,
    replay,
    seal,
    start,
)
from community_governance.rules.chain import canonical_sha256
from community_governance.strategies import meetings, proposals

from ._support import EXAMPLES, example_data

JINJIANG = get_rulebook("cn.sichuan.chengdu.jinjiang")
NAMES = sorted(p.stem for p in (EXAMPLES / "procedures").glob("*.json"))


def shipped(name: str = "jinjiang-implemented") -> ProcedureRun:
    """A shipped (chained) example run."""
    return ProcedureRun.model_validate_json(
        (EXAMPLES / "procedures" / f"{name}.json").read_text(encoding="utf-8")
    )


def unlinked_data(name: str = "jinjiang-implemented") -> dict[str, Any]:
    """A shipped run as JSON data with its links taken out: a legacy log."""
    data = copy.deepcopy(example_data(f"procedures/{name}.json"))
    for e in data["events"]:  # type: ignore[union-attr]
        del e["previous"]
    return data


def legacy(name: str = "jinjiang-implemented") -> ProcedureRun:
    """A shipped run as a legacy log (no links)."""
    return ProcedureRun.model_validate_json(json.dumps(unlinked_data(name)))


def with_events(run: ProcedureRun, events: list[Event]) -> ProcedureRun:
    """``run`` with other events, not validated: what an edited file would hold."""
    return run.model_copy(update={"events": tuple(events)})


class TestLinks:
    """Each event of a chained log holds the digest of the canonical JSON of the one before."""

    @pytest.mark.parametrize("name", NAMES)
    def test_every_shipped_run_is_chained_and_whole(self, name: str) -> None:
        """The examples are chained: the first links to 64 zeros, each next one to the event
        before it, and no link is broken."""
        run = shipped(name)
        assert run.is_chained
        assert run.events[0].previous == GENESIS
        for before, after in itertools.pairwise(run.events):
            assert after.previous == event_digest(before)
        assert broken_link(run) is None

    @pytest.mark.parametrize("name", NAMES)
    def test_a_file_can_be_checked_with_json_and_sha256_alone(self, name: str) -> None:
        """Each event object of a shipped file, as written, hashes (sorted keys, UTF-8) to
        the next event's previous: no library is needed to check a chain it wrote."""
        events = example_data(f"procedures/{name}.json")["events"]
        assert isinstance(events, list)
        for before, after in itertools.pairwise(events):
            assert after["previous"] == canonical_sha256(before)

    def test_defaults_written_out_or_left_out_give_the_same_digest(self) -> None:
        """An event saved with every default spelt out (model_dump_json) reads back with the
        same digest as the one that left them out."""
        for event in shipped().events:
            again = Event.model_validate_json(event.model_dump_json())
            assert event_digest(again) == event_digest(event)

    @settings(max_examples=40, deadline=None)
    @given(
        record=st.one_of(
            proposals().map(lambda p: {"proposal": p}), meetings().map(lambda m: {"meeting": m})
        ),
        on=st.dates(dt.date(2000, 1, 1), dt.date(2026, 1, 1)),
    )
    def test_a_digest_survives_a_round_trip_through_json(
        self, record: dict[str, Any], on: dt.date
    ) -> None:
        """For generated events carrying a proposal or a meeting, the digest is the same after
        writing the event (compact or in full) and reading it back."""
        event = Event(step="vote", on=on, **record)
        log = append_event(empty_run(), event, at=on)
        written = json.dumps(log_document(log)["events"][0], ensure_ascii=False)
        assert event_digest(Event.model_validate_json(written)) == event_digest(log.events[0])
        in_full = event.model_dump_json()
        assert event_digest(Event.model_validate_json(in_full)) == event_digest(event)

    def test_a_log_is_chained_throughout_or_not_at_all(self) -> None:
        """An event without a link after linked ones, or a link after unlinked ones, is a
        validation error naming the event."""
        data = copy.deepcopy(example_data("procedures/jinjiang-implemented.json"))
        del data["events"][3]["previous"]  # type: ignore[index]
        with pytest.raises(ValidationError, match=r"events\[3\]\.previous: missing"):
            ProcedureRun.model_validate_json(json.dumps(data))
        data = unlinked_data()
        data["events"][2]["previous"] = GENESIS
        with pytest.raises(ValidationError, match=r"events\[2\]\.previous: given"):
            ProcedureRun.model_validate_json(json.dumps(data))

    @pytest.mark.parametrize("bad", ["0" * 63, "A" * 64, "g" * 64, 1])
    def test_a_link_is_64_lowercase_hex_digits(self, bad: object) -> None:
        """A link that is not a SHA-256 in lowercase hex is refused."""
        with pytest.raises(ValidationError, match="previous"):
            Event.model_validate_json(
                json.dumps({"previous": bad, "step": "vote", "on": "2026-03-01"})
            )


def empty_run(run_id: str = "R") -> ProcedureRun:
    """A Jinjiang run with no events yet."""
    return ProcedureRun(format="cg.procedure-run/1", id=run_id, rulebook=JINJIANG.id)


class TestBrokenLink:
    """broken_link names the first event whose link does not match."""

    def test_a_swapped_pair_breaks_at_the_first_moved_event(self) -> None:
        """Review and vote swapped: the chain breaks at index 2, naming event 1's digest."""
        events = list(shipped().events)
        events[2], events[3] = events[3], events[2]
        found = broken_link(with_events(shipped(), events))
        assert found is not None
        assert found[0] == 2
        assert f"events[1] (deliberate) has digest {event_digest(events[1])[:16]}" in found[1]
        assert "changed, reordered or cut before this event" in found[1]

    def test_a_changed_event_breaks_the_link_after_it(self) -> None:
        """One more attendee in the vote's meeting: the publish step's link breaks."""
        events = list(shipped().events)
        meeting = events[3].meeting
        assert meeting is not None
        more = meeting.model_copy(update={"attendees": meeting.attendees + 1})
        events[3] = events[3].model_copy(update={"meeting": more})
        assert broken_link(with_events(shipped(), events)) is not None
        assert broken_link(with_events(shipped(), events))[0] == 4  # type: ignore[index]

    @pytest.mark.parametrize(
        ("edit", "index"),
        [
            (lambda e: e[1:], 0),  # the first event cut
            (lambda e: [e[0], *e[2:]], 1),  # one removed
            (lambda e: [e[0], e[0], *e[1:]], 1),  # one inserted twice
        ],
    )
    def test_a_removed_or_inserted_event_breaks_the_chain(self, edit: Any, index: int) -> None:
        """Cutting the start, removing an event or inserting one breaks the chain there."""
        found = broken_link(with_events(shipped(), edit(list(shipped().events))))
        assert found is not None
        assert found[0] == index

    def test_a_changed_last_event_is_seen_only_against_a_kept_head(self) -> None:
        """No link follows the last event: changing it breaks nothing, but its digest (the
        head, which replay prints) is no longer the one kept."""
        run = shipped()
        kept = head(run)
        last = run.events[-1].model_copy(update={"on": dt.date(2026, 4, 11)})
        changed = with_events(run, [*run.events[:-1], last])
        assert broken_link(changed) is None
        assert head(changed) != kept

    def test_a_legacy_log_has_no_link_to_break(self) -> None:
        """An unlinked log is not checked (there is nothing to check)."""
        assert broken_link(legacy()) is None


class TestAppendAndSeal:
    """append_event links an event to the log's last one; seal links a legacy log."""

    def test_appending_each_event_gives_the_sealed_log(self) -> None:
        """Appending the legacy log's events one by one to an empty run gives the same log
        as sealing it, and the shipped file."""
        run = empty_run("JJ-2026-007")
        for event in legacy().events:
            run = append_event(run, event)
        assert run.events == seal(legacy()).events == shipped().events

    def test_the_first_event_links_to_genesis_and_the_next_to_it(self) -> None:
        """An empty run's first event links to 64 zeros; the next to its digest."""
        first, second = legacy().events[:2]
        run = append_event(append_event(empty_run(), first), second)
        assert run.events[0].previous == GENESIS
        assert run.events[1].previous == event_digest(run.events[0])

    def test_a_legacy_log_must_be_sealed_before_appending(self) -> None:
        """Appending to a log with unlinked events is refused: seal it first."""
        with pytest.raises(InputError, match="seal it first"):
            append_event(legacy(), legacy().events[0])

    def test_an_event_with_a_wrong_link_is_not_appended(self) -> None:
        """An event whose previous is not the log's head is refused, naming its index."""
        event = legacy().events[-1].model_copy(update={"previous": GENESIS})
        run = with_events(shipped(), list(shipped().events[:-1]))
        with pytest.raises(InputError, match=r"events\[5\]\.previous: 0000000000000000… does"):
            append_event(run, event)

    def test_an_event_with_the_right_link_is_appended_as_it_is(self) -> None:
        """An event that already links to the head is appended unchanged."""
        run = with_events(shipped(), list(shipped().events[:-1]))
        assert append_event(run, shipped().events[-1]).events == shipped().events

    def test_a_log_with_a_broken_chain_takes_no_more_events(self) -> None:
        """Appending to a changed log is refused with the first broken link."""
        events = list(shipped().events)
        events[1], events[2] = events[2], events[1]
        with pytest.raises(InputError, match=r"events\[1\]\.previous"):
            append_event(with_events(shipped(), events), legacy().events[0])

    def test_an_event_dated_after_the_day_is_not_appended(self) -> None:
        """A step dated after `at` has not happened: refused (the same day is fine)."""
        event = legacy().events[0]
        assert append_event(empty_run(), event, at=event.on).events[0].on == event.on
        with pytest.raises(InputError, match=r"events\[0\]\.on: 2026-03-02 \(sponsor\) is too"):
            append_event(empty_run(), event, at=event.on - dt.timedelta(days=1))

    def test_sealing_a_chained_log_changes_nothing(self) -> None:
        """seal() of a chained log returns it as it is."""
        assert seal(shipped()) == shipped()

    def test_sealing_refuses_a_broken_chain_and_future_events(self) -> None:
        """seal() does not vouch for a log whose chain is broken or that records the future."""
        events = list(shipped().events)
        with pytest.raises(InputError, match=r"events\[0\]\.previous"):
            seal(with_events(shipped(), events[1:]))
        with pytest.raises(InputError, match=r"events\[5\]\.on"):
            seal(legacy(), at=dt.date(2026, 4, 9))


class TestReplayJudgesTheChain:
    """Every step's Decision carries procedure.chain: the first bad link refuses its step."""

    def test_each_step_of_a_chained_log_passes_the_chain(self) -> None:
        """The shipped Jinjiang run: every step's chain finding passed."""
        state = replay(shipped(), JINJIANG)
        assert state.is_complete
        assert [a.decision.finding(CHAIN).status for a in state.applied] == ["passed"] * 6

    def test_a_reordered_log_is_refused_at_the_first_moved_event(self) -> None:
        """A log edited in memory (not validated again) stops at the moved event, whose
        Decision's chain finding names both digests."""
        events = list(shipped().events)
        events[2], events[3] = events[3], events[2]
        state = replay(with_events(shipped(), events), JINJIANG)
        assert (len(state.applied), state.state) == (2, "deliberated")
        assert state.rejection is not None
        finding = state.rejection.decision.finding(CHAIN)
        assert finding.status == "failed"
        assert finding.evidence["expected"] == event_digest(events[1])
        assert "changed, reordered or cut before this event" in finding.message_en

    def test_an_unlinked_event_after_linked_ones_is_refused(self) -> None:
        """A step without a link fed after chained ones (a monitor's stream) is refused."""
        run = start(JINJIANG.procedure("major-matter"), JINJIANG, "S")
        run = apply(run, shipped().events[0])
        with pytest.raises(StepRejected) as info:
            apply(run, legacy().events[1])
        decision = info.value.decision
        assert decision.finding(CHAIN).status == "failed"
        assert "carries no previous digest" in decision.finding(CHAIN).message_en

    def test_a_legacy_log_is_replayed_with_a_warning_on_every_step(self) -> None:
        """A log without links still replays: each step warns procedure.chain (advisory,
        indeterminate: whether it was changed cannot be told), and none is refused."""
        state = replay(legacy(), JINJIANG)
        assert state.is_complete
        for a in state.applied:
            finding = a.decision.finding(CHAIN)
            assert (finding.status, finding.severity) == ("indeterminate", "advisory")
            assert CHAIN in [f.rule for f in a.decision.warnings]
        assert not state.is_chained
        assert state.to_dict()["events"][0]["warnings"][0] == CHAIN

    def test_the_state_lists_each_events_digest(self) -> None:
        """The state's events carry their digests; the last is the head to keep."""
        state = replay(shipped(), JINJIANG)
        digests = [e["sha256"] for e in state.to_dict()["events"]]
        assert digests == [event_digest(e) for e in shipped().events]
        assert state.head == digests[-1] == head(shipped())


class TestStepAudit:
    """A step's Decision carries an audit trail, like the engine's Decisions."""

    def test_a_steps_input_digest_is_its_events_link(self) -> None:
        """input_sha256 of a step's Decision is the event's digest: the next event's
        previous; the audit names the library and the rulebook."""
        state = replay(shipped(), JINJIANG)
        for a, after in zip(state.applied, shipped().events[1:], strict=False):
            audit = a.decision.audit
            assert audit is not None
            assert audit.input_sha256 == a.sha256 == after.previous
            assert (audit.rulebook.id, audit.rulebook.kind) == (JINJIANG.id, "builtin")
            assert not audit.masked

    def test_a_steps_decision_serialises_with_its_audit(self) -> None:
        """The step's cg.decision/2 JSON has an audit with the event's digest."""
        state = replay(shipped(), JINJIANG)
        document = json.loads(state.applied[3].decision.to_json())
        assert document["audit"]["input_sha256"] == event_digest(shipped().events[3])


def deprived_sponsor_run() -> ProcedureRun:
    """The Jinjiang run sponsored by the short proposal, one of whose five sponsoring
    representatives (R03) is deprived of political rights: the sponsor step is refused
    naming R03."""
    data = unlinked_data()
    proposal = example_data("jinjiang/proposal-short.json")
    for person in proposal["community"]["persons"]:  # type: ignore[index]
        if person["id"] == "R03":
            person["political_rights_deprived"] = True
    data["events"][0]["proposal"] = proposal
    return seal(ProcedureRun.model_validate_json(json.dumps(data)))


class TestMasking:
    """RunState.masked masks the people in a run's Decisions, one token per person."""

    def test_the_refused_steps_decision_names_no_one(self) -> None:
        """R03 and their deprivation are tokens in the masked rejection; the audit says
        masked; the unmasked Decision names R03."""
        state = replay(deprived_sponsor_run(), JINJIANG)
        assert state.rejection is not None
        plain = state.rejection.decision.to_json()
        assert "R03" in plain
        assert "deprived of political rights" in plain
        masked = state.masked("audit-2026-06")
        assert masked.rejection is not None
        text = masked.rejection.decision.to_json()
        assert "R03" not in text
        assert "deprived of political rights" not in text
        assert "李" not in text  # no sponsor's name either
        assert masked.rejection.decision.audit is not None
        assert masked.rejection.decision.audit.masked

    def test_one_salt_gives_one_token_per_person(self) -> None:
        """The same salt masks R03 the same in the state's Decision and in a Decision masked
        with the run's people; another salt differently."""
        run = deprived_sponsor_run()
        state = replay(run, JINJIANG)
        people = people_of_events(run.events)
        one = state.masked("s1").to_dict()["rejection"]["decision"]
        again = state.masked("s1", people).to_dict()["rejection"]["decision"]
        other = state.masked("s2").to_dict()["rejection"]["decision"]
        assert one == again
        assert one != other

    def test_a_refusal_recorded_without_its_event_still_names_no_one(self) -> None:
        """A state made step by step (as the monitor makes it) does not hold the refused
        event: its Decision is masked with the people of its own records."""
        run = deprived_sponsor_run()
        state = start(JINJIANG.procedure("major-matter"), JINJIANG, run.id)
        with pytest.raises(StepRejected) as info:
            apply(state, run.events[0])
        state = attrs.evolve(state, rejection=info.value)
        masked = state.masked("s1")
        assert masked.rejection is not None
        assert "R03" not in masked.rejection.decision.to_json()
        assert masked.to_dict() == replay(run, JINJIANG).masked("s1").to_dict()

    def test_the_people_of_a_run_are_its_records_people(self) -> None:
        """people_of_events reads the proposals' community persons."""
        ids = {p.id for p in people_of_events(deprived_sponsor_run().events)}
        assert {"R01", "R03", "C1"} <= ids
