"""Community models: kinship, close relatives, terms, one chair per body, references."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from pydantic import ValidationError

from community_governance import BodyComposition, Community
from community_governance.strategies import families

from ._support import example_data


def community(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "c1",
        "name": "示例社区",
        "kind": "urban",
        "persons": [{"id": p} for p in ("A", "B", "C", "D", "E")],
        "bodies": [{"id": "RC", "kind": "residents_committee"}],
        "memberships": [],
    }
    data.update(extra)
    return data


def build(data: dict[str, Any]) -> Community:
    return Community.model_validate_json(json.dumps(data, ensure_ascii=False))


def message(data: dict[str, Any], model: type[Any] = Community) -> str:
    with pytest.raises(ValidationError) as info:
        model.model_validate_json(json.dumps(data, ensure_ascii=False))
    (e,) = info.value.errors()
    return str(e["msg"])


def linked(*links: tuple[str, str, str]) -> Community:
    data = community()
    for a, relation, b in links:
        person = next(p for p in data["persons"] if p["id"] == a)
        person.setdefault("relatives", []).append({"person_id": b, "relation": relation})
    return build(data)


class TestCloseRelatives:
    """近亲属 (Civil Code Art. 1045) are derived from kinship links."""

    def test_a_spouse_is_a_close_relative_both_ways(self) -> None:
        """One spouse link makes each the other's close relative."""
        c = linked(("A", "spouse", "B"))
        assert c.are_close_relatives("A", "B")
        assert c.are_close_relatives("B", "A")

    def test_children_of_a_parent_are_siblings(self) -> None:
        """Two children of one parent are siblings, hence close relatives."""
        c = linked(("A", "parent", "C"), ("B", "parent", "C"))
        assert c.are_close_relatives("A", "B")

    def test_a_parents_parent_is_a_grandparent(self) -> None:
        """Grandparents and grandchildren are inferred through a parent."""
        c = linked(("A", "parent", "B"), ("B", "parent", "C"))
        assert c.close_relatives("A") == {"B", "C"}
        assert "A" in c.close_relatives("C")

    def test_in_laws_are_not_close_relatives(self) -> None:
        """A spouse's parent (姻亲) is not a close relative."""
        c = linked(("A", "spouse", "B"), ("B", "parent", "C"))
        assert not c.are_close_relatives("A", "C")

    def test_unlinked_persons_are_not_relatives(self) -> None:
        """Without links nobody is related."""
        assert build(community()).close_relatives("A") == frozenset()

    @given(families())
    def test_close_relatives_are_symmetric(self, c: Community) -> None:
        """If A is B's close relative, B is A's, for any family drawn."""
        for p in c.persons:
            for q in c.close_relatives(p.id):
                assert p.id in c.close_relatives(q)
            assert p.id not in c.close_relatives(p.id)


