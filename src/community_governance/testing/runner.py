"""``cgov test``: run case files without writing any Python.

A community worker or a lawyer who keeps case files (``cg.cases/2``) runs them all with
``cgov test DIR``: every ``*.yaml`` / ``*.yml`` file under the paths given that names the
``cg.cases/`` format is run, each case judged as the pytest plugin judges it, and a summary
printed. A file named on the command line is always read as a case file.

Exit codes: 0 every case passed, 1 some case failed (the rules said something else than the
case expects), 2 some case file is invalid or some case could not be run (malformed YAML, an
input that does not validate, an unknown rulebook, a missing file), or nothing was found.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

__all__ = ["EXIT_FAILED", "EXIT_INVALID", "EXIT_PASSED", "case_files", "main"]

EXIT_PASSED, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
_SUFFIXES = (".yaml", ".yml")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cgov test",
        description="运行案例文件 — run the case files (cg.cases/2) under the paths given.",
        epilog="exit codes: 0 all passed, 1 some case failed, 2 invalid case files or none found",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a case file, or a directory searched (recursively) for YAML files naming cg.cases/",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print only what failed, and the summary"
    )
    return parser


def case_files(path: Path) -> Iterator[Path]:
    """The case files at ``path``: the file itself, or under a directory (recursively, in
    name order, hidden directories skipped) every YAML file that names the ``cg.cases/``
    format.

    Raises:
        FileNotFoundError: ``path`` does not exist.
    """
    if path.is_file():
        yield path
        return
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no such file or directory")
    for found in sorted(path.rglob("*")):
        hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
        if found.suffix not in _SUFFIXES or hidden or not found.is_file():
            continue
        try:
            if "cg.cases/" in found.read_text(encoding="utf-8", errors="replace"):
                yield found
        except OSError:
            continue


def _problem(error: Exception) -> str:
    """Why a case could not be run, naming the field for an input that did not validate."""
    if isinstance(error, ValidationError):
        lines = [f"the input is not a valid {error.title}:"]
        for e in error.errors():
            loc = ".".join(str(x) for x in e["loc"]) or "(input)"
            lines.append(f"  {loc}: {e['msg']}")
        return "\n".join(lines)
    return f"{type(error).__name__}: {error}"


def _indent(text: str, by: str = "      ") -> str:
    return "\n".join(by + line if line else line for line in text.splitlines())


class _Tally:
    def __init__(self) -> None:
        self.passed = self.failed = self.errors = self.invalid = 0

    def summary(self) -> str:
        parts = [f"{self.passed} passed", f"{self.failed} failed"]
        if self.errors:
            parts.append(f"{self.errors} could not be run")
        if self.invalid:
            parts.append(f"{self.invalid} invalid file{'s' if self.invalid != 1 else ''}")
        return ", ".join(parts)

    @property
    def exit_code(self) -> int:
        if self.errors or self.invalid:
            return EXIT_INVALID
        return EXIT_FAILED if self.failed else EXIT_PASSED


def _run_file(path: Path, tally: _Tally, out: TextIO, quiet: bool) -> None:
    from .cases import CaseFailure, load_case_file, run_case

    try:
        spec = load_case_file(path)
        store = spec.community_store(path.parent)
    except (ValueError, OSError) as e:
        tally.invalid += 1
        out.write(f"{path}\n  INVALID\n{_indent(str(e))}\n")
        return
    lines: list[str] = []
    for case in spec.cases:
        try:
            run_case(case, path.parent, closed=spec.format == "cg.cases/1", store=store)
        except CaseFailure as e:
            tally.failed += 1
            lines.append(f"  FAILED  {case.name}\n{_indent(str(e))}")
        except Exception as e:  # a case that cannot be run is reported, never a crash
            tally.errors += 1
            lines.append(f"  ERROR   {case.name}\n{_indent(_problem(e))}")
        else:
            tally.passed += 1
            if not quiet:
                lines.append(f"  passed  {case.name}")
    if lines:
        out.write(f"{path}\n" + "\n".join(lines) + "\n")


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``cgov test`` with ``argv`` (the arguments after ``test``); return the exit code
    (0 all passed, 1 some case failed, 2 invalid case files, cases that could not be run, or
    none found).

    Examples:
        >>> import io
        >>> out = io.StringIO()
        >>> main(["-q", "tests/cases/jinjiang"], out)
        0
        >>> out.getvalue().splitlines()[-1]  # doctest: +ELLIPSIS
        '... passed, 0 failed'
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:
        return EXIT_INVALID if e.code not in (0, None) else EXIT_PASSED
    if importlib.util.find_spec("yaml") is None:
        err.write(
            "cgov test: error: reading case files needs PyYAML: "
            "pip install 'community-governance[testing]'\n"
        )
        return EXIT_INVALID
    tally = _Tally()
    found = 0
    for given in args.paths:
        try:
            files = list(case_files(Path(given)))
        except FileNotFoundError as e:
            err.write(f"cgov test: error: {e}\n")
            tally.invalid += 1
            continue
        found += len(files)
        for path in files:
            _run_file(path, tally, out, args.quiet)
    if not found:
        err.write(f"cgov test: error: no case files under {', '.join(args.paths)}\n")
        return EXIT_INVALID
    out.write(tally.summary() + "\n")
    return tally.exit_code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
