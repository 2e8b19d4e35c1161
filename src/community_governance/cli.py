"""``cgov``: check JSON inputs against the rulebooks from the command line.

Exit codes: 0 allowed, 1 denied, 2 invalid input or usage, 3 indeterminate, 4 internal error
(`EXIT_CODES`). A closed standard output (``cgov … | head -1``) ends the run quietly with the
code of what was decided before it closed; an error writing the output is never blamed on
the input. Inputs are read through `community_governance._io` (regular files or standard
input, bounded), and every input-derived text printed is escaped.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import stat
import sys
import traceback
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO, TextIO

import attrs
from pydantic import BaseModel, ValidationError

from ._cli_parser import (
    EXIT_ALLOWED,
    EXIT_CODES,
    EXIT_DENIED,
    EXIT_INDETERMINATE,
    EXIT_INTERNAL,
    EXIT_INVALID,
    FILE_FORMATS,
    parser,
)
from ._cli_store import cmd_store, store_of
from ._cli_support import Output, OutputError, PipeClosed, say, silence_stdout, tolerate_encoding
from ._datafiles import DATA_FILE_SUFFIXES
from ._escape import excerpt, json_visible, visible
from ._io import (
    ENV_MAX_DEPTH,
    ENV_MAX_INPUT_BYTES,
    ENV_MAX_RULEBOOK_BYTES,
    Limits,
    bounded_lines,
    loads_json,
    open_input,
    read_text,
)
from .batch import DEFAULT_CHUNK_SIZE, BatchSummary, WorkerDied, run_batch
from .engine import evaluate
from .errors import format_text, problems
from .exceptions import GovernanceError, InputError
from .models import SUBJECT_MODELS, Subject
from .models.procedure_run import ProcedureRun
from .rulebooks import Rulebook, builtin_rulebooks, get_rulebook, load_rulebook
from .rules.masking import new_salt
from .schemas import decision_schema
from .text import explain as explain_text
from .text import rulebooks_text, rules_text

__all__ = [
    "EXIT_ALLOWED",
    "EXIT_CODES",
    "EXIT_DENIED",
    "EXIT_INDETERMINATE",
    "EXIT_INTERNAL",
    "EXIT_INVALID",
    "format_validation_error",
    "main",
]

_EXIT = {"allowed": EXIT_ALLOWED, "denied": EXIT_DENIED, "indeterminate": EXIT_INDETERMINATE}
#: How many validation errors are listed (the rest are counted).
_MAX_ERRORS = 50


class _UsageError(Exception):
    """Bad command-line usage: exit code 2."""


def _subject_model(cli_name: str) -> type[Subject]:
    return SUBJECT_MODELS[cli_name.replace("-", "_")]


@attrs.define
class _Run:
    """One run of a command: where output goes, the limits, and the exit code of what has
    been decided so far (returned if standard output closes)."""

    out: Output
    err: TextIO
    limits: Limits
    code: int = EXIT_ALLOWED


def _limits(args: argparse.Namespace) -> Limits:
    limits = Limits.from_env()
    for option, field in (
        ("max_input_bytes", "input_bytes"),
        ("max_rulebook_bytes", "rulebook_bytes"),
        ("max_depth", "depth"),
    ):
        value = getattr(args, option, None)
        if value is not None:
            limits = attrs.evolve(limits, **{field: value})
    return limits


@contextlib.contextmanager
def _reading(source: str) -> Iterator[None]:
    """Input that exhausts the interpreter is invalid input (exit 2), not a crash."""
    try:
        yield
    except RecursionError:
        raise InputError(source, None, "nested too deeply to read") from None
    except MemoryError:
        raise InputError(source, None, "too large to hold in memory") from None


class _InvalidInput(Exception):
    """A subject that fails validation: the formatted errors (exit 2)."""


def _read_model(path: str, model: type[BaseModel], run: _Run, store: Any = None) -> Any:
    """Read, strictly parse and validate one JSON document (a subject naming its
    ``community_id`` is looked up in ``store``)."""
    with _reading(path):
        text = read_text(path, limit=run.limits.input_bytes)
        loads_json(text, path, max_depth=run.limits.depth)  # duplicate keys, NaN, depth
        try:
            if issubclass(model, Subject):
                from .store import validate_json

                return validate_json(model, text, store)
            return model.model_validate_json(text)
        except ValidationError as e:
            raise _InvalidInput(format_validation_error(e, path)) from None


def _rulebook(ref: str, run: _Run) -> Rulebook:
    if ref.lower().endswith(DATA_FILE_SUFFIXES):
        return _load_rulebook_file(ref, run.limits)
    return get_rulebook(ref)


def _load_rulebook_file(path: str, limits: Limits) -> Rulebook:
    """A rulebook file (and every file it extends), read within the limits by the strict
    readers and marked ``file``."""
    with _reading(path):
        return load_rulebook(path, limits=limits)


def format_validation_error(error: ValidationError, source: str) -> str:
    """Every validation error (the first 50) with its field path, message and a short,
    escaped excerpt of the offending input (`community_governance.errors.format_text`)."""
    return format_text(problems(error), source=source, what=error.title, limit=_MAX_ERRORS)


def _json(data: Any) -> str:
    return json_visible(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)) + "\n"


def _cmd_check(args: argparse.Namespace, run: _Run) -> int:
    if args.subject == "work-items" or args.jsonl is not None:
        return _cmd_check_batch(args, run)
    if args.file is None:
        raise _UsageError("check needs FILE, or --jsonl FILE for JSON Lines")
    for option, value in (
        ("--jobs", args.jobs),
        ("--chunk-size", args.chunk_size),
        ("--progress", args.progress),
    ):
        if value is not None:
            raise _UsageError(f"{option} goes with --jsonl FILE (a JSON Lines batch)")
    rulebook = _rulebook(args.rulebook, run)
    subject = _read_model(args.file, _subject_model(args.subject), run, store_of(args))
    decision = evaluate(subject, rulebook, args.at)
    if args.mask or args.mask_salt is not None:
        decision = decision.masked(args.mask_salt if args.mask_salt is not None else new_salt())
    run.code = _EXIT[decision.verdict]
    if args.format == "json":
        run.out.write(json_visible(decision.to_json(indent=2)) + "\n")
    else:
        text = explain_text(decision, args.lang, rulebook=rulebook)
        run.out.write(visible(text, keep_newlines=True) + "\n")
    return run.code


def _cmd_check_batch(args: argparse.Namespace, run: _Run) -> int:
    # Batch exit codes: 2 if any line is invalid, else 1 if any subject is denied, else 3 if
    # any is indeterminate, else 0 (see community_governance.batch). `work-items FILE` is
    # `work-item --jsonl FILE`, as it was before --jsonl.
    if args.file is not None and args.jsonl is not None:
        raise _UsageError("give the JSON Lines file once: FILE or --jsonl FILE")
    source = args.jsonl if args.jsonl is not None else args.file
    if source is None:
        raise _UsageError("check work-items needs FILE (JSON Lines)")
    rulebook = _rulebook(args.rulebook, run)
    summary = BatchSummary()
    limit = run.limits.input_bytes
    mask = args.mask_salt if args.mask_salt is not None else True if args.mask else None
    store = store_of(args)

    def batch(stream: BinaryIO, size: int | None) -> int:
        return run_batch(
            _lines(bounded_lines(stream, limit), source),
            rulebook,
            subject=args.subject,
            out=run.out,  # type: ignore[arg-type]  # an Output writes like a TextIO
            err=run.err,
            fmt=args.format,
            at=args.at,
            progress=args.progress,
            max_depth=run.limits.depth,
            summary=summary,
            jobs=1 if args.jobs is None else args.jobs,
            chunk_size=args.chunk_size or DEFAULT_CHUNK_SIZE,
            mask=mask,
            total_bytes=size,
            store=store,
        ).exit_code

    try:
        if source == "-":
            if sys.stdin is None:  # the process started with standard input closed
                raise InputError("-", None, "cannot read standard input: it is closed")
            stdin = getattr(sys.stdin, "buffer", None)
            if stdin is None:  # a text stream put in place of stdin (tests, embedding)
                stdin = io.BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape"))
            return batch(stdin, None)
        with open_input(source, limit=None) as stream:
            return batch(stream, _size_of(stream))
    except PipeClosed:
        # lines not checked count as indeterminate
        run.code = summary.cut_short_code
        raise
    except WorkerDied:
        run.out.flush()
        say(
            run.err,
            f"cgov: internal error: a batch worker process died after {summary.total:,} "
            "line(s) were written; the batch is incomplete",
        )
        return EXIT_INTERNAL


def _size_of(stream: BinaryIO) -> int | None:
    """The size of a regular file (for the progress bar), else ``None``."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _lines(lines: Iterator[Any], source: str) -> Iterator[Any]:
    """The input lines; a failure while reading them is the input's (exit 2)."""
    try:
        yield from lines
    except OSError as e:
        raise InputError(visible(source), None, f"cannot read: {e.strerror or e}") from None


