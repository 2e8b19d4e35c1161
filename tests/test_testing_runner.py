"""`cgov test DIR` (`community_governance.testing.runner.main`): case files run without Python."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from community_governance.testing.cases import load_case_file
from community_governance.testing.runner import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_PASSED,
    case_files,
    main,
)

from ._support import EXAMPLES, ROOT

SHORT = EXAMPLES / "jinjiang" / "proposal-short.json"
HEAD = f"""\
format: cg.cases/2
cases:
  - name: short
    subject: proposal
    rulebook: cn.sichuan.chengdu.jinjiang
    input_file: {SHORT}
"""
PASSING = HEAD + "    expect: {verdict: denied, findings: {proposal.sponsorship: failed}}\n"
FAILING = HEAD + "    expect: {verdict: allowed, findings: {proposal.sponsorship: passed}}\n"
TYPO = HEAD + "    expcet: {verdict: denied}\n"


def run(*argv: str) -> tuple[int, str, str]:
    """Run the runner; return its exit code, output and error output."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def write(folder: Path, name: str, text: str) -> Path:
    """Write a file (and its folders) under ``folder``."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class TestExitCodes:
    """0 all passed, 1 a case failed, 2 an invalid file or a case that cannot be run."""

    def test_all_passing_is_0(self, tmp_path: Path) -> None:
        """Every case holding exits 0 and prints each case and the summary."""
        write(tmp_path, "a.yaml", PASSING)
        code, out, _ = run(str(tmp_path))
        assert code == EXIT_PASSED
        assert "  passed  short" in out
        assert out.splitlines()[-1] == "1 passed, 0 failed"

    def test_a_failing_case_is_1_and_shows_the_differences(self, tmp_path: Path) -> None:
        """A case the rules contradict exits 1, listing the differences and the Decision's
        explanation under the case's name."""
        write(tmp_path, "a.yaml", PASSING)
        write(tmp_path, "b.yaml", FAILING)
        code, out, _ = run(str(tmp_path))
        assert code == EXIT_FAILED
        assert "  FAILED  short" in out
        assert "verdict: expected allowed, got denied" in out
        assert "联名人数不足" in out
        assert out.splitlines()[-1] == "1 passed, 1 failed"

    def test_an_invalid_file_is_2_and_names_the_key(self, tmp_path: Path) -> None:
        """A malformed case file exits 2, naming the key, and the other files still run."""
        write(tmp_path, "a.yaml", PASSING)
        write(tmp_path, "typo.yaml", TYPO)
        code, out, _ = run(str(tmp_path))
        assert code == EXIT_INVALID
        assert "INVALID" in out
        assert "cases.0.expcet: Extra inputs are not permitted" in out
        assert out.splitlines()[-1] == "1 passed, 0 failed, 1 invalid file"

    def test_invalid_outranks_failed(self, tmp_path: Path) -> None:
        """With a failing case and an invalid file, the exit code is 2: fix the files first."""
        write(tmp_path, "b.yaml", FAILING)
        write(tmp_path, "typo.yaml", TYPO)
        assert run(str(tmp_path))[0] == EXIT_INVALID

    def test_an_input_that_does_not_validate_is_2_naming_the_field(self, tmp_path: Path) -> None:
        """A case whose input fails validation cannot be run: exit 2, naming the field."""
        case = HEAD.replace(f"input_file: {SHORT}", f"input_file: {SHORT}\n    patch: {{id: 7}}")
        write(tmp_path, "a.yaml", case + "    expect: {verdict: denied}\n")
        code, out, _ = run(str(tmp_path))
        assert code == EXIT_INVALID
        assert "  ERROR   short" in out
        assert "id: Input should be a valid string" in out
        assert out.splitlines()[-1] == "0 passed, 0 failed, 1 could not be run"

    def test_an_unknown_rulebook_is_2(self, tmp_path: Path) -> None:
        """A case naming a rulebook that does not exist cannot be run: exit 2."""
        case = PASSING.replace("cn.sichuan.chengdu.jinjiang", "cn.nowhere")
        write(tmp_path, "a.yaml", case)
        code, out, _ = run(str(tmp_path))
        assert code == EXIT_INVALID
        assert "cn.nowhere" in out

    def test_a_missing_path_is_2(self, tmp_path: Path) -> None:
        """A path that does not exist is an error, exit 2."""
        code, _, err = run(str(tmp_path / "nope"))
        assert code == EXIT_INVALID
        assert "no such file or directory" in err

    def test_no_case_files_is_2(self, tmp_path: Path) -> None:
        """A directory without any case file exits 2 rather than passing vacuously."""
        write(tmp_path, "fixtures.yaml", "users: [alice, bob]\n")
        code, _, err = run(str(tmp_path))
        assert code == EXIT_INVALID
        assert "no case files" in err

    def test_bad_usage_is_2(self) -> None:
        """No path at all is a usage error, exit 2."""
        assert run()[0] == EXIT_INVALID


class TestDiscovery:
    """Which files are case files."""

    def test_directories_are_searched_for_yaml_naming_the_format(self, tmp_path: Path) -> None:
        """Under a directory, YAML files naming cg.cases/ are run, at any depth and in any
        folder name; other YAML files, hidden folders and other files are left alone."""
        a = write(tmp_path, "x/deep/a.yml", PASSING)
        b = write(tmp_path, "b.yaml", PASSING)
        write(tmp_path, "fixtures.yaml", "users: [alice, bob]\n")
        write(tmp_path, ".hidden/c.yaml", PASSING)
        write(tmp_path, "notes.txt", PASSING)
        assert list(case_files(tmp_path)) == [b, a]

    def test_a_file_named_is_read_as_a_case_file(self, tmp_path: Path) -> None:
        """A file given by name is a case file even if it does not name the format, so a
        mistake there is reported, not skipped."""
        path = write(tmp_path, "fixtures.yaml", "users: [alice, bob]\n")
        code, out, _ = run(str(path))
        assert code == EXIT_INVALID
        assert "INVALID" in out

    def test_quiet_prints_only_failures_and_the_summary(self, tmp_path: Path) -> None:
        """`-q` leaves out the cases that passed."""
        write(tmp_path, "a.yaml", PASSING)
        write(tmp_path, "b.yaml", FAILING)
        _, out, _ = run("-q", str(tmp_path))
        assert "passed  short" not in out
        assert "FAILED  short" in out


def test_the_projects_own_case_files_all_pass() -> None:
    """The runner runs every case of this repository's case files, and they hold — the same
    cases the pytest plugin collects."""
    cases = sum(len(load_case_file(p).cases) for p in case_files(ROOT / "tests" / "cases"))
    code, out, _ = run("-q", str(ROOT / "tests" / "cases"))
    assert (code, out.splitlines()[-1]) == (EXIT_PASSED, f"{cases} passed, 0 failed")


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_is_0(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`cgov test --help` prints the usage and exits 0."""
    assert run(flag)[0] == EXIT_PASSED
    assert "cgov test" in capsys.readouterr().out


def test_without_pyyaml_it_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without PyYAML the runner exits 2 naming the `testing` extra to install."""
    import importlib.util

    write(tmp_path, "a.yaml", PASSING)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    code, _, err = run(str(tmp_path))
    assert code == EXIT_INVALID
    assert "community-governance[testing]" in err
