"""农村集体经济组织: a rural collective economic organisation's officers as of a date — its
council (理事会), supervisors (监事会 / 监事), members' representatives (成员代表) and finance
staff — the subject of the rules on who may hold which office.

The officers are persons of a `Community` (the village whose people they are), so that close
relatives (近亲属) are found from the community's kinship links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, IdTuple, StrictModel, Subject, path_error
from .community import Community, CommunityKind

__all__ = ["CollectiveOrganisation", "CollectiveSeat", "SeatRole"]

#: 理事长 / 监事会主任 (chair), 副理事长 (vice_chair), 理事 / 监事 / 成员代表 (member).
SeatRole = Literal["chair", "vice_chair", "member"]
_ORGANS = ("council", "supervisors", "representatives")


class CollectiveSeat(StrictModel):
    """One person's seat on an organ of the organisation for one term (任期); ``term_end`` is
    the first day after it (exclusive), ``None`` while it runs."""

    person_id: Id = Field(description="The office holder (a Person id of the community).")
    role: SeatRole = Field(
        default="member",
        description="chair (理事长 / 监事会主任), vice_chair (副理事长) or member (理事 / 监事 / "
        "成员代表).",
    )
    term_start: Date = Field(description="First day of the term (任期开始).")
    term_end: Date | None = Field(
        default=None, description="First day after the term (exclusive); None while it runs."
    )

    @model_validator(mode="after")
    def _order(self) -> CollectiveSeat:
        if self.term_end is not None and self.term_end <= self.term_start:
            raise path_error(
                "term_order",
                "term_end: {term_end} must be after term_start {term_start}",
                {"term_end": self.term_end.isoformat(), "term_start": self.term_start.isoformat()},
            )
        return self

    def active_on(self, at: dt.date) -> bool:
        """Whether the term covers ``at``."""
        return self.term_start <= at and (self.term_end is None or at < self.term_end)


class CollectiveOrganisation(Subject):
    """农村集体经济组织 as of ``as_of``: its council, supervisors, members' representatives and
    finance staff.

    Examples:
        >>> import datetime as dt
        >>> c = Community(id="v1", name="示例村", kind="rural",
        ...               persons=[{"id": p} for p in ("a", "b", "c", "d")])
        >>> org = CollectiveOrganisation(
        ...     id="JJ-1", community=c, as_of=dt.date(2026, 3, 1),
        ...     council=[{"person_id": "a", "role": "chair", "term_start": dt.date(2025, 6, 1)},
        ...              {"person_id": "b", "term_start": dt.date(2025, 6, 1)},
        ...              {"person_id": "c", "term_start": dt.date(2025, 6, 1)}],
        ...     supervisors=[{"person_id": "d", "term_start": dt.date(2025, 6, 1)}])
        >>> [s.person_id for s in org.serving("council")], org.facts()
        (['a', 'b', 'c'], ('rural',))
    """

    subject_type: ClassVar[str] = "collective_organisation"
    subject_zh: ClassVar[str] = "农村集体经济组织"
    reference_date_field: ClassVar[str] = "as_of"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "community_kind": get_args(CommunityKind)
    }

    def facts(self) -> tuple[str | None, ...]:
        """``(community_kind,)``: what rule scopes select on."""
        return (self.community.kind,)

    id: Id = Field(description="The organisation's id (农村集体经济组织).")
    name: str = Field(default="", description="Its name, e.g. 某村股份经济合作社.")
    community: Community = Field(
        description="The village (community) whose persons hold the offices, with their "
        "kinship links."
    )
    as_of: Date = Field(description="The day the offices are taken on (截至日期).")
    council: tuple[CollectiveSeat, ...] = Field(
        default=(), strict=False, description="理事会: seats of the council, any term."
    )
    supervisors: tuple[CollectiveSeat, ...] = Field(
        default=(),
        strict=False,
        description="监事会成员或者监事: seats of the supervisory board or the supervisors.",
    )
    representatives: tuple[CollectiveSeat, ...] = Field(
        default=(),
        strict=False,
        description="成员代表: seats of the members' representatives, where the organisation has "
        "a representatives' assembly.",
    )
    finance_staff: IdTuple = Field(
        default=(), description="财务人员 serving on ``as_of`` (Person ids)."
    )
    accountants: IdTuple = Field(
        default=(), description="会计人员 serving on ``as_of`` (Person ids)."
    )

    @property
    def subject_id(self) -> str:
        """The organisation's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``as_of``: the default date of a check."""
        return self.as_of

    def seats(self, organ: str) -> tuple[CollectiveSeat, ...]:
        """Every seat of ``organ`` (``council``, ``supervisors``, ``representatives``)."""
        seats: tuple[CollectiveSeat, ...] = getattr(self, organ)
        return seats

    def serving(self, organ: str) -> tuple[CollectiveSeat, ...]:
        """The seats of ``organ`` whose term covers ``as_of``, in input order."""
        return tuple(s for s in self.seats(organ) if s.active_on(self.as_of))

    @model_validator(mode="after")
    def _references(self) -> CollectiveOrganisation:
        persons = {p.id for p in self.community.persons}
        refs = [
            (f"{organ}[{i}].person_id", s.person_id)
            for organ in _ORGANS
            for i, s in enumerate(self.seats(organ))
        ]
        refs += [(f"finance_staff[{i}]", p) for i, p in enumerate(self.finance_staff)]
        refs += [(f"accountants[{i}]", p) for i, p in enumerate(self.accountants)]
        for where, pid in refs:
            if pid not in persons:
                raise path_error(
                    "unknown_reference",
                    "{where}: '{value}' is not a person of community {c}",
                    {"where": where, "value": pid, "c": self.community.id},
                )
        for organ in _ORGANS:
            seats = self.seats(organ)
            for i, a in enumerate(seats):
                for j in range(i):
                    b = seats[j]
                    if a.person_id == b.person_id and _overlap(a, b):
                        raise path_error(
                            "two_seats",
                            "{organ}[{i}]: '{value}' would hold two seats on the {organ} at once "
                            "(and {organ}[{j}]) (同一人不得同时担任两个职务)",
                            {"organ": organ, "i": i, "j": j, "value": a.person_id},
                        )
        return self


def _overlap(a: CollectiveSeat, b: CollectiveSeat) -> bool:
    a_before_b = a.term_end is not None and a.term_end <= b.term_start
    b_before_a = b.term_end is not None and b.term_end <= a.term_start
    return not (a_before_b or b_before_a)
