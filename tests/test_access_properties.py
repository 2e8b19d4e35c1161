"""Properties of the access check (准入), drawn from our own strategies: the reasons equal the
defects planted; adding a defect never admits; removing every defect admits."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pydantic import ValidationError

from community_governance import (
    Citation,
    Rulebook,
    RulebookError,
    WorkItem,
    check_work_item,
    get_rulebook,
    load_work_item_lists,
)
from community_governance.checks.access import BANNED
from community_governance.checks.work_item_lists import (
    DeclaredCount,
    ListEntry,
    declared_table,
    lists_table,
    work_item_lists,
)
from community_governance.strategies import (
    with_defects,
    work_item_defect_sets,
    work_item_defects,
    work_items,
)

from ._support import EXAMPLES

BOOKS = ("cn", "cn.ningxia", "cn.anhui", "example-city")
AFTER = st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31))
#: (rulebook, admissible item, defects, variant)
Case = tuple[Rulebook, WorkItem, frozenset[str], int]
BEFORE = st.dates(dt.date(2020, 4, 1), dt.date(2025, 12, 31))


@cache
def book(name: str) -> Rulebook:
    """A built-in rulebook, or the example city's lists loaded from its file."""
    if name == "example-city":
        return load_work_item_lists(EXAMPLES / "access" / "example-city-lists.toml")
    return get_rulebook(name)


def reasons(item: WorkItem, rulebook: Rulebook) -> frozenset[str]:
    """Rule ids of every failed finding (denials and warnings)."""
    d = check_work_item(item, rulebook)
    return frozenset(f.rule for f in d.findings if f.status == "failed")


@st.composite
def planted(draw: st.DrawFn, when: st.SearchStrategy[dt.date] = AFTER, min_size: int = 0) -> Case:
    """(rulebook, admissible item, defects, variant) for one of the rulebooks."""
    rb = book(draw(st.sampled_from(BOOKS)))
    base = draw(work_items(rulebook=rb, at=when))
    defects = draw(
        work_item_defect_sets(
            rulebook=rb, at=base.requested_on, committee=base.committee, min_size=min_size
        )
    )
    return rb, base, defects, draw(st.integers(0, 30))


class TestDefects:
    """Every defect is reported as its own failed finding, and nothing else fails."""

    @given(planted())
    def test_reasons_equal_the_defects_planted(self, case: Case) -> None:
        """The set of failed rules is exactly the set of defects planted."""
        rb, base, defects, variant = case
        assert reasons(with_defects(base, defects, rulebook=rb, variant=variant), rb) == defects

    @given(planted(when=BEFORE))
    def test_reasons_equal_the_defects_planted_before_2026(self, case: Case) -> None:
        """Under the 2018 texts (no legal-basis rule yet) the same holds."""
        rb, base, defects, variant = case
        assert "work-item.legal-basis" not in defects
        assert reasons(with_defects(base, defects, rulebook=rb, variant=variant), rb) == defects

    @given(planted(), st.data())
    def test_adding_a_defect_never_admits_a_denied_item(
        self, case: Case, data: st.DataObject
    ) -> None:
        """Deny-overrides: one more defect keeps a denial a denial."""
        rb, base, defects, variant = case
        item = with_defects(base, defects, rulebook=rb, variant=variant)
        before = check_work_item(item, rb).verdict
        more = [
            d
            for d in work_item_defects(rb, at=base.requested_on, committee=base.committee)
            if d not in defects and _fits(defects | {d})
        ]
        if before != "denied" or not more:
            return
        extra = data.draw(st.sampled_from(more))
        worse = with_defects(base, defects | {extra}, rulebook=rb, variant=variant)
        assert check_work_item(worse, rb).verdict == "denied"

    @given(planted(min_size=1))
    def test_removing_every_defect_admits(self, case: Case) -> None:
        """The admissible item the defects were planted in is allowed with no warnings."""
        rb, base, defects, variant = case
        item = with_defects(base, defects, rulebook=rb, variant=variant)
        if check_work_item(item, rb).verdict == "denied":
            d = check_work_item(base, rb)
            assert d.verdict == "allowed"
            assert not d.warnings


def _fits(defects: frozenset[str]) -> bool:
    from community_governance.strategies._internal.access import compatible

    return compatible(defects)


def _national_certificates() -> list[ListEntry]:
    return list(
        work_item_lists(get_rulebook("cn"), dt.date(2026, 1, 1)).of_kind(
            "certificate", "residents_committee", dt.date(2026, 1, 1)
        )
    )


