"""Rulebook files (cg.rulebook/2, and /1, TOML or YAML): strictly validated data, never code."""

from __future__ import annotations

import datetime as dt
import io
import json
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from community_governance import (
    Citation,
    Proposal,
    RulebookError,
    WorkItem,
    check_work_item,
    evaluate,
    get_rulebook,
    load_rulebook,
    parse_rulebook,
)
from community_governance.checks import compose
from community_governance.cli import main
from community_governance.rulebooks._files import read_document
from community_governance.rules import Rule
from community_governance.rules.scope import Scope
from community_governance.rules.table import Table, TableEntry

from ._support import EXAMPLES, example_data, load_example

SHARE = "proposal.sponsorship.representative-share"
HOUSEHOLDS = "proposal.sponsorship.households"
LOCALITY = EXAMPLES / "rulebooks" / "locality-2027.toml"
LOCALITY_INPUT = EXAMPLES / "rulebooks" / "locality-proposal.json"
JAN1, DEC31 = dt.date(2027, 1, 1), dt.date(2026, 12, 31)
GOOD = """\
format = "cg.rulebook/1"
id = "cn.example.town"
version = "1"
extends = "cn.sichuan.chengdu.jinjiang"
title = { zh = "示例镇", en = "Example town" }

[[parameters]]
name = "proposal.sponsorship.representative-share"
value = "20%"
valid_from = 2027-01-01
citation = { source = "示例镇规则", locator = "第五条", quote = "20%以上" }
"""
HEAD = """\
format = "cg.rulebook/2"
id = "cn.example.town"
version = "1"
extends = "cn.sichuan.chengdu.jinjiang"
title = { zh = "示例镇", en = "Example town" }
"""
CITE = 'citation = { source = "示例镇规则（虚构）", locator = "第一条" }'
CITES = 'citations = [{ source = "示例镇规则（虚构）", locator = "第二条" }]'


def value(name: str, value: str, *extra: str, valid_from: str = "2027-01-01") -> str:
    """A ``[[parameters]]`` entry giving ``name`` the TOML value ``value`` from ``valid_from``."""
    lines = ["[[parameters]]", f'name = "{name}"', *extra, f"value = {value}"]
    return "\n".join([*lines, f"valid_from = {valid_from}", CITE, ""])


