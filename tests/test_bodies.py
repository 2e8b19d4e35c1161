"""Composition rules of residents' committees, supervision committees and representatives'
assemblies (urban), checked as of a date."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import BodyComposition, Decision, evaluate, get_rulebook
from community_governance.strategies import (
    bodies_near_size_limit,
    body_compositions,
    representatives_assemblies,
)

from ._support import example_data

CN = get_rulebook("cn")
NINGXIA = get_rulebook("cn.ningxia")
AFTER, BEFORE = dt.date(2026, 3, 2), dt.date(2025, 6, 1)


def check(name: str, body_id: str = "RC", at: dt.date | None = None, book: Any = CN) -> Decision:
    """Evaluate an example composition (``examples/bodies/<name>.json``) for ``body_id``."""
    data = example_data(f"bodies/{name}.json")
    data["body_id"] = body_id
    s = BodyComposition.model_validate_json(json.dumps(data, ensure_ascii=False))
    return evaluate(s, book, at)


def failed(d: Decision) -> set[str]:
    return {f.rule for f in d.findings if f.status == "failed"}


def edited(name: str, edit: Any, body_id: str = "RC") -> BodyComposition:
    """An example composition changed by ``edit(community_dict)``."""
    data = example_data(f"bodies/{name}.json")
    data["body_id"] = body_id
    edit(data["community"])
    return BodyComposition.model_validate_json(json.dumps(data, ensure_ascii=False))


class TestResidentsCommittee:
    """5–9 members; from 2026 a woman and no close relatives (urban law 2025 Art. 8)."""

    def test_example_complies(self) -> None:
        """The example committee of five, two women, complies on its date."""
        assert check("urban").verdict == "allowed"

    @pytest.mark.parametrize(
        ("name", "rule"),
        [
            ("residents-committee-4", "residents-committee.size"),
            ("residents-committee-10", "residents-committee.size"),
            ("residents-committee-no-woman", "residents-committee.woman"),
            ("residents-committee-relatives", "residents-committee.close-relative-exclusion"),
        ],
    )
    def test_each_defect_is_denied_by_its_own_rule(self, name: str, rule: str) -> None:
        """4 members, 10 members, no woman, two spouses: each denied by exactly one rule."""
        d = check(name)
        assert d.verdict == "denied"
        assert failed(d) == {rule}

    def test_no_woman_before_2026_is_not_denied_by_the_woman_rule(self) -> None:
        """The 2018 text had no woman requirement: on 2025-06-01 the rule is not in force (not
        a finding), and the size rule of the 2018 text judges the committee lawful."""
        d = check("residents-committee-no-woman", at=BEFORE)
        assert "residents-committee.woman" not in d.statuses()
        assert "residents-committee.woman" in d.coverage.not_in_force
        assert d.finding("residents-committee.size").status == "passed"
        assert d.verdict == "allowed"

    def test_relatives_before_2026_are_not_denied(self) -> None:
        """Close-relative exclusion starts with the 2025 revision: not in force before."""
        d = check("residents-committee-relatives", at=BEFORE)
        assert "residents-committee.close-relative-exclusion" in d.coverage.not_in_force
        assert d.verdict == "allowed"

    def test_only_committee_rules_are_findings(self) -> None:
        """Scope selects the rules: a residents' committee's Decision lists no rule of another
        body (mediation, village, owners…); those are only counted as out of scope."""
        d = check("urban")
        facts = ("residents_committee", "urban")
        assert all(CN.rule(f.rule).scope.matches(facts) is True for f in d.findings)
        for other in ("mediation-committee.size", "village-committee.size", "owners-committee.odd"):
            assert other not in d.statuses()
        assert d.coverage.out_of_scope > 0

    def test_the_denial_names_the_relatives(self) -> None:
        """The finding says who is related, in both languages."""
        f = check("residents-committee-relatives").finding(
            "residents-committee.close-relative-exclusion"
        )
        assert f.evidence["close_relative_pairs"] == [["C1", "C2"]]
        assert "C1与C2" in f.message_zh
        assert "C1 and C2" in f.message_en

    @given(bodies_near_size_limit(side="min", distance=st.integers(-3, -1)))
    def test_fewer_than_five_is_denied(self, s: BodyComposition) -> None:
        """Below the minimum (n−1 and less) the size rule fails."""
        assert evaluate(s, CN).finding("residents-committee.size").status == "failed"

    @given(bodies_near_size_limit(side="min", distance=st.integers(0, 1)))
    def test_five_and_six_pass(self, s: BodyComposition) -> None:
        """At the minimum (inclusive, 以上) and one above, the size rule passes."""
        assert evaluate(s, CN).finding("residents-committee.size").status == "passed"

    @given(bodies_near_size_limit(side="max", distance=st.integers(-1, 0)))
    def test_eight_and_nine_pass(self, s: BodyComposition) -> None:
        """At the maximum and one below, the size rule passes."""
        assert evaluate(s, CN).finding("residents-committee.size").status == "passed"

    @given(bodies_near_size_limit(side="max", distance=st.integers(1, 3)))
    def test_more_than_nine_is_denied(self, s: BodyComposition) -> None:
        """One member over the maximum fails."""
        assert evaluate(s, CN).finding("residents-committee.size").status == "failed"

    @given(body_compositions(community_kind="village_to_residence", as_of=st.just(AFTER)))
    def test_the_urban_law_governs_a_village_turned_residential(self, s: BodyComposition) -> None:
        """村改居: a residents' committee of a village turned residential community is judged
        by the urban law's rules, as in a city."""
        statuses = evaluate(s, CN).statuses()
        assert statuses["residents-committee.size"] == (
            "passed" if 5 <= len(s.members()) <= 9 else "failed"
        )
        assert "residents-committee.woman" in statuses

    def test_a_rural_community_has_no_residents_committee(self) -> None:
        """居民委员会 is the urban law's body (设立居民委员会的区域称为社区): a rural community
        recording one is refused, naming the body, rather than judged by nothing."""

        def edit(c: dict[str, Any]) -> None:
            c["kind"] = "rural"

        with pytest.raises(ValidationError, match=r"bodies\[0\]\.kind: a 'residents_committee'"):
            edited("urban", edit)

    @given(
        bodies_near_size_limit(side="min", distance=st.integers(-1, 1), at=dt.date(2025, 12, 31))
    )
    def test_same_limits_under_the_2018_text(self, s: BodyComposition) -> None:
        """Art. 7 of the 2018 text sets the same 5–9, cited as its own version."""
        f = evaluate(s, CN).finding("residents-committee.size")
        assert f.status == ("passed" if len(s.members()) >= 5 else "failed")
        assert any(c.source == "城市居民委员会组织法(2018-12-29)" for c in f.citations)


