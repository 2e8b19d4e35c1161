"""``st.from_type(Meeting)`` draws every kind of assembly, each counted by a base its law
uses, and a collective members' assembly with proxies (`any_meetings`)."""

from __future__ import annotations

from typing import get_args

from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from community_governance import Meeting, evaluate, get_rulebook
from community_governance.models.meeting import MeetingBody
from community_governance.strategies import any_meetings


def test_every_assembly_is_drawn() -> None:
    """Each assembly of the models can be drawn (not only the residents' assembly)."""
    for body in get_args(MeetingBody):
        found = find(
            st.from_type(Meeting),
            lambda m, body=body: m.body == body,
            settings=settings(max_examples=2000, database=None),
        )
        assert found.body == body


def test_a_collective_members_assembly_is_drawn_with_proxies() -> None:
    """Proxies (委托代为参加会议) appear on a collective members' assembly, so the proxy rule
    is exercised by property tests too."""
    found = find(
        any_meetings(),
        lambda m: m.body == "collective_members_assembly" and len(m.proxies) >= 2,
        settings=settings(max_examples=3000, database=None),
    )
    assert len({p.principal_id for p in found.proxies}) == len(found.proxies)


def proxy_status(meeting: Meeting) -> str:
    """The proxy rule read from the statute (农村集体经济组织法 Art. 27(1)): no proxy, not
    applicable; any fact recorded against the law, failed; any fact unrecorded, indeterminate;
    else passed."""
    if not meeting.proxies:
        return "not_applicable"
    facts = []
    for p in meeting.proxies:
        households = (p.principal_household_id, p.holder_household_id)
        same = None if None in households else households[0] == households[1]
        facts += [p.written, same, p.holder_full_capacity]
    if False in facts:
        return "failed"
    return "indeterminate" if None in facts else "passed"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_meetings())
def test_the_proxy_rule_judges_drawn_proxies_as_the_statute_reads(meeting: Meeting) -> None:
    """On a collective members' assembly in force, the proxy rule's status is the statute's
    reading of the drawn proxies; on any other assembly the rule is out of scope."""
    cn = get_rulebook("cn")
    decision = evaluate(meeting, cn, raise_errors=True)
    statuses = decision.statuses()
    rule = cn.rule("meeting.collective-proxy")
    if meeting.body == "collective_members_assembly" and rule.in_force(decision.at):
        assert statuses["meeting.collective-proxy"] == proxy_status(meeting)
    else:
        assert "meeting.collective-proxy" not in statuses