def write(tmp_path: Path, text: str, name: str = "book.toml") -> Path:
    """Write a file in tmp_path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def locality_proposal(on: dt.date, reps: int = 0, households: int = 0, **changes: Any) -> Proposal:
    """The 2027 example proposal submitted ``on``, with ``reps`` and ``households`` sponsors."""
    data = json.loads(LOCALITY_INPUT.read_text(encoding="utf-8"))
    data.update(
        submitted_on=on.isoformat(),
        proposer="representatives" if reps else "households",
        sponsor_representative_ids=[f"R{i:02d}" for i in range(1, reps + 1)],
        sponsor_household_ids=[f"H{i:03d}" for i in range(100, 100 + households)],
    )
    data.update(changes)
    return Proposal.model_validate_json(json.dumps(data, ensure_ascii=False))


def verdict(book: Any, subject: Any) -> str:
    """The verdict of ``subject`` under ``book`` (run in a worker process)."""
    return str(evaluate(subject, book).verdict)


def load_error(tmp_path: Path, text: str, name: str = "book.toml") -> RulebookError:
    """The error loading ``text`` raises."""
    with pytest.raises(RulebookError) as info:
        load_rulebook(write(tmp_path, text, name))
    return info.value


class TestLocality:
    """The shipped locality file: a street office onboarded from data alone, no Python."""

    def test_it_extends_jinjiang_and_cites_its_own_document(self) -> None:
        """Lineage, version and the file's own citation."""
        book = load_rulebook(LOCALITY)
        assert book.lineage == (
            "cn.sichuan.chengdu.jinjiang.example-street",
            "cn.sichuan.chengdu.jinjiang",
            "cn",
        )
        assert book.citations[0].source == "示例街道社区议事规则（2027，虚构）"

    def test_numbers_change_on_2027_01_01_and_not_the_day_before(self) -> None:
        """15% and 30 from 2027-01-01; Jinjiang's 10% and 50 on 2026-12-31."""
        book = load_rulebook(LOCALITY)
        assert book.parameter_version(SHARE, DEC31).value == Fraction(1, 10)
        assert book.parameter_version(HOUSEHOLDS, DEC31).value == 50
        assert book.parameter_version(SHARE, JAN1).value == Fraction(3, 20)
        assert book.parameter_version(HOUSEHOLDS, JAN1).value == 30

    def test_the_sponsorship_title_follows_the_values_in_force(self) -> None:
        """The rule's {placeholders} render 15% / 30 from 2027, 10% / 50 before."""
        book = load_rulebook(LOCALITY)
        late = evaluate(locality_proposal(JAN1, reps=8), book).finding("proposal.sponsorship")
        early = evaluate(locality_proposal(DEC31, reps=8), book).finding("proposal.sponsorship")
        assert late.title_zh == "社区重大事项由15%以上社区居民代表或者30户以上居民提出议案"
        assert early.title_en == (
            "A major matter is proposed by at least 10% of the representatives or at least "
            "50 households"
        )

    def test_the_finding_cites_the_locality_article_that_set_the_number(self) -> None:
        """From 2027 the sponsorship finding cites Jinjiang's report and the street's Art. 6."""
        f = evaluate(locality_proposal(JAN1, reps=7), load_rulebook(LOCALITY)).finding(
            "proposal.sponsorship"
        )
        assert f.status == "failed"
        assert "7 sponsoring representatives < 15% of 51 representatives (needs 8" in f.message_en
        assert [c.locator for c in f.citations][-1] == "第六条"

    @pytest.mark.parametrize(
        ("households", "status"), [(14, "failed"), (15, "passed"), (16, "passed")]
    )
    def test_the_new_rule_at_5_percent_of_300_households(
        self, households: int, status: str
    ) -> None:
        """proposal.household-share: 15 of 300 households is 5% (以上: inclusive)."""
        d = evaluate(locality_proposal(JAN1, households=households), load_rulebook(LOCALITY))
        f = d.finding("proposal.household-share")
        assert f.status == status
        assert f.title_zh == "居民联名提出议案的，联名户数应当达到社区居民户数的5%以上"
        assert f.citations[0].locator == "第七条"
        assert f.evidence["base_count"] == 300

    def test_the_new_rule_is_not_in_force_before_2027(self) -> None:
        """On 2026-12-31 the rule is reported not in force, not judged."""
        d = evaluate(locality_proposal(DEC31, households=60), load_rulebook(LOCALITY))
        assert "proposal.household-share" in d.coverage.not_in_force

    def test_five_negative_list_items_are_refused_from_2027(self) -> None:
        """Each ES-N item is refused with its entry's citation; the lists file needs no Python."""
        book = load_rulebook(LOCALITY)
        for n in range(1, 6):
            data = {
                **example_data("access/assistance-funded.json"),
                "list_entry": f"ES-N-0{n}",
                "requested_on": "2027-03-01",
                "deadline": "2027-05-31",
            }
            item = WorkItem.model_validate_json(json.dumps(data, ensure_ascii=False))
            d = check_work_item(item, book)
            assert d.verdict == "denied"
            f = d.finding("work-item.negative-list")
            assert f.status == "failed"
            assert f"附件2 第{n}项" in f.message_zh

    def test_pickles_by_content_without_the_file(self, tmp_path: Path) -> None:
        """A loaded rulebook pickles as its text: it unpickles after the file is gone."""
        path = write(tmp_path, LOCALITY.read_text(encoding="utf-8"), "locality.toml")
        book = load_rulebook(path)
        data = pickle.dumps(book)
        path.unlink()
        again = pickle.loads(data)
        assert again == book
        p = locality_proposal(JAN1, reps=8)
        assert evaluate(p, again).to_dict() == evaluate(p, book).to_dict()

    def test_a_worker_process_rebuilds_it(self) -> None:
        """A fresh interpreter (spawn) rebuilds the rulebook from its pickled texts."""
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            job = pool.submit(verdict, load_rulebook(LOCALITY), locality_proposal(JAN1, reps=8))
            assert job.result(timeout=120) == "allowed"

    def test_cli_checks_a_proposal_with_the_file(self) -> None:
        """cgov check proposal … --rulebook locality-2027.toml: 8 of 51 is 15% — allowed."""
        out = io.StringIO()
        code = main(
            ["check", "proposal", str(LOCALITY_INPUT), "--rulebook", str(LOCALITY)],
            out=out,
            err=io.StringIO(),
        )
        assert code == 0
        assert "8 sponsoring representatives ≥ 15% of 51 representatives (needs 8)" in (
            out.getvalue()
        )
        assert "cn.sichuan.chengdu.jinjiang.example-street v2027.1" in out.getvalue()


