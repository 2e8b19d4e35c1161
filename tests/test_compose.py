"""The composable check vocabulary (checks/compose.py): named measures and facts, thresholds,
any_of / all_of, member_of, when — explained like built-in rules, and plain picklable values."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from fractions import Fraction
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_governance import (
    Citation,
    Meeting,
    Parameter,
    Proposal,
    Rule,
    RulebookError,
    Threshold,
    WorkItem,
    get_rulebook,
)
from community_governance.checks import compose
from community_governance.checks.compose import FACTS, MEASURES, Compare, When
from community_governance.engine import evaluate_rule
from community_governance.models import SUBJECT_MODELS
from community_governance.models.proposal import ProposalCategory
from community_governance.rules.scope import Scope
from community_governance.rules.table import Table, TableEntry
from community_governance.rules.threshold import QUANTIFIERS

from ._support import example_data

DAY = dt.date(2027, 1, 1)
ATTENDEES, ENTITLED = (MEASURES["meeting"][m].term for m in ("attendees", "entitled"))
CITE = Citation("示例规则（虚构）", "第一条", "示例")


def count(name: str, value: int) -> Parameter:
    """A count parameter in force from DAY."""
    return Parameter.count(name, name, name, (value, DAY, None, CITE), unit_zh="名")


def share(name: str, value: Fraction) -> Parameter:
    """A share parameter in force from DAY."""
    return Parameter.share(name, name, name, (value, DAY, None, CITE))


def rule(check: Any, subject: type[Any], rule_id: str = "test.composed") -> Rule:
    """A must obligation around ``check``."""
    return Rule(
        id=rule_id,
        title_zh="测试",
        title_en="test",
        kind="obligation",
        severity="must",
        scope=Scope(subject),
        check=check,
        citations=(CITE,),
    )


def meeting(entitled: int, attendees: int, **extra: Any) -> Meeting:
    """A residents' assembly meeting held on DAY."""
    return Meeting(
        id="M-1",
        body="residents_assembly",
        community_kind="urban",
        held_on=DAY,
        constituted_by="households",
        entitled=entitled,
        attendees=attendees,
        **extra,
    )


def proposal(**changes: Any) -> Proposal:
    """The short Jinjiang proposal (5 of 51 representatives, 48 households) with changes."""
    data = {**example_data("jinjiang/proposal-short.json"), **changes}
    return Proposal.model_validate_json(json.dumps(data, ensure_ascii=False))


def finding(subject: Any, *rules: Rule, tables: tuple[Table, ...] = ()) -> Any:
    """The finding of the first rule, the rules added to cn."""
    book = get_rulebook("cn").extend("cn.test", "1", rules=rules, tables=tables)
    return evaluate_rule(rules[0], subject, book, DAY, raise_errors=True)


class TestRegistry:
    """Named measures and facts are registered per subject type and agree with the models."""

    def test_the_five_main_subject_types_have_measures_and_facts(self) -> None:
        """proposal, body, meeting, election and work_item each name measures and facts."""
        for subject in ("proposal", "body", "meeting", "election", "work_item"):
            assert MEASURES[subject], subject
            assert FACTS[subject], subject
            assert subject in SUBJECT_MODELS

    def test_every_base_is_a_measure_of_the_same_subject(self) -> None:
        """A share is taken of a measure of the same subject type."""
        for subject, measures in MEASURES.items():
            for m in measures.values():
                assert m.base is None or m.base in measures, (subject, m.name)

    def test_evidence_keys_are_the_measure_names(self) -> None:
        """What evidence calls the counted thing is the name a rule uses for it."""
        for measures in MEASURES.values():
            for name, m in measures.items():
                assert m.term.key == name == m.name

    def test_fact_values_are_the_model_values(self) -> None:
        """A proposal's category takes exactly the model's values."""
        assert FACTS["proposal"]["category"].values == get_args(ProposalCategory)

    def test_sponsoring_representatives_are_a_share_of_those_serving(self) -> None:
        """sponsoring_representatives has base representatives: those serving on submitted_on."""
        p = proposal()
        reps = MEASURES["proposal"]["representatives"].read(p)
        assert MEASURES["proposal"]["sponsoring_representatives"].base == "representatives"
        assert reps == len(p.community.representatives(p.submitted_on)) == 51


