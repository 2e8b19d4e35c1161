"""The coverage page's data file (docs/coverage/items.yaml) against the code and the review.

The legal review of 2026-11 lists 60 national obligations (§5: the top 10 and M-U1…M-M4) and
tables of the seeds' mechanisms (§6). Every item must be in the data file with the rules that
encode it or the reason it is not encoded, and every rule it names must exist in the rulebook
it names: the generated page (docs/coverage.md) then cannot drift from the code.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from typing import Any

import pytest
import yaml

from community_governance import BUILTIN_RULEBOOKS, get_rulebook

from ._support import ROOT

DATA = ROOT / "docs" / "coverage" / "items.yaml"
REASONS = (
    "partly",
    "progress figure",
    "no fact to check",
    "text not read",
    "input cannot carry the fact",
)

# --- the review's items, hard-coded from ../shared/reviews/legal-review-2026-11.md ----------
TOP_10 = [f"top-{i}" for i in range(1, 11)]
NATIONAL = [
    *TOP_10,
    *(f"M-U{i}" for i in range(1, 18)),
    *(f"M-V{i}" for i in range(1, 16)),
    *(f"M-O{i}" for i in range(1, 6)),
    *(f"M-C{i}" for i in range(1, 10)),
    *(f"M-M{i}" for i in range(1, 5)),
]


def _rows(seed: str, n: int, split: dict[int, str] | None = None) -> list[str]:
    """The ids of a seed table of ``n`` rows, a row the review splits into sub-items lettered
    (``split``: row → letters)."""
    out = []
    for i in range(1, n + 1):
        letters = (split or {}).get(i)
        out += [f"{seed}-{i:02d}{x}" for x in letters] if letters else [f"{seed}-{i:02d}"]
    return out


#: §6: Xiamen 11 rows, Shandong 13, Anhui 15, Ningxia 26 (row 6 has 5 items, row 14 has 3),
#: Jinjiang 18.
SEEDS = {
    "000": _rows("000", 11),
    "001": _rows("001", 13),
    "002": _rows("002", 15),
    "003": _rows("003", 26, {6: "abcde", 14: "abc"}),
    "004": _rows("004", 18),
}
#: The review's totals by table row (§6).
REVIEW_TOTALS = {
    "000": {"Y": 0, "P": 2, "N": 9},
    "001": {"Y": 0, "P": 2, "N": 11},
    "002": {"Y": 3, "P": 4, "N": 8},
    "003": {"Y": 14, "P": 3, "N": 9},
    "004": {"Y": 5, "P": 4, "N": 9},
}


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return data


def _entries() -> list[dict[str, Any]]:
    data = _data()
    out = [dict(e) for e in data["national"]]
    for seed in data["seeds"]:
        out += [{"rulebook": seed["rulebook"], "seed": seed["seed"], **e} for e in seed["items"]]
    return out


def _guards(book_id: str) -> set[str]:
    book = get_rulebook(book_id)
    return {g.id for pid in book.procedure_ids for g in book.procedure(pid).guards}


class TestItems:
    """Every item of the review is listed once, with its rules or its reason."""

    def test_every_national_obligation_of_section_5_is_listed_once(self) -> None:
        """top-1…top-10, M-U1…M-U17, M-V1…M-V15, M-O1…M-O5, M-C1…M-C9, M-M1…M-M4."""
        ids = [e["id"] for e in _data()["national"]]
        assert sorted(ids) == sorted(NATIONAL)
        assert len(ids) == len(set(ids)) == 60

    def test_every_seed_row_of_section_6_is_listed_once(self) -> None:
        """Each seed's table, row by row (sub-items where the review counts them)."""
        seeds = {s["seed"]: [e["id"] for e in s["items"]] for s in _data()["seeds"]}
        assert seeds == SEEDS

    def test_the_review_totals_are_kept_beside_each_seed(self) -> None:
        """The page shows the review's Y/P/N by table row next to today's counts."""
        assert {s["seed"]: s["review"] for s in _data()["seeds"]} == REVIEW_TOTALS

    def test_every_entry_has_rules_or_a_reason(self) -> None:
        """An item is encoded (rules or procedure guards) or says why not."""
        bare = [
            e["id"]
            for e in _entries()
            if not (e.get("rules") or e.get("guards") or e.get("reason"))
        ]
        assert not bare

    def test_a_status_agrees_with_its_entry(self) -> None:
        """Y names what encodes it and gives no reason; P gives a reason; N gives a reason and
        names no rule."""
        wrong = []
        for e in _entries():
            encoded = bool(e.get("rules") or e.get("guards"))
            reason = bool(e.get("reason"))
            ok = {
                "Y": encoded and not reason,
                "P": reason,
                "N": reason and not encoded,
            }.get(e.get("status"), False)
            if not ok:
                wrong.append(e["id"])
        assert not wrong

    def test_a_reason_is_of_a_known_kind(self) -> None:
        """A progress figure, no fact to check, text not read, input cannot carry the fact,
        or partly."""
        odd = [
            e["id"] for e in _entries() if e.get("reason") and not e["reason"].startswith(REASONS)
        ]
        assert not odd


