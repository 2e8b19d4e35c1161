"""The facts of the meeting obligations of issue #12: what the records refuse as impossible,
and what the rules built on them cite and follow (the cases are in tests/cases/meetings)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from pydantic import ValidationError

from community_governance import evaluate, get_rulebook
from community_governance.checks.pass_rules import PASS_RULES
from community_governance.models import (
    SUBJECT_MODELS,
    AssemblyRecord,
    CollectiveOrganisation,
    Meeting,
)
from community_governance.rules import Citation
from community_governance.rules.parameter import Parameter
from community_governance.rules.table import Table, TableEntry
from community_governance.rules.validity import Validity

from ._support import ROOT

CN = get_rulebook("cn")
EXAMPLES = ROOT / "examples" / "meetings"


def data(name: str) -> dict[str, Any]:
    """An example input of examples/meetings as JSON data."""
    loaded: dict[str, Any] = json.loads(Path(EXAMPLES / name).read_text(encoding="utf-8"))
    return loaded


def meeting(name: str, **overrides: Any) -> Meeting:
    """An example meeting changed by ``overrides``."""
    d = data(name)
    d.update(overrides)
    return Meeting.model_validate_json(json.dumps(d))


class TestMeetingFacts:
    """A fact recorded where no rule reads it, or that contradicts the record, is refused."""

    def test_a_filing_is_recorded_only_on_what_is_filed(self) -> None:
        """`filed_on` on a general motion: nothing of it is filed (备案) — an error naming it."""
        motion = {"id": "1", "voted_on": "2026-03-05", "in_favour": 4, "result": "adopted"}
        with pytest.raises(ValidationError, match=r"motions\[0\]\.filed_on: only a charter"):
            meeting("collective-council.json", motions=[{**motion, "filed_on": "2026-03-06"}])

    def test_a_filing_before_the_vote_is_refused(self) -> None:
        """A charter filed before it was adopted is impossible: `date_before_decision`."""
        d = data("residents-charter.json")
        d["motions"][0]["filed_on"] = "2026-05-14"
        with pytest.raises(ValidationError, match=r"filed_on: '2026-05-14' is before voted_on"):
            Meeting.model_validate_json(json.dumps(d))

    def test_owners_facts_belong_to_an_owners_assembly(self) -> None:
        """住宅小区 is a fact of an owners' assembly only."""
        with pytest.raises(ValidationError, match=r"residential_compound: only an owners'"):
            meeting("collective-council.json", residential_compound=True)

    def test_reports_belong_to_a_collective_assembly(self) -> None:
        """The Art. 46 reports are a fact of a collective's assemblies only."""
        with pytest.raises(ValidationError, match=r"reports_available_on: only a collective"):
            meeting("owners-committee-election.json", reports_available_on="2026-04-01")

    def test_a_proxy_to_oneself_is_refused(self) -> None:
        """委托他人: a principal holding their own proxy is impossible."""
        proxy = {"principal_id": "m-1", "holder_id": "m-1"}
        with pytest.raises(ValidationError, match=r"holder_id: 'm-1' is the principal"):
            meeting("collective-members.json", proxies=[proxy])

    def test_one_principal_gives_one_proxy(self) -> None:
        """Two proxies from one member would count them twice."""
        proxies = [
            {"principal_id": "m-1", "holder_id": "m-2"},
            {"principal_id": "m-1", "holder_id": "m-3"},
        ]
        with pytest.raises(ValidationError, match=r"proxies: 'm-1' gave more than one proxy"):
            meeting("collective-members.json", proxies=proxies)

    def test_consent_of_an_owner_outside_the_register_is_refused(self) -> None:
        """Consenting owners are owners of the unit register."""
        units = [{"id": "1-101", "owner_id": "a", "area": 9000, "building": "1"}]
        motion = {
            "id": "1",
            "matter": "residence_to_commercial",
            "voted_on": "2026-04-20",
            "in_favour": 1,
            "area_in_favour": 9000,
            "result": "adopted",
            "unit_id": "1-101",
            "consenting_owners": ["z"],
        }
        with pytest.raises(ValidationError, match=r"consenting_owners: 'z' owns no unit"):
            meeting(
                "owners-committee-election.json",
                entitled=1,
                attendees=1,
                entitled_area=9000,
                attendee_area=9000,
                units=units,
                motions=[motion],
            )


