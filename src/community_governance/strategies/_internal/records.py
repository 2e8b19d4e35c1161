"""Hypothesis strategies for the parts of the records a subject carries: postings and
disclosure records, candidates, proxies, objections, other registrations, ratings and
evaluations, requests to convene, units, motions and dismissal notices (re-exported by
`community_governance.strategies`).

As in `people`, each validates generated data strictly, and draws references only from the
ids passed in (default: made-up ids, valid for the part on its own).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, get_args

from hypothesis import strategies as st

from ...models import (
    AnnualEvaluation,
    Candidate,
    ContractNoticePeriod,
    Disclosure,
    DismissalNotice,
    Motion,
    Objection,
    OtherRegistration,
    Posting,
    Proxy,
    Rating,
    Request,
    Unit,
)
from ...models.community import CommunityKind
from ...models.disclosure import DisclosureCategory
from ...models.election import Nominator
from ...models.evaluation import RatingValue
from ...models.meeting import Matter, MotionResult, RequestBase
from .people import after, dates_between, ids, maybe

__all__ = [
    "annual_evaluations",
    "candidates",
    "contract_notice_periods",
    "disclosures",
    "dismissal_notices",
    "motions",
    "objections",
    "other_registrations",
    "postings",
    "proxies",
    "ratings",
    "requests",
    "units",
]

_EARLIEST, _LATEST = dt.date(2012, 1, 1), dt.date(2030, 12, 31)
_POSTED = ("本季度财务收支情况", "居民会议决定事项", "加装电梯方案", "低保评议结果")
_CLAUSES = ("物业服务合同第二十条", "物业服务合同第十五条第二款")
_MOTIONS = ("加装电梯", "选聘物业服务企业", "使用维修资金", "修订管理规约")


def _one_of(values: Sequence[str], prefix: str) -> st.SearchStrategy[str]:
    return st.sampled_from(tuple(values)) if values else ids(prefix)


@st.composite
def _postings(draw: st.DrawFn, pid: st.SearchStrategy[str], up_to: dt.date) -> Posting:
    posted = draw(dates_between(_EARLIEST, up_to))
    return Posting.model_validate(
        {
            "id": draw(pid),
            "category": draw(st.sampled_from(get_args(DisclosureCategory))),
            "title": draw(st.sampled_from(_POSTED)),
            "posted_on": posted,
            "removed_on": draw(maybe(after(posted, days=400))),
        }
    )


def postings(*, as_of: dt.date | None = None) -> st.SearchStrategy[Posting]:
    """Valid postings (公布) ``p<n>`` of any category, put up by ``as_of`` (default: 2012–2030),
    some taken down later."""
    return _postings(ids("p"), as_of or _LATEST)


@st.composite
def _disclosures(
    draw: st.DrawFn, community_kind: st.SearchStrategy[CommunityKind], as_of: dt.date
) -> Disclosure:
    postings = []
    for i in range(draw(st.integers(0, 8))):
        posted = as_of - dt.timedelta(days=draw(st.integers(0, 400)))
        up = draw(st.none() | st.integers(1, 60))
        postings.append(
            {
                "id": f"p{i}",
                "category": draw(st.sampled_from(get_args(DisclosureCategory))),
                "title": f"公布事项{i}",
                "posted_on": posted,
                "removed_on": None if up is None else posted + dt.timedelta(days=up),
            }
        )
    return Disclosure.model_validate(
        {
            "id": draw(ids("board-")),
            "community_kind": draw(community_kind),
            "as_of": as_of,
            "frequent_transactions": draw(st.booleans()),
            "postings": postings,
        }
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


def candidates(
    *, person_ids: Sequence[str] = (), nominator_ids: Sequence[str] = ()
) -> st.SearchStrategy[Candidate]:
    """Valid candidates (候选人), counted or not yet.

    Args:
        person_ids: who may stand (default: a made-up ``P<n>``).
        nominator_ids: the voters who may have nominated them jointly (default: none).
    """
    nominators = tuple(nominator_ids)
    named = (
        st.lists(st.sampled_from(nominators), unique=True, max_size=10)
        if nominators
        else st.just([])
    )
    return st.builds(
        lambda pid, by, named, votes: Candidate.model_validate(
            {"person_id": pid, "nominated_by": by, "nominator_ids": named, "votes": votes}
        ),
        _one_of(person_ids, "P"),
        st.sampled_from(get_args(Nominator)),
        named,
        maybe(st.integers(0, 500)),
    )


def proxies(*, voter_ids: Sequence[str] = ()) -> st.SearchStrategy[Proxy]:
    """Valid proxies (委托投票): one voter of ``voter_ids`` (default: made-up ids) lets another
    vote for them, in writing or not."""
    voters = tuple(voter_ids)
    pair = (
        st.lists(st.sampled_from(voters), min_size=2, max_size=2, unique=True)
        if len(voters) >= 2
        else st.lists(ids("V"), min_size=2, max_size=2, unique=True)
    )
    return st.builds(
        lambda two, written: Proxy.model_validate(
            {"principal_id": two[0], "proxy_id": two[1], "written": written}
        ),
        pair,
        st.booleans(),
    )


def objections() -> st.SearchStrategy[Objection]:
    """Valid objections (申诉) to a voter list, decided within 30 days or not yet."""
    return dates_between(_EARLIEST, _LATEST).flatmap(
        lambda filed: maybe(st.integers(0, 30)).map(
            lambda days: Objection.model_validate(
                {
                    "filed_on": filed,
                    "decided_on": None if days is None else filed + dt.timedelta(days=days),
                }
            )
        )
    )


def other_registrations(*, person_ids: Sequence[str] = ()) -> st.SearchStrategy[OtherRegistration]:
    """Valid records of a voter of ``person_ids`` (default: made-up ids) also registered to
    vote in 1–3 other communities ``X<n>``."""
    return st.builds(
        lambda pid, where: OtherRegistration.model_validate(
            {"person_id": pid, "community_ids": where}
        ),
        _one_of(person_ids, "V"),
        st.lists(ids("X", at_most=99), min_size=1, max_size=3, unique=True),
    )


def ratings(*, person_ids: Sequence[str] = ()) -> st.SearchStrategy[Rating]:
    """Valid ratings (评议结果) of a member of ``person_ids`` (default: made-up ids)."""
    return st.builds(
        lambda pid, rating: Rating.model_validate({"person_id": pid, "rating": rating}),
        _one_of(person_ids, "C"),
        st.sampled_from(get_args(RatingValue)),
    )


@st.composite
def _annual_evaluations(
    draw: st.DrawFn, members: tuple[str, ...], chairs: st.SearchStrategy[str]
) -> AnnualEvaluation:
    rated = draw(
        st.lists(st.sampled_from(members), min_size=1, unique=True)
        if members
        else st.lists(ids("C"), min_size=1, max_size=5, unique=True)
    )
    return AnnualEvaluation.model_validate(
        {
            "held_on": draw(dates_between(_EARLIEST, _LATEST)),
            "chaired_by": draw(chairs),
            "ratings": [
                {"person_id": p, "rating": draw(st.sampled_from(get_args(RatingValue)))}
                for p in rated
            ],
        }
    )


def annual_evaluations(
    *, person_ids: Sequence[str] = (), chaired_by: Sequence[str] = ()
) -> st.SearchStrategy[AnnualEvaluation]:
    """Valid democratic evaluations (民主评议), each rating some members once.

    Args:
        person_ids: the members who may be rated (default: made-up ids).
        chaired_by: the bodies that may chair it (default: a made-up ``B<n>``).
    """
    return _annual_evaluations(tuple(person_ids), _one_of(chaired_by, "B"))


def requests() -> st.SearchStrategy[Request]:
    """Valid requests to convene (提议召集): ``count`` of ``of`` of any base."""
    return st.integers(0, 2000).flatmap(
        lambda of: st.builds(
            lambda count, base: Request.model_validate({"count": count, "base": base, "of": of}),
            st.integers(0, of),
            st.sampled_from(get_args(RequestBase)),
        )
    )


def units(*, owner_ids: Sequence[str] = ()) -> st.SearchStrategy[Unit]:
    """Valid exclusive units (专有部分) ``U<n>`` of 20–300 m², owned by one of ``owner_ids``
    (default: a made-up ``O<n>``)."""
    return st.builds(
        lambda uid, owner, area: Unit.model_validate({"id": uid, "owner_id": owner, "area": area}),
        ids("U"),
        _one_of(owner_ids, "O"),
        st.integers(2_000, 30_000),
    )


def contract_notice_periods() -> st.SearchStrategy[ContractNoticePeriod]:
    """Valid notice periods a property service contract sets (0–180 days, with the clause)."""
    return st.builds(
        lambda days, clause: ContractNoticePeriod.model_validate({"days": days, "clause": clause}),
        st.integers(0, 180),
        st.sampled_from(_CLAUSES),
    )


@st.composite
def _dismissal_notices(draw: st.DrawFn, decided_on: dt.date | None) -> DismissalNotice:
    first = decided_on or _EARLIEST
    notified = draw(maybe(dates_between(first, _LATEST)))
    ends = draw(maybe(dates_between(notified or first, _LATEST)))
    return DismissalNotice.model_validate(
        {
            "notified_on": notified,
            "written": draw(maybe(st.booleans())),
            "terminates_on": ends,
            "contract_notice": draw(maybe(contract_notice_periods())),
        }
    )


def dismissal_notices(*, decided_on: dt.date | None = None) -> st.SearchStrategy[DismissalNotice]:
    """Valid written notices of a dismissal (解聘通知), given on or after ``decided_on``
    (default: any day 2012–2030), each fact recorded or not."""
    return _dismissal_notices(decided_on)


@st.composite
def _motions(draw: st.DrawFn, on: st.SearchStrategy[dt.date], area: bool | None) -> Motion:
    voted_on = draw(on)
    matter: Matter = draw(st.sampled_from(get_args(Matter)))
    data: dict[str, Any] = {
        "id": draw(ids("", at_most=99)),
        "title": draw(st.sampled_from(_MOTIONS)),
        "matter": matter,
        "voted_on": voted_on,
        "in_favour": draw(st.integers(0, 600)),
        "against": draw(st.integers(0, 600)),
        "abstain": draw(st.integers(0, 100)),
        "result": draw(st.sampled_from(get_args(MotionResult))),
    }
    if area if area is not None else draw(st.booleans()):
        data["area_in_favour"] = draw(st.integers(0, 6_000_000))
        data["area_against"] = draw(maybe(st.integers(0, 6_000_000)))
        data["area_abstain"] = draw(maybe(st.integers(0, 600_000)))
    if matter == "property_service_dismissal":
        data["dismissal_notice"] = draw(maybe(dismissal_notices(decided_on=voted_on)))
    return Motion.model_validate(data)


def motions(
    *, voted_on: st.SearchStrategy[dt.date] | None = None, area: bool | None = None
) -> st.SearchStrategy[Motion]:
    """Valid motions (议题) of any matter with any tally and declared result (a dismissal of
    the property service company sometimes with its notice).

    Args:
        voted_on: strategy for the day of the vote (default: 2012–2030).
        area: whether owners' areas are recorded (default: either).
    """
    return _motions(voted_on or dates_between(_EARLIEST, _LATEST), area)
