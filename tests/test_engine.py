"""The engine: deny-overrides, indeterminate for missing data or errors, advisory warnings."""

from __future__ import annotations

import datetime as dt

import pytest

from community_governance import (
    Check,
    Citation,
    MissingDataError,
    Rule,
    UnknownReferenceError,
    evaluate,
    get_rulebook,
)
from community_governance.models import Proposal

from ._support import load_example

CITE = Citation("test-source", "第一条")


def make_rule(rule_id: str, check: object, severity: str = "must", **kw: object) -> Rule:
    return Rule(
        rule_id,
        "规则",
        "rule",
        "obligation",
        severity,
        "proposal",  # type: ignore[arg-type]
        check,
        (CITE,),
        **kw,
    )  # type: ignore[arg-type]


def returns(status: str) -> object:
    def check(subject: object, ctx: object) -> Check:
        return Check(status, "中文", "english", {"n": 1})  # type: ignore[arg-type]

    return check


def book(*rules: Rule) -> object:
    return get_rulebook("cn").extend("cn.test", "t", rules=rules)


@pytest.fixture
def proposal() -> Proposal:
    return Proposal.model_validate_json(load_example("jinjiang/proposal-eligible.json"))


class TestCombining:
    """must-rules combine deny-overrides; advisory rules never decide."""

    @pytest.mark.parametrize(
        ("statuses", "verdict"),
        [
            (("passed", "passed"), "allowed"),
            (("passed", "failed"), "denied"),
            (("indeterminate", "passed"), "indeterminate"),
            (("indeterminate", "failed"), "denied"),
            (("not_applicable", "passed"), "allowed"),
        ],
    )
    def test_deny_overrides_then_indeterminate(
        self, proposal: Proposal, statuses: tuple[str, str], verdict: str
    ) -> None:
        """A failure denies whatever else; otherwise an indeterminate must-rule wins."""
        rules = [make_rule(f"t.r{i}", returns(s)) for i, s in enumerate(statuses)]
        assert evaluate(proposal, book(*rules)).verdict == verdict  # type: ignore[arg-type]

    def test_advisory_failure_only_warns(self, proposal: Proposal) -> None:
        """A failed advisory (原则上) rule is a warning; the verdict stays allowed."""
        d = evaluate(proposal, book(make_rule("t.advice", returns("failed"), "advisory")))  # type: ignore[arg-type]
        assert d.verdict == "allowed"
        assert [f.rule for f in d.warnings] == ["t.advice"]


