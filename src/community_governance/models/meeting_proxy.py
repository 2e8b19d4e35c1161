"""委托参会: a member who cannot attend a meeting and asks someone else to attend for them.

The collective economic organisation law lets a member of the members' assembly
(成员大会) entrust another member of the same household (同一户内) with full civil capacity, in
writing (农村集体经济组织法 Art. 27(1)); the record of each such proxy is what a rule needs to
judge it.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from ._base import Id, StrictModel, path_error

__all__ = ["MeetingProxy"]


class MeetingProxy(StrictModel):
    """One proxy for a meeting (委托代为参加会议): who gave it, who held it, and the facts the
    law asks of it; ``None`` where the record does not say.

    Examples:
        >>> p = MeetingProxy(principal_id="m-7", principal_household_id="h-3",
        ...                  holder_id="m-8", holder_household_id="h-3",
        ...                  written=True, holder_full_capacity=True)
        >>> p.principal_household_id == p.holder_household_id
        True
    """

    principal_id: Id = Field(description="The member who could not attend (委托人).")
    principal_household_id: Id | None = Field(
        default=None,
        description="The principal's household (户) in the organisation's member register; None "
        "if not recorded.",
    )
    holder_id: Id = Field(description="The person who attended for them (受托人).")
    holder_household_id: Id | None = Field(
        default=None,
        description="The holder's household (户) in the member register; None if not recorded.",
    )
    written: bool | None = Field(
        default=None, description="The proxy was given in writing (书面委托); None if not recorded."
    )
    holder_full_capacity: bool | None = Field(
        default=None,
        description="The holder has full civil capacity (具有完全民事行为能力); None if not "
        "recorded.",
    )

    @model_validator(mode="after")
    def _other_person(self) -> MeetingProxy:
        if self.holder_id == self.principal_id:
            raise path_error(
                "proxy_to_self",
                "holder_id: '{value}' is the principal: a proxy is given to another person "
                "(委托他人代为参加会议)",
                {"value": self.holder_id},
            )
        return self
