"""Hypothesis strategies for whole communities and the composition of one body (re-exported
by `community_governance.strategies`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from ...models import BodyComposition, Community
from ...models.community import BodyKind, CommunityKind
from .bounds import bases, builtin_denominators
from .people import ids

__all__ = ["body_compositions", "communities", "community"]

TERM_START = dt.date(2021, 6, 1)
TERM_END = dt.date(2026, 6, 1)
#: Everyone the strategies make up is an adult (the checks of eligibility then judge them).
_BORN = dt.date(1980, 5, 1)
_KINDS: tuple[CommunityKind, ...] = ("urban", "village_to_residence", "rural")


def community(
    *,
    cid: str,
    kind: CommunityKind,
    n_reps: int,
    n_households: int,
    committees: tuple[tuple[BodyKind, list[tuple[str, str | None]]], ...] = (),
    party: bool = True,
    term: tuple[dt.date, dt.date] = (TERM_START, TERM_END),
) -> Community:
    """A valid community: representatives ``R<i>`` of assembly ``RA``, households ``H<i>``,
    a party organisation ``PO`` and committees ``B<b>`` of members ``B<b>M<m>`` (role, gender),
    everyone serving ``term``."""
    persons: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    bodies: list[dict[str, Any]] = [{"id": "RA", "kind": "representatives_assembly"}]
    if party:
        bodies.append({"id": "PO", "kind": "party_organization"})
    for i in range(n_reps):
        persons.append({"id": f"R{i}", "birth_date": _BORN})
        memberships.append(
            {
                "person_id": f"R{i}",
                "body_id": "RA",
                "role": "representative",
                "term_start": term[0],
                "term_end": term[1],
            }
        )
    for b, (body_kind, members) in enumerate(committees):
        body_id = f"B{b}"
        bodies.append({"id": body_id, "kind": body_kind})
        for m, (role, gender) in enumerate(members):
            pid = f"{body_id}M{m}"
            persons.append({"id": pid, "gender": gender, "birth_date": _BORN})
            memberships.append(
                {
                    "person_id": pid,
                    "body_id": body_id,
                    "role": role,
                    "term_start": term[0],
                    "term_end": term[1],
                }
            )
    return Community.model_validate(
        {
            "id": cid,
            "name": f"社区{cid}",
            "kind": kind,
            "households": [{"id": f"H{i}"} for i in range(n_households)],
            "persons": persons,
            "bodies": bodies,
            "memberships": memberships,
        }
    )


@st.composite
def _communities(
    draw: st.DrawFn,
    kind: st.SearchStrategy[CommunityKind],
    representatives: st.SearchStrategy[int],
    households: st.SearchStrategy[int],
) -> Community:
    return community(
        cid=draw(ids("C")),
        kind=draw(kind),
        n_reps=draw(representatives),
        n_households=draw(households),
    )


def communities(
    *,
    kind: st.SearchStrategy[CommunityKind] | None = None,
    representatives: st.SearchStrategy[int] | None = None,
    households: st.SearchStrategy[int] | None = None,
) -> st.SearchStrategy[Community]:
    """Valid communities with a representatives' assembly (term 2021-06-01 – 2026-06-01), a
    party organisation, ``representatives`` representatives and ``households`` households.

    Args:
        kind: strategy for ``Community.kind`` (default: any).
        representatives: strategy for how many representatives (default 0–120, half of the
            time a multiple of the denominator of a built-in share — 2, 3, 4, 5 or 10 — so
            that a share of them can be exactly on its bound).
        households: strategy for how many households (default 0–300).
    """
    return _communities(
        kind if kind is not None else st.sampled_from(_KINDS),
        representatives if representatives is not None else bases(builtin_denominators(), 0, 120),
        households if households is not None else st.integers(0, 300),
    )


@st.composite
def _bodies(
    draw: st.DrawFn,
    kind: BodyKind,
    members: st.SearchStrategy[int],
    women: st.SearchStrategy[int] | None,
    community_kind: CommunityKind,
    as_of: st.SearchStrategy[dt.date],
) -> BodyComposition:
    n = draw(members)
    n_women = min(draw(women), n) if women is not None else draw(st.integers(0, n))
    roles = ["chair"] + ["member"] * max(n - 1, 0) if n else []
    genders: list[str | None] = [*(["female"] * n_women), *(["male"] * (n - n_women))]
    genders = list(draw(st.permutations(genders))) if genders else genders
    c = community(
        cid="C1",
        kind=community_kind,
        n_reps=0,
        n_households=0,
        committees=((kind, list(zip(roles, genders, strict=True))),),
    )
    return BodyComposition.model_validate({"community": c, "body_id": "B0", "as_of": draw(as_of)})


def body_compositions(
    *,
    kind: BodyKind = "residents_committee",
    members: st.SearchStrategy[int] | None = None,
    women: st.SearchStrategy[int] | None = None,
    community_kind: CommunityKind = "urban",
    as_of: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[BodyComposition]:
    """The composition of one body (one chair, the rest members) as of a date.

    Args:
        kind: the body kind.
        members: strategy for the number of members (default 0–12).
        women: strategy for how many of them are women (default: any, capped at members).
        community_kind: the community's kind.
        as_of: strategy for the date (default: within the 2021–2026 term).
    """
    return _bodies(
        kind,
        members if members is not None else st.integers(0, 12),
        women,
        community_kind,
        as_of if as_of is not None else st.dates(TERM_START, TERM_END - dt.timedelta(days=1)),
    )
