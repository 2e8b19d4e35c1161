"""Every quorum and majority at its boundary (n−1, n, n+1), for many bases, by Hypothesis."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_governance import evaluate, get_rulebook
from community_governance.models import Meeting
from community_governance.strategies import meetings, quorum_meetings, tally_meetings

CN = get_rulebook("cn")
OLD = st.dates(dt.date(2019, 1, 1), dt.date(2025, 12, 31))
NEW = st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31))
AFTER_CODE = st.dates(dt.date(2021, 1, 1), dt.date(2030, 12, 31))
COLLECTIVE = st.dates(dt.date(2025, 5, 1), dt.date(2030, 12, 31))
#: 物业管理条例 (2018-03-19 text) Art. 12, before the Civil Code.
REGULATION = st.dates(dt.date(2018, 3, 19), dt.date(2020, 12, 31))

#: (body, community kind, attendance base, measure, dates) of every quorum rule.
QUORUMS = [
    ("residents_assembly", "urban", "adults", "heads", OLD),
    ("residents_assembly", "urban", "households", "heads", OLD),
    ("residents_assembly", "urban", "members", "heads", OLD),
    ("residents_assembly", "urban", "adults", "heads", NEW),
    ("residents_assembly", "urban", "households", "heads", NEW),
    ("representatives_assembly", "urban", "members", "heads", NEW),
    ("representatives_assembly", "village_to_residence", "members", "heads", NEW),
    ("villagers_assembly", "rural", "adults", "heads", OLD),
    ("villagers_assembly", "rural", "households", "heads", NEW),
    ("representatives_assembly", "rural", "members", "heads", OLD),
    ("representatives_assembly", "rural", "members", "heads", NEW),
    ("villager_group", "rural", "adults", "heads", OLD),
    ("villager_group", "rural", "households", "heads", NEW),
    ("owners_assembly", None, "owners", "heads", AFTER_CODE),
    ("owners_assembly", None, "owners", "area", AFTER_CODE),
    ("owners_assembly", None, "owners", "heads", REGULATION),
    ("owners_assembly", None, "owners", "area", REGULATION),
    ("collective_members_assembly", None, "members", "heads", COLLECTIVE),
]
#: (body, community kind, attendance base, matter, measure, dates) of every majority rule.
MAJORITIES = [
    ("residents_assembly", "urban", "households", "general", "heads", OLD),
    ("residents_assembly", "urban", "adults", "general", "heads", NEW),
    ("representatives_assembly", "urban", "members", "general", "heads", NEW),
    ("villagers_assembly", "rural", "households", "general", "heads", NEW),
    ("representatives_assembly", "rural", "members", "general", "heads", OLD),
    ("villager_group", "rural", "adults", "general", "heads", NEW),
    ("owners_assembly", None, "owners", "general", "heads", AFTER_CODE),
    ("owners_assembly", None, "owners", "general", "area", AFTER_CODE),
    ("owners_assembly", None, "owners", "raise_maintenance_fund", "heads", AFTER_CODE),
    ("owners_assembly", None, "owners", "rebuild", "area", AFTER_CODE),
    ("owners_assembly", None, "owners", "change_common_use", "heads", AFTER_CODE),
    ("owners_assembly", None, "owners", "general", "heads", REGULATION),
    ("owners_assembly", None, "owners", "use_maintenance_fund", "area", REGULATION),
    ("owners_assembly", None, "owners", "rebuild", "heads", REGULATION),
    ("villagers_assembly", "rural", "adults", "land_contracting", "heads", OLD),
    ("villagers_assembly", "rural", "adults", "land_contracting", "heads", NEW),
    ("collective_members_assembly", None, "members", "general", "heads", COLLECTIVE),
    ("collective_representatives_assembly", None, "members", "general", "heads", COLLECTIVE),
]


def _ids(rows: list[tuple[object, ...]]) -> list[str]:
    return [f"{r[0]}-{r[1]}-{r[2]}-{r[-2]}-{i}" for i, r in enumerate(rows)]


class TestQuorumBoundaries:
    """n−1 fails, n and n+1 pass, for every meeting type and base."""

    @pytest.mark.parametrize(("body", "kind", "base", "measure", "on"), QUORUMS, ids=_ids(QUORUMS))
    @pytest.mark.parametrize("distance", [-1, 0, 1])
    def test_quorum_boundary(
        self,
        body: str,
        kind: str | None,
        base: str,
        measure: str,
        on: st.SearchStrategy[dt.date],
        distance: int,
    ) -> None:
        """The quorum passes exactly from its least quorate attendance."""

        @given(
            quorum_meetings(
                body=body,  # type: ignore[arg-type]
                community_kind=kind,  # type: ignore[arg-type]
                constituted_by=base,  # type: ignore[arg-type]
                measure=measure,  # type: ignore[arg-type]
                at=on,
                distance=distance,
            )
        )
        def check(m: Meeting) -> None:
            status = evaluate(m, CN).finding("meeting.quorum").status
            assert status == ("failed" if distance < 0 else "passed")

        check()


class TestMajorityBoundaries:
    """A motion recorded as adopted is lawful exactly from its least adopting tally."""

    @pytest.mark.parametrize(
        ("body", "kind", "base", "matter", "measure", "on"), MAJORITIES, ids=_ids(MAJORITIES)
    )
    @pytest.mark.parametrize("distance", [-1, 0, 1])
    def test_majority_boundary(
        self,
        body: str,
        kind: str | None,
        base: str,
        matter: str,
        measure: str,
        on: st.SearchStrategy[dt.date],
        distance: int,
    ) -> None:
        """n−1 votes for is not adopted; n and n+1 are."""

        @given(
            tally_meetings(
                body=body,  # type: ignore[arg-type]
                community_kind=kind,  # type: ignore[arg-type]
                constituted_by=base,  # type: ignore[arg-type]
                matter=matter,  # type: ignore[arg-type]
                measure=measure,  # type: ignore[arg-type]
                at=on,
                distance=distance,
            )
        )
        def check(m: Meeting) -> None:
            d = evaluate(m, CN)
            assert d.finding("meeting.majority").status == ("failed" if distance < 0 else "passed")
            computed = d.finding("meeting.majority").evidence["motions"][0]["computed"]
            assert computed == ("rejected" if distance < 0 else "adopted")

        check()


class TestMeetingStrategies:
    """The registered strategy draws valid records that always get a verdict."""

    @given(st.from_type(Meeting))
    def test_from_type_draws_meetings(self, m: Meeting) -> None:
        """st.from_type(Meeting) draws residents' assemblies near the boundaries."""
        assert evaluate(m, CN).verdict in ("allowed", "denied")

    @given(meetings(body="villagers_assembly", at=NEW))
    def test_evaluation_is_deterministic(self, m: Meeting) -> None:
        """The same record gives byte-identical Decisions."""
        assert evaluate(m, CN).to_json() == evaluate(m, CN).to_json()


