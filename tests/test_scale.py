"""Scale-out: `cgov check SUBJECT --jsonl` for every subject, `--jobs N` identical to serial,
bounded look-ahead, progress only on a terminal, and a worker's death or Ctrl-C handled."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from community_governance.batch import (
    BatchSummary,
    LineChecker,
    WorkerDied,
    check_jsonl,
    run_batch,
    subject_model,
    worker_count,
)
from community_governance.cli import main
from community_governance.exceptions import UnknownReferenceError
from community_governance.models import SUBJECT_MODELS
from community_governance.rulebooks import Rulebook, get_rulebook

from ._support import EXAMPLES, ROOT

JJ = "cn.sichuan.chengdu.jinjiang"
DEPARTMENT = EXAMPLES / "access" / "department-list.jsonl"
SUBJECTS = sorted(s.replace("_", "-") for s in SUBJECT_MODELS)
#: An example file and rulebook per subject where one is named; others are found by model.
NAMED = {
    "proposal": ("jinjiang/proposal-short.json", JJ),
    "work-item": ("access/assistance-funded.json", "cn.ningxia"),
    "body": ("bodies/residents-committee-relatives.json", "cn"),
}
FORK = multiprocessing.get_start_method() == "fork"


def run(*argv: str, out: Any = None) -> tuple[int, str, str]:
    """``cgov`` in-process: exit code, standard output, standard error."""
    out = io.StringIO() if out is None else out
    err = io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue() if isinstance(out, io.StringIO) else "", err.getvalue()


def example_of(subject: str) -> tuple[Path, str] | None:
    """An example file that validates as ``subject``, and the rulebook to check it against."""
    if subject in NAMED:
        name, book = NAMED[subject]
        return EXAMPLES / name, book
    model = subject_model(subject)
    for path in sorted(EXAMPLES.glob("*/*.json")):
        try:
            model.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        return path, "cn"
    return None


def compact(path: Path) -> str:
    """A JSON file as one JSON Lines line."""
    return json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)


def mixed_lines(count: int) -> list[str]:
    """``count`` work-item lines cycling the department list: decisions of every verdict,
    an invalid line every 12, and a blank line every 7."""
    source = DEPARTMENT.read_text(encoding="utf-8").splitlines()
    out = []
    for n in range(count):
        out.append("" if n % 7 == 3 else source[n % len(source)])
    return out


class TestEverySubject:
    """`--jsonl` takes every subject type; each line's Decision is the single check's."""

    @pytest.mark.parametrize("subject", SUBJECTS)
    def test_a_line_is_decided_as_the_single_file_is(self, subject: str, tmp_path: Path) -> None:
        """Line 1 (an example) gives the Decision `cgov check SUBJECT FILE` gives; line 3
        (``{}``) a located error record naming line 3; exit 2 (an invalid line)."""
        found = example_of(subject)
        if found is None:
            pytest.skip(f"no example file holds a {subject}")
        path, book = found
        batch = tmp_path / "in.jsonl"
        batch.write_text(f"{compact(path)}\n\n{{}}\n", encoding="utf-8")
        code, out, _ = run("check", subject, "--jsonl", str(batch), "--rulebook", book,
                           "--format", "json")  # fmt: skip
        single_code, single, _ = run("check", subject, str(path), "--rulebook", book,
                                     "--format", "json")  # fmt: skip
        first, second = out.splitlines()
        assert json.loads(first) == json.loads(single)
        error = json.loads(second)
        assert (error["format"], error["line"], code) == ("cg.batch-error/1", 3, 2)
        assert error["problems"][0]["type"] == "missing"
        assert single_code in (0, 1, 3)

    @pytest.mark.parametrize("subject", SUBJECTS)
    def test_an_empty_object_names_the_subjects_own_fields(self, subject: str) -> None:
        """The line is validated as that subject's model: its required fields are named."""
        model = subject_model(subject)
        [result] = check_jsonl(["{}"], subject, "cn")
        required = {name for name, f in model.model_fields.items() if f.is_required()}
        assert {p.loc[0] for p in result.problems} == required

    def test_work_items_is_work_item_jsonl(self) -> None:
        """`check work-items FILE` writes what `check work-item --jsonl FILE` writes."""
        old = run("check", "work-items", str(DEPARTMENT), "--rulebook", "cn.ningxia")
        new = run("check", "work-item", "--jsonl", str(DEPARTMENT), "--rulebook", "cn.ningxia")
        assert old == new
        assert old[0] == 2

    def test_text_lines_use_the_words_of_the_subject(self) -> None:
        """A work item is 准入 (admitted); a proposal 准予 (allowed)."""
        text = (EXAMPLES / "jinjiang" / "proposal-eligible.json").read_text(encoding="utf-8")
        [proposal] = check_jsonl([text.replace("\n", " ")], "proposal", JJ)
        [item] = check_jsonl(DEPARTMENT.read_text(encoding="utf-8").splitlines()[:1],
                             "work-item", "cn.ningxia")  # fmt: skip
        assert "准予 / 符合 allowed" in proposal.text()
        assert "准入 allowed" in item.text()

    def test_unknown_subject_type(self) -> None:
        """The Python API names the subject types it knows."""
        with pytest.raises(UnknownReferenceError, match="unknown subject type 'hamlet'"):
            subject_model("hamlet")


