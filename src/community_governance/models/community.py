"""Communities, households, persons, bodies and memberships (a graph with terms)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ._base import Id, StrictModel, duplicates

__all__ = [
    "Body",
    "BodyKind",
    "Community",
    "CommunityKind",
    "Gender",
    "Household",
    "Membership",
    "Person",
    "Role",
]

#: 城市社区 / 村改居社区 / 农村社区.
CommunityKind = Literal["urban", "village_to_residence", "rural"]
Gender = Literal["female", "male"]
#: Every body a community can have; names from the project glossary.
BodyKind = Literal[
    "residents_committee",  # 居民委员会
    "village_committee",  # 村民委员会
    "residents_assembly",  # 居民会议
    "villagers_assembly",  # 村民会议
    "representatives_assembly",  # 居民代表会议 / 村民代表会议
    "residents_group",  # 居民小组
    "villager_group",  # 村民小组
    "supervision_committee",  # 居务 / 村务监督委员会
    "party_organization",  # 社区党组织 / 村党组织
    "party_members_assembly",  # 党员大会
    "joint_meeting",  # 两委联席会议
    "assembly_working_committee",  # 居民代表会议工作委员会 (Jinjiang)
    "election_committee",  # 居民 / 村民选举委员会
    "mediation_committee",  # 人民调解委员会
    "owners_assembly",  # 业主大会
    "owners_committee",  # 业主委员会
    "service_station",  # 社区服务站
    "grid",  # 网格
]
#: A member's role in a body.
Role = Literal[
    "chair",  # 主任 / 书记 / 站长
    "vice_chair",  # 副主任 / 副书记
    "member",  # 委员 / 成员
    "representative",  # 居民代表 / 村民代表
    "group_leader",  # 居民小组长 / 村民小组长
    "grid_worker",  # 网格员
]


class Household(StrictModel):
    """户: a household of the community."""

    id: Id = Field(description="Household id, unique in the community (户).")


class Person(StrictModel):
    """A natural person living or working in the community (居民 / 村民)."""

    id: Id = Field(description="Person id, unique in the community.")
    name: str | None = Field(default=None, description="Name (姓名), optional.")
    gender: Gender | None = Field(
        default=None,
        description="性别: female or male; None if not "
        "recorded (gender rules then come back indeterminate).",
    )
    birth_date: dt.date | None = Field(default=None, description="出生日期.")
    household_id: Id | None = Field(
        default=None, description="The household (户) the person belongs to, if recorded."
    )


class Body(StrictModel):
    """An organisation of the community (居委会, 居民代表会议, 社区党组织…)."""

    id: Id = Field(description="Body id, unique in the community.")
    kind: BodyKind = Field(description="What body this is; see the glossary.")
    name: str | None = Field(default=None, description="Local name, e.g. 某社区居民代表会议.")


class Membership(StrictModel):
    """One person holding one role in one body for one term (任期).

    ``term_end`` is exclusive: the first day the person no longer holds the role. ``None`` means
    the term has not ended.
    """

    person_id: Id = Field(description="The member (a Person id of the community).")
    body_id: Id = Field(description="The body (a Body id of the community).")
    role: Role = Field(description="The role held (主任, 委员, 居民代表…).")
    term_start: dt.date = Field(description="First day of the term (任期开始).")
    term_end: dt.date | None = Field(
        default=None, description="First day after the term (exclusive); None while the term runs."
    )

    @model_validator(mode="after")
    def _term_order(self) -> Membership:
        if self.term_end is not None and self.term_end <= self.term_start:
            raise PydanticCustomError(
                "term_order",
                "term_end {term_end} must be after term_start {term_start}",
                {"term_end": self.term_end.isoformat(), "term_start": self.term_start.isoformat()},
            )
        return self

    def active_on(self, at: dt.date) -> bool:
        """Whether the term covers ``at``."""
        return self.term_start <= at and (self.term_end is None or at < self.term_end)


class Community(StrictModel):
    """社区: the area of one residents' committee (urban) or village, with its people and bodies.

    Memberships form a graph: a person may sit on several bodies, and a term can end.
    """

    id: Id = Field(description="Community id.")
    name: str = Field(description="Community name (社区名称).")
    kind: CommunityKind = Field(
        description="城市社区 urban / 村改居社区 village_to_residence / 农村社区 rural."
    )
    street_office: str | None = Field(
        default=None,
        description="The street office or township above the community (街道办事处 / 乡镇).",
    )
    households: tuple[Household, ...] = Field(
        default=(), strict=False, description="Households (户) of the community."
    )
    persons: tuple[Person, ...] = Field(
        default=(), strict=False, description="Persons known to the input."
    )
    bodies: tuple[Body, ...] = Field(
        default=(), strict=False, description="Bodies (组织) of the community."
    )
    memberships: tuple[Membership, ...] = Field(
        default=(), strict=False, description="Who holds which role in which body, and when."
    )

    @model_validator(mode="after")
    def _references(self) -> Community:
        for field in ("households", "persons", "bodies"):
            dup = duplicates(x.id for x in getattr(self, field))
            if dup:
                raise PydanticCustomError(
                    "duplicate_id",
                    "{field}: duplicate id(s) {ids}",
                    {"field": field, "ids": ", ".join(dup)},
                )
        households = {h.id for h in self.households}
        for i, p in enumerate(self.persons):
            if p.household_id is not None and p.household_id not in households:
                raise PydanticCustomError(
                    "unknown_reference",
                    "persons[{i}].household_id: '{value}' is not a household of community "
                    "{community}",
                    {"i": i, "value": p.household_id, "community": self.id},
                )
        persons = {p.id for p in self.persons}
        bodies = {b.id for b in self.bodies}
        for i, m in enumerate(self.memberships):
            if m.person_id not in persons:
                raise PydanticCustomError(
                    "unknown_reference",
                    "memberships[{i}].person_id: '{value}' is not a person of community "
                    "{community}",
                    {"i": i, "value": m.person_id, "community": self.id},
                )
            if m.body_id not in bodies:
                raise PydanticCustomError(
                    "unknown_reference",
                    "memberships[{i}].body_id: '{value}' is not a body of community {community}",
                    {"i": i, "value": m.body_id, "community": self.id},
                )
        return self

    def bodies_of_kind(self, kind: BodyKind) -> tuple[Body, ...]:
        """The bodies of a kind, in input order."""
        return tuple(b for b in self.bodies if b.kind == kind)

    def members(self, body_id: str, at: dt.date, role: str | None = None) -> frozenset[str]:
        """Person ids holding a role (any, or ``role``) in body ``body_id`` on ``at``."""
        return frozenset(
            m.person_id
            for m in self.memberships
            if m.body_id == body_id and (role is None or m.role == role) and m.active_on(at)
        )

    def representatives(self, at: dt.date) -> frozenset[str]:
        """Person ids serving as representatives (居民代表 / 村民代表) of the community's
        representatives' assembly on ``at``."""
        assemblies = {b.id for b in self.bodies if b.kind == "representatives_assembly"}
        return frozenset(
            m.person_id
            for m in self.memberships
            if m.body_id in assemblies and m.role == "representative" and m.active_on(at)
        )
