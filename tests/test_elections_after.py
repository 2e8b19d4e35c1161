"""After an election: handover within 10 days, by-elected members' terms, and the annual
democratic evaluation (urban 2025 Art. 24, 25, 37; village 2018 Art. 19, 20, 33)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from pydantic import ValidationError

from community_governance import (
    AnnualEvaluationRecord,
    BodyComposition,
    Election,
    Recall,
    evaluate,
    get_rulebook,
)
from community_governance.cli import main
from community_governance.strategies import annual_evaluation_records, recalls

from ._support import EXAMPLES, example_data

CN = get_rulebook("cn")


def load(model: Any, name: str, edit: Any = None) -> Any:
    data = example_data(name)
    if edit is not None:
        edit(data)
    return model.model_validate_json(json.dumps(data, ensure_ascii=False))


class TestHandover:
    """十日内完成工作移交: inclusive, counted from the election day."""

    @pytest.mark.parametrize(
        ("done", "expected"),
        [("2026-05-29", "passed"), ("2026-05-30", "passed"), ("2026-05-31", "failed")],
    )
    def test_ten_days(self, done: str, expected: str) -> None:
        """Day 9 and day 10 are in time; day 11 is late."""

        def edit(d: dict[str, Any]) -> None:
            d["handover_completed_on"] = done

        e = load(Election, "elections/representatives-election.json", edit)
        assert evaluate(e, CN).finding("election.handover").status == expected

    def test_pending_until_due(self) -> None:
        """No handover recorded: not yet due on day 10, failed on day 11."""
        e = load(Election, "elections/representatives-election.json")
        assert evaluate(e, CN, dt.date(2026, 5, 30)).finding("election.handover").status == (
            "not_applicable"
        )
        assert evaluate(e, CN, dt.date(2026, 5, 31)).finding("election.handover").status == (
            "failed"
        )

    def test_handover_before_the_election_is_invalid_input(self) -> None:
        """A handover dated before the election day is rejected, naming the field."""

        def edit(d: dict[str, Any]) -> None:
            d["handover_completed_on"] = "2026-05-01"

        with pytest.raises(ValidationError, match="handover_completed_on"):
            load(Election, "elections/representatives-election.json", edit)

    def test_village_handover_under_the_2018_text(self) -> None:
        """The village rule applies under the 2018 text too."""

        def edit(d: dict[str, Any]) -> None:
            d["handover_completed_on"] = "2024-06-05"

        e = load(Election, "elections/village-election.json", edit)
        f = evaluate(e, CN).finding("village-election.handover")
        assert f.status == "failed"
        assert f.citations[0].source == "村民委员会组织法(2018-12-29)"


class TestByElection:
    """补选的成员任期到本届任期届满时止."""

    def test_serving_to_the_end_of_the_term(self) -> None:
        """C6, by-elected in 2024, serves to 2026-06-01 like the committee."""
        s = load(BodyComposition, "bodies/residents-committee-by-election.json")
        assert evaluate(s, CN).finding("residents-committee.by-election-term").status == "passed"

    def test_serving_beyond_the_term_is_denied(self) -> None:
        """A by-elected member given a term beyond the committee's is denied."""
        s = load(BodyComposition, "bodies/residents-committee-by-election-long.json")
        f = evaluate(s, CN).finding("residents-committee.by-election-term")
        assert f.status == "failed"
        assert f.evidence["wrong_term"] == ["C6"]

    def test_no_by_election_does_not_apply(self) -> None:
        """Without by-elected members the rule does not apply."""
        s = load(BodyComposition, "bodies/urban.json")
        f = evaluate(s, CN).finding("residents-committee.by-election-term")
        assert f.status == "not_applicable"


