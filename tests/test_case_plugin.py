"""The case-file pytest plugin: opt-in, strict files, complete expectations, readable
failures."""

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


#: An open-world (cg.cases/2) case that holds.
CASE = (
    HEAD.replace("cg.cases/1", "cg.cases/2")
    + """\
    expect:
      verdict: denied
      findings: {proposal.sponsorship: failed}
"""
)


@pytest.fixture
def opted_in(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project that opted in to case files (`cg_cases = true`)."""
    pytester.makeini("[pytest]\ncg_cases = true\n")
    return pytester


class TestOptIn:
    """The plugin collects nothing, and imports nothing of the library, until a project asks."""

    def test_case_files_are_not_collected_without_opting_in(
        self, pytester: pytest.Pytester
    ) -> None:
        """A project that installs the library but does not opt in runs no case files."""
        pytester.makefile(".yaml", **{"cases/short": CASE})
        result = pytester.runpytest("-p", "no:cacheprovider")
        assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED

    def test_the_ini_option_opts_in(self, opted_in: pytest.Pytester) -> None:
        """`cg_cases = true` in the project's ini collects its case files."""
        opted_in.makefile(".yaml", **{"cases/short": CASE})
        opted_in.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)

    def test_one_run_can_opt_in_from_the_command_line(self, pytester: pytest.Pytester) -> None:
        """`pytest -o cg_cases=true` opts in for one run."""
        pytester.makefile(".yaml", **{"cases/short": CASE})
        result = pytester.runpytest("-p", "no:cacheprovider", "-o", "cg_cases=true")
        result.assert_outcomes(passed=1)

    def test_the_plugin_can_be_switched_off(self, opted_in: pytest.Pytester) -> None:
        """`-p no:community_governance` removes the plugin, opt-in or not."""
        opted_in.makefile(".yaml", **{"cases/short": CASE})
        result = opted_in.runpytest("-p", "no:cacheprovider", "-p", "no:community_governance")
        assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED

    def test_start_up_imports_nothing_of_the_library(self, pytester: pytest.Pytester) -> None:
        """Without opting in, a test run loads only the plugin module: no model, engine,
        rulebook or YAML parser."""
        pytester.makefile(".yaml", **{"cases/short": CASE})
        pytester.makepyfile(
            test_modules="""
            import sys

            def test_loaded():
                loaded = {m for m in sys.modules if m.startswith("community_governance")}
                assert loaded <= {
                    "community_governance",
                    "community_governance.testing",
                    "community_governance.testing.pytest_plugin",
                }, sorted(loaded)
                assert "yaml" not in sys.modules
            """
        )
        pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


@pytest.mark.usefixtures("opted_in")
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
