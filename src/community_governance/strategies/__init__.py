"""Hypothesis strategies for the library's models — for our tests and for yours.

Every strategy is a plain function returning a ``SearchStrategy`` and takes keyword-only
options. The models are also registered with ``st.register_type_strategy`` through the
``hypothesis`` entry point, so ``st.from_type(Proposal)`` works once this package is installed.

Examples:
    >>> from hypothesis import given
    >>> @given(sponsorship_proposals(representatives_distance=-1))
    ... def test_one_short_is_denied(p):
    ...     assert evaluate(p, get_rulebook("cn.sichuan.chengdu.jinjiang")).verdict != "allowed"
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from ..models import (
    BodyComposition,
    Community,
    Disclosure,
    Proposal,
)
from ..models.community import BodyKind, CommunityKind
from ..models.proposal import ProposalCategory, Proposer
from ..rulebooks import Rulebook, get_rulebook
from ._internal.access import (
    with_defects,
    work_item_defect_sets,
    work_item_defects,
    work_items,
)
from ._internal.bodies import (
    bodies_near_size_limit,
    elections,
    elections_near_majority,
    elections_near_turnout,
    families,
    recalls_near_initiation,
)
from ._internal.evaluation import annual_evaluation_records, recalls
from ._internal.meetings import (
    collective_household_meetings,
    dismissal_meetings,
    meetings,
    quorum_meetings,
    tally_meetings,
)
from ._internal.registration import elections_registered_elsewhere, representatives_assemblies

__all__ = [
    "annual_evaluation_records",
    "bodies_near_size_limit",
    "body_compositions",
    "collective_household_meetings",
    "communities",
    "dates",
    "disclosures",
    "dismissal_meetings",
    "elections",
    "elections_near_majority",
    "elections_near_turnout",
    "elections_registered_elsewhere",
    "families",
    "meetings",
    "proposals",
    "quorum_meetings",
    "recalls",
    "recalls_near_initiation",
    "representatives_assemblies",
    "shares",
    "sponsorship_proposals",
    "tally_meetings",
    "with_defects",
    "work_item_defect_sets",
    "work_item_defects",
    "work_items",
]

_TERM_START = dt.date(2021, 6, 1)
_TERM_END = dt.date(2026, 6, 1)
#: Everyone the strategies make up is an adult (the checks of eligibility then judge them).
_BORN = dt.date(1980, 5, 1)


def dates(
    *, min_value: dt.date = dt.date(2012, 1, 1), max_value: dt.date = dt.date(2030, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Dates in a range (default 2012–2030, spanning the 2026-01-01 switch)."""
    return st.dates(min_value=min_value, max_value=max_value)


def shares(*, max_denominator: int = 100) -> st.SearchStrategy[Fraction]:
    """Exact shares between 0 and 1 (``Fraction``), as legal thresholds are written."""
    return st.integers(1, max_denominator).flatmap(
        lambda q: st.integers(0, q).map(lambda p: Fraction(p, q))
    )