class TestThreshold:
    """A threshold over a named measure is judged by the exact Threshold machinery."""

    @pytest.mark.parametrize("quantifier", QUANTIFIERS)
    @pytest.mark.parametrize("value", [Fraction(1, 10), Fraction(2, 3), Fraction(1, 2)])
    @given(entitled=st.integers(1, 300), offset=st.sampled_from([-1, 0, 1]))
    def test_share_boundary_n_minus_1_n_n_plus_1(
        self, quantifier: Any, value: Fraction, entitled: int, offset: int
    ) -> None:
        """At the bound and one either side, the composed check agrees with Threshold."""
        p = share("t.share", value)
        check = compose.threshold(Meeting, "attendees", quantifier, p)
        exact = Threshold(quantifier, value, ATTENDEES, ENTITLED)
        attendees = min(max(exact.bound(entitled) + offset, 0), entitled)
        f = finding(meeting(entitled, attendees), rule(check, Meeting))
        expected = exact.test(attendees, entitled)
        assert f.status == ("passed" if expected.passed else "failed")
        assert f.evidence == expected.to_evidence()
        assert f.message_en == expected.text()[1]

    def test_count_threshold_names_numbers_shortfall_and_parameter(self) -> None:
        """49 sponsoring households < 50: needs 1 more; the parameter value is recorded."""
        p = count("t.households", 50)
        check = compose.threshold(Proposal, "sponsoring_households", "at_least", p)
        hh = [f"H{i:03d}" for i in range(100, 149)]
        f = finding(proposal(sponsor_household_ids=hh), rule(check, Proposal))
        assert f.status == "failed"
        assert f.message_en == "49 sponsoring households < 50 (needs 50: 1 more household)"
        assert f.message_zh == "联名居民户49户，不符合50户以上的要求（至少50户，还差1户）"
        assert f.evidence["shortfall"] == 1
        assert [u.name for u in f.parameters] == ["t.households"]
        assert f.citations[-1] == CITE

    def test_upper_bound_reports_the_excess(self) -> None:
        """at_most 3 motions with 5: 2 fewer."""
        motion = {"voted_on": DAY, "in_favour": 1, "result": "adopted"}
        m = meeting(10, 5, motions=[{**motion, "id": str(i)} for i in range(5)])
        check = compose.threshold(Meeting, "motions", "at_most", count("t.motions", 3))
        f = finding(m, rule(check, Meeting))
        assert (f.status, f.evidence["excess"]) == ("failed", 2)
        assert "2 fewer motions" in f.message_en

    def test_a_share_of_nothing_is_indeterminate_not_passed(self) -> None:
        """0 ≥ 10% of 0 is no pass: with no one entitled the share cannot be judged."""
        check = compose.threshold(Meeting, "attendees", "at_least", share("t.s", Fraction(1, 10)))
        f = finding(meeting(0, 0), rule(check, Meeting))
        assert f.status == "indeterminate"
        assert "entitled" in f.message_en

    def test_a_measure_not_recorded_is_indeterminate(self) -> None:
        """notice_days without a day of notice names announced_on."""
        check = compose.threshold(Meeting, "notice_days", "at_least", count("t.days", 7))
        f = finding(meeting(10, 5), rule(check, Meeting))
        assert f.status == "indeterminate"
        assert f.evidence == {"missing": "announced_on"}


class TestGroups:
    """any_of / all_of report every part and what is missing."""

    def test_any_of_reads_like_the_built_in_sponsorship_rule(self) -> None:
        """5 of 51 representatives and 48 households against 10% / 50: needs 1 or 2 more."""
        check = compose.any_of(
            Proposal,
            Compare("sponsoring_representatives", "at_least", share("t.s", Fraction(1, 10))),
            Compare("sponsoring_households", "at_least", count("t.h", 50)),
        )
        f = finding(proposal(), rule(check, Proposal))
        assert f.status == "failed"
        assert "needs 1 more representative, or 2 more households" in f.message_en
        assert "还需再增加1名联名居民代表，或再增加2户联名居民户" in f.message_zh
        assert [p["counted"] for p in f.evidence["any_of"]] == [
            "sponsoring_representatives",
            "sponsoring_households",
        ]

    def test_all_of_fails_when_one_part_fails(self) -> None:
        """Enough representatives but too few households fails all_of, naming the households."""
        check = compose.all_of(
            Proposal,
            Compare("sponsoring_representatives", "at_least", share("t.s", Fraction(1, 20))),
            Compare("sponsoring_households", "at_least", count("t.h", 50)),
        )
        f = finding(proposal(), rule(check, Proposal))
        assert f.status == "failed"
        assert f.message_en.startswith("does not comply (all required) — needs 2 more households")

    def test_both_parts_are_declared_parameters(self) -> None:
        """The rule reads (and the rulebook registers) both parameters."""
        check = compose.any_of(
            Proposal,
            Compare("sponsoring_representatives", "at_least", share("t.s", Fraction(1, 10))),
            Compare("sponsoring_households", "at_least", "t.h"),
        )
        assert rule(check, Proposal).parameters == ("t.s", "t.h")


