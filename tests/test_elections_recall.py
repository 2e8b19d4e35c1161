"""Recalls (罢免): who may start one, its reasons, turnout and majority (urban 2025 Art. 20;
village 2018 Art. 16 / 2025 Art. 19)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import Recall, evaluate, get_rulebook
from community_governance.strategies import recalls_near_initiation

from ._support import example_data

CN = get_rulebook("cn")
REPS = [f"R{i:02d}" for i in range(1, 31)]


def recall(edit: Any = None) -> Recall:
    data = example_data("elections/recall.json")
    if edit is not None:
        edit(data)
    return Recall.model_validate_json(json.dumps(data, ensure_ascii=False))


class TestInitiation:
    """Urban: 1/10 of voters or households, or 1/3 of representatives; village: 1/5 or 1/3."""

    @pytest.mark.parametrize(
        ("kind", "sponsors", "rule"),
        [
            ("urban", "voters", "recall.initiation"),
            ("urban", "representatives", "recall.initiation"),
            ("rural", "voters", "village-recall.initiation"),
            ("rural", "representatives", "village-recall.initiation"),
        ],
    )
    @pytest.mark.parametrize(
        ("distance", "expected"), [(-1, "failed"), (0, "passed"), (1, "passed")]
    )
    def test_boundary(
        self, kind: str, sponsors: str, rule: str, distance: int, expected: str
    ) -> None:
        """n−1, n, n+1 sponsors around the least share (以上, inclusive)."""

        @given(
            recalls_near_initiation(
                kind=kind,  # type: ignore[arg-type]
                sponsors=sponsors,  # type: ignore[arg-type]
                size=st.integers(4, 300),
                distance=distance,
            )
        )
        def run(r: Recall) -> None:
            assert evaluate(r, CN).finding(rule).status == expected

        run()

    def test_sponsors_who_are_not_representatives_do_not_count(self) -> None:
        """Only representatives count toward 1/3 of the representatives; others are named."""

        def edit(d: dict[str, Any]) -> None:
            d["sponsor_ids"] = [*REPS[:9], "C1"]

        f = evaluate(recall(edit), CN).finding("recall.initiation")
        assert f.status == "failed"
        assert f.evidence["not_counted"] == ["C1"]

    def test_reasons_are_required(self) -> None:
        """说明要求罢免的理由: a request without reasons fails."""

        def edit(d: dict[str, Any]) -> None:
            del d["reason"]

        assert evaluate(recall(edit), CN).finding("recall.reason").status == "failed"

    @pytest.mark.parametrize("blank", ["  ", "\u3000", "\u200b", " \u200b\u3000 "])
    def test_a_blank_reason_is_no_reason(self, blank: str) -> None:
        """A blank, full-width-space or zero-width «理由» says nothing: the model refuses it,
        naming the field (text is text)."""

        def edit(d: dict[str, Any]) -> None:
            d["reason"] = blank

        with pytest.raises(ValidationError, match="reason"):
            recall(edit)


class TestVote:
    """Turnout as for elections (超过三分之二 of representatives); carried by a majority."""

    @pytest.mark.parametrize(("voted", "expected"), [(20, "failed"), (21, "passed")])
    def test_representatives_turnout(self, voted: int, expected: str) -> None:
        """20 of 30 representatives is exactly 2/3 and not enough; 21 is."""

        def edit(d: dict[str, Any]) -> None:
            d["voted_ids"] = REPS[:voted]

        assert evaluate(recall(edit), CN).finding("recall.turnout").status == expected

    @pytest.mark.parametrize(("votes", "expected"), [(10, "failed"), (11, "passed")])
    def test_majority_of_those_voting(self, votes: int, expected: str) -> None:
        """Of 21 voting, 11 carry the recall and 10 do not (过半数)."""

        def edit(d: dict[str, Any]) -> None:
            d["voted_ids"] = REPS[:21]
            d["votes_for"] = votes

        assert evaluate(recall(edit), CN).finding("recall.majority").status == expected

    def test_before_the_vote_only_the_request_is_checked(self) -> None:
        """Without a vote, turnout and majority do not apply yet."""

        def edit(d: dict[str, Any]) -> None:
            del d["voted_ids"], d["votes_for"]

        d = evaluate(recall(edit), CN)
        assert d.verdict == "allowed"
        assert d.finding("recall.majority").status == "not_applicable"

    def test_urban_recall_rules_start_in_2026(self) -> None:
        """The 2018 urban text had no recall procedure: nothing judges the request, so it is
        indeterminate and uncovered, never allowed."""
        d = evaluate(recall(), CN, dt.date(2025, 6, 1))
        assert d.verdict == "indeterminate"
        assert d.coverage.uncovered is not None
        assert "recall.initiation" in d.coverage.not_in_force
        assert "recall.initiation" not in d.statuses()


class TestInputValidation:
    """The member recalled must sit on the committee on the request date."""

    def test_recalling_a_non_member(self) -> None:
        """person_id must be a member of the body on requested_on."""
        data = example_data("elections/recall.json")
        data["person_id"] = "S1"
        with pytest.raises(ValidationError, match="person_id: 'S1' is not a member of RC"):
            Recall.model_validate_json(json.dumps(data, ensure_ascii=False))

    def test_more_votes_than_voters(self) -> None:
        """votes_for cannot exceed those who voted."""
        data = example_data("elections/recall.json")
        data["votes_for"] = 21
        with pytest.raises(ValidationError, match="votes_for: 21 exceeds the 20 who voted"):
            Recall.model_validate_json(json.dumps(data, ensure_ascii=False))


ALL = [
    *("C1", "C2", "C3", "C4", "C5", "S1", "S2", "S3"),
    *REPS,
    *("M1", "M2", "M3", "O1", "O2", "O3", "O4", "O5", "O6", "O7"),
]


def by_voters(**fields: Any) -> Recall:
    """The example community's recall of C4 by all its 48 voters (选民), with ``fields``; the
    committee was elected by the voters, so the recall follows that method (按照产生时的选举
    方式)."""

    def edit(d: dict[str, Any]) -> None:
        d.update(method="voters", sponsors="voters", electorate_ids=ALL, sponsor_ids=ALL[:5])
        d.update(fields)
        for m in d["community"]["memberships"]:
            if m["body_id"] == "RC":
                m["elected_by"] = "voters"

    return recall(edit)


class TestDerivedBase:
    """The base of a recall comes from the records (居民代表 on the day; the voters the
    community records), never from the list the request states about itself."""

    def test_shrinking_the_list_to_those_who_voted_is_denied(self) -> None:
        """20 voted and the request lists only those 20: 20 of 20 was a valid turnout. The
        records show 48 voters: «须有选民…过半数…投票» fails, and the list is refused."""
        r = by_voters(electorate_ids=REPS[:20], sponsor_ids=REPS[:5], voted_ids=REPS[:20])
        d = evaluate(r, CN)
        assert d.verdict == "denied"
        assert d.finding("recall.turnout").status == "failed"
        assert "20 persons voting ≤ half of 48 voters" in d.finding("recall.turnout").message_en
        f = d.finding("recall.electorate")
        assert f.status == "failed"
        assert "leaves out voters the records show: C1" in f.message_en

    def test_the_whole_list_with_a_majority_voting_is_allowed(self) -> None:
        """All 48 listed and 25 voting (more than half), 15 for: the recall carries."""
        d = evaluate(by_voters(voted_ids=ALL[:25]), CN)
        assert d.verdict == "allowed", d.explain()
        assert d.finding("recall.electorate").status == "passed"

    def test_no_list_takes_the_records(self) -> None:
        """Without electorate_ids the base is the voters the records show (48): 24 voting is
        exactly half, too few."""
        d = evaluate(by_voters(electorate_ids=None, voted_ids=ALL[:24]), CN)
        assert d.finding("recall.turnout").status == "failed"
        assert d.finding("recall.turnout").evidence["base_count"] == 48

    def test_a_voter_without_a_birth_date_who_decides_is_indeterminate(self) -> None:
        """25 of 48 vote, but O7 has no birth date and is not listed: whether the base is 48
        or 49 decides «过半数»; indeterminate, naming O7."""

        def edit(d: dict[str, Any]) -> None:
            d.update(method="voters", sponsors="voters", electorate_ids=ALL[:47])
            d.update(sponsor_ids=ALL[:5], voted_ids=ALL[:24])
            for p in d["community"]["persons"]:
                if p["id"] == "O7":
                    del p["birth_date"]

        f = evaluate(recall(edit), CN).finding("recall.turnout")
        assert f.status == "indeterminate"
        assert "O7" in f.message_en

    def test_a_minor_on_the_list_is_no_voter(self) -> None:
        """A listed O7 aged 12 may not vote («年满十八周岁»): the electorate is refused."""

        def edit(d: dict[str, Any]) -> None:
            d.update(method="voters", sponsors="voters", electorate_ids=ALL, sponsor_ids=ALL[:5])
            for p in d["community"]["persons"]:
                if p["id"] == "O7":
                    p["birth_date"] = "2014-01-01"

        f = evaluate(recall(edit), CN).finding("recall.electorate")
        assert f.status == "failed"
        assert "O7 is 12, under 18" in f.message_en

    def test_a_deprived_sponsor_does_not_count(self) -> None:
        """Five of 48 voters sponsor (≥ 1/10), but R01 is deprived of political rights
        («有选举权的居民»): four count, too few."""

        def edit(d: dict[str, Any]) -> None:
            d.update(method="voters", sponsors="voters", electorate_ids=ALL, sponsor_ids=REPS[:5])
            for p in d["community"]["persons"]:
                if p["id"] == "R01":
                    p["political_rights_deprived"] = True

        f = evaluate(recall(edit), CN).finding("recall.initiation")
        assert f.status == "failed"
        assert f.evidence["not_counted"] == ["R01"]

    def test_no_sponsor_satisfies_no_share(self) -> None:
        """An empty sponsor list is never ≥ 1/10 (联名)."""

        def edit(d: dict[str, Any]) -> None:
            d["sponsor_ids"] = []

        assert evaluate(recall(edit), CN).finding("recall.initiation").status == "failed"

    def test_zero_of_zero_representatives_is_no_share(self) -> None:
        """No representative serves on the day: 0 of 0 is never ≥ 1/3; indeterminate."""

        def edit(d: dict[str, Any]) -> None:
            d["electorate_ids"] = None
            d["sponsor_ids"] = []
            del d["voted_ids"], d["votes_for"]
            d["community"]["memberships"] = [
                m for m in d["community"]["memberships"] if m["role"] != "representative"
            ]

        f = evaluate(recall(edit), CN).finding("recall.initiation")
        assert f.status == "indeterminate"
        assert "0 of 0 satisfies no share" in f.message_en

    def test_by_households_the_base_is_the_households(self) -> None:
        """每户派代表: the community's 700 households are the base, whatever is listed: 48
        household representatives voting are too few."""

        def edit(d: dict[str, Any]) -> None:
            for i, p in enumerate(d["community"]["persons"]):
                p["household_id"] = f"H{i + 1:03d}"
            d.update(method="household_representatives", sponsors="voters")
            d.update(electorate_ids=ALL, sponsor_ids=ALL[:5], voted_ids=ALL[:48], votes_for=30)

        d = evaluate(recall(edit), CN)
        f = d.finding("recall.turnout")
        assert f.status == "failed"
        assert f.evidence["base_count"] == 700
        assert d.finding("recall.initiation").status == "failed"


class TestMethod:
    """按照产生时的选举方式: the recall follows how the records show the member was elected."""

    def test_how_the_member_was_elected_not_recorded_is_indeterminate(self) -> None:
        """C4's Membership.elected_by left out: «按照产生时的选举方式» cannot be judged."""

        def edit(d: dict[str, Any]) -> None:
            for m in d["community"]["memberships"]:
                m.pop("elected_by", None)

        d = evaluate(recall(edit), CN)
        f = d.finding("recall.method")
        assert f.status == "indeterminate"
        assert d.verdict != "allowed"
        assert "community.memberships[].elected_by" in f.message_en

    def test_an_appointed_member_has_no_method_to_follow(self) -> None:
        """A member recorded as appointed (指定) was not elected: the recall by representatives
        does not follow «产生时的选举方式», and the finding says how the member came in."""

        def edit(d: dict[str, Any]) -> None:
            for m in d["community"]["memberships"]:
                if m["person_id"] == "C4" and m["body_id"] == "RC":
                    m["elected_by"] = "appointed"

        f = evaluate(recall(edit), CN).finding("recall.method")
        assert f.status == "failed"
        assert "came into the post by: appointed" in f.message_en
