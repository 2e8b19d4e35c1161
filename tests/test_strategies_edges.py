"""The coverage-work strategies find an off-by-one at the rules' numbers.

As in `test_strategies_thresholds`, a copy of a check misreads its comparison — 超 (more than,
exclusive) as "at least", or 按照…标准 (at least) as "more than" — and the test counts in how
many of ten seeds Hypothesis, drawing through ``st.from_type`` at 200 examples, finds a subject
on which the copy and the engine disagree. Only a value exactly on the bound tells the two
readings apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from community_governance import (
    CollectiveOrganisation,
    CommunityFacilities,
    FundAllocation,
    Rulebook,
    SocialOrganization,
    evaluate,
    get_rulebook,
)

from ._support import seeds_finding

SEEDS = range(10)
EXAMPLES = 200


def space_copy(f: CommunityFacilities, anhui: Rulebook, *, exclusive: bool) -> str:
    """A copy of `checks.facilities.space_per_hundred`: the status of ``facility.service-space``
    (``absent`` when not in force). ``exclusive=False`` plants the bug: 超 read as 以上."""
    if not anhui.rule("facility.service-space").in_force(f.as_of):
        return "absent"
    households = len(f.community.households)
    if households == 0 or f.service_space_area is None:
        return "indeterminate"
    bound = anhui.count("facility.service-space.per-hundred-households", f.as_of) * households
    enough = f.service_space_area > bound if exclusive else f.service_space_area >= bound
    return "passed" if enough else "failed"


def fund_copy(a: FundAllocation, jinjiang: Rulebook, *, inclusive: bool) -> str:
    """A copy of `checks.funding_standards.meets_standard`: the status of the recipient's
    standard rule. ``inclusive=False`` plants the bug: the standard read as "more than"."""
    rule = f"funding.{a.recipient.replace('_', '-')}-standard"
    if not jinjiang.rule(rule).in_force(a.decided_on):
        return "absent"
    if a.fund != "public_service_and_social_management":
        return "not_applicable"
    parameter = f"funding.{a.recipient.replace('_', '-')}.amount"
    standard = jinjiang.count(parameter, a.decided_on)
    enough = a.amount_yuan >= standard if inclusive else a.amount_yuan > standard
    return "passed" if enough else "failed"


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def term_copy(o: CollectiveOrganisation, cn: Rulebook, *, inclusive: bool) -> str:
    """A copy of the council's term rule (任期为五年): passed if no serving council member's
    term outlasts five years. ``inclusive=False`` plants the bug: a term of exactly five years
    to the day counted as too long."""
    if not cn.rule("collective-council.term").in_force(o.as_of):
        return "absent"
    serving = o.serving("council")
    if not serving:
        return "indeterminate"
    years = cn.count("collective-council.term-years", o.as_of)
    for s in serving:
        end = s.term_end if s.term_end is not None else o.as_of + dt.timedelta(days=1)
        limit = _add_years(s.term_start, years)
        if (end > limit) if inclusive else (end >= limit):
            return "failed"
    return "passed"


def grant_copy(org: SocialOrganization, jinjiang: Rulebook, *, inclusive: bool) -> str:
    """A copy of the start-up grant cap (最高…元): ``inclusive=False`` plants the bug, the cap
    read as "less than"."""
    on = org.as_of
    if not jinjiang.rule("social-organization.start-up-grant").in_force(on):
        return "absent"
    grants = [g for g in org.start_up_grants if g.granted_on <= on]
    if not grants:
        return "not_applicable"
    rule = jinjiang.rule("social-organization.start-up-grant")
    governed = [g for g in grants if rule.in_force(g.granted_on)]
    for g in governed:
        track = org.track_on(g.granted_on)
        if track == "none":
            return "failed"
        # the cap in force on the day the grant was paid
        cap = jinjiang.count(f"social-organization.start-up-grant.{track}.max", g.granted_on)
        if not (g.amount_yuan <= cap if inclusive else g.amount_yuan < cap):
            return "failed"
    return "passed" if governed else "not_applicable"


#: model, rulebook, rule judged, copy of its check.
CASES: dict[str, tuple[type[Any], str, Callable[[Any], str], Callable[..., str]]] = {
    "facility.service-space": (
        CommunityFacilities,
        "cn.anhui",
        lambda f: "facility.service-space",
        lambda x, rb, ok: space_copy(x, rb, exclusive=ok),
    ),
    "funding.*-standard": (
        FundAllocation,
        "cn.sichuan.chengdu.jinjiang",
        lambda a: f"funding.{a.recipient.replace('_', '-')}-standard",
        lambda x, rb, ok: fund_copy(x, rb, inclusive=ok),
    ),
    "collective-council.term": (
        CollectiveOrganisation,
        "cn",
        lambda o: "collective-council.term",
        lambda x, rb, ok: term_copy(x, rb, inclusive=ok),
    ),
    "social-organization.start-up-grant": (
        SocialOrganization,
        "cn.sichuan.chengdu.jinjiang",
        lambda o: "social-organization.start-up-grant",
        lambda x, rb, ok: grant_copy(x, rb, inclusive=ok),
    ),
}


def _status(subject: Any, rulebook: Rulebook, rule: str) -> str:
    return evaluate(subject, rulebook).statuses().get(rule, "absent")


@pytest.mark.parametrize("case", CASES)
def test_the_off_by_one_is_caught_in_9_of_10_seeds(case: str) -> None:
    """At 200 examples of ``st.from_type(model)``, Hypothesis finds the planted misreading
    of the rule's bound in at least 9 of 10 seeds."""
    model, book, rule, copy = CASES[case]
    rulebook = get_rulebook(book)

    def agrees(subject: Any) -> None:
        assert copy(subject, rulebook, False) == _status(subject, rulebook, rule(subject))

    caught = seeds_finding(st.from_type(model), agrees, SEEDS, EXAMPLES)
    assert caught >= 9, f"caught in {caught} of 10 seeds"


@pytest.mark.parametrize("case", CASES)
def test_the_faithful_copy_always_agrees(case: str) -> None:
    """The copy read correctly agrees with the engine on every subject drawn, so the
    disagreements counted above are the planted bug and nothing else."""
    model, book, rule, copy = CASES[case]
    rulebook = get_rulebook(book)

    @settings(max_examples=EXAMPLES, database=None, deadline=None)
    @given(st.from_type(model))
    def agrees(subject: Any) -> None:
        assert copy(subject, rulebook, True) == _status(subject, rulebook, rule(subject))

    agrees()
