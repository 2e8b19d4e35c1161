"""Composition rules of village bodies, mediation and owners' committees, and Ningxia's grids
and village service stations."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given

from community_governance import BodyComposition, Decision, evaluate, get_rulebook
from community_governance.strategies import bodies_near_size_limit

from ._support import example_data

CN = get_rulebook("cn")
NINGXIA = get_rulebook("cn.ningxia")
AFTER, BEFORE = dt.date(2026, 3, 2), dt.date(2024, 6, 1)


def composition(name: str, body_id: str, edit: Any = None) -> BodyComposition:
    data = example_data(f"bodies/{name}.json")
    data["body_id"] = body_id
    if edit is not None:
        edit(data["community"])
    return BodyComposition.model_validate_json(json.dumps(data, ensure_ascii=False))


def failed(d: Decision) -> set[str]:
    return {f.rule for f in d.findings if f.status == "failed"}


def status(d: Decision, rule: str) -> str:
    return d.finding(rule).status


class TestVillageCommittee:
    """3–7 members and a woman (2018 Art. 6, 2025 Art. 8); relatives excluded from 2026."""

    def test_example_complies(self) -> None:
        """The example village committee complies before and after the switch."""
        assert evaluate(composition("village", "VC"), CN).verdict == "allowed"
        assert evaluate(composition("village", "VC"), CN, BEFORE).verdict == "allowed"

    @pytest.mark.parametrize(
        ("side", "distance", "expected"),
        [
            ("min", -1, "failed"),
            ("min", 0, "passed"),
            ("max", 0, "passed"),
            ("max", 1, "failed"),
        ],
    )
    @pytest.mark.parametrize("at", [BEFORE, AFTER])
    def test_size_boundaries(self, side: str, distance: int, expected: str, at: dt.date) -> None:
        """2, 3, 7 and 8 members, under both texts."""

        @given(
            bodies_near_size_limit(
                kind="village_committee",
                community_kind="rural",
                side=side,
                distance=distance,
                at=at,
            )
        )
        def run(s: BodyComposition) -> None:
            assert status(evaluate(s, CN), "village-committee.size") == expected

        run()

    def test_woman_required_under_both_texts(self) -> None:
        """Unlike the urban law, the 2018 village text already required a woman."""

        def edit(c: dict[str, Any]) -> None:
            c["persons"][1]["gender"] = "male"

        s = composition("village", "VC", edit)
        assert failed(evaluate(s, CN, BEFORE)) == {"village-committee.woman"}
        assert failed(evaluate(s, CN, AFTER)) == {"village-committee.woman"}

    def test_relatives_excluded_only_from_2026(self) -> None:
        """Two siblings on the committee: allowed in 2024 (the exclusion is not yet in force;
        size and woman judge it), denied in 2026."""

        def edit(c: dict[str, Any]) -> None:
            c["persons"][2]["relatives"] = [{"person_id": "V1", "relation": "sibling"}]

        s = composition("village", "VC", edit)
        before = evaluate(s, CN, BEFORE)
        assert "village-committee.close-relative-exclusion" in before.coverage.not_in_force
        assert before.verdict == "allowed"
        assert failed(evaluate(s, CN, AFTER)) == {"village-committee.close-relative-exclusion"}


class TestVillageRepresentatives:
    """Representatives ≥ 4/5 and women representatives ≥ 1/3 of the members (2018 Art. 25)."""

    def test_example_complies(self) -> None:
        """12 representatives (6 women) and 3 committee members comply."""
        assert evaluate(composition("village", "VA"), CN).verdict == "allowed"

    @pytest.mark.parametrize(("women", "expected"), [(4, "failed"), (5, "passed")])
    def test_women_share_boundary(self, women: int, expected: str) -> None:
        """15 members need 5 women representatives (1/3, inclusive)."""

        def edit(c: dict[str, Any]) -> None:
            for p in c["persons"]:
                if p["id"].startswith("R"):
                    p["gender"] = "female" if int(p["id"][1:]) <= women else "male"

        d = evaluate(composition("village", "VA", edit), CN)
        assert status(d, "village-representatives.women") == expected

    def test_unknown_gender_is_indeterminate_when_it_matters(self) -> None:
        """Too few recorded women, the rest unrecorded: indeterminate, naming gender."""

        def edit(c: dict[str, Any]) -> None:
            for p in c["persons"]:
                if p["id"].startswith("R") and int(p["id"][1:]) > 2:
                    p.pop("gender")

        f = evaluate(composition("village", "VA", edit), CN).finding(
            "village-representatives.women"
        )
        assert f.status == "indeterminate"
        assert f.evidence["missing"] == "community.persons[].gender"


class TestVillageSupervision:
    """Finance/management knowledge; no committee members or relatives (2018 Art. 32)."""

    def test_example_complies(self) -> None:
        """The example supervision body complies."""
        assert evaluate(composition("village", "VS"), CN).verdict == "allowed"

    def test_without_expertise_is_denied(self) -> None:
        """Nobody with finance or management knowledge: denied."""

        def edit(c: dict[str, Any]) -> None:
            c["persons"][4]["finance_or_management_expertise"] = False

        d = evaluate(composition("village", "VS", edit), CN, BEFORE)
        assert failed(d) == {"village-supervision.expertise"}

    def test_unrecorded_expertise_is_indeterminate(self) -> None:
        """Expertise not recorded for anyone: indeterminate, never a silent pass."""

        def edit(c: dict[str, Any]) -> None:
            for p in c["persons"][4:7]:
                p.pop("finance_or_management_expertise")

        d = evaluate(composition("village", "VS", edit), CN)
        assert status(d, "village-supervision.expertise") == "indeterminate"

    def test_committee_relative_is_denied_under_the_2018_text(self) -> None:
        """The 2018 text already excluded committee members' close relatives."""

        def edit(c: dict[str, Any]) -> None:
            c["persons"][5]["relatives"] = [{"person_id": "V1", "relation": "spouse"}]

        d = evaluate(composition("village", "VS", edit), CN, BEFORE)
        assert failed(d) == {"village-supervision.exclusion"}


