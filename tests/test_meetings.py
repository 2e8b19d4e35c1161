"""Meetings: validation of the record, and the pass rule of every meeting type."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from pydantic import ValidationError

from community_governance import evaluate, get_rulebook
from community_governance.models import Meeting, Unit, owner_headcount

CN = get_rulebook("cn")
DAY = dt.date(2026, 3, 20)


def meeting(**overrides: Any) -> Meeting:
    """A valid owners' assembly record, changed by ``overrides`` (JSON-like values)."""
    data: dict[str, Any] = {
        "id": "M-1",
        "body": "owners_assembly",
        "announced_on": "2026-03-01",
        "held_on": DAY.isoformat(),
        "constituted_by": "owners",
        "entitled": 300,
        "attendees": 200,
        "entitled_area": 3_000_000,
        "attendee_area": 2_000_000,
        "motions": [
            {
                "id": "1",
                "matter": "raise_maintenance_fund",
                "voted_on": DAY.isoformat(),
                "in_favour": 150,
                "against": 50,
                "area_in_favour": 1_500_000,
                "area_against": 500_000,
                "result": "adopted",
            }
        ],
    }
    data.update(overrides)
    if data["body"] == "owners_assembly":
        # a residential compound that told its residents' committee (物业管理条例 Art. 14(2))
        data.setdefault("residential_compound", True)
        data.setdefault("residents_committee_informed", True)
    return Meeting.model_validate_json(json.dumps(data))


def motion(**overrides: Any) -> dict[str, Any]:
    """One motion voted on DAY, changed by ``overrides``."""
    m: dict[str, Any] = {
        "id": "1",
        "voted_on": DAY.isoformat(),
        "in_favour": 1,
        "result": "adopted",
    }
    m.update(overrides)
    return m


class TestMeetingValidation:
    """Bad meeting records are rejected with errors naming the field."""

    def test_rejects_more_attendees_than_members(self) -> None:
        """More attendees than entitled members is an error on `attendees`."""
        with pytest.raises(ValidationError, match=r"attendees: 301 attended but only 300"):
            meeting(attendees=301)

    def test_rejects_votes_exceeding_attendees(self) -> None:
        """Votes cast beyond the attendees are an error naming the motion's field."""
        with pytest.raises(ValidationError, match=r"motions\[0\]\.in_favour: 201 votes cast"):
            meeting(motions=[motion(in_favour=151, against=50, area_in_favour=1, area_against=1)])

    def test_rejects_a_vote_dated_before_the_meeting(self) -> None:
        """A vote dated before the meeting is an error on `motions[i].voted_on`."""
        with pytest.raises(ValidationError, match=r"motions\[0\]\.voted_on: '2026-03-19'"):
            meeting(motions=[motion(voted_on="2026-03-19")])

    def test_rejects_area_votes_beyond_the_participating_area(self) -> None:
        """Area voted beyond the participating area is an error on the motion's area."""
        with pytest.raises(ValidationError, match=r"motions\[0\]\.area_in_favour"):
            meeting(motions=[motion(area_in_favour=2_000_001)])

    def test_rejects_notice_after_the_meeting(self) -> None:
        """Notice dated after the meeting is an error on `announced_on`."""
        with pytest.raises(ValidationError, match=r"announced_on: '2026-03-21'"):
            meeting(announced_on="2026-03-21")

    def test_rejects_a_request_larger_than_its_base(self) -> None:
        """More requesters than the base has is an error on `requested_by.count`."""
        with pytest.raises(ValidationError, match=r"requested_by\.count: 11"):
            meeting(requested_by={"count": 11, "base": "owners", "of": 10})

    def test_rejects_area_given_on_one_side_only(self) -> None:
        """Entitled area without the participating area is an error."""
        with pytest.raises(ValidationError, match=r"attendee_area"):
            meeting(attendee_area=None)

    def test_representatives_assembly_needs_a_community_kind(self) -> None:
        """Urban and village representatives' assemblies differ, so the kind is required."""
        with pytest.raises(ValidationError, match=r"community_kind"):
            meeting(body="representatives_assembly", constituted_by="members")

    def test_rejects_float_area(self) -> None:
        """Area is an integer of 0.01 m² units: a float is not accepted."""
        with pytest.raises(ValidationError, match=r"entitled_area"):
            meeting(entitled_area=3_000_000.5)