def _cmd_rulebooks(args: argparse.Namespace, run: _Run) -> int:
    books = builtin_rulebooks()
    if args.format == "json":
        run.out.write(
            _json(
                [
                    {
                        "id": b.id,
                        "version": b.version,
                        "extends": b.parent.id if b.parent else None,
                        "title": {"zh": b.title_zh, "en": b.title_en},
                        "rules": len(b.effective_rules),
                    }
                    for b in books
                ]
            )
        )
        return EXIT_ALLOWED
    run.out.write(rulebooks_text(books, args.lang) + "\n")
    return EXIT_ALLOWED


def _cmd_rules(args: argparse.Namespace, run: _Run) -> int:
    book = _rulebook(args.rulebook, run)
    data = book.to_dict()
    if args.format == "json":
        run.out.write(_json(data))
        return EXIT_ALLOWED
    # a rulebook file's titles, reasons and citations are input: shown escaped
    run.out.write(visible(rules_text(book, args.lang), keep_newlines=True) + "\n")
    return EXIT_ALLOWED


def _cmd_procedure(args: argparse.Namespace, run: _Run) -> int:
    return _PROCEDURE_COMMANDS[args.procedure_command](args, run)


@contextlib.contextmanager
def _about(path: str, event_path: str | None = None, index: int | None = None) -> Iterator[None]:
    """An `InputError` the procedures raise about a run names the file it was read from (and
    the event file, for the event at ``index`` being appended)."""
    try:
        yield
    except InputError as e:
        key = e.key or ""
        if event_path is not None and key.startswith(f"events[{index}]"):
            raise InputError(visible(event_path), key.partition(".")[2] or None, e.reason) from None
        raise InputError(visible(path), e.key, e.reason) from None


