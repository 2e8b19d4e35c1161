"""Work-item access (准入): the model, the rules and their citations, the built-in lists."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import (
    Citation,
    RulebookError,
    WorkItem,
    check_work_item,
    get_rulebook,
    work_item_lists,
)
from community_governance.checks.work_item_lists import (
    DECLARED_TABLE,
    LISTS_TABLE,
    ListEntry,
    ListKind,
    lists_table,
    unlisted_table,
)
from community_governance.rules.decision import Decision

from ._support import example_data

ART43 = "第四十三条第二款"
HOUSING = "示例区住房和城乡建设局"


def item(name: str = "access/assistance-funded.json", **changes: Any) -> WorkItem:
    """An example work item with top-level fields replaced."""
    data = {**example_data(name), **changes}
    return WorkItem.model_validate_json(json.dumps(data, ensure_ascii=False))


def failed(decision: Decision) -> set[str]:
    """Rule ids of every failed finding."""
    return {f.rule for f in decision.findings if f.status == "failed"}


class TestWorkItemModel:
    """Inputs are strict: every fact the rules need is stated, nothing is coerced."""

    def test_funding_must_be_stated_even_if_none(self) -> None:
        """A request that does not say whether it is funded is an input error."""
        data = example_data("access/assistance-funded.json")
        del data["funding"]
        with pytest.raises(ValidationError, match="funding"):
            WorkItem.model_validate(data)

    def test_amount_is_not_coerced_from_a_string(self) -> None:
        """'20000' is not an amount of money."""
        with pytest.raises(ValidationError, match="amount_yuan"):
            item(funding={"amount_yuan": "20000", "payer": "示例区住房和城乡建设局"})

    def test_certificate_only_with_the_certificate_domain(self) -> None:
        """A certificate detail on a non-certificate item names the field and the domain."""
        with pytest.raises(ValidationError, match="domain is 'residents_interest'"):
            item(certificate={"name": "亲属关系", "legal_basis": None})

    def test_deadline_before_request_is_rejected(self) -> None:
        """A deadline earlier than the request date is inconsistent."""
        with pytest.raises(ValidationError, match="2026-01-01"):
            item(deadline="2026-01-01")

    def test_negative_amount_is_rejected(self) -> None:
        """Funding cannot be negative."""
        with pytest.raises(ValidationError, match="amount_yuan"):
            item(funding={"amount_yuan": -1, "payer": "示例区住房和城乡建设局"})


class TestDoneWhen:
    """The issue's acceptance cases."""

    def test_demolition_as_responsible_party_is_denied_in_ningxia(self) -> None:
        """Funded, demolition as responsible party is denied: «不得将基层群众性自治组织作为…
        拆迁拆违…事项的责任主体», «不得转嫁», and the assistance entry it names admits the
        committee only as an assistant."""
        d = check_work_item(item("access/demolition-responsible.json"), "cn.ningxia")
        assert d.verdict == "denied"
        assert failed(d) == {
            "work-item.listed",
            "work-item.no-transfer",
            "work-item.not-responsible-party",
        }
        assert d.finding("work-item.funding-follows-task").status == "passed"
        sources = [c.source for c in d.finding("work-item.not-responsible-party").citations]
        assert sources[0] == "003_08e74ef2c04b700e.txt"

    def test_funded_assistance_item_is_admitted(self) -> None:
        """An assistance item funded by the delegating department is allowed."""
        d = check_work_item(item(), "cn.ningxia")
        assert d.verdict == "allowed"
        assert d.finding("work-item.funding-follows-task").evidence["payer"] == (
            "示例区住房和城乡建设局"
        )

    def test_same_item_unfunded_is_undecided_while_its_need_for_funds_is_unknown(self) -> None:
        """Art. 43 «所需经费由委托部门承担» binds only for funds the task needs: with none
        given and the need not recorded, the funding rule is indeterminate (needs_funding)."""
        d = check_work_item(item(funding=None), "cn")
        assert failed(d) == set()
        assert d.verdict == "indeterminate"
        f = d.finding("work-item.funding-follows-task")
        assert f.status == "indeterminate"
        assert f.evidence["missing"] == "needs_funding"
        assert f.citations[0].locator == ART43

    def test_certificate_on_the_national_list_is_denied_with_that_citation(self) -> None:
        """A kinship certificate is on the 20-item national list (secondary source)."""
        cert = {"name": "亲属关系", "legal_basis": {"statute": "某法", "article": "第一条"}}
        d = check_work_item(
            item(domain="certificate", list_entry="cn.mca-2020-20.kinship", certificate=cert),
            "cn",
        )
        assert failed(d) == {"certificate.not-to-issue"}
        f = d.finding("certificate.not-to-issue")
        assert f.evidence["entry"]["citation"]["source"] == "民发〔2020〕20号"
        assert f.evidence["entry"]["citation"]["confidence"] == "secondary"
        assert "民发〔2020〕20号 附件 第1项" in f.message_zh

    def test_certificate_found_by_name_without_an_entry_id(self) -> None:
        """A certificate is matched to the not-to-issue list by its exact name too."""
        cert = {"name": "死亡", "legal_basis": None}
        d = check_work_item(item(domain="certificate", certificate=cert), "cn")
        assert failed(d) == {"certificate.not-to-issue", "certificate.legal-basis"}