class TestExtends:
    """A file extends a built-in rulebook, one given by id, or another file."""

    def test_a_file_extends_a_file_next_to_it(self, tmp_path: Path) -> None:
        """extends = "town.toml" is read relative to the extending file."""
        write(tmp_path, GOOD, "town.toml")
        village = HEAD.replace('"cn.example.town"', '"cn.example.town.village"', 1).replace(
            '"cn.sichuan.chengdu.jinjiang"', '"town.toml"'
        )
        village += "\n" + value(HOUSEHOLDS, "30", valid_from="2027-06-01")
        (tmp_path / "sub").mkdir()
        book = load_rulebook(
            write(tmp_path / "sub", village.replace('"town.toml"', '"../town.toml"'))
        )
        assert book.lineage[:2] == ("cn.example.town.village", "cn.example.town")
        assert book.parameter_version(SHARE, JAN1).value == Fraction(1, 5)
        assert book.parameter_version(HOUSEHOLDS, dt.date(2027, 6, 1)).value == 30

    def test_both_files_travel_in_the_pickle(self, tmp_path: Path) -> None:
        """The parent file's text is part of the child's origin."""
        write(tmp_path, GOOD, "town.toml")
        child = HEAD.replace('"cn.example.town"', '"cn.example.town.x"', 1).replace(
            '"cn.sichuan.chengdu.jinjiang"', '"town.toml"'
        )
        path = write(tmp_path, child, "child.toml")
        data = pickle.dumps(load_rulebook(path))
        for f in tmp_path.iterdir():
            f.unlink()
        assert pickle.loads(data).lineage[:2] == ("cn.example.town.x", "cn.example.town")

    def test_a_cycle_is_an_error_naming_the_chain(self, tmp_path: Path) -> None:
        """a.toml → b.toml → a.toml is refused, naming every file of the cycle."""
        write(tmp_path, HEAD.replace('"cn.sichuan.chengdu.jinjiang"', '"b.toml"'), "a.toml")
        b = HEAD.replace('"cn.example.town"', '"cn.example.b"', 1)
        write(tmp_path, b.replace('"cn.sichuan.chengdu.jinjiang"', '"a.toml"'), "b.toml")
        with pytest.raises(RulebookError) as info:
            load_rulebook(tmp_path / "a.toml")
        assert info.value.key == "extends"
        assert "cycle" in info.value.reason
        assert f"{tmp_path / 'a.toml'} → {tmp_path / 'b.toml'} → {tmp_path / 'a.toml'}" in (
            info.value.reason
        )

    def test_a_file_cannot_extend_itself(self, tmp_path: Path) -> None:
        """extends naming the file itself is a cycle of one."""
        e = load_error(tmp_path, HEAD.replace('"cn.sichuan.chengdu.jinjiang"', '"book.toml"'))
        assert (e.key, "cycle" in e.reason) == ("extends", True)

    def test_an_error_in_the_parent_file_names_that_file(self, tmp_path: Path) -> None:
        """The parent's mistake is reported in the parent, and says which file extends it."""
        write(tmp_path, GOOD.replace('"20%"', "0.2"), "town.toml")
        child = HEAD.replace('"cn.sichuan.chengdu.jinjiang"', '"town.toml"')
        e = load_error(tmp_path, child.replace("cn.example.town", "cn.example.child", 1), "c.toml")
        assert e.source == str(tmp_path / "town.toml")
        assert e.key == "parameters[0].value"
        assert f"(in the file {tmp_path / 'c.toml'} extends)" in e.reason

    def test_a_missing_parent_file_is_named(self, tmp_path: Path) -> None:
        """extends = "nowhere.toml" says the file cannot be read."""
        e = load_error(tmp_path, HEAD.replace('"cn.sichuan.chengdu.jinjiang"', '"nowhere.toml"'))
        assert e.source == str(tmp_path / "nowhere.toml")
        assert "cannot read" in e.reason


class TestParameters:
    """Dated values by name, exact and strict; new parameters defined with kind and title."""

    def test_a_new_parameter_with_two_dated_values(self, tmp_path: Path) -> None:
        """A count defined in the file, 3 then 5."""
        text = HEAD + (
            '[[parameters]]\nname = "town.quorum"\nkind = "count"\n'
            'title = { zh = "人数", en = "quorum" }\nunit_zh = "名"\nvalue = 3\n'
            f"valid_from = 2026-01-01\nvalid_to = 2027-01-01\n{CITE}\n"
            f'[[parameters]]\nname = "town.quorum"\nvalue = 5\nvalid_from = 2027-01-01\n{CITE}\n'
        )
        p = load_rulebook(write(tmp_path, text)).parameter("town.quorum")
        assert (p.kind, p.unit_zh, [v.value for v in p.versions]) == ("count", "名", [3, 5])

    @pytest.mark.parametrize(
        ("raw", "reason"),
        [
            ('"30"', "expected an integer count (got '30' that is a str)"),
            ("30.0", "is a float"),
            ("true", "expected an integer count"),
            ("-1", "a count must be >= 0"),
        ],
    )
    def test_a_count_is_an_integer_never_a_string(
        self, tmp_path: Path, raw: str, reason: str
    ) -> None:
        """Strict: "30" is not 30, 30.0 is not exact."""
        text = HEAD + value(HOUSEHOLDS, raw)
        e = load_error(tmp_path, text)
        assert e.key == "parameters[0].value"
        assert reason in e.reason

    @pytest.mark.parametrize(
        ("raw", "share"),
        [('"15%"', Fraction(3, 20)), ('"3/20"', Fraction(3, 20)), ('"12.5%"', Fraction(1, 8))],
    )
    def test_a_share_is_exact(self, tmp_path: Path, raw: str, share: Fraction) -> None:
        """'15%', '3/20' and '12.5%' are exact fractions."""
        text = HEAD + value(SHARE, raw)
        assert load_rulebook(write(tmp_path, text)).parameter_version(SHARE, JAN1).value == share

    def test_an_inherited_parameter_takes_no_kind(self, tmp_path: Path) -> None:
        """Redefining an inherited parameter's kind is refused."""
        text = HEAD + value(SHARE, "3", 'kind = "count"')
        e = load_error(tmp_path, text)
        assert e.key == "parameters[0].kind"
        assert "inherited" in e.reason

    def test_an_unknown_name_suggests_the_nearest_and_how_to_define_one(
        self, tmp_path: Path
    ) -> None:
        """A misspelt name is not silently a new parameter."""
        text = HEAD + value("proposal.sponsorship.household", "3")
        e = load_error(tmp_path, text)
        assert e.key == "parameters[0].name"
        assert "did you mean 'proposal.sponsorship.households'" in e.reason
        assert "give its kind and title" in e.reason

    def test_overlapping_values_name_the_later_one(self, tmp_path: Path) -> None:
        """Two values covering the same day are refused."""
        one = (
            f'[[parameters]]\nname = "{HOUSEHOLDS}"\nvalue = 30\nvalid_from = 2027-01-01\n{CITE}\n'
        )
        two = one.replace("2027-01-01", "2028-01-01").replace("30", "20")
        e = load_error(tmp_path, HEAD + one + two)
        assert e.key == "parameters[1].valid_from"
        assert "overlaps" in e.reason


