"""The engine: deny-overrides, indeterminate for missing data or errors, advisory warnings."""

from __future__ import annotations

import datetime as dt

import pytest

from community_governance import (
    Check,
    Citation,
    MissingDataError,
    Rule,
    evaluate,
    get_rulebook,
)
from community_governance.models import Proposal
from community_governance.rules.rule import RuleContext, reads
from community_governance.rules.scope import Scope

from ._support import load_example

CITE = Citation("test-source", "第一条")


def make_rule(rule_id: str, check: object, severity: str = "must", **kw: object) -> Rule:
    return Rule(
        id=rule_id,
        title_zh="规则",
        title_en="rule",
        kind="obligation",
        severity=severity,  # type: ignore[arg-type]
        scope=Scope(Proposal),
        check=check,  # type: ignore[arg-type]
        citations=(CITE,),
        **kw,  # type: ignore[arg-type]
    )


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
        rules = (
            make_rule("t.advice", returns("failed"), "advisory"),
            make_rule("t.ok", returns("passed")),
        )
        d = evaluate(proposal, book(*rules))  # type: ignore[arg-type]
        assert d.verdict == "allowed"
        assert [f.rule for f in d.warnings] == ["t.advice"]

    def test_advisory_rules_alone_never_allow(self, proposal: Proposal) -> None:
        """Advisory rules passing are no judgement: without a binding rule, indeterminate."""
        d = evaluate(proposal, book(make_rule("t.advice", returns("passed"), "advisory")))  # type: ignore[arg-type]
        assert d.verdict == "indeterminate"
        assert d.coverage.uncovered is not None


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

    def test_rulebook_without_rules_for_the_subject_is_uncovered(self, proposal: Proposal) -> None:
        """A proposal under a rulebook with no proposal rules: indeterminate, saying so."""
        d = evaluate(proposal, get_rulebook("cn"))
        assert (d.verdict, d.findings) == ("indeterminate", ())
        assert d.coverage.uncovered is not None
        assert "no binding rule of cn in force on 2026-03-02" in d.coverage.uncovered[1]

    def test_rules_not_in_force_are_counted_and_never_allow(self, proposal: Proposal) -> None:
        """Before Jinjiang's rules existed nothing is in force: indeterminate, not allowed."""
        d = evaluate(proposal, get_rulebook("cn.sichuan.chengdu.jinjiang"), dt.date(2010, 1, 1))
        assert (d.verdict, d.findings) == ("indeterminate", ())
        assert d.coverage.not_in_force == ("proposal.sponsorship", "proposal.party-initiative")


class TestDates:
    """The date of a check defaults to the subject's own date and must be a date."""

    def test_default_date_is_submission_date(self, proposal: Proposal) -> None:
        """A proposal is judged as of submitted_on unless told otherwise."""
        assert (
            evaluate(proposal, get_rulebook("cn.sichuan.chengdu.jinjiang")).at
            == proposal.submitted_on
        )

    def test_rulebook_id_string_is_refused_with_the_call_to_use(self, proposal: Proposal) -> None:
        """evaluate(p, "cn") says to call get_rulebook, not AttributeError."""
        with pytest.raises(TypeError, match=r"get_rulebook\('cn'\)"):
            evaluate(proposal, "cn")  # type: ignore[arg-type]

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


