"""Dismissing the property service company (Civil Code Art. 946), and the households per
representative of a collective's representatives' assembly (农村集体经济组织法 Art. 28(2))."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import evaluate, get_rulebook
from community_governance.models import Meeting
from community_governance.strategies import collective_household_meetings, dismissal_meetings

from ._support import example_data

CN = get_rulebook("cn")
RULE = "meeting.property-dismissal-notice"
HOUSEHOLDS = "meeting.collective-representatives-households"
AFTER_CODE = st.dates(dt.date(2021, 1, 1), dt.date(2030, 12, 31))
COLLECTIVE = st.dates(dt.date(2025, 5, 1), dt.date(2030, 12, 31))


def dismissal(notice: dict[str, Any] | None = None, **motion: Any) -> Meeting:
    """The shipped dismissal example, its motion and notice changed as given."""
    data = example_data("meetings/owners-dismissal.json")
    motions = data["motions"]
    assert isinstance(motions, list)
    m = {**motions[0], **motion}
    if notice is not None:
        m["dismissal_notice"] = notice
    data["motions"] = [m]
    return Meeting.model_validate_json(json.dumps(data))


def notice(**fields: Any) -> dict[str, Any]:
    """A written notice on 2026-03-25 of a contract ending 2026-05-24, changed as given."""
    n: dict[str, Any] = {
        "notified_on": "2026-03-25",
        "written": True,
        "terminates_on": "2026-05-24",
    }
    n.update(fields)
    return {k: v for k, v in n.items() if v is not None}


def representatives(entitled: int, households: int | None) -> Meeting:
    """A collective representatives' assembly of ``entitled`` representatives."""
    return Meeting.model_validate_json(
        json.dumps(
            {
                "id": "JT-RA",
                "body": "collective_representatives_assembly",
                "held_on": "2026-02-01",
                "constituted_by": "members",
                "entitled": entitled,
                "attendees": entitled,
                "member_households": households,
            }
        )
    )


class TestDismissalNoticeValidation:
    """An impossible dismissal notice is refused with the field named."""

    def test_notice_only_on_a_dismissal_motion(self) -> None:
        """A notice on a motion of another matter is an error on `motions[i].dismissal_notice`."""
        with pytest.raises(ValidationError, match=r"motions\[0\]\.dismissal_notice: only"):
            dismissal(matter="property_service_company")

    def test_notice_before_the_decision_is_refused(self) -> None:
        """A notice of the decision cannot reach the company before the vote."""
        with pytest.raises(ValidationError, match=r"dismissal_notice\.notified_on: '2026-03-19'"):
            dismissal(notice(notified_on="2026-03-19"))

    def test_contract_ending_before_the_notice_is_refused(self) -> None:
        """The contract's end before the notice is an error on `terminates_on`."""
        with pytest.raises(ValidationError, match=r"dismissal_notice\.terminates_on: '2026-03-24'"):
            dismissal(notice(terminates_on="2026-03-24"))

    def test_contract_period_names_its_clause(self) -> None:
        """A contractual period without the clause it comes from is refused."""
        with pytest.raises(ValidationError, match=r"clause"):
            dismissal(notice(contract_notice={"days": 90, "clause": ""}))

    def test_existing_owners_records_stay_valid(self) -> None:
        """A record without any dismissal field still reads, and the rule does not apply."""
        data = example_data("meetings/owners-maintenance-fund.json")
        m = Meeting.model_validate_json(json.dumps(data))
        assert evaluate(m, CN).finding(RULE).status == "not_applicable"