def _read_log(path: str, run: _Run) -> ProcedureRun:
    """A run file, its hash chain verified: a log changed, reordered or cut is invalid input."""
    from .procedures import broken_link

    record: ProcedureRun = _read_model(path, ProcedureRun, run)
    broken = broken_link(record)
    if broken is not None:
        raise InputError(visible(path), f"events[{broken[0]}].previous", broken[1])
    return record


def _cmd_replay(args: argparse.Namespace, run: _Run) -> int:
    from .procedures import explain_state, people_of_events, replay

    record = _read_log(args.file, run)
    book = _rulebook(args.rulebook or record.rulebook, run)
    at = args.at if args.at is not None else dt.date.today()
    if args.until is not None and args.until > at:
        raise _UsageError(
            f"--until {args.until.isoformat()} is after {at.isoformat()} (--at, default today): "
            "the events after --at have not happened"
        )
    if record.events and not record.is_chained:
        say(
            run.err,
            f"cgov: note: {visible(args.file)}: the log is not hash-chained (its events carry "
            "no previous digest), so an event changed, removed or moved cannot be detected; "
            "`cgov procedure seal` links it",
        )
    with _about(args.file):
        # an event dated after --at (default today) is refused: it has not happened
        state = replay(record, book, at=args.at, until=args.until)
    if args.mask or args.mask_salt is not None:
        salt = args.mask_salt if args.mask_salt is not None else new_salt()
        state = state.masked(salt, people_of_events(record.events))
    when = args.until if args.until is not None else at
    text = (
        _json(state.to_dict(when))
        if args.format == "json"
        else visible(explain_state(state, when), keep_newlines=True) + "\n"
    )
    run.code = EXIT_ALLOWED if state.rejection is None else _EXIT[state.rejection.decision.verdict]
    run.out.write(text)
    return run.code