class TestRules:
    """Each rule's semantics, one defect at a time."""

    def test_payer_other_than_the_delegating_body_is_denied(self) -> None:
        """费随事转: the street office paying for a bureau's task does not count."""
        d = check_work_item(item(funding={"amount_yuan": 5, "payer": "示例街道办事处"}), "cn")
        assert failed(d) == {"work-item.funding-follows-task"}
        assert "示例街道办事处" in d.finding("work-item.funding-follows-task").message_zh

    def test_zero_funding_is_no_funding(self) -> None:
        """0 yuan is not funding: like none, it leaves the rule open while the task's need for
        funds (所需经费) is not recorded."""
        d = check_work_item(
            item(funding={"amount_yuan": 0, "payer": "示例区住房和城乡建设局"}), "cn"
        )
        assert d.finding("work-item.funding-follows-task").status == "indeterminate"

    @given(amount=st.integers(0, 10**9))
    def test_any_positive_amount_from_the_delegating_body_is_funding(self, amount: int) -> None:
        """Boundary of 'funded': 0 yuan is undecided (need unknown), 1 yuan and more pass."""
        d = check_work_item(item(funding={"amount_yuan": amount, "payer": HOUSING}), "cn")
        expected = "passed" if amount >= 1 else "indeterminate"
        assert d.finding("work-item.funding-follows-task").status == expected

    def test_legal_basis_is_required_from_2026(self) -> None:
        """Art. 43 (2025 texts) requires a legal basis for delegated work from 2026-01-01."""
        d = check_work_item(item(legal_basis=None), "cn")
        assert failed(d) == {"work-item.legal-basis"}

    def test_legal_basis_rule_not_in_force_in_2025(self) -> None:
        """On 2025-12-31 the legal-basis rule is not yet in force: no finding, and the
        Decision's coverage names it; the rules in force still judge (and admit) the item."""
        d = check_work_item(
            item(legal_basis=None, list_entry="cn.urban-2018.art3.5", requested_on="2025-12-31"),
            "cn",
        )
        assert d.verdict == "allowed"
        assert "work-item.legal-basis" not in d.statuses()
        assert "work-item.legal-basis" in d.coverage.not_in_force

    def test_urban_2025_entry_is_not_on_the_list_in_2025(self) -> None:
        """Art. 10 of the 2025 text lists nothing before 2026-01-01."""
        d = check_work_item(item(requested_on="2025-12-31"), "cn")
        assert failed(d) == {"work-item.listed"}
        assert "not on the work-item list: it must go through the access procedure" in (
            d.finding("work-item.listed").message_en
        )

    def test_village_entry_does_not_apply_to_a_residents_committee(self) -> None:
        """A village-law entry is not on the list for a residents' committee."""
        d = check_work_item(item(list_entry="cn.village-2025.art11.1"), "cn")
        assert failed(d) == {"work-item.listed"}

    def test_own_duty_needs_no_funding_or_basis(self) -> None:
        """Mediation as the committee's own duty (Art. 10 (四)) is admitted as it is."""
        d = check_work_item(
            item(
                committee_role="responsible_party",
                domain="dispute_mediation",
                list_entry="cn.urban-2025.art10.4",
                legal_basis=None,
                funding=None,
            ),
            "cn.ningxia",
        )
        assert d.verdict == "allowed"
        assert d.finding("work-item.funding-follows-task").status == "not_applicable"

    def test_responsible_party_for_assistance_work_shifts_a_duty(self) -> None:
        """Responsible party for non-own, non-banned work under a duty entry fails the
        no-transfer rule only («不得转嫁给社区»)."""
        d = check_work_item(
            item(committee_role="responsible_party", list_entry="cn.urban-2025.art10.3"), "cn"
        )
        assert failed(d) == {"work-item.no-transfer"}

    def test_national_responsible_party_rule_warns_on_top_of_the_binding_ban(self) -> None:
        """136号: «原则上一律取消» (advisory) warns; «不得转嫁» (binding) denies the same item."""
        d = check_work_item(
            item("access/demolition-responsible.json", list_entry="cn.urban-2025.art10.3"), "cn"
        )
        assert d.verdict == "denied"
        assert [f.rule for f in d.denials] == ["work-item.no-transfer"]
        assert [w.rule for w in d.warnings] == ["work-item.not-responsible-party"]

    def test_one_vote_veto_denied_but_item_admissible_without_it(self) -> None:
        """The message says the item may be admitted without that assessment."""
        a = {"one_vote_veto": True, "separate_departmental": False}
        d = check_work_item(item(assessment=a), "cn.ningxia")
        assert failed(d) == {"work-item.no-one-vote-veto"}
        assert "without that assessment the item itself may be admitted" in (
            d.finding("work-item.no-one-vote-veto").message_en
        )

    def test_separate_departmental_assessment_denied(self) -> None:
        """Departments no longer assess community work separately (Ningxia)."""
        a = {"one_vote_veto": False, "separate_departmental": True}
        d = check_work_item(item(assessment=a), "cn.ningxia")
        assert failed(d) == {"work-item.unified-assessment"}
        assert "may be admitted" in d.finding("work-item.unified-assessment").message_en

    def test_authority_not_handed_over_is_a_warning_in_anhui(self) -> None:
        """权随责走 («推动…严格遵循», a case study, not a provincial text read): the power the
        task needs but which is not handed over is named, as a warning."""
        d = check_work_item(
            item(
                authority_needed=["现场检查权", "信息采集权"], authority_transferred=["信息采集权"]
            ),
            "cn.anhui",
        )
        assert d.verdict == "allowed"
        assert [w.rule for w in d.warnings] == ["work-item.authority-follows-responsibility"]
        f = d.finding("work-item.authority-follows-responsibility")
        assert f.evidence["authority_missing"] == ["现场检查权"]

    def test_quota_is_an_advisory_warning(self) -> None:
        """A tax-assistance quota is abolished in principle: a warning."""
        d = check_work_item(item(domain="tax_assistance"), "cn")
        assert d.verdict == "allowed"
        assert [w.rule for w in d.warnings] == ["work-item.no-economic-quotas"]