class TestOwnersAssembly:
    """Civil Code Art. 278: owners and area both count."""

    def test_two_thirds_of_owners_but_less_area_is_invalid(self) -> None:
        """2/3 of owners took part but 1 dm² short of 2/3 of the area: the vote is invalid."""
        d = evaluate(
            meeting(
                attendee_area=1_999_999,
                motions=[motion(in_favour=200, area_in_favour=1_999_999)],
            ),
            CN,
        )
        assert d.verdict == "denied"
        f = d.finding("meeting.quorum")
        assert f.status == "failed"
        assert "1 more dm² of area" in f.message_en
        assert any(c.locator == "第二百七十八条第二款" for c in f.citations)

    def test_maintenance_fund_raised_by_exactly_three_quarters_passes(self) -> None:
        """Exactly 3/4 of participating owners and of participating area adopt item (6)."""
        d = evaluate(meeting(), CN)
        assert d.verdict == "allowed", d.explain()
        assert d.finding("meeting.majority").evidence["motions"][0]["special"] is True

    def test_maintenance_fund_one_owner_short_of_three_quarters_is_not_adopted(self) -> None:
        """149 of 200 owners is under 3/4: recording it as adopted is denied."""
        d = evaluate(
            meeting(
                motions=[
                    motion(
                        matter="raise_maintenance_fund",
                        in_favour=149,
                        against=51,
                        area_in_favour=1_500_000,
                        area_against=500_000,
                    )
                ]
            ),
            CN,
        )
        assert d.finding("meeting.majority").status == "failed"
        assert d.verdict == "denied"

    def test_rejected_result_matching_the_tally_is_a_valid_record(self) -> None:
        """A motion recorded as rejected whose tally falls short is a lawful record."""
        d = evaluate(
            meeting(
                motions=[
                    motion(
                        matter="rebuild",
                        in_favour=149,
                        against=51,
                        area_in_favour=1_500_000,
                        area_against=500_000,
                        result="rejected",
                    )
                ]
            ),
            CN,
        )
        assert d.verdict == "allowed"

    def test_use_of_the_fund_needs_only_more_than_half(self) -> None:
        """Item (5), using the fund, is an ordinary matter: more than half suffices."""
        d = evaluate(
            meeting(
                motions=[
                    motion(
                        matter="use_maintenance_fund",
                        in_favour=101,
                        against=99,
                        area_in_favour=1_000_001,
                        area_against=999_999,
                    )
                ]
            ),
            CN,
        )
        assert d.verdict == "allowed", d.explain()

    def test_exactly_half_is_not_more_than_half(self) -> None:
        """过半数 excludes exactly half."""
        d = evaluate(
            meeting(
                motions=[
                    motion(
                        matter="management_statute",
                        in_favour=100,
                        against=100,
                        area_in_favour=1_000_001,
                        area_against=999_999,
                    )
                ]
            ),
            CN,
        )
        assert d.finding("meeting.majority").status == "failed"

    def test_notice_of_fourteen_days_is_too_short(self) -> None:
        """物业管理条例 Art. 14: 15 days' notice."""
        d = evaluate(meeting(announced_on="2026-03-06"), CN)
        assert d.finding("meeting.notice").status == "failed"
        assert (
            evaluate(meeting(announced_on="2026-03-05"), CN).finding("meeting.notice").status
            == "passed"
        )

    def test_extraordinary_meeting_needs_a_fifth_of_owners(self) -> None:
        """经20%以上的业主提议: 60 of 300 owners oblige the owners' committee to call the meeting;
        59 do not, which is reported, not held against the meeting (review D3)."""
        short = evaluate(meeting(requested_by={"count": 59, "base": "owners", "of": 300}), CN)
        enough = evaluate(meeting(requested_by={"count": 60, "base": "owners", "of": 300}), CN)
        assert short.finding("meeting.request").status == "not_applicable"
        assert short.finding("meeting.request").evidence["obliged"] is False
        assert short.verdict == enough.verdict == "allowed"
        assert enough.finding("meeting.request").status == "passed"

    def test_owners_are_counted_as_the_interpretation_says(self) -> None:
        """Several units of one buyer and the developer's unsold units count as one owner."""
        units = [
            Unit(id="1", owner_id="a", area=9000),
            Unit(id="2", owner_id="a", area=8000),
            Unit(id="3", owner_id="dev", area=10000),
            Unit(id="4", owner_id="dev", area=10000),
            Unit(id="5", owner_id="b", area=7000),
        ]
        assert owner_headcount(tuple(units)) == (3, 44000)
        units_json = [u.model_dump() for u in units]
        ok = meeting(
            units=units_json,
            entitled=3,
            attendees=2,
            entitled_area=44000,
            attendee_area=30000,
            motions=[],
        )
        assert evaluate(ok, CN).finding("meeting.owners-count").status == "passed"
        per_unit = meeting(
            units=units_json,
            entitled=5,
            attendees=4,
            entitled_area=44000,
            attendee_area=30000,
            motions=[],
        )
        f = evaluate(per_unit, CN).finding("meeting.owners-count")
        assert f.status == "failed"
        assert "the register gives 3" in f.message_en

    def test_before_the_civil_code_the_regulation_judges_the_vote(self) -> None:
        """2018-03-19 – 2020-12-31: 物业管理条例 Art. 12 (2018 text) is the pass rule then in
        force — 专有部分占建筑物总面积2/3以上的业主且占总人数2/3以上的业主同意 for the fund: 150
        of ALL 300 owners is short of 200 (review D15; it used to be indeterminate). The
        owners' Civil Code rules are not in force."""
        d = evaluate(meeting(), CN, dt.date(2020, 12, 31))
        assert d.verdict == "denied"
        assert d.finding("meeting.quorum").status == "passed"
        f = d.finding("meeting.majority")
        assert f.status == "failed"
        assert "150 votes for < 2/3 of 300 all owners (needs 200" in f.message_en
        assert [c.locator for c in f.citations][-1] == "第十二条第三款"
        assert set(d.coverage.not_in_force) == {
            "meeting.owners-count",
            "meeting.property-dismissal-notice",
            "meeting.owners-change-of-use",
        }

    def test_before_the_regulation_text_the_gap_is_named(self) -> None:
        """2018-03-18: no owners' pass rule is modelled (the regulation's earlier texts and
        物权法 are not held): indeterminate, naming the gap, never allowed."""
        d = evaluate(meeting(), CN, dt.date(2018, 3, 18))
        assert d.verdict == "indeterminate"
        f = d.finding("meeting.quorum")
        assert f.status == "indeterminate"
        assert "no pass rule in table meeting.pass-rules governs a owners_assembly" in (
            f.message_en
        )
        assert "any earlier law is not modelled" in f.message_en
        assert "owners-assembly.2018 (2018-03-19 – 2021-01-01)" in f.message_en


