"""Members of a committee and representatives hold their seat only if they could stand: 18 or
older when their term began, holding political rights (urban 2018 Art. 8(2), urban 2025
Art. 16(1); village 2018 Art. 13(1), 2025 Art. 16(1))."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from pydantic import ValidationError

from community_governance import BodyComposition, evaluate, get_rulebook

from ._support import example_data

CN = get_rulebook("cn")
AFTER, BEFORE = dt.date(2026, 3, 2), dt.date(2025, 6, 1)


def body(example: str, body_id: str, **persons: dict[str, Any]) -> BodyComposition:
    """An example composition of ``body_id`` with ``persons`` (id -> fields) edited; a field
    set to ``None`` is removed."""
    data = example_data(f"bodies/{example}.json")
    data["body_id"] = body_id
    for p in data["community"]["persons"]:  # type: ignore[index]
        for key, value in persons.get(p["id"], {}).items():
            if value is None:
                p.pop(key, None)
            else:
                p[key] = value
    return BodyComposition.model_validate_json(json.dumps(data, ensure_ascii=False))


class TestResidentsCommittee:
    """«年满十八周岁的…居民…都有选举权和被选举权；但是，依照法律被剥夺政治权利的人除外»."""

    @pytest.mark.parametrize(
        ("at", "locator", "source"),
        [
            (BEFORE, "第八条第二款", "城市居民委员会组织法(2018-12-29)"),
            (AFTER, "第十六条第一款", "城市居民委员会组织法(2025-10-28)"),
        ],
    )
    def test_a_member_born_in_2015_is_denied(self, at: dt.date, locator: str, source: str) -> None:
        """C3, born 2015, was 6 when the 2021 term began: denied, citing the text in force on
        the day (2018 Art. 8(2) before 2026, 2025 Art. 16(1) after) and not the other."""
        d = evaluate(body("urban", "RC", C3={"birth_date": "2015-01-01"}), CN, at)
        f = d.finding("residents-committee.member-eligibility")
        assert (d.verdict, f.status) == ("denied", "failed")
        assert "C3 is 6, under 18" in f.message_en
        assert {(c.source, c.locator) for c in f.citations} == {(source, locator)}

    def test_a_member_born_after_the_term_began_is_refused(self) -> None:
        """Born in 2030 on a committee of 2021: no seat before birth, an input error."""
        with pytest.raises(ValidationError, match="is before 'C3' was born on 2030-01-01"):
            body("urban", "RC", C3={"birth_date": "2030-01-01"})

    def test_a_deprived_member_is_denied(self) -> None:
        """依照法律被剥夺政治权利的人除外: C2 holds no seat."""
        d = evaluate(body("urban", "RC", C2={"political_rights_deprived": True}), CN)
        f = d.finding("residents-committee.member-eligibility")
        assert f.status == "failed"
        assert "C2 is deprived of political rights" in f.message_en

    def test_a_member_without_a_birth_date_is_indeterminate(self) -> None:
        """C5's age is not recorded: indeterminate, naming C5."""
        d = evaluate(body("urban", "RC", C5={"birth_date": None}), CN)
        f = d.finding("residents-committee.member-eligibility")
        assert (d.verdict, f.status) == ("indeterminate", "indeterminate")
        assert "C5" in f.message_en

    def test_the_example_committee_passes(self) -> None:
        """Five adults holding political rights."""
        f = evaluate(body("urban", "RC"), CN).finding("residents-committee.member-eligibility")
        assert f.status == "passed"


class TestVillageCommittee:
    """Village 2018 Art. 13(1) / 2025 Art. 16(1)."""

    def test_a_member_aged_eleven_is_denied(self) -> None:
        """V2, born 2012, was 9 when the term began: denied."""
        s = body("village", "VC", V2={"birth_date": "2012-01-01"})
        f = evaluate(s, CN).finding("village-committee.member-eligibility")
        assert f.status == "failed"
        assert [c.locator for c in f.citations] == ["第十六条第一款"]


class TestRepresentatives:
    """Representatives elect the committee or decide for the assembly of residents aged 18
    and over (居民会议由本社区十八周岁以上的居民组成): they hold the vote."""

    def test_a_deprived_representative_is_denied(self) -> None:
        """R01, deprived of political rights, holds no representative's seat."""
        d = evaluate(body("urban", "RA", R01={"political_rights_deprived": True}), CN)
        f = d.finding("representatives-assembly.representative-eligibility")
        assert (d.verdict, f.status) == ("denied", "failed")

    def test_a_village_representative_aged_fifteen_is_denied(self) -> None:
        """«村民会议由本村十八周岁以上的村民组成»: R03, born 2006, was 15 at the term's start."""
        s = body("village", "VA", R03={"birth_date": "2006-01-01"})
        f = evaluate(s, CN).finding("village-representatives.representative-eligibility")
        assert f.status == "failed"
        assert "R03 is 15, under 18" in f.message_en
