"""The case-file pytest plugin: strict files, complete expectations, readable failures."""

from __future__ import annotations

import pytest

from ._support import EXAMPLES

pytest_plugins = ["pytester"]

HEAD = f"""\
format: cg.cases/1
cases:
  - name: short
    subject: proposal
    rulebook: cn.sichuan.chengdu.jinjiang
    input_file: {EXAMPLES / "jinjiang" / "proposal-short.json"}
"""


class TestPlugin:
    """Other projects run their own case files with our plugin."""

    def test_passing_case(self, pytester: pytest.Pytester) -> None:
        """A correct case passes."""
        pytester.makefile(
            ".yaml",
            **{
                "cases/short": HEAD
                + """\
    expect:
      verdict: denied
      findings: {proposal.sponsorship: failed, proposal.party-initiative: not_applicable}
      messages: {proposal.sponsorship: {en: "needs 1 more representative"}}
"""
            },
        )
        pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)

    def test_wrong_status_fails_with_explanation(self, pytester: pytest.Pytester) -> None:
        """A wrong expected status fails, showing the difference and the Decision."""
        pytester.makefile(
            ".yaml",
            **{
                "cases/short": HEAD
                + """\
    expect:
      verdict: denied
      findings: {proposal.sponsorship: passed, proposal.party-initiative: not_applicable}
"""
            },
        )
        result = pytester.runpytest("-p", "no:cacheprovider")
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            ["*finding proposal.sponsorship: expected passed, got failed*", "*联名人数不足*"]
        )

    def test_incomplete_findings_fail(self, pytester: pytest.Pytester) -> None:
        """Every rule considered must be listed: the explanation is asserted, not a subset."""
        pytester.makefile(
            ".yaml",
            **{
                "cases/short": HEAD
                + """\
    expect:
      verdict: denied
      findings: {proposal.sponsorship: failed}
"""
            },
        )
        result = pytester.runpytest("-p", "no:cacheprovider")
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            ["*proposal.party-initiative: not_applicable, but the case does not list it*"]
        )

    def test_unlisted_status_covers_the_rest(self, pytester: pytest.Pytester) -> None:
        """`unlisted: not_applicable` lets a case name only the rules that matter."""
        pytester.makefile(
            ".yaml",
            **{
                "cases/short": HEAD
                + """\
    expect:
      verdict: denied
      findings: {proposal.sponsorship: failed}
      unlisted: not_applicable
"""
            },
        )
        pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)

    def test_unlisted_status_is_still_checked(self, pytester: pytest.Pytester) -> None:
        """A rule not listed that does not have the `unlisted` status fails the case."""
        pytester.makefile(
            ".yaml",
            **{
                "cases/short": HEAD
                + """\
    expect:
      verdict: denied
      findings: {proposal.party-initiative: not_applicable}
      unlisted: passed
"""
            },
        )
        result = pytester.runpytest("-p", "no:cacheprovider")
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            ["*proposal.sponsorship: failed, but unlisted rules must be passed*"]
        )

    def test_misspelled_key_is_reported(self, pytester: pytest.Pytester) -> None:
        """A typo in a case file is an error naming the key."""
        pytester.makefile(
            ".yaml",
            **{
                "cases/short": HEAD
                + """\
    expcet:
      verdict: denied
"""
            },
        )
        result = pytester.runpytest("-p", "no:cacheprovider")
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(["*cases.0.expcet: Extra inputs are not permitted*"])

    def test_patch_applies_a_merge_patch(self, pytester: pytest.Pytester) -> None:
        """patch changes the input: 50 households turn the denial into an admission."""
        ids = ", ".join(f"H{i:03d}" for i in range(100, 150))
        pytester.makefile(
            ".yaml",
            **{
                "cases/short": HEAD
                + f"""\
    patch: {{sponsor_household_ids: [{ids}]}}
    expect:
      verdict: allowed
      findings: {{proposal.sponsorship: passed, proposal.party-initiative: not_applicable}}
"""
            },
        )
        pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)

    def test_other_yaml_under_cases_is_left_alone(self, pytester: pytest.Pytester) -> None:
        """A project's own YAML in a `cases/` folder is not taken for a case file."""
        pytester.makefile(".yaml", **{"cases/fixtures": "users: [alice, bob]\n"})
        result = pytester.runpytest("-p", "no:cacheprovider")
        assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED

    def test_wrong_format_version_is_reported(self, pytester: pytest.Pytester) -> None:
        """A file that names another cg.cases version is ours, and refused with the key."""
        pytester.makefile(".yaml", **{"cases/short": HEAD.replace("cg.cases/1", "cg.cases/2")})
        result = pytester.runpytest("-p", "no:cacheprovider")
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(["*format*"])

    def test_yaml_outside_cases_dirs_is_ignored(self, pytester: pytest.Pytester) -> None:
        """Only files under a `cases` directory are collected."""
        pytester.makefile(".yaml", **{"config/other": "a: 1\n"})
        result = pytester.runpytest("-p", "no:cacheprovider")
        assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