class TestValidation:
    """Bad input is a ValidationError that names the field."""

    def test_kinship_link_to_unknown_person(self) -> None:
        """A link to a person not in the community names persons[i].relatives[j].person_id."""
        data = community()
        data["persons"][1]["relatives"] = [{"person_id": "ghost", "relation": "parent"}]
        assert "persons[1].relatives[0].person_id: 'ghost' is not another person" in message(data)

    def test_kinship_link_to_oneself(self) -> None:
        """A person cannot be their own relative."""
        data = community()
        data["persons"][0]["relatives"] = [{"person_id": "A", "relation": "sibling"}]
        assert "persons[0].relatives[0].person_id: 'A'" in message(data)

    def test_unknown_relation(self) -> None:
        """Only the Art. 1045 relations are accepted."""
        data = community()
        data["persons"][0]["relatives"] = [{"person_id": "B", "relation": "cousin"}]
        with pytest.raises(ValidationError) as info:
            build(data)
        assert info.value.errors()[0]["loc"][-1] == "relation"

    def test_term_ending_before_it_starts(self) -> None:
        """A membership's term_end before term_start is an error naming term_end."""
        data = community(
            memberships=[
                {
                    "person_id": "A",
                    "body_id": "RC",
                    "role": "chair",
                    "term_start": "2026-01-01",
                    "term_end": "2025-01-01",
                }
            ]
        )
        msg = message(data)
        assert "term_end: 2025-01-01 must be after term_start 2026-01-01" in msg

    def test_body_term_ending_before_it_starts(self) -> None:
        """A body's term (本届任期) is validated the same way."""
        data = community()
        data["bodies"][0].update(term_start="2026-01-01", term_end="2026-01-01")
        assert "term_end: 2026-01-01 must be after term_start" in message(data)

    def test_member_not_in_the_community(self) -> None:
        """A membership of an unknown person names memberships[i].person_id."""
        data = community(
            memberships=[
                {"person_id": "Z", "body_id": "RC", "role": "member", "term_start": "2026-01-01"}
            ]
        )
        assert "memberships[0].person_id: 'Z' is not a person" in message(data)

    def test_two_chairs_at_once(self) -> None:
        """Overlapping chair terms in one body are rejected, naming both memberships."""
        m = {"body_id": "RC", "role": "chair", "term_start": "2021-06-01"}
        data = community(memberships=[{**m, "person_id": "A"}, {**m, "person_id": "B"}])
        assert "memberships[1]: body 'RC' would have two chairs at once" in message(data)

    def test_successive_chairs_are_fine(self) -> None:
        """A chair may follow another once the first term has ended (end exclusive)."""
        data = community(
            memberships=[
                {
                    "person_id": "A",
                    "body_id": "RC",
                    "role": "chair",
                    "term_start": "2021-06-01",
                    "term_end": "2024-01-01",
                },
                {"person_id": "B", "body_id": "RC", "role": "chair", "term_start": "2024-01-01"},
            ]
        )
        c = build(data)
        assert c.members("RC", dt.date(2024, 1, 1), "chair") == {"B"}

    def test_group_must_be_a_group(self) -> None:
        """A person's group_id names a residents' or villager group of the community."""
        data = community()
        data["persons"][0]["group_id"] = "RC"
        assert "persons[0].group_id: 'RC' is not a residents' group" in message(data)

    def test_strings_are_not_booleans(self) -> None:
        """Strict input: 'yes' is not a party membership."""
        data = community()
        data["persons"][0]["party_member"] = "yes"
        with pytest.raises(ValidationError):
            build(data)

    def test_constituency_only_for_a_representative(self) -> None:
        """A constituency (推选范围) on a committee member's membership names the field and role."""
        data = community(
            memberships=[
                {
                    "person_id": "A",
                    "body_id": "RC",
                    "role": "member",
                    "term_start": "2021-06-01",
                    "constituency": {"kind": "building", "name": "3号楼"},
                }
            ]
        )
        assert "constituency: only a representative" in message(data)
        assert "(role is 'member')" in message(data)

    @pytest.mark.parametrize(
        ("constituency", "field"),
        [
            ({"kind": "street", "name": "3号楼"}, "kind"),
            ({"kind": "building", "name": " "}, "name"),
        ],
    )
    def test_constituency_kind_and_name(self, constituency: dict[str, str], field: str) -> None:
        """Only compound, building, group or other; a name that is not blank."""
        data = community(bodies=[{"id": "RA", "kind": "representatives_assembly"}])
        data["memberships"] = [
            {
                "person_id": "A",
                "body_id": "RA",
                "role": "representative",
                "term_start": "2021-06-01",
                "constituency": constituency,
            }
        ]
        with pytest.raises(ValidationError) as info:
            build(data)
        assert info.value.errors()[0]["loc"][-1] == field

    def test_composition_of_member_not_in_community(self) -> None:
        """The same error surfaces through a BodyComposition, with the path into the input."""
        d = example_data("bodies/urban.json")
        d["community"]["memberships"][0]["person_id"] = "nobody"  # type: ignore[index]
        with pytest.raises(ValidationError) as info:
            BodyComposition.model_validate_json(json.dumps(d, ensure_ascii=False))
        (e,) = info.value.errors()
        assert e["loc"][0] == "community"
        assert "memberships[0].person_id: 'nobody'" in e["msg"]


class TestPerson:
    """Derived facts about a person."""

    @pytest.mark.parametrize(
        ("on", "age"),
        [("2026-04-30", 17), ("2026-05-01", 18), ("2027-05-01", 19)],
    )
    def test_age_in_whole_years(self, on: str, age: int) -> None:
        """周岁 counts whole years; the birthday itself completes the year."""
        data = community()
        data["persons"][0]["birth_date"] = "2008-05-01"
        assert build(data).person("A").age_on(dt.date.fromisoformat(on)) == age

    def test_age_unknown_without_birth_date(self) -> None:
        """No birth date, no age."""
        assert build(community()).person("A").age_on(dt.date(2026, 1, 1)) is None