class TestEvaluation:
    """民主评议: once a year, chaired by the supervision committee; two unfit end the post."""

    def test_example_complies(self) -> None:
        """C4, twice unfit, left on the day of the second evaluation."""
        r = load(AnnualEvaluationRecord, "elections/evaluation.json")
        assert evaluate(r, CN).verdict == "allowed"

    def test_still_serving_after_two_unfit_is_denied(self) -> None:
        """A member still recorded after two consecutive unfit ratings is denied."""
        r = load(AnnualEvaluationRecord, "elections/evaluation-still-serving.json")
        f = evaluate(r, CN).finding("annual-evaluation.consecutive-unfit")
        assert f.status == "failed"
        assert f.evidence["still_serving"] == ["C4"]

    def test_one_unfit_between_fit_ratings_is_not_two_in_a_row(self) -> None:
        """Unfit, fit, unfit: never two in a row, so the post continues."""

        def edit(d: dict[str, Any]) -> None:
            third = json.loads(json.dumps(d["evaluations"][1]))
            third["held_on"] = third["results_published_on"] = "2028-01-20"
            d["evaluations"][1]["ratings"][3]["rating"] = "basically_fit"
            d["evaluations"].append(third)

        r = load(AnnualEvaluationRecord, "elections/evaluation-still-serving.json", edit)
        f = evaluate(r, CN).finding("annual-evaluation.consecutive-unfit")
        assert f.status == "passed"
        assert f.evidence["post_ended"] == {}

    def test_a_year_without_evaluation_is_denied(self) -> None:
        """No evaluation in 2027: denied, naming the year."""

        def edit(d: dict[str, Any]) -> None:
            d["evaluations"] = d["evaluations"][:1]

        f = evaluate(load(AnnualEvaluationRecord, "elections/evaluation.json", edit), CN).finding(
            "annual-evaluation.yearly"
        )
        assert f.status == "failed"
        assert f.evidence["missing_years"] == [2027]

    def test_evaluation_after_as_of_is_invalid_input(self) -> None:
        """An evaluation dated after the record's date is rejected."""

        def edit(d: dict[str, Any]) -> None:
            d["evaluations"][0]["held_on"] = "2029-01-01"
            d["evaluations"][0]["results_published_on"] = "2029-01-02"

        with pytest.raises(ValidationError, match=r"evaluations\[0\].held_on"):
            load(AnnualEvaluationRecord, "elections/evaluation.json", edit)


class TestProperties:
    """Drawn records and recalls: every rule runs and agrees with a direct count."""

    @given(annual_evaluation_records())
    def test_two_unfit_in_a_row_fail_while_serving(self, r: AnnualEvaluationRecord) -> None:
        """The finding fails exactly when some member has two consecutive unfit ratings."""
        streaks: dict[str, int] = {}
        expected = False
        for e in r.in_order():
            for rating in e.ratings:
                pid = rating.person_id
                streaks[pid] = streaks.get(pid, 0) + 1 if rating.rating == "unfit" else 0
                expected |= streaks[pid] >= 2
        f = evaluate(r, CN).finding("annual-evaluation.consecutive-unfit")
        assert (f.status == "failed") == expected

    @given(annual_evaluation_records())
    def test_annual_matches_the_years_held(self, r: AnnualEvaluationRecord) -> None:
        """The annual rule fails exactly when a full year of the term has no evaluation."""
        held = {e.held_on.year for e in r.evaluations}
        expected = all(y in held for y in range(2027, r.as_of.year))
        f = evaluate(r, CN).finding("annual-evaluation.yearly")
        assert (f.status == "passed") == expected

    @given(recalls())
    def test_recalls_evaluate_cleanly(self, r: Recall) -> None:
        """Any drawn recall is judged without an unexpected error."""
        d = evaluate(r, CN, raise_errors=True)
        assert d.verdict in ("allowed", "denied")


class TestCli:
    """`cgov check body|election|recall|annual-evaluation FILE` with the usual exit codes."""

    @pytest.mark.parametrize(
        ("subject", "path", "code"),
        [
            ("body", "bodies/urban.json", 0),
            ("body", "bodies/residents-committee-4.json", 1),
            ("election", "elections/representatives-election.json", 0),
            ("recall", "elections/recall.json", 1),
            ("annual-evaluation", "elections/evaluation-still-serving.json", 1),
        ],
    )
    def test_exit_codes(self, subject: str, path: str, code: int) -> None:
        """0 allowed, 1 denied, for each new subject type."""
        out, err = io.StringIO(), io.StringIO()
        assert (
            main(["check", subject, str(EXAMPLES / path), "--rulebook", "cn"], out=out, err=err)
            == code
        )

    def test_bad_input_exits_2_naming_the_field(self, tmp_path: Path) -> None:
        """A member who is not a person of the community: exit 2, the field in the message."""
        data = example_data("bodies/urban.json")
        data["community"]["memberships"][0]["person_id"] = "ghost"  # type: ignore[index]
        f = tmp_path / "bad.json"
        f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        assert main(["check", "body", str(f), "--rulebook", "cn"], out=out, err=err) == 2
        assert "community.memberships.0.person_id: 'ghost'" in out.getvalue() + err.getvalue()
