"""Hypothesis strategies for social organisations (社会组织) and their records: registration
(登记), filing (备案), start-up grants (开办扶持资金) and assessments (综合评估) (re-exported by
`community_governance.strategies`).

A start-up grant is capped by the track the organisation was on the day of the grant, so
`social_organizations` puts grants on the day of registration or filing or a day either side,
and their amounts on the built-in cap or one yuan either side, half of the time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args

from hypothesis import strategies as st

from ...models import (
    CivilAffairsRegistration,
    Filing,
    OrganizationAssessment,
    SocialOrganization,
    StartUpGrant,
)
from ...models.social_organization import FilingAuthority
from .bounds import builtin_counts, days_for, near_any
from .people import dates_between, ids, maybe

__all__ = [
    "civil_affairs_registrations",
    "filings",
    "organization_assessments",
    "social_organizations",
    "start_up_grants",
]

_DAY = dt.timedelta(days=1)
_FIRST, _LAST = dt.date(2009, 1, 1), dt.date(2030, 12, 31)
_NAMES = ("某社区老年协会", "社区志愿者服务队", "邻里互助会")
_AUTHORITIES = ("锦江区民政局", "成都市民政局")
_CAPS = (
    "social-organization.start-up-grant.registered.max",
    "social-organization.start-up-grant.filed.max",
)


def civil_affairs_registrations(
    *, first: dt.date = _FIRST, last: dt.date = _LAST
) -> st.SearchStrategy[CivilAffairsRegistration]:
    """Valid registrations (依法登记) on a day from ``first`` to ``last``."""
    return st.builds(
        lambda day, authority: CivilAffairsRegistration.model_validate(
            {"registered_on": day, "authority": authority}
        ),
        dates_between(first, last),
        maybe(st.sampled_from(_AUTHORITIES)),
    )


def filings(*, first: dt.date = _FIRST, last: dt.date = _LAST) -> st.SearchStrategy[Filing]:
    """Valid filings (备案) on a day from ``first`` to ``last``, with the street office mostly."""
    return st.builds(
        lambda day, where: Filing.model_validate({"filed_on": day, "filed_with": where}),
        dates_between(first, last),
        st.sampled_from(("street_office", *get_args(FilingAuthority))),
    )


def _amounts() -> st.SearchStrategy[int]:
    return near_any([n for name in _CAPS for n in builtin_counts(name)], 0, 50_000)


def start_up_grants(
    *, first: dt.date = _FIRST, last: dt.date = _LAST
) -> st.SearchStrategy[StartUpGrant]:
    """Valid start-up grants (开办扶持资金) on a day from ``first`` to ``last``; half of the
    amounts on a built-in cap (最高…元) or one yuan either side."""
    return st.builds(
        lambda day, amount: StartUpGrant.model_validate({"granted_on": day, "amount_yuan": amount}),
        dates_between(first, last),
        _amounts(),
    )


def organization_assessments(
    *, years: st.SearchStrategy[int] | None = None
) -> st.SearchStrategy[OrganizationAssessment]:
    """Valid assessments (综合评估) of a year (default 2009–2030): free mostly, the result
    published, not, or not recorded."""
    return st.builds(
        lambda year, fee, published: OrganizationAssessment.model_validate(
            {"year": year, "fee_yuan": fee, "published": published}
        ),
        years if years is not None else st.integers(2009, 2030),
        st.sampled_from((0, 0, 0, 1, 500)),
        maybe(st.booleans()),
    )


@st.composite
def _social_organizations(draw: st.DrawFn, as_of: st.SearchStrategy[dt.date]) -> SocialOrganization:
    on = draw(as_of)
    registration = draw(maybe(civil_affairs_registrations(first=_FIRST, last=on)))
    filing = draw(maybe(filings(first=_FIRST, last=on)))
    tracks = [
        d for d in (registration and registration.registered_on, filing and filing.filed_on) if d
    ]
    # activities from a track's first day or a day before it, or any day
    starts = [d + k * _DAY for d in tracks for k in (-1, 0)]
    active = draw(
        maybe(
            st.sampled_from(starts) | dates_between(_FIRST, on)
            if starts
            else dates_between(_FIRST, on)
        )
    )
    if active is not None:
        active = min(active, on)
    grants: list[dict[str, Any]] = []
    for _ in range(draw(st.sampled_from((0, 1, 1, 2)))):
        # around a track's first day, or around (mostly after) the day the caps came into
        # force: a grant is judged by the caps in force on the day it was paid
        edges = [d + k * _DAY for d in tracks for k in (-1, 0, 1) if d + k * _DAY <= on]
        in_force = days_for("social_organization", _FIRST, on)
        day = draw(st.sampled_from(edges) | in_force if edges else in_force)
        grants.append({"granted_on": day, "amount_yuan": draw(_amounts())})
    years = draw(st.lists(st.integers(_FIRST.year, on.year + 1), max_size=3, unique=True))
    assessments = [draw(organization_assessments(years=st.just(y))).model_dump() for y in years]
    return SocialOrganization.model_validate(
        {
            "id": draw(ids("SO")),
            "name": draw(st.sampled_from(_NAMES)),
            "as_of": on,
            "active_since": active,
            "registration": None if registration is None else registration.model_dump(),
            "filing": None if filing is None else filing.model_dump(),
            "start_up_grants": grants,
            "assessments": assessments,
        }
    )


def social_organizations(
    *, as_of: st.SearchStrategy[dt.date] | None = None
) -> st.SearchStrategy[SocialOrganization]:
    """Valid social organisations (社会组织) as their records stand on ``as_of`` (default:
    2009–2030, half of the time around the day the rules on them came into force):
    registered, filed, both or neither; active from the day of a track, the day before it,
    another day or not at all; up to two start-up grants, on the day of a track or a day
    either side half of the time; and assessments of distinct years."""
    return _social_organizations(
        as_of if as_of is not None else days_for("social_organization", _FIRST, _LAST)
    )
