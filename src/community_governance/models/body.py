"""The composition of one body as of a date: the subject of composition rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, Subject, path_error
from .community import Body, BodyKind, Community, CommunityKind, Person

__all__ = ["BodyComposition"]

#: Roles that make a person a member (成员) of a committee: 主任, 副主任, 委员.
COMMITTEE_ROLES = frozenset({"chair", "vice_chair", "member"})


class BodyComposition(Subject):
    """组成: who sits on body ``body_id`` of ``community`` on ``as_of``.

    Examples:
        >>> import datetime as dt
        >>> c = Community(id="c1", name="示例社区", kind="urban",
        ...               bodies=[{"id": "rc", "kind": "residents_committee"}])
        >>> BodyComposition(community=c, body_id="rc", as_of=dt.date(2026, 3, 1)).body.kind
        'residents_committee'
    """

    subject_type: ClassVar[str] = "body"
    subject_zh: ClassVar[str] = "组织"
    reference_date_field: ClassVar[str] = "as_of"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "body_kind": get_args(BodyKind),
        "community_kind": get_args(CommunityKind),
    }

    def facts(self) -> tuple[str | None, ...]:
        """``(body_kind, community_kind)``: what rule scopes select on."""
        return (self.community.body_kind(self.body_id), self.community.kind)

    community: Community = Field(description="The community the body belongs to.")
    body_id: Id = Field(description="The body whose composition is checked.")
    as_of: Date = Field(description="The day the composition is taken on (截至日期).")

    @model_validator(mode="after")
    def _body_exists(self) -> BodyComposition:
        if not any(b.id == self.body_id for b in self.community.bodies):
            raise path_error(
                "unknown_reference",
                "body_id: '{value}' is not a body of community {community}",
                {"value": self.body_id, "community": self.community.id},
            )
        return self

    @property
    def subject_id(self) -> str:
        """The body id."""
        return self.body_id

    @property
    def reference_date(self) -> dt.date:
        """``as_of``: the default date of a check."""
        return self.as_of

    @property
    def body(self) -> Body:
        """The body checked."""
        return next(b for b in self.community.bodies if b.id == self.body_id)

    def members(self, roles: frozenset[str] = COMMITTEE_ROLES) -> tuple[Person, ...]:
        """Persons holding one of ``roles`` in the body on ``as_of``, in input order."""
        ids = {
            m.person_id
            for m in self.community.memberships
            if m.body_id == self.body_id and m.role in roles and m.active_on(self.as_of)
        }
        return tuple(p for p in self.community.persons if p.id in ids)

    def holders(self, role: str) -> tuple[Person, ...]:
        """Persons holding exactly ``role`` on ``as_of``."""
        return self.members(frozenset({role}))

    def bodies_of_kind(self, kind: str) -> tuple[Body, ...]:
        """The community's bodies of ``kind`` (居民委员会, 村民委员会…), in input order."""
        return tuple(b for b in self.community.bodies if b.kind == kind)

    def members_of_kind(
        self, kind: str, roles: frozenset[str] = COMMITTEE_ROLES
    ) -> tuple[Person, ...]:
        """Persons holding one of ``roles`` on ``as_of`` in any body of ``kind``."""
        bodies = {b.id for b in self.bodies_of_kind(kind)}
        ids = {
            m.person_id
            for m in self.community.memberships
            if m.body_id in bodies and m.role in roles and m.active_on(self.as_of)
        }
        return tuple(p for p in self.community.persons if p.id in ids)
