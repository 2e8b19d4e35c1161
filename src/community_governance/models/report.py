"""A body's report on its work (报告工作) to another body: who reported, to whom, and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field

from ._base import Date, Id, Subject
from .community import BodyKind, CommunityKind

__all__ = ["ReportAudience", "WorkReport"]

#: To whom a report was made: the residents' assembly (居民会议), the representatives'
#: assembly (居民代表会议 / 村民代表会议), the villagers' assembly (村民会议), the residents' or
#: village committee, the party organisation, the street office or township, or another body.
ReportAudience = Literal[
    "residents_assembly",
    "representatives_assembly",
    "villagers_assembly",
    "residents_committee",
    "village_committee",
    "party_organization",
    "street_office",
    "township",
    "other",
]


class WorkReport(Subject):
    """报告工作: a body of kind ``body_kind`` reports on its work to ``reported_to``.

    Examples:
        >>> import datetime as dt
        >>> r = WorkReport(id="R-1", body_kind="supervision_committee", community_kind="urban",
        ...                reported_to="representatives_assembly",
        ...                reported_on=dt.date(2018, 12, 20))
        >>> r.facts()
        ('supervision_committee', 'urban')
    """

    subject_type: ClassVar[str] = "work_report"
    subject_zh: ClassVar[str] = "工作报告"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "body_kind": get_args(BodyKind),
        "community_kind": get_args(CommunityKind),
    }

    id: Id = Field(description="Report id.")
    body_kind: BodyKind = Field(description="The kind of body that reported (报告主体).")
    community_kind: CommunityKind = Field(
        description="城市社区 urban / 村改居社区 village_to_residence / 农村社区 rural."
    )
    reported_to: ReportAudience = Field(
        description="To whom: residents_assembly 居民会议, representatives_assembly 居民代表会议, …"
    )
    reported_on: Date = Field(description="Day of the report (报告日期).")

    def facts(self) -> tuple[str | None, ...]:
        """``(body_kind, community_kind)``: what rule scopes select on."""
        return (self.body_kind, self.community_kind)

    @property
    def subject_id(self) -> str:
        """The report's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``reported_on``: the default date of a check."""
        return self.reported_on
