"""Rendering exact numbers for people: shares as percentages or Chinese fractions."""

from __future__ import annotations

import functools
from fractions import Fraction

_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """Write 0 <= n < 100 in Chinese numerals (三, 十五, 二十); larger numbers as digits."""
    if n < 0 or n >= 100:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return f"{head}十{_DIGITS[ones] if ones else ''}"


@functools.lru_cache(maxsize=256)
def share_text(share: Fraction) -> tuple[str, str]:
    """Return (zh, en) renderings of a share: ``10%`` when exact in percent, else a fraction.

    Cached: legal shares are few, and messages are built on the hot path.

    >>> share_text(Fraction(1, 10))
    ('10%', '10%')
    >>> share_text(Fraction(2, 3))
    ('三分之二', '2/3')
    """
    if share == Fraction(1, 2):
        return ("半数", "half")
    if (share * 100).denominator == 1:
        pct = f"{share * 100}%"
        return (pct, pct)
    return (
        f"{zh_number(share.denominator)}分之{zh_number(share.numerator)}",
        f"{share.numerator}/{share.denominator}",
    )


def share_json(share: Fraction) -> str:
    """Exact JSON form of a share: ``"1/10"``."""
    return f"{share.numerator}/{share.denominator}"
