"""Case files that register communities once (``communities:``) and cases that expect an
input to be refused (``expect.invalid``), through `cgov test` and the pytest plugin's
`run_case`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from community_governance.testing.cases import CaseFailure, load_case_file, run_case
from community_governance.testing.runner import EXIT_FAILED, EXIT_INVALID, EXIT_PASSED, main

from ._support import EXAMPLES

COMMUNITY = EXAMPLES / "communities" / "CN-510104-EX01.json"
BY_ID = EXAMPLES / "jinjiang" / "proposal-eligible-by-id.json"


def case_file(communities: str, expect: str, input_file: Path = BY_ID) -> str:
    return f"""\
format: cg.cases/2
{communities}
cases:
  - name: by id
    subject: proposal
    rulebook: cn.sichuan.chengdu.jinjiang
    input_file: {input_file}
    expect: {expect}
"""


REGISTERED = f"communities: [{{file: {COMMUNITY}, valid_from: 2026-01-01}}]"


def run(path: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(path)], out, err)
    return code, out.getvalue() + err.getvalue()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_by_id_case_passes_with_the_community_registered(tmp_path: Path) -> None:
    """The file's community resolves the case's ``community_id``: exit 0."""
    path = write(tmp_path, case_file(REGISTERED, "{verdict: allowed}"))
    assert run(path)[0] == EXIT_PASSED


def test_without_communities_the_by_id_input_is_refused(tmp_path: Path) -> None:
    """No ``communities``: the case expecting a verdict cannot be run (exit 2) — nothing is
    judged on an unresolved community — and a case expecting the refusal passes."""
    code, text = run(write(tmp_path, case_file("", "{verdict: allowed}")))
    assert code == EXIT_INVALID
    assert "community_id" in text
    refused = "{invalid: [{path: community_id, type: no_community_store}]}"
    assert run(write(tmp_path, case_file("", refused)))[0] == EXIT_PASSED


def test_an_unreadable_community_file_makes_the_case_file_invalid(tmp_path: Path) -> None:
    """A missing community file: the case file is invalid, naming ``communities[0].file``."""
    missing = f"communities: [{{file: {tmp_path / 'none.json'}, valid_from: 2026-01-01}}]"
    code, text = run(write(tmp_path, case_file(missing, "{verdict: allowed}")))
    assert code == EXIT_INVALID
    assert "communities[0].file" in text


def test_an_expected_problem_that_is_not_there_fails(tmp_path: Path) -> None:
    """``invalid`` names a problem the input does not have: the case fails, listing the
    problems found."""
    path = write(
        tmp_path,
        case_file(
            REGISTERED, "{invalid: [{path: sponsor_household_ids.0}]}", early_by_id(tmp_path)
        ),
    )
    code, text = run(path)
    assert code == EXIT_FAILED
    assert "expected a problem at sponsor_household_ids.0" in text
    assert "community_id (no_community_version)" in text


def test_a_valid_input_fails_an_invalid_expectation(tmp_path: Path) -> None:
    """``invalid`` on an input that validates: the case fails, saying so."""
    spec = load_case_file(write(tmp_path, case_file(REGISTERED, "{invalid: [{path: title}]}")))
    store = spec.community_store(tmp_path)
    with pytest.raises(CaseFailure, match="expected the input to be refused, but it is valid"):
        run_case(spec.cases[0], tmp_path, store=store)


@pytest.mark.parametrize(
    "expect",
    [
        "{verdict: allowed, invalid: [{path: title}]}",
        "{}",
        "{invalid: [{path: title}], findings: {proposal.sponsorship: passed}}",
    ],
)
def test_verdict_and_invalid_exclude_each_other(tmp_path: Path, expect: str) -> None:
    """Exactly one of ``verdict`` and ``invalid``; an invalid input has no findings."""
    code, text = run(write(tmp_path, case_file(REGISTERED, expect)))
    assert code == EXIT_INVALID
    assert "expect" in text


def early_by_id(tmp_path: Path) -> Path:
    """The by-id example proposal dated before the registered version (2025-12-31)."""
    text = BY_ID.read_text("utf-8").replace('"2026-03-02"', '"2025-12-31"')
    assert "2025-12-31" in text
    path = tmp_path / "early.json"
    path.write_text(text, encoding="utf-8")
    return path
