"""Hypothesis strategies for where people are registered and chosen: voters also registered in
another village, representatives with or without a constituency (re-exported by
`community_governance.strategies`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from ...models import BodyComposition, Election
from ...models.community import CommunityKind
from ...models.constituency import ConstituencyKind
from .bodies import _as_strategy, _election_data, _membership, _person

__all__ = ["elections_registered_elsewhere", "representatives_assemblies"]


@st.composite
def _registered_elsewhere(
    draw: st.DrawFn,
    kind: CommunityKind,
    voters: st.SearchStrategy[int],
    elsewhere: st.SearchStrategy[int],
    at: dt.date,
) -> Election:
    n = draw(voters)
    k = min(max(draw(elsewhere), 0), n)
    data = _election_data(kind, "voters", n, 1, at, n, [n, 0])
    chosen = draw(st.permutations(data["electorate_ids"]))[:k]
    data["other_registrations"] = [
        {"person_id": pid, "community_ids": [f"X{i}" for i in range(draw(st.integers(1, 3)))]}
        for pid in chosen
    ]
    return Election.model_validate(data)


def elections_registered_elsewhere(
    *,
    kind: CommunityKind = "rural",
    voters: st.SearchStrategy[int] | None = None,
    elsewhere: int | st.SearchStrategy[int] = 0,
    at: dt.date = dt.date(2026, 5, 20),
) -> st.SearchStrategy[Election]:
    """Valid one-seat elections where ``elsewhere`` listed voters (clamped to ``0..voters``,
    chosen at random) are recorded as also registered to vote in 1–3 other communities
    (``Election.other_registrations``); ``0`` records none.

    Args:
        kind: ``rural`` (village committee) or ``urban`` (residents' committee).
        voters: strategy for the electorate's size (default 1–60).
        elsewhere: how many listed voters are registered elsewhere (an int or a strategy).
        at: the election day.
    """
    return _registered_elsewhere(
        kind,
        voters if voters is not None else st.integers(1, 60),
        _as_strategy(elsewhere),
        at,
    )


@st.composite
def _assemblies(
    draw: st.DrawFn,
    representatives: st.SearchStrategy[int],
    unrecorded: st.SearchStrategy[int],
    kinds: st.SearchStrategy[ConstituencyKind],
    community_kind: CommunityKind,
    as_of: dt.date,
) -> BodyComposition:
    n = draw(representatives)
    k = min(max(draw(unrecorded), 0), n)
    without = set(draw(st.permutations(range(n)))[:k])
    memberships: list[dict[str, Any]] = []
    for i in range(n):
        m = _membership(f"R{i}", "RA", "representative")
        if i not in without:
            m["constituency"] = {"kind": draw(kinds), "name": f"第{i % 7 + 1}片"}
        memberships.append(m)
    community = {
        "id": "C1",
        "name": "社区C1",
        "kind": community_kind,
        "persons": [_person(f"R{i}") for i in range(n)],
        "bodies": [
            {"id": "RC", "kind": "residents_committee"},
            {"id": "RA", "kind": "representatives_assembly"},
        ],
        "memberships": memberships,
    }
    return BodyComposition.model_validate({"community": community, "body_id": "RA", "as_of": as_of})


def representatives_assemblies(
    *,
    representatives: st.SearchStrategy[int] | None = None,
    unrecorded: int | st.SearchStrategy[int] = 0,
    kinds: st.SearchStrategy[ConstituencyKind] | None = None,
    community_kind: CommunityKind = "urban",
    as_of: dt.date = dt.date(2026, 3, 2),
) -> st.SearchStrategy[BodyComposition]:
    """A representatives' assembly (``RA``, term 2021-06-01 – 2026-06-01) where ``unrecorded``
    representatives (clamped to ``0..representatives``, chosen at random) have no constituency
    (推选范围) recorded and the others one of ``kinds``.

    Args:
        representatives: strategy for how many representatives (default 1–60).
        unrecorded: how many have no constituency (an int or a strategy).
        kinds: strategy for the recorded constituencies' kinds (default: compound 居民小区 or
            building 楼宇).
        community_kind: the community's kind.
        as_of: the day the composition is taken on.
    """
    return _assemblies(
        representatives if representatives is not None else st.integers(1, 60),
        _as_strategy(unrecorded),
        kinds if kinds is not None else st.sampled_from(("compound", "building")),
        community_kind,
        as_of,
    )