def _log_json(record: ProcedureRun) -> str:
    from .procedures import log_document

    text = json.dumps(log_document(record), ensure_ascii=False, indent=2)
    return json_visible(text) + "\n"


def _cmd_append(args: argparse.Namespace, run: _Run) -> int:
    from .procedures import Event, append_event

    if args.file == "-" and args.event == "-":
        raise _UsageError("only one of the run and the event can be read from standard input")
    record: ProcedureRun = _read_model(args.file, ProcedureRun, run)
    event: Event = _read_model(args.event, Event, run)
    with _about(args.file, args.event, len(record.events)):
        longer = append_event(record, event, at=args.at)
    run.out.write(_log_json(longer))
    return EXIT_ALLOWED


def _cmd_seal(args: argparse.Namespace, run: _Run) -> int:
    from .procedures import seal

    record: ProcedureRun = _read_model(args.file, ProcedureRun, run)
    with _about(args.file):
        sealed = seal(record, at=args.at)
    if record.is_chained:
        say(run.err, f"cgov: note: {visible(args.file)}: the log is chained already")
    run.out.write(_log_json(sealed))
    return EXIT_ALLOWED


_PROCEDURE_COMMANDS = {"replay": _cmd_replay, "append": _cmd_append, "seal": _cmd_seal}


def _cmd_verify(args: argparse.Namespace, run: _Run) -> int:
    from .schemas import validate_decision
    from .verify import verify_decision

    with _reading(args.decision):
        text = read_text(args.decision, limit=run.limits.input_bytes)
        document = loads_json(text, args.decision, max_depth=run.limits.depth)
    if not isinstance(document, dict):
        raise InputError(visible(args.decision), None, "expected a cg.decision/2 JSON object")
    validate_decision(document)
    model = SUBJECT_MODELS.get(document["subject"]["type"])
    if model is None:
        raise InputError(
            visible(args.decision),
            "subject.type",
            f"{excerpt(document['subject']['type'])} is not a subject `cgov check` takes",
        )
    subject = _read_model(args.input, model, run, store_of(args))
    rulebook = None
    if args.rulebook is not None:
        if not args.rulebook.lower().endswith(DATA_FILE_SUFFIXES):
            raise _UsageError(
                "verify --rulebook takes a rulebook file; a built-in rulebook is found by the "
                "id the Decision names"
            )
        rulebook = _load_rulebook_file(args.rulebook, run.limits)
    result = verify_decision(
        document, subject, rulebook, salt=args.mask_salt, source=visible(args.decision)
    )
    for note in result.notes:
        say(run.err, f"cgov: note: {note}")
    audit = document["audit"]
    if result.verified:
        run.code = EXIT_ALLOWED
        rb = audit["rulebook"]
        run.out.write(
            visible(
                f"verified: {document['subject']['type']} {document['subject']['id']} — made "
                f"again byte for byte from input sha256 {audit['input_sha256'][:16]}… with "
                f"rulebook {rb['id']} v{rb['version']} ({rb['kind']}, sha256 "
                f"{rb['sha256'][:16]}…)"
            )
            + "\n"
        )
    else:
        run.code = EXIT_DENIED
        run.out.write(f"not verified: {visible(result.difference or '')}\n")
    return run.code


