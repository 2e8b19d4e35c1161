"""Meeting pass rules as the rulebook table ``meeting.pass-rules``: a local rulebook replaces
or adds an entry, and the meeting checks and deadlines follow it."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import attrs
import pytest

from community_governance import RulebookError, evaluate, get_rulebook
from community_governance.checks.pass_rules import (
    PASS_RULES,
    PassRule,
    Share,
)
from community_governance.models import Meeting
from community_governance.procedures import assembly_due
from community_governance.rulebooks import Rulebook
from community_governance.rules import Citation
from community_governance.rules.parameter import Parameter
from community_governance.rules.table import Table, TableEntry
from community_governance.rules.validity import Validity

CN = get_rulebook("cn")
NEW = dt.date(2026, 1, 1)
LOCAL = Citation("某市居民会议办法(2026)", "第五条", "召集居民会议，应当提前七日通知居民。")
NOTICE_7 = Parameter.count(
    "example.residents-assembly.notice-days",
    "召集居民会议提前通知的天数（本市）",
    "residents' assembly: days of notice (example city)",
    (7, NEW, None, LOCAL),
    unit_zh="日",
)


def residents_assembly(notice_days: int, **overrides: Any) -> Meeting:
    """A quorate residents' assembly held 2026-03-20, announced ``notice_days`` ahead."""
    held = dt.date(2026, 3, 20)
    data: dict[str, Any] = {
        "id": "RA-1",
        "body": "residents_assembly",
        "community_kind": "urban",
        "announced_on": held - dt.timedelta(days=notice_days),
        "held_on": held,
        "constituted_by": "households",
        "entitled": 1000,
        "attendees": 600,
        "motions": [
            {"id": "1", "voted_on": held, "in_favour": 400, "against": 200, "result": "adopted"}
        ],
    }
    data.update(overrides)
    return Meeting.model_validate(data, strict=False)


def layer(*entries: TableEntry, replaces: bool = False) -> Table:
    """A local layer of the pass-rule table."""
    return Table(PASS_RULES, "会议表决规则", "meeting pass rules", entries, replaces=replaces)


def seven_days_notice() -> Rulebook:
    """A city that replaces the national 2025 residents' assembly entry: seven days' notice."""
    national = CN.table(PASS_RULES).entry("residents-assembly.2025")
    assert national is not None
    rule = attrs.evolve(national.value, notice_days=NOTICE_7)
    entry = TableEntry("residents-assembly.2025", rule, LOCAL, Validity(NEW, None))
    return CN.extend(
        "cn.example", "1", parameters=(NOTICE_7,), tables=(layer(entry, replaces=True),)
    )


class TestTheTable:
    """The national rulebook's pass rules are one table, keyed, dated and cited."""

    def test_every_meeting_type_and_text_has_a_keyed_entry(self) -> None:
        """One entry per meeting type and text of the law, with stable keys."""
        keys = [e.key for e in CN.table(PASS_RULES).entries]
        assert keys == [
            "residents-assembly.2018",
            "residents-assembly.2025",
            "representatives-assembly.urban.2025",
            "villagers-assembly.2018",
            "villagers-assembly.2025",
            "representatives-assembly.village.2018",
            "representatives-assembly.village.2025",
            "villager-group.2018",
            "villager-group.2025",
            "owners-assembly.2018",
            "owners-assembly.2021",
            "collective-members-assembly.2025",
            "collective-representatives-assembly.2025",
            "collective-council.2025",
        ]

    def test_an_entry_is_dated_and_cites_its_article(self) -> None:
        """The 2025 residents' assembly entry is in force from 2026 and cites Art. 27."""
        entry = CN.table(PASS_RULES).entry("residents-assembly.2025")
        assert entry is not None
        assert entry.validity == Validity(NEW, None)
        assert entry.citation.locator == "第二十七条"

    @pytest.mark.parametrize("book", ["cn", "cn.ningxia", "cn.sichuan.chengdu.jinjiang"])
    def test_every_parameter_an_entry_names_is_registered(self, book: str) -> None:
        """No built-in rulebook's table names a number the rulebook lacks."""
        rulebook = get_rulebook(book)
        entries = rulebook.table(PASS_RULES).entries
        assert {p.name for e in entries for p in e.value.parameters()} <= set(
            rulebook.parameter_names
        )

    def test_the_meeting_rules_declare_the_table(self) -> None:
        """The four shared meeting rules say they read the table, not a parameter list."""
        for rule_id in ("meeting.request", "meeting.notice", "meeting.quorum", "meeting.majority"):
            rule = CN.rule(rule_id)
            assert rule.tables == (PASS_RULES,)
            assert rule.parameters == ()


