"""A residential compound (住宅小区 / 居民小区) of a community: its kind and who manages it — the
subject of rules on how compounds are governed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, Subject, Text, path_error
from .community import Community, CommunityKind

__all__ = ["Compound", "CompoundKind"]

#: 封闭型小区 (gated), 老旧小区 (old), 高档小区 (high-end) or another kind.
CompoundKind = Literal["gated", "old", "high_end", "other"]


class Compound(Subject):
    """住宅小区: one compound of ``community`` on ``as_of``.

    Examples:
        >>> import datetime as dt
        >>> c = Community(id="c1", name="示例社区", kind="urban",
        ...               bodies=[{"id": "OC", "kind": "owners_committee"}])
        >>> x = Compound(id="X1", name="幸福小区", community=c, compound_kind="gated",
        ...              as_of=dt.date(2016, 3, 1), owners_committee_id="OC",
        ...              property_service_enterprise="某物业服务有限公司")
        >>> x.facts()
        ('gated', 'urban')
    """

    subject_type: ClassVar[str] = "compound"
    subject_zh: ClassVar[str] = "住宅小区"
    reference_date_field: ClassVar[str] = "as_of"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "compound_kind": get_args(CompoundKind),
        "community_kind": get_args(CommunityKind),
    }

    id: Id = Field(description="Compound id.")
    name: Text = Field(description="Name (小区名称).")
    community: Community = Field(description="The community the compound lies in.")
    compound_kind: CompoundKind = Field(
        description="gated (封闭型), old (老旧), high_end (高档) or other."
    )
    as_of: Date = Field(description="The day the record is taken on.")
    owners_committee_id: Id | None = Field(
        description="The compound's owners' committee (业主委员会, a Body id of the community); "
        "null: it has none."
    )
    property_service_enterprise: Text | None = Field(
        description="The property service enterprise (物业服务企业) managing it; null: none."
    )

    def facts(self) -> tuple[str | None, ...]:
        """``(compound_kind, community_kind)``: what rule scopes select on."""
        return (self.compound_kind, self.community.kind)

    @property
    def subject_id(self) -> str:
        """The compound's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``as_of``: the default date of a check."""
        return self.as_of

    @model_validator(mode="after")
    def _references(self) -> Compound:
        oc = self.owners_committee_id
        if oc is not None and self.community.body_kind(oc) != "owners_committee":
            raise path_error(
                "unknown_reference",
                "owners_committee_id: '{value}' is not an owners' committee of community {c}",
                {"value": oc, "c": self.community.id},
            )
        return self
