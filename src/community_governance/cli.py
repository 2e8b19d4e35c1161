"""``cgov``: check JSON inputs against the rulebooks from the command line.

Exit codes: 0 allowed, 1 denied, 2 invalid input or usage, 3 indeterminate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from pydantic import BaseModel, ValidationError

from .batch import run_batch
from .engine import evaluate
from .exceptions import GovernanceError
from .models import SUBJECT_MODELS, Community, Subject
from .models.procedure_run import ProcedureRun
from .rulebooks import BUILTIN_RULEBOOKS, Rulebook, builtin_rulebooks, get_rulebook, load_rulebook
from .rulebooks._files import RulebookFile, WorkItemListsFile
from .schemas import decision_schema
from .testing.cases import CaseFile

__all__ = ["EXIT_ALLOWED", "EXIT_DENIED", "EXIT_INDETERMINATE", "EXIT_INVALID", "main"]

EXIT_ALLOWED, EXIT_DENIED, EXIT_INVALID, EXIT_INDETERMINATE = 0, 1, 2, 3
_EXIT = {"allowed": EXIT_ALLOWED, "denied": EXIT_DENIED, "indeterminate": EXIT_INDETERMINATE}
_RULEBOOK_SUFFIXES = (".toml", ".yaml", ".yml")


class _UsageError(Exception):
    """Bad command-line usage or unreadable input: exit code 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cgov",
        description="城乡社区治理规则检查 — check community-governance inputs against rulebooks.",
        epilog="exit codes: 0 allowed, 1 denied, 2 invalid input or usage, 3 indeterminate",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check one input file and print the Decision")
    check.add_argument(
        "subject",
        choices=sorted([*(_cli_name(s) for s in SUBJECT_MODELS), "work-items"]),
        help="what the file holds (work-items: JSON Lines, one work item per line)",
    )
    check.add_argument("file", help="the input JSON file ('-' for standard input)")
    _rulebook_arg(check)
    check.add_argument(
        "--at",
        type=_date,
        default=None,
        help="apply the law as of this date (YYYY-MM-DD); default: the "
        "subject's own date (a proposal's submitted_on, a body's as_of)",
    )
    _format_arg(check)

    books = sub.add_parser("rulebooks", help="list the built-in rulebooks")
    _format_arg(books)

    rules = sub.add_parser("rules", help="list a rulebook's rules, citations and parameters")
    _rulebook_arg(rules)
    _format_arg(rules)

    procedure = sub.add_parser("procedure", help="procedure runs (state machines)")
    procedure_sub = procedure.add_subparsers(dest="procedure_command", required=True)
    replay = procedure_sub.add_parser(
        "replay", help="replay a cg.procedure-run/1 file into its state and any rejection"
    )
    replay.add_argument("file", help="the run JSON file ('-' for standard input)")
    replay.add_argument(
        "--rulebook", default=None, help="override the rulebook named in the file (id or file)"
    )
    replay.add_argument(
        "--at",
        type=_date,
        default=None,
        help="the run as it stood on this date: replay the events up to it and report next steps "
        "and due items as of it (default: all events, as of the last event's day)",
    )
    _format_arg(replay)

    schema = sub.add_parser("schema", help="print the JSON Schema of an input or output format")
    schema.add_argument(
        "model",
        choices=sorted(
            [
                *(_cli_name(s) for s in SUBJECT_MODELS),
                *_FILE_FORMATS,
                "decision",
            ]
        ),
    )
    return parser


_FILE_FORMATS: dict[str, type[BaseModel]] = {
    "community": Community,
    "rulebook-file": RulebookFile,
    "work-item-lists-file": WorkItemListsFile,
    "case-file": CaseFile,
    "procedure-run": ProcedureRun,
}


def _cli_name(subject_type: str) -> str:
    return subject_type.replace("_", "-")


def _subject_model(cli_name: str) -> type[Subject]:
    return SUBJECT_MODELS[cli_name.replace("-", "_")]


def _rulebook_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--rulebook",
        required=True,
        help=f"a built-in rulebook id ({', '.join(BUILTIN_RULEBOOKS)}) or a rulebook "
        "file (.toml/.yaml)",
    )


def _format_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (Chinese with English alongside) or json",
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD (got {text!r})") from None


