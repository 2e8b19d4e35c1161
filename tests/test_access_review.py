"""Work-item access (准入) after the legal review of 2026-11: each item it names (E1, D11, E7,
E8, D10, D7, D9, the certificate names and the citations) specified by the text that decides it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from pydantic import ValidationError

from community_governance import Citation, WorkItem, check_work_item, get_rulebook
from community_governance.checks import access as checks
from community_governance.checks.work_item_lists import certificate_key
from community_governance.rules.decision import Decision
from community_governance.rules.rule import RuleContext

from ._support import ROOT, example_data

LAW = ROOT.parent / "shared" / "law"
BOOKS = ("cn", "cn.ningxia", "cn.anhui")
ENFORCEMENT = "work-item.not-responsible-for-enforcement"
URBAN_2025 = "城市居民委员会组织法(2025-10-28)"
VILLAGE_2018 = "村民委员会组织法(2018-12-29)"
VILLAGE_2025 = "村民委员会组织法(2025-10-28)"
NINGXIA = "003_08e74ef2c04b700e.txt"
DUTY = "cn.urban-2025.art10.3"  # 办理本社区居民的公共事务和公益事业 (a duty entry)


def item(name: str = "access/assistance-funded.json", **changes: Any) -> WorkItem:
    """An example work item with top-level fields replaced."""
    data = {**example_data(name), **changes}
    return WorkItem.model_validate_json(json.dumps(data, ensure_ascii=False))


def failed(decision: Decision) -> set[str]:
    """Rule ids of every failed finding (denials and warnings)."""
    return {f.rule for f in decision.findings if f.status == "failed"}


def cited(decision: Decision, rule: str) -> list[tuple[str, str]]:
    """(source, locator) of a finding's citations, in order."""
    return [(c.source, c.locator) for c in decision.finding(rule).citations]


class TestE1NoTransferJudgesTheBannedDomains:
    """136号 §一: «不得转嫁给社区» binds; «原则上一律取消» only adds a warning on top."""

    @pytest.mark.parametrize("domain", sorted(checks.BANNED))
    def test_responsible_party_for_a_banned_domain_is_denied_nationally(self, domain: str) -> None:
        """Each banned domain, committee responsible, under a duty entry: no-transfer fails
        (must), and the advisory not-responsible-party warns."""
        d = check_work_item(
            item(committee_role="responsible_party", domain=domain, list_entry=DUTY), "cn"
        )
        assert d.verdict == "denied"
        assert d.finding("work-item.no-transfer").status == "failed"
        assert "work-item.not-responsible-party" in {w.rule for w in d.warnings}

    def test_the_demolition_example_of_the_review_is_denied(self) -> None:
        """`cgov check work-item examples/access/demolition-responsible.json --rulebook cn`
        came back allowed; «不得转嫁» denies it."""
        d = check_work_item(item("access/demolition-responsible.json"), "cn")
        assert d.verdict == "denied"
        assert {f.rule for f in d.denials} == {"work-item.listed", "work-item.no-transfer"}

    def test_an_assistance_entry_does_not_admit_the_committee_as_responsible_party(
        self,
    ) -> None:
        """Art. 10 (八) «协助人民政府或者街道办事处做好…» lists the item for assisting: the
        committee cannot be made responsible party through it."""
        d = check_work_item(item(committee_role="responsible_party"), "cn")
        f = d.finding("work-item.listed")
        assert f.status == "failed"
        assert f.evidence["entry"]["kind"] == "assistance"
        assert f.citations[0].locator == "第十条（八）"

    def test_a_duty_entry_admits_the_committee_as_responsible_party(self) -> None:
        """Art. 10 (三) is a duty of the committee: it may be the responsible party under it."""
        d = check_work_item(
            item(committee_role="responsible_party", domain="public_affairs", list_entry=DUTY),
            "cn",
        )
        assert d.finding("work-item.listed").status == "passed"
        assert d.verdict == "allowed"


