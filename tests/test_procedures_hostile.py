"""Hostile procedure-run logs through the real ``cgov`` in a subprocess, each within a time
limit: a reordered, changed or partly linked log, an event of 2099, a vote whose meeting was
held ten years before; and the writing and masking commands (#10)."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from community_governance.cli import main
from community_governance.procedures import GENESIS, ProcedureRun, event_digest

from ._support import EXAMPLES, example_data

#: The issue's bound for failing on a hostile file (most of it is starting Python).
TIME_LIMIT = 2.0
_SCRIPT = Path(sys.executable).with_name("cgov")
CGOV = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "community_governance.cli"]
RUN = EXAMPLES / "procedures" / "jinjiang-implemented.json"


def cgov(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run the installed cgov; fail if it runs past the time limit."""
    done = subprocess.run(
        [*CGOV, *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        timeout=TIME_LIMIT,
        check=False,
    )
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def refused(code: int, err: str, *parts: str) -> None:
    """Exit 2 with one error line naming every part, and no traceback."""
    assert code == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for part in parts:
        assert part in err, (part, err)


def run_data(name: str = "jinjiang-implemented") -> dict[str, Any]:
    """A shipped (chained) run as JSON data."""
    return copy.deepcopy(example_data(f"procedures/{name}.json"))


def unlinked(data: dict[str, Any]) -> dict[str, Any]:
    """The run data without links: a legacy log."""
    for e in data["events"]:
        e.pop("previous", None)
    return data


def write(tmp_path: Path, data: dict[str, Any], name: str = "run.json") -> str:
    """Write JSON data to a file; return its path."""
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def seal_file(tmp_path: Path, data: dict[str, Any], name: str = "sealed.json") -> str:
    """Seal legacy run data with cgov; return the sealed file's path."""
    code, out, err = cgov("procedure", "seal", write(tmp_path, data, "legacy.json"))
    assert code == 0, err
    path = tmp_path / name
    path.write_text(out, encoding="utf-8")
    return str(path)


class TestHostileLogs:
    """A log that was edited, or that records the future, is refused with the first bad event."""

    def test_a_reordered_log_exits_2_naming_the_first_moved_event(self, tmp_path: Path) -> None:
        """Review and vote swapped: exit 2 at events[2].previous, nothing printed."""
        data = run_data()
        data["events"][2], data["events"][3] = data["events"][3], data["events"][2]
        path = write(tmp_path, data)
        code, out, err = cgov("procedure", "replay", path)
        refused(code, err, path, "events[2].previous", "changed, reordered or cut")
        assert out == ""

    def test_a_changed_event_exits_2_at_the_link_after_it(self, tmp_path: Path) -> None:
        """One more attendee written into the vote's meeting: exit 2 at events[4].previous,
        naming the vote's new digest."""
        data = run_data()
        data["events"][3]["meeting"]["attendees"] += 1
        path = write(tmp_path, data)
        changed = ProcedureRun.model_validate_json(json.dumps(data)).events[3]
        refused(
            *cgov("procedure", "replay", path)[::2],
            "events[4].previous",
            f"events[3] (vote) has digest {event_digest(changed)[:16]}",
        )

    def test_a_partly_linked_log_exits_2(self, tmp_path: Path) -> None:
        """An event whose link was deleted from a chained log: a validation error naming it."""
        data = run_data()
        del data["events"][4]["previous"]
        code, _, err = cgov("procedure", "replay", write(tmp_path, data))
        assert code == 2
        assert "events.4.previous: missing, but the events before it are chained" in err

    def test_an_event_dated_2099_without_at_exits_2(self, tmp_path: Path) -> None:
        """Read today, a log whose last event is dated 2099-01-01 records a step that has not
        happened: exit 2 naming the event and today."""
        data = run_data()
        data["events"][5]["on"] = "2099-01-01"
        path = write(tmp_path, data)
        refused(
            *cgov("procedure", "replay", path)[::2],
            path,
            "events[5].on: 2099-01-01 (implement) is too far ahead",
            f"after {dt.date.today().isoformat()}, today",
        )

    def test_an_event_dated_9999_read_as_of_then_ends_without_a_crash(self, tmp_path: Path) -> None:
        """With --at 9999-12-31, the window lets the event in and the deadlines saturate:
        exit 0, no traceback (the OverflowError catch is gone)."""
        data = unlinked(run_data())
        for i, day in ((4, "9999-12-30"), (5, "9999-12-31")):
            data["events"][i]["on"] = day
        code, out, err = cgov(
            "procedure", "replay", write(tmp_path, data), "--at", "9999-12-31", "--format", "json"
        )
        assert code == 0, err
        assert "Traceback" not in err
        assert json.loads(out)["state"] == "implemented"

    def test_a_vote_with_a_meeting_held_ten_years_before_is_refused(self, tmp_path: Path) -> None:
        """The vote step of 2026-03-20 carrying a meeting held and voted on 2016-03-20: the
        step is refused (exit 1) by procedure.window, with the dates."""
        data = unlinked(run_data())
        meeting = data["events"][3]["meeting"]
        meeting.update(announced_on="2016-03-12", held_on="2016-03-20")
        meeting["motions"][0]["voted_on"] = "2016-03-20"
        path = seal_file(tmp_path, data)
        code, out, err = cgov("procedure", "replay", path, "--format", "json")
        assert code == 1, err
        state = json.loads(out)
        assert state["state"] == "reviewed"
        findings = {f["rule"]: f for f in state["rejection"]["decision"]["findings"]}
        window = findings["procedure.window"]
        assert window["status"] == "failed"
        assert (
            "held on 2016-03-20, before the previous step's day (2026-03-10)"
            in (window["message"]["en"])
        )


class TestWritingLogs:
    """`cgov procedure seal` and `append` write chained logs that replay verifies."""

    def test_a_legacy_log_replays_with_a_note_and_seals_into_the_shipped_file(
        self, tmp_path: Path
    ) -> None:
        """An unlinked log replays (exit 0) with a note on stderr; sealed, it is the shipped
        file byte for byte."""
        legacy = write(tmp_path, unlinked(run_data()))
        code, _, err = cgov("procedure", "replay", legacy)
        assert code == 0
        assert "is not hash-chained" in err
        assert Path(seal_file(tmp_path, unlinked(run_data()))).read_text(encoding="utf-8") == (
            RUN.read_text(encoding="utf-8")
        )

    def test_append_links_the_event_and_replay_accepts_it(self, tmp_path: Path) -> None:
        """The published run with its implement step appended by cgov is the implemented one."""
        published = str(EXAMPLES / "procedures" / "jinjiang-published.json")
        event = unlinked(run_data())["events"][5]
        code, out, err = cgov("procedure", "append", published, write(tmp_path, event, "e.json"))
        assert code == 0, err
        assert out == RUN.read_text(encoding="utf-8")

    def test_append_reads_the_event_from_standard_input(self, tmp_path: Path) -> None:
        """'-' reads the event from standard input; the first event links to 64 zeros."""
        empty = write(tmp_path, {**run_data(), "events": []})
        event = json.dumps(unlinked(run_data())["events"][0]).encode("utf-8")
        code, out, err = cgov("procedure", "append", empty, "-", stdin=event)
        assert code == 0, err
        assert json.loads(out)["events"][0]["previous"] == GENESIS

    def test_append_refuses_a_future_event_naming_its_file(self, tmp_path: Path) -> None:
        """An event dated after --at is refused, naming the event file and its date."""
        event = {"step": "implement", "actor": "residents_committee", "on": "2099-01-01"}
        published = str(EXAMPLES / "procedures" / "jinjiang-published.json")
        path = write(tmp_path, event, "event.json")
        refused(*cgov("procedure", "append", published, path)[::2], path, "on: 2099-01-01")

    def test_append_to_a_legacy_log_asks_to_seal_it(self, tmp_path: Path) -> None:
        """Appending to an unlinked log: exit 2, seal it first."""
        legacy = write(tmp_path, unlinked(run_data()))
        event = write(tmp_path, unlinked(run_data())["events"][0], "event.json")
        refused(*cgov("procedure", "append", legacy, event)[::2], "seal it first")


class TestMaskingAReplay:
    """`cgov procedure replay --mask-salt` prints no person's id or personal fact."""

    def deprived_sponsor(self, tmp_path: Path) -> str:
        """A sealed Jinjiang run sponsored by the short proposal, sponsor R03 deprived of
        political rights: the sponsor step is refused naming R03."""
        data = unlinked(run_data())
        proposal = example_data("jinjiang/proposal-short.json")
        for person in proposal["community"]["persons"]:  # type: ignore[index]
            if person["id"] == "R03":
                person["political_rights_deprived"] = True
        data["events"][0]["proposal"] = proposal
        return seal_file(tmp_path, data)

    @pytest.mark.parametrize("fmt", ["text", "json"])
    def test_the_refusal_names_no_one_and_the_same_salt_gives_the_same_output(
        self, tmp_path: Path, fmt: str
    ) -> None:
        """Unmasked, the refusal names R03 and its deprivation; masked, neither, and the
        output is the same for the same salt."""
        path = self.deprived_sponsor(tmp_path)
        code, plain, _ = cgov("procedure", "replay", path, "--format", fmt)
        assert code == 1
        assert "R03" in plain
        masked = cgov("procedure", "replay", path, "--format", fmt, "--mask-salt", "a-2026")
        assert masked[0] == 1
        assert "R03" not in masked[1]
        assert "deprived of political rights" not in masked[1]
        assert "P-" in masked[1]
        assert masked == cgov("procedure", "replay", path, "--format", fmt, "--mask-salt", "a-2026")

    def test_the_masked_decision_says_so_in_its_audit(self, tmp_path: Path) -> None:
        """--mask (random salt): the rejection's audit is marked masked."""
        path = self.deprived_sponsor(tmp_path)
        code, out, _ = cgov("procedure", "replay", path, "--format", "json", "--mask")
        assert code == 1
        assert json.loads(out)["rejection"]["decision"]["audit"]["masked"] is True


_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.text(max_size=20)
    | st.sampled_from(["2026-03-20", "9999-12-31", "0001-01-01", GENESIS, "vote", "R03"])
)
_values = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=15,
)