class TestLocalOverride:
    """A local rulebook changes a meeting type's rule by its table entry."""

    def test_replacing_the_entry_changes_the_notice_period(self) -> None:
        """Eight days' notice: too short nationally (ten days), enough where seven suffice."""
        local = seven_days_notice()
        assert evaluate(residents_assembly(8), CN).finding("meeting.notice").status == "failed"
        f = evaluate(residents_assembly(8), local).finding("meeting.notice")
        assert f.status == "passed"
        assert [c.source for c in f.citations] == ["某市居民会议办法(2026)"]
        assert [(p.name, p.value) for p in f.parameters] == [
            ("example.residents-assembly.notice-days", 7)
        ]
        assert evaluate(residents_assembly(6), local).finding("meeting.notice").status == "failed"

    def test_the_parent_keeps_its_entry(self) -> None:
        """Extending does not change the national table."""
        seven_days_notice()
        entry = CN.table(PASS_RULES).entry("residents-assembly.2025")
        assert entry is not None
        assert entry.value.notice_days.name == "meeting.residents-assembly.notice-days"

    def test_adding_an_entry_covers_an_assembly_the_law_leaves_open(self) -> None:
        """A city's rule for its representatives' assembly before 2026 judges a 2025 meeting
        that the national rulebook can only call indeterminate."""
        quorum = Parameter.share(
            "example.representatives-assembly.quorum",
            "居民代表会议到会比例（本市）",
            "representatives' assembly: share that must attend (example city)",
            (Fraction(2, 3), dt.date(2011, 2, 22), NEW, LOCAL),
        )
        interval = Parameter.count(
            "example.representatives-assembly.interval-months",
            "居民代表会议召开间隔（本市）",
            "representatives' assembly: months between meetings (example city)",
            (3, dt.date(2011, 2, 22), NEW, LOCAL),
            unit_zh="月",
        )
        rule = PassRule(
            body="representatives_assembly",
            title_zh="居民代表会议",
            title_en="residents' representatives assembly",
            community_kinds=("urban",),
            quorum={"members": (Share("at_least", quorum),)},
            majority_base="present",
            majority=(Share("more_than", quorum),),
            interval_months=interval,
        )
        entry = TableEntry(
            "representatives-assembly.urban.example",
            rule,
            LOCAL,
            Validity(dt.date(2011, 2, 22), NEW),
        )
        local = CN.extend("cn.example", "1", parameters=(quorum, interval), tables=(layer(entry),))
        meeting = residents_assembly(
            0,
            body="representatives_assembly",
            constituted_by="members",
            entitled=54,
            attendees=35,
            held_on=dt.date(2025, 6, 1),
            announced_on=None,
            motions=[],
        )
        assert evaluate(meeting, CN).finding("meeting.quorum").status == "indeterminate"
        assert evaluate(meeting, local).finding("meeting.quorum").status == "failed"
        kwargs: dict[str, Any] = {
            "community_kind": "urban",
            "last_held_on": dt.date(2025, 1, 10),
            "at": dt.date(2025, 7, 1),
        }
        assert assembly_due("representatives_assembly", rulebook=CN, **kwargs) is None
        item = assembly_due("representatives_assembly", rulebook=local, **kwargs)
        assert item is not None
        # a calendar quarter (review D1): Q2 2025 passed without a meeting
        assert (item.status, item.until) == ("overdue", dt.date(2025, 7, 1))

    def test_two_entries_for_one_meeting_are_a_rulebook_error(self) -> None:
        """Adding a second residents' assembly entry instead of replacing is refused."""
        national = CN.table(PASS_RULES).entry("residents-assembly.2025")
        assert national is not None
        entry = TableEntry("residents-assembly.example", national.value, LOCAL, Validity(NEW))
        local = CN.extend("cn.example", "1", tables=(layer(entry),))
        with pytest.raises(RulebookError, match="replace the parent's entry by key"):
            evaluate(residents_assembly(10), local)

    def test_an_entry_registers_the_parameters_it_names(self) -> None:
        """A table entry naming a new parameter handle brings its values with it: the rule
        declaring the table reads it, and the finding records it."""
        national = CN.table(PASS_RULES).entry("residents-assembly.2025")
        assert national is not None
        rule = attrs.evolve(national.value, notice_days=NOTICE_7)
        entry = TableEntry("residents-assembly.2025", rule, LOCAL, Validity(NEW, None))
        local = CN.extend("cn.example", "1", tables=(layer(entry, replaces=True),))
        assert NOTICE_7.name in local.parameter_names
        assert NOTICE_7.name in local.table_parameters(PASS_RULES)
        f = evaluate(residents_assembly(10), local).finding("meeting.notice")
        assert NOTICE_7.name in {p.name for p in f.parameters}

    def test_an_entry_naming_an_unknown_name_fails_when_the_rulebook_is_built(self) -> None:
        """A parameter named only by a string that no rulebook defines is a build error."""
        national = CN.table(PASS_RULES).entry("residents-assembly.2025")
        assert national is not None

        class Named:
            def parameters(self) -> tuple[str, ...]:
                return ("no.such.parameter",)

        entry = TableEntry("named", Named(), LOCAL, Validity(NEW, None))
        other = Table("example.named", "表", "table", (entry,))
        with pytest.raises(RulebookError, match=r"names parameter 'no\.such\.parameter'"):
            CN.extend("cn.example", "1", tables=(other,))