class TestD11Enforcement:
    """Being the responsible party for 行政执法 is denied nationally (must)."""

    def test_enforcement_rule_is_binding_in_every_rulebook(self) -> None:
        """The rule is `must` in cn, cn.ningxia and cn.anhui."""
        for book in BOOKS:
            assert get_rulebook(book).rule(ENFORCEMENT).severity == "must"

    def test_from_2026_it_cites_the_2025_article_first(self) -> None:
        """2025 Art. 6 «居民委员会协助…开展工作» decides from 2026-01-01; the superseded 2018
        Art. 2 is not cited."""
        d = check_work_item(
            item(
                "access/demolition-responsible.json",
                domain="administrative_law_enforcement",
                list_entry=DUTY,
            ),
            "cn",
        )
        assert d.finding(ENFORCEMENT).status == "failed"
        found = cited(d, ENFORCEMENT)
        assert found[0] == (URBAN_2025, "第六条")
        assert ("城市居民委员会组织法(2018-12-29)", "第二条第二款") not in found

    def test_before_2026_it_cites_the_2018_article_for_a_village(self) -> None:
        """For a village committee in 2025: 2018 Art. 5 第二款 «村民委员会协助乡、民族乡、镇的
        人民政府开展工作» first; no 2025 text."""
        d = check_work_item(
            item(
                "access/demolition-responsible.json",
                committee="village_committee",
                domain="administrative_law_enforcement",
                list_entry="cn.village-2018.art2.1",
                requested_on="2025-06-02",
            ),
            "cn",
        )
        assert d.finding(ENFORCEMENT).status == "failed"
        found = cited(d, ENFORCEMENT)
        assert found[0] == (VILLAGE_2018, "第五条第二款")
        assert not {s for s, _ in found} & {URBAN_2025, VILLAGE_2025}


class TestE7Quotes:
    """136号 and 20号 are quoted as the review gives their text, marked secondary."""

    def quotes(self, source: str) -> set[str]:
        """Every quote of ``source`` among the national access rules' citations."""
        return {
            c.quote
            for r in get_rulebook("cn").rules_for("work_item")
            for c in r.citations
            if c.source == source
        }

    def test_the_136_quotes_are_the_text_not_a_paraphrase(self) -> None:
        """«属于基层人民政府及其职能部门、街道办事处职责范围内的事项，不得转嫁给社区»,
        «应由社区协助的事项，应当为社区提供必要的经费和工作条件», «…等任务指标…»."""
        found = self.quotes("民发〔2015〕136号")
        assert "属于基层人民政府及其职能部门、街道办事处职责范围内的事项，不得转嫁给社区" in found
        assert "应由社区协助的事项，应当为社区提供必要的经费和工作条件" in found
        assert any("经济创收等任务指标" in q for q in found)
        assert not any("属于基层政府及其部门" in q or "经济创收等指标" in q for q in found)

    def test_the_2020_basis_quote_is_filled(self) -> None:
        """«凡是没有法律法规依据…的证明事项，基层群众性自治组织不予出具»."""
        rule = get_rulebook("cn").rule("certificate.legal-basis")
        (c,) = rule.citations
        assert "基层群众性自治组织不予出具" in c.quote
        assert c.confidence == "secondary"
        assert "secondary copy" in c.note

    def test_every_136_citation_is_secondary_with_its_date(self) -> None:
        """Read only in a secondary copy, dated 2015-07-13: every citation says so."""
        for r in get_rulebook("cn").rules_for("work_item"):
            for c in r.citations:
                if c.source == "民发〔2015〕136号":
                    assert c.confidence == "secondary"
                    assert "2015-07-13" in c.note


