"""The choosing of a body's members (推选产生 / 选举产生) by a meeting: which meeting chose them,
on what day, and whom — the subject of rules on how a body is constituted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, IdTuple, Subject, duplicates, path_error
from .community import BodyKind, Community, CommunityKind

__all__ = ["BodySelection", "Chooser"]

#: Who chose the members: the residents' assembly (居民会议), the representatives' assembly
#: (居民代表会议 / 村民代表会议), the villagers' assembly (村民会议), a villager group meeting
#: (村民小组会议), the residents' or village committee, the party organisation, the street office
#: or township, or another body.
Chooser = Literal[
    "residents_assembly",
    "representatives_assembly",
    "villagers_assembly",
    "villager_group",
    "residents_committee",
    "village_committee",
    "party_organization",
    "street_office",
    "township",
    "other",
]


class BodySelection(Subject):
    """推选: the members of body ``body_id`` chosen by ``chosen_by`` on ``chosen_on``.

    Examples:
        >>> import datetime as dt
        >>> c = Community(id="c1", name="示例社区", kind="urban", persons=[{"id": "p1"}],
        ...               bodies=[{"id": "SC", "kind": "supervision_committee"}])
        >>> s = BodySelection(id="S-1", community=c, body_id="SC", chosen_on=dt.date(2018, 5, 4),
        ...                   chosen_by="representatives_assembly", chosen_ids=["p1"])
        >>> s.facts()
        ('supervision_committee', 'urban')
    """

    subject_type: ClassVar[str] = "body_selection"
    subject_zh: ClassVar[str] = "推选产生"
    reference_date_field: ClassVar[str] = "chosen_on"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "body_kind": get_args(BodyKind),
        "community_kind": get_args(CommunityKind),
    }

    id: Id = Field(description="Record id.")
    community: Community = Field(description="The community and its persons and bodies.")
    body_id: Id = Field(description="The body whose members were chosen (a Body id).")
    chosen_on: Date = Field(description="Day they were chosen (推选日期).")
    chosen_by: Chooser = Field(
        description="Who chose them: residents_assembly 居民会议, representatives_assembly "
        "居民代表会议/村民代表会议, villagers_assembly 村民会议, …"
    )
    chosen_ids: IdTuple = Field(min_length=1, description="The persons chosen.")

    def facts(self) -> tuple[str | None, ...]:
        """``(body_kind, community_kind)``: what rule scopes select on."""
        return (self.community.body_kind(self.body_id), self.community.kind)

    @property
    def subject_id(self) -> str:
        """The record's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``chosen_on``: the default date of a check."""
        return self.chosen_on

    @model_validator(mode="after")
    def _references(self) -> BodySelection:
        c = self.community
        if c.body_kind(self.body_id) is None:
            raise path_error(
                "unknown_reference",
                "body_id: '{value}' is not a body of community {c}",
                {"value": self.body_id, "c": c.id},
            )
        persons = {p.id for p in c.persons}
        for i, pid in enumerate(self.chosen_ids):
            if pid not in persons:
                raise path_error(
                    "unknown_reference",
                    "chosen_ids[{i}]: '{value}' is not a person of community {c}",
                    {"i": i, "value": pid, "c": c.id},
                )
        dup = duplicates(self.chosen_ids)
        if dup:
            raise path_error(
                "duplicate_id", "chosen_ids: duplicate id(s) {ids}", {"ids": ", ".join(dup)}
            )
        return self