class TestAssemblyRecord:
    """An assembly's record of meetings: a span, complete within it."""

    def test_is_a_subject_the_cli_and_case_files_know(self) -> None:
        """`assembly_record` and `collective_organisation` are registered subject types."""
        assert SUBJECT_MODELS["assembly_record"] is AssemblyRecord
        assert SUBJECT_MODELS["collective_organisation"] is CollectiveOrganisation

    def test_a_meeting_outside_the_span_is_refused(self) -> None:
        """A meeting after `as_of` is outside what the record says it covers."""
        d = data("assembly-record.json")
        d["meetings"].append({"id": "late", "held_on": "2027-03-02"})
        with pytest.raises(ValidationError, match=r"meetings\[3\]\.held_on: '2027-03-02'"):
            AssemblyRecord.model_validate_json(json.dumps(d))

    def test_a_representatives_assembly_needs_its_community_kind(self) -> None:
        """Urban half-years or village quarters: the law applies by the community kind."""
        d = data("assembly-record.json")
        del d["community_kind"]
        with pytest.raises(ValidationError, match=r"community_kind: required"):
            AssemblyRecord.model_validate_json(json.dumps(d))

    def test_the_interval_follows_a_local_pass_rule(self) -> None:
        """A city whose representatives' assembly meets every quarter (its replaced table
        entry) judges the record by calendar quarters: the third quarter of 2026 had no meeting."""
        local = Citation("某市居民代表会议办法(2026)", "第三条", "居民代表会议每季度至少召开一次。")
        quarterly = Parameter.count(
            "example.representatives-assembly.interval-months",
            "居民代表会议召开间隔（本市）",
            "representatives' assembly: months between meetings (example city)",
            (3, dt.date(2026, 1, 1), None, local),
            unit_zh="月",
        )
        national = CN.table(PASS_RULES).entry("representatives-assembly.urban.2025")
        assert national is not None
        entry = TableEntry(
            national.key,
            attrs.evolve(national.value, interval_months=quarterly),
            local,
            Validity(dt.date(2026, 1, 1), None),
        )
        table = Table(PASS_RULES, "会议表决规则", "meeting pass rules", (entry,), replaces=True)
        city = CN.extend("cn.example", "1", parameters=(quarterly,), tables=(table,))
        record = AssemblyRecord.model_validate_json((EXAMPLES / "assembly-record.json").read_text())
        assert evaluate(record, CN).verdict == "allowed"
        f = evaluate(record, city).finding("meeting.frequency")
        assert f.status == "failed"
        assert f.evidence["missing"] == ["2026-07-01"]
        assert [c.source for c in f.citations] == ["某市居民代表会议办法(2026)"]


class TestCollectiveOrganisation:
    """A collective's officers are persons of its community, one seat each at a time."""

    def test_an_officer_outside_the_community_is_refused(self) -> None:
        """An accountant who is no person of the community is an unknown reference."""
        d = data("collective-organisation.json")
        d["accountants"] = ["nobody"]
        with pytest.raises(ValidationError, match=r"accountants\[0\]: 'nobody' is not a person"):
            CollectiveOrganisation.model_validate_json(json.dumps(d))

    def test_two_overlapping_seats_of_one_person_are_refused(self) -> None:
        """One person, two council seats at once: 同一人不得同时担任两个职务."""
        d = data("collective-organisation.json")
        d["council"].append({"person_id": "P1", "term_start": "2026-01-01"})
        with pytest.raises(ValidationError, match=r"council\[3\]: 'P1' would hold two seats"):
            CollectiveOrganisation.model_validate_json(json.dumps(d))


class TestCitedText:
    """A finding cites the text in force on its day."""

    def test_the_filing_duty_of_a_convention_follows_the_urban_text(self) -> None:
        """2025: 2018 Art. 15 (居民公约…备案); 2026: 2025 Art. 31(1) (居民自治章程、居民公约)."""
        now = meeting("residents-charter.json")
        before = meeting(
            "residents-charter.json",
            announced_on="2025-05-01",
            held_on="2025-05-15",
            motions=[{**data("residents-charter.json")["motions"][0], "voted_on": "2025-05-15"}],
        )
        locators = {
            d.at.year: [c.locator for c in d.finding("meeting.charter-filing").citations]
            for d in (evaluate(now, CN), evaluate(before, CN))
        }
        assert locators == {2026: ["第三十一条第一款"], 2025: ["第十五条第一款"]}

    def test_a_barred_power_cites_the_article_and_its_items(self) -> None:
        """Art. 28(4) with the items of Art. 26(1) it names."""
        d = data("collective-representatives.json")
        d["motions"][0]["matter"] = "merger_division"
        f = evaluate(Meeting.model_validate_json(json.dumps(d)), CN).finding(
            "meeting.collective-representatives-powers"
        )
        assert [c.locator for c in f.citations] == ["第二十八条第四款", "第二十六条第一款"]