def _committee_with_term(start: dt.date, end: dt.date, as_of: dt.date) -> BodyComposition:
    """Five members (two women) of a residents' committee; C5 serves ``start``–``end``."""
    persons = [{"id": f"C{i}", "gender": "female" if i < 3 else "male"} for i in range(1, 6)]
    members = [
        {"person_id": f"C{i}", "body_id": "RC", "role": "chair" if i == 1 else "member"}
        | {"term_start": start.isoformat(), "term_end": end.isoformat()}
        for i in range(1, 6)
    ]
    data = {
        "community": {
            "id": "c",
            "name": "社区",
            "kind": "urban",
            "persons": persons,
            "bodies": [{"id": "RC", "kind": "residents_committee"}],
            "memberships": members,
        },
        "body_id": "RC",
        "as_of": as_of.isoformat(),
    }
    return BodyComposition.model_validate_json(json.dumps(data))


class TestResidentsCommitteeTerm:
    """居民委员会每届任期五年: 2018 text Art. 8, 2025 text Art. 14(2)."""

    @given(
        st.dates(dt.date(2019, 1, 1), dt.date(2035, 12, 31)).filter(
            lambda d: (d.month, d.day) != (2, 29)
        ),
        st.sampled_from([-1, 0, 1]),
    )
    def test_five_years_to_the_day_is_the_limit(self, start: dt.date, offset: int) -> None:
        """A term ending (exclusive) a day before, on, or a day after the fifth anniversary:
        passes, passes, fails — whatever the start date and whichever text is in force."""
        end = start.replace(year=start.year + 5) + dt.timedelta(days=offset)
        f = evaluate(_committee_with_term(start, end, start), CN).finding(
            "residents-committee.term"
        )
        assert f.status == ("passed" if offset <= 0 else "failed")

    @pytest.mark.parametrize(
        ("at", "source", "locator"),
        [
            (dt.date(2025, 12, 31), "城市居民委员会组织法(2018-12-29)", "第八条"),
            (dt.date(2026, 1, 1), "城市居民委员会组织法(2025-10-28)", "第十四条第二款"),
        ],
    )
    def test_cites_the_text_in_force(self, at: dt.date, source: str, locator: str) -> None:
        """The finding cites the 2018 Art. 8 up to 2025-12-31 and the 2025 Art. 14(2) from
        2026-01-01, and only that one."""
        s = _committee_with_term(dt.date(2021, 6, 1), dt.date(2026, 6, 1), at)
        f = evaluate(s, CN).finding("residents-committee.term")
        assert [(c.source, c.locator) for c in f.citations] == [(source, locator)]

    def test_not_in_force_before_the_2018_amendment(self) -> None:
        """The rule starts with the 2018 text (2018-12-29); the day before it is not in force."""
        s = _committee_with_term(dt.date(2014, 6, 1), dt.date(2019, 6, 1), dt.date(2018, 12, 28))
        assert "residents-committee.term" in evaluate(s, CN).coverage.not_in_force
        s = s.model_copy(update={"as_of": dt.date(2018, 12, 29)})
        assert evaluate(s, CN).finding("residents-committee.term").status == "passed"