class TestScope:
    """The engine applies each rule's declared scope; a Decision lists in-scope rules only."""

    def test_out_of_scope_rules_are_counted_not_listed(self, proposal: Proposal) -> None:
        """A rule for rural communities does not appear in an urban proposal's Decision."""
        rural = Rule(
            id="t.rural",
            title_zh="农村",
            title_en="rural",
            kind="obligation",
            severity="must",
            scope=Scope(Proposal, community_kind="rural"),
            check=returns("failed"),  # type: ignore[arg-type]
            citations=(CITE,),
        )
        d = evaluate(proposal, book(rural, make_rule("t.ok", returns("passed"))))  # type: ignore[arg-type]
        assert [f.rule for f in d.findings] == ["t.ok"]
        assert (d.verdict, d.coverage.out_of_scope) == ("allowed", 1)

    def test_scope_is_checked_when_the_rule_is_declared(self) -> None:
        """A subject that is no model class, or a fact value that cannot be, fails at once."""
        from community_governance import RulebookError

        with pytest.raises(RulebookError, match="subject model class"):
            Scope("bodyy")  # type: ignore[arg-type]
        with pytest.raises(RulebookError, match="did you mean 'rural'"):
            Scope(Proposal, community_kind="rual")
        with pytest.raises(RulebookError, match="has no fact 'body_kind'"):
            Scope(Proposal, body_kind="grid")
        with pytest.raises(RulebookError, match="must be a Scope"):
            make_rule("t.x", returns("passed")).__class__(
                id="t.x",
                title_zh="x",
                title_en="x",
                kind="obligation",
                severity="must",
                scope="proposal",  # type: ignore[arg-type]
                check=returns("passed"),  # type: ignore[arg-type]
                citations=(CITE,),
            )

    def test_urban_election_before_2026_is_never_allowed(self) -> None:
        """Regression: an urban election dated 2025-06-01 under cn met only rules not in force
        and came out allowed with nothing checked."""
        from community_governance import Election

        e = Election.model_validate_json(load_example("elections/voters-election.json"))
        d = evaluate(e, get_rulebook("cn"), dt.date(2025, 6, 1))
        assert d.verdict == "indeterminate"
        assert d.coverage.uncovered is not None
        assert "2025-06-01" in d.coverage.uncovered[1]


class TestDeclaredReads:
    """A check reads only the law data its rule declares, through typed lookups."""

    def test_undeclared_parameter_read_is_a_definition_error(self, proposal: Proposal) -> None:
        """Reading a parameter the rule does not declare raises RulebookError naming both."""
        from community_governance import RulebookError

        def check(subject: object, ctx: RuleContext) -> Check:
            ctx.count("proposal.sponsorship.households")
            return Check.passed("通过", "passes")

        jj = get_rulebook("cn.sichuan.chengdu.jinjiang")
        book = jj.extend("cn.test", "t", rules=[make_rule("t.sneaky", check)])
        with pytest.raises(RulebookError, match="does not declare"):
            evaluate(proposal, book)

    def test_typed_lookup_refuses_the_wrong_kind(self, proposal: Proposal) -> None:
        """ctx.share() on a count parameter is a RulebookError, not a silent int."""
        from community_governance import RulebookError

        @reads("proposal.sponsorship.households")
        def check(subject: object, ctx: RuleContext) -> Check:
            ctx.share("proposal.sponsorship.households")
            return Check.passed("通过", "passes")

        jj = get_rulebook("cn.sichuan.chengdu.jinjiang")
        book = jj.extend("cn.test", "t", rules=[make_rule("t.kind", check)])
        with pytest.raises(RulebookError, match="read as a share"):
            evaluate(proposal, book)

    def test_declared_parameters_derive_from_the_check(self) -> None:
        """Rule.parameters is what reads() declares: each name is written once."""
        rule = get_rulebook("cn.sichuan.chengdu.jinjiang").rule("proposal.sponsorship")
        assert rule.parameters == (
            "proposal.sponsorship.representative-share",
            "proposal.sponsorship.households",
        )

    def test_unknown_parameter_fails_when_the_rulebook_is_built(self) -> None:
        """A rule reading a parameter no rulebook defines fails at build, naming it."""
        from community_governance import RulebookError

        @reads("no.such.parameter")
        def check(subject: object, ctx: RuleContext) -> Check:
            return Check.passed("通过", "passes")

        with pytest.raises(RulebookError, match=r"no\.such\.parameter"):
            book(make_rule("t.unknown", check))

    def test_each_finding_records_the_parameter_values_used(self, proposal: Proposal) -> None:
        """The explanation names every number used: name, value, dates and citation."""
        f = evaluate(proposal, get_rulebook("cn.sichuan.chengdu.jinjiang")).finding(
            "proposal.sponsorship"
        )
        used = {p.name: (p.value, p.valid_from.isoformat(), p.valid_to) for p in f.parameters}
        assert used == {
            "proposal.sponsorship.representative-share": ("1/10", "2011-02-22", None),
            "proposal.sponsorship.households": (50, "2011-02-22", None),
        }
        assert "10%以上" in f.parameters[0].citation.quote


