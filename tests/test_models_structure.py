"""Structural contradictions are input errors naming the field, each with its reason: a proxy
for oneself and proxy chains, two committees in one community, bodies of the other law, two
roles in one body, people acting before they were born, duplicate or contradictory ratings."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from community_governance import AnnualEvaluationRecord, BodyComposition, Election, Recall

from ._support import example_data


def refused(model: type[Any], data: Any, match: str) -> None:
    """``data`` is refused by ``model`` with a message matching ``match``."""
    with pytest.raises(ValidationError, match=match):
        model.model_validate_json(json.dumps(data, ensure_ascii=False))


def accepted(model: type[Any], data: Any) -> Any:
    """``data`` is a valid ``model``."""
    return model.model_validate_json(json.dumps(data, ensure_ascii=False))


class TestCommunity:
    """One community, one self-governing committee at a time; each law's bodies in its own
    kind of community; one role per person per body; nobody serves before being born."""

    def test_two_residents_committees_at_once_are_refused(self) -> None:
        """设立居民委员会的区域称为社区: a second residents' committee in the same term is a
        contradiction, refused naming both bodies."""
        data = example_data("bodies/urban.json")
        data["community"]["bodies"].append(  # type: ignore[index]
            {"id": "RC2", "kind": "residents_committee", "term_start": "2024-01-01"}
        )
        refused(BodyComposition, data, r"two self-governing committees at once \('RC2' and 'RC'")

    def test_successive_committees_are_accepted(self) -> None:
        """The committee of the next term is no contradiction once the last term has ended."""
        data = example_data("bodies/urban.json")
        data["community"]["bodies"].append(  # type: ignore[index]
            {"id": "RC2", "kind": "residents_committee", "term_start": "2026-06-01"}
        )
        assert accepted(BodyComposition, data).body_id == "RC"

    @pytest.mark.parametrize(
        ("example", "kind", "foreign"),
        [
            ("bodies/village.json", "rural", "residents_assembly"),
            ("bodies/village.json", "rural", "residents_group"),
            ("bodies/urban.json", "urban", "villagers_assembly"),
            ("bodies/urban.json", "urban", "village_committee"),
        ],
    )
    def test_a_body_of_the_other_law_is_refused(
        self, example: str, kind: str, foreign: str
    ) -> None:
        """A residents' assembly (居民会议) in a rural village, a villagers' assembly (村民会议)
        in an urban community: each organic law sets up its own bodies."""
        data = example_data(example)
        assert data["community"]["kind"] == kind  # type: ignore[index]
        data["community"]["bodies"].append({"id": "X", "kind": foreign})  # type: ignore[index]
        refused(BodyComposition, data, rf"a '{foreign}' cannot be a body of a '{kind}' community")

    def test_two_roles_in_one_body_at_once_are_refused(self) -> None:
        """主任、副主任和委员共五至九人 counts persons: the chair cannot also be a member."""
        data = example_data("bodies/urban.json")
        data["community"]["memberships"].append(  # type: ignore[index]
            {"person_id": "C1", "body_id": "RC", "role": "member", "term_start": "2022-01-01"}
        )
        refused(BodyComposition, data, r"'C1' would hold two roles in body 'RC' at once")

    def test_a_role_after_another_is_accepted(self) -> None:
        """A member who becomes vice-chair after the first role ended holds one role a day."""
        data = example_data("bodies/urban.json")
        memberships = data["community"]["memberships"]  # type: ignore[index]
        c3 = next(m for m in memberships if m["person_id"] == "C3")
        c3["term_end"] = "2024-01-01"
        memberships.append(
            {"person_id": "C3", "body_id": "RC", "role": "vice_chair", "term_start": "2024-01-01"}
        )
        assert accepted(BodyComposition, data).body_id == "RC"

    def test_a_member_born_after_the_term_began_is_refused(self) -> None:
        """A member born in 2030 on a committee elected in 2021: 任期开始早于出生日期."""
        data = example_data("bodies/urban.json")
        c1 = data["community"]["persons"][0]  # type: ignore[index]
        assert c1["id"] == "C1"
        c1["birth_date"] = "2030-01-01"
        refused(BodyComposition, data, r"memberships\[0\]\.term_start: 2021-06-01 is before 'C1'")


class TestElection:
    """委托: to another voter (本社区其他选民), never back to oneself, never passed on."""

    def test_a_proxy_for_oneself_is_refused(self) -> None:
        """«委托本社区其他选民代为投票»: the proxy is another voter."""
        data = example_data("elections/voters-election.json")
        data["proxies"] = [{"principal_id": "R05", "proxy_id": "R05", "written": True}]
        refused(Election, data, r"proxies\[0\]\.proxy_id: 'R05' would vote for themselves")

    def test_a_proxy_chain_is_refused(self) -> None:
        """R03 holds two proxies and gave their own vote to R04: a chain, refused."""
        data = example_data("elections/voters-election.json")
        data["proxies"] = [  # type: ignore[operator]
            *data["proxies"],  # type: ignore[misc]
            {"principal_id": "R03", "proxy_id": "R04", "written": True},
        ]
        refused(Election, data, r"proxies\[0\]\.proxy_id: 'R03' gave their own vote away")

    def test_a_nominator_listed_twice_is_refused(self) -> None:
        """«十名以上选民联合提名»: R01 ten times is one voter, not ten."""
        data = example_data("elections/voters-election.json")
        data["candidates"][0]["nominator_ids"] = ["R01"] * 10  # type: ignore[index]
        refused(Election, data, r"candidates\[0\]\.nominator_ids: duplicate id\(s\) R01")

    def test_an_empty_electorate_is_refused(self) -> None:
        """An election with nobody entitled to vote has no voter list (选民名单)."""
        data = example_data("elections/voters-election.json")
        data.update(electorate_ids=[], candidates=[], voted_ids=None, proxies=[], admitted_ids=[])
        refused(Election, data, "electorate_ids: nobody is entitled to vote")

    def test_two_representatives_of_one_household_are_refused(self) -> None:
        """每户派代表: one representative per household."""
        data = example_data("elections/voters-election.json")
        persons = data["community"]["persons"]  # type: ignore[index]
        for i, p in enumerate(persons):
            p["household_id"] = "H001" if p["id"] in ("R01", "R02") else f"H{i + 100}"
        households = sorted({p["household_id"] for p in persons})
        data["community"]["households"] = [{"id": h} for h in households]  # type: ignore[index]
        data["method"] = "household_representatives"
        refused(Election, data, r"'R02' and 'R01' both represent household 'H001'")

    def test_a_voter_born_after_the_election_is_refused(self) -> None:
        """Nobody votes before being born: 出生日期晚于选举日."""
        data = example_data("elections/voters-election.json")
        k1 = next(p for p in data["community"]["persons"] if p["id"] == "K1")  # type: ignore[index]
        k1["birth_date"] = "2026-06-01"
        refused(Election, data, r"electorate_ids\[\d+\]: 'K1' was born on 2026-06-01")


class TestRecall:
    """The recall's electorate is the records', not the request's."""

    def test_a_shrunk_list_of_representatives_is_refused(self) -> None:
        """By representatives, the electorate is the representatives serving on the day:
        listing only the 20 who voted contradicts the records (居民代表三十名)."""
        data = example_data("elections/recall.json")
        data["electorate_ids"] = data["voted_ids"]
        refused(Recall, data, r"electorate_ids: by the representatives method .* not listed: R21")

    def test_an_empty_electorate_is_refused(self) -> None:
        """An empty list is no electorate: leave it out to take it from the records."""
        data = example_data("elections/recall.json")
        data["electorate_ids"] = []
        refused(Recall, data, "electorate_ids: an empty list")