@st.composite
def mutated_logs(draw: st.DrawFn) -> bytes:
    """The shipped Jinjiang log, chained or not (so that a change reaches the rules), with one
    value somewhere replaced by arbitrary JSON, a key removed, or two events swapped."""
    data: Any = unlinked(run_data()) if draw(st.booleans()) else run_data()
    if draw(st.integers(0, 4)) == 0:
        i, j = draw(st.integers(0, 5)), draw(st.integers(0, 5))
        data["events"][i], data["events"][j] = data["events"][j], data["events"][i]
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    parent: Any = None
    key: Any = None
    node = data
    for _ in range(draw(st.integers(1, 7))):
        if isinstance(node, dict) and node:
            k: Any = draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            k = draw(st.integers(0, len(node) - 1))
        else:
            break
        parent, key, node = node, k, node[k]
    if isinstance(parent, dict) and draw(st.booleans()):
        del parent[key]
    else:
        parent[key] = draw(_values)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


class TestFuzzedLogs:
    """Arbitrary bytes and mutated logs replayed: only exit codes 0-3, never a crash."""

    @settings(
        max_examples=60,
        deadline=dt.timedelta(seconds=2),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(content=st.binary(max_size=200) | mutated_logs())
    def test_a_fuzzed_log_is_judged_or_refused(self, tmp_path: Path, content: bytes) -> None:
        """cgov procedure replay exits 0, 1, 2 or 3 on it, with no internal error."""
        path = tmp_path / "run.json"
        path.write_bytes(content)
        out, err = io.StringIO(), io.StringIO()
        code = main(["procedure", "replay", str(path), "--format", "json"], out, err)
        assert code in (0, 1, 2, 3), err.getvalue()
        assert "internal error" not in err.getvalue()