def urban(**overrides: Any) -> Meeting:
    """A residents' assembly constituted by household representatives on DAY."""
    data: dict[str, Any] = {
        "id": "RA-1",
        "body": "residents_assembly",
        "community_kind": "urban",
        "announced_on": "2026-03-10",
        "held_on": DAY,
        "constituted_by": "households",
        "entitled": 1000,
        "attendees": 501,
        "motions": [motion(in_favour=251, against=250)],
    }
    data.update(overrides)
    return Meeting.model_validate(data, strict=False)


class TestResidentsAssembly:
    """Urban organic law: 2018 Art. 9–10 until 2025-12-31, 2025 Art. 26–27 from 2026-01-01."""

    def test_more_than_half_of_households_is_quorate(self) -> None:
        """501 of 1000 households attend: quorate; 500 is not more than half."""
        assert evaluate(urban(), CN).verdict == "allowed"
        d = evaluate(urban(attendees=500, motions=[motion(in_favour=251, against=249)]), CN)
        assert d.finding("meeting.quorum").status == "failed"

    def test_decision_by_more_than_half_of_those_present(self) -> None:
        """The majority is of those present (501), not of all households."""
        d = evaluate(urban(motions=[motion(in_favour=250, against=251)]), CN)
        assert d.finding("meeting.majority").status == "failed"

    def test_ten_days_notice_from_2026(self) -> None:
        """From 2026 notice is due 10 days ahead, except in special circumstances."""
        short = urban(announced_on="2026-03-11")
        assert evaluate(short, CN).finding("meeting.notice").status == "failed"
        urgent = urban(announced_on="2026-03-19", urgent=True)
        assert evaluate(urgent, CN).finding("meeting.notice").status == "not_applicable"

    def test_the_2018_text_sets_no_notice_period(self) -> None:
        """Until 2025-12-31 the urban law sets no notice period."""
        old = urban(
            held_on=dt.date(2025, 12, 31),
            announced_on=dt.date(2025, 12, 30),
            motions=[motion(voted_on="2025-12-31", in_favour=251, against=250)],
        )
        assert evaluate(old, CN).finding("meeting.notice").status == "not_applicable"

    @pytest.mark.parametrize(
        ("held_on", "count", "status"),
        [
            (dt.date(2025, 12, 31), 199, "not_applicable"),  # 2018: 1/5 of households
            (dt.date(2025, 12, 31), 200, "passed"),
            (dt.date(2026, 1, 1), 99, "not_applicable"),  # 2025: 1/10
            (dt.date(2026, 1, 1), 100, "passed"),
        ],
    )
    def test_request_threshold_switches_on_2026_01_01(
        self, held_on: dt.date, count: int, status: str
    ) -> None:
        """A request by households obliges the convener from 1/5 until 2025-12-31 and from 1/10
        from 2026-01-01; below, no duty arose (not_applicable, never failed: review D3)."""
        m = urban(
            held_on=held_on,
            announced_on=held_on,
            motions=[],
            requested_by={"count": count, "base": "households", "of": 1000},
        )
        assert evaluate(m, CN).finding("meeting.request").status == status

    def test_residents_groups_request_only_under_the_2018_text(self) -> None:
        """三分之一以上的居民小组 could require a meeting only until 2025-12-31: then a group
        request may have obliged (the record counts no groups, so it cannot tell: obliged
        None); from 2026 it obliges no one (obliged False). Neither judges the meeting."""
        req = {"count": 5, "base": "residents_groups", "of": 15}
        old = urban(
            held_on=dt.date(2025, 6, 1),
            announced_on=dt.date(2025, 6, 1),
            motions=[],
            requested_by=req,
        )
        new = urban(motions=[], requested_by=req)
        before, after = evaluate(old, CN), evaluate(new, CN)
        assert before.finding("meeting.request").status == "not_applicable"
        assert before.finding("meeting.request").evidence["obliged"] is None
        assert after.finding("meeting.request").status == "not_applicable"
        assert after.finding("meeting.request").evidence["obliged"] is False