class TestExitCodes:
    """The batch's code is the worst line's: invalid 2 > denied 1 > indeterminate 3 > 0."""

    @pytest.mark.parametrize(
        ("picks", "code"),
        [((), 0), ((0,), 0), ((0, 1), 1), ((0, 1, 7), 2), ((7,), 2)],
    )
    def test_worst_line(self, picks: tuple[int, ...], code: int, tmp_path: Path) -> None:
        """Department lines 1 (admitted), 2 (refused), 8 (invalid) in combinations."""
        source = DEPARTMENT.read_text(encoding="utf-8").splitlines()
        path = tmp_path / "in.jsonl"
        path.write_text("".join(source[i] + "\n" for i in picks), encoding="utf-8")
        assert (
            run("check", "work-item", "--jsonl", str(path), "--rulebook", "cn.ningxia")[0] == code
        )

    def test_indeterminate(self) -> None:
        """An item on no list known to the rulebook is indeterminate: exit 3."""
        summary = BatchSummary()
        summary.indeterminate = 1
        assert summary.exit_code == 3


class TestJobs:
    """`--jobs N` writes what one process writes, byte for byte, in input order."""

    @pytest.mark.parametrize(("jobs", "chunk"), [("2", "1"), ("2", "5"), ("0", "1000")])
    @pytest.mark.parametrize("fmt", ["json", "text"])
    def test_identical_to_serial(self, tmp_path: Path, jobs: str, chunk: str, fmt: str) -> None:
        """200 mixed lines (every verdict, invalid and blank lines) in small and large chunks."""
        path = tmp_path / "in.jsonl"
        path.write_text("\n".join(mixed_lines(200)) + "\n", encoding="utf-8")
        base = ["check", "work-item", "--jsonl", str(path), "--rulebook", "cn.ningxia",
                "--format", fmt, "--mask-salt", "s"]  # fmt: skip
        serial = run(*base)
        pooled = run(*base, "--jobs", jobs, "--chunk-size", chunk)
        assert pooled == serial
        assert serial[0] == 2

    def test_api_results_equal_serial(self) -> None:
        """`check_jsonl(jobs=2)` yields the same line numbers and Decisions."""
        lines = mixed_lines(60)
        serial = list(check_jsonl(lines, "work-item", "cn.ningxia"))
        pooled = list(check_jsonl(lines, "work-item", "cn.ningxia", jobs=2, chunk_size=4))
        assert [r.line for r in pooled] == [r.line for r in serial]
        assert [r.to_json() for r in pooled] == [r.to_json() for r in serial]

    def test_lines_are_read_ahead_only_a_few_chunks(self) -> None:
        """With 2 workers and chunks of 10, the first result comes after at most 5 chunks
        (2 per worker in flight, and the one taking their place) are read: memory is bounded."""
        read: list[int] = []

        def source() -> Iterator[str]:
            for n, line in enumerate(mixed_lines(10_000)):
                read.append(n)
                yield line

        results = check_jsonl(source(), "work-item", "cn.ningxia", jobs=2, chunk_size=10)
        first = next(results)
        assert first.line == 1
        assert len(read) <= 5 * 10 + 10  # + the blank lines skipped among them
        results.close()  # type: ignore[attr-defined]

    def test_jobs_zero_is_the_cpu_count(self) -> None:
        """0 workers means one per CPU this process may use; a negative count is refused."""
        assert worker_count(0) >= 1
        assert worker_count(3) == 3
        with pytest.raises(ValueError, match="jobs"):
            worker_count(-1)

    def test_a_rulebook_built_in_python_is_refused_for_workers(self) -> None:
        """It cannot be sent to a worker process: a clear TypeError, before any line."""
        book = get_rulebook("cn")
        local = Rulebook(id="local", version="1", title_zh="本地", title_en="local", parent=book)
        with pytest.raises(TypeError, match="picklable rulebook"):
            next(check_jsonl(mixed_lines(3), "work-item", local, jobs=2))

    def test_the_checker_pickles(self) -> None:
        """What a worker is given once travels by pickle (a built-in rulebook by its id)."""
        checker = LineChecker.of("proposal", JJ, mask_salt=b"x")
        again = pickle.loads(pickle.dumps(checker))
        assert (again.model, again.rulebook.id, again.mask_salt) == (
            checker.model,
            JJ,
            b"x",
        )