class TestBuiltinLists:
    """The lists shipped with the built-in rulebooks, and their provenance."""

    def test_national_certificate_list_has_twenty_secondary_entries(self) -> None:
        """民发〔2020〕20号's first list: 20 entries, each cited as a secondary source."""
        lists = work_item_lists(get_rulebook("cn"))
        certs = lists.of_kind("certificate", "village_committee", dt.date(2026, 1, 1))
        assert len(certs) == 20
        assert {e.citation.confidence for e in certs} == {"secondary"}
        assert not lists.incomplete()

    def test_anhui_declares_its_list_sizes_without_items(self) -> None:
        """Anhui declares 17 / 38 / 7 / 41 and holds none of the items."""
        lists = work_item_lists(get_rulebook("cn.anhui"))
        assert sorted((d.kind, d.count, n) for d, n in lists.incomplete()) == [
            ("assistance", 38, 0),
            ("certificate", 41, 0),
            ("duty", 17, 0),
            ("negative", 7, 0),
        ]

    def test_unlisted_item_is_indeterminate_in_anhui(self) -> None:
        """With Anhui's lists not loaded, an unlisted item is not refused on that ground."""
        d = check_work_item(item(list_entry="AH-A-01"), "cn.anhui")
        assert d.verdict == "indeterminate"
        assert "38" in d.finding("work-item.listed").message_zh

    def test_unlisted_item_is_denied_nationally(self) -> None:
        """With complete lists, an item on no list must go through the access procedure."""
        d = check_work_item(item(list_entry=None), "cn.ningxia")
        assert failed(d) == {"work-item.listed"}
        assert "须经准入程序" in d.finding("work-item.listed").message_zh

    def test_every_access_rule_cites_a_source(self) -> None:
        """Every work-item rule has citations; secondary ones carry a note."""
        for book in ("cn", "cn.ningxia", "cn.anhui"):
            for rule in get_rulebook(book).rules_for("work_item"):
                assert rule.citations, rule.id
                for c in rule.citations:
                    assert c.confidence == "confirmed" or c.note, (rule.id, c)