class TestCrossAppointment:
    """交叉任职 is a permission: reported, never flagged."""

    @given(body_compositions(as_of=st.just(AFTER)))
    def test_never_fails(self, s: BodyComposition) -> None:
        """Whatever the committee's composition, the permission passes."""
        f = evaluate(s, CN).finding("residents-committee.cross-appointment")
        assert f.status == "passed"
        assert f.kind == "permission"

    def test_lists_who_holds_both_posts(self) -> None:
        """The chair who is also party secretary is named as cross-appointed."""
        f = check("urban").finding("residents-committee.cross-appointment")
        assert f.status == "passed"
        assert f.evidence["cross_appointed"] == ["C1"]


class TestSupervisionCommittee:
    """Urban 2025 Art. 36: required, no committee members or relatives, same term."""

    def test_example_complies(self) -> None:
        """The example supervision committee passes, nationally and in Ningxia."""
        assert check("urban", "SC").verdict == "allowed"
        assert check("urban", "SC", book=NINGXIA).verdict == "allowed"

    def test_a_committee_member_may_not_serve(self) -> None:
        """A residents' committee member on the supervision committee is denied."""

        def edit(c: dict[str, Any]) -> None:
            c["memberships"].append(
                {"person_id": "C3", "body_id": "SC", "role": "member", "term_start": "2021-06-01"}
            )

        d = evaluate(edited("urban", edit, "SC"), CN)
        assert failed(d) == {"supervision-committee.exclusion"}
        assert d.finding("supervision-committee.exclusion").evidence["committee_members"] == ["C3"]

    def test_a_close_relative_may_not_serve(self) -> None:
        """A committee member's child on the supervision committee is denied."""

        def edit(c: dict[str, Any]) -> None:
            c["persons"][5]["relatives"] = [{"person_id": "C2", "relation": "parent"}]

        d = evaluate(edited("urban", edit, "SC"), CN)
        assert failed(d) == {"supervision-committee.exclusion"}
        assert d.finding("supervision-committee.exclusion").evidence["close_relatives"] == [
            ["S1", "C2"]
        ]

    def test_exclusion_starts_in_2026(self) -> None:
        """Before 2026 no national rule judges a supervision committee: the exclusion is not in
        force, so the verdict is indeterminate (uncovered), never a false allowed."""

        def edit(c: dict[str, Any]) -> None:
            c["persons"][5]["relatives"] = [{"person_id": "C2", "relation": "parent"}]

        d = evaluate(edited("urban", edit, "SC"), CN, BEFORE)
        assert "supervision-committee.exclusion" in d.coverage.not_in_force
        assert d.verdict == "indeterminate"
        assert d.coverage.uncovered is not None

    def test_different_term_is_denied(self) -> None:
        """A supervision committee elected for another term than the committee's fails."""

        def edit(c: dict[str, Any]) -> None:
            c["bodies"][2]["term_end"] = "2027-06-01"

        assert failed(evaluate(edited("urban", edit, "SC"), CN)) == {"supervision-committee.term"}

    def test_unrecorded_term_is_indeterminate(self) -> None:
        """Without the terms the rule cannot decide and names the field."""

        def edit(c: dict[str, Any]) -> None:
            del c["bodies"][2]["term_end"]

        d = evaluate(edited("urban", edit, "SC"), CN)
        assert d.verdict == "indeterminate"
        assert d.finding("supervision-committee.term").evidence["missing"].endswith("term_end")

    def test_community_without_one_is_indeterminate(self) -> None:
        """No supervision committee recorded: reported as missing, never a silent pass."""

        def edit(c: dict[str, Any]) -> None:
            c["bodies"] = [b for b in c["bodies"] if b["id"] != "SC"]
            c["memberships"] = [m for m in c["memberships"] if m["body_id"] != "SC"]

        d = evaluate(edited("urban", edit), CN)
        assert d.finding("supervision-committee.required").status == "indeterminate"
        assert d.finding("supervision-committee.required").evidence["missing"] == (
            "community.bodies"
        )


