"""Procedure runs as input: an append-only list of events (who took which step, when, with
which record). The current state is never stored; it is derived by replaying the events.

A log is **hash-chained** when every event carries ``previous``, the SHA-256 of the event
before it (see `community_governance.procedures.log`); a legacy log carries none. A log that
links some events and not others is refused here; whether the digests match is checked when
the log is replayed (``cgov procedure replay`` refuses a broken chain as invalid input).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from ._base import Date, Id, StrictModel, path_error
from .community import BodyKind
from .meeting import Meeting, Motion
from .proposal import Proposal

__all__ = ["RUN_FORMAT", "Digest", "Event", "ProcedureRun"]

RUN_FORMAT = "cg.procedure-run/1"

#: A SHA-256 digest: 64 lowercase hexadecimal digits.
Digest = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Event(StrictModel):
    """One step taken (a past-tense record): ``vote`` by the representatives' assembly on a day."""

    previous: Digest | None = Field(
        default=None,
        description="SHA-256 of the canonical JSON of the event before it (64 zeros for the "
        "first event): the link of a hash-chained log. In a chained log every event carries "
        "it; in a legacy log none does.",
    )
    step: Id = Field(description="The step taken (deliberate, review, vote, publish…).")
    actor: BodyKind | None = Field(
        default=None, description="The body that took the step (两委联席会议, 党员大会…)."
    )
    on: Date = Field(description="The day the step was taken (日期).")
    supervised_by: BodyKind | None = Field(
        default=None,
        description="The body that supervised this step (居民代表会议工作委员会, 监督委员会).",
    )
    proposal: Proposal | None = Field(default=None, description="The proposal (议案), if any.")
    meeting: Meeting | None = Field(default=None, description="The meeting record, if any.")
    motion_id: Id | None = Field(
        default=None, description="The motion of the meeting this step is about (议题)."
    )
    note: str = Field(default="", description="Free text (备注).")

    @model_validator(mode="after")
    def _motion(self) -> Event:
        if self.motion_id is not None:
            if self.meeting is None:
                raise path_error(
                    "motion_without_meeting",
                    "motion_id: '{value}' given but no meeting record",
                    {"value": self.motion_id},
                )
            if all(m.id != self.motion_id for m in self.meeting.motions):
                raise path_error(
                    "unknown_reference",
                    "motion_id: '{value}' is not a motion of meeting {meeting}",
                    {"value": self.motion_id, "meeting": self.meeting.id},
                )
        return self

    def motion(self) -> Motion | None:
        """The motion this step is about: ``motion_id``, or the meeting's only motion."""
        if self.meeting is None:
            return None
        if self.motion_id is not None:
            return next(m for m in self.meeting.motions if m.id == self.motion_id)
        return self.meeting.motions[0] if len(self.meeting.motions) == 1 else None


class ProcedureRun(StrictModel):
    """A procedure run (``cg.procedure-run/1``): the rulebook, the procedure and its events."""

    format: Literal["cg.procedure-run/1"] = Field(description="Always cg.procedure-run/1.")
    id: Id = Field(description="Run id (e.g. the proposal number).")
    rulebook: str = Field(
        description="The rulebook whose procedure applies (a built-in id or a rulebook file)."
    )
    procedure: Id = Field(
        default="major-matter", description="The procedure id in that rulebook (重大事项)."
    )
    events: tuple[Event, ...] = Field(
        default=(),
        strict=False,
        description="The steps taken, in the order they happened; hash-chained when each "
        "carries `previous`.",
    )

    @model_validator(mode="after")
    def _links(self) -> ProcedureRun:
        # chained throughout or not at all: a log whose links stop (or start) part-way would
        # let events be added, changed or dropped where the links are missing
        linked = [e.previous is not None for e in self.events]
        if any(linked) and not all(linked):
            i = linked.index(not linked[0])
            if linked[0]:
                message = "events[{i}].previous: missing, but the events before it are chained"
            else:
                message = (
                    "events[{i}].previous: given, but the events before it are not chained: "
                    "a log is chained throughout or not at all"
                )
            raise path_error("partial_chain", message, {"i": i})
        return self

    @property
    def is_chained(self) -> bool:
        """Whether the log is hash-chained (every event carries ``previous``); an empty log
        is not."""
        return bool(self.events) and self.events[0].previous is not None
