"""Exact legal quantifiers: boundaries, shortfall and combinations."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_governance import AllOf, AnyOf, Measure, Term, Threshold
from community_governance.strategies import shares

COUNTED = Term("n", "数", "items", "名", ("item", "items"))
BASE = Term("b", "基数", "members")
bases = st.integers(0, 10**6)


def share_threshold(q: str, share: Fraction) -> Threshold:
    return Threshold(q, share, COUNTED, BASE)  # type: ignore[arg-type]


class TestInclusiveAndExclusive:
    """以上 includes the number, 超过 / 过半数 excludes it (Civil Code Art. 1259)."""

    def test_at_least_ten_percent_includes_the_exact_share(self) -> None:
        """5 of 50 is 10%以上."""
        assert share_threshold("at_least", Fraction(1, 10)).test(5, 50).passed

    def test_more_than_half_excludes_exactly_half(self) -> None:
        """50 of 100 is not 过半数; 51 is."""
        t = share_threshold("more_than", Fraction(1, 2))
        assert not t.test(50, 100).passed
        assert t.test(51, 100).passed

    def test_more_than_two_thirds_excludes_exactly_two_thirds(self) -> None:
        """超过三分之二: 20 of 30 fails, 21 passes."""
        t = share_threshold("more_than", Fraction(2, 3))
        assert not t.test(20, 30).passed
        assert t.test(21, 30).passed

    def test_at_most_and_less_than_on_counts(self) -> None:
        """9以下 admits 9; 不满10 admits 9 but not 10."""
        assert Threshold("at_most", 9, COUNTED).test(9).passed
        assert not Threshold("at_most", 9, COUNTED).test(10).passed
        assert Threshold("less_than", 10, COUNTED).test(9).passed
        assert not Threshold("less_than", 10, COUNTED).test(10).passed


class TestBoundaryProperties:
    """For every base up to 10^6, the bound is the exact legal boundary."""

    @given(share=shares(), base=bases)
    def test_at_least_bound_passes_and_one_less_fails(self, share: Fraction, base: int) -> None:
        """n = bound passes, n - 1 fails, n + 1 passes (以上)."""
        t = share_threshold("at_least", share)
        b = t.bound(base)
        assert b == math.ceil(share * base)
        if b <= base:
            assert t.test(b, base).passed
        if 0 <= b - 1 <= base:
            assert not t.test(b - 1, base).passed
        if 0 <= b + 1 <= base:
            assert t.test(b + 1, base).passed

    @given(share=shares(), base=bases)
    def test_more_than_bound_is_the_first_count_strictly_above(
        self, share: Fraction, base: int
    ) -> None:
        """n = bound passes and n - 1 fails (超过 / 过半数: strictly more)."""
        t = share_threshold("more_than", share)
        b = t.bound(base)
        assert b == math.floor(share * base) + 1
        assert b > share * base >= b - 1
        if b <= base:
            assert t.test(b, base).passed
        if 0 <= b - 1 <= base:
            assert not t.test(b - 1, base).passed

    @given(share=shares(), base=bases)
    def test_upper_bounds_admit_the_bound_and_reject_one_more(
        self, share: Fraction, base: int
    ) -> None:
        """at_most / less_than: the bound passes, bound + 1 fails."""
        for q in ("at_most", "less_than"):
            t = share_threshold(q, share)
            b = t.bound(base)
            if 0 <= b <= base:
                assert t.test(b, base).passed
            if 0 <= b + 1 <= base:
                assert not t.test(b + 1, base).passed

    @given(share=shares(), base=bases, data=st.data())
    def test_verdict_matches_exact_rational_comparison(
        self, share: Fraction, base: int, data: st.DataObject
    ) -> None:
        """The integer cross-multiplication agrees with exact Fraction arithmetic."""
        n = data.draw(st.integers(0, base))
        exact = {
            "at_least": Fraction(n) >= share * base,
            "more_than": Fraction(n) > share * base,
            "at_most": Fraction(n) <= share * base,
            "less_than": Fraction(n) < share * base,
        }
        for q, expected in exact.items():
            assert share_threshold(q, share).test(n, base).passed is expected


class TestShortfall:
    """A failing lower bound says how many more are needed, exactly."""

    @given(share=shares(), base=st.integers(1, 10**6), data=st.data())
    def test_adding_the_shortfall_passes_and_one_less_fails(
        self, share: Fraction, base: int, data: st.DataObject
    ) -> None:
        """observed + shortfall passes; observed + shortfall - 1 fails."""
        t = share_threshold("at_least", share)
        n = data.draw(st.integers(0, base))
        c = t.test(n, base)
        if c.passed:
            assert c.shortfall == 0
        elif n + c.shortfall <= base:
            assert t.test(n + c.shortfall, base).passed
            assert not t.test(n + c.shortfall - 1, base).passed

    @given(limit=st.integers(0, 1000), n=st.integers(0, 2000))
    def test_excess_of_an_upper_bound(self, limit: int, n: int) -> None:
        """observed - excess passes an at_most bound; one more fails."""
        c = Threshold("at_most", limit, COUNTED).test(n)
        assert c.excess == max(0, n - limit)
        assert Threshold("at_most", limit, COUNTED).test(n - c.excess).passed


class TestCombinations:
    """any_of and all_of evaluate and report every part."""

    def test_any_of_reports_each_alternatives_shortfall(self) -> None:
        """Jinjiang: 5 of 51 and 48 households → 1 more representative, or 2 more households."""
        reps = Term("r", "联名居民代表", "reps", "名", ("representative", "representatives"))
        hh = Term("h", "联名居民户", "households", "户", ("household", "households"))
        c = AnyOf(
            (Threshold("at_least", Fraction(1, 10), reps, BASE), Threshold("at_least", 50, hh))
        )
        out = c.evaluate({"r": Measure(5, 51), "h": Measure(48)})
        assert not out.passed
        assert [x.shortfall for x in out.comparisons()] == [1, 2]
        assert out.shortfall_text()[1] == "needs 1 more representative, or 2 more households"

    @given(a=st.booleans(), b=st.booleans())
    def test_any_and_all_follow_boolean_logic(self, a: bool, b: bool) -> None:
        """any_of passes iff either passes; all_of iff both."""
        t1, t2 = Threshold("at_least", 1, COUNTED), Threshold("at_least", 1, BASE)
        m = {"n": Measure(int(a)), "b": Measure(int(b))}
        assert AnyOf((t1, t2)).evaluate(m).passed is (a or b)
        assert AllOf((t1, t2)).evaluate(m).passed is (a and b)


class TestBadInput:
    """Wrong types and impossible counts are errors, never coerced."""

    @pytest.mark.parametrize("bad", ["5", 5.0, True, None])
    def test_rejects_non_int_observed(self, bad: object) -> None:
        """A string, float, bool or None is not a count."""
        with pytest.raises(TypeError, match="observed must be an int"):
            Threshold("at_least", 5, COUNTED).test(bad)  # type: ignore[arg-type]

    def test_rejects_negative_counts(self) -> None:
        """Counts are never negative."""
        with pytest.raises(ValueError, match="observed must be >= 0"):
            Threshold("at_least", 5, COUNTED).test(-1)

    def test_rejects_more_observed_than_base(self) -> None:
        """More sponsors than representatives is inconsistent input."""
        with pytest.raises(ValueError, match="exceeds its base"):
            share_threshold("at_least", Fraction(1, 10)).test(41, 40)

    def test_rejects_float_threshold_values(self) -> None:
        """A threshold is an int or a Fraction, never a float."""
        with pytest.raises(TypeError, match="int or a Fraction"):
            Threshold("at_least", 0.1, COUNTED, BASE)  # type: ignore[arg-type]

    def test_share_needs_a_base(self) -> None:
        """A share without its base is meaningless."""
        with pytest.raises(ValueError, match="needs the base"):
            Threshold("at_least", Fraction(1, 10), COUNTED)
