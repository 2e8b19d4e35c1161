"""A payment out of a community's collective assets (从集体资产中拨付资金): what it pays for and
how it was decided — the subject of rules on collective assets after a village becomes a
residential community (村改居)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import Field

from ._base import Date, Id, Subject, Text
from .community import CommunityKind

__all__ = ["AssetDecider", "AssetPurpose", "CollectiveAssetSpending"]

#: How the payment was decided: a residents' assembly vote (居民大会表决), a representatives'
#: assembly vote (居民代表会议表决), democratic consultation (民主协商), the residents'
#: committee alone, the collective economic organisation's management, the government, or
#: otherwise.
AssetDecider = Literal[
    "residents_assembly_vote",
    "representatives_assembly_vote",
    "democratic_consultation",
    "residents_committee",
    "collective_management",
    "government",
    "other",
]
#: What it pays for: public (service) facilities (公共服务设施) or something else.
AssetPurpose = Literal["public_facility", "other"]


class CollectiveAssetSpending(Subject):
    """集体资产拨付: money paid out of collective assets, decided on ``decided_on``.

    Examples:
        >>> import datetime as dt
        >>> s = CollectiveAssetSpending(
        ...     id="A-1", community_kind="village_to_residence", title="建设社区综合服务站",
        ...     purpose="public_facility", amount_yuan=3_000_000,
        ...     decided_on=dt.date(2024, 5, 10), decided_by="residents_assembly_vote")
        >>> s.facts()
        ('village_to_residence',)
    """

    subject_type: ClassVar[str] = "collective_asset_spending"
    subject_zh: ClassVar[str] = "集体资产拨付"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "community_kind": get_args(CommunityKind)
    }

    id: Id = Field(description="Payment id.")
    community_kind: CommunityKind = Field(
        description="城市社区 urban / 村改居社区 village_to_residence / 农村社区 rural."
    )
    title: Text = Field(description="What is paid for (项目名称).")
    purpose: AssetPurpose = Field(description="public_facility (公共服务设施) or other.")
    amount_yuan: Annotated[int, Field(ge=0)] = Field(description="Amount, in yuan (金额，元).")
    decided_on: Date = Field(description="Day it was decided (决定日期).")
    decided_by: AssetDecider = Field(
        description="residents_assembly_vote (居民大会表决), representatives_assembly_vote, "
        "democratic_consultation (民主协商), residents_committee, collective_management, "
        "government or other."
    )

    def facts(self) -> tuple[str | None, ...]:
        """``(community_kind,)``: what rule scopes select on."""
        return (self.community_kind,)

    @property
    def subject_id(self) -> str:
        """The payment's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``decided_on``: the default date of a check."""
        return self.decided_on