def _rulebook(ref: str) -> Rulebook:
    if ref.lower().endswith(_RULEBOOK_SUFFIXES):
        return load_rulebook(ref)
    return get_rulebook(ref)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise _UsageError(f"{path}: cannot read: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise _UsageError(f"{path}: not UTF-8 text: {e}") from None


def format_validation_error(error: ValidationError, source: str) -> str:
    """Every validation error with its field path, message and the offending input."""
    lines = [f"{source}: {error.error_count()} validation error(s) in {error.title}:"]
    for e in error.errors():
        path = ".".join(str(x) for x in e["loc"]) or "(top level)"
        got = repr(e.get("input"))
        if len(got) > 80:
            got = got[:77] + "..."
        lines.append(f"  {path}: {e['msg']} (got {got})")
    return "\n".join(lines)


def _dump(data: Any, out: TextIO) -> None:
    out.write(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n")


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    model = _subject_model(args.subject)
    rulebook = _rulebook(args.rulebook)
    text = _read(args.file)
    subject = model.model_validate_json(text)
    decision = evaluate(subject, rulebook, args.at)
    out.write((decision.to_json(indent=2) if args.format == "json" else decision.explain()) + "\n")
    return _EXIT[decision.verdict]


def _cmd_check_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # Batch exit codes: 2 if any line is invalid, else 1 if any item is refused, else 3 if
    # any is indeterminate, else 0 (see community_governance.batch).
    rulebook = _rulebook(args.rulebook)
    if args.file == "-":
        return run_batch(
            sys.stdin.buffer, rulebook, out=out, err=err, fmt=args.format, at=args.at
        ).exit_code
    try:
        with Path(args.file).open("rb") as lines:
            summary = run_batch(lines, rulebook, out=out, err=err, fmt=args.format, at=args.at)
    except OSError as e:
        raise _UsageError(f"{args.file}: cannot read: {e.strerror}") from None
    return summary.exit_code


def _cmd_rulebooks(args: argparse.Namespace, out: TextIO) -> int:
    books = builtin_rulebooks()
    if args.format == "json":
        _dump(
            [
                {
                    "id": b.id,
                    "version": b.version,
                    "extends": b.parent.id if b.parent else None,
                    "title": {"zh": b.title_zh, "en": b.title_en},
                    "rules": len(b.effective_rules),
                }
                for b in books
            ],
            out,
        )
        return EXIT_ALLOWED
    for b in books:
        parent = f" (extends {b.parent.id})" if b.parent else ""
        out.write(
            f"{b.id} v{b.version}{parent}: {len(b.effective_rules)} rules\n"
            f"  {b.title_zh}\n  {b.title_en}\n"
        )
    return EXIT_ALLOWED


def _cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    book = _rulebook(args.rulebook)
    data = book.to_dict()
    if args.format == "json":
        _dump(data, out)
        return EXIT_ALLOWED
    out.write(f"{book.id} v{book.version} — {book.title_zh} / {book.title_en}\n")
    for r in data["rules"]:
        level = "" if r["severity"] == "must" else " [原则上 advisory]"
        span = f"{r['valid_from'] or '…'} – {r['valid_to'] or '…'}"
        scope = r["scope_text"]
        out.write(
            f"\n{r['id']} ({r['kind']}, {scope}){level}  in force {span}\n"
            f"  {r['title']['zh']}\n  {r['title']['en']}\n"
        )
        if r["tables"]:
            out.write(f"  表 tables: {', '.join(r['tables'])}\n")
        for c in r["citations"]:
            out.write(f"  依据 source: {c['source']} {c['locator']} “{c['quote']}”\n")
        for p in r["parameters"]:
            out.write(f"  参数 parameter {p['name']} ({p['title']['zh']}):\n")
            for v in p["versions"]:
                out.write(
                    f"    {v['value']}  {v['valid_from']} – {v['valid_to'] or '…'}  "
                    f"[{v['citation']['source']} {v['citation']['locator']}]\n"
                )
    for r in data["replaced"]:
        out.write(
            f"\nreplaced {r['rule']} by {r['by']} in {r['in']}: {r['reason']} "
            f"[{r['citation']['source']} {r['citation']['locator']}]\n"
        )
    for d in data["disabled"]:
        out.write(f"\ndisabled {d['rule']}: {d['reason']}\n")
    return EXIT_ALLOWED


def _cmd_procedure(args: argparse.Namespace, out: TextIO) -> int:
    from .procedures import ProcedureRun, explain_state, replay

    run = ProcedureRun.model_validate_json(_read(args.file))
    # --at asks for the run as it stood that day: later events have not happened yet
    state = replay(run, _rulebook(args.rulebook or run.rulebook), until=args.at)
    if args.format == "json":
        _dump(state.to_dict(args.at), out)
    else:
        out.write(explain_state(state, args.at) + "\n")
    if state.rejection is None:
        return EXIT_ALLOWED
    return _EXIT[state.rejection.decision.verdict]


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    if args.model == "decision":
        schema = decision_schema()
    elif args.model in _FILE_FORMATS:
        schema = _FILE_FORMATS[args.model].model_json_schema()
    else:
        schema = _subject_model(args.model).model_json_schema()
    _dump(schema, out)
    return EXIT_ALLOWED


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``cgov`` with ``argv``; return the exit code (0 allowed, 1 denied, 2 invalid, 3
    indeterminate)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:
        return EXIT_INVALID if e.code not in (0, None) else EXIT_ALLOWED
    handler = {
        "check": _cmd_check,
        "rulebooks": _cmd_rulebooks,
        "rules": _cmd_rules,
        "schema": _cmd_schema,
        "procedure": _cmd_procedure,
    }[args.command]
    try:
        if args.command == "check" and args.subject == "work-items":
            return _cmd_check_batch(args, out, err)
        return handler(args, out)
    except ValidationError as e:
        err.write(format_validation_error(e, getattr(args, "file", "input")) + "\n")
    except (GovernanceError, _UsageError) as e:
        err.write(f"cgov: error: {e}\n")
    return EXIT_INVALID


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
