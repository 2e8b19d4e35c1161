"""Hypothesis strategies for a village's grid-management record (网格化服务管理记录) and its
parts (re-exported by `community_governance.strategies`).

The grid routines judge whole calendar months (每月) and days inside the record's period, so
`grid_records` starts and ends periods on the first of a month or a day off it, and puts
reviews and visits on a month's first or last day, or just outside the period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, get_args

from hypothesis import strategies as st

from ...models import FocusPerson, GridRecord, HomeVisit, ReportedIssue, ServiceNotice
from ...models.community import CommunityKind
from ...models.grid import FocusCategory, Reporter
from .bounds import days_for
from .people import dates_between, ids, maybe

__all__ = ["focus_persons", "grid_records", "home_visits", "reported_issues", "service_notices"]

_DAY = dt.timedelta(days=1)
_FIRST, _LAST = dt.date(2016, 1, 1), dt.date(2030, 12, 31)


def _month_after(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def focus_persons(*, person_ids: Sequence[str] = ()) -> st.SearchStrategy[FocusPerson]:
    """Valid persons to visit (重点走访对象): one of ``person_ids`` (default: made-up) in any
    of the groups the opinions name."""
    return st.builds(
        lambda pid, category: FocusPerson.model_validate({"person_id": pid, "category": category}),
        st.sampled_from(tuple(person_ids)) if person_ids else ids("P"),
        st.sampled_from(get_args(FocusCategory)),
    )


def home_visits(
    *, person_ids: Sequence[str] = (), first: dt.date = _FIRST, last: dt.date = _LAST
) -> st.SearchStrategy[HomeVisit]:
    """Valid home visits (入户走访) to one of ``person_ids`` (default: made-up) on a day from
    ``first`` to ``last``."""
    return st.builds(
        lambda pid, day: HomeVisit.model_validate({"person_id": pid, "visited_on": day}),
        st.sampled_from(tuple(person_ids)) if person_ids else ids("P"),
        dates_between(first, last),
    )


def reported_issues(
    *, first: dt.date = _FIRST, last: dt.date = _LAST
) -> st.SearchStrategy[ReportedIssue]:
    """Valid problems reported to the township ``I<n>``, raised from ``first`` on and reported
    the same day or up to 60 days later (by ``last``), by the station or not."""
    return dates_between(first, last).flatmap(
        lambda reported: st.builds(
            lambda iid, back, by: ReportedIssue.model_validate(
                {
                    "id": iid,
                    "raised_on": max(reported - dt.timedelta(days=back), first),
                    "reported_on": reported,
                    "reported_by": by,
                }
            ),
            ids("I"),
            st.integers(0, 60),
            st.sampled_from(get_args(Reporter)),
        )
    )


def service_notices(
    *, first: dt.date = _FIRST, last: dt.date = _LAST
) -> st.SearchStrategy[ServiceNotice]:
    """Valid service notices (服务公示) posted from ``first`` to ``last``, each of the three
    things they show (services, staff, contacts) there or not."""
    return st.builds(
        lambda day, a, b, c: ServiceNotice.model_validate(
            {"posted_on": day, "services": a, "staff": b, "contacts": c}
        ),
        dates_between(first, last),
        st.booleans() | st.just(True),
        st.booleans() | st.just(True),
        st.booleans() | st.just(True),
    )


def _month_edge(draw: st.DrawFn, day: dt.date) -> dt.date:
    """The first of ``day``'s month or the first of the next, or a day off either."""
    first = dt.date(day.year, day.month, 1)
    return draw(st.sampled_from((first, first - _DAY, first + _DAY, _month_after(first))))


@st.composite
def _grid_records(
    draw: st.DrawFn,
    kind: st.SearchStrategy[CommunityKind],
    months: st.SearchStrategy[int],
) -> GridRecord:
    start = _month_edge(draw, draw(days_for("grid_record", _FIRST, dt.date(2029, 12, 1))))
    end_month = start
    for _ in range(draw(months)):
        end_month = _month_after(end_month)
    end = max(_month_edge(draw, end_month), start + _DAY)
    # a review in most months, on its first or last day or inside it, from the month before
    reviews: list[dt.date] = []
    month = dt.date(start.year, start.month, 1) - dt.timedelta(days=1)
    month = dt.date(month.year, month.month, 1)
    # half of the records miss no month; the others miss one in six, at random
    skip = draw(st.sampled_from((0, 6)))
    while month < end:
        if not skip or draw(st.integers(1, skip)) > 1:
            last_day = _month_after(month) - _DAY
            day = draw(st.sampled_from((month, last_day)) | dates_between(month, last_day))
            if day < end:
                reviews.append(day)
        month = _month_after(month)
    last = end - _DAY
    people = [f"P{i}" for i in range(draw(st.integers(0, 4)))]
    focus = [
        {"person_id": p, "category": draw(st.sampled_from(get_args(FocusCategory)))} for p in people
    ]
    visits: list[dict[str, Any]] = []
    for p in people:
        for _ in range(draw(st.sampled_from((0, 1, 1, 2)))):
            # on the period's first day, its last, or the day before it began (not counted)
            day = draw(st.sampled_from((start, last, start - _DAY)) | dates_between(start, last))
            visits.append({"person_id": p, "visited_on": day})
    issues = [
        {
            "id": f"I{i}",
            "raised_on": reported - dt.timedelta(days=draw(st.integers(0, 30))),
            "reported_on": reported,
            "reported_by": draw(st.sampled_from(("service_station",) * 3 + get_args(Reporter))),
        }
        for i, reported in enumerate(draw(st.lists(dates_between(start, last), max_size=3)))
    ]
    notice = draw(maybe(service_notices(first=start - dt.timedelta(days=90), last=last)))
    return GridRecord.model_validate(
        {
            "id": draw(ids("G")),
            "community_kind": draw(kind),
            "period_start": start,
            "period_end": end,
            "reviews": reviews,
            "notice": None if notice is None else notice.model_dump(),
            "focus_persons": focus,
            "visits": visits,
            "reported_issues": issues,
        }
    )


def grid_records(
    *,
    kind: st.SearchStrategy[CommunityKind] | None = None,
    months: st.SearchStrategy[int] | None = None,
) -> st.SearchStrategy[GridRecord]:
    """Valid grid-management records (网格化服务管理记录) of a village for a period of about
    ``months`` months, 2016–2030: the grid workers' reviews (every month in half of the
    records, a month in six skipped in the others), the service notice or none, the persons
    to visit and the visits, and problems reported to the township by the station or not.

    The period starts and ends on the first of a month or a day either side, and reviews and
    visits fall on a month's or the period's first or last day, or a day outside, so that the
    monthly review and the home visits are tested at their edges.

    Args:
        kind: strategy for the community's kind (default: rural half of the time).
        months: strategy for the period's length in months (default 0–14).
    """
    return _grid_records(
        kind
        if kind is not None
        else st.one_of(st.just("rural"), st.sampled_from(get_args(CommunityKind))),
        months if months is not None else st.integers(0, 14),
    )