def _assembly(reps: int, committee: int, households: int = 700) -> BodyComposition:
    born = "1980-05-01"
    persons = [{"id": f"R{i}", "gender": "female", "birth_date": born} for i in range(reps)]
    persons += [{"id": f"C{i}", "gender": "female", "birth_date": born} for i in range(committee)]
    start = "2021-06-01"
    memberships = [
        {
            "person_id": f"R{i}",
            "body_id": "RA",
            "role": "representative",
            "term_start": start,
            "constituency": {"kind": "building", "name": f"{i + 1}号楼"},
        }
        for i in range(reps)
    ] + [
        {"person_id": f"C{i}", "body_id": "RC", "role": "member", "term_start": start}
        for i in range(committee)
    ]
    data = {
        "community": {
            "id": "c",
            "name": "社区",
            "kind": "urban",
            "households": [{"id": f"H{i}"} for i in range(households)],
            "persons": persons,
            "bodies": [
                {"id": "RC", "kind": "residents_committee", "term_end": "2026-06-01"},
                {"id": "RA", "kind": "representatives_assembly", "term_end": "2026-06-01"},
            ],
            "memberships": memberships,
        },
        "body_id": "RA",
        "as_of": "2026-03-02",
    }
    return BodyComposition.model_validate_json(json.dumps(data))


class TestRepresentativesAssembly:
    """Urban 2025 Art. 28 and 13: representatives ≥ 4/5; one per 20–50 households (一般)."""

    @given(st.integers(0, 60), st.integers(0, 12))
    def test_share_boundary(self, reps: int, committee: int) -> None:
        """Passes exactly when 5 × representatives ≥ 4 × (representatives + committee)."""
        if reps + committee == 0:
            return
        f = evaluate(_assembly(reps, committee), CN).finding(
            "representatives-assembly.representative-share"
        )
        assert (f.status == "passed") == (5 * reps >= 4 * (reps + committee))

    def test_exactly_four_fifths_passes(self) -> None:
        """20 representatives and 5 committee members: exactly 4/5, and 以上 is inclusive."""
        f = evaluate(_assembly(20, 5), CN).finding("representatives-assembly.representative-share")
        assert f.status == "passed"
        assert evaluate(_assembly(19, 5), CN).finding(
            "representatives-assembly.representative-share"
        ).status == ("failed")

    @pytest.mark.parametrize(("households", "status"), [(399, "failed"), (400, "passed")])
    def test_households_per_representative_only_warns(self, households: int, status: str) -> None:
        """20 representatives need 400–1000 households; outside, a warning, not a denial."""
        d = evaluate(_assembly(20, 5, households), CN)
        assert d.finding("representatives-assembly.households").status == status
        assert d.verdict == "allowed"

    def test_ningxia_minimum_of_thirty_warns(self) -> None:
        """Ningxia's 原则上不少于30人 is advisory: 20 representatives warn, never deny."""
        d = evaluate(_assembly(20, 5), NINGXIA)
        assert d.finding("representatives-assembly.minimum").status == "failed"
        assert d.verdict == "allowed"
        assert len(d.warnings) == 1

    def test_ningxia_ties_terms_since_2017(self) -> None:
        """Ningxia replaces the national term rule with its own, in force from 2017; the
        national rule is not in force before 2026."""
        assert (
            check("urban", "RA", BEFORE, NINGXIA).finding("representatives-assembly.term").status
            == "passed"
        )
        national = check("urban", "RA", BEFORE, CN)
        assert "representatives-assembly.term" in national.coverage.not_in_force
        assert national.verdict == "indeterminate"