class TestMediationCommittee:
    """People's Mediation Law Art. 8–9: 3–9 members, one chair, a woman, 3-year terms."""

    def test_example_complies(self) -> None:
        """The example mediation committee complies."""
        assert evaluate(composition("urban", "MC"), CN).verdict == "allowed"

    @pytest.mark.parametrize(
        ("side", "distance", "expected"),
        [("min", -1, "failed"), ("min", 0, "passed"), ("max", 0, "passed"), ("max", 1, "failed")],
    )
    def test_size_boundaries(self, side: str, distance: int, expected: str) -> None:
        """2, 3, 9 and 10 members."""

        @given(bodies_near_size_limit(kind="mediation_committee", side=side, distance=distance))
        def run(s: BodyComposition) -> None:
            assert status(evaluate(s, CN), "mediation-committee.size") == expected

        run()

    def test_term_longer_than_three_years_is_denied(self) -> None:
        """A term of 3 years and a day is too long."""

        def edit(c: dict[str, Any]) -> None:
            for m in c["memberships"]:
                if m["body_id"] == "MC":
                    m["term_end"] = "2027-01-02"

        d = evaluate(composition("urban", "MC", edit), CN)
        assert failed(d) == {"mediation-committee.term"}

    def test_term_finding_cites_the_article_in_force(self) -> None:
        """The term finding cites the article that sets the value it read (Art. 9(2)), once."""
        f = evaluate(composition("urban", "MC"), CN).finding("mediation-committee.term")
        assert [(c.source, c.locator) for c in f.citations] == [
            ("人民调解法(2010-08-28)", "第九条第二款")
        ]
        assert [u.name for u in f.parameters] == ["mediation-committee.term-years"]

    def test_two_chairs_cannot_even_be_entered(self) -> None:
        """One chair per body at a time is validated on input, before any rule."""

        def edit(c: dict[str, Any]) -> None:
            for m in c["memberships"]:
                if m["person_id"] == "M2" and m["body_id"] == "MC":
                    m["role"] = "chair"

        with pytest.raises(ValueError, match="two chairs at once"):
            composition("urban", "MC", edit)

    def test_no_chair_is_denied(self) -> None:
        """设主任一人: a committee without a chair fails the chair rule."""

        def edit(c: dict[str, Any]) -> None:
            for m in c["memberships"]:
                if m["person_id"] == "M1" and m["body_id"] == "MC":
                    m["role"] = "member"

        d = evaluate(composition("urban", "MC", edit), CN)
        assert failed(d) == {"mediation-committee.chair"}


