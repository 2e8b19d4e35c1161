"""Work-item lists from files (cg.rulebook/2 table rows, or legacy cg.work-item-lists/1):
loading, merging, and strict validation."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from community_governance import (
    RulebookError,
    WorkItem,
    check_work_item,
    get_rulebook,
    load_work_item_lists,
    work_item_lists,
)
from community_governance.cli import main
from community_governance.rulebooks import parse_work_item_lists
from community_governance.rulebooks._files import read_document

from ._support import EXAMPLES, example_data

CITY = EXAMPLES / "access" / "example-city-lists.toml"
CITE = {"source": "某市清单", "locator": "第1项", "quote": "x"}


class _NoAliases(yaml.SafeDumper):
    """Writes shared values out again: data files may not use anchors or aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _dump_yaml(data: object, **options: object) -> str:
    """YAML text of ``data`` without anchors (the strict reader refuses them)."""
    return str(yaml.dump(data, Dumper=_NoAliases, **options))


def item(**changes: Any) -> WorkItem:
    """The funded assistance example with top-level fields replaced."""
    data = {**example_data("access/assistance-funded.json"), **changes}
    return WorkItem.model_validate_json(json.dumps(data, ensure_ascii=False))


def doc(**changes: Any) -> dict[str, Any]:
    """A minimal valid list document with top-level keys replaced."""
    base: dict[str, Any] = {
        "format": "cg.work-item-lists/1",
        "id": "cn.test",
        "version": "1",
        "extends": "cn",
        "title": {"zh": "测试清单", "en": "Test lists"},
        "citations": [CITE],
        "entries": [
            {
                "id": "T-A-1",
                "list": "test",
                "kind": "assistance",
                "title": {"zh": "协助某事", "en": "Assist"},
                "citation": CITE,
            }
        ],
    }
    return {**base, **changes}


class TestLoadedListsChangeTheAnswer:
    """A city's or province's own list decides items on it."""

    def test_item_on_the_city_list_is_admitted_where_anhui_alone_is_undecided(self) -> None:
        """EX-A-01 is unknown to cn.anhui (indeterminate) and admitted with the city list."""
        assert check_work_item(item(list_entry="EX-A-01"), "cn.anhui").verdict == "indeterminate"
        book = load_work_item_lists(CITY)
        d = check_work_item(item(list_entry="EX-A-01"), book)
        assert d.verdict == "allowed"
        assert d.finding("work-item.listed").evidence["entry"]["citation"]["locator"] == (
            "附件1 第1项"
        )

    def test_item_on_the_city_negative_list_is_denied_with_its_citation(self) -> None:
        """EX-N-01 is on the city's negative list: denied, the entry's citation quoted."""
        d = check_work_item(item(list_entry="EX-N-01"), load_work_item_lists(CITY))
        assert d.verdict == "denied"
        assert [f.rule for f in d.denials] == ["work-item.negative-list"]
        assert "附件2 第1项" in d.finding("work-item.negative-list").message_zh
        assert d.finding("work-item.listed").status == "not_applicable"

    def test_city_certificate_list_adds_to_the_national_one(self) -> None:
        """The city's not-to-issue certificate and the national ones both apply."""
        lists = work_item_lists(load_work_item_lists(CITY))
        assert lists.certificate_named("房屋租赁情况") is not None
        assert lists.certificate_named("亲属关系") is not None

    def test_committee_scope_of_an_entry_is_respected(self) -> None:
        """EX-A-03 is for residents' committees only."""
        book = load_work_item_lists(CITY)
        d = check_work_item(item(list_entry="EX-A-03", committee="village_committee"), book)
        assert d.verdict == "denied"
        assert [f.rule for f in d.denials] == ["work-item.listed"]

    def test_loaded_rulebook_layers_the_list_tables_and_replaces_no_rule(self) -> None:
        """The file's rulebook extends cn.anhui with rows, not with replaced rules."""
        book = load_work_item_lists(CITY)
        assert book.lineage == ("cn.anhui.example-city", "cn.anhui", "cn")
        assert book.replace == ()
        assert get_rulebook("cn.anhui").rule("work-item.listed") is book.rule("work-item.listed")
        own = {t.name: [e.key for e in t.entries] for t in book.tables}
        assert own["work-item.lists"] == ["EX-A-01", "EX-A-02", "EX-A-03", "EX-N-01", "EX-C-01"]
        assert own["work-item.lists.declared"] == ["example-city/assistance"]

    def test_the_legacy_format_means_the_same(self) -> None:
        """The example's lists written as cg.work-item-lists/1 give the same lists."""
        data = read_document(CITY)
        tables = data.pop("tables")
        legacy = {
            **data,
            "format": "cg.work-item-lists/1",
            "unlisted": tables["work-item.lists.unlisted"]["entries"][0]["value"],
            "declared": tables["work-item.lists.declared"]["entries"],
            "entries": [
                {"id" if k == "key" else k: v for k, v in e.items()}
                for e in tables["work-item.lists"]["entries"]
            ],
        }
        a = work_item_lists(parse_work_item_lists(legacy, "legacy.toml"))
        b = work_item_lists(load_work_item_lists(CITY))
        assert (a.entries, a.declared, a.unlisted) == (b.entries, b.declared, b.unlisted)

    def test_cgov_check_takes_a_lists_file_as_rulebook(self, tmp_path: Path) -> None:
        """--rulebook lists.toml works for either format (it failed before cg.rulebook/2)."""
        legacy = tmp_path / "legacy.yaml"
        legacy.write_text(_dump_yaml(doc(), allow_unicode=True), encoding="utf-8")
        for book, entry in ((CITY, "EX-A-01"), (legacy, "T-A-1")):
            subject = tmp_path / f"{entry}.json"
            data = {**example_data("access/assistance-funded.json"), "list_entry": entry}
            subject.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            out = io.StringIO()
            argv = ["check", "work-item", str(subject), "--rulebook", str(book)]
            assert main(argv, out=out, err=io.StringIO()) == 0, out.getvalue()
            assert f"事项列于依法协助政府事项清单第{entry}项" in out.getvalue()

    def test_yaml_file_and_given_parent(self, tmp_path: Path) -> None:
        """A YAML file may extend a rulebook passed in ``parents``."""
        path = tmp_path / "lists.yaml"
        path.write_text(
            _dump_yaml(doc(extends="cn.anhui.example-city", id="cn.test.yaml")),
            encoding="utf-8",
        )
        city = load_work_item_lists(CITY)
        book = load_work_item_lists(path, parents={"cn.anhui.example-city": city})
        assert work_item_lists(book).find("EX-A-01") is not None
        assert work_item_lists(book).find("T-A-1") is not None

    def test_unlisted_setting_makes_unlisted_items_indeterminate(self) -> None:
        """``unlisted = "indeterminate"`` turns the refusal into an open question."""
        book = parse_work_item_lists(doc(unlisted="indeterminate"), "mem")
        assert check_work_item(item(list_entry="NOPE"), book).verdict == "indeterminate"