class TestNingxiaConstituency:
    """Ningxia seed 003 §二(五): representatives are chosen per compound (居民小区) or building
    (楼宇)."""

    def test_example_assembly_complies(self) -> None:
        """The example's 30 representatives, chosen by four compounds and five buildings, pass."""
        f = check("urban", "RA", book=NINGXIA).finding("representatives-assembly.constituency")
        assert f.status == "passed"
        assert f.evidence["representatives"] == 30

    def test_a_representative_without_one_is_named(self) -> None:
        """One representative without a constituency: denied, and the finding names them."""

        def edit(c: dict[str, Any]) -> None:
            for m in c["memberships"]:
                if m["person_id"] == "R07" and m["body_id"] == "RA":
                    del m["constituency"]

        d = evaluate(edited("urban", edit, "RA"), NINGXIA)
        f = d.finding("representatives-assembly.constituency")
        assert (d.verdict, f.status) == ("denied", "failed")
        assert f.evidence["unrecorded"] == ["R07"]
        assert "R07" in f.message_zh
        assert "no constituency recorded: R07" in f.message_en

    def test_a_group_is_not_a_compound_or_building(self) -> None:
        """Before 2026 a representative chosen by a residents' group (居民小组) is named as
        chosen otherwise (from 2026 national law prevails: tests/test_constituency_2026.py)."""

        def edit(c: dict[str, Any]) -> None:
            for m in c["memberships"]:
                if m["person_id"] == "R02" and m["body_id"] == "RA":
                    m["constituency"] = {"kind": "group", "name": "第二居民小组"}

        f = evaluate(edited("urban", edit, "RA"), NINGXIA, BEFORE).finding(
            "representatives-assembly.constituency"
        )
        assert f.status == "failed"
        assert f.evidence["other_constituency"] == ["R02"]
        assert "R02 (group)" in f.message_en

    def test_nothing_recorded_is_indeterminate(self) -> None:
        """No representative has a constituency recorded: missing data, not a denial."""
        d = evaluate(self._assembly_without_constituencies(), NINGXIA)
        f = d.finding("representatives-assembly.constituency")
        assert (d.verdict, f.status) == ("indeterminate", "indeterminate")
        assert f.evidence["missing"] == "community.memberships[].constituency"

    @staticmethod
    def _assembly_without_constituencies() -> BodyComposition:
        def edit(c: dict[str, Any]) -> None:
            for m in c["memberships"]:
                m.pop("constituency", None)

        return edited("urban", edit, "RA")

    @pytest.mark.parametrize("book", [CN, NINGXIA])
    def test_only_ningxia_and_only_urban(self, book: Any) -> None:
        """Not a national rule; in Ningxia its scope leaves out a rural village's assembly."""
        s = edited("village", lambda c: None, "VA")
        assert "representatives-assembly.constituency" not in evaluate(s, book).statuses()
        if book is NINGXIA:
            scope = NINGXIA.rule("representatives-assembly.constituency").scope
            assert scope.matches(s.facts()) is False
            assert scope.matches(("representatives_assembly", "urban")) is True

    @given(st.data())
    def test_how_many_lack_one(self, data: st.DataObject) -> None:
        """0 lacking passes; some lacking fails naming exactly them; all lacking is
        indeterminate — for any size of assembly."""
        n = data.draw(st.integers(1, 40))
        k = data.draw(st.sampled_from([0, 1, n - 1, n]) | st.integers(0, n))
        s = data.draw(representatives_assemblies(representatives=st.just(n), unrecorded=k))
        f = evaluate(s, NINGXIA).finding("representatives-assembly.constituency")
        lacking = {m.person_id for m in s.community.memberships if m.constituency is None}
        assert len(lacking) == k
        if k == 0:
            assert f.status == "passed"
        elif k == n:
            assert f.status == "indeterminate"
        else:
            assert f.status == "failed"
            assert set(f.evidence["unrecorded"]) == lacking
