"""Dated parameters: every number a rule uses, with the law that sets it and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from fractions import Fraction
from typing import Literal

import attrs

from ..exceptions import RulebookError, UnknownReferenceError
from ._text import share_json
from .citation import Citation

__all__ = ["Dated", "Parameter", "ParameterKind", "ParameterValue", "ParameterVersion"]

ParameterValue = int | Fraction
"""A parameter value is exact: a whole number (households, days, members) or a share."""
ParameterKind = Literal["count", "share"]
"""``count`` values are ints, ``share`` values are Fractions (10% is ``Fraction(1, 10)``)."""


def _check_value(kind: ParameterKind, value: object, where: str) -> None:
    if kind == "count":
        if isinstance(value, bool) or not isinstance(value, int):
            raise RulebookError(
                where,
                "value",
                f"a count must be an int (got {value!r} that is a {type(value).__name__})",
            )
        if value < 0:
            raise RulebookError(where, "value", f"a count must be >= 0 (got {value})")
    else:
        if not isinstance(value, Fraction):
            raise RulebookError(
                where,
                "value",
                f"a share must be a Fraction (got {value!r} that is a {type(value).__name__})",
            )
        if not 0 <= value <= 1:
            raise RulebookError(where, "value", f"a share must be between 0 and 1 (got {value})")


@attrs.frozen(slots=True)
class ParameterVersion:
    """One value of a parameter, in force from ``valid_from`` up to (not including) ``valid_to``.

    Args:
        value: an int (``count``) or a Fraction (``share``) — never a float.
        valid_from: first day the value is in force.
        valid_to: first day it is no longer in force (exclusive), or ``None`` if open-ended.
        citation: the law or document that sets this value.
    """

    value: ParameterValue
    valid_from: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    valid_to: dt.date | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.instance_of(dt.date))
    )
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))

    def __attrs_post_init__(self) -> None:
        if self.valid_to is not None and self.valid_to <= self.valid_from:
            raise ValueError(
                f"valid_to must be after valid_from (got {self.valid_from} .. {self.valid_to})"
            )

    def covers(self, at: dt.date) -> bool:
        """Whether this value is in force on ``at`` (``valid_to`` exclusive)."""
        return self.valid_from <= at and (self.valid_to is None or at < self.valid_to)

    def value_json(self) -> int | str:
        """The value in its exact JSON form: an int, or ``"p/q"`` for a share."""
        return share_json(self.value) if isinstance(self.value, Fraction) else self.value

    def to_dict(self) -> dict[str, object]:
        """JSON form used by ``cgov rules --format json``."""
        return {
            "value": self.value_json(),
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "citation": self.citation.to_dict(),
        }


#: One dated value: ``(value, valid_from, valid_to exclusive or None, citation)``.
Dated = tuple[ParameterValue, dt.date, dt.date | None, Citation]


def _versions(versions: tuple[Dated, ...]) -> tuple[ParameterVersion, ...]:
    return tuple(ParameterVersion(v, start, end, c) for v, start, end, c in versions)


def _sorted(versions: Iterable[ParameterVersion]) -> tuple[ParameterVersion, ...]:
    return tuple(sorted(versions, key=lambda v: v.valid_from))


@attrs.frozen(slots=True)
class Parameter:
    """A named number with dated versions, each carrying its citation.

    Versions may leave gaps (no value in force) but never overlap.

    Args:
        name: stable dotted id (``proposal.sponsorship.representative-share``).
        title_zh: Chinese title.
        title_en: English title.
        kind: ``count`` or ``share``.
        versions: the dated values, in any order (stored sorted by ``valid_from``).
        unit_zh: the Chinese unit word used in messages (户, 名, 日).

    Examples:
        >>> import datetime as dt
        >>> from fractions import Fraction
        >>> c = Citation("004_63e647ccd94b093f.txt", "§二", "10%以上")
        >>> p = Parameter("share", "比例", "share", "share",
        ...               (ParameterVersion(Fraction(1, 10), dt.date(2011, 2, 22), None, c),))
        >>> p.at(dt.date(2026, 1, 1)).value
        Fraction(1, 10)
    """

    name: str
    title_zh: str
    title_en: str
    kind: ParameterKind
    versions: tuple[ParameterVersion, ...] = attrs.field(converter=_sorted)
    unit_zh: str = ""

    def __attrs_post_init__(self) -> None:
        where = f"parameter {self.name}"
        if self.kind not in ("count", "share"):
            raise RulebookError(where, "kind", f"must be 'count' or 'share' (got {self.kind!r})")
        for i, version in enumerate(self.versions):
            _check_value(self.kind, version.value, f"{where} versions[{i}]")
        for earlier, later in zip(self.versions, self.versions[1:], strict=False):
            if earlier.valid_to is None or earlier.valid_to > later.valid_from:
                raise RulebookError(
                    where,
                    "versions",
                    f"versions overlap: one from {earlier.valid_from} "
                    f"(to {earlier.valid_to or 'open end'}) and one from {later.valid_from}",
                )

    @classmethod
    def count(
        cls, name: str, title_zh: str, title_en: str, *versions: Dated, unit_zh: str = ""
    ) -> Parameter:
        """A ``count`` parameter (whole numbers) from ``(value, valid_from, valid_to, citation)``
        tuples: the handle a rule's check reads with ``ctx.count(handle)``.

        Examples:
            >>> import datetime as dt
            >>> c = Citation("城市居民委员会组织法(2025-10-28)", "第八条第一款", "五至九人")
            >>> day = dt.date(2026, 1, 1)
            >>> p = Parameter.count("rc.size.min", "下限", "fewest", (5, day, None, c))
            >>> p.kind, p.at(dt.date(2026, 1, 1)).value
            ('count', 5)
        """
        return cls(name, title_zh, title_en, "count", _versions(versions), unit_zh=unit_zh)

    @classmethod
    def share(cls, name: str, title_zh: str, title_en: str, *versions: Dated) -> Parameter:
        """A ``share`` parameter (exact Fractions) from ``(value, valid_from, valid_to,
        citation)`` tuples, read with ``ctx.share(handle)``."""
        return cls(name, title_zh, title_en, "share", _versions(versions))

    def version_at(self, at: dt.date) -> ParameterVersion | None:
        """The version in force on ``at``, or ``None``."""
        for version in self.versions:
            if version.covers(at):
                return version
        return None

    def at(self, at: dt.date) -> ParameterVersion:
        """The version in force on ``at``.

        Raises:
            UnknownReferenceError: no value of this parameter is in force on that day.
        """
        version = self.version_at(at)
        if version is None:
            spans = tuple(f"{v.valid_from}..{v.valid_to or ''}" for v in self.versions)
            raise UnknownReferenceError(
                "parameter value", f"{self.name} on {at.isoformat()}", spans
            )
        return version

    def with_versions(self, versions: tuple[ParameterVersion, ...]) -> Parameter:
        """A copy holding only ``versions`` (used to record an override layer)."""
        return attrs.evolve(self, versions=versions)

    def to_dict(self) -> dict[str, object]:
        """JSON form used by ``cgov rules --format json``."""
        return {
            "name": self.name,
            "title": {"zh": self.title_zh, "en": self.title_en},
            "kind": self.kind,
            "versions": [v.to_dict() for v in self.versions],
        }
