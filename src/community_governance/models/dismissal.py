"""解聘物业服务人: the written notice of the owners' decision to dismiss the property service
company (物业服务人), recorded on the motion that decided it (Civil Code Art. 946)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from ._base import Date, StrictModel, Text, located

__all__ = ["ContractNoticePeriod", "DismissalNotice"]


class ContractNoticePeriod(StrictModel):
    """合同约定的通知期限: a notice period the property service contract (物业服务合同) sets
    instead of the statutory sixty days, with the clause it comes from."""

    days: Annotated[int, Field(ge=0)] = Field(
        description="Days of notice the contract requires before it ends (约定的通知期限，日)."
    )
    clause: Text = Field(
        description="Where the contract sets it (合同条款), e.g. '物业服务合同第二十条': the "
        "source of this value, as a citation is the source of a statutory one.",
    )


class DismissalNotice(StrictModel):
    """书面通知: how the property service company was told that the owners dismissed it.

    Examples:
        >>> import datetime as dt
        >>> n = DismissalNotice(notified_on=dt.date(2026, 4, 1), written=True,
        ...                     terminates_on=dt.date(2026, 5, 31))
        >>> (n.terminates_on - n.notified_on).days
        60
    """

    notified_on: Date | None = Field(
        default=None,
        description="The day the notice reached the property service company (通知送达日期); "
        "None if not yet known.",
    )
    written: bool | None = Field(
        default=None,
        description="Whether the notice was given in writing (书面通知); None if not recorded.",
    )
    terminates_on: Date | None = Field(
        default=None,
        description="The day the property service contract ends by the dismissal (合同解除之日); "
        "None if not yet known.",
    )
    contract_notice: ContractNoticePeriod | None = Field(
        default=None,
        description="The notice period the contract sets instead of the statutory one "
        "(合同对通知期限另有约定), or None if it sets none.",
    )

    @model_validator(mode="after")
    def _order(self) -> DismissalNotice:
        if (
            self.notified_on is not None
            and self.terminates_on is not None
            and self.terminates_on < self.notified_on
        ):
            raise located(
                ("terminates_on",),
                "terminates_before_notice",
                "dismissal_notice.terminates_on: '{value}' is before notified_on {notified_on} "
                "(合同解除日期早于通知日期)",
                {
                    "value": self.terminates_on.isoformat(),
                    "notified_on": self.notified_on.isoformat(),
                },
            )
        return self