class TestDismissalNoticeBoundaries:
    """提前六十日 (or the contract's period) at n−1, n and n+1 days."""

    @pytest.mark.parametrize("distance", [-1, 0, 1])
    def test_statutory_sixty_days(self, distance: int) -> None:
        """59 days fail; exactly 60 and 61 days' written notice pass (the number included)."""

        @given(dismissal_meetings(at=AFTER_CODE, distance=distance))
        def check(m: Meeting) -> None:
            f = evaluate(m, CN).finding(RULE)
            assert f.status == ("failed" if distance < 0 else "passed")
            assert f.evidence["motions"][0]["notice_period"]["days"] == 60
            assert f.evidence["motions"][0]["required"] == 60

        check()

    @pytest.mark.parametrize("distance", [-1, 0, 1])
    def test_contract_period_replaces_sixty_days(self, distance: int) -> None:
        """A period the contract sets, longer or shorter, is the boundary instead."""

        @given(
            dismissal_meetings(at=AFTER_CODE, distance=distance, contract_days=st.integers(1, 180))
        )
        def check(m: Meeting) -> None:
            f = evaluate(m, CN).finding(RULE)
            assert f.status == ("failed" if distance < 0 else "passed")
            assert f.evidence["motions"][0]["notice_period"]["source"] == "contract"

        check()

    def test_a_shorter_contract_period_is_honoured(self) -> None:
        """With 30 days agreed, 30 days' notice passes though it is short of 60."""
        period = {"days": 30, "clause": "物业服务合同第二十条"}
        m = dismissal(notice(terminates_on="2026-04-24", contract_notice=period))
        f = evaluate(m, CN).finding(RULE)
        assert f.status == "passed"
        assert "物业服务合同第二十条" in f.message_zh
        assert f.evidence["motions"][0]["notice_period"] == {
            "days": 30,
            "source": "contract",
            "clause": "物业服务合同第二十条",
        }


class TestDismissalNotice:
    """Written form, missing facts, applicability and citations."""

    def test_exactly_sixty_days_says_the_number_is_included(self) -> None:
        """The message explains that 提前六十日 includes the number."""
        f = evaluate(dismissal(), CN).finding(RULE)
        assert f.status == "passed"
        assert "“提前六十日”包括本数" in f.message_zh
        assert "includes the number" in f.message_en
        assert "60 days from the written notice to the end of the contract ≥ 60" in f.message_en

    def test_oral_notice_fails_whatever_the_period(self) -> None:
        """Notice not in writing fails even with a long period."""
        f = evaluate(dismissal(notice(written=False, terminates_on="2026-12-31")), CN).finding(RULE)
        assert f.status == "failed"
        assert f.message_en == "dismissal motion 1: the notice was not given in writing"

    def test_oral_notice_fails_even_without_dates(self) -> None:
        """A failure is reported even when the dates are still missing."""
        m = dismissal({"written": False})
        assert evaluate(m, CN).finding(RULE).status == "failed"

    @pytest.mark.parametrize(
        ("fields", "missing"),
        [
            ({"notified_on": None}, "motions[0].dismissal_notice.notified_on"),
            ({"terminates_on": None}, "motions[0].dismissal_notice.terminates_on"),
            ({"written": None}, "motions[0].dismissal_notice.written"),
        ],
    )
    def test_missing_facts_are_indeterminate(self, fields: dict[str, Any], missing: str) -> None:
        """A missing date or form makes the finding indeterminate, naming the field."""
        d = evaluate(dismissal(notice(**fields)), CN)
        assert d.finding(RULE).status == "indeterminate"
        assert d.finding(RULE).evidence == {"missing": missing}
        assert d.verdict == "indeterminate"

    def test_a_dismissal_without_a_notice_record_is_indeterminate(self) -> None:
        """An adopted dismissal with no notice recorded cannot be judged."""
        data = example_data("meetings/owners-dismissal.json")
        motions = data["motions"]
        assert isinstance(motions, list)
        del motions[0]["dismissal_notice"]
        f = evaluate(Meeting.model_validate_json(json.dumps(data)), CN).finding(RULE)
        assert (f.status, f.evidence) == (
            "indeterminate",
            {"missing": "motions[0].dismissal_notice"},
        )

    def test_rejected_dismissal_owes_no_notice(self) -> None:
        """A dismissal the owners rejected needs no notice."""
        m = dismissal(
            in_favour=90,
            against=110,
            abstain=0,
            area_in_favour=900_000,
            area_against=1_100_000,
            area_abstain=0,
            result="rejected",
        )
        f = evaluate(m, CN).finding(RULE)
        assert f.status == "not_applicable"
        assert "rejected" in f.message_en

    def test_out_of_scope_for_other_assemblies(self) -> None:
        """Only an owners' assembly dismisses the property service company: the rule's scope
        leaves a residents' assembly out, and the Decision does not list it."""
        data = example_data("meetings/residents-assembly.json")
        m = Meeting.model_validate_json(json.dumps(data))
        assert CN.rule(RULE).scope.matches(m.facts()) is False
        assert RULE not in evaluate(m, CN).statuses()

    def test_not_in_force_before_the_civil_code(self) -> None:
        """The rule applies from 2021-01-01: on 2020-12-31 it is reported not in force."""
        d = evaluate(dismissal(), CN, dt.date(2020, 12, 31))
        assert RULE in d.coverage.not_in_force
        assert RULE not in d.statuses()

    def test_cites_article_946(self) -> None:
        """The finding cites Civil Code Art. 946 with its words."""
        f = evaluate(dismissal(), CN).finding(RULE)
        assert [(c.source, c.locator) for c in f.citations] == [("民法典", "第九百四十六条第一款")]
        assert "应当提前六十日书面通知物业服务人" in f.citations[0].quote