def _with(m: Meeting, **changes: object) -> Meeting:
    """The record ``m`` with ``changes``, validated again."""
    return Meeting.model_validate({**m.model_dump(), **changes})


class TestPlantedContradictions:
    """A meeting record anywhere near its boundaries, with one planted fact a rule rests on
    contradicted or unknowable, is never `allowed` (issue #9: never a false allowed)."""

    @given(meetings(), st.integers(1, 500), st.data())
    def test_a_request_base_that_contradicts_entitled(
        self, m: Meeting, off: int, data: st.DataObject
    ) -> None:
        """requested_by.of ≠ entitled of the same base: indeterminate, never allowed."""
        of = m.entitled + off
        count = data.draw(st.integers(0, of))
        planted = _with(m, requested_by={"count": count, "base": "households", "of": of})
        d = evaluate(planted, CN)
        assert d.finding("meeting.request").status == "indeterminate"
        assert d.verdict != "allowed"

    @given(meetings())
    def test_a_residents_assembly_in_a_rural_community(self, m: Meeting) -> None:
        """居民会议 recorded in a village: denied by meeting.assembly-community."""
        d = evaluate(_with(m, community_kind="rural"), CN)
        assert d.finding("meeting.assembly-community").status == "failed"
        assert d.verdict == "denied"

    @given(
        tally_meetings(
            body="villagers_assembly", community_kind="rural", distance=st.integers(-3, 3)
        )
    )
    def test_land_contracting_of_household_representatives(self, m: Meeting) -> None:
        """A land-contracting plan of an assembly counted by households: the members the
        other law counts are not in the record — never allowed."""
        motion = {**m.motions[0].model_dump(), "matter": "land_contracting"}
        d = evaluate(_with(m, motions=[motion]), CN)
        assert d.verdict != "allowed"

    @given(
        tally_meetings(body="villager_group", community_kind="rural", distance=st.integers(-3, 3)),
        st.sampled_from(["land_contracting", "public_welfare", "collective_income_use"]),
    )
    def test_a_villager_group_on_property_it_may_not_own(self, m: Meeting, matter: str) -> None:
        """Whose land or property a group decides is not in the record: never allowed."""
        motion = {**m.motions[0].model_dump(), "matter": matter}
        d = evaluate(_with(m, motions=[motion]), CN)
        assert d.finding("meeting.villagers-assembly-matters").status == "indeterminate"
        assert d.verdict != "allowed"
