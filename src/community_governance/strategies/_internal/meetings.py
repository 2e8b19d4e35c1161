"""Hypothesis strategies for meetings and tallies placed at a distance from each boundary
(re-exported by `community_governance.strategies`)."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from typing import Any, Literal

from hypothesis import assume
from hypothesis import strategies as st

from ...checks.pass_rules import PASS_RULES, PassRule, Share, covering
from ...models.community import CommunityKind
from ...models.meeting import AttendanceBase, Matter, Meeting, MeetingBody
from ...rulebooks import Rulebook, get_rulebook
from ...rulebooks.builtin.cn.meetings.collective import HOUSEHOLDS_MAX, HOUSEHOLDS_MIN
from ...rulebooks.builtin.cn.meetings.property import NOTICE_DAYS
from ...rules.parameter import Parameter
from ...rules.threshold import Term, Threshold
from .bounds import bases

__all__ = [
    "any_meetings",
    "collective_household_meetings",
    "dismissal_meetings",
    "meetings",
    "quorum_meetings",
    "tally_meetings",
]

_T = Term("n", "n", "n")
#: Whether heads or exclusive area sits at the boundary.
Weight = Literal["heads", "area"]


def _pass_rule(rulebook: Rulebook, body: str, kind: str | None, at: dt.date) -> PassRule:
    """The pass rule the rulebook's table ``meeting.pass-rules`` applies on ``at``."""
    entry = covering(rulebook.table(PASS_RULES).entries_at(at), body, kind)
    if entry is None:
        raise ValueError(f"{rulebook.id}: no pass rule for {body} ({kind}) on {at}")
    rule: PassRule = entry.value
    return rule


def _value(rulebook: Rulebook, p: Parameter, at: dt.date, kind: type[int] | type[Fraction]) -> Any:
    value = rulebook.parameter_version(p.name, at).value
    if not isinstance(value, kind):
        raise TypeError(f"{rulebook.id}: {p.name} holds {value!r}, not a {kind.__name__}")
    return value


def _count(rulebook: Rulebook, p: Parameter, at: dt.date) -> int:
    value: int = _value(rulebook, p, at, int)
    return value


def _bound(rulebook: Rulebook, share: Share, base: int, at: dt.date) -> int:
    value: Fraction = _value(rulebook, share.parameter, at, Fraction)
    return Threshold(share.quantifier, value, _T, _T).bound(base)


