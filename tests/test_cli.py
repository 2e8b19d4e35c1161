"""cgov: exit codes 0 allowed / 1 denied / 2 invalid / 3 indeterminate, text and JSON output."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from community_governance.cli import main

from ._support import EXAMPLES, ROOT, example_data

JJ = "cn.sichuan.chengdu.jinjiang"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def example(name: str) -> str:
    return str(EXAMPLES / "jinjiang" / name)


class TestCheck:
    """cgov check proposal / body."""

    def test_allowed_exits_0(self) -> None:
        """The eligible example is allowed."""
        code, out, _ = run("check", "proposal", example("proposal-eligible.json"), "--rulebook", JJ)
        assert code == 0
        assert "准予 / 符合 (allowed)" in out

    def test_denied_exits_1_with_reasons_and_citation(self) -> None:
        """The short example is denied with what is missing and the source."""
        code, out, _ = run("check", "proposal", example("proposal-short.json"), "--rulebook", JJ)
        assert code == 1
        assert "needs 1 more representative, or 2 more households" in out
        assert "依据 source: 成都市锦江区基层社会管理体制改革（2011） §二" in out  # titled

    def test_json_output_is_the_decision_format(self) -> None:
        """--format json prints cg.decision/2."""
        code, out, _ = run(
            "check",
            "proposal",
            example("proposal-short.json"),
            "--rulebook",
            JJ,
            "--format",
            "json",
        )
        assert code == 1
        assert json.loads(out)["format"] == "cg.decision/2"

    def test_indeterminate_exits_3(self, tmp_path: Path) -> None:
        """A gender not recorded makes the woman rule indeterminate after 2026."""
        data = example_data("jinjiang/residents-committee.json")
        for p in data["community"]["persons"]:  # type: ignore[index]
            p.pop("gender", None)
        path = tmp_path / "rc.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        code, out, _ = run("check", "body", str(path), "--rulebook", "cn")
        assert code == 3
        assert "community.persons[].gender" in out

    def test_at_switches_the_law(self, tmp_path: Path) -> None:
        """Without a woman: allowed on 2025-06-01 (2018 text), denied on 2026-01-01."""
        data = example_data("jinjiang/residents-committee.json")
        for p in data["community"]["persons"]:  # type: ignore[index]
            p["gender"] = "male"
        path = tmp_path / "rc.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert run("check", "body", str(path), "--rulebook", "cn", "--at", "2025-06-01")[0] == 0
        code, out, _ = run("check", "body", str(path), "--rulebook", "cn", "--at", "2026-01-01")
        assert code == 1
        assert "residents-committee.woman" in out

    def test_rulebook_file_is_accepted(self) -> None:
        """--rulebook takes a .toml path too."""
        code, _, _ = run(
            "check",
            "proposal",
            example("proposal-eligible.json"),
            "--rulebook",
            str(EXAMPLES / "rulebooks" / "example-city.toml"),
            "--at",
            "2027-01-01",
        )
        assert code == 1


class TestInvalidInput:
    """Bad input exits 2 with every error and its field path."""

    def test_validation_errors_name_the_field(self, tmp_path: Path) -> None:
        """A number as an id is refused with its path."""
        data = example_data("jinjiang/proposal-short.json")
        data["sponsor_household_ids"] = [5, "H100"]
        path = tmp_path / "p.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        code, out, err = run("check", "proposal", str(path), "--rulebook", JJ)
        assert (code, out) == (2, "")
        assert "sponsor_household_ids.0: Input should be a valid string (got 5)" in err

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (("check", "proposal", "missing.json", "--rulebook", JJ), "cannot read"),
            (("check", "proposal", "x.json", "--rulebook", "cn.nowhere"), "unknown rulebook"),
            (
                ("check", "proposal", "x.json", "--rulebook", JJ, "--at", "2026-13-01"),
                "expected a date",
            ),
            (("frobnicate",), "invalid choice"),
        ],
    )
    def test_usage_errors_exit_2(
        self, argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Unreadable files, unknown rulebooks, bad dates, unknown commands → 2."""
        code, _, err = run(*argv)
        assert code == 2
        assert message in err + capsys.readouterr().err

    def test_not_json(self, tmp_path: Path) -> None:
        """Malformed JSON is reported with its position (never quoted), exit 2."""
        path = tmp_path / "p.json"
        path.write_text("{", encoding="utf-8")
        code, _, err = run("check", "proposal", str(path), "--rulebook", JJ)
        assert code == 2
        assert "p.json: not JSON: Expecting property name" in err
        assert "at line 1, column 2" in err


class TestListing:
    """rulebooks, rules and schema."""

    def test_rulebooks(self) -> None:
        """The built-ins are listed with their parents."""
        code, out, _ = run("rulebooks", "--format", "json")
        ids = {b["id"]: b["extends"] for b in json.loads(out)}
        assert code == 0
        assert ids["cn.sichuan.chengdu.jinjiang"] == "cn"

    def test_rules_show_citations_and_dated_parameters(self) -> None:
        """cgov rules lists each rule's sources and each parameter's dated values."""
        code, out, _ = run("rules", "--rulebook", JJ, "--format", "json")
        assert code == 0
        rule = next(r for r in json.loads(out)["rules"] if r["id"] == "proposal.sponsorship")
        share = rule["parameters"][0]
        assert share["versions"][0]["value"] == "1/10"
        assert share["versions"][0]["citation"]["source"] == "004_63e647ccd94b093f.txt"
        _, text, _ = run("rules", "--rulebook", "cn")
        assert "2026-01-01" in text
        assert "第八条" in text

    def test_schema(self) -> None:
        """Every subject `cgov check` takes and every file format has a JSON Schema, under the
        same hyphenated name."""
        from community_governance.models import SUBJECT_MODELS

        names = [s.replace("_", "-") for s in SUBJECT_MODELS]
        names += [
            "decision",
            "community",
            "rulebook-file",
            "work-item-lists-file",
            "case-file",
            "procedure-run",
        ]
        for model in names:
            code, out, err = run("schema", model)
            assert (code, err) == (0, ""), model
            assert isinstance(json.loads(out), dict)


class TestCaseFileRunner:
    """`cgov test` runs case files without any Python code of the user's."""

    def test_cgov_test_runs_case_files_and_reports(self) -> None:
        """The Jinjiang case files pass through `cgov test`, exit 0, with a summary."""
        code, out, _ = run("test", str(ROOT / "tests" / "cases" / "jinjiang" / "sponsorship.yaml"))
        assert code == 0, out
        assert "passed" in out

    def test_cgov_test_without_case_files_is_invalid(self, tmp_path: Path) -> None:
        """A folder with no case file is exit 2, not a silent pass."""
        code, _, _ = run("test", str(tmp_path))
        assert code == 2
