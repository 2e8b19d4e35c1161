"""The cgov contract, in-process: exit codes (4 for internal errors, the decided code for a
closed pipe), limits, strict JSON input, escaped output, masking and `cgov verify`."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from community_governance import cli
from community_governance.cli import EXIT_CODES, main

from ._support import EXAMPLES, example_data

JJ = "cn.sichuan.chengdu.jinjiang"
PROPOSAL = str(EXAMPLES / "jinjiang" / "proposal-short.json")
RELATIVES = str(EXAMPLES / "bodies" / "residents-committee-relatives.json")
DEPARTMENT = str(EXAMPLES / "access" / "department-list.jsonl")


def run(*argv: str, out: Any = None) -> tuple[int, str, str]:
    out = io.StringIO() if out is None else out
    err = io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue() if isinstance(out, io.StringIO) else "", err.getvalue()


def write(tmp_path: Path, name: str, data: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


class ClosedAfter(io.StringIO):
    """Standard output whose reader goes away after ``lines`` lines."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.left = lines

    def write(self, text: str) -> int:
        """Accept ``lines`` writes, then fail as a closed pipe does."""
        if self.left <= 0:
            raise BrokenPipeError(32, "Broken pipe")
        self.left -= 1
        return super().write(text)


class TestExitCodes:
    """0-3 are verdicts; 4 is a bug; a closed pipe keeps the decided code."""

    def test_the_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Five codes, each listed in --help."""
        assert sorted(EXIT_CODES) == [0, 1, 2, 3, 4]
        assert run("--help")[0] == 0
        shown = capsys.readouterr().out
        for code, meaning in EXIT_CODES.items():
            assert f"  {code}  {meaning}" in shown

    def test_internal_error_is_4_with_one_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Any unexpected exception: exit 4, one escaped line naming its type."""

        def boom(*args: object, **kwargs: object) -> None:
            raise KeyError("\u202eboom")

        monkeypatch.setattr(cli, "evaluate", boom)
        code, out, err = run("check", "proposal", PROPOSAL, "--rulebook", JJ)
        assert (code, out) == (4, "")
        assert err == ("cgov: internal error: KeyError: '\\u202eboom' (rerun with --traceback)\n")

    def test_traceback_flag_before_or_after_the_command(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """--traceback is accepted in both places and prints the traceback first."""
        monkeypatch.setattr(cli, "evaluate", lambda *a, **k: 1 / 0)
        for argv in (
            ("--traceback", "check", "proposal", PROPOSAL, "--rulebook", JJ),
            ("check", "proposal", PROPOSAL, "--rulebook", JJ, "--traceback"),
        ):
            code, _, err = run(*argv)
            assert code == 4
            assert err.startswith("Traceback (most recent call last):")
            assert err.endswith("ZeroDivisionError: division by zero (rerun with --traceback)\n")

    def test_recursion_while_reading_input_is_invalid_input(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Input that exhausts the interpreter is exit 2 with a reason, not 1 or 4."""

        def deep(*args: object, **kwargs: object) -> None:
            raise RecursionError

        monkeypatch.setattr(cli, "loads_json", deep)
        code, _, err = run("check", "proposal", PROPOSAL, "--rulebook", JJ)
        assert code == 2
        assert "nested too deeply to read" in err

    @pytest.mark.parametrize(("after", "code"), [(0, 3), (1, 1), (9, 2)])
    def test_closed_pipe_in_a_batch_gives_the_code_of_what_was_seen(
        self, after: int, code: int
    ) -> None:
        """Item 1 is admitted, item 2 refused, line 8 invalid; an item is counted before it is
        written, and the items never checked count as indeterminate."""
        got, _, err = run(
            "check", "work-items", DEPARTMENT, "--rulebook", "cn.ningxia", out=ClosedAfter(after)
        )
        assert (got, err) == (code, "")

    def test_closed_pipe_keeps_the_verdict(self) -> None:
        """A denied Decision whose printing fails still exits 1."""
        assert run("check", "proposal", PROPOSAL, "--rulebook", JJ, out=ClosedAfter(0))[:1] == (1,)

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version exits 0 and prints the library version."""
        from community_governance import __version__

        assert run("--version")[0] == 0
        assert capsys.readouterr().out == f"cgov (community-governance) {__version__}\n"


class TestLimits:
    """Limits from options and the environment."""

    def test_input_size_option(self) -> None:
        """--max-input-bytes lowers the limit; the message says how to raise it."""
        code, _, err = run(
            "check", "proposal", PROPOSAL, "--rulebook", JJ, "--max-input-bytes", "1K"
        )
        assert code == 2
        assert "over the limit of 1,024 bytes (raise it with --max-input-bytes" in err

    def test_depth_from_the_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """CGOV_MAX_DEPTH applies when no option is given; the option wins."""
        monkeypatch.setenv("CGOV_MAX_DEPTH", "2")
        code, _, err = run("check", "proposal", PROPOSAL, "--rulebook", JJ)
        assert code == 2
        assert "over the limit of 2" in err
        assert run("check", "proposal", PROPOSAL, "--rulebook", JJ, "--max-depth", "64")[0] == 1

    def test_bad_environment_value_is_a_usage_error(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A nonsense limit in the environment is exit 2 naming the variable."""
        monkeypatch.setenv("CGOV_MAX_INPUT_BYTES", "plenty")
        code, _, err = run("rulebooks")
        assert code == 2
        assert "CGOV_MAX_INPUT_BYTES" in err


class TestStrictJson:
    """JSON input is parsed strictly before validation, and validation stays strict."""

    def test_duplicate_key_in_a_nested_object(self, tmp_path: Path) -> None:
        """A key given twice deep inside is named with its path."""
        text = Path(PROPOSAL).read_text(encoding="utf-8")
        first = text.index('"kind"')
        path = tmp_path / "p.json"
        path.write_text(text[:first] + '"kind": "rural", ' + text[first:], encoding="utf-8")
        code, _, err = run("check", "proposal", str(path), "--rulebook", JJ)
        assert code == 2
        assert "p.json: community.kind: key given twice in one object" in err

    def test_a_number_in_a_string_is_still_not_a_count(self, tmp_path: Path) -> None:
        """ "640" is refused for a count: the pre-parse does not loosen validation."""
        data = example_data("meetings/residents-assembly.json")
        data["attendees"] = "640"
        code, _, err = run("check", "meeting", write(tmp_path, "m.json", data), "--rulebook", "cn")
        assert code == 2
        assert "attendees: Input should be a valid integer (got '640')" in err

    def test_dates_are_still_iso_strings(self) -> None:
        """JSON has no dates: ISO strings are accepted for date fields."""
        assert run(
            "check",
            "meeting",
            str(EXAMPLES / "meetings" / "residents-assembly.json"),
            "--rulebook",
            "cn",
        )[0] in (0, 1, 3)

    def test_batch_lines_refuse_duplicate_keys(self, tmp_path: Path) -> None:
        """A batch line with a key given twice is an invalid line, the rest go on."""
        lines = Path(DEPARTMENT).read_text(encoding="utf-8").splitlines()
        lines[0] = lines[0].replace('"id": ', '"id": "X", "id": ', 1)
        path = tmp_path / "items.jsonl"
        path.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
        code, out, _ = run("check", "work-items", str(path), "--rulebook", "cn.ningxia")
        assert code == 2
        assert "第1行 line 1: 输入无效 invalid: id: key given twice in one object" in out
        assert "第3行 line 3" in out

    def test_validation_errors_are_capped_and_escaped(self, tmp_path: Path) -> None:
        """Thousands of bad values list 50 errors, each value cut short and escaped."""
        data = example_data("jinjiang/proposal-short.json")
        data["sponsor_household_ids"] = [7] * 1000
        data["\x1b[2J" + "x" * 500] = "y"
        code, _, err = run("check", "proposal", write(tmp_path, "p.json", data), "--rulebook", JJ)
        assert code == 2
        assert "… and 951 more" in err
        assert "\x1b" not in err
        assert max(len(line) for line in err.splitlines()) < 600


class TestMasking:
    """--mask on cgov check."""

    def test_mask_hides_ids_and_keeps_people_apart(self) -> None:
        """No person id remains; the two relatives have two tokens; audit says masked."""
        code, out, _ = run(
            "check", "body", RELATIVES, "--rulebook", "cn", "--format", "json", "--mask"
        )
        data = json.loads(out)
        finding = next(
            f
            for f in data["findings"]
            if f["rule"] == "residents-committee.close-relative-exclusion"
        )
        a, b = finding["evidence"]["close_relative_pairs"][0]
        assert code == 1
        assert a.startswith("P-")
        assert b.startswith("P-")
        assert a != b
        assert '"C1"' not in out
        assert data["audit"]["masked"] is True

    def test_salt_makes_tokens_reproducible(self) -> None:
        """The same salt gives the same output; a random salt differs from run to run."""
        argv = ("check", "body", RELATIVES, "--rulebook", "cn", "--format", "json")
        assert run(*argv, "--mask-salt", "s")[1] == run(*argv, "--mask-salt", "s")[1]
        assert run(*argv, "--mask")[1] != run(*argv, "--mask")[1]


class TestVerify:
    """cgov verify DECISION INPUT [--rulebook FILE]."""

    def decision(
        self,
        tmp_path: Path,
        *extra: str,
        subject: str = "proposal",
        source: str = PROPOSAL,
        rulebook: str = JJ,
    ) -> str:
        _, out, _ = run(
            "check", subject, source, "--rulebook", rulebook, "--format", "json", *extra
        )
        path = tmp_path / "decision.json"
        path.write_text(out, encoding="utf-8")
        return str(path)

    def test_a_decision_verifies(self, tmp_path: Path) -> None:
        """Made again byte for byte: exit 0."""
        code, out, err = run("verify", self.decision(tmp_path), PROPOSAL)
        assert (code, err) == (0, "")
        assert out.startswith("verified: proposal JJ-2026-008")

    def test_a_changed_verdict_is_the_first_difference(self, tmp_path: Path) -> None:
        """Exit 1, naming the path and both values."""
        path = self.decision(tmp_path)
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        data["findings"][0]["status"] = "passed"
        code, out, _ = run("verify", write(tmp_path, "d.json", data), PROPOSAL)
        assert code == 1
        assert out.startswith("not verified: findings[0].status: the Decision has 'passed'")

    def test_other_input_fails_on_its_digest(self, tmp_path: Path) -> None:
        """An input that is not the one the Decision was made from: exit 1."""
        data = example_data("jinjiang/proposal-short.json")
        data["title"] = "另一个议案"
        code, out, _ = run("verify", self.decision(tmp_path), write(tmp_path, "p.json", data))
        assert code == 1
        assert out.startswith("not verified: audit.input_sha256")

    def test_a_forged_rulebook_digest_is_found(self, tmp_path: Path) -> None:
        """The built-in's digest is checked before anything is evaluated."""
        data = json.loads(Path(self.decision(tmp_path)).read_text(encoding="utf-8"))
        data["audit"]["extends"][0]["sha256"] = "0" * 64
        code, out, _ = run("verify", write(tmp_path, "d.json", data), PROPOSAL)
        assert code == 1
        assert out.startswith("not verified: audit.extends[0].sha256")

    def test_file_rulebook_needs_the_file_and_its_digest(self, tmp_path: Path) -> None:
        """Without the file: exit 2; with it: verified; with an edited copy: exit 1."""
        book = EXAMPLES / "rulebooks" / "example-city.toml"
        path = self.decision(tmp_path, "--at", "2027-01-01", rulebook=str(book))
        assert run("verify", path, PROPOSAL)[0] == 2
        assert run("verify", path, PROPOSAL, "--rulebook", str(book))[0] == 0
        edited = tmp_path / "city.toml"
        edited.write_text(book.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        code, out, _ = run("verify", path, PROPOSAL, "--rulebook", str(edited))
        assert code == 1
        assert out.startswith("not verified: audit.rulebook.files")

    def test_masked_decision_needs_its_salt(self, tmp_path: Path) -> None:
        """A masked Decision verifies with its salt only."""
        path = self.decision(
            tmp_path, "--mask-salt", "pepper", subject="body", source=RELATIVES, rulebook="cn"
        )
        assert run("verify", path, RELATIVES)[0] == 2
        assert run("verify", path, RELATIVES, "--mask-salt", "pepper")[0] == 0
        assert run("verify", path, RELATIVES, "--mask-salt", "salt")[0] == 1

    def test_not_a_decision_is_invalid_input(self, tmp_path: Path) -> None:
        """A document that is not cg.decision/2: exit 2 naming the problems."""
        code, _, err = run("verify", write(tmp_path, "d.json", {"format": "x"}), PROPOSAL)
        assert code == 2
        assert "not a cg.decision/2 document" in err