class TestWhenAndMembership:
    """``when`` narrows a rule to a fact of the case; member_of looks a fact up in a table."""

    def test_outside_when_the_rule_is_not_applicable_and_says_why(self) -> None:
        """An ordinary matter is not judged by a major-matter rule."""
        check = compose.threshold(
            Proposal,
            "sponsoring_households",
            "at_least",
            count("t.h", 3),
            when=When("category", "major"),
        )
        f = finding(proposal(category="ordinary"), rule(check, Proposal))
        assert f.status == "not_applicable"
        assert f.message_en == "the category is 'ordinary', not 'major': the rule does not apply"
        assert f.evidence == {"category": "ordinary"}
        assert finding(proposal(), rule(check, Proposal)).status == "passed"

    def test_member_of_a_table_in_force(self) -> None:
        """A domain listed in a table passes member_of and fails not_member_of, citing the row."""
        table = Table("t.domains", "类别", "domains", (TableEntry("demolition", None, CITE),))
        item = WorkItem.model_validate_json(
            json.dumps(example_data("access/demolition-responsible.json"), ensure_ascii=False)
        )
        yes = finding(
            item,
            rule(compose.member_of(WorkItem, "domain", "t.domains"), WorkItem),
            tables=(table,),
        )
        no = finding(
            item,
            rule(compose.not_member_of(WorkItem, "domain", "t.domains"), WorkItem),
            tables=(table,),
        )
        assert (yes.status, no.status) == ("passed", "failed")
        assert yes.evidence["entry"]["citation"]["source"] == "示例规则（虚构）"
        assert "is an entry of t.domains" in no.message_en

    def test_an_item_naming_no_list_entry_is_on_no_table(self) -> None:
        """list_entry null is an answer (on no list), not missing data."""
        table = Table("t.entries", "清单", "entries", (TableEntry("X-1", None, CITE),))
        data = {**example_data("access/demolition-responsible.json"), "list_entry": None}
        item = WorkItem.model_validate_json(json.dumps(data, ensure_ascii=False))
        check = compose.member_of(WorkItem, "list_entry", "t.entries")
        f = finding(item, rule(check, WorkItem), tables=(table,))
        assert (f.status, f.evidence["value"]) == ("failed", None)


class TestValues:
    """A composed check is a plain value: it pickles and compares equal."""

    def test_check_and_rule_pickle(self) -> None:
        """The check, and a rule holding it, survive pickling and still judge."""
        check = compose.threshold(
            Proposal,
            "sponsoring_households",
            "at_least",
            count("t.h", 3),
            when=When("category", ("major",)),
        )
        again = pickle.loads(pickle.dumps(check))
        assert again == check
        r = pickle.loads(pickle.dumps(rule(check, Proposal)))
        assert finding(proposal(), r).status == "passed"

    def test_the_rule_reads_what_the_check_declares(self) -> None:
        """Parameters and tables of a rule derive from its composed check."""
        assert rule(compose.member_of(WorkItem, "domain", "t.x"), WorkItem).tables == ("t.x",)


class TestMistakes:
    """A mistake is a RulebookError naming the key and the nearest valid names."""

    @pytest.mark.parametrize(
        ("make", "key", "hint"),
        [
            (
                lambda: compose.threshold(Proposal, "sponsoring_houshold", "at_least", "p"),
                "threshold.measure",
                "did you mean 'sponsoring_households'",
            ),
            (
                lambda: compose.threshold(Proposal, "households", "atleast", "p"),
                "threshold.quantifier",
                "did you mean 'at_least'",
            ),
            (
                lambda: compose.threshold(
                    Proposal, "representatives", "at_least", share("t.s", Fraction(1, 10))
                ),
                "threshold.parameter",
                "has no base",
            ),
            (
                lambda: compose.member_of(WorkItem, "domian", "t"),
                "member_of.fact",
                "did you mean 'domain'",
            ),
            (
                lambda: compose.threshold(
                    Proposal, "households", "at_least", "p", when=When("category", "majr")
                ),
                "when.is",
                "did you mean 'major'",
            ),
            (
                lambda: compose.any_of(
                    Proposal,
                    Compare("households", "at_leest", "p"),
                    Compare("nope", "at_least", "p"),
                ),
                "any_of[0].quantifier",
                "any_of[1].measure",
            ),
        ],
    )
    def test_error_names_the_key_and_the_nearest_names(
        self, make: Any, key: str, hint: str
    ) -> None:
        """Each mistake names where it is and what was probably meant."""
        with pytest.raises(RulebookError) as info:
            make()
        assert info.value.key == key
        assert hint in str(info.value)

    def test_the_subject_must_be_a_model_class(self) -> None:
        """A misspelt subject type lists the known ones."""
        with pytest.raises(RulebookError, match="did you mean 'proposal'"):
            compose.threshold("proposl", "households", "at_least", "p")
