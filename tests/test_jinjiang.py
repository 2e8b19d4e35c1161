"""Jinjiang major-matter sponsorship: ≥10% of representatives OR ≥50 households (seed 004)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_governance import Proposal, Rulebook, evaluate
from community_governance.strategies import sponsorship_proposals

ON = dt.date(2026, 3, 2)


def proposal(reps: int, rep_sponsors: int, hh_sponsors: int, **extra: Any) -> Proposal:
    """A major-matter proposal in a community with ``reps`` representatives."""
    persons = [{"id": f"R{i}"} for i in range(reps)]
    memberships = [
        {
            "person_id": f"R{i}",
            "body_id": "RA",
            "role": "representative",
            "term_start": dt.date(2021, 6, 1),
        }
        for i in range(reps)
    ]
    community = {
        "id": "C",
        "name": "示例社区",
        "kind": "urban",
        "households": [{"id": f"H{i}"} for i in range(max(hh_sponsors, 60))],
        "persons": persons,
        "bodies": [
            {"id": "RA", "kind": "representatives_assembly"},
            {"id": "PO", "kind": "party_organization"},
        ],
        "memberships": memberships,
    }
    data = {
        "id": "P-1",
        "community": community,
        "title": "议案",
        "category": "major",
        "proposer": "representatives",
        "submitted_on": ON,
        "sponsor_representative_ids": [f"R{i}" for i in range(rep_sponsors)],
        "sponsor_household_ids": [f"H{i}" for i in range(hh_sponsors)],
        **extra,
    }
    return Proposal.model_validate(data, strict=False)


class TestAcceptance:
    """The issue's acceptance cases, with the explanation asserted."""

    def test_five_of_fifty_is_enough(self, jinjiang: Rulebook) -> None:
        """50 representatives and 5 sponsoring representatives → allowed (10% inclusive)."""
        d = evaluate(proposal(50, 5, 0), jinjiang)
        assert d.verdict == "allowed"
        assert d.finding("proposal.sponsorship").status == "passed"

    def test_five_of_fifty_one_with_48_households_is_short(self, jinjiang: Rulebook) -> None:
        """51 and 5 with 48 households → denied: 1 more representative, or 2 more households."""
        d = evaluate(proposal(51, 5, 48), jinjiang)
        f = d.finding("proposal.sponsorship")
        assert (d.verdict, f.status) == ("denied", "failed")
        assert "needs 1 more representative, or 2 more households" in f.message_en
        assert "还需再增加1名联名居民代表，或再增加2户联名居民户" in f.message_zh
        assert [p["shortfall"] for p in f.evidence["any_of"]] == [1, 2]
        assert f.citations[0].source == "004_63e647ccd94b093f.txt"
        assert d.denials == (f,)

    def test_fifty_households_suffice(self, jinjiang: Rulebook) -> None:
        """51 and 5 with 50 households → allowed by the household alternative."""
        assert evaluate(proposal(51, 5, 50), jinjiang).verdict == "allowed"

    def test_party_organisation_needs_no_sponsors(self, jinjiang: Rulebook) -> None:
        """The party organisation has its own right to propose (提案权)."""
        d = evaluate(proposal(51, 0, 0, proposer="party_organization"), jinjiang)
        assert d.statuses() == {
            "proposal.sponsorship": "not_applicable",
            "proposal.party-initiative": "passed",
        }

    def test_party_proposal_without_party_organisation_is_denied(self, jinjiang: Rulebook) -> None:
        """A proposal in the party organisation's name needs a party organisation."""
        p = proposal(51, 0, 0, proposer="party_organization")
        bodies = tuple(b for b in p.community.bodies if b.kind != "party_organization")
        p = p.model_copy(update={"community": p.community.model_copy(update={"bodies": bodies})})
        assert evaluate(p, jinjiang).finding("proposal.party-initiative").status == "failed"

    def test_ordinary_matters_need_no_sponsorship(self, jinjiang: Rulebook) -> None:
        """The threshold is for major matters (重大事项) only; nothing else judges an ordinary
        proposal, so it is indeterminate with the gap named, never allowed."""
        d = evaluate(proposal(51, 0, 0, category="ordinary"), jinjiang)
        assert d.finding("proposal.sponsorship").status == "not_applicable"
        assert d.verdict == "indeterminate"
        assert d.coverage.uncovered is not None


