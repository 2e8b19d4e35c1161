"""``cgov check meeting`` and ``cgov procedure replay``: formats and exit codes."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from community_governance.cli import main

from ._support import EXAMPLES


def run(*argv: str) -> tuple[int, str, str]:
    """Run cgov; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


class TestCheckMeeting:
    """Meetings are a registered subject, checked like the others."""

    def test_allowed_meeting_exits_zero(self) -> None:
        """Exactly 3/4 of owners and area raising the fund: exit 0."""
        code, out, _ = run(
            "check",
            "meeting",
            str(EXAMPLES / "meetings/owners-maintenance-fund.json"),
            "--rulebook",
            "cn",
        )
        assert code == 0
        assert "meeting.majority" in out

    def test_invalid_vote_exits_one_with_json_decision(self) -> None:
        """Short of 2/3 of the area: exit 1, the JSON Decision names meeting.quorum."""
        code, out, _ = run(
            "check",
            "meeting",
            str(EXAMPLES / "meetings/owners-area-short.json"),
            "--rulebook",
            "cn",
            "--format",
            "json",
        )
        assert code == 1
        decision = json.loads(out)
        assert decision["verdict"] == "denied"
        statuses = {f["rule"]: f["status"] for f in decision["findings"]}
        assert statuses["meeting.quorum"] == "failed"

    def test_bad_record_exits_two_naming_the_field(self) -> None:
        """More attendees than entitled: exit 2 and the message names `attendees`."""
        code, _, err = run(
            "check", "meeting", str(EXAMPLES / "meetings/bad-attendees.json"), "--rulebook", "cn"
        )
        assert code == 2
        assert "attendees: 1001 attended but only 1000 are entitled" in err


class TestProcedureReplay:
    """`cgov procedure replay FILE [--at DATE]`."""

    def test_completed_run_exits_zero(self) -> None:
        """The in-order Jinjiang run is implemented: exit 0."""
        code, out, _ = run(
            "procedure", "replay", str(EXAMPLES / "procedures/jinjiang-implemented.json")
        )
        assert code == 0
        assert "state = implemented" in out

    def test_rejected_run_exits_one_and_explains(self) -> None:
        """The vote before the party review is rejected: exit 1, the sequence rule cited."""
        code, out, _ = run(
            "procedure", "replay", str(EXAMPLES / "procedures/jinjiang-vote-before-review.json")
        )
        assert code == 1
        assert "[不符合 failed] proposal.sequence" in out
        assert "党员大会审议" in out

    def test_json_state_with_due_items_at_a_date(self) -> None:
        """--at reports the posting as open until 15 days after it went up."""
        code, out, _ = run(
            "procedure",
            "replay",
            str(EXAMPLES / "procedures/jinjiang-published.json"),
            "--at",
            "2026-04-04",
            "--format",
            "json",
        )
        assert code == 0
        state = json.loads(out)
        assert state["format"] == "cg.procedure-state/1"
        assert state["state"] == "published"
        assert state["next_steps"] == {"available": ["implement"], "missing": ["implement"]}
        assert [d["kind"] for d in state["due"]] == ["posting", "step"]
        assert state["due"][0]["until"] == "2026-04-06"  # posting day not counted

    def test_malformed_run_exits_two(self) -> None:
        """A run file that is not cg.procedure-run/1 is invalid input."""
        code, _, err = run(
            "procedure", "replay", str(EXAMPLES / "meetings/residents-assembly.json")
        )
        assert code == 2
        assert "format" in err


class TestShippedExamples:
    """Every shipped example run replays to its documented outcome."""

    @pytest.mark.parametrize(
        ("name", "code", "state"),
        [
            ("jinjiang-implemented", 0, "implemented"),
            ("jinjiang-published", 0, "published"),
            ("jinjiang-vote-before-review", 1, "deliberated"),
            ("national-implemented", 0, "implemented"),
            ("ningxia-implemented", 0, "implemented"),
        ],
    )
    def test_example_run(self, name: str, code: int, state: str) -> None:
        """The run's exit code and final state are as documented."""
        got, out, _ = run(
            "procedure", "replay", str(EXAMPLES / f"procedures/{name}.json"), "--format", "json"
        )
        assert got == code
        assert json.loads(out)["state"] == state

    def test_disclosure_example_is_allowed(self) -> None:
        """The village board example posts on time."""
        code, _, _ = run(
            "check",
            "disclosure",
            str(EXAMPLES / "meetings/village-disclosure.json"),
            "--rulebook",
            "cn",
        )
        assert code == 0

    def test_run_format_has_a_json_schema(self) -> None:
        """`cgov schema procedure-run` publishes the run file format."""
        code, out, _ = run("schema", "procedure-run")
        assert code == 0
        assert json.loads(out)["properties"]["format"]["const"] == "cg.procedure-run/1"


class TestReplayAsOfADate:
    """--until shows the run as it stood that day; --at is the day the log is read as of."""

    def test_until_before_the_last_event_replays_only_what_had_happened(self) -> None:
        """On 2026-04-04 the Jinjiang run was published, not yet implemented."""
        path = str(EXAMPLES / "procedures/jinjiang-implemented.json")
        code, out, _ = run("procedure", "replay", path, "--until", "2026-04-04", "--format", "json")
        assert code == 0
        state = json.loads(out)
        assert state["state"] == "published"
        assert state["at"] == "2026-04-04"

    def test_at_before_the_last_event_refuses_the_log(self) -> None:
        """Read as of 2026-04-04, a log with an event of 2026-04-10 records a step that had
        not happened: exit 2 naming the event, its date and the day."""
        path = str(EXAMPLES / "procedures/jinjiang-implemented.json")
        code, out, err = run("procedure", "replay", path, "--at", "2026-04-04")
        assert (code, out) == (2, "")
        assert "events[5].on: 2026-04-10 (implement) is too far ahead" in err
        assert "after 2026-04-04, the day the log is read as of" in err

    def test_at_on_the_last_events_day_accepts_it(self) -> None:
        """An event dated the day the log is read as of has happened: the boundary is in."""
        path = str(EXAMPLES / "procedures/jinjiang-implemented.json")
        code, out, _ = run("procedure", "replay", path, "--at", "2026-04-10", "--format", "json")
        assert code == 0
        assert json.loads(out)["state"] == "implemented"

    def test_until_after_at_is_a_usage_error(self) -> None:
        """The run cannot be shown as it stood after the day it is read as of."""
        path = str(EXAMPLES / "procedures/jinjiang-implemented.json")
        code, _, err = run(
            "procedure", "replay", path, "--at", "2026-05-01", "--until", "2026-05-02"
        )
        assert code == 2
        assert "--until 2026-05-02 is after 2026-05-01" in err

    def test_the_report_defaults_to_today(self) -> None:
        """Without --at or --until, next steps and due items are reported as of today."""
        path = str(EXAMPLES / "procedures/jinjiang-published.json")
        code, out, _ = run("procedure", "replay", path, "--format", "json")
        assert code == 0
        assert json.loads(out)["at"] == dt.date.today().isoformat()