class TestE8Dates:
    """136号 dated 2015年7月13日; Ningxia's opinions 2017-08-22; 20号 published 2020-04-28."""

    RESTING_ON_136 = (
        "work-item.listed",
        "work-item.negative-list",
        "work-item.no-transfer",
        "work-item.not-responsible-party",
        "work-item.no-economic-quotas",
        "work-item.funding-follows-task",
    )

    def test_rules_resting_on_136_start_on_its_date(self) -> None:
        """E8(a): valid_from 2015-07-13, not open-ended."""
        book = get_rulebook("cn")
        for rid in self.RESTING_ON_136:
            assert book.rule(rid).valid_from == dt.date(2015, 7, 13), rid

    def test_an_item_of_2014_is_not_denied_by_a_2015_notice(self) -> None:
        """The review's scratch input (requested 2014-03-02) was denied by no-transfer."""
        d = check_work_item(
            item(committee_role="responsible_party", requested_on="2014-03-02"), "cn"
        )
        assert d.verdict == "indeterminate"
        assert d.coverage.uncovered is not None
        assert "work-item.no-transfer" in d.coverage.not_in_force

    def test_ningxia_binding_ban_starts_on_its_date(self) -> None:
        """E8(b): binding from 2017-08-22; the national advisory rule before."""
        book = get_rulebook("cn.ningxia")
        binding = book.rule("work-item.not-responsible-party")
        national = book.rule("work-item.not-responsible-party.national")
        assert (binding.severity, binding.valid_from) == ("must", dt.date(2017, 8, 22))
        assert (national.severity, national.valid_to) == ("advisory", dt.date(2017, 8, 22))

    def test_ningxia_texts_are_not_cited_before_2017_08_22(self) -> None:
        """A 2017-08-22 document does not ground a finding on 2016 facts: no-transfer cites
        136号 only; on 2026-03-02 Ningxia's «不得将基层政府应履行的法定职责转嫁…» comes first."""
        early = check_work_item(
            item(
                committee_role="responsible_party",
                list_entry="cn.urban-2018.art3.3",
                requested_on="2016-06-01",
            ),
            "cn.ningxia",
        )
        assert {s for s, _ in cited(early, "work-item.no-transfer")} == {"民发〔2015〕136号"}
        late = check_work_item(
            item(committee_role="responsible_party", list_entry=DUTY), "cn.ningxia"
        )
        assert cited(late, "work-item.no-transfer")[0][0] == NINGXIA

    def test_certificate_rules_start_when_20_was_published(self) -> None:
        """D10: 2020-04-28, for the rules, the 20 entries and the declared size."""
        book = get_rulebook("cn")
        for rid in ("certificate.not-to-issue", "certificate.legal-basis"):
            assert book.rule(rid).valid_from == dt.date(2020, 4, 28)
        rows = book.table("work-item.lists").entries
        certs = [r for r in rows if r.key.startswith("cn.mca-2020-20.")]
        assert len(certs) == 20
        assert {r.validity.valid_from for r in certs} == {dt.date(2020, 4, 28)}
        (size,) = book.table("work-item.lists.declared").entries
        assert size.value.valid_from == dt.date(2020, 4, 28)


class TestD7FundingWhenTheTaskNeedsFunds:
    """Art. 43 «所需经费由委托部门承担»; 2018 village Art. 37 «…需要经费的，由委托部门承担»."""

    CTX = RuleContext(get_rulebook("cn"), dt.date(2026, 3, 2))

    def test_unfunded_with_unknown_need_is_indeterminate(self) -> None:
        """No funds, need not recorded: the rule cannot tell (needs_funding)."""
        d = check_work_item(item(funding=None), "cn")
        f = d.finding("work-item.funding-follows-task")
        assert (f.status, f.evidence["missing"]) == ("indeterminate", "needs_funding")

    def test_unfunded_task_that_needs_funds_fails(self) -> None:
        """needs_funding true and no funds: fails."""
        unfunded = item(funding=None).model_copy(update={"needs_funding": True})
        assert checks.funding(unfunded, self.CTX).status == "failed"

    def test_task_that_needs_no_funds_passes_without_them(self) -> None:
        """needs_funding false: nothing to bear."""
        free = item(funding=None).model_copy(update={"needs_funding": False})
        assert checks.funding(free, self.CTX).status == "passed"

    def test_funds_from_another_body_fail_even_when_the_need_is_unknown(self) -> None:
        """Money for the task came from a body other than the delegating one."""
        d = check_work_item(item(funding={"amount_yuan": 100, "payer": "示例街道办事处"}), "cn")
        assert d.finding("work-item.funding-follows-task").status == "failed"

    def test_the_payer_is_compared_as_text(self) -> None:
        """A payer written with a full-width space is the same body; one hiding a zero-width
        character is refused as input (models.Text), never matched or admitted."""
        d = check_work_item(
            item(funding={"amount_yuan": 100, "payer": "示例区住房和城乡建设局\u3000"}), "cn"
        )
        assert d.finding("work-item.funding-follows-task").status == "passed"
        with pytest.raises(ValidationError, match="invisible"):
            item(funding={"amount_yuan": 100, "payer": "示例区住房和城乡\u200b建设局"})

    def test_a_village_own_duty_before_the_2018_text_is_still_not_delegated(self) -> None:
        """No funding text for villages is held before 2018-12-29, but an own duty (调解民间
        纠纷) is not delegated work: not_applicable, not indeterminate."""
        d = check_work_item(
            item(
                committee="village_committee",
                committee_role="responsible_party",
                domain="dispute_mediation",
                list_entry=None,
                requested_on="2016-05-03",
                funding=None,
            ),
            "cn",
        )
        assert d.finding("work-item.funding-follows-task").status == "not_applicable"

    @pytest.mark.parametrize(
        ("committee", "entry", "on", "first", "absent"),
        [
            ("residents_committee", "cn.urban-2025.art10.8", "2026-03-02",
             (URBAN_2025, "第四十三条第二款"), VILLAGE_2018),
            ("village_committee", "cn.village-2018.art2.3", "2025-03-03",
             (VILLAGE_2018, "第三十七条第一款"), VILLAGE_2025),
            ("village_committee", "cn.village-2025.art11.1", "2026-03-02",
             (VILLAGE_2025, "第四十三条第二款"), VILLAGE_2018),
        ],
    )  # fmt: skip
    def test_the_text_in_force_for_the_committee_is_cited_first(
        self, committee: str, entry: str, on: str, first: tuple[str, str], absent: str
    ) -> None:
        """The deciding article first; the one not in force that day is not cited."""
        d = check_work_item(
            item(
                committee=committee,
                list_entry=entry,
                requested_on=on,
                funding={"amount_yuan": 1, "payer": "某部门"},
            ),
            "cn",
        )
        assert d.finding("work-item.funding-follows-task").status == "failed"
        found = cited(d, "work-item.funding-follows-task")
        assert found[0] == first
        assert absent not in {s for s, _ in found}


