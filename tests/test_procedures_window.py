"""The window of a run: no event after the day the log is read as of, and each step's records
from its own window — the previous step's day to its own, both included (#10)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from community_governance import InputError, StepRejected, get_rulebook
from community_governance.procedures import (
    WINDOW,
    Event,
    ProcedureRun,
    apply,
    due,
    replay,
    seal,
    start,
)

from ._support import example_data

JINJIANG = get_rulebook("cn.sichuan.chengdu.jinjiang")
VOTE = 3  # the index of the Jinjiang run's vote; the review before it is dated 2026-03-10
REVIEW_DAY = dt.date(2026, 3, 10)


def run_data() -> dict[str, Any]:
    """The shipped Jinjiang run as JSON data, its links taken out (tests edit it)."""
    data = copy.deepcopy(example_data("procedures/jinjiang-implemented.json"))
    for e in data["events"]:  # type: ignore[union-attr]
        del e["previous"]
    return data


def as_run(data: dict[str, Any], at: dt.date | None = None) -> ProcedureRun:
    """The edited run, chained as a log written with the edits would be (as of ``at``)."""
    return seal(ProcedureRun.model_validate_json(json.dumps(data)), at=at)


def meeting_held(data: dict[str, Any], held: dt.date, voted: dt.date | None = None) -> None:
    """Date the vote's meeting: held (and announced 8 days before) and its motion voted."""
    meeting = data["events"][VOTE]["meeting"]
    meeting["announced_on"] = (held - dt.timedelta(days=8)).isoformat()
    meeting["held_on"] = held.isoformat()
    meeting["motions"][0]["voted_on"] = (voted or held).isoformat()


def vote_decision(data: dict[str, Any]) -> Any:
    """The Decision on the vote step (accepted or refused)."""
    state = replay(as_run(data), JINJIANG)
    if len(state.applied) > VOTE:
        return state.applied[VOTE].decision
    assert state.rejection is not None
    assert state.rejection.step == "vote"
    return state.rejection.decision


class TestEvidenceWindow:
    """A step's meeting, vote and proposal date from between the previous step and itself."""

    def test_a_meeting_held_ten_years_before_the_run_is_refused(self) -> None:
        """A vote step of 2026-03-20 carrying a meeting held (and voted) on 2016-03-20: the
        step is refused by procedure.window, naming the day and the window."""
        data = run_data()
        meeting_held(data, dt.date(2016, 3, 20))
        decision = vote_decision(data)
        assert decision.verdict == "denied"
        finding = decision.finding(WINDOW)
        assert finding.status == "failed"
        assert finding.message_en == (
            "meeting JJ-RA-2026-02 was held on 2016-03-20, before the previous step's day "
            "(2026-03-10): a step's records date from its window (2026-03-10 – 2026-03-20)"
        )
        assert finding.evidence["window"] == ["2026-03-10", "2026-03-20"]

    def test_a_meeting_held_on_the_previous_steps_day_is_in_the_window(self) -> None:
        """Held the day of the review before it: in (the bound is inclusive)."""
        data = run_data()
        meeting_held(data, REVIEW_DAY)
        assert vote_decision(data).finding(WINDOW).status == "passed"

    def test_a_meeting_held_the_day_before_the_previous_step_is_not(self) -> None:
        """Held the day before the review: out, by one day."""
        data = run_data()
        meeting_held(data, REVIEW_DAY - dt.timedelta(days=1))
        assert vote_decision(data).finding(WINDOW).status == "failed"

    def test_a_vote_on_the_steps_own_day_is_in_the_window(self) -> None:
        """Held and voted the day of the step itself: in, and the step is allowed."""
        decision = vote_decision(run_data())
        finding = decision.finding(WINDOW)
        assert finding.status == "passed"
        assert "motion JJ-2026-007 was voted on 2026-03-20" in finding.message_en
        assert decision.verdict == "allowed"

    def test_a_vote_after_the_steps_day_is_not(self) -> None:
        """A meeting held on 2026-03-18 whose motion was voted on 2026-03-21, recorded by a
        step of 2026-03-20: the vote had not happened yet."""
        data = run_data()
        meeting_held(data, dt.date(2026, 3, 18), voted=dt.date(2026, 3, 21))
        finding = vote_decision(data).finding(WINDOW)
        assert finding.status == "failed"
        assert (
            "motion JJ-2026-007 was voted on 2026-03-21, after the step's own day"
            in finding.message_en
        )

    def test_a_proposal_submitted_after_its_sponsor_step_is_refused(self) -> None:
        """The sponsor step of 2026-03-02 carrying a proposal submitted on 2026-03-03."""
        data = run_data()
        data["events"][0]["proposal"]["submitted_on"] = "2026-03-03"
        state = replay(as_run(data), JINJIANG)
        assert state.rejection is not None
        assert state.rejection.decision.finding(WINDOW).status == "failed"

    def test_the_first_step_has_no_previous_day_to_bound_it(self) -> None:
        """The first step's records are bounded by its own day only: a proposal submitted
        the day before the sponsor step is in its window."""
        data = run_data()
        data["events"][0]["proposal"]["submitted_on"] = "2026-03-01"
        state = replay(as_run(data), JINJIANG)
        finding = state.applied[0].decision.finding(WINDOW)
        assert finding.status == "passed"
        assert finding.evidence["window"] == [None, "2026-03-02"]

    def test_a_step_without_records_has_no_window_to_check(self) -> None:
        """Deliberation carries no record: not applicable."""
        state = replay(as_run(run_data()), JINJIANG)
        assert state.applied[1].decision.finding(WINDOW).status == "not_applicable"


