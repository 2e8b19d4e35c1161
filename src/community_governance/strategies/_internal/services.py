"""Hypothesis strategies for a community's services: its facilities (社区服务设施), the funds
allocated to it (专项资金安排), its residential compounds (住宅小区) and the staffing of a
village service station (农村社区服务站) (re-exported by `community_governance.strategies`).

The numbers the rules compare — floor area per hundred households (超: more than), a facility's
area, a fund's standard, a station member's pay against the two-committee standard — are
drawn on the bound or one off it half of the time, the bound read from the built-in rulebooks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, get_args

from hypothesis import strategies as st

from ...models import (
    CommunityFacilities,
    Compound,
    FundAllocation,
    ServiceStationStaffing,
    StationPay,
)
from ...models.community import CommunityKind
from ...models.compound import CompoundKind
from ...models.funding import FundKind, FundRecipient
from .bounds import bases, builtin_counts, days_for, near, near_any
from .people import dates_between, ids, maybe

__all__ = [
    "community_facilities",
    "compounds",
    "fund_allocations",
    "service_station_staffings",
    "station_pays",
]

_FIRST, _LAST = dt.date(2010, 1, 1), dt.date(2030, 12, 31)
_TERM = (dt.date(2015, 1, 1), dt.date(2032, 1, 1))
_ENTERPRISES = ("某物业服务有限公司", "幸福物业")
_COMPOUND_NAMES = ("幸福小区", "锦华苑", "东苑小区")
_FUND_STANDARDS: dict[FundRecipient, str] = {
    "street_office": "funding.street-office.amount",
    "community": "funding.community.amount",
}


@st.composite
def _community_facilities(
    draw: st.DrawFn,
    kind: st.SearchStrategy[CommunityKind],
    households: st.SearchStrategy[int],
    as_of: st.SearchStrategy[dt.date],
) -> CommunityFacilities:
    n = draw(households)
    # 每百户…超 X 平方米: in 0.01 m², the bound is X × households
    per_hundred = builtin_counts("facility.service-space.per-hundred-households")
    space = draw(maybe(near_any([m2 * n for m2 in per_hundred], 0, 50_000)))
    facility = builtin_counts("facility.rural-service-facility.area")
    area = draw(maybe(near_any([m2 * 100 for m2 in facility], 0, 100_000)))
    return CommunityFacilities.model_validate(
        {
            "id": draw(ids("F")),
            "community": {
                "id": "C1",
                "name": "示例社区",
                "kind": draw(kind),
                "households": [{"id": f"H{i}"} for i in range(n)],
            },
            "as_of": draw(as_of),
            "service_space_area": space,
            "service_facility_area": area,
            "consultation_committee": draw(maybe(st.booleans())),
        }
    )


def community_facilities(
    *,
    kind: st.SearchStrategy[CommunityKind] | None = None,
    households: st.SearchStrategy[int] | None = None,
    as_of: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[CommunityFacilities]:
    """Valid records of a community's service facilities (社区服务设施), each fact recorded or
    not.

    Half of the recorded service-room areas are exactly the built-in benchmark per hundred
    households (每百户…超32平方米: 超 excludes it) for the community's households, or 0.01 m²
    either side; likewise a rural facility's area around its 300 m².

    Args:
        kind: strategy for the community's kind (default: any).
        households: strategy for the number of households (default 0–400, half of the time a
            multiple of 100, where a whole number of m² per hundred households is exact).
        as_of: strategy for the day (default: 2010–2030, half of the time at the day
            a built-in rule on the subject came into force, a day either side, or later).
    """
    return _community_facilities(
        kind if kind is not None else st.sampled_from(get_args(CommunityKind)),
        households if households is not None else bases((100,), 0, 400),
        as_of if as_of is not None else days_for("community_facilities", _FIRST, _LAST),
    )


@st.composite
def _fund_allocations(
    draw: st.DrawFn,
    recipient: st.SearchStrategy[FundRecipient],
    year: st.SearchStrategy[int],
) -> FundAllocation:
    who = draw(recipient)
    y = draw(year)
    standards = builtin_counts(_FUND_STANDARDS[who])
    return FundAllocation.model_validate(
        {
            "id": draw(ids("F")),
            "recipient": who,
            "recipient_name": "某街道" if who == "street_office" else "某社区",
            "fund": draw(
                st.sampled_from(("public_service_and_social_management",) * 3 + ("other",))
            ),
            "year": y,
            "decided_on": draw(dates_between(dt.date(y - 1, 10, 1), dt.date(y, 12, 31))),
            "amount_yuan": draw(near_any(standards, 0, 3_000_000)),
        }
    )


def fund_allocations(
    *,
    recipient: st.SearchStrategy[FundRecipient] | None = None,
    year: st.SearchStrategy[int] | None = None,
) -> st.SearchStrategy[FundAllocation]:
    """Valid allocations of a year's fund (专项资金安排) to a street office or a community,
    decided in the last quarter before the year or during it; half of the amounts exactly the
    built-in standard for the recipient (按照…元的标准: at least it) or one yuan either side.

    Args:
        recipient: strategy for the recipient (default: either).
        year: strategy for the budget year (default 2009–2030).
    """
    return _fund_allocations(
        recipient if recipient is not None else st.sampled_from(get_args(FundRecipient)),
        year if year is not None else st.integers(2009, 2030),
    )


_FUNDS: tuple[FundKind, ...] = get_args(FundKind)


@st.composite
def _compounds(
    draw: st.DrawFn,
    compound_kind: st.SearchStrategy[CompoundKind],
    kind: st.SearchStrategy[CommunityKind],
    as_of: st.SearchStrategy[dt.date],
) -> Compound:
    community_kind = draw(kind)
    bodies = [
        {"id": bid, "kind": body_kind}
        for bid, body_kind in (
            ("PO", "party_organization"),
            ("RC", "residents_committee"),
            ("OC", "owners_committee"),
        )
        # each body is there three times in four (a village has no residents' committee)
        if draw(st.integers(0, 3)) > 0 and (bid != "RC" or community_kind != "rural")
    ]
    has_oc = any(b["id"] == "OC" for b in bodies)
    return Compound.model_validate(
        {
            "id": draw(ids("X")),
            "name": draw(st.sampled_from(_COMPOUND_NAMES)),
            "community": {
                "id": "C1",
                "name": "示例社区",
                "kind": community_kind,
                "bodies": bodies,
            },
            "compound_kind": draw(compound_kind),
            "as_of": draw(as_of),
            "owners_committee_id": "OC" if has_oc and draw(st.integers(0, 3)) > 0 else None,
            "property_service_enterprise": draw(st.sampled_from((*_ENTERPRISES, None))),
        }
    )


def compounds(
    *,
    compound_kind: st.SearchStrategy[CompoundKind] | None = None,
    kind: st.SearchStrategy[CommunityKind] | None = None,
    as_of: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[Compound]:
    """Valid residential compounds (住宅小区) of a community: the community's party
    organisation, residents' committee and owners' committee each there or not, the
    compound's owners' committee and property service enterprise (四位一体) each named or not.

    Args:
        compound_kind: strategy for the compound's kind (default: gated half of the time).
        kind: strategy for the community's kind (default: any).
        as_of: strategy for the day (default: 2010–2030, half of the time at the day
            a built-in rule on the subject came into force, a day either side, or later).
    """
    return _compounds(
        compound_kind
        if compound_kind is not None
        else st.one_of(st.just("gated"), st.sampled_from(get_args(CompoundKind))),
        kind if kind is not None else st.sampled_from(get_args(CommunityKind)),
        as_of if as_of is not None else days_for("compound", _FIRST, _LAST),
    )


def station_pays(*, person_ids: Sequence[str] = ()) -> st.SearchStrategy[StationPay]:
    """Valid yearly pay (报酬) of a station member of ``person_ids`` (default: made-up)."""
    return st.builds(
        lambda pid, yuan: StationPay.model_validate({"person_id": pid, "annual_yuan": yuan}),
        st.sampled_from(tuple(person_ids)) if person_ids else ids("P"),
        st.integers(0, 100_000),
    )


@st.composite
def _service_station_staffings(
    draw: st.DrawFn,
    kind: st.SearchStrategy[CommunityKind],
    members: st.SearchStrategy[int],
    as_of: st.SearchStrategy[dt.date],
) -> ServiceStationStaffing:
    on = draw(as_of)
    n = draw(members)
    community_kind = draw(kind)
    # an urban community has no village committee: its residents' committee stands in
    committee = "residents_committee" if community_kind == "urban" else "village_committee"
    persons: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []

    def sit(pid: str, body: str, role: str) -> None:
        memberships.append(
            {
                "person_id": pid,
                "body_id": body,
                "role": role,
                "term_start": _TERM[0],
                "term_end": _TERM[1],
            }
        )

    # the two committees: a chair each, and a member
    for body in ("VC", "PO"):
        for role in ("chair", "member"):
            pid = f"{body}{role[0].upper()}"
            persons.append({"id": pid})
            sit(pid, body, role)
    graduates: list[str] = []
    paid_here: list[str] = []
    for i in range(n):
        role = "chair" if i == 0 else draw(st.sampled_from(("vice_chair", "member")))
        source = draw(st.sampled_from(("two_committees", "graduate") * 2 + ("neither",)))
        if source == "two_committees":
            pid = draw(st.sampled_from(("VCC", "VCM", "POC", "POM")))
            if any(m["person_id"] == pid and m["body_id"] == "ST" for m in memberships):
                continue
        else:
            pid = f"S{i}"
            persons.append({"id": pid})
            paid_here.append(pid)
            if source == "graduate":
                graduates.append(pid)
        sit(pid, "ST", role)
    standard = draw(maybe(st.integers(10_000, 60_000)))
    pay = []
    for pid in paid_here:
        if draw(st.integers(0, 4)) == 0:
            continue  # not recorded
        base = standard if standard is not None else draw(st.integers(10_000, 60_000))
        pay.append({"person_id": pid, "annual_yuan": draw(near(base, 0, 100_000))})
    return ServiceStationStaffing.model_validate(
        {
            "id": draw(ids("ST")),
            "community": {
                "id": "V1",
                "name": "示例村",
                "kind": community_kind,
                "persons": persons,
                "bodies": [
                    {"id": "ST", "kind": "service_station"},
                    {"id": "VC", "kind": committee},
                    {"id": "PO", "kind": "party_organization"},
                ],
                "memberships": memberships,
            },
            "station_id": "ST",
            "as_of": on,
            "recruited_graduate_ids": graduates,
            "pay": pay,
            "two_committee_pay_yuan": standard,
        }
    )


def service_station_staffings(
    *,
    kind: st.SearchStrategy[CommunityKind] | None = None,
    members: st.SearchStrategy[int] | None = None,
    as_of: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[ServiceStationStaffing]:
    """Valid staffings of a village service station (农村社区服务站) on a day: its head and
    members, each a two-committee member serving concurrently (村“两委”成员兼任), a recruited
    or selected graduate, or neither; the pay of the others recorded or not, exactly the
    two-committee standard or one yuan off it half of the time.

    Args:
        kind: strategy for the community's kind (default: rural half of the time).
        members: strategy for the number of station members (default 0–5).
        as_of: strategy for the day (default: 2010–2030, half of the time at the day
            a built-in rule on the subject came into force, a day either side, or later).
    """
    return _service_station_staffings(
        kind
        if kind is not None
        else st.one_of(st.just("rural"), st.sampled_from(get_args(CommunityKind))),
        members if members is not None else st.integers(0, 5),
        as_of if as_of is not None else days_for("service_station_staffing", _FIRST, _LAST),
    )