class TestEvaluation:
    """民主评议: every member rated once in an evaluation; an evaluation rates somebody."""

    def _record(self, *evaluations: Any) -> dict[str, Any]:
        data = example_data("elections/evaluation.json")
        data["evaluations"] = list(evaluations)
        return data

    def test_an_empty_evaluation_is_refused(self) -> None:
        """An evaluation rating nobody is not an evaluation."""
        data = self._record({"held_on": "2026-12-10", "chaired_by": "SC", "ratings": []})
        refused(AnnualEvaluationRecord, data, r"evaluations\.0\.ratings")

    @pytest.mark.parametrize(("second", "kind"), [("fit", "already 'fit'"), ("unfit", "already")])
    def test_a_member_rated_twice_is_refused(self, second: str, kind: str) -> None:
        """C1 rated "fit" and again "fit" (duplicate) or "unfit" (contradictory) in one
        evaluation: refused naming the index."""
        ratings = [{"person_id": "C1", "rating": "fit"}, {"person_id": "C1", "rating": second}]
        data = self._record({"held_on": "2026-12-10", "chaired_by": "SC", "ratings": ratings})
        refused(AnnualEvaluationRecord, data, rf"evaluations\[0\]\.ratings\[1\]: 'C1' .*{kind}")

    def test_two_evaluations_the_same_day_contradicting_are_refused(self) -> None:
        """Two records of 2026-12-10, one rating C4 "fit", the other "unfit"."""
        day = {"held_on": "2026-12-10", "chaired_by": "SC"}
        data = self._record(
            {**day, "ratings": [{"person_id": "C4", "rating": "fit"}]},
            {**day, "ratings": [{"person_id": "C4", "rating": "unfit"}]},
        )
        refused(AnnualEvaluationRecord, data, r"evaluations\[1\]\.ratings\[0\]: 'C4'.*'fit'")
