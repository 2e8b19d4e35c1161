"""Hypothesis strategies for the parts of a community: households, persons and their kinship,
bodies, memberships and constituencies (re-exported by `community_governance.strategies`).

Each draws data and validates it with the model's own strict validation (never coercion), so
every value is a valid model. A part that refers to others (a person's household, a
membership's body) draws those references only from the ids passed in, so that parts drawn for
one community are valid together in it; without ids, references are left unset, or for a
required reference made up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, TypeVar, get_args

from hypothesis import strategies as st

from ...models import Body, Constituency, Household, Kinship, Membership, Person
from ...models.community import BodyKind, Gender, Registration, Relation, Role
from ...models.constituency import ConstituencyKind

__all__ = [
    "bodies",
    "constituencies",
    "households",
    "kinships",
    "memberships",
    "persons",
]

T = TypeVar("T")

_EARLIEST, _LATEST = dt.date(2012, 1, 1), dt.date(2030, 12, 31)
_NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏")
_BODY_NAMES = ("第一居民小组", "社区居民代表会议", "社区党委", "居务监督委员会", "3号网格")
_PLACES = ("幸福小区", "3号楼", "第一居民小组", "锦华苑", "东片区")


def ids(prefix: str, *, at_most: int = 9999) -> st.SearchStrategy[str]:
    """Ids ``<prefix><n>``, short and readable in a failing example."""
    return st.integers(0, at_most).map(lambda n: f"{prefix}{n}")


def dates_between(first: dt.date, last: dt.date) -> st.SearchStrategy[dt.date]:
    """Days from ``first`` to ``last`` (inclusive)."""
    return st.dates(min_value=first, max_value=last)


def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` (not recorded) or a value."""
    return st.none() | strategy


def after(day: dt.date, *, days: int = 3650) -> st.SearchStrategy[dt.date]:
    """A day strictly after ``day``, within ``days``."""
    return st.integers(1, days).map(lambda n: day + dt.timedelta(days=n))


def households() -> st.SearchStrategy[Household]:
    """Valid households (户)."""
    return ids("H").map(lambda hid: Household.model_validate({"id": hid}))


def kinships(*, person_ids: Sequence[str] = ()) -> st.SearchStrategy[Kinship]:
    """Valid kinship links (亲属关系) to one of ``person_ids`` (default: a made-up id)."""
    target = st.sampled_from(tuple(person_ids)) if person_ids else ids("P")
    return st.builds(
        lambda pid, relation: Kinship.model_validate({"person_id": pid, "relation": relation}),
        target,
        st.sampled_from(get_args(Relation)),
    )


@st.composite
def _persons(
    draw: st.DrawFn,
    pid: st.SearchStrategy[str],
    household_ids: tuple[str, ...],
    group_ids: tuple[str, ...],
    relative_ids: tuple[str, ...],
) -> Person:
    person_id = draw(pid)
    born = draw(maybe(dates_between(dt.date(1930, 1, 1), dt.date(2010, 12, 31))))
    since_first = born or _EARLIEST
    data: dict[str, Any] = {
        "id": person_id,
        "name": draw(maybe(st.sampled_from(_NAMES))),
        "gender": draw(maybe(st.sampled_from(get_args(Gender)))),
        "birth_date": born,
        "registration": draw(maybe(st.sampled_from(get_args(Registration)))),
        "habitual_resident": draw(maybe(st.booleans())),
        "resident_since": draw(maybe(dates_between(since_first, _LATEST))),
        "community_worker_since": draw(maybe(dates_between(since_first, _LATEST))),
        # deprivation of political rights is rare, and every check treats it specially
        "political_rights_deprived": draw(st.sampled_from((False, False, False, True))),
        "party_member": draw(maybe(st.booleans())),
        "finance_or_management_expertise": draw(maybe(st.booleans())),
    }
    if household_ids:
        data["household_id"] = draw(maybe(st.sampled_from(household_ids)))
    if group_ids:
        data["group_id"] = draw(maybe(st.sampled_from(group_ids)))
    others = tuple(r for r in relative_ids if r != person_id)
    if others:
        data["relatives"] = draw(st.lists(kinships(person_ids=others), max_size=3))
    return Person.model_validate(data)