class TestUsage:
    """The batch options go with --jsonl; bad values are usage errors (exit 2)."""

    @pytest.mark.parametrize(
        "extra",
        [["--jobs", "2"], ["--progress"], ["--chunk-size", "9"]],
    )
    def test_batch_options_need_jsonl(self, extra: list[str]) -> None:
        """A single-file check with a batch option is refused, naming the option."""
        path = str(EXAMPLES / "jinjiang" / "proposal-short.json")
        code, _, err = run("check", "proposal", path, "--rulebook", JJ, *extra)
        assert code == 2
        assert f"{extra[0]} goes with --jsonl" in err

    @pytest.mark.parametrize("value", ["-1", "two", ""])
    def test_bad_jobs(self, value: str) -> None:
        """--jobs takes a whole number."""
        assert run("check", "work-item", "--jsonl", str(DEPARTMENT), "--rulebook", "cn",
                   "--jobs", value)[0] == 2  # fmt: skip

    def test_file_and_jsonl_together(self) -> None:
        """The input is named once."""
        code, _, err = run("check", "work-item", str(DEPARTMENT), "--jsonl", str(DEPARTMENT),
                           "--rulebook", "cn")  # fmt: skip
        assert (code, "once" in err) == (2, True)

    def test_no_input(self) -> None:
        """No FILE and no --jsonl: a usage error."""
        code, _, err = run("check", "proposal", "--rulebook", JJ)
        assert (code, "--jsonl" in err) == (2, True)


class TtyBuffer(io.StringIO):
    """A text buffer that says it is a terminal."""

    def isatty(self) -> bool:
        """Pretend to be a terminal."""
        return True