class TestNoSilentPass:
    """A rule that cannot be evaluated is reported, never passed."""

    def test_missing_data_is_indeterminate_naming_the_field(self, proposal: Proposal) -> None:
        """MissingDataError → indeterminate finding with the missing field."""

        def check(subject: object, ctx: object) -> Check:
            raise MissingDataError("community.persons[].gender", "not recorded", "未登记")

        d = evaluate(proposal, book(make_rule("t.missing", check)))  # type: ignore[arg-type]
        f = d.finding("t.missing")
        assert (d.verdict, f.status) == ("indeterminate", "indeterminate")
        assert f.evidence == {"missing": "community.persons[].gender"}
        assert "community.persons[].gender" in f.message_en

    def test_raising_rule_is_reported_not_swallowed(self, proposal: Proposal) -> None:
        """An exception in a check becomes an indeterminate finding naming the error."""

        def check(subject: object, ctx: object) -> Check:
            raise ZeroDivisionError("boom")

        d = evaluate(proposal, book(make_rule("t.raises", check)))  # type: ignore[arg-type]
        f = d.finding("t.raises")
        assert f.status == "indeterminate"
        assert f.evidence == {"error": "ZeroDivisionError", "detail": "boom"}

    def test_raise_errors_reraises(self, proposal: Proposal) -> None:
        """raise_errors=True lets a rule author see the traceback."""

        def check(subject: object, ctx: object) -> Check:
            raise ZeroDivisionError("boom")

        with pytest.raises(ZeroDivisionError):
            evaluate(proposal, book(make_rule("t.raises", check)), raise_errors=True)  # type: ignore[arg-type]

    def test_no_representatives_and_too_few_households_is_indeterminate(self) -> None:
        """Without representatives the 10% base is unknown: indeterminate, not passed."""
        data = load_example("jinjiang/proposal-short.json")
        p = Proposal.model_validate_json(data)
        empty = p.community.model_copy(update={"memberships": ()})
        p2 = p.model_copy(update={"community": empty, "sponsor_representative_ids": ()})
        d = evaluate(p2, get_rulebook("cn.sichuan.chengdu.jinjiang"))
        assert d.finding("proposal.sponsorship").status == "indeterminate"
        assert d.finding("proposal.sponsorship").evidence["missing"] == "community.memberships"

    def test_rulebook_without_rules_for_the_subject_is_an_error(self, proposal: Proposal) -> None:
        """Checking a proposal against a rulebook with no proposal rules is a usage error."""
        with pytest.raises(UnknownReferenceError, match="subject type 'proposal'"):
            evaluate(proposal, get_rulebook("cn"))

    def test_rules_not_in_force_are_reported_and_never_allow(self, proposal: Proposal) -> None:
        """Before Jinjiang's rules existed nothing is in force: indeterminate, not allowed."""
        d = evaluate(proposal, get_rulebook("cn.sichuan.chengdu.jinjiang"), dt.date(2010, 1, 1))
        assert d.verdict == "indeterminate"
        assert all(f.evidence["in_force"] is False for f in d.findings)


class TestDates:
    """The date of a check defaults to the subject's own date and must be a date."""

    def test_default_date_is_submission_date(self, proposal: Proposal) -> None:
        """A proposal is judged as of submitted_on unless told otherwise."""
        assert (
            evaluate(proposal, get_rulebook("cn.sichuan.chengdu.jinjiang")).at
            == proposal.submitted_on
        )

    def test_datetime_is_refused(self, proposal: Proposal) -> None:
        """A datetime (or a string) is not a date."""
        for bad in (dt.datetime(2026, 1, 1), "2026-01-01"):
            with pytest.raises(TypeError, match=r"datetime\.date"):
                evaluate(proposal, get_rulebook("cn.sichuan.chengdu.jinjiang"), bad)  # type: ignore[arg-type]

    def test_parameter_citation_joins_the_finding(self, proposal: Proposal) -> None:
        """The citation of the parameter value read is reported with the finding."""
        f = evaluate(proposal, get_rulebook("cn.sichuan.chengdu.jinjiang")).finding(
            "proposal.sponsorship"
        )
        assert any("10%以上" in c.quote for c in f.citations)


class TestCitations:
    """A finding cites what grounds it: the rule's sources, or those the check names."""

    def test_check_may_narrow_the_rules_citations(self, proposal: Proposal) -> None:
        """Check.citing() replaces the rule's citations in the finding."""
        narrow = Citation("narrow-source", "第二条")

        def check(subject: object, ctx: object) -> Check:
            return Check.passed("通过", "passes").citing(narrow)

        f = evaluate(proposal, book(make_rule("t.narrow", check))).finding("t.narrow")  # type: ignore[arg-type]
        assert f.citations == (narrow,)

    def test_dated_size_rule_cites_the_article_in_force(self) -> None:
        """Residents' committee size cites 2018 Art. 7 before 2026 and 2025 Art. 8 after."""
        from community_governance import BodyComposition

        body = BodyComposition.model_validate_json(
            load_example("jinjiang/residents-committee.json")
        )
        for at, source in (
            (dt.date(2025, 12, 31), "城市居民委员会组织法(2018-12-29)"),
            (dt.date(2026, 1, 1), "城市居民委员会组织法(2025-10-28)"),
        ):
            f = evaluate(body, get_rulebook("cn"), at).finding("residents-committee.size")
            assert {c.source for c in f.citations} == {source}