class TestNoDrift:
    """The data file names only rules and guards the rulebooks have."""

    def test_every_rulebook_named_is_built_in(self) -> None:
        """An item's rulebook is one of BUILTIN_RULEBOOKS."""
        assert {e["rulebook"] for e in _entries()} <= set(BUILTIN_RULEBOOKS)

    def test_every_rule_named_exists_in_its_rulebook(self) -> None:
        """A renamed or removed rule fails here, not silently on the page."""
        missing = []
        for e in _entries():
            ids = {r.id for r in get_rulebook(e["rulebook"]).effective_rules}
            missing += [
                f"{e['id']}: {e['rulebook']} {r}" for r in e.get("rules", []) if r not in ids
            ]
        assert not missing

    def test_every_guard_named_exists_in_its_rulebook(self) -> None:
        """A procedure guard named is a guard of one of the rulebook's procedures."""
        missing = []
        for e in _entries():
            guards = _guards(e["rulebook"])
            missing += [f"{e['id']}: {g}" for g in e.get("guards", []) if g not in guards]
        assert not missing

    def test_the_seeds_new_rules_are_all_on_the_page(self) -> None:
        """Every rule the seeds' rulebooks add is named by some item (a new rule is mapped)."""
        named = {(e["rulebook"], r) for e in _entries() for r in e.get("rules", [])}
        unnamed = []
        for book_id in (
            "cn.fujian.xiamen",
            "cn.shandong",
            "cn.anhui",
            "cn.ningxia",
            "cn.sichuan.chengdu.jinjiang",
        ):
            book = get_rulebook(book_id)
            own = [r.id for r in book.rules] + [r.rule.id for r in book.replace]
            unnamed += [
                f"{book_id} {r}"
                for r in own
                if (book_id, r) not in named and not r.endswith(".national")
            ]
        assert not unnamed


class TestTopTen:
    """The review's top 10 each have a rule (the done-when of issue #12)."""

    def test_every_top_ten_item_is_encoded(self) -> None:
        """Every top-10 item is Y with the rules that encode it."""
        bad = [
            e["id"]
            for e in _data()["national"]
            if e["id"] in TOP_10 and not (e["status"] == "Y" and e.get("rules"))
        ]
        assert not bad

    def test_no_item_is_left_pending(self) -> None:
        """Nothing is 'pending': every item has its rules or a reason that will stay true."""
        assert not [
            e["id"]
            for e in [*_data()["national"], *_data()["seeds"]]
            if str(e.get("reason", "")).startswith("pending")
        ]


class TestPage:
    """The hook renders the page from the same data."""

    @pytest.fixture(scope="class")
    @classmethod
    def hook(cls) -> Any:
        pytest.importorskip("mkdocs")
        spec = importlib.util.spec_from_file_location(
            "coverage_hook", ROOT / "docs" / "hooks" / "coverage.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def test_the_hook_finds_no_problem(self, hook: Any) -> None:
        """The hook's own check (run at build time) agrees with these tests."""
        assert hook.problems(hook.load()) == []

    def test_the_page_lists_every_item_and_each_seeds_counts(self, hook: Any) -> None:
        """Each item id appears on the page, and each seed's Y / P / N counts."""
        page = hook.render()
        for e in _entries():
            assert f"**{e['id']}**" in page
        for seed in _data()["seeds"]:
            c = Counter(x["status"] for x in seed["items"])
            assert f"Now **{c['Y']} Y / {c['P']} P / {c['N']} N**" in page

    def test_a_rule_unknown_to_its_rulebook_fails_the_build(self, hook: Any) -> None:
        """A data file naming a rule the rulebook lacks is refused, naming the item."""
        data = hook.load()
        data["national"][0]["rules"] = ["residents-committee.terms"]
        with pytest.raises(ValueError, match=r"top-1: rule 'residents-committee\.terms'"):
            hook.render(data)