class TestRequestBase:
    """A request is measured against the meeting's own ``entitled``, never against a total
    the request states about itself (issue #9, "Bases are derived, not trusted"), and a
    request too small never denies a meeting held (review D3: «有十分之一以上…提议，应当召集»
    creates a duty to convene, nothing more)."""

    def test_a_request_stating_another_base_than_the_meeting_is_a_contradiction(self) -> None:
        """`of: 50` while 1,000 households are entitled: 10 requesters are 1% of the meeting's
        base, not 20% — and the contradiction is not taken as true: indeterminate, naming
        requested_by.of."""
        m = urban(requested_by={"count": 10, "base": "households", "of": 50})
        d = evaluate(m, CN)
        f = d.finding("meeting.request")
        assert f.status == "indeterminate"
        assert f.evidence["field"] == "requested_by.of"
        assert "1000 households entitled" in f.message_en
        assert d.verdict == "indeterminate"

    def test_the_base_is_the_meeting_entitled(self) -> None:
        """10 of the 1,000 households entitled (stated as such) is 1% < 1/10: no duty."""
        m = urban(requested_by={"count": 10, "base": "households", "of": 1000})
        f = evaluate(m, CN).finding("meeting.request")
        assert (f.status, f.evidence["obliged"], f.evidence["base_count"]) == (
            "not_applicable",
            False,
            1000,
        )

    def test_zero_of_zero_never_satisfies_a_share(self) -> None:
        """`0 of 0` used to pass (0 ≥ 1/10 × 0): an empty base obliges no one, and a meeting
        with no one entitled is not quorate."""
        m = urban(
            entitled=0,
            attendees=0,
            motions=[],
            requested_by={"count": 0, "base": "households", "of": 0},
        )
        d = evaluate(m, CN)
        assert d.finding("meeting.request").status == "not_applicable"
        assert d.finding("meeting.request").evidence["obliged"] is False
        assert d.finding("meeting.quorum").status == "failed"
        assert "empty base" in d.finding("meeting.quorum").message_en
        assert d.verdict == "denied"

    def test_a_request_too_small_never_denies_a_held_meeting(self) -> None:
        """50 of 1,000 households (5% < 1/10): the committee was not obliged, but a convened,
        noticed, quorate meeting with its majority is allowed (it used to be denied)."""
        m = urban(requested_by={"count": 50, "base": "households", "of": 1000})
        d = evaluate(m, CN)
        assert d.finding("meeting.request").status == "not_applicable"
        assert "does not depend on the request" in d.finding("meeting.request").message_en
        assert d.verdict == "allowed"

    def test_a_base_the_record_does_not_count_cannot_be_measured(self) -> None:
        """A request by representatives of a meeting counted by households: the record holds
        no number of representatives, so whether it obliged is unknown (obliged: None) —
        never measured against the request's own `of`."""
        m = urban(requested_by={"count": 30, "base": "representatives", "of": 60})
        f = evaluate(m, CN).finding("meeting.request")
        assert (f.status, f.evidence["obliged"]) == ("not_applicable", None)

    def test_villagers_are_counted_of_the_adults_entitled(self) -> None:
        """十分之一以上的村民: 90 of the 900 adults the villagers' assembly counts oblige."""
        m = urban(
            body="villagers_assembly",
            community_kind="rural",
            constituted_by="adults",
            entitled=900,
            attendees=501,
            requested_by={"count": 90, "base": "villagers", "of": 900},
        )
        assert evaluate(m, CN).finding("meeting.request").status == "passed"