class _Ref:
    """A rulebook passed into a composite strategy with a short repr (not the whole book)."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook

    def __repr__(self) -> str:
        return f"<rulebook {self.rulebook.id}>"


def _as(v: int | st.SearchStrategy[int]) -> st.SearchStrategy[int]:
    return st.just(v) if isinstance(v, int) else v


def _default_at() -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31))


def _frame(
    body: str, kind: str | None, base: str, at: dt.date, entitled: int, area: int | None
) -> dict[str, Any]:
    frame: dict[str, Any] = {
        "id": "M-1",
        "body": body,
        "community_kind": kind,
        "announced_on": (at - dt.timedelta(days=30)).isoformat(),
        "held_on": at.isoformat(),
        "constituted_by": base,
        "entitled": entitled,
        "attendees": entitled,
        "entitled_area": area,
        "attendee_area": area,
    }
    if body == "owners_assembly":
        # a residential compound that told its residents' committee (物业管理条例 Art. 14(2))
        frame.update(residential_compound=True, residents_committee_informed=True)
    return frame


@st.composite
def _quorum(
    draw: st.DrawFn,
    body: MeetingBody,
    community_kind: CommunityKind | None,
    constituted_by: AttendanceBase,
    measure: Weight,
    at: st.SearchStrategy[dt.date],
    entitled: st.SearchStrategy[int] | None,
    distance: st.SearchStrategy[int],
    ref: _Ref,
) -> Meeting:
    rulebook = ref.rulebook
    on = draw(at)
    rule = _pass_rule(rulebook, body, community_kind, on)
    q = _denominators(rulebook, rule, on)
    n = draw(entitled if entitled is not None else bases(q, 1, 600))
    area = draw(bases(q, n * 3000, n * 20000)) if body == "owners_assembly" else None
    data = _frame(body, community_kind, constituted_by, on, n, area)
    d = draw(distance)
    for share in rule.quorum[constituted_by]:
        if share.measure != measure:
            continue
        of = n if measure == "heads" else area
        assert of is not None
        value = _bound(rulebook, share, of, on) + d
        assume(0 <= value <= of)
        data["attendees" if measure == "heads" else "attendee_area"] = value
    return Meeting.model_validate_json(_json(data))


def _denominators(rulebook: Rulebook, rule: PassRule, at: dt.date) -> tuple[int, ...]:
    """The denominators of the shares of a pass rule on ``at`` (where their bounds are exact)."""
    shares = [*rule.majority, *rule.special_majority, *(s for v in rule.quorum.values() for s in v)]
    return tuple(sorted({_value(rulebook, s.parameter, at, Fraction).denominator for s in shares}))


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data)


def quorum_meetings(
    *,
    body: MeetingBody = "residents_assembly",
    community_kind: CommunityKind | None = None,
    constituted_by: AttendanceBase = "households",
    measure: Weight = "heads",
    at: st.SearchStrategy[dt.date] | None = None,
    entitled: st.SearchStrategy[int] | None = None,
    distance: int | st.SearchStrategy[int] = 0,
    rulebook: Rulebook | None = None,
) -> st.SearchStrategy[Meeting]:
    """Meetings without motions whose attendance is ``distance`` from the least quorate
    number (``0`` is exactly on the boundary, ``-1`` one short, ``+1`` one over).

    For an owners' assembly, ``measure`` says whether heads or area sits at the boundary; the
    other is met in full.

    Args:
        body: the assembly.
        community_kind: the community kind (needed for a representatives' assembly).
        constituted_by: the attendance base.
        measure: ``heads`` or ``area`` (owners).
        at: strategy for the meeting date (default 2026–2030).
        entitled: strategy for how many are entitled (default 1–600, half of the time a
            multiple of the denominator of one of the rule's shares, where it is exact).
        distance: distance from the boundary.
        rulebook: whose parameters define the threshold (default ``cn``).
    """
    return _quorum(
        body,
        community_kind,
        constituted_by,
        measure,
        at if at is not None else _default_at(),
        entitled,
        _as(distance),
        _Ref(rulebook or get_rulebook("cn")),
    )


@st.composite
def _tally(
    draw: st.DrawFn,
    body: MeetingBody,
    community_kind: CommunityKind | None,
    constituted_by: AttendanceBase,
    matter: Matter,
    measure: Weight,
    at: st.SearchStrategy[dt.date],
    entitled: st.SearchStrategy[int] | None,
    distance: st.SearchStrategy[int],
    ref: _Ref,
) -> Meeting:
    rulebook = ref.rulebook
    on = draw(at)
    rule = _pass_rule(rulebook, body, community_kind, on)
    q = _denominators(rulebook, rule, on)
    n = draw(entitled if entitled is not None else bases(q, 1, 600))
    area = draw(bases(q, n * 3000, n * 20000)) if body == "owners_assembly" else None
    data = _frame(body, community_kind, constituted_by, on, n, area)
    shares = rule.special_majority if matter in rule.special_matters else rule.majority
    law = rule.other_law(matter, on)
    if law is not None and not law.condition_zh and constituted_by in law.measured_by:
        shares = law.majority  # another law's majority of all members replaces the assembly's
    d = draw(distance)
    motion: dict[str, Any] = {
        "id": "1",
        "matter": matter,
        "voted_on": on.isoformat(),
        "in_favour": n,
        "result": "adopted",
    }
    if area is not None:
        motion["area_in_favour"] = area
    for share in shares:
        if share.measure != measure:
            continue
        of = n if measure == "heads" else area
        assert of is not None
        value = _bound(rulebook, share, of, on) + d
        assume(0 <= value <= of)
        if measure == "heads":
            motion["in_favour"], motion["against"] = value, n - value
        else:
            motion["area_in_favour"], motion["area_against"] = value, of - value
    data["motions"] = [motion]
    return Meeting.model_validate_json(_json(data))


def tally_meetings(
    *,
    body: MeetingBody = "residents_assembly",
    community_kind: CommunityKind | None = None,
    constituted_by: AttendanceBase = "households",
    matter: Matter = "general",
    measure: Weight = "heads",
    at: st.SearchStrategy[dt.date] | None = None,
    entitled: st.SearchStrategy[int] | None = None,
    distance: int | st.SearchStrategy[int] = 0,
    rulebook: Rulebook | None = None,
) -> st.SearchStrategy[Meeting]:
    """Meetings where everyone entitled attends and votes on one motion recorded as adopted,
    whose votes for are ``distance`` from the least adopting number (so the majority base —
    present, participating or all — is the number entitled). Where another law sets the
    matter's majority outright (a land-contracting plan of a villagers' assembly counted by
    adults), its boundary is used.

    Args:
        body: the assembly.
        community_kind: the community kind (needed for a representatives' assembly).
        constituted_by: the attendance base.
        matter: the motion's matter (owners: the 3/4 matters differ).
        measure: ``heads`` or ``area`` (owners) at the boundary; the other votes all for.
        at: strategy for the meeting date (default 2026–2030).
        entitled: strategy for how many are entitled (default 1–600, half of the time a
            multiple of the denominator of one of the rule's shares, where it is exact).
        distance: distance of the votes for from the boundary.
        rulebook: whose parameters define the threshold (default ``cn``).
    """
    return _tally(
        body,
        community_kind,
        constituted_by,
        matter,
        measure,
        at if at is not None else _default_at(),
        entitled,
        _as(distance),
        _Ref(rulebook or get_rulebook("cn")),
    )


def meetings(
    *,
    body: MeetingBody = "residents_assembly",
    community_kind: CommunityKind | None = None,
    constituted_by: AttendanceBase = "households",
    at: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[Meeting]:
    """Valid meeting records anywhere around the boundaries (quorum and one motion's votes
    each within a few of their boundary, on either side)."""
    return tally_meetings(
        body=body,
        community_kind=community_kind,
        constituted_by=constituted_by,
        at=at,
        distance=st.integers(-3, 3),
    )


#: Each assembly with an attendance base and a community kind it meets with (the bases and
#: kinds its law counts by): what `any_meetings` draws from.
_ASSEMBLIES: tuple[tuple[MeetingBody, AttendanceBase, CommunityKind | None], ...] = (
    ("residents_assembly", "adults", "urban"),
    ("residents_assembly", "households", "urban"),
    ("residents_assembly", "households", "village_to_residence"),
    ("villagers_assembly", "adults", "rural"),
    ("villagers_assembly", "households", "rural"),
    ("representatives_assembly", "members", "urban"),
    ("representatives_assembly", "members", "rural"),
    ("representatives_assembly", "members", "village_to_residence"),
    ("villager_group", "adults", "rural"),
    ("villager_group", "households", "rural"),
    ("owners_assembly", "owners", None),
    ("collective_members_assembly", "members", "rural"),
    ("collective_representatives_assembly", "members", "rural"),
    ("collective_council", "members", "rural"),
)


def any_meetings(*, at: st.SearchStrategy[dt.date] | None = None) -> st.SearchStrategy[Meeting]:
    """Valid meeting records of every kind of assembly (居民会议, 村民会议, 代表会议, 村民小组会议,
    业主大会, the collective's 成员大会, 成员代表大会 and 理事会), each counted by a base its law
    uses, around the boundaries as `meetings`; a collective members' assembly carries up to
    three proxies (委托代为参加会议) half of the time. What ``st.from_type(Meeting)`` draws."""
    from .assemblies import meeting_proxies

    def one(kind: tuple[MeetingBody, AttendanceBase, CommunityKind | None]) -> Any:
        body, base, community_kind = kind
        drawn = meetings(body=body, constituted_by=base, community_kind=community_kind, at=at)
        if body != "collective_members_assembly":
            return drawn
        proxies = st.lists(meeting_proxies(), max_size=3, unique_by=lambda p: p.principal_id)
        return st.tuples(drawn, proxies).map(_with_proxies)

    return st.sampled_from(_ASSEMBLIES).flatmap(one)


def _with_proxies(pair: tuple[Meeting, list[Any]]) -> Meeting:
    meeting, proxies = pair
    data = json.loads(meeting.model_dump_json())
    data["proxies"] = [json.loads(p.model_dump_json()) for p in proxies]
    return Meeting.model_validate_json(_json(data))


@st.composite
def _dismissal(
    draw: st.DrawFn,
    at: st.SearchStrategy[dt.date],
    distance: st.SearchStrategy[int],
    contract_days: st.SearchStrategy[int | None],
    ref: _Ref,
) -> Meeting:
    on = draw(at)
    days = draw(contract_days)
    required = _count(ref.rulebook, NOTICE_DAYS, on) if days is None else days
    gap = required + draw(distance)
    assume(gap >= 0)
    notified = on + dt.timedelta(days=draw(st.integers(0, 30)))
    n = draw(st.integers(1, 600))
    area = draw(st.integers(n * 3000, n * 20000))
    data = _frame("owners_assembly", None, "owners", on, n, area)
    notice: dict[str, Any] = {
        "notified_on": notified.isoformat(),
        "written": True,
        "terminates_on": (notified + dt.timedelta(days=gap)).isoformat(),
    }
    if days is not None:
        notice["contract_notice"] = {"days": days, "clause": "物业服务合同第二十条"}
    data["motions"] = [
        {
            "id": "1",
            "matter": "property_service_dismissal",
            "voted_on": on.isoformat(),
            "in_favour": n,
            "area_in_favour": area,
            "result": "adopted",
            "dismissal_notice": notice,
        }
    ]
    return Meeting.model_validate_json(_json(data))


def dismissal_meetings(
    *,
    at: st.SearchStrategy[dt.date] | None = None,
    distance: int | st.SearchStrategy[int] = 0,
    contract_days: st.SearchStrategy[int | None] | None = None,
    rulebook: Rulebook | None = None,
) -> st.SearchStrategy[Meeting]:
    """Owners' assemblies that adopt the dismissal of the property service company, whose
    written notice reaches it ``distance`` days from the least notice period before the
    contract ends (``0``: exactly the period ahead, ``-1`` a day short).

    Args:
        at: strategy for the meeting date (default 2026–2030).
        distance: days from the boundary.
        contract_days: strategy for a notice period the contract sets (None: the statutory
            sixty days apply); default always None.
        rulebook: whose parameters define the statutory period (default ``cn``).
    """
    return _dismissal(
        at if at is not None else _default_at(),
        _as(distance),
        contract_days if contract_days is not None else st.none(),
        _Ref(rulebook or get_rulebook("cn")),
    )


@st.composite
def _households(
    draw: st.DrawFn,
    edge: Literal["fewest", "most"],
    at: st.SearchStrategy[dt.date],
    representatives: st.SearchStrategy[int],
    distance: st.SearchStrategy[int],
    ref: _Ref,
) -> Meeting:
    on = draw(at)
    reps = draw(representatives)
    per = _count(ref.rulebook, HOUSEHOLDS_MIN if edge == "fewest" else HOUSEHOLDS_MAX, on)
    households = per * reps + draw(distance)
    assume(households >= 0)
    data = _frame("collective_representatives_assembly", None, "members", on, reps, None)
    data["member_households"] = households
    return Meeting.model_validate_json(_json(data))


def collective_household_meetings(
    *,
    edge: Literal["fewest", "most"] = "fewest",
    at: st.SearchStrategy[dt.date] | None = None,
    representatives: st.SearchStrategy[int] | None = None,
    distance: int | st.SearchStrategy[int] = 0,
    rulebook: Rulebook | None = None,
) -> st.SearchStrategy[Meeting]:
    """Collective representatives' assemblies whose members' households are ``distance`` from
    ``edge`` of one representative per five (``fewest``) to fifteen (``most``) households.

    Args:
        edge: ``fewest`` (5 × representatives) or ``most`` (15 × representatives).
        at: strategy for the meeting date (default 2026–2030).
        representatives: strategy for the representatives (default 21–120).
        distance: households from the boundary.
        rulebook: whose parameters define the ratio (default ``cn``).
    """
    return _households(
        edge,
        at if at is not None else _default_at(),
        representatives if representatives is not None else st.integers(21, 120),
        _as(distance),
        _Ref(rulebook or get_rulebook("cn")),
    )
