"""The ``cgov`` command line: exit codes, options and the argument parser."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from pydantic import BaseModel

from ._escape import excerpt
from ._io import ENV_MAX_DEPTH, ENV_MAX_INPUT_BYTES, ENV_MAX_RULEBOOK_BYTES, parse_size
from ._version import __version__
from .exceptions import InputError
from .labels import LANGS
from .models import SUBJECT_MODELS, Community
from .models.procedure_run import ProcedureRun
from .rulebooks import BUILTIN_RULEBOOKS
from .rulebooks._files import RulebookFile, WorkItemListsFile
from .testing.cases import CaseFile

__all__ = [
    "EXIT_ALLOWED",
    "EXIT_CODES",
    "EXIT_DENIED",
    "EXIT_INDETERMINATE",
    "EXIT_INTERNAL",
    "EXIT_INVALID",
    "FILE_FORMATS",
    "cli_name",
    "parser",
]

EXIT_ALLOWED, EXIT_DENIED, EXIT_INVALID, EXIT_INDETERMINATE, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_CODES: dict[int, str] = {
    EXIT_ALLOWED: "allowed (verify: verified; rulebooks, rules, schema: listed)",
    EXIT_DENIED: "denied (verify: the Decision differs)",
    EXIT_INVALID: "invalid input or usage: nothing was judged",
    EXIT_INDETERMINATE: "indeterminate",
    EXIT_INTERNAL: "internal error: a bug or a failed write, never a verdict",
}
"""Every exit code of ``cgov`` and its meaning."""
_EPILOG = (
    "exit codes:\n"
    + "".join(f"  {code}  {meaning}\n" for code, meaning in EXIT_CODES.items())
    + "  a closed standard output (cgov … | head -1) ends quietly, with the code of what was\n"
    "  decided before it closed (a batch cut short: 2 or 1 if seen, else 3).\n"
    "limits: --max-input-bytes (default 64M), --max-rulebook-bytes (8M), --max-depth (64),\n"
    f"  or {ENV_MAX_INPUT_BYTES}, {ENV_MAX_RULEBOOK_BYTES}, {ENV_MAX_DEPTH}."
)


def _common(top: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after the command name."""
    p = argparse.ArgumentParser(add_help=False)
    unset: Any = None if top else argparse.SUPPRESS
    p.add_argument(
        "--traceback",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="on an internal error, print the traceback",
    )
    p.add_argument(
        "--max-input-bytes",
        type=_size,
        default=unset,
        metavar="SIZE",
        help=f"largest input read, e.g. 64M (default 64M; env {ENV_MAX_INPUT_BYTES})",
    )
    p.add_argument(
        "--max-rulebook-bytes",
        type=_size,
        default=unset,
        metavar="SIZE",
        help=f"largest rulebook file read (default 8M; env {ENV_MAX_RULEBOOK_BYTES})",
    )
    p.add_argument(
        "--max-depth",
        type=_depth,
        default=unset,
        metavar="N",
        help=f"deepest nesting of objects/arrays read (default 64; env {ENV_MAX_DEPTH})",
    )
    return p