class TestRepresentativesAssembly:
    """Urban 2025 Art. 28–29; village 2018 Art. 26 / 2025 Art. 30."""

    def test_urban_needs_two_thirds_of_members_from_2026(self) -> None:
        """36 of 54 members is exactly 2/3 (以上 includes it); 35 is short."""
        m = urban(
            body="representatives_assembly",
            constituted_by="members",
            entitled=54,
            attendees=36,
            motions=[motion(in_favour=19, against=17)],
        )
        assert evaluate(m, CN).verdict == "allowed"
        short = urban(
            body="representatives_assembly",
            constituted_by="members",
            entitled=54,
            attendees=35,
            motions=[motion(in_favour=19, against=16)],
        )
        assert evaluate(short, CN).finding("meeting.quorum").status == "failed"

    def test_urban_has_no_statutory_rule_before_2026(self) -> None:
        """The 2018 urban law has no representatives' assembly: nothing can show the meeting
        lawful, so it is indeterminate, not allowed (it used to be allowed by default)."""
        m = urban(
            body="representatives_assembly",
            constituted_by="members",
            entitled=54,
            attendees=30,
            held_on=dt.date(2025, 5, 1),
            announced_on=None,
            motions=[motion(voted_on="2025-05-01", in_favour=19, against=11)],
        )
        d = evaluate(m, CN)
        assert d.verdict == "indeterminate"
        assert d.statuses() == {
            "meeting.request": "not_applicable",
            "meeting.notice": "indeterminate",
            "meeting.quorum": "indeterminate",
            "meeting.majority": "indeterminate",
            "meeting.residents-assembly-matters": "not_applicable",
            "meeting.charter-filing": "not_applicable",
            "meeting.mediation-committee-election": "not_applicable",
        }
        assert d.coverage.out_of_scope >= 1  # the village matters rule: a village's assembly only
        assert "representatives-assembly.urban.2025" in d.finding("meeting.quorum").message_en

    def test_village_assembly_applies_in_2018_and_2025(self) -> None:
        """The village representatives' assembly needs 2/3 of members under both texts."""
        for day in (dt.date(2025, 12, 31), dt.date(2026, 1, 1)):
            m = urban(
                body="representatives_assembly",
                community_kind="rural",
                constituted_by="members",
                entitled=30,
                attendees=19,
                held_on=day,
                announced_on=day,
                motions=[],
            )
            assert evaluate(m, CN).finding("meeting.quorum").status == "failed"

    def test_quorum_is_not_counted_of_households(self) -> None:
        """A representatives' assembly's quorum is counted of its members only."""
        m = urban(body="representatives_assembly", constituted_by="households", motions=[])
        assert evaluate(m, CN).finding("meeting.quorum").status == "failed"