class TestCheckWrappers:
    """The engine calls a rule's check as declared: a wrapper's own behaviour is kept."""

    def test_a_declared_check_subclass_is_called_not_unwrapped(self, proposal: Proposal) -> None:
        """Regression: the engine unwrapped every DeclaredCheck to its function, skipping a
        subclass's __call__ (the access rules' grounds were lost)."""
        import attrs

        from community_governance.rules.rule import DeclaredCheck

        @attrs.frozen(slots=True)
        class Narrowing(DeclaredCheck):
            def __call__(self, subject: object, ctx: RuleContext) -> Check:
                return self.fn(subject, ctx).citing(Citation("narrowed", "第三条"))

        rule = make_rule("t.wrapped", Narrowing(returns("passed")))  # type: ignore[arg-type]
        f = evaluate(proposal, book(rule)).finding("t.wrapped")  # type: ignore[arg-type]
        assert [c.source for c in f.citations] == ["narrowed"]


class TestTitles:
    """Titles render from the parameter values in force."""

    def test_title_follows_a_local_override(self, proposal: Proposal) -> None:
        """A locality raising the share to 15% sees 15% in the rule's title."""
        from fractions import Fraction

        from community_governance import Parameter, ParameterVersion

        jj = get_rulebook("cn.sichuan.chengdu.jinjiang")
        local = jj.extend(
            "cn.test",
            "t",
            parameters=[
                Parameter(
                    "proposal.sponsorship.representative-share",
                    "比例",
                    "share",
                    "share",
                    (ParameterVersion(Fraction(15, 100), dt.date(2027, 1, 1), None, CITE),),
                )
            ],
        )
        f = evaluate(proposal, local, dt.date(2027, 1, 1)).finding("proposal.sponsorship")
        assert "15%以上" in f.title_zh
        assert "15%" in f.title_en
        before = evaluate(proposal, local, dt.date(2026, 12, 31)).finding("proposal.sponsorship")
        assert "10%以上" in before.title_zh


class TestPlansAndPickling:
    """Plans are compiled once per (subject type, date); rulebooks pickle by origin."""

    def test_plan_is_reused(self) -> None:
        """The same (subject type, date) gives the same compiled plan."""
        jj = get_rulebook("cn.sichuan.chengdu.jinjiang")
        day = dt.date(2026, 3, 2)
        assert jj.plan("proposal", day) is jj.plan("proposal", day)

    def test_builtin_rulebook_pickles_by_id(self, proposal: Proposal) -> None:
        """A built-in rulebook survives pickling and gives the same bytes."""
        import pickle

        jj = get_rulebook("cn.sichuan.chengdu.jinjiang")
        again = pickle.loads(pickle.dumps(jj))
        assert again is jj
        assert evaluate(proposal, again).to_json() == evaluate(proposal, jj).to_json()

    def test_rulebook_built_in_python_refuses_to_pickle_with_a_reason(self) -> None:
        """A rulebook made of closures says why it cannot pickle."""
        import pickle

        with pytest.raises(TypeError, match="built in Python"):
            pickle.dumps(book(make_rule("t.ok", returns("passed"))))

    def test_process_pool_gives_the_same_decisions(self, proposal: Proposal) -> None:
        """Rulebooks and decisions travel to worker processes and back."""
        import concurrent.futures

        jj = get_rulebook("cn.sichuan.chengdu.jinjiang")
        with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
            out = list(pool.map(evaluate, [proposal, proposal], [jj, jj]))
        assert [d.to_json() for d in out] == [evaluate(proposal, jj).to_json()] * 2