class TestEventsAfterTheDay:
    """No event may be dated after the day the log is read as of (at, default today)."""

    def test_an_event_dated_2099_is_refused_as_input_naming_it(self) -> None:
        """Read today, a log with an event of 2099-01-01 is refused (InputError), naming the
        event's index, its date and today."""
        data = run_data()
        data["events"][5]["on"] = "2099-01-01"
        with pytest.raises(InputError) as info:
            replay(as_run(data), JINJIANG)
        assert info.value.key == "events[5].on"
        assert info.value.reason.startswith("2099-01-01 (implement) is too far ahead")
        assert f"after {dt.date.today().isoformat()}, today" in info.value.reason

    def test_an_event_on_the_day_is_in_and_the_day_after_is_out(self) -> None:
        """At 2026-04-10 the implement step of that day is accepted; at 2026-04-09 the log
        is refused."""
        run = as_run(run_data())
        assert replay(run, JINJIANG, at=dt.date(2026, 4, 10)).is_complete
        with pytest.raises(InputError, match=r"after 2026-04-09, the day the log is read as of"):
            replay(run, JINJIANG, at=dt.date(2026, 4, 9))

    def test_events_after_until_are_still_bounded_by_at(self) -> None:
        """--until shows the past, but a log that records the future is refused whole."""
        data = run_data()
        data["events"][5]["on"] = "2099-01-01"
        with pytest.raises(InputError, match=r"events\[5\]\.on"):
            replay(as_run(data), JINJIANG, until=dt.date(2026, 3, 31))
        state = replay(as_run(run_data()), JINJIANG, until=dt.date(2026, 3, 31))
        assert state.state == "published"

    def test_apply_refuses_a_step_dated_after_the_day(self) -> None:
        """apply(at=) refuses a step dated after it as input, not as a step (no Decision)."""
        event = Event.model_validate_json('{"step": "sponsor", "on": "2026-03-02"}')
        run = start(JINJIANG.procedure("major-matter"), JINJIANG, "R")
        with pytest.raises(InputError, match=r"events\[0\]\.on"):
            apply(run, event, at=dt.date(2026, 3, 1))
        with pytest.raises(StepRejected):  # judged on the day itself (no proposal carried)
            apply(run, event, at=dt.date(2026, 3, 2))

    def test_a_posting_up_to_the_end_of_the_calendar_does_not_overflow(self) -> None:
        """Published on 9999-12-30 and read as of 9999-12-31: the posting is open until the
        calendar's last day, not an OverflowError."""
        data = run_data()
        for i, day in ((4, "9999-12-30"), (5, "9999-12-31")):
            data["events"][i]["on"] = day
        state = replay(as_run(data, at=dt.date.max), JINJIANG, at=dt.date.max)
        assert state.is_complete
        (posting,) = [d for d in due(state, at=dt.date.max) if d.kind == "posting"]
        assert (posting.status, posting.until) == ("open", dt.date.max)