def _community(
    *,
    cid: str,
    kind: CommunityKind,
    n_reps: int,
    n_households: int,
    committees: list[tuple[BodyKind, list[tuple[str, str | None]]]] = (),  # type: ignore[assignment]
    party: bool = True,
    term: tuple[dt.date, dt.date] = (_TERM_START, _TERM_END),
) -> Community:
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
    return _community(
        cid=draw(st.from_regex(r"C[0-9]{1,4}", fullmatch=True)),
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
        representatives: strategy for how many representatives (default 0–120).
        households: strategy for how many households (default 0–300).
    """
    return _communities(
        kind if kind is not None else st.sampled_from(("urban", "village_to_residence", "rural")),
        representatives if representatives is not None else st.integers(0, 120),
        households if households is not None else st.integers(0, 300),
    )


@st.composite
def _proposals(
    draw: st.DrawFn,
    community: st.SearchStrategy[Community],
    category: st.SearchStrategy[ProposalCategory],
    proposer: st.SearchStrategy[Proposer],
    submitted_on: st.SearchStrategy[dt.date],
) -> Proposal:
    c = draw(community)
    on = draw(submitted_on)
    reps = sorted(c.representatives(on))
    n_reps = draw(st.integers(0, len(reps)))
    n_hh = draw(st.integers(0, len(c.households)))
    return Proposal(
        id=draw(st.from_regex(r"P-[0-9]{1,5}", fullmatch=True)),
        community=c,
        title="议案",
        category=draw(category),
        proposer=draw(proposer),
        submitted_on=on,
        sponsor_representative_ids=tuple(reps[:n_reps]),
        sponsor_household_ids=tuple(h.id for h in c.households[:n_hh]),
    )


def proposals(
    *,
    community: st.SearchStrategy[Community] | None = None,
    category: st.SearchStrategy[ProposalCategory] | None = None,
    proposer: st.SearchStrategy[Proposer] | None = None,
    submitted_on: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[Proposal]:
    """Valid proposals: any number of sponsors drawn from the community's representatives (on
    the submission date) and households.

    Args:
        community: strategy for the community (default `communities()`).
        category: strategy for ``major`` / ``ordinary`` (default: either).
        proposer: strategy for the proposer kind (default: any).
        submitted_on: strategy for the date (default: within the representatives' term).
    """
    return _proposals(
        community if community is not None else communities(),
        category if category is not None else st.sampled_from(("major", "ordinary")),
        proposer
        if proposer is not None
        else st.sampled_from(("representatives", "households", "party_organization")),
        submitted_on
        if submitted_on is not None
        else dates(min_value=_TERM_START, max_value=_TERM_END - dt.timedelta(days=1)),
    )


@st.composite
def _sponsorship(
    draw: st.DrawFn,
    rulebook: Rulebook,
    at: dt.date | None,
    representatives: st.SearchStrategy[int],
    rep_distance: st.SearchStrategy[int],
    hh_distance: st.SearchStrategy[int],
) -> Proposal:
    on = at or draw(dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2026, 5, 31)))
    share = rulebook.parameter_version("proposal.sponsorship.representative-share", on).value
    needed_hh = rulebook.parameter_version("proposal.sponsorship.households", on).value
    assert isinstance(share, Fraction)
    assert isinstance(needed_hh, int)
    n_reps = draw(representatives)
    bound = -(-share.numerator * n_reps // share.denominator)  # ceil: 以上 is inclusive
    sponsors = min(max(bound + draw(rep_distance), 0), n_reps)
    households = max(needed_hh + draw(hh_distance), 0)
    c = _community(
        cid="C1", kind="urban", n_reps=n_reps, n_households=max(households, needed_hh + 5)
    )
    return Proposal(
        id="P-1",
        community=c,
        title="重大事项议案",
        category="major",
        proposer="representatives",
        submitted_on=on,
        sponsor_representative_ids=tuple(f"R{i}" for i in range(sponsors)),
        sponsor_household_ids=tuple(f"H{i}" for i in range(households)),
    )


def sponsorship_proposals(
    *,
    rulebook: Rulebook | None = None,
    at: dt.date | None = None,
    representatives: st.SearchStrategy[int] | None = None,
    representatives_distance: int | st.SearchStrategy[int] = 0,
    households_distance: int | st.SearchStrategy[int] = -1,
) -> st.SearchStrategy[Proposal]:
    """Major-matter proposals placed at a chosen distance from the sponsorship threshold.

    The distance is counted from the least passing number: ``0`` is exactly on the boundary
    (passes, since 以上 is inclusive), ``-1`` one short, ``+1`` one over. Sponsoring
    representatives are clamped to ``0..representatives``.

    Args:
        rulebook: whose parameters define the threshold (default: Jinjiang).
        at: the submission date (default: drawn in 2022–2026-05).
        representatives: strategy for the number of representatives (default 1–400).
        representatives_distance: distance of the sponsoring representatives from the bound.
        households_distance: distance of the sponsoring households from the bound (default -1:
            one short, so that the representatives decide).
    """

    def as_strategy(v: int | st.SearchStrategy[int]) -> st.SearchStrategy[int]:
        return st.just(v) if isinstance(v, int) else v

    return _sponsorship(
        rulebook if rulebook is not None else get_rulebook("cn.sichuan.chengdu.jinjiang"),
        at,
        representatives if representatives is not None else st.integers(1, 400),
        as_strategy(representatives_distance),
        as_strategy(households_distance),
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
    c = _community(
        cid="C1",
        kind=community_kind,
        n_reps=0,
        n_households=0,
        committees=[(kind, list(zip(roles, genders, strict=True)))],
    )
    return BodyComposition(community=c, body_id="B0", as_of=draw(as_of))


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
        as_of
        if as_of is not None
        else dates(min_value=_TERM_START, max_value=_TERM_END - dt.timedelta(days=1)),
    )


@st.composite
def _disclosures(
    draw: st.DrawFn, community_kind: st.SearchStrategy[CommunityKind], as_of: dt.date
) -> Disclosure:
    kind = draw(community_kind)
    postings = []
    for i in range(draw(st.integers(0, 8))):
        posted = as_of - dt.timedelta(days=draw(st.integers(0, 400)))
        up = draw(st.none() | st.integers(1, 60))
        removed = None if up is None else posted + dt.timedelta(days=up)
        postings.append(
            {
                "id": f"p{i}",
                "category": draw(st.sampled_from(("decision", "finances", "general", "major"))),
                "title": f"公布事项{i}",
                "posted_on": posted,
                "removed_on": removed,
            }
        )
    return Disclosure.model_validate(
        {
            "id": draw(st.from_regex(r"board-[0-9]{1,4}", fullmatch=True)),
            "community_kind": kind,
            "as_of": as_of,
            "frequent_transactions": draw(st.booleans()),
            "postings": postings,
        },
        strict=False,
    )


def disclosures(
    *,
    community_kind: st.SearchStrategy[CommunityKind] | None = None,
    as_of: dt.date = dt.date(2026, 9, 30),
) -> st.SearchStrategy[Disclosure]:
    """Valid disclosure records (公开记录) as of ``as_of``: up to eight postings of any
    category put up in the year before, some taken down after 1–60 days.

    Args:
        community_kind: strategy for the community's kind (default: any).
        as_of: the day the record is judged as of.
    """
    return _disclosures(
        community_kind
        if community_kind is not None
        else st.sampled_from(("urban", "village_to_residence", "rural")),
        as_of,
    )