class TestD9Anhui:
    """Seed 002 quotes «党的二十大报告» (2022-10-16): no Anhui text before that day; 权随责走
    («推动…严格遵循», a case study) is advisory."""

    def test_authority_rule_is_advisory_and_dated(self) -> None:
        """Advisory, from 2022-10-16."""
        rule = get_rulebook("cn.anhui").rule("work-item.authority-follows-responsibility")
        assert (rule.severity, rule.valid_from) == ("advisory", dt.date(2022, 10, 16))

    def test_declared_sizes_start_with_the_seed(self) -> None:
        """17 / 38 / 7 / 41 are declared from 2022-10-16."""
        rows = get_rulebook("cn.anhui").table("work-item.lists.declared").entries
        anhui = [r for r in rows if r.key.startswith("anhui.")]
        assert len(anhui) == 4
        assert {r.value.valid_from for r in anhui} == {dt.date(2022, 10, 16)}


class TestCertificateNames:
    """Names are matched in their common forms (亲属关系证明 = 亲属关系), or the finding is
    indeterminate — never "not on the list"."""

    @pytest.mark.parametrize(
        "name",
        [
            "亲属关系证明",
            "亲属关系的证明",
            "出具亲属关系证明",
            " 亲属关系\u3000证明 ",
            "亲属关系证明书",
        ],
    )
    def test_common_forms_of_a_listed_name_are_on_the_list(self, name: str) -> None:
        """The certificate is found on the list without an entry id."""
        assert certificate_key(name) == "亲属关系"
        cert = {"name": name, "legal_basis": None}
        d = check_work_item(item(domain="certificate", certificate=cert), "cn")
        f = d.finding("certificate.not-to-issue")
        assert f.status == "failed"
        assert f.evidence["entry"]["id"] == "cn.mca-2020-20.kinship"
        assert f.citations[0].locator == "附件 第1项"

    @pytest.mark.parametrize("name", ["单身证明", "居住情况", "直系亲属关系证明"])
    def test_other_names_are_indeterminate(self, name: str) -> None:
        """单身 attests 婚姻状况; 居住情况 is on no list read; a name alone decides neither."""
        cert = {"name": name, "legal_basis": {"statute": "某条例", "article": "第十二条"}}
        d = check_work_item(item(domain="certificate", certificate=cert), "cn")
        f = d.finding("certificate.not-to-issue")
        assert f.status == "indeterminate"
        assert d.verdict == "indeterminate"
        assert "not on the" not in f.message_en

    def test_a_near_name_is_named_in_the_message(self) -> None:
        """直系亲属关系 contains the listed 亲属关系: the message names it."""
        cert = {"name": "直系亲属关系证明", "legal_basis": None}
        d = check_work_item(item(domain="certificate", certificate=cert), "cn")
        assert d.finding("certificate.not-to-issue").evidence["resembles"] == ["亲属关系"]