RULE = """
[[rules]]
id = "proposal.major-households"
title.zh = "重大事项须有{{town.major-households}}户以上居民联名"
title.en = "A major matter needs at least {{town.major-households}} households"
kind = "obligation"
severity = "must"
subject = "{subject}"
valid_from = 2027-01-01
{cites}
check.when = {{ fact = "category", is = "major" }}
check.threshold.measure = "{measure}"
check.threshold.quantifier = "{quantifier}"
check.threshold.parameter = "{parameter}"
"""
PARAM = (
    '[[parameters]]\nname = "town.major-households"\nkind = "count"\nunit_zh = "户"\n'
    'title = { zh = "重大事项联名户数", en = "households for a major matter" }\nvalue = 3\n'
    f"valid_from = 2027-01-01\n{CITE}\n"
)


def rule_text(**changes: str) -> str:
    """A composed rule over sponsoring households, with fields replaced."""
    fields = {
        "subject": "proposal",
        "measure": "sponsoring_households",
        "quantifier": "at_least",
        "parameter": "town.major-households",
        "cites": CITES,
    }
    return RULE.format(**{**fields, **changes})


class TestRules:
    """Rules added, replaced, re-dated, re-titled and disabled — all as data."""

    def test_a_composed_rule_judges_like_the_same_rule_in_python(self, tmp_path: Path) -> None:
        """The file's rule and the Python rule give the same finding."""
        book = load_rulebook(write(tmp_path, HEAD + PARAM + rule_text()))
        handle = book.parameter("town.major-households")
        python_rule = Rule(
            id="proposal.major-households",
            title_zh="重大事项须有{town.major-households}户以上居民联名",
            title_en="A major matter needs at least {town.major-households} households",
            kind="obligation",
            severity="must",
            scope=Scope(Proposal),
            check=compose.threshold(
                Proposal,
                "sponsoring_households",
                "at_least",
                handle,
                when=compose.When("category", "major"),
            ),
            citations=(Citation("示例镇规则（虚构）", "第二条"),),
            valid_from=JAN1,
        )
        in_python = get_rulebook("cn.sichuan.chengdu.jinjiang").extend(
            "cn.example.town", "1", rules=[python_rule]
        )
        p = locality_proposal(JAN1, households=2)
        a = evaluate(p, book).finding("proposal.major-households")
        b = evaluate(p, in_python).finding("proposal.major-households")
        assert a == b
        assert (a.status, a.message_en) == (
            "failed",
            "2 sponsoring households < 3 (needs 3: 1 more household)",
        )
        assert a.title_zh == "重大事项须有3户以上居民联名"

    def test_the_composed_check_is_a_declared_check_reading_the_parameter(
        self, tmp_path: Path
    ) -> None:
        """The rule's parameters derive from its check."""
        book = load_rulebook(write(tmp_path, HEAD + PARAM + rule_text()))
        assert book.rule("proposal.major-households").parameters == ("town.major-households",)

    def test_an_inherited_parameter_may_be_compared(self, tmp_path: Path) -> None:
        """A new rule may read a parameter of the parent."""
        text = rule_text(parameter=HOUSEHOLDS).replace("town.major-households", HOUSEHOLDS)
        book = load_rulebook(write(tmp_path, HEAD + text))
        f = evaluate(locality_proposal(JAN1, households=49), book).finding(
            "proposal.major-households"
        )
        assert "49 sponsoring households < 50" in f.message_en

    def test_every_problem_is_reported_at_once_with_its_key_path(self, tmp_path: Path) -> None:
        """Three rules wrong in three ways: the first key, and all three reasons."""
        ok = rule_text()
        bad_subject = rule_text(subject="proposl").replace("major-households", "a", 1)
        bad_measure = rule_text(measure="sponsoring_houshold").replace("major-households", "b", 1)
        bad_quantifier = rule_text(quantifier="atleast").replace("major-households", "c", 1)
        e = load_error(tmp_path, HEAD + PARAM + ok + bad_subject + bad_measure + bad_quantifier)
        assert e.key == "rules[1].subject"
        assert "did you mean 'proposal'" in e.reason
        assert "rules[2].check.threshold.measure: unknown measure 'sponsoring_houshold'" in e.reason
        assert "did you mean 'sponsoring_households'" in e.reason
        assert "rules[3].check.threshold.quantifier" in e.reason
        assert [k for k, _ in e.problems] == [
            "rules[1].subject",
            "rules[2].check.threshold.measure",
            "rules[3].check.threshold.quantifier",
        ]

    @pytest.mark.parametrize(
        ("changes", "key", "reason"),
        [
            ({"parameter": "town.nope"}, "rules[0].check.threshold.parameter", "unknown parameter"),
            (
                {"measure": "representatives", "parameter": SHARE},
                "rules[0].check.threshold.parameter",
                "has no base",
            ),
            ({"cites": "citations = []"}, "rules[0].citations", "at least 1"),
        ],
    )
    def test_a_mistake_in_a_rule_names_its_key(
        self, tmp_path: Path, changes: dict[str, str], key: str, reason: str
    ) -> None:
        """Unknown parameter, a share over a count measure, no citation."""
        e = load_error(tmp_path, HEAD + PARAM + rule_text(**changes))
        assert e.key == key
        assert reason in e.reason

    def test_a_title_naming_a_parameter_the_rule_does_not_read(self, tmp_path: Path) -> None:
        """A placeholder must name a parameter the check reads."""
        text = HEAD + PARAM + rule_text(parameter=HOUSEHOLDS)
        e = load_error(tmp_path, text)
        assert (e.key, "does not read" in e.reason) == ("rules[0].title", True)

    def test_a_rule_already_in_force_must_be_replaced(self, tmp_path: Path) -> None:
        """Adding proposal.sponsorship again points to [[replace]]."""
        text = (
            HEAD
            + PARAM
            + rule_text().replace("proposal.major-households", "proposal.sponsorship", 1)
        )
        e = load_error(tmp_path, text)
        assert e.key == "rules[0].id"
        assert "[[replace]]" in e.reason

    def test_check_needs_exactly_one_criterion(self, tmp_path: Path) -> None:
        """threshold and any_of together are refused."""
        text = (
            HEAD
            + PARAM
            + rule_text()
            + (
                'check.any_of = [{ measure = "households", quantifier = "at_least", '
                'parameter = "town.major-households" }]\n'
            )
        )
        e = load_error(tmp_path, text)
        assert e.key == "rules[0].check"
        assert "exactly one of threshold" in e.reason

    def test_a_rule_is_dated_by_replacing_it_with_new_dates(self, tmp_path: Path) -> None:
        """replace with valid_to ends the party-initiative rule; the reason is recorded."""
        text = HEAD + (
            '[[replace]]\nrule = "proposal.party-initiative"\nvalid_to = 2027-01-01\n'
            f'reason = "the joint meeting proposes instead (fictional)"\n{CITE}\n'
        )
        book = load_rulebook(write(tmp_path, text))
        rule = book.rule("proposal.party-initiative")
        parent = get_rulebook("cn.sichuan.chengdu.jinjiang").rule("proposal.party-initiative")
        assert (rule.valid_from, rule.valid_to, rule.check) == (
            parent.valid_from,
            JAN1,
            parent.check,
        )
        d = evaluate(locality_proposal(JAN1, proposer="party_organization"), book)
        assert d.coverage.not_in_force == ("proposal.party-initiative",)
        assert (
            book.to_dict()["replaced"][0]["reason"]
            == "the joint meeting proposes instead (fictional)"
        )

    def test_a_title_is_replaced_and_renders_its_placeholders(self, tmp_path: Path) -> None:
        """A new title with {parameter} renders the value in force."""
        text = HEAD + (
            '[[replace]]\nrule = "proposal.sponsorship"\n'
            f'title.zh = "重大事项须{{{SHARE}}}居民代表或{{{HOUSEHOLDS}}}户联名"\ntitle.en = "x"\n'
            f'reason = "wording of the town (fictional)"\n{CITE}\n'
        )
        f = evaluate(locality_proposal(JAN1, reps=8), load_rulebook(write(tmp_path, text))).finding(
            "proposal.sponsorship"
        )
        assert f.title_zh == "重大事项须10%居民代表或50户联名"

    def test_a_check_is_replaced_by_a_composed_one(self, tmp_path: Path) -> None:
        """The sponsorship rule, replaced by households only, keeps its id and position."""
        text = HEAD + (
            '[[replace]]\nrule = "proposal.sponsorship"\n'
            'title = { zh = "{proposal.sponsorship.households}户以上", en = "households" }\n'
            'check.when = { fact = "category", is = "major" }\n'
            'check.threshold = { measure = "sponsoring_households", quantifier = "at_least", '
            f'parameter = "{HOUSEHOLDS}" }}\n'
            f'reason = "households only (fictional)"\n{CITE}\n'
        )
        book = load_rulebook(write(tmp_path, text))
        assert book.effective_rules[-2].id == "proposal.sponsorship"
        f = evaluate(locality_proposal(JAN1, reps=8), book).finding("proposal.sponsorship")
        assert f.status == "failed"

    @pytest.mark.parametrize(
        ("body", "key", "reason"),
        [
            (
                'rule = "proposal.sponsorshp"\nvalid_to = 2027-01-01',
                "replace[0].rule",
                "did you mean 'proposal.sponsorship'",
            ),
            ('rule = "proposal.sponsorship"', "replace[0]", "changes nothing"),
            (
                'rule = "proposal.sponsorship"\nvalid_from = 2000-01-01\nvalid_to = 1999-01-01',
                "replace[0].valid_to",
                "not after",
            ),
        ],
    )
    def test_a_bad_replacement_names_its_key(
        self, tmp_path: Path, body: str, key: str, reason: str
    ) -> None:
        """Unknown rule, nothing changed, dates out of order."""
        e = load_error(tmp_path, HEAD + f'[[replace]]\n{body}\nreason = "r"\n{CITE}\n')
        assert e.key == key
        assert reason in e.reason

    def test_disable_as_in_format_1(self, tmp_path: Path) -> None:
        """A disabled rule is gone from the rulebook."""
        text = HEAD + f'[[disable]]\nrule = "proposal.party-initiative"\nreason = "r"\n{CITE}\n'
        ids = {r.id for r in load_rulebook(write(tmp_path, text)).effective_rules}
        assert "proposal.party-initiative" not in ids
        assert "proposal.sponsorship" in ids


