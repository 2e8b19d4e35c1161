"""Hypothesis strategies for bodies, families, elections and recalls (re-exported by
`community_governance.strategies`)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from ...models import BodyComposition, Community, Election, Recall
from ...models.community import BodyKind, CommunityKind, Relation
from ...models.election import ElectionMethod, SponsorKind
from ...rulebooks import Rulebook, get_rulebook
from ...rulebooks.builtin.cn import elections as urban_elections
from ...rulebooks.builtin.cn import recall as recall_rules
from ...rulebooks.builtin.cn import village_elections
from ...rules.parameter import Parameter
from ...rules.rule import RuleContext
from .bounds import bases

__all__ = [
    "bodies_near_size_limit",
    "elections",
    "elections_near_majority",
    "elections_near_turnout",
    "families",
    "recalls_near_initiation",
]

_START, _END = dt.date(2021, 6, 1), dt.date(2026, 6, 1)
_ADULT = dt.date(1980, 5, 1)
_COMMITTEE_OF = {"urban": "residents_committee", "rural": "village_committee"}


def _as_strategy(v: int | st.SearchStrategy[int]) -> st.SearchStrategy[int]:
    return st.just(v) if isinstance(v, int) else v


def _person(pid: str, **extra: Any) -> dict[str, Any]:
    return {"id": pid, "birth_date": _ADULT, "registration": "registered", **extra}


def _membership(pid: str, body: str, role: str, **extra: Any) -> dict[str, Any]:
    return {
        "person_id": pid,
        "body_id": body,
        "role": role,
        "term_start": _START,
        "term_end": _END,
        **extra,
    }


#: The conduct of a lawful vote (无记名投票、公开计票、当场公布、秘密写票处).
_BALLOT = {
    "secret": True,
    "counted_publicly": True,
    "announced_on_the_spot": True,
    "private_booth": True,
}


@st.composite
def _near_size(
    draw: st.DrawFn,
    kind: BodyKind,
    community_kind: CommunityKind,
    rulebook: Rulebook,
    at: dt.date,
    side: str,
    distance: st.SearchStrategy[int],
) -> BodyComposition:
    name = f"{kind.replace('_', '-')}.size.{side}"
    bound = rulebook.parameter_version(name, at).value
    if not isinstance(bound, int):
        raise ValueError(f"{name} must be a count parameter (got {bound!r})")
    n = max(bound + draw(distance), 0)
    persons = [_person(f"M{i}", gender="female" if i == 0 else "male") for i in range(n)]
    memberships = [
        _membership(f"M{i}", "B", "chair" if i == 0 else "member", elected_by="voters")
        for i in range(n)
    ]
    c = Community.model_validate(
        {
            "id": "C1",
            "name": "社区C1",
            "kind": community_kind,
            "persons": persons,
            "bodies": [
                {"id": "B", "kind": kind, "term_start": _START, "term_end": _END},
                {
                    "id": "SC",
                    "kind": "supervision_committee",
                    "term_start": _START,
                    "term_end": _END,
                },
            ],
            "memberships": memberships,
        }
    )
    return BodyComposition(community=c, body_id="B", as_of=at)


def bodies_near_size_limit(
    *,
    kind: BodyKind = "residents_committee",
    community_kind: CommunityKind = "urban",
    rulebook: Rulebook | None = None,
    at: dt.date = dt.date(2026, 3, 1),
    side: str = "min",
    distance: int | st.SearchStrategy[int] = 0,
) -> st.SearchStrategy[BodyComposition]:
    """A body whose size is ``distance`` members from its limit ``<kind>.size.<side>``.

    ``side="min"`` with ``distance=-1`` is one member short; ``side="max"`` with ``distance=1``
    one member too many. The chair is a woman; nobody is related; everyone is an adult elected
    by the voters; the body and its supervision committee serve the 2021-06-01 – 2026-06-01
    term.

    Args:
        kind: the body kind; its rulebook parameters are ``<kind with hyphens>.size.min/max``.
        community_kind: the community's kind.
        rulebook: whose parameters set the limit (default ``cn``).
        at: the date the composition is taken on and the law applied.
        side: ``"min"`` or ``"max"``.
        distance: members from the limit (an int or a strategy).
    """
    return _near_size(
        kind,
        community_kind,
        rulebook if rulebook is not None else get_rulebook("cn"),
        at,
        side,
        _as_strategy(distance),
    )


_LINKS: tuple[Relation, ...] = ("spouse", "parent", "child", "sibling", "grandparent", "grandchild")


@st.composite
def _families(draw: st.DrawFn, size: st.SearchStrategy[int], links: int) -> Community:
    n = draw(size)
    persons: list[dict[str, Any]] = [_person(f"P{i}") for i in range(n)]
    if n >= 2:
        for _ in range(draw(st.integers(0, links))):
            a, b = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
            persons[a].setdefault("relatives", []).append(
                {"person_id": f"P{b}", "relation": draw(st.sampled_from(_LINKS))}
            )
    return Community.model_validate(
        {"id": "F1", "name": "家庭示例", "kind": "urban", "persons": persons}
    )


def families(
    *, size: st.SearchStrategy[int] | None = None, links: int = 8
) -> st.SearchStrategy[Community]:
    """Communities of ``size`` persons (default 2–8) with up to ``links`` random kinship links
    (配偶、父母、子女、兄弟姐妹、祖父母、孙子女)."""
    return _families(size if size is not None else st.integers(2, 8), links)


def _election_data(
    kind: CommunityKind,
    method: ElectionMethod,
    n: int,
    seats: int,
    day: dt.date,
    voted: int,
    votes: list[int],
) -> dict[str, Any]:
    committee = _COMMITTEE_OF[kind]
    voters = [f"V{i}" for i in range(n)]
    cands = [f"K{i}" for i in range(len(votes))]
    bodies = [{"id": "B", "kind": committee}]
    memberships = []
    persons = [_person(p) for p in voters + cands]
    households: list[dict[str, Any]] = []
    if method == "representatives":
        bodies.append({"id": "RA", "kind": "representatives_assembly"})
        memberships = [_membership(v, "RA", "representative") for v in voters]
    if method == "household_representatives":  # one representative per household (每户派代表)
        households = [{"id": f"H{i}"} for i in range(n)]
        for i, person in enumerate(persons[:n]):
            person["household_id"] = f"H{i}"
    # the vetting found no bar to standing, the candidates met the voters, the vote was held
    # lawfully and the outgoing committee's audit was published (no member is recorded, so none
    # is due)
    return {
        "id": "E1",
        "community": {
            "id": "C1",
            "name": "社区C1",
            "kind": kind,
            "households": households,
            "persons": persons,
            "bodies": bodies,
            "memberships": memberships,
        },
        "body_id": "B",
        "method": method,
        "election_day": day,
        "seats": seats,
        "voter_list_published_on": day - dt.timedelta(days=30),
        "electorate_ids": voters,
        "electors_list_published_on": day - dt.timedelta(days=30),
        "candidates": [
            {
                "person_id": c,
                "nominated_by": "party_organization",
                "votes": v,
                "disqualifications": [],
            }
            for c, v in zip(cands, votes, strict=True)
        ],
        "candidates_met_voters_on": day - dt.timedelta(days=5),
        "voted_ids": voters[:voted],
        "ballot": _BALLOT,
        "outgoing_audit": {"published_on": day - dt.timedelta(days=10)},
    }


def _bound(share: Fraction, base: int, inclusive: bool) -> int:
    product = share.numerator * base
    floor, ceil = product // share.denominator, -(-product // share.denominator)
    return ceil if inclusive else floor + 1


def _turnout_param(kind: CommunityKind, method: ElectionMethod) -> Parameter:
    if kind == "rural":
        return village_elections.TURNOUT_SHARE
    if method == "representatives":
        return urban_elections.TURNOUT_REPRESENTATIVES_SHARE
    return urban_elections.TURNOUT_SHARE


@st.composite
def _near_turnout(
    draw: st.DrawFn,
    kind: CommunityKind,
    method: ElectionMethod,
    voters: st.SearchStrategy[int] | None,
    distance: st.SearchStrategy[int],
    rulebook: Rulebook,
    at: dt.date,
) -> Election:
    share = RuleContext(rulebook, at).share(_turnout_param(kind, method))
    n = draw(voters if voters is not None else bases((share.denominator,), 1, 300))
    voted = min(max(_bound(share, n, inclusive=False) + draw(distance), 0), n)
    data = _election_data(kind, method, n, 1, at, voted, [voted, 0])
    return Election.model_validate(data)


def elections_near_turnout(
    *,
    kind: CommunityKind = "urban",
    method: ElectionMethod = "voters",
    voters: st.SearchStrategy[int] | None = None,
    distance: int | st.SearchStrategy[int] = 0,
    rulebook: Rulebook | None = None,
    at: dt.date = dt.date(2026, 5, 20),
) -> st.SearchStrategy[Election]:
    """Elections whose turnout is ``distance`` voters from the least valid turnout (more than
    half; more than 2/3 when representatives elect): ``0`` is just valid, ``-1`` exactly on the
    excluded boundary (invalid). Turnout is clamped to ``0..voters``.

    Args:
        kind: ``urban`` (residents' committee) or ``rural`` (village committee).
        method: the election method.
        voters: strategy for the electorate's size (default 1–300, half of the time a
            multiple of the share's denominator, where the share is exact).
        distance: voters from the boundary.
        rulebook: whose parameters set the share (default ``cn``).
        at: the election day.
    """
    return _near_turnout(
        kind,
        method,
        voters,
        _as_strategy(distance),
        rulebook if rulebook is not None else get_rulebook("cn"),
        at,
    )


@st.composite
def _near_majority(
    draw: st.DrawFn,
    kind: CommunityKind,
    ballots: st.SearchStrategy[int] | None,
    distance: st.SearchStrategy[int],
    runoff: bool,
    at: dt.date,
) -> Election:
    share = Fraction(1, 3) if runoff else Fraction(1, 2)
    cast = draw(ballots if ballots is not None else bases((share.denominator,), 1, 300))
    votes = min(max(_bound(share, cast, inclusive=runoff) + draw(distance), 0), cast)
    data = _election_data(kind, "voters", cast, 1, at, cast, [votes, cast - votes])
    data["round"] = "runoff" if runoff else "first"
    return Election.model_validate(data)


def elections_near_majority(
    *,
    kind: CommunityKind = "urban",
    ballots: st.SearchStrategy[int] | None = None,
    distance: int | st.SearchStrategy[int] = 0,
    runoff: bool = False,
    at: dt.date = dt.date(2026, 5, 20),
) -> st.SearchStrategy[Election]:
    """One-seat elections with full turnout where the leading candidate ``K0`` is ``distance``
    votes from the least winning count: more than half of the ballots cast, or for a run-off
    at least 1/3 of them. The other candidate gets the remaining votes.

    Args:
        kind: ``urban`` or ``rural``.
        ballots: strategy for the ballots cast (default 1–300, half of the time a multiple of
            the share's denominator).
        distance: votes from the boundary (``0`` just wins, ``-1`` just loses).
        runoff: a run-off (另行选举) instead of a first ballot.
        at: the election day.
    """
    return _near_majority(
        kind,
        ballots,
        _as_strategy(distance),
        runoff,
        at,
    )


@st.composite
def _elections(draw: st.DrawFn, kind: st.SearchStrategy[CommunityKind]) -> Election:
    k = draw(kind)
    n = draw(st.integers(1, 60))
    voted = draw(st.integers(0, n))
    seats = draw(st.integers(1, 3))
    votes = draw(st.lists(st.integers(0, voted), min_size=seats + 1, max_size=seats + 2))
    while sum(votes) > voted * seats:
        votes = [v // 2 for v in votes]
    method: ElectionMethod = (
        "voters" if k == "rural" else draw(st.sampled_from(("voters", "representatives")))
    )
    return Election.model_validate(
        _election_data(k, method, n, seats, dt.date(2026, 5, 20), voted, votes)
    )


def elections(
    *, kind: st.SearchStrategy[CommunityKind] | None = None
) -> st.SearchStrategy[Election]:
    """Valid elections of a residents' or village committee on 2026-05-20: any electorate
    size, turnout and tally (each ballot names at most ``seats`` candidates); the facts of the
    procedure — the candidates' vetting and meeting with the voters, the lists, the conduct of
    the vote, the outgoing audit — are recorded as the law asks."""
    return _elections(kind if kind is not None else st.sampled_from(("urban", "rural")))


def _initiation_param(kind: CommunityKind, sponsors: SponsorKind) -> Parameter:
    if kind == "rural":
        if sponsors == "representatives":
            return recall_rules.VILLAGE_REPRESENTATIVES_SHARE
        return recall_rules.VILLAGE_VOTERS_SHARE
    if sponsors == "representatives":
        return recall_rules.REPRESENTATIVES_SHARE
    return recall_rules.VOTERS_SHARE


@st.composite
def _near_initiation(
    draw: st.DrawFn,
    kind: CommunityKind,
    sponsors: SponsorKind,
    size: st.SearchStrategy[int] | None,
    distance: st.SearchStrategy[int],
    rulebook: Rulebook,
    at: dt.date,
) -> Recall:
    share = RuleContext(rulebook, at).share(_initiation_param(kind, sponsors))
    n = draw(size if size is not None else bases((share.denominator,), 1, 300))
    count = min(max(_bound(share, n, inclusive=True) + draw(distance), 0), n)
    bodies = [
        {"id": "B", "kind": _COMMITTEE_OF[kind]},
        {"id": "RA", "kind": "representatives_assembly"},
    ]
    memberships = [_membership("T", "B", "member", elected_by="voters")]
    if sponsors == "representatives":
        people = [f"V{i}" for i in range(n)]
        memberships += [_membership(p, "RA", "representative") for p in people]
        pool = people
    else:
        # the member recalled, T, is a voter too: the n voters are T and n - 1 others
        people = [f"V{i}" for i in range(n - 1)]
        pool = [*people, "T"]
    data = {
        "id": "R1",
        "community": {
            "id": "C1",
            "name": "社区C1",
            "kind": kind,
            "persons": [_person(p) for p in [*people, "T"]],
            "bodies": bodies,
            "memberships": memberships,
        },
        "body_id": "B",
        "person_id": "T",
        "method": "voters",
        "requested_on": at,
        "electorate_ids": [*people, "T"],
        "sponsors": sponsors,
        "sponsor_ids": pool[:count],
        "reason": "不履行职责",
    }
    return Recall.model_validate(data)


def recalls_near_initiation(
    *,
    kind: CommunityKind = "urban",
    sponsors: SponsorKind = "voters",
    size: st.SearchStrategy[int] | None = None,
    distance: int | st.SearchStrategy[int] = 0,
    rulebook: Rulebook | None = None,
    at: dt.date = dt.date(2026, 4, 1),
) -> st.SearchStrategy[Recall]:
    """Recall requests whose sponsors are ``distance`` from the least share that may start a
    recall (1/10 or 1/5 of voters, 1/3 of representatives; 以上 is inclusive). Everyone is an
    adult voter registered here; the member recalled (``T``), elected by the voters, is one of
    them.

    Args:
        kind: ``urban`` or ``rural``.
        sponsors: ``voters`` or ``representatives``.
        size: strategy for the number of voters, the member included (or of representatives)
            (default 1–300, half of the time a multiple of the share's denominator).
        distance: sponsors from the boundary (``0`` just enough, ``-1`` one short).
        rulebook: whose parameters set the shares (default ``cn``).
        at: the request date.
    """
    return _near_initiation(
        kind,
        sponsors,
        size,
        _as_strategy(distance),
        rulebook if rulebook is not None else get_rulebook("cn"),
        at,
    )
