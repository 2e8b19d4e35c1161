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
        """«开始的当日不计入» (Civil Code 201) and the last day to 24:00 (203): with removed_on
        the first day no longer posted, removed_on − posted_on = 15 is 14 days (fails), 16 is
        15 days (passes)."""
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
        assert status == ("passed" if days >= 16 else "failed")

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


class TestCitations:
    """The article that decides is cited first, at the right paragraph (款)."""

    def _posting(self, kind: str) -> Any:
        d = board(
            community_kind=kind,
            postings=[
                {
                    "id": "p",
                    "category": "general",
                    "posted_on": dt.date(2026, 2, 1),
                    "removed_on": dt.date(2026, 2, 17),
                },
                {"id": "f", "category": "finances", "posted_on": dt.date(2026, 3, 5)},
            ],
        )
        return evaluate(d, CN).finding("disclosure.posting-period")

    def test_a_village_board_cites_the_village_article_and_its_parameter(self) -> None:
        """D12: «村民委员会应当设立村务公开栏…公布的期限不得少于十五日» is village Art. 35 第四款
        (E6: not 第三款), cited first with the village parameter; the urban article is not."""
        f = self._posting("rural")
        first = f.citations[0]
        village = ("村民委员会组织法(2025-10-28)", "第三十五条第四款")
        assert (first.source, first.locator) == village
        assert [u.name for u in f.parameters] == ["disclosure.village.posting-days"]
        assert "城市居民委员会组织法(2025-10-28)" not in {c.source for c in f.citations}

    @pytest.mark.parametrize("kind", ["urban", "village_to_residence"])
    def test_a_residents_board_cites_the_urban_article(self, kind: str) -> None:
        """A residents' committee (urban or 村改居) reads urban Art. 34 第三款 «居务公开栏…
        公布的期限不得少于十五日», not the village law."""
        f = self._posting(kind)
        first = f.citations[0]
        urban = ("城市居民委员会组织法(2025-10-28)", "第三十四条第三款")
        assert (first.source, first.locator) == urban
        assert [u.name for u in f.parameters] == ["disclosure.posting-days"]
        assert "村民委员会组织法(2025-10-28)" not in {c.source for c in f.citations}

    def test_the_counting_rule_is_cited_as_secondary(self) -> None:
        """D2: Civil Code 201 «开始的当日不计入» and 203 «截止时间为二十四时» are not in the
        shared excerpt: cited as secondary, with a note."""
        f = self._posting("urban")
        civil = [c for c in f.citations if c.source == "民法典"]
        assert [c.locator for c in civil] == ["第二百零一条", "第二百零三条"]
        assert all(c.confidence == "secondary" and c.note for c in civil)

    @pytest.mark.parametrize(
        ("as_of", "source", "locator"),
        [
            (dt.date(2025, 4, 10), "村民委员会组织法(2018-12-29)", "第三十条第三款"),
            (dt.date(2026, 4, 10), "村民委员会组织法(2025-10-28)", "第三十五条第三款"),
        ],
    )
    def test_the_cadence_cites_the_paragraph_in_force(
        self, as_of: dt.date, source: str, locator: str
    ) -> None:
        """E6: «一般事项至少每季度公布一次» is the 第三款 of 2018 Art. 30 and 2025 Art. 35
        (款1 实行村务公开制度, 款2 应当及时公布下列事项); only the text in force is cited."""
        d = board(
            as_of=as_of,
            postings=[
                {"id": "g", "category": "general", "posted_on": as_of - dt.timedelta(days=60)},
                {"id": "f", "category": "finances", "posted_on": as_of - dt.timedelta(days=40)},
            ],
        )
        f = evaluate(d, CN).finding("disclosure.village-cadence")
        assert f.status == "passed"
        assert {(c.source, c.locator) for c in f.citations} == {(source, locator)}


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
