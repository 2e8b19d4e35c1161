"""Annual democratic evaluation (民主评议) of committee members."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import ClassVar, Literal, get_args

from pydantic import Field, model_validator

from ._base import Date, Id, IdTuple, StrictModel, Subject, path_error
from .community import BodyKind, Community, CommunityKind

__all__ = ["AnnualEvaluation", "AnnualEvaluationRecord", "Rating", "RatingValue"]

#: 称职 (fit), 基本称职 (basically fit) or 不称职 (unfit).
RatingValue = Literal["fit", "basically_fit", "unfit"]


class Rating(StrictModel):
    """One member's result in one evaluation (评议结果)."""

    person_id: Id = Field(description="The committee member evaluated.")
    rating: RatingValue = Field(description="称职 fit, 基本称职 basically_fit, 不称职 unfit.")


class AnnualEvaluation(StrictModel):
    """One democratic evaluation by the residents' (villagers') assembly or representatives'
    assembly."""

    held_on: Date = Field(description="Day the evaluation was held (评议日期).")
    chaired_by: Id = Field(description="The body that chaired it (主持), a Body id.")
    ratings: tuple[Rating, ...] = Field(
        strict=False,
        min_length=1,
        description="Results per member, each member once; an evaluation rating nobody is not "
        "an evaluation.",
    )
    results_published_on: Date | None = Field(
        default=None,
        description="Day the results were published to the residents (评议结果向居民公布); "
        "None if not published or not recorded.",
    )
    subsidised_staff_ids: IdTuple | None = Field(
        default=None,
        description="Village: the staff hired with a work subsidy borne by the villagers or "
        "the village collective (由村民或者村集体承担误工补贴的聘用人员) serving on the day, "
        "whom the evaluation must also rate; [] when there are none; None if not recorded.",
    )

    @model_validator(mode="after")
    def _published_after(self) -> AnnualEvaluation:
        if self.results_published_on is not None and self.results_published_on < self.held_on:
            raise path_error(
                "date_order",
                "results_published_on: {value} is before the evaluation on {day} (评议结果公布"
                "早于评议日期)",
                {"value": self.results_published_on.isoformat(), "day": self.held_on.isoformat()},
            )
        return self


class AnnualEvaluationRecord(Subject):
    """民主评议记录: the evaluations of a committee's members up to ``as_of``.

    Examples:
        >>> import datetime as dt
        >>> c = Community(id="c1", name="示例社区", kind="urban",
        ...               bodies=[{"id": "RC", "kind": "residents_committee"},
        ...                       {"id": "SC", "kind": "supervision_committee"}])
        >>> AnnualEvaluationRecord(id="EV", community=c, body_id="RC", as_of=dt.date(2027, 3, 1),
        ...                  evaluations=[]).subject_id
        'EV'
    """

    subject_type: ClassVar[str] = "annual_evaluation"
    subject_zh: ClassVar[str] = "民主评议"
    reference_date_field: ClassVar[str] = "as_of"
    scope_facts: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "body_kind": get_args(BodyKind),
        "community_kind": get_args(CommunityKind),
    }

    def facts(self) -> tuple[str | None, ...]:
        """``(body_kind, community_kind)``: what rule scopes select on."""
        return (self.community.body_kind(self.body_id), self.community.kind)

    id: Id = Field(description="Record id.")
    community: Community = Field(description="The community.")
    body_id: Id = Field(description="The committee evaluated (居民委员会 / 村民委员会).")
    as_of: Date = Field(description="The day the record is taken on.")
    evaluations: tuple[AnnualEvaluation, ...] = Field(strict=False, description="评议, any order.")

    @model_validator(mode="after")
    def _references(self) -> AnnualEvaluationRecord:
        c = self.community
        bodies = {b.id: b.kind for b in c.bodies}
        if bodies.get(self.body_id) not in ("residents_committee", "village_committee"):
            raise path_error(
                "unknown_reference",
                "body_id: '{value}' is not a residents' or village committee of community {c}",
                {"value": self.body_id, "c": c.id},
            )
        persons = {p.id for p in c.persons}
        born = {p.id: p.birth_date for p in c.persons}
        for i, ev in enumerate(self.evaluations):
            if ev.chaired_by not in bodies:
                raise path_error(
                    "unknown_reference",
                    "evaluations[{i}].chaired_by: '{value}' is not a body of community {c}",
                    {"i": i, "value": ev.chaired_by, "c": c.id},
                )
            if ev.held_on > self.as_of:
                raise path_error(
                    "date_order",
                    "evaluations[{i}].held_on: {value} is after as_of {as_of}",
                    {"i": i, "value": ev.held_on.isoformat(), "as_of": self.as_of.isoformat()},
                )
            for j, r in enumerate(ev.ratings):
                if r.person_id not in persons:
                    raise path_error(
                        "unknown_reference",
                        "evaluations[{i}].ratings[{j}].person_id: '{value}' is not a person of "
                        "community {c}",
                        {"i": i, "j": j, "value": r.person_id, "c": c.id},
                    )
                birth = born[r.person_id]
                if birth is not None and birth > ev.held_on:
                    raise path_error(
                        "born_after",
                        "evaluations[{i}].ratings[{j}].person_id: '{value}' was born on {birth}, "
                        "after the evaluation on {day} (出生日期晚于评议日期)",
                        {
                            "i": i,
                            "j": j,
                            "value": r.person_id,
                            "birth": birth.isoformat(),
                            "day": ev.held_on.isoformat(),
                        },
                    )
            for j, pid in enumerate(ev.subsidised_staff_ids or ()):
                if pid not in persons:
                    raise path_error(
                        "unknown_reference",
                        "evaluations[{i}].subsidised_staff_ids[{j}]: '{value}' is not a person "
                        "of community {c}",
                        {"i": i, "j": j, "value": pid, "c": c.id},
                    )
            self._check_once(i, ev)
        return self

    def _check_once(self, i: int, ev: AnnualEvaluation) -> None:
        """Each member is rated once in an evaluation, and once on a day: a second rating of
        the same person the same day duplicates or contradicts the first (评议结果唯一)."""
        rated: dict[str, tuple[int, int, str]] = {}
        for k, other in enumerate(self.evaluations[:i]):
            if other.held_on == ev.held_on:
                for m, r in enumerate(other.ratings):
                    rated.setdefault(r.person_id, (k, m, r.rating))
        for j, r in enumerate(ev.ratings):
            seen = rated.get(r.person_id)
            if seen is not None:
                k, m, rating = seen
                kind = "duplicate_rating" if rating == r.rating else "contradictory_rating"
                raise path_error(
                    kind,
                    "evaluations[{i}].ratings[{j}]: '{value}' is rated '{rating}' and already "
                    "'{other}' on {day} (evaluations[{k}].ratings[{m}]) (同一成员同日只评议一次)",
                    {
                        "i": i,
                        "j": j,
                        "k": k,
                        "m": m,
                        "value": r.person_id,
                        "rating": r.rating,
                        "other": rating,
                        "day": ev.held_on.isoformat(),
                    },
                )
            rated[r.person_id] = (i, j, r.rating)

    @property
    def subject_id(self) -> str:
        """The record id."""
        return self.id

    @property
    def reference_date(self) -> dt.date:
        """``as_of``."""
        return self.as_of

    def in_order(self) -> tuple[AnnualEvaluation, ...]:
        """The evaluations by date."""
        return tuple(sorted(self.evaluations, key=lambda e: e.held_on))
