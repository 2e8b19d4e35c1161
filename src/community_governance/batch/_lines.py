"""One line of a JSON Lines batch: read strictly, validated, judged, and its output line.

A `LineChecker` holds what is the same for every line of a batch (the subject model, the
rulebook, the date, the masking salt, the depth limit, the community store): it is what a
worker process is given once, and it is the one place a line becomes a subject
(`LineChecker.load`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs
from pydantic import ValidationError

from .._escape import json_visible, visible
from .._io import DEFAULT_MAX_DEPTH, OverlongLine, loads_json
from ..engine import evaluate
from ..errors import Problem, format_text, problems
from ..exceptions import InputError, UnknownReferenceError
from ..labels import LABELS
from ..models import SUBJECT_MODELS, Subject
from ..rulebooks import Rulebook, get_rulebook
from ..rules.decision import Decision
from ..store import CommunityStore, validate_json

__all__ = [
    "BATCH_ERROR_FORMAT",
    "Line",
    "LineChecker",
    "LineRecord",
    "LineResult",
    "numbered",
    "subject_model",
]

BATCH_ERROR_FORMAT = "cg.batch-error/1"
#: A line as read: text, UTF-8 bytes, or the stand-in for one over the size limit.
Line = str | bytes | OverlongLine
_ACCESS_ZH = {"allowed": "准入", "denied": "不予准入", "indeterminate": "无法判定"}


def subject_model(subject: str | type[Subject]) -> type[Subject]:
    """The model of a subject type: given by its name (``work_item``), its command-line
    name (``work-item``, and ``work-items`` for the JSON Lines of work items) or the model.

    Raises:
        UnknownReferenceError: no subject type of that name.

    Examples:
        >>> subject_model("work-items").__name__, subject_model("body").__name__
        ('WorkItem', 'BodyComposition')
    """
    if isinstance(subject, type) and subject in SUBJECT_MODELS.values():
        return subject
    name = str(subject).replace("-", "_")
    found = SUBJECT_MODELS.get("work_item" if name == "work_items" else name)
    if found is None:
        raise UnknownReferenceError(
            "subject type", visible(str(subject)), tuple(sorted(SUBJECT_MODELS))
        )
    return found


def _book(rulebook: Rulebook | str) -> Rulebook:
    return get_rulebook(rulebook) if isinstance(rulebook, str) else rulebook


@attrs.frozen(slots=True)
class LineResult:
    """The outcome of one input line: a Decision, or why the line is invalid.

    Attributes:
        line: the 1-based line number in the input.
        decision: the Decision, or ``None`` if the line is invalid.
        error: what is wrong with the line (field paths and messages), or ``None``.
        problems: the same, one located `Problem` each (``loc`` into the line's document).
    """

    line: int
    decision: Decision | None = None
    error: str | None = None
    problems: tuple[Problem, ...] = ()

    def to_json(self) -> str:
        """One output line: the compact ``cg.decision/2`` document, or a
        ``cg.batch-error/1`` one (``line``, ``error`` and the located ``problems``)."""
        if self.decision is not None:
            return self.decision.to_json(indent=None)
        return json.dumps(
            {
                "format": BATCH_ERROR_FORMAT,
                "line": self.line,
                "error": self.error,
                "problems": [p.to_dict() for p in self.problems],
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    def record(self) -> LineRecord:
        """What a batch writes and counts for this line (the JSON already made)."""
        d = self.decision
        if d is None:
            return LineRecord(
                self.line, None, None, (), (), json_visible(self.to_json()), self.error
            )
        return LineRecord(
            self.line,
            d.verdict,
            d.subject_id,
            tuple(f.rule for f in d.denials),
            tuple(f.rule for f in d.unresolved),
            json_visible(self.to_json()),
            None,
        )

    def text(self) -> str:
        """One line for people: line number, subject, verdict and the reasons (准入 words
        for a work item)."""
        d = self.decision
        return self.record().text(access=d is None or d.subject_type == "work_item")


@attrs.frozen(slots=True)
class LineRecord:
    """One line of a batch as it is written and counted: small, so that worker processes
    send these (the JSON made where the Decision was) rather than whole Decisions.

    Attributes:
        line: the 1-based line number in the input.
        verdict: ``allowed``, ``denied`` or ``indeterminate``; ``None`` for an invalid line.
        subject_id: the id of the subject judged.
        denials: the rules that denied.
        unresolved: the rules that could not be judged.
        json: the output line (``cg.decision/2`` or ``cg.batch-error/1``), terminal controls
            escaped.
        error: for an invalid line, what is wrong with it.
    """

    line: int
    verdict: Literal["allowed", "denied", "indeterminate"] | None
    subject_id: str | None
    denials: tuple[str, ...]
    unresolved: tuple[str, ...]
    json: str
    error: str | None = None

    def text(self, access: bool = True) -> str:
        """One line for people (``access``: the 准入 words of a work-item list)."""
        if self.verdict is None:
            return f"第{self.line}行 line {self.line}: 输入无效 invalid: {self.error}"
        zh = _ACCESS_ZH[self.verdict] if access else LABELS["verdict"][self.verdict]["zh"]
        tail = ""
        if self.denials:
            tail = f" — 原因 reasons: {', '.join(self.denials)}"
        elif self.unresolved:
            tail = f" — 待定 unresolved: {', '.join(self.unresolved)}"
        return (
            f"第{self.line}行 line {self.line}: {visible(self.subject_id or '')}: "
            f"{zh} {self.verdict}{tail}"
        )


def _error_text(found: list[Problem]) -> str:
    return format_text(found, limit=None, separator="; ", top="(line)")


def _unreadable(line: Line, max_depth: int) -> tuple[str, Problem | None]:
    """The line as text, and what makes it unreadable (``None`` if nothing does)."""
    if isinstance(line, OverlongLine):
        reason = f"line of {line.length:,} bytes, longer than the limit: not read"
        return "", Problem((), "line_too_long", reason)
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as e:
            reason = f"not UTF-8 text: byte {line[e.start]:#04x} at offset {e.start}"
            return "", Problem((), "utf8_invalid", reason)
    try:
        loads_json(line, "line", max_depth=max_depth)
    except InputError as e:
        loc: tuple[str | int, ...] = tuple(e.key.split(".")) if e.key else ()
        return line, Problem(loc, "json_invalid", e.reason)
    except RecursionError:  # pragma: no cover - loads_json measures depth before parsing
        return line, Problem((), "json_invalid", "nested too deeply to read")
    return line, None


@attrs.frozen
class LineChecker:
    """Checks one line at a time; the same for every line of a batch (and picklable, so a
    worker process is given it once).

    Attributes:
        model: the subject model each line must be.
        rulebook: the rulebook applied.
        at: the date the law is applied as of; ``None``: each subject's own date.
        mask_salt: mask person ids and personal evidence with this salt (one per run);
            ``None``: no masking.
        max_depth: deepest nesting of a line's objects and arrays.
        store: the community store a line's ``community_id`` is looked up in
            (`community_governance.store`); ``None``: a line naming one is invalid.
    """

    model: type[Subject]
    rulebook: Rulebook
    at: dt.date | None = None
    mask_salt: bytes | str | None = None
    max_depth: int = DEFAULT_MAX_DEPTH
    store: CommunityStore | None = None

    @classmethod
    def of(
        cls,
        subject: str | type[Subject],
        rulebook: Rulebook | str,
        at: dt.date | None = None,
        *,
        mask_salt: bytes | str | None = None,
        max_depth: int = DEFAULT_MAX_DEPTH,
        store: CommunityStore | None = None,
    ) -> LineChecker:
        """A checker for a subject type (name or model) and a rulebook (or its id)."""
        return cls(subject_model(subject), _book(rulebook), at, mask_salt, max_depth, store)

    def load(self, text: str) -> Subject:
        """The subject of one line of (strict, already checked) JSON text: the one place a
        batch line becomes a model.

        A line naming its community by ``community_id`` takes the version in force on the
        subject's own date from `store`.

        Raises:
            ValidationError: the line is not a valid subject.
        """
        return validate_json(self.model, text, self.store)

    def check(self, number: int, line: Line) -> LineResult:
        """The `LineResult` of input line ``number``."""
        text, problem = _unreadable(line, self.max_depth)
        if problem is not None:
            shown = f"{problem.path}: {problem.message}" if problem.loc else problem.message
            return LineResult(number, error=shown, problems=(problem,))
        try:
            subject = self.load(text)
        except ValidationError as e:
            found = problems(e)
            return LineResult(number, error=_error_text(found), problems=tuple(found))
        decision = evaluate(subject, self.rulebook, self.at)
        if self.mask_salt is not None:
            decision = decision.masked(self.mask_salt)
        return LineResult(number, decision=decision)

    def check_all(self, lines: Iterable[tuple[int, Line]]) -> list[LineResult]:
        """`check` each numbered line."""
        return [self.check(n, line) for n, line in lines]

    def records(self, lines: Iterable[tuple[int, Line]]) -> list[LineRecord]:
        """The `LineRecord` of each numbered line."""
        return [self.check(n, line).record() for n, line in lines]


def _blank(line: Line) -> bool:
    return not isinstance(line, OverlongLine) and not line.strip()


def numbered(lines: Iterable[Line]) -> Iterator[tuple[int, Line]]:
    """The non-blank lines with their 1-based line numbers (blank lines are skipped but
    counted, so numbers are those of the input file)."""
    for n, line in enumerate(lines, start=1):
        if not _blank(line):
            yield n, line


def mask_of(mask: bool | bytes | str | None) -> bytes | str | None:
    """The salt for ``mask``: ``True`` a new random one, a salt itself, or no masking."""
    if mask is True:
        from ..rules.masking import new_salt

        return new_salt()
    return None if mask is False or mask is None else mask
