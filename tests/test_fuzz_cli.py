"""Arbitrary bytes, arbitrary JSON and mutated examples fed to every `cgov check` subject:
only exit codes 0-3, never a traceback or an internal error, within a deadline."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from community_governance.cli import main
from community_governance.models import SUBJECT_MODELS

from ._support import EXAMPLES

#: One example input per subject, to mutate (near-valid input reaches the rules).
EXAMPLE = {
    "proposal": "jinjiang/proposal-short.json",
    "body": "bodies/residents-committee-relatives.json",
    "work-item": "access/assistance-funded.json",
    "election": "elections/voters-election.json",
    "recall": "elections/recall.json",
    "annual-evaluation": "elections/evaluation.json",
    "meeting": "meetings/owners-area-short.json",
    "disclosure": "meetings/village-disclosure.json",
}
SUBJECTS = sorted([*(s.replace("_", "-") for s in SUBJECT_MODELS), "work-items"])
CASES = EXAMPLES.parent / "tests" / "cases"


def _case_input(subject: str) -> Any:
    """The input of the first case file case of ``subject`` (for subjects without an example
    file of their own), so every subject `cgov check` takes has something near-valid."""
    import yaml

    for path in sorted(CASES.rglob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")).get("cases", ()):
            if case.get("subject", "").replace("_", "-") != subject:
                continue
            if "input" in case:
                return json.loads(json.dumps(case["input"], default=str))
            return json.loads((path.parent / case["input_file"]).read_text(encoding="utf-8"))
    raise LookupError(f"no example and no case file for subject {subject!r}")


def example(subject: str) -> Any:
    """A near-valid input of ``subject``: its example file, or a case file's input."""
    name = EXAMPLE.get(subject)
    if name is not None:
        return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return _case_input(subject)


RULEBOOK = {"work-item": "cn.ningxia", "work-items": "cn.ningxia"}
#: Generous: an example takes milliseconds; the deadline catches a hang or a blow-up.
#: 15 inputs per subject and kind keep the suite's time bounded as subjects are added (the
#: first pass ran 1,500 mutated examples per subject once, outside the suite, and found none).
FUZZ = settings(
    max_examples=15,
    deadline=dt.timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow],
)

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["2026-03-02", "9999-12-31", "0001-01-01", "C1", "residents_committee"])
)
json_values = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)


def test_every_subject_has_an_example() -> None:
    """The fuzzer mutates an example of each subject `cgov check` takes."""
    for subject in SUBJECTS:
        assert example("work-item" if subject == "work-items" else subject)


@st.composite
def mutated(draw: st.DrawFn, subject: str) -> bytes:
    """An example of ``subject`` with one value somewhere replaced by arbitrary JSON (or a
    key removed)."""
    data: Any = example("work-item" if subject == "work-items" else subject)
    parent, key = None, None
    node = data
    for _ in range(draw(st.integers(0, 6))):
        if isinstance(node, dict) and node:
            k = draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            k = draw(st.integers(0, len(node) - 1))
        else:
            break
        parent, key, node = node, k, node[k]
    if parent is None:
        data = draw(json_values)
    elif isinstance(parent, dict) and draw(st.booleans()):
        del parent[key]
    else:
        parent[key] = draw(json_values)
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8")


@contextlib.contextmanager
def stdin(data: bytes) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = saved


def check(subject: str, data: bytes, *options: str) -> None:
    """Run `cgov check SUBJECT -` on ``data``; assert a verdict or invalid input, never a
    crash."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["check", subject, "-", "--rulebook", RULEBOOK.get(subject, "cn"), *options]
    with stdin(data):
        code = main(argv, out=out, err=err)
    assert code in (0, 1, 2, 3), err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert "internal error" not in err.getvalue()


options = st.lists(st.sampled_from(["--format=json", "--mask"]), unique=True)


@pytest.mark.parametrize("subject", SUBJECTS)
class TestFuzz:
    """Every subject, in-process."""

    @FUZZ
    @given(data=st.binary(max_size=2000), extra=options)
    def test_arbitrary_bytes(self, subject: str, data: bytes, extra: list[str]) -> None:
        """Random bytes are invalid input (or, rarely, a verdict), never a crash."""
        check(subject, data, *extra)

    @FUZZ
    @given(value=json_values, extra=options)
    def test_arbitrary_json(self, subject: str, value: object, extra: list[str]) -> None:
        """Any JSON value: a verdict or invalid input."""
        check(subject, json.dumps(value).encode("utf-8"), *extra)

    @FUZZ
    @given(data=st.data(), extra=options)
    def test_mutated_examples(self, subject: str, data: st.DataObject, extra: list[str]) -> None:
        """An example with one value replaced: the rules run on near-valid input."""
        check(subject, data.draw(mutated(subject)), *extra)


@pytest.mark.parametrize("subject", ["proposal", "body", "work-items"])
@settings(max_examples=3, deadline=None)
@given(value=json_values | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_through_the_installed_cgov(subject: str, value: object) -> None:
    """A handful through a real process: exit 0-3, no traceback, within a time limit."""
    data = value.encode("utf-8") if isinstance(value, str) else json.dumps(value).encode()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "community_governance.cli",
            "check",
            subject,
            "-",
            "--rulebook",
            RULEBOOK.get(subject, "cn"),
        ],
        input=data,
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert done.returncode in (0, 1, 2, 3)
    assert b"Traceback" not in done.stderr
