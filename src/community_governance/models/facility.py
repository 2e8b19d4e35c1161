"""A community's service facilities and standing consultation body on a day (社区服务设施): the
floor space it has for services and whether it has a consultation committee — facts the
community's bodies and memberships do not carry.

Areas are whole numbers of 0.01 m² (``3250`` is 32.50 m²), as floor areas are everywhere in this
library, so that they are compared exactly, never as floats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, ClassVar, get_args

from pydantic import Field

from ._base import Date, Id, Subject
from .community import Community, CommunityKind

__all__ = ["CommunityFacilities"]

_Area = Annotated[int, Field(ge=0)]


class CommunityFacilities(Subject):
    """社区服务设施: what a community has on ``as_of``; the households counted are those of
    ``community.households``.

    Examples:
        >>> import datetime as dt
        >>> c = Community(id="c1", name="示例社区", kind="urban",
        ...               households=[{"id": f"H{i}"} for i in range(100)])
        >>> f = CommunityFacilities(id="c1-2023", community=c, as_of=dt.date(2023, 6, 1),
        ...                         service_space_area=3300, service_facility_area=None,
        ...                         consultation_committee=True)
        >>> f.facts()
        ('urban',)
    """

    subject_type: ClassVar[str] = "community_facilities"
    subject_zh: ClassVar[str] = "社区服务设施"
    reference_date_field: ClassVar[str] = "as_of"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "community_kind": get_args(CommunityKind)
    }

    id: Id = Field(description="Record id.")
    community: Community = Field(description="The community; its households are counted.")
    as_of: Date = Field(description="The day the record is taken on.")
    service_space_area: _Area | None = Field(
        default=None,
        description="Floor area of the rooms used for community services (社区服务用房面积), in "
        "0.01 m²; null: not recorded.",
    )
    service_facility_area: _Area | None = Field(
        default=None,
        description="Floor area of the comprehensive service facility (综合服务设施面积), in "
        "0.01 m²; null: not recorded.",
    )
    consultation_committee: bool | None = Field(
        default=None,
        description="Whether the village or community has a consultation committee "
        "(村（社区）协商委员会); null: not recorded.",
    )

    def facts(self) -> tuple[str | None, ...]:
        """``(community_kind,)``: what rule scopes select on."""
        return (self.community.kind,)

    @property
    def subject_id(self) -> str:
        """The record's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``as_of``: the default date of a check."""
        return self.as_of
