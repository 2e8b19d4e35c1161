"""Input models: strict, frozen, no coercion, errors that name the field."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from community_governance import BodyComposition, Community, Proposal

from ._support import example_data


def errors(model: type[Any], data: Any) -> list[dict[str, Any]]:
    with pytest.raises(ValidationError) as info:
        model.model_validate_json(json.dumps(data, ensure_ascii=False))
    return info.value.errors()


def locs(errs: list[dict[str, Any]]) -> list[str]:
    return [".".join(str(x) for x in e["loc"]) for e in errs]


@pytest.fixture
def data() -> dict[str, Any]:
    return example_data("jinjiang/proposal-short.json")


class TestNoCoercion:
    """A string is not a number, a number is not a string or a date."""

    def test_numeric_id_is_not_coerced_to_string(self, data: dict[str, Any]) -> None:
        """sponsor_household_ids: [5] is refused, naming the item."""
        data["sponsor_household_ids"] = [5]
        assert locs(errors(Proposal, data)) == ["sponsor_household_ids.0"]

    def test_number_for_a_date_is_refused(self, data: dict[str, Any]) -> None:
        """submitted_on: 20260302 is not a date."""
        data["submitted_on"] = 20260302
        assert locs(errors(Proposal, data)) == ["submitted_on"]

    def test_nan_and_floats_are_refused(self, data: dict[str, Any]) -> None:
        """NaN or 1.0 never stand in for an id or a date."""
        for bad in (float("nan"), 1.0):
            data["submitted_on"] = bad
            assert locs(errors(Proposal, data)) == ["submitted_on"]

    def test_unknown_keys_are_refused(self, data: dict[str, Any]) -> None:
        """A misspelled key is an error, not ignored."""
        data["sponsor_households"] = []
        assert locs(errors(Proposal, data)) == ["sponsor_households"]

    def test_unknown_literal_is_refused(self, data: dict[str, Any]) -> None:
        """category must be major or ordinary."""
        data["category"] = "urgent"
        assert locs(errors(Proposal, data)) == ["category"]

    def test_models_are_frozen(self, data: dict[str, Any]) -> None:
        """Validated inputs cannot be changed behind the engine's back."""
        p = Proposal.model_validate_json(json.dumps(data))
        with pytest.raises(ValidationError):
            p.title = "changed"  # type: ignore[misc]


class TestConsistency:
    """Inconsistent input is rejected with the field and the value."""

    def test_sponsor_who_is_not_a_representative(self, data: dict[str, Any]) -> None:
        """A sponsor id that is no representative on the date is named, at its index."""
        data["sponsor_representative_ids"] = ["R01", "C1"]
        (e,) = errors(Proposal, data)
        assert locs([e]) == ["sponsor_representative_ids.1"]
        assert "sponsor_representative_ids[1]: 'C1' is not a representative" in e["msg"]

    def test_sponsor_whose_term_ended(self, data: dict[str, Any]) -> None:
        """A representative whose term ended before the proposal is no sponsor: every one of
        them is named, each at its index."""
        data["submitted_on"] = "2026-06-01"  # the example term ends 2026-06-01 (exclusive)
        found = errors(Proposal, data)
        assert locs(found) == [
            f"sponsor_representative_ids.{i}"
            for i in range(len(data["sponsor_representative_ids"]))
        ]
        assert "sponsor_representative_ids[0]" in found[0]["msg"]

    def test_duplicate_sponsor(self, data: dict[str, Any]) -> None:
        """A household listed twice counts once — so it is an error."""
        data["sponsor_household_ids"] = ["H100", "H100"]
        (e,) = errors(Proposal, data)
        assert "listed twice: H100" in e["msg"]

    def test_unknown_household(self, data: dict[str, Any]) -> None:
        """A sponsoring household must be a household of the community."""
        data["sponsor_household_ids"] = ["H999"]
        (e,) = errors(Proposal, data)
        assert locs([e]) == ["sponsor_household_ids.0"]
        assert "sponsor_household_ids[0]: 'H999'" in e["msg"]

    def test_term_ending_before_it_starts(self, data: dict[str, Any]) -> None:
        """term_end <= term_start is refused, with the path to the membership's term_end."""
        data["community"]["memberships"][0]["term_end"] = "2020-01-01"
        (e,) = errors(Proposal, data)
        assert locs([e]) == ["community.memberships.0.term_end"]
        assert "2020-01-01 must be after term_start 2021-06-01" in e["msg"]

    def test_membership_of_unknown_person(self, data: dict[str, Any]) -> None:
        """A membership must name a person of the community."""
        data["community"]["memberships"][0]["person_id"] = "ghost"
        (e,) = errors(Proposal, data)
        assert "memberships[0].person_id: 'ghost' is not a person" in e["msg"]

    def test_duplicate_ids(self, data: dict[str, Any]) -> None:
        """Ids are unique within a community."""
        data["community"]["households"].append({"id": "H001"})
        (e,) = errors(Proposal, data)
        assert "households: duplicate id(s) H001" in e["msg"]

    def test_body_composition_of_unknown_body(self) -> None:
        """The body checked must exist in the community."""
        d = example_data("jinjiang/residents-committee.json")
        d["body_id"] = "XX"
        (e,) = errors(BodyComposition, d)
        assert "body_id: 'XX' is not a body" in e["msg"]


class TestQueries:
    """Membership queries respect terms as of a date."""

    def test_representatives_as_of_a_date(self) -> None:
        """51 representatives during the term, none after it ends (end exclusive)."""
        import datetime as dt

        c = Community.model_validate_json(
            json.dumps(example_data("jinjiang/proposal-short.json")["community"])
        )
        assert len(c.representatives(dt.date(2026, 5, 31))) == 51
        assert len(c.representatives(dt.date(2026, 6, 1))) == 0

    def test_model_copy_drops_cached_indexes(self) -> None:
        """Regression: a copy with other memberships must not reuse the old representatives
        index (pydantic's model_copy copies cached_property values)."""
        import datetime as dt

        c = Community.model_validate_json(
            json.dumps(example_data("jinjiang/proposal-short.json")["community"])
        )
        on = dt.date(2026, 1, 1)
        assert len(c.representatives(on)) == 51
        emptied = c.model_copy(update={"memberships": ()})
        assert emptied.representatives(on) == frozenset()
        assert len(c.representatives(on)) == 51