def parser() -> argparse.ArgumentParser:
    common = [_common(top=False)]
    parser = argparse.ArgumentParser(
        prog="cgov",
        description="城乡社区治理规则检查 — check community-governance inputs against rulebooks.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_common(top=True)],
    )
    parser.add_argument(
        "--version", action="version", version=f"cgov (community-governance) {__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser(
        "check", help="check one input file and print the Decision", parents=common
    )
    check.add_argument(
        "subject",
        choices=sorted([*(cli_name(s) for s in SUBJECT_MODELS), "work-items"]),
        help="what the file holds (work-items: JSON Lines, one work item per line)",
    )
    check.add_argument(
        "file",
        nargs="?",
        default=None,
        help="the input JSON file ('-' for standard input); JSON Lines: --jsonl",
    )
    _batch_args(check)
    _rulebook_arg(check)
    check.add_argument(
        "--at",
        type=_date,
        default=None,
        help="apply the law as of this date (YYYY-MM-DD); default: the "
        "subject's own date (a proposal's submitted_on, a body's as_of)",
    )
    _format_arg(check)
    _lang_arg(check)
    check.add_argument(
        "--mask",
        action="store_true",
        help="replace person ids, names and personal evidence by salted digests (P-…), the "
        "same for one person throughout the run",
    )
    check.add_argument(
        "--mask-salt",
        default=None,
        metavar="SALT",
        help="the salt for --mask (implies it); default: random for each run",
    )

    sub.add_parser(
        "test",
        help="run case files (cg.cases/2) under the paths given; exit 0 all passed, 1 a case "
        "failed, 2 invalid case files (cgov test --help)",
    )

    books = sub.add_parser("rulebooks", help="list the built-in rulebooks", parents=common)
    _format_arg(books)
    _lang_arg(books)

    rules = sub.add_parser(
        "rules", help="list a rulebook's rules, citations and parameters", parents=common
    )
    _rulebook_arg(rules)
    _format_arg(rules)
    _lang_arg(rules)

    verify = sub.add_parser(
        "verify",
        help="make a Decision again from its input and compare byte for byte",
        parents=common,
        epilog="exit codes: 0 verified, 1 the Decision differs (the first difference is "
        "printed), 2 invalid input or usage, 4 internal error",
    )
    verify.add_argument("decision", help="the cg.decision/2 JSON file")
    verify.add_argument("input", help="the input it was made from ('-' for standard input)")
    verify.add_argument(
        "--rulebook",
        default=None,
        help="the rulebook file, for a Decision made with a file rulebook (a built-in one is "
        "found by the id the Decision names)",
    )
    verify.add_argument(
        "--mask-salt", default=None, metavar="SALT", help="the salt of a masked Decision"
    )

    procedure = sub.add_parser("procedure", help="procedure runs (state machines)")
    procedure_sub = procedure.add_subparsers(dest="procedure_command", required=True)
    replay = procedure_sub.add_parser(
        "replay",
        help="replay a cg.procedure-run/1 file into its state and any rejection",
        parents=common,
        epilog="exit codes: 0 every event accepted, 1 one refused, 3 one could not be shown "
        "lawful, 2 invalid input (an event dated after --at, a broken hash chain)",
    )
    replay.add_argument("file", help="the run JSON file ('-' for standard input)")
    replay.add_argument(
        "--rulebook", default=None, help="override the rulebook named in the file (id or file)"
    )
    _log_at_arg(replay)
    replay.add_argument(
        "--until",
        type=_date,
        default=None,
        help="the run as it stood on this date (on or before --at): replay the events up to it "
        "and report next steps and due items as of it",
    )
    _format_arg(replay)
    replay.add_argument(
        "--mask",
        action="store_true",
        help="replace person ids, names and personal evidence in the Decisions by salted "
        "digests (P-…), the same for one person throughout the run",
    )
    replay.add_argument(
        "--mask-salt",
        default=None,
        metavar="SALT",
        help="the salt for --mask (implies it); default: random for each run",
    )
    append = procedure_sub.add_parser(
        "append",
        help="print a chained run file with one event appended, linked to its last event",
        parents=common,
        description="Append EVENT to the hash-chained log RUN and print the new log (write it "
        "to a new file, then replace the old one). The event is recorded, not judged: replay "
        "judges it.",
    )
    append.add_argument("file", help="the cg.procedure-run/1 file ('-' for standard input)")
    append.add_argument("event", help="the event JSON file ('-' for standard input)")
    _log_at_arg(append)
    seal = procedure_sub.add_parser(
        "seal",
        help="print a run file with its events hash-chained (a legacy log without links)",
        parents=common,
        description="Link each event of a legacy log to the event before it and print the "
        "chained log; a chained log is printed as it is. Seal a log you trust, once.",
    )
    seal.add_argument("file", help="the cg.procedure-run/1 file ('-' for standard input)")
    _log_at_arg(seal)

    schema = sub.add_parser(
        "schema", help="print the JSON Schema of an input or output format", parents=common
    )
    schema.add_argument(
        "model",
        choices=sorted(
            [
                *(cli_name(s) for s in SUBJECT_MODELS),
                *FILE_FORMATS,
                "decision",
            ]
        ),
    )
    serve = sub.add_parser(
        "serve",
        help="run the HTTP service (needs the service extra: pip install "
        "'community-governance[service]')",
        parents=common,
        epilog="routes: POST /v1/check/{subject}?rulebook=ID&at=DATE, GET /v1/rulebooks, "
        "GET /v1/rulebooks/{id}/rules, GET /v1/schemas/{name}, POST /v1/procedures/replay; "
        "the OpenAPI document at /openapi.json, interactive docs at /docs. Stop with Ctrl+C.",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1: this machine only)",
    )
    serve.add_argument(
        "--port", type=_port, default=8000, help="the port (default 8000; 0: any free port)"
    )
    serve.add_argument(
        "--rulebook-dir",
        default=None,
        metavar="DIR",
        help="offer the rulebook files (.toml/.yaml) of DIR besides the built-in rulebooks",
    )
    serve.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="server processes (0: one per CPU; default 1): one process answers one request "
        "at a time, the work being CPU-bound",
    )
    from ._cli_store import add_store_parsers

    add_store_parsers(sub, common, [check, verify, serve])
    return parser