TABLE = """
[tables."town.assisted-domains"]
title = { zh = "可协助的事项类别", en = "domains the committees may assist in" }

[[tables."town.assisted-domains".entries]]
key = "residents_interest"
title = { zh = "与居民利益有关的工作", en = "work concerning residents' interests" }
citation = { source = "示例镇规则（虚构）", locator = "附件 第1项" }
"""
MEMBER_RULE = """
[[rules]]
id = "work-item.assisted-domain"
title.zh = "协助事项属于可协助的类别"
title.en = "An assisted item is in a domain the committees may assist in"
kind = "obligation"
severity = "must"
subject = "work_item"
citations = [{ source = "示例镇规则（虚构）", locator = "第三条" }]
check.when = { fact = "committee_role", is = "assisting" }
check.member_of = { fact = "domain", table = "town.assisted-domains" }
"""


def work_item(**changes: Any) -> WorkItem:
    """The funded assistance example with changes."""
    data = {**example_data("access/assistance-funded.json"), **changes}
    return WorkItem.model_validate_json(json.dumps(data, ensure_ascii=False))


class TestTables:
    """Generic tables, read by member_of rules; rows added, replaced and removed by key."""

    def test_a_new_table_and_a_member_of_rule(self, tmp_path: Path) -> None:
        """A domain on the town's table passes; another fails, naming the table."""
        book = load_rulebook(write(tmp_path, HEAD + TABLE + MEMBER_RULE))
        ok = evaluate(work_item(), book).finding("work-item.assisted-domain")
        assert (ok.status, ok.evidence["entry"]["key"]) == ("passed", "residents_interest")
        no = evaluate(work_item(domain="public_security"), book).finding(
            "work-item.assisted-domain"
        )
        assert no.status == "failed"
        assert "not an entry of town.assisted-domains" in no.message_en

    def test_a_child_file_layers_rows_over_the_parent_table(self, tmp_path: Path) -> None:
        """A child adds a row, replaces one (replaces = true) and removes one."""
        write(tmp_path, HEAD + TABLE + MEMBER_RULE, "town.toml")
        child = HEAD.replace('"cn.example.town"', '"cn.example.town.x"', 1).replace(
            '"cn.sichuan.chengdu.jinjiang"', '"town.toml"'
        ) + (
            '[tables."town.assisted-domains"]\nreplaces = true\nremove = ["residents_interest"]\n'
            '[[tables."town.assisted-domains".entries]]\nkey = "public_security"\n'
            'valid_from = 2026-01-01\ncitation = { source = "村规（虚构）", locator = "第一条" }\n'
        )
        book = load_rulebook(write(tmp_path, child, "x.toml"))
        assert [e.key for e in book.table("town.assisted-domains").entries] == ["public_security"]
        assert (
            evaluate(work_item(domain="public_security"), book)
            .finding("work-item.assisted-domain")
            .status
            == "passed"
        )

    @pytest.mark.parametrize(
        ("text", "key", "reason"),
        [
            (
                '[tables."town.x"]\n[[tables."town.x".entries]]\nkey = "a"\n' + CITE,
                'tables."town.x".title',
                "a new table needs a title",
            ),
            (
                '[tables."work-item.lists"]\ntitle = { zh = "x", en = "x" }\n',
                'tables."work-item.lists".title',
                "keeps its title",
            ),
            (
                '[tables."work-item.lists"]\nremove = ["nope"]\n',
                'tables."work-item.lists".remove[0]',
                "no entry 'nope'",
            ),
            (
                '[[tables."work-item.lists".entries]]\nkey = "cn.mca-2020-20.kinship"\nlist = "x"\n'
                'kind = "negative"\ntitle = { zh = "x", en = "x" }\n' + CITE,
                'tables."work-item.lists".entries[0].key',
                "set replaces = true",
            ),
            (
                '[[tables."work-item.lists".entries]]\nkey = "T-1"\nlist = "x"\n'
                'kind = "forbidden"\n'
                'title = { zh = "x", en = "x" }\ncolour = "red"\n' + CITE,
                'tables."work-item.lists".entries[0].kind',
                "colour",
            ),
        ],
    )
    def test_a_bad_table_layer_names_its_key(
        self, tmp_path: Path, text: str, key: str, reason: str
    ) -> None:
        """No title for a new table, a title for an inherited one, unknown keys, conflicts,
        and a row's own problems — all of them."""
        e = load_error(tmp_path, HEAD + text)
        assert e.key == key
        assert reason in e.reason

    def test_rows_defined_in_python_are_not_written_in_files(self, tmp_path: Path) -> None:
        """A table whose rows hold Python values only accepts removals from a file."""
        c = Citation("法", "第一条")
        parent = get_rulebook("cn").extend(
            "cn.py", "1", tables=[Table("py.table", "表", "table", (TableEntry("a", object(), c),))]
        )
        text = HEAD.replace('"cn.sichuan.chengdu.jinjiang"', '"cn.py"') + (
            '[[tables."py.table".entries]]\nkey = "b"\n' + CITE
        )
        with pytest.raises(RulebookError, match="defined in Python"):
            load_rulebook(write(tmp_path, text), parents={"cn.py": parent})