class TestBoundary:
    """At the bound it passes, one short it fails, for many assembly sizes."""

    @given(sponsorship_proposals(representatives_distance=0))
    def test_exactly_ten_percent_rounded_up_passes(self, p: Proposal) -> None:
        """ceil(10% × representatives) sponsors is enough (以上 is inclusive)."""
        from community_governance import get_rulebook

        d = evaluate(p, get_rulebook("cn.sichuan.chengdu.jinjiang"))
        assert d.verdict == "allowed", d.explain()

    @given(sponsorship_proposals(representatives_distance=-1))
    def test_one_short_fails_with_shortfall_one(self, p: Proposal) -> None:
        """One sponsor fewer than the bound fails and reports exactly 1 more needed."""
        from community_governance import get_rulebook

        f = evaluate(p, get_rulebook("cn.sichuan.chengdu.jinjiang")).finding("proposal.sponsorship")
        assert f.status == "failed"
        assert f.evidence["any_of"][0]["shortfall"] == 1
        assert f.evidence["any_of"][1]["shortfall"] == 1

    @given(
        sponsorship_proposals(
            representatives_distance=st.integers(-3, 3), households_distance=st.integers(-3, 3)
        )
    )
    def test_verdict_is_the_disjunction(self, p: Proposal) -> None:
        """Allowed iff 10·reps_sponsors ≥ reps or households ≥ 50, in integers."""
        from community_governance import get_rulebook

        reps = len(p.community.representatives(p.submitted_on))
        expected = (
            10 * len(p.sponsor_representative_ids) >= reps or len(p.sponsor_household_ids) >= 50
        )
        d = evaluate(p, get_rulebook("cn.sichuan.chengdu.jinjiang"))
        assert (d.verdict == "allowed") is expected


@pytest.mark.parametrize("reps", [1, 9, 10, 11, 39, 40, 41, 99, 100, 101, 999])
def test_bound_table(reps: int, jinjiang: Rulebook) -> None:
    """The required count is ceil(reps/10), checked at n-1 and n for sizes around multiples."""
    need = -(-reps // 10)
    assert evaluate(proposal(reps, need, 0), jinjiang).verdict == "allowed"
    assert evaluate(proposal(reps, need - 1, 0), jinjiang).verdict == "denied"


def test_a_sponsor_deprived_of_political_rights_does_not_count(jinjiang: Rulebook) -> None:
    """«10%以上社区居民代表…提出议案»: 5 of 50 is exactly enough, but R0 is deprived of
    political rights and holds no representative's seat; 4 count, denied (before: allowed)."""
    p = proposal(50, 5, 0)
    persons = tuple(
        x.model_copy(update={"political_rights_deprived": True}) if x.id == "R0" else x
        for x in p.community.persons
    )
    p = Proposal.model_validate(
        {**p.model_dump(), "community": {**p.community.model_dump(), "persons": persons}},
        strict=False,
    )
    f = evaluate(p, jinjiang).finding("proposal.sponsorship")
    assert f.status == "failed"
    assert f.evidence["not_counted"] == ["R0"]
    assert "deprived of political rights, not counted: R0" in f.message_en


class TestStartUpGrantByTheDayPaid:
    """A start-up grant is judged by the cap in force on the day it was paid, not on the day
    the record is judged (regression: the 2026 cap judged a grant of 2009)."""

    LOWER_CAP = """
format = "cg.rulebook/2"
id = "cn.sichuan.chengdu.jinjiang.test-cap"
version = "2027.1"
extends = "cn.sichuan.chengdu.jinjiang"
title = { zh = "测试：2027年起备案组织扶持上限3000元", en = "test: cap 3000 from 2027" }

[[parameters]]
name = "social-organization.start-up-grant.filed.max"
value = 3000
valid_from = 2027-01-01
citation = { source = "测试规则（虚构）", locator = "第一条" }
"""

    @staticmethod
    def organisation(granted_on: str, as_of: str) -> Any:
        from community_governance import SocialOrganization

        return SocialOrganization.model_validate(
            {
                "id": "SO-1",
                "name": "某社区老年协会（虚构）",
                "as_of": as_of,
                "active_since": "2026-03-01",
                "registration": None,
                "filing": {"filed_on": "2026-02-01", "filed_with": "street_office"},
                "start_up_grants": [{"granted_on": granted_on, "amount_yuan": 4000}],
            }
        )

    def book(self, tmp_path: Path) -> Any:
        from community_governance import load_rulebook

        path = tmp_path / "cap.toml"
        path.write_text(self.LOWER_CAP, encoding="utf-8")
        return load_rulebook(path)

    def test_a_2026_grant_keeps_the_2026_cap_when_judged_in_2028(self, tmp_path: Path) -> None:
        """4,000 yuan paid in 2026 (cap 5,000 then) passes when judged in 2028 (cap 3,000)."""
        decision = evaluate(self.organisation("2026-04-01", "2028-01-01"), self.book(tmp_path))
        assert decision.statuses()["social-organization.start-up-grant"] == "passed"

    def test_a_2027_grant_is_judged_by_the_2027_cap(self, tmp_path: Path) -> None:
        """4,000 yuan paid in 2027 (cap 3,000 then) fails, naming 3000."""
        decision = evaluate(self.organisation("2027-04-01", "2028-01-01"), self.book(tmp_path))
        finding = decision.finding("social-organization.start-up-grant")
        assert finding.status == "failed"
        assert "4000 yuan granted > 3000" in finding.message_en