class TestListTables:
    """The lists are rulebook tables: one row per entry, layered by key like parameters."""

    CITY = Citation("某市清单", "附件1 第1项", "协助受理高龄津贴申请")

    def entry(self, entry_id: str = "CITY-A-1", kind: ListKind = "assistance") -> ListEntry:
        """A city's list entry for both committees."""
        return ListEntry(entry_id, "city", kind, "协助受理高龄津贴申请", "Assist", self.CITY)

    def test_an_entry_is_a_row_keyed_by_its_id_with_its_citation_and_dates(self) -> None:
        """work-item.lists: key = entry id, value = the ListEntry, its citation and dates."""
        row = get_rulebook("cn").table(LISTS_TABLE).entry("cn.urban-2018.art3.5")
        assert row is not None
        assert isinstance(row.value, ListEntry)
        assert row.citation == row.value.citation
        assert row.validity.to_dict() == {"valid_from": "1990-01-01", "valid_to": "2026-01-01"}

    def test_list_rules_declare_the_tables_they_read(self) -> None:
        """The listed rule reads all three tables; the others only the entries."""
        book = get_rulebook("cn")
        assert book.rule("work-item.listed").tables == (
            "work-item.lists",
            "work-item.lists.declared",
            "work-item.lists.unlisted",
        )
        assert book.rule("work-item.negative-list").tables == ("work-item.lists",)
        assert book.rule("certificate.not-to-issue").tables == ("work-item.lists",)

    def test_anhui_sizes_are_rows_keyed_by_list_and_kind(self) -> None:
        """work-item.lists.declared: Anhui adds four rows, 'list/kind', to cn's one."""
        keys = [e.key for e in get_rulebook("cn.anhui").table(DECLARED_TABLE).entries]
        assert keys == [
            "cn.mca-2020-20/certificate",
            "anhui.guidance/duty",
            "anhui.guidance/assistance",
            "anhui.guidance/negative",
            "anhui.certificates/certificate",
        ]

    def test_a_layer_adds_an_entry_that_admits_an_item(self) -> None:
        """A local rulebook's row decides an item the parent refuses."""
        local = get_rulebook("cn").extend("cn.city", "1", tables=[lists_table([self.entry()])])
        assert failed(check_work_item(item(list_entry="CITY-A-1"), "cn")) == {"work-item.listed"}
        d = check_work_item(item(list_entry="CITY-A-1"), local)
        assert d.verdict == "allowed"
        assert d.finding("work-item.listed").evidence["entry"]["citation"]["source"] == "某市清单"

    def test_a_layer_replaces_a_row_only_when_it_says_so(self) -> None:
        """An id the parent has conflicts unless replaces=True; then the local row is read."""
        cn = get_rulebook("cn")
        negative = self.entry("cn.urban-2025.art10.8", "negative")
        with pytest.raises(RulebookError, match="set replaces to override"):
            cn.extend("cn.city", "1", tables=[lists_table([negative])])
        local = cn.extend("cn.city", "1", tables=[lists_table([negative], replaces=True)])
        assert failed(check_work_item(item(), local)) == {"work-item.negative-list"}

    def test_a_layer_removes_a_row(self) -> None:
        """A removed entry is no longer on the list: the item is refused as unlisted."""
        local = get_rulebook("cn").extend(
            "cn.city", "1", tables=[lists_table(remove=["cn.urban-2025.art10.8"])]
        )
        assert failed(check_work_item(item(), local)) == {"work-item.listed"}

    def test_unlisted_setting_row_overrides_the_default(self) -> None:
        """A work-item.lists.unlisted row of 'indeterminate' makes an unlisted item open."""
        local = get_rulebook("cn").extend(
            "cn.city", "1", tables=[unlisted_table("indeterminate", self.CITY)]
        )
        d = check_work_item(item(list_entry="NOPE"), local)
        assert d.verdict == "indeterminate"
        assert d.finding("work-item.listed").evidence["unlisted"] == "indeterminate"
