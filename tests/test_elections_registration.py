"""One registration only (村民委员会组织法 2018 Art. 13(3), 2025 Art. 16(3)): a villager
registered to vote in one village may not take part in another village's election."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import Election, evaluate, get_rulebook
from community_governance.strategies import elections_registered_elsewhere

from ._support import example_data

CN = get_rulebook("cn")
RULE = "village-election.one-registration"


def election(name: str, edit: Any = None) -> Election:
    data = example_data(f"elections/{name}.json")
    if edit is not None:
        edit(data)
    return Election.model_validate_json(json.dumps(data, ensure_ascii=False))


def elsewhere(*rows: tuple[str, list[str]]) -> Any:
    def edit(d: dict[str, Any]) -> None:
        d["other_registrations"] = [{"person_id": p, "community_ids": c} for p, c in rows]

    return edit


class TestOneRegistration:
    """Village 2018 Art. 13(3) / 2025 Art. 16(3); the urban texts say nothing equivalent."""

    def test_none_recorded_passes_and_says_so(self) -> None:
        """No other registration recorded: passed, and the message says "none recorded"."""
        f = evaluate(election("village-election"), CN).finding(RULE)
        assert f.status == "passed"
        assert "none recorded" in f.message_en
        assert f.evidence["registered_elsewhere"] == {}

    def test_a_voter_registered_elsewhere_is_named(self) -> None:
        """A listed voter also registered in another village: denied, naming them and it."""
        d = evaluate(election("village-election", elsewhere(("W1", ["CN-VILLAGE-EX02"]))), CN)
        f = d.finding(RULE)
        assert (d.verdict, f.status) == ("denied", "failed")
        assert {x.rule for x in d.findings if x.status == "failed"} == {RULE}
        assert "W1 (also registered in CN-VILLAGE-EX02)" in f.message_en
        assert "W1" in f.message_zh
        assert f.evidence["registered_elsewhere"] == {"W1": ["CN-VILLAGE-EX02"]}

    @pytest.mark.parametrize(
        ("at", "locator"),
        [(dt.date(2025, 12, 31), "第十三条第三款"), (dt.date(2026, 1, 1), "第十六条第三款")],
    )
    def test_cites_the_article_in_force(self, at: dt.date, locator: str) -> None:
        """The finding cites Art. 13(3) of the 2018 text until 2025-12-31, Art. 16(3) after."""
        e = election("village-election", elsewhere(("W1", ["CN-VILLAGE-EX02"])))
        f = evaluate(e, CN, at).finding(RULE)
        assert f.status == "failed"
        assert [c.locator for c in f.citations] == [locator]

    def test_out_of_scope_for_urban_elections(self) -> None:
        """Urban elections: no such rule in either urban text, so the village rule is out of
        scope and not listed, even when a registration elsewhere is recorded."""
        d = evaluate(election("voters-election", elsewhere(("R01", ["CN-URBAN-EX03"]))), CN)
        assert RULE not in d.statuses()
        assert d.coverage.out_of_scope > 0
        assert d.verdict == "allowed"

    @given(st.data())
    def test_fails_exactly_when_someone_is_registered_elsewhere(self, data: st.DataObject) -> None:
        """0 registered elsewhere passes; any number from 1 fails, naming exactly those."""
        n = data.draw(st.integers(1, 40))
        k = data.draw(st.sampled_from([0, 1, n]) | st.integers(0, n))
        e = data.draw(elections_registered_elsewhere(voters=st.just(n), elsewhere=k))
        f = evaluate(e, CN).finding(RULE)
        assert f.status == ("passed" if k == 0 else "failed")
        assert set(f.evidence["registered_elsewhere"]) == {
            r.person_id for r in e.other_registrations
        }
        assert len(e.other_registrations) == k


class TestInputValidation:
    """Other registrations are validated against the election, naming the field."""

    @pytest.mark.parametrize(
        ("rows", "text"),
        [
            ([("nobody", ["X"])], "other_registrations[0].person_id: 'nobody' is not on the"),
            ([("W1", ["CN-VILLAGE-EX01"])], "other_registrations[0].community_ids[0]: "),
            ([("W1", ["X"]), ("W1", ["Y"])], "other_registrations: duplicate id(s) W1"),
            ([("W1", ["X", "X"])], "other_registrations[0].community_ids: duplicate id(s) X"),
        ],
    )
    def test_errors_name_the_field(self, rows: list[tuple[str, list[str]]], text: str) -> None:
        """An unlisted voter, the electing village itself, duplicates."""
        with pytest.raises(ValidationError) as info:
            election("village-election", elsewhere(*rows))
        assert text in str(info.value)

    def test_at_least_one_other_community(self) -> None:
        """A row without any other community is rejected."""
        with pytest.raises(ValidationError) as info:
            election("village-election", elsewhere(("W1", [])))
        assert info.value.errors()[0]["loc"][-1] == "community_ids"