class TestMalformedFiles:
    """A malformed file fails with the file, the key and the reason."""

    @pytest.mark.parametrize(
        ("changes", "key", "reason"),
        [
            ({"format": "cg.rulebook/1"}, "format", "cg.work-item-lists/1"),
            ({"citations": []}, "citations", "at least 1"),
            ({"extends": "cn.nowhere"}, "extends", "unknown rulebook"),
            ({"unlisted": "maybe"}, "unlisted", "deny"),
            ({"colour": "red"}, "colour", "Extra inputs"),
        ],
    )
    def test_top_level_errors(self, changes: dict[str, Any], key: str, reason: str) -> None:
        """Each top-level problem names its key."""
        with pytest.raises(RulebookError) as e:
            parse_work_item_lists(doc(**changes), "lists.toml")
        assert e.value.source == "lists.toml"
        assert e.value.key == key
        assert reason in e.value.reason

    def test_unknown_kind_names_the_entry(self) -> None:
        """entries[0].kind must be one of the four list kinds."""
        entries = doc()["entries"]
        entries[0]["kind"] = "optional"
        with pytest.raises(RulebookError) as e:
            parse_work_item_lists(doc(entries=entries), "lists.toml")
        assert e.value.key == "entries[0].kind"

    def test_duplicate_of_a_national_entry_id(self) -> None:
        """An entry id already used by an inherited list is refused."""
        entries = doc()["entries"]
        entries[0]["id"] = "cn.mca-2020-20.kinship"
        with pytest.raises(RulebookError, match=r"entries\[0\]\.id: .*already used"):
            parse_work_item_lists(doc(entries=entries), "lists.toml")

    def test_declared_count_smaller_than_the_entries(self) -> None:
        """A list cannot hold more entries than its published size."""
        declared = [{"list": "test", "kind": "assistance", "count": 0, "citation": CITE}]
        with pytest.raises(RulebookError, match="declares 0 assistance entries but 1"):
            parse_work_item_lists(doc(declared=declared), "lists.toml")

    def test_float_count_is_refused(self) -> None:
        """A count of 3.0 is not an integer."""
        declared = [{"list": "test", "kind": "assistance", "count": 3.0, "citation": CITE}]
        with pytest.raises(RulebookError) as e:
            parse_work_item_lists(doc(declared=declared), "lists.toml")
        assert e.value.key == "declared[0].count"

    def test_end_before_start(self) -> None:
        """valid_to must be after valid_from."""
        entries = doc()["entries"]
        entries[0]["valid_from"] = dt.date(2026, 1, 1)
        entries[0]["valid_to"] = dt.date(2025, 1, 1)
        with pytest.raises(RulebookError) as e:
            parse_work_item_lists(doc(entries=entries), "lists.toml")
        assert e.value.key == "entries[0].valid_to"

    def test_toml_syntax_error_names_the_file(self, tmp_path: Path) -> None:
        """A TOML syntax error names the file."""
        path = tmp_path / "bad.toml"
        path.write_text('format = "cg.work-item-lists/1\n', encoding="utf-8")
        with pytest.raises(RulebookError, match=r"bad\.toml: TOML syntax error"):
            load_work_item_lists(path)

    def test_wrong_suffix_and_missing_file(self, tmp_path: Path) -> None:
        """Only .toml/.yaml/.yml files are read; a missing file says so."""
        (tmp_path / "lists.json").write_text("{}", encoding="utf-8")
        with pytest.raises(RulebookError, match=r"expected a \.toml"):
            load_work_item_lists(tmp_path / "lists.json")
        with pytest.raises(RulebookError, match="cannot read"):
            load_work_item_lists(tmp_path / "missing.toml")

    def test_top_level_must_be_a_mapping(self) -> None:
        """A list at the top is refused."""
        with pytest.raises(RulebookError, match="expected a table/mapping"):
            parse_work_item_lists([1, 2], "lists.yaml")  # type: ignore[arg-type]
