"""An evaluation of community cadres (社区干部评议), such as Jinjiang's 居民直评社区干部: who
evaluated, how the results were announced, and what they were used for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field

from ._base import Date, Id, IdTuple, Subject
from .community import CommunityKind

__all__ = ["Announcement", "CadreEvaluation", "Evaluators"]

#: Who gave the ratings: the residents themselves (居民), their representatives (居民代表), the
#: street office (街道), or others.
Evaluators = Literal["residents", "representatives", "street_office", "other"]
#: How the results were made known: on the spot (现场公布), later, or not at all.
Announcement = Literal["on_the_spot", "later", "none"]


class CadreEvaluation(Subject):
    """社区干部评议: one evaluation of a community's cadres.

    Examples:
        >>> import datetime as dt
        >>> e = CadreEvaluation(id="EV-1", community_kind="urban", held_on=dt.date(2011, 12, 20),
        ...                     evaluated_ids=["p1", "p2"], evaluated_by="residents",
        ...                     announcement="on_the_spot", tied_to_rewards=True)
        >>> e.subject_id, e.facts()
        ('EV-1', ('urban',))
    """

    subject_type: ClassVar[str] = "cadre_evaluation"
    subject_zh: ClassVar[str] = "社区干部评议"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "community_kind": get_args(CommunityKind)
    }

    id: Id = Field(description="Evaluation id.")
    community_kind: CommunityKind = Field(
        description="城市社区 urban / 村改居社区 village_to_residence / 农村社区 rural."
    )
    held_on: Date = Field(description="Day of the evaluation (评议日期).")
    evaluated_ids: IdTuple = Field(
        min_length=1, description="The cadres evaluated (被评议的社区干部), person ids."
    )
    evaluated_by: Evaluators = Field(
        description="Who rated them: residents (居民直评), representatives (居民代表), "
        "street_office (街道) or other."
    )
    announcement: Announcement | None = Field(
        default=None,
        description="on_the_spot (评议结果现场公布), later, or none; null: not recorded.",
    )
    tied_to_rewards: bool | None = Field(
        default=None,
        description="Whether the results decide the cadres' rewards and penalties (与奖惩挂钩); "
        "null: not recorded.",
    )

    def facts(self) -> tuple[str | None, ...]:
        """``(community_kind,)``: what rule scopes select on."""
        return (self.community_kind,)

    @property
    def subject_id(self) -> str:
        """The evaluation's id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``held_on``: the default date of a check."""
        return self.held_on
