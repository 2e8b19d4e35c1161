"""Meetings (会议) of the assemblies that decide community matters, and their votes.

Counts are whole numbers; floor area (专有部分面积) is an integer number of 0.01 m² units
(``12345`` is 123.45 m²), so that owners' votes are compared exactly, never as floats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, StrictModel, Subject, duplicates, located, path_error, repeated
from .community import CommunityKind
from .meeting_proxy import MeetingProxy
from .motion import MOTION_FIELDS, Count, Matter, Motion, MotionResult, Unit, owner_headcount

__all__ = [
    "AttendanceBase",
    "Matter",
    "Meeting",
    "MeetingBody",
    "Motion",
    "MotionResult",
    "Request",
    "RequestBase",
    "Unit",
    "owner_headcount",
]

#: The assemblies whose meetings have a statutory pass rule.
MeetingBody = Literal[
    "residents_assembly",  # 居民会议
    "villagers_assembly",  # 村民会议
    "representatives_assembly",  # 居民代表会议 / 村民代表会议 (by community_kind)
    "villager_group",  # 村民小组会议
    "owners_assembly",  # 业主大会
    "collective_members_assembly",  # 农村集体经济组织成员大会
    "collective_representatives_assembly",  # 农村集体经济组织成员代表大会
    "collective_council",  # 农村集体经济组织理事会会议
]
#: Whose attendance makes the meeting: 十八周岁以上的居民/村民 (adults), 户的代表 (households),
#: 组成人员/成员/代表 (members), 业主 (owners).
AttendanceBase = Literal["adults", "households", "members", "owners"]
#: Of whom a request to convene (提议召集) is counted.
RequestBase = Literal[
    "adults",  # 十八周岁以上居民
    "households",  # 户 / 户的代表
    "representatives",  # 居民代表 / 村民代表
    "residents_groups",  # 居民小组 (urban law 2018)
    "villagers",  # 村民
    "owners",  # 业主
    "members",  # 成员
]


class Request(StrictModel):
    """提议召集: a request to convene, by ``count`` of the ``of`` persons (or groups) of a base."""

    count: Count = Field(description="How many requested (提议人数 / 户数 / 小组数).")
    base: RequestBase = Field(description="Of whom the request is counted (提议的主体).")
    of: Count = Field(description="How many there are of that base on the day (总数).")

    @model_validator(mode="after")
    def _within(self) -> Request:
        if self.count > self.of:
            raise located(
                ("count",),
                "count_exceeds_base",
                "requested_by.count: {value} requesters but only {of} {base} (提议人数超过总数)",
                {"value": self.count, "of": self.of, "base": self.base},
            )
        return self


class Meeting(Subject):
    """会议: one meeting of an assembly — who asked for it, notice, attendance and votes.

    Examples:
        >>> import datetime as dt
        >>> m = Meeting(id="M-1", body="residents_assembly", community_kind="urban",
        ...             announced_on=dt.date(2026, 3, 1), held_on=dt.date(2026, 3, 12),
        ...             constituted_by="households", entitled=1200, attendees=640,
        ...             motions=[{"id": "1", "voted_on": dt.date(2026, 3, 12),
        ...                       "in_favour": 400, "against": 200, "result": "adopted"}])
        >>> m.subject_id, m.reference_date
        ('M-1', datetime.date(2026, 3, 12))
    """

    subject_type: ClassVar[str] = "meeting"
    subject_zh: ClassVar[str] = "会议"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "assembly": get_args(MeetingBody),
        "community_kind": get_args(CommunityKind),
    }

    def facts(self) -> tuple[str | None, ...]:
        """``(assembly, community_kind)``: what rule scopes select on."""
        return (self.body, self.community_kind)

    id: Id = Field(description="Meeting id.")
    body: MeetingBody = Field(description="The assembly that met (会议).")
    community_kind: CommunityKind | None = Field(
        default=None,
        description="城市社区 urban / 村改居社区 village_to_residence / 农村社区 rural; required "
        "for a representatives' assembly (urban or village law).",
    )
    title: str = Field(default="", description="Name of the meeting (会议名称).")
    requested_by: Request | None = Field(
        default=None,
        description="The request that obliged the convener to call the meeting (提议召集), or "
        "None if the convener called it on its own.",
    )
    announced_on: Date | None = Field(default=None, description="Day of notice (通知日期).")
    delegated: bool = Field(
        default=False,
        description="The villagers' assembly authorised this (representatives') assembly to "
        "decide the matters voted (村民会议授权).",
    )
    urgent: bool = Field(
        default=False, description="Called at short notice in special circumstances (临时通知)."
    )
    held_on: Date = Field(description="Day the meeting was held (召开日期).")
    constituted_by: AttendanceBase = Field(
        description="Whose attendance is counted: adults (十八周岁以上居民/村民), households "
        "(户的代表), members (组成人员/成员) or owners (业主)."
    )
    entitled: Count = Field(description="How many of that base are entitled that day (应到).")
    attendees: Count = Field(description="How many attended or took part in the vote (实到).")
    entitled_area: Count | None = Field(
        default=None, description="Owners: total exclusive area (0.01 m²) of the building area."
    )
    attendee_area: Count | None = Field(
        default=None, description="Owners: exclusive area (0.01 m²) of the owners taking part."
    )
    member_households: Count | None = Field(
        default=None,
        description="Collective representatives' assembly: households of the organisation's "
        "members (成员户数), for one representative per five to fifteen households.",
    )
    units: tuple[Unit, ...] = Field(
        default=(),
        strict=False,
        description="Owners: the register of exclusive units, to check how owners and area "
        "were counted (建筑物区分所有权解释 第八条、第九条).",
    )
    motions: tuple[Motion, ...] = Field(
        default=(), strict=False, description="The motions voted (表决事项)."
    )
    proxies: tuple[MeetingProxy, ...] = Field(
        default=(),
        strict=False,
        description="Members who attended by proxy (委托代为参加会议), one entry per principal.",
    )
    residential_compound: bool | None = Field(
        default=None,
        description="Owners: the property area is a residential compound (住宅小区); None if "
        "not recorded.",
    )
    residents_committee_informed: bool | None = Field(
        default=None,
        description="Owners: the residents' committee concerned was told of the meeting "
        "together with the notice to the owners (同时告知相关的居民委员会); None if not recorded.",
    )
    reports_available_on: Date | None = Field(
        default=None,
        description="Collective assemblies: the day the annual operating report, financial "
        "report and income distribution plan were made available to the members (提供给成员查阅); "
        "None if not recorded.",
    )

    @property
    def subject_id(self) -> str:
        """The meeting id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """The day the meeting was held: the default date of a check."""
        return self.held_on

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        if self.body == "representatives_assembly" and self.community_kind is None:
            raise path_error(
                "missing_community_kind",
                "community_kind: required for a representatives' assembly (urban or village "
                "law applies by it) (got '{value}')",
                {"value": None},
            )
        if self.announced_on is not None and self.announced_on > self.held_on:
            raise path_error(
                "notice_after_meeting",
                "announced_on: '{value}' is after held_on {held_on} (通知日期晚于召开日期)",
                {"value": self.announced_on.isoformat(), "held_on": self.held_on.isoformat()},
            )
        if self.attendees > self.entitled:
            raise path_error(
                "attendees_exceed_entitled",
                "attendees: {value} attended but only {entitled} are entitled "
                "(实到人数超过应到人数)",
                {"value": self.attendees, "entitled": self.entitled},
            )
        if (self.attendee_area is None) != (self.entitled_area is None):
            raise path_error(
                "area_pair",
                "attendee_area: give both entitled_area and attendee_area or neither "
                "(got '{value}')",
                {"value": self.attendee_area},
            )
        if (
            self.attendee_area is not None
            and self.entitled_area is not None
            and self.attendee_area > self.entitled_area
        ):
            raise path_error(
                "area_exceeds_entitled",
                "attendee_area: {value} exceeds entitled_area {entitled} (参与表决面积超过总面积)",
                {"value": self.attendee_area, "entitled": self.entitled_area},
            )
        self._check_units()
        self._check_motions()
        self._check_body_fields()
        return self

    def _check_body_fields(self) -> None:
        """Facts only one kind of assembly records: given for another, no rule would read
        them, and the record would say something nothing judges."""
        owners = self.body == "owners_assembly"
        collective = self.body in (
            "collective_members_assembly",
            "collective_representatives_assembly",
        )
        for field, allowed, who in (
            ("residential_compound", owners, "an owners' assembly"),
            ("residents_committee_informed", owners, "an owners' assembly"),
            (
                "reports_available_on",
                collective,
                "a collective members' or representatives' assembly",
            ),
        ):
            if getattr(self, field) is not None and not allowed:
                raise path_error(
                    "field_not_of_body",
                    "{field}: only {who} records it (body is '{value}')",
                    {"field": field, "who": who, "value": self.body},
                )
        dup = duplicates(p.principal_id for p in self.proxies)
        if dup:
            raise path_error(
                "duplicate_proxy",
                "proxies: '{value}' gave more than one proxy (一人只能委托一人代为参加会议)",
                {"value": ", ".join(dup)},
            )

    def _check_units(self) -> None:
        for field, values in (
            ("units", [u.id for u in self.units]),
            ("motions", [m.id for m in self.motions]),
        ):
            if duplicates(values):
                raise repeated(field, values)

    def _check_motions(self) -> None:
        for i, m in enumerate(self.motions):
            if m.voted_on < self.held_on:
                raise path_error(
                    "vote_before_meeting",
                    "motions[{i}].voted_on: '{value}' is before held_on {held_on} "
                    "(表决日期早于会议召开日期)",
                    {"i": i, "value": m.voted_on.isoformat(), "held_on": self.held_on.isoformat()},
                )
            if m.ballots > self.attendees:
                raise path_error(
                    "votes_exceed_attendees",
                    "motions[{i}].in_favour: {value} votes cast (for + against + abstain) but "
                    "only {attendees} attendees (表决票数超过实到人数)",
                    {"i": i, "value": m.ballots, "attendees": self.attendees},
                )
            self._check_dismissal(i, m)
            self._check_motion_fields(i, m)
            areas = (m.area_in_favour, m.area_against, m.area_abstain)
            if any(a is not None for a in areas) and m.area_in_favour is None:
                raise path_error(
                    "area_pair",
                    "motions[{i}].area_in_favour: required when area_against or area_abstain "
                    "is given (got '{value}')",
                    {"i": i, "value": None},
                )
            area = m.area_ballots
            if area is not None and (self.attendee_area is None or area > self.attendee_area):
                raise path_error(
                    "votes_exceed_attendees",
                    "motions[{i}].area_in_favour: {value} area voted (for + against + abstain) "
                    "but attendee_area is {attendee_area} (表决面积超过参与表决面积)",
                    {"i": i, "value": area, "attendee_area": self.attendee_area},
                )

    def _check_motion_fields(self, i: int, m: Motion) -> None:
        for field, matters in MOTION_FIELDS.items():
            if getattr(m, field) not in (None, ()) and m.matter not in matters:
                raise path_error(
                    "field_not_of_matter",
                    "motions[{i}].{field}: only a {matters} motion records it (matter is "
                    "'{value}')",
                    {
                        "i": i,
                        "field": field,
                        "matters": " / ".join(sorted(matters)),
                        "value": m.matter,
                    },
                )
        for field in ("filed_on", "committee_first_met_on"):
            day = getattr(m, field)
            if day is not None and day < m.voted_on:
                raise path_error(
                    "date_before_decision",
                    "motions[{i}].{field}: '{value}' is before voted_on {voted_on} "
                    "(早于作出决定的日期)",
                    {
                        "i": i,
                        "field": field,
                        "value": day.isoformat(),
                        "voted_on": m.voted_on.isoformat(),
                    },
                )
        if not self.units:
            return
        owners = {u.owner_id for u in self.units}
        if m.unit_id is not None and m.unit_id not in {u.id for u in self.units}:
            raise path_error(
                "unknown_reference",
                "motions[{i}].unit_id: '{value}' is not a unit of the register (units)",
                {"i": i, "value": m.unit_id},
            )
        stray = [o for o in m.consenting_owners if o not in owners]
        if stray:
            raise path_error(
                "unknown_reference",
                "motions[{i}].consenting_owners: '{value}' owns no unit of the register (units)",
                {"i": i, "value": ", ".join(stray)},
            )

    @staticmethod
    def _check_dismissal(i: int, m: Motion) -> None:
        notice = m.dismissal_notice
        if notice is None:
            return
        if m.matter != "property_service_dismissal":
            raise path_error(
                "dismissal_notice_matter",
                "motions[{i}].dismissal_notice: only a property_service_dismissal motion has "
                "one (matter is '{value}') (仅解聘物业服务人的议题记录解聘通知)",
                {"i": i, "value": m.matter},
            )
        if notice.notified_on is not None and notice.notified_on < m.voted_on:
            raise path_error(
                "notice_before_decision",
                "motions[{i}].dismissal_notice.notified_on: '{value}' is before voted_on "
                "{voted_on} (解聘通知日期早于作出解聘决定的日期)",
                {
                    "i": i,
                    "value": notice.notified_on.isoformat(),
                    "voted_on": m.voted_on.isoformat(),
                },
            )
