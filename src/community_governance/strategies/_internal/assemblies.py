"""Hypothesis strategies for an assembly's record of the meetings it held (会议召开记录) and for
the proxies of a meeting (委托参会) (re-exported by `community_governance.strategies`).

The frequency rules judge whole calendar periods (quarters, half-years, years): a period is
judged only if the record covers it from its first day to its last, and is kept only if a
meeting fell inside it. So `assembly_records` puts the record's ``since`` and ``as_of`` and
the meetings' days on the first and last days of calendar periods, or one day off, far more
often than uniform days would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, get_args

from hypothesis import strategies as st

from ...models import AssemblyRecord, HeldMeeting, MeetingProxy
from ...models.community import CommunityKind
from ...models.meeting import MeetingBody
from ...rules.periods import add_months, calendar_period
from .bounds import days_for
from .people import dates_between, ids, maybe

__all__ = ["assembly_records", "held_meetings", "meeting_proxies"]

_DAY = dt.timedelta(days=1)
_FIRST, _LAST = dt.date(2016, 1, 1), dt.date(2031, 12, 31)
_TITLES = ("第一季度居民代表会议", "年度村民会议", "成员大会", "临时会议")
#: The intervals of the built-in frequency rules: a quarter, a half-year, a year.
_MONTHS = (3, 6, 12)
#: The assemblies a built-in rule says how often must meet.
_WITH_INTERVALS: tuple[MeetingBody, ...] = (
    "representatives_assembly",
    "villagers_assembly",
    "collective_members_assembly",
)


def held_meetings(
    *, first: dt.date = _FIRST, last: dt.date = _LAST
) -> st.SearchStrategy[HeldMeeting]:
    """Valid meetings held (召开) ``M<n>`` on a day from ``first`` to ``last``."""
    return st.builds(
        lambda mid, day, title: HeldMeeting.model_validate(
            {"id": mid, "held_on": day, "title": title}
        ),
        ids("M"),
        dates_between(first, last),
        st.sampled_from(("", *_TITLES)),
    )


def _edge(draw: st.DrawFn, period_start: dt.date, months: int) -> dt.date:
    """A day on or one off either edge of the period, or inside it."""
    end = add_months(period_start, months)
    choice = draw(st.sampled_from(("start", "last", "before", "after", "inside")))
    if choice == "start":
        return period_start
    if choice == "last":
        return end - _DAY
    if choice == "before":
        return period_start - _DAY
    if choice == "after":
        return end
    return draw(dates_between(period_start, end - _DAY))


@st.composite
def _assembly_records(
    draw: st.DrawFn,
    assembly: st.SearchStrategy[MeetingBody],
    community_kind: st.SearchStrategy[CommunityKind],
    years: st.SearchStrategy[int],
) -> AssemblyRecord:
    body = draw(assembly)
    kind: CommunityKind | None = draw(community_kind)
    if body != "representatives_assembly" and draw(st.booleans()):
        kind = None  # only a representatives' assembly needs the community kind
    months = draw(st.sampled_from(_MONTHS))
    begun = draw(days_for("assembly_record", _FIRST, dt.date(2029, 12, 31)))
    start_period, _ = calendar_period(begun, months)
    since = _edge(draw, start_period, months)
    n_periods = max(draw(years) * 12 // months, 1)
    last_period = add_months(start_period, months * (n_periods - 1))
    as_of = max(_edge(draw, last_period, months), since)
    meetings: list[dict[str, Any]] = []
    period = calendar_period(since, months)[0]
    while period <= as_of:
        held = draw(st.sampled_from((0, 1, 1, 1, 2)))  # a period missed now and then
        for _ in range(held):
            day = _edge(draw, period, months)
            if since <= day <= as_of:
                title = draw(st.sampled_from(("", *_TITLES)))
                meetings.append({"id": f"M{len(meetings)}", "held_on": day, "title": title})
        period = add_months(period, months)
    meetings = list(draw(st.permutations(meetings))) if meetings else meetings
    return AssemblyRecord.model_validate(
        {
            "id": draw(ids("RA")),
            "assembly": body,
            "community_kind": kind,
            "since": since,
            "as_of": as_of,
            "meetings": meetings,
        }
    )


def assembly_records(
    *,
    assembly: st.SearchStrategy[MeetingBody] | None = None,
    community_kind: st.SearchStrategy[CommunityKind] | None = None,
    years: st.SearchStrategy[int] | None = None,
) -> st.SearchStrategy[AssemblyRecord]:
    """Valid records of the meetings one assembly held (会议召开记录), spanning ``years``
    years, from 2016 (half of the time from around the day a frequency duty began) to 2034,
    with a period missed now and then.

    The record's first and last days and the meetings' days fall on the first or last day of
    a calendar quarter, half-year or year, or one day off, half of the time or more, so that
    the frequency rules (每季度 / 每半年 / 每年至少召开一次) are tested at their edges: a
    period the record covers but for its first day is not judged, a meeting on the last day
    of a period counts for it and one a day later does not.

    Args:
        assembly: strategy for the assembly (default: one a built-in rule says how often
            must meet half of the time, any `MeetingBody` otherwise).
        community_kind: strategy for the community's kind (default: any; a record of another
            assembly than the representatives' leaves it unset half of the time).
        years: strategy for how many years the record spans (default 0–4; 0: one period).
    """
    return _assembly_records(
        assembly
        if assembly is not None
        else st.one_of(st.sampled_from(_WITH_INTERVALS), st.sampled_from(get_args(MeetingBody))),
        community_kind if community_kind is not None else st.sampled_from(get_args(CommunityKind)),
        years if years is not None else st.integers(0, 4),
    )


@st.composite
def _meeting_proxies(
    draw: st.DrawFn, member_ids: tuple[str, ...], household_ids: tuple[str, ...]
) -> MeetingProxy:
    if len(member_ids) >= 2:
        principal, holder = draw(
            st.lists(st.sampled_from(member_ids), min_size=2, max_size=2, unique=True)
        )
    else:
        principal, holder = draw(st.lists(ids("M"), min_size=2, max_size=2, unique=True))
    households = st.sampled_from(household_ids) if household_ids else ids("H", at_most=9)
    principal_household = draw(maybe(households))
    # the same household (同一户内) half of the time: the rule's question
    same = principal_household is not None and draw(st.booleans())
    return MeetingProxy.model_validate(
        {
            "principal_id": principal,
            "principal_household_id": principal_household,
            "holder_id": holder,
            "holder_household_id": principal_household if same else draw(maybe(households)),
            "written": draw(maybe(st.booleans())),
            "holder_full_capacity": draw(maybe(st.booleans())),
        }
    )


def meeting_proxies(
    *, member_ids: Sequence[str] = (), household_ids: Sequence[str] = ()
) -> st.SearchStrategy[MeetingProxy]:
    """Valid proxies for a meeting (委托代为参加会议): a member of ``member_ids`` (default:
    made-up ids) sends another; their households (of ``household_ids``, default made-up) are
    the same half of the time, and each fact the law asks (书面, 完全民事行为能力) is recorded
    or not."""
    return _meeting_proxies(tuple(member_ids), tuple(household_ids))
