"""Proposals (议案 / 提案) on community matters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field, ValidationInfo, field_validator

from ._base import Date, Id, IdTuple, Subject, Text, duplicates, problems_error
from .community import Community, CommunityKind

__all__ = ["Proposal", "ProposalCategory", "Proposer"]

ProposalCategory = Literal["major", "ordinary"]
"""重大事项 (major matter) or an ordinary matter."""
Proposer = Literal["representatives", "households", "party_organization"]
"""Who puts the proposal forward: 居民代表联名, 居民（户）联名, or 社区党组织."""


class Proposal(Subject):
    """议案: a proposal put to the community's representatives' assembly.

    Sponsors (联名) are given by id so that they can be checked: every sponsoring representative
    must be a representative of the community's representatives' assembly on ``submitted_on``,
    and every sponsoring household a household of the community.

    Examples:
        >>> import datetime as dt
        >>> c = Community(id="c1", name="示例社区", kind="urban", households=[{"id": "h1"}])
        >>> p = Proposal(id="P-1", community=c, title="加装电梯", category="major",
        ...              proposer="households", submitted_on=dt.date(2026, 3, 1),
        ...              sponsor_household_ids=["h1"])
        >>> p.subject_id
        'P-1'
    """

    subject_type: ClassVar[str] = "proposal"
    subject_zh: ClassVar[str] = "议案"
    reference_date_field: ClassVar[str] = "submitted_on"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "community_kind": get_args(CommunityKind)
    }

    def facts(self) -> tuple[str | None, ...]:
        """``(community_kind,)``: what rule scopes select on."""
        return (self.community.kind,)

    id: Id = Field(description="Proposal id.")
    community: Community = Field(description="The community the proposal is made in.")
    title: Text = Field(description="What is proposed (议题).")
    category: ProposalCategory = Field(description="major (重大事项) or ordinary.")
    proposer: Proposer = Field(
        description="representatives (居民代表联名), households (居民联名) "
        "or party_organization (社区党组织提案)."
    )
    submitted_on: Date = Field(description="The day the proposal was put forward (提出日期).")
    sponsor_representative_ids: IdTuple = Field(
        default=(), description="Person ids of the sponsoring representatives (联名居民代表)."
    )
    sponsor_household_ids: IdTuple = Field(
        default=(), description="Ids of the sponsoring households (联名居民户)."
    )

    @property
    def subject_id(self) -> str:
        """The proposal id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """The day the proposal was submitted: the default date of a check."""
        return self.submitted_on

    @field_validator("sponsor_representative_ids")
    @classmethod
    def _representatives(cls, ids: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        _unique(ids, "sponsor_representative_ids")
        community, on = info.data.get("community"), info.data.get("submitted_on")
        if community is None or on is None:  # already reported on its own field
            return ids
        reps = community.representatives(on)
        unknown = [
            (
                (i,),
                "not_a_representative",
                "sponsor_representative_ids[{i}]: '{value}' is not a representative of "
                "community {community}'s representatives' assembly on {date} "
                "(不是该社区居民代表会议的居民代表)",
                {"i": i, "value": pid, "community": community.id, "date": on.isoformat()},
                pid,
            )
            for i, pid in enumerate(ids)
            if pid not in reps
        ]
        if unknown:  # every one, each at its index
            raise problems_error(unknown)
        return ids

    @field_validator("sponsor_household_ids")
    @classmethod
    def _households(cls, ids: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        _unique(ids, "sponsor_household_ids")
        community = info.data.get("community")
        if community is None:
            return ids
        households = {h.id for h in community.households}
        unknown = [
            (
                (i,),
                "unknown_reference",
                "sponsor_household_ids[{i}]: '{value}' is not a household of community "
                "{community} (不是该社区的居民户)",
                {"i": i, "value": hid, "community": community.id},
                hid,
            )
            for i, hid in enumerate(ids)
            if hid not in households
        ]
        if unknown:  # every one, each at its index
            raise problems_error(unknown)
        return ids


def _unique(ids: tuple[str, ...], field: str) -> None:
    """Every repeat of a sponsor, at its index (the first listing is not a problem)."""
    dup = duplicates(ids)
    if dup:
        raise problems_error(
            (
                (i,),
                "duplicate_id",
                "{field}: sponsor(s) listed twice: {ids}",
                {"field": field, "ids": ", ".join(dup)},
                v,
            )
            for i, v in enumerate(ids)
            if v in dup and ids.index(v) != i
        )