class TestNeverAFalseAllowed:
    """A planted contradiction of the review's list is never admitted, whatever the rulebook
    and day (from 136号's date, 2015-07-13, when the access rules start)."""

    @given(
        st.sampled_from(BOOKS),
        st.dates(dt.date(2015, 7, 13), dt.date(2030, 12, 31)),
        st.sampled_from(sorted(BANNED)),
        st.data(),
    )
    def test_a_committee_responsible_for_a_banned_domain_is_never_admitted(
        self, name: str, on: dt.date, domain: str, data: st.DataObject
    ) -> None:
        """«不得转嫁给社区»: responsible party for enforcement, demolition, remediation, city
        management or investment is never allowed (E1), under any entry."""
        rb = book(name)
        assume(work_item_lists(rb, on).of_kind("assistance", "residents_committee", on))
        base = data.draw(
            work_items(rulebook=rb, at=st.just(on), committee=st.just("residents_committee"))
        )
        entries = [e.id for e in work_item_lists(rb, on).entries if e.applies(base.committee, on)]
        entry = data.draw(st.sampled_from(entries))
        bad = base.model_copy(
            update={"committee_role": "responsible_party", "domain": domain, "list_entry": entry}
        )
        item = WorkItem.model_validate_json(bad.model_dump_json())
        assert check_work_item(item, rb).verdict != "allowed"

    @given(
        st.sampled_from(sorted(e.title_zh for e in _national_certificates())),
        st.sampled_from(("", "证明", "的证明", "证明书")),
        st.sampled_from(("", "出具", "开具")),
        st.sampled_from(("", " ", "\u3000", "\u200b")),
    )
    def test_a_listed_certificate_in_a_common_form_is_never_admitted(
        self, title: str, suffix: str, prefix: str, blank: str
    ) -> None:
        """亲属关系证明 = 亲属关系: a listed certificate, however it is written, is not issued
        (a name hiding an invisible character is refused as input)."""
        base = WorkItem.model_validate_json(
            (EXAMPLES / "access" / "assistance-funded.json").read_text(encoding="utf-8")
        )
        name = f"{blank}{prefix}{title}{blank}{suffix}{blank}"
        cert = {"name": name, "legal_basis": {"statute": "某条例", "article": "第一条"}}
        data = {**base.model_dump(mode="json"), "domain": "certificate", "certificate": cert}
        try:
            item = WorkItem.model_validate(data, strict=False)
        except ValidationError:
            assert "\u200b" in name
            return
        d = check_work_item(item, "cn")
        assert d.finding("certificate.not-to-issue").status == "failed"


class TestStrategies:
    """The strategies themselves."""

    @given(work_items(rulebook="cn.ningxia"))
    def test_work_items_are_admissible(self, item: WorkItem) -> None:
        """Every drawn item is admitted by the rulebook it was drawn for."""
        assert check_work_item(item, "cn.ningxia").verdict == "allowed"

    @given(st.from_type(WorkItem))
    def test_type_strategy_is_registered(self, item: WorkItem) -> None:
        """st.from_type(WorkItem) works through the hypothesis entry point."""
        assert isinstance(item, WorkItem)

    def test_incompatible_defects_are_refused(self) -> None:
        """Two defects that need two different list entries cannot be planted together."""
        base = WorkItem.model_validate_json(
            (EXAMPLES / "access" / "assistance-funded.json").read_text(encoding="utf-8")
        )
        with pytest.raises(ValueError, match="cannot plant"):
            with_defects(
                base,
                {"work-item.listed", "certificate.not-to-issue"},
                rulebook=get_rulebook("cn"),
            )

    def test_anhui_offers_no_unlisted_defect(self) -> None:
        """With Anhui's lists incomplete an unlisted item is not a defect (indeterminate)."""
        offered = work_item_defects(get_rulebook("cn.anhui"), at=dt.date(2026, 6, 1))
        assert "work-item.listed" not in offered
        assert "work-item.authority-follows-responsibility" in offered


CITY = Citation("某市清单", "附件1", "协助事项")


def city_entries(n: int) -> list[ListEntry]:
    """``n`` assistance entries of a city's list ``city``."""
    return [
        ListEntry(f"CITY-A-{i}", "city", "assistance", f"事项{i}", f"item {i}", CITY)
        for i in range(n)
    ]


class TestListLayers:
    """A rulebook layer over the list tables changes exactly what it names."""

    @given(work_items(rulebook="cn", at=AFTER))
    def test_removing_the_entry_of_an_admissible_item_refuses_it_as_unlisted(
        self, item: WorkItem
    ) -> None:
        """remove=(entry id,): the only reason is then work-item.listed."""
        assert item.list_entry is not None
        local = book("cn").extend("cn.city", "1", tables=[lists_table(remove=[item.list_entry])])
        assert reasons(item, local) == {"work-item.listed"}

    @given(work_items(rulebook="cn", at=AFTER))
    def test_replacing_the_entry_by_a_negative_one_refuses_it_by_the_negative_list(
        self, item: WorkItem
    ) -> None:
        """replaces=True with a negative entry of the same id: refused by the negative list."""
        assert item.list_entry is not None
        entry = ListEntry(item.list_entry, "city", "negative", "不应承担", "not undertaken", CITY)
        local = book("cn").extend("cn.city", "1", tables=[lists_table([entry], replaces=True)])
        assert reasons(item, local) == {"work-item.negative-list"}

    @given(held=st.integers(0, 6), delta=st.integers(-1, 1))
    def test_declared_size_boundary(self, held: int, delta: int) -> None:
        """A list holding n-1 of n declared entries leaves an unlisted item open; n of n
        refuses it; n+1 of n is a rulebook error."""
        declared = held - delta
        assume(declared >= 0)
        local = get_rulebook("cn").extend(
            "cn.city",
            "1",
            tables=[
                lists_table(city_entries(held)),
                declared_table([DeclaredCount("city", "assistance", declared, CITY)]),
            ],
        )
        if delta > 0:
            with pytest.raises(RulebookError, match="declares"):
                work_item_lists(local)
            return
        base = WorkItem.model_validate_json(
            (EXAMPLES / "access" / "assistance-funded.json").read_text(encoding="utf-8")
        )
        d = check_work_item(base.model_copy(update={"list_entry": "NOPE"}), local)
        assert d.verdict == ("indeterminate" if delta < 0 else "denied")
        assert d.finding("work-item.listed").status == ("indeterminate" if delta < 0 else "failed")
