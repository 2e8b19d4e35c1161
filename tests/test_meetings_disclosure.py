"""Disclosure: postings stay up at least 15 days (2026-), villages post on time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import evaluate, get_rulebook
from community_governance.models import Disclosure

CN = get_rulebook("cn")


def board(**overrides: Any) -> Disclosure:
    """A village notice board as of 2026-04-10 with a posting in each category."""
    data: dict[str, Any] = {
        "id": "board-1",
        "community_kind": "rural",
        "as_of": dt.date(2026, 4, 10),
        "postings": [
            {"id": "g1", "category": "general", "posted_on": dt.date(2026, 2, 1)},
            {"id": "f1", "category": "finances", "posted_on": dt.date(2026, 3, 5)},
        ],
    }
    data.update(overrides)
    return Disclosure.model_validate(data, strict=False)


class TestPostingPeriod:
    """公布的期限不得少于十五日 (urban 2025 Art. 34, village 2025 Art. 35)."""

    @given(st.integers(1, 60), st.dates(dt.date(2026, 1, 1), dt.date(2029, 12, 31)))
    def test_fifteen_days_is_the_boundary(self, days: int, posted: dt.date) -> None:
        """Taken down after 14 days fails; after 15 or more passes."""
        d = board(
            as_of=posted + dt.timedelta(days=days),
            postings=[
                {
                    "id": "p",
                    "category": "decision",
                    "posted_on": posted,
                    "removed_on": posted + dt.timedelta(days=days),
                }
            ],
            community_kind="urban",
        )
        status = evaluate(d, CN).finding("disclosure.posting-period").status
        assert status == ("passed" if days >= 15 else "failed")

    def test_no_minimum_before_2026(self) -> None:
        """The 2018 texts set no minimum posting period: the rule is not in force, and a
        posting taken down after two days is not denied (the cadence rule judges the board)."""
        d = board(
            as_of=dt.date(2025, 12, 31),
            postings=[
                {
                    "id": "p",
                    "category": "general",
                    "posted_on": dt.date(2025, 8, 1),
                    "removed_on": dt.date(2025, 8, 3),
                },
                {"id": "f", "category": "finances", "posted_on": dt.date(2025, 9, 5)},
            ],
        )
        decision = evaluate(d, CN)
        assert decision.coverage.not_in_force == ("disclosure.posting-period",)
        assert decision.statuses() == {"disclosure.village-cadence": "passed"}
        assert decision.verdict == "allowed"

    def test_rejects_removal_before_posting(self) -> None:
        """A posting cannot come down before it went up."""
        with pytest.raises(ValidationError, match=r"removed_on: '2026-01-01'"):
            board(
                postings=[
                    {
                        "id": "p",
                        "category": "general",
                        "posted_on": dt.date(2026, 1, 2),
                        "removed_on": dt.date(2026, 1, 1),
                    }
                ]
            )

    def test_rejects_a_posting_after_the_record_date(self) -> None:
        """A posting dated after as_of is an error naming the field."""
        with pytest.raises(ValidationError, match=r"postings\[0\]\.posted_on"):
            board(postings=[{"id": "p", "category": "general", "posted_on": dt.date(2026, 5, 1)}])


class TestVillageCadence:
    """一般事项至少每季度公布一次；财务往来较多的，财务收支每月公布一次."""

    def test_quarterly_posting_of_general_matters_and_finances(self) -> None:
        """Both posted in the first quarter: on time on 2026-04-10."""
        assert evaluate(board(), CN).finding("disclosure.village-cadence").status == "passed"

    def test_frequent_transactions_need_last_months_finances(self) -> None:
        """With frequent transactions, March's finances must be posted in March."""
        late = board(
            frequent_transactions=True,
            postings=[
                {"id": "g1", "category": "general", "posted_on": dt.date(2026, 2, 1)},
                {"id": "f1", "category": "finances", "posted_on": dt.date(2026, 2, 5)},
            ],
        )
        f = evaluate(late, CN).finding("disclosure.village-cadence")
        assert f.status == "failed"
        assert "no finances posting between 2026-03-01 and 2026-03-31" in f.message_en
        on_time = board(frequent_transactions=True)
        assert evaluate(on_time, CN).finding("disclosure.village-cadence").status == "passed"

    def test_a_quarter_without_general_matters_is_overdue(self) -> None:
        """Nothing general posted in 2026-Q1: overdue on 2026-04-10."""
        d = board(postings=[{"id": "f1", "category": "finances", "posted_on": dt.date(2026, 3, 5)}])
        assert evaluate(d, CN).finding("disclosure.village-cadence").status == "failed"

    def test_urban_boards_have_no_statutory_cadence(self) -> None:
        """The urban law says 及时公布 without a period: the cadence rule's scope is rural
        communities, and an urban board with nothing taken down is judged by no rule."""
        d = evaluate(board(community_kind="urban"), CN)
        assert "disclosure.village-cadence" not in d.statuses()
        assert d.coverage.out_of_scope == 1
        assert d.verdict == "indeterminate"
        assert d.coverage.uncovered is not None

    def test_no_postings_is_indeterminate(self) -> None:
        """An empty record cannot show the cadence was kept."""
        d = board(postings=[])
        assert evaluate(d, CN).finding("disclosure.village-cadence").status == "indeterminate"
