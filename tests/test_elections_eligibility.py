"""People in an election's roles may act in them on the day: candidates stand (被选举权),
nominators and proxy holders are voters (D13), and residence or work periods are measured at
registration (D4)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from pydantic import ValidationError

from community_governance import Election, evaluate, get_rulebook

from ._support import example_data

CN = get_rulebook("cn")


def election(name: str, **persons: dict[str, Any]) -> Election:
    """An example election with ``persons`` (id -> fields) edited; a field set to ``None`` is
    removed."""
    data = example_data(f"elections/{name}.json")
    for p in data["community"]["persons"]:  # type: ignore[index]
        for key, value in persons.get(p["id"], {}).items():
            if value is None:
                p.pop(key, None)
            else:
                p[key] = value
    return Election.model_validate_json(json.dumps(data, ensure_ascii=False))


def edited(name: str, **fields: Any) -> Election:
    """An example election with top-level ``fields`` replaced."""
    data = example_data(f"elections/{name}.json")
    data.update(fields)
    return Election.model_validate_json(json.dumps(data, ensure_ascii=False))


class TestCandidates:
    """«年满十八周岁的居民…都有选举权和被选举权；但是，依照法律被剥夺政治权利的人除外»."""

    @pytest.mark.parametrize(
        ("fields", "reason"),
        [
            ({"birth_date": "2015-03-01"}, "C1 is 11, under 18"),
            ({"birth_date": "2008-05-21"}, "C1 is 17, under 18"),
            ({"political_rights_deprived": True}, "C1 is deprived of political rights"),
        ],
    )
    def test_an_ineligible_candidate_is_denied(self, fields: dict[str, Any], reason: str) -> None:
        """A candidate aged 11, one a day short of 18, or one deprived of political rights
        may not stand: denied citing Art. 16(1) (before: allowed and elected)."""
        d = evaluate(election("voters-election", C1=fields), CN)
        f = d.finding("election.candidate-eligibility")
        assert (d.verdict, f.status) == ("denied", "failed")
        assert reason in f.message_en
        assert f.citations[0].locator == "第十六条第一款"
        assert "被选举权" in f.citations[0].quote

    def test_eighteen_on_the_election_day_may_stand(self) -> None:
        """年满十八周岁: born 2008-05-20, 18 on the election day 2026-05-20, may stand."""
        d = evaluate(election("voters-election", C1={"birth_date": "2008-05-20"}), CN)
        assert d.finding("election.candidate-eligibility").status == "passed"

    def test_a_candidate_without_a_birth_date_is_indeterminate(self) -> None:
        """Whether C1 is 18 is not recorded: indeterminate, naming C1, never allowed."""
        d = evaluate(election("voters-election", C1={"birth_date": None}), CN)
        f = d.finding("election.candidate-eligibility")
        assert (d.verdict, f.status) == ("indeterminate", "indeterminate")
        assert "C1" in f.message_en

    def test_a_village_candidate_aged_eleven_is_denied_under_the_2018_text(self) -> None:
        """Village 2018 Art. 13(1) «年满十八周岁的村民…都有选举权和被选举权», cited on its
        own before 2026."""
        d = evaluate(election("village-election", V1={"birth_date": "2013-01-01"}), CN)
        f = d.finding("village-election.candidate-eligibility")
        assert f.status == "failed"
        assert [(c.source, c.locator) for c in f.citations if "被选举权" in c.quote] == [
            ("村民委员会组织法(2018-12-29)", "第十三条第一款")
        ]


class TestNominators:
    """D13: «十名以上选民联合提名推荐»: a nominator counts only as a voter."""

    def test_an_under_age_nominator_does_not_count(self) -> None:
        """R10, aged 16, is no voter: C1 and C2 have 9 nominating voters, fewer than 10."""
        d = evaluate(election("voters-election", R10={"birth_date": "2010-01-01"}), CN)
        f = d.finding("election.nomination")
        assert f.status == "failed"
        assert "9 nominating voters < 10 (not voters: R10)" in f.message_en

    def test_a_deprived_nominator_does_not_count(self) -> None:
        """R01, deprived of political rights (依照法律被剥夺政治权利的人除外), is no voter."""
        d = evaluate(election("voters-election", R01={"political_rights_deprived": True}), CN)
        assert d.finding("election.nomination").status == "failed"

    def test_an_eleventh_voter_makes_up_for_one_who_is_not(self) -> None:
        """Eleven nominators, one under age: ten voters remain, enough."""
        data = example_data("elections/voters-election.json")
        for c in data["candidates"]:  # type: ignore[union-attr]
            c["nominator_ids"] = [*c["nominator_ids"], "R11"]
        for p in data["community"]["persons"]:  # type: ignore[index]
            if p["id"] == "R10":
                p["birth_date"] = "2010-01-01"
        e = Election.model_validate_json(json.dumps(data, ensure_ascii=False))
        assert evaluate(e, CN).finding("election.nomination").status == "passed"

    def test_a_nominator_without_a_birth_date_is_indeterminate(self) -> None:
        """With exactly ten nominators, whether R10 is a voter decides: indeterminate."""
        d = evaluate(election("voters-election", R10={"birth_date": None}), CN)
        f = d.finding("election.nomination")
        assert f.status == "indeterminate"
        assert "R10" in f.message_en

    def test_a_nominator_off_the_list_is_refused(self) -> None:
        """A nominator who is not on the voter list (选民名单) is an input error."""
        data = example_data("elections/voters-election.json")
        data["candidates"][0]["nominator_ids"][0] = "S9"  # type: ignore[index]
        data["community"]["persons"].append({"id": "S9"})  # type: ignore[index]
        with pytest.raises(ValidationError, match=r"nominator_ids\[0\]: 'S9' is not on the"):
            Election.model_validate_json(json.dumps(data, ensure_ascii=False))


class TestProxyHolders:
    """D13: «书面委托本社区其他选民代为投票»: the holder is another voter."""

    def test_a_deprived_proxy_holder_is_denied(self) -> None:
        """R03 holds two proxies but is deprived of political rights: no voter, denied."""
        d = evaluate(election("voters-election", R03={"political_rights_deprived": True}), CN)
        f = d.finding("election.eligibility")
        assert (d.verdict, f.status) == ("denied", "failed")
        assert "R03: deprived of political rights" in f.message_en

    def test_a_proxy_holder_off_the_list_is_refused(self) -> None:
        """A proxy held by someone not on the voter list is an input error."""
        data = example_data("elections/voters-election.json")
        data["community"]["persons"].append({"id": "S9"})  # type: ignore[index]
        data["proxies"][0]["proxy_id"] = "S9"  # type: ignore[index]
        with pytest.raises(ValidationError, match=r"proxies\[0\]\.proxy_id: 'S9' is not on"):
            Election.model_validate_json(json.dumps(data, ensure_ascii=False))


class TestPeriodsAtRegistration:
    """D4: «在本社区工作六个月以上的社区工作者，本人申请参加选举的，由居民选举委员会确认并
    进行登记»: the period is met at registration, measured on the day the list is published."""

    def test_six_months_by_the_election_but_not_by_registration_is_denied(self) -> None:
        """K1 started on 2025-11-10: six months by the election day (2026-05-20), not by the
        list's publication (2026-04-25). Before: allowed."""
        d = evaluate(election("voters-election", K1={"community_worker_since": "2025-11-10"}), CN)
        f = d.finding("election.eligibility")
        assert (d.verdict, f.status) == ("denied", "failed")
        assert "K1: neither registered" in f.message_en

    def test_six_months_by_registration_passes(self) -> None:
        """K1 started on 2025-10-25: six months on the day the list was published."""
        e = election("voters-election", K1={"community_worker_since": "2025-10-25"})
        assert evaluate(e, CN).finding("election.eligibility").status == "passed"

    def test_without_the_publication_day_a_late_period_is_indeterminate(self) -> None:
        """The list's publication day is not recorded and K1's six months ended only shortly
        before the election: whether they were met at registration is unknown."""
        data = example_data("elections/voters-election.json")
        del data["voter_list_published_on"]
        for p in data["community"]["persons"]:  # type: ignore[index]
            if p["id"] == "K1":
                p["community_worker_since"] = "2025-11-10"
        e = Election.model_validate_json(json.dumps(data, ensure_ascii=False))
        f = evaluate(e, CN).finding("election.eligibility")
        assert f.status == "indeterminate"
        assert f.evidence["missing"] == "voter_list_published_on"

    def test_a_village_year_is_measured_at_registration(self) -> None:
        """Village 2018 Art. 13(2)(三) «在本村居住一年以上，本人申请参加选举»: a resident since
        2023-05-01 has a year by the election day (2024-05-20), not by the list (2024-04-20)."""
        data = example_data("elections/village-election.json")
        for p in data["community"]["persons"]:  # type: ignore[index]
            if p["id"] == "L1":
                p.update(registration="non_registered", resident_since="2023-05-01")
        data["admitted_ids"] = ["L1"]
        e = Election.model_validate_json(json.dumps(data, ensure_ascii=False))
        f = evaluate(e, CN).finding("village-election.eligibility")
        assert f.status == "failed"
        assert "L1: not registered" in f.message_en
        data["community"]["persons"][7]["resident_since"] = "2023-04-20"  # type: ignore[index]
        e = Election.model_validate_json(json.dumps(data, ensure_ascii=False))
        assert evaluate(e, CN).finding("village-election.eligibility").status == "passed"


def test_nothing_judges_an_urban_election_before_2026() -> None:
    """E5: the 2018 urban text left elections to provincial measures (no rule here encodes its
    Art. 8 for elections): an urban election of 2025 is indeterminate naming the gap."""
    d = evaluate(election("voters-election"), CN, dt.date(2025, 6, 1))
    assert d.verdict == "indeterminate"
    assert d.coverage.uncovered is not None
    assert "election.candidate-eligibility" in d.coverage.not_in_force
