"""Elections of residents' and village committees: validity, the tally, proxies, voter list,
eligibility and nomination, dated 2018 vs 2025."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import Decision, Election, evaluate, get_rulebook
from community_governance.strategies import (
    elections,
    elections_near_majority,
    elections_near_turnout,
)

from ._support import example_data

CN = get_rulebook("cn")


def election(name: str, edit: Any = None) -> Election:
    data = example_data(f"elections/{name}.json")
    if edit is not None:
        edit(data)
    return Election.model_validate_json(json.dumps(data, ensure_ascii=False))


def failed(d: Decision) -> set[str]:
    return {f.rule for f in d.findings if f.status == "failed"}


REPS = [f"R{i:02d}" for i in range(1, 31)]


class TestValidity:
    """Urban Art. 19(1): more than half of voters; more than 2/3 of representatives (超过)."""

    def test_exactly_two_thirds_of_representatives_is_invalid(self) -> None:
        """20 of 30 representatives is exactly 2/3: 超过 excludes it, the election is invalid."""

        def edit(d: dict[str, Any]) -> None:
            d["voted_ids"] = REPS[:20]
            for c in d["candidates"]:
                c["votes"] = min(c["votes"], 20)

        d = evaluate(election("representatives-election", edit), CN)
        assert d.verdict == "denied"
        assert failed(d) == {"election.turnout"}
        assert d.finding("election.result").evidence["elected"] == []
        assert "needs 21: 1 more person voting" in d.finding("election.turnout").message_en

    def test_one_more_representative_makes_it_valid(self) -> None:
        """21 of 30 is more than 2/3: valid, and the tally names who is elected."""
        d = evaluate(election("representatives-election"), CN)
        assert d.verdict == "allowed"
        assert d.finding("election.result").evidence["elected"] == ["C1", "C2", "C3", "C4", "C5"]

    @pytest.mark.parametrize("method", ["voters", "household_representatives", "representatives"])
    @pytest.mark.parametrize(
        ("distance", "expected"), [(-1, "failed"), (0, "passed"), (1, "passed")]
    )
    def test_turnout_boundary(self, method: str, distance: int, expected: str) -> None:
        """n−1, n, n+1 around the least valid turnout, for every method and many sizes."""

        @given(
            elections_near_turnout(
                method=method,  # type: ignore[arg-type]
                voters=st.integers(6, 300),
                distance=distance,
            )
        )
        def run(e: Election) -> None:
            assert evaluate(e, CN).finding("election.turnout").status == expected

        run()

    @pytest.mark.parametrize(("distance", "expected"), [(-1, "failed"), (0, "passed")])
    def test_village_turnout_boundary(self, distance: int, expected: str) -> None:
        """Village: more than half of the registered villagers, under both texts."""

        @given(
            elections_near_turnout(kind="rural", voters=st.integers(2, 300), distance=distance),
            st.sampled_from([dt.date(2024, 5, 20), dt.date(2026, 5, 20)]),
        )
        def run(e: Election, at: dt.date) -> None:
            assert evaluate(e, CN, at).finding("village-election.turnout").status == expected

        run()

    def test_urban_rules_not_in_force_before_2026(self) -> None:
        """The 2018 urban text left elections to provincial measures: no national rule judges
        the election, so it is indeterminate and uncovered (it used to be allowed)."""
        d = evaluate(election("representatives-election"), CN, dt.date(2025, 6, 1))
        assert d.verdict == "indeterminate"
        assert d.findings == ()
        assert d.coverage.uncovered is not None
        assert {"election.turnout", "election.result"} <= set(d.coverage.not_in_force)


class TestTally:
    """Elected with more than half of the ballots cast; a run-off needs at least 1/3."""

    @pytest.mark.parametrize(("distance", "elected"), [(-1, False), (0, True), (1, True)])
    def test_majority_boundary(self, distance: int, elected: bool) -> None:
        """n−1, n, n+1 votes around 过半数 of the ballots cast."""

        @given(elections_near_majority(ballots=st.integers(2, 300), distance=distance))
        def run(e: Election) -> None:
            f = evaluate(e, CN).finding("election.result")
            assert ("K0" in f.evidence["elected"]) is elected

        run()

    @pytest.mark.parametrize(("distance", "elected"), [(-1, False), (0, True), (1, True)])
    def test_runoff_boundary(self, distance: int, elected: bool) -> None:
        """A run-off winner needs at least 1/3 of the ballots cast (不得少于, inclusive)."""

        @given(
            elections_near_majority(
                kind="rural", ballots=st.integers(3, 300), distance=distance, runoff=True
            )
        )
        def run(e: Election) -> None:
            votes = {c.person_id: c.votes for c in e.candidates}
            f = evaluate(e, CN).finding("village-election.result")
            if votes["K1"] == votes["K0"] and elected:
                assert f.status == "indeterminate"
            elif (votes["K1"] or 0) > (votes["K0"] or 0):
                assert "K0" not in f.evidence["elected"]
            else:
                assert ("K0" in f.evidence["elected"]) is elected

        run()

    def test_unfilled_seats_are_reported(self) -> None:
        """Candidates short of a majority leave seats for a run-off; the finding says so."""

        def edit(d: dict[str, Any]) -> None:
            votes = [21, 18, 10, 10, 9, 8]
            for c, v in zip(d["candidates"], votes, strict=True):
                c["votes"] = v

        f = evaluate(election("representatives-election", edit), CN).finding("election.result")
        assert f.status == "passed"
        assert f.evidence["elected"] == ["C1", "C2"]
        assert f.evidence["unfilled"] == 3
        assert "3 seat(s) left for a run-off" in f.message_en

    def test_a_tie_for_the_last_seat_is_indeterminate(self) -> None:
        """Three qualified candidates tied for two seats: the law does not settle it."""

        def edit(d: dict[str, Any]) -> None:
            d["seats"] = 2
            d["candidates"] = d["candidates"][:3]
            for c in d["candidates"]:
                c["votes"] = 14

        f = evaluate(election("representatives-election", edit), CN).finding("election.result")
        assert f.status == "indeterminate"
        assert f.evidence["tied"] == ["C1", "C2", "C3"]

    @given(elections())
    def test_every_election_gets_a_tally(self, e: Election) -> None:
        """For any valid input every rule runs; elected candidates never exceed the seats."""
        d = evaluate(e, CN, raise_errors=True)
        rule = "village-election.result" if e.community.kind == "rural" else "election.result"
        f = d.finding(rule)
        if f.status in ("passed", "indeterminate"):
            assert len(f.evidence["elected"]) <= e.seats

    @given(elections())
    def test_each_committee_is_judged_by_its_own_law(self, e: Election) -> None:
        """A residents' committee election meets only election.* rules, a village committee
        election only village-election.* rules: the other law is out of scope, not listed."""
        d = evaluate(e, CN)
        prefix = "village-election." if e.community.kind == "rural" else "election."
        assert d.findings
        assert all(f.rule.startswith(prefix) for f in d.findings)
        assert d.coverage.out_of_scope > 0


class TestProxies:
    """Urban Art. 19(4); village 2018 Art. 15(4) and 2025 Art. 18(4)."""

    def test_example_proxies_comply(self) -> None:
        """Two written proxies held by one voter comply."""
        assert evaluate(election("voters-election"), CN).verdict == "allowed"

    def test_four_proxies_for_one_voter_are_denied(self) -> None:
        """每一选民接受的委托不得超过三人: the fourth is one too many."""

        def edit(d: dict[str, Any]) -> None:
            d["proxies"] = [
                {"principal_id": p, "proxy_id": "R09", "written": True}
                for p in ("R01", "R02", "R03", "R04")
            ]

        d = evaluate(election("voters-election", edit), CN)
        assert failed(d) == {"election.proxy-limit"}

    def test_candidate_may_not_hold_a_proxy(self) -> None:
        """A candidate holding a proxy is denied."""

        def edit(d: dict[str, Any]) -> None:
            d["proxies"] = [{"principal_id": "R01", "proxy_id": "C2", "written": True}]

        assert failed(evaluate(election("voters-election", edit), CN)) == {
            "election.proxy-candidate"
        }

    def test_proxy_must_be_written(self) -> None:
        """An oral proxy is denied."""

        def edit(d: dict[str, Any]) -> None:
            d["proxies"][0]["written"] = False

        assert failed(evaluate(election("voters-election", edit), CN)) == {"election.proxy-written"}

    def test_no_proxies_when_representatives_elect(self) -> None:
        """采取居民代表选举方式的，不实行委托投票."""

        def edit(d: dict[str, Any]) -> None:
            d["proxies"] = [{"principal_id": "R25", "proxy_id": "R01", "written": True}]

        assert failed(evaluate(election("representatives-election", edit), CN)) == {
            "election.proxy-representatives"
        }

    def test_village_proxy_to_a_non_relative(self) -> None:
        """2018 text: only close relatives may vote by proxy; 2025 text: any villager."""

        def edit(d: dict[str, Any]) -> None:
            d["proxies"] = [{"principal_id": "R01", "proxy_id": "R02", "written": True}]
            d["handover_completed_on"] = "2024-05-25"

        e = election("village-election", edit)
        assert failed(evaluate(e, CN, dt.date(2024, 5, 20))) == {"village-election.proxy-relative"}
        assert evaluate(e, CN, dt.date(2026, 5, 20)).verdict == "allowed"

    def test_village_proxy_limit_only_from_2026(self) -> None:
        """The 2018 village text set no limit; the 2025 text allows three per voter."""

        def edit(d: dict[str, Any]) -> None:
            d["proxies"] = [
                {"principal_id": p, "proxy_id": "R12", "written": True}
                for p in ("R01", "R02", "R03", "R04")
            ]

        e = election("village-election", edit)
        assert (
            evaluate(e, CN, dt.date(2026, 5, 20)).finding("village-election.proxy-limit").status
            == "failed"
        )
        before = evaluate(e, CN, dt.date(2024, 5, 20))
        assert "village-election.proxy-limit" in before.coverage.not_in_force
        assert "village-election.proxy-limit" not in before.statuses()


class TestVoterList:
    """Published ≥ 20 days before; objections in 5 days, decided in 3."""

    @pytest.mark.parametrize(
        ("published", "expected"),
        [
            ("2026-04-30", "passed"),
            ("2026-05-01", "failed"),
        ],
    )
    def test_twenty_days(self, published: str, expected: str) -> None:
        """Published 20 days before the 2026-05-20 election passes; 19 days fails."""

        def edit(d: dict[str, Any]) -> None:
            d["voter_list_published_on"] = published
            d["objections"] = []

        f = evaluate(election("voters-election", edit), CN).finding("election.voter-list-notice")
        assert f.status == expected

    def test_objection_decided_late(self) -> None:
        """An objection decided four days after it was made is denied."""

        def edit(d: dict[str, Any]) -> None:
            d["objections"] = [{"filed_on": "2026-04-27", "decided_on": "2026-05-01"}]

        assert failed(evaluate(election("voters-election", edit), CN)) == {"election.objections"}

    def test_late_objection_is_reported_not_denied(self) -> None:
        """An objection made after the five days does not bind the committee."""

        def edit(d: dict[str, Any]) -> None:
            d["objections"] = [{"filed_on": "2026-05-05"}]

        f = evaluate(election("voters-election", edit), CN).finding("election.objections")
        assert f.status == "passed"
        assert f.evidence["filed_out_of_time"] == [0]

    def test_missing_publication_date_is_indeterminate(self) -> None:
        """No publication date: indeterminate, naming the field."""

        def edit(d: dict[str, Any]) -> None:
            del d["voter_list_published_on"]
            d["objections"] = []

        f = evaluate(election("voters-election", edit), CN).finding("election.voter-list-notice")
        assert f.status == "indeterminate"
        assert f.evidence["missing"] == "voter_list_published_on"


class TestEligibilityAndNomination:
    """Urban Art. 16 and 18; village 2018 Art. 13, 15 and 2025 Art. 16, 18."""

    def test_a_minor_may_not_vote(self) -> None:
        """A voter aged 17 on election day is not eligible."""

        def edit(d: dict[str, Any]) -> None:
            d["community"]["persons"][0]["birth_date"] = "2008-05-21"

        f = evaluate(election("voters-election", edit), CN).finding("election.eligibility")
        assert f.status == "failed"
        assert "aged 17 < 18" in f.message_en

    def test_community_worker_needs_six_months(self) -> None:
        """A non-registered community worker since five months is not eligible."""

        def edit(d: dict[str, Any]) -> None:
            d["community"]["persons"][-1]["community_worker_since"] = "2025-12-21"

        assert failed(evaluate(election("voters-election", edit), CN)) == {"election.eligibility"}

    def test_nine_nominators_are_too_few(self) -> None:
        """十名以上选民联合提名: nine voters cannot nominate."""

        def edit(d: dict[str, Any]) -> None:
            d["candidates"][1]["nominator_ids"] = REPS[:9]

        assert failed(evaluate(election("voters-election", edit), CN)) == {"election.nomination"}

    def test_village_party_nomination_only_from_2026(self) -> None:
        """The 2018 village text has villagers nominate; the 2025 text adds the party."""

        def edit(d: dict[str, Any]) -> None:
            d["candidates"][0] = {
                "person_id": "V1",
                "nominated_by": "party_organization",
                "votes": 15,
            }

        e = election("village-election", edit)
        assert failed(evaluate(e, CN, dt.date(2024, 5, 20))) == {"village-election.nomination"}
        after = evaluate(e, CN, dt.date(2026, 5, 20))
        assert after.finding("village-election.nomination").status == "passed"

    def test_as_many_candidates_as_seats_is_denied(self) -> None:
        """差额选举: five candidates for five seats fail."""

        def edit(d: dict[str, Any]) -> None:
            d["candidates"] = d["candidates"][:5]

        d = evaluate(election("representatives-election", edit), CN)
        assert failed(d) == {"election.candidates-exceed-seats"}

    def test_election_committee_relative_must_withdraw(self) -> None:
        """From 2026 a candidate's close relative on the election committee must withdraw."""

        def edit(d: dict[str, Any]) -> None:
            c = d["community"]
            c["bodies"].append({"id": "EC", "kind": "election_committee"})
            c["memberships"].append(
                {"person_id": "M2", "body_id": "EC", "role": "member", "term_start": "2026-03-01"}
            )
            c["persons"][1]["relatives"] = [{"person_id": "M2", "relation": "sibling"}]

        d = evaluate(election("voters-election", edit), CN)
        assert failed(d) == {"election.committee-withdrawal"}


class TestInputValidation:
    """Bad election input is a ValidationError naming the field."""

    @pytest.mark.parametrize(
        ("edit", "text"),
        [
            (lambda d: d["voted_ids"].append("nobody"), "voted_ids[21]: 'nobody'"),
            (lambda d: d["electorate_ids"].append("ghost"), "electorate_ids[30]: 'ghost'"),
            (lambda d: d["candidates"][0].update(votes=22), "candidates[0].votes: 22 exceeds"),
            (lambda d: d.update(body_id="RA"), "body_id: 'RA' is not a residents'"),
            (lambda d: d.update(voter_list_published_on="2026-06-01"), "voter_list_published_on"),
        ],
    )
    def test_errors_name_the_field(self, edit: Any, text: str) -> None:
        """Unknown voters, too many votes, a wrong body, a list after the election day."""
        data = example_data("elections/representatives-election.json")
        edit(data)
        with pytest.raises(ValidationError) as info:
            Election.model_validate_json(json.dumps(data, ensure_ascii=False))
        assert text in str(info.value)
