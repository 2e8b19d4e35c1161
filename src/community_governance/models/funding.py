"""Funds a district allocates to a street office or a community for one budget year (专项资金
安排): the subject of funding standards such as Jinjiang's 125万 per street office and 24万 per
community."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import Field

from ._base import Date, Id, Subject, Text

__all__ = ["FundAllocation", "FundKind", "FundRecipient"]

#: Who receives the fund: a street office (街道办事处) or a community (社区).
FundRecipient = Literal["street_office", "community"]
#: Which fund: the public-service and social-management fund (公共服务和社会管理专项资金), or
#: another one.
FundKind = Literal["public_service_and_social_management", "other"]


class FundAllocation(Subject):
    """专项资金安排: the amount a district's budget arranges for one recipient for one year.

    Examples:
        >>> import datetime as dt
        >>> a = FundAllocation(id="F-2012-1", recipient="community", recipient_name="某社区",
        ...                    fund="public_service_and_social_management", year=2012,
        ...                    decided_on=dt.date(2012, 1, 10), amount_yuan=240000)
        >>> a.facts()
        ('community',)
    """

    subject_type: ClassVar[str] = "fund_allocation"
    subject_zh: ClassVar[str] = "专项资金安排"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {"recipient": get_args(FundRecipient)}

    id: Id = Field(description="Allocation id.")
    recipient: FundRecipient = Field(description="street_office (街道) or community (社区).")
    recipient_name: Text = Field(description="The street office or community (名称).")
    fund: FundKind = Field(
        description="public_service_and_social_management (公共服务和社会管理专项资金) or other."
    )
    year: Annotated[int, Field(ge=1949, le=9999)] = Field(description="The budget year (预算年度).")
    decided_on: Date = Field(description="Day the allocation was decided (安排日期).")
    amount_yuan: Annotated[int, Field(ge=0)] = Field(
        description="The whole year's amount for this recipient, in yuan (金额，元)."
    )

    def facts(self) -> tuple[str | None, ...]:
        """``(recipient,)``: what rule scopes select on."""
        return (self.recipient,)

    @property
    def subject_id(self) -> str:
        """The allocation's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``decided_on``: the default date of a check."""
        return self.decided_on
