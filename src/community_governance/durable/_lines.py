"""The lines a monitor reads (JSON Lines): validated by the library's models before anything
reaches durable_rules, so that a mistyped field is a `pydantic.ValidationError`, never a rule
that silently does not match."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag, TypeAdapter

from ..models import Disclosure, Id, Meeting, StrictModel
from ..models.procedure_run import Event

__all__ = [
    "AnyLine",
    "ClockLine",
    "DisclosureLine",
    "Line",
    "MeetingLine",
    "RemovalLine",
    "StepLine",
    "parse_line",
    "read_lines",
]

_RULEBOOK = Field(
    default=None,
    description="The rulebook the line is for (a built-in id); a monitor refuses another's.",
)


class StepLine(StrictModel):
    """A step taken in a run: the run's id and one `Event`, as in ``cg.procedure-run/1``."""

    rulebook: str | None = _RULEBOOK
    run: Id = Field(description="The run's id (e.g. the proposal number).")
    procedure: Id = Field(default="major-matter", description="The procedure id in the rulebook.")
    community: Id | None = Field(
        default=None,
        description="The community the run belongs to: the key of its assemblies' timers "
        "(default: the community of a proposal the run carries).",
    )
    event: Event = Field(description="The step taken.")


class RemovalLine(StrictModel):
    """The posting of a run's result taken down (撤下) on a day."""

    rulebook: str | None = _RULEBOOK
    run: Id = Field(description="The run whose posted result was taken down.")
    removed_on: dt.date = Field(description="The first day it was no longer posted.")


class MeetingLine(StrictModel):
    """An assembly met: the meeting record, judged, and the assembly's next meeting timed."""

    rulebook: str | None = _RULEBOOK
    community: Id = Field(description="The community whose assembly met.")
    meeting: Meeting = Field(description="The meeting record.")


class DisclosureLine(StrictModel):
    """A notice board's record (居务/村务公开) as of a day, judged now and re-judged monthly."""

    rulebook: str | None = _RULEBOOK
    disclosure: Disclosure = Field(description="The board's record; its id is the board.")


class ClockLine(StrictModel):
    """Time passes: the monitor's clock moves to ``clock`` and fires the deadlines due."""

    clock: dt.date = Field(description="The new day (never before the current one).")


_TAGS: tuple[tuple[str, type[StrictModel]], ...] = (
    ("event", StepLine),
    ("removed_on", RemovalLine),
    ("meeting", MeetingLine),
    ("disclosure", DisclosureLine),
    ("clock", ClockLine),
)


def _kind(value: Any) -> str | None:
    """The line's kind, from the one key that tells it (or the model it already is)."""
    if isinstance(value, Mapping):
        return next((key for key, _ in _TAGS if key in value), None)
    return next((key for key, model in _TAGS if isinstance(value, model)), None)


#: One line of a monitored stream: told apart by the key it carries (``event``,
#: ``removed_on``, ``meeting``, ``disclosure`` or ``clock``).
Line = Annotated[
    Annotated[StepLine, Tag("event")]
    | Annotated[RemovalLine, Tag("removed_on")]
    | Annotated[MeetingLine, Tag("meeting")]
    | Annotated[DisclosureLine, Tag("disclosure")]
    | Annotated[ClockLine, Tag("clock")],
    Discriminator(
        _kind,
        custom_error_type="line_kind",
        custom_error_message="a line carries one of the keys event, removed_on, meeting, "
        "disclosure or clock",
    ),
]


#: A validated line: one of the line models.
AnyLine = StepLine | RemovalLine | MeetingLine | DisclosureLine | ClockLine


@functools.cache
def _adapter() -> TypeAdapter[AnyLine]:
    adapter: TypeAdapter[AnyLine] = TypeAdapter(Line)
    return adapter


def parse_line(line: str | bytes | Mapping[str, Any] | StrictModel) -> AnyLine:
    """One validated line: from JSON text, from Python data (validated as the library's models
    validate it: strict, so a date is a `datetime.date`), or a line model as it is.

    Raises:
        pydantic.ValidationError: the line is not one of the kinds, or a field is missing,
            unknown or of the wrong type.

    Examples:
        >>> parse_line('{"clock": "2026-10-01"}')
        ClockLine(clock=datetime.date(2026, 10, 1))
        >>> parse_line('{"run": "R-1", "event": {"step": "propose", "on": "2026-03-01"}}').run
        'R-1'
    """
    if isinstance(line, (StepLine, RemovalLine, MeetingLine, DisclosureLine, ClockLine)):
        return line
    if isinstance(line, (str, bytes)):
        return _adapter().validate_json(line)
    return _adapter().validate_python(line)


def read_lines(path: str | Path) -> Iterator[AnyLine]:
    """The validated lines of a JSON Lines file, blank lines skipped; a bad line raises
    `pydantic.ValidationError` (noting the file and line number, from Python 3.11)."""
    with Path(path).open(encoding="utf-8") as f:
        for number, text in enumerate(f, 1):
            if not text.strip():
                continue
            try:
                yield parse_line(text)
            except ValueError as e:
                if sys.version_info >= (3, 11):
                    e.add_note(f"{path}, line {number}")
                raise