FILE_FORMATS: dict[str, type[BaseModel]] = {
    "community": Community,
    "rulebook-file": RulebookFile,
    "work-item-lists-file": WorkItemListsFile,
    "case-file": CaseFile,
    "procedure-run": ProcedureRun,
}


def cli_name(subject_type: str) -> str:
    return subject_type.replace("_", "-")


def _batch_args(check: argparse.ArgumentParser) -> None:
    """``cgov check SUBJECT --jsonl FILE``: the batch options."""
    batch = check.add_argument_group(
        "JSON Lines batch",
        "one subject a line in, one compact JSON document (--format json) or text line a line "
        "out, in input order, and a summary; exit 2 if any line is invalid, else 1 if any "
        "denied, else 3 if any indeterminate, else 0",
    )
    batch.add_argument(
        "--jsonl",
        default=None,
        metavar="FILE",
        help="check every line of this JSON Lines file ('-' for standard input)",
    )
    batch.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="check the lines in N worker processes (0: one per CPU; default 1); the output "
        "is the same byte for byte",
    )
    batch.add_argument(
        "--chunk-size",
        type=_positive,
        default=None,
        metavar="N",
        help="lines sent to a worker at a time (default 256)",
    )
    batch.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on standard error (default: only when it is a terminal)",
    )


def _jobs(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(
            f"expected a whole number, 0 for one per CPU (got {excerpt(text)})"
        )
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 (got {excerpt(text)})")
    return int(text)


def _rulebook_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--rulebook",
        required=True,
        help=f"a built-in rulebook id ({', '.join(BUILTIN_RULEBOOKS)}) or a rulebook "
        "file (.toml/.yaml)",
    )


def _lang_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=LANGS,
        default="zh+en",
        help="language of text output: zh, en or zh+en (default: Chinese with English alongside)",
    )


def _format_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (Chinese with English alongside) or json",
    )


def _log_at_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--at",
        type=_date,
        default=None,
        help="the day the log is read as of (default: today): an event dated after it is "
        "refused, and next steps and due items are reported as of it",
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date YYYY-MM-DD (got {excerpt(text)})"
        ) from None


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except InputError as e:
        raise argparse.ArgumentTypeError(e.reason) from None


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port 0-65535 (got {excerpt(text)})")
    return int(text)


def _depth(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number (got {excerpt(text)})")
    return int(text)


def _workers(text: str) -> int:
    """``--workers N``: 0 (one per CPU) or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected 0 or a positive whole number (got {text!r})")
    return int(text)