def persons(
    *,
    household_ids: Sequence[str] = (),
    group_ids: Sequence[str] = (),
    relative_ids: Sequence[str] = (),
) -> st.SearchStrategy[Person]:
    """Valid persons ``P<n>``, each optional fact recorded or not (birth 1930–2010, so some are
    minors in later years; now and then deprived of political rights).

    Args:
        household_ids: households the person may belong to (default: none recorded).
        group_ids: residents' / villager groups the person may live in (default: none).
        relative_ids: persons the person may have kinship links to (default: none).
    """
    return _persons(
        ids("P"),
        tuple(household_ids),
        tuple(group_ids),
        tuple(relative_ids),
    )


@st.composite
def _bodies(
    draw: st.DrawFn,
    bid: st.SearchStrategy[str],
    kind: st.SearchStrategy[BodyKind],
    group_ids: tuple[str, ...],
) -> Body:
    k = draw(kind)
    start = draw(maybe(dates_between(_EARLIEST, _LATEST)))
    data: dict[str, Any] = {
        "id": draw(bid),
        "kind": k,
        "name": draw(maybe(st.sampled_from(_BODY_NAMES))),
        "term_start": start,
        "term_end": draw(maybe(after(start) if start else dates_between(_EARLIEST, _LATEST))),
    }
    if k == "grid" and group_ids:
        data["group_id"] = draw(maybe(st.sampled_from(group_ids)))
    return Body.model_validate(data)


def bodies(
    *,
    kind: st.SearchStrategy[BodyKind] | None = None,
    group_ids: Sequence[str] = (),
) -> st.SearchStrategy[Body]:
    """Valid bodies (组织) ``B<n>`` of any kind, with or without a current term.

    Args:
        kind: strategy for the body kind (default: any).
        group_ids: groups a grid (网格) may cover (default: none recorded).
    """
    return _bodies(
        ids("B"),
        kind if kind is not None else st.sampled_from(get_args(BodyKind)),
        tuple(group_ids),
    )


def constituencies() -> st.SearchStrategy[Constituency]:
    """Valid constituencies (推选范围): a compound, building, group or other area."""
    return st.builds(
        lambda kind, name: Constituency.model_validate({"kind": kind, "name": name}),
        st.sampled_from(get_args(ConstituencyKind)),
        st.sampled_from(_PLACES),
    )


@st.composite
def _memberships(
    draw: st.DrawFn,
    person: st.SearchStrategy[str],
    body: st.SearchStrategy[str],
    role: st.SearchStrategy[Role],
) -> Membership:
    r = draw(role)
    start = draw(dates_between(_EARLIEST, _LATEST))
    data: dict[str, Any] = {
        "person_id": draw(person),
        "body_id": draw(body),
        "role": r,
        "term_start": start,
        "term_end": draw(maybe(after(start, days=1826))),
    }
    if r == "representative":
        data["constituency"] = draw(maybe(constituencies()))
    return Membership.model_validate(data)


def memberships(
    *,
    person_ids: Sequence[str] = (),
    body_ids: Sequence[str] = (),
    role: st.SearchStrategy[Role] | None = None,
) -> st.SearchStrategy[Membership]:
    """Valid memberships: one person in one role of one body for a term (a representative
    sometimes with a constituency).

    Args:
        person_ids: the persons to choose from (default: a made-up ``P<n>``).
        body_ids: the bodies to choose from (default: a made-up ``B<n>``).
        role: strategy for the role (default: any).
    """
    return _memberships(
        st.sampled_from(tuple(person_ids)) if person_ids else ids("P"),
        st.sampled_from(tuple(body_ids)) if body_ids else ids("B"),
        role if role is not None else st.sampled_from(get_args(Role)),
    )