class TestOwnersCommittee:
    """The 2009 guidance is secondary-sourced: its rules only warn."""

    def test_even_number_warns_only(self) -> None:
        """Six members: a warning (odd number), never a denial."""

        def edit(c: dict[str, Any]) -> None:
            c["memberships"] = [m for m in c["memberships"] if m["person_id"] != "O7"]

        d = evaluate(composition("urban", "OC", edit), CN)
        assert [f.rule for f in d.warnings] == ["owners-committee.odd"]
        assert not d.denials
        assert d.verdict == "indeterminate"

    def test_nothing_binding_judges_an_owners_committee(self) -> None:
        """Every owners' committee rule only warns: even a committee that meets them all is
        indeterminate (uncovered), not allowed — advisory rules grant no permission."""
        d = evaluate(composition("urban", "OC"), CN)
        assert {f.rule: f.status for f in d.findings if f.rule.startswith("owners-")} == {
            "owners-committee.size": "passed",
            "owners-committee.odd": "passed",
            "owners-committee.term": "passed",
        }
        assert d.verdict == "indeterminate"
        assert d.coverage.uncovered is not None

    def test_citation_says_it_is_secondary(self) -> None:
        """Every owners' committee rule cites the guidance as secondary, with a note."""
        for rule in ("owners-committee.size", "owners-committee.odd", "owners-committee.term"):
            (c,) = CN.rule(rule).citations
            assert c.confidence == "secondary"
            assert "secondary" in c.note


class TestNingxiaGrids:
    """Ningxia 2017 §二(四): 1–2 grid workers, the group leader or a resident two-committee
    member; §二(二): the station head is the party secretary or the committee chair."""

    def test_examples_comply(self) -> None:
        """The example grid and service station comply."""
        assert evaluate(composition("village", "GR1"), NINGXIA).verdict == "allowed"
        assert evaluate(composition("village", "ST"), NINGXIA).verdict == "allowed"

    @pytest.mark.parametrize(("workers", "expected"), [(0, "failed"), (1, "passed"), (3, "failed")])
    def test_grid_worker_count(self, workers: int, expected: str) -> None:
        """0 and 3 grid workers fail; 1 passes."""

        def edit(c: dict[str, Any]) -> None:
            c["memberships"] = [m for m in c["memberships"] if m["body_id"] != "GR1"]
            for pid in ["L1", "V1", "V2"][:workers]:
                c["memberships"].append(
                    {
                        "person_id": pid,
                        "body_id": "GR1",
                        "role": "grid_worker",
                        "term_start": "2021-06-01",
                    }
                )

        d = evaluate(composition("village", "GR1", edit), NINGXIA)
        assert status(d, "grid.workers") == expected

    def test_committee_member_living_elsewhere_is_ineligible(self) -> None:
        """V3 sits on the village committee but lives in another group: ineligible."""

        def edit(c: dict[str, Any]) -> None:
            for m in c["memberships"]:
                if m["body_id"] == "GR1" and m["person_id"] == "V2":
                    m["person_id"] = "V3"

        f = evaluate(composition("village", "GR1", edit), NINGXIA).finding(
            "grid.worker-eligibility"
        )
        assert f.status == "failed"
        assert f.evidence["ineligible"] == ["V3"]

    def test_station_head_must_be_secretary_or_chair(self) -> None:
        """A committee member (not its chair) heading the station fails."""

        def edit(c: dict[str, Any]) -> None:
            for m in c["memberships"]:
                if m["body_id"] == "ST":
                    m["role"] = "member" if m["person_id"] == "P1" else "chair"

        d = evaluate(composition("village", "ST", edit), NINGXIA)
        assert failed(d) == {"service-station.head"}

    def test_grid_rules_not_in_the_national_rulebook(self) -> None:
        """Grids are Ningxia's: the national rulebook has no grid rule."""
        assert not [r for r in CN.effective_rules if r.id.startswith("grid.")]
