"""Rulebook files (cg.rulebook/1, TOML or YAML): strictly validated data, never code."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest

from community_governance import RulebookError, evaluate, load_rulebook
from community_governance.models import Proposal

from ._support import EXAMPLES, load_example

SHARE = "proposal.sponsorship.representative-share"
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


def write(tmp_path: Path, text: str, name: str = "book.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestLoading:
    """A hand-written file overrides by name and from its own date."""

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
            (('format = "cg.rulebook/1"', 'format = "cg.rulebook/2"'), "format", "cg.rulebook/1"),
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
        with pytest.raises(RulebookError, match="YAML syntax error"):
            load_rulebook(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """An unreadable file is a RulebookError naming it."""
        with pytest.raises(RulebookError, match="cannot read file"):
            load_rulebook(tmp_path / "absent.toml")
