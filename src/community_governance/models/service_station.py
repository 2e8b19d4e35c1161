"""The staffing of a village community service station (农村社区服务站) on a day: how its
members came to it and what they are paid — facts the community's memberships do not carry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, ClassVar, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, IdTuple, StrictModel, Subject, duplicates, path_error
from .body import BodyComposition
from .community import Community, CommunityKind

__all__ = ["ServiceStationStaffing", "StationPay"]

_Yuan = Annotated[int, Field(ge=0)]


class StationPay(StrictModel):
    """报酬: one station member's pay for a year."""

    person_id: Id = Field(description="The member.")
    annual_yuan: _Yuan = Field(description="Pay for the year, in yuan (年报酬，元).")


class ServiceStationStaffing(Subject):
    """农村社区服务站人员: who staffs station ``station_id`` on ``as_of``, how they were
    recruited, and their pay.

    Examples:
        >>> import datetime as dt
        >>> c = Community(id="v1", name="示例村", kind="rural",
        ...               bodies=[{"id": "ST", "kind": "service_station"}])
        >>> s = ServiceStationStaffing(id="ST-2018", community=c, station_id="ST",
        ...                            as_of=dt.date(2018, 3, 1), recruited_graduate_ids=[],
        ...                            pay=[], two_committee_pay_yuan=None)
        >>> s.composition.body.kind
        'service_station'
    """

    subject_type: ClassVar[str] = "service_station_staffing"
    subject_zh: ClassVar[str] = "服务站人员"
    reference_date_field: ClassVar[str] = "as_of"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "community_kind": get_args(CommunityKind)
    }

    id: Id = Field(description="Record id.")
    community: Community = Field(description="The village and its bodies and memberships.")
    station_id: Id = Field(description="The service station (a Body id of kind service_station).")
    as_of: Date = Field(description="The day the staffing is taken on.")
    recruited_graduate_ids: IdTuple = Field(
        description="Members recruited by open examination or selected as university graduates "
        "(公开招考和选调优秀高校毕业生); empty: none."
    )
    pay: tuple[StationPay, ...] = Field(
        strict=False, description="Members' pay (报酬待遇); a member not listed: not recorded."
    )
    two_committee_pay_yuan: _Yuan | None = Field(
        default=None,
        description="The yearly pay standard of village two-committee members set by the city "
        "or county (村“两委”成员标准); null: not recorded.",
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

    @property
    def composition(self) -> BodyComposition:
        """The station's composition on ``as_of`` (its members, the village's committees)."""
        return BodyComposition(community=self.community, body_id=self.station_id, as_of=self.as_of)

    @model_validator(mode="after")
    def _references(self) -> ServiceStationStaffing:
        if self.community.body_kind(self.station_id) != "service_station":
            raise path_error(
                "unknown_reference",
                "station_id: '{value}' is not a service station of community {c}",
                {"value": self.station_id, "c": self.community.id},
            )
        persons = {p.id for p in self.community.persons}
        refs = [
            (f"recruited_graduate_ids[{i}]", x) for i, x in enumerate(self.recruited_graduate_ids)
        ]
        refs += [(f"pay[{i}].person_id", x.person_id) for i, x in enumerate(self.pay)]
        for field, pid in refs:
            if pid not in persons:
                raise path_error(
                    "unknown_reference",
                    "{field}: '{value}' is not a person of community {c}",
                    {"field": field, "value": pid, "c": self.community.id},
                )
        for field, values in (
            ("recruited_graduate_ids", list(self.recruited_graduate_ids)),
            ("pay", [x.person_id for x in self.pay]),
        ):
            dup = duplicates(values)
            if dup:
                raise path_error(
                    "duplicate_id",
                    "{field}: duplicate id(s) {ids}",
                    {"field": field, "ids": ", ".join(dup)},
                )
        return self
