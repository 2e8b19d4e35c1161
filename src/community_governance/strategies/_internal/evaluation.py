"""Hypothesis strategies for recalls and democratic evaluations (re-exported by
`community_governance.strategies`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from ...models import AnnualEvaluationRecord, Recall
from ...models.community import CommunityKind
from ...models.election import SponsorKind
from ...models.evaluation import RatingValue
from .bodies import recalls_near_initiation

__all__ = ["annual_evaluation_records", "recalls"]

_START = dt.date(2026, 6, 1)
_END = dt.date(2031, 6, 1)
_KINDS: tuple[CommunityKind, ...] = ("urban", "rural")
_SPONSORS: tuple[SponsorKind, ...] = ("voters", "representatives")


def recalls() -> st.SearchStrategy[Recall]:
    """Valid recall requests, urban or village, by voters or representatives, a few sponsors
    either side of the least share that may start a recall."""
    return st.sampled_from(_KINDS).flatmap(
        lambda kind: st.sampled_from(_SPONSORS).flatmap(
            lambda sponsors: recalls_near_initiation(
                kind=kind,
                sponsors=sponsors,
                size=st.integers(1, 60),
                distance=st.integers(-3, 3),
            )
        )
    )


@st.composite
def _records(draw: st.DrawFn, kind: str, years: st.SearchStrategy[int]) -> AnnualEvaluationRecord:
    n_years = draw(years)
    committee = "residents_committee" if kind == "urban" else "village_committee"
    members = [f"C{i}" for i in range(3)]
    ratings: list[RatingValue] = ["fit", "basically_fit", "unfit"]
    evaluations: list[dict[str, Any]] = []
    for y in range(n_years):
        if draw(st.booleans()) or y == 0:
            evaluations.append(
                {
                    "held_on": dt.date(2027 + y, 12, 10),
                    "results_published_on": dt.date(2027 + y, 12, 11),
                    "subsidised_staff_ids": [],
                    "chaired_by": "SC",
                    "ratings": [
                        {"person_id": p, "rating": draw(st.sampled_from(ratings))} for p in members
                    ],
                }
            )
    memberships = [
        {"person_id": p, "body_id": "B", "role": "member", "term_start": _START, "term_end": _END}
        for p in members
    ]
    data = {
        "id": "EV1",
        "community": {
            "id": "C1",
            "name": "社区C1",
            "kind": kind,
            "persons": [{"id": p} for p in members],
            "bodies": [
                {
                    "id": "B",
                    "kind": committee,
                    "term_start": _START,
                    "term_end": _START.replace(year=2031),
                },
                {"id": "SC", "kind": "supervision_committee"},
            ],
            "memberships": memberships,
        },
        "body_id": "B",
        "as_of": dt.date(2027 + n_years, 2, 1),
        "evaluations": evaluations,
    }
    return AnnualEvaluationRecord.model_validate(data)


def annual_evaluation_records(
    *,
    kind: str = "urban",
    years: st.SearchStrategy[int] | None = None,
) -> st.SearchStrategy[AnnualEvaluationRecord]:
    """AnnualEvaluation records of a committee elected 2026-06-01: ``years`` full years (default
    1–4) with random ratings and some years skipped; every member still serving on ``as_of``,
    so two consecutive "unfit" ratings always fail ``annual-evaluation.consecutive-unfit``."""
    return _records(kind, years if years is not None else st.integers(1, 4))