class TestFormat1:
    """cg.rulebook/1 files keep their meaning."""

    def test_shipped_example_raises_the_share_from_2027(self) -> None:
        """The example city's 20% applies from 2027-01-01 only."""
        book = load_rulebook(EXAMPLES / "rulebooks" / "example-city.toml")
        assert book.parameter_version(SHARE, dt.date(2026, 12, 31)).value == Fraction(1, 10)
        assert book.parameter_version(SHARE, dt.date(2027, 1, 1)).value == Fraction(1, 5)

    def test_override_changes_the_decision_from_its_date(self) -> None:
        """6 of 51 representatives: enough at 10% (2026), not at 20% (2027: needs 11)."""
        book = load_rulebook(EXAMPLES / "rulebooks" / "example-city.toml")
        p = Proposal.model_validate_json(load_example("jinjiang/proposal-eligible.json"))
        assert evaluate(p, book, dt.date(2026, 12, 31)).verdict == "allowed"
        late = evaluate(p, book, dt.date(2027, 1, 1))
        assert late.verdict == "denied"
        ev = late.finding("proposal.sponsorship").evidence["any_of"][0]
        assert (ev["share"], ev["required"], ev["shortfall"]) == ("1/5", 11, 5)
        assert (
            late.finding("proposal.sponsorship").citations[-1].source
            == "示例市社区议事规则（虚构）"
        )

    def test_the_same_file_as_format_2_means_the_same(self, tmp_path: Path) -> None:
        """Changing the format line of a /1 file gives the same parameter timeline."""
        a = load_rulebook(write(tmp_path, GOOD, "a.toml"))
        b = load_rulebook(write(tmp_path, GOOD.replace("cg.rulebook/1", "cg.rulebook/2"), "b.toml"))
        assert a.parameter(SHARE) == b.parameter(SHARE)

    def test_format_1_defines_no_parameter(self, tmp_path: Path) -> None:
        """kind and title are /2 keys: a /1 file is as strict as it was."""
        text = GOOD.replace('value = "20%"', 'kind = "share"\nvalue = "20%"')
        e = load_error(tmp_path, text)
        assert (e.key, "Extra inputs" in e.reason) == ("parameters[0].kind", True)

    def test_yaml_file_is_equivalent(self, tmp_path: Path) -> None:
        """The same rulebook in YAML loads to the same parameter timeline."""
        yaml_text = """\
format: cg.rulebook/1
id: cn.example.town
version: "1"
extends: cn.sichuan.chengdu.jinjiang
title: {zh: 示例镇, en: Example town}
parameters:
  - name: proposal.sponsorship.representative-share
    value: 1/5
    valid_from: 2027-01-01
    citation: {source: 示例镇规则, locator: 第五条, quote: 20%以上}
"""
        a = load_rulebook(write(tmp_path, GOOD))
        b = load_rulebook(write(tmp_path, yaml_text, "book.yaml"))
        assert a.parameter(SHARE) == b.parameter(SHARE)

    def test_the_locality_in_yaml_is_the_same_rulebook(self, tmp_path: Path) -> None:
        """The locality file written in YAML loads to an equal rulebook."""

        import yaml

        data = read_document(LOCALITY)
        path = write(tmp_path, yaml.safe_dump(data, allow_unicode=True), "locality.yaml")
        assert load_rulebook(path) == load_rulebook(LOCALITY)

    def test_parsed_data_pickles_too(self) -> None:
        """parse_rulebook's rulebook pickles by its data."""

        data = read_document(LOCALITY)
        book = parse_rulebook(data, "locality.toml")
        assert pickle.loads(pickle.dumps(book)) == book


