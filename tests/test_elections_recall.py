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
