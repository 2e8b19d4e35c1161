"""Batch access checks: JSON Lines in, one result per line out, a summary, exit codes."""

from __future__ import annotations

import importlib.util
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from community_governance import check_work_items
from community_governance.batch import BatchSummary, run_batch
from community_governance.cli import main

from ._support import EXAMPLES

DEPARTMENT = EXAMPLES / "access" / "department-list.jsonl"


def generator() -> Any:
    """The example generator module (examples/access/generate.py)."""
    spec = importlib.util.spec_from_file_location("generate", EXAMPLES / "access" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lines(*items: dict[str, Any]) -> list[str]:
    """JSON lines for item dicts."""
    return [json.dumps(i, ensure_ascii=False) for i in items]


def example(n: int = 0, **changes: Any) -> dict[str, Any]:
    """Template ``n`` of the department list with fields replaced."""
    return {**generator().TEMPLATES[n], **changes}


class TtyBuffer(io.StringIO):
    """A text buffer that says it is a terminal."""

    def isatty(self) -> bool:
        """Pretend to be a terminal."""
        return True


class TestStreaming:
    """Lines are checked one at a time, and a bad line stops nothing."""

    def test_results_are_produced_lazily(self) -> None:
        """The first result is available after reading only the first line."""
        read: list[int] = []

        def source() -> Iterator[str]:
            for n, text in enumerate(lines(example(), example(2)), start=1):
                read.append(n)
                yield text

        results = check_work_items(source(), "cn.ningxia")
        first = next(results)
        assert first.line == 1
        assert read == [1]

    def test_malformed_line_in_the_middle_is_reported_and_the_rest_checked(self) -> None:
        """The example list has a bad line 8; the 11 others are all decided."""
        with DEPARTMENT.open("rb") as f:
            results = list(check_work_items(f, "cn.ningxia"))
        assert len(results) == 12
        bad = [r for r in results if r.decision is None]
        assert [r.line for r in bad] == [8]
        assert "requested_on" in (bad[0].error or "")
        assert "funding: Field required" in (bad[0].error or "")

    def test_blank_lines_are_skipped_but_counted_in_line_numbers(self) -> None:
        """Line numbers are those of the input file."""
        text = ["", *lines(example()), "   ", *lines(example(2))]
        assert [r.line for r in check_work_items(text, "cn")] == [2, 4]

    def test_invalid_utf8_is_an_invalid_line(self) -> None:
        """Bytes that are not UTF-8 make that line invalid, not the whole batch."""
        data = [b"\xff\xfe{}\n", lines(example())[0].encode()]
        results = list(check_work_items(data, "cn"))
        assert results[0].decision is None
        assert results[1].decision is not None


class TestSummary:
    """The summary counts admitted, refused by reason, indeterminate and invalid."""

    def test_summary_of_the_department_list(self) -> None:
        """3 admitted, 8 refused, 1 invalid; a refused item counts under each reason."""
        out, err = io.StringIO(), io.StringIO()
        with DEPARTMENT.open("rb") as f:
            summary = run_batch(f, "cn.ningxia", out=out, err=err)
        assert summary.to_dict() | {"refused_by_reason": {}} == {
            "total": 12,
            "admitted": 3,
            "refused": 8,
            "indeterminate": 0,
            "invalid": 1,
            "refused_by_reason": {},
            "invalid_lines": [8],
        }
        assert summary.reasons["work-item.funding-follows-task"] == 2
        assert summary.reasons["certificate.not-to-issue"] == 1
        assert "work-item.no-economic-quotas" not in summary.reasons  # a warning only
        assert "不予准入 refused" in out.getvalue()
        assert summary.exit_code == 2

    @pytest.mark.parametrize(
        ("items", "code"),
        [
            ([], 0),
            ([example()], 0),
            ([example(), example(2)], 1),
            ([example(list_entry="AH-1")], 3),
        ],
    )
    def test_exit_codes(self, items: list[dict[str, Any]], code: int) -> None:
        """0 all admitted, 1 any refused, 3 any indeterminate (here: Anhui, unlisted)."""
        summary = run_batch(lines(*items), "cn.anhui", out=io.StringIO(), err=io.StringIO())
        assert summary.exit_code == code

    def test_invalid_lines_kept_are_bounded(self) -> None:
        """Only the first MAX_LINES invalid line numbers are kept; all are counted."""
        summary = run_batch(
            ["{"] * (BatchSummary.MAX_LINES + 5), "cn", out=io.StringIO(), err=io.StringIO()
        )
        assert summary.invalid == BatchSummary.MAX_LINES + 5
        assert len(summary.invalid_lines) == BatchSummary.MAX_LINES
        assert "…" in summary.table()


class TestOutput:
    """Text and JSON output, and the progress display."""

    def test_json_output_has_one_document_per_line_in_order(self) -> None:
        """Decisions and error records, in input order; the summary goes to stderr."""
        out, err = io.StringIO(), io.StringIO()
        with DEPARTMENT.open("rb") as f:
            run_batch(f, "cn.ningxia", out=out, err=err, fmt="json")
        docs = [json.loads(x) for x in out.getvalue().splitlines()]
        assert len(docs) == 12
        assert docs[7] == {
            "error": docs[7]["error"],
            "format": "cg.batch-error/1",
            "line": 8,
            "problems": docs[7]["problems"],
        }
        assert [p["loc"] for p in docs[7]["problems"]] == [["requested_on"], ["funding"]]
        assert {d["format"] for i, d in enumerate(docs) if i != 7} == {"cg.decision/2"}
        assert docs[1]["verdict"] == "denied"
        assert "汇总 summary" in err.getvalue()

    def test_progress_only_on_a_terminal(self) -> None:
        """A terminal gets a progress line with the throughput; a pipe gets none."""
        items = lines(*(example(i % 3) for i in range(30)))
        tty = TtyBuffer()
        run_batch(items, "cn", out=io.StringIO(), err=tty, every=10)
        assert "processed 30" in tty.getvalue()
        assert "/s" in tty.getvalue()
        pipe = io.StringIO()
        run_batch(items, "cn", out=io.StringIO(), err=pipe)
        assert pipe.getvalue() == ""

    def test_generated_list_with_a_bad_middle_line(self) -> None:
        """The 100k generator's stream, at 1,100 lines: one bad line, correct counts."""
        buf = io.StringIO()
        generator().stream(1100, 550, buf)
        summary = run_batch(
            buf.getvalue().splitlines(), "cn.ningxia", out=io.StringIO(), err=io.StringIO()
        )
        assert summary.total == 1100
        assert summary.invalid_lines == [550]
        assert summary.admitted + summary.refused == 1099
        admitted_templates = {0, 7, 9}  # funded assistance, flood relief, own-duty mediation
        assert summary.admitted == sum(
            1 for n in range(1, 1101) if n != 550 and n % 11 in admitted_templates
        )


class TestCommandLine:
    """cgov check work-item(s)."""

    def run(self, *argv: str) -> tuple[int, str, str]:
        """Run cgov and capture its output."""
        out, err = io.StringIO(), io.StringIO()
        return main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()

    def test_batch_command_reports_invalid_line_and_exits_2(self) -> None:
        """The example list holds a malformed line: exit 2, every line reported."""
        code, out, _ = self.run("check", "work-items", str(DEPARTMENT), "--rulebook", "cn.ningxia")
        assert code == 2
        assert "第8行 line 8: 输入无效 invalid" in out
        assert "合计 total" in out

    def test_batch_json_format(self) -> None:
        """--format json writes JSON lines only on stdout."""
        code, out, err = self.run(
            "check", "work-items", str(DEPARTMENT), "--rulebook", "cn", "--format", "json"
        )
        assert code == 2
        assert all(json.loads(x) for x in out.splitlines())
        assert "汇总 summary" in err

    def test_missing_batch_file_is_a_usage_error(self) -> None:
        """An unreadable file exits 2 and names it."""
        code, _, err = self.run("check", "work-items", "nope.jsonl", "--rulebook", "cn")
        assert code == 2
        assert "nope.jsonl: cannot read" in err

    @pytest.mark.parametrize(
        ("name", "book", "code"),
        [
            ("assistance-funded.json", "cn.ningxia", 0),
            ("assistance-unfunded.json", "cn", 1),
            ("demolition-responsible.json", "cn.ningxia", 1),
            ("certificate-kinship.json", "cn", 1),
        ],
    )
    def test_single_work_item(self, name: str, book: str, code: int) -> None:
        """cgov check work-item FILE: same exit codes as the other checks."""
        path = str(EXAMPLES / "access" / name)
        assert self.run("check", "work-item", path, "--rulebook", book)[0] == code
