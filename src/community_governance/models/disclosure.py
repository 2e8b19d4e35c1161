"""Disclosure (居务公开 / 村务公开): what a committee posted on its notice board, and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, StrictModel, Subject, duplicates, path_error, repeated
from .community import CommunityKind

__all__ = ["Disclosure", "DisclosureCategory", "Posting"]

#: 会议决定事项 (decision), 财务收支 (finances), 一般事项 (general), 重大事项 (major).
DisclosureCategory = Literal["decision", "finances", "general", "major"]


class Posting(StrictModel):
    """公布: one item put up on the notice board (公开栏) or its online equivalent."""

    id: Id = Field(description="Posting id.")
    category: DisclosureCategory = Field(
        description="decision (会议决定及实施), finances (财务收支), general (一般事项) or major "
        "(重大事项)."
    )
    title: str = Field(default="", description="What was posted (公布事项).")
    posted_on: Date = Field(description="The day it went up (公布日期).")
    removed_on: Date | None = Field(
        default=None,
        description="The first day it was no longer posted (撤下日期, exclusive); None while up.",
    )

    @model_validator(mode="after")
    def _order(self) -> Posting:
        if self.removed_on is not None and self.removed_on <= self.posted_on:
            raise path_error(
                "removed_before_posted",
                "removed_on: '{value}' is not after posted_on {posted_on}",
                {"value": self.removed_on.isoformat(), "posted_on": self.posted_on.isoformat()},
            )
        return self


class Disclosure(Subject):
    """A committee's disclosure record as of a date: the subject of the disclosure rules.

    Examples:
        >>> import datetime as dt
        >>> d = Disclosure(id="board-1", community_kind="rural", as_of=dt.date(2026, 4, 1),
        ...                postings=[{"id": "p1", "category": "general",
        ...                           "posted_on": dt.date(2026, 2, 1)}])
        >>> d.subject_id, d.reference_date
        ('board-1', datetime.date(2026, 4, 1))
    """

    subject_type: ClassVar[str] = "disclosure"
    subject_zh: ClassVar[str] = "公开记录"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "community_kind": get_args(CommunityKind)
    }

    def facts(self) -> tuple[str | None, ...]:
        """``(community_kind,)``: what rule scopes select on."""
        return (self.community_kind,)

    id: Id = Field(description="The notice board or community id (公开栏).")
    community_kind: CommunityKind = Field(
        description="城市社区 urban / 村改居社区 village_to_residence / 农村社区 rural."
    )
    as_of: Date = Field(description="The day the record is judged as of (截至日期).")
    frequent_transactions: bool = Field(
        default=False,
        description="The village has many financial transactions (财务往来较多): finances are "
        "posted monthly.",
    )
    postings: tuple[Posting, ...] = Field(
        default=(), strict=False, description="What was posted, in any order."
    )

    @property
    def subject_id(self) -> str:
        """The board id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``as_of``: the default date of a check."""
        return self.as_of

    @model_validator(mode="after")
    def _consistent(self) -> Disclosure:
        if duplicates(p.id for p in self.postings):
            raise repeated("postings", (p.id for p in self.postings))
        for i, p in enumerate(self.postings):
            if p.posted_on > self.as_of:
                raise path_error(
                    "posted_after_as_of",
                    "postings[{i}].posted_on: '{value}' is after as_of {as_of}",
                    {"i": i, "value": p.posted_on.isoformat(), "as_of": self.as_of.isoformat()},
                )
        return self