def _cmd_schema(args: argparse.Namespace, run: _Run) -> int:
    if args.model == "decision":
        schema = decision_schema()
    elif args.model in FILE_FORMATS:
        schema = FILE_FORMATS[args.model].model_json_schema()
    else:
        schema = _subject_model(args.model).model_json_schema()
    run.out.write(_json(schema))
    return EXIT_ALLOWED


def _cmd_serve(args: argparse.Namespace, run: _Run) -> int:
    try:
        import uvicorn

        from .service import create_app
    except ImportError:
        raise _UsageError(
            "cgov serve needs the HTTP service's packages: pip install "
            "'community-governance[service]'"
        ) from None
    if args.rulebook_dir is not None and not os.path.isdir(args.rulebook_dir):
        raise _UsageError(f"--rulebook-dir {visible(args.rulebook_dir)}: not a directory")
    # built here even with --workers: a bad rulebook file or store stops cgov serve before it
    # listens (exit 2), not each worker
    app = create_app(rulebook_dir=args.rulebook_dir, limits=run.limits, store=store_of(args))
    workers = args.workers or os.cpu_count() or 1
    if workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")  # until Ctrl+C
        return EXIT_ALLOWED
    # one process per worker, each building the app from the environment (app_from_env)
    from .service import ENV_RULEBOOK_DIR, ENV_STORE

    os.environ.update(
        {
            ENV_MAX_INPUT_BYTES: str(run.limits.input_bytes),
            ENV_MAX_RULEBOOK_BYTES: str(run.limits.rulebook_bytes),
            ENV_MAX_DEPTH: str(run.limits.depth),
        }
    )
    for name, value in ((ENV_RULEBOOK_DIR, args.rulebook_dir), (ENV_STORE, args.store)):
        if value is not None:
            os.environ[name] = os.path.abspath(value)
        else:
            os.environ.pop(name, None)
    uvicorn.run(
        "community_governance.service:app_from_env",
        factory=True,
        workers=workers,
        host=args.host,
        port=args.port,
        log_level="info",
    )
    return EXIT_ALLOWED


_COMMANDS = {
    "check": _cmd_check,
    "rulebooks": _cmd_rulebooks,
    "rules": _cmd_rules,
    "schema": _cmd_schema,
    "procedure": _cmd_procedure,
    "verify": _cmd_verify,
    "serve": _cmd_serve,
    "store": cmd_store,
}


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``cgov`` with ``argv``; return the exit code (`EXIT_CODES`: 0 allowed, 1 denied,
    2 invalid, 3 indeterminate, 4 internal error)."""
    real_stdout = out is None
    if real_stdout:
        tolerate_encoding(sys.stdout)
    err = err if err is not None else sys.stderr
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["test"]:
        # `cgov test PATH...` passes everything after it to the case-file runner unparsed
        from .testing.runner import main as run_case_files

        return run_case_files(words[1:], out if out is not None else sys.stdout, err)
    try:
        args = parser().parse_args(argv)
    except SystemExit as e:
        return EXIT_INVALID if e.code not in (0, None) else EXIT_ALLOWED
    run = _Run(Output(out if out is not None else sys.stdout), err, Limits())
    try:
        run.limits = _limits(args)
        code = _COMMANDS[args.command](args, run)
        run.out.flush()
        return code
    except PipeClosed:
        if real_stdout:
            silence_stdout()
        return run.code
    except OutputError as e:
        say(err, f"cgov: error: cannot write the output: {visible(e.reason)}")
        return EXIT_INTERNAL
    except _InvalidInput as e:
        say(err, str(e))
    except (GovernanceError, _UsageError) as e:
        message = visible(str(e))
        say(err, f"cgov: error: {message if len(message) <= 1000 else message[:999] + '…'}")
    except KeyboardInterrupt:
        say(err, "cgov: interrupted")
        return 130
    except Exception as e:
        if getattr(args, "traceback", False):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                traceback.print_exception(e, file=err)
        detail = visible(str(e))[:200]
        say(err, f"cgov: internal error: {type(e).__name__}: {detail} (rerun with --traceback)")
        return EXIT_INTERNAL
    return EXIT_INVALID


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
