"""Rulebooks: dated parameters, extension, override by name, conflicts, immutability."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given

from community_governance import (
    Check,
    Citation,
    ConflictError,
    Disable,
    Parameter,
    ParameterVersion,
    Replace,
    Rule,
    RulebookError,
    UnknownReferenceError,
    get_rulebook,
)
from community_governance.models import Proposal
from community_governance.rules import Scope
from community_governance.strategies import dates

CITE = Citation("test-source", "第一条", "quote")
SHARE = "proposal.sponsorship.representative-share"


def _pass(subject: object, ctx: object) -> Check:
    return Check.passed("通过", "passes")


def rule(rule_id: str = "proposal.local-rule", subject: type[Any] = Proposal) -> Rule:
    return Rule(
        id=rule_id,
        title_zh="规则",
        title_en="rule",
        kind="obligation",
        severity="must",
        scope=Scope(subject),
        check=_pass,
        citations=(CITE,),
    )


def override(value: Fraction, start: dt.date, end: dt.date | None = None) -> Parameter:
    jj = get_rulebook("cn.sichuan.chengdu.jinjiang").parameter(SHARE)
    return Parameter(
        SHARE, jj.title_zh, jj.title_en, "share", (ParameterVersion(value, start, end, CITE),)
    )


class TestParameters:
    """Dated values: lookup by date, end dates exclusive, no overlaps."""

    def test_end_date_is_exclusive(self) -> None:
        """A value ending 2026-01-01 applies on 2025-12-31 and not on 2026-01-01."""
        cn = get_rulebook("cn")
        old = cn.parameter_version("residents-committee.size.min", dt.date(2025, 12, 31))
        new = cn.parameter_version("residents-committee.size.min", dt.date(2026, 1, 1))
        assert old.citation.source == "城市居民委员会组织法(2018-12-29)"
        assert new.citation.source == "城市居民委员会组织法(2025-10-28)"

    def test_overlapping_versions_are_rejected(self) -> None:
        """Two values in force on the same day is a malformed parameter."""
        with pytest.raises(RulebookError, match="overlap"):
            Parameter(
                "x.y",
                "x",
                "x",
                "count",
                (
                    ParameterVersion(1, dt.date(2020, 1, 1), None, CITE),
                    ParameterVersion(2, dt.date(2021, 1, 1), None, CITE),
                ),
            )

    def test_count_parameter_rejects_non_int(self) -> None:
        """A count given as a string or bool is refused, naming the version."""
        for bad in ("5", True, Fraction(1, 2)):
            with pytest.raises(RulebookError, match="count must be an int"):
                Parameter(
                    "x.y",
                    "x",
                    "x",
                    "count",
                    (ParameterVersion(bad, dt.date(2020, 1, 1), None, CITE),),
                )  # type: ignore[arg-type]

    def test_no_value_before_the_first_version(self) -> None:
        """Asking for a date before any value is in force is an unknown reference."""
        with pytest.raises(UnknownReferenceError, match="parameter value"):
            get_rulebook("cn.sichuan.chengdu.jinjiang").parameter_version(
                SHARE, dt.date(2000, 1, 1)
            )


class TestExtension:
    """A local rulebook extends its parent by naming what it changes."""

    def test_override_applies_from_its_own_date_only(self) -> None:
        """20% from 2027-01-01; before that, the parent's 10% still applies."""
        local = get_rulebook("cn.sichuan.chengdu.jinjiang").extend(
            "cn.example", "1", parameters=[override(Fraction(1, 5), dt.date(2027, 1, 1))]
        )
        assert local.parameter_version(SHARE, dt.date(2026, 12, 31)).value == Fraction(1, 10)
        assert local.parameter_version(SHARE, dt.date(2027, 1, 1)).value == Fraction(1, 5)

    @given(at=dates(min_value=dt.date(2011, 2, 22)))
    def test_timeline_view_agrees_with_lookup(self, at: dt.date) -> None:
        """Rulebook.parameter() merges the layers into the same answer as parameter_version."""
        local = get_rulebook("cn.sichuan.chengdu.jinjiang").extend(
            "cn.example",
            "1",
            parameters=[override(Fraction(1, 5), dt.date(2020, 1, 1), dt.date(2024, 1, 1))],
        )
        merged = local.parameter(SHARE).at(at)
        assert merged.value == local.parameter_version(SHARE, at).value

    def test_parent_is_unchanged_by_extension(self) -> None:
        """Rulebooks are immutable values: extending never alters the parent."""
        jj = get_rulebook("cn.sichuan.chengdu.jinjiang")
        jj.extend(
            "cn.example",
            "1",
            parameters=[override(Fraction(1, 5), dt.date(2027, 1, 1))],
            disable=[Disable("proposal.party-initiative", "test", CITE)],
        )
        assert jj.parameter_version(SHARE, dt.date(2028, 1, 1)).value == Fraction(1, 10)
        assert "proposal.party-initiative" in [r.id for r in jj.effective_rules]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            jj.id = "changed"  # type: ignore[misc]

    def test_adding_a_rule_with_an_existing_id_is_a_conflict(self) -> None:
        """Two rules with one id and no declared replacement → ConflictError."""
        with pytest.raises(ConflictError, match="already in force"):
            get_rulebook("cn.sichuan.chengdu.jinjiang").extend(
                "cn.example", "1", rules=[rule("proposal.sponsorship")]
            )

    def test_replace_keeps_position_and_disable_removes(self) -> None:
        """A named replacement takes the parent's place; a disabled rule disappears."""
        local = get_rulebook("cn.sichuan.chengdu.jinjiang").extend(
            "cn.example",
            "1",
            replace=[Replace("proposal.sponsorship", rule("proposal.sponsorship"), "local", CITE)],
            disable=[Disable("proposal.party-initiative", "local", CITE)],
        )
        ids = [r.id for r in local.rules_for("proposal")]
        assert ids == ["proposal.sponsorship"]
        assert local.rule("proposal.sponsorship").check is _pass

    def test_unknown_names_are_errors(self) -> None:
        """Replacing, disabling or reading something unknown fails at build time."""
        jj = get_rulebook("cn.sichuan.chengdu.jinjiang")
        with pytest.raises(UnknownReferenceError, match=r"proposal\.nope"):
            jj.extend("x.y", "1", disable=[Disable("proposal.nope", "r", CITE)])
        with pytest.raises(UnknownReferenceError, match=r"proposal\.nope"):
            jj.extend("x.y", "1", replace=[Replace("proposal.nope", rule(), "r", CITE)])
        reads_unknown = attrs.evolve(rule(), parameters=("no.such-parameter",))
        with pytest.raises(RulebookError, match=r"no\.such-parameter"):
            jj.extend("x.y", "1", rules=[reads_unknown])

    def test_builtins_are_built_once_and_shared(self) -> None:
        """get_rulebook returns the same immutable value each time."""
        assert get_rulebook("cn") is get_rulebook("cn")
        assert get_rulebook("cn.ningxia").parent is get_rulebook("cn")

    def test_unknown_builtin(self) -> None:
        """An unknown rulebook id lists the known ones."""
        with pytest.raises(UnknownReferenceError, match=r"cn\.ningxia"):
            get_rulebook("cn.nowhere")

    def test_every_builtin_rule_cites_its_source(self) -> None:
        """Every effective rule of every built-in rulebook has a citation with a locator."""
        from community_governance import builtin_rulebooks

        for book in builtin_rulebooks():
            for r in book.effective_rules:
                assert r.citations, r.id
                assert all(c.source and c.locator for c in r.citations), r.id
                for name in r.parameters:
                    assert all(v.citation.locator for v in book.parameter(name).versions)