class TestMalformedFiles:
    """Every malformed file fails at load, naming the file, the key and the reason."""

    @pytest.mark.parametrize(
        ("edit", "key", "reason"),
        [
            (('value = "20%"', "value = 0.2"), "parameters[0].value", "float"),
            (('value = "20%"', 'value = "twenty"'), "parameters[0].value", "'20%' or '1/5'"),
            (('value = "20%"', 'value = "120%"'), "parameters[0].value", "between 0% and 100%"),
            (
                (
                    'name = "proposal.sponsorship.representative-share"',
                    'name = "proposal.sponsorship.representative-shares"',
                ),
                "parameters[0].name",
                "unknown parameter",
            ),
            (
                ("valid_from = 2027-01-01", 'valid_from = "2027-13-01"'),
                "parameters[0].valid_from",
                "date",
            ),
            (('version = "1"', 'version = "1"\nauthor = "me"'), "author", "Extra inputs"),
            (
                ('extends = "cn.sichuan.chengdu.jinjiang"', 'extends = "cn.nowhere"'),
                "extends",
                "unknown rulebook",
            ),
            (('format = "cg.rulebook/1"', 'format = "cg.rulebook/3"'), "format", "cg.rulebook/2"),
        ],
    )
    def test_error_names_file_key_and_reason(
        self, tmp_path: Path, edit: tuple[str, str], key: str, reason: str
    ) -> None:
        """Wrong types, unknown names, bad dates and unknown keys are each reported precisely."""
        path = write(tmp_path, GOOD.replace(*edit))
        with pytest.raises(RulebookError) as info:
            load_rulebook(path)
        assert info.value.source == str(path)
        assert info.value.key == key
        assert reason in info.value.reason

    def test_every_pydantic_problem_is_reported(self, tmp_path: Path) -> None:
        """Two problems in one file: both named, the first as the key."""
        text = GOOD.replace('version = "1"', 'version = ""').replace('"20%"', '"20%"\ncolour = 1')
        e = load_error(tmp_path, text)
        assert e.key == "version"
        assert "parameters[0].colour: Extra inputs are not permitted" in e.reason

    def test_unknown_rule_in_disable(self, tmp_path: Path) -> None:
        """Disabling a rule the parent does not have names the key."""
        text = GOOD + (
            '\n[[disable]]\nrule = "proposal.nope"\nreason = "x"\n'
            'citation = { source = "s", locator = "l" }\n'
        )
        with pytest.raises(RulebookError) as info:
            load_rulebook(write(tmp_path, text))
        assert info.value.key == "disable[0].rule"

    def test_syntax_error_and_wrong_suffix(self, tmp_path: Path) -> None:
        """A TOML syntax error or an unknown suffix names the file."""
        with pytest.raises(RulebookError, match="TOML syntax error"):
            load_rulebook(write(tmp_path, "id = ", "bad.toml"))
        with pytest.raises(RulebookError, match=r"expected a \.toml"):
            load_rulebook(write(tmp_path, GOOD, "book.json"))

    def test_yaml_tags_are_not_executed(self, tmp_path: Path) -> None:
        """A YAML python tag is a syntax error under safe_load, never code."""
        path = write(tmp_path, "format: !!python/object/apply:os.system ['echo hi']\n", "evil.yaml")
        with pytest.raises(RulebookError, match="explicit YAML tag"):
            load_rulebook(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """An unreadable file is a RulebookError naming it."""
        with pytest.raises(RulebookError, match="cannot read"):
            load_rulebook(tmp_path / "absent.toml")