class TestCollectiveHouseholds:
    """一般每五户至十五户选举代表一人: advisory, 5 × reps ≤ households ≤ 15 × reps."""

    @pytest.mark.parametrize("distance", [-1, 0, 1])
    def test_fewest_households(self, distance: int) -> None:
        """One household short of five per representative warns; five and more pass."""

        @given(collective_household_meetings(edge="fewest", at=COLLECTIVE, distance=distance))
        def check(m: Meeting) -> None:
            d = evaluate(m, CN)
            assert d.finding(HOUSEHOLDS).status == ("failed" if distance < 0 else "passed")
            assert d.finding(HOUSEHOLDS).severity == "advisory"

        check()

    @pytest.mark.parametrize("distance", [-1, 0, 1])
    def test_most_households(self, distance: int) -> None:
        """Fifteen per representative and fewer pass; one household more warns."""

        @given(collective_household_meetings(edge="most", at=COLLECTIVE, distance=distance))
        def check(m: Meeting) -> None:
            status = evaluate(m, CN).finding(HOUSEHOLDS).status
            assert status == ("failed" if distance > 0 else "passed")

        check()

    def test_a_warning_never_denies(self) -> None:
        """Too few households per representative warns; the verdict stays allowed."""
        d = evaluate(representatives(24, 119), CN)
        assert d.finding(HOUSEHOLDS).is_warning
        assert d.verdict == "allowed"
        assert "119 members' households < 120" in d.finding(HOUSEHOLDS).message_en

    def test_missing_households_are_indeterminate(self) -> None:
        """Without `member_households` the advisory rule is indeterminate, naming the field."""
        f = evaluate(representatives(24, None), CN).finding(HOUSEHOLDS)
        assert (f.status, f.evidence) == ("indeterminate", {"missing": "member_households"})

    def test_out_of_scope_for_the_members_assembly(self) -> None:
        """Only a representatives' assembly has representatives per household: the members'
        assembly is outside the rule's scope."""
        data = example_data("meetings/collective-members.json")
        m = Meeting.model_validate_json(json.dumps(data))
        assert CN.rule(HOUSEHOLDS).scope.matches(m.facts()) is False
        assert HOUSEHOLDS not in evaluate(m, CN).statuses()

    def test_cites_article_28(self) -> None:
        """The finding cites Art. 28(2) and both dated parameters."""
        f = evaluate(representatives(24, 300), CN).finding(HOUSEHOLDS)
        assert {(c.source, c.locator) for c in f.citations} == {
            ("农村集体经济组织法(2024-06-28)", "第二十八条第二款")
        }
        assert (
            CN.parameter_version(
                "meeting.collective-representatives-assembly.households-per-representative.max",
                dt.date(2026, 1, 1),
            ).value
            == 15
        )
