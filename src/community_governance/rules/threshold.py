"""Exact legal quantifiers (以上 / 超过 / 以下 / 不满) with integer arithmetic only.

Civil Code Art. 1259: 以上、以下、以内、届满 include the number; 不满、超过、以外 exclude it.
过半数 is "more than half". A share ``p/q`` of a base ``b`` is compared by cross-multiplication
(``n*q >= p*b``), never by floating point.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Literal

import attrs

from ._text import share_json, share_text

__all__ = [
    "AllOf",
    "AnyOf",
    "Comparison",
    "Criterion",
    "Measure",
    "Outcome",
    "Quantifier",
    "Result",
    "Term",
    "Threshold",
]

Quantifier = Literal["at_least", "more_than", "at_most", "less_than"]
"""``at_least`` 以上 (inclusive), ``more_than`` 超过/过半数 (exclusive),
``at_most`` 以下/以内 (inclusive), ``less_than`` 不满 (exclusive)."""
QUANTIFIERS: tuple[Quantifier, ...] = ("at_least", "more_than", "at_most", "less_than")
_LOWER = frozenset({"at_least", "more_than"})
_SYMBOL = {  # (symbol when passed, symbol when failed)
    "at_least": ("≥", "<"),
    "more_than": (">", "≤"),
    "at_most": ("≤", ">"),
    "less_than": ("<", "≥"),
}


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int (got {value!r} that is a {type(value).__name__})")
    if value < 0:
        raise ValueError(f"{name} must be >= 0 (got {value})")
    return value


@attrs.frozen(slots=True)
class Term:
    """A countable thing, named for messages in Chinese and English.

    Args:
        key: stable identifier used in evidence JSON (``sponsoring_representatives``).
        zh: Chinese noun (``联名居民代表``).
        en: English noun, plural (``sponsoring representatives``).
        unit_zh: Chinese measure word (``名``, ``户``).
        more_en: English (singular, plural) used in "needs 1 more representative".
        en_one: ``en`` in the singular (``sponsoring representative``), for a count of 1. By
            default ``en`` with the plural of ``more_en`` made singular where it is a word of
            ``en`` (``proxies held`` → ``proxy held``), else ``en`` itself.

    Examples:
        >>> t = Term("p", "接受的委托", "proxies held", "人", ("proxy", "proxies"))
        >>> t.count(1), t.count(2)
        ('1 proxy held', '2 proxies held')
        >>> Term("w", "妇女成员", "women members", en_one="woman member").count(1)
        '1 woman member'
    """

    key: str
    zh: str
    en: str
    unit_zh: str = "名"
    more_en: tuple[str, str] = ("", "")
    en_one: str = attrs.field(default="")

    @en_one.validator
    def _en_one(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"Term.en_one must be a str (got {value!r})")

    def __attrs_post_init__(self) -> None:
        if not self.en_one:
            object.__setattr__(self, "en_one", _singular(self.en, self.more_en))

    def noun(self, n: int) -> str:
        """The English noun for ``n`` of them: singular for 1, plural otherwise."""
        return self.en_one if n == 1 else self.en

    def count(self, n: int) -> str:
        """``"1 sponsoring representative"`` / ``"3 sponsoring representatives"``."""
        return f"{n} {self.noun(n)}"

    def more(self, n: int) -> str:
        """``"1 more representative"`` / ``"2 more households"``."""
        one, many = self.more_en if self.more_en[0] else (self.en_one, self.en)
        return f"{n} more {one if n == 1 else many}"

    def fewer(self, n: int) -> str:
        """``"1 fewer member"`` / ``"2 fewer members"``."""
        one, many = self.more_en if self.more_en[0] else (self.en_one, self.en)
        return f"{n} fewer {one if n == 1 else many}"


def _singular(en: str, more_en: tuple[str, str]) -> str:
    """``en`` with the word ``more_en[1]`` made ``more_en[0]`` (the first time it occurs)."""
    one, many = more_en
    if not many or one == many:
        return en
    return re.sub(rf"(?<![\w-]){re.escape(many)}(?![\w-])", one, en, count=1)


@attrs.frozen(slots=True)
class Measure:
    """An observed count and, for a share, the base it is taken of."""

    observed: int
    base: int | None = None


@attrs.frozen(slots=True)
class Threshold:
    """One exact legal quantifier: "``n`` is at least 10% of the representatives".

    Args:
        quantifier: ``at_least`` / ``more_than`` / ``at_most`` / ``less_than``.
        value: an ``int`` (absolute count) or a ``Fraction`` (share of ``base``).
        counted: what is counted.
        base: what the share is taken of (required for a share, forbidden for a count).

    Examples:
        >>> from fractions import Fraction
        >>> reps = Term("reps", "居民代表", "representatives")
        >>> t = Threshold("at_least", Fraction(1, 10), Term("s", "联名居民代表", "sponsors"), reps)
        >>> t.bound(51)   # ceil(51 / 10)
        6
        >>> t.test(5, 51).passed, t.test(5, 51).shortfall
        (False, 1)
        >>> Threshold("more_than", Fraction(1, 2), reps, reps).test(50, 100).passed  # 过半数
        False
    """

    quantifier: Quantifier = attrs.field(validator=attrs.validators.in_(QUANTIFIERS))
    value: int | Fraction
    counted: Term
    base: Term | None = None

    def __attrs_post_init__(self) -> None:
        if isinstance(self.value, Fraction):
            if self.base is None:
                raise ValueError("a share threshold needs the base it is taken of")
            if self.value < 0:
                raise ValueError(f"a share must be >= 0 (got {self.value})")
        elif isinstance(self.value, bool) or not isinstance(self.value, int):
            raise TypeError(
                f"Threshold.value must be an int or a Fraction (got {self.value!r} that is a "
                f"{type(self.value).__name__})"
            )
        elif self.base is not None:
            raise ValueError("an absolute count threshold takes no base")

    @property
    def is_share(self) -> bool:
        """Whether the value is a share of a base (rather than an absolute count)."""
        return isinstance(self.value, Fraction)

    @property
    def is_lower_bound(self) -> bool:
        """True for 以上 / 超过 (a minimum), False for 以下 / 不满 (a maximum)."""
        return self.quantifier in _LOWER

    def bound(self, base: int | None = None) -> int:
        """The boundary count for this base.

        For a lower bound, the least passing count; for an upper bound, the greatest passing
        count (which may be negative when nothing passes).
        """
        if isinstance(self.value, Fraction):
            if base is None:
                raise ValueError("a share threshold needs a base count")
            p, q = self.value.numerator, self.value.denominator
            product = p * _count("base", base)
            floor, ceil = product // q, -(-product // q)
        else:
            floor = ceil = self.value
        if self.quantifier == "at_least":
            return ceil
        if self.quantifier == "more_than":
            return floor + 1
        if self.quantifier == "at_most":
            return floor
        return ceil - 1

    def holds(self, observed: int, base: int | None = None) -> bool:
        """Whether ``observed`` (of ``base``, for a share) meets the threshold — the verdict of
        `test` without building the `Comparison` (for the hot path; explain with `test`)."""
        if (
            type(observed) is not int
            or observed < 0
            or (base is not None and (type(base) is not int or base < observed))
        ):
            return self.test(observed, base).passed  # validates, and raises what test raises
        value = self.value
        if type(value) is int:
            if base is not None:
                raise ValueError("an absolute count threshold takes no base")
            lhs, rhs = observed, value
        else:
            if base is None:
                raise ValueError("a share threshold needs a base count")
            lhs, rhs = observed * value.denominator, value.numerator * base
        q = self.quantifier
        if q == "at_least":
            return lhs >= rhs
        if q == "more_than":
            return lhs > rhs
        if q == "at_most":
            return lhs <= rhs
        return lhs < rhs

    def test(self, observed: int, base: int | None = None) -> Comparison:
        """Compare ``observed`` (of ``base``, for a share) by integer cross-multiplication."""
        observed = _count("observed", observed)
        if isinstance(self.value, Fraction):
            if base is None:
                raise ValueError("a share threshold needs a base count")
            base = _count("base", base)
            if observed > base:
                raise ValueError(f"{self.counted.en}: observed {observed} exceeds its base {base}")
            p, q = self.value.numerator, self.value.denominator
            lhs, rhs = observed * q, p * base
        elif base is not None:
            raise ValueError("an absolute count threshold takes no base")
        else:
            lhs, rhs = observed, self.value
        if self.quantifier == "at_least":
            passed = lhs >= rhs
        elif self.quantifier == "more_than":
            passed = lhs > rhs
        elif self.quantifier == "at_most":
            passed = lhs <= rhs
        else:
            passed = lhs < rhs
        return Comparison(self, observed, base, self.bound(base), passed)

    def evaluate(self, measures: Mapping[str, Measure]) -> Comparison:
        """Test the measure keyed by ``counted.key``."""
        m = measures[self.counted.key]
        return self.test(m.observed, m.base)

    def phrase(self) -> tuple[str, str]:
        """(zh, en) wording of the requirement, without numbers observed.

        >>> from fractions import Fraction
        >>> t = Threshold("more_than", Fraction(1, 2), Term("v", "投票人", "voters"),
        ...               Term("e", "选民", "voters"))
        >>> t.phrase()
        ('过半数', 'more than half')
        """
        q = self.quantifier
        if isinstance(self.value, Fraction):
            zh, en = share_text(self.value)
        else:
            zh, en = f"{self.value}{self.counted.unit_zh}", str(self.value)
        if q == "more_than" and self.value == Fraction(1, 2):
            return ("过半数", "more than half")
        return {
            "at_least": (f"{zh}以上", f"at least {en}"),
            "more_than": (f"超过{zh}", f"more than {en}"),
            "at_most": (f"{zh}以下", f"at most {en}"),
            "less_than": (f"不满{zh}", f"less than {en}"),
        }[q]


@attrs.frozen(slots=True)
class Comparison:
    """The result of testing one `Threshold`: the numbers compared and the verdict."""

    threshold: Threshold
    observed: int
    base: int | None
    bound: int
    passed: bool
    #: How many more are needed to pass a lower bound (0 when passed, or for upper bounds).
    shortfall: int = attrs.field(init=False)
    #: How many fewer are needed to pass an upper bound (0 when passed, or for lower bounds).
    excess: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        lower = self.threshold.quantifier in _LOWER
        object.__setattr__(self, "shortfall", max(0, self.bound - self.observed) if lower else 0)
        object.__setattr__(self, "excess", 0 if lower else max(0, self.observed - self.bound))

    def text(self) -> tuple[str, str]:
        """(zh, en) sentence with every number compared.

        >>> from fractions import Fraction
        >>> s = Term("s", "联名居民代表", "sponsoring representatives", "名",
        ...          ("representative", "representatives"))
        >>> r = Term("r", "居民代表", "representatives")
        >>> Threshold("at_least", Fraction(1, 10), s, r).test(3, 40).text()[1]
        '3 sponsoring representatives < 10% of 40 representatives (needs 4: 1 more representative)'
        """
        t = self.threshold
        phrase_zh = t.phrase()[0]
        symbol = _SYMBOL[t.quantifier][0 if self.passed else 1]
        if isinstance(t.value, Fraction):
            assert t.base is not None
            assert self.base is not None
            req_en = f"{share_text(t.value)[1]} of {t.base.count(self.base)}"
            if phrase_zh == "过半数":
                req_zh = f"{t.base.zh}{self.base}{t.base.unit_zh}的过半数"
            else:
                req_zh = f"{t.base.zh}{self.base}{t.base.unit_zh}的{phrase_zh}"
        else:
            req_en = str(t.value)
            req_zh = phrase_zh
        c = t.counted
        head_en = f"{c.count(self.observed)} {symbol} {req_en}"
        head_zh = f"{c.zh}{self.observed}{c.unit_zh}"
        if t.is_lower_bound:
            need_en = f"needs {self.bound}"
            need_zh = f"至少{self.bound}{c.unit_zh}"
            if not self.passed:
                need_en += f": {c.more(self.shortfall)}"
                need_zh += f"，还差{self.shortfall}{c.unit_zh}"
        else:
            need_en = f"at most {self.bound}" if self.bound >= 0 else "no count passes"
            need_zh = f"至多{self.bound}{c.unit_zh}" if self.bound >= 0 else "任何数目均不符合"
            if not self.passed:
                need_en += f": {c.fewer(self.excess)}"
                need_zh += f"，须减少{self.excess}{c.unit_zh}"
        verb_zh = "符合" if self.passed else "不符合"
        return (f"{head_zh}，{verb_zh}{req_zh}的要求（{need_zh}）", f"{head_en} ({need_en})")

    def to_evidence(self) -> dict[str, object]:
        """The numbers compared, for the Decision JSON ``evidence`` object."""
        t = self.threshold
        out: dict[str, object] = {
            "counted": t.counted.key,
            "observed": self.observed,
            "quantifier": t.quantifier,
            "passed": self.passed,
        }
        if isinstance(t.value, Fraction):
            assert t.base is not None
            out["share"] = share_json(t.value)
            out["base"] = t.base.key
            out["base_count"] = self.base
        else:
            out["count"] = t.value
        if t.is_lower_bound:
            out["required"] = self.bound
            out["shortfall"] = self.shortfall
        else:
            out["allowed_max"] = self.bound
            out["excess"] = self.excess
        return out


@attrs.frozen(slots=True)
class AnyOf:
    """Passes when any part passes (Jinjiang: 10% of representatives **or** 50 households)."""

    parts: tuple[Criterion, ...]

    def evaluate(self, measures: Mapping[str, Measure]) -> Outcome:
        """Evaluate every part (all are reported, even after one passes)."""
        results = tuple(p.evaluate(measures) for p in self.parts)
        return Outcome("any_of", results, any(r.passed for r in results))


@attrs.frozen(slots=True)
class AllOf:
    """Passes when every part passes (Civil Code 278: 2/3 of area **and** 2/3 of owners)."""

    parts: tuple[Criterion, ...]

    def evaluate(self, measures: Mapping[str, Measure]) -> Outcome:
        """Evaluate every part (all are reported, even after one fails)."""
        results = tuple(p.evaluate(measures) for p in self.parts)
        return Outcome("all_of", results, all(r.passed for r in results))


@attrs.frozen(slots=True)
class Outcome:
    """The result of an `AnyOf` / `AllOf`: each part's result and the combined verdict."""

    mode: Literal["any_of", "all_of"]
    parts: tuple[Result, ...]
    passed: bool

    def comparisons(self) -> tuple[Comparison, ...]:
        """Every leaf comparison, depth first."""
        out: list[Comparison] = []
        for p in self.parts:
            out.extend(p.comparisons() if isinstance(p, Outcome) else (p,))
        return tuple(out)

    def shortfall_text(self) -> tuple[str, str]:
        """What is missing: ``"needs 1 more representative, or 2 more households"``."""
        failing = [c for c in self.comparisons() if not c.passed]
        joiner_en, joiner_zh = (", or ", "，或") if self.mode == "any_of" else (", and ", "，且")
        en = joiner_en.join(
            c.threshold.counted.more(c.shortfall)
            if c.threshold.is_lower_bound
            else c.threshold.counted.fewer(c.excess)
            for c in failing
        )
        zh = joiner_zh.join(
            f"再增加{c.shortfall}{c.threshold.counted.unit_zh}{c.threshold.counted.zh}"
            if c.threshold.is_lower_bound
            else f"减少{c.excess}{c.threshold.counted.unit_zh}{c.threshold.counted.zh}"
            for c in failing
        )
        return (f"还需{zh}" if zh else "", f"needs {en}" if en else "")

    def to_evidence(self) -> dict[str, object]:
        """Nested evidence: ``{"any_of": [...], "passed": bool}``."""
        return {self.mode: [p.to_evidence() for p in self.parts], "passed": self.passed}


Criterion = Threshold | AnyOf | AllOf
"""Anything `AnyOf` / `AllOf` can combine."""
Result = Comparison | Outcome
"""The result of evaluating a criterion."""