class TestProgress:
    """A progress bar only on a terminal, unless forced either way."""

    def batch(self, err: io.StringIO, **options: Any) -> None:
        """30 lines, bar redrawn every 10."""
        run_batch(mixed_lines(30), "cn", out=io.StringIO(), err=err, every=10, **options)

    def test_terminal_gets_a_bar_with_the_share_done(self) -> None:
        """With the input's size, the bar shows how much is done."""
        err = TtyBuffer()
        self.batch(err, total_bytes=10)
        assert "\r[" in err.getvalue()
        assert "100%" in err.getvalue()

    def test_no_progress_on_a_terminal(self) -> None:
        """--no-progress silences it."""
        err = TtyBuffer()
        self.batch(err, progress=False)
        assert "\r" not in err.getvalue()

    def test_progress_forced_in_a_pipe(self) -> None:
        """--progress draws it where stderr is not a terminal."""
        err = io.StringIO()
        self.batch(err, progress=True)
        assert "已处理 processed 26" in err.getvalue()  # 4 of the 30 lines are blank

    def test_never_in_a_pipe_from_the_command(self) -> None:
        """`cgov` with stderr a pipe (CI logs) writes the summary only, no carriage return."""
        done = subprocess.run(
            [sys.executable, "-m", "community_governance.cli", "check", "work-item",
             "--jsonl", str(DEPARTMENT), "--rulebook", "cn.ningxia", "--format", "json"],
            capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 2
        assert "\r" not in done.stderr
        assert done.stderr.startswith("汇总 summary")


class TestFailures:
    """A closed pipe, a worker's death and Ctrl-C end a pooled batch cleanly."""

    def test_closed_pipe_with_workers(self) -> None:
        """The code of what was written before the reader left (line 2 refused: 1)."""

        class ClosedAfter(io.StringIO):
            def write(self, text: str) -> int:
                if len(self.getvalue().splitlines()) >= 2:
                    raise BrokenPipeError(32, "Broken pipe")
                return super().write(text)

        code, _, err = run("check", "work-item", "--jsonl", str(DEPARTMENT), "--rulebook",
                           "cn.ningxia", "--jobs", "2", "--chunk-size", "1",
                           out=ClosedAfter())  # fmt: skip
        assert (code, err) == (1, "")

    @pytest.mark.skipif(not FORK, reason="the patched checker reaches workers only by fork")
    def test_a_worker_that_dies_is_an_internal_error(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Exit 4 and one line on stderr, never a verdict."""
        real = LineChecker.check

        def dying(self: LineChecker, number: int, line: Any) -> Any:
            if number == 5:
                os._exit(9)
            return real(self, number, line)

        monkeypatch.setattr(LineChecker, "check", dying)
        code, _, err = run("check", "work-item", "--jsonl", str(DEPARTMENT), "--rulebook",
                           "cn.ningxia", "--jobs", "2", "--chunk-size", "2")  # fmt: skip
        assert code == 4
        assert err.count("\n") == 1
        assert "worker process died" in err

    @pytest.mark.skipif(not FORK, reason="the patched checker reaches workers only by fork")
    def test_the_api_raises_worker_died(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """`check_jsonl` raises `WorkerDied`, not a partial answer."""
        monkeypatch.setattr(LineChecker, "check", lambda *_: os._exit(9))
        with pytest.raises(WorkerDied):
            list(check_jsonl(mixed_lines(5), "work-item", "cn", jobs=2))

    def test_a_pool_broken_at_submit_is_worker_died(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Regression (CI, stop 15): a worker died between one chunk's result and the next
        `submit`, which raised BrokenProcessPool past the handler. Any broken-pool report,
        whichever call sees it first, is `WorkerDied`."""
        import concurrent.futures
        from concurrent.futures.process import BrokenProcessPool

        class BreaksAtSubmit(concurrent.futures.ProcessPoolExecutor):
            calls = 0

            def submit(self, *args: Any, **kwargs: Any) -> Any:
                type(self).calls += 1
                if type(self).calls > 4:  # past the look-ahead of 2 jobs: a later submit
                    raise BrokenProcessPool("A child process terminated abruptly")
                return super().submit(*args, **kwargs)

        monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", BreaksAtSubmit)
        with pytest.raises(WorkerDied, match="worker process died"):
            list(check_jsonl(mixed_lines(40), "work-item", "cn", jobs=2, chunk_size=2))
        assert BreaksAtSubmit.calls > 4

    @pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX")
    def test_ctrl_c_stops_the_workers_with_one_line(self, tmp_path: Path) -> None:
        """SIGINT while a pooled batch waits for input: exit 130, "cgov: interrupted" alone
        on stderr (no worker traceback), and no worker left running."""
        proc = subprocess.Popen(
            [sys.executable, "-m", "community_governance.cli", "check", "work-item",
             "--jsonl", "-", "--rulebook", "cn.ningxia", "--jobs", "2", "--chunk-size", "1",
             "--format", "json"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        )  # fmt: skip
        assert proc.stdin is not None
        assert proc.stdout is not None
        first = DEPARTMENT.read_text(encoding="utf-8").splitlines()[0]
        proc.stdin.write((first + "\n").encode() * 5)
        proc.stdin.flush()
        proc.stdout.readline()  # a result: the workers are up
        children = _children(proc.pid)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130
        assert err.decode() == "cgov: interrupted\n"
        deadline = time.monotonic() + 10
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [c for c in children if _alive(c)]


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux /proc), else none known."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    if not path.exists():
        return []
    deadline = time.monotonic() + 5
    found: list[int] = []
    while time.monotonic() < deadline and len(found) < 2:
        found = [int(x) for x in path.read_text().split()]
        time.sleep(0.02)
    return found


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"
