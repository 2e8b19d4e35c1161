"""English counts agree in number: "1 proxy held", "2 proxies held"."""

from __future__ import annotations

from fractions import Fraction

import pytest

from community_governance.checks import measures, meeting_measures
from community_governance.rules.threshold import Term, Threshold


def _terms() -> dict[str, Term]:
    """Every term the check modules name, by where it is defined."""
    found: dict[str, Term] = {}
    for module in (measures, meeting_measures):
        for name, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else (value,)
            for i, v in enumerate(values):
                for j, t in enumerate(v if isinstance(v, tuple) else (v,)):
                    if isinstance(t, Term):
                        found[f"{module.__name__}.{name}[{i}][{j}]"] = t
    return found


#: Nouns whose singular is their plural (mass nouns and phrases without a counted noun).
INVARIANT = {"yuan of funding", "present", "taking part in the vote"}


class TestComparisonText:
    """The numbers compared read as English."""

    def test_one_sponsor_of_one_representative(self) -> None:
        """The issue's example: "1 sponsoring representatives ≥ 10% of 1 representatives"."""
        t = Threshold(
            "at_least",
            Fraction(1, 10),
            measures.SPONSORING_REPRESENTATIVES,
            measures.REPRESENTATIVES,
        )
        assert t.test(1, 1).text()[1] == (
            "1 sponsoring representative ≥ 10% of 1 representative (needs 1)"
        )

    def test_one_proxy(self) -> None:
        """The issue's example: "1 proxies"."""
        assert Threshold("at_most", 3, measures.PROXIES).test(1).text()[1] == (
            "1 proxy held ≤ 3 (at most 3)"
        )

    @pytest.mark.parametrize("n", [0, 2, 51])
    def test_zero_and_many_are_plural(self, n: int) -> None:
        """Any count but 1 takes the plural, of the counted and of the base."""
        t = Threshold(
            "at_least", Fraction(1, 10), measures.SPONSORING_REPRESENTATIVES, measures.VOTERS
        )
        en = t.test(0, n).text()[1]
        assert en.startswith("0 sponsoring representatives ")
        assert f"of {n} voters" in en

    def test_the_chinese_text_is_unchanged(self) -> None:
        """Chinese has no plural: the measure word carries the count."""
        c = Threshold("at_most", 3, measures.PROXIES).test(1)
        assert c.text()[0] == "接受的委托1人，符合3人以下的要求（至多3人）"


class TestTerm:
    """`Term.noun` / `Term.count` and the singular form."""

    def test_the_singular_is_derived_from_the_word_in_more_en(self) -> None:
        """ "proxies held" with ("proxy", "proxies") is "proxy held" for one."""
        t = Term("p", "委托", "proxies held", "人", ("proxy", "proxies"))
        assert (t.count(1), t.count(2)) == ("1 proxy held", "2 proxies held")

    def test_only_a_whole_word_is_made_singular(self) -> None:
        """A word that merely contains the plural is left alone."""
        t = Term("v", "选民", "non-voters and voters", "名", ("voter", "voters"))
        assert t.noun(1) == "non-voters and voter"

    def test_an_explicit_singular_wins(self) -> None:
        """``en_one`` is used as given."""
        assert measures.WOMEN.count(1) == "1 woman member"

    def test_without_forms_the_noun_is_unchanged(self) -> None:
        """A term with no singular/plural forms keeps its one noun."""
        assert Term("x", "项", "items").count(1) == "1 items"

    def test_more_and_fewer_fall_back_on_the_singular(self) -> None:
        """Without ``more_en`` "1 more" uses the term's own singular."""
        t = Term("s", "席位", "seats", en_one="seat")
        assert (t.more(1), t.fewer(2)) == ("1 more seat", "2 fewer seats")

    @pytest.mark.parametrize("where", sorted(_terms()))
    def test_every_check_term_has_a_singular(self, where: str) -> None:
        """Each term of the check modules says "1 <singular>" (bar mass nouns)."""
        t = _terms()[where]
        if t.en in INVARIANT or t.en.startswith("dm²"):
            assert t.noun(1) == t.en
        else:
            assert t.noun(1) != t.en, f"{where}: {t.en!r} has no singular"
