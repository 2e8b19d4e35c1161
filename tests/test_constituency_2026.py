"""Ningxia's constituency rule from 2026 (review D17): national law prevails — urban 2025
Art. 13(2) «居民代表由居民小组一般按每二十户至五十户推选一人产生，也可以根据实际需要在适当范围内
推选产生» makes the residents' group the statutory constituency, so a representative chosen by
a 居民小组 passes from 2026-01-01, while the 2017 opinions' «按照居民小区或楼宇推选居民代表»
alone governs before."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from community_governance import evaluate, get_rulebook
from community_governance.models import BodyComposition

from ._support import example_data

NINGXIA = get_rulebook("cn.ningxia")
RULE = "representatives-assembly.constituency"


def assembly(kind: str) -> BodyComposition:
    """The example urban representatives' assembly with R02 chosen by a constituency of
    ``kind`` (the others by compounds and buildings)."""
    data = example_data("bodies/urban.json")
    data["body_id"] = "RA"
    for m in data["community"]["memberships"]:
        if m["person_id"] == "R02" and m["body_id"] == "RA":
            m["constituency"] = {
                "kind": kind,
                "name": "第二居民小组" if kind == "group" else "其他",
            }
    return BodyComposition.model_validate_json(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize(
    ("day", "status"),
    [(dt.date(2025, 12, 31), "failed"), (dt.date(2026, 1, 1), "passed")],
)
def test_a_residents_group_passes_from_2026(day: dt.date, status: str) -> None:
    """A representative chosen by a 居民小组: refused by the 2017 opinions until 2025-12-31,
    lawful under national law from 2026-01-01 (it used to be refused then too)."""
    f = evaluate(assembly("group"), NINGXIA, day).finding(RULE)
    assert f.status == status


def test_from_2026_the_statute_is_cited_first() -> None:
    """The 2026 finding cites urban 2025 Art. 13(2) before the opinions."""
    f = evaluate(assembly("group"), NINGXIA, dt.date(2026, 3, 2)).finding(RULE)
    assert [(c.source, c.locator) for c in f.citations] == [
        ("城市居民委员会组织法(2025-10-28)", "第十三条第二款"),
        ("003_08e74ef2c04b700e.txt", "§二(五)"),
    ]


def test_before_2026_only_the_opinions_are_cited() -> None:
    """A 2025 finding cites the 2017 opinions alone: the 2025 statute was not yet in force."""
    f = evaluate(assembly("group"), NINGXIA, dt.date(2025, 12, 31)).finding(RULE)
    assert [c.source for c in f.citations] == ["003_08e74ef2c04b700e.txt"]


def test_another_range_is_still_refused_in_ningxia() -> None:
    """The opinions' compounds and buildings are the «适当范围» Ningxia chose: a representative
    chosen by another range is still named, and the assembly denied."""
    d = evaluate(assembly("other"), NINGXIA, dt.date(2026, 3, 2))
    f = d.finding(RULE)
    assert (d.verdict, f.status) == ("denied", "failed")
    assert "R02 (other)" in f.message_en


def test_compounds_and_buildings_pass_on_both_sides() -> None:
    """The example (compounds and buildings only) passes before and after 2026-01-01."""
    data = example_data("bodies/urban.json")
    data["body_id"] = "RA"
    s = BodyComposition.model_validate_json(json.dumps(data, ensure_ascii=False))
    for day in (dt.date(2025, 12, 31), dt.date(2026, 1, 1)):
        assert evaluate(s, NINGXIA, day).finding(RULE).status == "passed"