class TestCitationsFirst:
    """A finding cites the text that decides it first; the grounding entry of
    work-item.listed is among its citations."""

    def test_listed_cites_its_entry_then_the_access_system(self) -> None:
        """Art. 10 (八) first, then 136号 «实行社区工作准入制度»."""
        d = check_work_item(item(), "cn")
        assert cited(d, "work-item.listed") == [
            (URBAN_2025, "第十条（八）"),
            ("民发〔2015〕136号", "§一"),
        ]

    def test_listed_in_anhui_cites_anhui_only_from_its_date(self) -> None:
        """Seed 002 «严格落实社区事项“准入制度”» is cited from 2022-10-16, not before."""
        before = check_work_item(
            item(list_entry="cn.urban-2018.art3.5", requested_on="2022-10-15"), "cn.anhui"
        )
        after = check_work_item(
            item(list_entry="cn.urban-2018.art3.5", requested_on="2022-10-16"), "cn.anhui"
        )
        seed = "002_835ac93eff91c8cb.txt"
        assert seed not in {s for s, _ in cited(before, "work-item.listed")}
        assert seed in {s for s, _ in cited(after, "work-item.listed")}

    def test_legal_basis_cites_the_committee_s_own_law(self) -> None:
        """A residents' committee's item cites urban Art. 43, not the village law."""
        d = check_work_item(item(legal_basis=None), "cn")
        assert cited(d, "work-item.legal-basis") == [(URBAN_2025, "第四十三条第二款")]

    def test_ningxia_binding_ban_cites_ningxia_first(self) -> None:
        """«不得将基层群众性自治组织作为…的责任主体» decides in Ningxia."""
        d = check_work_item(item("access/demolition-responsible.json"), "cn.ningxia")
        assert cited(d, "work-item.not-responsible-party")[0] == (NINGXIA, "§三(八)")


# --- the 款 of every statute locator the access and disclosure rules cite ----------------

_ARTICLE = re.compile(r"^(第[一二三四五六七八九十百零]+条)(?:第([一二三四五六七八九十]+)款)?")
_DIGITS = dict(zip("一二三四五六七八九", range(1, 10), strict=True))


def _number(zh: str) -> int:
    if zh == "十":
        return 10
    if zh.startswith("十"):
        return 10 + _DIGITS[zh[1]]
    return _DIGITS[zh]


def paragraphs(source: str, article: str) -> list[str]:
    """The 款 of ``article`` in the shared statute text (items （一）… belong to the 款 that
    introduces them)."""
    lines = (LAW / f"{source}.md").read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    inside = False
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if text.startswith(article + " "):
            inside = True
            out.append(text[len(article) + 1 :])
        elif inside and (re.match(r"^第[一二三四五六七八九十百零]+条 ", text) or text[0] == "#"):
            break
        elif inside and text.startswith("（"):
            out[-1] += text
        elif inside:
            out.append(text)
    return out


def statute_citations() -> list[Citation]:
    """Every confirmed statute citation of the access and disclosure rules and lists."""
    seen: dict[Citation, None] = {}
    for name in BOOKS:
        book = get_rulebook(name)
        for subject in ("work_item", "disclosure"):
            for rule in book.rules_for(subject):
                seen.update(dict.fromkeys(rule.citations))
        for pname in book.parameter_names:
            if pname.startswith("disclosure."):
                seen.update(dict.fromkeys(v.citation for v in book.parameter(pname).versions))
        for row in book.table("work-item.lists").entries:
            seen[row.citation] = None
    return [
        c
        for c in seen
        if c.confidence == "confirmed" and (LAW / f"{c.source}.md").exists() and c.quote
    ]


@pytest.mark.skipif(not LAW.exists(), reason="shared/law is not beside the checkout")
def test_each_quote_is_in_the_paragraph_its_locator_names() -> None:
    """E6: «公布的期限不得少于十五日» is village Art. 35 第四款 and «一般事项至少每季度公布一次»
    its 第三款 — every 第N条第M款 locator is checked against the text's paragraphs."""
    problems = []
    checked = 0
    for c in statute_citations():
        m = _ARTICLE.match(c.locator)
        assert m, c.locator
        paras = paragraphs(c.source, m.group(1))
        assert paras, (c.source, m.group(1))
        where = (
            paras if m.group(2) is None else paras[_number(m.group(2)) - 1 : _number(m.group(2))]
        )
        checked += 1
        if not any(c.quote in p for p in where):
            problems.append(f"{c.source} {c.locator}: {c.quote}")
    assert checked > 20
    assert not problems, "\n".join(problems)