class TestVillageMeetings:
    """Villagers' assembly and villager-group meeting."""

    def test_two_thirds_of_households_is_inclusive(self) -> None:
        """Exactly 2/3 of household representatives is enough (以上)."""
        m = urban(
            body="villagers_assembly",
            community_kind="rural",
            entitled=300,
            attendees=200,
            motions=[motion(in_favour=101, against=99)],
        )
        assert evaluate(m, CN).verdict == "allowed"
        short = urban(
            body="villagers_assembly",
            community_kind="rural",
            entitled=300,
            attendees=199,
            motions=[],
        )
        assert evaluate(short, CN).finding("meeting.quorum").status == "failed"

    def test_adults_need_more_than_half(self) -> None:
        """Counted of adults, more than half must attend."""
        m = urban(
            body="villagers_assembly",
            constituted_by="adults",
            entitled=800,
            attendees=400,
            motions=[],
        )
        assert evaluate(m, CN).finding("meeting.quorum").status == "failed"

    def test_short_notice_in_special_circumstances_only_from_2026(self) -> None:
        """The 2018 text has no exception to the ten days' notice."""
        old = urban(
            body="villagers_assembly",
            held_on=dt.date(2025, 8, 1),
            announced_on=dt.date(2025, 7, 31),
            urgent=True,
            motions=[],
        )
        new = urban(body="villagers_assembly", announced_on="2026-03-19", urgent=True, motions=[])
        assert evaluate(old, CN).finding("meeting.notice").status == "failed"
        assert evaluate(new, CN).finding("meeting.notice").status == "not_applicable"

    def test_villager_group_needs_two_thirds(self) -> None:
        """A villager-group meeting needs 2/3 of adults or households."""
        m = urban(
            body="villager_group", constituted_by="adults", entitled=90, attendees=59, motions=[]
        )
        assert evaluate(m, CN).finding("meeting.quorum").status == "failed"


class TestCollectiveAssembly:
    """农村集体经济组织法 Art. 27–28: decisions of ALL members."""

    def test_two_thirds_of_those_present_is_not_enough(self) -> None:
        """90 of 120 attend and 70 vote for: 70 < 2/3 of all 120 = 80."""
        m = urban(
            body="collective_members_assembly",
            community_kind=None,
            constituted_by="members",
            entitled=120,
            attendees=90,
            motions=[motion(in_favour=70, against=20)],
        )
        d = evaluate(m, CN)
        assert d.finding("meeting.quorum").status == "passed"
        assert d.finding("meeting.majority").status == "failed"
        assert "of 120 all members" in d.finding("meeting.majority").message_en

    def test_representatives_assembly_counts_all_representatives(self) -> None:
        """16 of 24 representatives is exactly 2/3 of all; no separate quorum is set."""
        m = urban(
            body="collective_representatives_assembly",
            community_kind=None,
            constituted_by="members",
            entitled=24,
            attendees=17,
            motions=[motion(in_favour=16, against=1)],
        )
        d = evaluate(m, CN)
        assert d.statuses()["meeting.quorum"] == "not_applicable"
        assert d.verdict == "allowed"

    def test_not_in_force_before_2025_05_01(self) -> None:
        """The law is in force from 2025-05-01: before, no pass rule governs the assembly and
        its quorum cannot be judged."""
        m = urban(
            body="collective_members_assembly",
            held_on=dt.date(2025, 4, 30),
            announced_on=dt.date(2025, 4, 1),
            constituted_by="members",
            motions=[],
        )
        assert evaluate(m, CN).statuses()["meeting.quorum"] == "indeterminate"
