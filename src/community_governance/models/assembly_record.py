"""An assembly's record of the meetings it held over a span of time: the subject of the rules
on how often it must meet (每半年至少召开一次, 每季度召开一次, 每年至少召开一次)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, StrictModel, Subject, duplicates, path_error
from .community import CommunityKind
from .meeting import MeetingBody

__all__ = ["AssemblyRecord", "HeldMeeting"]


class HeldMeeting(StrictModel):
    """One meeting the assembly held (召开): its id and day."""

    id: Id = Field(description="Meeting id (the id of its `Meeting` record, if there is one).")
    held_on: Date = Field(description="Day the meeting was held (召开日期).")
    title: str = Field(default="", description="Name of the meeting (会议名称).")


class AssemblyRecord(Subject):
    """会议召开记录: every meeting one assembly of a community held from ``since`` to
    ``as_of``, both included.

    The list is complete for that span: a calendar period inside it with no meeting is a
    period in which the assembly did not meet. A period that starts before ``since`` is not
    judged (the record does not show what was held before).

    Examples:
        >>> import datetime as dt
        >>> r = AssemblyRecord(id="RA-1", assembly="representatives_assembly",
        ...                    community_kind="urban", since=dt.date(2026, 1, 1),
        ...                    as_of=dt.date(2027, 1, 1),
        ...                    meetings=[{"id": "M-1", "held_on": dt.date(2026, 3, 2)},
        ...                              {"id": "M-2", "held_on": dt.date(2026, 9, 14)}])
        >>> r.subject_id, r.reference_date, r.facts()
        ('RA-1', datetime.date(2027, 1, 1), ('representatives_assembly', 'urban'))
    """

    subject_type: ClassVar[str] = "assembly_record"
    subject_zh: ClassVar[str] = "会议召开记录"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "assembly": get_args(MeetingBody),
        "community_kind": get_args(CommunityKind),
    }

    def facts(self) -> tuple[str | None, ...]:
        """``(assembly, community_kind)``: what rule scopes select on."""
        return (self.assembly, self.community_kind)

    id: Id = Field(description="Record id (the community's or the assembly's).")
    assembly: MeetingBody = Field(description="The assembly whose meetings are recorded (会议).")
    community_kind: CommunityKind | None = Field(
        default=None,
        description="城市社区 urban / 村改居社区 village_to_residence / 农村社区 rural; required "
        "for a representatives' assembly (urban or village law).",
    )
    since: Date = Field(
        description="First day the record covers (记录起始日): every meeting from then on is "
        "listed."
    )
    as_of: Date = Field(description="The day the record is taken on (截至日期).")
    meetings: tuple[HeldMeeting, ...] = Field(
        default=(), strict=False, description="The meetings held, in any order."
    )

    @property
    def subject_id(self) -> str:
        """The record id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``as_of``: the default date of a check."""
        return self.as_of

    @model_validator(mode="after")
    def _consistent(self) -> AssemblyRecord:
        if self.assembly == "representatives_assembly" and self.community_kind is None:
            raise path_error(
                "missing_community_kind",
                "community_kind: required for a representatives' assembly (urban or village "
                "law applies by it) (got '{value}')",
                {"value": None},
            )
        if self.since > self.as_of:
            raise path_error(
                "date_order",
                "since: '{value}' is after as_of {as_of}",
                {"value": self.since.isoformat(), "as_of": self.as_of.isoformat()},
            )
        dup = duplicates(m.id for m in self.meetings)
        if dup:
            raise path_error(
                "duplicate_id", "meetings: duplicate id(s) '{value}'", {"value": ", ".join(dup)}
            )
        for i, m in enumerate(self.meetings):
            if not self.since <= m.held_on <= self.as_of:
                raise path_error(
                    "outside_record",
                    "meetings[{i}].held_on: '{value}' is outside the record's span {since} to "
                    "{as_of}",
                    {
                        "i": i,
                        "value": m.held_on.isoformat(),
                        "since": self.since.isoformat(),
                        "as_of": self.as_of.isoformat(),
                    },
                )
        return self

    def held_between(self, start: dt.date, end: dt.date) -> tuple[HeldMeeting, ...]:
        """The meetings held on or after ``start`` and before ``end``, by date."""
        found = (m for m in self.meetings if start <= m.held_on < end)
        return tuple(sorted(found, key=lambda m: m.held_on))
