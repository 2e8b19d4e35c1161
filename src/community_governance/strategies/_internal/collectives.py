"""Hypothesis strategies for rural collective economic organisations (农村集体经济组织): their
officers' seats and payments out of collective assets (re-exported by
`community_governance.strategies`).

`collective_organisations` aims at the edges of the officer rules: council sizes around three
to seven and their parity, no chair, one or two, terms that end exactly on the fifth
anniversary or a day either side of it, supervisors who are council members, finance staff or
their close relatives, and dates either side of the day the law came into force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, get_args

from hypothesis import strategies as st

from ...models import CollectiveAssetSpending, CollectiveOrganisation, CollectiveSeat
from ...models.collective import SeatRole
from ...models.collective_assets import AssetDecider, AssetPurpose
from ...models.community import CommunityKind, Relation
from .bounds import builtin_counts, days_for, near_any
from .people import dates_between, ids

__all__ = ["collective_asset_spendings", "collective_organisations", "collective_seats"]

_DAY = dt.timedelta(days=1)
_FIRST, _LAST = dt.date(2012, 1, 1), dt.date(2030, 12, 31)
_KINDS: tuple[CommunityKind, ...] = ("rural", "rural", "village_to_residence", "urban")
_TITLES = ("建设社区综合服务站", "修缮村道", "购置健身器材", "发放分红")
_COUNCIL_SIZES = ("collective-council.size.min", "collective-council.size.max")


def _years_later(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (29 February: the 28th), as the term rule counts."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def collective_seats(*, person_ids: Sequence[str] = ()) -> st.SearchStrategy[CollectiveSeat]:
    """Valid seats on an organ (任期): a person of ``person_ids`` (default: made-up ``P<n>``)
    in any role, for a term that runs or ended."""
    person = st.sampled_from(tuple(person_ids)) if person_ids else ids("P")
    return st.builds(
        lambda pid, role, start, days: CollectiveSeat.model_validate(
            {
                "person_id": pid,
                "role": role,
                "term_start": start,
                "term_end": None if days is None else start + dt.timedelta(days=days),
            }
        ),
        person,
        st.sampled_from(get_args(SeatRole)),
        dates_between(_FIRST, _LAST),
        st.none() | st.integers(1, 2000),
    )


def _term(
    draw: st.DrawFn, on: dt.date, years: int, off: dt.timedelta
) -> tuple[dt.date, dt.date | None]:
    """A term serving on ``on``: ``years`` long to the day, moved by ``off``, or a recent one."""
    shape = draw(st.sampled_from(("open-at-edge", "closed-at-edge", "recent", "recent")))
    if shape == "open-at-edge":  # running, started ``years`` before the day after ``on``
        return _years_later(on + _DAY, -years) + off, None
    if shape == "closed-at-edge":  # ends ``years`` after it started, after ``on``
        start = on - dt.timedelta(days=draw(st.integers(0, 365 * years - 2)))
        return start, max(_years_later(start, years) + off, on + _DAY)
    return on - dt.timedelta(days=draw(st.integers(0, 1000))), None


@st.composite
def _collective_organisations(
    draw: st.DrawFn,
    community_kind: st.SearchStrategy[CommunityKind],
    council: st.SearchStrategy[int],
    as_of: st.SearchStrategy[dt.date],
) -> CollectiveOrganisation:
    on = draw(as_of)
    years = draw(st.sampled_from(builtin_counts("collective-council.term-years") or (5,)))
    n_council = draw(council)
    council_ids = [f"C{i}" for i in range(n_council)]
    finance_ids = [f"F{i}" for i in range(draw(st.integers(0, 2)))]
    accountant_ids = [f"A{i}" for i in range(draw(st.integers(0, 1)))]
    rep_ids = [f"R{i}" for i in range(draw(st.integers(0, 4)))]
    supervisor_ids: list[str] = []
    for i in range(draw(st.integers(0, 3))):
        # now and then a council member or finance staff sits as a supervisor (barred)
        barred = [p for p in (*council_ids, *finance_ids) if p not in supervisor_ids]
        if barred and draw(st.integers(0, 4)) == 0:
            supervisor_ids.append(draw(st.sampled_from(barred)))
        else:
            supervisor_ids.append(f"S{i}")
    everyone = sorted({*council_ids, *finance_ids, *accountant_ids, *rep_ids, *supervisor_ids})
    relatives: dict[str, list[dict[str, str]]] = {p: [] for p in everyone}
    if len(everyone) >= 2:
        pairs = draw(
            st.lists(
                st.lists(st.sampled_from(everyone), min_size=2, max_size=2, unique=True),
                max_size=2,
            )
        )
        for a, b in pairs:
            relatives[a].append({"person_id": b, "relation": draw(st.sampled_from(_RELATIONS))})
    chairs = min(draw(st.sampled_from((1, 1, 1, 0, 2))), n_council)
    # the organisation's terms at the edge are exactly ``years`` long, or all a day off
    off = dt.timedelta(days=draw(st.sampled_from((0, 0, -1, 1))))

    def seats(people: list[str], chair_count: int) -> list[dict[str, Any]]:
        out = []
        for i, pid in enumerate(people):
            start, end = _term(draw, on, years, off)
            role = "chair" if i < chair_count else draw(st.sampled_from(("vice_chair", "member")))
            if draw(st.integers(0, 5)) == 0:  # an earlier term that ended as this one began
                out.append(
                    {
                        "person_id": pid,
                        "role": "member",
                        "term_start": _years_later(start, -years),
                        "term_end": start,
                    }
                )
            out.append({"person_id": pid, "role": role, "term_start": start, "term_end": end})
        return out

    kind = draw(community_kind)
    data = {
        "id": draw(ids("JJ")),
        "name": draw(st.sampled_from(("", "某村股份经济合作社", "某村经济合作社"))),
        "community": {
            "id": "V1",
            "name": "示例村",
            "kind": kind,
            "persons": [{"id": p, "relatives": relatives[p]} for p in everyone],
        },
        "as_of": on,
        "council": seats(council_ids, chairs),
        "supervisors": seats(supervisor_ids, min(1, len(supervisor_ids))),
        "representatives": seats(rep_ids, 0),
        "finance_staff": finance_ids,
        "accountants": accountant_ids,
    }
    return CollectiveOrganisation.model_validate(data)


_RELATIONS: tuple[Relation, ...] = get_args(Relation)


def collective_organisations(
    *,
    community_kind: st.SearchStrategy[CommunityKind] | None = None,
    council: st.SearchStrategy[int] | None = None,
    as_of: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[CollectiveOrganisation]:
    """Valid rural collective economic organisations (农村集体经济组织) as of a day: a council,
    supervisors, members' representatives, finance staff and accountants, some of them close
    relatives (近亲属) of each other.

    Args:
        community_kind: strategy for the village's kind (default: rural mostly, any).
        council: strategy for the council's size (default 0–9, half of the time at or one off
            the built-in bounds of three and seven members).
        as_of: strategy for the day (default: 2012–2030, half of the time at or a day either
            side of the day the collective economic organisation law came into force).

    A seat's term is often exactly five years (the built-in term) from its start, or in a
    quarter of the organisations a day less, in another a day more; a council has one chair
    mostly, no chair or two now and then; a supervisor is now and then a council member or
    finance staff.
    """
    lo_hi = [n for name in _COUNCIL_SIZES for n in builtin_counts(name)]
    return _collective_organisations(
        community_kind if community_kind is not None else st.sampled_from(_KINDS),
        council if council is not None else near_any(lo_hi, 0, 9),
        as_of if as_of is not None else days_for("collective_organisation", _FIRST, _LAST),
    )


def collective_asset_spendings(
    *,
    community_kind: st.SearchStrategy[CommunityKind] | None = None,
    decided_on: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[CollectiveAssetSpending]:
    """Valid payments out of collective assets (集体资产拨付): for public facilities or not,
    decided in any way, by a community of ``community_kind`` (default: any) on ``decided_on``
    (default: 2012–2030, half of the time around the day a built-in rule on it came into
    force)."""
    return st.builds(
        lambda sid, kind, title, purpose, amount, day, by: CollectiveAssetSpending.model_validate(
            {
                "id": sid,
                "community_kind": kind,
                "title": title,
                "purpose": purpose,
                "amount_yuan": amount,
                "decided_on": day,
                "decided_by": by,
            }
        ),
        ids("A"),
        community_kind if community_kind is not None else st.sampled_from(get_args(CommunityKind)),
        st.sampled_from(_TITLES),
        st.sampled_from(get_args(AssetPurpose)),
        st.integers(0, 10_000_000),
        decided_on
        if decided_on is not None
        else days_for("collective_asset_spending", _FIRST, _LAST),
        st.sampled_from(get_args(AssetDecider)),
    )
